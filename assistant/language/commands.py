"""Spoken commands: a command is a short utterance that *is* a command phrase.

Pure text functions, no audio. "skip" alone is a command; "i wanted to skip
the party" is an answer. Phrases come from the language pack.

Tag corrections ("외로움 추가", "tag that as lonely") and replay requests
("마지막 기록 들려줘", "play my last entry") are commands too: set phrases in the
command grammar (:func:`spoken_commands`; the pack's ``correction_feelings``
and ``replay_phrases``), weighed like the others, that carry what they mean.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
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


CORRECT, REPLAY = "correct", "replay"
"""The commands that carry something: a tag correction, a replay request."""


def respell(phrase: str, known: Callable[[str], bool] | None) -> str:
    """``phrase`` in words the recogniser knows: a word it lacks is split into known pieces,
    longest first ("추가해" -> "추가 해", "들려줘" -> "들려 줘"); with no ``known``, as it is.
    A word that cannot be split is kept (the grammar then leaves the phrase out)."""
    if known is None:
        return normalise(phrase)
    out: list[str] = []
    for word in normalise(phrase).split():
        pieces = _pieces(word, known)
        out += pieces if pieces else [word]
    return " ".join(out)


def _pieces(word: str, known: Callable[[str], bool]) -> list[str] | None:
    if known(word):
        return [word]
    for cut in range(len(word) - 1, 0, -1):
        head = word[:cut]
        if known(head):
            rest = _pieces(word[cut:], known)
            if rest:
                return [head, *rest]
    return None


def carried_phrases(corrections: Mapping[str, Iterable[str]], feelings: Iterable[str],
                    canonical: Callable[[str], str | None] | None, replay_phrases: Iterable[str],
                    parse_replay: Callable[[str], object] | None,
                    known: Callable[[str], bool] | None = None) -> dict[str, tuple[str, object]]:
    """Grammar phrases for tag corrections and replay requests: phrase (as the recogniser spells
    it) -> (``correct``, (action, feeling)) or (``replay``, request).

    A correction is "<frame> <feeling>" for each template and each of the common ``feelings``
    (a feeling the vocabulary does not know is left out); a replay phrase is kept only when
    ``parse_replay`` understands it. Set phrases, so the command grammar can hear them the way it
    hears "skip" -- free dictation alone hears a voice it knows badly as other words."""
    table: dict[str, tuple[str, object]] = {}
    for action, templates in corrections.items():
        for template in templates:
            for feeling in feelings:
                word = canonical(feeling) if canonical else None
                if word:
                    table.setdefault(respell(template.replace("{feeling}", feeling), known), (CORRECT, (action, word)))
    for phrase in replay_phrases:
        request = parse_replay(phrase) if parse_replay else None
        if request:
            table.setdefault(respell(phrase, known), (REPLAY, request))
    return table


@dataclass(frozen=True)
class SpokenCommands:
    """What the answer listener listens for: every command phrase, its grammar, and the parsers
    of what corrections and replay requests carry."""

    index: dict[str, str]
    """Phrase -> command name (``correct`` and ``replay`` included)."""
    grammar: list[str]
    """The command grammar: command phrases, correction and replay phrases, decoys."""
    correction: Callable[[str], tuple[str, str] | None] | None
    replay_request: Callable[[str], object] | None


CARRIED_ON_THE_GRAMMAR = False
"""Whether correction and replay phrases (and the feeling words as decoys) join the
command grammar. Off: measured on the real Korean model (2026-12-04), they lifted
espeak-ng corrections and replay requests from 0/63 to only 1/63, while the larger
grammar stopped hearing "오늘 여기까지" (stop) in the real evening of
tests/test_evening_stack.py. Corrections and replay requests are then understood
from free dictation alone, as before (set this to True to measure the grammar path,
e.g. with ``benchmarks/robustness.py --kinds correction,replay``)."""


def spoken_commands(commands: Mapping[str, Iterable[str]], decoys: Iterable[str] = (),
                    corrections: Mapping[str, Iterable[str]] | None = None, feelings: Iterable[str] = (),
                    canonical: Callable[[str], str | None] | None = None, replay_phrases: Iterable[str] = (),
                    parse_replay: Callable[[str], object] | None = None,
                    known: Callable[[str], bool] | None = None,
                    feeling_forms: Callable[[str], Iterable[str]] | None = None,
                    on_the_grammar: bool | None = None) -> SpokenCommands:
    """The listener's commands from a language pack's parts (see :func:`carried_phrases`).

    A correction or replay request is understood from a grammar phrase first, then (free
    dictation's words alone) from the templates and the replay parser as before. The ways of
    saying each of those feelings (``feeling_forms``: "외로웠어요", "lonely") join the decoys, so
    that an answer saying a feeling is heard as itself, not forced onto "외로움 추가"."""
    index = build_index({name: tuple(phrases) for name, phrases in commands.items()})
    grammar = [p for phrases in commands.values() for p in phrases]
    on_the_grammar = CARRIED_ON_THE_GRAMMAR if on_the_grammar is None else on_the_grammar
    table = (carried_phrases(corrections or {}, feelings, canonical, replay_phrases, parse_replay, known)
             if on_the_grammar else {})
    for phrase, (name, _) in table.items():
        index.setdefault(phrase, name)
    grammar += [p for p in table if p not in grammar] + list(decoys)
    if feeling_forms and table:
        said = {respell(form, known) for feeling in feelings for form in feeling_forms(feeling)}
        grammar += sorted(p for p in said if p not in index and p not in grammar
                          and (known is None or all(known(w) for w in p.split())))

    free_correction = ((lambda text: match_correction(text, corrections, canonical))
                       if corrections and canonical else None)
    has_correction = free_correction or any(name == CORRECT for name, _ in table.values())
    has_replay = parse_replay or any(name == REPLAY for name, _ in table.values())
    correction = CarriedParser(table, CORRECT, free_correction, canonical) if has_correction else None
    replay_request = CarriedParser(table, REPLAY, parse_replay) if has_replay else None
    return SpokenCommands(index, grammar, correction, replay_request)


class CarriedParser:
    """What a correction or replay request carries: a grammar phrase's meaning, else ``fallback``'s
    reading of free dictation's words. :meth:`agrees` says whether free dictation's words could
    mean it (they name no other feeling)."""

    def __init__(self, table: Mapping[str, tuple[str, object]], name: str,
                 fallback: Callable[[str], object] | None, canonical: Callable[[str], str | None] | None = None):
        self.table, self.name, self.fallback, self.canonical = table, name, fallback, canonical

    def __call__(self, text: str) -> object | None:
        entry = self.table.get(strip_fillers(text)) or self.table.get(normalise(text))
        if entry and entry[0] == self.name:
            return entry[1]
        return self.fallback(text) if self.fallback else None

    def agrees(self, argument: object, free_text: str) -> bool:
        if self.name != CORRECT or not self.canonical:
            return True
        named = feelings_named(free_text, self.canonical)
        return not named or argument[1] in named


def feelings_named(text: str, canonical: Callable[[str], str | None], longest: int = 3) -> set[str]:
    """The feelings any run of up to ``longest`` words in ``text`` names ("오늘 슬 퍼" -> 슬픔)."""
    words = strip_fillers(text).split()
    named = set()
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + longest) + 1):
            feeling = canonical(" ".join(words[i:j]))
            if feeling:
                named.add(feeling)
    return named
