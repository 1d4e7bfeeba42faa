"""``voice-journal chart --out FILE.png`` (or ``FILE.svg``): the journal over time, as a picture.

The picture is the web page's patterns (:mod:`assistant.web.patterns`,
drawn by :mod:`assistant.render.svg`) on one sheet, in the journal's
language: written as SVG, or rasterised to PNG for the fridge
(:mod:`assistant.render.png`). One renderer, so the printout and the page agree."""
from __future__ import annotations

import sys
from pathlib import Path

from assistant.errors import UserError
from assistant.cli.review import add_filter_options, filter_from_args
from assistant.journal.book import open_journal
from assistant.journal.queries import select_entries
from assistant.journal.stats import DEFAULT_WEEKS, stats
from assistant.journal.storage import write_private
from assistant.render import png, svg
from assistant.web.patterns import fridge_sheet
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
    as_svg = out.suffix.lower() == ".svg"
    if out.suffix.lower() != ".png" and not as_svg:
        raise UserError(f"{out}: the chart is a PNG picture; give a file name ending in .png (or .svg)")
    if not as_svg:
        png.check_rasteriser()  # a missing CairoSVG is said before the journal is read
    keep = filter_from_args(args, settings)
    with open_journal(paths, settings) as journal:
        found = select_entries(journal.iter_entries(), keep)
    data = stats(found, weeks=args.weeks, until=keep.until, since=keep.since)
    picture = fridge_sheet(data, settings.language)
    if not as_svg and svg.has_hangul(picture) and png.font_missing(svg.KOREAN_FONTS.split(",")[0]):
        print(png.KOREAN_HINT, file=sys.stderr)
    write_private(out, picture if as_svg else png.rasterise(picture))
    if args.json:
        print_json({"out": str(out), "entries": data["entries"], "weeks": len(data["weeks"])})
    else:
        print(f"Wrote {out} ({data['entries']} entries over {len(data['weeks'])} weeks).", file=sys.stderr)
    return 0
