"""The journal: sessions and their answers, kept in monthly TinyDB shards.

The shards (see :mod:`assistant.journal.shards`) are a folder of monthly
files, each with its own ``sessions`` and ``entries`` tables, the word
timings in a side shard: writing an answer rewrites this month's shards
only, whatever the journal's age. Every write goes through
:class:`~assistant.journal.storage.DurableJSONStorage`, so an answer is on
disk (fsynced) when :meth:`Journal.add_entry` returns; an encrypted journal
is sealed by its storage (:mod:`assistant.journal.sealing`), the key given
once, here.

Ids are readable: ``2026-11-24.2`` is the second answer of that day; an id
is never reused (a removal leaves the day's highest removed number in the
shard's ``_meta``, see :mod:`assistant.journal.ids`).

Opening the journal reads the current month's shard (and the newest one, if
that is another), so a damaged or too-new shard is reported before a
session starts; any other shard is read when something reaches it. The
current month's shard, the one a session writes to, is backed up at open.
Searching uses a cache beside the shards (:mod:`assistant.journal.search`).
"""
from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from assistant.audio.chunks import AudioChunk
from assistant.errors import UserError
from assistant.journal.ids import check_id, next_id, next_key, note_removal, removed_ids, seq, seq_or_zero
from assistant.locking import try_lock
from assistant.journal.passphrase import journal_vault
from assistant.journal.queries import search_terms, select_entries, text_matches
from assistant.journal.sealed_audio import open_recorder, read_recording
from assistant.journal.search import SearchCache
from assistant.journal.shards import Shards, month_after
from assistant.journal.storage import fsync_dir, remove_stale_temps
from assistant.journal.vault import Vault, is_encrypted

RECENT_LOOKBACK = 4
"""recent_prompt_ids looks back over at most this many times the sessions asked for, of any language."""


def now() -> str:
    """The current time, timezone-aware, as ISO 8601."""
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


class JournalBusy(UserError):
    pass


