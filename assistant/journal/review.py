"""Looking back: list, show, search, stats, export and delete past entries.

The journal is for noticing patterns (the same small sting, week after
week), so reading it back matters as much as writing it. Everything here
reads the journal without its lock (``Journal(write=False)``), so a look
back works while an evening session is writing; only ``delete`` takes it.

The filtering, statistics and rendering are pure functions over entry dicts
(table-tested); the ``cmd_*`` functions only open the journal and print.
Dates are *nights*: an answer given after midnight (before 04:00) belongs
to the evening before, as the person lived it.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, TextIO

from assistant.errors import UserError

NIGHT_ENDS_HOUR = 4
"""An answer before 04:00 belongs to the night before."""

PEBBLE_THEMES = frozenset({"unanswered", "left-out", "ignored", "cold-shoulder", "cancelled", "drifting",
                           "missed-chance", "unasked"})
"""The micro-rejection and sad themes (see :func:`is_pebble`)."""

SPARK_BLOCKS = "▁▂▃▄▅▆▇█"
EXPORT_FORMAT = "voice-journal-export"
EXPORT_VERSION = 1
"""Bumped when the JSON export changes shape; import-journal reads this version or older."""
PREVIEW_CHARS = 60
DEFAULT_WEEKS = 12


# --- dates -----------------------------------------------------------------

def night_of(entry: dict[str, Any]) -> date:
    """The evening an entry belongs to: its local date, or the day before
    for an answer given after midnight (before 04:00)."""
    stamp = datetime.fromisoformat(entry["created_at"])
    day = stamp.date()
    return day - timedelta(days=1) if stamp.hour < NIGHT_ENDS_HOUR else day


def iso_week(day: date) -> str:
    """``2026-W48``: ISO weeks start on Monday, as evenings are counted."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def parse_date(text: str, today: date) -> date:
    """``YYYY-MM-DD``, ``today`` or ``yesterday``; anything else is a one-line error."""
    word = text.strip().lower()
    if word == "today":
        return today
    if word == "yesterday":
        return today - timedelta(days=1)
    try:
        return date.fromisoformat(word)
    except ValueError:
        raise UserError(f"'{text}' is not a date; give it as YYYY-MM-DD (or 'today', 'yesterday')") from None


# --- language facts (from the data files) -----------------------------------

@lru_cache(maxsize=None)
def _joined(language: str) -> bool:
    """Is the language matched with spaces ignored (Korean, as Vosk splits it)?"""
    from assistant.language.feelings import load_vocabulary

    try:
        return load_vocabulary(language).match == "joined"
    except UserError:
        return False


@lru_cache(maxsize=None)
def unpleasant_feelings(language: str) -> frozenset[str]:
    """The canonical feeling words on the unpleasant half of the mood meter."""
    from assistant.language.feelings import load_vocabulary

    try:
        vocab = load_vocabulary(language)
    except UserError:
        return frozenset()
    return frozenset(f.word for f in vocab.feelings if f.pleasantness < 0)


def canonical_feeling(word: str, language: str) -> str:
    """What the person typed, as the journal stores it ("loneliness" → "lonely")."""
    from assistant.language.commands import normalise
    from assistant.language.feelings import load_vocabulary

    plain = normalise(word)
    try:
        return load_vocabulary(language).canonical(plain) or plain
    except UserError:
        return plain


def check_theme(theme: str) -> str:
    from assistant.language.commands import normalise
    from assistant.language.tagging import THEMES

    plain = normalise(theme).replace(" ", "-")
    if plain not in THEMES:
        raise UserError(f"unknown theme '{theme}'; themes are: {', '.join(THEMES)}")
    return plain


# --- filtering ---------------------------------------------------------------

def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def text_matches(entry: dict[str, Any], terms: tuple[str, ...]) -> bool:
    """Every term appears in the transcript or the prompt (case-insensitive,
    substrings, so Korean stems match: "외로" finds "외로웠어요"). In a language
    matched with spaces ignored, "외로웠어요" also finds Vosk's "외로웠 어요"."""
    if not terms:
        return True
    hay = _fold(f"{entry.get('transcript') or ''}\n{entry.get('prompt_text') or ''}")
    if all(t in hay for t in terms):
        return True
    if not _joined(entry.get("language") or ""):
        return False
    squeezed = "".join(hay.split())
    return all(t in hay or "".join(t.split()) in squeezed for t in terms)


