"""import-journal streams: the file is read a record at a time, never whole.

An export of years of evenings with their word timings is hundreds of
megabytes of text and gigabytes as Python objects; ``import-journal`` checks
it in one pass and writes it a month at a time in a second
(:mod:`assistant.app.journal_import`). Measured with tracemalloc against
the export's own size; and the reader, with a window far smaller than a
record, reads exactly what ``json.loads`` reads, refuses what it refuses, and
a refused file changes nothing.
"""
from __future__ import annotations

import io
import json
import tracemalloc
from pathlib import Path

import pytest

from assistant.app import journal_import
from assistant.app.journal_import import ExportReader, check_export, import_journal, month_batches
from assistant.errors import UserError
from assistant.journal.book import Journal
from assistant.journal.queries import EntryFilter
from assistant.paths import Paths
from assistant.render.export import export_journal
from tests.test_memory_export import build


def exported(folder: Path, total: int) -> Path:
    build(folder / "journal", total)
    out = folder / "export.json"
    with Journal(folder / "journal", write=False) as journal, open(out, "w", encoding="utf-8") as handle:
        export_journal(handle, journal, "json", EntryFilter(), "en")
    return out


def paths_in(folder: Path) -> Paths:
    return Paths(folder, folder / "config.toml")


def import_peak(export: Path, home: Path) -> int:
    """tracemalloc peak of importing ``export`` into the empty journal at ``home``."""
    tracemalloc.start()
    try:
        counts = import_journal(export, paths_in(home), None)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert counts["entries_skipped"] == 0
    return peak


def test_an_import_takes_no_more_memory_for_four_times_the_export(tmp_path):
    small, large = exported(tmp_path / "small", 300), exported(tmp_path / "large", 1200)  # 5 and 20 months
    import_journal(small, paths_in(tmp_path / "warm"), None)  # one-time set-up (lazy imports) is not counted
    small_peak, large_peak = import_peak(small, tmp_path / "a"), import_peak(large, tmp_path / "b")
    assert large.stat().st_size > 3.5 * small.stat().st_size  # four times the text came in...
    assert large_peak < 1.5 * small_peak, (small_peak, large_peak)  # ...through about the same memory (the old: 4x)


def test_the_reader_reads_what_json_reads_through_a_small_window(tmp_path, monkeypatch):
    monkeypatch.setattr(journal_import, "READ_CHARS", 7)  # every record, string and number crosses windows
    export = exported(tmp_path, 40)
    whole = json.loads(export.read_text(encoding="utf-8"))
    streamed = {}
    with open(export, encoding="utf-8") as handle:
        for key, value in ExportReader(handle).members():
            streamed[key] = list(value) if key in ("sessions", "entries") else value
    assert streamed == whole
    text = '{"a": 12345678901234, "b": [1.5e3, -0.25, true, null, "x\\u00e9\\"y"], "sessions": [], "entries": [{}]}'
    read = {k: (list(v) if k in ("sessions", "entries") else v) for k, v in ExportReader(io.StringIO(text)).members()}
    assert read == json.loads(text)


def test_an_export_of_months_in_order_writes_each_month_once():
    sessions = [{"id": f"2024-0{m}-01.1"} for m in (1, 2, 3)]
    entries = [{"id": f"2024-0{m}-01.{k}"} for m in (1, 3) for k in (1, 2)]
    batches = list(month_batches(iter(sessions), iter(entries)))
    assert [([s["id"] for s in ss], [e["id"] for e in es]) for ss, es in batches] == [
        (["2024-01-01.1"], ["2024-01-01.1", "2024-01-01.2"]),
        (["2024-02-01.1", "2024-03-01.1"], ["2024-03-01.1", "2024-03-01.2"]),
    ]


DAMAGED = [
    ("random bytes", lambda good: bytes(range(256)) * 40, "not a JSON export"),
    ("deep nesting", lambda good: b"[" * 200_000, "not a JSON export"),
    ("a number of 100,000 digits", lambda good: b'{"format": "voice-journal-export", "version": 1' + b"9" * 100_000
     + b', "sessions": [], "entries": []}', "not a JSON export"),
    ("a string that never ends", lambda good: b'{"format": "voice-journal-export", "version": 1, "entries": [{"id": "'
     + b"x" * 3_000_000, "longer than an export has"),
    ("text after the export", lambda good: b'{"format": "voice-journal-export", "version": 1, "sessions": [], '
     b'"entries": []} {}', "not a JSON export at line 1"),
    ("cut short", lambda good: good.read_bytes()[:-2000], "not a JSON export"),
    ("a bad record at the end", lambda good: json.dumps(
        {**json.loads(good.read_text(encoding="utf-8")),
         "entries": json.loads(good.read_text(encoding="utf-8"))["entries"][:-1] + [{"id": "2020-02-29.2",
         "created_at": "2020-02-29T21:06:00+09:00", "feelings": "sad"}]}).encode(), "the export is damaged"),
]


@pytest.mark.parametrize("make, expected", [c[1:] for c in DAMAGED], ids=[c[0] for c in DAMAGED])
def test_a_damaged_file_is_refused_in_one_line_and_changes_nothing(tmp_path, monkeypatch, make, expected):
    monkeypatch.setattr(journal_import, "MAX_RECORD_CHARS", 1 << 20)
    good = exported(tmp_path / "source", 60)
    bad = tmp_path / "bad.json"
    bad.write_bytes(make(good))
    home = tmp_path / "home"
    import_journal(exported(tmp_path / "other", 4), paths_in(home), None)  # the bad file's good part is still new
    before = sorted((p.name, p.read_bytes()) for p in (home / "journal").glob("*.json"))
    with pytest.raises(UserError) as refused:
        import_journal(bad, paths_in(home), None)
    assert expected in str(refused.value) and "\n" not in str(refused.value)
    assert sorted((p.name, p.read_bytes()) for p in (home / "journal").glob("*.json")) == before


def test_the_first_pass_counts_without_writing(tmp_path):
    export = exported(tmp_path, 30)
    assert check_export(export) == {"sessions": 15, "entries": 30}
