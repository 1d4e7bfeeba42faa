"""The journal on disk: monthly shards, schema migrations, locking, backups,
privacy, and writes that are durable and atomic."""
from __future__ import annotations

import errno
import json
import os
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from assistant.journal import book as journal_module
from assistant.journal import storage as storage_module
from assistant.errors import UserError
from assistant.journal.book import Journal, JournalBusy
from assistant.journal.ids import check_id
from assistant.journal.migrations import MIGRATIONS, SCHEMA_VERSION
from assistant.paths import default_paths
from assistant.journal.storage import CorruptJournal, DurableJSONStorage

MIGRATION_NAMES = [name for name, _ in MIGRATIONS]


@pytest.fixture
def folder(isolated_environment) -> Path:
    paths = default_paths()
    paths.ensure_private_dirs()
    return paths.journal_dir


@pytest.fixture
def clock(monkeypatch):
    """Distinct, increasing timestamps for the journal (one minute apart), today."""
    start = datetime.now().astimezone().replace(hour=19, minute=0, second=0, microsecond=0)
    ticks = iter(range(10_000))

    def fake_now() -> str:
        return (start + timedelta(minutes=next(ticks))).isoformat(timespec="seconds")

    monkeypatch.setattr(journal_module, "now", fake_now)
    return start


def this_month() -> str:
    return datetime.now().astimezone().strftime("%Y-%m")


def read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def entry_at(day: str, transcript: str, **extra) -> dict:
    return {"created_at": f"{day}T21:00:00+09:00", "transcript": transcript, **extra}


# --- schema --------------------------------------------------------------------

def test_migration_list_is_well_formed():
    assert SCHEMA_VERSION == len(MIGRATIONS) >= 2
    assert len(MIGRATION_NAMES) == len(set(MIGRATION_NAMES))
    assert MIGRATION_NAMES == sorted(MIGRATION_NAMES)
    assert all(callable(step) for _, step in MIGRATIONS)


def test_a_new_journal_shard_has_the_current_schema(folder):
    with Journal(folder) as journal:
        assert journal.months() == []
        entry_id = journal.add_entry({"transcript": "first words"})
        month = entry_id[:7]
        assert month == this_month()
        assert journal.schema_version(month) == SCHEMA_VERSION
    shard = read(folder / f"{month}.json")
    assert shard["_meta"]["1"] == {"schema_version": SCHEMA_VERSION, "migrations": MIGRATION_NAMES}
    # opening again applies nothing and changes nothing
    before = (folder / f"{month}.json").read_bytes()
    with Journal(folder) as journal:
        assert journal.months() == [month]
    assert (folder / f"{month}.json").read_bytes() == before


SCHEMA_1 = {
    "_meta": {"1": {"schema_version": 1, "migrations": ["001_initial"]}},
    "sessions": {"1": {"id": "2024-03-01.1", "started_at": "2024-03-01T21:00:00+01:00", "language": "en",
                       "prompt_ids": ["en-checkin-01"], "ended_at": "2024-03-01T21:10:00+01:00", "status": "finished"}},
    "entries": {
        "1": {"id": "2024-03-01.1", "session": "2024-03-01.1", "created_at": "2024-03-01T21:02:00+01:00",
              "prompt_id": "en-checkin-01", "transcript": "a long day"},
        "2": {"id": "2024-03-01.2", "session": "2024-03-01.1", "created_at": "2024-03-01T21:05:00+01:00",
              "prompt_id": "en-wins-02", "transcript": "i cooked", "feelings": ["proud"]},
    },
}


def test_an_old_shard_is_migrated_when_opened(folder):
    shard = folder / "2024-03.json"
    shard.write_text(json.dumps(SCHEMA_1), encoding="utf-8")
    original = shard.read_bytes()
    with Journal(folder) as journal:
        assert journal.schema_version("2024-03") == SCHEMA_VERSION
        entries = {e["id"]: e for e in journal.entries()}
        first, second = entries["2024-03-01.1"], entries["2024-03-01.2"]
        assert first["feelings"] == [] and first["intensity"] is None and first["themes"] == []
        assert first["transcript"] == "a long day"
        assert second["feelings"] == ["proud"]  # what was there is kept
        assert journal.recent_prompt_ids(5) == [["en-checkin-01"]]
    data = read(shard)
    assert data["_meta"]["1"] == {"schema_version": SCHEMA_VERSION, "migrations": MIGRATION_NAMES}
    assert all({"feelings", "intensity", "themes"} <= set(e) for e in data["entries"].values())
    backup = folder / "2024-03.json.bak"
    assert backup.read_bytes() == original  # the shard as it was before the migration
    assert mode(backup) == 0o600


