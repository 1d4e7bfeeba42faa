"""Hands-free start: ``voice-journal listen``, a low-CPU standby for a wake phrase.

The standby keeps the microphone and the speech model open and waits for a
wake phrase ("hey journal", "let's reflect"; the phrases of every language
are data, in ``prompts/<lang>/standby.json``). When it hears one it runs an
evening (:func:`assistant.app.evening.run_evening`) and then waits again.

Low CPU
    Vosk is the expensive part, so audio reaches it only through a
    :class:`Gate`: a chunk is decoded only when its level is above the
    silence threshold, together with the half second of audio before it (a
    pre-roll, so the soft start of a phrase is not cut) and a short hangover
    of quiet after it (so the recogniser hears the pause that ends the
    phrase). In a quiet room almost nothing is decoded. The gate counts, in
    audio samples, what it heard and what it passed on; the ``wake`` and
    ``standby_end`` JSON events report both, so the saving is measured
    without a benchmark.

Recognising
    A :class:`Spotter` decodes with a small grammar: the phrases listened for
    plus *decoys*, ordinary words that soak up other speech (the Korean model
    has no ``[unk]`` word, so without decoys any speech would be forced onto
    a wake phrase). A phrase counts only when it is the whole utterance,
    every word decoded with confidence of at least ``MIN_CONF`` (``ASK_MIN_CONF``
    for a yes or a no).

The evening ask
    ``voice-journal listen --ask-now`` says "Would you like to reflect now?"
    and listens for a yes or a no (phrases in ``standby.json``): yes starts
    the evening; no, or ``ASK_TIMEOUT_S`` of audio with neither, gets a short
    goodnight. Then it waits for the wake phrase again, or exits with
    ``--once`` (the timer's oneshot service uses ``--ask-now --once``).

One listener per microphone (the timer and the standby)
    A microphone can be opened by one program at a time on most Raspberry
    Pi set-ups, so the standby and the timer's ask must not both open it.
    Every ``listen`` holds an exclusive ``flock`` on ``standby.lock`` in the
    data directory, with its pid in the file. A ``listen --ask-now`` that
    finds the lock held does not open the microphone: it sends SIGUSR1 to
    the holder, which asks at its next audio chunk (it already has the
    microphone), and exits 0. With no standby running, the ask-now process
    asks by itself. So the timer unit works with or without the standby, and
    the clock lives in one place: the systemd timer (``assistant.app.service``).
    A ``listen`` that is not asking waits for the lock instead.

Sharing with the session
    :func:`run_evening` opens its own microphone and loads its own model. The
    standby *lends* it its open microphone and loaded model instead
    (``run_evening(..., ear=, model=)``), so the model is loaded once (3 s and a few
    hundred MB for Korean on a Pi), the microphone is never let go mid-use
    (another program could take it), and the audio just after the wake phrase
    reaches the session. The microphone is stopped between listening moments
    as usual, so nothing is heard while the assistant speaks.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import random
import signal
import sys
import time
from collections import deque
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

import numpy as np

from assistant.speech.asr import Recognizer, Utterance, known_phrases
from assistant.audio.chunks import AudioChunk
from assistant.errors import UserError
from assistant.language.packs import prompts_root
from assistant.audio.mic import MicrophoneLost
from assistant.audio.silence import FRAME_S

STANDBY_FILE = "standby.json"
PREROLL_S = 0.5
"""Quiet audio kept before a loud chunk and decoded with it."""
HANGOVER_S = 0.8
"""Quiet audio still decoded after the last loud chunk, so an utterance can end."""
ASK_TIMEOUT_S = 30.0
"""Audio (not wall time) the ask waits for a yes or a no."""
MIN_CONF = 0.5
"""Lowest word confidence for a wake phrase: a false wake starts an evening uninvited."""
ASK_MIN_CONF = 0.4
"""Lowest word confidence for a yes or a no. Lower than for waking: a short "네" decodes at
0.5 to 0.8, and a wrong answer costs little (the evening stops with one word; a goodnight
leaves the standby waiting)."""
LOCK_FILE = "standby.lock"
PHRASE_KEYS = ("ask_now", "goodnight", "check_sentence")
LIST_KEYS = ("wake", "yes", "no", "decoys")

WAKE, YES, NO = "wake", "yes", "no"
_WARNED: set[tuple[str, str]] = set()
"""Phrases already reported as unknown to the model (once per process)."""


# -- the phrases -----------------------------------------------------------

def normalize(text: str) -> str:
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class StandbyPack:
    """``prompts/<lang>/standby.json``: what the standby listens for and says."""

    code: str
    wake: tuple[str, ...]
    yes: tuple[str, ...]
    no: tuple[str, ...]
    decoys: tuple[str, ...]
    phrases: dict[str, Any]
    path: Path

    def say(self, key: str, rng: random.Random | None = None) -> str:
        phrase = self.phrases[key]
        if isinstance(phrase, list):
            phrase = (rng or random).choice(phrase)
        return phrase


def _fail(path: Path, what: str) -> UserError:
    return UserError(f"{path}: {what}; fix the file and try again")


@lru_cache(maxsize=None)
def load_standby(code: str) -> StandbyPack:
    path = prompts_root() / code / STANDBY_FILE
    if not path.exists():
        raise UserError(f"{path} is missing: the standby has no wake phrases for language '{code}'")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise _fail(path, f"not valid JSON at line {exc.lineno}, column {exc.colno}") from None
    if not isinstance(data, dict):
        raise _fail(path, "must be an object")
    lists: dict[str, tuple[str, ...]] = {}
    for key in LIST_KEYS:
        value = data.get(key, [] if key == "decoys" else None)
        if not isinstance(value, list) or not all(isinstance(p, str) and p.strip() for p in value):
            raise _fail(path, f"'{key}' needs a list of phrases")
        if key != "decoys" and not value:
            raise _fail(path, f"'{key}' needs at least one phrase")
        lists[key] = tuple(dict.fromkeys(normalize(p) for p in value))
    seen: dict[str, str] = {}
    for key in ("wake", "yes", "no"):
        for phrase in lists[key]:
            if phrase in seen:
                raise _fail(path, f"'{phrase}' is in both '{seen[phrase]}' and '{key}'")
            seen[phrase] = key
    phrases = data.get("phrases")
    if not isinstance(phrases, dict):
        raise _fail(path, "missing 'phrases'")
    for key in PHRASE_KEYS:
        value = phrases.get(key)
        if not (isinstance(value, str) and value.strip()) and not (
                isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value)):
            raise _fail(path, f"missing phrase '{key}'")
    decoys = tuple(d for d in lists["decoys"] if d not in seen)
    return StandbyPack(code, lists["wake"], lists["yes"], lists["no"], decoys, phrases, path)


# -- the gate --------------------------------------------------------------

class Gate:
    """Passes on only the audio worth decoding.

    A chunk is *loud* when any 30 ms frame of it is above ``threshold_db``.
    A loud chunk opens the gate and goes out with the pre-roll (the last
    ``preroll_s`` of quiet audio before it); the gate stays open while loud
    chunks come and for ``hangover_s`` of quiet after the last one, then
    closes. Everything is counted in samples: ``samples_heard`` (all audio
    fed) and ``samples_decoded`` (all audio passed on).
    """

    def __init__(self, rate_hz: int, threshold_db: float = -45.0, preroll_s: float = PREROLL_S,
                 hangover_s: float = HANGOVER_S):
        self.rate_hz = rate_hz
        self.threshold_db = threshold_db
        self.preroll_samples = int(preroll_s * rate_hz)
        self.hangover_samples = int(hangover_s * rate_hz)
        self.frame = max(1, int(FRAME_S * rate_hz))
        self.samples_heard = 0
        self.samples_decoded = 0
        self.openings = 0
        self.is_open = False
        self._preroll: deque[AudioChunk] = deque()
        self._preroll_samples = 0
        self._quiet = 0
        # RMS above the threshold <=> mean square above this (int16 full scale 32768).
        self._min_square = (32768.0 * 10 ** (threshold_db / 20)) ** 2

    def loud(self, chunk: AudioChunk) -> bool:
        samples = chunk.array().astype(np.float64)
        if not len(samples):
            return False
        whole = len(samples) - len(samples) % self.frame
        squares = [np.mean(samples[:whole].reshape(-1, self.frame) ** 2, axis=1)] if whole else []
        if whole < len(samples):
            squares.append(np.array([np.mean(samples[whole:] ** 2)]))
        return bool(np.max(np.concatenate(squares)) > self._min_square)

    def feed(self, chunk: AudioChunk) -> tuple[list[AudioChunk], bool]:
        """The chunks to decode now, and whether the gate just closed (the utterance is over)."""
        self.samples_heard += chunk.samples
        if self.loud(chunk):
            out = [chunk]
            if not self.is_open:
                out = [*self._preroll, chunk]
                self._preroll.clear()
                self._preroll_samples = 0
                self.is_open = True
                self.openings += 1
            self._quiet = 0
            return self._decoded(out), False
        if self.is_open:
            self._quiet += chunk.samples
            if self._quiet >= self.hangover_samples:
                self.is_open = False
                self._quiet = 0
                return self._decoded([chunk]), True
            return self._decoded([chunk]), False
        self._preroll.append(chunk)
        self._preroll_samples += chunk.samples
        while self._preroll and self._preroll_samples > self.preroll_samples:
            self._preroll_samples -= self._preroll.popleft().samples
        return [], False

    def reset(self) -> None:
        """Forget the state (not the counters): a new listening moment starts."""
        self.is_open = False
        self._quiet = 0
        self._preroll.clear()
        self._preroll_samples = 0

    def _decoded(self, chunks: list[AudioChunk]) -> list[AudioChunk]:
        self.samples_decoded += sum(c.samples for c in chunks)
        return chunks

    @property
    def decoded_fraction(self) -> float:
        return self.samples_decoded / self.samples_heard if self.samples_heard else 0.0


# -- spotting phrases -------------------------------------------------------

class Spotter:
    """Listens through a :class:`Gate` for a few phrases, with a small grammar.

    ``targets`` maps each phrase to what it means (``wake``, ``yes``,
    ``no``). A phrase counts only as a whole utterance with every word's
    confidence at least ``min_conf``.
    """

    def __init__(self, model, rate_hz: int, targets: dict[str, str], decoys: Iterable[str], gate: Gate,
                 on_utterance: Callable[[str, str | None], None] | None = None, where: str = "the phrase file",
                 min_conf: float = MIN_CONF):
        self.min_conf = min_conf
        self.targets = {normalize(p): meaning for p, meaning in targets.items()}
        wanted = list(self.targets) + [d for d in map(normalize, decoys) if d not in self.targets]
        usable = known_phrases(model, wanted)
        unknown = [p for p in self.targets if p not in usable and (where, p) not in _WARNED]
        _WARNED.update((where, p) for p in unknown)
        if unknown:
            print(f"voice-journal: {where}: the speech model does not know every word of "
                  f"{', '.join(repr(p) for p in unknown)}; those phrases are ignored", file=sys.stderr)
        meanings = {self.targets[p] for p in usable if p in self.targets}
        missing = sorted(set(self.targets.values()) - meanings)
        if missing:
            raise UserError(f"{where}: no '{missing[0]}' phrase the speech model knows; add one whose words it knows")
        self.gate = gate
        self.on_utterance = on_utterance or (lambda text, meaning: None)
        self._rec = Recognizer(model, rate_hz, usable, words=True, partials=False)

    def feed(self, chunk: AudioChunk) -> str | None:
        """What the audio so far meant (a target's meaning), or None."""
        chunks, closed = self.gate.feed(chunk)
        meaning = None
        for piece in chunks:
            event = self._rec.accept(piece)
            if isinstance(event, Utterance) and event.text:
                meaning = meaning or self._meaning(event)
        if closed:
            meaning = meaning or self.finish()
        return meaning

    def finish(self) -> str | None:
        """Close the utterance under way (the gate starts afresh)."""
        self.gate.reset()
        last = self._rec.finish()
        return self._meaning(last) if last else None

    def _meaning(self, utterance: Utterance) -> str | None:
        text = normalize(utterance.text)
        meaning = self.targets.get(text)
        if meaning and any(w.conf < self.min_conf for w in utterance.words):
            meaning = None
        self.on_utterance(text, meaning)
        return meaning


# -- the standby -----------------------------------------------------------

class Standby:
    """Waits for a wake phrase (or asks), runs a session, waits again.

    It talks to an *ear* (``listening()``), a ``mouth()`` factory (an object
    with ``say``, ``chime`` and ``close``, opened only to speak) and a
    ``session()`` callable returning an exit code, so it can be driven by a
    file and a fake mouth as well as by real hardware.
    """

    def __init__(self, *, ear, model, rate_hz: int, pack: StandbyPack, session: Callable[[], int],
                 mouth: Callable[[], Any], threshold_db: float = -45.0, once: bool = False,
                 events: Callable[[dict], None] | None = None, note: Callable[[str], None] | None = None,
                 rng: random.Random | None = None):
        self.ear, self.model, self.rate_hz, self.pack = ear, model, rate_hz, pack
        self.session, self.mouth, self.once = session, mouth, once
        self.events = events or (lambda event: None)
        self.note = note or (lambda text: None)
        self.rng = rng or random.Random()
        self.gate = Gate(rate_hz, threshold_db)
        self.ask_requested = False
        """Set (by SIGUSR1) to ask at the next chunk."""
        self.sessions = 0
        self.answers: list[str] = []

    @property
    def samples_heard(self) -> int:
        return self.gate.samples_heard

    @property
    def samples_decoded(self) -> int:
        return self.gate.samples_decoded

    def counters(self) -> dict[str, Any]:
        return {"heard_samples": self.samples_heard, "decoded_samples": self.samples_decoded,
                "heard_s": round(self.samples_heard / self.rate_hz, 2),
                "decoded_s": round(self.samples_decoded / self.rate_hz, 2),
                "decoded_fraction": round(self.gate.decoded_fraction, 4)}

    def run(self, ask_first: bool = False) -> int:
        self.ask_requested = self.ask_requested or ask_first
        while True:
            if self.ask_requested:
                self.ask_requested = False
                start = self.ask() == YES
            else:
                start = self.wait_for_wake()
                if not start:  # asked to ask
                    continue
            code = 0
            if start:
                self.sessions += 1
                try:
                    code = self.session()
                except MicrophoneLost:
                    raise
                except UserError as exc:  # e.g. the journal is busy: say so and keep waiting
                    if self.once:
                        raise
                    self.note(f"voice-journal: {exc}")
                    self.events({"event": "session_failed", "error": str(exc)})
                    code = exc.exit_code
                self.ask_requested = False  # an ask that came during the evening is answered by it
                if code == 130:  # stopped with Ctrl+C (or SIGINT from systemd)
                    return code
            if self.once:
                return code

    def wait_for_wake(self) -> bool:
        """True when a wake phrase was heard; False when asked to ask instead."""
        self.gate.reset()
        spotter = self._spotter({p: WAKE for p in self.pack.wake})
        self.events({"event": "standby", "wake": list(self.pack.wake), **self.counters()})
        self.note("Waiting for " + ", ".join(f"'{p}'" for p in self.pack.wake) + " (Ctrl+C to stop)")
        with self.ear.listening() as chunks:
            for chunk in chunks:
                if self.ask_requested:
                    spotter.finish()
                    return False
                if spotter.feed(chunk) == WAKE:
                    self.events({"event": "wake", **self.counters()})
                    self.note("Heard the wake phrase: starting an evening.")
                    return True
        return False  # pragma: no cover - an ear never runs out

    def ask(self) -> str:
        """Ask whether to reflect now: ``yes``, ``no``, or ``none`` (no answer)."""
        mouth = self.mouth()
        try:
            self._say(mouth, self.pack.say("ask_now", self.rng))
            self.events({"event": "chime"})
            mouth.chime()
            answer = self._hear_answer()
            self.answers.append(answer)
            self.events({"event": "answer", "answer": answer, **self.counters()})
            if answer != YES:
                self._say(mouth, self.pack.say("goodnight", self.rng))
        finally:
            mouth.close()
        return answer

    def _hear_answer(self) -> str:
        self.gate.reset()
        targets = {**{p: YES for p in self.pack.yes}, **{p: NO for p in self.pack.no}}
        spotter = self._spotter(targets, ASK_MIN_CONF)
        limit = int(ASK_TIMEOUT_S * self.rate_hz)
        heard = 0
        with self.ear.listening() as chunks:
            for chunk in chunks:
                heard += chunk.samples
                meaning = spotter.feed(chunk)
                if meaning:
                    spotter.finish()
                    return meaning
                if heard >= limit:
                    return spotter.finish() or "none"
        return "none"  # pragma: no cover

    def _say(self, mouth, text: str) -> None:
        self.events({"event": "say", "text": text})
        mouth.say(text)

    def _spotter(self, targets: dict[str, str], min_conf: float = MIN_CONF) -> Spotter:
        def heard(text: str, meaning: str | None) -> None:
            self.events({"event": "heard", "text": text, "meaning": meaning})

        return Spotter(self.model, self.rate_hz, targets, self.pack.decoys, self.gate, heard, str(self.pack.path),
                       min_conf)


# -- lending the microphone and the model to the session -------------------

# -- one listener per data directory ---------------------------------------

class ListenerLock:
    """An exclusive ``flock`` on a file that holds the holder's pid."""

    def __init__(self, path: Path):
        self.path = path
        self._fd: int | None = None

    def _open(self) -> int:
        if self._fd is None:
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        return self._fd

    def try_acquire(self) -> bool:
        try:
            fcntl.flock(self._open(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        self._write_pid()
        return True

    def acquire(self) -> None:
        fcntl.flock(self._open(), fcntl.LOCK_EX)
        self._write_pid()

    def _write_pid(self) -> None:
        fd = self._open()
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)

    def holder_pid(self, wait_s: float = 2.0) -> int | None:
        """The pid written by the holder (which may have only just taken the lock)."""
        deadline = time.monotonic() + wait_s
        while True:
            try:
                text = self.path.read_text().strip()
            except OSError:
                text = ""
            if text.isdigit():
                return int(text)
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.05)

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, 0)
            os.close(self._fd)  # closing drops the lock
            self._fd = None


