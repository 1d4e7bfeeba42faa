"""Reflection prompts: loaded from ``prompts/<lang>/sets/*.json`` and rotated.

Each file is one set (a theme such as the microsadness check-in) with a
topic, said in the closing summary, and its prompts. ``prompts/arc.json``
says which sets an evening draws from, in order. A prompt asked in the last
:data:`ROTATION_SESSIONS` sessions is not asked again while others remain.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from assistant.datafile import read_json
from assistant.errors import UserError
from assistant.language import schema
from assistant.language.packs import prompts_root

ROTATION_SESSIONS = 7


@dataclass(frozen=True)
class Prompt:
    id: str
    set: str
    text: str
    topic: str
    """A short noun phrase for the closing summary ("a small loss")."""
    follow_ups: tuple[str, ...] = ()


class PromptFileError(UserError):
    pass


def _entry(label: str, index: int, item: object) -> str:
    return f"entry {index + 1}" + (f" ('{item.get('id')}')" if isinstance(item, dict) and item.get("id") else "")


_SET = "needs a 'set' name and a 'prompts' list"
PROMPT_SET = schema.obj({
    "set": schema.Key(schema.text(_SET, blank=True)),
    "prompts": schema.Key(schema.items(schema.obj({
        "id": schema.Key(schema.text("{label} needs a non-empty 'id'")),
        "text": schema.Key(schema.text("{label} needs a non-empty 'text'")),
        "follow_ups": schema.Key(schema.strings("{label} has 'follow_ups' that is not a list of strings", blank=True),
                                 default=()),
    }, "{label} is not an object"), _SET, name=_entry)),
}, _SET)
"""What one ``prompts/<lang>/sets/*.json`` holds (see assistant.language.schema)."""


def _load_set(path: Path) -> list[Prompt]:
    data = read_json(path, error=PromptFileError)
    checked = schema.check(PROMPT_SET, data, path, error=PromptFileError, advice="fix the file")
    set_topic = data.get("topic", "")
    prompts = []
    for index, item in enumerate(checked["prompts"]):
        topic = item.get("topic", set_topic)
        if not topic:
            raise schema.fail(path, f"{_entry('', index, item)} has no 'topic' and the set has none",
                              error=PromptFileError, advice="fix the file")
        prompts.append(Prompt(item["id"], data["set"], item["text"].strip(), topic, item["follow_ups"]))
    return prompts


def load_prompts(language: str) -> list[Prompt]:
    folder = prompts_root() / language / "sets"
    files = sorted(folder.glob("*.json"))
    if not files:
        raise UserError(f"no prompt sets in {folder}; reinstall voice-journal or add a set there")
    prompts: list[Prompt] = []
    seen: dict[str, Path] = {}
    for path in files:
        for prompt in _load_set(path):
            if prompt.id in seen:
                raise PromptFileError(f"{path}: prompt id '{prompt.id}' is also used in {seen[prompt.id]}; ids must be unique")
            seen[prompt.id] = path
            prompts.append(prompt)
    return prompts


def load_arc() -> list[list[str]]:
    path = prompts_root() / "arc.json"
    data = read_json(path, error=PromptFileError,
                     missing=f"{path} is missing; reinstall voice-journal or put the evening arc there")
    slots = data.get("slots") if isinstance(data, dict) else None
    if not isinstance(slots, list) or not slots or not all(
            isinstance(slot, list) and slot and all(isinstance(name, str) for name in slot) for slot in slots):
        raise PromptFileError(f"{path}: needs 'slots', a list of lists of set names; fix the file")
    return [list(slot) for slot in slots]


def choose_prompts(
    prompts: list[Prompt],
    count: int,
    recent: list[list[str]],
    arc: list[list[str]],
    rng: random.Random | None = None,
) -> list[Prompt]:
    """Pick ``count`` prompts following the arc, avoiding recently asked ones.

    The first ``count - 1`` slots of the arc and its last slot are used, so
    an evening always ends on a steadying note. Within a slot, prompts not
    asked in the last :data:`ROTATION_SESSIONS` sessions come first; the
    least recently asked is used only when a set has nothing fresh. Sets
    outside the arc (self-compassion, savouring) are only reached through
    follow-up rules.
    """
    rng = rng or random.Random()
    slots = arc[: count - 1] + [arc[-1]] if count <= len(arc) else arc + [arc[-1]] * (count - len(arc))
    last_asked: dict[str, int] = {}
    for age, ids in enumerate(recent[:ROTATION_SESSIONS]):
        for pid in ids:
            last_asked.setdefault(pid, age)
    in_arc = [p for p in prompts if any(p.set in slot for slot in arc)]  # follow-up-only sets stay out
    chosen: list[Prompt] = []
    for slot in slots:
        pool = [p for p in in_arc if p.set in slot and p not in chosen] or [p for p in in_arc if p not in chosen]
        fresh = [p for p in pool if p.id not in last_asked]
        if fresh:
            chosen.append(rng.choice(fresh))
        else:  # everything in reach was asked lately: take the one asked longest ago
            oldest = max(last_asked.get(p.id, 0) for p in pool)
            chosen.append(rng.choice([p for p in pool if last_asked.get(p.id, 0) == oldest]))
    return chosen
