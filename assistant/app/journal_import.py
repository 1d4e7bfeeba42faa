"""``voice-journal import-journal FILE``: a JSON export read back into the journal.

The export (``voice-journal export --format json``) comes back without loss:
same ids, sessions and word timings. An id that is already in the journal is
skipped, so importing twice is safe.

Years of evenings with their word timings are gigabytes as Python objects,
more than a 2 GB Raspberry Pi has, so the file is never held whole. It is
read twice, a record at a time (:class:`ExportReader`): the first pass checks
every record and writes nothing, so a damaged file is refused in one line
with the journal untouched; the second writes the records a month at a time
(an export lists them oldest first), each month's shards once.
"""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator, TextIO

from assistant.errors import UserError
from assistant.journal.book import open_journal
from assistant.journal.ids import ID_PATTERN, check_id
from assistant.journal.shape import record_problem
from assistant.render.export import EXPORT_FORMAT, EXPORT_VERSION

TABLES = ("sessions", "entries")
READ_CHARS = 1 << 16
"""How much of the file is read at a time."""
MAX_RECORD_CHARS = 16 << 20
"""The longest single value the reader takes (an hour's answer with its word
timings is under 1 MB); a longer one is a damaged or hostile file, refused."""
BATCH_RECORDS = 2000
"""At most this many records are held before they are written (a month of a
journal as it writes itself is far fewer: it is written once)."""
REMAKE = "make one with 'voice-journal export --format json'"


class _Damaged(Exception):
    """The file is not JSON (``line``: where), or a value is longer than the reader takes."""

    def __init__(self, line: int | None = None, too_long: bool = False):
        super().__init__(line)
        self.line, self.too_long = line, too_long


class ExportReader:
    """A JSON object read a value at a time from a text file: its top-level
    keys in order, and the items of the ``sessions`` and ``entries`` lists one
    by one, with no more of the file in memory than one record."""

    def __init__(self, handle: TextIO):
        self._handle = handle
        self._decoder = json.JSONDecoder()
        self._text = ""
        self._at = 0
        self._lines_before = 0  # newlines in the text already let go, for the line of a syntax error
        self._ended = False

    # -- the text window ------------------------------------------------------

    def _more(self, chars: int = READ_CHARS) -> bool:
        """Read on; False at the end of the file."""
        if self._ended:
            return False
        if self._at > len(self._text) // 2:  # let go of what is parsed
            self._lines_before += self._text.count("\n", 0, self._at)
            self._text, self._at = self._text[self._at:], 0
        more = self._handle.read(chars)
        if not more:
            self._ended = True
            return False
        self._text += more
        return True

    def _line(self, at: int) -> int:
        return self._lines_before + self._text.count("\n", 0, at) + 1

    def _next_char(self) -> str:
        """The next character that is not white space ('' at the end), not consumed."""
        while True:
            while self._at < len(self._text) and self._text[self._at] in " \t\r\n":
                self._at += 1
            if self._at < len(self._text) or not self._more():
                return self._text[self._at:self._at + 1]

    def _take(self, char: str) -> None:
        if self._next_char() != char:
            raise _Damaged(self._line(self._at))
        self._at += 1

    def value(self) -> Any:
        """The next JSON value, parsed; only its text is held, however far it reaches."""
        self._next_char()
        chars = READ_CHARS
        while True:
            try:
                found, end = self._decoder.raw_decode(self._text, self._at)
            except json.JSONDecodeError as exc:
                if self._cut_short(exc) and self._more(chars):
                    chars = self._grow(chars)
                    continue
                raise _Damaged(self._line(exc.pos)) from None
            if end >= len(self._text) and self._more(chars):  # a number may go on past the window
                chars = self._grow(chars)
                continue
            self._at = end
            return found

    def _cut_short(self, exc: json.JSONDecodeError) -> bool:
        """Whether the error may only be the window ending inside the value."""
        return exc.msg.startswith("Unterminated string") or exc.pos >= len(self._text.rstrip()) - 8

    def _grow(self, chars: int) -> int:
        if len(self._text) - self._at > MAX_RECORD_CHARS:
            raise _Damaged(too_long=True)
        return min(chars * 2, MAX_RECORD_CHARS)

    # -- the export's shape -----------------------------------------------------

    def members(self) -> Iterator[tuple[str | None, Any]]:
        """``(key, value)`` of the top-level object in file order; the value of
        ``sessions`` or ``entries``, when a list, is an iterator over its items
        (to be used up before the next member). Not an object: ``(None, value)``."""
        if self._next_char() != "{":
            yield None, self.value()  # not an object (or not JSON): the caller says which
            return
        self._take("{")
        if self._next_char() == "}":
            self._at += 1
        else:
            while True:
                key = self.value()
                if not isinstance(key, str):
                    raise _Damaged(self._line(self._at))
                self._take(":")
                if key in TABLES and self._next_char() == "[":
                    yield key, self._items()
                else:
                    yield key, self.value()
                if self._next_char() == "}":
                    self._at += 1
                    break
                self._take(",")
        if self._next_char() != "":
            raise _Damaged(self._line(self._at))  # text after the object: as json.loads, not JSON

    def _items(self) -> Iterator[Any]:
        self._take("[")
        if self._next_char() == "]":
            self._at += 1
            return
        while True:
            yield self.value()
            if self._next_char() == "]":
                self._at += 1
                return
            self._take(",")


