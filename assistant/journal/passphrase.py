"""Where an encrypted journal's passphrase comes from, and its key, unlocked once.

Encryption is a property of the journal folder (its ``key.json``), not a
setting: once it is on, every command needs the passphrase. It comes from,
in order: ``VOICE_JOURNAL_PASSPHRASE``; the file named by the
``passphrase_file`` setting (for a screenless Pi: a file on a USB stick, or
a systemd credential); or the terminal, asked once. The unlocked key is kept
for the rest of the process, so scrypt runs once per command.
"""
from __future__ import annotations

import getpass
import os
import stat
import sys
from pathlib import Path

from assistant.errors import UserError
from assistant.journal.vault import Vault, is_encrypted, unlock

PASSPHRASE_ENV = "VOICE_JOURNAL_PASSPHRASE"

_unlocked: dict[Path, Vault] = {}


def read_passphrase(settings, question: str = "Passphrase for the journal: ", confirm: bool = False) -> str:
    """The passphrase, from the environment, a file, or the terminal."""
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    file = getattr(settings, "passphrase_file", "") or ""
    if file:
        return _from_file(Path(file).expanduser())
    if not sys.stdin.isatty():
        raise UserError(
            f"the journal is encrypted: give its passphrase in {PASSPHRASE_ENV}, in a file named by "
            "passphrase_file in the config, or run this from a terminal to type it"
        )
    return ask_passphrase(question, confirm)


def ask_passphrase(question: str, confirm: bool) -> str:
    """A passphrase typed at the terminal (twice, with ``confirm``)."""
    try:
        first = getpass.getpass(question)
        if confirm and getpass.getpass("Once more, to be sure: ") != first:
            raise UserError("the two passphrases differ; nothing was changed. Run the command again")
    except EOFError:
        raise UserError("no passphrase given; nothing was changed") from None
    return first


def _from_file(path: Path) -> str:
    try:
        info = path.stat()
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"passphrase_file {path} does not exist; fix the path in the config or plug in its drive") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read passphrase_file {path} ({exc.__class__.__name__}); check it") from None
    if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise UserError(f"passphrase_file {path} can be read by others; make it private with 'chmod 600 {path}'")
    return text.rstrip("\r\n")


def journal_vault(paths, settings) -> Vault | None:
    """The journal's key, unlocked once per process; None when not encrypted."""
    folder = Path(paths.journal_dir)
    if not is_encrypted(folder):
        return None
    if folder not in _unlocked:
        _unlocked[folder] = unlock(folder, read_passphrase(settings))
    return _unlocked[folder]


def remember(folder: Path, vault: Vault) -> None:
    """Keep a key just made, so the same command does not ask for it again."""
    _unlocked[Path(folder)] = vault


def forget(folder: Path) -> None:
    """Drop the kept key (after decrypting, or a new passphrase)."""
    _unlocked.pop(Path(folder), None)


def forget_all() -> None:
    """Drop every kept key, as a new process starts (tests run commands in one process)."""
    _unlocked.clear()
