"""The journal's TinyDB storage: durable, and sealed when the journal is encrypted.

:class:`SealedJSONStorage` is :class:`~assistant.journal.storage.DurableJSONStorage`
with the journal's key (a :class:`~assistant.journal.vault.Vault`, or None
for a plain journal) applied to the bytes on their way to and from the
disk. Sealing works on the file's bytes, below the JSON, so it is a
storage rather than a TinyDB middleware (a middleware sees only the parsed
tables). The key is given once, when the journal is opened
(``storage=sealed_storage(vault)``); the durable write stays in one place.

A sealed and a plain file are read alike, so a journal half-way through
being encrypted (or decrypted) reads as a whole; a sealed file without the
key is refused in one line.
"""
from __future__ import annotations

import os
from functools import partial
from typing import Callable

from assistant.errors import UserError
from assistant.journal.storage import FILE_MODE, DurableJSONStorage
from assistant.journal.vault import Vault, is_sealed


class SealedJSONStorage(DurableJSONStorage):
    """Writes sealed with ``vault`` (plain when it is None); reads either kind."""

    def __init__(self, path: str | os.PathLike, vault: Vault | None = None, mode: int = FILE_MODE):
        super().__init__(path, mode)
        self.vault = vault

    def decode(self, raw: bytes) -> bytes:
        if not is_sealed(raw):
            return raw
        if self.vault is None:
            raise UserError(f"{self.path} is encrypted; it can only be read with the journal's passphrase")
        return self.vault.open(raw, self.path)

    def encode(self, raw: bytes) -> bytes:
        return self.vault.seal(raw) if self.vault is not None else raw


def sealed_storage(vault: Vault | None) -> Callable[..., SealedJSONStorage]:
    """A storage class for ``TinyDB(path, storage=...)`` that seals with ``vault``."""
    return partial(SealedJSONStorage, vault=vault)
