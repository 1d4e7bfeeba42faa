"""The nightly backup of ten years of evenings: a 20,000-entry journal with a
recording per answer. Wall time, bytes written and peak RSS of the first
(full) backup, then of the nightly incremental after one more evening, and
of ``backup --check`` and a restore onto an empty data directory.

The journal is ``journal_scale.py``'s (120 monthly shards, 300-600
character answers with word timings); each answer gets a plain 16 kHz WAV
of ``--audio-seconds`` (noise, different in every file, so nothing is
shared). The evening added afterwards is written with ``Journal.add_entry``
and the session's recorder, as a session would.

Each command runs as its own child (``python -m assistant ...``); its peak
RSS is its own ``ru_maxrss``. Baselines in the same run: ``python -c
pass`` (the interpreter alone) and ``cp -r`` + ``sync`` of the same files
(a copy that checks nothing). Goal: peak RSS under 300 MiB.

    .venv/bin/python benchmarks/backup.py                       # 20,000 entries, 2 s of audio each
    .venv/bin/python benchmarks/backup.py --entries 2000 --audio-seconds 5 --keep /tmp/vj-backup
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import wave
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

# The parent stays small (no numpy, no journal in memory): a child's peak RSS
# (ru_maxrss) counts the pages of the parent it was forked from.

RSS_GOAL_MIB = 300
RATE_HZ = 16000


def write_audio(data: Path, planned: list[tuple[str, dict]], seconds: float, rng) -> int:
    """A WAV per answer where the journal says it is; returns the bytes written."""
    import numpy as np

    base = (rng.standard_normal(int(RATE_HZ * seconds) + 4096) * 2000).astype("<i2")
    total = 0
    for n, (_, record) in enumerate(planned):
        path = data / "audio" / record["audio"]
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        start = n % 4096
        samples = base[start:start + int(RATE_HZ * seconds)].copy()
        samples[:4] = np.frombuffer(n.to_bytes(8, "little"), dtype="<i2")  # every file its own bytes
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE_HZ)
            out.writeframes(samples.tobytes())
        total += path.stat().st_size
    return total


def one_more_evening(data: Path, answers: int, seconds: float) -> None:
    """Tonight: a session of a few answers, written as a session writes them."""
    import journal_scale
    import numpy as np

    from assistant.audio.chunks import AudioChunk
    from assistant.journal.book import Journal

    rng = np.random.default_rng()  # tonight's answers are new sound, even on a journal kept with --keep
    with Journal(data / "journal") as journal:
        session = journal.start_session("en")
        for n in range(answers):
            rel = f"{session[:10]}/{session}-{n + 1}.wav"
            path = data / "audio" / rel
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            with journal.recorder()(path, RATE_HZ) as out:
                out.write(AudioChunk.from_array((rng.standard_normal(int(RATE_HZ * seconds)) * 2000).astype("<i2"),
                                                RATE_HZ))
            text, feelings, themes = journal_scale._transcript(random.Random(n), False)
            words = journal_scale._words(text, random.Random(n))
            journal.add_entry({"session": session, "transcript": text, "words": words,
                               "audio": rel, "language": "en", "feelings": feelings, "themes": themes,
                               "duration_s": seconds})
        journal.end_session(session)


def build(home: Path, entries: int, seconds: float) -> None:
    """The journal and its audio, built in a child of its own (so the parent
    stays small: a child's peak RSS counts the parent it was forked from)."""
    import journal_scale
    import numpy as np

    rng = np.random.default_rng(journal_scale.SEED)
    t = time.perf_counter()
    planned = journal_scale.plan(entries, date.today(), random.Random(journal_scale.SEED))
    journal_scale.build_directly(home / "journal", planned)
    audio = write_audio(home, planned, seconds, rng)
    journal = size_of(home / "journal")
    print(f"built {len(planned)} entries in {time.perf_counter() - t:.0f} s: journal {journal / 1e6:.0f} MB, "
          f"audio {audio / 1e6:.0f} MB ({len(planned)} WAVs of {seconds:g} s)", flush=True)


def child(args: list[str], home: Path | None, config: Path) -> tuple[float, int, str]:
    """(wall s, ru_maxrss KiB, stdout) of one child process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VOICE_JOURNAL_", "XDG_CONFIG"))}
    env["XDG_CONFIG_HOME"] = str(config)
    env["PYTHONPATH"] = str(ROOT)
    if home is not None:
        env["VOICE_JOURNAL_HOME"] = str(home)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(args, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed ({proc.returncode}): {err.read().decode()[-500:]}")
        return wall, usage.ru_maxrss, out.read().decode()


def vj(*args: str) -> list[str]:
    return [sys.executable, "-m", "assistant", *args]


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--entries", type=int, default=20_000)
    p.add_argument("--audio-seconds", type=float, default=2.0, help="length of each answer's recording (default 2)")
    p.add_argument("--tonight", type=int, default=5, help="answers in the evening before the incremental backup")
    p.add_argument("--keep", help="build in this folder and leave everything there")
    p.add_argument("--build", metavar="HOME", help=argparse.SUPPRESS)
    p.add_argument("--evening", metavar="HOME", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.build:
        build(Path(args.build), args.entries, args.audio_seconds)
        return 0
    if args.evening:
        one_more_evening(Path(args.evening), args.tonight, args.audio_seconds)
        return 0
    me = [sys.executable, str(Path(__file__).resolve()), "--entries", str(args.entries),
          "--audio-seconds", str(args.audio_seconds), "--tonight", str(args.tonight)]
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="vj-bench-backup-"))
    work.mkdir(parents=True, exist_ok=True)
    home, stick, copy, fresh, config = (work / n for n in ("home", "stick", "cp-copy", "restored", "config"))
    for folder in (stick, config):
        folder.mkdir(exist_ok=True)
    try:
        if not (home / "journal").is_dir():
            subprocess.run([*me, "--build", str(home)], check=True)
        else:
            print(f"reusing the journal in {home}")

        rows = []
        wall, rss, _ = child([sys.executable, "-c", "pass"], None, config)
        rows.append(("python -c pass (baseline)", wall, 0, rss))
        shutil.rmtree(copy, ignore_errors=True)
        t = time.perf_counter()
        subprocess.run(["cp", "-r", str(home), str(copy)], check=True)
        subprocess.run(["sync"], check=True)
        rows.append(("cp -r + sync (baseline, checks nothing)", time.perf_counter() - t, size_of(copy), 0))
        shutil.rmtree(copy, ignore_errors=True)

        wall, rss, out = child(vj("backup", str(stick), "--json"), home, config)
        first = json.loads(out)
        rows.append((f"backup: first, full ({first['files']} files)", wall, first["bytes_written"], rss))
        wall, rss, out = child(vj("backup", str(stick), "--json"), home, config)
        rows.append(("backup: again, nothing changed", wall, json.loads(out)["bytes_written"], rss))

        subprocess.run([*me, "--evening", str(home)], check=True)
        wall, rss, out = child(vj("backup", str(stick), "--json"), home, config)
        nightly = json.loads(out)
        rows.append((f"backup: nightly, after {args.tonight} new answers ({nightly['copied']} files copied)",
                     wall, nightly["bytes_written"], rss))
        wall, rss, _ = child(vj("backup", "--check", str(stick)), home, config)
        rows.append(("backup --check (reads everything)", wall, 0, rss))
        shutil.rmtree(fresh, ignore_errors=True)
        wall, rss, _ = child(vj("restore", str(stick)), fresh, config)
        rows.append(("restore onto an empty data directory", wall, size_of(fresh), rss))

        print(f"\n{'':58s} {'wall s':>8s} {'written MB':>11s} {'peak RSS MiB':>13s}")
        for label, wall, written, rss in rows:
            print(f"{label:58s} {wall:8.2f} {written / 1e6:11.1f} {(f'{rss / 1024:.0f}' if rss else '-'):>13s}")
        worst = max(r[3] for r in rows) / 1024
        print(f"\nnightly incremental: {rows[4][1]:.2f} s and {nightly['bytes_written'] / 1e6:.2f} MB written, "
              f"vs {rows[2][1]:.1f} s and {first['bytes_written'] / 1e6:.0f} MB for the first backup "
              f"({rows[2][1] / rows[4][1]:.0f}x faster); first backup {rows[2][1] / rows[1][1]:.1f}x the time of cp -r")
        print(f"peak RSS: {worst:.0f} MiB (goal < {RSS_GOAL_MIB} MiB): {'ok' if worst < RSS_GOAL_MIB else 'OVER'}")
        return 0 if worst < RSS_GOAL_MIB else 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
