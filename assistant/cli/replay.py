"""``voice-journal replay [last | DATE | ID]``: hear past entries again, in your own voice."""
from __future__ import annotations

import argparse
import contextlib
import sys
from datetime import date
from typing import Any

from assistant.audio.speaker import Speaker
from assistant.conversation.replay import FILTER_LIMIT, ReplayRequest, load_replay, play_entries, select
from assistant.errors import UserError
from assistant.journal.book import open_journal
from assistant.journal.ids import ID_PATTERN
from assistant.journal.queries import canonical_feeling, check_theme
from assistant.language.dates import parse_date
from assistant.language.packs import load_language
from assistant.speech.voice import SpokenOutput, Voice
from assistant.jsonout import print_json


def register(subparsers, common) -> None:
    p = subparsers.add_parser("replay", parents=[common],
                              help="hear past entries again: the prompt, then your own recording")
    p.add_argument("when", nargs="?", metavar="last|DATE|ID",
                   help="'last' (your last entry), a night (YYYY-MM-DD, today, yesterday) or an entry id; "
                        "default: your last night")
    p.add_argument("--feeling", metavar="F", help="only entries naming this feeling")
    p.add_argument("--theme", metavar="T", help="only entries with this theme")
    p.add_argument("--search", nargs="+", metavar="WORDS", help="only entries whose answer or prompt has these words")
    p.add_argument("--limit", type=int, metavar="N",
                   help=f"at most N entries (a filter alone plays the {FILTER_LIMIT} most recent matches)")
    p.add_argument("--output-device", default=argparse.SUPPRESS, help="speaker name or number (see 'voice-journal devices')")
    p.add_argument("--voice", default=argparse.SUPPRESS, help="espeak-ng voice (default: the language's voice)")
    p.set_defaults(handler=cmd_replay)


def request_from_args(args, settings, today: date) -> ReplayRequest:
    """The command line as a request: WHEN is last, today, yesterday, a date or an entry id."""
    narrow = {
        "feeling": canonical_feeling(args.feeling, settings.language) if args.feeling else None,
        "theme": check_theme(args.theme) if args.theme else None,
        "text": " ".join(args.search) if args.search else None,
    }
    when = (args.when or "").strip()
    if not when:
        return ReplayRequest(**narrow)
    if when.lower() in ("last", "latest"):
        return ReplayRequest(latest=True, **narrow)
    if ID_PATTERN.match(when):
        return ReplayRequest(entry_id=when)
    return ReplayRequest(on=parse_date(when, today), **narrow)


def cmd_replay(args, paths, settings) -> int:
    today = date.today()
    request = request_from_args(args, settings, today)
    if args.limit is not None and args.limit < 1:
        raise UserError("--limit must be 1 or more")
    pack = load_replay(settings.language)
    limit = args.limit
    if limit is None and request.night(today) is None and not request.latest and not request.filter.empty:
        limit = FILTER_LIMIT
    with open_journal(paths, settings) as journal:
        entries = select(journal, request, today, limit=limit)
        vault = journal.vault
    if not entries:
        raise UserError("nothing to replay: no entry matches; see 'voice-journal list'", exit_code=1)

    speaker = Speaker(settings.output_device)
    try:
        voice = Voice(settings.voice or load_language(settings.language).voice, settings.speech_rate_wpm,
                      settings.volume)
    except BaseException:
        speaker.close()
        raise
    mouth = SpokenOutput(voice, speaker, settings.lead_in_s)

    def note(index: int, entry: dict[str, Any]) -> None:
        print(f"Playing {entry['id']} ({index + 1} of {len(entries)}): {entry.get('prompt_text') or entry.get('source') or ''}",
              file=sys.stderr)

    try:
        # pyttsx3's espeak driver prints "Audio saved to ..." from its own thread, now and
        # then after the voice's own redirect has ended; stdout is for data, so it goes to stderr.
        with contextlib.redirect_stdout(sys.stderr):
            played = play_entries(entries, mouth, speaker, paths, pack, today=today, on_play=note, vault=vault)
    finally:
        with contextlib.redirect_stdout(sys.stderr):
            mouth.close()
    if args.json:
        print_json({"request": request.as_dict(), "played": played})
    return 0
