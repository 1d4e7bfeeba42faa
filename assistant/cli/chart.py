"""``voice-journal chart --out FILE.png`` (or ``FILE.svg``): the journal over time, as a picture.

The SVG is drawn by :mod:`assistant.render.svg`, the same pictures as the
web page's patterns; the PNG by matplotlib (:mod:`assistant.render.chart`).
Both draw :func:`assistant.journal.stats.stats`, in the same colours."""
from __future__ import annotations

import sys
from pathlib import Path

from assistant.errors import UserError
from assistant.cli.review import add_filter_options, filter_from_args
from assistant.journal.book import open_journal
from assistant.journal.queries import select_entries
from assistant.journal.stats import DEFAULT_WEEKS, stats
from assistant.journal.storage import write_private
from assistant.render.chart import check_matplotlib, render
from assistant.render.svg import patterns
from assistant.jsonout import print_json


def register(subparsers, common) -> None:
    p = subparsers.add_parser("chart", parents=[common], help="draw feelings and themes over time as a PNG (or SVG) picture")
    p.add_argument("--out", required=True, metavar="FILE.png",
                   help="where to write the picture, .png or .svg (readable by you only)")
    p.add_argument("--weeks", type=int, default=DEFAULT_WEEKS, help=f"weeks to show (default {DEFAULT_WEEKS}; 0: all)")
    add_filter_options(p, limit=False)
    p.set_defaults(handler=cmd_chart)


def cmd_chart(args, paths, settings) -> int:
    if args.weeks < 0:
        raise UserError("--weeks must be 0 (all) or more")
    out = Path(args.out).expanduser()
    svg = out.suffix.lower() == ".svg"
    if out.suffix.lower() != ".png" and not svg:
        raise UserError(f"{out}: the chart is a PNG picture; give a file name ending in .png (or .svg)")
    if not svg:
        check_matplotlib()  # a missing matplotlib is said before the journal is read
    keep = filter_from_args(args, settings)
    with open_journal(paths, settings) as journal:
        found = select_entries(journal.iter_entries(), keep)
    data = stats(found, weeks=args.weeks, until=keep.until, since=keep.since)
    span = f"{data.get('from', '')} to {data.get('to', '')}" if data["weeks"] else "no entries yet"
    write_private(out, patterns(data, f"Voice journal: {data['entries']} entries, {span}") if svg else render(data))
    if args.json:
        print_json({"out": str(out), "entries": data["entries"], "weeks": len(data["weeks"])})
    else:
        print(f"Wrote {out} ({data['entries']} entries over {len(data['weeks'])} weeks).", file=sys.stderr)
    return 0
