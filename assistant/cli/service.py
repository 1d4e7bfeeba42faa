"""``voice-journal install-service | uninstall-service``: the systemd user units."""
from __future__ import annotations

import sys

from assistant.app.service import (BACKUP_AT, BACKUP_TIMER, STANDBY_UNIT, WEB_UNIT, enabled_units, install, parse_at,
                                   require_model, uninstall)
from assistant.jsonout import print_json


def _emit(args, data: dict) -> None:
    if args.json:
        print_json(data)


def cmd_install(args, paths, settings) -> int:
    when = args.at or settings.evening_time
    at = parse_at(when)
    require_model(settings.language, settings.model, paths)  # the configured language, unless --lang says otherwise
    outcome = install(settings.language, at, web=args.web, lan=args.lan, backup=args.backup)
    _emit(args, {"unit_dir": str(outcome.unit_dir), "files": outcome.files, "at": at, "language": settings.language,
                 "enabled": outcome.enabled, "reason": outcome.reason, "notes": outcome.notes})
    for path in outcome.files:
        print(f"wrote {path}", file=sys.stderr)
    if outcome.enabled:
        print(f"voice-journal now waits for the wake phrase, and asks every evening at {at} "
              f"(systemctl --user status {STANDBY_UNIT})", file=sys.stderr)
    else:
        print(f"{outcome.reason}: to enable them later, run: systemctl --user daemon-reload && "
              f"systemctl --user enable --now {' '.join(enabled_units(args.web, bool(args.backup)))}", file=sys.stderr)
    if args.web:
        print(f"the journal's page runs as {WEB_UNIT}; its login link: journalctl --user -u {WEB_UNIT} -n 5",
              file=sys.stderr)
    if args.backup:
        print(f"the journal is backed up every night at {BACKUP_AT} to {args.backup} ({BACKUP_TIMER}); "
              "a backup that cannot run is said at the next evening", file=sys.stderr)
    for note in outcome.notes:
        print(note, file=sys.stderr)
    return 0


def cmd_uninstall(args, paths, settings) -> int:
    outcome = uninstall()
    _emit(args, {"unit_dir": str(outcome.unit_dir), "removed": outcome.files, "disabled": outcome.enabled,
                 "reason": outcome.reason})
    for path in outcome.files:
        print(f"removed {path}", file=sys.stderr)
    if not outcome.files:
        print(f"no voice-journal units in {outcome.unit_dir}; nothing to remove", file=sys.stderr)
    return 0


def register(subparsers, common) -> None:
    p = subparsers.add_parser("install-service", parents=[common],
                              help="start the hands-free standby at login and ask every evening (systemd user units)")
    p.add_argument("--at", default=None, metavar="HH:MM",
                   help="when to ask 'Would you like to reflect now?' (24-hour; default: evening_time in the config, 21:00)")
    p.add_argument("--web", action="store_true", help="also keep the journal's private web page running ('voice-journal web')")
    p.add_argument("--lan", action="store_true", help="with --web: serve the page to the local network too (login still needed)")
    p.add_argument("--backup", default=None, metavar="DIR",
                   help=f"also back up the journal and recordings into DIR (a USB stick) every night at {BACKUP_AT}")
    p.set_defaults(handler=cmd_install)
    p = subparsers.add_parser("uninstall-service", parents=[common], help="stop and remove the systemd user units")
    p.set_defaults(handler=cmd_uninstall)
