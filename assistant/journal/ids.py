"""Journal ids: readable, and never used twice.

``2026-11-24.2`` is the second answer (or session) of that day. A removal
leaves the day's highest removed number in the shard's ``_meta`` record,
so the id can never come back. Table keys are TinyDB's document ids, picked
as TinyDB picks them, so a shard stays a valid TinyDB database.
"""
from __future__ import annotations

import re
from typing import Any, Iterable

from assistant.errors import UserError
from assistant.journal.migrations import meta_doc

ID_PATTERN = re.compile(r"^(\d{4}-\d{2})-\d{2}\.\d{1,9}$")
"""A day and a number of at most nine digits (a longer one is a damaged file or a typo)."""


def check_id(entry_id: str) -> str:
    """The month of a journal id, or a one-line error for a mistyped one."""
    match = ID_PATTERN.match(str(entry_id))
    if not match:
        raise UserError(f"'{entry_id}' is not a journal id; ids look like 2026-11-24.2 (see 'voice-journal list')")
    return match.group(1)


def seq(entry_id: str) -> int:
    """The number of an id within its day (``2026-11-24.2``: 2)."""
    return int(entry_id.rsplit(".", 1)[1])


def seq_or_zero(entry_id: str) -> int:
    """:func:`seq`, or 0 for a malformed id."""
    try:
        return seq(entry_id)
    except (ValueError, IndexError):
        return 0


def next_id(day: str, docs: Iterable[dict], removed: int = 0) -> str:
    """The day's next id, past ``removed`` (the day's highest removed
    sequence number): an id is never reused, even after a removal."""
    used = [seq(d["id"]) for d in docs if d["id"].startswith(day + ".")]
    return f"{day}.{max([removed, *used]) + 1}"


def removed_ids(data: dict[str, Any]) -> dict[str, int]:
    """``{day: highest removed entry number}``, kept in the shard's ``_meta``
    record (an optional field: older versions ignore it, so no schema step)."""
    return (((data.get("_meta") or {}).get("1") or {}).get("removed_ids") or {})


def note_removal(data: dict[str, Any], entry_id: str) -> dict[str, Any]:
    """The shard's ``_meta`` table once ``entry_id`` is removed: written with
    the removal itself, so the id can never come back."""
    meta = dict(data.get("_meta") or {})
    doc = dict(meta.get("1") or meta_doc())
    day, number = entry_id.rsplit(".", 1)[0], seq(entry_id)
    doc["removed_ids"] = {**removed_ids(data), day: max(number, removed_ids(data).get(day, 0))}
    meta["1"] = doc
    return meta


def next_key(table: dict) -> str:
    """The next TinyDB document id of a table, as TinyDB picks it."""
    return str(max((int(k) for k in table), default=0) + 1)
