"""``voice-journal`` / ``voice-journal session``: an evening, and the options that shape it.

The same options are accepted before any command (``voice-journal --prompts
3``) and after ``session``; :func:`settings_flags` turns them into the
command-line layer of :func:`assistant.settings.load_settings`.
"""
from __future__ import annotations

import argparse
from typing import Any

from assistant.app.evening import run_evening
from assistant.app.standby import hand_to_standby

SETTING_FLAGS = ("prompts_per_session", "silence_s", "keep_audio", "input_device", "output_device", "model", "voice")
"""Settings a flag can give; ``--lang`` (``language``) is the one more every command takes."""


def session_options(parser: argparse.ArgumentParser, top: bool) -> None:
    """The evening's options; the subcommand's copy has no defaults, so it cannot
    overwrite a value given before the command name."""
    unset = {} if top else {"default": argparse.SUPPRESS}
    parser.add_argument("--prompts", type=int, dest="prompts_per_session", help="prompts tonight (3 to 5; default 4)", **unset)
    parser.add_argument("--silence", type=float, dest="silence_s", help="seconds of silence that end an answer (default 3)", **unset)
    parser.add_argument("--no-audio", action="store_const", const=False, dest="keep_audio",
                        help="do not keep the audio of answers, only the transcripts", **unset)
    parser.add_argument("--input-device", help="microphone name or number (see 'voice-journal devices')", **unset)
    parser.add_argument("--output-device", help="speaker name or number (see 'voice-journal devices')", **unset)
    parser.add_argument("--model", help="Vosk model name or folder (default: the language's model)", **unset)
    parser.add_argument("--voice", help="espeak-ng voice (default: the language's voice)", **unset)


def settings_flags(args: argparse.Namespace) -> dict[str, Any]:
    """The settings given on the command line (None: not given)."""
    flags = {name: getattr(args, name, None) for name in SETTING_FLAGS}
    flags["language"] = args.lang
    return flags


def register(subparsers, common) -> None:
    p = subparsers.add_parser("session", parents=[common], help="start an evening session (the default)")
    session_options(p, top=False)
    p.set_defaults(handler=cmd_session)


def cmd_session(args, paths, settings) -> int:
    if hand_to_standby(paths, json_events=args.json):  # the standby has the microphone: it asks instead
        return 0
    return run_evening(paths, settings, json_events=args.json)
