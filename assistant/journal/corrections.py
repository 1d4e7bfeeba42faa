"""Corrections: what the person changed in an entry, and what it was before.

Speech recognition garbles words and the tagger misreads them, so an entry's
transcript, feelings, themes and intensity can be corrected. The corrected
values are the entry's own fields (``transcript``, ``feelings``, ...), so
search, tags, stats and exports all use them with no second path; what was
recognised is kept in ``heard`` (the first transcript; None once restored)
and every change is appended to ``corrections``, a log of
``{"at", "field", "was", "now"}``.

A corrected transcript is tagged again: the feelings and themes that only
the misheard words gave go, those the corrected words give come, and
whatever the person named or corrected themselves stays as they left it,
however they corrected it (the page, ``retag``, by voice): corrected tags
win over tagging again.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Iterable

from assistant.errors import UserError
from assistant.language.tagging import tag
from assistant.language.themes import THEMES

TAGGED_FIELDS = ("feelings", "themes")
MAX_TRANSCRIPT_CHARS = 20_000
"""A corrected transcript longer than this is refused (an answer is at most ten minutes)."""


def _now() -> str:
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


def _note(entry: dict[str, Any], field: str, was: Any, now: Any) -> list[dict[str, Any]]:
    return list(entry.get("corrections") or []) + [{"at": _now(), "field": field, "was": was, "now": now}]


def heard_transcript(entry: dict[str, Any]) -> str:
    """What speech recognition heard, before any correction."""
    heard = entry.get("heard")
    return heard if heard is not None else (entry.get("transcript") or "")


def is_corrected(entry: dict[str, Any]) -> bool:
    """Whether the transcript shown is not the one recognised."""
    return entry.get("heard") is not None and entry["heard"] != entry.get("transcript")


def _auto_tags(text: str, language: str) -> dict[str, list[str]]:
    if not text.strip():
        return {"feelings": [], "themes": []}
    try:
        return tag(text, language).as_dict()
    except UserError:  # no vocabulary for the language: corrections keep the tags as they are
        return {"feelings": [], "themes": []}


def _touched(log: list[dict[str, Any]], field: str) -> set[str]:
    """Every value of ``field`` that a noted correction put in or took out."""
    touched: set[str] = set()
    for change in log:
        if change.get("field") == field:
            touched |= set(change.get("was") or []) ^ set(change.get("now") or [])
    return touched


def _noted(entry: dict[str, Any], tagged: dict[str, list[str]]) -> list[dict[str, Any]]:
    """The entry's log, with the corrections it does not hold written down.

    Where the entry's feelings or themes differ from what the tagger reads in
    its transcript (``tagged``) and no note explains it, the person decided
    (named a feeling in the naming step, corrected by voice or with
    ``retag``, which note nothing): noted as a change from the tagger's
    reading to the entry's, so a later edit still knows it."""
    log = list(entry.get("corrections") or [])
    for field in TAGGED_FIELDS:
        current = list(entry.get(field) or [])
        if (set(current) ^ set(tagged[field])) - _touched(log, field):
            log = _note({"corrections": log}, field, list(tagged[field]), current)
    return log


def retagged(entry: dict[str, Any], old_text: str, new_text: str) -> dict[str, Any]:
    """The entry's feelings and themes (and its log, when a correction was
    written down) once its transcript reads ``new_text`` instead of
    ``old_text``. Every value the person decided on stays as they left it."""
    language = entry.get("language") or ""
    before, after = _auto_tags(old_text, language), _auto_tags(new_text, language)
    log = _noted(entry, before)
    out: dict[str, Any] = {}
    for field in TAGGED_FIELDS:
        current = list(entry.get(field) or [])
        decided = _touched(log, field)
        gone = (set(before[field]) - set(after[field])) - decided
        kept = [v for v in current if v not in gone]
        kept += [v for v in after[field] if v not in kept and v not in decided]
        if field == "themes":
            kept.sort(key=lambda t: THEMES.index(t) if t in THEMES else len(THEMES))
        out[field] = kept
    if log != list(entry.get("corrections") or []):
        out["corrections"] = log
    return out


