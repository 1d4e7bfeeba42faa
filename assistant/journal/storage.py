"""A TinyDB storage that never leaves a broken journal behind.

TinyDB's own JSONStorage rewrites its file in place, so a power cut mid-write
leaves half a file. This storage writes a temporary file beside the journal,
fsyncs it, renames it over the old one and fsyncs the directory: after a
crash at any instant the file is the old version or the new one.

The temporary file has a name no other write can share (``mkstemp``: created
exclusively, 0600 from the start), starts with a dot and ends in ``.tmp``, so
a crash can leave one behind but it is never read as a shard; the next writer
(holding the journal's lock) removes it with :func:`remove_stale_temps`.
"""
from __future__ import annotations

import errno
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from assistant.errors import UserError

FILE_MODE = 0o600
TEMP_NAME = re.compile(r"^\..+\.json(\.bak)?\.[^./]+\.tmp$")
"""What a leftover temporary file looks like (``.2026-11.json.k3x9_a1b.tmp``,
``.2026-11.json.bak.k3x9_a1b.tmp`` for a backup's copy)."""


class CorruptJournal(UserError):
    """The journal file exists but is not valid JSON: never overwrite it."""


class DurableJSONStorage(Storage):
    """TinyDB's JSON storage, written atomically and durably (see the module).

    Subclasses change the bytes on their way to and from the disk with
    :meth:`encode` and :meth:`decode` (see :mod:`assistant.journal.sealing`)."""

    def __init__(self, path: str | os.PathLike, mode: int = FILE_MODE):
        self.path = Path(path)
        self.mode = mode

    def decode(self, raw: bytes) -> bytes:
        """The JSON bytes of what was read from the file."""
        return raw

    def encode(self, raw: bytes) -> bytes:
        """What to write to the file for these JSON bytes."""
        return raw

    def read(self) -> dict[str, Any] | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        raw = self.decode(raw)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CorruptJournal(
                f"{self.path} is damaged (byte {exc.start} is not UTF-8 text); it was left untouched. "
                f"Restore it from {self.path}.bak with 'cp {self.path}.bak {self.path}', or move it away to start afresh"
            ) from None
        if not text.strip():
            return None
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise CorruptJournal(
                f"{self.path} is damaged (line {exc.lineno}); it was left untouched. "
                f"Restore it from {self.path}.bak with 'cp {self.path}.bak {self.path}', or move it away to start afresh"
            ) from None

    def write(self, data: dict[str, Any]) -> None:
        raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        write_atomic(self.path, self.encode(raw), self.mode)

    def close(self) -> None:
        pass


def _step(name: str) -> None:
    """Called between the steps of :func:`write_atomic`; does nothing.

    A seam for the crash tests, which replace it to fail or to kill the
    process at ``start``, ``temp_created``, ``temp_written``, ``temp_synced``,
    ``renamed`` or ``done``.
    """


def write_atomic(path: str | os.PathLike, data: bytes, mode: int = FILE_MODE) -> None:
    """Replace ``path`` with ``data``: old or new after a crash, never half.

    A failure before the rename leaves the old file and no temporary file; a
    failure to sync the folder after the rename leaves the new file (and says
    so, since the message for the first case would be untrue).
    """
    path = Path(path)
    try:
        _replace(path, data, mode)
    except _SyncFailed as failed:
        raise UserError(
            f"{path} was saved, but the disk reported a problem ({failed.reason}) while making it permanent; "
            "check the disk (for example with 'dmesg') before going on"
        ) from None
    except OSError as exc:
        raise UserError(
            f"could not save the journal ({exc.strerror or exc}); free some space on the disk and try again. "
            "Nothing already saved was changed"
        ) from None


def write_private(path: str | os.PathLike, data: str | bytes) -> None:
    """Write a file outside the journal (an export, a chart) that only its
    owner can read (0600), as the journal's own files are written: it may
    hold the whole journal."""
    path = Path(path).expanduser()
    if not path.parent.is_dir():
        raise UserError(f"cannot write {path}: the folder {path.parent} does not exist")
    try:
        _replace(path, data.encode("utf-8") if isinstance(data, str) else data, FILE_MODE)
    except _SyncFailed:
        raise UserError(f"{path} was written, but the disk reported a problem while making it permanent; "
                        "check the disk (for example with 'dmesg')") from None
    except OSError as exc:
        raise UserError(f"cannot write {path} ({exc.strerror or exc}); pick another place with --out") from None


class _SyncFailed(OSError):
    """The new file is in place, but syncing its folder failed."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _replace(path: Path, data: bytes, mode: int) -> None:
    """The one atomic write: a private temporary file, written, fsynced,
    renamed over ``path``, then the folder fsynced. Raises OSError (or
    :class:`_SyncFailed` once the rename is done); a failure before the
    rename leaves no temporary file behind."""
    tmp: Path | None = None
    renamed = False
    try:
        _step("start")
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        tmp = Path(name)
        _step("temp_created")
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            _step("temp_written")
            os.fsync(handle.fileno())  # the bytes are on disk before the name points at them
        _step("temp_synced")
        os.replace(tmp, path)
        renamed = True
        _step("renamed")
        fsync_dir(path.parent)  # the rename itself survives a power cut
        _step("done")
    except OSError as exc:
        if renamed:
            raise _SyncFailed(exc.strerror or str(exc)) from None
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise
    except BaseException:  # Ctrl+C and the like: no half-written temporary file left behind
        if tmp is not None and not renamed:
            tmp.unlink(missing_ok=True)
        raise


def copy_atomic(source: str | os.PathLike, target: str | os.PathLike, mode: int = FILE_MODE) -> None:
    """Copy a file the way :func:`write_atomic` writes one (for ``.bak`` copies):
    private from the first byte, and never a half copy."""
    write_atomic(target, Path(source).read_bytes(), mode)


def remove_stale_temps(folder: str | os.PathLike) -> list[Path]:
    """Remove temporary files a crashed write left in ``folder``.

    Only call this while holding the journal's write lock: another writer's
    temporary file is never stale.
    """
    removed = []
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return removed
    for name in names:
        if TEMP_NAME.match(name):
            target = Path(folder) / name
            target.unlink(missing_ok=True)
            removed.append(target)
    return removed


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` survive a power cut.

    Filesystems that cannot sync a directory (EINVAL) are left as they are.
    """
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno != errno.EINVAL:
            raise
    finally:
        os.close(fd)
