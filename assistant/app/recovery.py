"""Keeping what a crash cut short.

A session streams each answer's audio to disk while the person speaks
(``<audio_dir>/<day>/<session id>-<prompt number>.wav``) and stores the
entry when the answer ends. If the process dies in between (a power cut, a
kill, a crash), the audio is on disk but no entry points at it, its WAV
header still counts only the first chunk written, and the session stays
``"open"``.

On the next start, holding the journal's write lock (so no session is
running), :func:`recover` finds such files, repairs their headers,
transcribes them with the session's model and stores each as an entry
marked ``"recovered": true``. Audio that is too short or has no words is
removed. A dead ``"open"`` session is then ended with status
``"recovered"``. ``"interrupted"`` sessions (Ctrl+C) usually saved their
last answer already; a file of theirs that no entry points at is recovered
the same way, and their status stays as it is.

An answer given with ``keep_audio = false`` has no recording: its words were
kept as they were heard in a draft file beside where the recording would be
(:mod:`assistant.conversation.draft`), which is stored the same way (no
model needed) and then removed.

Every step can be cut short and repeated: the header repair can be redone,
a stored entry points at its file so the file is never stored twice, and a
session is ended only after all its files are dealt with.
"""
from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from assistant.audio.chunks import AudioChunk, join, read_wav, repair_wav
from assistant.conversation.draft import keep_drafts
from assistant.conversation.entry import new_entry
from assistant.conversation.command_evidence import Evidence, decide, ordinary_phrases
from assistant.conversation.listening import COMMAND_MAX_SPAN_S, COMMAND_MAX_WORDS, SCRATCHED_MARK, command_window
from assistant.conversation.prompts import load_prompts
from assistant.errors import UserError
from assistant.journal.shards import month_after, signature
from assistant.journal.sealed_audio import is_sealed_recording, read_recording
from assistant.journal.storage import remove_stale_temps
from assistant.journal.vault import SEALED_AUDIO
from assistant.language.commands import build_index, match_command
from assistant.language.packs import load_language
from assistant.speech.vosk_asr import transcribe

AUDIO_NAME = re.compile(r"^(?P<session>\d{4}-\d{2}-\d{2}\.\d+)-(?P<number>\d+)\.wav$")
MIN_SECONDS = 0.3
"""Less audio than this is not an answer: the file is removed."""
COMPLETE_AFTER_S = 0.5
"""Silence after an utterance that shows it was finished, not cut off by the crash."""
RECOVERABLE = ("open", "interrupted")
"""Session statuses whose unreferenced audio is looked at ("finished" sessions
removed what they did not keep; "recovered" ones were dealt with)."""
_HEADER = 44  # audio.WAV_HEADER_BYTES


@dataclass(frozen=True)
class Orphan:
    """An answer's audio that no journal entry points at."""

    path: Path
    session: dict[str, Any]
    number: int
    """The prompt's number in the session (1-based)."""
    seconds: float
    """Audio in the file, from its size (its header may say 0)."""


def pending(journal, paths, language: str | None = None) -> list[Path]:
    """Answer audio a crash left behind (only ``language``'s, if given).

    Cheap: no model, no decoding; reads the sessions, lists the audio folders
    of unfinished sessions and, only if there are files, those sessions' entries.
    """
    return [orphan.path for orphan in _orphans(journal, paths, _unfinished(journal, paths), language)]


