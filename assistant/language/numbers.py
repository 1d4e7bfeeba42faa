"""Spoken numbers, one to ten: "7", "seven", "일곱", "칠", "about five", "한 다섯", "다섯 정도", "seven out of ten".

The intensity question ("how heavy, from one to ten?") is answered with a
number said however a person says it. The words are data, in the language
pack's ``naming`` section: ``numbers`` (word to value; Korean has two sets,
일..십 and 하나..열), ``about_before`` and ``about_after`` (the hedges around
a number: "about", "한", "or so", "정도") and ``scale_before`` and
``scale_after`` (the scale named with it: "seven out of ten", "열 중에
칠"). :func:`parse_number` is a pure
text stage; :func:`number_grammar` lists the phrases a grammar recogniser
needs to hear them all.
"""
from __future__ import annotations

from dataclasses import dataclass

from assistant.language.text import normalise


@dataclass(frozen=True)
class SpokenNumbers:
    """A language's number words and the hedges that may surround one."""

    words: dict[str, int]
    about_before: tuple[str, ...] = ()
    about_after: tuple[str, ...] = ()
    scale_before: tuple[str, ...] = ()
    scale_after: tuple[str, ...] = ()

    @classmethod
    def from_naming(cls, naming: dict) -> "SpokenNumbers":
        def phrases(key: str) -> tuple[str, ...]:
            return tuple(normalise(p) for p in naming.get(key, []))

        return cls({normalise(k): int(v) for k, v in naming.get("numbers", {}).items()},
                   phrases("about_before"), phrases("about_after"), phrases("scale_before"), phrases("scale_after"))

    @property
    def around(self) -> tuple[str, ...]:
        """Every phrase that may surround a number without being one (longest first)."""
        return tuple(sorted(set(self.about_before + self.about_after + self.scale_before + self.scale_after),
                            key=lambda p: -len(p.split())))


def parse_number(text: str | None, numbers: SpokenNumbers) -> int | None:
    """The number ``text`` says, or None when it says none, or two different ones.

    Digits ("7", "7점", "7/10") and number words count; hedges ("about",
    "정도") and the scale ("out of ten", "열 중에") are dropped. "seven or
    eight" is None: an intensity is confirmed, not guessed.
    """
    if not text:
        return None
    words = normalise(text.replace("/10", " ")).split()
    found: set[int] = set()
    for hedge in numbers.around:
        words = _drop(words, hedge.split())
    for word in words:
        value = numbers.words.get(word)
        if value is None:
            digits = "".join(ch for ch in word if ch.isdigit())
            if digits and word.startswith(digits) and len(digits) <= 2:  # "7", "7점", "10"
                value = int(digits)
        if value is not None:
            found.add(value)
    return found.pop() if len(found) == 1 else None


def _drop(words: list[str], phrase: list[str]) -> list[str]:
    """``words`` without any run of ``phrase``."""
    out, i, n = [], 0, len(phrase)
    while i < len(words):
        if n and words[i:i + n] == phrase:
            i += n
            continue
        out.append(words[i])
        i += 1
    return out


def number_grammar(numbers: SpokenNumbers) -> list[str]:
    """Every way to say a number that a grammar should hold: the word alone, hedged, and with its scale."""
    phrases: list[str] = []
    for word in numbers.words:
        phrases.append(word)
        phrases.extend(f"{hedge} {word}" for hedge in numbers.about_before + numbers.scale_before)
        phrases.extend(f"{word} {hedge}" for hedge in numbers.about_after + numbers.scale_after)
    return list(dict.fromkeys(phrases))