def test_a_reader_does_not_migrate_or_write(folder):
    shard = folder / "2024-03.json"
    shard.write_text(json.dumps(SCHEMA_1), encoding="utf-8")
    original = shard.read_bytes()
    with Journal(folder, write=False) as reader:
        assert reader.schema_version("2024-03") == 1
        assert len(reader.entries()) == 2
        with pytest.raises(RuntimeError):
            reader.add_entry({"transcript": "nope"})
    assert shard.read_bytes() == original
    assert sorted(p.name for p in folder.iterdir()) == ["2024-03.json"]


def test_a_shard_from_a_newer_version_is_refused(folder):
    shard = folder / "2024-03.json"
    newer = dict(SCHEMA_1, _meta={"1": {"schema_version": SCHEMA_VERSION + 1, "migrations": MIGRATION_NAMES + ["999_future"]}})
    shard.write_text(json.dumps(newer), encoding="utf-8")
    original = shard.read_bytes()
    with pytest.raises(UserError) as excinfo:
        Journal(folder)
    assert "newer" in str(excinfo.value) and str(shard) in str(excinfo.value)
    assert shard.read_bytes() == original


# --- locking -------------------------------------------------------------------

def test_a_second_writer_is_told_the_journal_is_busy(folder):
    first = Journal(folder)
    with pytest.raises(JournalBusy) as excinfo:
        Journal(folder)
    assert isinstance(excinfo.value, UserError)
    assert "another voice-journal" in str(excinfo.value)
    with Journal(folder, write=False) as reader:  # a reader is not blocked
        assert reader.entries() == []
    first.close()
    with Journal(folder) as again:  # the lock went with the first writer
        again.add_entry({"transcript": "after"})
    assert mode(folder / ".lock") == 0o600


def test_a_failed_open_releases_the_lock(folder):
    with Journal(folder) as journal:
        entry_id = journal.add_entry({"transcript": "kept"})
    shard = folder / f"{entry_id[:7]}.json"
    good = shard.read_bytes()
    shard.write_text('{"entries": {"1": ', encoding="utf-8")
    try:
        Journal(folder)
    except CorruptJournal:
        # the obvious recovery, while handling the error: restore the shard and open again
        shard.write_bytes(good)
        with Journal(folder) as journal:
            assert journal.entry(entry_id)["transcript"] == "kept"


# --- damage and backups --------------------------------------------------------

@pytest.mark.parametrize("content", ['{"entries": {"1": {"transcript": "half', "not json at all", '{"_meta": }'])
def test_a_damaged_shard_is_reported_and_left_untouched(folder, content):
    with Journal(folder) as journal:  # a good shard ...
        first = journal.add_entry({"transcript": "first"})
    with Journal(folder) as journal:  # ... and then a good backup of it
        journal.add_entry({"transcript": "second"})
    shard = folder / f"{first[:7]}.json"
    backup = folder / f"{first[:7]}.json.bak"
    good_backup = backup.read_bytes()
    assert [e["transcript"] for e in read(backup)["entries"].values()] == ["first"]

    shard.write_bytes(content.encode())
    for write in (True, False):
        with pytest.raises(CorruptJournal) as excinfo:
            Journal(folder, write=write)
        message = str(excinfo.value)
        assert str(shard) in message and ".bak" in message
        assert isinstance(excinfo.value, UserError)
        del excinfo
        assert shard.read_bytes() == content.encode()
        assert backup.read_bytes() == good_backup  # the damaged file never replaced the backup


