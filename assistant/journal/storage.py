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
from typing import Any, Callable, TextIO

from tinydb.storages import Storage

from assistant.errors import UserError

FILE_MODE = 0o600
TEMP_NAME = re.compile(r"^\..+\.json(\.bak)?\.[^./]+\.tmp$")
"""What a leftover temporary file looks like (``.2026-11.json.k3x9_a1b.tmp``,
``.2026-11.json.bak.k3x9_a1b.tmp`` for a backup's copy)."""


class CorruptJournal(UserError):
    """The journal file exists but cannot be read as the journal: never overwrite it."""


def damaged(path: Path, why: str) -> CorruptJournal:
    """The one line for a journal file that is there but cannot be used:
    what is wrong, and how to get the last good copy back."""
    backup = path.with_name(path.name + ".bak")
    if path.name.endswith(".bak"):
        restore = "Restore it from a backup of the data folder"
    else:
        restore = f"Restore the last good copy with 'cp {backup} {path}' (or from a backup of the data folder)"
    return CorruptJournal(f"{path} is damaged ({why}); it was left untouched and nothing was written. "
                          f"{restore}, then try again")


def json_kind(value: Any) -> str:
    """How a JSON value is named in a message ("a list", "null")."""
    if value is None:
        return "null"
    return {dict: "an object", list: "a list", str: "a string", bool: "true or false"}.get(type(value), "a number")


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
        """The file's tables; None only when there is no file.

        A file that is there but empty, blank, not JSON, nested too deep
        or not an object of tables is damaged, never "no data": reading it
        as an empty journal would let the next write replace the month and
        its ``.bak`` (the last good copy) and reuse its ids."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:  # a directory, a symlink loop, no permission, an I/O error
            raise damaged(self.path, f"it cannot be read: {exc.strerror or exc}") from None
        raw = self.decode(raw)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise damaged(self.path, f"byte {exc.start} is not UTF-8 text") from None
        if not text.strip():
            raise damaged(self.path, "it is empty")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise damaged(self.path, f"line {exc.lineno}") from None
        except (ValueError, RecursionError):  # a number of thousands of digits, nesting thousands deep
            raise damaged(self.path, "it is not the journal's JSON") from None
        if not isinstance(data, dict):
            raise damaged(self.path, f"it holds {json_kind(data)}, not the journal's tables")
        return data

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


def write_private(path: str | os.PathLike, data: str | bytes | Callable[[TextIO], None]) -> None:
    """Write a file outside the journal (an export, a chart) that only its
    owner can read (0600), as the journal's own files are written: it may
    hold the whole journal. ``data`` may be a function that writes the text
    to the file it is given, so an export is written as it is made, never
    whole in memory."""
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


class _Utf8:
    """Text written as UTF-8 to a binary file, line ends as given (what ``write_private`` hands a writer)."""

    def __init__(self, handle):
        self._handle = handle

    def write(self, text: str) -> int:
        return self._handle.write(text.encode("utf-8"))


class _SyncFailed(OSError):
    """The new file is in place, but syncing its folder failed."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _replace(path: Path, data: bytes | Callable[[TextIO], None], mode: int) -> None:
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
            if callable(data):
                data(_Utf8(handle))  # text written as it is made
            else:
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
