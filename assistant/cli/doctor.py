"""``voice-journal check``: the doctor's checks, and what to fix, on this machine."""
from __future__ import annotations

import argparse
import contextlib
import sys

from assistant.app.doctor import RECORD_S, Doctor
from assistant.errors import UserError
from assistant.jsonout import print_json


def register(subparsers, common) -> None:
    p = subparsers.add_parser("check", parents=[common],
                              help="check the speaker, microphone and speech model, and say what to fix")
    p.add_argument("--seconds", type=float, default=RECORD_S, help=f"how long to record (default {RECORD_S:g})")
    p.add_argument("--input-device", default=argparse.SUPPRESS, help="microphone name or number (see 'voice-journal devices')")
    p.add_argument("--output-device", default=argparse.SUPPRESS, help="speaker name or number (see 'voice-journal devices')")
    p.add_argument("--model", default=argparse.SUPPRESS, help="Vosk model name or folder (default: the language's model)")
    p.add_argument("--voice", default=argparse.SUPPRESS, help="espeak-ng voice (default: the language's voice)")
    p.set_defaults(handler=cmd_check)


def cmd_check(args, paths, settings) -> int:
    if args.seconds <= 0:
        raise UserError("--seconds must be more than 0")
    with contextlib.redirect_stdout(sys.stderr):  # pyttsx3 prints "Audio saved to ..." now and then
        doctor = Doctor(paths, settings, seconds=args.seconds).run()
    if args.json:
        print_json(doctor.as_dict())
    else:
        if doctor.transcript:
            print(f"Transcript: {doctor.transcript}")
        print(doctor.summary())
    return 0 if doctor.ok else 1
