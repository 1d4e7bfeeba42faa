"""``voice-journal encrypt | decrypt | passphrase``: the journal's encryption at rest."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from assistant.app.encryption import change_journal_passphrase, check_encrypted, decrypt_journal, encrypt_journal
from assistant.errors import UserError
from assistant.journal.passphrase import ask_passphrase, read_passphrase
from assistant.jsonout import print_json

NEW_PASSPHRASE_ENV = "VOICE_JOURNAL_NEW_PASSPHRASE"


def register(subparsers, common) -> None:
    p = subparsers.add_parser("encrypt", parents=[common],
                              help="encrypt the journal and recordings with a passphrase (or finish doing so)")
    p.set_defaults(handler=cmd_encrypt)
    p = subparsers.add_parser("decrypt", parents=[common], help="turn encryption off: store everything in the clear again")
    p.set_defaults(handler=cmd_decrypt)
    p = subparsers.add_parser("passphrase", parents=[common], help="change the journal's passphrase")
    p.set_defaults(handler=cmd_passphrase)


def _report(args, action: str, done: list[Path], encrypted: bool) -> None:
    if args.json:
        print_json({"action": action, "files": len(done), "encrypted": encrypted})
    else:
        print(f"{action}: {len(done)} file(s) converted; the journal is {'encrypted' if encrypted else 'not encrypted'}.",
              file=sys.stderr)


def cmd_encrypt(args, paths, settings) -> int:
    _report(args, "encrypt", encrypt_journal(paths, settings), True)
    return 0


def cmd_decrypt(args, paths, settings) -> int:
    _report(args, "decrypt", decrypt_journal(paths, settings), False)
    return 0


def cmd_passphrase(args, paths, settings) -> int:
    check_encrypted(paths)
    old = read_passphrase(settings, "Current passphrase: ")
    new = os.environ.get(NEW_PASSPHRASE_ENV)
    if new is None and not sys.stdin.isatty():
        raise UserError(f"give the new passphrase in {NEW_PASSPHRASE_ENV}, or run this from a terminal")
    if new is None:
        new = ask_passphrase("New passphrase: ", confirm=True)
    change_journal_passphrase(paths, old, new)
    if args.json:
        print_json({"action": "passphrase", "changed": True})
    else:
        print("The passphrase was changed; the journal itself was not rewritten.", file=sys.stderr)
    return 0
