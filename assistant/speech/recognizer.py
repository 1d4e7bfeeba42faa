"""What a speech recogniser gives and how it is driven, with no engine behind it.

Audio chunks go in; :class:`Partial` and :class:`Utterance` events come out.
The conversation is written against :class:`Recognizer` and
:class:`RecognizerFactory` only: the Vosk adapter
(:mod:`assistant.speech.vosk_asr`) and the scripted twin for tests
(:mod:`assistant.speech.scripted`) both fit them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Protocol, Sequence

from assistant.audio.chunks import AudioChunk


@dataclass(frozen=True)
class Word:
    word: str
    start_s: float
    end_s: float
    conf: float

    def shifted(self, offset_s: float) -> "Word":
        return Word(self.word, round(self.start_s + offset_s, 3), round(self.end_s + offset_s, 3), self.conf)

    def as_dict(self) -> dict:
        return {"word": self.word, "start": self.start_s, "end": self.end_s, "conf": self.conf}


@dataclass(frozen=True)
class Partial:
    """The recogniser's running guess for the utterance under way."""

    text: str


@dataclass(frozen=True)
class Utterance:
    """A closed utterance: Vosk ends one at a short pause, or after 20 s."""

    text: str
    words: tuple[Word, ...] = field(default=())
    alternatives: tuple[str, ...] = field(default=())
    """The recogniser's next readings, best first (only from one made with ``alternatives``)."""

    @property
    def span_s(self) -> float:
        return self.words[-1].end_s - self.words[0].start_s if self.words else 0.0


class Heard(str):
    """A grammar hearing: the phrase heard, carrying the recogniser's next readings.

    A string, so everything comparing phrases works unchanged; a step that
    confirms what it heard (the intensity) may try the alternatives too."""

    alternatives: tuple[str, ...]

    def __new__(cls, text: str, alternatives: Iterable[str] = ()) -> "Heard":
        heard = super().__new__(cls, text)
        heard.alternatives = tuple(alternatives)
        return heard


class Recognizer(Protocol):
    """A streaming recogniser. Word times count from its creation or last reset."""

    def accept(self, chunk: AudioChunk) -> Partial | Utterance | None:
        """Feed audio; an :class:`Utterance` when one closed (text may be empty), else a partial or None."""

    def finish(self) -> Utterance | None:
        """Close the utterance under way, if any."""

    def reset(self) -> None:
        """Start afresh, keeping whatever is costly to build."""


class RecognizerFactory(Protocol):
    """Makes recognisers over one loaded model, so the conversation never loads one itself.

    ``factory(None)`` is free dictation (with partials); ``factory(phrases)``
    hears only those phrases, which recognises single words far better.
    ``alternatives=n`` (n > 0) asks for up to n readings of each utterance
    (:attr:`Utterance.alternatives`); factories that cannot may ignore it.
    """

    def __call__(self, grammar: Sequence[str] | None = None, alternatives: int = 0) -> Recognizer: ...

    def known(self, phrases: Sequence[str]) -> list[str]:
        """The phrases whose every word the model knows (a grammar may hold only those)."""


def decode_all(rec: Recognizer, chunks: Iterable[AudioChunk]) -> list[Utterance]:
    """Every utterance a recogniser hears in this audio, the unfinished last one included."""
    out = []
    for chunk in chunks:
        event = rec.accept(chunk)
        if isinstance(event, Utterance) and event.text:
            out.append(event)
    last = rec.finish()
    if last:
        out.append(last)
    return out
