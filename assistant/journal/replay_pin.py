"""The replay PIN: what lets "play my last entry" be heard by its owner only.

The PIN itself is never kept: only a salted scrypt hash of it, in
``replay-pin.json`` in the data directory (beside the journal folder), a
private file (0600) written atomically. The same file counts wrong PINs:
after :data:`WRONG_LIMIT` in a row, replay by voice rests for
:data:`REST_S` before it asks again, so guessing a 4-digit PIN aloud takes
days, not minutes. (Read from the disk, 4 to 8 digits would not hold out
long against scrypt guessing; the file is as private as the journal itself.)
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from assistant.errors import UserError
from assistant.paths import sync_folder

PIN_FILE = "replay-pin.json"
DIGITS_MIN, DIGITS_MAX = 4, 8
WRONG_LIMIT = 3
"""Wrong PINs in a row before replay by voice rests."""
REST_S = 15 * 60
"""How long it rests then (seconds)."""
SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1}
"""About 16 MB and a tenth of a second on a Raspberry Pi 4."""


def pin_file(journal_folder: str | os.PathLike) -> Path:
    """Where the PIN's hash is kept: the data directory, which holds the journal folder."""
    return Path(journal_folder).parent / PIN_FILE


def pin_problem(pin: str) -> str | None:
    """Why ``pin`` cannot be a PIN, or None."""
    if not pin.isascii() or not pin.isdigit():
        return "a PIN is digits only (0 to 9)"
    if not DIGITS_MIN <= len(pin) <= DIGITS_MAX:
        return f"a PIN has {DIGITS_MIN} to {DIGITS_MAX} digits"
    return None


def _hash(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024, dklen=32)


@dataclass
class ReplayPin:
    """The stored PIN (its hash) and the count of wrong tries, in one file."""

    path: Path
    clock: Callable[[], float] = time.time

    def _read(self) -> dict | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise UserError(f"{self.path}: cannot be read ({getattr(exc, 'strerror', None) or exc}); "
                            "set the PIN again with 'voice-journal pin set'") from None
        if not (isinstance(data, dict) and isinstance(data.get("hash"), str) and isinstance(data.get("salt"), str)):
            raise UserError(f"{self.path}: not a PIN file; set the PIN again with 'voice-journal pin set'")
        return data

    def _write(self, data: dict) -> None:
        temp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temp, 0o600)
            os.replace(temp, self.path)
            sync_folder(self.path.parent)
        except OSError as exc:
            temp.unlink(missing_ok=True)
            raise UserError(f"cannot write {self.path} ({exc.strerror}); check the data folder's space and "
                            "permissions") from None

    @property
    def is_set(self) -> bool:
        return self._read() is not None

    def set(self, pin: str) -> None:
        problem = pin_problem(pin)
        if problem:
            raise UserError(f"{problem}; try again")
        salt = secrets.token_bytes(16)
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._write({"kdf": "scrypt", **SCRYPT, "salt": salt.hex(), "hash": _hash(pin, salt, **SCRYPT).hex(),
                     "wrong": 0, "rest_until": 0})

    def clear(self) -> bool:
        """Forget the PIN; False when none was set."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            return False
        sync_folder(self.path.parent)
        return True

    def resting(self) -> bool:
        """Whether too many wrong PINs came lately (then nothing is asked)."""
        data = self._read()
        return data is not None and float(data.get("rest_until", 0)) > self.clock()

    def check(self, pin: str) -> bool:
        """Whether ``pin`` is the PIN; a wrong one is counted (and may start the rest)."""
        data = self._read()
        if data is None:
            return False
        try:
            expected = bytes.fromhex(data["hash"])
            given = _hash(pin, bytes.fromhex(data["salt"]), int(data.get("n", SCRYPT["n"])),
                          int(data.get("r", SCRYPT["r"])), int(data.get("p", SCRYPT["p"])))
        except (ValueError, TypeError, UnicodeEncodeError):
            given, expected = b"", b"\x00"
        right = hmac.compare_digest(given, expected)
        wrong = 0 if right else int(data.get("wrong", 0)) + 1
        rest_until = float(data.get("rest_until", 0))
        if wrong >= WRONG_LIMIT:
            wrong, rest_until = 0, self.clock() + REST_S
        if (wrong, rest_until) != (data.get("wrong", 0), data.get("rest_until", 0)):
            self._write({**data, "wrong": wrong, "rest_until": rest_until})
        return right
