"""The sound devices PortAudio can see: what ``voice-journal devices`` lists."""
from __future__ import annotations

from assistant.errors import UserError


def list_devices() -> list[dict]:
    """Each device as a plain dict (index, name, channels, default rate)."""
    try:
        import sounddevice as sd  # hardware at the edge: PortAudio loads only when devices are asked for
    except OSError as exc:
        raise UserError(f"PortAudio is missing ({exc}); run 'sudo apt-get install libportaudio2'", exit_code=3) from None
    return [dict(d) for d in sd.query_devices()]
