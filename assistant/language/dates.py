"""Dates as the person lived them: nights, ISO weeks, and dates typed on the command line.

An answer given after midnight (before 04:00) belongs to the evening before:
that is the *night* a look back files it under.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from assistant.errors import UserError

NIGHT_ENDS_HOUR = 4
"""An answer before 04:00 belongs to the night before."""


def night_of(entry: dict[str, Any]) -> date:
    """The evening an entry belongs to: its local date, or the day before
    for an answer given after midnight (before 04:00)."""
    stamp = datetime.fromisoformat(entry["created_at"])
    day = stamp.date()
    return day - timedelta(days=1) if stamp.hour < NIGHT_ENDS_HOUR else day


def iso_week(day: date) -> str:
    """``2026-W48``: ISO weeks start on Monday, as evenings are counted."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def parse_date(text: str, today: date) -> date:
    """``YYYY-MM-DD``, ``today`` or ``yesterday``; anything else is a one-line error."""
    word = text.strip().lower()
    if word == "today":
        return today
    if word == "yesterday":
        return today - timedelta(days=1)
    try:
        return date.fromisoformat(word)
    except ValueError:
        raise UserError(f"'{text}' is not a date; give it as YYYY-MM-DD (or 'today', 'yesterday')") from None
