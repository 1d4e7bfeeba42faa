"""The journal's monthly shard files, read through a small memo.

TinyDB rewrites its whole file on every write, so one file for ten years of
evenings would make each new answer slower than the last. The journal is a
folder of monthly shards instead (``2026-11.json``), each a TinyDB with its
own ``sessions`` and ``entries`` tables; an answer's word timings, the bulk
of it, live in a side shard (``2026-11.words.json``) so that listing and
searching read only the compact records.

:class:`Shards` reads a shard only when something reaches it and keeps the
last few parsed, trusting a kept copy only while the file's signature
(inode, size, times) is unchanged. A writer backs a shard up
(``<shard>.bak``) and brings its schema up to date (see
:mod:`assistant.journal.migrations`) the first time it writes to it in this
process, never before checking that it reads.
"""
from __future__ import annotations

import os
import re
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from assistant.journal.migrations import SCHEMA_VERSION, clean_on_read, meta_doc, migrate, stored_version, too_new
from assistant.journal.sealing import SealedJSONStorage
from assistant.journal.shape import check_shard
from assistant.journal.storage import copy_atomic
from assistant.journal.vault import Vault

SHARD_PATTERN = re.compile(r"^\d{4}-\d{2}\.json$")
MEMO_SHARDS = 4
"""Parsed shards kept in memory (the month being written, its words, a few read)."""
SETTLED_NS = 3_000_000_000
"""A file changed less than this long ago may change again within the same
timestamp tick; what was read from it is not trusted to be current."""


class ShardFile(SealedJSONStorage):
    """One shard file as the journal sees it: reads come from the memo while
    the file is unchanged, writes go through :class:`Shards` (backup before
    the first one). Also the storage of the TinyDB the migrations get."""

    def __init__(self, shards: "Shards", month: str, words: bool):
        super().__init__(shards.path(month, words), vault=shards.vault)
        self.shards = shards
        self.month = month
        self.words = words
        self.new = False
        """No file when a writer first reached it: its first write stamps the schema."""
        self.prepared = False
        """Backed up (or nothing to back up) for this process's writes."""
        self.cleaned_on_read = False
        """What was last read held model symbols (cleaned; the file still has them)."""

    def read(self) -> dict[str, Any] | None:
        return self.shards.read_file(self)

    def parse(self) -> dict[str, Any] | None:
        data = super().read()
        if data is None:
            return None
        # an older version's model symbols ([2], (천)) never reach a reader, migrated or not
        stored = check_shard(data, self.path)
        data = clean_on_read(stored)
        self.cleaned_on_read = data is not stored
        return data

    def write(self, data: dict[str, Any]) -> None:
        self.shards.write_file(self, data)

    def store(self, data: dict[str, Any]) -> None:
        super().write(data)


