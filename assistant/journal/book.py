"""The journal: sessions and their answers, kept in TinyDB on disk.

TinyDB rewrites its whole file on every write, so one file for ten years of
evenings would make each new answer slower than the last. The journal is a
folder of monthly shards instead (``2026-11.json``), each a TinyDB with its
own ``sessions`` and ``entries`` tables; an answer's word timings, the bulk
of it, live in a side shard (``2026-11.words.json``) so that listing and
searching read only the compact records. Writing an answer rewrites this
month's shards only, whatever the journal's age.

Shards are read lazily: opening the journal reads the current month's shard
(and the newest one, if that is another), so a damaged or too-new shard is
reported before a session starts; any other shard is read when something
reaches it (a listing going back that far, a search, an export). A writer
backs a shard up (``<shard>.bak``) and brings its schema up to date the
first time it writes to it in this process, never before checking that it
reads; the current month's shard, the one a session writes to, is backed up
at open.

Ids are readable: ``2026-11-24.2`` is the second answer of that day; an id
is never reused (a removal leaves the day's highest removed number in the
shard's ``_meta``, see :func:`_note_removal`). Every write goes through
:class:`~assistant.journal.storage.DurableJSONStorage`, so an answer is on disk
(fsynced) when :meth:`Journal.add_entry` returns.

Each shard carries a schema version; :data:`MIGRATIONS` lists named,
append-only steps that bring an older shard up to date when a writer reaches
it.

Searching uses a cache beside the shards, ``search.sqlite`` (see
:class:`SearchCache`): it holds a copy of every entry's record, transcript
included, so it is as private as the journal (0600 inside the 0700 journal
folder). The shards stay the source of truth: the cache is brought up to
date before every search, deleting it is always safe, and a damaged one is
rebuilt without a word.
"""
from __future__ import annotations

import fcntl
import json
import os
import re
import sqlite3
import time
from collections import OrderedDict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from tinydb import Query, TinyDB

from assistant.errors import UserError
from assistant.journal.storage import FILE_MODE, DurableJSONStorage, copy_atomic

ID_PATTERN = re.compile(r"^(\d{4}-\d{2})-\d{2}\.\d+$")
SHARD_PATTERN = re.compile(r"^\d{4}-\d{2}\.json$")
SEARCH_CACHE = "search.sqlite"
"""The search cache's file name, inside the journal folder."""
MEMO_SHARDS = 4
"""Parsed shards a Journal keeps in memory (the month being written, its words, a few read)."""
SETTLED_NS = 3_000_000_000
"""A file changed less than this long ago may change again within the same
timestamp tick; what was read from it is not trusted to be current."""


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


class _ShardFile(DurableJSONStorage):
    """One shard file as the journal sees it: reads come from the journal's
    memo while the file is unchanged, writes go through the journal (backup
    before the first one). Also the storage of the TinyDB the migrations get."""

    def __init__(self, journal: "Journal", month: str, words: bool):
        super().__init__(journal._path(month, words), vault=journal.vault)
        self.journal = journal
        self.month = month
        self.words = words
        self.new = False
        """No file when a writer first reached it: its first write stamps the schema."""
        self.prepared = False
        """Backed up (or nothing to back up) for this process's writes."""

    def read(self) -> dict[str, Any] | None:
        return self.journal._read_file(self)

    def parse(self) -> dict[str, Any] | None:
        return super().read()

    def write(self, data: dict[str, Any]) -> None:
        self.journal._write_file(self, data)

    def store(self, data: dict[str, Any]) -> None:
        super().write(data)


