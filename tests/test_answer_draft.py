"""The answer in progress with ``keep_audio = false`` (issue 13, item 3): its
words go to a draft file as they are heard, and recovery stores it after a
crash like a cut-off recording.

Crashes here are real process deaths (``os._exit`` in a forked child, as a
SIGKILL: no cleanup at all) in the middle of a scripted evening; the kill of
a real ``python -m assistant --no-audio`` is in tests/test_crash_safety.py.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import time
from pathlib import Path

import numpy as np
import pytest

from assistant.app import recovery
from assistant.app.encryption import open_all, seal_all
from assistant.conversation import draft as draft_module
from assistant.conversation.draft import AnswerDraft, draft_path, read_draft
from assistant.conversation.prompts import Prompt
from assistant.conversation.session import EveningSession
from assistant.errors import UserError
from assistant.journal.book import Journal
from assistant.journal.vault import create_key
from assistant.language.packs import load_language
from assistant.paths import Paths
from assistant.settings import Settings
from assistant.speech.recognizer import Utterance, Word
from tests.fakes import RATE, FakeMouth, ScriptedEar, ScriptedVoice, quiet

PROMPTS = [Prompt("ko-d-1", "checkin", "오늘 하루는 어땠어요?", "오늘 하루"),
           Prompt("ko-d-2", "micro-rejection", "서운했던 순간이 있었나요?", "서운한 순간"),
           Prompt("ko-d-3", "self-anchoring", "스스로에게 한마디 해 줄래요?", "나에게 하는 말")]
ANSWERS = ["오늘은 회사에서 조금 피곤했어요", "친구가 답장을 하지 않아서 서운했어요", "잘 버텼다고 말해 주고 싶어요"]
PASSPHRASE = "달빛 아래 강물"


def utterance(text: str, start: float = 0.0) -> Utterance:
    words = tuple(Word(w, start + n * 0.5, start + n * 0.5 + 0.4, 1.0) for n, w in enumerate(text.split()))
    return Utterance(text, words)


def paths(tmp_path: Path) -> Paths:
    return Paths(tmp_path / "data", tmp_path / "config.toml")


def new_key(folder: Path):
    folder.mkdir(parents=True, exist_ok=True)
    return create_key(folder, PASSPHRASE)


# --- the file ------------------------------------------------------------------------

def test_a_draft_holds_what_was_said_and_nothing_before_the_first_word(tmp_path):
    path = tmp_path / "audio" / "2026-12-04" / "2026-12-04.1-1.draft"
    draft = AnswerDraft(path, {"session": "2026-12-04.1", "prompt_id": "p"})
    draft.update([], "")
    assert not path.exists()  # nothing said yet: no file
    first = utterance("오늘은 피곤했어요")
    draft.update([], "오늘은")
    assert read_draft(path).transcript == "오늘은"  # the words shown live are kept already
    draft.update([first], "")
    draft.update([first], "그래도 괜찮")
    got = read_draft(path)
    assert got.transcript == "오늘은 피곤했어요 그래도 괜찮"
    assert [w["word"] for w in got.words] == ["오늘은", "피곤했어요"]
    assert got.header["prompt_id"] == "p"
    assert oct(path.stat().st_mode & 0o777) == "0o600" and oct(path.parent.stat().st_mode & 0o777) == "0o700"
    # "scratch that": the words before are gone from the draft too; "undo" brings them back
    draft.update([], "")
    assert read_draft(path).transcript == ""
    second = utterance("다시 말할게요", 3.0)
    draft.update([first, second], "")
    assert read_draft(path).transcript == "오늘은 피곤했어요 다시 말할게요"
    draft.discard()
    assert not path.exists()
    draft.update([first], "more")  # after discard nothing comes back
    assert not path.exists()


def test_a_torn_last_line_is_skipped_and_damage_before_it_is_refused(tmp_path):
    path = tmp_path / "x.draft"
    draft = AnswerDraft(path, {"session": "s"})
    draft.update([utterance("하나 둘")], "")
    draft.update([utterance("하나 둘")], "셋")
    whole = path.read_bytes()
    path.write_bytes(whole[:-4])  # a power cut in the middle of the last line
    assert read_draft(path).transcript == "하나 둘"
    path.write_bytes(whole.replace(b'"said"', b'"sa\xffid"', 1))
    with pytest.raises(UserError, match="damaged"):
        read_draft(path)
    path.write_bytes(b"")
    assert read_draft(path) is None


def test_a_closed_utterance_is_synced_at_once_words_under_way_about_every_second(tmp_path, monkeypatch):
    synced, clock = [], [100.0]
    real_fsync = os.fsync
    monkeypatch.setattr(draft_module.os, "fsync", lambda fd: (synced.append(clock[0]), real_fsync(fd)))
    monkeypatch.setattr(draft_module.time, "monotonic", lambda: clock[0])
    draft = AnswerDraft(tmp_path / "x.draft", {"session": "s"})
    words = []
    for step in range(60):  # six seconds of partials, ten a second
        clock[0] += 0.1
        words.append(f"w{step}")
        draft.update([], " ".join(words))
    times = sorted(set(synced))  # (the folder is synced with the first words, at the same instant)
    assert times[0] == pytest.approx(100.1)  # the first words at once
    assert 6 <= len(times) <= 7 and all(b - a >= 0.99 for a, b in zip(times, times[1:]))
    synced.clear()
    clock[0] += 0.1
    draft.update([utterance(" ".join(words))], "")
    assert synced == [clock[0]]  # at once


def test_a_draft_of_an_encrypted_journal_holds_nothing_in_the_clear(tmp_path):
    vault = new_key(tmp_path / "journal")
    path = tmp_path / "x.draft"
    draft = AnswerDraft(path, {"session": "s", "prompt_text": "오늘 하루는 어땠어요?"}, vault)
    draft.update([utterance("비밀스러운 이야기")], "아무에게도")
    content = path.read_bytes()
    for secret in ("비밀스러운", "아무에게도", "오늘 하루"):
        assert secret.encode() not in content
    assert read_draft(path, vault).transcript == "비밀스러운 이야기 아무에게도"
    with pytest.raises(UserError, match="passphrase"):
        read_draft(path)


# --- a real evening, killed -----------------------------------------------------------

def _evening(data: Path, kill_after_s: float | None, vault=None, **settings) -> None:
    """A scripted --no-audio evening in this process; with ``kill_after_s`` the
    process dies (os._exit, no cleanup) once that much audio was heard."""
    voice = ScriptedVoice()
    parts = [quiet(0.3)]
    for answer in ANSWERS:
        parts += [voice.say(answer), quiet(3.0)]

    class Dying(ScriptedEar):
        def _draw(self, piece):
            chunk = super()._draw(piece)
            if kill_after_s is not None and self.drawn_s >= kill_after_s:
                os._exit(9)
            return chunk

    options = dict(language="ko", silence_s=1.5, no_answer_s=3.0, name_feelings="off", ask_anything_more=False,
                   keep_audio=False)
    options.update(settings)
    with Journal(data / "journal", vault=vault) as journal:
        EveningSession(mouth=FakeMouth(), ear=Dying(*parts), journal=journal, pack=load_language("ko"),
                       prompts=PROMPTS, settings=Settings(**options), recognizers=lambda: voice.recognizers,
                       model_name="scripted", audio_dir=data / "audio", rate_hz=RATE).run()


def _killed_evening(data: Path, kill_after_s: float, vault=None) -> int:
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            _evening(data, kill_after_s, vault)
            os._exit(0)
        except BaseException:  # noqa: BLE001
            import traceback

            traceback.print_exc()
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def _mid_answer_s(number: int, fraction: float) -> float:
    """Seconds of audio into the evening at ``fraction`` of answer ``number`` (1-based)."""
    voice = ScriptedVoice()
    start = 0.3
    for answer in ANSWERS[:number - 1]:
        start += len(voice.say(answer)) / RATE + 3.0
    return start + fraction * len(voice.say(ANSWERS[number - 1])) / RATE


@pytest.mark.parametrize("answer, fraction", [(1, 0.5), (2, 0.8), (3, 1.0)])
def test_a_killed_no_audio_evening_keeps_the_answer_in_progress(tmp_path, answer, fraction):
    data = tmp_path / "data"
    assert _killed_evening(data, _mid_answer_s(answer, fraction)) == 9
    files = [p for p in (data / "audio").rglob("*") if p.is_file()]
    assert [p.suffix for p in files] == [".draft"]  # no recording: only the words
    draft = read_draft(files[0])
    with Journal(data / "journal") as journal:
        before = {e["transcript"] for e in journal.entries()}
        saved = recovery.recover(journal, paths(tmp_path), None, "ko")
        assert len(saved) == 1
        entry = journal.entry(saved[0])
        number = int(files[0].stem.rsplit("-", 1)[1])
        assert number == answer
        assert entry["recovered"] is True and entry["audio"] is None
        assert entry["prompt_id"] == PROMPTS[number - 1].id and entry["prompt_text"] == PROMPTS[number - 1].text
        assert entry["transcript"] == draft.transcript and entry["transcript"] not in before
        assert entry["transcript"].split()[0] == ANSWERS[number - 1].split()[0]
        assert "feelings" in entry and entry["words"] == draft.words  # tagged; a partial has no word timings yet
        assert [s["status"] for s in journal.sessions()] == ["recovered"]
        everything = " ".join(sorted(before)) + " " + entry["transcript"]
        for answer in ANSWERS[:number - 1]:
            assert answer in everything  # every answer already said is there, whole
        assert recovery.recover(journal, paths(tmp_path), None, "ko") == []  # once only
    assert not files[0].exists()


def test_a_finished_no_audio_evening_leaves_no_draft(tmp_path):
    data = tmp_path / "data"
    _evening(data, None)
    with Journal(data / "journal") as journal:
        assert [e["transcript"] for e in journal.entries()] == ANSWERS
    assert not [p for p in (data / "audio").rglob("*") if p.is_file()]


def test_a_draft_whose_answer_was_stored_before_the_crash_is_not_stored_twice(tmp_path):
    data = tmp_path / "data"
    with Journal(data / "journal") as journal:
        session = journal.start_session("ko")
        journal.add_entry({"session": session, "prompt_id": "ko-d-1", "transcript": "오늘은 피곤했어요",
                           "words": [{"word": "오늘은"}]})
        draft = AnswerDraft(draft_path(data / "audio", session, 1), {"session": session, "prompt_id": "ko-d-1"})
        draft.update([utterance("오늘은 피곤했어요")], "")
        assert recovery.recover(journal, paths(tmp_path), None, "ko") == []
        assert len(journal.entries()) == 1
    assert not draft.path.exists()


def test_encrypt_and_decrypt_convert_a_draft_a_crash_left(tmp_path):
    data = tmp_path / "data"
    assert _killed_evening(data, _mid_answer_s(2, 0.8)) == 9
    path = next((data / "audio").rglob("*.draft"))
    words = read_draft(path).transcript
    vault = new_key(data / "journal")
    with Journal(data / "journal", vault=vault):
        converted = list(seal_all(paths(tmp_path), vault))
    assert path in converted
    assert not [w for w in words.split() if w.encode() in path.read_bytes()]
    assert read_draft(path, vault).transcript == words
    with Journal(data / "journal", vault=vault):
        assert path in list(open_all(paths(tmp_path), vault))
    assert read_draft(path).transcript == words and path.read_bytes().startswith(b"{")


def test_a_killed_evening_on_an_encrypted_journal_keeps_its_draft_sealed(tmp_path):
    data = tmp_path / "data"
    vault = new_key(data / "journal")
    assert _killed_evening(data, _mid_answer_s(2, 0.8), vault) == 9
    path = next((data / "audio").rglob("*.draft"))
    assert not [a for a in ANSWERS for w in a.split() if w.encode() in path.read_bytes()]
    with Journal(data / "journal", vault=vault) as journal:
        saved = recovery.recover(journal, paths(tmp_path), None, "ko")
        assert len(saved) == 1 and journal.entry(saved[0])["transcript"]


# --- a broken vocabulary never costs the answer ------------------------------------------

@pytest.mark.parametrize("broken", ["themes.json", "feelings.json"])
def test_a_broken_vocabulary_file_keeps_the_answer_untagged(tmp_path, monkeypatch, capsys, broken):
    from assistant.language.packs import prompts_root

    root = tmp_path / "prompts"
    shutil.copytree(prompts_root(), root)
    (root / "ko" / broken).write_text('{"feelings": [', encoding="utf-8")
    monkeypatch.setenv("VOICE_JOURNAL_PROMPTS", str(root))
    load_language.cache_clear()
    try:
        _evening(tmp_path / "data", None)
    finally:
        load_language.cache_clear()
    with Journal(tmp_path / "data" / "journal") as journal:
        entries = journal.entries()
        assert [e["transcript"] for e in entries] == ANSWERS
        assert all(e["feelings"] == [] and e["themes"] == [] and journal.entry(e["id"])["words"] for e in entries)
    warnings = [line for line in capsys.readouterr().err.splitlines() if broken in line]
    assert warnings and all("kept without feelings and themes" in line for line in warnings)
