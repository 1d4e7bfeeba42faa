"""The journal as SVG pictures: a year in pixels, and the patterns of the weeks.

The one renderer of the journal's pictures, drawn as text on the Pi with no
plotting library: the web page inlines them (each mark a link to the
entries behind it, so a number always leads to its evidence), and
``voice-journal chart`` puts the same pictures on one sheet
(:func:`sheet`), written as SVG or rasterised to PNG for the fridge
(:mod:`assistant.render.png`). The numbers are
:func:`assistant.journal.stats.stats`'s, like ``voice-journal stats``.
Text is set in a font-family list of local fonts (nothing is fetched); a
picture holding Hangul names Korean fonts first, since a rasteriser uses
only the first family it is given.

Every text and link given is escaped here: labels and feeling words are
text, never markup.
"""
from __future__ import annotations

import calendar as _calendar
from datetime import date, timedelta
from typing import Any, Callable, Mapping
from xml.sax.saxutils import escape, quoteattr

from assistant.journal.stats import PEBBLE_THEMES

KOREAN_FONTS = "NanumGothic, 'Noto Sans CJK KR', 'Noto Sans KR', 'Apple SD Gothic Neo', 'Malgun Gothic'"
"""Hangul-capable families: NanumGothic (Debian's fonts-nanum, installed on the Pi) first."""
FONTS = f"system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', {KOREAN_FONTS}, sans-serif"
"""Fonts for SVG text: the system's own, Hangul-capable ones included (nothing is downloaded)."""
KOREAN_FIRST = f"{KOREAN_FONTS}, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
"""Fonts for a picture holding Hangul: Korean first (CairoSVG sets all text in the first family)."""

THEME_FILL = {
    "unanswered": "#4e79a7", "left-out": "#f28e2b", "ignored": "#e15759", "cold-shoulder": "#76b7b2",
    "cancelled": "#59a14f", "drifting": "#edc948", "missed-chance": "#ff9da7", "unasked": "#9c755f",
    "memory": "#bab0ac", "win": "#8cd17d", "connection": "#86bcb6",
}
"""One colour per theme, the same in every picture, so two pictures compare at a glance."""
QUADRANT_FILL = {"yellow": "#f2c230", "green": "#5bb974", "red": "#e0574f", "blue": "#4f7fd0", "none": "#b9b4ad"}
"""Mood-meter quadrants (pleasant and energetic: yellow; pleasant and calm:
green; unpleasant and energetic: red; unpleasant and calm: blue); "none": a
night with entries but no feeling named."""
BRIGHT_THEMES = ("win", "connection")
"""Drawn below the line, against the pebbles above it."""
INTENSITY_STROKE = "#6a3d9a"
INK = "#333333"
WIDTH = 360
"""Drawing width of the weekly pictures: about a phone's, so 11-unit text reads at its natural size there."""
MUTED = "#666666"
"""Axis labels and counts: quieter than the ink, still dark enough for a printout (5.7:1 on white)."""

Href = Callable[..., str]


def _attrs(**values: Any) -> str:
    return " ".join(f"{k.rstrip('_').replace('_', '-')}={quoteattr(str(v))}" for k, v in values.items() if v is not None)


def text_width(text: str, size: float = 11) -> float:
    """About how wide ``text`` is set (a Hangul syllable is square, a Latin letter about 0.6 of it)."""
    return sum(size if has_hangul(ch) else size * 0.6 for ch in text)


def has_hangul(text: str) -> bool:
    """Whether ``text`` holds Korean letters (jamo or syllables)."""
    return any("\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f" or "\uac00" <= ch <= "\ud7af" for ch in text)


def _svg(width: float, height: float, body: list[str], label: str, size: str = 'width="100%"') -> str:
    inner = "".join(body)
    fonts = KOREAN_FIRST if has_hangul(inner + label) else FONTS
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {height:g}" '
            f'{size} role="img" {_attrs(aria_label=label)} '
            f'font-family={quoteattr(fonts)} font-size="11">' + inner + "</svg>")


def _text(x: float, y: float, text: str, **extra: Any) -> str:
    return f"<text {_attrs(x=f'{x:g}', y=f'{y:g}', **extra)}>{escape(text)}</text>"


def _link(href: str | None, inner: str, title: str) -> str:
    tip = f"<title>{escape(title)}</title>"
    if not href:
        return f"<g>{tip}{inner}</g>"
    return f"<a {_attrs(href=href)}>{tip}{inner}</a>"


# --- the year in pixels ---------------------------------------------------------------

