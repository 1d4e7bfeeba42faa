"""The JSON data files people may edit by hand (prompts/, the model catalogue): where they are, how to read them.

Every loader reads them the same way, so a file that is missing, unreadable,
not UTF-8 or not JSON is always one line naming the file, never a traceback.
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from assistant.errors import UserError

SOURCE_ROOT = Path(__file__).resolve().parent.parent


def shipped(folder: str) -> Path:
    """The data folder ``prompts`` or ``models`` that comes with voice-journal.

    Both stay at the repository root; an installed wheel carries them inside
    the package as ``assistant/data/<folder>`` (see pyproject.toml). The
    installed copy wins; a source checkout falls back to the root.
    """
    installed = resources.files("assistant").joinpath("data", folder)
    if isinstance(installed, Path) and installed.is_dir():
        return installed
    return SOURCE_ROOT / folder


def read_json(path: Path, *, missing: str | None = None, error: type[UserError] = UserError) -> Any:
    """The JSON in ``path``; ``missing`` is the whole message for a file that is not there."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(missing or f"{path} is missing; reinstall voice-journal") from None
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not UTF-8 text (byte {exc.start}); fix the file: save it as UTF-8") from None
    except OSError as exc:
        raise error(f"{path}: cannot be read ({exc.strerror}); check that you may read it") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(f"{path}: not valid JSON at line {exc.lineno}, column {exc.colno}; fix the file and try again") from None
