"""``voice-journal list | show | search | stats | export | delete``: looking back.

The journal is for noticing patterns (the same small sting, week after
week), so reading it back matters as much as writing it. Every command here
but ``delete`` reads the journal without its lock (``write=False``), so a
look back works while an evening session is writing. The commands only
open the journal and print: filtering lives in
:mod:`assistant.journal.queries`, counting in :mod:`assistant.journal.stats`,
the text in :mod:`assistant.render.text` and :mod:`assistant.render.export`.
Data goes to stdout, notes for people to stderr.
"""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TextIO

from assistant.errors import UserError
from assistant.journal.book import open_journal
from assistant.journal.ids import check_id
from assistant.journal.queries import (EntryFilter, audio_file, candidates, canonical_feeling, check_theme,
                                       search_terms, select_entries)
from assistant.journal.stats import DEFAULT_WEEKS, stats
from assistant.journal.storage import write_private
from assistant.language.dates import night_of, parse_date
from assistant.language.packs import load_language
from assistant.render.export import export_journal
from assistant.render.text import entry_details, entry_line, preview, stats_lines, with_sparklines
from assistant.jsonout import print_json as _emit_json


WEEKS_MAX = 5200
"""The longest ``stats --weeks``: a hundred years (more overflows the calendar)."""

def _note(text: str) -> None:
    print(text, file=sys.stderr)


def filter_from_args(args, settings, today: date | None = None, text: str | None = None) -> EntryFilter:
    """The ``--since/--until/--feeling/--theme/--text`` options as a filter."""
    today = today or date.today()
    since = parse_date(args.since, today) if getattr(args, "since", None) else None
    until = parse_date(args.until, today) if getattr(args, "until", None) else None
    if since and until and since > until:
        raise UserError(f"--since {since} is after --until {until}; swap them")
    return EntryFilter(
        since=since,
        until=until,
        feeling=canonical_feeling(args.feeling, settings.language) if getattr(args, "feeling", None) else None,
        theme=check_theme(args.theme) if getattr(args, "theme", None) else None,
        text=valid_text(text if text is not None else getattr(args, "text", None)),
    )


def valid_text(text: str | None, what: str = "--text") -> str | None:
    """``text`` from the command line, refused in one line if it is not
    valid UTF-8 (the shell hands such bytes over as lone surrogates)."""
    if text is not None:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise UserError(f"{what}: not valid UTF-8 text; type the words again (or set a UTF-8 locale, LANG=C.UTF-8)") from None
    return text


def _limit(args) -> int | None:
    limit = getattr(args, "limit", None)
    if limit is not None and limit < 0:
        raise UserError("--limit must be 0 (no limit) or more")
    return limit or None


def _listing(args, paths, settings, text: str | None = None) -> int:
    keep = filter_from_args(args, settings, text=text)
    limit = _limit(args)
    with open_journal(paths, settings) as journal:
        found = select_entries(candidates(journal, keep, limit), keep, limit)
    if args.json:
        _emit_json(found)
        return 0
    for entry in found:
        print(entry_line(entry))
    if not found:
        _note("No entries match." if not keep.empty else "No entries yet. Start an evening with 'voice-journal'.")
    return 0


def cmd_list(args, paths, settings) -> int:
    return _listing(args, paths, settings)


def cmd_search(args, paths, settings) -> int:
    words = valid_text(" ".join(args.words), "the words to search for")
    if not search_terms(words):
        raise UserError("give the words to search for, e.g. voice-journal search invite")
    return _listing(args, paths, settings, text=words)


def cmd_show(args, paths, settings) -> int:
    check_id(args.id)
    with open_journal(paths, settings) as journal:
        entry = journal.entry(args.id)
    path = audio_file(entry, paths.audio_dir)
    if args.json:
        _emit_json({**entry, "audio_file": str(path) if path else None,
                    "audio_exists": bool(path and path.is_file()), "night": night_of(entry).isoformat()})
        return 0
    for label, value in entry_details(entry, path):
        print(f"{label:<14} {value}")
    return 0


def cmd_stats(args, paths, settings) -> int:
    keep = filter_from_args(args, settings)
    if not 0 <= args.weeks <= WEEKS_MAX:
        raise UserError(f"--weeks must be 0 (all) or up to {WEEKS_MAX} (a hundred years)")
    with open_journal(paths, settings) as journal:
        found = select_entries(candidates(journal, keep) if keep.terms else journal.iter_entries(), keep)
    data = with_sparklines(stats(found, weeks=args.weeks, until=keep.until, since=keep.since))
    if args.json:
        _emit_json(data)
    else:
        print("\n".join(stats_lines(data)))
    return 0


def safe_out(out: Path, paths) -> Path:
    """``--out`` checked before anything is written: never a file of the
    journal (a shard, its ``.lock``, a recording), nor a device or a folder."""
    try:
        target = out.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        raise UserError(f"--out {out} cannot be used (a link that loops); pick another file name") from None
    for folder in (paths.journal_dir, paths.audio_dir):
        if target.is_relative_to(Path(folder).resolve()):
            raise UserError(f"--out {out} is inside the journal's folder {folder}; pick a place outside it")
    if target.exists() and not target.is_file():
        raise UserError(f"--out {out} is not a plain file (a folder or a device); pick a file name")
    return out


