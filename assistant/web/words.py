"""The page's words, in English and Korean (``strings/<language>.json``).

Apart from the templates and the server, so the fridge picture
(``voice-journal chart``) titles and labels its patterns with the same
words without the ``web`` extra installed.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

LANGUAGES = ("en", "ko")
FOLDER = Path(__file__).resolve().parent / "strings"


@lru_cache(maxsize=None)
def strings(language: str) -> dict[str, Any]:
    """The page's words in ``language`` (English when there are none for it)."""
    path = FOLDER / f"{language if language in LANGUAGES else 'en'}.json"
    return json.loads(path.read_text(encoding="utf-8"))
