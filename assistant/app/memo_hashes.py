"""Knowing a voice memo that is already in the journal, so importing it twice adds it once.

Each entry ``voice-journal import`` makes keeps two content hashes:
``source_sha256``, of the file's bytes, and ``pcm_sha256``, of its sound as
read (mono 16-bit samples at the file's own rate, and that rate). The first
catches the same file again under any name; the second the same recording
in another container (a WAV and the FLAC made from it, a 24-bit copy), at
the cost of reading the file once more, which is small beside decoding it.

Entries imported before the hashes were kept have neither. They are matched
by what they do keep: the source file's name, when it was recorded (the
file's modification time, to the second) and how long it is (within
:data:`LEGACY_DURATION_S`). Such a match is then given the hashes
(backfilled when it is met, not by a migration of every shard), so from
then on it is known by its content.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.audio.chunks import read_wav

SOURCE_FIELD = "source_sha256"
PCM_FIELD = "pcm_sha256"
LEGACY_DURATION_S = 0.05
"""How far an old entry's ``duration_s`` (counted at 16 kHz after resampling)
may be from the file's own length and still be the same memo."""
BLOCK = 1 << 20


@dataclass(frozen=True)
class Fingerprint:
    """What identifies one memo file."""

    source_sha256: str
    pcm_sha256: str
    name: str
    """The file's name as the entry's ``source`` keeps it."""
    created_at: str
    duration_s: float

    def fields(self) -> dict[str, str]:
        """What the entry keeps."""
        return {SOURCE_FIELD: self.source_sha256, PCM_FIELD: self.pcm_sha256}


def fingerprint(source: Path, wav: Path, name: str, created_at: str) -> Fingerprint:
    """Hash ``source`` (the file given) and the sound of ``wav`` (the file
    itself, or the copy converted from it), streaming both."""
    whole = hashlib.sha256()
    with open(source, "rb") as handle:
        while block := handle.read(BLOCK):
            whole.update(block)
    sound = hashlib.sha256()
    samples, rate = 0, 0
    for chunk in read_wav(wav, chunk_s=1.0):
        if rate == 0:
            rate = chunk.rate_hz
            sound.update(f"{rate}:".encode())
        sound.update(chunk.pcm)
        samples += chunk.samples
    return Fingerprint(whole.hexdigest(), sound.hexdigest(), name, created_at,
                       samples / rate if rate else 0.0)


class ImportedMemos:
    """The journal's imported memos, by hash and (for old ones) by name and time."""

    def __init__(self, entries, prompt_id: str):
        self.by_hash: dict[str, str] = {}
        self.unhashed: dict[tuple[str, str], list[tuple[str, float]]] = {}
        for entry in entries:
            if entry.get("prompt_id") == prompt_id:
                self._note(entry)

    def _note(self, entry: dict[str, Any]) -> None:
        hashes = [entry.get(f) for f in (SOURCE_FIELD, PCM_FIELD) if isinstance(entry.get(f), str)]
        for value in hashes:
            self.by_hash.setdefault(value, entry["id"])
        if not hashes and isinstance(entry.get("source"), str):
            duration = entry.get("duration_s")
            key = (entry["source"], str(entry.get("created_at")))
            self.unhashed.setdefault(key, []).append(
                (entry["id"], float(duration) if isinstance(duration, (int, float)) else -1.0))

    def find(self, memo: Fingerprint) -> tuple[str, bool] | None:
        """(the id of the entry this memo already is, whether it was found
        without hashes and should be given them), or None."""
        for value in (memo.source_sha256, memo.pcm_sha256):
            if value in self.by_hash:
                return self.by_hash[value], False
        for entry_id, duration in self.unhashed.get((memo.name, memo.created_at), ()):
            if abs(duration - memo.duration_s) <= LEGACY_DURATION_S:
                return entry_id, True
        return None

    def add(self, entry_id: str, memo: Fingerprint) -> None:
        """An entry just made (or just given its hashes)."""
        for value in memo.fields().values():
            self.by_hash.setdefault(value, entry_id)
        key = (memo.name, memo.created_at)
        if key in self.unhashed:
            self.unhashed[key] = [pair for pair in self.unhashed[key] if pair[0] != entry_id]
