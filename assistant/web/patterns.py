"""The patterns of the weeks in the journal's language: the page's pictures, and the fridge sheet.

One place decides what the patterns show (words, colours, links), and
:mod:`assistant.render.svg` draws them; the page inlines the pictures and
``voice-journal chart`` puts the very same ones on a sheet under a title,
so the printout and the page cannot differ. No server or template here:
the chart needs no ``web`` extra.
"""
from __future__ import annotations

from typing import Any, Mapping
from urllib.parse import urlencode

from assistant.render import svg
from assistant.web.moods import feeling_colour
from assistant.web.words import strings


def entries_link(**params: Any) -> str:
    """The page listing the entries behind a mark (a theme, a feeling, a week's pebbles)."""
    query = {k: ("1" if v is True else v) for k, v in params.items() if v not in (None, False, "")}
    return "/entries?" + urlencode(query)


def pictures(data: Mapping[str, Any], language: str) -> dict[str, str]:
    """The three pictures of :func:`assistant.journal.stats.stats` output:
    pebbles, most-named feelings and intensity, every mark linking to its entries."""
    words = strings(language)
    labels = {**words["theme_names"], "pebbles": words["pebbles"], "bright": words["bright"]}
    return {
        "pebbles": svg.pebbles(data, entries_link, labels, words["pebbles_title"]),
        "feelings": svg.feelings(data, entries_link, words["feelings_title"],
                                 lambda word: svg.QUADRANT_FILL.get(feeling_colour(word, language) or "none")),
        "intensity": svg.intensity(data, entries_link, words["intensity_title"]),
    }


def span(data: Mapping[str, Any], language: str) -> str:
    """How many entries over which days, in words (the sheet's subtitle)."""
    words = strings(language)
    if not data.get("weeks"):
        return words["chart_empty"]
    return words["chart_span"].format(entries=data["entries"], since=data["from"], until=data["to"])


def fridge_sheet(data: Mapping[str, Any], language: str) -> str:
    """The page's three pictures on one SVG sheet under a title (``voice-journal chart``)."""
    words, drawn = strings(language), pictures(data, language)
    return svg.sheet(words["title"], span(data, language),
                     [(words[f"{name}_title"], picture) for name, picture in drawn.items()])
