"""Follow-ups that listen: the next prompt depends on what was named.

The rules are data (``prompts/followups.json``); this module only reads
them and says which rule fits. A rule's ``when`` may test
``intensity_at_least``, ``themes_any`` and ``feelings_any``; every test in
it must hold.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from assistant.datafile import read_json
from assistant.errors import UserError
from assistant.language.packs import prompts_root


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
    data = read_json(path, missing=f"{path} is missing; reinstall voice-journal or put the follow-up rules there")
    if not isinstance(data, dict) or not isinstance(data.get("rules", []), list):
        raise UserError(f"{path}: needs 'rules', a list of rules; fix the file")
    rules = []
    for index, item in enumerate(data.get("rules", []), 1):
        if (not isinstance(item, dict) or not isinstance(item.get("when", {}), dict)
                or not isinstance(item.get("ask_from"), list) or not item["ask_from"]
                or set(item.get("when", {})) - KNOWN_TESTS):
            raise UserError(f"{path}: rule {index} needs 'when' (with {sorted(KNOWN_TESTS)}) and 'ask_from'; fix the file")
        rules.append(Rule(item.get("name", f"rule {index}"), item["when"], tuple(item["ask_from"])))
    return rules


def first_match(rules: list[Rule], feelings, themes, intensity: int | None) -> Rule | None:
    return next((r for r in rules if r.matches(feelings, themes, intensity)), None)
