"""The words of an answer in progress, on disk as they are heard.

With ``keep_audio = false`` (``--no-audio``) there is no recording for crash
recovery to transcribe again: the live transcript is the only copy of what
was said. So it is written, as it grows, to a small draft file where the
recording would have been (``<audio_dir>/<day>/<session id>-<n>.draft``,
in the private data folder, never in a shared one), and removed once the
answer is stored. After a kill or a power cut, recovery
(:func:`keep_drafts`, called by :mod:`assistant.app.recovery`) stores it as
an entry marked ``"recovered": true``, like a cut-off recording.

The file is append-only, one record a line: a header (the session and the
prompt), then each closed utterance with its words (``said``), the words
heard so far of the utterance under way (``partial``), and ``reset`` when
"scratch that" or "undo" changed what came before (the whole answer
follows). A closed utterance is fsynced at once, a partial about every
second (:data:`assistant.audio.chunks.SYNC_EVERY_S`, as recordings are): a
kill loses nothing already shown, a power cut at most the last second.

When the journal is encrypted every line is sealed with its key
(base64 of :meth:`assistant.journal.vault.Vault.seal`); ``encrypt`` and
``decrypt`` convert a draft left by a crash like a recording
(:func:`convert_drafts`).
"""
from __future__ import annotations

import base64
import json
import os
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Iterable, Iterator

from assistant.audio.chunks import SYNC_EVERY_S, make_private_dirs
from assistant.conversation.entry import new_entry
from assistant.errors import UserError
from assistant.journal.shards import month_after
from assistant.paths import sync_folder

SUFFIX = ".draft"
FORMAT = 1


def draft_path(audio_dir: Path, session_id: str, number: int) -> Path:
    """Where the draft of the session's ``number``-th answer goes (beside its recording, if it had one)."""
    return Path(audio_dir) / session_id.split(".")[0] / f"{session_id}-{number}{SUFFIX}"


class AnswerDraft:
    """Writes one answer's live transcript to its draft file.

    Nothing is written until there is something to keep; a write that fails
    (a full disk) stops the draft with one warning and never the evening.
    """

    def __init__(self, path: Path, header: dict[str, Any], vault=None):
        self.path = Path(path)
        self.header = {"draft": FORMAT, **header}
        self._vault = vault
        self._file = None
        self._written: list = []  # the utterances already in the file, in order
        self._partial = ""
        self._dirty = False
        self._synced_at = 0.0
        self._failed = False

    def update(self, utterances: list, partial: str = "") -> None:
        """The answer as it stands: its closed utterances and the words heard since."""
        if self._failed:
            return
        try:
            self._update(list(utterances), partial.strip())
        except OSError as exc:
            self._failed = True
            print(f"voice-journal: cannot keep a draft of this answer at {self.path} ({exc.strerror}); "
                  "it is saved when it ends, but a power cut before then would lose it", file=sys.stderr)

    def _update(self, utterances: list, partial: str) -> None:
        closed = False
        if utterances[: len(self._written)] != self._written:  # scratch or undo: write the answer afresh
            self._put({"reset": True})
            self._written, self._partial = [], ""
        for utterance in utterances[len(self._written):]:
            self._put({"said": utterance.text, "words": [w.as_dict() for w in utterance.words]})
            self._written.append(utterance)
            self._partial, closed = "", True
        if partial != self._partial and (partial or self._file is not None):
            self._put({"partial": partial})
            self._partial = partial
        if self._file is not None and self._dirty and (closed or time.monotonic() - self._synced_at >= SYNC_EVERY_S):
            os.fsync(self._file.fileno())  # a closed utterance at once; words under way about every second
            self._dirty, self._synced_at = False, time.monotonic()

    def _put(self, record: dict[str, Any]) -> None:
        if self._file is None:
            if not record.get("said") and not record.get("partial"):
                return  # nothing said yet: no file
            make_private_dirs(self.path.parent)
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            self._file = os.fdopen(fd, "wb")
            self._file.write(_line(self.header, self._vault))
            self._synced_at = float("-inf")  # the first words are synced at once, with the file's name
            sync_folder(self.path.parent)
        self._file.write(_line(record, self._vault))
        self._file.flush()  # a kill then loses nothing: the words are in the page cache
        self._dirty = True

    def discard(self) -> None:
        """The answer is stored (or there was none): the draft goes."""
        if self._file is not None:
            try:
                self._file.close()
            except OSError:
                pass
            self._file = None
        self.path.unlink(missing_ok=True)
        self._failed = True  # nothing more is written for this answer


def _line(record: dict[str, Any], vault) -> bytes:
    data = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if vault is not None:
        data = base64.b64encode(vault.seal(data))
    return data + b"\n"


# -- reading a draft back -------------------------------------------------------

@dataclass
class Draft:
    """What a draft file holds."""

    path: Path
    header: dict[str, Any]
    said: list[dict[str, Any]] = field(default_factory=list)
    partial: str = ""
    sealed: bool = False

    @property
    def transcript(self) -> str:
        return " ".join([s["said"] for s in self.said if s["said"]] + ([self.partial] if self.partial else []))

    @property
    def words(self) -> list[dict[str, Any]]:
        return [w for s in self.said for w in s.get("words", [])]


