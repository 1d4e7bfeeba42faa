"""Turning the journal's encryption on and off, and changing its passphrase.

Turning encryption on or off converts one file at a time, each atomically,
and readers accept both kinds, so an interrupted run is safe and running
the command again finishes the job. Where the passphrase comes from is
:mod:`assistant.journal.passphrase`.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterator

from assistant.audio.chunks import WAV_HEADER_BYTES, WavWriter, repair_wav
from assistant.conversation.draft import convert_drafts
from assistant.errors import UserError
from assistant.journal.book import Journal
from assistant.journal.search import discard_search_cache
from assistant.journal.passphrase import forget, journal_vault, read_passphrase, remember
from assistant.journal.sealed_audio import SealedWavWriter, is_sealed_recording, read_recording
from assistant.journal.storage import write_atomic
from assistant.journal.vault import (Vault, change_passphrase, create_key, is_encrypted, is_sealed, key_path,
                                     unlock)


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
    found = []
    for path in sorted(audio_dir.rglob("*.wav")):
        if not path.is_file() or path.is_symlink():
            continue
        if path.stat().st_size == 0:  # a recording killed before its first byte (an import, say): holds nothing
            path.unlink()
            continue
        found.append(path)
    return found


def _repaired(path: Path) -> None:
    """Fix the header of a plain recording cut short by a crash before it is
    converted: its header still gives the size it had when last closed (or
    none), and converting by it would keep only that much of the audio."""
    try:
        if is_sealed_recording(path):
            return
        with open(path, "rb") as handle:
            header = handle.read(WAV_HEADER_BYTES)
        if len(header) < WAV_HEADER_BYTES or header[:4] != b"RIFF" or header[36:40] != b"data":
            return  # not a file this package wrote: read as it is
        stated = int.from_bytes(header[40:44], "little")
        if stated != path.stat().st_size - WAV_HEADER_BYTES:
            repair_wav(path)
    except UserError:
        return


def _rewrite_audio(path: Path, vault: Vault | None, writer: Callable) -> None:
    """Replace a recording by its other form, via a temporary file and a rename."""
    tmp = path.with_name(f".{path.name}{CONVERT_SUFFIX}")
    try:
        _repaired(path)
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
    yield from convert_drafts(Path(paths.audio_dir), vault, vault)  # a --no-audio answer a crash left
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
    yield from convert_drafts(Path(paths.audio_dir), vault, None)


# -- what the commands do -----------------------------------------------------------

def _locked(paths, vault: Vault | None) -> Journal:
    """The journal opened for writing: its lock keeps a session out while files change form."""
    paths.ensure_private_dirs()
    return Journal(paths.journal_dir, write=True, vault=vault)


def encrypt_journal(paths, settings) -> list[Path]:
    """Turn encryption on (asking for a new passphrase), or finish an interrupted run.

    Returns the files converted.
    """
    folder = Path(paths.journal_dir)
    if is_encrypted(folder):
        vault = journal_vault(paths, settings)  # already on: finish an interrupted run
    else:
        passphrase = read_passphrase(settings, "New passphrase for the journal: ", confirm=True)
        with _locked(paths, None):
            vault = create_key(folder, passphrase)
        remember(folder, vault)
    with _locked(paths, vault):
        return list(seal_all(paths, vault))


def _encrypted(paths, otherwise: str) -> Path:
    folder = Path(paths.journal_dir)
    if not is_encrypted(folder):
        raise UserError(f"the journal is not encrypted; {otherwise}")
    return folder


def decrypt_journal(paths, settings) -> list[Path]:
    """Store everything in the clear again; the key goes last. Returns the files converted."""
    folder = _encrypted(paths, "nothing to do")
    vault = journal_vault(paths, settings)
    with _locked(paths, vault):
        done = list(open_all(paths, vault))
        key_path(folder).unlink()  # last: until here every file can still be read with the key
    forget(folder)
    return done


def check_encrypted(paths) -> None:
    """A passphrase can only be changed on an encrypted journal."""
    _encrypted(paths, "'voice-journal encrypt' turns it on")


def change_journal_passphrase(paths, old: str, new: str) -> None:
    """Wrap the journal's key with ``new``; nothing else is rewritten."""
    folder = _encrypted(paths, "'voice-journal encrypt' turns it on")
    with _locked(paths, unlock(folder, old)):
        change_passphrase(folder, old, new)
    forget(folder)
