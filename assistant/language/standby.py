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
from assistant.language import schema
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


def _phrases_of(key: str) -> schema.Check:
    """A list of phrases, normalised, each once; only ``decoys`` may be empty."""
    listed = schema.strings(f"'{key}' needs a list of phrases", convert=normalize)
    if key != "decoys":
        listed = schema.refine(listed, bool, f"'{key}' needs at least one phrase")
    return schema.then(listed, lambda phrases: tuple(dict.fromkeys(phrases)))


LISTS = schema.obj({key: schema.Key(_phrases_of(key), default=()) if key == "decoys" else schema.Key(_phrases_of(key))
                    for key in LIST_KEYS}, "must be an object")
"""What it listens for; checked first, so a phrase in two lists is named before what it says."""

SAYS = schema.obj({key: schema.Key(schema.unchanged(schema.either(f"missing phrase '{key}'", schema.text(""),
                                                                  schema.strings("", empty=False))))
                   for key in PHRASE_KEYS}, "missing 'phrases'")
"""What it says: each phrase a string, or a list of strings to choose from."""


@lru_cache(maxsize=None)
def load_standby(code: str) -> StandbyPack:
    path = prompts_root() / code / STANDBY_FILE
    data = read_json(path, missing=f"{path} is missing: the standby has no wake phrases for language '{code}'")
    lists = schema.check(LISTS, data, path)
    seen: dict[str, str] = {}
    for key in ("wake", "yes", "no"):
        for phrase in lists[key]:
            if phrase in seen:
                raise schema.fail(path, f"'{phrase}' is in both '{seen[phrase]}' and '{key}'")
            seen[phrase] = key
    phrases = schema.check(SAYS, data.get("phrases"), path)
    decoys = tuple(d for d in lists["decoys"] if d not in seen)
    return StandbyPack(code, lists["wake"], lists["yes"], lists["no"], decoys, phrases, path)