def search_terms(words: str | Iterable[str] | None) -> tuple[str, ...]:
    if words is None:
        return ()
    text = words if isinstance(words, str) else " ".join(words)
    return tuple(_fold(text).split())


@dataclass(frozen=True)
class EntryFilter:
    """Which entries a look back is about; every given condition must hold."""

    since: date | None = None
    until: date | None = None
    feeling: str | None = None
    theme: str | None = None
    text: str | None = None
    """Words that must all appear (see :func:`text_matches`)."""
    terms: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "terms", search_terms(self.text))

    def __call__(self, entry: dict[str, Any]) -> bool:
        if self.since or self.until:
            night = night_of(entry)
            if (self.since and night < self.since) or (self.until and night > self.until):
                return False
        if self.feeling and self.feeling not in (entry.get("feelings") or []):
            return False
        if self.theme and self.theme not in (entry.get("themes") or []):
            return False
        return text_matches(entry, self.terms)

    @property
    def empty(self) -> bool:
        return not (self.since or self.until or self.feeling or self.theme or self.terms)


def select_entries(entries: Iterable[dict[str, Any]], keep: Callable[[dict], bool],
                   limit: int | None = None) -> list[dict[str, Any]]:
    """The entries ``keep`` accepts, in the order given, at most ``limit``."""
    out = []
    for entry in entries:
        if keep(entry):
            out.append(entry)
            if limit and len(out) >= limit:
                break
    return out


# --- statistics --------------------------------------------------------------

def is_pebble(entry: dict[str, Any]) -> bool:
    """A *pebble* is one small stone in the shoe: an entry that tells of a
    micro-rejection or sad moment (a theme in :data:`PEBBLE_THEMES`:
    unanswered, left-out, ignored, cold-shoulder, cancelled, drifting,
    missed-chance, unasked) or names any unpleasant feeling (pleasantness
    below zero in the language's feelings.json). Counting them per week shows
    whether the small griefs are piling up or easing."""
    if PEBBLE_THEMES.intersection(entry.get("themes") or []):
        return True
    unpleasant = unpleasant_feelings(entry.get("language") or "")
    return any(f in unpleasant for f in entry.get("feelings") or [])


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


def week_span(entries: list[dict[str, Any]], weeks: int, until: date | None = None,
              since: date | None = None) -> list[date]:
    """Mondays of the weeks to show: up to the week of ``until`` (else of the
    newest entry), going back ``weeks`` weeks (0: back to the first entry,
    or to ``since``). Empty weeks are kept, so a gap shows as a gap."""
    nights = [night_of(e) for e in entries]
    if not nights and until is None:
        return []
    last = week_start(until or max(nights))
    if since is not None:
        first = week_start(since)
    elif weeks:
        first = last - timedelta(weeks=weeks - 1)
    else:
        first = week_start(min(nights)) if nights else last
    count = (last - first).days // 7 + 1
    return [first + timedelta(weeks=i) for i in range(max(0, count))]


def stats(entries: Iterable[dict[str, Any]], weeks: int = DEFAULT_WEEKS, until: date | None = None,
          since: date | None = None, top: int = 8) -> dict[str, Any]:
    """Counts over the weeks shown: the most-named feelings and themes, and
    per ISO week the entries, themes, mean intensity and pebbles."""
    entries = list(entries)
    mondays = week_span(entries, weeks, until, since)
    if not mondays:
        return {"entries": 0, "nights": 0, "feelings": [], "themes": [], "weeks": [],
                "sparklines": {"pebbles": "", "intensity": "", "entries": ""}}
    start, end = mondays[0], mondays[-1] + timedelta(days=6)
    by_week: dict[date, list[dict]] = {m: [] for m in mondays}
    for entry in entries:
        night = night_of(entry)
        if start <= night <= end:
            by_week[week_start(night)].append(entry)
    shown = [e for m in mondays for e in by_week[m]]
    feelings = Counter(f for e in shown for f in e.get("feelings") or [])
    themes = Counter(t for e in shown for t in e.get("themes") or [])
    rows = []
    for monday in mondays:
        items = by_week[monday]
        levels = [e["intensity"] for e in items if isinstance(e.get("intensity"), (int, float))]
        rows.append({
            "week": iso_week(monday),
            "start": monday.isoformat(),
            "entries": len(items),
            "themes": dict(Counter(t for e in items for t in e.get("themes") or []).most_common()),
            "mean_intensity": round(sum(levels) / len(levels), 2) if levels else None,
            "pebbles": sum(1 for e in items if is_pebble(e)),
        })
    return {
        "entries": len(shown),
        "nights": len({night_of(e) for e in shown}),
        "from": start.isoformat(),
        "to": end.isoformat(),
        "feelings": [{"feeling": w, "count": n} for w, n in _ranked(feelings)[:top]],
        "themes": [{"theme": t, "count": n} for t, n in _ranked(themes)],
        "weeks": rows,
        "sparklines": {
            "pebbles": sparkline([r["pebbles"] for r in rows], lo=0),
            "intensity": sparkline([r["mean_intensity"] for r in rows]),
            "entries": sparkline([r["entries"] for r in rows], lo=0),
        },
        "pebble_definition": " ".join(is_pebble.__doc__.split()),
    }