class Shards:
    """The shard files of one journal folder. ``write``: this process holds
    the journal's lock, so it may migrate, back up and write shards."""

    def __init__(self, folder: Path, vault: Vault | None, write: bool):
        self.folder = folder
        self.vault = vault
        self.write = write
        self._files: dict[str, ShardFile] = {}
        self._memo: OrderedDict[Path, tuple[tuple, Any]] = OrderedDict()
        self._reached: set[str] = set()

    def months(self) -> list[str]:
        """The months that have a shard, oldest first."""
        if not self.folder.is_dir():
            return []
        return sorted(p.stem for p in self.folder.iterdir() if SHARD_PATTERN.match(p.name))

    def path(self, month: str, words: bool = False) -> Path:
        return self.folder / (f"{month}.words.json" if words else f"{month}.json")

    def file(self, month: str, words: bool = False) -> ShardFile:
        key = month + (".words" if words else "")
        if key not in self._files:
            self._files[key] = ShardFile(self, month, words)
        return self._files[key]

    def data(self, month: str, words: bool = False) -> dict[str, Any]:
        """A shard's tables as stored, read if need be. Shared with the memo:
        never change it in place (copy the table you change, see :meth:`save`)."""
        shard = self.file(month, words)
        if self.write and not words and month not in self._reached:
            self._reach(shard)
        return shard.read() or {}

    def save(self, month: str, data: dict[str, Any], tables: dict[str, dict], words: bool = False) -> None:
        """Write a shard once: ``data`` (as read) with ``tables`` replaced.

        The memo's tables are never changed in place: a write that fails
        leaves the journal's idea of the shard as it is on disk."""
        self.file(month, words).write({**data, **tables})

    def schema_version(self, month: str) -> int:
        return stored_version(self.data(month))

    def _reach(self, shard: ShardFile) -> None:
        """A writer's first look at a month's shard: refuse a newer schema,
        migrate an older one (backing it up first), or note that it is new."""
        if not shard.path.exists():
            shard.new = True
        else:
            version = stored_version(shard.read())
            if version > SCHEMA_VERSION:
                raise too_new(shard.path, version)
            if version < SCHEMA_VERSION:
                migrate(TinyDB(storage=lambda: shard), shard.path)
        self._reached.add(shard.month)

    def read_file(self, shard: ShardFile) -> dict[str, Any] | None:
        sig = signature(shard.path)
        if sig is None:
            self._memo.pop(shard.path, None)
            return None
        hit = self._memo.get(shard.path)
        if hit is not None and hit[0] == sig:
            self._memo.move_to_end(shard.path)
            return hit[1]
        data = shard.parse()  # a damaged file: CorruptJournal
        if self.write or settled(sig):  # a writer holds the lock: nobody else changes the file
            self._remember(shard.path, sig, data)
        else:
            self._memo.pop(shard.path, None)
        return data

    def _remember(self, path: Path, sig: tuple, data: Any) -> None:
        self._memo[path] = (sig, data)
        self._memo.move_to_end(path)
        while len(self._memo) > MEMO_SHARDS:
            self._memo.popitem(last=False)

    def prepare(self, shard: ShardFile) -> None:
        """Back the shard up before this process first writes to it."""
        if shard.prepared:
            return
        if shard.path.exists():
            hit = self._memo.get(shard.path)
            backup(shard.path, checked=hit is not None and hit[0] == signature(shard.path), vault=self.vault)
        shard.prepared = True

    def write_file(self, shard: ShardFile, data: dict[str, Any]) -> None:
        if not self.write:
            raise RuntimeError("journal opened read-only")
        self.prepare(shard)
        if shard.new and not shard.words and "_meta" not in data:
            data = {"_meta": {"1": meta_doc()}, **data}
        self._memo.pop(shard.path, None)
        shard.store(data)
        shard.new = False
        sig = signature(shard.path)
        if sig is not None:
            self._remember(shard.path, sig, data)

    def clear(self) -> None:
        self._memo.clear()
        self._files.clear()
        self._reached.clear()


def backup(path: Path, checked: bool = False, vault: Vault | None = None) -> None:
    """Keep the last good shard as ``<shard>.bak`` before writing to it.

    ``checked``: the file was just read whole (and is unchanged since), so
    it need not be read again to know it is not damaged."""
    if not checked:  # refuse to back up (or touch) a damaged file: the .bak is the last good copy
        check_shard(SealedJSONStorage(path, vault=vault).read() or {}, path)
    # a temporary copy renamed over the old .bak: private from the first byte, and a
    # failure (a full disk) leaves the old backup whole (UserError from write_atomic)
    copy_atomic(path, path.with_name(path.name + ".bak"))


def month_after(month: str) -> str:
    """The month after ``2026-12``: ``2027-01``."""
    year, number = map(int, month.split("-"))
    return f"{year + number // 12:04d}-{number % 12 + 1:02d}"


def signature(path: Path) -> tuple | None:
    """What changes whenever the file does: inode (a write renames a new file in), size and times."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError:  # a symlink loop, say: never trusted, so reading it reports it
        return (-1, -1, time.time_ns(), time.time_ns())
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def signature_text(path: Path) -> str | None:
    sig = signature(path)
    return None if sig is None else ":".join(map(str, sig))


def settled(sig: tuple) -> bool:
    """Changed long enough ago that what was read from it is current."""
    return abs(time.time_ns() - max(sig[2], sig[3])) >= SETTLED_NS


def settled_text(sig: str) -> bool:
    parts = sig.split(":")
    return settled((0, 0, int(parts[2]), int(parts[3])))
