"""The command decision as a table: evidence in, accepted command (or why not) out."""
from __future__ import annotations

import pytest

from assistant.conversation.command_evidence import (
    CONFIRMED_THRESHOLDS, HARMLESS, WEIGHTY, WEIGHTY_THRESHOLDS, Evidence, Verdict, decide, letters, ordinary_phrases,
    similarity, thresholds_for,
)
from assistant.language.commands import build_index
from assistant.language.packs import load_language

KO = build_index(load_language("ko").commands)
EN = build_index(load_language("en").commands)


def ev(free, grammar=None, *, words=None, span=0.8, gap=None, after=1.0, conf=1.0):
    return Evidence(free, len(free.split()) if words is None else words, span, gap, after, grammar, conf)


CASES = [
    # (what was heard, index, accepted command, reason)
    (ev("넘어가", "넘어가"), KO, "skip", "accepted"),
    (ev("넘어 가", "넘어가", gap=1.2), KO, "skip", "accepted"),  # free dictation split the word
    (ev("어가", "넘어가", gap=1.2), KO, "skip", "accepted"),  # only the end heard: close enough in jamo
    (ev("오늘 여기까지", "오늘 여기까지", gap=2.0), KO, "stop", "accepted"),
    (ev("완료", None), KO, "done", "accepted"),  # no grammar to ask: free dictation alone
    # ordinary short answers: the grammar hears the decoy, or free dictation disagrees
    (ev("몰라요", "몰라요"), KO, None, "grammar heard no command"),
    (ev("고마워 요", "고마워 요"), KO, None, "grammar heard no command"),
    (ev("짜증 나요", "지우기", conf=0.8), KO, None, "free dictation disagrees"),
    (ev("짜증 나요", "넘어가", conf=0.8), KO, None, "free dictation disagrees"),
    (ev("i don't know", "i don't know"), EN, None, "grammar heard no command"),
    (ev("thank you", "thank you"), EN, None, "grammar heard no command"),
    # a command word inside a sentence is not a command
    (ev("오늘 회사 일 다 완료 했어요", "완료"), KO, None, "too long"),
    (ev("i was done with work today", "i'm done"), EN, None, "too long"),
    (ev("넘어가", "넘어가", span=3.0), KO, None, "too long"),
    # not isolated by pauses
    (ev("넘어가", "넘어가", gap=0.2), KO, None, "no pause before"),
    (ev("넘어가", "넘어가", after=0.1), KO, None, "no pause after"),
    # unsure
    (ev("여기까지", "여기까지", conf=0.55), KO, None, "low confidence"),  # weighty: asks 0.6
    (ev("뭐라고", "뭐라고", conf=0.55), KO, "repeat", "accepted"),  # harmless: 0.5 will do
    (ev("다시 시작", "넘어가", conf=0.8), KO, None, "free dictation disagrees"),
    (ev("넘어가", "잠시"), KO, None, "free dictation heard another command"),
    (ev("넘어가", ""), KO, None, "grammar heard no command"),
    # the grammar is sure (exactly the phrase, conf >= 0.9) and free dictation heard a word or two
    # (espeak-ng's 멈춤 as "쥐고 있다", 여기까지 as "어진"): harmless or confirmed by a yes
    (ev("쥐고 있다", "멈춤", conf=1.0), KO, "pause", "accepted: the grammar is sure"),
    (ev("어진", "여기까지", conf=0.95), KO, "stop", "accepted: the grammar is sure"),
    (ev("쥐고 있다", "멈춤", conf=0.85), KO, None, "free dictation disagrees"),  # not sure enough
    (ev("매일 들이 D", "마무리", conf=1.0), KO, None, "free dictation disagrees"),  # three words: a sentence
    (ev("이어", "넘겨", conf=1.0), KO, "skip", "accepted: the grammar is sure"),  # skip keeps what was said
    (ev("럼 디어", "넘겨", conf=1.0), KO, "skip", "accepted: the grammar is sure"),  # espeak-ng's 넘겨, heard in CI
    (ev("이어", "넘겨", conf=0.85), KO, None, "free dictation disagrees"),  # skip: not sure enough
    (ev("오늘 회사 에서", "넘겨", conf=1.0), KO, None, "free dictation disagrees"),  # three words: a sentence
    (ev("몰라요", "몰라요", conf=1.0), KO, None, "grammar heard no command"),  # a decoy stays an answer
    (ev("이어", "완료", conf=1.0), KO, None, "free dictation disagrees"),  # done: the same
    (ev("오늘 하루", None), KO, None, "not a command"),
]


@pytest.mark.parametrize("evidence, index, command, reason", CASES)
def test_the_evidence_decides(evidence, index, command, reason):
    verdict = decide(evidence, index)
    assert (verdict.command, verdict.reason) == (command, reason)


def test_an_ordinary_answer_free_dictation_heard_is_never_a_sure_command():
    """"짜증 나요" heard by free dictation is an answer even when the grammar is sure of "넘어가"."""
    ordinary = ordinary_phrases(["넘어가", "짜증 나요", "몰라요"], KO)
    assert ordinary == {"짜증 나요", "몰라요"}
    sure = ev("짜증 나요", "넘어가", conf=1.0)
    assert decide(sure, KO).command == "skip"  # without the decoys, the sure rule alone would take it
    assert decide(sure, KO, ordinary=ordinary) == Verdict(None, "free dictation disagrees", "skip")
    assert decide(ev("음 짜증 나요", "지우기", conf=1.0), KO, ordinary=ordinary).command is None  # fillers aside
    assert decide(ev("럼 디어", "넘겨", conf=1.0), KO, ordinary=ordinary).command == "skip"


def test_weighty_commands_ask_for_more():
    assert {"scratch", "stop", "skip", "done"} <= WEIGHTY
    assert thresholds_for("done") is WEIGHTY_THRESHOLDS and thresholds_for("repeat") is HARMLESS
    assert thresholds_for("stop") is CONFIRMED_THRESHOLDS is thresholds_for("scratch") is thresholds_for("skip")
    for strict in (WEIGHTY_THRESHOLDS, CONFIRMED_THRESHOLDS):
        assert strict.min_conf >= HARMLESS.min_conf
        assert strict.min_similarity >= HARMLESS.min_similarity
    assert WEIGHTY_THRESHOLDS.sure_conf > 1.0  # skip and done never stand on the grammar alone


def test_a_rejected_command_still_says_what_it_would_have_been():
    assert decide(ev("넘어가", "넘어가", gap=0.1), KO).heard == "skip"


@pytest.mark.parametrize("a, b, low, high", [
    ("넘어가", "넘어가", 1.0, 1.0),
    ("넘어 가", "넘어가", 1.0, 1.0),  # spaces do not count
    ("완료", "왼료", 0.7, 0.9),  # one vowel apart, in jamo
    ("몰라요", "멈춤", 0.0, 0.3),
    ("I'm done", "im done", 1.0, 1.0),
    ("", "넘어가", 0.0, 0.0),
])
def test_similarity_over_letters_and_jamo(a, b, low, high):
    assert low <= similarity(a, b) <= high


def test_hangul_is_compared_in_jamo():
    assert letters("가") == "\u1100\u1161"
    assert letters("음 넘어가") == letters("넘어가")  # fillers dropped
