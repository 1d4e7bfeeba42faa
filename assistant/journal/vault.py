"""Encryption at rest: one key for the journal, unlocked by a passphrase.

Off until ``voice-journal encrypt``. Then a random 256-bit data key seals
every journal shard, word-timing shard and answer recording with
AES-256-GCM (the ``cryptography`` library; nothing home-made). The data key
lives in ``key.json`` in the journal folder, wrapped by a key derived from
the passphrase with scrypt: a wrong passphrase fails GCM's check (a clear
error, nothing touched), and a new passphrase rewrites one small file.

Sealed files start with a magic prefix, so plain and sealed files can be
read side by side: turning encryption on converts one file at a time, each
atomically, and can be interrupted and run again.

Answer audio is sealed as a stream of records, one per chunk, each with its
own nonce and its index in the authenticated data: a crash mid-answer
leaves every whole record readable, as a plain WAV keeps its samples.
"""
from __future__ import annotations

import base64
import json
import os
import struct
from pathlib import Path

from assistant.errors import UserError
from assistant.journal.storage import write_atomic

KEY_FILE = "key.json"
SEALED = b"VJSEAL1\n"
"""The first bytes of a sealed blob (a journal shard, say)."""
SEALED_AUDIO = b"VJAUDIO1"
"""The first bytes of a sealed recording."""
NONCE_BYTES = 12
TAG_BYTES = 16
SCRYPT = {"n": 2**15, "r": 8, "p": 1}
"""About 32 MB and a fraction of a second on a Raspberry Pi 4: slow enough to
make guessing expensive, quick enough not to be noticed at the start."""


class WrongPassphrase(UserError):
    pass


def _aesgcm(key: bytes):
    # late: cryptography loads only when a journal is encrypted
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key)


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    # late: cryptography loads only when a journal is encrypted
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


class Vault:
    """Seals and opens bytes with the journal's data key."""

    def __init__(self, key: bytes):
        if len(key) != 32:
            raise ValueError("a vault key is 32 bytes")
        self._aead = _aesgcm(key)

    def seal(self, data: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return SEALED + nonce + self._aead.encrypt(nonce, data, SEALED)

    def open(self, blob: bytes, where: str | os.PathLike = "the file") -> bytes:
        """The plain bytes of a sealed blob; plain input comes back as it is."""
        if not is_sealed(blob):
            return blob
        # late: cryptography loads only when a journal is encrypted
        from cryptography.exceptions import InvalidTag

        body = blob[len(SEALED):]
        try:
            if len(body) < NONCE_BYTES + TAG_BYTES:  # cut short: only its header, say
                raise InvalidTag
            return self._aead.decrypt(body[:NONCE_BYTES], body[NONCE_BYTES:], SEALED)
        except InvalidTag:
            raise UserError(
                f"{where} is damaged or was sealed with another key; it was left untouched. "
                f"Restore it from its .bak copy if there is one"
            ) from None

    # -- recordings: a header, then one sealed record per chunk -----------------

    def record(self, file_id: bytes, index: int, data: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, data, file_id + struct.pack("<Q", index))
        return struct.pack("<I", len(sealed)) + nonce + sealed

    def open_record(self, file_id: bytes, index: int, nonce: bytes, sealed: bytes) -> bytes | None:
        # late: cryptography loads only when a journal is encrypted
        from cryptography.exceptions import InvalidTag

        try:
            return self._aead.decrypt(nonce, sealed, file_id + struct.pack("<Q", index))
        except InvalidTag:
            return None


def is_sealed(data: bytes) -> bool:
    return data.startswith(SEALED)


# -- the key file --------------------------------------------------------------

def key_path(journal_dir: str | os.PathLike) -> Path:
    return Path(journal_dir) / KEY_FILE


def is_encrypted(journal_dir: str | os.PathLike) -> bool:
    return key_path(journal_dir).exists()


def create_key(journal_dir: str | os.PathLike, passphrase: str) -> Vault:
    """A new data key, wrapped by ``passphrase`` into ``key.json``."""
    if not passphrase:
        raise UserError("the passphrase is empty; choose one you can say or type again later")
    key = os.urandom(32)
    write_atomic(key_path(journal_dir), _wrap(key, passphrase))
    return Vault(key)


def change_passphrase(journal_dir: str | os.PathLike, old: str, new: str) -> None:
    """Wrap the same data key with a new passphrase: nothing else is rewritten."""
    if not new:
        raise UserError("the new passphrase is empty; choose one you can say or type again later")
    write_atomic(key_path(journal_dir), _wrap(_unwrap(journal_dir, old), new))


def unlock(journal_dir: str | os.PathLike, passphrase: str) -> Vault:
    return Vault(_unwrap(journal_dir, passphrase))


def _wrap(key: bytes, passphrase: str) -> bytes:
    salt, nonce = os.urandom(16), os.urandom(NONCE_BYTES)
    wrapping = _aesgcm(_derive(passphrase, salt, **SCRYPT))
    doc = {
        "version": 1,
        "cipher": "AES-256-GCM",
        "kdf": {"name": "scrypt", "salt": _b64(salt), **SCRYPT},
        "nonce": _b64(nonce),
        "wrapped_key": _b64(wrapping.encrypt(nonce, key, b"voice-journal data key")),
    }
    return (json.dumps(doc, indent=1) + "\n").encode("utf-8")


def _check_key_fields(salt: bytes, nonce: bytes, wrapped: bytes, n: int, r: int, p: int) -> None:
    """Refuse key.json fields no voice-journal writes (ValueError): a damaged
    ``n`` would otherwise ask scrypt for terabytes, or fail deep inside it."""
    if not (n >= 2 and n & (n - 1) == 0 and n <= 2**22 and 1 <= r <= 64 and 1 <= p <= 16 and n * r <= 2**24):
        raise ValueError("scrypt n, r, p")
    if len(salt) < 8 or len(nonce) != NONCE_BYTES or len(wrapped) != 32 + TAG_BYTES:
        raise ValueError("salt, nonce or wrapped key")


def _unwrap(journal_dir: str | os.PathLike, passphrase: str) -> bytes:
    # late: cryptography loads only when a journal is encrypted
    from cryptography.exceptions import InvalidTag

    path = key_path(journal_dir)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        kdf = doc["kdf"]
        salt, nonce, wrapped = (base64.b64decode(v) for v in (kdf["salt"], doc["nonce"], doc["wrapped_key"]))
        params = {k: int(kdf[k]) for k in ("n", "r", "p")}
        _check_key_fields(salt, nonce, wrapped, **params)
    except FileNotFoundError:
        raise UserError(f"the journal in {path.parent} is not encrypted; 'voice-journal encrypt' turns it on") from None
    except (OSError, ValueError, KeyError, TypeError, RecursionError) as exc:
        raise UserError(
            f"{path} is damaged ({exc.__class__.__name__}: {str(exc)[:60]}); without it the journal cannot be opened. "
            "Restore it from a backup of the data folder"
        ) from None
    try:
        return _aesgcm(_derive(passphrase, salt, **params)).decrypt(nonce, wrapped, b"voice-journal data key")
    except InvalidTag:
        raise WrongPassphrase(
            "wrong passphrase for the journal; nothing was changed. Try again (it is case-sensitive)"
        ) from None
