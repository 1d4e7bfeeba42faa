"""Nothing lost, second round (issue 13): bad input an adversary would try,
each one line on stderr with a non-zero exit, and the journal's files
exactly as they were.

The table runs the real commands in-process (tests/cli_helpers.py), except
where the process itself matters (the output's encoding, a device that
never ends): those run as a real ``python -m assistant`` with a timeout.
No model and no audio device is needed, so it runs in the quick suite.
"""
from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import wave
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest

from assistant.app import importing
from assistant.journal.book import Journal
from assistant.journal.vault import create_key
from assistant.paths import Paths
from tests.cli_helpers import one_line_error, run_cli

MONTH = datetime.now().astimezone().strftime("%Y-%m")
PASSPHRASE = "달빛 아래 강물"


def seed(data: Path, transcript: str = "오늘은 조금 피곤했어요") -> str:
    """A journal with one answer, opened twice so the .bak copies exist."""
    Paths(data, data.parent / "unused.toml").ensure_private_dirs()
    with Journal(data / "journal") as journal:
        session = journal.start_session("ko")
        entry = journal.add_entry({"session": session, "language": "ko", "prompt_id": "p", "prompt_text": "q",
                                   "transcript": transcript, "words": [{"word": "오늘은", "start": 0.1, "end": 0.5}],
                                   "audio": None})
        journal.end_session(session)
    with Journal(data / "journal") as journal:
        journal.entry(entry)
    return entry


def snapshot(data: Path) -> dict[str, bytes]:
    return {str(p.relative_to(data)): p.read_bytes() for p in sorted(data.rglob("*"))
            if p.is_file() and not p.is_symlink() and p.name != "search.sqlite"}


def shard(name: str, content: bytes):
    def damage(data: Path) -> None:
        (data / "journal" / name.format(month=MONTH)).write_bytes(content)
    return damage


def replace_with(kind: str, name: str):
    def damage(data: Path) -> None:
        path = data / "journal" / name.format(month=MONTH)
        path.unlink(missing_ok=True)
        if kind == "dir":
            path.mkdir()
        else:
            path.symlink_to(path)
    return damage


def key_field(change):
    """An encrypted journal whose key.json has one field damaged."""
    def damage(data: Path) -> None:
        create_key(data / "journal", PASSPHRASE)
        key = data / "journal" / "key.json"
        doc = json.loads(key.read_text())
        change(doc)
        key.write_text(json.dumps(doc))
    return damage


def header_only_sealed(data: Path) -> None:
    create_key(data / "journal", PASSPHRASE)
    (data / "journal" / f"{MONTH}.json").write_bytes(b"VJSEAL1\n")


def nothing(data: Path) -> None:
    pass


NONCE_SHORT = base64.b64encode(b"123").decode()

