"""The journal at scale, for correctness (the timings are in benchmarks/journal_scale.py):
lazy shards, one write per shard, the search cache and restore."""
from __future__ import annotations

import json
import os
import sqlite3
import stat
from datetime import datetime
from pathlib import Path

import pytest

from assistant.journal import book as journal_module
from assistant.journal import search as search_module
from assistant.journal import shards as shards_module
from assistant.journal import storage as storage_module
from assistant.journal.book import Journal
from assistant.journal.migrations import SCHEMA_VERSION
from assistant.journal.search import SEARCH_CACHE
from assistant.journal.queries import EntryFilter, select_entries
from assistant.journal.storage import CorruptJournal

THIS_MONTH = datetime.now().astimezone().strftime("%Y-%m")

# (created_at, language, prompt_text, transcript)
ENTRIES = [
    ("2025-01-03T21:00:00+09:00", "en", "Did a message go unanswered today?", "I texted Maya and she never replied. I felt LONELY."),
    ("2025-01-03T21:04:00+09:00", "en", "What went well today, however small?", "Finished the report; proud of it."),
    ("2025-01-20T23:50:00+09:00", "en", "How was today, in a few words?", "A zeppelin flew over the river, strange day"),
    ("2025-02-02T21:00:00+09:00", "ko", "오늘 답장이 오지 않은 일이 있었나요?", "오늘 친구가 답장 을 안 해서 외로웠 어요"),
    ("2025-02-02T21:03:00+09:00", "ko", "오늘 잘한 일은 무엇인가요?", "회사 에서 칭찬 을 받았어요 나 는 기뻤어요"),
    ("2025-02-14T00:30:00+09:00", "ko", "오늘 하루는 어땠나요?", "혼자 밥 을 먹었 어요 외로 웠어요"),
    ("2025-03-01T21:00:00+09:00", "en", "Who made you feel safe today?", "My neighbour waved. Straße closed, took the long way."),
    ("2025-03-01T21:05:00+09:00", "en", "", None),
    ("2025-03-02T21:00:00+09:00", "en", "Did you feel left out?", 'They said "later" and left without me; left out again'),
    ("2025-03-02T21:02:00+09:00", "ko", "", "나 나 나"),
    ("2025-03-02T21:03:00+09:00", "en", "What would you say to a friend?", "i'd say: ab-so-lutely fine %_* [x]"),
]

QUERIES = [
    "lonely", "LONELY", "Lonely maya", "maya lonely", "zeppelin", "ZEPPELIN river", "zep", "ppe", "the", "t", "i",
    "ab", "a", "%", "_", "*", "[x]", '"later"', "later me", "left out", "STRASSE", "straße", "ss",
    "외로", "외", "외로웠어요", "외로 웠어요", "웠어", "답장", "답장을", "오늘", "나", "나 는", "는기뻤", "칭찬을받았어요",
    "어요", "요", "오늘 외로", "zzz", "lonely zzz", "did", "today?", "report; proud",
]


def brute_force(journal: Journal, words: str, limit: int | None = None) -> list[dict]:
    """What search means: every entry, through review's own text filter."""
    return select_entries(journal.iter_entries(newest_first=True), EntryFilter(text=words), limit)


def build(folder: Path, entries=ENTRIES) -> dict[str, str]:
    made = {}
    with Journal(folder) as journal:
        for created, language, prompt, transcript in entries:
            entry_id = journal.add_entry({"created_at": created, "language": language, "prompt_text": prompt,
                                          "transcript": transcript, "session": f"{created[:10]}.1",
                                          "words": [{"word": w, "start": 0.1, "end": 0.2}
                                                    for w in (transcript or "").split()]})
            made[entry_id] = transcript
    return made


@pytest.fixture
def folder(tmp_path) -> Path:
    folder = tmp_path / "journal"
    build(folder)
    return folder


def parsed_paths(monkeypatch) -> list[str]:
    """The shard files read whole from here on, by name."""
    seen: list[str] = []
    real = shards_module.ShardFile.parse

    def parse(self):
        seen.append(self.path.name)
        return real(self)

    monkeypatch.setattr(shards_module.ShardFile, "parse", parse)
    return seen


def written_paths(monkeypatch) -> list[str]:
    """The files DurableJSONStorage writes from here on, by name."""
    seen: list[str] = []
    real = storage_module.DurableJSONStorage.write

    def write(self, data):
        seen.append(Path(self.path).name)
        return real(self, data)

    monkeypatch.setattr(storage_module.DurableJSONStorage, "write", write)
    return seen


