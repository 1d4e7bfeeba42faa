"""Spotting phrases cheaply: the gate (with synthesized audio) and the spotter
(with scripted speech, and, marked ``stack``, espeak-ng and the real Korean
model).

Time is counted in audio samples everywhere, never wall time.
"""
from __future__ import annotations

import numpy as np
import pytest

from assistant.app.standby import ASK_MIN_CONF
from assistant.audio.chunks import AudioChunk
from assistant.language.standby import load_standby
from assistant.speech.spotting import HANGOVER_S, MIN_CONF, PREROLL_S, Gate, Spotter
from tests.stack import MIC_RATE_HZ, quiet

RATE = MIC_RATE_HZ
CHUNK = RATE // 10


def chunks_of(samples: np.ndarray, size: int = CHUNK) -> list[AudioChunk]:
    return [AudioChunk.from_array(samples[i:i + size], RATE) for i in range(0, len(samples), size)]


def tone(seconds: float, dbfs: float = -20.0, freq: float = 440.0) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    amplitude = 32768 * 10 ** (dbfs / 20) * np.sqrt(2)  # RMS of a sine is amplitude / sqrt(2)
    return (amplitude * np.sin(2 * np.pi * freq * t)).astype("<i2")


def feed_all(gate: Gate, samples: np.ndarray):
    """Feed everything; return (decoded samples as one array, chunk indexes where the gate closed)."""
    out, closed = [], []
    for index, chunk in enumerate(chunks_of(samples)):
        passed, ended = gate.feed(chunk)
        out.extend(c.array() for c in passed)
        if ended:
            closed.append(index)
    return (np.concatenate(out) if out else np.zeros(0, dtype="<i2")), closed


# -- the gate, with synthesized audio -----------------------------------------

def test_silence_is_heard_but_never_decoded():
    gate = Gate(RATE, -45.0)
    decoded, closed = feed_all(gate, quiet(10.0))
    assert len(decoded) == 0 and closed == []
    assert gate.samples_heard == 10 * RATE and gate.samples_decoded == 0 and gate.openings == 0


def test_noise_under_the_threshold_is_not_decoded():
    rng = np.random.default_rng(1)
    noise = (rng.normal(0, 32768 * 10 ** (-60 / 20), 5 * RATE)).astype("<i2")  # about -60 dBFS
    gate = Gate(RATE, -45.0)
    decoded, _ = feed_all(gate, noise)
    assert gate.samples_decoded == 0 and len(decoded) == 0


