"""Language packs: the words the assistant says and listens for, as data.

A pack lives in ``prompts/<code>/language.json``. Code never holds a phrase
in any language; it asks the pack.
"""
from __future__ import annotations

import os
import random
import string
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.datafile import read_json, shipped
from assistant.errors import UserError
from assistant.language import schema

COMMANDS = ("repeat", "skip", "read_back", "scratch", "pause", "resume", "stop", "help", "done", "undo")
PHRASES = (
    "greeting", "prompt_intro", "closing_summary", "closing_nothing", "anchors", "help", "skipped",
    "paused", "resumed", "read_back", "read_back_empty", "scratched", "stopping", "saved",
    "no_answer", "topic_separator", "topic_last_separator", "anything_more", "still_there", "no_answer_end",
    "greeting_first", "confirm_scratch", "confirm_stop", "kept", "undone", "nothing_to_undo", "stopped_kept_none",
    "stopped_kept_one", "stopped_kept_many", "no_answer_end_nothing",
)
"""Required phrases. Optional: "decoys", ordinary words added to the command
grammar so that short answers ("몰라요", "thank you") are heard as themselves."""

NAMING = (
    "ask", "confirm", "ask_again", "another", "energy_question", "pleasant_question", "offer", "or", "intensity",
    "noted", "yes", "no", "dont_know", "skip", "stop", "high_energy", "low_energy", "pleasant", "unpleasant", "numbers",
)


def prompts_root() -> Path:
    """The ``prompts/`` folder (``VOICE_JOURNAL_PROMPTS`` overrides it)."""
    env = os.environ.get("VOICE_JOURNAL_PROMPTS")
    return Path(env) if env else shipped("prompts")


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
    typed_yes: tuple[str, ...] = ()
    """Words a person types to say yes to a question on the terminal ("y", "네"); lower case."""

    def say(self, key: str, rng: random.Random | None = None, **values: Any) -> str:
        """The phrase ``key``; a list of variants gives one at random.

        The pack's placeholders were checked when it was loaded; a phrase the
        code fills with the wrong values is still one line, never a traceback."""
        phrase = self.phrases[key]
        if isinstance(phrase, list):
            phrase = (rng or random).choice(phrase)
        try:
            return phrase.format(**values)
        except (KeyError, IndexError, ValueError, AttributeError) as exc:
            raise UserError(f"{self.path}: phrases '{key}' cannot be filled in ({type(exc).__name__}: {exc}); "
                            f"{_may_use(tuple(values))}; fix the file and try again") from None

    def join_topics(self, topics: list[str]) -> str:
        if len(topics) <= 1:
            return "".join(topics)
        sep, last = self.phrases["topic_separator"], self.phrases["topic_last_separator"]
        return sep.join(topics[:-1]) + last + topics[-1]


PLACEHOLDERS = {
    "phrases": {"closing_summary": ("topics",), "read_back": ("transcript",), "stopped_kept_many": ("count",),
                "corrected_add": ("feeling",), "corrected_remove": ("feeling",)},
    "naming": {"confirm": ("feeling",), "offer": ("options",), "noted": ("feelings", "intensity"),
               "intensity_confirm": ("number",), "intensity_walk_start": ("number",), "intensity_walk": ("number",)},
    "corrections": {"add": ("feeling",), "remove": ("feeling",)},
}
"""The ``{placeholders}`` each template may use (what the code fills in); every other
template has none (a literal brace is written ``{{`` or ``}}``)."""
NOT_SAID = {"phrases": ("decoys", "replay_controls"), "naming": ("or",)}
"""Words that are heard or joined, never filled in: braces in them mean nothing."""


def _may_use(names: tuple[str, ...]) -> str:
    if not names:
        return "it takes no {placeholder} (write {{ or }} for a brace)"
    return "it may only use " + ", ".join("{" + n + "}" for n in names)


def _unknown_placeholder(template: str, allowed: tuple[str, ...]) -> str | None:
    """What is wrong with ``template``'s placeholders, or None."""
    try:
        fields = [name for _, name, spec, _ in string.Formatter().parse(template) if name is not None]
    except ValueError as exc:  # a lone brace
        return f"has a stray brace ({exc})"
    for name in fields:
        if name not in allowed:
            return f"uses {{{name}}}, which the assistant does not fill in: {_may_use(allowed)}"
    return None


