"""``voice-journal backup DIR | backup --check DIR | restore DIR``: a second copy, and getting it back.

The work is in :mod:`assistant.journal.backup` and :mod:`assistant.journal.restore`;
this module asks for passphrases, shows progress on stderr and says the
result. A backup that fails leaves a marker the next evening says aloud
(:mod:`assistant.app.backup_notice`); one that succeeds removes it.
"""
from __future__ import annotations

import sys
import time

from assistant.app.backup_notice import clear_failure, record_failure
from assistant.errors import UserError
from assistant.journal.backup import check_backup, write_backup
from assistant.journal.passphrase import ask_passphrase
from assistant.journal.restore import describe, restore_backup
from assistant.journal.vault import is_encrypted
from assistant.jsonout import print_json

LOCK_WAIT_S = 600.0
"""How long a backup waits for an evening that is writing to the journal."""


def _ask():
    """Asking at the terminal, when there is one (else the environment variable must say it)."""
    return ask_passphrase if sys.stdin.isatty() else None


def _progress(verb: str):
    started = time.monotonic()

    def show(done: int, total: int, written: int) -> None:
        print(f"{verb}: {done}/{total} files, {written / 1e6:.0f} MB written, {time.monotonic() - started:.0f} s",
              file=sys.stderr, flush=True)

    return show


def _waiting() -> None:
    print("waiting for the evening to finish writing to the journal...", file=sys.stderr, flush=True)


def cmd_backup(args, paths, settings) -> int:
    if args.check:
        return _check(args)
    if args.encrypt and is_encrypted(paths.journal_dir):  # a mistake in the command, not a failed backup
        raise UserError("the journal is encrypted, so its backup is already sealed with the journal's key; "
                        "leave out --encrypt")
    try:
        result = write_backup(paths, args.folder, encrypt=args.encrypt, ask_passphrase=_ask(),
                              progress=_progress("backup"), wait_s=LOCK_WAIT_S, waiting=_waiting)
    except UserError as exc:
        record_failure(paths, args.folder, getattr(exc, "kind", "failed"), str(exc))
        raise
    clear_failure(paths)
    if args.json:
        print_json(result.as_dict())
    else:
        print(f"backed up {result.files} files ({result.bytes_total / 1e6:.1f} MB) to {result.folder}: "
              f"{result.copied} new or changed copied ({result.bytes_written / 1e6:.1f} MB) and read back"
              f"{'; sealed' if result.encryption != 'none' else ''}.", file=sys.stderr)
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    return 0


def _check(args) -> int:
    result = check_backup(args.folder, progress=_progress("check"))
    if args.json:
        print_json(result.as_dict())
    if result.bad:
        shown = ", ".join(result.bad[:5]) + (f" and {len(result.bad) - 5} more" if len(result.bad) > 5 else "")
        print(f"voice-journal: the backup in {result.folder} is damaged: {len(result.bad)} of {result.files} "
              f"file(s) bad: {shown}; make a new backup into another folder", file=sys.stderr)
        return 1
    if not args.json:
        print(f"the backup in {result.folder} is complete: {result.files} files ({result.bytes / 1e6:.1f} MB) "
              f"checked, made {result.created}.", file=sys.stderr)
    return 0


def cmd_restore(args, paths, settings) -> int:
    result = restore_backup(paths, args.folder, force=args.force, ask_passphrase=_ask(),
                            progress=_progress("restore"))
    if args.json:
        print_json(result.as_dict())
    else:
        print(f"restored {result.files} files ({result.bytes / 1e6:.1f} MB) from {result.folder} "
              f"(backup of {result.created}) into {paths.data_dir}.", file=sys.stderr)
        if result.changes is not None:
            print(f"changed: {describe(result.changes)}; the journal that was there is kept in {result.kept_in}",
                  file=sys.stderr)
    return 0


def register(subparsers, common) -> None:
    p = subparsers.add_parser("backup", parents=[common],
                              help="copy the journal and every recording into a folder (a USB stick): "
                                   "only what changed")
    p.add_argument("folder", metavar="DIR", help="where to keep the backup (it goes into DIR/voice-journal-backup)")
    p.add_argument("--encrypt", action="store_true",
                   help="seal a plain journal's backup with a passphrase of its own (asked twice, or "
                        "VOICE_JOURNAL_BACKUP_PASSPHRASE)")
    p.add_argument("--check", action="store_true",
                   help="verify the backup in DIR (every file's checksum); change nothing")
    p.set_defaults(handler=cmd_backup)
    p = subparsers.add_parser("restore", parents=[common],
                              help="bring the journal and its recordings back from a backup, bit for bit")
    p.add_argument("folder", metavar="DIR", help="the folder holding the backup")
    p.add_argument("--force", action="store_true",
                   help="replace the journal that is there (it is moved aside, not deleted)")
    p.set_defaults(handler=cmd_restore)
