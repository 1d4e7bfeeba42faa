"""``voice-journal encrypt | decrypt | passphrase``, and unlocking the journal.

Encryption is a property of the journal folder (its ``key.json``), not a
setting: once it is on, every command needs the passphrase and nothing is
written in the clear, whatever the config says.

The passphrase comes from, in order: ``VOICE_JOURNAL_PASSPHRASE``; the file
named by the ``passphrase_file`` setting (for a screenless Pi: a file on a
USB stick, or a systemd credential); or the terminal, asked once.

Turning encryption on or off converts one file at a time, each atomically,
and readers accept both kinds, so an interrupted run is safe and running
the command again finishes the job.
"""
from __future__ import annotations

import getpass
import json
import os
import stat
import sys
from pathlib import Path
from typing import Callable, Iterator

from assistant.audio.chunks import WavWriter
from assistant.errors import UserError
from assistant.journal.book import discard_search_cache
from assistant.journal.sealed_audio import SealedWavWriter, is_sealed_recording, read_recording
from assistant.journal.storage import write_atomic
from assistant.journal.vault import (Vault, change_passphrase, create_key, is_encrypted, is_sealed, key_path,
                    unlock)

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
    return _ask(question, confirm)


def _ask(question: str, confirm: bool) -> str:
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


# -- converting the files ---------------------------------------------------------

def _journal_files(folder: Path) -> list[Path]:
    """Shards, word shards and their backups: everything holding transcripts."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and (p.name.endswith(".json") or p.name.endswith(".json.bak")) and p.name != key_path(folder).name)


CONVERT_SUFFIX = ".convert.tmp"


def _recordings(audio_dir: Path) -> list[Path]:
    """The recordings, after removing the half-converted copies an interrupted
    run left (the journal's lock is held: nobody else is converting)."""
    if not audio_dir.is_dir():
        return []
    for stale in audio_dir.rglob(f".*.wav{CONVERT_SUFFIX}"):
        stale.unlink(missing_ok=True)
    return sorted(p for p in audio_dir.rglob("*.wav") if p.is_file())


def _rewrite_audio(path: Path, vault: Vault | None, writer: Callable) -> None:
    """Replace a recording by its other form, via a temporary file and a rename."""
    tmp = path.with_name(f".{path.name}{CONVERT_SUFFIX}")
    try:
        chunks = list(read_recording(path, vault))
        rate = chunks[0].rate_hz if chunks else 16000
        with writer(tmp, rate) as out:
            for chunk in chunks:
                out.write(chunk)
        os.replace(tmp, path)
    except UserError:
        tmp.unlink(missing_ok=True)
        raise
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"could not rewrite {path} ({exc.strerror}); free some space and run the command again") from None


def seal_all(paths, vault: Vault) -> Iterator[Path]:
    """Seal every plain journal file and recording; yields each one done."""
    for path in _journal_files(Path(paths.journal_dir)):
        data = path.read_bytes()
        if not is_sealed(data):
            write_atomic(path, vault.seal(data))
            yield path
    for path in _recordings(Path(paths.audio_dir)):
        if not is_sealed_recording(path):
            _rewrite_audio(path, None, lambda p, rate: SealedWavWriter(p, rate, vault))
            yield path
    # the search index holds transcripts in the clear: an encrypted journal is scanned instead
    discard_search_cache(paths.journal_dir)


def open_all(paths, vault: Vault) -> Iterator[Path]:
    """Turn every sealed file back into a plain one; yields each one done."""
    for path in _journal_files(Path(paths.journal_dir)):
        data = path.read_bytes()
        if is_sealed(data):
            write_atomic(path, vault.open(data, path))
            yield path
    for path in _recordings(Path(paths.audio_dir)):
        if is_sealed_recording(path):
            _rewrite_audio(path, vault, WavWriter)
            yield path


# -- the commands -------------------------------------------------------------------

def register(subparsers, common) -> None:
    p = subparsers.add_parser("encrypt", parents=[common],
                              help="encrypt the journal and recordings with a passphrase (or finish doing so)")
    p.set_defaults(handler=cmd_encrypt)
    p = subparsers.add_parser("decrypt", parents=[common], help="turn encryption off: store everything in the clear again")
    p.set_defaults(handler=cmd_decrypt)
    p = subparsers.add_parser("passphrase", parents=[common], help="change the journal's passphrase")
    p.set_defaults(handler=cmd_passphrase)


def _locked(paths, vault: Vault | None):
    from assistant.journal.book import Journal

    paths.ensure_private_dirs()
    return Journal(paths.journal_dir, write=True, vault=vault)


def _report(args, action: str, done: list[Path], encrypted: bool) -> None:
    if args.json:
        print(json.dumps({"action": action, "files": len(done), "encrypted": encrypted}))
    else:
        print(f"{action}: {len(done)} file(s) converted; the journal is {'encrypted' if encrypted else 'not encrypted'}.",
              file=sys.stderr)


def cmd_encrypt(args, paths, settings) -> int:
    folder = Path(paths.journal_dir)
    if is_encrypted(folder):
        vault = journal_vault(paths, settings)  # already on: finish an interrupted run
    else:
        passphrase = read_passphrase(settings, "New passphrase for the journal: ", confirm=True)
        with _locked(paths, None):
            vault = create_key(folder, passphrase)
        _unlocked[folder] = vault
    with _locked(paths, vault):
        done = list(seal_all(paths, vault))
    _report(args, "encrypt", done, True)
    return 0


def _encrypted(paths, otherwise: str) -> Path:
    folder = Path(paths.journal_dir)
    if not is_encrypted(folder):
        raise UserError(f"the journal is not encrypted; {otherwise}")
    return folder


def cmd_decrypt(args, paths, settings) -> int:
    folder = _encrypted(paths, "nothing to do")
    vault = journal_vault(paths, settings)
    with _locked(paths, vault):
        done = list(open_all(paths, vault))
        key_path(folder).unlink()  # last: until here every file can still be read with the key
    _unlocked.pop(folder, None)
    _report(args, "decrypt", done, False)
    return 0


def cmd_passphrase(args, paths, settings) -> int:
    folder = _encrypted(paths, "'voice-journal encrypt' turns it on")
    old = read_passphrase(settings, "Current passphrase: ")
    new_env = os.environ.get("VOICE_JOURNAL_NEW_PASSPHRASE")
    if new_env is None and not sys.stdin.isatty():
        raise UserError("give the new passphrase in VOICE_JOURNAL_NEW_PASSPHRASE, or run this from a terminal")
    new = new_env if new_env is not None else _ask("New passphrase: ", confirm=True)
    with _locked(paths, unlock(folder, old)):
        change_passphrase(folder, old, new)
    _unlocked.pop(folder, None)
    if args.json:
        print(json.dumps({"action": "passphrase", "changed": True}))
    else:
        print("The passphrase was changed; the journal itself was not rewritten.", file=sys.stderr)
    return 0
