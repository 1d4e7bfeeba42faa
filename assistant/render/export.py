"""The journal as files to keep or move: a Markdown diary, a CSV table, a JSON export.

The JSON export is lossless (word timings included) and is what
``import-journal`` reads back; its :data:`EXPORT_VERSION` is bumped whenever
its shape changes.

Exports stream (:func:`export_journal`): years of evenings with their word
timings take gigabytes as Python objects, more than a 2 GB Raspberry Pi has.
A first pass notes, month by month, the least sort key of each month's
records (and which sessions go out); the second reads the shards again a
month at a time and writes each record as soon as no later month can hold
one that comes before it, in the same order and to the same bytes as the
in-memory functions (:func:`to_markdown`, :func:`to_csv`,
:func:`to_json_export`) give. In a journal as it writes itself a month's
records all come before the next month's, so one month is held at a time
(and an evening that ran past midnight at a month's end).
"""
from __future__ import annotations

import csv
import heapq
import io
import itertools
import json
from datetime import date
from typing import Any, Callable, Iterable, Iterator, TextIO

from assistant.conversation.replay import load_replay
from assistant.journal.book import Journal, now
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


def _entry_key(entry: dict[str, Any]) -> tuple[str, str]:
    return entry["created_at"], entry["id"]


def _session_key(session: dict[str, Any]) -> tuple[str, str]:
    return session.get("started_at") or "", session["id"]


# -- writers over records in order -------------------------------------------

class _RightStripped:
    """Writes text as ``text.rstrip() + "\\n"`` would end, without holding it: trailing
    whitespace is held back until something follows it."""

    def __init__(self, out: TextIO):
        self.out = out
        self._held = ""

    def write(self, text: str) -> None:
        kept = text.rstrip()
        if not kept:
            self._held += text
            return
        self.out.write(self._held + kept)
        self._held = text[len(kept):]

    def end(self) -> None:
        self.out.write("\n")


def write_markdown(out: TextIO, groups: Iterable[tuple[date, list[dict[str, Any]]]], language: str,
                   title: str = "Voice journal") -> None:
    """A diary: one section per night (session), each prompt in italics, then the answer.
    ``groups`` as :func:`assistant.journal.stats.nights` gives them."""
    pack = load_replay(language)
    text = _RightStripped(out)
    text.write(f"# {title}\n")
    for night, items in groups:
        lines = ["", f"## {pack.format_date(night, with_year=True)}", ""]
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
        text.write("\n".join(lines))
    text.end()