CASES = [
    # (id, damage, args, environment, what the one line must say)
    ("empty shard", shard("{month}.json", b""), ["list"], {}, "is empty"),
    ("blank shard", shard("{month}.json", b" \n"), ["search", "오늘"], {}, "is empty"),
    ("null shard", shard("{month}.json", b"null"), ["stats"], {}, "null"),
    ("shard a list", shard("{month}.json", b"[]"), ["export"], {}, "a list"),
    ("shard a string", shard("{month}.json", b'"x"'), ["list"], {}, "a string"),
    ("shard a number", shard("{month}.json", b"5"), ["list"], {}, "a number"),
    ("entries a list", shard("{month}.json", b'{"entries": []}'), ["list"], {}, "'entries' is a list"),
    ("entry a string", shard("{month}.json", b'{"entries": {"1": "x"}}'), ["list"], {}, "a string"),
    ("entry without id", shard("{month}.json", b'{"entries": {"1": {"created_at": "x"}}}'), ["list"], {}, "no 'id'"),
    ("entry without created_at", shard("{month}.json", b'{"entries": {"1": {"id": "2026-01-01.1"}}}'), ["list"], {},
     "no 'created_at'"),
    ("5,000-digit id", shard("{month}.json", b'{"entries": {"1": {"id": "2026-01-01.' + b"9" * 5000
                                             + b'", "created_at": "x"}}}'), ["list"], {}, "not a journal id"),
    ("deep nesting", shard("{month}.json", b"[" * 100_000 + b"]" * 100_000), ["list"], {}, "damaged"),
    ("empty words shard", shard("{month}.words.json", b""), ["delete", "--yes", "{entry}"], {}, "is empty"),
    ("words shard null", shard("{month}.words.json", b"null"), ["show", "{entry}"], {}, "null"),
    ("shard a directory", replace_with("dir", "{month}.json"), ["list"], {}, "Is a directory"),
    ("shard a symlink loop", replace_with("loop", "{month}.json"), ["list"], {}, "symbolic links"),
    (".lock a directory", replace_with("dir", ".lock"), ["delete", "--yes", "{entry}"], {}, "lock file"),
    ("key.json n absurd", key_field(lambda d: d["kdf"].update(n=2**40)), ["list"], {}, "key.json is damaged"),
    ("key.json n not a power of 2", key_field(lambda d: d["kdf"].update(n=3)), ["list"], {}, "key.json is damaged"),
    ("key.json r zero", key_field(lambda d: d["kdf"].update(r=0)), ["list"], {}, "key.json is damaged"),
    ("key.json p text", key_field(lambda d: d["kdf"].update(p="x")), ["list"], {}, "key.json is damaged"),
    ("key.json nonce short", key_field(lambda d: d.update(nonce=NONCE_SHORT)), ["list"], {}, "key.json is damaged"),
    ("key.json a list", key_field(lambda d: d.update(kdf=[])), ["list"], {}, "key.json is damaged"),
    ("sealed shard of only its header", header_only_sealed, ["list"], {}, "damaged"),
    ("search not UTF-8", nothing, ["search", "\udcff"], {}, "not valid UTF-8"),
    ("list --text not UTF-8", nothing, ["list", "--text", "\udcff"], {}, "not valid UTF-8"),
    ("stats --weeks 100000000", nothing, ["stats", "--weeks", "100000000"], {}, "--weeks"),
    ("volume = 50", nothing, ["list"], {"VOICE_JOURNAL_VOLUME": "50"}, "volume must be"),
    ("max_answer_s = 0", nothing, ["list"], {"VOICE_JOURNAL_MAX_ANSWER_S": "0"}, "max_answer_s must be"),
    ("negative no_answer_s", nothing, ["list"], {"VOICE_JOURNAL_NO_ANSWER_S": "-1"}, "no_answer_s must be"),
    ("lead_in_s = 1e9", nothing, ["list"], {"VOICE_JOURNAL_LEAD_IN_S": "1e9"}, "lead_in_s must be"),
    ("negative input_rate_hz", nothing, ["list"], {"VOICE_JOURNAL_INPUT_RATE_HZ": "-1"}, "input_rate_hz must be"),
    ("import-journal a directory", nothing, ["import-journal", "{data}"], {}, "not a file"),
    ("import-journal a misshapen export", nothing, ["import-journal", "{export}"], {}, "'feelings'"),
]