def read_draft(path: Path, vault=None) -> Draft | None:
    """The draft in ``path``; None when it holds no header (killed before its first line was whole).

    A torn last line (a crash while it was written) is skipped; a damaged
    line before the end, or a sealed one without the key, is a UserError."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UserError(f"cannot read {path} ({exc.strerror})") from None
    lines = raw.split(b"\n")
    draft = None
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        last = number == len(lines) - 1  # no newline after it: it may be torn
        try:
            record, sealed = _record(line, vault, path)
        except UserError:
            if last:
                break
            raise
        if draft is None:
            if record.get("draft") != FORMAT:
                raise UserError(f"{path} is not a draft this assistant wrote; it was left as it is")
            draft = Draft(Path(path), record, sealed=sealed)
        elif record.get("reset"):
            draft.said, draft.partial = [], ""
        elif isinstance(record.get("said"), str):
            words = record.get("words")
            draft.said.append({"said": record["said"], "words": words if isinstance(words, list) else []})
            draft.partial = ""
        elif isinstance(record.get("partial"), str):
            draft.partial = record["partial"]
    return draft


def _record(line: bytes, vault, path: Path) -> tuple[dict[str, Any], bool]:
    sealed = not line.startswith(b"{")
    try:
        if sealed:
            blob = base64.b64decode(line, validate=True)
            if vault is None:
                raise UserError(f"{path} is encrypted; give the journal's passphrase to recover it")
            line = vault.open(blob, path)
        record = json.loads(line.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise UserError(f"{path} is damaged; it was left as it is") from None
    if not isinstance(record, dict):
        raise UserError(f"{path} is damaged; it was left as it is")
    return record, sealed


# -- recovery -------------------------------------------------------------------

def drafts_of(audio_dir: Path, sessions: Iterable[dict[str, Any]]) -> Iterator[tuple[Path, dict[str, Any]]]:
    """The drafts these sessions left, with their session."""
    for session in sessions:
        folder = Path(audio_dir) / session["id"].split(".")[0]
        if folder.is_dir():
            for path in sorted(folder.glob(f"{session['id']}-*{SUFFIX}")):
                yield path, session


def keep_drafts(journal, audio_dir: Path, sessions: list[dict[str, Any]]) -> tuple[list[str], set[str]]:
    """Store each draft these sessions left as an entry, then remove it.

    Returns (the new entries' ids, the sessions whose draft could not be read:
    it is left for next time and reported). A draft whose answer was stored
    before the crash (the process died between storing it and removing the
    draft) is only removed: no answer is stored twice."""
    saved: list[str] = []
    left: set[str] = set()
    vault = getattr(journal, "vault", None)
    for path, session in drafts_of(audio_dir, sessions):
        try:
            draft = read_draft(path, vault)
        except UserError as exc:
            print(f"voice-journal: could not recover {path}: {exc}", file=sys.stderr)
            left.add(session["id"])
            continue
        if draft is not None and draft.transcript and not _stored(journal, session, draft):
            answered = path.stat().st_mtime
            header = draft.header
            words = draft.words
            saved.append(journal.add_entry(new_entry(
                session=session["id"],
                created_at=datetime.fromtimestamp(answered).astimezone().isoformat(timespec="seconds"),
                language=header.get("language") or session.get("language", ""),
                prompt_id=header.get("prompt_id"), prompt_set=header.get("prompt_set"),
                prompt_text=header.get("prompt_text") or "", transcript=draft.transcript, words=words,
                model=header.get("model") or "",
                duration_s=round(max((w.get("end", 0.0) for w in words), default=0.0), 3),
                audio=None, recovered=True,
            )))
        path.unlink(missing_ok=True)
        sync_folder(path.parent)
    return saved, left


def _stored(journal, session: dict[str, Any], draft: Draft) -> bool:
    """Whether the session already has this prompt's answer (a prompt is answered once an evening)."""
    first = session["id"][:7]
    months = [m for m in (first, month_after(first)) if m in set(journal.months())]
    prompt_id = draft.header.get("prompt_id")
    return any(e.get("session") == session["id"] and e.get("prompt_id") == prompt_id
               for month in months for e in journal.month_entries(month))


# -- encrypt and decrypt -------------------------------------------------------------

def convert_drafts(audio_dir: Path, read_vault, write_vault) -> Iterator[Path]:
    """Rewrite every draft a crash left (sealed with ``write_vault``, or plain if None),
    atomically, one at a time; yields each one converted."""
    folder = Path(audio_dir)
    if not folder.is_dir():
        return
    for stale in folder.rglob(f".*{SUFFIX}.convert.tmp"):  # an interrupted run's (the journal's lock is held)
        stale.unlink(missing_ok=True)
    for path in sorted(folder.rglob(f"*{SUFFIX}")):
        if path.is_symlink() or not path.is_file():
            continue
        draft_lines = [line for line in path.read_bytes().split(b"\n") if line.strip()]
        if all(line.startswith(b"{") == (write_vault is None) for line in draft_lines):
            continue
        out = bytearray()
        for number, line in enumerate(draft_lines):
            try:
                record, _ = _record(line, read_vault, path)
            except UserError:
                if number == len(draft_lines) - 1:
                    break  # a torn last line
                raise
            out += _line(record, write_vault)
        tmp = path.with_name(f".{path.name}.convert.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(out)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise UserError(f"could not rewrite {path} ({exc.strerror}); "
                            "free some space and run the command again") from None
        sync_folder(path.parent)
        yield path
