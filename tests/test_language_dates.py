"""Nights, weeks and typed dates (assistant.language.dates)."""
from __future__ import annotations

from datetime import date

import pytest

from assistant.errors import UserError
from assistant.language.dates import iso_week, night_of, parse_date, week_start

@pytest.mark.parametrize("created, night", [
    ("2026-11-10T22:40:00+01:00", "2026-11-10"),
    ("2026-11-11T00:30:00+01:00", "2026-11-10"),   # after midnight: still that evening
    ("2026-11-11T03:59:59-05:00", "2026-11-10"),
    ("2026-11-11T04:00:00+09:00", "2026-11-11"),
    ("2026-01-01T01:00:00+00:00", "2025-12-31"),
])
def test_night_of(created, night):
    assert night_of({"created_at": created}).isoformat() == night


@pytest.mark.parametrize("text, expected", [
    ("2026-11-02", date(2026, 11, 2)),
    ("today", date(2026, 11, 24)),
    ("Yesterday", date(2026, 11, 23)),
])
def test_parse_date(text, expected):
    assert parse_date(text, date(2026, 11, 24)) == expected


@pytest.mark.parametrize("text", ["2026-13-01", "last week", "24/11/2026", ""])
def test_parse_date_refuses_what_is_not_a_date(text):
    with pytest.raises(UserError, match="YYYY-MM-DD"):
        parse_date(text, date(2026, 11, 24))


def test_weeks_start_on_monday():
    assert week_start(date(2026, 11, 29)) == date(2026, 11, 23)
    assert iso_week(date(2026, 11, 23)) == "2026-W48"
    assert iso_week(date(2027, 1, 1)) == "2026-W53"
