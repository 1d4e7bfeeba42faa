"""The standby's words: ``prompts/<lang>/standby.json``.

What ``voice-journal listen`` listens for (wake phrases, yes, no, and decoys
that soak up other speech) and what it says (the evening ask, goodnight).
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.datafile import read_json
from assistant.errors import UserError
from assistant.language.packs import prompts_root
from assistant.language.text import normalise

STANDBY_FILE = "standby.json"
PHRASE_KEYS = ("ask_now", "goodnight", "check_sentence")
LIST_KEYS = ("wake", "yes", "no", "decoys")


def normalize(text: str) -> str:
    """Lowercase, single spaces: how a phrase is compared with what the recogniser heard."""
    return normalise(text, form=None, keep_punctuation=True)


@dataclass(frozen=True)
class StandbyPack:
    """``prompts/<lang>/standby.json``: what the standby listens for and says."""

    code: str
    wake: tuple[str, ...]
    yes: tuple[str, ...]
    no: tuple[str, ...]
    decoys: tuple[str, ...]
    phrases: dict[str, Any]
    path: Path

    def say(self, key: str, rng: random.Random | None = None) -> str:
        phrase = self.phrases[key]
        if isinstance(phrase, list):
            phrase = (rng or random).choice(phrase)
        return phrase


def _fail(path: Path, what: str) -> UserError:
    return UserError(f"{path}: {what}; fix the file and try again")


@lru_cache(maxsize=None)
def load_standby(code: str) -> StandbyPack:
    path = prompts_root() / code / STANDBY_FILE
    data = read_json(path, missing=f"{path} is missing: the standby has no wake phrases for language '{code}'")
    if not isinstance(data, dict):
        raise _fail(path, "must be an object")
    lists: dict[str, tuple[str, ...]] = {}
    for key in LIST_KEYS:
        value = data.get(key, [] if key == "decoys" else None)
        if not isinstance(value, list) or not all(isinstance(p, str) and p.strip() for p in value):
            raise _fail(path, f"'{key}' needs a list of phrases")
        if key != "decoys" and not value:
            raise _fail(path, f"'{key}' needs at least one phrase")
        lists[key] = tuple(dict.fromkeys(normalize(p) for p in value))
    seen: dict[str, str] = {}
    for key in ("wake", "yes", "no"):
        for phrase in lists[key]:
            if phrase in seen:
                raise _fail(path, f"'{phrase}' is in both '{seen[phrase]}' and '{key}'")
            seen[phrase] = key
    phrases = data.get("phrases")
    if not isinstance(phrases, dict):
        raise _fail(path, "missing 'phrases'")
    for key in PHRASE_KEYS:
        value = phrases.get(key)
        if not (isinstance(value, str) and value.strip()) and not (
                isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value)):
            raise _fail(path, f"missing phrase '{key}'")
    decoys = tuple(d for d in lists["decoys"] if d not in seen)
    return StandbyPack(code, lists["wake"], lists["yes"], lists["no"], decoys, phrases, path)