def write_csv(out: TextIO, entries: Iterable[dict[str, Any]]) -> None:
    """One row per entry, in the order given; lists joined with '; ' (word timings
    are left to the JSON export)."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        row = dict(entry, night=night_of(entry).isoformat(),
                   feelings="; ".join(entry.get("feelings") or []), themes="; ".join(entry.get("themes") or []))
        writer.writerow(["" if row.get(c) is None else row.get(c) for c in CSV_COLUMNS])


def _json_item(item: Any) -> str:
    """One element of a top-level list, as ``json.dumps(..., indent=1)`` lays it out there."""
    return "\n".join("  " + line for line in json.dumps(item, ensure_ascii=False, indent=1).split("\n"))


def _json_list(out: TextIO, name: str, items: Iterable[Any]) -> None:
    out.write(f" {json.dumps(name)}: ")
    first = True
    for item in items:
        out.write("[\n" if first else ",\n")
        out.write(_json_item(item))
        first = False
    out.write("[]" if first else "\n ]")


def write_json_export(out: TextIO, sessions: Iterable[dict[str, Any]], entries: Iterable[dict[str, Any]]) -> None:
    """:func:`to_json_export` as text (``json.dumps(..., indent=1)`` and a newline),
    written a record at a time; ``sessions`` and ``entries`` in their export order."""
    out.write("{\n")
    for name, value in (("format", EXPORT_FORMAT), ("version", EXPORT_VERSION), ("schema_version", SCHEMA_VERSION),
                        ("exported_at", now())):
        out.write(f" {json.dumps(name)}: {json.dumps(value, ensure_ascii=False)},\n")
    _json_list(out, "sessions", sessions)
    out.write(",\n")
    _json_list(out, "entries", entries)
    out.write("\n}\n")


# -- the same, whole in memory (the web page's downloads) ---------------------

def to_markdown(entries: list[dict[str, Any]], language: str, title: str = "Voice journal") -> str:
    buffer = io.StringIO()
    write_markdown(buffer, nights(entries), language, title)
    return buffer.getvalue()


def to_csv(entries: list[dict[str, Any]]) -> str:
    """One row per entry, oldest first."""
    buffer = io.StringIO()
    write_csv(buffer, sorted(entries, key=_entry_key))
    return buffer.getvalue()


def to_json_export(entries: list[dict[str, Any]], sessions: list[dict[str, Any]]) -> dict[str, Any]:
    """Everything, words included, for a lossless ``import-journal``."""
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "schema_version": SCHEMA_VERSION,
        "exported_at": now(),
        "sessions": sorted(sessions, key=_session_key),
        "entries": sorted(entries, key=_entry_key),
    }


# -- streaming from the journal ----------------------------------------------

def _suffix_min(values: list[Any]) -> list[Any]:
    """For each position, the least of the values after it (None: nothing after it)."""
    out: list[Any] = [None] * len(values)
    least = None
    for i in range(len(values) - 1, -1, -1):
        out[i] = least
        if values[i] is not None and (least is None or values[i] < least):
            least = values[i]
    return out


def _in_order(months: list[str], load: Callable[[str], list[Any]], key: Callable[[Any], Any],
              later_least: list[Any]) -> Iterator[Any]:
    """The records of every month in ``key`` order, a month read at a time.

    ``later_least[i]`` is no more than the key of any record after month ``i``;
    a record is held back only while one from a later month could still come
    before it (in a journal as it writes itself, none is)."""
    held: list[tuple[Any, int, Any]] = []
    order = itertools.count()  # a tie (a damaged journal's twice-used id) never compares the records
    for i, month in enumerate(months):
        for record in load(month):
            heapq.heappush(held, (key(record), next(order), record))
        bound = later_least[i]
        while held and (bound is None or held[0][0] < bound):
            yield heapq.heappop(held)[2]


class _Plan:
    """The first pass, a month at a time: the least key (and night) of each
    month's entries and sessions, and which sessions go out; no record is kept."""

    def __init__(self, journal: Journal, keep: Callable[[dict], bool], all_sessions: bool):
        self.months = journal.months()
        entry_least, night_least, session_least = [], [], []
        self.used: set[str] | None = None if all_sessions else set()
        for month in self.months:
            kept = [e for e in journal.month_entries(month) if keep(e)]
            entry_least.append(min(map(_entry_key, kept), default=None))
            night_least.append(min(map(night_of, kept), default=None))
            session_least.append(min(map(_session_key, journal.month_sessions(month)), default=None))
            if self.used is not None:
                self.used.update(e.get("session") for e in kept)
        self.entries_after = _suffix_min(entry_least)
        self.nights_after = _suffix_min(night_least)
        self.sessions_after = _suffix_min(session_least)


def _groups(months: list[str], load: Callable[[str], list[dict[str, Any]]],
            nights_after: list[date | None]) -> Iterator[tuple[date, list[dict[str, Any]]]]:
    """:func:`assistant.journal.stats.nights` a month at a time: a night's section is
    written once no later month can add to it (an evening may run past a month's end)."""
    held: dict[tuple[date, str], list[dict[str, Any]]] = {}
    for i, month in enumerate(months):
        for entry in load(month):
            held.setdefault((night_of(entry), entry.get("session") or ""), []).append(entry)
        bound = nights_after[i]
        ready = [group for group in held if bound is None or group[0] < bound]
        sections = []
        for group in ready:
            items = sorted(held.pop(group), key=_entry_key)
            sections.append(((group[0], _entry_key(items[0])), items))
        sections.sort(key=lambda section: section[0])
        yield from ((night, items) for (night, _), items in sections)


def export_journal(out: TextIO, journal: Journal, fmt: str, keep: Callable[[dict], bool], language: str,
                   all_sessions: bool = True) -> int:
    """Write the entries ``keep`` accepts to ``out`` as ``md``, ``csv`` or ``json``; the number written.

    ``all_sessions``: the JSON export holds every session, not only those of the entries
    written (an export of the whole journal keeps sessions with no answer too)."""
    plan = _Plan(journal, keep, all_sessions)
    written = 0

    def entries(month: str) -> list[dict[str, Any]]:
        nonlocal written
        found = [e for e in journal.month_entries(month) if keep(e)]
        written += len(found)  # counted as written (a session may add one between the passes)
        return found

    def with_words(month: str) -> list[dict[str, Any]]:
        words = journal.month_words(month)
        return [{**e, "words": words.get(e["id"], [])} for e in entries(month)]

    def sessions(month: str) -> list[dict[str, Any]]:
        return [s for s in journal.month_sessions(month) if plan.used is None or s["id"] in plan.used]

    if fmt == "md":
        write_markdown(out, _groups(plan.months, entries, plan.nights_after), language)
    elif fmt == "csv":
        write_csv(out, _in_order(plan.months, entries, _entry_key, plan.entries_after))
    else:
        write_json_export(out, _in_order(plan.months, sessions, _session_key, plan.sessions_after),
                          _in_order(plan.months, with_words, _entry_key, plan.entries_after))
    return written
