"""Backups (issue 14): ``backup DIR``, ``backup --check DIR``, ``restore DIR``, the
nightly timer and the evening that says a failed backup, once.

Journals are real: TinyDB shards on disk written by :class:`Journal`, real
WAV recordings (sealed ones for an encrypted journal), corrections made
with ``retag``; every command runs as the real CLI (in-process, see
tests/cli_helpers.py, or as a real process where it is killed or its disk
loses power).
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tarfile
import time
import types
from pathlib import Path

import numpy as np
import pytest

from assistant.app import evening as evening_module
from assistant.app.backup_notice import MARKER, notice_words
from assistant.app.service import BACKUP_TIMER, BACKUP_UNIT, ENABLED, backup_unit_texts, program
from assistant.audio.chunks import AudioChunk
from assistant.journal import backup as backup_module
from assistant.journal.backup import SUBFOLDER, stream_backup_tar
from assistant.journal.book import Journal
from assistant.journal.vault import SEALED, SEALED_AUDIO, unlock
from assistant.paths import Paths, default_paths
from assistant.settings import Settings
from tests.cli_helpers import one_line_error, run_cli
from tests.fakes import FakeMouth, ScriptedEar, ScriptedSpeech, quiet

REPO = Path(__file__).resolve().parent.parent
PASSPHRASE = "달빛 아래 강물"
BACKUP_PASSPHRASE = "a stick in the drawer"


# -- a real journal ----------------------------------------------------------------------

def evening(data: Path, answers: int, seconds: float = 1.0, seed: int = 0, passphrase: str | None = None) -> list[str]:
    """One evening written as a session writes it: entries with word timings, and their recordings."""
    folder = data / "journal"
    vault = unlock(folder, passphrase) if passphrase else None
    rng = np.random.default_rng(seed)
    ids = []
    with Journal(folder, vault=vault) as journal:
        session = journal.start_session("en")
        for n in range(answers):
            rel = f"{session[:10]}/{session}-{n + 1}.wav"
            path = data / "audio" / rel
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            with journal.recorder()(path, 16000) as out:
                samples = (rng.standard_normal(int(16000 * seconds)) * 2000).astype("<i2")
                out.write(AudioChunk.from_array(samples, 16000))
            words = [{"word": w, "start": i * 0.4, "end": i * 0.4 + 0.3, "conf": 0.9}
                     for i, w in enumerate(f"answer {seed} {n} a quiet day".split())]
            ids.append(journal.add_entry({"session": session, "transcript": " ".join(w["word"] for w in words),
                                          "words": words, "audio": rel, "language": "en", "duration_s": seconds}))
        journal.end_session(session)
    return ids


def journal_bytes(data: Path) -> dict[str, bytes]:
    """Every journal file and recording, by path: what a restore must give back bit for bit."""
    return {p.relative_to(data).as_posix(): p.read_bytes()
            for top in ("journal", "audio") for p in sorted((data / top).rglob("*"))
            if p.is_file() and not p.name.startswith(".") and p.name != "search.sqlite"}


def ok(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result


def listed(data: Path, **env) -> list[dict]:
    return json.loads(ok(run_cli(data, "list", "--json", **env)).stdout)


@pytest.fixture
def plain(tmp_path):
    """A plain journal of two evenings, one answer corrected, and a stick to back it up to."""
    data = tmp_path / "data"
    first = evening(data, 3, seed=1)
    evening(data, 2, seed=2)
    ok(run_cli(data, "retag", first[0], "--add", "lonely"))  # a correction: the shard and personal_cues.json
    stick = tmp_path / "stick"
    stick.mkdir()
    return data, stick


def test_backup_wipe_restore_gives_back_every_file_bit_for_bit(plain, tmp_path):
    data, stick = plain
    before, entries = journal_bytes(data), listed(data)
    assert any(p.startswith("audio/") for p in before) and "journal/personal_cues.json" in before
    result = json.loads(ok(run_cli(data, "backup", str(stick), "--json")).stdout)
    assert result["files"] == len(before) and result["copied"] >= len(before) - 1 and result["encryption"] == "none"
    manifest = json.loads((stick / SUBFOLDER / "manifest.json").read_text())
    assert {f["path"] for f in manifest["files"]} == set(before)
    assert manifest["app_version"] and manifest["created"] and manifest["encryption"] == "none"

    shutil.rmtree(data)  # the SD card dies
    restored = json.loads(ok(run_cli(data, "restore", str(stick), "--json")).stdout)
    assert restored["files"] == len(before) and restored["changes"] is None
    assert journal_bytes(data) == before
    assert listed(data) == entries
    assert any("lonely" in e["feelings"] for e in listed(data))


def test_an_encrypted_journal_is_backed_up_sealed_and_restored_bit_for_bit(plain, tmp_path):
    data, stick = plain
    ok(run_cli(data, "encrypt", VOICE_JOURNAL_PASSPHRASE=PASSPHRASE))
    evening(data, 2, seed=3, passphrase=PASSPHRASE)
    before = journal_bytes(data)
    entries = listed(data, VOICE_JOURNAL_PASSPHRASE=PASSPHRASE)
    result = json.loads(ok(run_cli(data, "backup", str(stick), "--json")).stdout)  # no passphrase needed
    assert result["encryption"] == "journal"
    for obj in (stick / SUBFOLDER / "objects").rglob("*"):
        if obj.is_file() and obj.stat().st_size > 100:
            content = obj.read_bytes()
            assert content.startswith((SEALED, SEALED_AUDIO)) or b"wrapped_key" in content, obj
            assert b"quiet day" not in content

    shutil.rmtree(data)
    ok(run_cli(data, "restore", str(stick)))
    assert journal_bytes(data) == before
    assert listed(data, VOICE_JOURNAL_PASSPHRASE=PASSPHRASE) == entries
    assert "passphrase" in one_line_error(run_cli(data, "list"))  # still encrypted


def test_the_second_backup_copies_only_what_changed(plain):
    data, stick = plain
    ok(run_cli(data, "backup", str(stick)))
    old = journal_bytes(data)
    evening(data, 1, seed=9)  # one more answer tonight
    new = journal_bytes(data)
    changed = {p for p, content in new.items() if old.get(p) != content}
    stored = {p for p in changed if new[p] not in old.values()}  # a .bak may hold bytes already backed up
    result = json.loads(ok(run_cli(data, "backup", str(stick), "--json")).stdout)
    assert 0 < result["copied"] == len(stored) < len(new)
    assert result["bytes_written"] == sum(len(new[p]) for p in stored)
    assert json.loads(ok(run_cli(data, "backup", str(stick), "--json")).stdout)["copied"] == 0

    target = data.parent / "restored"
    ok(run_cli(target, "restore", str(stick)))
    assert journal_bytes(target) == new
    objects = [p for p in (stick / SUBFOLDER / "objects").rglob("*") if p.is_file()]
    assert len(objects) == len(set(new.values()))  # what no manifest names any more was removed


def test_check_finds_a_flipped_byte_and_names_the_file(plain):
    data, stick = plain
    ok(run_cli(data, "backup", str(stick)))
    assert "complete" in ok(run_cli(data, "backup", "--check", str(stick))).stderr
    manifest = json.loads((stick / SUBFOLDER / "manifest.json").read_text())
    victim = next(f for f in manifest["files"] if f["path"].startswith("audio/"))
    path = stick / SUBFOLDER / "objects" / victim["object"][:2] / victim["object"]
    content = bytearray(path.read_bytes())
    content[len(content) // 2] ^= 0x01
    path.write_bytes(bytes(content))
    result = run_cli(data, "backup", "--check", str(stick))
    line = one_line_error(result)
    assert result.returncode == 1 and victim["path"] in line and "1 of" in line
    # restore checks before it moves anything: nothing is restored from a damaged backup
    target = data.parent / "restored"
    line = one_line_error(run_cli(target, "restore", str(stick)))
    assert "damaged" in line and victim["path"] in line
    assert journal_bytes(target) == {}
    # the next backup notices nothing (size and time unchanged): --check is what reads everything
    (stick / SUBFOLDER / "manifest.json").write_text("{ not json")
    assert "damaged" in one_line_error(run_cli(data, "backup", "--check", str(stick)))
    assert "damaged" in one_line_error(run_cli(target, "restore", str(stick)))
    assert "damaged" in one_line_error(run_cli(data, "backup", str(stick)))  # never a guess at how it was sealed


def test_restore_refuses_an_existing_journal_and_says_what_would_change(plain):
    data, stick = plain
    ok(run_cli(data, "backup", str(stick)))
    removed = listed(data)[0]["id"]
    ok(run_cli(data, "delete", removed, "--yes"))
    evening(data, 2, seed=5)
    before = journal_bytes(data)
    result = run_cli(data, "restore", str(stick))
    line = one_line_error(result)
    assert result.returncode == 1 and "--force" in line and "Nothing was changed" in line
    assert "entries: 1 added, 0 replaced, 2 removed" in line, line
    assert "recordings: 1 added, 0 replaced, 2 removed" in line
    assert journal_bytes(data) == before

    done = json.loads(ok(run_cli(data, "restore", str(stick), "--force", "--json")).stdout)
    assert done["changes"]["entries"] == {"added": 1, "replaced": 0, "removed": 2}
    assert journal_bytes(Path(done["kept_in"])) == before  # the journal that was there is kept aside
    assert removed in {e["id"] for e in listed(data)}


def test_a_passphrase_backup_of_a_plain_journal(plain):
    data, stick = plain
    before = journal_bytes(data)
    env = {"VOICE_JOURNAL_BACKUP_PASSPHRASE": BACKUP_PASSPHRASE}
    assert json.loads(ok(run_cli(data, "backup", str(stick), "--encrypt", "--json", **env)).stdout)["encryption"] \
        == "passphrase"
    for path in (stick / SUBFOLDER).rglob("*"):
        if path.is_file():
            assert b"quiet day" not in path.read_bytes() and b"RIFF" not in path.read_bytes()[:8], path
    assert "audio/" not in (stick / SUBFOLDER / "manifest.json").read_text()  # the file list is sealed too
    evening(data, 1, seed=7)
    result = json.loads(ok(run_cli(data, "backup", str(stick), "--json")).stdout)  # nightly: nobody types
    assert result["encryption"] == "passphrase" and 0 < result["copied"] < result["files"]
    assert "complete" in ok(run_cli(data, "backup", "--check", str(stick))).stderr  # no passphrase needed
    after = journal_bytes(data)

    target = data.parent / "new-card"
    wrong = run_cli(target, "restore", str(stick), VOICE_JOURNAL_BACKUP_PASSPHRASE="a stick in the drawer?")
    assert wrong.returncode == 1 and "wrong passphrase for the backup" in one_line_error(wrong)
    assert journal_bytes(target) == {}
    ok(run_cli(target, "restore", str(stick), **env))
    assert journal_bytes(target) == after != before


def test_the_web_page_can_stream_a_backup_as_one_tar(plain, tmp_path):
    data, _ = plain
    before = journal_bytes(data)
    out = io.BytesIO()
    result = stream_backup_tar(Paths(data_dir=data, config_file=tmp_path / "c.toml"), out)
    assert result.files == len(before)
    out.seek(0)
    unpacked = tmp_path / "unpacked"
    with tarfile.open(fileobj=out) as tar:
        tar.extractall(unpacked, filter="data")
    ok(run_cli(data, "backup", "--check", str(unpacked)))
    target = tmp_path / "restored"
    ok(run_cli(target, "restore", str(unpacked)))
    assert journal_bytes(target) == before


# -- what goes wrong ------------------------------------------------------------------------

def test_problems_are_one_line_and_leave_the_previous_backup_whole(plain, monkeypatch):
    data, stick = plain
    missing = run_cli(data, "backup", str(stick / "not-mounted"))
    assert "does not exist" in one_line_error(missing) and "plug in" in missing.stderr
    assert json.loads((data / MARKER).read_text())["kind"] == "missing"
    assert "inside the journal" in one_line_error(run_cli(data, "backup", str(data / "audio")))
    assert "no voice-journal backup" in one_line_error(run_cli(data, "restore", str(stick)))

    ok(run_cli(data, "backup", str(stick)))
    assert not (data / MARKER).exists()  # a backup that worked clears the failure
    manifest = (stick / SUBFOLDER / "manifest.json").read_bytes()
    evening(data, 3, seed=11)

    real = backup_module._write_temp
    calls = []

    def full_after_two(folder, *rest):
        calls.append(folder)
        if len(calls) > 2:
            raise OSError(28, "No space left on device")
        return real(folder, *rest)

    monkeypatch.setattr(backup_module, "_write_temp", full_after_two)
    result = run_cli(data, "backup", str(stick))
    assert result.returncode == 1 and "is full" in one_line_error(result) and "untouched" in result.stderr
    assert json.loads((data / MARKER).read_text())["kind"] == "full"
    assert (stick / SUBFOLDER / "manifest.json").read_bytes() == manifest
    assert "complete" in ok(run_cli(data, "backup", "--check", str(stick))).stderr
    monkeypatch.setattr(backup_module, "_write_temp", real)
    ok(run_cli(data, "backup", str(stick)))
    assert "complete" in ok(run_cli(data, "backup", "--check", str(stick))).stderr


def _environment(data: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VOICE_JOURNAL_", "XDG_"))}
    env.update(VOICE_JOURNAL_HOME=str(data), XDG_CONFIG_HOME=str(data.parent / "config"), PYTHONPATH=str(REPO), **extra)
    return env


def _backup_process(data: Path, stick: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "assistant", "backup", str(stick)], env=_environment(data),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=str(data.parent))


def _objects(stick: Path) -> set[str]:
    """The objects stored whole (not the temporary file of one under way)."""
    try:
        return {p.name for p in (stick / SUBFOLDER / "objects").glob("*/*") if not p.name.startswith(".")}
    except OSError:
        return set()


def _incoming(stick: Path) -> int:
    """Objects being written (the temporary files of a batch)."""
    try:
        return sum(1 for p in (stick / SUBFOLDER / "objects").glob("*/.*"))
    except OSError:
        return 0


def _stored(stick: Path) -> int:
    return len(_objects(stick))


def test_a_backup_killed_half_way_leaves_the_last_one_whole_and_the_next_run_completes_it(plain):
    data, stick = plain
    ok(run_cli(data, "backup", str(stick)))
    first = journal_bytes(data)
    old_manifest = (stick / SUBFOLDER / "manifest.json").read_bytes()
    for seed in range(20, 26):  # a week of evenings since: much to copy
        evening(data, 5, seconds=3.0, seed=seed)
    already = _stored(stick)
    process = _backup_process(data, stick)
    deadline = time.monotonic() + 30
    while _stored(stick) < already + 5 and _incoming(stick) < 12 and process.poll() is None \
            and time.monotonic() < deadline:
        time.sleep(0.002)
    assert process.poll() is None, "the backup finished before it could be killed; give it more to copy"
    process.send_signal(signal.SIGKILL)
    process.wait()

    assert (stick / SUBFOLDER / "manifest.json").read_bytes() == old_manifest
    assert "complete" in ok(run_cli(data, "backup", "--check", str(stick))).stderr
    old_copy = data.parent / "old-copy"
    ok(run_cli(old_copy, "restore", str(stick)))
    assert journal_bytes(old_copy) == first  # the previous backup, whole

    survivors = _objects(stick)
    needed = {hashlib.sha256(content).hexdigest() for content in journal_bytes(data).values()}
    result = json.loads(ok(run_cli(data, "backup", str(stick), "--json")).stdout)
    assert result["copied"] == len(needed - survivors)  # what the killed run copied is not copied again
    assert "complete" in ok(run_cli(data, "backup", "--check", str(stick))).stderr
    target = data.parent / "restored"
    ok(run_cli(target, "restore", str(stick)))
    assert journal_bytes(target) == journal_bytes(data)


def test_the_stick_losing_power_mid_backup_leaves_a_backup_that_checks(plain, tmp_path):
    from tests.power_cut import PowerCut, available

    if available() is not None:
        pytest.skip(f"power cuts cannot be simulated: {available()}")
    data, _ = plain
    rng = random.Random()
    power = PowerCut(tmp_path / "backing", tmp_path / "stick-on-fuse")
    try:
        first = subprocess.run([sys.executable, "-m", "assistant", "backup", str(power.mountpoint)],
                               env=_environment(data), capture_output=True, text=True, timeout=60)
        assert first.returncode == 0, first.stderr
        old = journal_bytes(data)
        for seed in range(30, 33):
            evening(data, 4, seconds=2.0, seed=seed)
        already = _stored(power.mountpoint)
        process = _backup_process(data, power.mountpoint)
        cut_after = already + rng.randint(0, 8)  # 12 new recordings, 4 changed shards
        deadline = time.monotonic() + 30
        while _stored(power.mountpoint) < cut_after and _incoming(power.mountpoint) < 14 and process.poll() is None \
                and time.monotonic() < deadline:
            time.sleep(0.002)
        finished = process.poll() == 0  # then what it reported done must survive the cut whole
        process.send_signal(signal.SIGKILL)
        process.wait()
        after = power.cut(tmp_path / "after-the-cut")
    finally:
        power.unmount()
    assert "complete" in ok(run_cli(data, "backup", "--check", str(after))).stderr
    seen = data.parent / "seen"
    ok(run_cli(seen, "restore", str(after)))
    # the last backup or the new one, never half; the new one if the backup had said it was done
    assert journal_bytes(seen) in ([journal_bytes(data)] if finished else [old, journal_bytes(data)])
    ok(run_cli(data, "backup", str(after)))
    target = data.parent / "restored"
    ok(run_cli(target, "restore", str(after)))
    assert journal_bytes(target) == journal_bytes(data)


# -- every night, by itself ----------------------------------------------------------------

FAKE_SYSTEMCTL = """#!/bin/sh
echo "$@" >> "{log}"
if [ "$2" = "show-environment" ]; then echo "HOME=$HOME"; exit 0; fi
exit 0
"""


def test_install_service_adds_the_nightly_backup_timer(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "systemctl.log"
    (bin_dir / "systemctl").write_text(FAKE_SYSTEMCTL.format(log=log))
    (bin_dir / "systemctl").chmod(0o755)
    stick = tmp_path / "my stick"
    stick.mkdir()
    env = {"PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", "USER": "tester"}
    data = tmp_path / "data"

    assert "does not exist" in one_line_error(run_cli(data, "install-service", "--lang", "ko", "--backup",
                                                      str(tmp_path / "nowhere"), **env))
    ok(run_cli(data, "install-service", "--lang", "ko", "--backup", str(stick), **env))
    units = tmp_path / "config" / "systemd" / "user"
    service, timer = (units / BACKUP_UNIT).read_text(), (units / BACKUP_TIMER).read_text()
    assert f'ExecStart={os.path.abspath(sys.executable)} -m assistant backup "{stick}"\n' in service
    assert "Type=oneshot" in service and f"Environment=VOICE_JOURNAL_HOME={data}\n" in service
    assert "OnCalendar=*-*-* 03:30:00\n" in timer and "Persistent=true" in timer and f"Unit={BACKUP_UNIT}" in timer
    for name in (BACKUP_UNIT, BACKUP_TIMER):
        assert (units / name).stat().st_mode & 0o022 == 0  # nobody else may rewrite what it runs
    assert log.read_text().splitlines()[-1] == "--user enable --now " + " ".join(ENABLED + (BACKUP_TIMER,))

    ok(run_cli(data, "uninstall-service", **env))
    assert not (units / BACKUP_UNIT).exists() and not (units / BACKUP_TIMER).exists()


def test_systemd_analyze_verifies_the_backup_units(tmp_path):
    exe = shutil.which("systemd-analyze")
    if exe is None:
        pytest.skip("systemd-analyze is not installed")
    files = []
    for name, text in backup_unit_texts(program(), str(tmp_path / "stick"), {"VOICE_JOURNAL_HOME": "/d"}).items():
        (tmp_path / name).write_text(text)
        files.append(str(tmp_path / name))
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    result = subprocess.run([exe, "--user", "verify", *files], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "XDG_RUNTIME_DIR": str(runtime)})
    if "Failed to initialize manager" in result.stderr:
        pytest.skip(result.stderr.strip())
    assert result.returncode == 0 and result.stderr.strip() == "", result.stderr


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_failed_nightly_backup_is_said_at_the_next_evening_once(language, tmp_path, monkeypatch):
    monkeypatch.setattr(evening_module, "find_model",
                        lambda code, name, paths: types.SimpleNamespace(name="scripted", path=tmp_path / "model"))
    monkeypatch.setattr(evening_module, "model_rate_hz", lambda path: 16000)
    monkeypatch.setattr(evening_module, "VoskRecognizers", lambda model, rate_hz: ScriptedSpeech())
    paths = default_paths()
    paths.data_dir.mkdir(parents=True)
    result = run_cli(paths.data_dir, "backup", str(tmp_path / "unplugged"))  # the timer, with no stick
    assert result.returncode == 1

    def an_evening() -> list[str]:
        mouth = FakeMouth()
        evening_module.run_evening(paths, Settings(language=language), ear=ScriptedEar(quiet(20.0)), model=object(),
                                   make_mouth=lambda: mouth)
        return mouth.said

    words = notice_words(language, "missing")
    said = an_evening()
    assert said.count(words) == 1 and said.index(words) == 0
    assert words not in an_evening()  # once
    assert not (paths.data_dir / MARKER).exists()
