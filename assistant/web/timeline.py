"""Which entries a page shows: evenings newest first, one night, on this day.

The page never holds the whole journal: a page of evenings reads the
monthly shards from the newest back only as far as its nights reach (a
cursor, ``before``, says where the previous page stopped), and a night or an
"on this day" reads the one or two shards that night's answers can be in
(an answer after midnight belongs to the night before, so the first night
of a month has answers in the next month's shard too).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Iterable

from assistant.language.dates import night_of

EVENINGS_PER_PAGE = 7


@dataclass(frozen=True)
class Evening:
    """One session's answers on one night, oldest first."""

    night: date
    session: str
    entries: list[dict[str, Any]] = field(default_factory=list)


def _month(day: date) -> str:
    return day.isoformat()[:7]


def group_evenings(entries: Iterable[dict[str, Any]]) -> list[Evening]:
    """Entries as evenings (night and session), newest evening first, answers in order."""
    groups: dict[tuple[date, str], list[dict]] = {}
    for entry in sorted(entries, key=lambda e: (e["created_at"], e["id"])):
        groups.setdefault((night_of(entry), entry.get("session") or ""), []).append(entry)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0][0], kv[1][0]["created_at"]), reverse=True)
    return [Evening(night, session, items) for (night, session), items in ordered]


def evening_page(journal, before: date | None = None, nights: int = EVENINGS_PER_PAGE) -> tuple[list[Evening], date | None]:
    """The evenings of the ``nights`` newest nights before ``before`` (all
    nights if None), newest first, and the cursor of the next page (None:
    no older evenings). Shards are read newest first, and reading stops
    once the oldest night shown is complete."""
    months = [m for m in reversed(journal.months()) if before is None or m <= _month(before)]
    found: dict[date, list[dict]] = {}
    older = False
    for index, month in enumerate(months):
        for entry in journal.month_entries(month):
            night = night_of(entry)
            if before is None or night < before:
                found.setdefault(night, []).append(entry)
        shown = sorted(found, reverse=True)[:nights]
        if len(shown) == nights and month <= _month(shown[-1]):
            older = len(found) > nights or index + 1 < len(months)
            break
    shown = sorted(found, reverse=True)[:nights]
    entries = [e for night in shown for e in found[night]]
    return group_evenings(entries), (shown[-1] if older and shown else None)


def night_entries(journal, night: date) -> list[dict[str, Any]]:
    """Every answer of one night, oldest first."""
    months = journal.months()
    out = []
    for month in dict.fromkeys([_month(night), _month(night + timedelta(days=1))]):
        if month in months:
            out += [e for e in journal.month_entries(month) if night_of(e) == night]
    return sorted(out, key=lambda e: (e["created_at"], e["id"]))


def months_ago(day: date, months: int) -> date | None:
    """The same day ``months`` months earlier, or None when that month is shorter."""
    total = day.year * 12 + day.month - 1 - months
    try:
        return day.replace(year=total // 12, month=total % 12 + 1)
    except ValueError:
        return None


def on_this_day(journal, today: date) -> list[tuple[str, int, date, list[Evening]]]:
    """``(kind, count, night, evenings)`` for a week ago, a month ago and
    each year ago that has answers (kind: ``week``, ``month``, ``year``)."""
    first = journal.months()[:1]
    if not first:
        return []
    oldest = date.fromisoformat(first[0] + "-01")
    wanted: list[tuple[str, int, date]] = [("week", 1, today - timedelta(days=7))]
    month = months_ago(today, 1)
    if month:
        wanted.append(("month", 1, month))
    years = 1
    while (night := months_ago(today, 12 * years) or months_ago(today - timedelta(days=1), 12 * years)) and night >= oldest:
        wanted.append(("year", years, night))
        years += 1
    out = []
    for kind, count, night in wanted:
        entries = night_entries(journal, night)
        if entries:
            out.append((kind, count, night, group_evenings(entries)))
    return out


def first_word_s(words: list[dict[str, Any]]) -> float | None:
    """When the first word starts in the recording (seconds), so playing starts there."""
    for word in words:
        start = word.get("start") if isinstance(word, dict) else None
        if isinstance(start, (int, float)) and start >= 0:
            return round(float(start), 2)
    return None


def first_words(journal, entries: list[dict[str, Any]], known: dict[str, dict[str, float | None]]) -> dict[str, float | None]:
    """``{entry id: first word's start}`` for the entries, so each play starts there.

    Word timings are the bulk of the journal, so each month's are read once
    and only the starts kept in ``known`` (``{month: {id: start}}``, the
    caller's, kept between pages). A start never changes (corrections leave
    the timings alone); an id not yet known (an answer added since) has its
    month read again."""
    out = {}
    for entry in entries:
        month = entry["id"][:7]
        if entry["id"] not in known.get(month, {}):
            known[month] = {i: first_word_s(words) for i, words in journal.month_words(month).items()}
        out[entry["id"]] = known[month].get(entry["id"])
    return out


def learn_first_words(open_reader, known: dict[str, dict[str, float | None]]) -> None:
    """Fill ``known`` (see :func:`first_words`) for every month, newest first,
    one month's timings in memory at a time: run on a thread as the server
    starts, so the first search does not wait for the word timings of every
    month its hits fall in. ``open_reader()`` opens the journal for reading."""
    with open_reader() as journal:
        months = journal.months()
    for month in reversed(months):
        if month in known:
            continue
        with open_reader() as journal:
            known[month] = {i: first_word_s(words) for i, words in journal.month_words(month).items()}
