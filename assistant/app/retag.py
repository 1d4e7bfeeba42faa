"""``voice-journal retag``: correct an entry's feelings, themes or intensity.

The same correction the person can make by voice ("tag that as lonely"),
from the terminal. Feelings are checked against the language's vocabulary
and stored in their canonical form.
"""
from __future__ import annotations

import json

from assistant.errors import UserError
from assistant.language.feelings import load_vocabulary
from assistant.journal.review import open_journal
from assistant.language.tagging import THEMES


def register(subparsers, common) -> None:
    p = subparsers.add_parser("retag", parents=[common], help="correct an entry's feelings, themes or intensity")
    p.add_argument("entry", help="entry id, e.g. 2026-11-24.2 (see 'voice-journal list')")
    p.add_argument("--add", action="append", default=[], metavar="FEELING", help="add a feeling (repeatable)")
    p.add_argument("--remove", action="append", default=[], metavar="FEELING", help="remove a feeling (repeatable)")
    p.add_argument("--theme", action="append", default=[], metavar="THEME", help="add a theme (repeatable)")
    p.add_argument("--no-theme", action="append", default=[], metavar="THEME", help="remove a theme (repeatable)")
    p.add_argument("--intensity", type=int, help="how heavy, 1 to 10 (0 clears it)")
    p.set_defaults(handler=cmd_retag)


def retag(entry: dict, vocabulary, add=(), remove=(), themes_add=(), themes_remove=(), intensity=None) -> dict:
    """The changed fields of ``entry``; raises UserError on an unknown feeling or theme."""
    def canonical(word: str) -> str:
        found = vocabulary.canonical(word)
        if not found:
            raise UserError(f"'{word}' is not in the feelings vocabulary; 'voice-journal tag \"{word}\"' shows what is")
        return found

    for theme in (*themes_add, *themes_remove):
        if theme not in THEMES:
            raise UserError(f"unknown theme '{theme}'; themes are: {', '.join(THEMES)}")
    if intensity is not None and not 0 <= intensity <= 10:
        raise UserError("--intensity takes a number from 1 to 10 (0 clears it)")
    gone = {canonical(w) for w in remove}
    feelings = [f for f in entry.get("feelings", []) if f not in gone]
    feelings += [w for w in dict.fromkeys(canonical(w) for w in add) if w not in feelings]
    themes = [t for t in entry.get("themes", []) if t not in themes_remove]
    themes += [t for t in dict.fromkeys(themes_add) if t not in themes]
    changes = {"feelings": feelings, "themes": themes}
    if intensity is not None:
        changes["intensity"] = intensity or None
    return changes


def cmd_retag(args, paths, settings) -> int:
    with open_journal(paths, settings, write=True) as journal:
        entry = journal.entry(args.entry, with_words=False)
        vocabulary = load_vocabulary(entry.get("language") or settings.language)
        changes = retag(entry, vocabulary, args.add, args.remove, args.theme, args.no_theme, args.intensity)
        journal.update_entry(args.entry, changes)
    if args.json:
        print(json.dumps({"id": args.entry, **changes}, ensure_ascii=False))
    else:
        print(f"{args.entry}: feelings: {', '.join(changes['feelings']) or 'none'}; "
              f"themes: {', '.join(changes['themes']) or 'none'}"
              + (f"; intensity: {changes['intensity']}" if "intensity" in changes else ""))
    return 0