# --- search equals a scan ------------------------------------------------------------

@pytest.mark.parametrize("write", [False, True])
def test_search_equals_a_scan_of_every_entry(folder, write):
    with Journal(folder, write=write) as journal:
        for words in QUERIES:
            expected = brute_force(journal, words)
            assert journal.search(words) == expected, words
            assert journal.search(words.split()) == expected, words
            assert journal.search(words, limit=2) == expected[:2], words
    assert (folder / SEARCH_CACHE).exists()


def test_a_cache_of_the_first_format_with_its_trigram_index_is_rebuilt_without_it(folder):
    """Format 1 had an FTS5 trigram index (three times the cost of the first search)."""
    with Journal(folder, write=False) as journal:
        expected = {words: journal.search(words) for words in QUERIES}
    _run_sql(folder / SEARCH_CACHE, "CREATE VIRTUAL TABLE entries_fts USING fts5(text)")
    _set_user_version(folder / SEARCH_CACHE, 1)
    with Journal(folder, write=False) as journal:
        for words in QUERIES:
            assert journal.search(words) == expected[words], words
    with sqlite3.connect(folder / SEARCH_CACHE) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (search_module.SearchCache.FORMAT,)
        assert db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'entries_fts'").fetchone() == (0,)


def test_the_query_table_covers_what_it_should(folder):
    with Journal(folder, write=False) as journal:
        hits = {words: [e["id"] for e in journal.search(words)] for words in QUERIES}
    assert hits["lonely"] == hits["LONELY"] == ["2025-01-03.1"]
    assert hits["외로"] == ["2025-02-14.1", "2025-02-02.1"]  # "외로 웠어요" and "외로웠 어요": spaces ignored in Korean
    assert hits["외로웠어요"] == hits["외로"]
    assert hits["외"] == hits["외로"]  # one Korean syllable
    assert {"2025-03-02.2", "2025-02-02.2"} <= set(hits["나"])
    assert hits["did"] == ["2025-03-02.1", "2025-01-03.1"]  # the prompt counts too
    assert hits["straße"] == hits["STRASSE"] == hits["ss"][:1] == ["2025-03-01.1"]
    assert hits["zzz"] == hits["lonely zzz"] == []
    assert hits["%"] == hits["[x]"] == ["2025-03-02.3"]  # no wildcards
    assert len(hits["a"]) > 5


def test_no_words_is_every_entry(folder):
    with Journal(folder, write=False) as journal:
        assert journal.search("") == journal.entries(newest_first=True)
        assert journal.search([], limit=3) == journal.entries(newest_first=True)[:3]
        assert journal.search("lonely", limit=0) == []


def test_search_of_a_journal_that_is_not_there(tmp_path):
    with Journal(tmp_path / "nothing", write=False) as journal:
        assert journal.search("lonely") == []
    assert not (tmp_path / "nothing").exists()


# --- the cache keeps up with the shards ---------------------------------------------

def ids(entries) -> list[str]:
    return [e["id"] for e in entries]


def test_the_cache_follows_add_update_and_remove(folder):
    with Journal(folder) as journal:
        assert ids(journal.search("zeppelin")) == ["2025-01-20.1"]
        new = journal.add_entry({"created_at": "2025-01-21T21:00:00+09:00", "transcript": "another zeppelin"})
        assert ids(journal.search("zeppelin")) == [new, "2025-01-20.1"]
        journal.update_entry(new, {"transcript": "a blimp this time"})
        assert ids(journal.search("zeppelin")) == ["2025-01-20.1"]
        assert ids(journal.search("blimp")) == [new]
        journal.update_entry(new, {"feelings": ["amused"]})
        assert journal.search("blimp")[0]["feelings"] == ["amused"]
        journal.remove_entry(new)
        assert journal.search("blimp") == []
    with Journal(folder, write=False) as reader:  # and another process sees the same
        assert ids(reader.search("zeppelin")) == ["2025-01-20.1"]
        assert reader.search("blimp") == []


def test_a_removed_entry_leaves_the_cache_at_once(folder):
    with Journal(folder, write=False) as reader:
        assert ids(reader.search("zeppelin")) == ["2025-01-20.1"]
    with Journal(folder) as journal:
        journal.remove_entry("2025-01-20.1")
    with sqlite3.connect(folder / SEARCH_CACHE) as db:  # no search since: the cache itself has forgotten it
        assert db.execute("SELECT count(*) FROM entries WHERE id = '2025-01-20.1'").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM entries WHERE text LIKE '%zeppelin%'").fetchone() == (0,)
    assert b"zeppelin" not in (folder / SEARCH_CACHE).read_bytes()


