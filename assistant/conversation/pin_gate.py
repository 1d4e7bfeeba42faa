"""Before anything is replayed by voice: is the person asking its owner?

On a shared Pi anyone in the room can say "play my last entry". The
``replay_by_voice`` setting says what happens then: ``on`` plays it, ``off``
refuses with a neutral line, and ``pin`` (the default) first asks for the
spoken replay PIN (:mod:`assistant.journal.replay_pin`).

The PIN is heard with a grammar of digit words only (``pin_digits`` in
``replay.json``: 일 이 삼 and 영/공, one two three and zero/oh), which
hears short words far better than free dictation. Digits said slowly, with
pauses, are gathered until none come for :data:`MORE_DIGITS_S`, then read
back like any number ("2 4 5 4. Is that right?"); a no, or anything but a
yes, asks again, up to :data:`HEARINGS` times. A wrong PIN gets one neutral
line that says nothing about the journal (not whether it has entries, nor
when), and is counted: after a few in a row nothing is asked for a while. The right
PIN opens replay for the rest of the evening. The digits heard never go to
the event stream (which a service writes to the system log), only to the
speaker.
"""
from __future__ import annotations

from typing import Callable

from assistant.errors import UserError
from assistant.journal.replay_pin import DIGITS_MAX, DIGITS_MIN
from assistant.language.commands import strip_fillers
from assistant.language.text import normalise

HEARINGS = 3
"""How many times a PIN is asked for (after a no, or nothing that is a PIN) before giving up."""
PIN_WAIT_S = 10.0
"""Audio to wait for the first digit (seconds)."""
MORE_DIGITS_S = 1.5
"""After some digits, audio to wait for more (seconds): a PIN said slowly, with pauses
between its digits, comes as several utterances."""
CONFIRM_WAIT_S = 6.0
"""Audio to wait for a yes after the read-back (seconds); silence is a no."""


def parse_pin(text: str | None, digit_words: dict[str, int]) -> str | None:
    """The digits ``text`` says ("이 사 오 사" → "2454"), or None if anything in
    it is not a digit or it is not 4 to 8 digits long."""
    digits = _digits(text, digit_words)
    return "".join(digits) if digits is not None and DIGITS_MIN <= len(digits) <= DIGITS_MAX else None


def _digits(text: str | None, digit_words: dict[str, int]) -> list[str] | None:
    """Each digit ``text`` says, or None if it says anything else (or nothing)."""
    if not text:
        return None
    digits = []
    for word in normalise(text).split():
        if word in digit_words:
            digits.append(str(digit_words[word]))
        elif word.isascii() and word.isdigit():
            digits.extend(word)
        else:
            return None
    return digits


class ReplayGate:
    """Asked before every spoken replay; :meth:`open` says whether to play.

    ``pin`` is the stored PIN (:class:`assistant.journal.replay_pin.ReplayPin`,
    or None when the journal has no folder). ``say`` speaks and logs,
    ``say_unlogged`` speaks only (for the read-back), ``hear(phrases,
    give_up_s)`` hears one of ``phrases`` or None, ``known`` keeps the phrases
    the model knows."""

    def __init__(self, mode: str, pin, words, *, say: Callable[[str], None], say_unlogged: Callable[[str], None],
                 hear: Callable[..., str | None], yes: list[str], no: list[str],
                 known: Callable[[list[str]], list[str]] = lambda phrases: phrases,
                 events: Callable[[dict], None] = lambda event: None):
        self.mode, self.pin, self.words = mode, pin, words
        self.say, self.say_unlogged, self.hear = say, say_unlogged, hear
        self.yes, self.no, self.known, self.events = yes, no, known, events
        self.unlocked = False

    def open(self) -> bool:
        if self.mode == "on" or self.unlocked:
            return True
        if self.mode == "off":
            return self._refuse("off", "pin_off")
        try:
            ready = self.pin is not None and self.pin.is_set
            resting = ready and self.pin.resting()
        except UserError:  # a damaged PIN file: as if none were set ('voice-journal pin set' mends it)
            ready = resting = False
        if not ready:
            return self._refuse("not_set", "pin_not_set")
        if resting:
            return self._refuse("resting", "pin_resting")
        heard = self._hear_pin()
        if heard is None:
            return self._refuse("not_heard", "pin_not_heard")
        try:
            right = self.pin.check(heard)
        except UserError:  # the wrong try could not be counted (a full disk): never open on doubt
            right = False
        if not right:
            return self._refuse("wrong", "pin_wrong")
        self.unlocked = True
        self.events({"event": "replay_pin", "outcome": "right"})
        return True

    def _refuse(self, outcome: str, phrase: str) -> bool:
        self.events({"event": "replay_pin", "outcome": outcome})
        self.say(self.words.say(phrase))
        return False

    def _hear_pin(self) -> str | None:
        """A PIN heard and confirmed with a yes, or None."""
        digit_words = self.words.pin_digits
        grammar = self.known(list(digit_words))
        yes_words = {w for phrase in self.yes for w in normalise(phrase).split()}
        for hearing in range(HEARINGS):
            self.say(self.words.say("pin_ask" if hearing == 0 else "pin_again"))
            heard = self.hear(grammar, give_up_s=PIN_WAIT_S)
            if heard is None:
                return None  # silence: nobody is there to ask again
            while (so_far := _digits(heard, digit_words)) is not None and len(so_far) <= DIGITS_MAX:
                more = self.hear(grammar, give_up_s=MORE_DIGITS_S)  # the rest, after a pause
                if more is None:
                    break
                heard = f"{heard} {more}"
            pin = parse_pin(heard, digit_words)
            if pin is None:
                continue
            self.say_unlogged(self.words.say("pin_confirm", digits=" ".join(pin)))
            reply = self.hear(self.known(list(dict.fromkeys(self.yes + self.no))), give_up_s=CONFIRM_WAIT_S)
            said = strip_fillers(reply or "").split()
            if said and set(said) <= yes_words:
                return pin
        return None
