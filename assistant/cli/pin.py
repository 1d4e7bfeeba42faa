"""``voice-journal pin set | clear | status``: the PIN asked before a replay by voice.

Typed at the terminal twice without echo (or, from a script, two lines on
stdin); kept only as a salted scrypt hash (:mod:`assistant.journal.replay_pin`).
The ``replay_by_voice`` setting says whether it is asked.
"""
from __future__ import annotations

import getpass
import sys

from assistant.errors import UserError
from assistant.journal.replay_pin import DIGITS_MAX, DIGITS_MIN, ReplayPin, pin_file, pin_problem
from assistant.jsonout import print_json


def register(subparsers, common) -> None:
    p = subparsers.add_parser("pin", parents=[common],
                              help="the PIN asked before 'play my last entry' by voice (setting replay_by_voice)")
    actions = p.add_subparsers(dest="pin_action", metavar="ACTION", required=True)
    actions.add_parser("set", parents=[common], help=f"choose the PIN ({DIGITS_MIN} to {DIGITS_MAX} digits, typed twice)")
    actions.add_parser("clear", parents=[common], help="forget the PIN (replay by voice is then refused until one is set)")
    actions.add_parser("status", parents=[common], help="whether a PIN is set and when it is asked")
    p.set_defaults(handler=cmd_pin)


def _typed_twice() -> str:
    """The PIN, the same twice: without echo at a terminal, else two lines of stdin."""
    try:
        if sys.stdin.isatty():
            first = getpass.getpass(f"New replay PIN ({DIGITS_MIN} to {DIGITS_MAX} digits): ").strip()
            problem = pin_problem(first)
            if problem:
                raise UserError(f"{problem}; nothing was changed. Run 'voice-journal pin set' again")
            second = getpass.getpass("Once more, to be sure: ").strip()
        else:
            first, second = sys.stdin.readline().strip(), sys.stdin.readline().strip()
    except EOFError:
        first = ""
    if not first:
        raise UserError("no PIN given; nothing was changed")
    problem = pin_problem(first)
    if problem:
        raise UserError(f"{problem}; nothing was changed. Run 'voice-journal pin set' again")
    if second != first:
        raise UserError("the two PINs differ; nothing was changed. Run 'voice-journal pin set' again")
    return first


def _when_asked(settings) -> str:
    return {"pin": "before every replay by voice",
            "on": "never: replay_by_voice is 'on', so anyone in the room can replay by voice; "
                  "set replay_by_voice = \"pin\" in the config to ask for it",
            "off": "never: replay_by_voice is 'off', so replay by voice is refused"}[settings.replay_by_voice]


def cmd_pin(args, paths, settings) -> int:
    pin = ReplayPin(pin_file(paths.journal_dir))
    if args.pin_action == "set":
        chosen = _typed_twice()
        paths.ensure_private_dirs()
        pin.set(chosen)
        done = {"action": "set", "pin_set": True}
        message = f"The replay PIN is set (kept only as a hash in {pin.path}); it is asked {_when_asked(settings)}."
    elif args.pin_action == "clear":
        cleared = pin.clear()
        done = {"action": "clear", "pin_set": False, "cleared": cleared}
        message = ("The replay PIN is forgotten." if cleared else "No replay PIN was set.") + \
            (" Replay by voice is refused until one is set." if settings.replay_by_voice == "pin" else "")
    else:
        done = {"action": "status", "pin_set": pin.is_set, "replay_by_voice": settings.replay_by_voice,
                "resting": pin.resting()}
        message = (f"A replay PIN is set; it is asked {_when_asked(settings)}." if done["pin_set"] else
                   "No replay PIN is set" + ("; replay by voice is refused until one is set with "
                                             "'voice-journal pin set'." if settings.replay_by_voice == "pin" else "."))
    if args.json:
        print_json(done)
    else:
        print(message, file=sys.stderr)
    return 0