class Journal:
    """Sessions and answer entries. Open it with ``with Journal(folder) as j``.

    ``write=False`` opens it for reading only: no lock, no migration, no
    backup, so a replay can run while a session is writing. (A search may
    still bring the search cache, ``search.sqlite``, up to date.)
    """

    def __init__(self, folder: str | os.PathLike, write: bool = True, vault=None):
        from assistant.journal.vault import is_encrypted

        self.folder = Path(folder)
        self.write = write
        self.vault = vault
        """The key of an encrypted journal (assistant.journal.vault): shards are sealed
        with it, and the search cache stays in memory."""
        if vault is None and is_encrypted(self.folder):
            raise UserError(f"the journal in {self.folder} is encrypted; it opens only with its passphrase")
        self._lock_handle = None
        self._files: dict[str, _ShardFile] = {}
        self._memo: OrderedDict[Path, tuple[tuple, Any]] = OrderedDict()
        self._reached: set[str] = set()
        self._search: SearchCache | None = None
        if write:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            self._lock()
        try:
            months = self.months()
            current = _local_today()[:7]
            # read now: a damaged (or, for a writer, too new) shard is reported before anything happens
            for month in dict.fromkeys([current] + months[-1:]):
                if month in months:
                    self._data(month)
            if write and current in months:
                self._prepare(self._file(current))
        except BaseException:  # no half-open journal keeps the lock (the person may fix the file and retry)
            self.close()
            raise

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

    def _file(self, month: str, words: bool = False) -> _ShardFile:
        key = month + (".words" if words else "")
        if key not in self._files:
            self._files[key] = _ShardFile(self, month, words)
        return self._files[key]

    def _data(self, month: str, words: bool = False) -> dict[str, Any]:
        """A shard's tables as stored, read if need be. Shared with the memo:
        never change it in place (copy the table you change, see :meth:`_save`)."""
        shard = self._file(month, words)
        if self.write and not words and month not in self._reached:
            self._reach(shard)
        return shard.read() or {}

    def _reach(self, shard: _ShardFile) -> None:
        """A writer's first look at a month's shard: refuse a newer schema,
        migrate an older one (backing it up first), or note that it is new."""
        if not shard.path.exists():
            shard.new = True
        else:
            data = shard.read()
            version = _meta_version(data)
            if version > SCHEMA_VERSION:
                raise UserError(f"{shard.path} was written by a newer voice-journal (schema {version}); "
                                "upgrade voice-journal to open it")
            if version < SCHEMA_VERSION:
                migrate(TinyDB(storage=lambda: shard), shard.path)
        self._reached.add(shard.month)

    def _shard(self, month: str, words: bool = False) -> TinyDB:
        """A TinyDB over one shard (the journal's own reads and writes do not
        need it; kept for code written against it). Made afresh each time, so
        it never holds table state from before a later write."""
        shard = self._file(month, words)
        if self.write and not words and month not in self._reached:
            self._reach(shard)
        return TinyDB(storage=lambda: shard)

    def _read_file(self, shard: _ShardFile) -> dict[str, Any] | None:
        sig = _signature(shard.path)
        if sig is None:
            self._memo.pop(shard.path, None)
            return None
        hit = self._memo.get(shard.path)
        if hit is not None and hit[0] == sig:
            self._memo.move_to_end(shard.path)
            return hit[1]
        data = shard.parse()  # a damaged file: CorruptJournal
        if self.write or _settled(sig):  # a writer holds the lock: nobody else changes the file
            self._remember(shard.path, sig, data)
        else:
            self._memo.pop(shard.path, None)
        return data

    def _remember(self, path: Path, sig: tuple, data: Any) -> None:
        self._memo[path] = (sig, data)
        self._memo.move_to_end(path)
        while len(self._memo) > MEMO_SHARDS:
            self._memo.popitem(last=False)

    def _prepare(self, shard: _ShardFile) -> None:
        """Back the shard up before this process first writes to it."""
        if shard.prepared:
            return
        if shard.path.exists():
            hit = self._memo.get(shard.path)
            _backup(shard.path, checked=hit is not None and hit[0] == _signature(shard.path), vault=self.vault)
        shard.prepared = True

    def _write_file(self, shard: _ShardFile, data: dict[str, Any]) -> None:
        self._writable()
        self._prepare(shard)
        if shard.new and not shard.words and "_meta" not in data:
            data = {"_meta": {"1": _meta_doc()}, **data}
        self._memo.pop(shard.path, None)
        shard.store(data)
        shard.new = False
        sig = _signature(shard.path)
        if sig is not None:
            self._remember(shard.path, sig, data)

    def _save(self, month: str, data: dict[str, Any], tables: dict[str, dict], words: bool = False) -> None:
        """Write a shard once: ``data`` (as read) with ``tables`` replaced.

        The memo's tables are never changed in place: a write that fails
        leaves the journal's idea of the shard as it is on disk."""
        self._file(month, words).write({**data, **tables})

    def schema_version(self, month: str) -> int:
        return _meta_version(self._data(month))

    def close(self) -> None:
        if self._search is not None:
            self._search.close()
            self._search = None
        self._memo.clear()
        self._files.clear()
        self._reached.clear()
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
        data = self._data(today[:7])
        table = dict(data.get("sessions") or {})
        session_id = _next_id(today, table.values())
        table[_next_key(table)] = {"id": session_id, "started_at": now(), "language": language, "prompt_ids": [],
                                   "ended_at": None, "status": "open"}
        self._save(today[:7], data, {"sessions": table})
        return session_id

    def _find(self, table_name: str, doc_id: str, missing: str) -> tuple[str, dict, dict, str, dict]:
        """(month, shard data, table, key, document) of a session or entry by its id."""
        month = check_id(doc_id)
        data = self._data(month)
        table = data.get(table_name) or {}
        for key, doc in table.items():
            if doc.get("id") == doc_id:
                return month, data, table, key, doc
        raise UserError(missing)

    def _session_doc(self, session_id: str) -> tuple[str, dict, dict, str, dict]:
        return self._find("sessions", session_id, f"no session {session_id} in the journal")

    def _change_session(self, session_id: str, change: Callable[[dict], dict]) -> None:
        self._writable()
        month, data, table, key, doc = self._session_doc(session_id)
        self._save(month, data, {"sessions": {**table, key: {**doc, **change(doc)}}})

    def note_prompt_asked(self, session_id: str, prompt_id: str) -> None:
        self._change_session(session_id, lambda doc: {"prompt_ids": doc["prompt_ids"] + [prompt_id]})

    def end_session(self, session_id: str, status: str = "finished") -> None:
        self._change_session(session_id, lambda doc: {"ended_at": now(), "status": status})

    def _month_sessions(self, month: str) -> list[dict[str, Any]]:
        return [_copy(d) for d in (self._data(month).get("sessions") or {}).values()]

    def sessions(self, newest_first: bool = False) -> list[dict[str, Any]]:
        out = [d for m in self.months() for d in self._month_sessions(m)]
        out.sort(key=_started, reverse=newest_first)
        return out

    def recent_prompt_ids(self, sessions: int, language: str | None = None) -> list[list[str]]:
        """Prompt ids asked in each of the last ``sessions`` sessions, newest first.

        Sessions of imported memos (status ``imported``) asked nothing, so
        they are skipped. Reads the newest shards only, as far back as needed.
        """
        found: list[dict] = []
        for month in reversed(self.months()):
            docs = [d for d in self._month_sessions(month)
                    if (not language or d.get("language") == language) and d.get("status") != "imported"]
            found.extend(sorted(docs, key=_started, reverse=True))
            if len(found) >= sessions:
                break
        return [d.get("prompt_ids", []) for d in found[:sessions]]

    # -- entries ------------------------------------------------------
    def add_entry(self, entry: dict[str, Any]) -> str:
        """Store one answer; it is durable on disk when this returns.

        The word timings go to the month's words shard first, so a crash
        between the two writes leaves at worst unused timings, never an
        entry that points at timings that are not there. Each shard is
        written once.
        """
        self._writable()
        record = {"feelings": [], "intensity": None, "themes": [], **entry}
        record.setdefault("created_at", now())
        words = record.pop("words", [])
        day = record["created_at"][:10]
        month = day[:7]
        data = self._data(month)
        entries = data.get("entries") or {}
        entry_id = _next_id(day, entries.values(), _removed(data).get(day, 0))
        words_data = self._data(month, words=True)
        timings = dict(words_data.get("words") or {})
        stale = [k for k, d in timings.items() if d.get("id") == entry_id]  # left by a crash between the writes
        for key in stale:
            timings[key] = {**timings[key], "id": entry_id, "words": words}
        if not stale:
            timings[_next_key(timings)] = {"id": entry_id, "words": words}
        self._save(month, words_data, {"words": timings}, words=True)
        self._save(month, data, {"entries": {**entries, _next_key(entries): {"id": entry_id, **record}}})
        return entry_id

    def _entry_doc(self, entry_id: str) -> tuple[str, dict, dict, str, dict]:
        return self._find("entries", entry_id, f"no entry {entry_id} in the journal; see 'voice-journal list'")

    def update_entry(self, entry_id: str, changes: dict[str, Any]) -> None:
        self._writable()
        month, data, table, key, doc = self._entry_doc(entry_id)
        fields = {k: v for k, v in changes.items() if k not in ("id", "words")}
        self._save(month, data, {"entries": {**table, key: {**doc, **fields}}})

    def remove_entry(self, entry_id: str) -> dict[str, Any]:
        """Remove an entry (and its word timings); returns what was removed.

        The timings go first: the id is never used again, so timings left
        by a crash between the two writes would stay for good, while an
        entry left without its timings is still listed, to be removed again.
        The search cache forgets it at once, rather than at the next search."""
        self._writable()
        month, data, table, key, doc = self._entry_doc(entry_id)
        removed = _copy(doc)
        words_data = self._data(month, words=True)
        timings = words_data.get("words") or {}
        kept = {k: d for k, d in timings.items() if d.get("id") != entry_id}
        if len(kept) != len(timings):
            self._save(month, words_data, {"words": kept}, words=True)
        self._save(month, data, {"entries": {k: d for k, d in table.items() if k != key},
                                 "_meta": _note_removal(data, entry_id)})
        SearchCache(self).forget(entry_id)
        return removed

    def entry(self, entry_id: str, with_words: bool = True) -> dict[str, Any]:
        record = _copy(self._entry_doc(entry_id)[4])
        if with_words:
            timings = self._data(entry_id[:7], words=True).get("words") or {}
            found = next((d for d in timings.values() if d.get("id") == entry_id), None)
            record["words"] = _copy_words(found.get("words", [])) if found else []
        return record

    def month_words(self, month: str) -> dict[str, list]:
        """All word timings of one month, ``{entry id: words}``, read at once
        (:meth:`entry` reads the words shard for each entry)."""
        timings = self._data(month, words=True).get("words") or {}
        return {d["id"]: _copy_words(d.get("words", [])) for d in timings.values() if "id" in d}

    def month_entries(self, month: str) -> list[dict[str, Any]]:
        """One month's entries, without word timings, reading that shard only."""
        if month not in self.months():
            return []
        return [_copy(d) for d in (self._data(month).get("entries") or {}).values()]

    def entries(self, session_id: str | None = None, newest_first: bool = False) -> list[dict[str, Any]]:
        """Entries without word timings (use :meth:`entry` for those)."""
        return list(self.iter_entries(session_id=session_id, newest_first=newest_first))

    def iter_entries(self, session_id: str | None = None, newest_first: bool = False,
                     limit: int | None = None) -> Iterator[dict[str, Any]]:
        """Entries without word timings, oldest (or newest) first, at most
        ``limit`` of them (None: all). A shard is read only when the
        iteration reaches it, so the newest few read the newest shard only."""
        if limit is not None and limit <= 0:
            return
        months = self.months()
        if session_id is not None:  # an answer after midnight at a month's end is in the next month's shard
            first = check_id(session_id)
            months = [m for m in (first, month_after(first)) if m in months]
        count = 0
        for month in (reversed(months) if newest_first else months):
            docs = [_copy(d) for d in (self._data(month).get("entries") or {}).values()
                    if session_id is None or d.get("session") == session_id]
            docs.sort(key=lambda e: (e["created_at"], _seq(e["id"])), reverse=newest_first)
            for doc in docs:
                yield doc
                count += 1
                if limit is not None and count >= limit:
                    return

    def search(self, words: str | Iterable[str], limit: int | None = None) -> list[dict[str, Any]]:
        """Entries (without word timings) whose transcript or prompt holds
        every one of ``words``, newest first, at most ``limit``.

        The match is :func:`assistant.journal.review.text_matches`: case-insensitive
        substrings ("외로" finds "외로웠어요"), and in a language matched with
        spaces ignored (Korean) spaces in the text do not count. No words:
        every entry. Answered from the search cache (``search.sqlite``),
        which is first brought up to date with the shards; an encrypted
        journal is scanned instead (its transcripts never sit on disk in the
        clear).
        """
        from assistant.journal.review import search_terms

        terms = search_terms(words)
        if not terms:
            return list(self.iter_entries(newest_first=True, limit=limit))
        if limit is not None and limit <= 0:
            return []
        if not self.folder.is_dir():
            return []
        if self.vault is not None:
            # encrypted: no index may sit on disk, and for one search a scan of the
            # shards beats building one in memory (0.3 s against 1.1 s at 20,000 entries)
            from assistant.journal.review import select_entries, text_matches

            return select_entries(self.iter_entries(newest_first=True), lambda e: text_matches(e, terms), limit)
        if self._search is None:
            self._search = SearchCache(self)
        return self._search.search(terms, limit)

    def restore(self, sessions: list[dict[str, Any]], entries_with_words: list[dict[str, Any]]) -> dict[str, list[str]]:
        """Put sessions and entries (with their ``words``) back under their
        own ids, as an export holds them; an id already in the journal (or
        met twice) is skipped. One write per shard: the words shard first,
        as in :meth:`add_entry`. Returns the ids written,
        ``{"sessions": [...], "entries": [...]}``."""
        self._writable()
        by_month: dict[str, tuple[list, list]] = {}
        for doc in sessions:
            by_month.setdefault(check_id(doc["id"]), ([], []))[0].append(doc)
        for doc in entries_with_words:
            by_month.setdefault(check_id(doc["id"]), ([], []))[1].append(doc)
        done: dict[str, list[str]] = {"sessions": [], "entries": []}
        for month, (month_sessions, month_entries) in sorted(by_month.items()):
            data = self._data(month)
            session_table = dict(data.get("sessions") or {})
            entry_table = dict(data.get("entries") or {})
            have_sessions = {d.get("id") for d in session_table.values()}
            have_entries = {d.get("id") for d in entry_table.values()}
            new_sessions, new_entries = [], []
            for doc in month_sessions:
                if doc["id"] not in have_sessions:
                    have_sessions.add(doc["id"])
                    new_sessions.append(doc)
            for doc in month_entries:
                if doc["id"] not in have_entries:
                    have_entries.add(doc["id"])
                    new_entries.append(doc)
            if new_entries:
                ids = {e["id"] for e in new_entries}
                words_data = self._data(month, words=True)
                timings = {k: d for k, d in (words_data.get("words") or {}).items() if d.get("id") not in ids}
                for doc in new_entries:
                    timings[_next_key(timings)] = {"id": doc["id"], "words": doc.get("words", [])}
                self._save(month, words_data, {"words": timings}, words=True)
            if not (new_sessions or new_entries):
                continue
            for doc in new_sessions:
                session_table[_next_key(session_table)] = dict(doc)
            for doc in new_entries:
                entry_table[_next_key(entry_table)] = {"feelings": [], "intensity": None, "themes": [],
                                                       **{k: v for k, v in doc.items() if k != "words"}}
            self._save(month, data, {"sessions": session_table, "entries": entry_table})
            done["sessions"] += [d["id"] for d in new_sessions]
            done["entries"] += [d["id"] for d in new_entries]
        return done


