"""A spoken yes before something destructive or final ("Erase this answer?"): what is listened
for, and what counts as a yes.

Pure functions over a language pack, so the evening, the replay gate and the robustness
benchmark (real people's "네, 좋아요") decide it the same way.
"""
from __future__ import annotations

from assistant.language.commands import strip_fillers
from assistant.language.packs import LanguagePack
from assistant.language.text import normalise


def yes_phrases(pack: LanguagePack) -> list[str]:
    """The yes words of the feeling-naming step (or the typed ones), and the confirmation's own
    ("좋아요": heard best, and named in the question)."""
    yes = list(pack.naming.get("yes", ())) or list(pack.typed_yes)
    return yes + [p for p in pack.naming.get("confirm_yes", ()) if p not in yes]


def confirm_grammar(pack: LanguagePack) -> list[str]:
    """Yes, no and the decoys: an answer that is neither is heard as itself, not forced onto a yes."""
    yes = yes_phrases(pack)
    phrases = yes + [p for p in pack.naming.get("no", ()) if p not in yes]
    return phrases + [d for d in pack.phrases.get("decoys", ()) if d not in phrases]


def is_plain_yes(heard: str | None, pack: LanguagePack) -> bool:
    """Every word heard is a yes word ("네", "네 네", "음 네"); anything else, or silence, is a no.

    ``yes_as_heard`` lists how the model splits a yes ("맞아 요"); "네 요" is not
    there, as it may be a fast 아니요."""
    said = f" {strip_fillers(heard or '')} "
    for split in pack.naming.get("yes_as_heard", ()):
        said = said.replace(f" {normalise(split)} ", " \0 ")
    words = said.split()
    yes_words = {w for phrase in yes_phrases(pack) for w in normalise(phrase).split()}
    return bool(words) and all(w == "\0" or w in yes_words for w in words)