class AskSignal:
    """SIGUSR1 (from ``listen --ask-now``, that is the timer) makes the standby ask.

    Installed before this process takes the lock, so a signal that comes
    while the model is still loading is kept for later instead of ending the
    process (SIGUSR1's default action).
    """

    def __init__(self):
        self.standby: Standby | None = None
        self.early = False
        self._previous = None

    def __enter__(self) -> "AskSignal":
        if hasattr(signal, "SIGUSR1"):
            self._previous = signal.signal(signal.SIGUSR1, self._handler)
        return self

    def __exit__(self, *exc) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGUSR1, self._previous)

    def _handler(self, signum, frame) -> None:
        if self.standby is not None:
            self.standby.ask_requested = True
        else:
            self.early = True

    def attach(self, standby: Standby) -> None:
        self.standby = standby
        standby.ask_requested = standby.ask_requested or self.early


# -- the command -------------------------------------------------------------

def _print_event(event: dict) -> None:
    print(json.dumps(event, ensure_ascii=False), flush=True)


def _note(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def cmd_listen(args, paths, settings) -> int:
    from assistant.language.packs import load_language
    from assistant.speech.models import find_model

    if args.window and args.ask_now:
        window = parse_window(args.window)
        now = dt.datetime.now().time()
        if not in_window(now, window):
            _note(f"voice-journal: not asking at {now:%H:%M}, outside the evening window {args.window}")
            return 0
    pack = load_language(settings.language)
    phrases = load_standby(pack.code)
    found = find_model(pack.code, settings.model, paths)  # before any device opens: fail fast and plainly
    paths.ensure_private_dirs()
    from assistant.app.encryption import journal_vault

    journal_vault(paths, settings)  # an encrypted journal: unlocked now (or one line), not at the wake phrase
    events = _print_event if args.json else (lambda event: None)
    with AskSignal() as asks:
        lock = ListenerLock(paths.data_dir / LOCK_FILE)
        if not lock.try_acquire():
            pid = lock.holder_pid()
            if args.ask_now and pid:
                try:
                    os.kill(pid, signal.SIGUSR1)
                except ProcessLookupError:
                    pass
                else:
                    events({"event": "handed_over", "pid": pid})
                    _note(f"voice-journal: the listener already running (pid {pid}) asks now")
                    return 0
            _note(f"voice-journal: another voice-journal listener (pid {pid or '?'}) has the microphone; "
                  "waiting for it to finish (Ctrl+C to stop)")
            lock.acquire()
        try:
            return _listen(args, paths, settings, pack, phrases, found, events, asks)
        finally:
            lock.release()


def _listen(args, paths, settings, pack, phrases: StandbyPack, found, events, asks: AskSignal) -> int:
    from assistant.speech.asr import load_model, model_rate_hz
    from assistant.audio.mic import Microphone

    rate_hz = model_rate_hz(found.path)
    model = load_model(found.path)
    ear = Microphone(rate_hz, settings.input_device, device_rate_hz=settings.input_rate_hz)

    def session() -> int:
        from assistant.app.evening import run_evening

        return run_evening(paths, settings, json_events=args.json, ear=ear, model=model)

    def mouth():
        from assistant.audio.speaker import Speaker
        from assistant.speech.voice import SpokenOutput, Voice

        voice = Voice(settings.voice or pack.voice, settings.speech_rate_wpm, settings.volume)
        return SpokenOutput(voice, Speaker(settings.output_device), settings.lead_in_s)

    standby = Standby(ear=ear, model=model, rate_hz=rate_hz, pack=phrases, session=session, mouth=mouth,
                      threshold_db=settings.silence_threshold_db, once=args.once, events=events, note=_note)
    asks.attach(standby)
    try:
        return standby.run(ask_first=args.ask_now)
    finally:
        ear.close()
        counts = standby.counters()
        events({"event": "standby_end", "sessions": standby.sessions, **counts})
        _note(f"Heard {counts['heard_s']} s of audio, decoded {counts['decoded_s']} s "
              f"({100 * counts['decoded_fraction']:.0f}%).")


def hand_to_standby(paths, json_events: bool = False) -> int | None:
    """A session started by hand while a standby has the microphone (which a
    USB microphone opened twice answers with "device busy"): ask the standby
    to ask "Would you like to reflect now?" instead. Returns its pid, or None
    when no standby runs (then the caller opens the microphone itself)."""
    lock = ListenerLock(Path(paths.data_dir) / LOCK_FILE)
    if not lock.path.exists():
        return None
    if lock.try_acquire():
        lock.release()
        return None
    pid = lock.holder_pid()
    if not pid:
        return None
    try:
        os.kill(pid, signal.SIGUSR1)
    except ProcessLookupError:
        return None
    if json_events:
        _print_event({"event": "handed_over", "pid": pid})
    _note(f"voice-journal: the listener already running (pid {pid}) has the microphone; "
          "it asks now: say yes to begin")
    return pid


def in_window(now: dt.time, window: tuple[dt.time, dt.time]) -> bool:
    """Whether ``now`` is in ``window`` (start, end), which may cross midnight."""
    start, end = window
    return start <= now <= end if start <= end else (now >= start or now <= end)


def parse_window(text: str) -> tuple[dt.time, dt.time]:
    from assistant.app.service import parse_at

    try:
        start, end = text.split("-")
        return (dt.time.fromisoformat(parse_at(start.strip())), dt.time.fromisoformat(parse_at(end.strip())))
    except (ValueError, UserError):
        raise UserError(f"--window takes two times of day, like 21:00-01:00, not '{text}'") from None


def register(subparsers, common) -> None:
    from assistant.cli.main import _session_options

    p = subparsers.add_parser(
        "listen", parents=[common],
        help="wait hands-free for a wake phrase (or ask now), then start an evening; see 'install-service'")
    p.add_argument("--ask-now", action="store_true",
                   help="ask 'Would you like to reflect now?' first (what the evening timer runs)")
    p.add_argument("--once", action="store_true",
                   help="exit after one evening (or one answered ask) instead of waiting again")
    p.add_argument("--window", metavar="HH:MM-HH:MM",
                   help="with --ask-now: ask only between these times (the timer's catch-up after the "
                        "machine was off does not ask the next morning)")
    _session_options(p, top=False)
    p.set_defaults(handler=cmd_listen)