def _ranked(counts: Counter) -> list[tuple[str, int]]:
    """Most first; ties in alphabetical order, so the output is steady."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


# --- rendering for people ------------------------------------------------------

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


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


# --- exports -----------------------------------------------------------------

def nights(entries: Iterable[dict[str, Any]]) -> list[tuple[date, list[dict[str, Any]]]]:
    """Entries grouped by (night, session), oldest first: one diary section each."""
    groups: dict[tuple[date, str], list[dict]] = {}
    for entry in sorted(entries, key=lambda e: (e["created_at"], e["id"])):
        groups.setdefault((night_of(entry), entry.get("session") or ""), []).append(entry)
    return [(night, items) for (night, _), items in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[1][0]["created_at"]))]


def _md(text: str) -> str:
    """Text that Markdown shows as written."""
    out = text.replace("\\", "\\\\")
    for ch in "*_`[]<>":
        out = out.replace(ch, "\\" + ch)
    out = out.strip()
    return "\\" + out if out.startswith(("#", "-", "+", "=")) else out


def to_markdown(entries: list[dict[str, Any]], language: str, title: str = "Voice journal") -> str:
    """A diary: one section per night (session), each prompt in italics, then the answer."""
    from assistant.conversation.replay import load_replay

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


CSV_COLUMNS = ("id", "night", "created_at", "session", "language", "prompt_set", "prompt_id", "prompt_text",
               "transcript", "feelings", "intensity", "themes", "duration_s", "audio", "model")


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
    from assistant.journal.book import SCHEMA_VERSION, now

    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "schema_version": SCHEMA_VERSION,
        "exported_at": now(),
        "sessions": sorted(sessions, key=lambda s: (s.get("started_at") or "", s["id"])),
        "entries": sorted(entries, key=lambda e: (e["created_at"], e["id"])),
    }


def write_private(path: Path, text: str | bytes) -> None:
    """Write a file only its owner can read (0600), atomically: an export
    holds the whole journal, so it gets the journal's own care."""
    path = Path(path).expanduser()
    if not path.parent.is_dir():
        raise UserError(f"cannot write {path}: the folder {path.parent} does not exist")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8") if isinstance(text, str) else text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"cannot write {path} ({exc.strerror}); pick another place with --out") from None


# --- reading the journal ---------------------------------------------------------

def open_journal(paths, settings=None, write: bool = False):
    """The journal, unlocked with its passphrase if it is encrypted. For
    reading (the default) it takes no lock, so a session may be writing."""
    from assistant.app.encryption import journal_vault
    from assistant.journal.book import Journal

    return Journal(paths.journal_dir, write=write, vault=journal_vault(paths, settings))


def month_words(journal, month: str) -> dict[str, list]:
    """All word timings of one month, read once (``journal.entry()`` would
    re-read the words shard for every entry)."""
    return journal.month_words(month)


def candidates(journal, keep: EntryFilter, limit: int | None = None) -> Iterable[dict[str, Any]]:
    """The entries ``keep`` may accept, newest first: with words to find,
    what the journal's search finds (its search cache, not every shard);
    else the entries themselves, read only as far back as ``limit`` needs
    when there is nothing else to filter on. ``keep`` still decides."""
    if keep.terms:
        only_text = not (keep.since or keep.until or keep.feeling or keep.theme)
        return journal.search(keep.text, limit=limit if only_text else None)
    return journal.iter_entries(newest_first=True, limit=limit if keep.empty else None)


