"""Bringing a journal back from a backup (:mod:`assistant.journal.backup`), bit for bit.

Every file is first copied out of the backup into a private folder beside
the journal (``.restore-*`` in the data directory) and checked against the
manifest on the way: the stored object's SHA-256, then, for a passphrase
backup, the sealed record's own check and the file's SHA-256 once opened.
Only when every file has passed does anything move into place, by renaming
folders on the same disk. A file that fails leaves the data directory as
it was.

An existing journal is never replaced without ``force``; without it the
refusal says what restoring would change (entries and recordings added,
replaced, removed). With it, the journal that was there is not deleted
but moved aside, into ``before-restore-<time>`` in the data directory.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import shutil
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from assistant.errors import UserError
from assistant.journal import backup_key
from assistant.journal.backup import (CHUNK, SUBFOLDER, TOPS, BackupFailed, backup_root, journal_files, sha256_file,
                                      sync_disk, syncfs_reaches_disk)
from assistant.journal.manifest import DamagedBackup, FileRecord, Manifest, files_from_json, object_path, read_manifest
from assistant.journal.shards import SHARD_PATTERN
from assistant.journal.storage import fsync_dir
from assistant.journal.vault import is_sealed
from assistant.locking import try_lock
from assistant.paths import make_parents

STAGING = ".restore-"
ASIDE = "before-restore-"


class RestoreRefused(UserError):
    exit_code = 1


@dataclass
class RestoreResult:
    folder: str
    created: str
    encryption: str
    files: int
    bytes: int
    changes: dict | None
    """What replaced an existing journal: ``{"entries": {...}, "recordings": {...}}``; None onto an empty one."""
    kept_in: str | None
    """Where the journal that was there was moved."""

    def as_dict(self) -> dict:
        return asdict(self)


def open_backup(folder: str | os.PathLike, data_dir: Path,
                ask_passphrase=None) -> tuple[Path, Manifest, list[FileRecord], tuple | None]:
    """(backup folder, manifest, its files, the passphrase backup's key or None)."""
    given = Path(folder).expanduser()
    if not given.is_dir():
        raise BackupFailed(f"the backup folder {given} does not exist; plug in the USB stick (is it mounted?)",
                           "missing")
    root = backup_root(given)
    manifest = read_manifest(root)
    if manifest is None:
        raise UserError(f"there is no voice-journal backup in {given} (no {SUBFOLDER}/manifest.json); "
                        "check the folder", exit_code=1)
    if manifest.encryption != "passphrase":
        return root, manifest, manifest.files or [], None
    key = backup_key.remembered(data_dir, manifest.sealed_key)
    if key is None:
        passphrase = backup_key.backup_passphrase(ask_passphrase, "Passphrase of the backup: ", False)
        key = backup_key.open_key(root, manifest.sealed_key, passphrase)
    vault = backup_key.vault_for(key)
    raw = vault.open(base64.b64decode(manifest.sealed_files), root / "manifest.json")
    return root, manifest, files_from_json(raw, root / "manifest.json"), (vault, key)


# -- copying out, checked ---------------------------------------------------------------

def _copy_out(root: Path, record: FileRecord, target: Path, vault) -> str | None:
    """Copy one file out of the backup into ``target``; None, or what is wrong with it."""
    source = object_path(root, record.object)
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # synced with the rest, at the end
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            if vault is None:
                digest, size = hashlib.sha256(), 0
                with open(source, "rb") as handle:
                    while block := handle.read(CHUNK):
                        digest.update(block)
                        size += len(block)
                        out.write(block)
                if digest.hexdigest() != record.object or size != record.size:
                    return f"{record.path}: checksum"
            else:
                stored = source.read_bytes()
                if hashlib.sha256(stored).hexdigest() != record.object:
                    return f"{record.path}: checksum"
                try:
                    data = vault.open(stored, record.path)
                except UserError:
                    return f"{record.path}: seal"
                if hashlib.sha256(data).hexdigest() != record.sha256 or len(data) != record.size:
                    return f"{record.path}: checksum"
                out.write(data)
        os.utime(target, ns=(record.mtime_ns, record.mtime_ns))
    except OSError as exc:
        if exc.filename and str(exc.filename) == str(source):
            return f"{record.path}: {'missing' if isinstance(exc, FileNotFoundError) else 'unreadable'}"
        raise
    return None


def _stage(paths, root: Path, files: list[FileRecord], vault, progress) -> Path:
    data_dir = Path(paths.data_dir)
    make_parents(data_dir / "x", 0o700)
    data_dir.mkdir(mode=0o700, exist_ok=True)
    for stale in data_dir.glob(f"{STAGING}*"):  # a restore killed half way
        shutil.rmtree(stale, ignore_errors=True)
    staging = data_dir / f"{STAGING}{secrets.token_hex(4)}"
    staging.mkdir(mode=0o700)
    bad, last_told = [], time.monotonic()
    try:
        for done, record in enumerate(files, 1):
            problem = _copy_out(root, record, staging / record.path, vault)
            if problem:
                bad.append(problem)
            if progress is not None and time.monotonic() - last_told >= 2.0:
                progress(done, len(files), 0)
                last_told = time.monotonic()
        if bad:
            shown = ", ".join(bad[:3]) + (f" and {len(bad) - 3} more" if len(bad) > 3 else "")
            raise DamagedBackup(f"the backup in {root} is damaged: {len(bad)} file(s) fail their check ({shown}); "
                                "nothing was restored. Use another copy of the backup")
        if syncfs_reaches_disk(staging):
            sync_disk(staging)  # every file and folder on the disk at once
        else:
            for folder, _, names in os.walk(staging):  # the files on the disk, then their names
                for name in names:
                    fd = os.open(Path(folder) / name, os.O_RDONLY)
                    try:
                        os.fsync(fd)
                    finally:
                        os.close(fd)
                fsync_dir(Path(folder))
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise UserError(f"cannot restore into {data_dir} ({exc.strerror or exc}); free some space there "
                        "and try again; nothing was changed", exit_code=1) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


# -- what would change ----------------------------------------------------------------------

def _entries(data_dir: Path) -> dict[str, str] | None:
    """Entry id -> its record and word timings as text; None when a shard is sealed."""
    found: dict[str, str] = {}
    folder = data_dir / "journal"
    if not folder.is_dir():
        return found
    for shard in sorted(folder.iterdir()):
        if not SHARD_PATTERN.match(shard.name):
            continue
        try:
            raw = shard.read_bytes()
            words_path = shard.with_name(shard.name.replace(".json", ".words.json"))
            words_raw = words_path.read_bytes() if words_path.exists() else b"{}"
            if is_sealed(raw) or is_sealed(words_raw):
                return None
            entries = (json.loads(raw).get("entries") or {}).values()
            words = {d.get("id"): d.get("words") for d in (json.loads(words_raw).get("words") or {}).values()}
        except (OSError, ValueError, AttributeError):
            return None
        for doc in entries:
            found[str(doc.get("id"))] = json.dumps([doc, words.get(doc.get("id"))], sort_keys=True)
    return found


def _compare(before: dict[str, str], after: dict[str, str]) -> dict[str, int]:
    return {"added": sum(1 for k in after if k not in before),
            "replaced": sum(1 for k in after if k in before and before[k] != after[k]),
            "removed": sum(1 for k in before if k not in after)}


def _hashes(data_dir: Path, under: str) -> dict[str, str]:
    """Path -> SHA-256 of the journal's files ``under`` ("audio/", "journal/")."""
    return {rel: sha256_file(path)[0] for rel, path in journal_files(data_dir) if rel.startswith(under)}


def changes(current: Path, restored: Path) -> dict:
    """What replacing the journal in ``current`` by the one in ``restored`` would change."""
    out: dict = {"recordings": _compare(_hashes(current, "audio/"), _hashes(restored, "audio/"))}
    before, after = _entries(current), _entries(restored)
    if before is None or after is None:  # sealed: compare the journal's files instead
        out["entries"] = None
        out["journal_files"] = _compare(_hashes(current, "journal/"), _hashes(restored, "journal/"))
    else:
        out["entries"] = _compare(before, after)
    return out


def describe(change: dict) -> str:
    """``entries: 3 added, 1 replaced, 0 removed; recordings: ...``."""
    parts = []
    for what in ("entries", "journal_files", "recordings"):
        counts = change.get(what)
        if counts:
            parts.append(f"{what.replace('_', ' ')}: {counts['added']} added, {counts['replaced']} replaced, "
                         f"{counts['removed']} removed")
    return "; ".join(parts)


# -- the restore ---------------------------------------------------------------------------

def restore_backup(paths, folder: str | os.PathLike, *, force: bool = False, ask_passphrase=None,
                   progress=None) -> RestoreResult:
    """Restore the journal and its recordings from the backup in ``folder``.

    Onto an empty data directory, or with ``force`` (the journal there is
    moved aside, not deleted); otherwise :class:`RestoreRefused`, saying
    what would change. Nothing moves into place until every file checked."""
    data_dir = Path(paths.data_dir)
    root, manifest, files, sealed = open_backup(folder, data_dir, ask_passphrase)
    vault, key = sealed if sealed else (None, None)
    staging = _stage(paths, root, files, vault, progress)
    try:
        handle = None
        if Path(paths.journal_dir).is_dir():
            handle = try_lock(Path(paths.journal_dir) / ".lock", what="journal's lock file")
            if handle is None:
                raise RestoreRefused("another voice-journal is writing to the journal right now; "
                                     "finish that session first, then restore again")
        try:
            existing = bool(journal_files(data_dir))
            change = changes(data_dir, staging) if existing else None
            kept_in = None
            if existing and not force:
                raise RestoreRefused(f"there is already a journal in {data_dir}; restoring would change "
                                     f"{describe(change) or 'nothing'}. Nothing was changed: run again with "
                                     "--force to replace it (the journal there is kept aside)")
            if existing:
                aside = data_dir / f"{ASIDE}{datetime.now().strftime('%Y%m%d-%H%M%S')}"
                aside.mkdir(mode=0o700)
                kept_in = str(aside)
            for top in TOPS:
                here = data_dir / top
                if here.exists():
                    if existing:
                        os.rename(here, aside / top)
                    else:
                        shutil.rmtree(here)  # holds no journal data: a lock file, a search cache
            for top in TOPS:
                if (staging / top).is_dir():
                    os.rename(staging / top, data_dir / top)
                else:
                    (data_dir / top).mkdir(mode=0o700)
            fsync_dir(data_dir)
        finally:
            if handle is not None:
                handle.close()
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if key is not None:
        backup_key.remember(data_dir, manifest.sealed_key, key)
    return RestoreResult(folder=str(root), created=manifest.created, encryption=manifest.encryption,
                         files=len(files), bytes=sum(r.size for r in files), changes=change, kept_in=kept_in)
