"""Audio as a stream of chunks: the one currency every stage trades in.

A microphone and a WAV file both yield :class:`AudioChunk`; a speaker and a
WAV file both take them. Nothing here touches hardware.
"""
from __future__ import annotations

import os
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from assistant.errors import UserError
from assistant.paths import sync_folder

if TYPE_CHECKING:
    import numpy as np

SAMPLE_WIDTH = 2  # bytes: everything inside the pipeline is 16-bit signed PCM


@dataclass(frozen=True)
class AudioChunk:
    """A piece of mono 16-bit PCM audio."""

    pcm: bytes
    rate_hz: int
    """Sample rate (hertz)."""

    @property
    def samples(self) -> int:
        return len(self.pcm) // SAMPLE_WIDTH

    @property
    def seconds(self) -> float:
        return self.samples / self.rate_hz

    def array(self) -> np.ndarray:
        import numpy as np  # late: numpy takes 0.1-0.3 s to import; commands with no audio never need it

        return np.frombuffer(self.pcm, dtype="<i2")

    @classmethod
    def from_array(cls, samples: np.ndarray, rate_hz: int) -> "AudioChunk":
        import numpy as np  # late, as in array()

        return cls(np.asarray(samples, dtype="<i2").tobytes(), rate_hz)


def silence(seconds: float, rate_hz: int) -> AudioChunk:
    return AudioChunk(b"\x00\x00" * int(round(seconds * rate_hz)), rate_hz)


def tone(freq_hz: float, seconds: float, rate_hz: int, volume: float = 0.3) -> AudioChunk:
    """A soft sine tone with short fades, used as the 'your turn' earcon."""
    import numpy as np  # late, as in AudioChunk.array()

    n = int(seconds * rate_hz)
    t = np.arange(n) / rate_hz
    wave_ = np.sin(2 * np.pi * freq_hz * t)
    fade = min(n // 4, int(0.01 * rate_hz))
    if fade:
        ramp = np.linspace(0.0, 1.0, fade)
        wave_[:fade] *= ramp
        wave_[-fade:] *= ramp[::-1]
    return AudioChunk.from_array(wave_ * volume * 32767, rate_hz)


def join(chunks: Iterable[AudioChunk]) -> AudioChunk:
    chunks = list(chunks)
    if not chunks:
        raise ValueError("nothing to join")
    rate = chunks[0].rate_hz
    if any(c.rate_hz != rate for c in chunks):
        raise ValueError("chunks have different rates")
    return AudioChunk(b"".join(c.pcm for c in chunks), rate)


def to_mono_int16(data: np.ndarray) -> np.ndarray:
    """Mix any channel count and sample type down to mono int16."""
    import numpy as np  # late, as in AudioChunk.array()

    if data.dtype.kind == "f":
        data = np.clip(data, -1.0, 1.0) * 32767.0
    elif data.dtype == np.uint8:
        data = (data.astype(np.int16) - 128) * 256
    elif data.dtype.itemsize == 4 and data.dtype.kind == "i":
        data = data.astype(np.int64) >> 16
    if data.ndim == 2:
        data = data.astype(np.float64).mean(axis=1) if data.shape[1] > 1 else data[:, 0]
    return np.asarray(np.round(data) if data.dtype.kind == "f" else data).astype("<i2")


class Resampler:
    """Streaming sample-rate conversion (soxr), for 44.1/48 kHz microphones.

    Chunks at ``to_hz`` pass through untouched, so the common case costs
    nothing.
    """

    def __init__(self, from_hz: int, to_hz: int):
        self.from_hz, self.to_hz = from_hz, to_hz
        self._stream = None
        if from_hz != to_hz:
            import soxr  # only needed when rates differ

            self._stream = soxr.ResampleStream(from_hz, to_hz, 1, dtype="int16", quality="HQ")

    def __call__(self, chunk: AudioChunk, last: bool = False) -> AudioChunk:
        if self._stream is None:
            return chunk
        out = self._stream.resample_chunk(chunk.array(), last=last)
        return AudioChunk.from_array(out, self.to_hz)

    def resample_all(self, chunks: Iterable[AudioChunk]) -> Iterator[AudioChunk]:
        for chunk in chunks:
            yield self(chunk)
        if self._stream is not None:
            import numpy as np  # late, as in AudioChunk.array()

            tail = self._stream.resample_chunk(np.zeros(0, dtype=np.int16), last=True)
            if len(tail):
                yield AudioChunk.from_array(tail, self.to_hz)


def convert_rate(chunk: AudioChunk, to_hz: int) -> AudioChunk:
    """A whole chunk at another rate (one-shot, for speech and earcons)."""
    if chunk.rate_hz == to_hz:
        return chunk
    return join(Resampler(chunk.rate_hz, to_hz).resample_all([chunk]))


def read_wav(path: str | os.PathLike, chunk_s: float = 0.1) -> Iterator[AudioChunk]:
    """Yield a WAV file as mono 16-bit chunks at the file's own rate.

    8-bit, 24/32-bit and multi-channel files are converted; anything that is
    not a PCM WAV gets a :class:`UserError` saying so.
    """
    import numpy as np  # late, as in AudioChunk.array()

    path = Path(path)
    try:
        reader = wave.open(str(path), "rb")
    except FileNotFoundError:
        raise UserError(f"{path}: no such file.") from None
    except (wave.Error, EOFError) as exc:
        raise UserError(f"{path}: not a PCM WAV file ({exc}); convert it with: sox '{path}' -b 16 out.wav") from None
    with reader:
        width, channels, rate = reader.getsampwidth(), reader.getnchannels(), reader.getframerate()
        dtype = {1: np.uint8, 2: np.dtype("<i2"), 4: np.dtype("<i4")}.get(width)
        if dtype is None and width != 3:
            raise UserError(f"{path}: {8 * width}-bit samples are not supported; convert with: sox '{path}' -b 16 out.wav")
        if not (0 < rate <= 768_000 and 0 < channels <= 64):
            raise UserError(f"{path}: a WAV of {channels} channel(s) at {rate} Hz cannot be played; the file is damaged")
        per_chunk = max(1, int(rate * chunk_s))
        frame = width * channels
        while True:
            raw = reader.readframes(per_chunk)
            raw = raw[: len(raw) - len(raw) % frame]  # a file cut short mid-sample (a crash, a copy): drop the torn frame
            if not raw:
                return
            if width == 3:  # 24-bit: keep the top two bytes of each sample
                raw3 = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 3)
                data = raw3[:, 1:].copy().view("<i2").reshape(-1)
            else:
                data = np.frombuffer(raw, dtype=dtype)
            data = data.reshape(-1, channels)
            yield AudioChunk.from_array(to_mono_int16(data), rate)