def year_in_pixels(year: int, nights: Mapping[date, str], href: Callable[[date], str], month_labels: list[str],
                   title: str) -> str:
    """Twelve columns (months) of up to 31 cells (days): a night with
    entries filled with its quadrant's colour (``nights[day]``, a key of
    :data:`QUADRANT_FILL`) and linking to that night; a night without, an
    empty outline."""
    cell, gap, left, top = 20, 3, 22, 20
    body = []
    for month in range(1, 13):
        x = left + (month - 1) * (cell + gap)
        label = month_labels[month - 1]
        body.append(_text(x + cell / 2, top - 6, label, text_anchor="middle", fill=INK,
                          font_size=9 if len(label) > 2 else None))
        for day in range(1, _calendar.monthrange(year, month)[1] + 1):
            y = top + (day - 1) * (cell + gap)
            night = date(year, month, day)
            mood = nights.get(night)
            if mood is None:
                body.append(f"<rect {_attrs(x=x, y=y, width=cell, height=cell, rx=4, fill='none', stroke='#dddad5')}/>")
            else:
                rect = f"<rect {_attrs(x=x, y=y, width=cell, height=cell, rx=4, fill=QUADRANT_FILL.get(mood, QUADRANT_FILL['none']))}/>"
                body.append(_link(href(night), rect, night.isoformat()))
    for day in (1, 10, 20, 31):
        body.append(_text(left - 5, top + (day - 1) * (cell + gap) + cell * 0.7, str(day), text_anchor="end", fill=MUTED))
    return _svg(left + 12 * (cell + gap), top + 31 * (cell + gap), body, title)


# --- the patterns of the weeks ------------------------------------------------------------

def _week_end(week: Mapping[str, Any]) -> date:
    return date.fromisoformat(week["start"]) + timedelta(days=6)


