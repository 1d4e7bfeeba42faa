"""The journal as lines of text (assistant.render.text)."""
from __future__ import annotations

import pytest

from assistant.render.text import preview, sparkline, with_sparklines

@pytest.mark.parametrize("values, lo, hi, expected", [
    ([0, 1, 2, 3, 4, 5, 6, 7], None, None, "▁▂▃▄▅▆▇█"),
    ([1, 2, 0, 1], 0, None, "▅█▁▅"),
    ([0, 0, 0], 0, None, "▁▁▁"),
    ([3, 3], None, None, "▄▄"),
    ([3, None, 5, 2], None, None, "▃ █▁"),
    ([None, None], None, None, "  "),
    ([], None, None, ""),
    ([10, 20], 0, 20, "▅█"),
])
def test_sparkline(values, lo, hi, expected):
    assert sparkline(values, lo=lo, hi=hi) == expected


@pytest.mark.parametrize("text, expected", [
    ("a  b\nc", "a b c"),
    ("x" * 60, "x" * 60),
    ("x" * 61, "x" * 59 + "…"),
    ("word " * 100, ("word " * 12).strip() + "…"),
    ("", ""),
    (None, ""),
])
def test_preview(text, expected):
    assert preview(text) == expected


def test_sparklines_follow_the_weeks_as_stats_json_shows_them():
    rows = [{"pebbles": 1, "mean_intensity": 3.0, "entries": 2}, {"pebbles": 0, "mean_intensity": None, "entries": 0}]
    data = with_sparklines({"entries": 2, "weeks": rows, "pebble_definition": "..."})
    assert list(data) == ["entries", "weeks", "sparklines", "pebble_definition"]
    assert data["sparklines"] == {"pebbles": "█▁", "intensity": "▄ ", "entries": "█▁"}
    assert with_sparklines({"entries": 0, "weeks": []})["sparklines"] == {"pebbles": "", "intensity": "", "entries": ""}
