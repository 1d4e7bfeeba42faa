"""What a page shows: evenings newest first a page at a time, a night, on this day, the night's mood."""
from __future__ import annotations

from datetime import date

import pytest

from assistant.journal.book import Journal
from assistant.web.moods import night_moods, year_moods
from assistant.web.timeline import evening_page, first_word_s, months_ago, night_entries, on_this_day


def _entry(created_at: str, session: str = "s", **extra):
    return {"session": session, "created_at": created_at, "language": "en", "prompt_id": "p", "transcript": "t",
            "words": [], **extra}


@pytest.fixture
def journal(tmp_path):
    """Nights from October to December; the night of November 30th ends after midnight, in December's shard."""
    folder = tmp_path / "journal"
    with Journal(folder) as writer:
        for day in ("2026-10-05", "2026-10-20", "2026-11-02", "2026-11-15", "2026-11-30", "2026-12-01", "2026-12-03"):
            writer.add_entry(_entry(f"{day}T21:00:00+09:00", session=day))
        writer.add_entry(_entry("2026-12-01T01:30:00+09:00", session="2026-11-30"))  # the night of Nov 30th
    with Journal(folder, write=False) as reader:
        yield reader


class Spy:
    """A journal that tells which month shards were read."""

    def __init__(self, journal):
        self.journal, self.read = journal, []

    def months(self):
        return self.journal.months()

    def month_entries(self, month):
        self.read.append(month)
        return self.journal.month_entries(month)


def test_evenings_come_newest_first_a_page_at_a_time(journal):
    first, cursor = evening_page(journal, nights=2)
    assert [e.night for e in first] == [date(2026, 12, 3), date(2026, 12, 1)]
    assert cursor == date(2026, 12, 1)
    second, cursor = evening_page(journal, before=cursor, nights=2)
    assert [e.night for e in second] == [date(2026, 11, 30), date(2026, 11, 15)]
    assert [len(e.entries) for e in second] == [2, 1]  # the after-midnight answer is on its night
    rest, cursor = evening_page(journal, before=cursor, nights=10)
    assert [e.night.isoformat() for e in rest] == ["2026-11-02", "2026-10-20", "2026-10-05"] and cursor is None


def test_a_page_reads_only_the_shards_it_needs(journal):
    spy = Spy(journal)
    evenings, _ = evening_page(spy, nights=2)
    assert spy.read == ["2026-12"]
    spy.read.clear()
    evening_page(spy, before=date(2026, 12, 1), nights=1)
    assert spy.read == ["2026-12", "2026-11"]  # Nov 30th's after-midnight answer is in December's shard


def test_a_night_gathers_its_answers_across_the_month_end(journal):
    assert [e["created_at"][11:16] for e in night_entries(journal, date(2026, 11, 30))] == ["21:00", "01:30"]
    assert night_entries(journal, date(2026, 11, 29)) == []


def test_on_this_day_looks_a_week_a_month_and_years_back(journal):
    found = on_this_day(journal, date(2026, 12, 2))
    assert [(kind, night.isoformat()) for kind, _, night, _ in found] == [("month", "2026-11-02")]
    found = on_this_day(journal, date(2026, 12, 8))
    assert [(kind, night.isoformat()) for kind, _, night, _ in found] == [("week", "2026-12-01")]


def test_months_ago():
    assert months_ago(date(2026, 3, 15), 1) == date(2026, 2, 15)
    assert months_ago(date(2026, 1, 15), 1) == date(2025, 12, 15)
    assert months_ago(date(2026, 3, 31), 1) is None
    assert months_ago(date(2028, 2, 29), 12) is None


def test_play_starts_at_the_first_timed_word():
    assert first_word_s([{"word": "um", "start": 1.234, "end": 1.5}]) == 1.23
    assert first_word_s([]) is None and first_word_s([{"word": "x"}]) is None


@pytest.mark.parametrize("feelings, mood", [
    (["lonely"], "blue"), (["proud"], "yellow"), (["calm"], "green"), (["angry"], "red"),
    (["lonely", "proud", "proud"], "yellow"), (["lonely", "proud"], "blue"), ([], "none"), (["banana"], "none"),
])
def test_a_night_takes_the_quadrant_named_most(feelings, mood):
    entries = [{"id": f"2026-11-23.{i}", "created_at": f"2026-11-23T21:0{i}:00", "language": "en", "feelings": [f]}
               for i, f in enumerate(feelings)] or [{"id": "2026-11-23.1", "created_at": "2026-11-23T21:00:00",
                                                      "language": "en", "feelings": []}]
    assert night_moods(entries) == {date(2026, 11, 23): mood}


def test_korean_feelings_have_quadrants_too():
    entries = [{"id": "2026-11-23.1", "created_at": "2026-11-23T21:00:00", "language": "ko", "feelings": ["뿌듯함"]}]
    assert night_moods(entries) == {date(2026, 11, 23): "yellow"}


def test_a_year_of_moods_includes_new_years_eve_after_midnight(tmp_path):
    with Journal(tmp_path / "j") as journal:
        journal.add_entry(_entry("2027-01-01T00:30:00+09:00", feelings=["calm"]))
        journal.add_entry(_entry("2026-06-01T21:00:00+09:00", feelings=["angry"]))
    with Journal(tmp_path / "j", write=False) as journal:
        assert year_moods(journal, 2026) == {date(2026, 12, 31): "green", date(2026, 6, 1): "red"}


def test_first_word_starts_are_learned_month_by_month(tmp_path):
    from assistant.web.timeline import first_words, learn_first_words

    folder = tmp_path / "j"
    with Journal(folder) as writer:
        a = writer.add_entry(_entry("2026-10-05T21:00:00+09:00", words=[{"word": "a", "start": 1.5, "end": 2.0}]))
        b = writer.add_entry(_entry("2026-11-05T21:00:00+09:00", words=[{"word": "b", "start": 0.25, "end": 0.5}]))
    known: dict = {}
    learn_first_words(lambda: Journal(folder, write=False), known)
    assert known == {"2026-10": {a: 1.5}, "2026-11": {b: 0.25}}
    with Journal(folder, write=False) as reader:
        spy = Spy(reader)
        spy.month_words = lambda month: (_ for _ in ()).throw(AssertionError("read again"))
        assert first_words(spy, [{"id": a}, {"id": b}], known) == {a: 1.5, b: 0.25}
