"""The journal: sessions and their answers, kept in TinyDB on disk.

Every write goes through :class:`~assistant.storage.DurableJSONStorage`, so an
answer is on disk (fsynced) before :meth:`Journal.add_entry` returns. The
journal carries a schema version; :data:`MIGRATIONS` lists named,
append-only steps that bring an older journal up to date.
"""
from __future__ import annotations

import fcntl
import os
import shutil
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable

from tinydb import Query, TinyDB

from .errors import UserError
from .storage import DurableJSONStorage, FILE_MODE


def now() -> str:
    """The current time, timezone-aware, as ISO 8601."""
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


def _m001_initial(db: TinyDB) -> None:
    """Schema 1: tables 'sessions' and 'entries'."""
    db.table("sessions")
    db.table("entries")


def _m002_feelings_fields(db: TinyDB) -> None:
    """Schema 2: every entry has feelings, intensity and themes."""
    entries = db.table("entries")
    for doc in entries.all():
        missing = {k: v for k, v in (("feelings", []), ("intensity", None), ("themes", [])) if k not in doc}
        if missing:
            entries.update(missing, doc_ids=[doc.doc_id])


MIGRATIONS: list[tuple[str, Callable[[TinyDB], None]]] = [
    ("001_initial", _m001_initial),
    ("002_feelings_fields", _m002_feelings_fields),
]
SCHEMA_VERSION = len(MIGRATIONS)


class JournalBusy(UserError):
    pass


class Journal:
    """Sessions and answer entries. Open it with ``with Journal(path) as j``."""

    def __init__(self, path: str | os.PathLike, write: bool = True):
        self.path = Path(path)
        self._lock_handle = None
        if write:
            self._lock()
        if self.path.exists() and write:
            self._backup()
        self.db = TinyDB(self.path, storage=DurableJSONStorage)
        self.db.all()  # read now, so a damaged file is reported before anything else happens
        if write:
            self.migrate()

    # -- housekeeping -------------------------------------------------
    def _lock(self) -> None:
        lock_path = self.path.with_suffix(".lock")
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        handle = os.fdopen(fd, "r+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise JournalBusy(
                "another voice-journal is writing to the journal right now; finish that session first, then try again"
            ) from None
        self._lock_handle = handle

    def _backup(self) -> None:
        """Keep the last good journal as ``journal.json.bak`` before writing."""
        DurableJSONStorage(self.path).read()  # refuse to back up (or touch) a damaged file
        backup = self.path.with_name(self.path.name + ".bak")
        shutil.copyfile(self.path, backup)
        os.chmod(backup, FILE_MODE)

    @property
    def schema_version(self) -> int:
        meta = self.db.table("_meta").get(doc_id=1)
        return meta["schema_version"] if meta else 0

    def migrate(self) -> list[str]:
        """Apply the migrations this journal has not had yet; return their names."""
        meta = self.db.table("_meta")
        current = self.schema_version
        if current > SCHEMA_VERSION:
            raise UserError(
                f"{self.path} was written by a newer voice-journal (schema {current}); upgrade voice-journal to open it"
            )
        applied = []
        for name, step in MIGRATIONS[current:]:
            step(self.db)
            applied.append(name)
        if applied or not meta.get(doc_id=1):
            done = (meta.get(doc_id=1) or {}).get("migrations", []) + applied
            meta.upsert({"schema_version": SCHEMA_VERSION, "migrations": done}, Query().schema_version.exists())
        return applied

    def close(self) -> None:
        self.db.close()
        if self._lock_handle is not None:
            self._lock_handle.close()
            self._lock_handle = None

    def __enter__(self) -> "Journal":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- sessions -----------------------------------------------------
    def start_session(self, language: str) -> int:
        return self.db.table("sessions").insert(
            {"started_at": now(), "language": language, "prompt_ids": [], "ended_at": None, "status": "open"}
        )

    def note_prompt_asked(self, session_id: int, prompt_id: str) -> None:
        table = self.db.table("sessions")
        asked = table.get(doc_id=session_id)["prompt_ids"] + [prompt_id]
        table.update({"prompt_ids": asked}, doc_ids=[session_id])

    def end_session(self, session_id: int, status: str = "finished") -> None:
        self.db.table("sessions").update({"ended_at": now(), "status": status}, doc_ids=[session_id])

    def recent_prompt_ids(self, sessions: int, language: str | None = None) -> list[list[str]]:
        """Prompt ids asked in each of the last ``sessions`` sessions, newest first."""
        docs = self.db.table("sessions").all()
        if language:
            docs = [d for d in docs if d.get("language") == language]
        docs.sort(key=lambda d: d.doc_id, reverse=True)
        return [d.get("prompt_ids", []) for d in docs[:sessions]]

    # -- entries ------------------------------------------------------
    def add_entry(self, entry: dict[str, Any]) -> int:
        """Store one answer; it is durable on disk when this returns."""
        record = {"feelings": [], "intensity": None, "themes": [], **entry}
        record.setdefault("created_at", now())
        return self.db.table("entries").insert(record)

    def update_entry(self, entry_id: int, changes: dict[str, Any]) -> None:
        self.db.table("entries").update(changes, doc_ids=[entry_id])

    def remove_entry(self, entry_id: int) -> None:
        self.db.table("entries").remove(doc_ids=[entry_id])

    def entry(self, entry_id: int) -> dict[str, Any] | None:
        doc = self.db.table("entries").get(doc_id=entry_id)
        return _with_id(doc) if doc else None

    def entries(self, session_id: int | None = None) -> list[dict[str, Any]]:
        table = self.db.table("entries")
        docs: Iterable = table.search(Query().session == session_id) if session_id is not None else table.all()
        return [_with_id(d) for d in docs]

    def sessions(self) -> list[dict[str, Any]]:
        return [_with_id(d) for d in self.db.table("sessions").all()]


def _with_id(doc) -> dict[str, Any]:
    return {"id": doc.doc_id, **doc}
