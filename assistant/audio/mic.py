"""Audio in: a sounddevice microphone, and a WAV file that behaves like one.

Both are *ears*: ``with ear.listening() as chunks`` yields AudioChunks at the
rate asked for. The microphone is stopped between listening moments, so the
assistant never hears itself speak.

The PortAudio callback only queues chunks: decoding there overflows the
input on a Pi. The queue is bounded and the callback waits when it is full,
which never happens in real time but keeps a faster-than-real-time device
(a file, in tests) from running ahead and losing audio.
"""
from __future__ import annotations

import contextlib
import itertools
import queue
import threading
from typing import Iterator

from assistant.audio.chunks import AudioChunk, Resampler, read_wav, silence
from assistant.audio.devices import device_hint, portaudio
from assistant.errors import UserError

QUEUE_SECONDS = 30.0
GET_TIMEOUT_S = 5.0
"""No chunk for this long (wall time) means the microphone is gone."""


class MicrophoneLost(UserError):
    exit_code = 4


def _device(value: str):
    if not value:
        return None
    return int(value) if value.isdigit() else value


class Microphone:
    """A sounddevice input stream, opened once, started while listening."""

    def __init__(self, rate_hz: int = 16000, device: str = "", chunk_s: float = 0.1, device_rate_hz: int = 0):
        sd = portaudio()  # hardware at the edge: PortAudio loads here, a broken ALSA setup is one line
        self._sd = sd
        self.rate_hz = rate_hz
        self.chunk_s = chunk_s
        self._stopping = threading.Event()
        self._status: list[str] = []
        try:
            info = sd.query_devices(_device(device), "input")
        except (ValueError, sd.PortAudioError) as exc:
            raise UserError(
                f"no microphone found ({exc}); plug one in, or pick one from 'voice-journal devices' with --input-device"
                + device_hint(device)
            ) from None
        self.device_name = info["name"]
        device_rate = device_rate_hz or rate_hz
        try:
            sd.check_input_settings(_device(device), samplerate=device_rate, channels=1, dtype="int16")
        except sd.PortAudioError:  # 44.1/48 kHz-only USB microphones
            device_rate = int(info["default_samplerate"])
        self.device_rate_hz = device_rate
        self._resample = Resampler(device_rate, rate_hz)
        blocksize = max(1, int(device_rate * chunk_s))
        self._queue: queue.Queue = queue.Queue(maxsize=max(1, int(QUEUE_SECONDS / chunk_s)))
        try:
            self._stream = sd.InputStream(
                samplerate=device_rate, channels=1, dtype="int16", blocksize=blocksize,
                device=_device(device), callback=self._callback,
            )
        except sd.PortAudioError as exc:
            raise UserError(f"cannot open the microphone '{self.device_name}' ({exc}); check 'voice-journal devices'") from None

    def _callback(self, indata, frames, time_info, status) -> None:
        if status:
            self._status.append(str(status))
        chunk = indata[:, 0].copy()
        while True:
            if self._stopping.is_set():
                self._queue.queue.append(chunk)  # the last chunk is kept, never blocks
                return
            try:
                self._queue.put(chunk, timeout=0.02)
                return
            except queue.Full:
                continue

    @contextlib.contextmanager
    def listening(self) -> Iterator[Iterator[AudioChunk]]:
        self._stopping.clear()
        try:
            self._stream.start()
        except self._sd.PortAudioError as exc:
            raise MicrophoneLost(f"the microphone stopped working ({exc}); plug it back in and start again") from None
        try:
            yield self._chunks()
        finally:
            self._stopping.set()
            with contextlib.suppress(Exception):
                self._stream.stop()

    def _chunks(self) -> Iterator[AudioChunk]:
        while True:
            try:
                data = self._queue.get(timeout=GET_TIMEOUT_S)
            except queue.Empty:
                raise MicrophoneLost(
                    "the microphone stopped sending sound (unplugged?); plug it back in and start again"
                ) from None
            yield self._resample(AudioChunk.from_array(data, self.device_rate_hz))

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._stream.close()


class WavEar:
    """A WAV file as a microphone: successive listening moments read on.

    When the file runs out it yields silence, like a quiet room.
    """

    def __init__(self, path, rate_hz: int = 16000, chunk_s: float = 0.1):
        self.rate_hz = rate_hz
        self.chunk_s = chunk_s
        chunks = read_wav(path, chunk_s)
        first = next(chunks, None)
        self._rate_in = first.rate_hz if first else rate_hz
        resampler = Resampler(self._rate_in, rate_hz)
        self._iter = resampler.resample_all(itertools.chain([first] if first else [], chunks))

    @contextlib.contextmanager
    def listening(self) -> Iterator[Iterator[AudioChunk]]:
        yield self._chunks()

    def _chunks(self) -> Iterator[AudioChunk]:
        for chunk in self._iter:
            yield chunk
        quiet = silence(int(self.rate_hz * self.chunk_s) / self.rate_hz, self.rate_hz)
        while True:
            yield quiet

    def close(self) -> None:
        pass