def test_a_writer_and_a_reader_take_turns(folder):
    with Journal(folder) as writer, Journal(folder, write=False) as reader:
        assert ids(reader.search("kite")) == []
        first = writer.add_entry({"created_at": "2025-03-05T21:00:00+09:00", "transcript": "kite"})
        assert ids(reader.search("kite")) == [first]
        second = writer.add_entry({"created_at": "2025-03-05T21:01:00+09:00", "transcript": "kite two"})
        assert ids(reader.search("kite")) == [second, first]  # twice within a second: still seen


@pytest.mark.parametrize("how", ["renamed over", "rewritten in place"])
def test_a_shard_replaced_behind_its_back_is_read_again(folder, how):
    shard = folder / "2025-01.json"
    with Journal(folder, write=False) as journal:
        assert ids(journal.search("zeppelin")) == ["2025-01-20.1"]
    before = os.stat(shard)
    text = shard.read_text(encoding="utf-8")
    changed = text.replace("zeppelin", "dirigibl")  # same size, so only the inode or the times tell
    assert len(changed.encode()) == len(text.encode()) and changed != text
    if how == "renamed over":
        spare = folder / "spare"
        spare.write_text(changed, encoding="utf-8")
        os.utime(spare, ns=(before.st_atime_ns, before.st_mtime_ns))
        os.replace(spare, shard)
    else:
        shard.write_text(changed, encoding="utf-8")
        os.utime(shard, ns=(before.st_atime_ns, before.st_mtime_ns))  # as 'cp -p' would leave it
    assert os.stat(shard).st_mtime_ns == before.st_mtime_ns and os.stat(shard).st_size == before.st_size
    with Journal(folder, write=False) as journal:
        assert journal.search("zeppelin") == []
        assert ids(journal.search("dirigibl")) == ["2025-01-20.1"]
        assert journal.search("dirigibl") == brute_force(journal, "dirigibl")


def test_a_removed_shard_leaves_the_cache(folder):
    with Journal(folder, write=False) as journal:
        assert journal.search("zeppelin")
    for name in ("2025-01.json", "2025-01.words.json"):
        (folder / name).unlink()
    with Journal(folder, write=False) as journal:
        assert journal.search("zeppelin") == []
        assert journal.search("lonely") == []
        assert ids(journal.search("외로")) == ["2025-02-14.1", "2025-02-02.1"]
    with sqlite3.connect(folder / SEARCH_CACHE) as db:
        assert db.execute("SELECT count(*) FROM entries WHERE month = '2025-01'").fetchone() == (0,)


def test_rows_of_a_shard_the_cache_lost_track_of_are_dropped(folder):
    with Journal(folder, write=False) as journal:
        assert journal.search("zeppelin")
    _run_sql(folder / SEARCH_CACHE, "DELETE FROM shards WHERE month = '2025-01'")
    for name in ("2025-01.json", "2025-01.words.json"):
        (folder / name).unlink()
    with Journal(folder, write=False) as journal:
        assert journal.search("zeppelin") == []


def test_a_shard_added_from_elsewhere_is_found(folder, tmp_path):
    with Journal(folder, write=False) as journal:
        assert journal.search("otter") == []
    other = tmp_path / "other"
    with Journal(other) as journal:
        journal.add_entry({"created_at": "2024-06-01T21:00:00+09:00", "transcript": "an otter"})
    for name in ("2024-06.json", "2024-06.words.json"):
        (folder / name).write_bytes((other / name).read_bytes())
    with Journal(folder, write=False) as journal:
        assert ids(journal.search("otter")) == ["2024-06-01.1"]


@pytest.mark.parametrize("damage", [
    pytest.param(lambda path: path.write_bytes(b"this is not a database at all" * 100), id="garbage"),
    pytest.param(lambda path: path.write_bytes(path.read_bytes()[:3000]), id="cut-short"),
    pytest.param(lambda path: path.write_bytes(b""), id="empty"),
    pytest.param(lambda path: _set_user_version(path, 99), id="another-format"),
    pytest.param(lambda path: _run_sql(path, "DROP TABLE shards"), id="table-missing"),
    pytest.param(lambda path: _run_sql(path, "DELETE FROM shards"), id="forgot-what-it-saw"),
])
def test_a_damaged_cache_is_rebuilt_silently(folder, damage):
    with Journal(folder, write=False) as journal:
        expected = {words: journal.search(words) for words in QUERIES}
    damage(folder / SEARCH_CACHE)
    with Journal(folder, write=False) as journal:
        for words in QUERIES:
            assert journal.search(words) == expected[words] == brute_force(journal, words), words
    with sqlite3.connect(folder / SEARCH_CACHE) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def _set_user_version(path: Path, version: int) -> None:
    _run_sql(path, f"PRAGMA user_version = {version}")