def entries_with_words(journal, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    cache: dict[str, dict[str, list]] = {}
    out = []
    for entry in entries:
        month = entry["id"][:7]
        if month not in cache:
            cache[month] = month_words(journal, month)
        out.append({**entry, "words": cache[month].get(entry["id"], [])})
    return out


def audio_file(entry: dict[str, Any], audio_dir: Path) -> Path | None:
    """The entry's audio file, only if it lies inside the audio folder."""
    rel = entry.get("audio")
    if not rel:
        return None
    root = Path(audio_dir).resolve()
    path = (root / rel).resolve()
    return path if path.is_relative_to(root) else None


# --- commands ------------------------------------------------------------------

def _emit_json(data: Any, out: TextIO | None = None) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2), file=out or sys.stdout)


def _note(text: str) -> None:
    print(text, file=sys.stderr)


def filter_from_args(args, settings, today: date | None = None, text: str | None = None) -> EntryFilter:
    today = today or date.today()
    since = parse_date(args.since, today) if getattr(args, "since", None) else None
    until = parse_date(args.until, today) if getattr(args, "until", None) else None
    if since and until and since > until:
        raise UserError(f"--since {since} is after --until {until}; swap them")
    return EntryFilter(
        since=since,
        until=until,
        feeling=canonical_feeling(args.feeling, settings.language) if getattr(args, "feeling", None) else None,
        theme=check_theme(args.theme) if getattr(args, "theme", None) else None,
        text=text if text is not None else getattr(args, "text", None),
    )


def _limit(args) -> int | None:
    limit = getattr(args, "limit", None)
    if limit is not None and limit < 0:
        raise UserError("--limit must be 0 (no limit) or more")
    return limit or None


def _listing(args, paths, settings, text: str | None = None) -> int:
    keep = filter_from_args(args, settings, text=text)
    limit = _limit(args)
    with open_journal(paths, settings) as journal:
        found = select_entries(candidates(journal, keep, limit), keep, limit)
    if args.json:
        _emit_json(found)
        return 0
    for entry in found:
        print(entry_line(entry))
    if not found:
        _note("No entries match." if not keep.empty else "No entries yet. Start an evening with 'voice-journal'.")
    return 0


def cmd_list(args, paths, settings) -> int:
    return _listing(args, paths, settings)


def cmd_search(args, paths, settings) -> int:
    words = " ".join(args.words)
    if not search_terms(words):
        raise UserError("give the words to search for, e.g. voice-journal search invite")
    return _listing(args, paths, settings, text=words)


def cmd_show(args, paths, settings) -> int:
    from assistant.journal.book import check_id

    check_id(args.id)
    with open_journal(paths, settings) as journal:
        entry = journal.entry(args.id)
    path = audio_file(entry, paths.audio_dir)
    if args.json:
        _emit_json({**entry, "audio_file": str(path) if path else None,
                    "audio_exists": bool(path and path.is_file()), "night": night_of(entry).isoformat()})
        return 0
    for label, value in entry_details(entry, path):
        print(f"{label:<14} {value}")
    return 0


def cmd_stats(args, paths, settings) -> int:
    keep = filter_from_args(args, settings)
    if args.weeks < 0:
        raise UserError("--weeks must be 0 (all) or more")
    with open_journal(paths, settings) as journal:
        found = select_entries(candidates(journal, keep) if keep.terms else journal.iter_entries(), keep)
    data = stats(found, weeks=args.weeks, until=keep.until, since=keep.since)
    if args.json:
        _emit_json(data)
    else:
        print("\n".join(stats_lines(data)))
    return 0


def cmd_export(args, paths, settings) -> int:
    fmt = args.format or ("json" if args.json and not args.out else "md")
    keep = filter_from_args(args, settings)
    with open_journal(paths, settings) as journal:
        encrypted = journal.vault is not None
        found = select_entries(candidates(journal, keep) if keep.terms else journal.iter_entries(), keep)
        if fmt == "json":
            found = entries_with_words(journal, found)
            used = {e.get("session") for e in found}
            sessions = [s for s in journal.sessions() if keep.empty or s["id"] in used]
    if fmt == "md":
        text = to_markdown(found, settings.language)
    elif fmt == "csv":
        text = to_csv(found)
    else:
        text = json.dumps(to_json_export(found, sessions), ensure_ascii=False, indent=1) + "\n"
    if not args.out:
        sys.stdout.write(text)
        return 0
    out = Path(args.out).expanduser()
    write_private(out, text)
    if args.json:
        _emit_json({"out": str(out), "format": fmt, "entries": len(found)})
    else:
        _note(f"Wrote {len(found)} entries to {out} ({fmt}, readable by you only"
              + ("; not encrypted, unlike the journal" if encrypted else "") + ").")
    return 0


