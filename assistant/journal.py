"""The journal: sessions and their answers, kept in TinyDB on disk.

TinyDB rewrites its whole file on every write, so one file for ten years of
evenings would make each new answer slower than the last. The journal is a
folder of monthly shards instead (``2026-11.json``), each a TinyDB with its
own ``sessions`` and ``entries`` tables; an answer's word timings, the bulk
of it, live in a side shard (``2026-11.words.json``) so that listing and
searching read only the compact records. Writing an answer rewrites this
month's shards only, whatever the journal's age.

Ids are readable: ``2026-11-24.2`` is the second answer of that day. Every
write goes through :class:`~assistant.storage.DurableJSONStorage`, so an
answer is on disk (fsynced) when :meth:`Journal.add_entry` returns.

Each shard carries a schema version; :data:`MIGRATIONS` lists named,
append-only steps that bring an older shard up to date when it is opened.
"""
from __future__ import annotations

import fcntl
import os
import re
import shutil
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

from tinydb import Query, TinyDB

from .errors import UserError
from .storage import FILE_MODE, DurableJSONStorage

ID_PATTERN = re.compile(r"^(\d{4}-\d{2})-\d{2}\.\d+$")
SHARD_PATTERN = re.compile(r"^\d{4}-\d{2}\.json$")


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


def check_id(entry_id: str) -> str:
    """The month of a journal id, or a one-line error for a mistyped one."""
    match = ID_PATTERN.match(str(entry_id))
    if not match:
        raise UserError(f"'{entry_id}' is not a journal id; ids look like 2026-11-24.2 (see 'voice-journal list')")
    return match.group(1)