@pytest.mark.parametrize("damage, args, env, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_is_one_line_and_changes_nothing(tmp_path, damage, args, env, expected):
    data = tmp_path / "data"
    entry = seed(data)
    damage(data)
    export = tmp_path / "export.json"
    export.write_text(json.dumps({"format": "voice-journal-export", "version": 1, "sessions": [], "entries": [
        {"id": f"{MONTH}-01.1", "created_at": f"{MONTH}-01T20:00:00+00:00", "feelings": "sad"}]}))
    args = [a.format(entry=entry, data=data, export=export) for a in args]
    before = snapshot(data)
    result = run_cli(data, *args, VOICE_JOURNAL_PASSPHRASE=PASSPHRASE, **env)
    line = one_line_error(result)
    assert expected in line
    assert snapshot(data) == before


PROCESS_CASES = [
    ("PYTHONIOENCODING=ascii", ["list"], {"PYTHONIOENCODING": "ascii"}, "encoding"),
    ("VOICE_JOURNAL_CONFIG=/dev/urandom", ["list"], {"VOICE_JOURNAL_CONFIG": "/dev/urandom"}, "not a config file"),
    ("import-journal /dev/urandom", ["import-journal", "/dev/urandom"], {}, "not a file"),
]


@pytest.mark.parametrize("args, env, expected", [c[1:] for c in PROCESS_CASES], ids=[c[0] for c in PROCESS_CASES])
def test_bad_input_in_a_real_process_is_one_line_not_a_hang(tmp_path, args, env, expected):
    data = tmp_path / "data"
    seed(data)
    before = snapshot(data)
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("VOICE_JOURNAL_", "XDG_"))}
    environ.update(VOICE_JOURNAL_HOME=str(data), XDG_CONFIG_HOME=str(tmp_path / "config"), **env)
    result = subprocess.run([sys.executable, "-m", "assistant", *args], env=environ, capture_output=True,
                            text=True, timeout=60, cwd=str(tmp_path), errors="replace")
    assert expected in one_line_error(result)
    assert snapshot(data) == before


# --- import: one memo's problem never stops the others -------------------------------------------

def wav(path: Path, channels: int = 1, rate: int = 16000, frames: int = 8000, cut: int = 0) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(2)
        out.setframerate(rate or 8000)
        out.writeframes(b"\x10\x00" * channels * frames)
    raw = bytearray(path.read_bytes())
    if rate == 0:
        raw[24:28] = (0).to_bytes(4, "little")
    path.write_bytes(bytes(raw[:len(raw) - cut]))
    return path


@pytest.fixture
def no_model(monkeypatch):
    """Import without a speech model: every memo is heard as "hello"."""
    monkeypatch.setattr(importing, "find_model", lambda *a, **k: SimpleNamespace(name="fake", path=Path("/nowhere")))
    monkeypatch.setattr(importing, "load_model", lambda path: None)
    monkeypatch.setattr(importing, "model_rate_hz", lambda path: 16000)

    def transcribe(model, chunks, rate_hz):
        for _ in chunks:
            pass
        return [SimpleNamespace(text="hello", words=[])]
    monkeypatch.setattr(importing, "transcribe", transcribe)


def test_an_import_batch_goes_on_past_awkward_memos(tmp_path, no_model):
    data = tmp_path / "data"
    seed(data)
    memos = tmp_path / "memos"
    memos.mkdir()
    odd_name = Path(os.fsdecode(bytes(memos) + b"/memo-\xff\xfe.wav"))
    files = [wav(odd_name), wav(memos / "short.wav", cut=1), wav(memos / "three.wav", channels=3, frames=8100),
             wav(memos / "rate0.wav", rate=0), wav(memos / "fine.wav", frames=8200)]  # distinct: a same one is skipped
    result = run_cli(data, "import", *map(str, files), "--json")
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    imported = {Path(item["file"]).name for item in report["imported"]}
    assert imported == {"memo-\ufffd\ufffd.wav", "short.wav", "three.wav", "fine.wav"}
    assert [Path(item["file"]).name for item in report["failed"]] == ["rate0.wav"]
    assert result.returncode == 1
    listed = json.loads(run_cli(data, "list", "--json").stdout)
    assert len(listed) == 5
    kept = sorted(p.name for p in (data / "audio" / "imported").iterdir())
    assert len(kept) == 4 and not [n for n in kept if n.startswith(".")]
    assert not list((data / "runtime").iterdir())  # work files in the private folder, and gone


def test_import_work_files_never_go_to_the_shared_tmp(tmp_path, no_model, monkeypatch):
    made = []
    real = importing.tempfile.TemporaryDirectory

    def spy(*args, **kwargs):
        made.append(kwargs.get("dir"))
        return real(*args, **kwargs)
    monkeypatch.setattr(importing.tempfile, "TemporaryDirectory", spy)
    data = tmp_path / "data"
    seed(data)
    run_cli(data, "import", str(wav(tmp_path / "a.wav")))
    assert made == [data / "runtime"]
    assert oct((data / "runtime").stat().st_mode & 0o777) == "0o700"


