"""The journal as lines of text for people: one-line entries, details, stats, sparklines.

Pure functions over entry dicts and :func:`assistant.journal.stats.stats`
output; the commands in :mod:`assistant.cli.review` print them.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.language.dates import night_of

SPARK_BLOCKS = "▁▂▃▄▅▆▇█"
PREVIEW_CHARS = 60
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def sparkline(values: list[float | None], lo: float | None = None, hi: float | None = None) -> str:
    """One block character per value, ``▁`` lowest to ``█`` highest; a week
    with no value is a space. A flat series sits at mid height, except an
    all-zero one, which lies at the bottom."""
    known = [v for v in values if v is not None]
    if not known:
        return " " * len(values)
    lo = min(known) if lo is None else lo
    hi = max(known) if hi is None else hi
    out = []
    for v in values:
        if v is None:
            out.append(" ")
        elif hi <= lo:
            out.append(SPARK_BLOCKS[0] if v == 0 else SPARK_BLOCKS[3])
        else:
            index = round((v - lo) / (hi - lo) * (len(SPARK_BLOCKS) - 1))
            out.append(SPARK_BLOCKS[max(0, min(len(SPARK_BLOCKS) - 1, index))])
    return "".join(out)


def with_sparklines(data: dict[str, Any]) -> dict[str, Any]:
    """Stats with a sparkline per weekly series (pebbles, mean intensity,
    entries), placed after the weeks as ``stats --json`` has always shown them."""
    rows = data["weeks"]
    lines = {
        "pebbles": sparkline([r["pebbles"] for r in rows], lo=0),
        "intensity": sparkline([r["mean_intensity"] for r in rows]),
        "entries": sparkline([r["entries"] for r in rows], lo=0),
    }
    out: dict[str, Any] = {}
    for key, value in data.items():
        out[key] = value
        if key == "weeks":
            out["sparklines"] = lines
    return out


def preview(text: str, width: int = PREVIEW_CHARS) -> str:
    """The start of a text on one line, "…" when there is more.

    Only the first few widths are looked at, so listing years stays quick."""
    text = text or ""
    flat = " ".join(text[: width * 3].split())
    if len(flat) <= width and len(text) <= width * 3:
        return flat
    return flat[: width - 1].rstrip() + "…"


def entry_line(entry: dict[str, Any]) -> str:
    """One line per entry: id, night, prompt set, tags, the start of the answer."""
    night = night_of(entry)
    tags = " ".join([", ".join(entry.get("feelings") or [])] + [f"#{t}" for t in entry.get("themes") or []]).strip()
    return (f"{entry['id']:<14} {WEEKDAYS[night.weekday()]} {night.isoformat()}  {entry.get('prompt_set') or '-':<16} "
            f"{tags or '-':<28} {preview(entry.get('transcript') or '')}").rstrip()


def entry_details(entry: dict[str, Any], audio_file: Path | None) -> list[tuple[str, str]]:
    """The fields ``show`` prints, as (label, value) pairs."""
    audio = "none kept"
    if entry.get("audio"):
        audio = str(audio_file) + ("" if audio_file and audio_file.is_file() else " (missing)")
    rows = [
        ("id", entry["id"]),
        ("night", f"{night_of(entry):%A %Y-%m-%d}"),
        ("recorded", entry.get("created_at", "")),
        ("session", entry.get("session") or "-"),
        ("language", entry.get("language") or "-"),
        ("prompt set", f"{entry.get('prompt_set') or '-'} ({entry.get('prompt_id') or '-'})"),
        ("prompt", entry.get("prompt_text") or "-"),
        ("answer", entry.get("transcript") or "-"),
        ("feelings", ", ".join(entry.get("feelings") or []) or "-"),
        ("intensity", "-" if entry.get("intensity") is None else str(entry["intensity"])),
        ("themes", ", ".join(entry.get("themes") or []) or "-"),
        ("duration", f"{entry.get('duration_s') or 0:.1f} s"),
        ("audio", audio),
        ("words", f"{len(entry.get('words') or [])} (model {entry.get('model') or '-'})"),
    ]
    if entry.get("source"):
        rows.insert(8, ("imported from", entry["source"]))
    return rows


def stats_lines(data: dict[str, Any]) -> list[str]:
    """What ``stats`` prints: totals, rankings, sparklines and a table per week
    (``data`` as :func:`with_sparklines` gives it)."""
    if not data["entries"] and not data["weeks"]:
        return ["No entries yet."]
    lines = [f"{data['entries']} entries over {data['nights']} nights, {data['from']} to {data['to']}", ""]
    if data["feelings"]:
        lines.append("Most-named feelings: " + ", ".join(f"{f['feeling']} ({f['count']})" for f in data["feelings"]))
    if data["themes"]:
        lines.append("Themes: " + ", ".join(f"{t['theme']} ({t['count']})" for t in data["themes"]))
    lines += [
        "",
        f"pebbles per week    {data['sparklines']['pebbles']}",
        f"mean intensity      {data['sparklines']['intensity']}",
        f"entries per week    {data['sparklines']['entries']}",
        "",
        f"{'week':<9} {'entries':>7} {'pebbles':>7} {'intensity':>9}  themes",
    ]
    for row in data["weeks"]:
        level = "-" if row["mean_intensity"] is None else f"{row['mean_intensity']:.1f}"
        themes = ", ".join(f"{t} {n}" for t, n in row["themes"].items())
        lines.append(f"{row['week']:<9} {row['entries']:>7} {row['pebbles']:>7} {level:>9}  {themes}".rstrip())
    lines += ["", "A pebble is an entry with a micro-rejection or sad theme, or an unpleasant feeling."]
    return lines
