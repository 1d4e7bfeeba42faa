"""One journal entry: what was said, and the feelings and themes it names.

An evening, the recovery of a cut-off answer and an imported memo all make
their entries here, so every entry has the same fields and is tagged the
same way. The words come first: should tagging fail (a broken vocabulary
file), the entry is kept untagged, with a one-line warning.
"""
from __future__ import annotations

import sys
from typing import Any

from assistant.errors import UserError
from assistant.language.tagging import tag


def tags_of(transcript: str, language: str, personal=None) -> dict[str, list[str]]:
    """``{"feelings": [...], "themes": [...]}``; both empty if tagging fails.

    ``personal``: the cues the person's corrections taught (see assistant.language.personal).
    """
    if not transcript.strip():
        return {"feelings": [], "themes": []}
    try:
        return (tag(transcript, language, personal) if personal else tag(transcript, language)).as_dict()
    except UserError as exc:  # a broken vocabulary file must not cost the answer
        print(f"voice-journal: {exc}; the entry is kept without feelings and themes", file=sys.stderr)
        return {"feelings": [], "themes": []}


def new_entry(*, session: str, created_at: str, language: str, prompt_id: str, prompt_set: str | None,
              prompt_text: str, transcript: str, words: list[dict], model: str, duration_s: float,
              audio: str | None, personal=None, **extra: Any) -> dict[str, Any]:
    """The entry to hand to ``Journal.add_entry``, tagged (with the person's
    learned cues, ``personal``, if given); ``extra`` adds fields some entries
    have (``recovered``, ``source``)."""
    return {
        **tags_of(transcript, language, personal),
        "session": session,
        "created_at": created_at,
        "language": language,
        "prompt_id": prompt_id,
        "prompt_set": prompt_set,
        "prompt_text": prompt_text,
        "transcript": transcript,
        "words": words,
        "model": model,
        "duration_s": duration_s,
        "audio": audio,
        **extra,
    }
