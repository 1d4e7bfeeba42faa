"""Which entries a look back is about: filters, text matching, search terms.

Pure functions over entry dicts (table-tested), plus :func:`candidates`,
which asks a :class:`~assistant.journal.book.Journal` for the entries a
filter may accept without reading more shards than it needs.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

from assistant.errors import UserError
from assistant.language.text import normalise
from assistant.language.dates import night_of
from assistant.language.feelings import load_vocabulary
from assistant.language.themes import THEMES


def fold(text: str) -> str:
    """Text as searches compare it: NFC, case-folded."""
    return unicodedata.normalize("NFC", text).casefold()


@lru_cache(maxsize=None)
def spaces_ignored(language: str) -> bool:
    """Is the language matched with spaces ignored (Korean, as Vosk splits it)?"""
    try:
        return load_vocabulary(language).match == "joined"
    except UserError:
        return False


def canonical_feeling(word: str, language: str) -> str:
    """What the person typed, as the journal stores it ("loneliness" → "lonely")."""
    plain = normalise(word)
    try:
        return load_vocabulary(language).canonical(plain) or plain
    except UserError:
        return plain


def check_theme(theme: str) -> str:
    """A theme as the journal stores it, or a one-line error listing the themes."""
    plain = normalise(theme).replace(" ", "-")
    if plain not in THEMES:
        raise UserError(f"unknown theme '{theme}'; themes are: {', '.join(THEMES)}")
    return plain


def text_matches(entry: dict[str, Any], terms: tuple[str, ...]) -> bool:
    """Every term appears in the transcript or the prompt (case-insensitive,
    substrings, so Korean stems match: "외로" finds "외로웠어요"). In a language
    matched with spaces ignored, "외로웠어요" also finds Vosk's "외로웠 어요"."""
    if not terms:
        return True
    hay = fold(f"{entry.get('transcript') or ''}\n{entry.get('prompt_text') or ''}")
    if all(t in hay for t in terms):
        return True
    if not spaces_ignored(entry.get("language") or ""):
        return False
    squeezed = "".join(hay.split())
    return all(t in hay or "".join(t.split()) in squeezed for t in terms)


def search_terms(words: str | Iterable[str] | None) -> tuple[str, ...]:
    """The folded words a search looks for."""
    if words is None:
        return ()
    text = words if isinstance(words, str) else " ".join(words)
    return tuple(fold(text).split())


@dataclass(frozen=True)
class EntryFilter:
    """Which entries a look back is about; every given condition must hold."""

    since: date | None = None
    until: date | None = None
    feeling: str | None = None
    theme: str | None = None
    text: str | None = None
    """Words that must all appear (see :func:`text_matches`)."""
    terms: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "terms", search_terms(self.text))

    def __call__(self, entry: dict[str, Any]) -> bool:
        if self.since or self.until:
            night = night_of(entry)
            if (self.since and night < self.since) or (self.until and night > self.until):
                return False
        if self.feeling and self.feeling not in (entry.get("feelings") or []):
            return False
        if self.theme and self.theme not in (entry.get("themes") or []):
            return False
        return text_matches(entry, self.terms)

    @property
    def empty(self) -> bool:
        return not (self.since or self.until or self.feeling or self.theme or self.terms)


def select_entries(entries: Iterable[dict[str, Any]], keep: Callable[[dict], bool],
                   limit: int | None = None) -> list[dict[str, Any]]:
    """The entries ``keep`` accepts, in the order given, at most ``limit``."""
    out = []
    for entry in entries:
        if keep(entry):
            out.append(entry)
            if limit and len(out) >= limit:
                break
    return out


def candidates(journal, keep: EntryFilter, limit: int | None = None) -> Iterable[dict[str, Any]]:
    """The entries ``keep`` may accept, newest first: with words to find,
    what the journal's search finds (its search cache, not every shard);
    else the entries themselves, read only as far back as ``limit`` needs
    when there is nothing else to filter on. ``keep`` still decides."""
    if keep.terms:
        only_text = not (keep.since or keep.until or keep.feeling or keep.theme)
        return journal.search(keep.text, limit=limit if only_text else None)
    return journal.iter_entries(newest_first=True, limit=limit if keep.empty else None)


def entries_with_words(journal, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The entries with their word timings, each month's words shard read once."""
    cache: dict[str, dict[str, list]] = {}
    out = []
    for entry in entries:
        month = entry["id"][:7]
        if month not in cache:
            cache[month] = journal.month_words(month)
        out.append({**entry, "words": cache[month].get(entry["id"], [])})
    return out


def audio_file(entry: dict[str, Any], audio_dir: Path) -> Path | None:
    """The entry's audio file, only if it lies inside the audio folder."""
    rel = entry.get("audio")
    if not rel:
        return None
    root = Path(audio_dir).resolve()
    path = (root / rel).resolve()
    return path if path.is_relative_to(root) else None
