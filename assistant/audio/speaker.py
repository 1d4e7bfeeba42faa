"""Audio out: a sounddevice speaker.

It is a *sink* with ``play(chunk)`` and ``play_all(chunks)`` (its in-memory
twin for tests is ``tests.fakes.FakeSpeaker``). The speaker keeps one output
stream open at a fixed rate and converts what it is given, so every utterance
and earcon goes out the same way.
"""
from __future__ import annotations

import time
from typing import Iterable

from assistant.audio.chunks import AudioChunk, convert_rate
from assistant.errors import UserError
from assistant.audio.devices import device_hint, portaudio
from assistant.audio.mic import _device

OUTPUT_RATE_HZ = 22050
"""espeak-ng's own rate: speech needs no conversion."""
DRAIN_MARGIN_S = 0.1
"""How much longer than its buffer takes to play the speaker waits for it to empty (a device whose
buffer never reads as empty, or that stalls, is stopped then: what it held has been played)."""
DRAIN_POLL_S = 0.005


class Speaker:
    """Plays each piece of audio and drains it: the stream is idle in between.

    An output stream left running between utterances underruns over and
    over while the next sentence is synthesized; stopping it after each
    piece avoids that, and the lead-in silence covers the moment a stream
    takes to start again. PortAudio's ALSA stop does not drain: it drops
    what is still in the device's buffer (the end of every sentence), so
    the speaker first waits until the buffer has emptied.
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
        self._capacity: int | None = None
        self.samples_played = 0

    def play(self, chunk: AudioChunk) -> None:
        self.play_all([chunk])

    def play_all(self, chunks: Iterable[AudioChunk]) -> None:
        """One piece of audio given as a stream of chunks (a recording read from disk): the
        stream runs through all of them, so nothing is cut between two chunks."""
        try:
            self._stream.start()
            try:
                if self._capacity is None:
                    self._capacity = self._stream.write_available  # a stream just started holds nothing
                for chunk in chunks:
                    chunk = convert_rate(chunk, self.rate_hz)
                    self._stream.write(chunk.pcm)
                    self.samples_played += chunk.samples
                self._wait_until_played()
            finally:  # also when reading the chunks failed, or Ctrl+C: the next piece starts a stopped stream
                self._stream.stop()
        except self._sd.PortAudioError as exc:
            raise UserError(f"the speaker stopped working ({exc}); check it is connected") from None

    def _wait_until_played(self) -> None:
        """Until the device's buffer is empty again, or for as long as a full buffer takes to play."""
        deadline = time.monotonic() + self._capacity / self.rate_hz + DRAIN_MARGIN_S
        while self._stream.write_available < self._capacity and time.monotonic() < deadline:
            time.sleep(DRAIN_POLL_S)

    def close(self) -> None:
        try:
            self._stream.stop()
            self._stream.close()
        except Exception:
            pass
