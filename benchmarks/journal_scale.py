"""How looking back scales: list, search, stats and one new answer, on a
journal of 100 entries and on ten years of evenings (20,000 entries).

Run: ``/tmp/venv/bin/python benchmarks/journal_scale.py`` (``--keep DIR``
leaves the journals there to poke at with ``VOICE_JOURNAL_HOME=DIR/20000``).

The small journal is written with ``Journal.add_entry``, as a session
would. The big one (120 monthly shards, ~5.5 answers a night, transcripts
of 300-600 characters with word timings) is written straight to the shard
files in the exact format the journal writes (checked against the small
one), because 20,000 durable inserts would take a while; it is then read
back through ``Journal`` and compared entry by entry before anything is
timed.

What is timed is what the commands run: ``book.open_journal`` +
``queries.candidates`` + ``select_entries`` (+ ``entry_line`` / ``stats``),
a new ``add_entry`` in this month's shard, and ``python -m assistant search
WORD --json`` end to end in a subprocess. A search answers from the search
cache (``search.sqlite``); its first build, and its refresh after an
answer was added, are timed on their own. Requirements: an insert must not
grow with the journal's size, and a search of 20,000 entries must take
under 0.3 s.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from assistant.journal.book import Journal, open_journal  # noqa: E402
from assistant.journal.migrations import MIGRATIONS, SCHEMA_VERSION  # noqa: E402
from assistant.journal.search import SEARCH_CACHE  # noqa: E402
from assistant.journal.queries import EntryFilter, candidates, select_entries  # noqa: E402
from assistant.journal.stats import stats  # noqa: E402
from assistant.render.text import entry_line  # noqa: E402
from assistant.paths import Paths  # noqa: E402

SIZES = (100, 20_000)
MONTHS = 120
RARE_WORD = "zeppelin"
RARE_SHARE = 0.01
SEARCH_LIMIT_S = 0.3
SEED = 7

PROMPTS = [
    ("checkin", "How was today, in a few words?"),
    ("micro-rejection", "Did a message go unanswered today, or get a shorter reply than you hoped for?"),
    ("micro-rejection", "Did you feel left out of something today, like a plan, a chat, or a joke?"),
    ("perspective", "What is another way to read what happened?"),
    ("safe-people", "Who made you feel safe or seen today?"),
    ("small-wins", "What went well today, however small?"),
    ("self-anchoring", "What would you say to a friend who had your day?"),
]
FILLER = ("today i went to work and the meeting ran long then i had lunch with my sister we talked about the trip "
          "and the kids and how tired everyone is lately i wanted to call my friend but she was busy so i walked "
          "home the long way by the river it was cold and quiet and i thought about what my manager said in the "
          "morning it was probably nothing but it stayed with me for a while i cooked dinner and watched the rain "
          "my neighbour waved and that was nice i still have not heard back about the job i keep checking my phone "
          "tomorrow i want to go to bed earlier and maybe read a little before sleep").split()
PHRASES = [("i felt lonely", ["lonely"], ["unanswered"]), ("i felt left out again", ["left out"], ["left-out"]),
           ("nobody asked how i was", [], ["unasked"]), ("i was proud of myself", ["proud"], ["win"]),
           ("the plans were cancelled", ["disappointed"], ["cancelled"]), ("i felt calm", ["calm"], []),
           ("they talked over me", ["hurt"], ["ignored"]), ("it reminded me of my grandmother", ["wistful"], ["memory"])]


# --- building ------------------------------------------------------------------------

def _transcript(rng: random.Random, rare: bool) -> tuple[str, list[str], list[str]]:
    target = rng.randint(300, 600)
    phrase, feelings, themes = rng.choice(PHRASES)
    words = [phrase]
    start = rng.randrange(len(FILLER))
    while len(" ".join(words)) < target:
        words.append(FILLER[start % len(FILLER)])
        start += 1
    if rare:
        words.insert(rng.randrange(1, len(words)), RARE_WORD)
    return " ".join(words), feelings, themes


def _words(text: str, rng: random.Random) -> list[dict]:
    out, t = [], 0.0
    for word in text.split():
        length = round(0.12 + 0.05 * len(word), 3)
        out.append({"word": word, "start": round(t, 3), "end": round(t + length, 3), "conf": round(rng.uniform(0.6, 1.0), 3)})
        t += length + 0.08
    return out


def plan(total: int, today: date, rng: random.Random) -> list[tuple[str, dict]]:
    """(session id, entry record incl. words) for ``total`` answers, oldest first.

    20,000: every night of the last 120 months up to yesterday, 5 or 6 answers
    each. A small journal is the big one's newest ``total`` answers: the same
    current month, so an insert (which rewrites this month's shard) is
    compared like for like.
    """
    if total <= 1000:
        return plan(SIZES[-1], today, rng)[-total:]
    last = today - timedelta(days=1)
    if total > 1000:
        year, month = last.year, last.month - (MONTHS - 1)
        while month < 1:
            year, month = year - 1, month + 12
        first = date(year, month, 1)
    else:
        first = last.replace(day=1)
    nights = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    counts = [total // len(nights)] * len(nights)
    for i in rng.sample(range(len(nights)), total - sum(counts)):
        counts[i] += 1
    tz = datetime.now().astimezone().tzinfo
    out = []
    for night, count in zip(nights, counts):
        session = f"{night.isoformat()}.1"
        for k in range(count):
            set_name, prompt = PROMPTS[k % len(PROMPTS)]
            text, feelings, themes = _transcript(rng, rng.random() < RARE_SHARE)
            created = datetime(night.year, night.month, night.day, 21, 0, tzinfo=tz) + timedelta(minutes=3 * k)
            out.append((session, {
                "session": session, "created_at": created.isoformat(timespec="seconds"), "language": "en",
                "prompt_id": f"en-{set_name}-{k + 1:02d}", "prompt_set": set_name, "prompt_text": prompt,
                "transcript": text, "words": _words(text, rng), "model": "vosk-model-small-en-us-0.15",
                "duration_s": round(len(text) / 14.0, 2), "audio": f"{night.isoformat()}/{session}-{k + 1}.wav",
                "feelings": feelings, "intensity": rng.randint(1, 5), "themes": themes,
            }))
    return out


def build_with_api(folder: Path, planned: list[tuple[str, dict]]) -> None:
    from assistant.journal import book as journal_module

    real_today = journal_module._local_today
    started: dict[str, str] = {}
    try:
        with Journal(folder, write=True) as journal:
            for session, record in planned:
                if session not in started:
                    journal_module._local_today = lambda day=session[:10]: day
                    started[session] = journal.start_session("en")
                journal.add_entry(dict(record, session=started[session]))
            for session in started.values():
                journal.end_session(session)
    finally:
        journal_module._local_today = real_today


def build_directly(folder: Path, planned: list[tuple[str, dict]]) -> None:
    """Write the monthly shards as DurableJSONStorage would (one write each)."""
    folder.mkdir(parents=True, mode=0o700, exist_ok=True)
    months: dict[str, dict] = {}
    meta = {"1": {"schema_version": SCHEMA_VERSION, "migrations": [name for name, _ in MIGRATIONS]}}
    counters: dict[str, int] = {}
    for session, record in planned:
        day = record["created_at"][:10]
        month = months.setdefault(day[:7], {"sessions": {}, "entries": {}, "words": {}})
        if session not in {s["id"] for s in list(month["sessions"].values())[-1:]}:
            started = record["created_at"]
            month["sessions"][str(len(month["sessions"]) + 1)] = {
                "id": session, "started_at": started, "language": "en", "prompt_ids": [],
                "ended_at": started, "status": "finished"}
        session_doc = month["sessions"][str(len(month["sessions"]))]
        session_doc["prompt_ids"].append(record["prompt_id"])
        counters[day] = counters.get(day, 0) + 1
        entry_id = f"{day}.{counters[day]}"
        fields = {k: v for k, v in record.items() if k != "words"}
        doc = {"id": entry_id, "feelings": [], "intensity": None, "themes": [], **fields}
        month["entries"][str(len(month["entries"]) + 1)] = doc
        month["words"][str(len(month["words"]) + 1)] = {"id": entry_id, "words": record["words"]}
    for name, tables in months.items():
        shard = {"_meta": meta, "sessions": tables["sessions"], "entries": tables["entries"]}
        _write(folder / f"{name}.json", shard)
        _write(folder / f"{name}.words.json", {"words": tables["words"]})


def _write(path: Path, data: dict) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def check_format(api_folder: Path, direct_folder: Path) -> None:
    """The directly written shards have the same shape as the API's."""
    for name in ("json", "words.json"):
        a = json.loads(next(api_folder.glob(f"????-??.{name}")).read_text(encoding="utf-8"))
        b = json.loads(next(direct_folder.glob(f"????-??.{name}")).read_text(encoding="utf-8"))
        assert set(a) == set(b), (name, set(a), set(b))
        for table in a:
            doc_a, doc_b = next(iter(a[table].values())), next(iter(b[table].values()))
            assert list(doc_a) == list(doc_b), (name, table, list(doc_a), list(doc_b))


def verify(folder: Path, planned: list[tuple[str, dict]], rng: random.Random) -> None:
    """Journal reads back every entry, in order, with its words."""
    with Journal(folder, write=False) as journal:
        entries = list(journal.iter_entries())
        assert len(entries) == len(planned), (len(entries), len(planned))
        assert len(journal.months()) >= (MONTHS if len(planned) > 1000 else 1)
        for i in rng.sample(range(len(planned)), 10):
            record = planned[i][1]
            got = journal.entry(entries[i]["id"])
            assert got["transcript"] == record["transcript"] and got["words"] == record["words"], entries[i]["id"]
            assert got["created_at"] == record["created_at"]


# --- timing ------------------------------------------------------------------------------

def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def measure(home: Path, repeat: int) -> dict[str, float]:
    paths = Paths(home, home / "config.toml")
    out: dict[str, float] = {}

    def listing(limit, keep=EntryFilter()):
        with open_journal(paths) as journal:
            found = select_entries(candidates(journal, keep, limit), keep, limit)
        return [entry_line(e) for e in found]

    def search():
        return listing(None, EntryFilter(text=RARE_WORD))

    out["open journal (read)"], _ = timed(lambda: open_journal(paths).close(), repeat)
    out["list: newest 20"], lines = timed(lambda: listing(20), repeat)
    assert len(lines) == 20
    out["list: everything"], _ = timed(lambda: listing(None), repeat)
    (paths.journal_dir / SEARCH_CACHE).unlink(missing_ok=True)
    out["search: first (builds the cache)"], first = timed(search, 1)
    out["search: 1 word (~1%)"], hits = timed(search, repeat)
    assert hits == first
    out["  hits"] = len(hits)
    out["search: 2 words, 1 of 2 chars"], _ = timed(lambda: listing(None, EntryFilter(text=f"{RARE_WORD} it")), repeat)
    out["search: common word, newest 20"], _ = timed(lambda: listing(20, EntryFilter(text="river")), repeat)
    with open_journal(paths) as journal:  # the cache answers as a scan of every entry would
        assert [e["id"] for e in journal.search(RARE_WORD)] == [
            e["id"] for e in select_entries(journal.iter_entries(newest_first=True), EntryFilter(text=RARE_WORD))]

    def all_stats(weeks):
        with open_journal(paths) as journal:
            return stats(journal.iter_entries(), weeks=weeks)

    out["stats: 12 weeks"], _ = timed(lambda: all_stats(12), repeat)
    out["stats: all weeks"], _ = timed(lambda: all_stats(0), repeat)
    return out


def measure_refresh(home: Path, repeat: int) -> float:
    """A search right after an answer was added: the cache re-reads that one shard."""
    paths = Paths(home, home / "config.toml")
    times = []
    for k in range(repeat):
        with Journal(paths.journal_dir, write=True) as journal:
            journal.add_entry(dict(_answer(100 + k), transcript=f"{RARE_WORD} again"))
        start = time.perf_counter()
        with open_journal(paths) as journal:
            found = journal.search(RARE_WORD)
        times.append(time.perf_counter() - start)
        assert found[0]["transcript"] == f"{RARE_WORD} again"
    return statistics.median(times)


def _answer(k: int) -> dict:
    text = " ".join(FILLER[:70])
    return {"session": "bench", "created_at": datetime.now().astimezone().isoformat(timespec="seconds"),
            "language": "en", "prompt_id": "en-checkin-01", "prompt_set": "checkin", "prompt_text": PROMPTS[0][1],
            "transcript": text, "words": _words(text, random.Random(k)), "model": "bench", "duration_s": 30.0,
            "audio": None}


def measure_inserts(homes: dict[int, Path], rounds: int = 9) -> dict[int, dict[str, float]]:
    """add_entry on each journal, interleaved so a busy disk hurts both alike;
    once as it is (fsynced) and once with fsync stubbed out (the CPU part)."""
    out: dict[int, dict[str, float]] = {}
    journals = {}
    for total, home in homes.items():
        start = time.perf_counter()
        journals[total] = Journal(home / "journal", write=True)
        out[total] = {"open journal (write)": time.perf_counter() - start}
    times: dict[tuple[int, bool], list[float]] = {}
    real_fsync = os.fsync
    try:
        for k in range(rounds):
            for synced in (True, False):
                os.fsync = real_fsync if synced else (lambda fd: None)
                for total, journal in journals.items():
                    start = time.perf_counter()
                    journal.add_entry(_answer(k))
                    times.setdefault((total, synced), []).append(time.perf_counter() - start)
    finally:
        os.fsync = real_fsync
        for journal in journals.values():
            journal.close()
    for total in homes:
        out[total]["add_entry: one answer"] = statistics.median(times[(total, True)])
        out[total]["add_entry: CPU part (no fsync)"] = statistics.median(times[(total, False)])
    return out


def cli_time(home: Path, args: list[str], repeat: int = 3, **extra_env: str) -> tuple[float, int]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VOICE_JOURNAL_", "XDG_"))}
    env.update(VOICE_JOURNAL_HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), **extra_env)
    times, hits = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "assistant", *args], env=env, capture_output=True, text=True,
                              cwd=ROOT, timeout=300)
        times.append(time.perf_counter() - start)
        assert done.returncode == 0, done.stderr
        if "--json" in args:
            hits = len(json.loads(done.stdout))
    return statistics.median(times), hits


