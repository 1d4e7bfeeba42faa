"""The ``voice-journal`` command: a thin shell over the library.

Each command group lives in its own module (``COMMAND_MODULES``), which adds
its parser and handler; this module only builds the parser, loads the
settings and turns a problem the person can fix into one line, never a
traceback. Data goes to stdout (``--json`` for scripts); messages for
people go to stderr.
"""
from __future__ import annotations

import argparse
import faulthandler
import importlib
import sys

from assistant import __version__
from assistant.cli.session import cmd_session, session_options, settings_flags
from assistant.errors import UserError
from assistant.language.packs import load_language
from assistant.paths import default_paths
from assistant.settings import load_settings

DESCRIPTION = "An offline, hands-free evening reflection journal. With no command, starts an evening session."

COMMAND_MODULES: tuple[str, ...] = (
    "assistant.cli.session", "assistant.cli.info", "assistant.cli.models", "assistant.cli.tag",
    "assistant.cli.review", "assistant.cli.replay", "assistant.cli.importing", "assistant.cli.chart",
    "assistant.cli.retag", "assistant.cli.standby", "assistant.cli.service", "assistant.cli.doctor",
    "assistant.cli.encryption", "assistant.cli.web", "assistant.cli.pin", "assistant.cli.backup")
"""Modules that add their own commands, in the order ``--help`` lists them: each has
``register(subparsers, common)``, which adds a parser whose ``handler`` default
is ``handler(args, paths, settings) -> int``."""


def _common(top: bool) -> argparse.ArgumentParser:
    """Options every command takes, before or after the command's name.

    The copy given to subcommands has no defaults, so it cannot overwrite a
    value given before the command name (``voice-journal --lang ko paths``).
    """
    common = argparse.ArgumentParser(add_help=False)
    unset = {} if top else {"default": argparse.SUPPRESS}
    common.add_argument("--lang", help="language: en or ko (default: from the config, else en)", **unset)
    common.add_argument("--json", action="store_true", help="print machine-readable JSON on stdout", **unset)
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="voice-journal", description=DESCRIPTION, parents=[_common(top=True)])
    parser.add_argument("--version", action="version", version=f"voice-journal {__version__}")
    session_options(parser, top=True)
    parser.set_defaults(handler=cmd_session)  # no command: an evening
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = _common(top=False)
    for module in COMMAND_MODULES:
        importlib.import_module(module).register(sub, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    if hasattr(sys.stderr, "reconfigure"):  # a message must reach the person whatever the terminal's encoding
        sys.stderr.reconfigure(errors="backslashreplace")
    if not faulthandler.is_enabled():
        try:  # a crash in a native library (Vosk, PortAudio, espeak) leaves where it was in the log
            faulthandler.enable()
        except (AttributeError, ValueError, OSError):  # a stderr with no file behind it
            pass
    args = build_parser().parse_args(argv)
    try:
        paths = default_paths()
        settings, _ = load_settings(paths.config_file, settings_flags(args))
        load_language(settings.language)  # an unknown language fails here, for every command
        return args.handler(args, paths, settings)
    except UserError as exc:
        print(f"voice-journal: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("voice-journal: stopped.", file=sys.stderr)
        return 130
    except UnicodeEncodeError as exc:
        if exc.encoding.replace("-", "").lower() == "utf8":
            raise
        print(f"voice-journal: the output's encoding ({exc.encoding}) cannot show this text; "
              "use a UTF-8 locale (LANG=C.UTF-8) or PYTHONIOENCODING=utf-8", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into 'head' and the like
        sys.stderr.close()
        return 0
