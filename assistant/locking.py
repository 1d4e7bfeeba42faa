"""One at a time: an exclusive ``flock`` on a lock file (the journal, the standby, a download).

The lock belongs to the open file, so it goes when the handle is closed or
the process dies (a crash never leaves a stale lock behind).
"""
from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import IO

from assistant.errors import UserError


PRIVATE = 0o600


def try_lock(path: str | os.PathLike, mode: int = PRIVATE, what: str = "lock file") -> IO | None:
    """An open handle on ``path`` holding its exclusive lock (close it to
    let go), or None when another process holds the lock."""
    try:
        fd = os.open(Path(path), os.O_RDWR | os.O_CREAT, mode)
    except OSError as exc:  # a directory (or a loop) where the lock file belongs, a read-only disk
        raise UserError(f"cannot open the {what} {path} ({exc.strerror or exc}); "
                        f"if it is not a plain file, remove it (it holds nothing) and try again") from None
    handle = os.fdopen(fd, "r+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    return handle