def breakdown(home: Path) -> list[str]:
    """Where a read of the whole journal spends its time."""
    from tinydb import TinyDB

    from assistant.journal.storage import DurableJSONStorage

    folder = home / "journal"
    shards = sorted(folder.glob("????-??.json"))
    size = sum(p.stat().st_size for p in shards)
    lines = [f"  {len(shards)} shards, {size / 1e6:.1f} MB of compact records "
             f"(+{sum(p.stat().st_size for p in folder.glob('*.words.json')) / 1e6:.1f} MB of word timings, not read)"]
    t, _ = timed(lambda: [p.read_bytes() for p in shards], 3)
    lines.append(f"  reading the files:                          {t * 1000:7.1f} ms")
    t, _ = timed(lambda: [json.loads(p.read_text(encoding="utf-8")) for p in shards], 3)
    lines.append(f"  json.loads of every shard, once:            {t * 1000:7.1f} ms")

    def tinydb_all():
        for p in shards:
            db = TinyDB(p, storage=DurableJSONStorage)
            db.table("entries").all()

    t, _ = timed(tinydb_all, 3)
    lines.append(f"  TinyDB table('entries').all(), every shard: {t * 1000:7.1f} ms")
    t, _ = timed(lambda: Journal(folder, write=False).close(), 3)
    lines.append(f"  Journal(write=False) (newest shard only):   {t * 1000:7.1f} ms")
    journal = Journal(folder, write=False)
    t, entries = timed(lambda: list(journal.iter_entries(newest_first=True)), 3)
    lines.append(f"  iter_entries() (parses every shard once):   {t * 1000:7.1f} ms")
    keep = EntryFilter(text=RARE_WORD)
    t, _ = timed(lambda: select_entries(entries, keep), 3)
    lines.append(f"  the text filter itself, {len(entries)} entries:   {t * 1000:7.1f} ms")
    t, _ = timed(lambda: journal.search(RARE_WORD), 3)
    lines.append(f"  Journal.search() (re-reads this month's shard, written <3 s ago): {t * 1000:7.1f} ms")
    journal.close()
    return lines