def pebbles(data: Mapping[str, Any], href: Href, labels: Mapping[str, str], title: str) -> str:
    """Weekly bars: the pebble themes stacked up, wins and connection
    stacked down, each segment linking to that week's entries of that theme
    (``href(theme=..., since=..., until=...)``); a dot for the week's
    pebbles, linking to them (``href(pebbles=True, ...)``)."""
    weeks = data.get("weeks") or []
    names = (labels.get("pebbles", "pebbles"), labels.get("bright", "wins"))
    width, top, mid_gap = WIDTH, 16, 4
    left = max(26.0, 10 + max(text_width(name) for name in names))
    up_h, down_h = 120, 60
    n = max(1, len(weeks))
    slot = (width - left - 8) / n
    bar = max(3.0, slot * 0.7)
    up_max = max([sum(v for t, v in w["themes"].items() if t in PEBBLE_THEMES) for w in weeks]
                 + [w["pebbles"] for w in weeks] + [1])
    down_max = max([sum(w["themes"].get(t, 0) for t in BRIGHT_THEMES) for w in weeks] + [1])
    scale = min(up_h / up_max, down_h / down_max)
    axis = top + up_h
    body = [f"<line {_attrs(x1=left, y1=axis, x2=width - 4, y2=axis, stroke=INK, stroke_width=1)}/>",
            _text(4, top + 10, names[0], fill=INK),
            _text(4, axis + mid_gap + 22, names[1], fill=INK)]
    order = [t for t in THEME_FILL if t in PEBBLE_THEMES]
    for i, week in enumerate(weeks):
        x = left + i * slot + (slot - bar) / 2
        since, until = week["start"], _week_end(week).isoformat()
        y = axis
        for theme in order:
            count = week["themes"].get(theme, 0)
            if count:
                h = count * scale
                y -= h
                rect = f"<rect {_attrs(x=f'{x:.1f}', y=f'{y:.1f}', width=f'{bar:.1f}', height=f'{h:.1f}', fill=THEME_FILL[theme])}/>"
                body.append(_link(href(theme=theme, since=since, until=until), rect,
                                  f"{week['week']}: {labels.get(theme, theme)} ×{count}"))
        y = axis + mid_gap
        for theme in BRIGHT_THEMES:
            count = week["themes"].get(theme, 0)
            if count:
                h = count * scale
                rect = f"<rect {_attrs(x=f'{x:.1f}', y=f'{y:.1f}', width=f'{bar:.1f}', height=f'{h:.1f}', fill=THEME_FILL[theme])}/>"
                body.append(_link(href(theme=theme, since=since, until=until), rect,
                                  f"{week['week']}: {labels.get(theme, theme)} ×{count}"))
                y += h
        if week["pebbles"]:
            cy = axis - week["pebbles"] * scale
            dot = f"<circle {_attrs(cx=f'{x + bar / 2:.1f}', cy=f'{cy:.1f}', r=3.5, fill=INK)}/>"
            body.append(_link(href(pebbles=True, since=since, until=until), dot,
                              f"{week['week']}: {labels.get('pebbles', 'pebbles')} {week['pebbles']}"))
    step = max(1, len(weeks) // 5)
    height = axis + mid_gap + down_h + 22
    for i in range(0, len(weeks), step):
        body.append(_text(left + i * slot + slot / 2, height - 6, weeks[i]["start"][5:], text_anchor="middle", fill=MUTED))
    legend_y = height + 8
    x = 4.0
    present = {t for w in weeks for t, n in w["themes"].items() if n}
    for theme in [t for t in order + list(BRIGHT_THEMES) if t in present]:
        name = labels.get(theme, theme)
        if x > 4 and x + 13 + text_width(name) > width:
            x, legend_y = 4.0, legend_y + 16
        body.append(f"<rect {_attrs(x=f'{x:.0f}', y=legend_y, width=10, height=10, rx=2, fill=THEME_FILL[theme])}/>")
        body.append(_text(x + 13, legend_y + 9, name, fill=INK))
        x += 26 + text_width(name)
    return _svg(width, legend_y + 18, body, title)


def feelings(data: Mapping[str, Any], href: Href, title: str, fill: Callable[[str], str] | None = None) -> str:
    """The most-named feelings as bars, each linking to its entries
    (``href(feeling=...)``), each in its quadrant's colour when ``fill``
    gives it."""
    items = data.get("feelings") or []
    width, left, row = WIDTH, 110, 22
    top_count = max([f["count"] for f in items] + [1])
    body = []
    for i, item in enumerate(items):
        y = 6 + i * row
        w = (width - left - 40) * item["count"] / top_count
        body.append(_text(left - 8, y + 14, item["feeling"], text_anchor="end", fill=INK))
        colour = (fill(item["feeling"]) if fill else None) or "#4e79a7"
        rect = f"<rect {_attrs(x=left, y=y, width=f'{w:.1f}', height=row - 6, rx=3, fill=colour)}/>"
        body.append(_link(href(feeling=item["feeling"], since=data.get("from"), until=data.get("to")), rect,
                          f"{item['feeling']} ×{item['count']}"))
        body.append(_text(left + w + 6, y + 14, str(item["count"]), fill=MUTED))
    return _svg(width, 12 + max(1, len(items)) * row, body, title)


def intensity(data: Mapping[str, Any], href: Href, title: str) -> str:
    """Mean intensity (1 to 10) per week as a line, each point linking to that week's entries."""
    weeks = data.get("weeks") or []
    width, height, left, top, bottom = WIDTH, 120, 26, 10, 22
    n = max(1, len(weeks))
    slot = (width - left - 8) / n
    plot_h = height - top - bottom

    def y_of(level: float) -> float:
        return top + plot_h * (1 - level / 10)

    body = [f"<line {_attrs(x1=left, y1=y_of(0), x2=width - 4, y2=y_of(0), stroke=INK)}/>"]
    for level in (5, 10):
        body.append(f"<line {_attrs(x1=left, y1=y_of(level), x2=width - 4, y2=y_of(level), stroke='#e5e2dd')}/>")
        body.append(_text(left - 6, y_of(level) + 4, str(level), text_anchor="end", fill=MUTED))
    points = [(left + i * slot + slot / 2, w) for i, w in enumerate(weeks) if w.get("mean_intensity") is not None]
    if len(points) > 1:
        path = " ".join(f"{x:.1f},{y_of(w['mean_intensity']):.1f}" for x, w in points)
        body.append(f"<polyline {_attrs(points=path, fill='none', stroke=INTENSITY_STROKE, stroke_width=2)}/>")
    for x, week in points:
        cy = y_of(week["mean_intensity"])
        dot = f"<circle {_attrs(cx=f'{x:.1f}', cy=f'{cy:.1f}', r=4, fill=INTENSITY_STROKE)}/>"
        body.append(_link(href(since=week["start"], until=_week_end(week).isoformat()), dot,
                          f"{week['week']}: {week['mean_intensity']}"))
    step = max(1, len(weeks) // 5)
    for i in range(0, len(weeks), step):
        body.append(_text(left + i * slot + slot / 2, height - 6, weeks[i]["start"][5:], text_anchor="middle", fill=MUTED))
    return _svg(width, height, body, title)


def sheet(title: str, subtitle: str, parts: list[tuple[str, str]]) -> str:
    """Pictures (each from this module, with its heading) one under the
    other, under a title: one SVG file of a fixed size (what ``voice-journal
    chart`` writes or rasterises). Each picture is nested as it is, only placed."""
    body = [_text(4, 18, title, font_size=16, fill=INK, font_weight="bold"), _text(4, 36, subtitle, fill=INK)]
    y = 46.0
    for heading, picture in parts:
        body.append(_text(4, y + 14, heading, font_size=13, fill=INK, font_weight="bold"))
        y += 22
        height = float(picture.split('viewBox="0 0 ', 1)[1].split('"', 1)[0].split()[1])
        placed = f'<svg x="0" y="{y:g}" width="{WIDTH}" height="{height:g}"'
        body.append(placed + picture[len("<svg"):].replace(' width="100%"', "", 1))
        y += height + 16
    return _svg(WIDTH, y, body, f"{title}: {subtitle}", size=f'width="{WIDTH}" height="{y:g}"')
