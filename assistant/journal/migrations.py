"""Schema migrations of a journal shard: named, append-only steps.

Each shard records in its ``_meta`` table (document 1) its schema version
and the names of the steps it has had. A writer reaching an older shard
runs the steps it lacks, in order, through TinyDB; a shard from a newer
voice-journal is refused, never rewritten. Never change or reorder a step:
add a new one at the end.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from tinydb import Query, TinyDB

from assistant.errors import UserError
from assistant.language.transcript import clean_text, clean_words, has_model_tokens, may_be_model_token


def m001_initial(db: TinyDB) -> None:
    """Schema 1: tables 'sessions' and 'entries'."""
    db.table("sessions")
    db.table("entries")


def m002_feelings_fields(db: TinyDB) -> None:
    """Schema 2: every entry has feelings, intensity and themes."""
    entries = db.table("entries")
    for doc in entries.all():
        missing = {k: v for k, v in (("feelings", []), ("intensity", None), ("themes", [])) if k not in doc}
        if missing:
            entries.update(missing, doc_ids=[doc.doc_id])


def m003_clean_transcripts(db: TinyDB) -> None:
    """Schema 3: no speech-model symbols in what was heard (``[1]`` written
    일, ``(천)`` 천, ``<UNK>`` dropped; see :mod:`assistant.language.transcript`):
    transcripts, the recognised text kept beside a correction, the
    corrections' notes, and the word timings (in the month's words shard)."""
    entries = db.table("entries")
    dirty = [doc.doc_id for doc in entries.all() if _clean_entry(dict(doc)) != doc]
    if dirty:
        entries.update(_clean_in_place, doc_ids=dirty)  # one write for the whole shard
    _clean_words_shard(db)


MIGRATIONS: list[tuple[str, Callable[[TinyDB], None]]] = [
    ("001_initial", m001_initial),
    ("002_feelings_fields", m002_feelings_fields),
    ("003_clean_transcripts", m003_clean_transcripts),
]
SCHEMA_VERSION = len(MIGRATIONS)
CLEAN_SINCE = 3
"""The schema from which stored transcripts hold no model symbols (migration 003)."""


def _clean_texts(record: dict[str, Any], keys: tuple[str, ...]) -> None:
    for key in keys:
        if isinstance(record.get(key), str) and has_model_tokens(record[key]):
            record[key] = clean_text(record[key])


def _clean_word_list(words: Any) -> Any:
    if not isinstance(words, list):
        return words
    return clean_words(words, lambda w: w.get("word", "") if isinstance(w, dict) else str(w),
                       lambda w, text: {**w, "word": text} if isinstance(w, dict) else text)


def _clean_in_place(doc: dict[str, Any]) -> None:
    _clean_texts(doc, ("transcript", "heard"))
    if "words" in doc:  # timings kept in the entry itself
        doc["words"] = _clean_word_list(doc["words"])
    if isinstance(doc.get("corrections"), list):
        notes = [dict(n) if isinstance(n, dict) else n for n in doc["corrections"]]
        for note in notes:
            if isinstance(note, dict) and note.get("field") == "transcript":
                _clean_texts(note, ("was", "now"))
        doc["corrections"] = notes


def _clean_entry(doc: dict[str, Any]) -> dict[str, Any]:
    _clean_in_place(doc)
    return doc


def _clean_words_shard(db: TinyDB) -> None:
    """Clean the word timings in the month's words shard, when the shard being
    migrated is a journal shard (its storage knows its month and siblings)."""
    shard = db.storage
    shards, month = getattr(shard, "shards", None), getattr(shard, "month", None)
    if shards is None or month is None:
        return
    data = shards.data(month, words=True)  # cleaned as read (clean_on_read); the file may still hold symbols
    timings = data.get("words") or {}
    cleaned = {key: ({**doc, "words": _clean_word_list(doc.get("words"))} if isinstance(doc, dict) else doc)
               for key, doc in timings.items()}
    if cleaned != timings or getattr(shards.file(month, words=True), "cleaned_on_read", False):
        shards.save(month, data, {"words": cleaned}, words=True)


def clean_on_read(data: dict[str, Any]) -> dict[str, Any]:
    """A shard's tables as read, with any model symbol an older version stored
    written out or dropped, as migration 003 would (``data`` itself when there
    is none: the usual case costs one regex search per transcript).

    A migration runs only when a writer reaches a month; every reader (a
    listing, search, export, replay, the web page) reads through this, so no
    old month ever shows ``[2]`` or ``(천)``. The next write to the shard
    stores the clean text. Entries are cleaned only in a shard older than
    migration 003 (after it, brackets a person typed in a correction are
    theirs); word timings, which only the model writes, always. Never
    changes ``data`` in place."""
    changed: dict[str, Any] = {}
    for name, dirty in (("entries", _entry_dirty), ("words", _timings_dirty)):
        if name == "entries" and stored_version(data) >= CLEAN_SINCE:
            continue  # cleaned by migration 003, or clean when written: "[sic]" typed in a correction stays
        table = data.get(name)
        if not isinstance(table, dict):
            continue
        fixed = {key: _cleaned(name, doc) for key, doc in table.items() if isinstance(doc, dict) and dirty(doc)}
        if fixed:
            changed[name] = {**table, **fixed}
    return {**data, **changed} if changed else data


def _cleaned(table: str, doc: dict[str, Any]) -> dict[str, Any]:
    if table == "words":
        return {**doc, "words": _clean_word_list(doc.get("words"))}
    return _clean_entry(dict(doc))


def _text_dirty(value: Any) -> bool:
    return isinstance(value, str) and has_model_tokens(value)


def _words_dirty(words: Any) -> bool:
    return isinstance(words, list) and any(
        may_be_model_token(w.get("word", "") if isinstance(w, dict) else str(w)) for w in words)


def _entry_dirty(doc: dict[str, Any]) -> bool:
    notes = doc.get("corrections")
    return (_text_dirty(doc.get("transcript")) or _text_dirty(doc.get("heard")) or _words_dirty(doc.get("words"))
            or (isinstance(notes, list) and any(
                isinstance(n, dict) and n.get("field") == "transcript" and (_text_dirty(n.get("was"))
                                                                           or _text_dirty(n.get("now")))
                for n in notes)))


def _timings_dirty(doc: dict[str, Any]) -> bool:
    return _words_dirty(doc.get("words"))


def too_new(path: Path, version: int) -> UserError:
    return UserError(f"{path} was written by a newer voice-journal (schema {version}); upgrade voice-journal to open it")


def stored_version(data: dict[str, Any] | None) -> int:
    """The schema version of a shard's tables as stored (0: none recorded)."""
    meta = ((data or {}).get("_meta") or {}).get("1")
    return meta["schema_version"] if meta else 0


def meta_doc() -> dict[str, Any]:
    """The ``_meta`` record of a shard written by this version from the start."""
    return {"schema_version": SCHEMA_VERSION, "migrations": [name for name, _ in MIGRATIONS]}


def migrate(db: TinyDB, path: Path) -> list[str]:
    """Apply the migrations this shard has not had yet; return their names."""
    meta = db.table("_meta")
    current = (meta.get(doc_id=1) or {}).get("schema_version", 0)
    if current > SCHEMA_VERSION:
        raise too_new(path, current)
    applied = []
    for name, step in MIGRATIONS[current:]:
        step(db)
        applied.append(name)
    if applied:
        done = (meta.get(doc_id=1) or {}).get("migrations", []) + applied
        meta.upsert({"schema_version": SCHEMA_VERSION, "migrations": done}, Query().schema_version.exists())
    return applied
