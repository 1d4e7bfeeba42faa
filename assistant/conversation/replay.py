"""Replay: hearing past entries again, in your own voice.

Hearing what you said a week ago, in your own voice, is often kinder and
clearer than reading it. A replay says when and what you were asked, then
plays the answer's recording (or reads the transcript if no audio was kept).

Three parts, kept apart so each can be tested alone:

* :func:`parse_request` understands a spoken request as Vosk writes it
  ("play last tuesday", "외로움에 대한 마지막 기록 들려줘"); the words are
  data in ``prompts/<lang>/replay.json``. It knows nothing of dates: the
  :class:`ReplayRequest` it returns resolves against "today" later.
* :func:`select` finds the entries a request means.
* :func:`play_entries` speaks and plays them through a mouth and a sink,
  asking an optional ``between`` callback after each entry whether to go on,
  skip back or stop (the in-session replay listens for "next", "previous",
  "stop" there).
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from assistant.audio.chunks import AudioChunk, Resampler, silence
from assistant.audio.silence import MIN_SPEECH_S, SilenceDetector
from assistant.datafile import read_json
from assistant.errors import UserError
from assistant.journal.queries import EntryFilter, audio_file, entries_with_words, select_entries
from assistant.journal.sealed_audio import read_recording
from assistant.language.dates import night_of
from assistant.language.feelings import load_vocabulary
from assistant.language.packs import check_templates, prompts_root
from assistant.language.themes import THEMES
from assistant.language.text import normalise
from assistant.language.transcript import clean_text

PAUSE_S = 0.5
"""Silence between the spoken introduction and the recording."""
SPEECH_LEAD_S = 0.3
"""A recording is played from this long before its first word: the silence
before it (10 to 26 s when someone gathers their thoughts) is not replayed,
and the word's onset is not clipped."""
SPEECH_SEARCH_S = 60.0
"""With no word timings, how far into a recording to look for speech before
playing it whole."""
ACTIONS = ("next", "previous", "stop")
FILTER_LIMIT = 3
"""``replay --feeling F`` plays this many of the most recent matches unless --limit says otherwise."""


# --- the language data -----------------------------------------------------------

@dataclass(frozen=True)
class ReplayPack:
    """What replay says and listens for in one language (``replay.json``)."""

    code: str
    path: Path
    joined: bool
    """Spaces are ignored when matching (Korean, as Vosk splits its words)."""
    verbs_at_end: bool
    verbs: tuple[str, ...]
    days: dict[str, int]
    weekdays: tuple[tuple[str, ...], ...]
    latest: tuple[str, ...]
    entry: tuple[str, ...]
    fillers: tuple[str, ...]
    topics: tuple[str, ...]
    topic_fillers: tuple[str, ...]
    themes: dict[str, tuple[str, ...]]
    weekday_names: tuple[str, ...]
    month_names: tuple[str, ...]
    ordinal_suffixes: dict[str, str]
    ordinal_default: str
    phrases: dict[str, str]
    pin_digits: dict[str, int]
    """The words a spoken PIN is made of, and the digit each says (the
    grammar of :mod:`assistant.conversation.pin_gate`)."""

    def say(self, key: str, **values: Any) -> str:
        return self.phrases[key].format(**values)

    def format_date(self, day: date, with_year: bool = False) -> str:
        """ "Monday, November 23rd" / "11월 23일 월요일" (with the year if asked)."""
        ordinal = f"{day.day}{self.ordinal_suffixes.get(str(day.day), self.ordinal_default)}"
        return self.say("date_with_year" if with_year else "date", weekday=self.weekday_names[day.weekday()],
                        month=self.month_names[day.month - 1], month_number=day.month, day=day.day,
                        ordinal=ordinal, year=day.year)

    def intro(self, entry: dict[str, Any], today: date | None = None) -> str:
        """What is said before an entry: when, and what was asked."""
        night = night_of(entry)
        when = self.format_date(night, with_year=today is not None and night.year != today.year)
        if entry.get("prompt_text"):
            return self.say("intro", date=when, prompt=entry["prompt_text"])
        return self.say("intro_memo", date=when)


PLACEHOLDERS = {
    **{key: ("weekday", "month", "month_number", "day", "ordinal", "year") for key in ("date", "date_with_year")},
    "intro": ("date", "prompt"), "intro_memo": ("date",), "transcript": ("transcript",),
    **{f"on_this_day_{span}": ("prompt",) for span in ("week", "month", "year")},
    "on_this_day_memo": ("ago",), "pin_confirm": ("digits",),
}
"""What the code fills into each phrase (see ReplayPack.say); the other phrases take none."""
PHRASE_KEYS = ("date", "date_with_year", "intro", "intro_memo", "transcript", "nothing_kept", "nothing_found",
               "on_this_day_week", "on_this_day_month", "on_this_day_year", "on_this_day_memo",
               "ago_week", "ago_month", "ago_year", "pin_ask", "pin_confirm", "pin_again", "pin_wrong",
               "pin_not_heard", "pin_resting", "pin_not_set", "pin_off")