def _item_problem(table: str, index: int, item: Any) -> str | None:
    """What makes one record unfit to be written, as the end of a message, or None."""
    if not isinstance(item, dict) or not ID_PATTERN.match(str(item.get("id", ""))):
        return f"{table} item {index + 1} has no valid id"
    stamp = item.get("created_at" if table == "entries" else "started_at")
    try:
        datetime.fromisoformat(str(stamp))
    except ValueError:
        return f"{table} item {index + 1} ({item['id']}) has no valid time"
    if table == "entries" and not isinstance(item.get("words", []), list):
        return f"entry {item['id']} has words that are not a list"
    problem = record_problem(table, {k: v for k, v in item.items() if k != "words"})
    if problem:  # written as it is, it would make the month's shard unreadable
        return f"{table} item {index + 1} {problem}"
    return None


def _open(path: Path) -> TextIO:
    try:
        if Path(path).exists() and not Path(path).is_file():  # a device never ends, a folder has no text
            raise UserError(f"{path}: not a file; give the JSON file 'voice-journal export --format json' wrote")
        return open(path, encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot be read ({exc.strerror})") from None


def _reading(path: Path, records: Iterator[Any]) -> Iterator[Any]:
    """``records`` with the reader's problems as one-line errors naming the file."""
    try:
        yield from records
    except _Damaged as exc:
        if exc.too_long:
            raise UserError(f"{path}: holds a value longer than an export has; the export is damaged") from None
        where = f" at line {exc.line}" if exc.line else ""
        raise UserError(f"{path}: not a JSON export{where}; {REMAKE}") from None
    except (UnicodeDecodeError, ValueError, RecursionError):  # not UTF-8, a number too long, nesting too deep
        raise UserError(f"{path}: not a JSON export; {REMAKE}") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot be read ({exc.strerror})") from None


def check_export(path: Path) -> dict[str, int]:
    """The first pass: the whole file checked, a record at a time, nothing kept
    but counts (``{"sessions": n, "entries": n}``); every problem is one line
    naming the file, in the order reading it whole would find them."""
    header: dict[str, Any] = {}
    counts: dict[str, int | None] = {table: None for table in TABLES}
    first_problem = None
    with _open(path) as handle:
        for key, value in _reading(path, ExportReader(handle).members()):
            if key in TABLES and counts[key] is not None:
                first_problem = first_problem or f"'{key}' is there twice"
            if key in TABLES and isinstance(value, Iterator):
                counts[key] = 0
                for index, item in enumerate(_reading(path, value)):
                    counts[key] = index + 1
                    first_problem = first_problem or _item_problem(key, index, item)
            elif key in TABLES:
                counts[key] = None
                header[key] = value
            elif key is None:
                header = value
            else:
                header[key] = value
    if not isinstance(header, dict) or header.get("format") != EXPORT_FORMAT:
        raise UserError(f"{path}: not a voice-journal export; {REMAKE}")
    version = header.get("version")
    if not isinstance(version, int) or version > EXPORT_VERSION:
        raise UserError(f"{path}: export version {version} is newer than this voice-journal reads "
                        f"({EXPORT_VERSION}); upgrade voice-journal")
    for table in TABLES:
        if counts[table] is None:
            raise UserError(f"{path}: '{table}' is missing or not a list; the export is damaged")
    if first_problem:
        raise UserError(f"{path}: {first_problem}; the export is damaged")
    return counts


def records(path: Path, table: str) -> Iterator[dict[str, Any]]:
    """The items of one of the export's lists, a record at a time, each checked
    again (the file may have changed since :func:`check_export`)."""
    with _open(path) as handle:
        for key, value in _reading(path, ExportReader(handle).members()):
            if key != table:
                if isinstance(value, Iterator):
                    for _ in _reading(path, value):  # the other list: read past it
                        pass
                continue
            for index, item in enumerate(_reading(path, value)):
                problem = _item_problem(table, index, item)
                if problem:
                    raise UserError(f"{path}: {problem}; the export is damaged (it changed while it was read)")
                yield item
            return


def month_batches(sessions: Iterator[dict], entries: Iterator[dict],
                  most: int = BATCH_RECORDS) -> Iterator[tuple[list[dict], list[dict]]]:
    """``(sessions, entries)`` to write together: a month of entries at a time
    (or ``most`` of them), with the sessions of that month and earlier ones.

    Both lists of an export are oldest first, so each month comes once; in any
    other order a month just comes more than once (still right: ids already
    written are skipped)."""
    waiting: dict | None = None  # the first session of a month not reached yet

    def sessions_until(month: str | None) -> list[dict]:
        nonlocal waiting
        out = []
        while True:
            if waiting is None:
                waiting = next(sessions, None)
                if waiting is None:
                    return out
            if month is not None and check_id(waiting["id"]) > month:
                return out
            out.append(waiting)
            waiting = None
            if len(out) >= most:  # the rest come with the next batch
                return out

    batch: list[dict] = []
    for entry in entries:
        month = check_id(entry["id"])
        if batch and (month != check_id(batch[-1]["id"]) or len(batch) >= most):
            yield sessions_until(check_id(batch[-1]["id"])), batch
            batch = []
        batch.append(entry)
    if batch:
        yield sessions_until(check_id(batch[-1]["id"])), batch
    while True:
        rest = sessions_until(None)
        if not rest:
            return
        yield rest, []


def import_journal(path: Path, paths, settings) -> dict[str, int]:
    """Read an export back under its own ids, a month at a time; ids already
    in the journal are skipped. Returns what was imported and skipped."""
    counts = check_export(path)  # nothing is written unless the whole file is right
    paths.ensure_private_dirs()
    imported = {"sessions": 0, "entries": 0}
    with open_journal(paths, settings, write=True) as journal:
        for sessions, entries in month_batches(records(path, "sessions"), records(path, "entries")):
            done = journal.restore(sessions, entries)  # skips the ids already there
            imported["sessions"] += len(done["sessions"])
            imported["entries"] += len(done["entries"])
    return {
        "entries_imported": imported["entries"],
        "entries_skipped": counts["entries"] - imported["entries"],
        "sessions_imported": imported["sessions"],
        "sessions_skipped": counts["sessions"] - imported["sessions"],
    }
