"""Spoken commands: a command is a short utterance that *is* a command phrase.

Pure text functions, no audio. "skip" alone is a command; "i wanted to skip
the party" is an answer. Phrases come from the language pack.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable, Mapping

from assistant.language.text import normalise

FILLERS = frozenset({"um", "uh", "erm", "hmm", "please", "okay", "ok", "so", "음", "어", "그", "저", "아"})
"""Words that only fill a pause ("저 잠시" is "잠시")."""

DESTRUCTIVE = frozenset({"skip", "scratch", "stop"})
"""Commands that lose or end something; the audio path asks more of them."""


def strip_fillers(text: str) -> str:
    return " ".join(w for w in normalise(text).split() if w not in FILLERS)


def build_index(commands: Mapping[str, tuple[str, ...] | list[str]]) -> dict[str, str]:
    """Phrase → command name, phrases normalised; a phrase used twice is an error."""
    index: dict[str, str] = {}
    for name, phrases in commands.items():
        for phrase in phrases:
            key = normalise(phrase)
            if key in index and index[key] != name:
                raise ValueError(f"phrase '{phrase}' is used by both '{index[key]}' and '{name}'")
            index[key] = name
    return index


def match_command(text: str, index: Mapping[str, str]) -> str | None:
    """The command this whole utterance says, or None.

    Only an utterance that is a command phrase (give or take fillers such as
    "um" or "please") counts; a phrase inside a longer sentence does not.
    """
    plain = normalise(text)
    if not plain:
        return None
    if plain in index:
        return index[plain]
    return index.get(strip_fillers(plain))


SLOT = "feelingslot"


def match_correction(text: str, templates: Mapping[str, Iterable[str]],
                     canonical: Callable[[str], str | None]) -> tuple[str, str] | None:
    """A spoken tag correction ("tag that as lonely", "remove angry").

    Returns (``add`` or ``remove``, canonical feeling), or None when the
    utterance is not a correction or names no known feeling.
    """
    plain = strip_fillers(text)
    for action, phrases in templates.items():
        for phrase in phrases:
            pattern = re.escape(normalise(phrase.replace("{feeling}", SLOT))).replace(SLOT, "(.+)")
            match = re.fullmatch(pattern, plain)
            if match:
                feeling = canonical(match.group(1))
                if feeling:
                    return action, feeling
    return None
