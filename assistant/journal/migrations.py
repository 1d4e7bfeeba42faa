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


MIGRATIONS: list[tuple[str, Callable[[TinyDB], None]]] = [
    ("001_initial", m001_initial),
    ("002_feelings_fields", m002_feelings_fields),
]
SCHEMA_VERSION = len(MIGRATIONS)


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
