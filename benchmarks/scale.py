"""Every look-back command at 100 and at 20,000 entries: wall time and peak RSS.

Each command runs as its own child (``python -m assistant ...``, one at a
time, the two journals interleaved command by command), so its peak RSS is
its own ``ru_maxrss`` from ``os.wait4``, exact. The journals are
``journal_scale.py``'s: realistic answers (300-600 characters) with their
word timings; the 20,000-entry one is ten years of nights, the 100-entry one
its last 100 answers (the same current month). They are built by a child
process, so this one stays small (a child's ``ru_maxrss`` starts from its
parent's size). Baselines in the same run: ``python -c pass`` (the
interpreter alone) and each command on the 100-entry journal. ``replay``
speaks into an ALSA file device (``tests/stack.py``'s Rig).

Then, in a child per journal, interleaved: what an evening does with the
journal before its greeting (open it for writing, crash recovery, the recent
prompts), and the save of an answer (its recording closed and the entry with
its word timings written, fsynced) for a 20-second and a 10-minute answer.

Goals (issue 12): no command above 300 MiB peak at 20,000 entries; the first
search at 20,000 entries under 1 s; the evening's start and save the same at
100 and 20,000 entries (within 10%); a save under 150 ms for any answer length.

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
FLAT_GOAL = 1.10
SAVE_GOAL_MS = 150.0
SAVES = (("first: 20 s", 20.0), ("10 min", 600.0), ("next: 20 s", 20.0))
"""The answers of an evening whose save is timed, in order: the first reads this month's words shard."""
WORDS_PER_S = 2.5


def build_home(home: Path, total: int) -> None:
    """Build (or find) the journal in a child process: this one stays small."""
    journal = home / "journal"
    if journal.is_dir() and any(journal.glob("*.json")):
        return
    subprocess.run([sys.executable, __file__, "--build", str(home), str(total)], check=True)


def _build(home: Path, total: int) -> None:
    planned = journal_scale.plan(total, date.today(), random.Random(journal_scale.SEED))
    journal_scale.build_directly(home / "journal", planned)


SOURCE: Path | None = None
"""``--source``: another checkout of the project whose ``assistant`` the children run."""


