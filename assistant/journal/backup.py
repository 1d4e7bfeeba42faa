"""A second copy of the journal and every recording, in a folder on another disk.

``write_backup(paths, folder)`` keeps a complete backup in
``folder/voice-journal-backup``: the journal's shards, word timings, their
``.bak`` copies, the person's correction cues, an encrypted journal's
``key.json``, and every recording. Not the search cache (it is rebuilt),
the speech models (downloaded again) nor the settings.

Incremental: a file whose size and modification time match the last
manifest is not read again; a changed file is hashed, and copied only when
no stored object already holds those bytes. Objects are named by their
SHA-256 and never overwritten, and the manifest (:mod:`assistant.journal.manifest`)
is written last, atomically: until then the previous manifest and every
object it names are untouched, so a backup killed, unplugged or out of
space leaves the last one whole, and the next run picks up what was copied.
Objects no manifest names any more are removed only after the new one is in
place.

Every object is written to a temporary file, fsynced, dropped from the page
cache and read back from the disk to check its SHA-256 before it is renamed
into place (and the folder fsynced). The journal's lock is held while the
files are read, so an evening's write is never copied half done.

:func:`stream_backup_tar` writes the same backup as one tar stream (for a
download): extracted, it is a folder ``restore`` and ``--check`` accept.
"""
from __future__ import annotations

import base64
import errno
import hashlib
import io
import os
import secrets
import tarfile
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO, Callable, Iterator

from assistant import __version__
from assistant.errors import UserError
from assistant.journal import backup_key
from assistant.journal.manifest import (FileRecord, Manifest, files_from_json, files_to_json,
                                        manifest_path, object_path, read_manifest)
from assistant.journal.search import SEARCH_CACHE
from assistant.journal.storage import fsync_dir
from assistant.journal.vault import is_encrypted
from assistant.locking import try_lock

SUBFOLDER = "voice-journal-backup"
"""The backup's own folder inside the folder given (a USB stick can hold other things)."""
TOPS = ("journal", "audio")
SKIPPED = {".lock", SEARCH_CACHE, f"{SEARCH_CACHE}-journal", f"{SEARCH_CACHE}-wal", f"{SEARCH_CACHE}-shm"}
"""In the journal folder: the lock and the search cache (rebuilt when needed)."""
INCOMING = ".incoming-"
CHUNK = 1 << 20
FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
GONE = {errno.ENOENT, errno.EIO, errno.ENODEV, errno.ENXIO, errno.ESTALE, errno.ENOTCONN}

Progress = Callable[[int, int, int], None]
"""``progress(files done, files in all, bytes written)``."""


class BackupFailed(UserError):
    """The backup could not be made; the previous one is untouched.

    ``kind``: "missing" (the folder is not there: the stick is not plugged
    in), "full" (no space left on it) or "failed" (anything else), what the
    next evening says (:mod:`assistant.app.backup_notice`)."""

    exit_code = 1

    def __init__(self, message: str, kind: str = "failed"):
        super().__init__(message)
        self.kind = kind


@dataclass
class BackupResult:
    folder: str
    backup_id: str
    created: str
    encryption: str
    files: int
    copied: int
    """Objects written in this run (the rest were already in the backup)."""
    bytes_written: int
    bytes_total: int
    removed: int
    """Objects no longer needed, removed after the manifest was written."""
    seconds: float
    same_disk: bool = False
    """The backup is on the same disk as the journal: it will not survive that disk."""
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


# -- what is backed up ---------------------------------------------------------------

def journal_files(data_dir: Path) -> list[tuple[str, Path]]:
    """(path relative to the data directory, with ``/``; the file) of everything a backup holds."""
    found = []
    for top in TOPS:
        base = Path(data_dir) / top
        for folder, dirs, names in os.walk(base):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if name.startswith(".") or (top == "journal" and name in SKIPPED):
                    continue  # temporary files of a write under way, the lock, the cache
                path = Path(folder) / name
                if path.is_symlink() or not path.is_file():
                    continue
                found.append((path.relative_to(data_dir).as_posix(), path))
    return found


def backup_root(folder: str | os.PathLike) -> Path:
    """The backup's folder for ``folder``: ``folder`` itself when it holds a manifest."""
    folder = Path(folder).expanduser()
    return folder if manifest_path(folder).is_file() else folder / SUBFOLDER