def test_a_loud_chunk_goes_out_with_its_pre_roll_and_a_hangover():
    before = np.arange(2 * RATE, dtype=np.int64) % 7 - 3  # a faint, recognisable ramp under the threshold
    audio = np.concatenate([before.astype("<i2"), tone(0.3), quiet(3.0)])
    gate = Gate(RATE, -45.0)
    decoded, closed = feed_all(gate, audio)
    preroll = int(PREROLL_S * RATE)
    hangover = int(HANGOVER_S * RATE)
    assert len(decoded) == preroll + int(0.3 * RATE) + hangover
    # The pre-roll is exactly the half second just before the onset, in order.
    assert np.array_equal(decoded[:preroll], before[-preroll:].astype("<i2"))
    assert np.array_equal(decoded[preroll:preroll + int(0.3 * RATE)], tone(0.3))
    # Closed once, on the chunk that completes the hangover.
    onset_chunk = 2 * RATE // CHUNK
    assert closed == [onset_chunk + 3 + hangover // CHUNK - 1]
    assert gate.openings == 1 and not gate.is_open
    assert gate.samples_heard == len(audio)
    assert gate.samples_decoded == len(decoded)


def test_the_pre_roll_never_reaches_back_past_the_last_opening():
    """Right after the gate closed there is less than half a second of quiet to prepend."""
    audio = np.concatenate([quiet(1.0), tone(0.2), quiet(HANGOVER_S + 0.2), tone(0.2), quiet(2.0)])
    gate = Gate(RATE, -45.0)
    decoded, closed = feed_all(gate, audio)
    assert gate.openings == 2 and len(closed) == 2
    first = int(PREROLL_S * RATE) + int(0.2 * RATE) + int(HANGOVER_S * RATE)
    second = int(0.2 * RATE) + int(0.2 * RATE) + int(HANGOVER_S * RATE)  # 0.2 s of pre-roll was all there was
    assert len(decoded) == first + second


def test_a_short_loud_frame_inside_a_quiet_chunk_opens_the_gate():
    """Loudness is judged per 30 ms frame: 30 ms at -40 dBFS in a 100 ms chunk averages below -45."""
    chunk = np.concatenate([quiet(0.05), tone(0.03, -40.0), quiet(0.02)])
    assert 20 * np.log10(np.sqrt(np.mean(chunk.astype(float) ** 2)) / 32768) < -45  # the chunk as a whole
    gate = Gate(RATE, -45.0)
    assert gate.loud(AudioChunk.from_array(chunk, RATE))
    assert not gate.loud(AudioChunk.from_array(quiet(0.1), RATE))


def test_no_pre_roll_when_asked_for_none():
    gate = Gate(RATE, -45.0, preroll_s=0.0, hangover_s=0.2)
    decoded, _ = feed_all(gate, np.concatenate([quiet(1.0), tone(0.3), quiet(1.0)]))
    assert len(decoded) == int(0.3 * RATE) + int(0.2 * RATE)


def test_a_quiet_evening_costs_almost_no_decoding():
    """Two short phrases in a minute of quiet: the recogniser sees under a tenth of it."""
    audio = np.concatenate([quiet(20.0), tone(1.0), quiet(25.0), tone(1.2), quiet(13.0)])
    gate = Gate(RATE, -45.0)
    feed_all(gate, audio)
    assert gate.samples_heard == len(audio)
    expected = 2 * (PREROLL_S + HANGOVER_S) + 1.0 + 1.2
    assert gate.samples_decoded == pytest.approx(expected * RATE, abs=CHUNK)
    assert gate.decoded_fraction < 0.1


def test_reset_forgets_the_state_but_keeps_the_counters():
    gate = Gate(RATE, -45.0)
    feed_all(gate, np.concatenate([quiet(1.0), tone(0.3)]))
    assert gate.is_open
    heard, decoded = gate.samples_heard, gate.samples_decoded
    gate.reset()
    assert not gate.is_open
    passed, _ = gate.feed(AudioChunk.from_array(tone(0.1), RATE))
    assert len(passed) == 1  # no pre-roll left over from before the reset
    assert gate.samples_heard == heard + CHUNK and gate.samples_decoded == decoded + CHUNK


# -- spotting phrases (scripted speech; the real Korean model with ``stack``) ----

@pytest.fixture(scope="module")
def ko():
    return load_standby("ko")


@pytest.mark.stack
def test_every_korean_phrase_is_in_the_model_vocabulary(ko):
    from tests.stack import RealVoice

    known = RealVoice().recognizers.known
    for phrases in (ko.wake, ko.yes, ko.no):
        assert known(list(phrases)) == list(phrases)
    assert len(known(list(ko.decoys))) == len(ko.decoys)


def spot(recognizers, pack, targets, samples, min_conf=MIN_CONF) -> tuple[str | None, list[str]]:
    heard: list[str] = []
    spotter = Spotter(recognizers, targets, pack.decoys, Gate(RATE), lambda text, meaning: heard.append(text),
                      min_conf=min_conf)
    meaning = None
    for chunk in chunks_of(np.concatenate([quiet(1.0), samples, quiet(2.0)])):
        meaning = meaning or spotter.feed(chunk)
    return meaning, heard


def test_korean_wake_phrases_round_trip(voice, ko):
    """Spoken (by espeak-ng, with the real stack) and decoded through the gate with the wake grammar."""
    for phrase in ko.wake:
        assert spot(voice.recognizers, ko, {p: "wake" for p in ko.wake}, voice.say(phrase))[0] == "wake", phrase


def test_korean_yes_and_no_round_trip(voice, ko):
    targets = {**{p: "yes" for p in ko.yes}, **{p: "no" for p in ko.no}}
    for phrase in ko.yes:
        meaning, heard = spot(voice.recognizers, ko, targets, voice.say(phrase), ASK_MIN_CONF)
        assert meaning == "yes", (phrase, heard)
    for phrase in ko.no:
        meaning, heard = spot(voice.recognizers, ko, targets, voice.say(phrase), ASK_MIN_CONF)
        assert meaning == "no", (phrase, heard)


@pytest.mark.parametrize("sentence", ["내일 날씨가 좋을까요", "오늘 회사에서 회의가 있었어요", "일기장은 어디에 있어요",
                                      "일기 쓰는 것을 좋아해요"])
def test_other_speech_is_soaked_up_by_the_decoys(voice, ko, sentence):
    meaning, heard = spot(voice.recognizers, ko, {p: "wake" for p in ko.wake}, voice.say(sentence))
    assert meaning is None, heard
    assert heard  # it was decoded, and rejected


# -- the clip of a spotted phrase, and the second opinion on it ------------------

def test_the_spotter_keeps_the_audio_of_the_phrase_it_heard(ko):
    from tests.fakes import ScriptedVoice

    voice = ScriptedVoice()
    other, wake = voice.say("오늘 회사에서 회의가 있었어요"), voice.say(ko.wake[0])
    spotter = Spotter(voice.recognizers, {p: "wake" for p in ko.wake}, ko.decoys, Gate(RATE))
    meaning = None
    for chunk in chunks_of(np.concatenate([quiet(1.0), other, quiet(1.5), wake, quiet(1.5)])):
        meaning = meaning or spotter.feed(chunk)
    assert meaning == "wake"
    clip = np.concatenate([c.array() for c in spotter.clip])
    assert len(wake) <= len(clip) <= len(wake) + int((PREROLL_S + 1.5) * RATE)
    assert set(np.unique(np.abs(clip))) <= {0, int(np.abs(wake).max())}  # the wake phrase, none of the talk before


@pytest.mark.parametrize("heard_as, agrees", [("일기장 열어", True), ("일기 장 열 어", True), ("일기장 여러", True),
                                              ("이 기자 히어로", True), ("오늘 회의가 길었어요", False), ("", False)])
def test_the_second_opinion_is_free_dictation_of_the_clip(ko, heard_as, agrees):
    from assistant.speech.spotting import SecondOpinion
    from assistant.speech.scripted import ScriptedSpeech

    speech = ScriptedSpeech()
    audio = np.concatenate([quiet(0.3), speech.speech(ko.wake[0], heard_as=heard_as), quiet(1.0)])
    opinion = SecondOpinion(speech, ko.wake, 0.45)
    ok, text, score = opinion.agrees(chunks_of(audio))
    assert ok is agrees and text == heard_as, score
    assert speech.grammars == [None]  # free dictation, made once
    opinion.agrees(chunks_of(audio))
    assert speech.grammars == [None]  # and reused


@pytest.mark.parametrize("a, b, alike", [("일기 쓰자", "일기쓰자", 1.0), ("일기 쓰자", "일기 쓰지", 0.9), ("Hey, Journal!", "hey journal", 1.0)])
def test_sounds_like_compares_letters_and_jamo(a, b, alike):
    from assistant.speech.spotting import sounds_like

    assert sounds_like(a, [b]) == pytest.approx(alike, abs=0.05)


@pytest.mark.parametrize("text, meaning", [("네", "yes"), ("네 좋아요", "yes"), ("좋아요 네 네", "yes"), ("아니요 내일 해", "no"),
                                           ("네 아니요", None), ("네 해", None), ("해", None), ("", None)])
def test_an_utterance_of_phrases_that_all_mean_the_same_means_that(ko, text, meaning):
    from assistant.speech.spotting import _one_meaning

    targets = {**{p: "yes" for p in ko.yes}, **{p: "no" for p in ko.no}}
    assert (targets.get(text) or _one_meaning(text.split(), targets)) == meaning
