"""An old journal's model symbols ([2], (천), <UNK>) never reach a reader, migrated or not.

Migration 003 cleans a month when a session writes to it; every read
(list, show, search, export, the web timeline, replay's words) cleans as it
reads (:func:`assistant.journal.migrations.clean_on_read`), so a month
nobody wrote to since shows clean text too, and its file is left as it was.
"""
from __future__ import annotations

import json

import pytest

from assistant.journal.book import Journal
from assistant.paths import default_paths
from tests.cli_helpers import run_cli

SYMBOLS = ("[2]", "[19]", "(천)", "(십)", "<UNK>")
OLD_MONTH = {
    "_meta": {"1": {"schema_version": 2, "migrations": ["001_initial", "002_feelings_fields"]}},
    "sessions": {"1": {"id": "2024-03-01.1", "started_at": "2024-03-01T21:00:00+09:00", "language": "ko",
                       "status": "finished", "prompts": []}},
    "entries": {
        "1": {"id": "2024-03-01.1", "session": "2024-03-01.1", "created_at": "2024-03-01T21:02:00+09:00",
              "language": "ko", "prompt_id": "p1", "prompt_text": "오늘 어땠어요?", "feelings": [], "intensity": None,
              "themes": [], "transcript": "저 도 [2] 호기 (천) 원 <UNK> 썼어요", "audio": None},
        "2": {"id": "2024-03-01.2", "session": "2024-03-01.1", "created_at": "2024-03-01T21:05:00+09:00",
              "language": "ko", "prompt_id": "p2", "prompt_text": "잘된 일은요?", "feelings": [], "intensity": None,
              "themes": [], "transcript": "[19] 층 (십) 분 걸었어요", "audio": None},
    },
}
OLD_WORDS = {"words": {"1": {"id": "2024-03-01.1", "words": [
    {"word": "저", "start": 0.3, "end": 0.5, "conf": 1.0}, {"word": "[2]", "start": 0.5, "end": 0.7, "conf": 1.0},
    {"word": "<UNK>", "start": 0.8, "end": 0.9, "conf": 0.5}, {"word": "썼어요", "start": 1.0, "end": 1.4, "conf": 1.0}]}}}


@pytest.fixture
def old_journal(isolated_environment):
    paths = default_paths()
    paths.ensure_private_dirs()
    (paths.journal_dir / "2024-03.json").write_text(json.dumps(OLD_MONTH, ensure_ascii=False), encoding="utf-8")
    (paths.journal_dir / "2024-03.words.json").write_text(json.dumps(OLD_WORDS, ensure_ascii=False), encoding="utf-8")
    return paths


def no_symbols(text: str) -> bool:
    return not any(symbol in text for symbol in SYMBOLS)


def test_reading_an_old_month_shows_clean_text_and_leaves_the_file_alone(old_journal):
    before = (old_journal.journal_dir / "2024-03.json").read_bytes()
    with Journal(old_journal.journal_dir, write=False) as journal:
        first = journal.entry("2024-03-01.1")
        assert first["transcript"] == "저 도 이 호기 천 원 썼어요"
        assert [w["word"] for w in first["words"]] == ["저", "이", "썼어요"]
        assert [w["start"] for w in first["words"]] == [0.3, 0.5, 1.0]  # timings kept
        assert [e["transcript"] for e in journal.entries()] == ["저 도 이 호기 천 원 썼어요", "십구 층 십 분 걸었어요"]
        assert [e["id"] for e in journal.search("십구")] == ["2024-03-01.2"]
        assert journal.search("[19]") == [] and journal.search("UNK") == []
        assert journal.month_words("2024-03")["2024-03-01.1"][1]["word"] == "이"
    assert (old_journal.journal_dir / "2024-03.json").read_bytes() == before  # a reader writes nothing


@pytest.mark.parametrize("args", [["list"], ["show", "2024-03-01.1"], ["search", "호기"], ["export"],
                                  ["export", "--format", "json"], ["export", "--format", "csv"]])
def test_every_command_that_shows_an_old_entry_shows_it_clean(old_journal, args):
    result = run_cli(old_journal.data_dir, *args)
    assert result.returncode == 0, result.stderr
    assert "호기" in result.stdout or "걸었어요" in result.stdout
    assert no_symbols(result.stdout), result.stdout


def test_the_web_timeline_reads_clean_text(old_journal):
    from assistant.web.timeline import evening_page

    with Journal(old_journal.journal_dir, write=False) as journal:
        evenings, _ = evening_page(journal)
    shown = json.dumps([e.__dict__ if hasattr(e, "__dict__") else e for e in evenings], default=str,
                       ensure_ascii=False)
    assert "호기" in shown and no_symbols(shown)


def test_a_search_cache_built_before_is_rebuilt_clean(old_journal, monkeypatch):
    """search.sqlite of an older version may hold the symbols: the shards are read again."""
    from assistant.journal import search, shards

    with monkeypatch.context() as old_version:
        old_version.setattr(shards, "clean_on_read", lambda data: data)
        old_version.setattr(search.SearchCache, "FORMAT", 2)
        with Journal(old_journal.journal_dir, write=False) as journal:
            assert [e["transcript"] for e in journal.search("호기")] == ["저 도 [2] 호기 (천) 원 <UNK> 썼어요"]
    with Journal(old_journal.journal_dir, write=False) as journal:
        assert [e["transcript"] for e in journal.search("호기")] == ["저 도 이 호기 천 원 썼어요"]


def test_replay_finds_and_reads_an_old_entry_clean(old_journal):
    """A replay request searches the words people said ("십구", not "[19]") and speaks them clean."""
    from datetime import date

    from assistant.conversation import replay
    from tests.fakes import FakeMouth

    pack = replay.load_replay("ko")
    mouth = FakeMouth()
    with Journal(old_journal.journal_dir, write=False) as journal:
        found = [e for e in journal.iter_entries(newest_first=True) if "십구" in e["transcript"]]
        assert [e["id"] for e in found] == ["2024-03-01.2"]
        assert replay.play_entry(found[0], mouth, mouth.sink, old_journal, pack, today=date(2024, 3, 2)) == "transcript"
    assert any("십구 층 십 분 걸었어요" in line for line in mouth.said) and all(no_symbols(line) for line in mouth.said)


def test_brackets_in_a_current_month_are_the_persons_own(isolated_environment):
    """Only shards older than migration 003 are cleaned as read: after it, "[sic]" in a
    corrected transcript was typed by the person, and stays."""
    paths = default_paths()
    paths.ensure_private_dirs()
    with Journal(paths.journal_dir) as journal:
        session = journal.start_session("en")
        entry = journal.add_entry({"session": session, "created_at": "2026-11-23T21:00:00+00:00", "language": "en",
                                   "prompt_id": "p", "prompt_text": "How was today?", "feelings": [], "themes": [],
                                   "intensity": None, "transcript": "she said [sic] it was fine", "words": [],
                                   "audio": None})
    with Journal(paths.journal_dir, write=False) as journal:
        assert journal.entry(entry)["transcript"] == "she said [sic] it was fine"
        assert [e["id"] for e in journal.search("[sic]")] == [entry]
