"""Schema migrations, step by step: 003 cleans model symbols out of old journals."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.journal.book import Journal
from assistant.journal.migrations import MIGRATIONS, SCHEMA_VERSION, m003_clean_transcripts
from assistant.paths import default_paths

NAMES = [name for name, _ in MIGRATIONS]

SCHEMA_2 = {
    "_meta": {"1": {"schema_version": 2, "migrations": ["001_initial", "002_feelings_fields"]}},
    "entries": {
        "1": {"id": "2024-03-01.1", "created_at": "2024-03-01T21:02:00+09:00", "feelings": [], "intensity": None,
              "themes": [], "transcript": "저 도 [2] 호기 (천) 원"},
        "2": {"id": "2024-03-01.2", "created_at": "2024-03-01T21:05:00+09:00", "feelings": [], "intensity": None,
              "themes": [], "transcript": "고친 말", "heard": "고친 <UNK> 말 [19]",
              "corrections": [{"at": "2024-03-02T10:00:00+09:00", "field": "transcript",
                               "was": "고친 <UNK> 말 [19]", "now": "고친 말"}]},
        "3": {"id": "2024-03-01.3", "created_at": "2024-03-01T21:08:00+09:00", "feelings": [], "intensity": None,
              "themes": [], "transcript": "깨끗한 말"},
    },
}
WORDS = {"words": {
    "1": {"id": "2024-03-01.1", "words": [{"word": "저", "start": 0.3, "end": 0.5, "conf": 1.0},
                                         {"word": "[2]", "start": 0.5, "end": 0.7, "conf": 1.0},
                                         {"word": "호기", "start": 0.8, "end": 1.1, "conf": 0.9}]},
    "3": {"id": "2024-03-01.3", "words": [{"word": "깨끗한", "start": 0.2, "end": 0.6, "conf": 1.0}]},
}}


@pytest.fixture
def folder(isolated_environment) -> Path:
    paths = default_paths()
    paths.ensure_private_dirs()
    return paths.journal_dir


def read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_cleaning_step_is_the_last_one():
    assert NAMES[-1] == "003_clean_transcripts" and SCHEMA_VERSION == len(NAMES)


def test_an_old_journal_loses_its_model_symbols_and_keeps_the_rest(folder):
    (folder / "2024-03.json").write_text(json.dumps(SCHEMA_2, ensure_ascii=False), encoding="utf-8")
    (folder / "2024-03.words.json").write_text(json.dumps(WORDS, ensure_ascii=False), encoding="utf-8")
    with Journal(folder) as journal:
        assert journal.schema_version("2024-03") == SCHEMA_VERSION
        first = journal.entry("2024-03-01.1")
        second = journal.entry("2024-03-01.2")
        assert first["transcript"] == "저 도 이 호기 천 원"
        assert first["words"] == [{"word": "저", "start": 0.3, "end": 0.5, "conf": 1.0},
                                  {"word": "이", "start": 0.5, "end": 0.7, "conf": 1.0},
                                  {"word": "호기", "start": 0.8, "end": 1.1, "conf": 0.9}]
        assert second["transcript"] == "고친 말" and second["heard"] == "고친 말 십구"
        assert second["corrections"][0]["was"] == "고친 말 십구"
        assert journal.entry("2024-03-01.3")["transcript"] == "깨끗한 말"
        assert [e["id"] for e in journal.search("호기")] == ["2024-03-01.1"]
        assert journal.search("[2]") == []
    data = read(folder / "2024-03.json")
    assert data["_meta"]["1"]["migrations"] == NAMES
    assert "[2]" not in json.dumps(data, ensure_ascii=False)
    assert "[2]" not in (folder / "2024-03.words.json").read_text(encoding="utf-8")
    assert (folder / "2024-03.words.json.bak").exists()  # the words shard was backed up before it was cleaned
    assert read(folder / "2024-03.words.json")["words"]["3"] == WORDS["words"]["3"]


def test_a_clean_old_journal_is_not_rewritten_beyond_its_schema_stamp(folder):
    clean = json.loads(json.dumps(SCHEMA_2))
    clean["entries"] = {"3": clean["entries"]["3"]}
    (folder / "2024-03.json").write_text(json.dumps(clean, ensure_ascii=False), encoding="utf-8")
    words = {"words": {"3": WORDS["words"]["3"]}}
    (folder / "2024-03.words.json").write_text(json.dumps(words, ensure_ascii=False), encoding="utf-8")
    before = (folder / "2024-03.words.json").read_bytes()
    with Journal(folder) as journal:
        assert journal.schema_version("2024-03") == SCHEMA_VERSION
    assert (folder / "2024-03.words.json").read_bytes() == before
    assert read(folder / "2024-03.json")["entries"] == clean["entries"]


def test_the_step_runs_on_a_bare_tinydb_too(tmp_path):
    from tinydb import TinyDB

    with TinyDB(tmp_path / "old.json") as db:
        db.table("entries").insert({"id": "x", "transcript": "<UNK> 하나 (십)",
                                    "words": [{"word": "<UNK>"}, {"word": "하나"}, {"word": "(십)"}]})
        m003_clean_transcripts(db)
        assert db.table("entries").all() == [{"id": "x", "transcript": "하나 십",
                                              "words": [{"word": "하나"}, {"word": "십"}]}]
