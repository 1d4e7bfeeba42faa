"""A plain ``pip install`` carries the data: language packs, prompts and the model catalogue.

prompts/ and models/ stay at the repository root; pyproject.toml maps them
into the package as ``assistant/data/``. The quick tests check that mapping;
the stack test builds a real wheel from a copy of the source (setuptools
writes build/ and egg-info next to the source), installs it into a fresh
virtual environment and runs the program from an empty folder, far from the
source tree.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import venv
from pathlib import Path

import pytest

from assistant.datafile import SOURCE_ROOT, shipped

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ("pyproject.toml", "README.md", "assistant", "prompts", "models")


def _setuptools() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_the_wheel_lists_every_package_in_the_source():
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "assistant").rglob("__init__.py")}
    listed = set(_setuptools()["packages"])
    assert on_disk - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
    assert listed - on_disk == {"assistant.data.prompts", "assistant.data.models"}


def test_the_data_folders_are_mapped_into_the_package():
    config = _setuptools()
    assert config["package-dir"] == {"assistant.data.prompts": "prompts", "assistant.data.models": "models"}
    assert config["package-data"]["assistant.data.prompts"] == ["**/*.json", "**/*.json.gz"]
    # Every data file is JSON (the index of nearest answers gzipped), so the patterns above take them all.
    assert {"".join(p.suffixes[-2:]) if p.suffix == ".gz" else p.suffix
            for p in (ROOT / "prompts").rglob("*") if p.is_file()} == {".json", ".json.gz"}


def test_every_data_file_in_the_package_is_shipped():
    """A template or stylesheet next to the code is in the wheel only if package-data names it."""
    config = _setuptools()
    shipped_files = {f for package, patterns in config["package-data"].items() if not package.startswith("assistant.data")
                     for pattern in patterns for f in (ROOT / package.replace(".", "/")).glob(pattern)}
    data = {p for p in (ROOT / "assistant").rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts}
    assert data - shipped_files == set(), "add these to [tool.setuptools.package-data] in pyproject.toml"


def test_a_source_checkout_finds_the_data_at_the_root():
    assert SOURCE_ROOT == ROOT
    assert shipped("prompts") == ROOT / "prompts"
    assert (shipped("models") / "catalogue.json").is_file()


def _run(python: Path, cwd: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VOICE_JOURNAL_", "XDG_", "PYTHON"))}
    env.update(VOICE_JOURNAL_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"))
    return subprocess.run([str(python), "-m", "assistant", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)


@pytest.mark.stack
def test_an_installed_wheel_finds_its_language_packs_and_catalogue(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    for name in SOURCE:
        item = ROOT / name
        if item.is_dir():
            shutil.copytree(item, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(item, source / name)
    dist = tmp_path / "dist"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(source)],
                           capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stdout + build.stderr
    (wheel,) = dist.glob("voice_journal-*.whl")

    # A fresh environment without pip; the project's own pip installs the wheel
    # into it, and a .pth file lends it the runtime dependencies already
    # installed next to this interpreter (not the source tree).
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
                              "--no-index", "-q", str(wheel)], capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, install.stdout + install.stderr
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    (Path(site) / "project-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")

    cwd = tmp_path / "elsewhere"
    cwd.mkdir()
    where = subprocess.run([str(python), "-c", "import assistant; print(assistant.__file__)"], cwd=cwd,
                           capture_output=True, text=True, check=True).stdout.strip()
    assert Path(where).is_relative_to(site)
    assert (Path(where).parent / "data" / "prompts" / "en" / "neighbours.json.gz").is_file()

    tagged = _run(python, cwd, tmp_path, "--lang", "ko", "tag", "오늘 외로웠어요", "--json")
    assert tagged.returncode == 0, tagged.stderr
    assert "외로움" in json.loads(tagged.stdout)["feelings"]

    models = _run(python, cwd, tmp_path, "models", "--json")
    assert models.returncode == 0, models.stderr
    names = {row["name"] for row in json.loads(models.stdout)}
    assert {"vosk-model-small-en-us-0.15", "vosk-model-small-ko-0.22"} <= names