def recover(journal, paths, model_loader_or_model, language: str, *, model_name: str | None = None,
            note: "CheckedNote | None" = None) -> list[str]:
    """Store the answers a crash cut short; returns the new entries' ids.

    ``model_loader_or_model`` is a loaded Vosk model, something with ``get()``
    (:class:`~assistant.speech.vosk_asr.ModelLoader`) or a function returning the model;
    it is only used when there is audio to transcribe. Only sessions in
    ``language`` are transcribed (another language's model would not
    understand them); they wait for a session in their own language.
    ``note``: hold the note of the months found clean there (written by
    :meth:`CheckedNote.write`) rather than writing it at once.
    """
    if not journal.write:
        raise RuntimeError("recovery needs the journal opened for writing (it holds the lock)")
    remove_stale_temps(journal.folder)  # safe: we hold the lock
    model = _Lazy(model_loader_or_model)
    prompts: dict[str, dict] = {}
    unfinished = _unfinished(journal, paths, note)  # the shards changed since the last look; the rest reads a few shards
    _delete_scratched(paths, unfinished)
    saved, left = keep_drafts(journal, Path(paths.audio_dir), unfinished)  # --no-audio answers: no model needed
    for orphan in _orphans(journal, paths, unfinished, language):
        try:
            entry_id = _recover_one(journal, paths, orphan, model, prompts, model_name or _default_model(language))
        except UserError as exc:  # a file we cannot read: leave it (and its session) as it is
            print(f"voice-journal: could not recover {orphan.path}: {exc}", file=sys.stderr)
            left.add(orphan.session["id"])
            continue
        if entry_id:
            saved.append(entry_id)
    waiting = {o.session["id"] for o in _orphans(journal, paths, unfinished, None)} | left
    for session in unfinished:
        if session.get("status") == "open" and session["id"] not in waiting:
            journal.end_session(session["id"], "recovered")
    return saved


def recover_at_start(journal, paths, model_loader, language: str, model_name: str,
                     events: Callable[[dict], None] | None = None, note: "CheckedNote | None" = None) -> list[str]:
    """What :func:`assistant.app.evening.run_evening` calls after opening the journal: recover, and say so.

    Prints one line on stderr (and a ``recovered`` JSON event) when something
    was kept; a problem the person can fix is reported and the evening goes on.
    """
    try:
        saved = recover(journal, paths, model_loader, language, model_name=model_name, note=note)
    except UserError as exc:
        print(f"voice-journal: could not recover last time's answer: {exc}", file=sys.stderr)
        return []
    if saved:
        print(f"Kept {len(saved)} answer(s) from an evening that was cut short: {', '.join(saved)}",
              file=sys.stderr, flush=True)
        if events:
            events({"event": "recovered", "entries": saved})
    return saved


# -- the parts ------------------------------------------------------------

def _delete_scratched(paths, sessions: list[dict[str, Any]]) -> None:
    """Audio "scratch that" set aside in an evening that never ended (its end would have deleted it)."""
    for session in sessions:
        folder = Path(paths.audio_dir) / session["id"].split(".")[0]
        for wav in folder.glob(f"{session['id']}-*{SCRATCHED_MARK}*.wav"):
            wav.unlink(missing_ok=True)


class _Lazy:
    """The model, fetched the first time it is needed."""

    def __init__(self, source):
        self._source, self._model = source, None

    def get(self):
        if self._model is None:
            source = self._source
            if hasattr(source, "get"):
                self._model = source.get()
            elif callable(source):
                self._model = source()
            else:
                self._model = source
        return self._model


def _default_model(language: str) -> str:
    try:
        return load_language(language).model
    except UserError:
        return ""


def _unfinished(journal, paths, held: "CheckedNote | None" = None) -> list[dict[str, Any]]:
    """The sessions whose audio may hold an answer no entry points at.

    Flat with the journal's size: a month whose shard had no such session at
    the last look, and has not changed since (same inode, size and times: a
    session's status lives in its month's shard), is not read again. What was
    seen is noted for next time only by a writer (it holds the lock), at
    once or, given ``held``, when the caller says so."""
    note, key = _checked_note(paths), str(Path(journal.folder).resolve())
    seen = note[key] if isinstance(note.get(key), dict) else {}
    clean: dict[str, list] = {}
    found: list[dict[str, Any]] = []
    for month in journal.months():
        sig = signature(Path(journal.folder) / f"{month}.json")
        if sig is not None and seen.get(month) == list(sig):
            clean[month] = list(sig)
            continue
        waiting = [s for s in journal.month_sessions(month) if s.get("status") in RECOVERABLE]
        if not waiting and sig is not None:
            clean[month] = list(sig)
        found += waiting
    if journal.write and clean != seen:
        if held is None:
            _write_checked_note(paths, {key: clean})
        else:
            held.hold(paths, {key: clean})
    return sorted(found, key=lambda s: (str(s.get("started_at") or ""), s["id"]))


