"""Language packs: the words the assistant says and listens for, as data.

A pack lives in ``prompts/<code>/language.json``. Code never holds a phrase
in any language; it asks the pack.
"""
from __future__ import annotations

import os
import random
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.datafile import read_json
from assistant.errors import UserError

COMMANDS = ("repeat", "skip", "read_back", "scratch", "pause", "resume", "stop", "help", "done")
PHRASES = (
    "greeting", "prompt_intro", "closing_summary", "closing_nothing", "anchors", "help", "skipped",
    "paused", "resumed", "read_back", "read_back_empty", "scratched", "stopping", "saved",
    "no_answer", "topic_separator", "topic_last_separator", "anything_more", "still_there", "no_answer_end",
)

NAMING = (
    "ask", "confirm", "ask_again", "another", "energy_question", "pleasant_question", "offer", "or", "intensity",
    "noted", "yes", "no", "dont_know", "skip", "stop", "high_energy", "low_energy", "pleasant", "unpleasant", "numbers",
)


def prompts_root() -> Path:
    """The ``prompts/`` folder (``VOICE_JOURNAL_PROMPTS`` overrides it)."""
    env = os.environ.get("VOICE_JOURNAL_PROMPTS")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "prompts"


def available_languages() -> list[str]:
    root = prompts_root()
    return sorted(p.parent.name for p in root.glob("*/language.json"))


@dataclass(frozen=True)
class LanguagePack:
    code: str
    name: str
    voice: str
    """espeak-ng voice name."""
    model: str
    """Name of the default Vosk model in the catalogue."""
    commands: dict[str, tuple[str, ...]]
    phrases: dict[str, Any]
    path: Path
    naming: dict[str, Any] = field(default_factory=dict)
    """Wording and reply words for naming the feeling (see assistant.conversation.naming)."""
    corrections: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Spoken tag corrections: templates with {feeling}, under 'add' and 'remove'."""

    def say(self, key: str, rng: random.Random | None = None, **values: Any) -> str:
        """The phrase ``key``; a list of variants gives one at random."""
        phrase = self.phrases[key]
        if isinstance(phrase, list):
            phrase = (rng or random).choice(phrase)
        return phrase.format(**values)

    def join_topics(self, topics: list[str]) -> str:
        if len(topics) <= 1:
            return "".join(topics)
        sep, last = self.phrases["topic_separator"], self.phrases["topic_last_separator"]
        return sep.join(topics[:-1]) + last + topics[-1]


def _fail(path: Path, what: str) -> UserError:
    return UserError(f"{path}: {what}; fix the file and try again")


def _strings(value: Any) -> bool:
    """A non-empty list of strings (a command's phrases, a phrase's variants)."""
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) for v in value)


@lru_cache(maxsize=None)
def load_language(code: str) -> LanguagePack:
    path = prompts_root() / code / "language.json"
    if not path.exists():
        known = ", ".join(available_languages()) or "none"
        raise UserError(f"unknown language '{code}'; available languages: {known}")
    data = read_json(path)
    if not isinstance(data, dict):
        raise _fail(path, "must be an object with 'name', 'voice', 'model', 'commands' and 'phrases'")
    for key in ("name", "voice", "model", "commands", "phrases"):
        if key not in data:
            raise _fail(path, f"missing '{key}'")
    for key in ("name", "voice", "model"):
        if not isinstance(data[key], str):
            raise _fail(path, f"'{key}' must be a string")
    for key in ("commands", "phrases", "naming", "corrections"):
        if not isinstance(data.get(key, {}), dict):
            raise _fail(path, f"'{key}' must be an object")
    commands = data["commands"]
    for name in COMMANDS:
        if not _strings(commands.get(name)):
            raise _fail(path, f"command '{name}' needs a list of phrases")
    unknown = set(commands) - set(COMMANDS)
    if unknown:
        raise _fail(path, f"unknown command(s) {sorted(unknown)}")
    for key in PHRASES:
        if key not in data["phrases"]:
            raise _fail(path, f"missing phrase '{key}'")
        phrase = data["phrases"][key]
        if not (isinstance(phrase, str) or _strings(phrase)):
            raise _fail(path, f"phrase '{key}' must be a string or a list of strings")
    naming = data.get("naming", {})
    missing = [k for k in NAMING if k not in naming]
    if naming and missing:
        raise _fail(path, f"'naming' lacks {missing}")
    corrections = data.get("corrections", {})
    for action, templates in corrections.items():
        if action not in ("add", "remove") or not isinstance(templates, list) or not all(
                isinstance(t, str) and "{feeling}" in t for t in templates):
            raise _fail(path, f"'corrections' takes 'add' and 'remove' lists of phrases containing {{feeling}}")
    return LanguagePack(
        code=code,
        name=data["name"],
        voice=data["voice"],
        model=data["model"],
        commands={k: tuple(v) for k, v in commands.items()},
        phrases=data["phrases"],
        path=path,
        naming=naming,
        corrections={k: tuple(v) for k, v in corrections.items()},
    )
