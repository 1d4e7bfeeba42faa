"""The sound devices PortAudio can see: what ``voice-journal devices`` lists.

PortAudio reads the ALSA configuration when it loads: a ``~/.asoundrc`` with
a syntax error makes loading fail, one whose default names a device that
does not exist leaves no device to open. Either is told in one line that
names the file and what to do, never as a traceback.
"""
from __future__ import annotations

from pathlib import Path

from assistant.errors import UserError


class AudioSystemBroken(UserError):
    """PortAudio cannot start: not installed, or ALSA cannot read its configuration."""

    exit_code = 3

    def __init__(self, message: str, fix: str):
        super().__init__(f"{message}; {fix}", exit_code=3)
        self.fix = fix


def alsa_config() -> Path | None:
    """The person's own ALSA configuration (``~/.asoundrc``), if there is one."""
    path = Path.home() / ".asoundrc"
    return path if path.exists() or path.is_symlink() else None


def portaudio():
    """The sounddevice module, loaded (PortAudio starts here, reading the ALSA configuration)."""
    try:
        import sounddevice as sd  # hardware at the edge: PortAudio loads only when audio is needed
    except OSError as exc:
        raise AudioSystemBroken(f"PortAudio is missing ({exc})", "run 'sudo apt-get install libportaudio2'") from None
    except Exception as exc:  # sounddevice.PortAudioError from Pa_Initialize: the module never finished loading
        config = alsa_config()
        where = (f"{_home_relative(config)} (the ALSA configuration)" if config
                 else "the ALSA configuration (/etc/asound.conf)")
        move = f" or move it aside (mv {_home_relative(config)} {_home_relative(config)}.broken)" if config else ""
        raise AudioSystemBroken(f"the audio system could not start ({_first_line(exc)}): {where} has an error",
                                f"fix it{move}, then check with 'aplay -L'") from None
    return sd


def device_hint(device: str) -> str:
    """What to add when the *default* device cannot be found: ``~/.asoundrc`` may name one that is not there."""
    config = alsa_config()
    if device or config is None:
        return ""
    return (f"; {_home_relative(config)} sets the default device: check the device it names exists "
            "('aplay -L', 'arecord -L') or move the file aside")


def list_devices() -> list[dict]:
    """Each device as a plain dict (index, name, channels, default rate)."""
    sd = portaudio()
    return [dict(d) for d in sd.query_devices()]


def _home_relative(path: Path) -> str:
    try:
        return "~/" + path.relative_to(Path.home()).as_posix()
    except ValueError:
        return str(path)


def _first_line(exc: BaseException) -> str:
    """PortAudio's message without its codes ("Error initializing PortAudio")."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0].split(":")[0]