def measure_encrypted(home: Path, repeat: int) -> list[str]:
    """The same journal encrypted (``voice-journal encrypt``): what it costs to
    seal it, and to list and search it (a scan: no index may sit on disk)
    with every shard opened with the key, the key unlocked each time."""
    from assistant.app.encryption import seal_all
    from assistant.journal import passphrase as unlocking
    from assistant.journal.vault import create_key

    paths = Paths(home, home / "config.toml")
    passphrase = "benchmark passphrase"
    start = time.perf_counter()
    vault = create_key(paths.journal_dir, passphrase)
    sealed = len(list(seal_all(paths, vault)))
    took = time.perf_counter() - start
    os.environ[unlocking.PASSPHRASE_ENV] = passphrase
    try:
        def listing(limit, keep=EntryFilter()):
            unlocking.forget(paths.journal_dir)  # each command is a new process: unlock (scrypt) every time
            with open_journal(paths) as journal:
                return select_entries(candidates(journal, keep, limit), keep, limit)

        unlock, _ = timed(lambda: (unlocking.forget(paths.journal_dir), unlocking.journal_vault(paths, None)), repeat)
        newest, _ = timed(lambda: listing(20), repeat)
        search, hits = timed(lambda: listing(None, EntryFilter(text=RARE_WORD)), repeat)
        cli_search, cli_hits = cli_time(home, ["search", RARE_WORD, "--json"], VOICE_JOURNAL_PASSPHRASE=passphrase)
    finally:
        os.environ.pop(unlocking.PASSPHRASE_ENV, None)
    assert len(hits) == cli_hits
    return [f"\nencrypted ({sealed} files sealed in {took:.1f} s):",
            f"  unlock (scrypt, n=2^15)           {unlock * 1000:8.1f} ms",
            f"  list: newest 20                   {newest * 1000:8.1f} ms",
            f"  search: 1 word (a scan, unlock incl.) {search * 1000:5.1f} ms  ({len(hits)} hits)",
            f"  CLI: search WORD --json           {cli_search * 1000:8.1f} ms"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, help="build the journals here and leave them")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="journal-scale-"))
    today = date.today()
    results: dict[int, dict[str, float]] = {}
    cli: dict[int, dict[str, float]] = {}
    for total in SIZES:
        rng = random.Random(SEED)
        home = base / str(total)
        folder = home / "journal"
        if folder.exists():
            import shutil

            shutil.rmtree(folder)
        planned = plan(total, today, rng)
        start = time.perf_counter()
        if total <= 1000:
            build_with_api(folder, planned)
            how = "Journal.add_entry"
        else:
            build_directly(folder, planned)
            check_format(base / str(SIZES[0]) / "journal", folder)
            how = "shard files, same format"
        built = time.perf_counter() - start
        verify(folder, planned, rng)
        shards = len(list(folder.glob("????-??.json")))
        print(f"built {total:>6} entries in {shards:>3} monthly shards ({how}) in {built:.1f} s; read back and checked",
              file=sys.stderr)
        results[total] = measure(home, args.repeat)
        cli[total] = {}
        cli[total]["CLI: search WORD --json"], hits = cli_time(home, ["search", RARE_WORD, "--json"])
        assert hits == results[total]["  hits"], (hits, results[total]["  hits"])
        cli[total]["CLI: list --limit 20"], _ = cli_time(home, ["list", "--limit", "20"])
        cli[total]["CLI: paths (start-up only)"], _ = cli_time(home, ["paths"])

    for total, extra in measure_inserts({total: base / str(total) for total in SIZES}).items():
        results[total].update(extra)
    for total in SIZES:
        results[total]["search: just after add_entry"] = measure_refresh(base / str(total), args.repeat)

    small, big = SIZES
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\n{os.cpu_count()} CPUs, load average {load:.1f} (other work on the machine slows every number alike)")
    print(f"{'':34}{small:>12,}{big:>14,}   ratio")
    for key in results[small]:
        a, b = results[small][key], results[big][key]
        if key.strip() == "hits":
            print(f"{key:34}{a:>12.0f}{b:>14.0f}")
            continue
        print(f"{key:34}{a * 1000:>10.1f}ms{b * 1000:>12.1f}ms{b / a:>7.1f}×")
    for key in cli[small]:
        a, b = cli[small][key], cli[big][key]
        print(f"{key:34}{a * 1000:>10.1f}ms{b * 1000:>12.1f}ms{b / a:>7.1f}×")

    insert_ratio = results[big]["add_entry: CPU part (no fsync)"] / results[small]["add_entry: CPU part (no fsync)"]
    search = results[big]["search: 1 word (~1%)"]
    print()
    this_month = datetime.now().astimezone().strftime("%Y-%m")
    in_month = {}
    for total in SIZES:
        with Journal(base / str(total) / "journal", write=False) as journal:
            in_month[total] = len(journal.month_entries(this_month))
    print(f"insert does not grow with size:  {'yes' if insert_ratio < 2 else 'NO'} "
          f"({insert_ratio:.2f}× CPU time from {small} to {big:,} entries; both rewrite this month's shard only, "
          f"which holds {in_month[small]} and {in_month[big]} entries after the inserts: like for like)")
    cli_search = cli[big]["CLI: search WORD --json"]
    print(f"search of {big:,} under {SEARCH_LIMIT_S} s:   {'yes' if search < SEARCH_LIMIT_S else 'NO'} ({search:.3f} s "
          f"from the search cache; {cli_search:.3f} s end to end, Python start-up included)")
    cache = base / str(big) / "journal" / SEARCH_CACHE
    print(f"search cache: {cache.stat().st_size / 1e6:.1f} MB, built in "
          f"{results[big]['search: first (builds the cache)']:.1f} s on the first search")
    print(f"\nwhere a full read of {big:,} entries goes:")
    print("\n".join(breakdown(base / str(big))))
    print("\n".join(measure_encrypted(base / str(big), args.repeat)))
    if not args.keep:
        import shutil

        shutil.rmtree(base, ignore_errors=True)
    return 0 if insert_ratio < 2 and search < SEARCH_LIMIT_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
