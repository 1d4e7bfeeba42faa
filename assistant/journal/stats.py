"""Counting what the journal holds: feelings, themes, intensity and pebbles per week.

The journal is for noticing patterns (the same small sting, week after
week). These are pure functions over entry dicts; drawing the numbers
(sparklines, a chart) is left to :mod:`assistant.render`.
"""
from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Iterable

from assistant.errors import UserError
from assistant.language.dates import iso_week, night_of, week_start
from assistant.language.feelings import load_vocabulary

PEBBLE_THEMES = frozenset({"unanswered", "left-out", "ignored", "cold-shoulder", "cancelled", "drifting",
                           "missed-chance", "unasked"})
"""The micro-rejection and sad themes (see :func:`is_pebble`)."""
DEFAULT_WEEKS = 12


@lru_cache(maxsize=None)
def unpleasant_feelings(language: str) -> frozenset[str]:
    """The canonical feeling words on the unpleasant half of the mood meter."""
    try:
        vocab = load_vocabulary(language)
    except UserError:
        return frozenset()
    return frozenset(f.word for f in vocab.feelings if f.pleasantness < 0)


def is_pebble(entry: dict[str, Any]) -> bool:
    """A *pebble* is one small stone in the shoe: an entry that tells of a
    micro-rejection or sad moment (a theme in :data:`PEBBLE_THEMES`:
    unanswered, left-out, ignored, cold-shoulder, cancelled, drifting,
    missed-chance, unasked) or names any unpleasant feeling (pleasantness
    below zero in the language's feelings.json). Counting them per week shows
    whether the small griefs are piling up or easing."""
    if PEBBLE_THEMES.intersection(entry.get("themes") or []):
        return True
    unpleasant = unpleasant_feelings(entry.get("language") or "")
    return any(f in unpleasant for f in entry.get("feelings") or [])


def week_span(entries: list[dict[str, Any]], weeks: int, until: date | None = None,
              since: date | None = None) -> list[date]:
    """Mondays of the weeks to show: up to the week of ``until`` (else of the
    newest entry), going back ``weeks`` weeks (0: back to the first entry,
    or to ``since``). Empty weeks are kept, so a gap shows as a gap."""
    nights = [night_of(e) for e in entries]
    if not nights and until is None:
        return []
    last = week_start(until or max(nights))
    if since is not None:
        first = week_start(since)
    elif weeks:
        first = last - timedelta(weeks=weeks - 1)
    else:
        first = week_start(min(nights)) if nights else last
    count = (last - first).days // 7 + 1
    return [first + timedelta(weeks=i) for i in range(max(0, count))]


def stats(entries: Iterable[dict[str, Any]], weeks: int = DEFAULT_WEEKS, until: date | None = None,
          since: date | None = None, top: int = 8) -> dict[str, Any]:
    """Counts over the weeks shown: the most-named feelings and themes, and
    per ISO week the entries, themes, mean intensity and pebbles."""
    entries = list(entries)
    mondays = week_span(entries, weeks, until, since)
    if not mondays:
        return {"entries": 0, "nights": 0, "feelings": [], "themes": [], "weeks": []}
    start, end = mondays[0], mondays[-1] + timedelta(days=6)
    by_week: dict[date, list[dict]] = {m: [] for m in mondays}
    for entry in entries:
        night = night_of(entry)
        if start <= night <= end:
            by_week[week_start(night)].append(entry)
    shown = [e for m in mondays for e in by_week[m]]
    feelings = Counter(f for e in shown for f in e.get("feelings") or [])
    themes = Counter(t for e in shown for t in e.get("themes") or [])
    rows = []
    for monday in mondays:
        items = by_week[monday]
        levels = [e["intensity"] for e in items if isinstance(e.get("intensity"), (int, float))]
        rows.append({
            "week": iso_week(monday),
            "start": monday.isoformat(),
            "entries": len(items),
            "themes": dict(Counter(t for e in items for t in e.get("themes") or []).most_common()),
            "mean_intensity": round(sum(levels) / len(levels), 2) if levels else None,
            "pebbles": sum(1 for e in items if is_pebble(e)),
        })
    return {
        "entries": len(shown),
        "nights": len({night_of(e) for e in shown}),
        "from": start.isoformat(),
        "to": end.isoformat(),
        "feelings": [{"feeling": w, "count": n} for w, n in _ranked(feelings)[:top]],
        "themes": [{"theme": t, "count": n} for t, n in _ranked(themes)],
        "weeks": rows,
        "pebble_definition": " ".join(is_pebble.__doc__.split()),
    }


def _ranked(counts: Counter) -> list[tuple[str, int]]:
    """Most first; ties in alphabetical order, so the output is steady."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def nights(entries: Iterable[dict[str, Any]]) -> list[tuple[date, list[dict[str, Any]]]]:
    """Entries grouped by (night, session), oldest first: one diary section each."""
    groups: dict[tuple[date, str], list[dict]] = {}
    for entry in sorted(entries, key=lambda e: (e["created_at"], e["id"])):
        groups.setdefault((night_of(entry), entry.get("session") or ""), []).append(entry)
    return [(night, items) for (night, _), items in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[1][0]["created_at"]))]
