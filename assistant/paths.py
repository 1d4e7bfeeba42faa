"""Where voice-journal keeps things: one data directory, one config file.

``VOICE_JOURNAL_HOME`` moves the data directory (tests point it at a temp
dir); otherwise the XDG base-directory rules apply.
"""
from __future__ import annotations

import os
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
                path.mkdir(parents=True, exist_ok=True, mode=0o700)
                os.chmod(path, 0o700)
            except PermissionError:
                raise UserError(
                    f"cannot write to {path}: check its permissions, or set VOICE_JOURNAL_HOME to a writable folder"
                ) from None
            except OSError as exc:
                raise UserError(f"cannot create {path}: {exc.strerror}; free some space or set VOICE_JOURNAL_HOME") from None


def default_paths() -> Paths:
    home = os.environ.get("VOICE_JOURNAL_HOME")
    data = Path(home) if home else _xdg("XDG_DATA_HOME", ".local/share") / APP
    config = os.environ.get("VOICE_JOURNAL_CONFIG")
    config_file = Path(config) if config else _xdg("XDG_CONFIG_HOME", ".config") / APP / "config.toml"
    return Paths(data_dir=data, config_file=config_file)
