"""Where voice-journal keeps things: one data directory, one config file.

``VOICE_JOURNAL_HOME`` moves the data directory (tests point it at a temp
dir); otherwise the XDG base-directory rules apply.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import UserError

APP = "voice-journal"


def _xdg(var: str, fallback: str) -> Path:
    value = os.environ.get(var)
    return Path(value) if value else Path.home() / fallback


@dataclass(frozen=True)
class Paths:
    data_dir: Path
    config_file: Path

    @property
    def journal_dir(self) -> Path:
        """Monthly TinyDB shards (see assistant.journal.book)."""
        return self.data_dir / "journal"

    @property
    def audio_dir(self) -> Path:
        return self.data_dir / "audio"

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"

    def as_dict(self) -> dict[str, str]:
        return {
            "data_dir": str(self.data_dir),
            "journal": str(self.journal_dir),
            "audio": str(self.audio_dir),
            "models": str(self.models_dir),
            "config": str(self.config_file),
        }

    def ensure_private_dirs(self) -> None:
        """Create the data directories readable by the owner only (0700)."""
        for path in (self.data_dir, self.journal_dir, self.audio_dir, self.models_dir):
            try:
                make_parents(path)
                if not path.is_dir():
                    path.mkdir(mode=0o700)
                    sync_folder(path.parent)  # survives a power cut
                os.chmod(path, 0o700)
            except PermissionError:
                raise UserError(
                    f"cannot write to {path}: check its permissions, or set VOICE_JOURNAL_HOME to a writable folder"
                ) from None
            except OSError as exc:
                raise UserError(f"cannot create {path}: {exc.strerror}; free some space or set VOICE_JOURNAL_HOME") from None


def make_parents(path: Path, mode: int = 0o755) -> None:
    """Create the missing folders above ``path`` with ``mode`` whatever the
    umask (``mkdir(parents=True)`` makes them 0777 under ``umask 000``:
    anyone could swap the data directory, or a unit file, underneath)."""
    missing = [p for p in reversed(Path(path).parents) if not p.exists()]
    for folder in missing:
        folder.mkdir(mode=mode, exist_ok=True)
        os.chmod(folder, mode)
        sync_folder(folder.parent)


def sync_folder(folder: Path) -> None:
    """Make a new name in ``folder`` survive a power cut (where the filesystem can)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # a filesystem that cannot sync a folder
    finally:
        os.close(fd)


def runtime_dir() -> Path:
    """A private folder (0700) for short-lived work files, such as spoken
    answers read back: never the shared /tmp, and in memory where it can be
    (a spoken sentence should not need disk space, nor stay on the disk):
    ``$XDG_RUNTIME_DIR/voice-journal``, else ``/dev/shm/voice-journal-<uid>``,
    else ``runtime/`` in the data directory."""
    base = os.environ.get("XDG_RUNTIME_DIR")
    choices = [Path(base) / APP] if base and _own_folder(Path(base)) else []
    if os.path.isdir("/dev/shm"):
        choices.append(Path("/dev/shm") / f"{APP}-{os.getuid()}")
    choices.append(default_paths().data_dir / "runtime")
    for folder in choices:
        try:
            make_parents(folder, 0o700)
            folder.mkdir(mode=0o700, exist_ok=True)
        except OSError:
            continue
        if _own_folder(folder):
            os.chmod(folder, 0o700)
            return folder
    raise UserError(f"cannot create a private folder for work files (tried {', '.join(map(str, choices))}); "
                    "set VOICE_JOURNAL_HOME to a writable folder")


def _own_folder(folder: Path) -> bool:
    """A real folder (not a link someone else planted) that belongs to this user."""
    try:
        st = os.lstat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid()


def default_paths() -> Paths:
    home = os.environ.get("VOICE_JOURNAL_HOME")
    data = Path(home) if home else _xdg("XDG_DATA_HOME", ".local/share") / APP
    config = os.environ.get("VOICE_JOURNAL_CONFIG")
    config_file = Path(config) if config else _xdg("XDG_CONFIG_HOME", ".config") / APP / "config.toml"
    return Paths(data_dir=data, config_file=config_file)
