"""Answer recordings sealed with the journal's key (see assistant.journal.vault).

The same sink as :class:`assistant.audio.chunks.WavWriter`, streaming to disk as
the person speaks, but each chunk is an AES-GCM record: a header (magic,
rate, a random file id), then ``length | nonce | sealed PCM`` per chunk,
the record's index bound into its authenticated data so records cannot be
dropped or reordered unnoticed. A crash leaves every whole record readable;
a torn last record is skipped, as a plain WAV's torn tail would be.

:func:`read_recording` reads either kind, so a journal half-way through
being encrypted (or decrypted) plays back as a whole.
"""
from __future__ import annotations

import os
import struct
from pathlib import Path
from typing import Iterator

from assistant.audio.chunks import (SAMPLE_WIDTH, SYNC_EVERY_S, AudioChunk, WavWriter, audio_not_saved,
                                   make_private_dirs, read_wav)
from assistant.errors import UserError
from assistant.journal.vault import NONCE_BYTES, SEALED_AUDIO, TAG_BYTES, Vault
from assistant.paths import sync_folder

HEADER = struct.Struct("<8sI16s")  # magic, rate in Hz, file id
LENGTH = struct.Struct("<I")


class SealedWavWriter:
    """Streams chunks into a sealed recording, one record per chunk."""

    def __init__(self, path: str | os.PathLike, rate_hz: int, vault: Vault, mode: int = 0o600):
        self.path = Path(path)
        self.rate_hz = rate_hz
        self.samples = 0
        self._vault = vault
        self._id = os.urandom(16)
        self._records: list[tuple[int, int]] = []  # (file offset, samples) of each record
        make_private_dirs(self.path.parent)
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        self._file = os.fdopen(fd, "wb")
        self._synced = 0
        self._put(HEADER.pack(SEALED_AUDIO, rate_hz, self._id))
        sync_folder(self.path.parent)  # the file's name, before its first second is synced

    def _put(self, data: bytes) -> None:
        try:
            self._file.write(data)
            self._file.flush()  # a crash then loses at most this chunk
        except OSError as exc:
            raise audio_not_saved(self.path, exc) from None

    def write(self, chunk: AudioChunk) -> None:
        if chunk.rate_hz != self.rate_hz:
            raise ValueError(f"chunk at {chunk.rate_hz} Hz written to a {self.rate_hz} Hz file")
        if not chunk.pcm:
            return
        offset = self._file.tell()
        self._put(self._vault.record(self._id, len(self._records), chunk.pcm))
        self._records.append((offset, chunk.samples))
        self.samples += chunk.samples
        if self.samples - self._synced >= SYNC_EVERY_S * self.rate_hz:
            try:
                os.fsync(self._file.fileno())  # a power cut then loses at most the last second
            except OSError as exc:
                raise audio_not_saved(self.path, exc) from None
            self._synced = self.samples

    @property
    def seconds(self) -> float:
        return self.samples / self.rate_hz

    def close(self, keep_samples: int | None = None) -> None:
        """Make the file durable; ``keep_samples`` cuts the audio short by
        dropping whole records and resealing the one the cut falls in."""
        if self._file is None:
            return
        handle, self._file = self._file, None
        try:
            if keep_samples is not None and keep_samples < self.samples:
                self._cut(handle, keep_samples)
            handle.flush()
            os.fsync(handle.fileno())
        except OSError as exc:
            raise audio_not_saved(self.path, exc) from None
        finally:
            handle.close()

    def _cut(self, handle, keep_samples: int) -> None:
        kept, index = 0, 0
        while index < len(self._records) and kept + self._records[index][1] <= keep_samples:
            kept += self._records[index][1]
            index += 1
        if index == len(self._records):
            return
        offset, _ = self._records[index]
        part = keep_samples - kept
        tail = b""
        if part:
            with open(self.path, "rb") as reader:
                reader.seek(offset)
                pcm = _read_record(reader, self._vault, self._id, index, self.path)
            tail = self._vault.record(self._id, index, pcm[: part * SAMPLE_WIDTH]) if pcm else b""
        handle.seek(offset)
        handle.truncate()
        handle.write(tail)
        self._records[index:] = [(offset, part)] if tail else []
        self.samples = keep_samples

    def __enter__(self) -> "SealedWavWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _read_record(reader, vault: Vault, file_id: bytes, index: int, path: Path) -> bytes | None:
    """The next record's PCM; None at the end or at a torn last record."""
    head = reader.read(LENGTH.size + NONCE_BYTES)
    if len(head) < LENGTH.size + NONCE_BYTES:
        return None
    (size,) = LENGTH.unpack(head[: LENGTH.size])
    sealed = reader.read(size)
    if size < TAG_BYTES or len(sealed) < size:
        return None  # cut short by a crash
    pcm = vault.open_record(file_id, index, head[LENGTH.size:], sealed)
    if pcm is None:
        if reader.read(1):  # a bad record with more after it: not a torn tail
            raise UserError(f"{path} is damaged or was sealed with another key; it was left untouched")
        return None
    return pcm


def read_sealed(path: str | os.PathLike, vault: Vault, chunk_s: float = 0.1) -> Iterator[AudioChunk]:
    """Yield a sealed recording as chunks of about ``chunk_s``."""
    path = Path(path)
    with open(path, "rb") as reader:
        header = reader.read(HEADER.size)
        if len(header) < HEADER.size or not header.startswith(SEALED_AUDIO):
            raise UserError(f"{path} is not a sealed recording")
        _, rate, file_id = HEADER.unpack(header)
        per_chunk = max(1, int(rate * chunk_s)) * SAMPLE_WIDTH
        pending = b""
        index = 0
        while (pcm := _read_record(reader, vault, file_id, index, path)) is not None:
            index += 1
            pending += pcm
            while len(pending) >= per_chunk:
                yield AudioChunk(pending[:per_chunk], rate)
                pending = pending[per_chunk:]
        if pending:
            yield AudioChunk(pending, rate)


def is_sealed_recording(path: str | os.PathLike) -> bool:
    """Whether the file is a sealed recording (FileNotFoundError if it is not there)."""
    with open(path, "rb") as handle:
        return handle.read(len(SEALED_AUDIO)) == SEALED_AUDIO


def read_recording(path: str | os.PathLike, vault: Vault | None, chunk_s: float = 0.1) -> Iterator[AudioChunk]:
    """An answer's audio, sealed or plain."""
    try:
        sealed = is_sealed_recording(path)
    except FileNotFoundError:
        raise UserError(f"{path}: no such file.") from None
    if not sealed:
        return read_wav(path, chunk_s)
    if vault is None:
        raise UserError(f"{path} is encrypted; give the journal's passphrase to play it")
    return read_sealed(path, vault, chunk_s)


def open_recorder(vault: Vault | None):
    """The writer for new recordings: sealed when the journal is encrypted."""
    if vault is None:
        return WavWriter
    return lambda path, rate_hz: SealedWavWriter(path, rate_hz, vault)
