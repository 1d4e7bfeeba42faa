"""Settings: one frozen dataclass, built in one place.

Each value comes from the built-in default, then the TOML config file, then
environment variables (``VOICE_JOURNAL_<NAME>``), then command-line flags;
:func:`load_settings` also says where each value came from.
"""
from __future__ import annotations

import dataclasses
import json
import math
import os
import tempfile
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from assistant.errors import UserError


@dataclass(frozen=True)
class Settings:
    language: str = field(default="en", metadata={"doc": "language code of prompts, voice and model (en, ko)"})
    prompts_per_session: int = field(default=4, metadata={"doc": "prompts in one evening (3 to 5)"})
    silence_s: float = field(default=3.0, metadata={"doc": "silence that ends an answer (seconds of audio)"})
    no_answer_s: float = field(default=20.0, metadata={"doc": "silence before anything is said that skips a prompt (seconds)"})
    max_answer_s: float = field(default=600.0, metadata={"doc": "longest answer kept (seconds)"})
    silence_threshold_db: float = field(default=-45.0, metadata={"doc": "level under which audio counts as silence (dBFS)"})
    ask_anything_more: bool = field(default=True, metadata={"doc": "after a silence, ask 'Anything more?' before ending an answer"})
    name_feelings: str = field(default="once", metadata={"doc": "ask to name the feeling after an answer: once (the first answer), every, or off"})
    country: str = field(default="", metadata={"doc": "country code for crisis help lines (US, UK, IE, CA, AU, KR); empty uses the language's default"})
    on_this_day: bool = field(default=False, metadata={"doc": "at the start of a session, recall an answer from a week, a month or a year ago"})
    confirm_wake: bool = field(default=True, metadata={"doc": "after the wake phrase, ask 'Shall we reflect?' and start only on a spoken yes"})
    evening_time: str = field(default="21:00", metadata={"doc": "when the evening timer asks 'Would you like to reflect now?' (HH:MM; used by install-service)"})
    keep_audio: bool = field(default=True, metadata={"doc": "keep each answer's audio as a WAV file"})
    voice: str = field(default="", metadata={"doc": "espeak-ng voice; empty means the language's default"})
    speech_rate_wpm: int = field(default=150, metadata={"doc": "speaking rate (words per minute)"})
    volume: float = field(default=0.9, metadata={"doc": "speaking volume (0.0 to 1.0)"})
    lead_in_s: float = field(default=0.25, metadata={"doc": "silence before each utterance, so HDMI/Bluetooth outputs do not clip it (seconds)"})
    input_device: str = field(default="", metadata={"doc": "microphone name or index; empty means the system default"})
    input_rate_hz: int = field(default=0, metadata={"doc": "rate to open the microphone at (hertz); 0 tries the model's rate, then the device's own"})
    output_device: str = field(default="", metadata={"doc": "speaker name or index; empty means the system default"})
    model: str = field(default="", metadata={"doc": "Vosk model name or folder; empty means the language's default"})
    passphrase_file: str = field(default="", metadata={"doc": "file holding the passphrase of an encrypted journal (chmod 600); empty asks at the terminal"})
    replay_by_voice: str = field(default="pin", metadata={"doc": "'play my last entry' by voice: pin (only after the spoken PIN set with 'voice-journal pin set'), on (anyone in the room), or off"})

    def replace(self, **changes: Any) -> "Settings":
        return dataclasses.replace(self, **changes)


def _coerce(name: str, kind: type, value: Any, where: str) -> Any:
    try:
        if kind is bool:
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in ("1", "true", "yes", "on"):
                return True
            if text in ("0", "false", "no", "off"):
                return False
            raise ValueError
        if kind is int and isinstance(value, float):
            raise ValueError
        if kind in (int, float) and isinstance(value, bool):
            raise ValueError
        result = kind(value)
    except (TypeError, ValueError):
        raise UserError(f"{where}: '{name}' must be a {kind.__name__}, not {value!r}") from None
    if kind is float and not math.isfinite(result):  # nan passes every '<=' check: silence would never end an answer
        raise UserError(f"{where}: '{name}' must be a finite number, not {value!r}")
    return result


def _types() -> dict[str, type]:
    return {f.name: type(f.default) for f in fields(Settings)}


CONFIG_BYTES_MAX = 1_000_000
"""A config file is a few lines; anything longer is not one (``/dev/urandom`` never ends)."""


