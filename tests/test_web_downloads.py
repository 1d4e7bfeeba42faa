"""Taking the journal away from the page: exports and the full backup, made
as they are sent (never whole in memory), the same bytes as the command
line's, an encrypted journal's backup still sealed, nothing without login."""
from __future__ import annotations

import asyncio
import io
import json
import tarfile
import threading
import time

import pytest

from assistant.journal.backup import check_backup
from assistant.journal.book import Journal
from assistant.journal.restore import restore_backup
from assistant.journal.vault import create_key
from assistant.paths import Paths
from assistant.web import streaming
from tests.cli_helpers import run_cli
from tests.web_helpers import build_journal, client_for, make_site

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def built(tmp_path):
    return build_journal(tmp_path)


@pytest.mark.parametrize("fmt", ["md", "csv", "json"])
def test_an_export_download_is_the_command_lines_export(built, fmt):
    client = client_for(make_site(built))
    answer = client.get(f"/export/{fmt}")
    assert answer.status_code == 200 and answer.headers["content-disposition"].startswith("attachment;")
    result = run_cli(built.paths.data_dir, "export", "--format", fmt)
    assert result.returncode == 0, result.stderr
    if fmt == "json":  # the same but for the moment it was made
        made, printed = json.loads(answer.content), json.loads(result.stdout)
        made.pop("exported_at"), printed.pop("exported_at")
        assert made == printed and len(made["entries"]) == 3
    else:
        assert answer.content.decode("utf-8") == result.stdout


def _tar(content: bytes) -> tarfile.TarFile:
    return tarfile.open(fileobj=io.BytesIO(content), mode="r:")


def test_the_full_backup_downloads_as_a_tar_that_restores(built, tmp_path):
    client = client_for(make_site(built))
    assert "/backup.tar" in client.get("/downloads").text
    answer = client.get("/backup.tar")
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/x-tar"
    assert answer.headers["content-disposition"].startswith('attachment; filename="voice-journal-backup-')
    assert b"never wrote back" in answer.content  # a plain journal's backup is plain
    _tar(answer.content).extractall(tmp_path / "stick", filter="data")
    assert check_backup(tmp_path / "stick").bad == []
    home = Paths(tmp_path / "restored", tmp_path / "restored.toml")
    restore_backup(home, tmp_path / "stick")
    with Journal(home.journal_dir, write=False) as journal:
        assert len(list(journal.iter_entries())) == 3
    assert (home.audio_dir / "2026-11-23/answer-1.wav").read_bytes() == (
        built.paths.audio_dir / "2026-11-23/answer-1.wav").read_bytes()


def test_an_encrypted_journals_backup_stays_sealed(tmp_path):
    Paths(tmp_path / "data", tmp_path / "config.toml").journal_dir.mkdir(parents=True)
    built = build_journal(tmp_path, vault=create_key(tmp_path / "data" / "journal", PASSPHRASE))
    client = client_for(make_site(built), logged_in=False)
    assert client.post("/login", data={"passphrase": PASSPHRASE}).status_code == 303
    content = client.get("/backup.tar").content
    names = _tar(content).getnames()
    assert "voice-journal-backup/manifest.json" in names
    assert b"never wrote back" not in content and b"lonely" not in content


def test_no_download_without_login(built):
    client = client_for(make_site(built), logged_in=False)
    for path in ("/backup.tar", "/export/json", "/downloads"):
        answer = client.get(path)
        assert answer.status_code == 303 and answer.headers["location"].startswith("/login"), path
        assert b"never wrote back" not in answer.content


def test_a_backup_while_an_evening_writes_is_a_page_not_a_cut_download(built):
    client = client_for(make_site(built))
    with Journal(built.paths.journal_dir):  # an evening holds the journal's lock
        answer = client.get("/backup.tar")
    assert answer.status_code == 400 and "text/html" in answer.headers["content-type"]
    assert "evening" in answer.text
    assert client.get("/backup.tar").status_code == 200  # and once it is over, it works


def test_a_download_holds_a_few_chunks_and_an_abandoned_one_stops_its_writer():
    written, finished = [], threading.Event()

    def endless(out) -> None:
        try:
            while True:
                out.write(b"x" * 10_000)
                written.append(10_000)
        finally:
            finished.set()

    async def take_three_then_leave() -> list[bytes]:
        body = await streaming.streamed(endless)
        chunks = [await body.__anext__() for _ in range(3)]
        await asyncio.sleep(0.3)  # the writer runs ahead only as far as the queue lets it
        ahead = sum(written)
        await body.aclose()
        return chunks, ahead

    chunks, ahead = asyncio.run(take_three_then_leave())
    assert all(len(c) == streaming.CHUNK_BYTES for c in chunks)
    assert ahead <= (3 + streaming.DEPTH + 2) * streaming.CHUNK_BYTES
    assert finished.wait(5), "the writer of an abandoned download did not stop"


def test_a_writers_error_before_the_first_chunk_is_raised_to_the_page():
    def broken(out) -> None:
        raise ValueError("no journal")

    with pytest.raises(ValueError):
        asyncio.run(streaming.streamed(broken))
    started = time.monotonic()

    async def empty() -> list[bytes]:
        return [chunk async for chunk in await streaming.streamed(lambda out: None)]

    assert asyncio.run(empty()) == [] and time.monotonic() - started < 5