def test_backup_is_the_shard_before_this_session(folder):
    with Journal(folder) as journal:
        entry_id = journal.add_entry({"transcript": "monday"})
    month = entry_id[:7]
    with Journal(folder) as journal:
        journal.add_entry({"transcript": "tuesday"})
        backup = read(folder / f"{month}.json.bak")
        assert [e["transcript"] for e in backup["entries"].values()] == ["monday"]
    assert [e["transcript"] for e in read(folder / f"{month}.json")["entries"].values()] == ["monday", "tuesday"]


EMPTY_OR_WRONG_SHAPE = {
    "empty": b"", "blank": b"  \n\t", "null": b"null", "a list": b"[]", "a string": b'"x"', "a number": b"5",
    "entries a list": b'{"entries": []}', "an entry a string": b'{"entries": {"1": "x"}}',
    "an entry without id": b'{"entries": {"1": {"created_at": "2024-05-01T20:00:00+00:00"}}}',
    "an entry without created_at": b'{"entries": {"1": {"id": "2024-05-01.1"}}}',
    "a 5,000-digit id": b'{"entries": {"1": {"id": "2024-05-01.' + b"9" * 5000 + b'", "created_at": "x"}}}',
    "a 5,000-digit number": b'{"entries": {"1": {"id": "2024-05-01.1", "created_at": "x", "intensity": ' + b"9" * 5000 + b"}}}",
    "deep nesting": b"[" * 100_000 + b"]" * 100_000,
    "sessions a number": b'{"sessions": 5}', "a schema version of text": b'{"_meta": {"1": {"schema_version": "x"}}}',
    "feelings a string": b'{"entries": {"1": {"id": "2024-05-01.1", "created_at": "x", "feelings": "sad"}}}',
}


@pytest.mark.parametrize("words", [False, True], ids=["shard", "words shard"])
@pytest.mark.parametrize("content", EMPTY_OR_WRONG_SHAPE.values(), ids=EMPTY_OR_WRONG_SHAPE.keys())
def test_an_empty_or_misshapen_shard_is_never_an_empty_month(folder, content, words):
    """A failing SD card leaves such files: reading one as "nothing yet" would
    let the next write replace the month and its .bak, and reuse its ids."""
    with Journal(folder) as journal:
        first = journal.add_entry({"transcript": "first"})
    with Journal(folder) as journal:  # a .bak of the good shard
        journal.add_entry({"transcript": "second"})
    month = first[:7]
    damaged = folder / (f"{month}.words.json" if words else f"{month}.json")
    damaged.write_bytes(content)
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    for attempt in (lambda: Journal(folder), lambda: Journal(folder, write=False).entry(first)):
        with pytest.raises(CorruptJournal) as excinfo:
            attempt()
        message = str(excinfo.value)
        assert str(damaged) in message and f"cp {damaged}.bak {damaged}" in message and "\n" not in message
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before  # .bak kept, nothing written
    damaged.write_bytes((folder / f"{damaged.name}.bak").read_bytes())  # the restore the message gives
    with Journal(folder) as journal:
        third = journal.add_entry({"transcript": "third"})
    assert third not in (first,) and check_id(third) == month


def test_a_shard_that_cannot_be_read_is_named(folder):
    with Journal(folder) as journal:
        entry_id = journal.add_entry({"transcript": "kept"})
    shard = folder / f"{entry_id[:7]}.json"
    shard.unlink()
    shard.mkdir()
    with pytest.raises(CorruptJournal, match="Is a directory"):
        Journal(folder, write=False).entries()
    shard.rmdir()
    shard.symlink_to(shard)
    with pytest.raises(CorruptJournal, match="symbolic links"):
        Journal(folder, write=False).entries()


def test_a_lock_file_that_is_a_directory_is_one_line(folder):
    (folder / ".lock").mkdir()
    with pytest.raises(UserError, match="lock file"):
        Journal(folder)


# --- privacy -------------------------------------------------------------------