def replay_path(code: str) -> Path:
    return prompts_root() / code / "replay.json"


@lru_cache(maxsize=None)
def load_replay(code: str) -> ReplayPack:
    """The language's replay words; a broken file is one line naming it."""
    path = replay_path(code)

    def bad(what: str) -> UserError:
        return UserError(f"{path}: {what}; fix the file and try again")

    data = read_json(path, missing=f"replay is not available in language '{code}' ({path} is missing)")
    if not isinstance(data, dict):
        raise bad("must be an object")

    def strings(key: str) -> tuple[str, ...]:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise bad(f"'{key}' must be a list of non-empty texts")
        return tuple(_plain(v) for v in value)

    if data.get("match") not in ("tokens", "joined"):
        raise bad("'match' must be 'tokens' or 'joined'")
    if data.get("verbs_at") not in ("start", "end"):
        raise bad("'verbs_at' must be 'start' or 'end'")
    days = data.get("days")
    if not isinstance(days, dict) or not all(isinstance(v, int) and v >= 0 for v in days.values()):
        raise bad("'days' must map phrases to a number of days ago")
    weekdays = data.get("weekdays")
    if not isinstance(weekdays, list) or len(weekdays) != 7 or not all(isinstance(w, list) and w for w in weekdays):
        raise bad("'weekdays' must be seven lists of phrases, Monday first")
    themes = data.get("themes")
    if not isinstance(themes, dict):
        raise bad("'themes' must map theme ids to phrases")
    unknown = set(themes) - set(THEMES)
    if unknown:
        raise bad(f"unknown theme(s) {sorted(unknown)}; themes are {', '.join(THEMES)}")
    topics = strings("topics")
    if not all(t.count("{topic}") == 1 for t in data["topics"]):
        raise bad("every 'topics' pattern needs {topic} once")
    names = data.get("weekday_names"), data.get("month_names")
    if not (isinstance(names[0], list) and len(names[0]) == 7 and isinstance(names[1], list) and len(names[1]) == 12):
        raise bad("'weekday_names' needs 7 names (Monday first) and 'month_names' 12")
    phrases = data.get("phrases")
    if not isinstance(phrases, dict):
        raise bad("'phrases' must be an object")
    missing = [k for k in PHRASE_KEYS if not isinstance(phrases.get(k), str)]
    if missing:
        raise bad(f"missing phrase(s) {', '.join(missing)}")
    check_templates(phrases, PLACEHOLDERS, path)  # an unknown {placeholder} is refused now, not mid-replay
    digits = data.get("pin_digits")
    if not (isinstance(digits, dict) and all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 9
                                             for v in digits.values()) and set(digits.values()) == set(range(10))):
        raise bad("'pin_digits' must map words to the digits 0 to 9, each digit at least once")
    return ReplayPack(
        code=code, path=path, joined=data["match"] == "joined", verbs_at_end=data["verbs_at"] == "end",
        verbs=strings("verbs"), days={_plain(k): v for k, v in days.items()},
        weekdays=tuple(tuple(_plain(p) for p in w) for w in weekdays),
        latest=strings("latest"), entry=strings("entry"), fillers=strings("fillers"), topics=topics,
        topic_fillers=strings("topic_fillers"),
        themes={k: tuple(_plain(p) for p in v) for k, v in themes.items()},
        weekday_names=tuple(names[0]), month_names=tuple(names[1]),
        ordinal_suffixes=dict(data.get("ordinal_suffixes") or {}), ordinal_default=str(data.get("ordinal_default", "")),
        phrases=phrases, pin_digits={_plain(k): v for k, v in digits.items()},
    )


def _plain(text: str) -> str:
    return " {topic} ".join(normalise(part) for part in text.split("{topic}")).strip()


# --- understanding a spoken request ------------------------------------------------

