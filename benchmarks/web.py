"""How fast the web page answers at ten years of evenings (20,000 entries).

Run: ``.venv/bin/python benchmarks/web.py`` (``--keep DIR`` leaves the
journal there; ``--repeat N``).

The journal is the one :mod:`benchmarks.journal_scale` builds (120 monthly
shards, ~5.5 answers a night, word timings included), written to a
temporary folder. The app runs in this process behind its real guard,
logged in through a one-time code, and is asked through Starlette's test
client (the whole ASGI app, no sockets), so what is timed is what
``voice-journal web`` does per request: open the journal read-only, read
the shards the page needs, render the template. The baseline, in the same
run on the same journal, is what ``voice-journal list`` does for the same
entries (open, read the newest entries, format them as lines): the
page's first view shows seven nights, so the baseline lists that many
entries. Goal: the first page in under 300 ms.

Downloads are made as they are sent: their peak traced memory is printed
against the JSON export made whole in memory (as the page made it before;
about 2.2 GiB at 20,000 entries, so run this where that fits). The last
row times ``voice-journal chart``'s PNG: the page's 12-week patterns from
the whole journal, rasterised.
"""
from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "benchmarks"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from journal_scale import SEED, build_directly, plan, timed  # noqa: E402

from assistant.journal.book import open_journal  # noqa: E402
from assistant.journal.queries import EntryFilter, candidates, select_entries  # noqa: E402
from assistant.paths import Paths  # noqa: E402
from assistant.render.text import entry_line  # noqa: E402
from assistant.settings import Settings  # noqa: E402

GOAL_S = 0.3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--keep", metavar="DIR", help="build the journal here and leave it")
    args = parser.parse_args(argv)

    from starlette.testclient import TestClient  # the web extra

    from assistant.web.app import create_app
    from assistant.web.site import Site

    home = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="vj-web-bench-"))
    try:
        paths = Paths(home / "data", home / "config.toml")
        start = time.perf_counter()
        build_directly(paths.journal_dir, plan(args.entries, date.today(), random.Random(SEED)))
        print(f"built {args.entries} entries in {time.perf_counter() - start:.1f} s ({home})", file=sys.stderr)

        def new_server():
            """A server just started, logged in: nothing of the journal cached yet."""
            site = Site(paths, Settings())
            client = TestClient(create_app(site), base_url="http://bench", follow_redirects=False)
            code = site.login_url().split("code=", 1)[1]
            assert client.post("/login", data={"code": code}).status_code == 303
            return client

        def cold(url: str) -> float:
            fresh = new_server()
            start = time.perf_counter()
            assert fresh.get(url).status_code == 200
            return time.perf_counter() - start

        page_cold = statistics.median(cold("/") for _ in range(args.repeat))
        client = new_server()

        def page(url: str):
            answer = client.get(url)
            assert answer.status_code == 200, (url, answer.status_code)
            return answer.text

        first = page("/")
        shown = first.count('class="answer"')
        older = first.split('rel="next"', 1)[0].rsplit('href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")

        entry_id = first.split("/entry/", 1)[1].split('"', 1)[0]

        def listing(limit: int | None, keep=EntryFilter()):
            with open_journal(paths) as journal:
                found = select_entries(candidates(journal, keep, limit), keep, limit)
            return [entry_line(e) for e in found]

        def fridge_png() -> bytes:
            """What ``voice-journal chart --out x.png`` draws: the page's 12-week patterns, rasterised."""
            from assistant.journal.stats import stats
            from assistant.render.png import rasterise
            from assistant.web.patterns import fridge_sheet

            with open_journal(paths) as journal:
                data = stats(journal.iter_entries(), weeks=12)
            return rasterise(fridge_sheet(data, "en"))

        rows = [
            ("list (CLI library): newest %d entries" % shown, lambda: listing(shown)),
            ("page: first (7 evenings), again", lambda: page("/")),
            ("page: the next 7 evenings", lambda: page(older)),
            ("page: 5 years back", lambda: page(f"/?before={date(date.today().year - 5, 6, 15)}")),
            ("page: one night", lambda: page(f"/night/{older[len('/?before='):]}")),
            ("page: search, 1 word (~1%), again", lambda: page("/search?q=zeppelin")),
            ("page: calendar (a year in pixels)", lambda: page("/calendar")),
            ("page: patterns (12 weeks)", lambda: page("/patterns")),
            ("page: patterns (52 weeks)", lambda: page("/patterns?weeks=52")),
            ("page: one entry", lambda: page("/entry/" + entry_id)),
            ("search (CLI library): 1 word (~1%)", lambda: listing(None, EntryFilter(text="zeppelin"))),
            ("chart: the patterns as a PNG (12 weeks)", fridge_png),
        ]
        page("/search?q=zeppelin")  # the search cache is built once, as the CLI's first search would
        print(f"{'what':<44} {'median':>10}")
        print(f"{'page: first, on a server just started':<44} {page_cold * 1000:>8.1f} ms", flush=True)
        search_cold = statistics.median(cold("/search?q=zeppelin") for _ in range(3))
        print(f"{'page: search, on a server just started':<44} {search_cold * 1000:>8.1f} ms", flush=True)
        from assistant.web.timeline import learn_first_words

        start = time.perf_counter()
        learn_first_words(lambda: open_journal(paths), {})
        print(f"{'(serve learns every start time at start, in':<44} {(time.perf_counter() - start) * 1000:>8.1f} ms)",
              flush=True)
        results = {}
        for name, fn in rows:
            results[name], _ = timed(fn, args.repeat)
            print(f"{name:<44} {results[name] * 1000:>8.1f} ms", flush=True)
        print(f"\n{'download, peak memory (tracemalloc)':<44} {'peak':>10}")
        for fmt in ("json", "md"):
            print(f"{'  /export/' + fmt + ' (streamed)':<44} {download_peak(client, '/export/' + fmt):>7.1f} MiB",
                  flush=True)
        print(f"{'  baseline: the json export whole in memory':<44} {whole_export_peak(paths):>7.1f} MiB", flush=True)
        first_s = max(page_cold, results["page: first (7 evenings), again"])
        baseline = results["list (CLI library): newest %d entries" % shown]
        print(f"\nfirst page: {first_s * 1000:.0f} ms for {shown} answers "
              f"({first_s / baseline:.1f}x the CLI listing of the same entries); goal < {GOAL_S * 1000:.0f} ms: "
              f"{'met' if first_s < GOAL_S else 'NOT met'}")
    finally:
        if not args.keep:
            shutil.rmtree(home, ignore_errors=True)
    return 0


def download_peak(client, url: str) -> float:
    """Peak traced memory (MiB) while a download is read and thrown away, chunk by chunk."""
    import tracemalloc

    tracemalloc.start()
    with client.stream("GET", url) as answer:
        assert answer.status_code == 200
        for _ in answer.iter_bytes():
            pass
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def whole_export_peak(paths) -> float:
    """Peak traced memory (MiB) of the JSON export made whole, as the page made it before it streamed."""
    import json
    import tracemalloc

    from assistant.journal.queries import entries_with_words
    from assistant.render.export import to_json_export

    tracemalloc.start()
    with open_journal(paths) as journal:
        found = list(journal.iter_entries())
        text = json.dumps(to_json_export(entries_with_words(journal, found), journal.sessions()), ensure_ascii=False,
                          indent=1)
    del found, text
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


if __name__ == "__main__":
    raise SystemExit(main())