def _run_sql(path: Path, sql: str) -> None:
    db = sqlite3.connect(path)
    db.execute(sql)
    db.commit()
    db.close()


def test_deleting_the_cache_is_safe(folder):
    with Journal(folder, write=False) as journal:
        expected = journal.search("lonely")
        (folder / SEARCH_CACHE).unlink()
        assert journal.search("lonely") == expected  # even under an open journal's feet
    with Journal(folder, write=False) as journal:
        assert journal.search("lonely") == expected


def test_a_cache_that_cannot_be_written_is_built_in_memory(folder, monkeypatch):
    real_open = os.open

    def refuse(path, *args, **kwargs):
        if str(path).endswith(SEARCH_CACHE):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(search_module.os, "open", refuse)
    with Journal(folder, write=False) as journal:
        for words in ("lonely", "외로", "나"):
            assert journal.search(words) == brute_force(journal, words)
    assert not (folder / SEARCH_CACHE).exists()


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_the_cache_is_private(folder, umask):
    old = os.umask(umask)
    try:
        with Journal(folder, write=False) as journal:
            journal.search("lonely")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(folder / SEARCH_CACHE).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    leftovers = sorted(p.name for p in folder.iterdir() if p.name.startswith(SEARCH_CACHE))
    assert leftovers == [SEARCH_CACHE]  # no journal file of SQLite's left about


def test_a_loose_cache_file_is_made_private_again(folder):
    with Journal(folder, write=False) as journal:
        journal.search("lonely")
    os.chmod(folder / SEARCH_CACHE, 0o644)
    with Journal(folder, write=False) as journal:
        journal.search("lonely")
    assert stat.S_IMODE(os.stat(folder / SEARCH_CACHE).st_mode) == 0o600


def test_a_damaged_shard_is_still_reported_by_a_search(folder):
    (folder / "2025-02.json").write_text('{"entries": {"1": ', encoding="utf-8")
    with Journal(folder, write=False) as journal:
        with pytest.raises(CorruptJournal) as excinfo:
            journal.search("lonely")
    assert "2025-02.json" in str(excinfo.value) and ".bak" in str(excinfo.value)


def test_a_damaged_shard_is_reported_even_when_the_cache_knew_it(folder):
    with Journal(folder, write=False) as journal:
        journal.search("lonely")
    (folder / "2025-02.json").write_text('{"entries": {"1": ', encoding="utf-8")
    with Journal(folder, write=False) as journal:
        with pytest.raises(CorruptJournal):
            journal.search("lonely")


# --- lazy shards ---------------------------------------------------------------------

def test_opening_reads_only_the_current_and_newest_shards(folder, monkeypatch):
    with Journal(folder) as journal:
        journal.restore([{"id": "2025-03-02.1", "started_at": "2025-03-02T20:59:00+09:00", "language": "en",
                          "prompt_ids": ["p"], "ended_at": None, "status": "finished"}], [])
    for bak in folder.glob("*.bak"):
        bak.unlink()
    monkeypatch.setattr(shards_module, "SETTLED_NS", 0)  # the shards were written a moment ago: trust them anyway
    seen = parsed_paths(monkeypatch)
    with Journal(folder, write=False) as journal:
        assert seen == ["2025-03.json"]  # the newest (there is no shard for this month)
        assert ids(journal.iter_entries(newest_first=True, limit=2)) == ["2025-03-02.3", "2025-03-02.2"]
        assert seen == ["2025-03.json"]
        assert len(list(journal.iter_entries(newest_first=True, limit=4))) == 4
        assert "2025-01.json" not in seen
    seen.clear()
    with Journal(folder) as journal:
        assert seen == ["2025-03.json"]
        assert journal.recent_prompt_ids(1) == [["p"]]
        assert "2025-01.json" not in seen and "2025-02.json" not in seen
    assert not list(folder.glob("*.bak"))  # nothing was written, so nothing needed a backup