def run(args: list[str], home: Path | None, config: Path, **extra_env: str) -> tuple[float, float, int]:
    """(wall s, CPU s, ru_maxrss KiB) of one child.

    ru_maxrss counts the pages a child shares with this process before it
    runs Python anew, so about 30 MiB is the floor (``python -c pass``)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VOICE_JOURNAL_", "XDG_CONFIG"))}
    env["XDG_CONFIG_HOME"] = str(config)
    if SOURCE is not None:
        env["PYTHONPATH"] = str(SOURCE)
    if home is not None:
        env["VOICE_JOURNAL_HOME"] = str(home)
    env.update(extra_env)
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

    def empty_usb(home: Path) -> None:  # the journals have no recordings: the backup is the journal's shards
        shutil.rmtree(out / "usb", ignore_errors=True)
        (out / "usb").mkdir()

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
        ("replay last (CLI, into an ALSA file)", ["replay", "last"], None),
        ("backup (first, into an empty folder)", ["backup", str(out / "usb")], empty_usb),
        ("backup (again: nothing changed)", ["backup", str(out / "usb")], None),
    ]


# -- the evening's journal work, measured in a child per journal ---------------------------

def _evening_start(home: Path, language: str = "en") -> float:
    """Seconds of what an evening does with the journal before its greeting (assistant.app.evening).
    The journals are in English: a Korean evening finds none of its own recent prompts."""
    from assistant.app.recovery import recover
    from assistant.journal.book import Journal
    from assistant.paths import Paths

    paths = Paths(home, home / "config.toml")
    start = time.perf_counter()
    with Journal(paths.journal_dir) as journal:
        recover(journal, paths, None, language)
        journal.recent_prompt_ids(7, language)
    return time.perf_counter() - start


def _answer(home: Path, seconds: float, number: int):
    """An answer as the listener leaves it: ``seconds`` of audio streamed to disk, its words heard."""
    import numpy as np

    from assistant.audio.chunks import AudioChunk
    from assistant.conversation.listening import Answer
    from assistant.speech.recognizer import Utterance, Word

    rate = 16000
    folder = home / "audio" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    answer = Answer(rate, folder / f"answer-{os.getpid()}-{number}.wav")
    noise = np.random.default_rng(number).integers(-800, 800, rate // 10, dtype=np.int16).tobytes()
    for _ in range(int(seconds * 10)):
        answer.write(AudioChunk(noise, rate))
    words = int(seconds * WORDS_PER_S)
    for k in range(0, words, 12):  # utterances of 12 words, as Vosk closes them at pauses
        answer.add(Utterance(" ".join(["word"] * 12), tuple(Word("word", (k + i) / WORDS_PER_S,
                                                                  (k + i + 0.8) / WORDS_PER_S, 0.9)
                                                             for i in range(12))), 0.0)
    return answer


def _save(journal, home: Path, session: str, answer) -> tuple[float, float]:
    """(wall, CPU) seconds from the answer's end to its entry fsynced, as the session's _save does it."""
    from assistant.conversation.entry import new_entry
    from assistant.journal.book import now

    wall, cpu = time.perf_counter(), time.process_time()
    audio = answer.close(keep=True)
    journal.add_entry(new_entry(session=session, created_at=now(), language="en", prompt_id="bench",
                                prompt_set="checkin", prompt_text="How was today?", transcript=answer.transcript,
                                words=[w.as_dict() for w in answer.words], model="bench",
                                duration_s=answer.duration_s, audio=str(audio.relative_to(home / "audio"))))
    return time.perf_counter() - wall, time.process_time() - cpu


def _measure_journal_work(home: Path, rounds: int) -> None:
    """Child: print JSON {start_s: [...], save_<label>: [...], save_<label>_cpu: [...]}."""
    import json

    from assistant.app.evening import _load_tagging_rules
    from assistant.journal.book import Journal

    out: dict[str, list[float]] = {"start_s": [], "start_other_s": []}
    for k in range(rounds):
        out["start_s"].append(_evening_start(home))
        out["start_other_s"].append(_evening_start(home, "ko"))
        with Journal(home / "journal") as journal:
            session = journal.start_session("en")  # as the evening does before its first prompt
            _load_tagging_rules("en")  # as the evening does while its greeting is spoken (off the first save)
            for label, seconds in SAVES:
                wall, cpu = _save(journal, home, session, _answer(home, seconds, k))
                out.setdefault(f"save_{label}", []).append(wall)
                out.setdefault(f"save_{label}_cpu", []).append(cpu)
            journal.end_session(session)
    print(json.dumps(out))


def journal_work(homes: dict[int, Path], rounds: int = 5) -> dict[int, dict[str, float]]:
    """Medians per journal, the children interleaved so other load hurts both alike."""
    import json

    samples: dict[int, dict[str, list[float]]] = {total: {} for total in homes}
    for _ in range(rounds):
        for total, home in homes.items():
            done = subprocess.run([sys.executable, __file__, "--journal-work", str(home), "1"], check=True,
                                  capture_output=True, text=True)
            for key, values in json.loads(done.stdout).items():
                samples[total].setdefault(key, []).extend(values)
    return {total: {k: common.median(v) for k, v in found.items()} for total, found in samples.items()}


def mib(kib: float) -> str:
    return f"{kib / 1024:.0f}"


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--homes", help="folder for the journals (kept; reused when there)")
    p.add_argument("--only", nargs="*", help="only the commands whose label starts with one of these")
    p.add_argument("--source", help="run another checkout's assistant (e.g. the last release, to compare)")
    p.add_argument("--build", nargs=2, metavar=("HOME", "TOTAL"), help=argparse.SUPPRESS)
    p.add_argument("--journal-work", nargs=2, metavar=("HOME", "ROUNDS"), help=argparse.SUPPRESS)
    p.add_argument("--no-journal-work", action="store_true", help="only the commands")
    args = p.parse_args(argv)
    if args.build:
        _build(Path(args.build[0]), int(args.build[1]))
        return 0
    if args.journal_work:
        _measure_journal_work(Path(args.journal_work[0]), int(args.journal_work[1]))
        return 0
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
    from tests.stack import Rig, quiet  # noqa: E402  (the speaker replay plays into)

    rig = Rig(work / "rig").setup(quiet(1.0))
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
            extra = {"HOME": str(rig.home)} if label.startswith("replay") else {}
            try:
                measured[total] = run(py + ["-m", "assistant", *cli], home, config, **extra)
            except RuntimeError as exc:
                print(f"  {label} @ {total}: {exc}", flush=True)
                break
            print(f"  {label} @ {total}: {measured[total][0]:.2f} s, {mib(measured[total][2])} MiB", flush=True)
        if len(measured) < len(SIZES):
            rows.append([label, "failed", "", "", "", "", "", ""])
            continue
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
    if not args.no_journal_work:
        work_rows = []
        found = journal_work(homes)
        small, big = found[SIZES[0]], found[SIZES[1]]
        labels = {"start_s": "evening start: open + recovery + recent prompts",
                  "start_other_s": "the same, an evening in another language than the journal's"}
        labels.update({f"save_{label}": f"save, {label} answer (close recording + add_entry)" for label, _ in SAVES})
        for key, label in labels.items():
            cpu = key + "_cpu" if key.startswith("save") else None
            work_rows.append([label, f"{small[key] * 1000:.1f}", f"{big[key] * 1000:.1f}",
                              f"{big[key] / small[key]:.2f}",
                              f"{small[cpu] * 1000:.1f}" if cpu else "", f"{big[cpu] * 1000:.1f}" if cpu else ""])
        common.banner("the evening's journal work at 100 and 20,000 entries (ms, median of 5, interleaved)")
        print(common.table(["", "wall 100", "wall 20k", "x 100", "CPU 100", "CPU 20k"], work_rows))
        longest = max(big[f"save_{label}"] for label, _ in SAVES) * 1000
        longest_cpu = max(big[f"save_{label}_cpu"] for label, _ in SAVES) * 1000
        print(f"longest save at 20,000 entries: {longest:.0f} ms wall, {longest_cpu:.0f} ms CPU; goal < "
              f"{SAVE_GOAL_MS:.0f} ms: {'met' if longest < SAVE_GOAL_MS else 'NOT met'} (wall includes fsync and "
              "other load). The greeting and the first prompt wait for the start only: nothing else before them "
              "reads the journal.")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
