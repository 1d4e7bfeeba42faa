"""The journal's key and sealed files: real AES-GCM and scrypt, on disk."""
from __future__ import annotations

import json
import os
import stat

import numpy as np
import pytest

from assistant.audio.chunks import AudioChunk, WavWriter, join, read_wav
from assistant.errors import UserError
from tinydb import TinyDB

from assistant.journal.sealed_audio import SealedWavWriter, is_sealed_recording, read_recording, read_sealed
from assistant.journal.sealing import SealedJSONStorage, sealed_storage
from assistant.journal.vault import (SEALED, Vault, WrongPassphrase, change_passphrase, create_key, is_encrypted,
                             key_path, unlock)

RATE = 16000


def ramp(seconds: float, start: int = 0) -> np.ndarray:
    n = int(seconds * RATE)
    return ((np.arange(start, start + n) % 30000) - 15000).astype("<i2")


def chunks(samples: np.ndarray, size: int = 1600):
    return [AudioChunk.from_array(samples[i:i + size], RATE) for i in range(0, len(samples), size)]


@pytest.fixture
def vault():
    return Vault(os.urandom(32))


def test_a_key_opens_with_its_passphrase_only(tmp_path):
    sealed = create_key(tmp_path, "moonlight over the river").seal(b"tonight I felt left out")
    assert is_encrypted(tmp_path)
    assert stat.S_IMODE(os.stat(key_path(tmp_path)).st_mode) == 0o600
    assert unlock(tmp_path, "moonlight over the river").open(sealed) == b"tonight I felt left out"
    with pytest.raises(WrongPassphrase, match="wrong passphrase"):
        unlock(tmp_path, "Moonlight over the river")


def test_the_key_file_keeps_no_secret_in_the_clear(tmp_path):
    create_key(tmp_path, "correct horse")
    text = key_path(tmp_path).read_text()
    doc = json.loads(text)
    assert doc["kdf"]["name"] == "scrypt" and doc["cipher"] == "AES-256-GCM"
    assert "correct horse" not in text


def test_changing_the_passphrase_keeps_the_data_key(tmp_path):
    sealed = create_key(tmp_path, "old words").seal(b"entry")
    change_passphrase(tmp_path, "old words", "new words")
    assert unlock(tmp_path, "new words").open(sealed) == b"entry"
    with pytest.raises(WrongPassphrase):
        unlock(tmp_path, "old words")
    with pytest.raises(WrongPassphrase):
        change_passphrase(tmp_path, "not it", "whatever")


def test_an_empty_passphrase_is_refused(tmp_path):
    with pytest.raises(UserError, match="empty"):
        create_key(tmp_path, "")
    assert not is_encrypted(tmp_path)


def test_a_damaged_key_file_is_one_clear_error(tmp_path):
    create_key(tmp_path, "pass")
    key_path(tmp_path).write_text("{ not json")
    with pytest.raises(UserError, match="key.json is damaged"):
        unlock(tmp_path, "pass")


def test_sealed_blobs_hide_their_text_and_detect_tampering(vault):
    text = "오늘 친구가 답장을 안 했어요".encode()
    blob = vault.seal(text)
    assert blob.startswith(SEALED) and text not in blob
    assert vault.seal(text) != blob  # a fresh nonce each time
    tampered = blob[:-1] + bytes([blob[-1] ^ 1])
    with pytest.raises(UserError, match="damaged or was sealed with another key"):
        vault.open(tampered)
    with pytest.raises(UserError):
        Vault(os.urandom(32)).open(blob)
    assert vault.open(b'{"plain": 1}') == b'{"plain": 1}'  # plain files read as they are


def test_a_sealed_recording_plays_back_sample_exact(tmp_path, vault):
    samples = ramp(2.35)
    path = tmp_path / "a" / "answer.wav"
    with SealedWavWriter(path, RATE, vault) as writer:
        for chunk in chunks(samples):
            writer.write(chunk)
    data = path.read_bytes()
    assert samples.tobytes()[:3200] not in data
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600 and is_sealed_recording(path)
    back = join(read_recording(path, vault))
    assert back.rate_hz == RATE and np.array_equal(back.array(), samples)


@pytest.mark.parametrize("keep_s", [0.0, 1.0, 1.23, 2.35, 5.0])
def test_closing_short_keeps_exactly_the_samples_asked_for(tmp_path, vault, keep_s):
    samples = ramp(2.35)
    path = tmp_path / "answer.wav"
    writer = SealedWavWriter(path, RATE, vault)
    for chunk in chunks(samples):
        writer.write(chunk)
    writer.close(keep_samples=int(keep_s * RATE))
    back = list(read_sealed(path, vault))
    got = join(back).array() if back else np.zeros(0, dtype="<i2")
    assert np.array_equal(got, samples[: int(keep_s * RATE)])
    assert writer.samples == min(len(samples), int(keep_s * RATE))