def transcript_changes(entry: dict[str, Any], text: str) -> dict[str, Any]:
    """The changed fields of an entry whose transcript the person corrected to ``text``."""
    text = " ".join(text.split())
    if len(text) > MAX_TRANSCRIPT_CHARS:
        raise UserError(f"the transcript is longer than {MAX_TRANSCRIPT_CHARS} characters; shorten it")
    old = entry.get("transcript") or ""
    if text == old:
        return {}
    changes: dict[str, Any] = {"transcript": text, "heard": heard_transcript(entry)}
    changes.update(retagged(entry, old, text))
    changes["corrections"] = _note({**entry, **changes}, "transcript", old, text)
    return changes


def restore_changes(entry: dict[str, Any]) -> dict[str, Any]:
    """The changed fields that put back the transcript speech recognition heard."""
    if entry.get("heard") is None:
        return {}
    changes = transcript_changes(entry, entry["heard"]) if entry["heard"] != entry.get("transcript") else {}
    if changes:
        changes["transcript"] = entry["heard"]  # as heard, spaces and all
    changes["heard"] = None  # the journal keeps fields: None reads as "never corrected"
    return changes


def corrected_tags(entry: dict[str, Any], vocabulary, add: Iterable[str] = (), remove: Iterable[str] = (),
                   themes_add: Iterable[str] = (), themes_remove: Iterable[str] = (), intensity: int | None = None,
                   *, intensity_error: str = "intensity is a number from 1 to 10 (0 clears it)") -> dict[str, Any]:
    """The entry's feelings and themes (and intensity, when given) after a
    correction; raises UserError on a feeling or theme that is not known
    (``intensity`` 0 clears it). The CLI's ``retag`` and the web page share it."""
    def canonical(word: str) -> str:
        found = vocabulary.canonical(word)
        if not found:
            raise UserError(f"'{word}' is not in the feelings vocabulary; 'voice-journal tag \"{word}\"' shows what is")
        return found

    themes_add, themes_remove = tuple(themes_add), tuple(themes_remove)
    for theme in (*themes_add, *themes_remove):
        if theme not in THEMES:
            raise UserError(f"unknown theme '{theme}'; themes are: {', '.join(THEMES)}")
    if intensity is not None and not 0 <= intensity <= 10:
        raise UserError(intensity_error)
    gone = {canonical(w) for w in remove}
    feelings = [f for f in entry.get("feelings") or [] if f not in gone]
    feelings += [w for w in dict.fromkeys(canonical(w) for w in add) if w not in feelings]
    themes = [t for t in entry.get("themes") or [] if t not in themes_remove]
    themes += [t for t in dict.fromkeys(themes_add) if t not in themes]
    wanted: dict[str, Any] = {"feelings": feelings, "themes": themes}
    if intensity is not None:
        wanted["intensity"] = intensity or None
    return wanted


def tag_changes(entry: dict[str, Any], vocabulary, add: Iterable[str] = (), remove: Iterable[str] = (),
                themes_add: Iterable[str] = (), themes_remove: Iterable[str] = (),
                intensity: int | None = None) -> dict[str, Any]:
    """The changed fields of an entry whose feelings, themes or intensity the
    person corrected (:func:`corrected_tags`), each change noted in ``corrections``."""
    wanted = corrected_tags(entry, vocabulary, add, remove, themes_add, themes_remove, intensity)
    changes: dict[str, Any] = {}
    log = list(entry.get("corrections") or [])
    for field, value in wanted.items():
        was = entry.get(field)
        if value != (was if field == "intensity" else list(was or [])):
            changes[field] = value
            log = _note({"corrections": log}, field, was, value)
    if changes:
        changes["corrections"] = log
    return changes


def apply(journal, entry_id: str, changes: dict[str, Any]) -> None:
    """Write ``changes`` to the entry; the journal must be open for writing."""
    if changes:
        journal.update_entry(entry_id, changes)