class Journal:
    """Sessions and answer entries. Open it with ``with Journal(folder) as j``.

    ``write=False`` opens it for reading only: no lock, no migration, no
    backup, so a replay can run while a session is writing. (A search may
    still bring the search cache, ``search.sqlite``, up to date.)
    ``vault``: the key of an encrypted journal (:mod:`assistant.journal.vault`);
    shards are sealed with it, and the search cache is not used.
    """

    def __init__(self, folder: str | os.PathLike, write: bool = True, vault: Vault | None = None):
        self.folder = Path(folder)
        self.write = write
        self.vault = vault
        if vault is None and is_encrypted(self.folder):
            raise UserError(f"the journal in {self.folder} is encrypted; it opens only with its passphrase")
        self._lock_handle = None
        self._shards = Shards(self.folder, vault, write)
        self._search: SearchCache | None = None
        if write:
            if not self.folder.is_dir():
                self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
                fsync_dir(self.folder.parent)  # a new journal's folder survives a power cut with its first shard
            self._lock()
            remove_stale_temps(self.folder)  # a killed write's temporary copy (plain text, after a killed decrypt)
        try:
            months = self.months()
            current = _local_today()[:7]
            # read now: a damaged (or, for a writer, too new) shard is reported before anything happens
            for month in dict.fromkeys([current] + months[-1:]):
                if month in months:
                    self._shards.data(month)
            if write and current in months:
                self._shards.data(current, words=True)  # tonight's answers go there too: a damaged one is refused now
                # its .bak is refreshed at the first write, not here: a command refused after opening changes no file
        except BaseException:  # no half-open journal keeps the lock (the person may fix the file and retry)
            self.close()
            raise

    # -- housekeeping -------------------------------------------------
    def _lock(self) -> None:
        self._lock_handle = try_lock(self.folder / ".lock", what="journal's lock file")
        if self._lock_handle is None:
            raise JournalBusy(
                "another voice-journal is writing to the journal right now; finish that session first, then try again"
            )

    def months(self) -> list[str]:
        """The months that have a shard, oldest first."""
        return self._shards.months()

    def schema_version(self, month: str) -> int:
        return self._shards.schema_version(month)

    def close(self) -> None:
        if self._search is not None:
            self._search.close()
            self._search = None
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

    # -- recordings ---------------------------------------------------
    def recorder(self) -> Callable:
        """The writer for new answer recordings, ``writer(path, rate_hz)``:
        sealed with the journal's key when it is encrypted."""
        return open_recorder(self.vault)

    def recording(self, path: str | os.PathLike, chunk_s: float = 0.1) -> Iterator[AudioChunk]:
        """An answer recording's audio, sealed or plain."""
        return read_recording(path, self.vault, chunk_s)

    # -- sessions -----------------------------------------------------
    def start_session(self, language: str) -> str:
        self._writable()
        today = _local_today()
        data = self._shards.data(today[:7])
        table = dict(data.get("sessions") or {})
        session_id = next_id(today, table.values())
        table[next_key(table)] = {"id": session_id, "started_at": now(), "language": language, "prompt_ids": [],
                                   "ended_at": None, "status": "open"}
        self._shards.save(today[:7], data, {"sessions": table})
        return session_id

    def _find(self, table_name: str, doc_id: str, missing: str) -> tuple[str, dict, dict, str, dict]:
        """(month, shard data, table, key, document) of a session or entry by its id."""
        month = check_id(doc_id)
        data = self._shards.data(month)
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
        self._shards.save(month, data, {"sessions": {**table, key: {**doc, **change(doc)}}})

    def note_prompt_asked(self, session_id: str, prompt_id: str) -> None:
        self._change_session(session_id, lambda doc: {"prompt_ids": doc["prompt_ids"] + [prompt_id]})

    def end_session(self, session_id: str, status: str = "finished") -> None:
        self._change_session(session_id, lambda doc: {"ended_at": now(), "status": status})

    def month_sessions(self, month: str) -> list[dict[str, Any]]:
        """One month's sessions, reading that shard only (as stored, in no particular order)."""
        return [_copy(d) for d in (self._shards.data(month).get("sessions") or {}).values()]

    def sessions(self, newest_first: bool = False) -> list[dict[str, Any]]:
        out = [d for m in self.months() for d in self.month_sessions(m)]
        out.sort(key=_started, reverse=newest_first)
        return out

    def recent_prompt_ids(self, sessions: int, language: str | None = None) -> list[list[str]]:
        """Prompt ids asked in each of the last ``sessions`` sessions, newest first.

        Sessions of imported memos (status ``imported``) asked nothing, so
        they are skipped. Reads the newest shards only, as far back as needed
        but no further than the months holding the last
        ``RECENT_LOOKBACK x sessions`` sessions of any language: an evening in
        a language the journal rarely uses must not read years of shards
        before its greeting, and prompts asked that many evenings ago are no
        longer recent.
        """
        found: list[dict] = []
        seen = 0  # asked sessions of any language in the months read
        for month in reversed(self.months()):
            asked = [d for d in self.month_sessions(month) if d.get("status") != "imported"]
            docs = [d for d in asked if not language or d.get("language") == language]
            found.extend(sorted(docs, key=_started, reverse=True))
            seen += len(asked)
            if len(found) >= sessions or seen >= RECENT_LOOKBACK * sessions:
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
        data = self._shards.data(month)
        entries = data.get("entries") or {}
        entry_id = next_id(day, entries.values(), removed_ids(data).get(day, 0))
        words_data = self._shards.data(month, words=True)
        timings = dict(words_data.get("words") or {})
        stale = [k for k, d in timings.items() if d.get("id") == entry_id]  # left by a crash between the writes
        for key in stale:
            timings[key] = {**timings[key], "id": entry_id, "words": words}
        if not stale:
            timings[next_key(timings)] = {"id": entry_id, "words": words}
        self._shards.save(month, words_data, {"words": timings}, words=True)
        self._shards.save(month, data, {"entries": {**entries, next_key(entries): {"id": entry_id, **record}}})
        return entry_id

    def _entry_doc(self, entry_id: str) -> tuple[str, dict, dict, str, dict]:
        return self._find("entries", entry_id, f"no entry {entry_id} in the journal; see 'voice-journal list'")

    def update_entry(self, entry_id: str, changes: dict[str, Any]) -> None:
        self._writable()
        month, data, table, key, doc = self._entry_doc(entry_id)
        fields = {k: v for k, v in changes.items() if k not in ("id", "words")}
        self._shards.save(month, data, {"entries": {**table, key: {**doc, **fields}}})

    def remove_entry(self, entry_id: str) -> dict[str, Any]:
        """Remove an entry (and its word timings); returns what was removed.

        The timings go first: the id is never used again, so timings left
        by a crash between the two writes would stay for good, while an
        entry left without its timings is still listed, to be removed again.
        The search cache forgets it at once, rather than at the next search."""
        self._writable()
        month, data, table, key, doc = self._entry_doc(entry_id)
        removed = _copy(doc)
        words_data = self._shards.data(month, words=True)
        timings = words_data.get("words") or {}
        kept = {k: d for k, d in timings.items() if d.get("id") != entry_id}
        if len(kept) != len(timings):
            self._shards.save(month, words_data, {"words": kept}, words=True)
        self._shards.save(month, data, {"entries": {k: d for k, d in table.items() if k != key},
                                 "_meta": note_removal(data, entry_id)})
        self._forget(entry_id)
        return removed

    def _forget(self, entry_id: str) -> None:
        """Take a removed entry out of the search cache file, if there is one."""
        cache = self._search if self._search is not None and not self._search.in_memory else SearchCache(self._shards)
        try:
            cache.forget(entry_id)
        finally:
            if cache is not self._search:
                cache.close()

    def entry(self, entry_id: str, with_words: bool = True) -> dict[str, Any]:
        record = _copy(self._entry_doc(entry_id)[4])
        if with_words:
            timings = self._shards.data(entry_id[:7], words=True).get("words") or {}
            found = next((d for d in timings.values() if d.get("id") == entry_id), None)
            record["words"] = _copy_words(found.get("words", [])) if found else []
        return record

    def month_words(self, month: str) -> dict[str, list]:
        """All word timings of one month, ``{entry id: words}``, read at once
        (:meth:`entry` reads the words shard for each entry)."""
        timings = self._shards.data(month, words=True).get("words") or {}
        return {d["id"]: _copy_words(d.get("words", [])) for d in timings.values() if "id" in d}

    def month_entries(self, month: str) -> list[dict[str, Any]]:
        """One month's entries, without word timings, reading that shard only."""
        if month not in self.months():
            return []
        return [_copy(d) for d in (self._shards.data(month).get("entries") or {}).values()]

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
            docs = [_copy(d) for d in (self._shards.data(month).get("entries") or {}).values()
                    if session_id is None or d.get("session") == session_id]
            docs.sort(key=lambda e: (e["created_at"], seq(e["id"])), reverse=newest_first)
            for doc in docs:
                yield doc
                count += 1
                if limit is not None and count >= limit:
                    return

    def search(self, words: str | Iterable[str], limit: int | None = None) -> list[dict[str, Any]]:
        """Entries (without word timings) whose transcript or prompt holds
        every one of ``words``, newest first, at most ``limit``.

        The match is :func:`assistant.journal.queries.text_matches`: case-insensitive
        substrings ("외로" finds "외로웠어요"), and in a language matched with
        spaces ignored (Korean) spaces in the text do not count. No words:
        every entry. Answered from the search cache (``search.sqlite``),
        which is first brought up to date with the shards; an encrypted
        journal is scanned instead (its transcripts never sit on disk in the
        clear).
        """
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
            return select_entries(self.iter_entries(newest_first=True), lambda e: text_matches(e, terms), limit)
        if self._search is None:
            self._search = SearchCache(self._shards)
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
            data = self._shards.data(month)
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
                words_data = self._shards.data(month, words=True)
                timings = {k: d for k, d in (words_data.get("words") or {}).items() if d.get("id") not in ids}
                for doc in new_entries:
                    timings[next_key(timings)] = {"id": doc["id"], "words": doc.get("words", [])}
                self._shards.save(month, words_data, {"words": timings}, words=True)
            if not (new_sessions or new_entries):
                continue
            for doc in new_sessions:
                session_table[next_key(session_table)] = dict(doc)
            for doc in new_entries:
                entry_table[next_key(entry_table)] = {"feelings": [], "intensity": None, "themes": [],
                                                       **{k: v for k, v in doc.items() if k != "words"}}
            self._shards.save(month, data, {"sessions": session_table, "entries": entry_table})
            done["sessions"] += [d["id"] for d in new_sessions]
            done["entries"] += [d["id"] for d in new_entries]
        return done


# --- helpers ------------------------------------------------------------------------

def _started(session: dict[str, Any]) -> tuple[str, int]:
    """Sort key of a session: its start, then its number that day (two
    sessions may start within the same second)."""
    return session["started_at"], seq_or_zero(str(session.get("id", "")))


def _copy(doc: dict) -> dict:
    """A record to hand out: its lists and dicts are its own (the parsed shard is kept and reused)."""
    return {k: (v.copy() if isinstance(v, (list, dict)) else v) for k, v in doc.items()}


def _copy_words(words: list) -> list:
    return [dict(w) if isinstance(w, dict) else w for w in words]


def _local_today() -> str:
    return datetime.now().astimezone().strftime("%Y-%m-%d")


def open_journal(paths, settings=None, write: bool = False) -> Journal:
    """The journal of ``paths``, unlocked with its passphrase if it is
    encrypted. For reading (the default) it takes no lock, so a session may
    be writing."""
    return Journal(paths.journal_dir, write=write, vault=journal_vault(paths, settings))
