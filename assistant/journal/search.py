"""The search cache, ``search.sqlite``: what :meth:`Journal.search` answers from.

It holds a copy of every entry's record, transcript included, so it is as
private as the journal (0600 inside the 0700 journal folder). The shards
stay the source of truth: the cache is brought up to date before every
search, deleting it is always safe, and a damaged one is rebuilt without a
word.
"""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

from assistant.journal.ids import seq_or_zero
from assistant.journal.queries import fold, spaces_ignored
from assistant.journal.shards import Shards, settled_text, signature_text
from assistant.journal.storage import FILE_MODE, CorruptJournal

SEARCH_CACHE = "search.sqlite"
"""The search cache's file name, inside the journal folder."""


class SearchCache:
    """``search.sqlite``: what :meth:`Journal.search` answers from.

    A SQLite database (stdlib ``sqlite3``) beside the shards holding, per
    entry, its record as JSON (id, created_at, session, language, prompt,
    transcript, feelings, themes, everything a listing prints) and the text
    a search looks in (transcript and prompt, case-folded; without spaces
    in a language matched with spaces ignored). A search is an ``instr``
    scan of that one column: 0.03 s of CPU for 20,000 entries. A full-text
    index (FTS5 trigrams) made a search a few milliseconds faster but the
    first one, which builds the cache, three times slower (1.1 s of CPU at
    20,000 entries, against 0.4 s), and it could not help words shorter than
    three characters, common in Korean, anyway.

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
    :meth:`Journal.remove_entry` leaves it at once.
    """

    FORMAT = 3
    """``PRAGMA user_version`` of the cache; a cache of another format is rebuilt
    (format 1 had a trigram index; format 2 could hold an old month's model symbols, [2] or (천))."""

    def __init__(self, shards: Shards):
        self.shards = shards
        self.path = shards.folder / SEARCH_CACHE
        self.conn: sqlite3.Connection | None = None
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
            conn.execute(f"PRAGMA user_version = {self.FORMAT}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _discard_file(self) -> None:
        self.close()
        discard_search_cache(self.shards.folder)

    # -- searching ----------------------------------------------------------
    def search(self, terms: tuple[str, ...], limit: int | None) -> list[dict[str, Any]]:
        """Entries holding every term (already folded), newest first."""
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
        where, params = [], []
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
        months = self.shards.months()
        recorded = dict(conn.execute("SELECT month, sig FROM shards"))
        indexed = {m for (m,) in conn.execute("SELECT DISTINCT month FROM entries")}
        rebuild = self._languages_changed(conn)
        if not rebuild and recorded.keys() == set(months) >= indexed and all(
                recorded[m] == signature_text(self.shards.path(m)) for m in months):
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            recorded = dict(conn.execute("SELECT month, sig FROM shards"))  # another reader may have just done it
            indexed = {m for (m,) in conn.execute("SELECT DISTINCT month FROM entries")}
            if rebuild:
                self._drop(conn, sorted(indexed | recorded.keys()))
                recorded, indexed = {}, set()
            gone = sorted((indexed | recorded.keys()) - set(months))
            self._drop(conn, gone)
            for month in months:
                sig = signature_text(self.shards.path(month))
                if sig is not None and recorded.get(month) != sig:
                    self._index(conn, month, sig)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _languages_changed(self, conn: sqlite3.Connection) -> bool:
        """Whether a language's "spaces ignored" setting changed since indexing."""
        return any(spaces_ignored(language) != bool(joined)
                   for language, joined in conn.execute("SELECT language, joined FROM languages"))

    def _drop(self, conn: sqlite3.Connection, months: list[str]) -> None:
        """Forget these months' entries."""
        for month in months:
            conn.execute("DELETE FROM entries WHERE month = ?", (month,))
            conn.execute("DELETE FROM shards WHERE month = ?", (month,))

    def _index(self, conn: sqlite3.Connection, month: str, sig: str) -> None:
        """(Re-)index one month."""
        data = self.shards.data(month)  # a damaged shard: CorruptJournal, and nothing is changed
        self._drop(conn, [month])
        rows, languages = [], {}
        for pos, doc in enumerate((data.get("entries") or {}).values()):
            entry_id = str(doc.get("id", ""))
            language = doc.get("language") or ""
            if language not in languages:
                languages[language] = spaces_ignored(language)
            text = fold(f"{doc.get('transcript') or ''}\n{doc.get('prompt_text') or ''}")
            if languages[language]:
                text = "".join(text.split())
            rows.append((entry_id, month, str(doc.get("created_at", "")), seq_or_zero(entry_id), pos,
                         int(languages[language]), json.dumps(doc, ensure_ascii=False, separators=(",", ":")), text))
        conn.executemany("INSERT INTO entries (id, month, created_at, seq, pos, joined, doc, text) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.executemany("INSERT OR REPLACE INTO languages (language, joined) VALUES (?, ?)",
                         [(k, int(v)) for k, v in languages.items()])
        # a shard that changed a moment ago may change again within the same timestamp: look again next time
        conn.execute("INSERT INTO shards (month, sig) VALUES (?, ?)", (month, sig if settled_text(sig) else sig + "~"))

    def forget(self, entry_id: str) -> None:
        """Take a removed entry out of the cache now: its transcript must not
        linger there until the next search. Best effort: a cache that cannot
        be changed is deleted (always safe)."""
        if not self.path.exists():
            return
        try:
            conn = self._connect()
            conn.execute("DELETE FROM entries WHERE id = ?", (entry_id,))
        except (sqlite3.Error, OSError):
            try:
                self._discard_file()
            except OSError:
                pass


def discard_search_cache(folder: str | os.PathLike) -> None:
    """Delete the search cache and SQLite's side files: it is rebuilt from the shards."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{Path(folder) / SEARCH_CACHE}{suffix}").unlink(missing_ok=True)


def _cache_damaged(exc: sqlite3.DatabaseError) -> bool:
    """A cache worth deleting and rebuilding (not one that is merely busy or unwritable)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    return not name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_READONLY", "SQLITE_FULL",
                                 "SQLITE_CANTOPEN", "SQLITE_IOERR", "SQLITE_PERM", "SQLITE_NOMEM"))