def test_a_recording_torn_by_a_crash_keeps_its_whole_records(tmp_path, vault):
    samples = ramp(1.0)
    path = tmp_path / "answer.wav"
    writer = SealedWavWriter(path, RATE, vault)
    for chunk in chunks(samples):
        writer.write(chunk)
    writer._file.flush()
    size = path.stat().st_size
    os.truncate(path, size - 100)  # the last record half-written
    assert np.array_equal(join(read_sealed(path, vault)).array(), samples[:-1600])


def test_a_swapped_record_is_caught(tmp_path, vault):
    path = tmp_path / "answer.wav"
    with SealedWavWriter(path, RATE, vault) as writer:
        for chunk in chunks(ramp(0.4)):
            writer.write(chunk)
    data = bytearray(path.read_bytes())
    header = 28
    record = (len(data) - header) // 4
    first, second = data[header:header + record], data[header + record:header + 2 * record]
    data[header:header + 2 * record] = second + first
    path.write_bytes(bytes(data))
    with pytest.raises(UserError, match="damaged or was sealed with another key"):
        list(read_sealed(path, vault))


def test_plain_and_sealed_recordings_read_alike(tmp_path, vault):
    samples = ramp(0.5)
    with WavWriter(tmp_path / "plain.wav", RATE) as writer:
        for chunk in chunks(samples):
            writer.write(chunk)
    assert np.array_equal(join(read_recording(tmp_path / "plain.wav", None)).array(), samples)
    assert np.array_equal(join(read_wav(tmp_path / "plain.wav")).array(), samples)
    with SealedWavWriter(tmp_path / "sealed.wav", RATE, vault) as writer:
        for chunk in chunks(samples):
            writer.write(chunk)
    with pytest.raises(UserError, match="encrypted"):
        list(read_recording(tmp_path / "sealed.wav", None))


def test_a_sealed_recording_that_cannot_be_finished_is_one_clear_error(tmp_path, vault, monkeypatch):
    import errno

    writer = SealedWavWriter(tmp_path / "answer.wav", RATE, vault)
    for chunk in chunks(ramp(0.3)):
        writer.write(chunk)
    handle = writer._file

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(UserError, match="No space left on device.*free some space"):
        writer.close(keep_samples=1000)
    assert handle.closed
    writer.close()  # a second close does nothing


def test_an_interrupted_conversion_leaves_no_copy_behind(tmp_path, vault):
    from types import SimpleNamespace

    from assistant.app.encryption import seal_all

    audio = tmp_path / "audio" / "2026-11-24"
    audio.mkdir(parents=True)
    with WavWriter(audio / "2026-11-24.1-1.wav", RATE) as writer:
        for chunk in chunks(ramp(0.3)):
            writer.write(chunk)
    (audio / ".2026-11-24.1-1.wav.convert.tmp").write_bytes(b"RIFF half a copy")  # a kill mid-conversion
    (tmp_path / "journal").mkdir()
    done = list(seal_all(SimpleNamespace(journal_dir=tmp_path / "journal", audio_dir=tmp_path / "audio"), vault))
    assert [p.name for p in done] == ["2026-11-24.1-1.wav"]
    assert sorted(p.name for p in audio.iterdir()) == ["2026-11-24.1-1.wav"]
    assert np.array_equal(join(read_recording(audio / "2026-11-24.1-1.wav", vault)).array(), ramp(0.3))


# --- the sealing storage -------------------------------------------------------------

def test_a_tinydb_over_the_sealing_storage_is_sealed_on_disk(tmp_path, vault):
    path = tmp_path / "2026-11.json"
    db = TinyDB(path, storage=sealed_storage(vault))
    doc_id = db.table("entries").insert({"transcript": "외로웠어요"})
    raw = path.read_bytes()
    assert raw.startswith(SEALED) and "외로웠어요".encode() not in raw
    again = TinyDB(path, storage=sealed_storage(vault))
    assert again.table("entries").get(doc_id=doc_id) == {"transcript": "외로웠어요"}


def test_the_sealing_storage_reads_plain_files_and_refuses_a_sealed_one_without_the_key(tmp_path, vault):
    plain, sealed = tmp_path / "plain.json", tmp_path / "sealed.json"
    SealedJSONStorage(plain).write({"entries": {}})
    assert plain.read_bytes() == b'{"entries":{}}'
    assert SealedJSONStorage(plain, vault=vault).read() == {"entries": {}}
    SealedJSONStorage(sealed, vault=vault).write({"entries": {}})
    with pytest.raises(UserError, match="is encrypted; it can only be read with the journal's passphrase"):
        SealedJSONStorage(sealed).read()
