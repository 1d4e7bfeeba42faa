"""An encrypted journal on the page: its passphrase logs in and unlocks; recordings are decrypted on the fly."""
from __future__ import annotations

import pytest

from assistant.audio.chunks import join
from assistant.journal.sealed_audio import is_sealed_recording, read_sealed
from assistant.journal.vault import create_key
from assistant.paths import Paths
from assistant.web.recordings import wav_header
from tests.web_helpers import build_journal, client_for, make_site

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def built(tmp_path):
    Paths(tmp_path / "data", tmp_path / "config.toml").journal_dir.mkdir(parents=True)
    vault = create_key(tmp_path / "data" / "journal", PASSPHRASE)
    return build_journal(tmp_path, vault=vault), vault


def test_the_passphrase_logs_in_and_unlocks(built):
    built, vault = built
    site = make_site(built)
    assert site.login_url() == "http://testserver/login"  # no code: the passphrase is the login
    client = client_for(site, logged_in=False)
    assert 'type="password"' in client.get("/login").text
    assert client.post("/login", data={"passphrase": "wrong"}).status_code == 401
    assert client.post("/login", data={"code": site.codes.new()}).status_code == 401  # a code is not enough
    assert client.get("/").status_code == 303
    answer = client.post("/login", data={"passphrase": PASSPHRASE})
    assert answer.status_code == 303
    page = client.get("/")
    assert page.status_code == 200 and "never wrote back" in page.text


def test_a_sealed_recording_plays_in_ranges(built):
    built, vault = built
    path = built.paths.audio_dir / "2026-11-23/answer-1.wav"
    assert is_sealed_recording(path)
    whole = wav_header(16_000, len(join(read_sealed(path, vault)).pcm)) + join(read_sealed(path, vault)).pcm
    site = make_site(built)
    client = client_for(site, logged_in=False)
    client.post("/login", data={"passphrase": PASSPHRASE})
    url = f"/audio/{built.ids['recorded']}"
    part = client.get(url, headers={"Range": "bytes=0-"})
    assert part.status_code == 206 and part.content == whole
    middle = client.get(url, headers={"Range": "bytes=20000-20999"})
    assert middle.status_code == 206 and middle.content == whole[20000:21000]
    assert middle.headers["content-range"] == f"bytes 20000-20999/{len(whole)}"


def test_a_corrected_transcript_stays_sealed(built):
    built, _ = built
    site = make_site(built)
    client = client_for(site, logged_in=False)
    client.post("/login", data={"passphrase": PASSPHRASE})
    csrf = client.get("/").text.split('name="csrf" value="', 1)[1].split('"', 1)[0]
    entry_id = built.ids["recorded"]
    assert client.post(f"/entry/{entry_id}/transcript", data={"csrf": csrf, "transcript": "quokka"}).status_code == 303
    assert entry_id in client.get("/search?q=quokka").text
    for shard in built.paths.journal_dir.glob("*.json"):
        if shard.name != "key.json":
            assert b"quokka" not in shard.read_bytes()
