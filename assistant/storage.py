"""A TinyDB storage that never leaves a broken journal behind.

TinyDB's own JSONStorage rewrites its file in place, so a power cut mid-write
leaves half a file. This storage writes a temporary file beside the journal,
fsyncs it, renames it over the old one and fsyncs the directory: after a
crash at any instant the file is the old version or the new one.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from .errors import UserError

FILE_MODE = 0o600


class CorruptJournal(UserError):
    """The journal file exists but is not valid JSON: never overwrite it."""


class DurableJSONStorage(Storage):
    def __init__(self, path: str | os.PathLike, mode: int = FILE_MODE):
        self.path = Path(path)
        self.mode = mode

    def read(self) -> dict[str, Any] | None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
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
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, self.mode)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
            fsync_dir(self.path.parent)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise UserError(
                f"could not save the journal ({exc.strerror}); free some space on the disk and try again. "
                "Nothing already saved was changed"
            ) from None

    def close(self) -> None:
        pass


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` survive a power cut."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
