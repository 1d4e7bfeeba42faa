"""The journal as files to keep or move: a Markdown diary, a CSV table, a JSON export.

The JSON export is lossless (word timings included) and is what
``import-journal`` reads back; its :data:`EXPORT_VERSION` is bumped whenever
its shape changes.
"""
from __future__ import annotations

import csv
import io
from typing import Any

from assistant.conversation.replay import load_replay
from assistant.journal.book import now
from assistant.journal.migrations import SCHEMA_VERSION
from assistant.journal.stats import nights
from assistant.language.dates import night_of

EXPORT_FORMAT = "voice-journal-export"
EXPORT_VERSION = 1
"""Bumped when the JSON export changes shape; import-journal reads this version or older."""
CSV_COLUMNS = ("id", "night", "created_at", "session", "language", "prompt_set", "prompt_id", "prompt_text",
               "transcript", "feelings", "intensity", "themes", "duration_s", "audio", "model")


def _md(text: str) -> str:
    """Text that Markdown shows as written."""
    out = text.replace("\\", "\\\\")
    for ch in "*_`[]<>":
        out = out.replace(ch, "\\" + ch)
    out = out.strip()
    return "\\" + out if out.startswith(("#", "-", "+", "=")) else out


def to_markdown(entries: list[dict[str, Any]], language: str, title: str = "Voice journal") -> str:
    """A diary: one section per night (session), each prompt in italics, then the answer."""
    pack = load_replay(language)
    lines = [f"# {title}", ""]
    for night, items in nights(entries):
        lines += [f"## {pack.format_date(night, with_year=True)}", ""]
        for entry in items:
            if entry.get("prompt_text"):
                lines += [f"*{_md(entry['prompt_text'])}*", ""]
            elif entry.get("source"):
                lines += [f"*{_md(entry['source'])}*", ""]
            lines += [_md(entry.get("transcript") or "…"), ""]
            tags = ", ".join(entry.get("feelings") or [])
            themes = " ".join(f"#{t}" for t in entry.get("themes") or [])
            if tags or themes:
                lines += [f"— {_md(tags)}{' · ' if tags and themes else ''}{themes}", ""]
    return "\n".join(lines).rstrip() + "\n"


def to_csv(entries: list[dict[str, Any]]) -> str:
    """One row per entry, oldest first; lists joined with '; ' (word timings
    are left to the JSON export)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for entry in sorted(entries, key=lambda e: (e["created_at"], e["id"])):
        row = dict(entry, night=night_of(entry).isoformat(),
                   feelings="; ".join(entry.get("feelings") or []), themes="; ".join(entry.get("themes") or []))
        writer.writerow(["" if row.get(c) is None else row.get(c) for c in CSV_COLUMNS])
    return buffer.getvalue()


def to_json_export(entries: list[dict[str, Any]], sessions: list[dict[str, Any]]) -> dict[str, Any]:
    """Everything, words included, for a lossless ``import-journal``."""
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "schema_version": SCHEMA_VERSION,
        "exported_at": now(),
        "sessions": sorted(sessions, key=lambda s: (s.get("started_at") or "", s["id"])),
        "entries": sorted(entries, key=lambda e: (e["created_at"], e["id"])),
    }
