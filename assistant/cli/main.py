"""The ``voice-journal`` command: a thin shell over the library.

Data goes to stdout (``--json`` for scripts); messages for people go to
stderr. A problem the person can fix is one line, never a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import json
import sys
from typing import Any, Callable

from assistant import __version__
from assistant.errors import UserError

DESCRIPTION = "An offline, hands-free evening reflection journal. With no command, starts an evening session."


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


def _session_options(parser: argparse.ArgumentParser, top: bool) -> None:
    unset = {} if top else {"default": argparse.SUPPRESS}
    parser.add_argument("--prompts", type=int, dest="prompts_per_session", help="prompts tonight (3 to 5; default 4)", **unset)
    parser.add_argument("--silence", type=float, dest="silence_s", help="seconds of silence that end an answer (default 3)", **unset)
    parser.add_argument("--no-audio", action="store_const", const=False, dest="keep_audio",
                        help="do not keep the audio of answers, only the transcripts", **unset)
    parser.add_argument("--input-device", help="microphone name or number (see 'voice-journal devices')", **unset)
    parser.add_argument("--output-device", help="speaker name or number (see 'voice-journal devices')", **unset)
    parser.add_argument("--model", help="Vosk model name or folder (default: the language's model)", **unset)
    parser.add_argument("--voice", help="espeak-ng voice (default: the language's voice)", **unset)


def build_parser() -> argparse.ArgumentParser:
    common = _common(top=False)
    parser = argparse.ArgumentParser(prog="voice-journal", description=DESCRIPTION, parents=[_common(top=True)])
    parser.add_argument("--version", action="version", version=f"voice-journal {__version__}")
    _session_options(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("session", parents=[common], help="start an evening session (the default)")
    _session_options(p, top=False)
    sub.add_parser("paths", parents=[common], help="show where the journal, audio, models and config live")
    sub.add_parser("config", parents=[common], help="show the effective settings and where each came from")
    sub.add_parser("devices", parents=[common], help="list microphones and speakers")
    p = sub.add_parser("models", parents=[common], help="list speech models, or download one")
    p.add_argument("action", nargs="?", choices=["list", "download"], default="list")
    p.add_argument("name", nargs="?", help="model name from the catalogue (default: the language's model)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    from assistant.language.tagging import add_tag_parser

    add_tag_parser(sub, [common])
    for module in COMMAND_MODULES:
        importlib.import_module(module).register(sub, common)
    return parser


COMMAND_MODULES: tuple[str, ...] = (
    "assistant.journal.review", "assistant.conversation.replay", "assistant.app.importing", "assistant.render.chart",
    "assistant.app.retag", "assistant.app.standby", "assistant.app.service", "assistant.app.doctor",
    "assistant.app.encryption")
"""Modules that add their own commands: each has ``register(subparsers, common)``,
which adds a parser whose ``handler`` default is ``handler(args, paths, settings) -> int``."""


def _flags(args: argparse.Namespace) -> dict[str, Any]:
    names = ("prompts_per_session", "silence_s", "keep_audio", "input_device", "output_device", "model", "voice")
    flags = {name: getattr(args, name, None) for name in names}
    flags["language"] = args.lang
    return flags


def _emit_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def cmd_paths(args, paths, settings, sources) -> int:
    if args.json:
        _emit_json(paths.as_dict())
    else:
        for key, value in paths.as_dict().items():
            print(f"{key:10} {value}")
    return 0


def cmd_config(args, paths, settings, sources) -> int:
    from dataclasses import asdict, fields

    values = asdict(settings)
    if args.json:
        _emit_json({k: {"value": v, "from": sources[k]} for k, v in values.items()})
        return 0
    for f in fields(settings):
        print(f"{f.name:22} {values[f.name]!s:24} ({sources[f.name]})  {f.metadata.get('doc', '')}")
    print(f"\nconfig file: {paths.config_file}", file=sys.stderr)
    return 0


def cmd_devices(args, paths, settings, sources) -> int:
    try:
        import sounddevice as sd
    except OSError as exc:
        raise UserError(f"PortAudio is missing ({exc}); run 'sudo apt-get install libportaudio2'", exit_code=3) from None
    devices = [dict(d) for d in sd.query_devices()]
    if not devices and not args.json:
        print("no audio devices found: plug in a USB microphone and a speaker, then run 'aplay -l' and 'arecord -l'",
              file=sys.stderr)
        return 1
    if args.json:
        _emit_json(devices)
        return 0
    for d in devices:
        kinds = ", ".join(k for k, n in (("in", d["max_input_channels"]), ("out", d["max_output_channels"])) if n)
        print(f"{d['index']:3}  {d['name']:40} {kinds:8} {int(d['default_samplerate'])} Hz")
    return 0


def cmd_models(args, paths, settings, sources) -> int:
    from assistant.speech import models

    args.lang = settings.language
    return models.cli_models(args, paths)


def cmd_session(args, paths, settings, sources) -> int:
    from assistant.app.evening import run_evening
    from assistant.app.standby import hand_to_standby

    if hand_to_standby(paths, json_events=args.json):  # the standby has the microphone: it asks instead
        return 0

    return run_evening(paths, settings, json_events=args.json)


def cmd_tag(args, paths, settings, sources) -> int:
    from assistant.language.tagging import cli_tag

    return cli_tag(args, settings.language)


COMMANDS: dict[str, Callable[..., int]] = {
    "tag": cmd_tag,
    "session": cmd_session,
    "paths": cmd_paths,
    "config": cmd_config,
    "devices": cmd_devices,
    "models": cmd_models,
}


def main(argv: list[str] | None = None) -> int:
    from assistant.paths import default_paths
    from assistant.settings import load_settings

    args = build_parser().parse_args(argv)
    try:
        paths = default_paths()
        settings, sources = load_settings(paths.config_file, _flags(args))
        from assistant.language.packs import load_language

        load_language(settings.language)  # an unknown language fails here, for every command
        if getattr(args, "handler", None):
            return args.handler(args, paths, settings)
        return COMMANDS[args.command or "session"](args, paths, settings, sources)
    except UserError as exc:
        print(f"voice-journal: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("voice-journal: stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into 'head' and the like
        sys.stderr.close()
        return 0