def test_files_are_private(tmp_path):
    old = os.umask(0o022)
    try:
        folder = tmp_path / "journal"
        with Journal(folder) as journal:
            journal.add_entry({"transcript": "private", "words": [{"word": "private"}]})
        with Journal(folder) as journal:
            journal.add_entry({"transcript": "also private"})
    finally:
        os.umask(old)
    assert mode(folder) == 0o700
    names = sorted(p.name for p in folder.iterdir())
    month = this_month()
    assert names == [".lock", f"{month}.json", f"{month}.json.bak", f"{month}.words.json", f"{month}.words.json.bak"]
    for name in names:
        assert mode(folder / name) == 0o600, name


# --- entries and sessions --------------------------------------------------------

def test_add_entry_is_on_disk_when_it_returns(folder):
    journal = Journal(folder)
    session = journal.start_session("ko")
    words = [{"word": "피곤", "start": 0.1, "end": 0.5, "conf": 0.9}]
    entry_id = journal.add_entry({"session": session, "transcript": "피곤했어요", "words": words})
    month = entry_id[:7]
    # read the files directly, with the journal still open
    stored = [e for e in read(folder / f"{month}.json")["entries"].values() if e["id"] == entry_id]
    assert len(stored) == 1
    record = stored[0]
    assert record["transcript"] == "피곤했어요" and record["session"] == session
    assert record["feelings"] == [] and record["intensity"] is None and record["themes"] == []
    assert "words" not in record  # timings live in the words shard
    assert [w for w in read(folder / f"{month}.words.json")["words"].values() if w["id"] == entry_id][0]["words"] == words
    assert "피곤했어요" in (folder / f"{month}.json").read_text(encoding="utf-8")  # UTF-8, not \\u escapes
    created = datetime.fromisoformat(record["created_at"])
    assert created.tzinfo is not None
    journal.close()

    with Journal(folder, write=False) as reader:
        full = reader.entry(entry_id)
        assert full["transcript"] == "피곤했어요" and full["words"] == words
        assert "words" not in reader.entries()[0]
        assert [e["id"] for e in reader.entries(session)] == [entry_id]


def test_ids_are_readable_and_per_day(folder):
    with Journal(folder) as journal:
        ids = [journal.add_entry(entry_at(day, t)) for day, t in
               [("2026-10-31", "a"), ("2026-11-01", "b"), ("2026-11-01", "c"), ("2026-10-31", "d")]]
        assert ids == ["2026-10-31.1", "2026-11-01.1", "2026-11-01.2", "2026-10-31.2"]
        assert journal.months() == ["2026-10", "2026-11"]
        assert [e["transcript"] for e in journal.entries()] == ["a", "d", "b", "c"]
        assert [e["transcript"] for e in journal.entries(newest_first=True)] == ["c", "b", "d", "a"]
    assert sorted(p.name for p in folder.iterdir() if p.name.endswith(".json")) == [
        "2026-10.json", "2026-10.words.json", "2026-11.json", "2026-11.words.json"]


@pytest.mark.parametrize("bad", ["", "12", "2026-11-24", "2026-11-24.", "2026-11.3", "x2026-11-24.1", "2026-11-24.1 "])
def test_a_mistyped_id_is_a_user_error(folder, bad):
    with pytest.raises(UserError, match="not a journal id"):
        check_id(bad)
    with Journal(folder) as journal:
        with pytest.raises(UserError):
            journal.entry(bad)


def test_a_missing_entry_is_a_user_error(folder):
    with Journal(folder) as journal:
        journal.add_entry(entry_at("2026-11-24", "a"))
        with pytest.raises(UserError, match="no entry 2026-11-24.5"):
            journal.entry("2026-11-24.5")


def test_entries_can_be_changed_and_removed(folder):
    with Journal(folder) as journal:
        a = journal.add_entry(entry_at("2026-11-24", "a", words=[{"word": "a"}]))
        b = journal.add_entry(entry_at("2026-11-24", "b", feelings=["calm"], words=[{"word": "b"}]))
        journal.update_entry(a, {"transcript": "a, corrected", "id": "hijack", "words": []})
        removed = journal.remove_entry(b)
        assert removed["transcript"] == "b" and removed["feelings"] == ["calm"]
    with Journal(folder) as journal:
        assert [e["transcript"] for e in journal.entries()] == ["a, corrected"]
        assert journal.entry(a)["id"] == a and journal.entry(a)["words"] == [{"word": "a"}]
        with pytest.raises(UserError):
            journal.entry(b)
    words = read(folder / "2026-11.words.json")["words"].values()
    assert [w["id"] for w in words] == [a]  # the removed entry's timings went with it


