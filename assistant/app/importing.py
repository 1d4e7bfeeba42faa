"""Bringing things into the journal: voice memos, and JSON exports.

``voice-journal import FILE...`` turns voice memos recorded elsewhere (a phone, a
dictaphone) into entries, transcribed by the same pipeline as an evening:
the file is read as mono 16-bit chunks, resampled to the model's rate and
decoded by Vosk. The model is loaded once for all files. WAV files of any
rate, channel count and 8/16/24/32-bit samples are read directly; anything
else goes through ``ffmpeg`` or ``sox`` (whichever is installed) into a
temporary 16-bit WAV first. A file that cannot be read is reported on one
line and the others are still imported.

``import-journal`` (JSON exports) is :mod:`assistant.app.journal_import`.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import wave
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator

from tqdm import tqdm

from assistant.audio.chunks import AudioChunk, Resampler, WavWriter, make_private_dirs, read_wav
from assistant.conversation.entry import new_entry
from assistant.errors import UserError
from assistant.app.memo_hashes import Fingerprint, ImportedMemos, fingerprint
from assistant.journal.book import open_journal
from assistant.journal.passphrase import journal_vault
from assistant.paths import make_parents, sync_folder
from assistant.journal.sealed_audio import open_recorder
from assistant.speech.catalogue import find_model
from assistant.speech.vosk_asr import load_model, model_rate_hz, transcribe

STORE_RATE_HZ = 16000
"""Imported audio is kept as 16 kHz mono, like an evening's answers."""
IMPORT_PROMPT = "import"
AUDIO_SUBDIR = "imported"
RUNTIME_SUBDIR = "runtime"
"""Under the data directory: work files, private (0700), never in the shared /tmp."""
WORK_PREFIX = "import"
PARTIAL_SUFFIX = ".importing"
"""A memo's recording while it is written: renamed to its real name once whole."""
CONVERTERS = ("ffmpeg", "sox")


# --- reading one memo -----------------------------------------------------------

def _wav_problem(path: Path) -> str | None:
    """Why ``read_wav`` cannot read this file as it is, or None if it can."""
    try:
        with wave.open(str(path), "rb") as reader:
            if reader.getsampwidth() not in (1, 2, 3, 4):
                return f"{8 * reader.getsampwidth()}-bit samples"
            if reader.getnframes() == 0:
                return "empty"
    except (wave.Error, EOFError) as exc:
        return str(exc) or "not a WAV file"
    return None


def _convert_command(tool: str, source: Path, target: Path) -> list[str]:
    if Path(tool).name.startswith("ffmpeg"):
        return [tool, "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", str(source),
                "-vn", "-acodec", "pcm_s16le", "-f", "wav", str(target)]
    return [tool, "-q", str(source), "-b", "16", "-e", "signed-integer", "-t", "wav", str(target)]