def test_a_damaged_old_shard_does_not_stop_tonight(folder):
    old = folder / "2025-01.json"
    garbage = b'{"entries": {"1": {"transcript": "half'
    old.write_bytes(garbage)
    with Journal(folder) as journal:
        session = journal.start_session("en")
        entry_id = journal.add_entry({"session": session, "transcript": "tonight"})
        journal.end_session(session)
        assert entry_id.startswith(THIS_MONTH)
        assert ids(journal.iter_entries(newest_first=True, limit=1)) == [entry_id]
        with pytest.raises(CorruptJournal) as excinfo:
            journal.entries()
        assert f"cp {old}.bak {old}" in str(excinfo.value)
    with Journal(folder, write=False) as reader:
        assert reader.entry(entry_id)["transcript"] == "tonight"
        with pytest.raises(CorruptJournal):
            reader.entry("2025-01-03.1")
        with pytest.raises(CorruptJournal):
            reader.search("tonight")
    assert old.read_bytes() == garbage
    assert not (folder / "2025-01.json.bak").exists()


def test_a_damaged_shard_is_never_written_to_nor_backed_up(folder):
    old = folder / "2025-01.json"
    old.write_bytes(b"not json")
    with Journal(folder) as journal:
        with pytest.raises(CorruptJournal):
            journal.add_entry({"created_at": "2025-01-25T21:00:00+09:00", "transcript": "late"})
        with pytest.raises(CorruptJournal):
            journal.update_entry("2025-01-03.1", {"feelings": []})
        with pytest.raises(CorruptJournal):
            journal.restore([], [{"id": "2025-01-26.1", "created_at": "2025-01-26T21:00:00+09:00"}])
    assert old.read_bytes() == b"not json"
    assert not (folder / "2025-01.json.bak").exists()
    assert (folder / "2025-01.words.json").exists()
    assert "late" not in (folder / "2025-01.words.json").read_text(encoding="utf-8")


def test_an_old_shard_is_backed_up_before_its_first_write_only(folder):
    shard = folder / "2025-01.json"
    before = shard.read_bytes()
    with Journal(folder) as journal:
        assert not (folder / "2025-01.json.bak").exists()
        journal.update_entry("2025-01-03.1", {"feelings": ["lonely"]})
        assert (folder / "2025-01.json.bak").read_bytes() == before
        middle = shard.read_bytes()
        journal.update_entry("2025-01-03.2", {"feelings": ["proud"]})
        assert (folder / "2025-01.json.bak").read_bytes() == before  # once per process
    with Journal(folder) as journal:
        journal.update_entry("2025-01-03.2", {"feelings": ["calm"]})
        assert (folder / "2025-01.json.bak").read_bytes() != middle  # a new process backs up what it found
        assert json.loads((folder / "2025-01.json.bak").read_text(encoding="utf-8"))["entries"]["2"]["feelings"] == ["proud"]
    assert not (folder / "2025-02.json.bak").exists()
    assert stat.S_IMODE(os.stat(folder / "2025-01.json.bak").st_mode) == 0o600


def test_an_old_schema_shard_is_migrated_when_a_writer_reaches_it(folder):
    shard = folder / "2025-02.json"
    data = json.loads(shard.read_text(encoding="utf-8"))
    data["_meta"] = {"1": {"schema_version": 1, "migrations": ["001_initial"]}}
    for doc in data["entries"].values():
        del doc["themes"]
    shard.write_text(json.dumps(data), encoding="utf-8")
    original = shard.read_bytes()
    with Journal(folder, write=False) as reader:
        assert reader.schema_version("2025-02") == 1
    with Journal(folder) as journal:
        assert shard.read_bytes() == original  # not reached yet
        journal.search("외로")  # reaching it
        assert journal.schema_version("2025-02") == SCHEMA_VERSION
        assert all(e["themes"] == [] for e in journal.search("오늘"))
    assert (folder / "2025-02.json.bak").read_bytes() == original