@dataclass(frozen=True)
class ReplayRequest:
    """What to replay, before it is tied to a calendar.

    A time (``on``, ``days_ago`` or ``weekday``) means the entries of that
    night, oldest first. ``latest`` means the single most recent entry.
    ``feeling``, ``theme`` and ``text`` narrow either; on their own they
    mean the most recent matching entries. An empty request means the most
    recent night that has entries.
    """

    on: date | None = None
    days_ago: int | None = None
    weekday: int | None = None
    """0 is Monday: the most recent such day before today."""
    latest: bool = False
    entry_id: str | None = None
    feeling: str | None = None
    theme: str | None = None
    text: str | None = None

    def night(self, today: date) -> date | None:
        if self.on is not None:
            return self.on
        if self.days_ago is not None:
            return today - timedelta(days=self.days_ago)
        if self.weekday is not None:
            back = (today.weekday() - self.weekday) % 7 or 7
            return today - timedelta(days=back)
        return None

    @property
    def filter(self) -> EntryFilter:
        return EntryFilter(feeling=self.feeling, theme=self.theme, text=self.text)

    def as_dict(self) -> dict[str, Any]:
        return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in asdict(self).items() if v not in (None, False)}


def _squeeze(text: str, joined: bool) -> str:
    return text.replace(" ", "") if joined else text


def _strip_verb(text: str, pack: ReplayPack) -> str | None:
    """The request without its verb ("play", "들려줘"), or None if it has none."""
    for verb in sorted((_squeeze(v, pack.joined) for v in pack.verbs), key=len, reverse=True):
        if pack.verbs_at_end:
            if text.endswith(verb) and (pack.joined or text == verb or text.endswith(" " + verb)):
                return text[: len(text) - len(verb)].strip()
        elif text.startswith(verb) and (pack.joined or text == verb or text.startswith(verb + " ")):
            return text[len(verb):].strip()
    return None


def _topic_regex(pattern: str, joined: bool) -> re.Pattern[str]:
    """ "about {topic}" → the topic runs to the end; "{topic}에 대한" → it
    runs from the start. Whole words only, unless spaces are ignored."""
    before, after = (_squeeze(part, joined).strip() for part in pattern.split("{topic}"))
    space, edge = ("", "") if joined else (r"\s+", r"\b")
    head = f"{edge}{re.escape(before)}{space}" if before else "^"
    tail = f"{space}{re.escape(after)}{edge}" if after else "$"
    topic = r"(?P<topic>.+?)" if after else r"(?P<topic>.+)"
    return re.compile(head + topic + tail)


def _split_topic(text: str, pack: ReplayPack) -> tuple[str, str | None]:
    """(the rest of the request, the topic after "about" / before "에 대한")."""
    for pattern in sorted(pack.topics, key=len, reverse=True):
        match = _topic_regex(pattern, pack.joined).search(text)
        if match and match.group("topic").strip():
            rest = (text[: match.start()] + " " + text[match.end():]).strip()
            return rest, match.group("topic").strip()
    return text, None


def _consume(text: str, phrases: dict[str, tuple[str, Any]], joined: bool) -> list[tuple[str, Any]] | None:
    """Read ``text`` as a run of known phrases, longest first; None if any
    part is not one (then the request is not understood)."""
    found = []
    keys = sorted(phrases, key=len, reverse=True)
    if joined:
        i = 0
        while i < len(text):
            key = next((k for k in keys if text.startswith(k, i)), None)
            if key is None:
                return None
            found.append(phrases[key])
            i += len(key)
        return found
    words = text.split()
    i = 0
    while i < len(words):
        key = next((k for k in keys if words[i: i + len(k.split())] == k.split()), None)
        if key is None:
            return None
        found.append(phrases[key])
        i += len(key.split())
    return found


def _vocabulary_phrases(pack: ReplayPack) -> dict[str, tuple[str, Any]]:
    """Each known phrase → (kind, value); earlier kinds win a shared phrase."""
    table: dict[str, tuple[str, Any]] = {}
    groups: list[tuple[str, Iterable[tuple[str, Any]]]] = [
        ("days", pack.days.items()),
        ("weekday", ((p, i) for i, names in enumerate(pack.weekdays) for p in names)),
        ("latest", ((p, True) for p in pack.latest)),
        ("entry", ((p, True) for p in pack.entry)),
        ("filler", ((p, None) for p in pack.fillers)),
    ]
    for kind, items in groups:
        for phrase, value in items:
            table.setdefault(_squeeze(phrase, pack.joined), (kind, value))
    return table