def cmd_export(args, paths, settings) -> int:
    fmt = args.format or ("json" if args.json and not args.out else "md")
    keep = filter_from_args(args, settings)
    found = 0
    with open_journal(paths, settings) as journal:
        encrypted = journal.vault is not None

        def write(handle) -> None:  # streamed: the journal is never whole in memory
            nonlocal found
            found = export_journal(handle, journal, fmt, keep, settings.language, all_sessions=keep.empty)

        if not args.out:
            write(sys.stdout)
            return 0
        out = safe_out(Path(args.out).expanduser(), paths)
        write_private(out, write)
    if args.json:
        _emit_json({"out": str(out), "format": fmt, "entries": found})
    else:
        _note(f"Wrote {found} entries to {out} ({fmt}, readable by you only"
              + ("; not encrypted, unlike the journal" if encrypted else "") + ").")
    return 0


def confirm(question: str, yes: frozenset[str] | set[str], answers: TextIO | None = None,
            prompt_to: TextIO | None = None) -> bool:
    """Ask on stderr, read one line; only one of the ``yes`` words counts (no input, EOF: no)."""
    prompt_to = prompt_to or sys.stderr
    answers = answers or sys.stdin
    print(question, end=" ", file=prompt_to, flush=True)
    try:
        line = answers.readline() if answers is not None else ""
    except (OSError, ValueError):
        line = ""
    if not line:
        print(file=prompt_to)
    return line.strip().lower() in yes


def cmd_delete(args, paths, settings) -> int:
    check_id(args.id)
    if not paths.journal_dir.is_dir():
        raise UserError(f"no entry {args.id} in the journal; see 'voice-journal list'")
    with open_journal(paths, settings, write=True) as journal:
        entry = journal.entry(args.id, with_words=False)
        prompt = preview(entry.get("prompt_text") or entry.get("source") or entry.get("transcript") or "", 50)
        question = f'Delete entry {entry["id"]} ({night_of(entry).isoformat()}, "{prompt}")? [y/N]'
        if not args.yes and not confirm(question, frozenset(load_language(settings.language).typed_yes)):
            if args.json:
                _emit_json({"id": args.id, "deleted": False})
            _note(f"Kept {args.id}; nothing was deleted.")
            return 1
        # the recording goes first: a delete killed between the two leaves the entry, to be
        # deleted again, rather than a recording nothing refers to, kept on disk for good
        removed_audio = None
        path = audio_file(entry, paths.audio_dir)
        if path is not None and path.is_file():
            path.unlink()
            removed_audio = str(path)
        journal.remove_entry(args.id)
    if args.json:
        _emit_json({"id": args.id, "deleted": True, "audio_removed": removed_audio})
    else:
        _note(f"Deleted {args.id}" + (" and its audio." if removed_audio else "."))
    return 0


# --- the command line ------------------------------------------------------------

def add_filter_options(p, text: bool = True, limit: bool = True) -> None:
    """The options every look back shares (``chart`` and ``replay`` too)."""
    p.add_argument("--since", metavar="DATE", help="from this night on (YYYY-MM-DD, today, yesterday)")
    p.add_argument("--until", metavar="DATE", help="up to this night (YYYY-MM-DD, today, yesterday)")
    p.add_argument("--feeling", metavar="F", help="only entries naming this feeling (e.g. lonely, 외로움)")
    p.add_argument("--theme", metavar="T", help="only entries with this theme (e.g. unanswered, left-out)")
    if text:
        p.add_argument("--text", metavar="WORDS", help="only entries whose answer or prompt has all these words")
    if limit:
        p.add_argument("--limit", type=int, metavar="N", help="at most N entries (newest first)")


def register(subparsers, common) -> None:
    p = subparsers.add_parser("list", parents=[common], help="list past entries, newest first")
    add_filter_options(p)
    p.set_defaults(handler=cmd_list)

    p = subparsers.add_parser("show", parents=[common], help="show one entry in full")
    p.add_argument("id", help="entry id, e.g. 2026-11-24.2 (see 'voice-journal list')")
    p.set_defaults(handler=cmd_show)

    p = subparsers.add_parser("search", parents=[common], help="find entries whose answer or prompt has all the words")
    p.add_argument("words", nargs="+", help="words to find (case-insensitive; parts of words match)")
    add_filter_options(p, text=False)
    p.set_defaults(handler=cmd_search)

    p = subparsers.add_parser("stats", parents=[common], help="feelings, themes, intensity and pebbles per week")
    add_filter_options(p, limit=False)
    p.add_argument("--weeks", type=int, default=DEFAULT_WEEKS, help=f"weeks to show (default {DEFAULT_WEEKS}; 0: all)")
    p.set_defaults(handler=cmd_stats)

    p = subparsers.add_parser("export", parents=[common], help="write the journal as Markdown, JSON or CSV")
    p.add_argument("--format", choices=["md", "json", "csv"],
                   help="md: a diary to read; json: everything, for import-journal; csv: one row per entry (default md)")
    p.add_argument("--out", metavar="PATH", help="file to write (readable by you only); default: standard output")
    add_filter_options(p, limit=False)
    p.set_defaults(handler=cmd_export)

    p = subparsers.add_parser("delete", parents=[common], help="delete one entry and its audio")
    p.add_argument("id", help="entry id, e.g. 2026-11-24.2 (see 'voice-journal list')")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(handler=cmd_delete)