def sha256_file(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


# -- errors ----------------------------------------------------------------------------

def target_error(folder: Path, exc: OSError) -> BackupFailed:
    """One line for a failed write into the backup folder."""
    why = exc.strerror or str(exc)
    if exc.errno in FULL:
        return BackupFailed(f"the backup folder {folder} is full ({why}); free some space there or use a bigger "
                            "stick, then run the backup again. The previous backup is untouched", "full")
    if exc.errno in GONE:
        return BackupFailed(f"the backup folder {folder} went away ({why}); plug the stick back in and run the "
                            "backup again. The previous backup is untouched", "missing")
    return BackupFailed(f"cannot write the backup in {folder} ({why}); check that the disk is writable, "
                        "then run the backup again. The previous backup is untouched")


def _source_error(path: Path, exc: OSError) -> BackupFailed:
    return BackupFailed(f"cannot read {path} ({exc.strerror or exc}); check the disk (for example with 'dmesg'); "
                        "nothing was changed in the backup")


def check_folder(paths, folder: str | os.PathLike) -> Path:
    """The backup's folder inside ``folder``, after refusing a folder that is
    missing, not writable, or inside the journal's data directory."""
    given = Path(folder).expanduser()
    if not given.is_dir():
        what = "is not a folder" if given.exists() else "does not exist"
        raise BackupFailed(f"the backup folder {given} {what}; plug in the USB stick (is it mounted?) "
                           "or create the folder, then run the backup again", "missing")
    data = Path(paths.data_dir).expanduser().resolve()
    real = given.resolve()
    if real == data or data in real.parents:
        raise BackupFailed(f"the backup folder {given} is inside the journal's data folder {data}; "
                           "back up to another disk (a USB stick, a second drive)")
    if not os.access(real, os.W_OK | os.X_OK):
        raise BackupFailed(f"cannot write to the backup folder {given} (permission denied); "
                           "pick a folder you may write to, or fix its permissions")
    return backup_root(given)


# -- the journal's lock -------------------------------------------------------------------

@contextmanager
def journal_lock(paths, wait_s: float = 0.0, waiting: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the journal's lock (the one an evening holds while it writes)."""
    folder = Path(paths.journal_dir)
    if not folder.is_dir():
        raise BackupFailed(f"there is no journal in {paths.data_dir} to back up yet")
    deadline = time.monotonic() + wait_s
    told = False
    while True:
        handle = try_lock(folder / ".lock", what="journal's lock file")
        if handle is not None:
            break
        if time.monotonic() >= deadline:
            raise BackupFailed("an evening (or another voice-journal command) is writing to the journal; "
                               "run the backup again when it is over")
        if waiting is not None and not told:
            waiting()
            told = True
        time.sleep(1.0)
    try:
        yield
    finally:
        handle.close()


# -- writing objects -----------------------------------------------------------------------

def _drop_cache(fd: int) -> None:
    """Forget the pages just written, so reading them back reads the disk."""
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    except (AttributeError, OSError):
        pass


def _write_temp(folder: Path, chunks: Iterator[bytes], unsynced: set[Path] | None = None) -> Path:
    """A new temporary file in ``folder`` holding ``chunks`` (not yet synced);
    new folders' names are synced at once, or added to ``unsynced``."""
    _make_dirs(folder, unsynced)
    tmp = folder / f"{INCOMING}{secrets.token_hex(6)}"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            for block in chunks:
                handle.write(block)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def syncfs_reaches_disk(folder: Path) -> bool:
    """Whether one ``syncfs`` makes every file written in ``folder``'s
    filesystem durable: yes for the kernel's own filesystems (ext4, vfat,
    exfat...); not for a FUSE one (an NTFS or exFAT stick mounted through
    FUSE, say), where it may never reach the files: there each file is
    fsynced."""
    try:
        dev = os.stat(folder).st_dev
        wanted = f"{os.major(dev)}:{os.minor(dev)}"
        with open("/proc/self/mountinfo", encoding="utf-8", errors="replace") as mounts:
            for line in mounts:
                fields = line.split()
                if len(fields) > 4 and fields[2] == wanted and " - " in line:
                    return not line.split(" - ", 1)[1].startswith("fuse")
    except OSError:
        pass
    return False


def sync_disk(folder: Path) -> None:
    """``syncfs``: flush everything written to ``folder``'s filesystem, at once."""
    import ctypes  # late: only a backup flushes a whole filesystem

    libc = ctypes.CDLL(None, use_errno=True)
    fd = os.open(folder, os.O_RDONLY)
    try:
        if libc.syncfs(fd) != 0:
            err = ctypes.get_errno()
            raise OSError(err, os.strerror(err))
    finally:
        os.close(fd)


def _sync_and_read_back(tmp: Path, synced: bool = False) -> str:
    """fsync ``tmp`` (unless the whole disk was just synced), drop it from the
    page cache, and return the SHA-256 of what the disk gives back."""
    fd = os.open(tmp, os.O_RDONLY)
    try:
        if not synced:
            os.fsync(fd)
        _drop_cache(fd)
    finally:
        os.close(fd)
    return sha256_file(tmp)[0]


def _make_dirs(folder: Path, unsynced: set[Path] | None = None) -> None:
    """Create ``folder`` and the folders above it, each name made durable
    (no chmod: a FAT-formatted stick refuses it)."""
    for missing in [p for p in reversed(folder.parents) if not p.exists()] + ([] if folder.exists() else [folder]):
        missing.mkdir(mode=0o700, exist_ok=True)
        if unsynced is None:
            fsync_dir(missing.parent)
        else:
            unsynced.add(missing.parent)


def _file_chunks(path: Path, digest) -> Iterator[bytes]:
    with open(path, "rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
            yield block


BATCH_BYTES = 64 << 20
BATCH_FILES = 256


class _Store:
    """The objects of one backup folder, written as the module says.

    Objects are written to temporary files in batches (the disk writes a
    batch back while the next file is written); then each is fsynced, read
    back from the disk and checked, and only then renamed to its name. Each
    folder's new names are synced once, before the manifest names them."""

    def __init__(self, root: Path, vault=None):
        self.root = root
        self.vault = vault
        """A passphrase backup's key: objects are sealed with it."""
        self.written = 0
        self.copied = 0
        self.pending: dict[str, tuple[Path, int]] = {}
        """Object name -> (its temporary file, its size), written but not yet checked."""
        self.pending_bytes = 0
        self.unsynced: set[Path] = set()
        """Folders holding new objects whose names are not yet durable."""
        self.whole_disk: bool | None = None
        """One ``syncfs`` per batch rather than an fsync per file (see :func:`syncfs_reaches_disk`)."""

    def has(self, name: str, size: int) -> bool:
        if name in self.pending:
            return True
        try:
            return os.stat(object_path(self.root, name)).st_size == size
        except OSError:
            return False

    def put(self, path: Path) -> tuple[str, int, str, int]:
        """Store ``path``; (its SHA-256, its size, the object's name, the object's size)."""
        if self.vault is not None:
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise _source_error(path, exc) from None
            sha = hashlib.sha256(data).hexdigest()
            sealed = self.vault.seal(data)
            name = hashlib.sha256(sealed).hexdigest()
            self._write(name, iter([sealed]), len(sealed))
            return sha, len(data), name, len(sealed)
        try:
            sha, size = sha256_file(path)
        except OSError as exc:
            raise _source_error(path, exc) from None
        if not self.has(sha, size):  # the same bytes may be stored already (a .bak, a file changed back)
            digest = hashlib.sha256()
            self._write(sha, _file_chunks(path, digest), size)
            if digest.hexdigest() != sha:
                raise BackupFailed(f"{path} changed while it was being copied; run the backup again")
        return sha, size, sha, size

    def _write(self, name: str, chunks: Iterator[bytes], size: int) -> None:
        try:
            tmp = _write_temp(object_path(self.root, name).parent, chunks, self.unsynced)
        except OSError as exc:
            if getattr(exc, "filename", None) and not str(exc.filename).startswith(str(self.root)):
                raise _source_error(Path(exc.filename), exc) from None
            raise target_error(self.root.parent, exc) from None
        self.pending[name] = (tmp, size)
        self.pending_bytes += size
        if self.pending_bytes >= BATCH_BYTES or len(self.pending) >= BATCH_FILES:
            self.flush()

    def flush(self) -> None:
        """Sync the batch, read every file back from the disk, and give each its name."""
        try:
            if self.pending and self.whole_disk is None:
                self.whole_disk = syncfs_reaches_disk(self.root)
            if self.pending and self.whole_disk:
                sync_disk(self.root)
            for name, (tmp, size) in list(self.pending.items()):
                if _sync_and_read_back(tmp, synced=bool(self.whole_disk)) != name:
                    raise BackupFailed(f"the backup disk in {self.root.parent} gave back different bytes than were "
                                       "written (the stick may be failing); use another one. "
                                       "The previous backup is untouched")
                target = object_path(self.root, name)
                os.replace(tmp, target)
                del self.pending[name]
                self.unsynced.add(target.parent)
                self.written += size
                self.copied += 1
        except OSError as exc:
            raise target_error(self.root.parent, exc) from None
        finally:
            self.pending_bytes = sum(size for _, size in self.pending.values())

    def discard(self) -> None:
        """Remove the temporary files of a run that stops half way (the next run would anyway)."""
        for tmp, _ in self.pending.values():
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass
        self.pending.clear()

    def sync(self) -> None:
        """Make every new object durable under its name (before the manifest names it)."""
        self.flush()
        try:
            if self.unsynced and self.whole_disk:
                sync_disk(self.root)  # the new folders and names, at once
            for folder in sorted(self.unsynced) if not self.whole_disk else ():
                fsync_dir(folder)
        except OSError as exc:
            raise target_error(self.root.parent, exc) from None
        self.unsynced.clear()


def _write_durably(target: Path, data: bytes) -> str:
    """Replace ``target`` by ``data`` (temporary file, fsync, read back from the
    disk, rename, folder fsync); returns the SHA-256 the disk gave back."""
    tmp = _write_temp(target.parent, iter([data]))
    try:
        read_back = _sync_and_read_back(tmp)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(target.parent)
    return read_back


def write_file_durably(root: Path, path: Path, data: bytes) -> None:
    """A small file of the backup (the manifest), replaced atomically and checked."""
    try:
        read_back = _write_durably(path, data)
    except OSError as exc:
        raise target_error(root.parent, exc) from None
    if read_back != hashlib.sha256(data).hexdigest():
        raise BackupFailed(f"the backup disk in {root.parent} gave back a different manifest than was written "
                           "(the stick may be failing); use another one")


def remove_unlisted(root: Path, keep: set[str]) -> int:
    """Remove the objects (and temporary files) the manifest does not name; returns how many."""
    removed = 0
    for stale in root.glob(f"{INCOMING}*"):  # a manifest's temporary file, from a run cut short
        stale.unlink(missing_ok=True)
    objects = root / "objects"
    if not objects.is_dir():
        return 0
    for sub in sorted(objects.iterdir()):
        if not sub.is_dir():
            continue
        for item in sub.iterdir():
            if item.name not in keep:
                item.unlink(missing_ok=True)
                removed += not item.name.startswith(INCOMING)
        try:
            sub.rmdir()  # only if now empty
        except OSError:
            pass
    return removed


# -- the passphrase -------------------------------------------------------------------------

def _passphrase_key(paths, root: Path, previous: Manifest | None, ask) -> tuple[bytes, str]:
    """(data key, sealed key) of a passphrase backup: the previous one's, else a new one."""
    if previous is not None and previous.encryption == "passphrase":
        key = backup_key.remembered(paths.data_dir, previous.sealed_key)
        if key is None:
            passphrase = backup_key.backup_passphrase(ask, "Passphrase of the backup: ", False)
            key = backup_key.open_key(root, previous.sealed_key, passphrase)
        return key, previous.sealed_key
    passphrase = backup_key.backup_passphrase(ask, "New passphrase for the backup: ", True)
    if not passphrase:
        raise UserError("the passphrase is empty; choose one you can type again when you restore")
    try:
        _make_dirs(root)
        return backup_key.new_key(root, passphrase)
    except OSError as exc:
        raise target_error(root.parent, exc) from None
    except UserError as exc:
        cause = exc.__context__
        if isinstance(cause, OSError):
            raise target_error(root.parent, cause) from None
        raise


def _previous_files(root: Path, previous: Manifest | None, vault) -> dict[str, FileRecord]:
    if previous is None:
        return {}
    if previous.encryption == "passphrase":
        if vault is None:
            return {}  # the journal is encrypted now: its sealed files are stored anew
        raw = vault.open(base64.b64decode(previous.sealed_files), "the previous backup's file list")
        return {r.path: r for r in files_from_json(raw, manifest_path(root))}
    return {r.path: r for r in previous.files or []}


# -- the backup ---------------------------------------------------------------------------------

def _copy_all(paths, root: Path, store: _Store, earlier: dict[str, FileRecord], previous: Manifest | None,
              encryption: str, progress: Progress | None) -> tuple[list[FileRecord], dict[str, int], Manifest]:
    """Store every journal file not already in the backup; the new manifest (not yet written)."""
    sources = journal_files(paths.data_dir)
    if not sources:
        raise BackupFailed(f"there is no journal in {paths.data_dir} to back up yet")
    records, objects, last_told = [], {}, time.monotonic()
    for done, (rel, path) in enumerate(sources, 1):
        try:
            st = path.stat()
        except OSError as exc:
            raise _source_error(path, exc) from None
        was = earlier.get(rel)
        stored_size = previous.objects.get(was.object) if (was and previous) else None
        if was and was.size == st.st_size and was.mtime_ns == st.st_mtime_ns and stored_size is not None \
                and store.has(was.object, stored_size):
            record, size = was, stored_size  # unchanged since the last backup: not read again
        else:
            sha, length, name, size = store.put(path)
            record = FileRecord(rel, length, sha, st.st_mtime_ns, name)
        records.append(record)
        objects[record.object] = size
        if progress is not None and time.monotonic() - last_told >= 2.0:
            progress(done, len(sources), store.written)
            last_told = time.monotonic()
    manifest = Manifest(backup_id=previous.backup_id if previous else secrets.token_hex(8),
                        created=datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds"),
                        app_version=__version__, encryption=encryption, files=records, objects=objects)
    return records, objects, manifest


def write_backup(paths, folder: str | os.PathLike, *, encrypt: bool = False, ask_passphrase=None,
                 progress: Progress | None = None, wait_s: float = 0.0,
                 waiting: Callable[[], None] | None = None) -> BackupResult:
    """Bring the backup in ``folder`` (its ``voice-journal-backup`` folder) up to date.

    ``encrypt``: seal a plain journal's backup with a passphrase of its own
    (once a backup is sealed, later runs keep it so). ``ask_passphrase(question,
    confirm)``: how to ask for that passphrase when it is not in
    ``VOICE_JOURNAL_BACKUP_PASSPHRASE``. ``wait_s``: how long to wait for an
    evening holding the journal's lock. Raises :class:`BackupFailed` (one
    line, with ``kind``) and leaves the previous backup whole.
    """
    started = time.monotonic()
    root = check_folder(paths, folder)
    journal_encrypted = is_encrypted(paths.journal_dir)
    if encrypt and journal_encrypted:
        raise UserError("the journal is encrypted, so its backup is already sealed with the journal's key; "
                        "leave out --encrypt")
    previous, notes = read_manifest(root), []  # damaged: one line; a new backup would not know how it was sealed
    if journal_encrypted:
        encryption = "journal"
    elif encrypt or (previous is not None and previous.encryption == "passphrase") \
            or (previous is None and (root / "key.json").exists()):  # the first sealed backup, cut short
        encryption = "passphrase"
    else:
        encryption = "none"
    with journal_lock(paths, wait_s, waiting):
        vault = key = sealed_key = None
        if encryption == "passphrase":
            key, sealed_key = _passphrase_key(paths, root, previous, ask_passphrase)
            vault = backup_key.vault_for(key)
        earlier = _previous_files(root, previous, vault)
        if previous is not None and previous.encryption != encryption:
            earlier = {}  # stored the other way: every file is stored anew
        store = _Store(root, vault)
        try:
            records, objects, manifest = _copy_all(paths, root, store, earlier, previous, encryption, progress)
            if vault is not None:
                manifest.files = None
                manifest.sealed_files = base64.b64encode(vault.seal(files_to_json(records))).decode("ascii")
                manifest.sealed_key = sealed_key
            store.sync()
        except BaseException:
            store.discard()
            raise
        write_file_durably(root, manifest_path(root), manifest.to_json())
        try:  # still holding the lock: another backup's new objects are never taken for old ones
            removed = remove_unlisted(root, set(objects))
            if encryption != "passphrase":
                (root / "key.json").unlink(missing_ok=True)  # a passphrase's key no manifest needs any more
        except OSError:
            removed = 0  # the next run removes them
    if key is not None:
        backup_key.remember(paths.data_dir, sealed_key, key)
    same_disk = _same_disk(root, paths.data_dir)
    if same_disk:
        notes.append(f"{root} is on the same disk as the journal: it will not survive that disk; "
                     "back up to a USB stick or another drive")
    return BackupResult(folder=str(root), backup_id=manifest.backup_id, created=manifest.created,
                        encryption=encryption, files=len(records), copied=store.copied,
                        bytes_written=store.written, bytes_total=sum(objects.values()), removed=removed,
                        seconds=round(time.monotonic() - started, 3), same_disk=same_disk, notes=notes)


def _same_disk(root: Path, data_dir: Path) -> bool:
    try:
        return os.stat(root).st_dev == os.stat(data_dir).st_dev
    except OSError:
        return False


# -- checking a backup ---------------------------------------------------------------------

@dataclass
class CheckResult:
    folder: str
    created: str
    encryption: str
    files: int
    bytes: int
    bad: list[str]
    """What failed, one phrase each (``audio/2026-11-24/...wav: checksum``)."""

    def as_dict(self) -> dict:
        return asdict(self)


def check_backup(folder: str | os.PathLike, progress: Progress | None = None) -> CheckResult:
    """Read every object of the backup and check its size and SHA-256 against the manifest."""
    root = backup_root(folder)
    manifest = read_manifest(root)
    if manifest is None:
        given = Path(folder).expanduser()
        if not given.is_dir():
            raise BackupFailed(f"{given} does not exist; plug in the USB stick (is it mounted?)", "missing")
        raise UserError(f"there is no voice-journal backup in {given} (no {SUBFOLDER}/manifest.json); "
                        "check the folder", exit_code=1)
    names = {r.object: r.path for r in manifest.files or []}
    bad, last_told = [], time.monotonic()
    for done, (name, size) in enumerate(sorted(manifest.objects.items()), 1):
        shown = names.get(name, f"objects/{name[:2]}/{name}")
        path = object_path(root, name)
        try:
            sha, length = sha256_file(path)
        except FileNotFoundError:
            bad.append(f"{shown}: missing")
            continue
        except OSError as exc:
            bad.append(f"{shown}: unreadable ({exc.strerror or exc})")
            continue
        if length != size:
            bad.append(f"{shown}: size {length} instead of {size}")
        elif sha != name:
            bad.append(f"{shown}: checksum")
        if progress is not None and time.monotonic() - last_told >= 2.0:
            progress(done, len(manifest.objects), 0)
            last_told = time.monotonic()
    return CheckResult(folder=str(root), created=manifest.created, encryption=manifest.encryption,
                       files=len(manifest.files) if manifest.files is not None else len(manifest.objects),
                       bytes=sum(manifest.objects.values()), bad=bad)


# -- one tar stream --------------------------------------------------------------------------

def stream_backup_tar(paths, out: BinaryIO, wait_s: float = 0.0) -> BackupResult:
    """Write a complete backup to ``out`` as one uncompressed tar stream, file
    by file (never whole in memory); ``out`` need not be seekable.

    Extracted, the tar is a ``voice-journal-backup`` folder that ``restore``
    and ``backup --check`` accept. An encrypted journal's files stay sealed;
    a plain journal's are in the clear (keep the download private)."""
    started = time.monotonic()
    encryption = "journal" if is_encrypted(paths.journal_dir) else "none"
    records, objects = [], {}
    written = 0
    with journal_lock(paths, wait_s):
        with tarfile.open(fileobj=out, mode="w|", format=tarfile.PAX_FORMAT) as tar:
            for rel, path in journal_files(paths.data_dir):
                try:
                    st = path.stat()
                    sha, size = sha256_file(path)
                    records.append(FileRecord(rel, size, sha, st.st_mtime_ns, sha))
                    if sha in objects:
                        continue
                    objects[sha] = size
                    info = tarfile.TarInfo(f"{SUBFOLDER}/objects/{sha[:2]}/{sha}")
                    info.size, info.mtime, info.mode = size, int(st.st_mtime), 0o600
                    with open(path, "rb") as handle:
                        tar.addfile(info, handle)
                except OSError as exc:
                    raise _source_error(path, exc) from None
                written += size
            manifest = Manifest(backup_id=secrets.token_hex(8),
                                created=datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds"),
                                app_version=__version__, encryption=encryption, files=records, objects=objects)
            data = manifest.to_json()
            info = tarfile.TarInfo(f"{SUBFOLDER}/manifest.json")
            info.size, info.mtime, info.mode = len(data), int(time.time()), 0o600
            tar.addfile(info, io.BytesIO(data))
    return BackupResult(folder="-", backup_id=manifest.backup_id, created=manifest.created, encryption=encryption,
                        files=len(records), copied=len(objects), bytes_written=written, bytes_total=written,
                        removed=0, seconds=round(time.monotonic() - started, 3))
