"""``voice-journal tag TEXT``: the feelings and themes found in a text."""
from __future__ import annotations

from assistant.language.tagging import add_tag_parser, cli_tag


def register(subparsers, common) -> None:
    add_tag_parser(subparsers, [common]).set_defaults(handler=cmd_tag)


def cmd_tag(args, paths, settings) -> int:
    return cli_tag(args, settings.language)