def check_templates(templates: dict[str, Any], allowed: dict[str, tuple[str, ...]], path: Path,
                    section: str = "phrases", skip: tuple[str, ...] = ()) -> None:
    """Every template in ``templates`` (a text or a list of variants) uses only the
    placeholders ``allowed`` gives its key (none, for a key not listed): a file
    with an unknown one is refused when loaded, not halfway through an evening."""
    for key, value in templates.items():
        if key in skip:
            continue
        for template in [value] if isinstance(value, str) else value if isinstance(value, list) else []:
            problem = isinstance(template, str) and _unknown_placeholder(template, allowed.get(key, ()))
            if problem:
                raise schema.fail(path, f"{section} '{key}' {problem}")


def _check_placeholders(data: dict[str, Any], path: Path) -> None:
    for section, allowed in PLACEHOLDERS.items():
        check_templates(data.get(section, {}), allowed, path, section, NOT_SAID.get(section, ()))


def _naming(value: Any, label: str) -> dict[str, Any]:
    missing = [k for k in NAMING if k not in value]
    if value and missing:
        raise schema.Invalid(f"'naming' lacks {missing}")
    return value


def _corrections(value: Any, label: str) -> dict[str, tuple[str, ...]]:
    for action, templates in value.items():
        if action not in ("add", "remove") or not isinstance(templates, list) or not all(
                isinstance(t, str) and "{feeling}" in t for t in templates):
            raise schema.Invalid("'corrections' takes 'add' and 'remove' lists of phrases containing {feeling}")
    return {k: tuple(v) for k, v in value.items()}


_PHRASE_LIST = schema.strings("", empty=False, blank=True)
"""A non-empty list of strings (a command's phrases, a phrase's variants)."""

LANGUAGE_FILE = schema.obj({
    **{key: schema.Key(schema.text(f"'{key}' must be a string", blank=True), missing="missing '{key}'")
       for key in ("name", "voice", "model")},
    "commands": schema.Key(schema.obj(
        {name: schema.Key(schema.either(f"command '{name}' needs a list of phrases", _PHRASE_LIST)) for name in COMMANDS},
        "'commands' must be an object", unknown="unknown command(s) {keys}", ignored=()), missing="missing '{key}'"),
    "phrases": schema.Key(schema.obj(
        {key: schema.Key(schema.unchanged(schema.either(f"phrase '{key}' must be a string or a list of strings",
                                                        schema.text("", blank=True), _PHRASE_LIST)),
                         missing="missing phrase '{key}'") for key in PHRASES},
        "'phrases' must be an object"), missing="missing '{key}'"),
    "naming": schema.Key(schema.obj({}, "'naming' must be an object"), default={}),
    "corrections": schema.Key(schema.obj({}, "'corrections' must be an object"), default={}),
    "typed_yes": schema.Key(schema.strings("'typed_yes' must be a list of words", empty=False, blank=True), default=()),
}, "must be an object with 'name', 'voice', 'model', 'commands' and 'phrases'")
"""What ``prompts/<code>/language.json`` holds."""


@lru_cache(maxsize=None)
def load_language(code: str) -> LanguagePack:
    path = prompts_root() / code / "language.json"
    if not path.exists():
        known = ", ".join(available_languages()) or "none"
        raise UserError(f"unknown language '{code}'; available languages: {known}")
    data = schema.check(LANGUAGE_FILE, read_json(path), path)
    naming = schema.check(_naming, data["naming"], path)
    corrections = schema.check(_corrections, data["corrections"], path)
    _check_placeholders(data, path)
    return LanguagePack(
        code=code,
        name=data["name"],
        voice=data["voice"],
        model=data["model"],
        commands={k: tuple(v) for k, v in data["commands"].items()},
        phrases=data["phrases"],
        path=path,
        naming=naming,
        corrections=corrections,
        typed_yes=tuple(w.lower() for w in data["typed_yes"]),
    )
