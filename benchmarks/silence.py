"""The end of an answer in a noisy room: the silence detector, before and after.

Run: ``.venv/bin/python benchmarks/silence.py`` (``--before COMMIT``, default
HEAD, is the detector to compare with; ``--answers N``). Needs ``espeak-ng``;
``sox`` adds its brown noise. Nothing is written.

Answers of 3 to 6 ``espeak-ng`` Korean sentences joined by 1.2 s thinking
pauses (a quarter of them 1.5 to 1.8 s), then 4 s of quiet, are fed to
:class:`assistant.audio.silence.SilenceDetector` in 0.1 s chunks in each
room: quiet (hiss at -60 dBFS), white noise, numpy brown noise and sox's
``brownnoise`` (a fan), each 15 dB under the speech, and a louder fan 10 dB
under. The end is where the trailing silence first reaches the evening's
``silence_s`` (2.5 s by default) after speech. Measured per room:

* **found**: answers whose end was found after the last sentence;
* **false ends**: an end found before the last sentence was over (the
  answer would be cut);
* **time to detect the end**: from the end of the last sentence to the
  end found (ideal: ``silence_s``).

And the detector's CPU per audio second on silence and on steady noise
(the evening's listener runs it on every chunk), before and after.
"""
from __future__ import annotations

import argparse
import importlib.util
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from benchmarks.common import SENTENCES, table  # noqa: E402
from benchmarks.robustness import active_db, noise, scaled, spoken  # noqa: E402

RATE_HZ = 16000
LEVEL_DB = -26.0
SILENCE_S = 2.5
THINKING_S = 1.2
LONG_PAUSES_S = (1.5, 1.8)
"""Longer thinking pauses, still under silence_s: an end found in one is a false end."""
CHUNK = 1600


def brown(n: int, level_db: float, rng: np.random.Generator) -> np.ndarray:
    walk = np.cumsum(rng.standard_normal(n))
    walk -= np.convolve(walk, np.ones(1601) / 1601, mode="same")
    walk /= np.sqrt(np.mean(walk ** 2)) + 1e-12
    return walk * 32768.0 * 10 ** (level_db / 20)


def sox_brown(n: int, level_db: float, rng: np.random.Generator) -> np.ndarray:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fan.wav"
        subprocess.run(["sox", "-n", "-r", str(RATE_HZ), "-c", "1", "-b", "16", str(path), "synth",
                        str(n / RATE_HZ + 0.1), "brownnoise", "vol", "0.1"], check=True, capture_output=True)
        with wave.open(str(path)) as w:
            x = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64)[:n]
    return scaled(x, level_db - 10 * np.log10(np.mean(x ** 2) / 32768.0 ** 2))


ROOMS = {
    "quiet room": lambda n, rng: noise("white", n, -60.0, rng),
    "white, 15 dB under": lambda n, rng: noise("white", n, LEVEL_DB - 15, rng),
    "brown, 15 dB under": lambda n, rng: brown(n, LEVEL_DB - 15, rng),
    "sox fan, 15 dB under": lambda n, rng: sox_brown(n, LEVEL_DB - 15, rng),
    "sox fan, 10 dB under": lambda n, rng: sox_brown(n, LEVEL_DB - 10, rng),
}