def test_an_id_is_never_reused_after_a_removal(folder):
    with Journal(folder) as journal:
        journal.add_entry(entry_at("2026-11-24", "a"))
        b = journal.add_entry(entry_at("2026-11-24", "b"))
        journal.remove_entry(b)
        c = journal.add_entry(entry_at("2026-11-24", "c"))
        assert c != b


def test_a_removed_id_stays_used_after_reopening_and_in_an_older_shard(folder):
    old = {"_meta": {"1": {"schema_version": 1, "migrations": MIGRATION_NAMES[:1]}},
           "entries": {"1": {"id": "2024-03-05.1", "created_at": "2024-03-05T21:00:00+09:00", "transcript": "x"}}}
    (folder / "2024-03.json").write_text(json.dumps(old), encoding="utf-8")
    with Journal(folder) as journal:
        journal.remove_entry("2024-03-05.1")  # migrates the shard first, then removes
    with Journal(folder) as journal:
        assert journal.add_entry(entry_at("2024-03-05", "y")) == "2024-03-05.2"
        assert journal.add_entry(entry_at("2024-03-06", "z")) == "2024-03-06.1"  # other days are not affected
        assert journal.schema_version("2024-03") == SCHEMA_VERSION
        assert [e["transcript"] for e in journal.month_entries("2024-03")] == ["y", "z"]
        assert journal.month_entries("1999-01") == []


def test_sessions_and_recent_prompt_ids(folder, clock):
    with Journal(folder) as journal:
        asked = [("en", ["e1", "e2"]), ("ko", ["k1"]), ("en", ["e3"]), ("en", []), ("en", ["e4", "e5", "e6"])]
        ids = []
        for language, prompt_ids in asked:
            sid = journal.start_session(language)
            ids.append(sid)
            for pid in prompt_ids:
                journal.note_prompt_asked(sid, pid)
            journal.end_session(sid, "interrupted" if prompt_ids == ["e3"] else "finished")
        day = clock.strftime("%Y-%m-%d")
        assert ids == [f"{day}.{n}" for n in range(1, 6)]
        assert journal.recent_prompt_ids(10) == [["e4", "e5", "e6"], [], ["e3"], ["k1"], ["e1", "e2"]]
        assert journal.recent_prompt_ids(2) == [["e4", "e5", "e6"], []]
        assert journal.recent_prompt_ids(10, language="en") == [["e4", "e5", "e6"], [], ["e3"], ["e1", "e2"]]
        assert journal.recent_prompt_ids(10, language="ko") == [["k1"]]
        sessions = {s["id"]: s for s in journal.sessions()}
        assert sessions[ids[2]]["status"] == "interrupted"
        assert sessions[ids[0]]["status"] == "finished"
        assert sessions[ids[0]]["started_at"] < sessions[ids[0]]["ended_at"]
        assert [s["id"] for s in journal.sessions(newest_first=True)] == ids[::-1]
        with pytest.raises(UserError):
            journal.note_prompt_asked(f"{day}.99", "x")


def test_recent_prompt_ids_reach_into_older_months(folder):
    for month, n in (("2026-09", 2), ("2026-10", 2)):
        sessions = {str(i): {"id": f"{month}-0{i}.1", "started_at": f"{month}-0{i}T21:00:00+09:00", "language": "ko",
                             "prompt_ids": [f"{month}/{i}"], "ended_at": None, "status": "finished"} for i in range(1, n + 1)}
        (folder / f"{month}.json").write_text(json.dumps({"sessions": sessions}), encoding="utf-8")
    with Journal(folder) as journal:
        assert journal.recent_prompt_ids(3) == [["2026-10/2"], ["2026-10/1"], ["2026-09/2"]]