def _topic_filter(topic: str, language: str, pack: ReplayPack) -> dict[str, str]:
    """A topic is a feeling if the vocabulary knows it, else a theme if
    replay.json names it, else words to find in the transcript."""
    words = topic
    changed = True
    while changed:  # "feeling left out" → "left out"
        changed = False
        for filler in sorted(pack.topic_fillers, key=len, reverse=True):
            f = _squeeze(filler, pack.joined)
            if words.startswith(f) and len(words) > len(f) and (pack.joined or words[len(f)] == " "):
                words, changed = words[len(f):].strip(), True
                break
    try:
        feeling = load_vocabulary(language).canonical(words)
    except UserError:
        feeling = None
    if feeling:
        return {"feeling": feeling}
    for theme, names in pack.themes.items():
        if _squeeze(words, pack.joined) in {_squeeze(n, pack.joined) for n in names}:
            return {"theme": theme}
    return {"text": words}


def parse_request(text: str, language: str) -> ReplayRequest | None:
    """A spoken replay request, or None if ``text`` is not one.

    Only an utterance that starts (English) or ends (Korean) with a replay
    verb, and whose every other word is understood, counts: "play last
    tuesday" is a request, "i played tennis last tuesday" is not.
    """
    pack = load_replay(language)
    plain = _squeeze(normalise(text), pack.joined)
    rest = _strip_verb(plain, pack)
    if rest is None:
        return None
    rest, topic = _split_topic(rest, pack)
    parts = _consume(_squeeze(rest, pack.joined), _vocabulary_phrases(pack), pack.joined)
    if parts is None:
        return None
    kinds: dict[str, Any] = {}
    for kind, value in parts:
        kinds.setdefault(kind, value)
    narrow = _topic_filter(topic, language, pack) if topic else {}
    if "days" in kinds:
        return ReplayRequest(days_ago=kinds["days"], **narrow)
    if "weekday" in kinds:
        return ReplayRequest(weekday=kinds["weekday"], **narrow)
    if "latest" in kinds or "entry" in kinds or narrow:
        return ReplayRequest(latest=True, **narrow)
    return None


# --- choosing entries -------------------------------------------------------------------

def select(journal, request: ReplayRequest, today: date, limit: int | None = None) -> list[dict[str, Any]]:
    """The entries a request means: a night's entries oldest first; else the
    most recent match(es), newest first; an empty request: the last night.
    Each comes with its word timings (``words``), so replay can skip the
    silence before the first word."""
    return entries_with_words(journal, _selected(journal, request, today, limit))


def _selected(journal, request: ReplayRequest, today: date, limit: int | None) -> list[dict[str, Any]]:
    if request.entry_id:
        return [journal.entry(request.entry_id, with_words=False)]
    keep = request.filter
    night = request.night(today)
    if night is not None:
        found = []
        for entry in journal.iter_entries(newest_first=True):
            if entry["created_at"][:10] < night.isoformat():
                break
            if night_of(entry) == night and keep(entry):
                found.append(entry)
        return found[::-1][:limit] if limit else found[::-1]
    if request.latest or not keep.empty:
        return select_entries(journal.iter_entries(newest_first=True), keep, 1 if request.latest else limit)
    last_night = None
    found = []
    for entry in journal.iter_entries(newest_first=True):
        if last_night is None:
            last_night = night_of(entry)
        elif night_of(entry) != last_night:
            if entry["created_at"][:10] < last_night.isoformat():
                break
            continue
        found.append(entry)
    return found[::-1]


def on_this_day(journal, today: date) -> dict[str, Any] | None:
    """An entry from exactly a week, a month or a year ago tonight (in that
    order of preference), for an opt-in look back at the start of a session."""
    wanted = [night for night in (_weeks_ago(today), _months_ago(today), _years_ago(today)) if night]
    oldest = min(wanted)
    found: dict[date, dict[str, Any]] = {}
    for entry in journal.iter_entries(newest_first=True):
        if entry["created_at"][:10] < oldest.isoformat():
            break
        night = night_of(entry)
        if night in wanted and (entry.get("transcript") or entry.get("audio")):
            found[night] = entry  # newest first, so the night's first entry is kept last
    return next((found[night] for night in wanted if night in found), None)


def on_this_day_line(entry: dict[str, Any], today: date, pack: ReplayPack) -> str:
    """ "A week ago tonight, you answered: ..." for the entry :func:`on_this_day` gave."""
    night = night_of(entry)
    kind = "week" if night == _weeks_ago(today) else "month" if night == _months_ago(today) else "year"
    if entry.get("prompt_text"):
        return pack.say(f"on_this_day_{kind}", prompt=entry["prompt_text"])
    return pack.say("on_this_day_memo", ago=pack.say(f"ago_{kind}"))


def _weeks_ago(today: date) -> date:
    return today - timedelta(days=7)


def _months_ago(today: date) -> date | None:
    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    try:
        return today.replace(year=year, month=month)
    except ValueError:  # the 31st of a month with 30 days: no such night
        return None


