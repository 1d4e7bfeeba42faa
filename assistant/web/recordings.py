"""An answer's recording as bytes a browser can fetch in ranges.

Phones fetch audio with ``Range`` requests (to start, to seek) and want 206
answers with the part asked for. A plain recording is a WAV file, served as
it is. A sealed one (an encrypted journal, see
:mod:`assistant.journal.sealed_audio`) is served as the WAV it would be,
decrypted on the fly: its records are indexed by reading their lengths
only, and a range opens just the records it covers, so seeking into a long
answer never decrypts the whole file nor keeps it in memory.
"""
from __future__ import annotations

import os
import re
import struct
from dataclasses import dataclass
from pathlib import Path

from assistant.audio.chunks import SAMPLE_WIDTH
from assistant.errors import UserError
from assistant.journal.sealed_audio import HEADER, LENGTH, is_sealed_recording
from assistant.journal.vault import NONCE_BYTES, TAG_BYTES, Vault

MAX_PART_BYTES = 1 << 20
"""The most one answer to an open-ended range carries; the browser asks for the rest."""


class Recording:
    """A recording's bytes: ``size`` in all, and ``read(start, end)`` (end exclusive)."""

    size: int
    media_type = "audio/wav"

    def read(self, start: int, end: int) -> bytes:
        raise NotImplementedError


class PlainRecording(Recording):
    def __init__(self, path: Path):
        self.path = path
        self.size = path.stat().st_size

    def read(self, start: int, end: int) -> bytes:
        with open(self.path, "rb") as handle:
            handle.seek(start)
            return handle.read(max(0, end - start))


def wav_header(rate_hz: int, data_bytes: int) -> bytes:
    """The 44-byte header of a 16-bit mono PCM WAV."""
    return (b"RIFF" + struct.pack("<I", 36 + data_bytes) + b"WAVE"
            + b"fmt " + struct.pack("<IHHIIHH", 16, 1, 1, rate_hz, rate_hz * SAMPLE_WIDTH, SAMPLE_WIDTH, 8 * SAMPLE_WIDTH)
            + b"data" + struct.pack("<I", data_bytes))


@dataclass(frozen=True)
class _Record:
    offset: int
    """Where the record starts in the sealed file."""
    start: int
    """Where its PCM starts in the recording's audio."""
    length: int
    """Its PCM bytes."""


class SealedRecording(Recording):
    """A sealed recording, seen as the plain WAV it holds."""

    def __init__(self, path: Path, vault: Vault):
        self.path = path
        self.vault = vault
        self.records: list[_Record] = []
        with open(path, "rb") as handle:
            header = handle.read(HEADER.size)
            _, self.rate_hz, self.file_id = HEADER.unpack(header)
            offset, total, end = HEADER.size, 0, os.fstat(handle.fileno()).st_size
            while offset + LENGTH.size + NONCE_BYTES <= end:
                handle.seek(offset)
                (sealed,) = LENGTH.unpack(handle.read(LENGTH.size))
                if sealed < TAG_BYTES or offset + LENGTH.size + NONCE_BYTES + sealed > end:
                    break  # a torn last record, cut short by a crash: the player stops before it
                self.records.append(_Record(offset, total, sealed - TAG_BYTES))
                total += sealed - TAG_BYTES
                offset += LENGTH.size + NONCE_BYTES + sealed
        self.header = wav_header(self.rate_hz, total)
        self.size = len(self.header) + total

    def _pcm(self, handle, index: int) -> bytes:
        record = self.records[index]
        handle.seek(record.offset + LENGTH.size)
        nonce = handle.read(NONCE_BYTES)
        pcm = self.vault.open_record(self.file_id, index, nonce, handle.read(record.length + TAG_BYTES))
        if pcm is None:
            raise UserError(f"{self.path} is damaged or was sealed with another key")
        return pcm

    def read(self, start: int, end: int) -> bytes:
        out = bytearray(self.header[start:end])
        head = len(self.header)
        lo, hi = max(start, head) - head, max(end, head) - head
        if hi <= lo:
            return bytes(out)
        with open(self.path, "rb") as handle:
            for index, record in enumerate(self.records):
                if record.start + record.length <= lo:
                    continue
                if record.start >= hi:
                    break
                pcm = self._pcm(handle, index)
                out += pcm[max(0, lo - record.start): hi - record.start]
        return bytes(out)


def open_recording(path: Path, vault: Vault | None) -> Recording:
    """The recording at ``path`` (which the journal named, never the request)."""
    if is_sealed_recording(path):
        if vault is None:
            raise UserError(f"{path} is encrypted; log in with the journal's passphrase to play it")
        return SealedRecording(path, vault)
    return PlainRecording(path)


_RANGE = re.compile(r"bytes=(\d*)-(\d*)$")


class BadRange(ValueError):
    """A range the recording cannot satisfy (answered 416)."""


def byte_range(header: str | None, size: int) -> tuple[int, int] | None:
    """``(start, end)`` (end exclusive) of a ``Range: bytes=...`` header, or
    None to send the whole file. Only the first of several ranges is
    answered; an open-ended one is cut to :data:`MAX_PART_BYTES`."""
    if not header:
        return None
    match = _RANGE.match(header.split(",")[0].strip())
    if not match:
        return None  # another unit, or nonsense: the whole file (as RFC 9110 allows)
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:
        start, end = max(0, size - int(last)), size
    else:
        start = int(first)
        end = min(size, int(last) + 1) if last else min(size, start + MAX_PART_BYTES)
    if start >= size or end <= start:
        raise BadRange(header)
    return start, end