def test_a_killed_import_leaves_nothing_that_blocks_encrypt(tmp_path, no_model):
    """A killed import left a 0-byte recording (before this fix, under its real name)."""
    data = tmp_path / "data"
    seed(data)
    folder = data / "audio" / "imported"
    folder.mkdir(parents=True)
    (folder / f"{MONTH}-01.1-1.wav").write_bytes(b"")
    (folder / f".{MONTH}-01.1-2.wav.importing").write_bytes(b"RIFF")
    (data / "runtime" / "import-stale").mkdir(parents=True)
    result = run_cli(data, "import", str(wav(tmp_path / "a.wav")))
    assert result.returncode == 0, result.stderr
    assert not (folder / f".{MONTH}-01.1-2.wav.importing").exists()
    assert not (data / "runtime" / "import-stale").exists()
    result = run_cli(data, "encrypt", VOICE_JOURNAL_PASSPHRASE=PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert not (folder / f"{MONTH}-01.1-1.wav").exists()


def test_a_wrong_passphrase_on_import_makes_nothing(tmp_path, no_model):
    data = tmp_path / "data"
    seed(data)
    create_key(data / "journal", PASSPHRASE)
    before = snapshot(data)
    folders = sorted(p for p in data.rglob("*") if p.is_dir())
    line = one_line_error(run_cli(data, "import", str(wav(tmp_path / "a.wav")), VOICE_JOURNAL_PASSPHRASE="wrong"))
    assert "wrong passphrase" in line
    assert snapshot(data) == before and sorted(p for p in data.rglob("*") if p.is_dir()) == folders


# --- encrypt after a crash ----------------------------------------------------------------------

def test_encrypt_after_a_crash_keeps_the_whole_cut_off_answer(tmp_path):
    """The orphan WAV of a killed session still has the header of its last
    flush: converting by it kept 3 KB of 150 KB."""
    data = tmp_path / "data"
    seed(data)
    day = data / "audio" / datetime.now().strftime("%Y-%m-%d")
    day.mkdir(parents=True)
    orphan = wav(day / f"{MONTH}-01.1-1.wav", frames=16000 * 4)
    raw = bytearray(orphan.read_bytes())
    raw[40:44] = (3200).to_bytes(4, "little")  # the header says 0.1 s; the file holds 4 s
    raw[4:8] = (3236).to_bytes(4, "little")
    orphan.write_bytes(bytes(raw))
    assert run_cli(data, "encrypt", VOICE_JOURNAL_PASSPHRASE=PASSPHRASE).returncode == 0
    result = run_cli(data, "decrypt", VOICE_JOURNAL_PASSPHRASE=PASSPHRASE)
    assert result.returncode == 0, result.stderr
    with wave.open(str(orphan), "rb") as back:
        assert back.getnframes() == 16000 * 4


# --- export --out and delete ---------------------------------------------------------------------

@pytest.mark.parametrize("where", ["{journal}/{month}.json", "{journal}/.lock", "{journal}/{month}.json.bak",
                                   "{audio}/x.wav", "/dev/null", "{journal}", "{loop}"])
def test_export_never_replaces_the_journal_s_files_nor_a_device(tmp_path, where):
    data = tmp_path / "data"
    seed(data)
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    out = where.format(journal=data / "journal", audio=data / "audio", month=MONTH, loop=tmp_path / "loop")
    before = snapshot(data)
    line = one_line_error(run_cli(data, "export", "--out", out))
    assert "--out" in line
    assert snapshot(data) == before
    assert Path("/dev/null").is_char_device()


def test_a_delete_killed_half_way_leaves_no_recording(tmp_path, monkeypatch):
    data = tmp_path / "data"
    seed(data)
    recording = wav(data / "audio" / "rec.wav")
    with Journal(data / "journal") as journal:
        entry = journal.add_entry({"transcript": "to go", "audio": "rec.wav"})

    def killed(self, entry_id):
        raise KeyboardInterrupt  # stands in for the kill between the two steps
    monkeypatch.setattr(Journal, "remove_entry", killed)
    assert run_cli(data, "delete", "--yes", entry).returncode == 130
    assert not recording.exists()  # the recording went first
    monkeypatch.undo()
    assert run_cli(data, "delete", "--yes", entry).returncode == 0  # and the entry goes when asked again
    assert entry not in run_cli(data, "list").stdout


# --- umask 000 ---------------------------------------------------------------------------------------

@pytest.fixture
def umask_000():
    old = os.umask(0)
    yield
    os.umask(old)


def test_under_umask_000_unit_files_and_their_folders_are_not_world_writable(tmp_path, monkeypatch, umask_000):
    from assistant.app import service

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "fresh" / "config"))
    monkeypatch.setattr(service, "user_manager", lambda: "no user manager in a test")
    outcome = service.install("ko", "21:00", ["/usr/bin/voice-journal"])
    for name in outcome.files:
        assert Path(name).stat().st_mode & 0o777 == 0o644
    for folder in (tmp_path / "fresh", tmp_path / "fresh" / "config", tmp_path / "fresh" / "config" / "systemd",
                   outcome.unit_dir):
        assert folder.stat().st_mode & 0o777 == 0o755, folder