def test_a_shard_of_a_newer_version_is_refused_when_reached(folder):
    shard = folder / "2025-01.json"
    data = json.loads(shard.read_text(encoding="utf-8"))
    data["_meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1
    shard.write_text(json.dumps(data), encoding="utf-8")
    original = shard.read_bytes()
    with Journal(folder) as journal:
        with pytest.raises(Exception, match="newer voice-journal"):
            journal.update_entry("2025-01-03.1", {"feelings": []})
        with pytest.raises(Exception, match="newer voice-journal"):
            journal.add_entry({"created_at": "2025-01-30T21:00:00+09:00", "transcript": "x"})
    assert shard.read_bytes() == original


def test_iter_entries_with_a_limit(folder):
    with Journal(folder, write=False) as journal:
        every = journal.entries(newest_first=True)
        for limit in (0, 1, 2, 3, 4, 11, 50):
            assert list(journal.iter_entries(newest_first=True, limit=limit)) == every[:limit]
        assert list(journal.iter_entries(limit=3)) == journal.entries()[:3]
        assert list(journal.iter_entries(limit=None)) == journal.entries()


def test_returned_records_are_copies(folder):
    with Journal(folder) as journal:
        entry = journal.entry("2025-01-03.1")
        entry["feelings"].append("mutated")
        entry["words"][0]["word"] = "mutated"
        listed = next(journal.iter_entries())
        listed["feelings"].append("mutated")
        journal.month_words("2025-01")["2025-01-03.1"][0]["word"] = "mutated"
        journal.update_entry("2025-01-03.2", {"intensity": 3})  # writes the shard the mutated copies came from
        again = journal.entry("2025-01-03.1")
        assert again["feelings"] == [] and again["words"][0]["word"] == "I"
    assert "mutated" not in (folder / "2025-01.json").read_text(encoding="utf-8")


# --- one write per shard -------------------------------------------------------------

def test_add_entry_writes_each_shard_once(folder, monkeypatch):
    with Journal(folder) as journal:
        writes = written_paths(monkeypatch)
        entry_id = journal.add_entry({"created_at": "2025-03-03T21:00:00+09:00", "transcript": "once",
                                      "words": [{"word": "once"}]})
        assert writes == ["2025-03.words.json", "2025-03.json"]  # timings first
        writes.clear()
        new_month = journal.add_entry({"created_at": "2025-07-01T21:00:00+09:00", "transcript": "new month"})
        assert writes == ["2025-07.words.json", "2025-07.json"]
        assert journal.schema_version("2025-07") == SCHEMA_VERSION  # a new shard has its schema from the start
        writes.clear()
        session = journal.start_session("en")
        journal.note_prompt_asked(session, "en-checkin-01")
        journal.end_session(session)
        assert writes == [f"{THIS_MONTH}.json"] * 3
    data = json.loads((folder / "2025-07.json").read_text(encoding="utf-8"))
    assert list(data) == ["_meta", "entries"] and data["_meta"]["1"]["schema_version"] == SCHEMA_VERSION
    with Journal(folder, write=False) as reader:
        assert reader.entry(entry_id)["words"] == [{"word": "once"}]
        assert reader.entry(new_month)["words"] == []


def test_add_entry_replaces_timings_a_crash_left_behind(folder, monkeypatch):
    words_shard = folder / "2025-03.words.json"
    data = json.loads(words_shard.read_text(encoding="utf-8"))
    data["words"]["99"] = {"id": "2025-03-02.4", "words": [{"word": "orphan"}]}  # written, then the crash
    words_shard.write_text(json.dumps(data), encoding="utf-8")
    with Journal(folder) as journal:
        writes = written_paths(monkeypatch)
        entry_id = journal.add_entry({"created_at": "2025-03-02T22:00:00+09:00", "transcript": "again",
                                      "words": [{"word": "again"}]})
        assert entry_id == "2025-03-02.4"
        assert writes == ["2025-03.words.json", "2025-03.json"]
        assert journal.entry(entry_id)["words"] == [{"word": "again"}]
    stored = [d for d in json.loads(words_shard.read_text(encoding="utf-8"))["words"].values() if d["id"] == entry_id]
    assert stored == [{"id": entry_id, "words": [{"word": "again"}]}]


def test_the_format_on_disk_is_tinydb_s(folder):
    """What the journal writes directly is what TinyDB reads."""
    from tinydb import Query, TinyDB

    with Journal(folder) as journal:
        journal.add_entry({"created_at": "2025-03-04T21:00:00+09:00", "transcript": "tiny"})
        journal.remove_entry("2025-03-02.1")
    db = TinyDB(folder / "2025-03.json", storage=storage_module.DurableJSONStorage)
    assert [d["id"] for d in db.table("entries").all()] == ["2025-03-01.1", "2025-03-01.2", "2025-03-02.2",
                                                             "2025-03-02.3", "2025-03-04.1"]
    assert db.table("entries").get(Query().id == "2025-03-04.1")["transcript"] == "tiny"
    assert db.table("entries").insert({"id": "x"}) == 7  # next doc id after the highest (6, the new one)
    words = TinyDB(folder / "2025-03.words.json", storage=storage_module.DurableJSONStorage).table("words")
    assert "2025-03-02.1" not in [d["id"] for d in words.all()]


# --- sessions --------------------------------------------------------------------------

def test_recent_prompt_ids_skip_imported_sessions(tmp_path, monkeypatch):
    ticks = iter(range(100))
    monkeypatch.setattr(journal_module, "now", lambda: f"2026-11-24T21:{next(ticks):02d}:00+09:00")
    monkeypatch.setattr(journal_module, "_local_today", lambda: "2026-11-24")
    with Journal(tmp_path / "journal") as journal:
        for prompts, status in ((["a"], "finished"), ([], "imported"), (["b"], "finished"), ([], "imported")):
            session = journal.start_session("en")
            for prompt in prompts:
                journal.note_prompt_asked(session, prompt)
            journal.end_session(session, status)
        assert journal.recent_prompt_ids(5) == [["b"], ["a"]]
        assert journal.recent_prompt_ids(1, language="en") == [["b"]]


# --- restore ---------------------------------------------------------------------------

def everything(folder: Path) -> tuple[list, list, dict]:
    with Journal(folder, write=False) as journal:
        entries = journal.entries()
        words = {m: journal.month_words(m) for m in journal.months()}
        return journal.sessions(), entries, words


def test_restore_round_trip(folder, tmp_path, monkeypatch):
    sessions = [{"id": f"{month}-01.1", "started_at": f"{month}-01T21:00:00+09:00", "language": "en",
                 "prompt_ids": ["p"], "ended_at": None, "status": "finished"} for month in ("2025-01", "2025-02")]
    with Journal(folder) as journal:
        journal.restore(sessions, [])
        exported = [{**e, "words": journal.entry(e["id"])["words"]} for e in journal.entries()]
    original = everything(folder)
    copy = tmp_path / "copy"
    with Journal(copy) as journal:
        writes = written_paths(monkeypatch)
        done = journal.restore(sessions, exported)
        assert sorted(writes) == sorted(f"{m}{kind}" for m in ("2025-01", "2025-02", "2025-03")
                                        for kind in (".json", ".words.json"))  # one write per shard
        assert done == {"sessions": [s["id"] for s in sessions], "entries": [e["id"] for e in exported]}
        writes.clear()
        again = journal.restore(sessions, exported + exported)  # all there already (and twice over)
        assert again == {"sessions": [], "entries": []} and writes == []
    restored = everything(copy)
    assert restored == original
    with Journal(copy, write=False) as reader:
        for words in ("lonely", "외로", "나"):
            assert reader.search(words) == brute_force(reader, words)
        assert reader.schema_version("2025-01") == SCHEMA_VERSION


def test_restore_skips_what_is_there_and_adds_the_rest(folder, monkeypatch):
    with Journal(folder) as journal:
        kept = journal.entry("2025-01-03.1")
        writes = written_paths(monkeypatch)
        done = journal.restore(
            [{"id": "2025-01-03.1", "started_at": "2025-01-03T20:59:00+09:00", "language": "en", "prompt_ids": [],
              "ended_at": None, "status": "finished"}],
            [{**kept, "transcript": "should not replace", "words": []},
             {"id": "2025-01-04.1", "created_at": "2025-01-04T21:00:00+09:00", "transcript": "restored kite",
              "words": [{"word": "kite"}]}])
        assert done == {"sessions": ["2025-01-03.1"], "entries": ["2025-01-04.1"]}
        assert writes == ["2025-01.words.json", "2025-01.json"]
        assert journal.entry("2025-01-03.1") == kept
        restored = journal.entry("2025-01-04.1")
        assert restored["words"] == [{"word": "kite"}]
        assert restored["feelings"] == [] and restored["intensity"] is None and restored["themes"] == []
        assert ids(journal.search("kite")) == ["2025-01-04.1"]
        assert journal.add_entry({"created_at": "2025-01-04T22:00:00+09:00", "transcript": "next"}) == "2025-01-04.2"


def test_restore_needs_a_writer(folder):
    with Journal(folder, write=False) as reader:
        with pytest.raises(RuntimeError):
            reader.restore([], [])


# --- crash recovery at start reads only what changed ----------------------------------

def test_recovery_at_start_reads_only_shards_changed_since_the_last_look(folder, tmp_path, monkeypatch):
    from assistant.app import recovery
    from assistant.paths import Paths

    paths = Paths(tmp_path / "data", tmp_path / "config.toml")
    with Journal(folder) as journal:  # the first start looks at every month, and notes which were clean
        assert recovery.recover(journal, paths, None, "en") == []
    seen = parsed_paths(monkeypatch)
    with Journal(folder) as journal:
        seen.clear()
        assert recovery.recover(journal, paths, None, "en") == []
        assert seen == []  # no month changed: none is read again
        old = "2025-02-05.1"  # a crash in an old month (its shard changes): found at the next start
        journal.restore([{"id": old, "started_at": "2025-02-05T21:00:00+09:00", "language": "en",
                          "prompt_ids": ["p"], "ended_at": None, "status": "open"}], [])
    wav = paths.audio_dir / "2025-02-05" / f"{old}-1.wav"
    wav.parent.mkdir(parents=True)
    wav.write_bytes(b"RIFF")  # killed before its first audio: too short to keep
    seen.clear()
    with Journal(folder) as journal:
        assert recovery.pending(journal, paths) == [wav]
        assert recovery.recover(journal, paths, None, "en") == []
        assert not wav.exists()
        assert next(s for s in journal.month_sessions("2025-02") if s["id"] == old)["status"] == "recovered"
    assert "2025-02.json" in seen and "2025-01.json" not in seen  # (2025-03: the newest, read on opening)
    (paths.data_dir / recovery.CHECKED_NOTE).write_text("{damaged", encoding="utf-8")
    seen.clear()
    with Journal(folder) as journal:  # a damaged note is only a lost shortcut: every month is read
        assert recovery.recover(journal, paths, None, "en") == []
    assert {"2025-01.json", "2025-02.json", "2025-03.json"} <= set(seen)
    assert stat.S_IMODE((paths.data_dir / recovery.CHECKED_NOTE).stat().st_mode) == 0o600


def test_a_held_recovery_note_is_written_only_when_the_evening_says_so(folder, tmp_path, monkeypatch):
    from assistant.app import recovery
    from assistant.paths import Paths

    paths = Paths(tmp_path / "data", tmp_path / "config.toml")
    note = recovery.CheckedNote()
    with Journal(folder) as journal:  # an evening refused after recovery (no microphone): nothing written
        assert recovery.recover_at_start(journal, paths, None, "en", "", note=note) == []
    assert not (paths.data_dir / recovery.CHECKED_NOTE).exists()
    note.write()  # the evening started: the months found clean are noted, and not read next time
    assert (paths.data_dir / recovery.CHECKED_NOTE).exists()
    seen = parsed_paths(monkeypatch)
    with Journal(folder) as journal:
        seen.clear()
        assert recovery.recover(journal, paths, None, "en") == []
    assert seen == []


def _months_of_sessions(folder: Path, months: list[tuple[str, str]]) -> None:
    """One shard per (month, language), each with two finished sessions in that language."""
    folder.mkdir(parents=True, exist_ok=True)
    for month, language in months:
        sessions = {str(i): {"id": f"{month}-0{i}.1", "started_at": f"{month}-0{i}T21:00:00+09:00",
                             "language": language, "prompt_ids": [f"{month}/{i}"], "ended_at": None,
                             "status": "finished"} for i in (1, 2)}
        (folder / f"{month}.json").write_text(json.dumps({"sessions": sessions}), encoding="utf-8")


def test_recent_prompt_ids_in_a_rare_language_read_only_the_newest_months(tmp_path, monkeypatch):
    folder = tmp_path / "journal"
    history = [("2020-01", "ko")] + [(f"{y}-{m:02d}", "en") for y in (2021, 2022, 2023) for m in range(1, 13)]
    _months_of_sessions(folder, history)
    with Journal(folder) as journal:
        parsed = parsed_paths(monkeypatch)
        assert journal.recent_prompt_ids(2, language="ko") == []  # asked 72 evenings ago: not recent
        newest = [f"2023-{m:02d}.json" for m in range(13 - journal_module.RECENT_LOOKBACK * 2 // 2, 13)]
        assert parsed and set(parsed) <= set(newest)  # two sessions a month: the look-back's months only
        assert journal.recent_prompt_ids(3, language="en") == [["2023-12/2"], ["2023-12/1"], ["2023-11/2"]]


def test_recent_prompt_ids_in_another_language_within_the_look_back(tmp_path):
    folder = tmp_path / "journal"
    _months_of_sessions(folder, [("2026-06", "en"), ("2026-07", "ko"), ("2026-08", "en"), ("2026-09", "en")])
    with Journal(folder) as journal:
        assert journal.recent_prompt_ids(2, language="ko") == [["2026-07/2"], ["2026-07/1"]]
        assert journal.recent_prompt_ids(1, language="ko") == []  # beyond 4 evenings of any language
        assert journal.recent_prompt_ids(7) == [[f"2026-0{m}/{i}"] for m in (9, 8, 7, 6) for i in (2, 1)][:7]
