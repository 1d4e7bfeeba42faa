"""``voice-journal paths | config | devices``: where things live, what is set, what is plugged in."""
from __future__ import annotations

import sys
from dataclasses import asdict, fields

from assistant.cli.session import settings_flags
from assistant.audio.devices import device_hint, list_devices
from assistant.settings import load_settings
from assistant.jsonout import print_json as _emit_json


def register(subparsers, common) -> None:
    p = subparsers.add_parser("paths", parents=[common], help="show where the journal, audio, models and config live")
    p.set_defaults(handler=cmd_paths)
    p = subparsers.add_parser("config", parents=[common], help="show the effective settings and where each came from")
    p.set_defaults(handler=cmd_config)
    p = subparsers.add_parser("devices", parents=[common], help="list microphones and speakers")
    p.set_defaults(handler=cmd_devices)


def cmd_paths(args, paths, settings) -> int:
    if args.json:
        _emit_json(paths.as_dict())
    else:
        for key, value in paths.as_dict().items():
            print(f"{key:10} {value}")
    return 0


def cmd_config(args, paths, settings) -> int:
    _, sources = load_settings(paths.config_file, settings_flags(args))  # where each value came from
    values = asdict(settings)
    if args.json:
        _emit_json({k: {"value": v, "from": sources[k]} for k, v in values.items()})
        return 0
    for f in fields(settings):
        print(f"{f.name:22} {values[f.name]!s:24} ({sources[f.name]})  {f.metadata.get('doc', '')}")
    print(f"\nconfig file: {paths.config_file}", file=sys.stderr)
    return 0


def cmd_devices(args, paths, settings) -> int:
    devices = list_devices()
    if not devices and not args.json:
        print("no audio devices found: plug in a USB microphone and a speaker, then run 'aplay -l' and 'arecord -l'"
              + device_hint(""), file=sys.stderr)
        return 1
    if args.json:
        _emit_json(devices)
        return 0
    for d in devices:
        kinds = ", ".join(k for k, n in (("in", d["max_input_channels"]), ("out", d["max_output_channels"])) if n)
        print(f"{d['index']:3}  {d['name']:40} {kinds:8} {int(d['default_samplerate'])} Hz")
    return 0