class Journal:
    """Sessions and answer entries. Open it with ``with Journal(folder) as j``.

    ``write=False`` opens it for reading only: no lock, no migration, no
    backup, so a replay can run while a session is writing.
    """

    def __init__(self, folder: str | os.PathLike, write: bool = True):
        self.folder = Path(folder)
        self.write = write
        self._lock_handle = None
        self._shards: dict[str, TinyDB] = {}
        if write:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            self._lock()
        for month in self.months():  # read now: a damaged shard is reported before anything happens
            self._shard(month).all()

    # -- housekeeping -------------------------------------------------
    def _lock(self) -> None:
        fd = os.open(self.folder / ".lock", os.O_RDWR | os.O_CREAT, FILE_MODE)
        handle = os.fdopen(fd, "r+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise JournalBusy(
                "another voice-journal is writing to the journal right now; finish that session first, then try again"
            ) from None
        self._lock_handle = handle

    def months(self) -> list[str]:
        """The months that have a shard, oldest first."""
        if not self.folder.is_dir():
            return []
        return sorted(p.stem for p in self.folder.iterdir() if SHARD_PATTERN.match(p.name))

    def _path(self, month: str, words: bool = False) -> Path:
        return self.folder / (f"{month}.words.json" if words else f"{month}.json")

    def _shard(self, month: str, words: bool = False) -> TinyDB:
        key = month + (".words" if words else "")
        if key not in self._shards:
            path = self._path(month, words)
            if self.write and path.exists():
                _backup(path)
            db = TinyDB(path, storage=DurableJSONStorage)
            if self.write and not words:
                migrate(db, path)
            self._shards[key] = db
        return self._shards[key]

    def schema_version(self, month: str) -> int:
        return _schema_version(self._shard(month))

    def close(self) -> None:
        for db in self._shards.values():
            db.close()
        self._shards.clear()
        if self._lock_handle is not None:
            self._lock_handle.close()
            self._lock_handle = None

    def __enter__(self) -> "Journal":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _writable(self) -> None:
        if not self.write:
            raise RuntimeError("journal opened read-only")

    # -- sessions -----------------------------------------------------
    def start_session(self, language: str) -> str:
        self._writable()
        today = _local_today()
        table = self._shard(today[:7]).table("sessions")
        session_id = _next_id(today, table.all())
        table.insert({"id": session_id, "started_at": now(), "language": language, "prompt_ids": [],
                      "ended_at": None, "status": "open"})
        return session_id

    def _session_doc(self, session_id: str):
        table = self._shard(check_id(session_id)).table("sessions")
        doc = table.get(Query().id == session_id)
        if doc is None:
            raise UserError(f"no session {session_id} in the journal")
        return table, doc

    def note_prompt_asked(self, session_id: str, prompt_id: str) -> None:
        table, doc = self._session_doc(session_id)
        table.update({"prompt_ids": doc["prompt_ids"] + [prompt_id]}, doc_ids=[doc.doc_id])

    def end_session(self, session_id: str, status: str = "finished") -> None:
        table, doc = self._session_doc(session_id)
        table.update({"ended_at": now(), "status": status}, doc_ids=[doc.doc_id])

    def sessions(self, newest_first: bool = False) -> list[dict[str, Any]]:
        months = self.months()
        out = [dict(d) for m in months for d in self._shard(m).table("sessions").all()]
        out.sort(key=lambda s: s["started_at"], reverse=newest_first)
        return out

    def recent_prompt_ids(self, sessions: int, language: str | None = None) -> list[list[str]]:
        """Prompt ids asked in each of the last ``sessions`` sessions, newest first."""
        found: list[dict] = []
        for month in reversed(self.months()):  # newest shards first; usually one or two are enough
            docs = [d for d in self._shard(month).table("sessions").all() if not language or d["language"] == language]
            found.extend(sorted(docs, key=lambda d: d["started_at"], reverse=True))
            if len(found) >= sessions:
                break
        return [d.get("prompt_ids", []) for d in found[:sessions]]

    # -- entries ------------------------------------------------------
    def add_entry(self, entry: dict[str, Any]) -> str:
        """Store one answer; it is durable on disk when this returns.

        The word timings go to the month's words shard first, so a crash
        between the two writes leaves at worst unused timings, never an
        entry that points at timings that are not there.
        """
        self._writable()
        record = {"feelings": [], "intensity": None, "themes": [], **entry}
        record.setdefault("created_at", now())
        words = record.pop("words", [])
        day = record["created_at"][:10]
        table = self._shard(day[:7]).table("entries")
        entry_id = _next_id(day, table.all())
        self._shard(day[:7], words=True).table("words").upsert(
            {"id": entry_id, "words": words}, Query().id == entry_id
        )
        table.insert({"id": entry_id, **record})
        return entry_id

    def _entry_doc(self, entry_id: str):
        table = self._shard(check_id(entry_id)).table("entries")
        doc = table.get(Query().id == entry_id)
        if doc is None:
            raise UserError(f"no entry {entry_id} in the journal; see 'voice-journal list'")
        return table, doc

    def update_entry(self, entry_id: str, changes: dict[str, Any]) -> None:
        self._writable()
        table, doc = self._entry_doc(entry_id)
        table.update({k: v for k, v in changes.items() if k not in ("id", "words")}, doc_ids=[doc.doc_id])

    def remove_entry(self, entry_id: str) -> dict[str, Any]:
        """Remove an entry (and its word timings); returns what was removed."""
        self._writable()
        table, doc = self._entry_doc(entry_id)
        removed = dict(doc)
        table.remove(doc_ids=[doc.doc_id])
        self._shard(entry_id[:7], words=True).table("words").remove(Query().id == entry_id)
        return removed

    def entry(self, entry_id: str, with_words: bool = True) -> dict[str, Any]:
        _, doc = self._entry_doc(entry_id)
        record = dict(doc)
        if with_words:
            words = self._shard(entry_id[:7], words=True).table("words").get(Query().id == entry_id)
            record["words"] = words["words"] if words else []
        return record

    def entries(self, session_id: str | None = None, newest_first: bool = False) -> list[dict[str, Any]]:
        """Entries without word timings (use :meth:`entry` for those)."""
        return list(self.iter_entries(session_id=session_id, newest_first=newest_first))

    def iter_entries(self, session_id: str | None = None, newest_first: bool = False) -> Iterator[dict[str, Any]]:
        months = self.months()
        if session_id is not None:
            months = [check_id(session_id)]
        for month in (reversed(months) if newest_first else months):
            docs = [dict(d) for d in self._shard(month).table("entries").all()
                    if session_id is None or d.get("session") == session_id]
            docs.sort(key=lambda e: (e["created_at"], _seq(e["id"])), reverse=newest_first)
            yield from docs


def _next_id(day: str, docs) -> str:
    """The day's next id; never reuses one, even after a removal."""
    used = [_seq(d["id"]) for d in docs if d["id"].startswith(day + ".")]
    return f"{day}.{max(used, default=0) + 1}"


def _seq(entry_id: str) -> int:
    return int(entry_id.rsplit(".", 1)[1])


def _local_today() -> str:
    return datetime.now().astimezone().strftime("%Y-%m-%d")


def _schema_version(db: TinyDB) -> int:
    meta = db.table("_meta").get(doc_id=1)
    return meta["schema_version"] if meta else 0


def migrate(db: TinyDB, path: Path) -> list[str]:
    """Apply the migrations this shard has not had yet; return their names."""
    current = _schema_version(db)
    if current > SCHEMA_VERSION:
        raise UserError(f"{path} was written by a newer voice-journal (schema {current}); upgrade voice-journal to open it")
    applied = []
    for name, step in MIGRATIONS[current:]:
        step(db)
        applied.append(name)
    meta = db.table("_meta")
    if applied:
        done = (meta.get(doc_id=1) or {}).get("migrations", []) + applied
        meta.upsert({"schema_version": SCHEMA_VERSION, "migrations": done}, Query().schema_version.exists())
    return applied


def _backup(path: Path) -> None:
    """Keep the last good shard as ``<shard>.bak`` before writing to it."""
    DurableJSONStorage(path).read()  # refuse to back up (or touch) a damaged file
    backup = path.with_name(path.name + ".bak")
    shutil.copyfile(path, backup)
    os.chmod(backup, FILE_MODE)
