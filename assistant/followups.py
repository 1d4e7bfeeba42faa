"""Follow-ups that listen: the next prompt depends on what was named.

The rules are data (``prompts/followups.json``); this module only reads
them and says which rule fits. A rule's ``when`` may test
``intensity_at_least``, ``themes_any`` and ``feelings_any``; every test in
it must hold.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterable

from .errors import UserError
from .language import prompts_root


@dataclass(frozen=True)
class Rule:
    name: str
    when: dict
    ask_from: tuple[str, ...]

    def matches(self, feelings: Iterable[str], themes: Iterable[str], intensity: int | None) -> bool:
        when = self.when
        if "intensity_at_least" in when and (intensity is None or intensity < when["intensity_at_least"]):
            return False
        if "themes_any" in when and not set(when["themes_any"]) & set(themes):
            return False
        if "feelings_any" in when and not set(when["feelings_any"]) & set(feelings):
            return False
        return True


KNOWN_TESTS = {"intensity_at_least", "themes_any", "feelings_any"}


def load_rules() -> list[Rule]:
    path = prompts_root() / "followups.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise UserError(f"{path}: cannot read the follow-up rules ({exc}); fix the file") from None
    rules = []
    for index, item in enumerate(data.get("rules", []), 1):
        if not isinstance(item, dict) or not item.get("ask_from") or set(item.get("when", {})) - KNOWN_TESTS:
            raise UserError(f"{path}: rule {index} needs 'when' (with {sorted(KNOWN_TESTS)}) and 'ask_from'; fix the file")
        rules.append(Rule(item.get("name", f"rule {index}"), item["when"], tuple(item["ask_from"])))
    return rules


def first_match(rules: list[Rule], feelings, themes, intensity: int | None) -> Rule | None:
    return next((r for r in rules if r.matches(feelings, themes, intensity)), None)