CHECKED_NOTE = Path("runtime") / "recovery-checked.json"
"""Under the data directory: the months whose shard had no unfinished session, by shard signature.
Only a shortcut: missing or damaged, every month is read (as before there was one)."""


class CheckedNote:
    """The note of the months recovery found clean, held until the evening really starts.

    A refused evening (no microphone, no speaker) must leave the data folder
    as it found it, so the evening writes the note only once its devices are
    open; not written, the next start reads those months again, as before.
    """

    def __init__(self) -> None:
        self._pending: tuple[Any, dict[str, Any]] | None = None

    def hold(self, paths, note: dict[str, Any]) -> None:
        self._pending = (paths, note)

    def write(self) -> None:
        if self._pending is not None:
            _write_checked_note(*self._pending)
            self._pending = None


def _checked_note(paths) -> dict[str, Any]:
    try:
        note = json.loads((Path(paths.data_dir) / CHECKED_NOTE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return note if isinstance(note, dict) else {}


def _write_checked_note(paths, note: dict[str, Any]) -> None:
    target = Path(paths.data_dir) / CHECKED_NOTE
    partial = target.with_name(f".{target.name}.{os.getpid()}")
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as out:
            json.dump(note, out)  # private like the journal: it names the months
        os.replace(partial, target)  # a reader sees the old note or the new one, never half of one
    except OSError:  # a full disk, a read-only card: next time reads every month again, as before
        partial.unlink(missing_ok=True)


def _orphans(journal, paths, unfinished: list[dict[str, Any]], language: str | None) -> list[Orphan]:
    sessions = [s for s in unfinished if language is None or s.get("language") == language]
    audio_dir = Path(paths.audio_dir)
    found: list[Orphan] = []
    for session in sessions:
        folder = audio_dir / session["id"].split(".")[0]
        if not folder.is_dir():
            continue
        for wav in folder.glob(f"{session['id']}-*.wav"):
            match = AUDIO_NAME.match(wav.name)
            if not match or match["session"] != session["id"]:
                continue
            seconds = _audio_seconds(wav)
            if seconds is not None:
                found.append(Orphan(wav, session, int(match["number"]), seconds))
    if not found:
        return []
    referenced = _referenced(journal, found)
    found = [o for o in found if o.path.relative_to(audio_dir).as_posix() not in referenced]
    return sorted(found, key=lambda o: (o.session["started_at"], o.session["id"], o.number))


def _referenced(journal, found: list[Orphan]) -> set[str]:
    """The audio the entries of these files' sessions point at.

    Only the shards such an entry can be in are read: its session's month,
    the next one (an answer after midnight at a month's end), and the month
    of the file's last change (what :func:`_recover_one` stores as its time).
    """
    months = set()
    for orphan in found:
        months.add(orphan.session["id"][:7])
        months.add(month_after(orphan.session["id"][:7]))
        try:
            months.add(datetime.fromtimestamp(orphan.path.stat().st_mtime).strftime("%Y-%m"))
        except FileNotFoundError:
            pass
    have = set(journal.months())
    return {e["audio"] for month in sorted(months & have) for e in journal.month_entries(month) if e.get("audio")}


def _audio_seconds(path: Path) -> float | None:
    """Seconds of audio from the file's size; None for a file this assistant did not write."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(_HEADER)
            size = os.fstat(handle.fileno()).st_size
    except FileNotFoundError:
        return None
    if len(header) < _HEADER:  # created, killed before the first audio was written
        return 0.0
    if header.startswith(SEALED_AUDIO):  # encrypted: an estimate (each record adds 32 bytes of framing)
        rate = int.from_bytes(header[8:12], "little") or 16000
        return (size - _HEADER) // 2 / rate
    if header[:4] != b"RIFF" or header[36:40] != b"data":
        return None
    rate = int.from_bytes(header[24:28], "little") or 16000
    return (size - _HEADER) // 2 / rate


def _recover_one(journal, paths, orphan: Orphan, model: _Lazy, prompts: dict, model_name: str) -> str | None:
    path = orphan.path
    if orphan.seconds < MIN_SECONDS:
        path.unlink(missing_ok=True)
        return None
    answered = path.stat().st_mtime  # when the person last spoke, not when we repaired it
    if is_sealed_recording(path):  # encrypted: whole records are read, a torn last one skipped
        chunks = list(read_recording(path, journal.vault))
        seconds = sum(c.samples for c in chunks) / chunks[0].rate_hz if chunks else 0.0
    else:
        seconds = repair_wav(path)
        os.utime(path, (answered, answered))
        chunks = list(read_wav(path))
    if seconds < MIN_SECONDS or not chunks:
        path.unlink(missing_ok=True)
        return None
    rate = chunks[0].rate_hz
    language = orphan.session.get("language", "")
    utterances = _without_commands(transcribe(model.get(), chunks, rate), chunks, rate, model.get(), language)
    if not utterances:
        path.unlink(missing_ok=True)
        return None
    prompt_id, prompt = _prompt(orphan, prompts)
    transcript = " ".join(u.text for u in utterances)
    return journal.add_entry(new_entry(
        session=orphan.session["id"],
        created_at=datetime.fromtimestamp(answered).astimezone().isoformat(timespec="seconds"),
        language=language, prompt_id=prompt_id, prompt_set=prompt.set if prompt else None,
        prompt_text=prompt.text if prompt else "", transcript=transcript,
        words=[w.as_dict() for u in utterances for w in u.words], model=model_name, duration_s=round(seconds, 3),
        audio=path.relative_to(Path(paths.audio_dir)).as_posix(), recovered=True,
    ))


def _prompt(orphan: Orphan, cache: dict):
    asked = orphan.session.get("prompt_ids") or []
    prompt_id = asked[orphan.number - 1] if 0 < orphan.number <= len(asked) else None
    language = orphan.session.get("language", "")
    if language not in cache:
        try:
            cache[language] = {p.id: p for p in load_prompts(language)}
        except UserError:  # prompt files changed or broken: keep the answer without its text
            cache[language] = {}
    return prompt_id, cache[language].get(prompt_id)


def _without_commands(utterances: list, chunks: list, rate: int, model, language: str) -> list:
    """The answer's utterances, without the spoken commands ("stop", "skip", ...).

    Decided as the listener decides it (the free transcript, then, for a
    short utterance, a second decoding with the grammar of command phrases),
    but only for an utterance the listener would have heard to its end: one
    followed by silence. A word the crash cut off is kept, whatever it sounds
    like; losing speech is worse than keeping a stray "stop".
    """
    try:
        pack = load_language(language)
    except UserError:
        return utterances
    index = build_index(pack.commands)
    grammar = [p for phrases in pack.commands.values() for p in phrases] + list(pack.phrases.get("decoys", []))
    ordinary = ordinary_phrases(grammar, index)
    pcm = join(chunks).pcm
    total_s = len(pcm) / 2 / rate
    kept = []
    previous_end_s = 0.0
    for number, utterance in enumerate(utterances):
        words = utterance.words
        window = command_window(utterance, previous_end_s) if words else None
        gap_before_s = words[0].start_s - previous_end_s if words and number else None
        following = [u.words[0].start_s for u in utterances[number + 1:] if u.words]
        if words:
            previous_end_s = words[-1].end_s
        if words and words[-1].end_s > total_s - COMPLETE_AFTER_S:  # cut off by the crash
            kept.append(utterance)
            continue
        if words and len(words) <= COMMAND_MAX_WORDS and utterance.span_s <= COMMAND_MAX_SPAN_S:
            start, end = (int(t * rate) * 2 for t in window)
            again = transcribe(model, [AudioChunk(pcm[start:end], rate)], rate, grammar=grammar)
            heard = " ".join(u.text for u in again)
            conf = min((w.conf for u in again for w in u.words), default=0.0)
            pause_after_s = (following[0] if following else total_s) - words[-1].end_s
            if decide(Evidence(utterance.text, len(words), utterance.span_s, gap_before_s, pause_after_s, heard, conf),
                      index, ordinary=ordinary).command:  # as the listener weighs it
                continue
        elif match_command(utterance.text, index):
            continue
        kept.append(utterance)
    return kept