def test_under_umask_000_a_fresh_home_s_data_folders_are_not_world_writable(tmp_path, umask_000):
    data = tmp_path / "home" / ".local" / "share" / "voice-journal"
    Paths(data, tmp_path / "c.toml").ensure_private_dirs()
    for folder in (tmp_path / "home", tmp_path / "home" / ".local", tmp_path / "home" / ".local" / "share"):
        assert folder.stat().st_mode & 0o777 == 0o755, folder
    assert data.stat().st_mode & 0o777 == 0o700


def test_encrypt_removes_the_plain_temporary_copies_a_killed_decrypt_left(tmp_path):
    data = tmp_path / "data"
    seed(data)
    stale = data / "journal" / f".{MONTH}.json.k3x9a1b2.tmp"
    stale.write_text('{"entries": {"1": {"transcript": "비밀"}}}')
    assert run_cli(data, "encrypt", VOICE_JOURNAL_PASSPHRASE=PASSPHRASE).returncode == 0
    assert not stale.exists()
    assert not [p for p in data.rglob("*") if p.is_file() and "비밀".encode() in p.read_bytes()]


def test_spoken_text_is_never_written_to_the_shared_tmp(tmp_path, monkeypatch):
    from assistant.paths import runtime_dir

    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    folder = runtime_dir()
    assert not folder.is_relative_to("/tmp") or folder.is_relative_to(tmp_path)
    assert folder.stat().st_uid == os.getuid()
    assert folder.stat().st_mode & 0o777 == 0o700
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))
    (tmp_path / "run").mkdir(mode=0o700)
    assert runtime_dir() == tmp_path / "run" / "voice-journal"


def test_stale_spoken_text_folders_are_swept_but_never_a_live_one(tmp_path):
    """A session killed while speaking leaves its tts work folder (it may hold a
    read-back answer): the next start removes it, but never a running process's."""
    from assistant.speech.voice import LEGACY_AGE_S, sweep_stale_work

    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    try:
        folders = {name: tmp_path / name for name in (
            f"tts-{dead.pid}-abc", f"tts-{live.pid}-abc", f"tts-{os.getpid()}-abc", "tts-oldstyle", "tts-recent",
            "other-123-abc")}
        for folder in folders.values():
            folder.mkdir()
            (folder / "utterance.wav").write_bytes(b"RIFF")
        old = datetime.now().timestamp() - LEGACY_AGE_S - 60
        os.utime(folders["tts-oldstyle"], (old, old))
        removed = sweep_stale_work(tmp_path)
    finally:
        live.kill()
        live.wait()
    assert sorted(p.name for p in removed) == sorted([f"tts-{dead.pid}-abc", "tts-oldstyle"])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [f"tts-{live.pid}-abc", f"tts-{os.getpid()}-abc", "tts-recent", "other-123-abc"])