YES = frozenset({"y", "yes", "네", "예", "응"})


def confirm(question: str, answers: TextIO | None = None, prompt_to: TextIO | None = None) -> bool:
    """Ask on stderr, read one line; only a yes counts (no input, EOF: no)."""
    prompt_to = prompt_to or sys.stderr
    answers = answers or sys.stdin
    print(question, end=" ", file=prompt_to, flush=True)
    try:
        line = answers.readline() if answers is not None else ""
    except (OSError, ValueError):
        line = ""
    if not line:
        print(file=prompt_to)
    return line.strip().lower() in YES


def cmd_delete(args, paths, settings) -> int:
    from assistant.journal.book import check_id

    check_id(args.id)
    if not paths.journal_dir.is_dir():
        raise UserError(f"no entry {args.id} in the journal; see 'voice-journal list'")
    with open_journal(paths, settings, write=True) as journal:
        entry = journal.entry(args.id, with_words=False)
        prompt = preview(entry.get("prompt_text") or entry.get("source") or entry.get("transcript") or "", 50)
        question = f'Delete entry {entry["id"]} ({night_of(entry).isoformat()}, "{prompt}")? [y/N]'
        if not args.yes and not confirm(question):
            if args.json:
                _emit_json({"id": args.id, "deleted": False})
            _note(f"Kept {args.id}; nothing was deleted.")
            return 1
        journal.remove_entry(args.id)
    removed_audio = None
    path = audio_file(entry, paths.audio_dir)
    if path is not None and path.is_file():
        path.unlink()
        removed_audio = str(path)
    if args.json:
        _emit_json({"id": args.id, "deleted": True, "audio_removed": removed_audio})
    else:
        _note(f"Deleted {args.id}" + (" and its audio." if removed_audio else "."))
    return 0


# --- the command line ------------------------------------------------------------

def add_filter_options(p, text: bool = True, limit: bool = True) -> None:
    p.add_argument("--since", metavar="DATE", help="from this night on (YYYY-MM-DD, today, yesterday)")
    p.add_argument("--until", metavar="DATE", help="up to this night (YYYY-MM-DD, today, yesterday)")
    p.add_argument("--feeling", metavar="F", help="only entries naming this feeling (e.g. lonely, 외로움)")
    p.add_argument("--theme", metavar="T", help="only entries with this theme (e.g. unanswered, left-out)")
    if text:
        p.add_argument("--text", metavar="WORDS", help="only entries whose answer or prompt has all these words")
    if limit:
        p.add_argument("--limit", type=int, metavar="N", help="at most N entries (newest first)")


def register(subparsers, common) -> None:
    p = subparsers.add_parser("list", parents=[common], help="list past entries, newest first")
    add_filter_options(p)
    p.set_defaults(handler=cmd_list)

    p = subparsers.add_parser("show", parents=[common], help="show one entry in full")
    p.add_argument("id", help="entry id, e.g. 2026-11-24.2 (see 'voice-journal list')")
    p.set_defaults(handler=cmd_show)

    p = subparsers.add_parser("search", parents=[common], help="find entries whose answer or prompt has all the words")
    p.add_argument("words", nargs="+", help="words to find (case-insensitive; parts of words match)")
    add_filter_options(p, text=False)
    p.set_defaults(handler=cmd_search)

    p = subparsers.add_parser("stats", parents=[common], help="feelings, themes, intensity and pebbles per week")
    add_filter_options(p, limit=False)
    p.add_argument("--weeks", type=int, default=DEFAULT_WEEKS, help=f"weeks to show (default {DEFAULT_WEEKS}; 0: all)")
    p.set_defaults(handler=cmd_stats)

    p = subparsers.add_parser("export", parents=[common], help="write the journal as Markdown, JSON or CSV")
    p.add_argument("--format", choices=["md", "json", "csv"],
                   help="md: a diary to read; json: everything, for import-journal; csv: one row per entry (default md)")
    p.add_argument("--out", metavar="PATH", help="file to write (readable by you only); default: standard output")
    add_filter_options(p, limit=False)
    p.set_defaults(handler=cmd_export)

    p = subparsers.add_parser("delete", parents=[common], help="delete one entry and its audio")
    p.add_argument("id", help="entry id, e.g. 2026-11-24.2 (see 'voice-journal list')")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(handler=cmd_delete)