def _years_ago(today: date) -> date | None:
    try:
        return today.replace(year=today.year - 1)
    except ValueError:  # the 29th of February
        return None


# --- playing ---------------------------------------------------------------------------

def play_entry(entry: dict[str, Any], mouth, sink, paths, pack: ReplayPack, today: date | None = None,
               vault=None) -> str:
    """Say when and what was asked, then play the recording from just before
    its first word (or read the transcript). Returns what was played:
    "audio", "transcript" or "nothing". ``vault``: the journal's key, when
    its recordings are encrypted."""
    mouth.say(pack.intro(entry, today))
    path = audio_file(entry, paths.audio_dir)
    if path is not None and path.is_file():
        try:
            chunks = from_first_speech(read_recording(path, vault), first_word_s(entry.get("words")))
            first = next(chunks, None)
        except UserError:
            first = None
        if first is not None:
            rate = getattr(sink, "rate_hz", first.rate_hz)
            recording = Resampler(first.rate_hz, rate).resample_all(_chain(first, chunks))
            sink.play_all(_chain(silence(PAUSE_S, rate), (chunk for chunk in recording if chunk.samples)))
            return "audio"
    transcript = clean_text(entry.get("transcript") or "")  # a journal not yet migrated may hold "[2]"
    if transcript:
        mouth.say(pack.say("transcript", transcript=transcript))
        return "transcript"
    mouth.say(pack.say("nothing_kept"))
    return "nothing"


def _chain(first, rest):
    yield first
    yield from rest


def first_word_s(words: Any) -> float | None:
    """Where the first word starts in the answer's recording (seconds), from
    its stored timings; None without any."""
    starts = [w["start"] for w in words or () if isinstance(w, dict) and isinstance(w.get("start"), (int, float))]
    return float(min(starts)) if starts else None


def from_first_speech(chunks: Iterable[AudioChunk], start_s: float | None = None,
                      threshold_db: float = -45.0) -> Iterator[AudioChunk]:
    """A recording from :data:`SPEECH_LEAD_S` before its first speech.

    ``start_s``: where the first word starts, from the word timings. Without
    it the :class:`SilenceDetector` finds the first speech; a recording with
    none in its first :data:`SPEECH_SEARCH_S` is played whole. The file
    itself is never changed."""
    chunks = iter(chunks)
    if start_s is not None:
        yield from _skip(chunks, max(0.0, start_s - SPEECH_LEAD_S))
        return
    held: list[AudioChunk] = []
    detector: SilenceDetector | None = None
    before_s = 0.0  # seconds of audio before the chunk being looked at
    for chunk in chunks:
        detector = detector or SilenceDetector(chunk.rate_hz, threshold_db)
        detector.feed(chunk)
        held.append(chunk)
        if detector.heard_speech:
            # speech began at most MIN_SPEECH_S before this chunk (else it was heard a chunk earlier)
            yield from _skip(iter(held), max(0.0, before_s - MIN_SPEECH_S - SPEECH_LEAD_S))
            yield from chunks
            return
        before_s += chunk.seconds
        if before_s >= SPEECH_SEARCH_S:
            break
    yield from held
    yield from chunks


def _skip(chunks: Iterator[AudioChunk], seconds: float) -> Iterator[AudioChunk]:
    """``chunks`` without their first ``seconds``."""
    left_s = seconds
    for chunk in chunks:
        if left_s > 0:
            drop = min(chunk.samples, int(round(left_s * chunk.rate_hz)))
            left_s -= drop / chunk.rate_hz
            chunk = AudioChunk(chunk.pcm[drop * 2:], chunk.rate_hz)
            if not chunk.samples:
                continue
        yield chunk


def play_entries(entries: list[dict[str, Any]], mouth, sink, paths, pack: ReplayPack,
                 between: Callable[[int], str | None] | None = None, today: date | None = None,
                 on_play: Callable[[int, dict[str, Any]], None] | None = None, vault=None) -> list[str]:
    """Play ``entries`` in order; returns the ids played, in the order played.

    After each entry ``between(index)`` may answer "next" (or None: go on),
    "previous" (the entry before this one; the first one again at the
    start) or "stop".
    """
    played: list[str] = []
    index = 0
    while 0 <= index < len(entries):
        if on_play is not None:
            on_play(index, entries[index])
        play_entry(entries[index], mouth, sink, paths, pack, today, vault)
        played.append(entries[index]["id"])
        action = between(index) if between is not None else None
        if action == "stop":
            break
        index = max(0, index - 1) if action == "previous" else index + 1
    return played
