"""A night's mood: the mood-meter quadrant of the feelings named that night.

Each feeling word sits in one quadrant (pleasantness × energy, see
:mod:`assistant.language.feelings`); a night takes the quadrant named most
often, a tie going to the one named first. A night with answers but no
feeling named is ``"none"``; a night without answers is not in the map.
"""
from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any, Iterable

from assistant.errors import UserError
from assistant.language.dates import night_of
from assistant.language.feelings import load_vocabulary


def feeling_colour(word: str, language: str) -> str | None:
    """The quadrant colour of a feeling word (yellow, green, red, blue), None if it is not in the vocabulary."""
    try:
        feeling = load_vocabulary(language).get(word)
    except UserError:
        return None
    return feeling.quadrant.colour if feeling else None


def night_moods(entries: Iterable[dict[str, Any]]) -> dict[date, str]:
    """``{night: quadrant colour or "none"}`` of the nights these entries are on."""
    named: dict[date, list[str]] = {}
    for entry in sorted(entries, key=lambda e: (e["created_at"], e["id"])):
        colours = named.setdefault(night_of(entry), [])
        language = entry.get("language") or ""
        colours += [c for c in (feeling_colour(w, language) for w in entry.get("feelings") or []) if c]
    out = {}
    for night, colours in named.items():
        if not colours:
            out[night] = "none"
            continue
        counts = Counter(colours)
        top = max(counts.values())
        out[night] = next(c for c in colours if counts[c] == top)
    return out


def year_moods(journal, year: int) -> dict[date, str]:
    """The moods of one year's nights, reading that year's shards (and next January's, for New Year's Eve)."""
    months = set(journal.months())
    wanted = [f"{year}-{m:02d}" for m in range(1, 13)] + [f"{year + 1}-01"]
    entries = [e for month in wanted if month in months for e in journal.month_entries(month)]
    return {night: mood for night, mood in night_moods(entries).items() if night.year == year}
