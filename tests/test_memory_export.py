"""Exports stream: the memory an export takes does not grow with the journal.

Years of evenings with their word timings are gigabytes as Python objects;
``export`` reads the journal a month at a time and writes as it goes
(:func:`assistant.render.export.export_journal`). Measured with tracemalloc
on journals of two sizes with the same evenings a month; and the stream is
the same text as the journal exported whole, and reads back in with
``import-journal``.
"""
from __future__ import annotations

import io
import json
import time
import tracemalloc
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from assistant.cli.main import main
from assistant.journal.book import Journal
from assistant.journal.queries import EntryFilter, entries_with_words, select_entries
from assistant.journal.shards import SETTLED_NS
from assistant.render import export
from assistant.render.export import export_journal, to_csv, to_json_export, to_markdown

WORDS_PER_ANSWER = 20
KST = timezone(timedelta(hours=9))


def build(folder: Path, total: int, per_night: int = 2) -> None:
    """``total`` answers with word timings, ``per_night`` a night, from 2020-01-01 on."""
    sessions, entries = [], []
    for n in range(total):
        night = date(2020, 1, 1) + timedelta(days=n // per_night)
        k = n % per_night + 1
        session = f"{night.isoformat()}.1"
        created = datetime(night.year, night.month, night.day, 21, 3 * k, tzinfo=KST).isoformat()
        if k == 1:
            sessions.append({"id": session, "started_at": created, "language": "en", "prompt_ids": ["p1", "p2"],
                             "ended_at": created, "status": "finished"})
        text = " ".join(f"word{(n * 7 + i) % 97}" for i in range(WORDS_PER_ANSWER))
        entries.append({"id": f"{night.isoformat()}.{k}", "session": session, "created_at": created,
                        "language": "en", "prompt_id": f"p{k}", "prompt_set": "checkin",
                        "prompt_text": "How was today?", "transcript": text, "feelings": ["calm"], "themes": [],
                        "intensity": 3, "duration_s": 20.0,
                        "words": [{"word": w, "start": i * 0.3, "end": i * 0.3 + 0.25, "conf": 0.9}
                                  for i, w in enumerate(text.split())]})
    with Journal(folder) as journal:
        journal.restore(sessions, entries)


class Counting:
    """Where an export goes when only its size matters."""

    def __init__(self):
        self.chars = 0

    def write(self, text: str) -> int:
        self.chars += len(text)
        return len(text)


def peak_bytes(folder: Path, fmt: str) -> tuple[int, int]:
    """(tracemalloc peak, characters written) of exporting the journal in ``folder``."""
    with Journal(folder, write=False) as journal:
        out = Counting()
        tracemalloc.start()
        try:
            export_journal(out, journal, fmt, EntryFilter(), "en")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    return peak, out.chars


@pytest.fixture(scope="module")
def journals(tmp_path_factory):
    base = tmp_path_factory.mktemp("export-sizes")
    sizes = {300: base / "small", 3000: base / "large"}  # 5 and 50 months: the memo of shards is full in both
    for total, folder in sizes.items():
        build(folder, total)
    time.sleep(SETTLED_NS / 1e9)  # as between evenings: a reader keeps the shards it parsed (a few)
    return sizes


@pytest.mark.parametrize("fmt", ["json", "md", "csv"])
def test_an_export_takes_no_more_memory_for_ten_times_the_journal(journals, fmt):
    peak_bytes(journals[300], fmt)  # once unmeasured: one-time set-up (caches, lazy imports) is not the export's size
    small, small_chars = peak_bytes(journals[300], fmt)
    large, large_chars = peak_bytes(journals[3000], fmt)
    assert large_chars > 9 * small_chars  # ten times the text went out...
    assert large < 2.5 * small, (small, large)  # ...through about the same memory (the old code: 9x)


def whole(folder: Path, fmt: str) -> str:
    """The export as the journal whole in memory gives it (the web page's download)."""
    with Journal(folder, write=False) as journal:
        found = select_entries(journal.iter_entries(), EntryFilter())
        if fmt == "md":
            return to_markdown(found, "en")
        if fmt == "csv":
            return to_csv(found)
        return json.dumps(to_json_export(entries_with_words(journal, found), journal.sessions()),
                          ensure_ascii=False, indent=1) + "\n"


@pytest.mark.parametrize("fmt", ["json", "md", "csv"])
def test_the_stream_is_the_same_text_as_the_whole_export(journals, fmt, monkeypatch):
    monkeypatch.setattr(export, "now", lambda: "2026-12-03T21:00:00+09:00")
    with Journal(journals[300], write=False) as journal:
        out = io.StringIO()
        assert export_journal(out, journal, fmt, EntryFilter(), "en") == 300
    assert out.getvalue() == whole(journals[300], fmt)


def test_a_streamed_json_export_reads_back_in_whole(journals, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(export, "now", lambda: "2026-12-03T21:00:00+09:00")
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    monkeypatch.setenv("VOICE_JOURNAL_HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "journal").symlink_to(journals[300], target_is_directory=True)
    assert main(["export", "--format", "json", "--out", str(first)]) == 0
    monkeypatch.setenv("VOICE_JOURNAL_HOME", str(tmp_path / "fresh"))
    assert main(["import-journal", str(first)]) == 0
    assert main(["export", "--format", "json", "--out", str(second)]) == 0
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    assert len(json.loads(first.read_text(encoding="utf-8"))["entries"]) == 300
