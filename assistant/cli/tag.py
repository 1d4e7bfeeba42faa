"""``voice-journal tag TEXT`` and ``tag ID``: the feelings and themes found, and the words that led to each."""
from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any

from assistant.app.retag import learned_cues, relearn
from assistant.journal.book import open_journal
from assistant.language.tagging import explain, language_of

ENTRY_ID = re.compile(r"^\d{4}-\d{2}-\d{2}\.\d+$")
"""An entry id as ``voice-journal list`` shows it (2026-11-24.2)."""


def add_tag_parser(subparsers: Any, parents: list[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """Register ``voice-journal tag TEXT|ID`` (``--lang`` and ``--json`` come from ``parents``)."""
    parser = subparsers.add_parser(
        "tag", parents=parents, help="name the feelings and themes in a transcript, or say why an entry got its tags",
        description="Tag a transcript with the feelings it names and the themes it tells, with the words that "
                    "led to each. Give an entry id (2026-11-24.2) to see why that entry got its tags. "
                    "Use '-' to read the text from standard input.")
    parser.add_argument("text", nargs="*", metavar="TEXT", help="what was said, as Vosk writes it, or an entry id")
    parser.add_argument("--relearn", action="store_true",
                        help="relearn your own words from every corrected entry in the journal, then exit")
    return parser


def register(subparsers, common) -> None:
    add_tag_parser(subparsers, [common]).set_defaults(handler=cmd_tag)


def _listed(found: dict[str, str]) -> str:
    return ", ".join(f'{name} ("{said}")' for name, said in found.items()) or "none"


def cli_tag(args: argparse.Namespace, language: str, personal_for=None) -> int:
    """Tags of a text on stdout, as lines for people or one JSON object, with the words behind each.

    Korean text is read as Korean whatever ``language`` says (one line on
    stderr says so). ``personal_for(language)`` gives the person's learned cues, if any.
    """
    text = " ".join(args.text)
    if text.strip() == "-":
        text = sys.stdin.read()
    used = language_of(text, language)
    if used != language:
        print(f"voice-journal: this text is in '{used}', so it was tagged with the '{used}' word lists", file=sys.stderr)
    result = explain(text, used, personal_for(used) if personal_for else None)
    if getattr(args, "json", False):
        print(json.dumps({**result.as_dict(), "language": used}, ensure_ascii=False))
    else:
        print(f"feelings: {_listed(result.why['feelings'])}")
        print(f"themes: {_listed(result.why['themes'])}")
        aside = {**result.set_aside["feelings"], **result.set_aside["themes"]}
        if aside:
            print("set aside: " + ", ".join(f"{name} ({why})" for name, why in aside.items()))
    return 0


def _entry_reasons(entry: dict, settings) -> dict[str, Any]:
    """Why an entry has each of its tags: the words, or the person's own correction."""
    language = entry.get("language") or settings.language
    text = entry.get("transcript") or ""
    explained = explain(text, language)
    found = explained.why
    out: dict[str, Any] = {"language": language, "transcript": text}
    for kind in ("feelings", "themes"):
        stored = list(entry.get(kind) or [])
        out[kind] = stored
        out.setdefault("why", {})[kind] = {name: found[kind].get(name) for name in stored}
        out.setdefault("removed", {})[kind] = [name for name in found[kind] if name not in stored]
        out.setdefault("set_aside", {})[kind] = {name: why for name, why in explained.set_aside[kind].items()
                                                 if name not in stored}
    return out


def _explain_entry(args, paths, settings, entry_id: str) -> int:
    with open_journal(paths, settings) as journal:
        entry = journal.entry(entry_id, with_words=False)
    reasons = _entry_reasons(entry, settings)
    if args.json:
        print(json.dumps({"id": entry_id, **reasons}, ensure_ascii=False))
        return 0
    print(f"{entry_id} ({reasons['language']}): {reasons['transcript']}")
    for kind in ("feelings", "themes"):
        parts = [f'{name} ("{said}")' if said else f"{name} (set by you)" for name, said in reasons["why"][kind].items()]
        parts += [f"not {name} (you took it off)" for name in reasons["removed"][kind]]
        print(f"{kind}: {', '.join(parts) or 'none'}")
    aside = {**reasons["set_aside"]["feelings"], **reasons["set_aside"]["themes"]}
    if aside:
        print("set aside: " + ", ".join(f"{name} ({why})" for name, why in aside.items()))
    return 0


def cmd_tag(args, paths, settings) -> int:
    if args.relearn:
        with open_journal(paths, settings) as journal:
            counts = relearn(journal)
        print(json.dumps(counts) if args.json else
              "learned from " + (", ".join(f"{n} corrected {lang} entries" for lang, n in counts.items()) or "no corrected entries"))
        return 0
    if not args.text:
        print("voice-journal tag: give a text, '-' for standard input, or an entry id", file=sys.stderr)
        return 2
    if len(args.text) == 1 and ENTRY_ID.match(args.text[0]):
        return _explain_entry(args, paths, settings, args.text[0])
    return cli_tag(args, settings.language, lambda language: learned_cues(paths.journal_dir, language))
