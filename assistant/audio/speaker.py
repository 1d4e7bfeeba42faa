"""Audio out: a sounddevice speaker.

It is a *sink* with ``play(chunk)`` (its in-memory twin for tests is
``tests.fakes.FakeSpeaker``). The speaker keeps one output stream open at a
fixed rate and converts what it is given, so every utterance and earcon goes
out the same way.
"""
from __future__ import annotations

from assistant.audio.chunks import AudioChunk, convert_rate
from assistant.errors import UserError
from assistant.audio.devices import device_hint, portaudio
from assistant.audio.mic import _device

OUTPUT_RATE_HZ = 22050
"""espeak-ng's own rate: speech needs no conversion."""


class Speaker:
    """Plays each piece of audio and drains it: the stream is idle in between.

    An output stream left running between utterances underruns over and
    over while the next sentence is synthesized; stopping it after each
    piece (which waits until everything was played) avoids that, and the
    lead-in silence covers the moment a stream takes to start again.
    """

    def __init__(self, device: str = "", rate_hz: int = OUTPUT_RATE_HZ):
        sd = portaudio()  # hardware at the edge: PortAudio loads here, a broken ALSA setup is one line

        self.rate_hz = rate_hz
        try:
            info = sd.query_devices(_device(device), "output")
            self._stream = sd.RawOutputStream(samplerate=rate_hz, channels=1, dtype="int16", device=_device(device))
        except (ValueError, sd.PortAudioError) as exc:
            raise UserError(
                f"no speaker found ({exc}); connect one, or pick one from 'voice-journal devices' with --output-device"
                + device_hint(device)
            ) from None
        self.device_name = info["name"]
        self._sd = sd
        self.samples_played = 0

    def play(self, chunk: AudioChunk) -> None:
        chunk = convert_rate(chunk, self.rate_hz)
        try:
            self._stream.start()
            self._stream.write(chunk.pcm)
            self._stream.stop()  # drains: returns once everything was played
        except self._sd.PortAudioError as exc:
            raise UserError(f"the speaker stopped working ({exc}); check it is connected") from None
        self.samples_played += chunk.samples

    def close(self) -> None:
        try:
            self._stream.stop()
            self._stream.close()
        except Exception:
            pass