# --- the search cache ---------------------------------------------------------------

class SearchCache:
    """``search.sqlite``: what :meth:`Journal.search` answers from.

    A SQLite database (stdlib ``sqlite3``) beside the shards holding, per
    entry, its record as JSON (id, created_at, session, language, prompt,
    transcript, feelings, themes, everything a listing prints) and the text
    a search looks in (transcript and prompt, case-folded; without spaces
    in a language matched with spaces ignored). With SQLite's FTS5 and its
    trigram tokenizer, an index of that text's three-character pieces finds
    the candidates for words of three characters or more; every word is
    then checked with ``instr`` on the text, and words shorter than three
    characters (common in Korean) only so. Without FTS5 or trigram, every
    search is that ``instr`` scan (still fast: the text is all in one table).

    The shards are the source of truth. Before each search the cache
    compares each shard's (inode, size, mtime, ctime) with what it recorded
    and re-reads only the shards that changed (and drops removed ones); a
    shard changed within the last few seconds is re-read again next time,
    in case it changes again within one timestamp tick. Deleting the file is
    always safe; a damaged or unreadable cache is rebuilt, or if the folder
    cannot be written, built in memory for the search at hand.

    Privacy: the cache holds every transcript, like the shards: it is
    created 0600 inside the 0700 journal folder, deleted rows are
    overwritten (``secure_delete``), and an entry removed with
    :meth:`Journal.remove_entry` leaves it at once (the full-text index is
    merged so that nothing of it stays in the index either).
    """

    FORMAT = 1
    """``PRAGMA user_version`` of the cache; a cache of another format is rebuilt."""

    def __init__(self, journal: Journal):
        self.journal = journal
        self.path = journal.folder / SEARCH_CACHE
        self.conn: sqlite3.Connection | None = None
        self.fts = False
        self.in_memory = False

    # -- connecting ---------------------------------------------------------
    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def _connect(self, memory: bool = False) -> sqlite3.Connection:
        if self.conn is not None and self.in_memory == memory:
            return self.conn
        self.close()
        if memory:
            conn = sqlite3.connect(":memory:", isolation_level=None)
        else:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), FILE_MODE)
            try:
                os.fchmod(fd, FILE_MODE)
            finally:
                os.close(fd)
            conn = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        try:
            conn.execute("PRAGMA secure_delete = ON")
            self._schema(conn)
        except BaseException:
            conn.close()
            raise
        self.conn, self.in_memory = conn, memory
        return conn

    def _schema(self, conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == self.FORMAT:
            self.fts = conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'entries_fts'").fetchone()[0] > 0
            conn.execute("SELECT month, sig FROM shards LIMIT 1").fetchall()  # a damaged cache fails here
            conn.execute("SELECT id, month, created_at, seq, pos, joined, doc, text FROM entries LIMIT 1").fetchall()
            return
        if version != 0 or conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise sqlite3.DatabaseError("search cache of another format")
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("CREATE TABLE shards (month TEXT PRIMARY KEY, sig TEXT NOT NULL)")
            conn.execute("CREATE TABLE languages (language TEXT PRIMARY KEY, joined INTEGER NOT NULL)")
            conn.execute("CREATE TABLE entries (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, month TEXT NOT NULL, "
                         "created_at TEXT NOT NULL, seq INTEGER NOT NULL, pos INTEGER NOT NULL, "
                         "joined INTEGER NOT NULL, doc TEXT NOT NULL, text TEXT NOT NULL)")
            conn.execute("CREATE INDEX entries_month ON entries (month)")
            self.fts = _trigram_tokenizer(conn) is not None
            if self.fts:
                conn.execute("CREATE VIRTUAL TABLE entries_fts USING fts5(text, content='entries', content_rowid='rowid', "
                             f"tokenize='{_trigram_tokenizer(conn)}', detail='none')")
            conn.execute(f"PRAGMA user_version = {self.FORMAT}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _discard_file(self) -> None:
        self.close()
        discard_search_cache(self.journal.folder)

    # -- searching ----------------------------------------------------------
    def search(self, terms: tuple[str, ...], limit: int | None) -> list[dict[str, Any]]:
        """Entries holding every term (already folded), newest first."""
        from assistant.journal.storage import CorruptJournal

        memory = self.in_memory
        for attempt in range(3):
            try:
                conn = self._connect(memory)
                self.refresh(conn)
                return self._query(conn, terms, limit)
            except CorruptJournal:
                raise
            except (sqlite3.Error, OSError) as exc:
                if memory:
                    raise
                self.close()
                if attempt == 0 and isinstance(exc, sqlite3.DatabaseError) and _cache_damaged(exc):
                    try:
                        self._discard_file()  # damaged or of another format: rebuilt from the shards
                        continue
                    except OSError:
                        pass
                memory = True  # cannot use the file (read-only folder, locked, disk full): build it in memory
        raise AssertionError("unreachable")

    def _query(self, conn: sqlite3.Connection, terms: tuple[str, ...], limit: int | None) -> list[dict[str, Any]]:
        grams = sorted({t[i:i + 3] for t in terms for i in range(len(t) - 2)})
        where, params = [], []
        if self.fts and grams:
            where.append("rowid IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)")
            params.append(" AND ".join('"' + g.replace('"', '""') + '"' for g in grams))
        for term in terms:
            where.append("instr(text, ?) > 0")
            params.append(term)
        params.append(-1 if limit is None else limit)
        rows = conn.execute(f"SELECT doc FROM entries WHERE {' AND '.join(where)} "
                            "ORDER BY month DESC, created_at DESC, seq DESC, pos ASC LIMIT ?", params)
        return [json.loads(doc) for (doc,) in rows]

    # -- keeping up with the shards ------------------------------------------
    def refresh(self, conn: sqlite3.Connection) -> None:
        """Re-read the shards that changed since the cache last saw them."""
        months = self.journal.months()
        recorded = dict(conn.execute("SELECT month, sig FROM shards"))
        indexed = {m for (m,) in conn.execute("SELECT DISTINCT month FROM entries")}
        rebuild = self._languages_changed(conn)
        if not rebuild and recorded.keys() == set(months) >= indexed and all(
                recorded[m] == _sig_text(self.journal._path(m)) for m in months):
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            recorded = dict(conn.execute("SELECT month, sig FROM shards"))  # another reader may have just done it
            indexed = {m for (m,) in conn.execute("SELECT DISTINCT month FROM entries")}
            if rebuild:
                self._drop(conn, sorted(indexed | recorded.keys()))
                recorded, indexed = {}, set()
            gone = sorted((indexed | recorded.keys()) - set(months))
            removed = self._drop(conn, gone)
            for month in months:
                sig = _sig_text(self.journal._path(month))
                if sig is not None and recorded.get(month) != sig:
                    removed |= self._index(conn, month, sig)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if removed and self.fts:
            conn.execute("INSERT INTO entries_fts(entries_fts) VALUES ('optimize')")

    def _languages_changed(self, conn: sqlite3.Connection) -> bool:
        """Whether a language's "spaces ignored" setting changed since indexing."""
        from assistant.journal.review import _joined

        return any(_joined(language) != bool(joined)
                   for language, joined in conn.execute("SELECT language, joined FROM languages"))

    def _drop(self, conn: sqlite3.Connection, months: list[str]) -> set[str]:
        """Forget these months' entries; returns their ids."""
        ids: set[str] = set()
        for month in months:
            ids |= {i for (i,) in conn.execute("SELECT id FROM entries WHERE month = ?", (month,))}
            if self.fts:
                conn.execute("INSERT INTO entries_fts(entries_fts, rowid, text) "
                             "SELECT 'delete', rowid, text FROM entries WHERE month = ?", (month,))
            conn.execute("DELETE FROM entries WHERE month = ?", (month,))
            conn.execute("DELETE FROM shards WHERE month = ?", (month,))
        return ids

    def _index(self, conn: sqlite3.Connection, month: str, sig: str) -> set[str]:
        """(Re-)index one month; returns the ids it no longer has."""
        from assistant.journal.review import _fold, _joined

        data = self.journal._data(month)  # a damaged shard: CorruptJournal, and nothing is changed
        before = self._drop(conn, [month])
        rows, languages = [], {}
        for pos, doc in enumerate((data.get("entries") or {}).values()):
            entry_id = str(doc.get("id", ""))
            language = doc.get("language") or ""
            if language not in languages:
                languages[language] = _joined(language)
            text = _fold(f"{doc.get('transcript') or ''}\n{doc.get('prompt_text') or ''}")
            if languages[language]:
                text = "".join(text.split())
            rows.append((entry_id, month, str(doc.get("created_at", "")), _seq_or_zero(entry_id), pos,
                         int(languages[language]), json.dumps(doc, ensure_ascii=False, separators=(",", ":")), text))
        conn.executemany("INSERT INTO entries (id, month, created_at, seq, pos, joined, doc, text) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        if self.fts:
            conn.execute("INSERT INTO entries_fts(rowid, text) SELECT rowid, text FROM entries WHERE month = ?", (month,))
        conn.executemany("INSERT OR REPLACE INTO languages (language, joined) VALUES (?, ?)",
                         [(k, int(v)) for k, v in languages.items()])
        # a shard that changed a moment ago may change again within the same timestamp: look again next time
        conn.execute("INSERT INTO shards (month, sig) VALUES (?, ?)", (month, sig if _settled_text(sig) else sig + "~"))
        return before - {r[0] for r in rows}

    def forget(self, entry_id: str) -> None:
        """Take a removed entry out of the cache now: its transcript must not
        linger there until the next search. Best effort: a cache that cannot
        be changed is deleted (always safe)."""
        if not self.path.exists():
            return
        cache = self.journal._search if self.journal._search is not None and not self.journal._search.in_memory else self
        try:
            conn = cache._connect()
            conn.execute("BEGIN IMMEDIATE")
            try:
                if cache.fts:
                    conn.execute("INSERT INTO entries_fts(entries_fts, rowid, text) "
                                 "SELECT 'delete', rowid, text FROM entries WHERE id = ?", (entry_id,))
                conn.execute("DELETE FROM entries WHERE id = ?", (entry_id,))
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            if cache.fts:  # merge the index, so no trace of the removed text stays in older segments
                conn.execute("INSERT INTO entries_fts(entries_fts) VALUES ('optimize')")
        except (sqlite3.Error, OSError):
            try:
                cache._discard_file()
            except OSError:
                pass
        finally:
            if cache is self:
                self.close()


def discard_search_cache(folder: str | os.PathLike) -> None:
    """Delete the search cache and SQLite's side files: it is rebuilt from the shards."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{Path(folder) / SEARCH_CACHE}{suffix}").unlink(missing_ok=True)


def _trigram_tokenizer(conn: sqlite3.Connection) -> str | None:
    """The FTS5 trigram tokenizer spec this SQLite supports, or None."""
    for spec in ("trigram case_sensitive 1", "trigram"):
        try:
            conn.execute(f"CREATE VIRTUAL TABLE temp.probe USING fts5(t, tokenize='{spec}', detail='none')")
        except sqlite3.Error:
            continue
        conn.execute("DROP TABLE temp.probe")
        return spec
    return None


def _cache_damaged(exc: sqlite3.DatabaseError) -> bool:
    """A cache worth deleting and rebuilding (not one that is merely busy or unwritable)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    return not name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_READONLY", "SQLITE_FULL",
                                 "SQLITE_CANTOPEN", "SQLITE_IOERR", "SQLITE_PERM", "SQLITE_NOMEM"))


# --- helpers ------------------------------------------------------------------------

def _next_id(day: str, docs, removed: int = 0) -> str:
    """The day's next id, past ``removed`` (the day's highest removed
    sequence number): an id is never reused, even after a removal."""
    used = [_seq(d["id"]) for d in docs if d["id"].startswith(day + ".")]
    return f"{day}.{max([removed, *used]) + 1}"


def _removed(data: dict[str, Any]) -> dict[str, int]:
    """``{day: highest removed entry number}``, kept in the shard's ``_meta``
    record (an optional field: older versions ignore it, so no schema step)."""
    return (((data.get("_meta") or {}).get("1") or {}).get("removed_ids") or {})


def _note_removal(data: dict[str, Any], entry_id: str) -> dict[str, Any]:
    """The shard's ``_meta`` table once ``entry_id`` is removed: written with
    the removal itself, so the id can never come back."""
    meta = dict(data.get("_meta") or {})
    doc = dict(meta.get("1") or _meta_doc())
    day, seq = entry_id.rsplit(".", 1)[0], _seq(entry_id)
    doc["removed_ids"] = {**_removed(data), day: max(seq, _removed(data).get(day, 0))}
    meta["1"] = doc
    return meta


def month_after(month: str) -> str:
    """The month after ``2026-12``: ``2027-01``."""
    year, number = map(int, month.split("-"))
    return f"{year + number // 12:04d}-{number % 12 + 1:02d}"


def _started(session: dict[str, Any]) -> tuple[str, int]:
    """Sort key of a session: its start, then its number that day (two
    sessions may start within the same second)."""
    return session["started_at"], _seq_or_zero(str(session.get("id", "")))


def _next_key(table: dict) -> str:
    """The next TinyDB document id of a table, as TinyDB picks it."""
    return str(max((int(k) for k in table), default=0) + 1)


def _seq(entry_id: str) -> int:
    return int(entry_id.rsplit(".", 1)[1])


def _seq_or_zero(entry_id: str) -> int:
    try:
        return _seq(entry_id)
    except (ValueError, IndexError):
        return 0


def _copy(doc: dict) -> dict:
    """A record to hand out: its lists and dicts are its own (the parsed shard is kept and reused)."""
    return {k: (v.copy() if isinstance(v, (list, dict)) else v) for k, v in doc.items()}


def _copy_words(words: list) -> list:
    return [dict(w) if isinstance(w, dict) else w for w in words]


def _signature(path: Path) -> tuple | None:
    """What changes whenever the file does: inode (a write renames a new file in), size and times."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _sig_text(path: Path) -> str | None:
    sig = _signature(path)
    return None if sig is None else ":".join(map(str, sig))


def _settled(sig: tuple) -> bool:
    return abs(time.time_ns() - max(sig[2], sig[3])) >= SETTLED_NS


def _settled_text(sig: str) -> bool:
    parts = sig.split(":")
    return _settled((0, 0, int(parts[2]), int(parts[3])))


def _local_today() -> str:
    return datetime.now().astimezone().strftime("%Y-%m-%d")


def _schema_version(db: TinyDB) -> int:
    meta = db.table("_meta").get(doc_id=1)
    return meta["schema_version"] if meta else 0


def _meta_version(data: dict[str, Any] | None) -> int:
    """The schema version of a shard's tables as stored (what :func:`_schema_version` reads)."""
    meta = ((data or {}).get("_meta") or {}).get("1")
    return meta["schema_version"] if meta else 0


def _meta_doc() -> dict[str, Any]:
    """The ``_meta`` record of a shard written by this version from the start."""
    return {"schema_version": SCHEMA_VERSION, "migrations": [name for name, _ in MIGRATIONS]}


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


def _backup(path: Path, checked: bool = False, vault=None) -> None:
    """Keep the last good shard as ``<shard>.bak`` before writing to it.

    ``checked``: the file was just read whole (and is unchanged since), so
    it need not be read again to know it is not damaged."""
    if not checked:
        DurableJSONStorage(path, vault=vault).read()  # refuse to back up (or touch) a damaged file
    # a temporary copy renamed over the old .bak: private from the first byte, and a
    # failure (a full disk) leaves the old backup whole (UserError from write_atomic)
    copy_atomic(path, path.with_name(path.name + ".bak"))
