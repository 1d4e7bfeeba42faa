"""Every look-back command at 100 and at 20,000 entries: wall time and peak RSS.

Each command runs as its own child (``python -m assistant ...``, one at a
time, the two journals interleaved command by command), so its peak RSS is
its own ``ru_maxrss`` from ``os.wait4``, exact. The journals are
``journal_scale.py``'s: realistic answers (300-600 characters) with their
word timings; the 100-entry one is this month's nights, the 20,000-entry one
ten years of them. Baselines in the same run: ``python -c pass`` (the
interpreter alone) and each command on the 100-entry journal.

Goals (issue 12): no command above 300 MiB peak at 20,000 entries; the first
search at 20,000 entries under 1 s.

    .venv/bin/python benchmarks/scale.py                  # builds the journals in a temporary folder
    .venv/bin/python benchmarks/scale.py --homes DIR      # reuse (or build once into) DIR/100, DIR/20000
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402
import journal_scale  # noqa: E402

SIZES = (100, 20_000)
RSS_GOAL_MIB = 300
FIRST_SEARCH_GOAL_S = 1.0


def build_home(home: Path, total: int) -> None:
    journal = home / "journal"
    if journal.is_dir() and any(journal.glob("*.json")):
        return
    planned = journal_scale.plan(total, date.today(), random.Random(journal_scale.SEED))
    journal_scale.build_directly(journal, planned)


SOURCE: Path | None = None
"""``--source``: another checkout of the project whose ``assistant`` the children run."""


def run(args: list[str], home: Path | None, config: Path) -> tuple[float, float, int]:
    """(wall s, CPU s, ru_maxrss KiB) of one child.

    ru_maxrss counts the pages a child shares with this process before it
    runs Python anew, so about 30 MiB is the floor (``python -c pass``)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VOICE_JOURNAL_", "XDG_CONFIG"))}
    env["XDG_CONFIG_HOME"] = str(config)
    if SOURCE is not None:
        env["PYTHONPATH"] = str(SOURCE)
    if home is not None:
        env["VOICE_JOURNAL_HOME"] = str(home)
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL,
                                cwd=SOURCE)
        usage = common.wait_rusage(proc)
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            err.seek(0)
            raise RuntimeError(f"{' '.join(args[2:])} failed ({proc.returncode}): {err.read().decode()[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def commands(work: Path, total: int, newest_id: str) -> list[tuple[str, list[str], callable]]:
    """(label, voice-journal arguments, preparation) in the order they run."""
    out = work / f"out-{total}"
    out.mkdir(exist_ok=True)
    fresh = work / f"fresh-{total}"

    def no_cache(home: Path) -> None:
        (home / "journal" / "search.sqlite").unlink(missing_ok=True)

    def empty_home(home: Path) -> None:
        shutil.rmtree(fresh, ignore_errors=True)

    return [
        ("help (--help)", ["--help"], None),
        ("list --limit 20", ["list", "--limit", "20"], None),
        ("list (all)", ["list"], None),
        ("show", ["show", newest_id], None),
        ("search (first: builds the cache)", ["search", journal_scale.RARE_WORD], no_cache),
        ("search (again)", ["search", journal_scale.RARE_WORD], None),
        ("search a common word", ["search", "today"], None),
        ("stats", ["stats"], None),
        ("stats --weeks 0", ["stats", "--weeks", "0"], None),
        ("chart", ["chart", "--out", str(out / "chart.png")], None),
        ("export md", ["export", "--format", "md", "--out", str(out / "x.md")], None),
        ("export csv", ["export", "--format", "csv", "--out", str(out / "x.csv")], None),
        ("export json", ["export", "--format", "json", "--out", str(out / "x.json")], None),
        ("import-journal (into an empty journal)", ["import-journal", str(out / "x.json")], empty_home),
    ]


def mib(kib: float) -> str:
    return f"{kib / 1024:.0f}"


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--homes", help="folder for the journals (kept; reused when there)")
    p.add_argument("--only", nargs="*", help="only the commands whose label starts with one of these")
    p.add_argument("--source", help="run another checkout's assistant (e.g. the last release, to compare)")
    args = p.parse_args(argv)
    global SOURCE
    SOURCE = Path(args.source).resolve() if args.source else None
    work = Path(tempfile.mkdtemp(prefix="vj-bench-scale-"))
    homes_root = Path(args.homes) if args.homes else work / "homes"
    config = work / "config"
    config.mkdir()
    print(f"scale benchmark on {common.machine_line()}")
    if SOURCE is not None:
        print(f"running the assistant of {SOURCE}")
    homes = {}
    for total in SIZES:
        homes[total] = homes_root / str(total)
        t = time.perf_counter()
        build_home(homes[total], total)
        print(f"journal of {total} entries: {homes[total]} ({time.perf_counter() - t:.1f} s to build or find)", flush=True)
    py = [sys.executable]
    interp = run(py + ["-c", "pass"], None, config)
    print(f"baseline python -c pass: {interp[0]:.2f} s wall, {interp[1]:.2f} s CPU, {mib(interp[2])} MiB")
    rows = []
    plans = {}
    for total in SIZES:
        months = sorted((homes[total] / "journal").glob("????-??.json"))
        newest = max(months).stem + "-01.1"
        plans[total] = commands(work, total, newest)
    worst = 0
    first_search = None
    for k, (label, _, _) in enumerate(plans[SIZES[0]]):
        if args.only and not any(label.startswith(o) for o in args.only):
            continue
        measured = {}
        for total in SIZES:
            _, cli, prepare = plans[total][k]
            home = homes[total]
            if prepare is not None:
                prepare(home)
            if label.startswith("import-journal"):
                home = work / f"fresh-{total}"
            measured[total] = run(py + ["-m", "assistant", *cli], home, config)
            print(f"  {label} @ {total}: {measured[total][0]:.2f} s, {mib(measured[total][2])} MiB", flush=True)
        small, big = measured[SIZES[0]], measured[SIZES[1]]
        worst = max(worst, big[2])
        if label.startswith("search (first"):
            first_search = big
        rows.append([label, f"{small[0]:.2f}", f"{big[0]:.2f}", f"{big[1]:.2f}", f"{big[0] / small[0]:.1f}",
                     mib(small[2]), mib(big[2]), f"{(big[2] - small[2]) / 1024:+.0f}"])
    common.banner("each command at 100 and 20,000 entries (wall s, CPU s, peak RSS MiB)")
    print(common.table(["command", "wall 100", "wall 20k", "CPU 20k", "x 100", "RSS 100", "RSS 20k", "RSS +"],
                       rows))
    print(f"interpreter alone: {interp[0]:.2f} s, {mib(interp[2])} MiB")
    verdict = "met" if worst / 1024 <= RSS_GOAL_MIB else "NOT met"
    print(f"largest peak RSS at 20,000 entries: {mib(worst)} MiB; goal <= {RSS_GOAL_MIB} MiB: {verdict}")
    if first_search:
        verdict = "met" if first_search[0] < FIRST_SEARCH_GOAL_S else "NOT met (see the CPU time on a busy machine)"
        print(f"first search at 20,000 entries: {first_search[0]:.2f} s wall, {first_search[1]:.2f} s CPU; "
              f"goal < {FIRST_SEARCH_GOAL_S} s: {verdict}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