def audio_not_saved(path: Path, exc: OSError) -> UserError:
    """The one-line error for a recording the disk would not take (full, failing)."""
    return UserError(f"could not save the audio to {path} ({exc.strerror}); free some space on the disk and try again")


def make_private_dirs(path: Path) -> None:
    """Create ``path`` and any missing parents readable by the owner only (0700),
    whatever the umask: they hold the person's recorded answers."""
    missing = []
    while not path.exists():
        missing.append(path)
        path = path.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700)
        os.chmod(folder, 0o700)
        sync_folder(folder.parent)  # a new day's folder survives a power cut with what it will hold


SYNC_EVERY_S = 1.0
"""A recording is fsynced about this often while it streams: a power cut
loses at most the last second of the answer in progress (a kill, nothing)."""


class WavWriter:
    """A sink that streams chunks into a WAV file as they arrive.

    The header is rewritten on close; a file cut short by a crash keeps its
    audio and can be repaired from its size.
    """

    def __init__(self, path: str | os.PathLike, rate_hz: int, mode: int = 0o600):
        self.path = Path(path)
        make_private_dirs(self.path.parent)
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        self._file = os.fdopen(fd, "wb")
        self._wav = wave.open(self._file, "wb")
        self._wav.setnchannels(1)
        self._wav.setsampwidth(SAMPLE_WIDTH)
        self._wav.setframerate(rate_hz)
        self.rate_hz = rate_hz
        self.samples = 0
        self._synced = 0
        sync_folder(self.path.parent)  # the file's name, before its first second is synced

    def write(self, chunk: AudioChunk) -> None:
        if chunk.rate_hz != self.rate_hz:
            raise ValueError(f"chunk at {chunk.rate_hz} Hz written to a {self.rate_hz} Hz file")
        try:
            self._wav.writeframesraw(chunk.pcm)
            self._file.flush()  # a crash then loses at most this chunk, not Python's buffer
            self.samples += chunk.samples
            if self.samples - self._synced >= SYNC_EVERY_S * self.rate_hz:
                os.fsync(self._file.fileno())  # a power cut then loses at most the last second
                self._synced = self.samples
        except OSError as exc:
            raise audio_not_saved(self.path, exc) from None

    @property
    def seconds(self) -> float:
        return self.samples / self.rate_hz

    def close(self, keep_samples: int | None = None) -> None:
        """Finish the header and make the file durable.

        ``keep_samples`` cuts the audio short (trailing silence, say).
        """
        if self._wav is None:
            return
        wav, self._wav = self._wav, None
        try:
            wav.close()
            if keep_samples is not None and keep_samples < self.samples:
                self.samples = keep_samples
                _set_data_size(self._file, keep_samples * SAMPLE_WIDTH)
            self._file.flush()
            os.fsync(self._file.fileno())
        except OSError as exc:
            raise audio_not_saved(self.path, exc) from None
        finally:
            try:
                self._file.close()  # the descriptor goes even when the last flush failed
            except OSError:
                pass

    def __enter__(self) -> "WavWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


WAV_HEADER_BYTES = 44  # what the wave module writes for 16-bit mono PCM


def _set_data_size(handle, data_bytes: int) -> None:
    """Rewrite a 44-byte WAV header's sizes and cut the file to match."""
    handle.truncate(WAV_HEADER_BYTES + data_bytes)
    handle.seek(4)
    handle.write((36 + data_bytes).to_bytes(4, "little"))
    handle.seek(40)
    handle.write(data_bytes.to_bytes(4, "little"))
    handle.seek(0, os.SEEK_END)


def repair_wav(path: str | os.PathLike) -> float:
    """Fix the header of a WAV file cut short by a crash; returns its seconds.

    Only files this package wrote (44-byte header, 16-bit mono) are repaired.
    """
    with open(path, "r+b") as handle:
        header = handle.read(WAV_HEADER_BYTES)
        if len(header) < WAV_HEADER_BYTES or header[:4] != b"RIFF" or header[36:40] != b"data":
            raise UserError(f"{path}: not a WAV file this assistant wrote; it was left as it is")
        rate = int.from_bytes(header[24:28], "little")
        size = os.fstat(handle.fileno()).st_size - WAV_HEADER_BYTES
        size -= size % SAMPLE_WIDTH
        _set_data_size(handle, size)
        handle.flush()
        os.fsync(handle.fileno())
    return size / SAMPLE_WIDTH / rate


def write_wav(path: str | os.PathLike, chunks: Iterable[AudioChunk]) -> Path:
    chunks = iter(chunks)
    first = next(chunks)
    with WavWriter(path, first.rate_hz) as writer:
        writer.write(first)
        for chunk in chunks:
            writer.write(chunk)
    return Path(path)
