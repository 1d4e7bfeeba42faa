"""``voice-journal retag ID``: correct an entry's tags from the terminal."""
from __future__ import annotations


from assistant.app.retag import remember, retag
from assistant.journal.book import open_journal
from assistant.language.feelings import load_vocabulary
from assistant.jsonout import print_json


def register(subparsers, common) -> None:
    p = subparsers.add_parser("retag", parents=[common], help="correct an entry's feelings, themes or intensity")
    p.add_argument("entry", help="entry id, e.g. 2026-11-24.2 (see 'voice-journal list')")
    p.add_argument("--add", action="append", default=[], metavar="FEELING", help="add a feeling (repeatable)")
    p.add_argument("--remove", action="append", default=[], metavar="FEELING", help="remove a feeling (repeatable)")
    p.add_argument("--theme", action="append", default=[], metavar="THEME", help="add a theme (repeatable)")
    p.add_argument("--no-theme", action="append", default=[], metavar="THEME", help="remove a theme (repeatable)")
    p.add_argument("--intensity", type=int, help="how heavy, 1 to 10 (0 clears it)")
    p.set_defaults(handler=cmd_retag)


def cmd_retag(args, paths, settings) -> int:
    with open_journal(paths, settings, write=True) as journal:
        entry = journal.entry(args.entry, with_words=False)
        vocabulary = load_vocabulary(entry.get("language") or settings.language)
        changes = retag(entry, vocabulary, args.add, args.remove, args.theme, args.no_theme, args.intensity)
        journal.update_entry(args.entry, changes)
        remember(paths.journal_dir, entry, changes, vocabulary.language)  # later answers phrased alike get these tags
    if args.json:
        print_json({"id": args.entry, **changes})
    else:
        print(f"{args.entry}: feelings: {', '.join(changes['feelings']) or 'none'}; "
              f"themes: {', '.join(changes['themes']) or 'none'}"
              + (f"; intensity: {changes['intensity']}" if "intensity" in changes else ""))
    return 0
