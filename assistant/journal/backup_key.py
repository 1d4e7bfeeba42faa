"""The key of a backup sealed with a passphrase of its own (``backup --encrypt``).

A plain journal's backup can be sealed so that a lost USB stick gives
nothing away. The backup gets a random data key; the passphrase unlocks it
through ``key.json`` beside the manifest, made and read exactly as a
journal's (:mod:`assistant.journal.vault`: scrypt, AES-256-GCM), and the
data key is kept in the manifest, sealed by that key.

The Pi keeps the data key too (``backup-keys.json`` in the data directory,
0600), so the nightly backup runs without anyone typing: the journal it
copies is in the clear on the same disk anyway. After the SD card dies the
passphrase is what opens the backup.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
from pathlib import Path
from typing import Callable

from assistant.errors import UserError
from assistant.journal.storage import write_atomic
from assistant.journal.vault import Vault, WrongPassphrase, create_key, unlock

BACKUP_PASSPHRASE_ENV = "VOICE_JOURNAL_BACKUP_PASSPHRASE"
KEY_CACHE = "backup-keys.json"

Ask = Callable[[str, bool], str]
"""``ask(question, confirm)``: a passphrase typed at the terminal."""


def backup_passphrase(ask: Ask | None, question: str, confirm: bool) -> str:
    """The backup's passphrase: from ``VOICE_JOURNAL_BACKUP_PASSPHRASE``, else asked."""
    if os.environ.get(BACKUP_PASSPHRASE_ENV):
        return os.environ[BACKUP_PASSPHRASE_ENV]
    if ask is None:
        raise UserError(f"this backup is sealed with a passphrase: give it in {BACKUP_PASSPHRASE_ENV}, "
                        "or run the command from a terminal to type it", exit_code=1)
    return ask(question, confirm)


def new_key(root: Path, passphrase: str) -> tuple[bytes, str]:
    """A new data key for the backup in ``root``: (the key, the key sealed for the manifest).
    Writes ``root/key.json``."""
    wrapping = create_key(root, passphrase)
    key = os.urandom(32)
    return key, base64.b64encode(wrapping.seal(key)).decode("ascii")


def open_key(root: Path, sealed_key: str, passphrase: str) -> bytes:
    """The backup's data key, unlocked by its passphrase; a wrong one is one line."""
    try:
        wrapping = unlock(root, passphrase)
    except WrongPassphrase:
        raise WrongPassphrase(f"wrong passphrase for the backup in {root}; nothing was changed. "
                              "Try again (it is case-sensitive)", exit_code=1) from None
    except UserError as exc:
        raise UserError(f"the backup in {root} cannot be unlocked: {exc}", exit_code=1) from None
    return wrapping.open(base64.b64decode(sealed_key), root / "key.json")


def _cache(data_dir: Path) -> Path:
    return Path(data_dir) / KEY_CACHE


def _fingerprint(sealed_key: str) -> str:
    return hashlib.sha256(sealed_key.encode("ascii")).hexdigest()[:32]


def remembered(data_dir: Path, sealed_key: str) -> bytes | None:
    """The data key kept on this Pi for the backup whose manifest holds ``sealed_key``."""
    try:
        keys = json.loads(_cache(data_dir).read_text(encoding="utf-8"))
        return base64.b64decode(keys[_fingerprint(sealed_key)])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def remember(data_dir: Path, sealed_key: str, key: bytes) -> None:
    """Keep the data key on this Pi (0600), so the nightly backup needs nobody to type."""
    try:
        keys = json.loads(_cache(data_dir).read_text(encoding="utf-8"))
        keys = keys if isinstance(keys, dict) else {}
    except (OSError, ValueError):
        keys = {}
    keys[_fingerprint(sealed_key)] = base64.b64encode(key).decode("ascii")
    try:
        write_atomic(_cache(data_dir), (json.dumps(keys, indent=1) + "\n").encode("utf-8"))
    except UserError:
        pass  # the next backup asks for the passphrase instead


def vault_for(key: bytes) -> Vault:
    return Vault(key)
