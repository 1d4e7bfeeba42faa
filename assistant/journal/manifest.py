"""A backup's manifest: what a backup folder holds, when it was made, how it is sealed.

A backup (see :mod:`assistant.journal.backup`) keeps every file once, by
content: ``objects/ab/ab12...`` is named by the SHA-256 of its stored
bytes. The manifest, ``manifest.json``, maps each journal file (``path``,
``size``, ``sha256``, ``mtime_ns``) to its object. It is written last and
atomically, so the backup is always the one the manifest describes: a run
cut short leaves the previous manifest, and every object it names, alone.

``encryption`` says how the objects are stored: ``none`` (as they are),
``journal`` (an encrypted journal's files, already sealed with the
journal's key, which travels with them in ``journal/key.json``), or
``passphrase`` (a plain journal sealed with a key of the backup's own: the
file list is sealed too, and ``key.json`` beside the manifest unlocks it).
The ``objects`` list (names and sizes only) stays readable in every case,
so ``backup --check`` verifies a backup without any passphrase.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assistant.errors import UserError

MANIFEST = "manifest.json"
FORMAT = "voice-journal-backup"
FORMAT_VERSION = 1
ENCRYPTIONS = ("none", "journal", "passphrase")
OBJECT_NAME = re.compile(r"^[0-9a-f]{64}$")


class DamagedBackup(UserError):
    """The backup cannot be trusted as it is; the message says which part and what to do."""

    exit_code = 1


@dataclass(frozen=True)
class FileRecord:
    """One journal file in a backup."""

    path: str
    """Relative to the data directory, with ``/`` (``journal/2026-11.json``, ``audio/2026-11-24/...wav``)."""
    size: int
    sha256: str
    """Of the file's bytes, as the journal holds them."""
    mtime_ns: int
    object: str
    """The stored object's name: the SHA-256 of its stored bytes (``sha256`` itself unless sealed)."""


@dataclass
class Manifest:
    backup_id: str
    created: str
    app_version: str
    encryption: str
    files: list[FileRecord] | None
    """None while a passphrase backup's list is still sealed (``sealed_files``)."""
    objects: dict[str, int] = field(default_factory=dict)
    """Object name -> stored size: what ``--check`` reads."""
    sealed_files: str | None = None
    sealed_key: str | None = None
    """Passphrase backups: the backup's data key, sealed by the key in ``key.json``."""

    def to_json(self) -> bytes:
        doc: dict[str, Any] = {
            "format": FORMAT, "format_version": FORMAT_VERSION, "backup_id": self.backup_id,
            "created": self.created, "app_version": self.app_version, "encryption": self.encryption,
            "totals": {"files": len(self.objects) if self.files is None else len(self.files),
                       "bytes": sum(self.objects.values())},
            "objects": [{"name": name, "size": size} for name, size in sorted(self.objects.items())],
        }
        if self.encryption == "passphrase":
            doc.update(sealed_files=self.sealed_files, sealed_key=self.sealed_key)
        else:
            doc["files"] = [asdict(record) for record in self.files or []]
        return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def files_to_json(files: list[FileRecord]) -> bytes:
    """A passphrase backup's file list, before it is sealed."""
    return json.dumps([asdict(record) for record in files], ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def files_from_json(raw: bytes, where: Path) -> list[FileRecord]:
    try:
        return [_record(item) for item in json.loads(raw.decode("utf-8"))]
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise _damaged(where, f"its sealed file list: {exc.__class__.__name__}") from None


def _record(item: dict) -> FileRecord:
    record = FileRecord(path=str(item["path"]), size=int(item["size"]), sha256=str(item["sha256"]),
                        mtime_ns=int(item["mtime_ns"]), object=str(item["object"]))
    parts = record.path.split("/")
    if parts[0] not in ("journal", "audio") or len(parts) < 2 or any(p in ("", ".", "..") for p in parts):
        raise ValueError(f"a file outside the journal: {record.path[:60]}")
    if not OBJECT_NAME.match(record.object) or not OBJECT_NAME.match(record.sha256) or record.size < 0:
        raise ValueError(f"a bad checksum or size for {record.path[:60]}")
    return record


def _damaged(where: Path, why: str) -> DamagedBackup:
    return DamagedBackup(f"the backup in {where.parent} is damaged ({why}); nothing was changed. "
                         f"Use another copy of the backup, or move {where.parent} away and make a new backup")


def read_manifest(folder: Path) -> Manifest | None:
    """The manifest in ``folder``; None when there is none; damaged -> one line."""
    path = Path(folder) / MANIFEST
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _damaged(path, f"{MANIFEST} cannot be read: {exc.strerror or exc}") from None
    try:
        doc = json.loads(raw.decode("utf-8"))
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise ValueError("not a voice-journal backup manifest")
        if int(doc.get("format_version", 0)) > FORMAT_VERSION:
            raise DamagedBackup(f"the backup in {folder} was made by a newer voice-journal "
                                f"({doc.get('app_version')}); update voice-journal to read it")
        encryption = doc["encryption"]
        if encryption not in ENCRYPTIONS:
            raise ValueError(f"unknown encryption {str(encryption)[:20]}")
        objects = {}
        for item in doc["objects"]:
            name, size = str(item["name"]), int(item["size"])
            if not OBJECT_NAME.match(name) or size < 0:
                raise ValueError("a bad object name or size")
            objects[name] = size
        files = None
        if encryption != "passphrase":
            files = [_record(item) for item in doc["files"]]
            if any(record.object not in objects for record in files):
                raise ValueError("a file whose object is not listed")
        elif not isinstance(doc.get("sealed_files"), str) or not isinstance(doc.get("sealed_key"), str):
            raise ValueError("no sealed file list or key")
        return Manifest(backup_id=str(doc["backup_id"]), created=str(doc["created"]),
                        app_version=str(doc.get("app_version", "")), encryption=encryption, files=files,
                        objects=objects, sealed_files=doc.get("sealed_files"), sealed_key=doc.get("sealed_key"))
    except DamagedBackup:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        raise _damaged(path, f"{MANIFEST}: {exc.__class__.__name__}: {str(exc)[:60]}") from None


def object_path(root: Path, name: str) -> Path:
    """Where object ``name`` lives in the backup folder ``root``."""
    return Path(root) / "objects" / name[:2] / name


def manifest_path(root: Path) -> Path:
    return Path(root) / MANIFEST


def is_backup(folder: Path) -> bool:
    return os.path.isfile(manifest_path(folder))