def read_config_file(path: Path) -> dict[str, Any]:
    if (not path.exists() and not path.is_symlink()) or str(path) == os.devnull:
        return {}
    try:
        if not path.is_file():  # a device, a folder, a looping or dangling link: never read for ever, never ignored
            raise UserError(f"{path}: not a config file (a folder, a device or a broken link); "
                            "point VOICE_JOURNAL_CONFIG at a TOML file, or remove it to use the defaults")
        with open(path, "rb") as handle:
            raw = handle.read(CONFIG_BYTES_MAX + 1)
        if len(raw) > CONFIG_BYTES_MAX:
            raise UserError(f"{path}: too long for a config file (over {CONFIG_BYTES_MAX:,} bytes); "
                            "is it the right file?")
        data = tomllib.loads(raw.decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"{path}: {exc}; fix that line or delete the file to use the defaults") from None
    except UnicodeDecodeError as exc:
        raise UserError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8 or delete it to use the defaults") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot read the config file ({exc.strerror})") from None
    types = _types()
    for key in data:
        if key not in types:
            known = ", ".join(types)
            raise UserError(f"{path}: unknown setting '{key}'; known settings are: {known}")
    return data


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a TOML basic string


def remember_setting(config_file: Path, name: str, value: Any) -> bool:
    """Write ``name = value`` into the config file, unless it already sets
    ``name``; True when written. The one writer of the config file.

    The line is appended, so whatever the person wrote (comments included)
    stays as it was; the file is replaced whole, never left half-written."""
    types = _types()
    if name not in types:
        raise UserError(f"unknown setting '{name}'; known settings are: {', '.join(types)}")
    value = _coerce(name, types[name], value, name)
    if name in read_config_file(config_file):
        return False
    try:
        old = config_file.read_text(encoding="utf-8") if config_file.exists() else ""
        text = old + ("\n" if old and not old.endswith("\n") else "") + f"{name} = {_toml_value(value)}\n"
        config_file.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=config_file.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            if config_file.exists():
                os.chmod(temp, config_file.stat().st_mode & 0o777)
            os.replace(temp, config_file)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise UserError(f"cannot write the config file {config_file} ({exc.strerror}); "
                        f"add the line {name} = {_toml_value(value)} to it yourself") from None
    return True


def load_settings(config_file: Path, flags: dict[str, Any] | None = None) -> tuple[Settings, dict[str, str]]:
    """Build the effective settings and a map of where each value came from."""
    types = _types()
    values: dict[str, Any] = {}
    sources = {name: "default" for name in types}
    where = dict(sources)  # like sources, but naming the --flag itself, for messages
    for key, value in read_config_file(config_file).items():
        values[key] = _coerce(key, types[key], value, str(config_file))
        sources[key] = where[key] = str(config_file)
    for key in types:
        env = f"VOICE_JOURNAL_{key.upper()}"
        if env in os.environ:
            values[key] = _coerce(key, types[key], os.environ[env], env)
            sources[key] = where[key] = env
    for key, value in (flags or {}).items():
        if value is not None:
            where[key] = f"--{key.replace('_', '-')}"
            values[key] = _coerce(key, types[key], value, where[key])
            sources[key] = "command line"
    settings = Settings(**values)
    _check_ranges(settings, where)
    return settings, sources


RANGES: dict[str, tuple[float, float]] = {
    "prompts_per_session": (3, 5),
    "silence_s": (0.2, 60.0),
    "no_answer_s": (1.0, 600.0),
    "max_answer_s": (1.0, 14_400.0),
    "silence_threshold_db": (-100.0, 0.0),
    "speech_rate_wpm": (50, 450),
    "volume": (0.0, 1.0),
    "lead_in_s": (0.0, 5.0),
    "input_rate_hz": (0, 192_000),
}
"""Every number's documented range (inclusive; ``silence_s`` must be longer
than its lower end), checked when the settings are read, before any
device is touched: a value outside it cannot work (``volume = 50``), or
would wait for ever (``lead_in_s = 1e9``)."""
TEXT_LENGTH_MAX = 4096
"""The longest text setting (a voice, a device, a file name)."""


def _check_ranges(settings: Settings, where: dict[str, str]) -> None:
    """Refuse values of the right type that cannot work, naming where each came from."""
    def bad(name: str, rule: str) -> UserError:
        return UserError(f"{where[name]}: {name} must be {rule}, not {getattr(settings, name)!r}")

    for name, (low, high) in RANGES.items():
        value = getattr(settings, name)
        if name != "prompts_per_session" and not low <= value <= high:
            raise bad(name, f"from {low:g} to {high:g}")
    if 0 < settings.input_rate_hz < 8000:
        raise bad("input_rate_hz", "0 (automatic) or a rate from 8000 to 192000 hertz")
    for item in fields(Settings):
        value = getattr(settings, item.name)
        if isinstance(value, str) and (len(value) > TEXT_LENGTH_MAX or "\x00" in value):
            raise UserError(f"{where[item.name]}: {item.name} is not a usable text (too long, or a NUL byte in it)")

    if not 3 <= settings.prompts_per_session <= 5:
        raise bad("prompts_per_session", "3, 4 or 5")
    if settings.name_feelings not in ("once", "every", "off"):
        raise bad("name_feelings", "once, every or off")
    if settings.replay_by_voice not in ("off", "on", "pin"):
        raise bad("replay_by_voice", "off, on or pin")
    if settings.silence_s <= 0.2:
        raise bad("silence_s", "longer than 0.2 seconds")