def test_recent_prompt_ids_newest_first_even_within_one_second(folder, monkeypatch):
    monkeypatch.setattr(journal_module, "now", lambda: "2026-11-24T21:00:00+09:00")
    with Journal(folder) as journal:
        for pid in ("old", "new"):
            journal.note_prompt_asked(journal.start_session("en"), pid)
        assert journal.recent_prompt_ids(2) == [["new"], ["old"]]


def test_a_session_across_a_month_boundary_keeps_its_entries(folder):
    with Journal(folder) as journal:
        session = journal.start_session("en")
        start = datetime.fromisoformat(journal.sessions()[0]["started_at"])
        next_month = (start.replace(day=1) + timedelta(days=32)).replace(day=1, hour=0, minute=5)
        before = journal.add_entry({"session": session, "transcript": "before midnight"})
        after = journal.add_entry({"session": session, "transcript": "after midnight",
                                   "created_at": next_month.isoformat(timespec="seconds")})
        assert [e["id"] for e in journal.entries(session)] == [before, after]


# --- the storage underneath ------------------------------------------------------

def test_a_failed_rename_leaves_the_old_files_and_no_temp_file(folder, monkeypatch):
    with Journal(folder) as journal:
        entry_id = journal.add_entry({"transcript": "safe", "words": [{"word": "safe"}]})
    month = entry_id[:7]
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}

    def no_space(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    journal = Journal(folder)
    backups = {p.name: p.read_bytes() for p in folder.iterdir() if p.name.endswith(".bak")}
    monkeypatch.setattr(storage_module.os, "replace", no_space)
    with pytest.raises(UserError) as excinfo:
        journal.add_entry({"transcript": "lost", "words": [{"word": "lost"}]})
    message = str(excinfo.value)
    assert "No space left on device" in message and "Nothing already saved was changed" in message
    monkeypatch.undo()
    journal.close()
    for name in (f"{month}.json", f"{month}.words.json"):
        assert (folder / name).read_bytes() == before[name]
    for name, content in backups.items():
        assert (folder / name).read_bytes() == content
    assert leftovers(folder) == []
    with Journal(folder, write=False) as reader:
        assert [e["transcript"] for e in reader.entries()] == ["safe"]


def test_a_failed_fsync_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "j.json"
    store = DurableJSONStorage(target)
    store.write({"entries": {"1": {"transcript": "old"}}})
    before = target.read_bytes()
    calls = []

    def failing_fsync(fd):
        calls.append(fd)
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(storage_module.os, "fsync", failing_fsync)
    with pytest.raises(UserError, match="Input/output error"):
        store.write({"entries": {"1": {"transcript": "new"}}})
    monkeypatch.undo()
    assert calls
    assert target.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_a_write_goes_through_a_synced_temp_file_and_a_rename(tmp_path, monkeypatch):
    target = tmp_path / "j.json"
    target.write_text('{"old": {}}', encoding="utf-8")
    events = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        events.append(("fsync", os.path.realpath(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    def replace(src, dst):
        events.append(("replace", str(src), str(dst), json.loads(Path(src).read_text(encoding="utf-8"))))
        real_replace(src, dst)

    monkeypatch.setattr(storage_module.os, "fsync", fsync)
    monkeypatch.setattr(storage_module.os, "replace", replace)
    DurableJSONStorage(target).write({"new": {"1": {"text": "한국어 ünïcode"}}})
    monkeypatch.undo()
    assert [e[0] for e in events] == ["fsync", "replace", "fsync"]
    tmp_file = events[0][1]
    assert Path(tmp_file).parent == tmp_path and tmp_file != str(target)
    assert events[1][1] == tmp_file and events[1][2] == str(target)
    assert events[1][3] == {"new": {"1": {"text": "한국어 ünïcode"}}}  # complete before the rename
    assert events[2][1] == str(tmp_path)  # then the directory, so the rename itself survives
    assert mode(target) == 0o600
    assert leftovers(tmp_path) == []


def test_storage_reads_only_a_missing_file_as_none(tmp_path):
    assert DurableJSONStorage(tmp_path / "missing.json").read() is None
    (tmp_path / "blank.json").write_text("  \n")
    with pytest.raises(CorruptJournal, match="empty"):
        DurableJSONStorage(tmp_path / "blank.json").read()
