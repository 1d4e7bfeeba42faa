"""``voice-journal import FILE...`` and ``import-journal FILE``: bringing things into the journal."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.app.importing import import_memos
from assistant.app.journal_import import import_journal
from assistant.jsonout import print_json


def register(subparsers, common) -> None:
    p = subparsers.add_parser("import", parents=[common],
                              help="turn voice memos (WAV; other formats with ffmpeg or sox) into entries; a memo already imported is skipped")
    p.add_argument("files", nargs="+", metavar="FILE", help="audio files to transcribe and keep")
    p.add_argument("--model", default=argparse.SUPPRESS, help="Vosk model name or folder (default: the language's model)")
    p.set_defaults(handler=cmd_import)

    p = subparsers.add_parser("import-journal", parents=[common],
                              help="read a JSON export back in (ids already in the journal are skipped)")
    p.add_argument("file", metavar="FILE", help="a file written by 'voice-journal export --format json'")
    p.set_defaults(handler=cmd_import_journal)


def cmd_import(args, paths, settings) -> int:
    sources = [Path(f).expanduser() for f in args.files]
    report = import_memos(sources, paths, settings)
    if args.json:
        print_json({"imported": report.imported, "failed": report.failed, "skipped": report.skipped})
    else:
        for item in report.imported:
            print(f"{item['id']:<14} {Path(item['file']).name}  {item['duration_s']:.1f} s  {item['transcript'][:60]}")
        notes = ([f"{len(report.skipped)} already in your journal (skipped)"] if report.skipped else []) \
            + ([f"{len(report.failed)} could not be read"] if report.failed else [])
        print(f"Imported {len(report.imported)} of {len(sources)} file(s)"
              + (f"; {'; '.join(notes)}." if notes else "."), file=sys.stderr)
    return 1 if report.failed else 0


def cmd_import_journal(args, paths, settings) -> int:
    counts = import_journal(Path(args.file).expanduser(), paths, settings)
    if args.json:
        print_json(counts)
    else:
        print(f"Imported {counts['entries_imported']} entries and {counts['sessions_imported']} sessions; "
              f"skipped {counts['entries_skipped']} entries and {counts['sessions_skipped']} sessions already "
              "in the journal.", file=sys.stderr)
    return 0