def readable_wav(path: Path, workdir: Path) -> Path:
    """A WAV ``read_wav`` can read: the file itself, or a 16-bit copy made
    by ffmpeg or sox in ``workdir``. Problems are one line naming the file."""
    if not path.exists():
        raise UserError(f"{path}: no such file")
    if not path.is_file():
        raise UserError(f"{path}: not a file")
    try:
        if path.stat().st_size == 0:
            raise UserError(f"{path}: the file is empty; nothing to import")
        with open(path, "rb"):
            pass
    except PermissionError:
        raise UserError(f"{path}: cannot be read (permission denied)") from None
    problem = _wav_problem(path)
    if problem is None:
        return path
    if problem == "empty":
        raise UserError(f"{path}: the recording has no audio in it; nothing to import")
    tool = next((shutil.which(t) for t in CONVERTERS if shutil.which(t)), None)
    if tool is None:
        raise UserError(f"{path}: not a PCM WAV file ({problem}); to import other audio formats install ffmpeg "
                        "or sox (sudo apt-get install ffmpeg)")
    target = workdir / f"{len(list(workdir.iterdir()))}.wav"
    try:
        done = subprocess.run(_convert_command(tool, path, target), capture_output=True, text=True,
                              timeout=600, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise UserError(f"{path}: {Path(tool).name} took more than 10 minutes to convert it; nothing imported") from None
    if done.returncode != 0 or not target.exists() or _wav_problem(target) is not None:
        target.unlink(missing_ok=True)
        if done.returncode == 0:
            raise UserError(f"{path}: the recording has no audio in it; nothing to import")
        raise UserError(f"{path}: not an audio file that {Path(tool).name} can read; nothing imported from it")
    return target


def created_at(path: Path) -> str:
    """When the memo was recorded, as best known: the file's modification time."""
    stamp = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    return stamp.isoformat(timespec="seconds")


@dataclass
class Transcribed:
    transcript: str
    words: list[dict[str, Any]]
    duration_s: float


def transcribe_file(wav: Path, model, model_rate_hz: int, keep: Path, recorder=None) -> Transcribed:
    """Decode ``wav`` and keep its audio as 16 kHz mono in ``keep``, in one
    streaming pass (a long memo never sits in memory whole). ``recorder``
    makes the kept file (sealed when the journal is encrypted)."""
    chunks = read_wav(wav)
    first = next(chunks, None)
    if first is None:
        raise UserError("the recording has no audio in it; nothing to import")
    to_store = Resampler(first.rate_hz, STORE_RATE_HZ)
    to_model = Resampler(STORE_RATE_HZ, model_rate_hz)
    writer = (recorder or WavWriter)(keep, STORE_RATE_HZ)

    def stored() -> Iterator[AudioChunk]:
        for chunk in to_store.resample_all(_prepend(first, chunks)):
            if chunk.samples:
                writer.write(chunk)
                yield chunk

    try:
        utterances = transcribe(model, to_model.resample_all(stored()), model_rate_hz)
    except BaseException:
        writer.close()
        keep.unlink(missing_ok=True)
        raise
    writer.close()
    words = [w.as_dict() for u in utterances for w in u.words]
    return Transcribed(" ".join(u.text for u in utterances).strip(), words, round(writer.seconds, 3))


def _prepend(first: AudioChunk, rest: Iterator[AudioChunk]) -> Iterator[AudioChunk]:
    yield first
    yield from rest


def memo_entry(source: Path, session_id: str, language: str, model_name: str, heard: Transcribed,
               audio_rel: str, **extra: Any) -> dict[str, Any]:
    """The journal entry for one memo: prompt "import", tags from its words;
    ``extra``: its content hashes (:mod:`assistant.app.memo_hashes`)."""
    return new_entry(session=session_id, created_at=created_at(source), language=language, prompt_id=IMPORT_PROMPT,
                     prompt_set=IMPORT_PROMPT, prompt_text="", transcript=heard.transcript, words=heard.words,
                     model=model_name, duration_s=heard.duration_s, audio=audio_rel, source=shown(source.name),
                     **extra)


def shown(text: Any) -> str:
    """A file name (or a message holding one) as text that can be saved and
    printed: a name that is not UTF-8 keeps its readable part, the rest
    replaced (the journal is UTF-8 JSON; a lone surrogate cannot be written)."""
    return os.fsencode(str(text)).decode("utf-8", "replace")


def _runtime_dir(paths) -> Path:
    """The data directory's private folder for work files (converted memos):
    never the shared /tmp, and beside the journal, which it may hold in the clear."""
    folder = paths.data_dir / RUNTIME_SUBDIR
    try:
        make_parents(folder, 0o700)
        folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)
    except OSError as exc:
        raise UserError(f"cannot create {folder} ({exc.strerror}); set VOICE_JOURNAL_HOME to a writable folder") from None
    return folder


def _remove_stale_work(paths, audio_folder: Path, keep: Path) -> None:
    """Work files a killed import left: converted memos and half-written
    recordings. Called holding the journal's lock, so none is in use."""
    for stale in audio_folder.glob(f".*{PARTIAL_SUFFIX}"):
        stale.unlink(missing_ok=True)
    for stale in _runtime_dir(paths).glob(f"{WORK_PREFIX}-*"):
        if stale != keep and stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)


# --- importing memos -----------------------------------------------------------

@dataclass
class ImportReport:
    imported: list[dict[str, Any]] = field(default_factory=list)
    """One item per entry made: file, id, transcript, duration_s, audio."""
    failed: list[dict[str, str]] = field(default_factory=list)
    """One item per file that could not be read: file, error."""
    skipped: list[dict[str, str]] = field(default_factory=list)
    """One item per file already in the journal (by its content): file, id (the entry it already is)."""


def _say_problem(text: str, progress) -> None:
    line = f"voice-journal: {text}"
    if progress is not None:
        progress.write(line, file=sys.stderr)
    else:
        print(line, file=sys.stderr)


def _memo_failed(source: Path, exc: Exception, report: ImportReport, progress) -> None:
    """One memo that could not be read: said at once and listed; the others go on."""
    error = str(exc) if isinstance(exc, UserError) else f"cannot be read ({exc})"
    report.failed.append({"file": shown(source), "error": f"{shown(source)}: {shown(error)}"})
    _say_problem(f"{shown(source)}: {shown(error)}", progress)