def detector_class(commit: str | None):
    if commit is None:
        from assistant.audio.silence import SilenceDetector

        return SilenceDetector
    text = subprocess.run(["git", "-C", str(ROOT), "show", f"{commit}:assistant/audio/silence.py"], check=True,
                          capture_output=True, text=True).stdout
    path = Path(tempfile.mkdtemp(prefix="silence-before-")) / "before_silence.py"
    path.write_text(text, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("before_silence", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["before_silence"] = module
    spec.loader.exec_module(module)
    return module.SilenceDetector


def answer(rng: random.Random) -> tuple[np.ndarray, float]:
    """An answer's speech (quiet between sentences) and where its last sentence ends (s)."""
    parts = [np.zeros(int(0.8 * RATE_HZ))]
    for i in range(rng.randint(3, 6)):
        if i:
            gap = rng.uniform(*LONG_PAUSES_S) if rng.random() < 0.25 else THINKING_S
            parts.append(np.zeros(int(gap * RATE_HZ)))
        x = spoken(rng.choice(SENTENCES), "ko", rng.choice((120, 160, 200)))
        parts.append(scaled(x, LEVEL_DB - active_db(x)))
    end = sum(len(p) for p in parts) / RATE_HZ
    parts.append(np.zeros(int(4.0 * RATE_HZ)))
    return np.concatenate(parts), end


def end_found(detector_cls, audio: np.ndarray) -> float | None:
    from assistant.audio.chunks import AudioChunk

    d = detector_cls(RATE_HZ, -45.0)
    pcm = np.clip(np.rint(audio), -32768, 32767).astype("<i2")
    for start in range(0, len(pcm), CHUNK):
        d.feed(AudioChunk(pcm[start:start + CHUNK].tobytes(), RATE_HZ))
        if d.heard_speech and d.trailing_silence_s >= SILENCE_S:
            return d.seconds_seen
    return None


def cpu_per_audio_s(detector_cls, audio: np.ndarray, repeat: int = 5) -> float:
    from assistant.audio.chunks import AudioChunk

    pcm = np.clip(np.rint(audio), -32768, 32767).astype("<i2")
    chunks = [AudioChunk(pcm[s:s + CHUNK].tobytes(), RATE_HZ) for s in range(0, len(pcm), CHUNK)]
    best = []
    for _ in range(repeat):
        d = detector_cls(RATE_HZ, -45.0)
        t0 = time.process_time()
        for chunk in chunks:
            d.feed(chunk)
        best.append((time.process_time() - t0) / (len(pcm) / RATE_HZ))
    return statistics.median(best)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", default="HEAD", help="the commit whose detector is the baseline (default HEAD)")
    parser.add_argument("--answers", type=int, default=12)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    detectors = {f"before ({args.before})": detector_class(args.before), "after (this tree)": detector_class(None)}
    rooms = {k: v for k, v in ROOMS.items() if "sox" not in k or shutil.which("sox")}
    rng = random.Random(args.seed)
    answers = [answer(rng) for _ in range(args.answers)]
    rows = []
    for room, make in rooms.items():
        nrng = np.random.default_rng(args.seed)
        mixed = [(speech + make(len(speech), nrng), end) for speech, end in answers]
        for label, cls in detectors.items():
            found, false_ends, delays = 0, 0, []
            for audio, end in mixed:
                at = end_found(cls, audio)
                if at is None:
                    continue
                if at < end:
                    false_ends += 1
                else:
                    found += 1
                    delays.append(at - end)
            delay = f"{statistics.median(delays):.2f} s" if delays else "-"
            rows.append([room, label, f"{found}/{len(mixed)}", f"{false_ends}/{len(mixed)}", delay])
    print(table(["room", "detector", "end found", "false ends", "time to detect the end (median)"], rows,
                f"End of an answer (silence_s = {SILENCE_S} s; ideal time to detect: {SILENCE_S} s)"))
    nrng = np.random.default_rng(1)
    quiet = noise("white", 60 * RATE_HZ, -60.0, nrng)
    fan = brown(60 * RATE_HZ, LEVEL_DB - 15, nrng)
    cpu_rows = []
    for label, cls in detectors.items():
        cpu_rows.append([label, f"{1e3 * cpu_per_audio_s(cls, quiet):.2f} ms", f"{1e3 * cpu_per_audio_s(cls, fan):.2f} ms"])
    print(table(["detector", "CPU per audio second, quiet room", "CPU per audio second, fan"], cpu_rows,
                "Silence detector CPU (median of 5 runs over 60 s; this machine)"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
