"""What a shard must look like before the journal trusts it.

A shard that is valid JSON of the wrong shape (a list, an entry that is a
string or has no id) would otherwise surface as a traceback deep inside a
command, or worse, read as a month with nothing in it. :func:`check_shard`
looks once, when the shard is read, and refuses it in one line naming the
file and how to restore it (:func:`assistant.journal.storage.damaged`).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from assistant.journal.ids import ID_PATTERN
from assistant.journal.storage import damaged, json_kind

DOC_KEY = re.compile(r"^\d{1,15}$")
"""A TinyDB document id, as text."""
REQUIRED_TEXT = {"sessions": ("id", "started_at"), "entries": ("id", "created_at"), "words": ("id",)}
"""Fields each record of a table must have, as text."""
OPTIONAL = {"transcript": str, "prompt_text": str, "feelings": list, "themes": list, "prompt_ids": list,
            "words": list, "language": str, "audio": str, "session": str}
"""Fields a record may lack (or hold null), and their type when present."""


def check_shard(data: dict[str, Any], path: Path) -> dict[str, Any]:
    """``data`` itself if it has the shape of a shard, else :class:`CorruptJournal`."""
    for name, table in data.items():
        if not isinstance(table, dict):
            raise damaged(path, f"its table '{name}' is {json_kind(table)}, not an object")
        for key, doc in table.items():
            if not DOC_KEY.match(key):
                raise damaged(path, f"record {_short(key)} of '{name}' has a key that is not a number")
            problem = record_problem(name, doc)
            if problem:
                raise damaged(path, f"record {_short(key)} of '{name}' {problem}")
    meta = (data.get("_meta") or {}).get("1")
    if meta is not None:
        version = meta.get("schema_version")
        if not isinstance(version, int) or isinstance(version, bool) or not 0 <= version < 10**6:
            raise damaged(path, "its schema version is not a number")
        removed = meta.get("removed_ids", {})
        if not isinstance(removed, dict) or not all(isinstance(v, int) and 0 <= v < 10**9 for v in removed.values()):
            raise damaged(path, "its record of removed ids is not day: number")
    return data


def record_problem(table: str, doc: Any) -> str | None:
    """What is wrong with one record of ``table`` ("has no 'id'"), or None.
    Also checks what an export brings back in (import-journal)."""
    if not isinstance(doc, dict):
        return f"is {json_kind(doc)}, not an object"
    for field in REQUIRED_TEXT.get(table, ()):
        if not isinstance(doc.get(field), str):
            return f"has no '{field}'"
    if table in REQUIRED_TEXT and not ID_PATTERN.match(doc["id"]):
        return f"has the id {_short(doc['id'])}, which is not a journal id"
    for field, kind in OPTIONAL.items():
        if doc.get(field) is not None and not isinstance(doc[field], kind):
            return f"has a '{field}' that is {json_kind(doc[field])}"
    return None


def _short(text: str) -> str:
    """A value from a damaged file, quoted, cut to a length a message can hold."""
    return repr(text) if len(text) <= 24 else repr(text[:20] + "...")