def _already_in(source: Path, memo: Fingerprint, known: ImportedMemos, journal, report: ImportReport,
                progress) -> bool:
    """Whether this memo is an entry already (then skipped, and said so); an
    old entry found without its hashes is given them now."""
    found = known.find(memo)
    if found is None:
        return False
    entry_id, backfill = found
    if backfill:
        journal.update_entry(entry_id, memo.fields())
        known.add(entry_id, memo)
    report.skipped.append({"file": shown(source), "id": entry_id})
    _say_problem(f"{shown(source)}: already in your journal as entry {entry_id}, skipped", progress)
    return True


def import_memos(sources: list[Path], paths, settings) -> ImportReport:
    """Each readable file becomes an entry of one new session (status "imported").

    A file that cannot be read is said on stderr at once and listed in
    ``failed``; the others are still imported. A memo already in the journal
    (:mod:`assistant.app.memo_hashes`), or twice in one batch, is imported
    once and listed in ``skipped``. The model is loaded once, and only when
    there is something new to decode.
    """
    language = settings.language
    model = find_model(language, settings.model, paths)  # before any work: a missing model is one line
    report = ImportReport()
    journal_vault(paths, settings)  # a wrong passphrase is told before anything is made (kept for the journal below)
    with tempfile.TemporaryDirectory(prefix=f"{WORK_PREFIX}-", dir=_runtime_dir(paths)) as tmp:
        ready: list[tuple[Path, Path]] = []
        for source in sources:
            try:
                ready.append((source, readable_wav(source, Path(tmp))))
            except UserError as exc:
                report.failed.append({"file": shown(source), "error": shown(exc)})
                _say_problem(shown(exc), None)
        ready.sort(key=lambda pair: pair[0].stat().st_mtime)  # ids follow the order they were recorded
        memos: list[tuple[Path, Path, Fingerprint]] = []
        for source, wav in ready:
            try:
                memos.append((source, wav, fingerprint(source, wav, shown(source.name), created_at(source))))
            except (UserError, ValueError, OSError, EOFError) as exc:
                _memo_failed(source, exc, report, None)
        if not memos:
            return report
        paths.ensure_private_dirs()
        folder = paths.audio_dir / AUDIO_SUBDIR
        make_private_dirs(folder)  # synced into its parent: a power cut must not lose the folder under its recordings
        with open_journal(paths, settings, write=True) as journal:
            _remove_stale_work(paths, folder, keep=Path(tmp))  # a killed import's leftovers (the lock is held)
            known = ImportedMemos(journal.iter_entries(), IMPORT_PROMPT)
            memos = [m for m in memos if not _already_in(m[0], m[2], known, journal, report, None)]
            if not memos:  # every one is in the journal: no empty session, no model loaded
                return report
            loaded = load_model(model.path)
            rate = model_rate_hz(model.path)
            session_id = journal.start_session(language)
            progress = tqdm(memos, desc="Importing", unit="file", file=sys.stderr, disable=None) \
                if len(memos) > 1 else None
            finished = False
            try:
                for number, (source, wav, memo) in enumerate(progress or memos, 1):
                    if _already_in(source, memo, known, journal, report, progress):  # twice in this batch
                        continue
                    keep = folder / f"{session_id}-{number}.wav"
                    partial = folder / f".{keep.name}{PARTIAL_SUFFIX}"  # a killed import leaves no audio under a real name
                    try:
                        heard = transcribe_file(wav, loaded, rate, partial, open_recorder(journal.vault))
                    except (UserError, ValueError, OSError, EOFError) as exc:  # one memo's problem: the others go on
                        partial.unlink(missing_ok=True)
                        _memo_failed(source, exc, report, progress)
                        continue
                    os.chmod(partial, 0o600)
                    entry = memo_entry(source, session_id, language, model.name, heard,
                                       str(keep.relative_to(paths.audio_dir)), **memo.fields())
                    try:
                        os.replace(partial, keep)
                        sync_folder(folder)  # the recording's real name is durable before an entry points at it
                        entry_id = journal.add_entry(entry)
                    except BaseException:  # a full disk, say: no audio left that nothing refers to
                        keep.unlink(missing_ok=True)
                        partial.unlink(missing_ok=True)
                        raise
                    known.add(entry_id, memo)
                    report.imported.append({"file": shown(source), "id": entry_id, "transcript": heard.transcript,
                                            "duration_s": heard.duration_s, "audio": str(keep)})
                    if not heard.transcript:
                        _say_problem(f"{shown(source)}: no words were recognised (is it in "
                                     f"{language}? use --lang); kept its audio as {entry_id}", progress)
                finished = True
            finally:
                if progress is not None:
                    progress.close()
                try:
                    journal.end_session(session_id, "imported")
                except UserError:
                    if finished:  # else the first problem (a full disk, say) is the one to tell
                        raise
    return report