@pytest.mark.stack
def test_the_voice_sweeps_a_killed_process_s_folder_when_it_starts(tmp_path, monkeypatch):
    from assistant.paths import runtime_dir
    from assistant.speech.voice import Voice

    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))
    (tmp_path / "run").mkdir(mode=0o700)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = runtime_dir() / f"tts-{dead.pid}-x1y2"
    stale.mkdir()
    (stale / "utterance.wav").write_bytes(b"RIFF a read-back answer")
    voice = Voice("ko")
    try:
        assert not stale.exists()
        assert voice._tmp.parent == runtime_dir() and voice._tmp.name.startswith(f"tts-{os.getpid()}-")
    finally:
        voice.close()
    assert not voice._tmp.exists()


# --- an unknown {placeholder} in a language pack ---------------------------------------------

@pytest.mark.parametrize("file, change, expected", [
    ("language.json", lambda d: d["phrases"].update(saved=["저장했어요", "저장했어요, {name}"]), "phrases 'saved' uses {name}"),
    ("language.json", lambda d: d["naming"].update(noted="{feelings} {how}"), "naming 'noted' uses {how}"),
    ("language.json", lambda d: d["phrases"].update(kept="남겨 둘게요 {"), "phrases 'kept' has a stray brace"),
    ("language.json", lambda d: d["corrections"].update(add=["{feeling} {0}"]), "corrections 'add' uses {0}"),
    ("replay.json", lambda d: d["phrases"].update(intro="{date} {question}"), "phrases 'intro' uses {question}"),
])
def test_a_pack_with_an_unknown_placeholder_is_refused_when_loaded(tmp_path, monkeypatch, file, change, expected):
    import shutil

    from assistant.conversation.replay import load_replay
    from assistant.errors import UserError
    from assistant.language.packs import load_language, prompts_root

    root = tmp_path / "prompts"
    shutil.copytree(prompts_root(), root)
    path = root / "ko" / file
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("VOICE_JOURNAL_PROMPTS", str(root))
    load_language.cache_clear()
    try:
        with pytest.raises(UserError) as refused:
            (load_replay if file == "replay.json" else load_language)("ko")
    finally:
        load_language.cache_clear()
    line = str(refused.value)
    assert "\n" not in line and line.startswith(f"{path}: ") and expected in line and "fix the file" in line


def test_say_never_tracebacks(tmp_path):
    from assistant.errors import UserError
    from assistant.language.packs import load_language

    pack = load_language("ko")
    assert "{" not in pack.say("stopped_kept_many", count=3)
    with pytest.raises(UserError, match=r"language.json: phrases 'stopped_kept_many' cannot be filled in"):
        pack.say("stopped_kept_many")  # the code forgot the count: one line, not a KeyError


def test_a_refused_command_leaves_every_file_as_it_was_bak_included(tmp_path):
    """Opening the journal to write refreshes no .bak: a command refused after opening changes nothing."""
    data = tmp_path / "data"
    entry = seed(data)
    with Journal(data / "journal") as journal:  # a later answer: the month file is newer than its .bak
        session = journal.start_session("ko")
        journal.add_entry({"session": session, "language": "ko", "prompt_id": "p", "prompt_text": "q",
                           "transcript": "두 번째 답", "words": [], "audio": None})
        journal.end_session(session)
    before = snapshot(data)
    stamps = {p: p.stat().st_mtime_ns for p in (data / "journal").glob("*.bak")}
    assert stamps and before[f"journal/{MONTH}.json.bak"] != before[f"journal/{MONTH}.json"]
    result = run_cli(data, "delete", entry.replace(".1", ".99"))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert snapshot(data) == before
    assert {p: p.stat().st_mtime_ns for p in (data / "journal").glob("*.bak")} == stamps
