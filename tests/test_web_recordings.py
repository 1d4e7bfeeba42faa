"""Recordings in byte ranges: plain WAV as it is, sealed ones decrypted on the fly."""
from __future__ import annotations

import os
import random

import pytest

from assistant.audio.chunks import join, read_wav
from assistant.journal.sealed_audio import read_sealed
from assistant.journal.vault import Vault
from assistant.web.recordings import (MAX_PART_BYTES, BadRange, PlainRecording, SealedRecording, byte_range,
                                      open_recording, wav_header)
from tests.web_helpers import record


@pytest.mark.parametrize("header, size, expected", [
    (None, 1000, None),
    ("", 1000, None),
    ("bytes=0-99", 1000, (0, 100)),
    ("bytes=900-", 1000, (900, 1000)),
    ("bytes=-100", 1000, (900, 1000)),
    ("bytes=-5000", 1000, (0, 1000)),
    ("bytes=990-5000", 1000, (990, 1000)),
    ("bytes=0-0, 5-9", 1000, (0, 1)),
    ("items=0-9", 1000, None),
    ("bytes=0-", 10 * MAX_PART_BYTES, (0, MAX_PART_BYTES)),
])
def test_ranges(header, size, expected):
    assert byte_range(header, size) == expected


@pytest.mark.parametrize("header", ["bytes=1000-", "bytes=1000-1001", "bytes=5-2"])
def test_ranges_that_cannot_be_met(header):
    with pytest.raises(BadRange):
        byte_range(header, 1000)


def test_a_plain_recording_is_served_as_it_is(tmp_path):
    path = record(tmp_path / "a.wav")
    recording = open_recording(path, None)
    assert isinstance(recording, PlainRecording) and recording.size == path.stat().st_size
    assert recording.read(10, 60) == path.read_bytes()[10:60]


def test_a_sealed_recording_reads_as_the_wav_it_holds_in_any_range(tmp_path):
    vault = Vault(os.urandom(32))
    path = record(tmp_path / "a.wav", seconds=2.0, vault=vault)
    pcm = join(read_sealed(path, vault)).pcm
    recording = open_recording(path, vault)
    assert isinstance(recording, SealedRecording)
    whole = wav_header(16_000, len(pcm)) + pcm
    assert recording.size == len(whole)
    assert recording.read(0, recording.size) == whole
    plain = tmp_path / "plain.wav"
    plain.write_bytes(whole)
    assert join(read_wav(plain)).pcm == pcm  # a real WAV
    rng = random.Random(3)
    for _ in range(50):
        start = rng.randrange(recording.size)
        end = rng.randrange(start, recording.size) + 1
        assert recording.read(start, end) == whole[start:end], (start, end)


def test_a_torn_last_record_is_left_out(tmp_path):
    vault = Vault(os.urandom(32))
    path = record(tmp_path / "a.wav", vault=vault)
    full = SealedRecording(path, vault)
    with open(path, "ab") as handle:
        handle.write(b"\x40\x00\x00\x00" + b"\x00" * 20)  # a record cut short by a crash
    torn = SealedRecording(path, vault)
    assert torn.size == full.size and torn.read(0, torn.size) == full.read(0, full.size)


def test_a_sealed_recording_needs_the_key(tmp_path):
    from assistant.errors import UserError

    path = record(tmp_path / "a.wav", vault=Vault(os.urandom(32)))
    with pytest.raises(UserError, match="encrypted"):
        open_recording(path, None)
    with pytest.raises(UserError, match="another key"):
        open_recording(path, Vault(os.urandom(32))).read(0, 1000)
