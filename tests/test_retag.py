"""Correcting tags: by voice (pure matching) and with 'voice-journal retag' (the command, in-process)."""
from __future__ import annotations

import json

import pytest

from assistant.language.commands import match_correction
from assistant.language.feelings import load_vocabulary
from assistant.journal.book import Journal
from assistant.language.packs import load_language
from tests.cli_helpers import one_line_error, run_cli


@pytest.mark.parametrize("text, expected", [
    ("tag that as lonely", ("add", "lonely")),
    ("um tag that as left out", ("add", "left out")),
    ("tag it as gutted", ("add", "disappointed")),
    ("remove angry", ("remove", "angry")),
    ("untag anxious please", ("remove", "anxious")),
    ("i was angry at the remove button", None),
    ("tag that as banana", None),
    ("lonely", None),
])
def test_spoken_corrections_english(text, expected):
    pack, vocabulary = load_language("en"), load_vocabulary("en")
    assert match_correction(text, pack.corrections, vocabulary.canonical) == expected


def test_spoken_corrections_korean():
    pack, vocabulary = load_language("ko"), load_vocabulary("ko")
    assert match_correction("외로움 추가", pack.corrections, vocabulary.canonical) == ("add", "외로움")
    assert match_correction("불안 빼 줘", pack.corrections, vocabulary.canonical) == ("remove", "불안")
    assert match_correction("오늘 불안 했어요", pack.corrections, vocabulary.canonical) is None


@pytest.fixture
def journal_with_entry(tmp_path):
    with Journal(tmp_path / "data" / "journal") as journal:
        session = journal.start_session("en")
        entry_id = journal.add_entry({"session": session, "language": "en", "prompt_id": "en-checkin-01",
                                      "transcript": "nobody replied and i felt angry", "feelings": ["angry"],
                                      "themes": ["unanswered"], "words": []})
    return entry_id


def test_retag_command_changes_feelings_themes_and_intensity(tmp_path, journal_with_entry):
    result = run_cli(tmp_path / "data", "retag", journal_with_entry, "--add", "gutted", "--remove", "angry",
                     "--theme", "left-out", "--intensity", "6", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["feelings"] == ["disappointed"]
    with Journal(tmp_path / "data" / "journal", write=False) as journal:
        entry = journal.entry(journal_with_entry)
    assert entry["feelings"] == ["disappointed"]
    assert entry["themes"] == ["unanswered", "left-out"]
    assert entry["intensity"] == 6


@pytest.mark.parametrize("args, expected", [
    (["--add", "banana"], "'banana' is not in the feelings vocabulary"),
    (["--theme", "sadness"], "unknown theme 'sadness'"),
    (["--intensity", "12"], "--intensity takes a number from 1 to 10"),
])
def test_retag_mistakes_are_one_line_and_change_nothing(tmp_path, journal_with_entry, args, expected):
    shard = next((tmp_path / "data" / "journal").glob("????-??.json"))
    before = shard.read_bytes()
    assert expected in one_line_error(run_cli(tmp_path / "data", "retag", journal_with_entry, *args))
    assert shard.read_bytes() == before


def test_retag_unknown_entry(tmp_path, journal_with_entry):
    assert "ids look like" in one_line_error(run_cli(tmp_path / "data", "retag", "yesterday", "--add", "sad"))
