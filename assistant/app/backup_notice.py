"""A nightly backup that could not run, said aloud at the next evening, once.

The backup runs at night from a timer, with nobody to read its error. So a
failed backup leaves a small marker in the data directory
(``backup-failed.json``: when, where, and what kind of failure); the next
evening says it at the start, with what to do (the words are
``backup_<kind>`` in ``prompts/<lang>/failures.json``), and removes it. A
backup that succeeds removes it too.
"""
from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from assistant.datafile import read_json
from assistant.errors import UserError
from assistant.journal.storage import write_atomic
from assistant.language.packs import prompts_root

MARKER = "backup-failed.json"
KINDS = ("missing", "full", "failed")


def marker_path(paths) -> Path:
    return Path(paths.data_dir) / MARKER


def record_failure(paths, folder: str, kind: str, message: str) -> None:
    """Leave the marker for the next evening (nothing more can be done if even this fails)."""
    doc = {"when": datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds"), "folder": str(folder),
           "kind": kind if kind in KINDS else "failed", "message": message}
    try:
        if Path(paths.data_dir).is_dir():
            write_atomic(marker_path(paths), (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    except (UserError, OSError):
        pass


def clear_failure(paths) -> None:
    try:
        os.unlink(marker_path(paths))
    except OSError:
        pass


def pending_failure(paths) -> dict | None:
    """The marker's contents, or None when the last backup did not fail."""
    try:
        doc = json.loads(marker_path(paths).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {"kind": "failed"}  # damaged: still worth saying
    return doc if isinstance(doc, dict) else {"kind": "failed"}


def notice_words(code: str, kind: str) -> str:
    phrases = read_json(prompts_root() / code / "failures.json")
    key = f"backup_{kind if kind in KINDS else 'failed'}"
    text = phrases.get(key) if isinstance(phrases, dict) else None
    if not isinstance(text, str) or not text.strip():
        raise UserError(f"{prompts_root() / code / 'failures.json'}: missing phrase {key}; fix the file")
    return text


def say_backup_notice(paths, code: str, say: Callable[[str], object]) -> str | None:
    """Say last night's backup failure, if there was one, then forget it; returns what was said."""
    failure = pending_failure(paths)
    if failure is None:
        return None
    try:
        text = notice_words(code, str(failure.get("kind")))
    except UserError:
        return None  # a language pack without these words: the evening goes on, the marker stays
    say(text)
    clear_failure(paths)  # said once: only after it was said
    return text
