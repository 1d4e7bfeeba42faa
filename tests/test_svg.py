"""SVG pictures: well-formed, every mark a link to its entries, every text escaped."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from assistant.journal.stats import stats
from assistant.render import svg

NS = {"s": "http://www.w3.org/2000/svg"}


def _entries():
    return [
        {"id": "2026-11-23.1", "created_at": "2026-11-23T21:00:00", "language": "en", "feelings": ["lonely"],
         "themes": ["unanswered", "left-out"], "intensity": 6},
        {"id": "2026-11-24.1", "created_at": "2026-11-24T21:00:00", "language": "en", "feelings": ["proud"],
         "themes": ["win"], "intensity": 2},
        {"id": "2026-11-10.1", "created_at": "2026-11-10T21:00:00", "language": "en", "feelings": ["lonely"],
         "themes": ["connection"], "intensity": None},
    ]


def _link(**params):
    return "/entries?" + "&".join(f"{k}={v}" for k, v in sorted(params.items()))


def _hrefs(text: str) -> list[str]:
    root = ET.fromstring(text)
    return [a.get("href") for a in root.iter("{http://www.w3.org/2000/svg}a")]


def test_the_year_in_pixels_links_each_night_with_answers():
    nights = {date(2026, 11, 23): "blue", date(2026, 11, 24): "yellow", date(2026, 2, 1): "none"}
    text = svg.year_in_pixels(2026, nights, lambda night: f"/night/{night}", list("JFMAMJJASOND"), "2026")
    root = ET.fromstring(text)
    assert len(list(root.iter("{http://www.w3.org/2000/svg}rect"))) == 365
    assert _hrefs(text) == ["/night/2026-02-01", "/night/2026-11-23", "/night/2026-11-24"]
    assert svg.QUADRANT_FILL["blue"] in text and svg.QUADRANT_FILL["none"] in text


def test_the_patterns_link_each_mark_to_its_entries():
    data = stats(_entries(), weeks=3)
    pebbles = svg.pebbles(data, _link, {}, "Pebbles")
    hrefs = _hrefs(pebbles)
    assert "/entries?since=2026-11-23&theme=unanswered&until=2026-11-29" in hrefs
    assert "/entries?since=2026-11-23&theme=win&until=2026-11-29" in hrefs
    assert "/entries?since=2026-11-09&theme=connection&until=2026-11-15" in hrefs
    assert "/entries?pebbles=True&since=2026-11-23&until=2026-11-29" in hrefs
    feelings = _hrefs(svg.feelings(data, _link, "Feelings"))
    assert feelings[0] == "/entries?feeling=lonely&since=2026-11-09&until=2026-11-29"
    intensity = _hrefs(svg.intensity(data, _link, "Intensity"))
    assert intensity == ["/entries?since=2026-11-23&until=2026-11-29"]  # the week with levels


def test_words_and_links_are_escaped():
    data = stats([{**_entries()[0], "feelings": ["<script>x</script>"]}], weeks=1)
    text = svg.feelings(data, lambda **p: '/e?x="><script>', '"><b>title')
    assert "<script>" not in text and "&lt;script&gt;" in text
    ET.fromstring(text)


def test_an_empty_journal_draws_empty_pictures():
    data = stats([], weeks=4)
    parts = [svg.pebbles(data, _link, {}, "p"), svg.feelings(data, _link, "f"), svg.intensity(data, _link, "i")]
    for text in parts + [svg.sheet("nothing yet", "", [("p", parts[0])])]:
        ET.fromstring(text)


def test_the_sheet_is_one_svg_with_korean_fonts_first_for_korean_words():
    data = stats(_entries(), weeks=3)
    korean = svg.sheet("목소리 일기", "답 3개", [("작은 돌", svg.pebbles(data, _link, {"unanswered": "답 없음"}, "작은 돌"))])
    root = ET.fromstring(korean)
    assert root.tag == "{http://www.w3.org/2000/svg}svg" and "답 없음" in korean
    assert root.get("font-family").startswith("NanumGothic") and "Noto Sans CJK KR" in root.get("font-family")
    assert (root.get("width"), root.get("height")) == ("360", root.get("viewBox").split()[3])  # a fixed size to print
    english = ET.fromstring(svg.sheet("Voice journal", "3 entries", [("Pebbles", svg.pebbles(data, _link, {}, "p"))]))
    assert english.get("font-family").startswith("system-ui") and "NanumGothic" in english.get("font-family")


def test_chart_writes_the_same_patterns_as_svg(tmp_path):
    from assistant.journal.book import Journal
    from tests.cli_helpers import run_cli

    with Journal(tmp_path / "data" / "journal") as journal:
        for entry in _entries():
            journal.add_entry({**entry, "session": "s", "prompt_id": "p", "transcript": "t", "words": []})
    out = tmp_path / "chart.svg"
    result = run_cli(tmp_path / "data", "chart", "--out", str(out), "--weeks", "3", "--json")
    assert result.returncode == 0, result.stderr
    root = ET.fromstring(out.read_text(encoding="utf-8"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg" and "3 entries" in out.read_text(encoding="utf-8")
    assert out.stat().st_mode & 0o777 == 0o600
