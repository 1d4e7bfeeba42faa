"""A scripted speech model: the in-memory twin of the Vosk adapter, for tests.

:class:`ScriptedSpeech` is a speaker and a speech model in one. Its
:meth:`~ScriptedSpeech.speech` makes audio that "says" a phrase: a square
wave whose level names the phrase. The recognisers it makes (it is a
:class:`~assistant.speech.recognizer.RecognizerFactory`) hear that level back
as the phrase, with its words spread over the stretch, and close an
utterance after ``endpoint_s`` of quiet as Vosk does. Because the phrase
travels in the audio itself, every path the real audio takes works
unchanged: a microphone or a WAV file, the silence detector, the standby's
gate, a short clip decoded again with a grammar, a reset between answers.

Free dictation hears a phrase as ``heard_as`` (what Vosk would make of it);
a grammar recogniser hears it only if the phrase is in its grammar and
every word is known, else as ``[unk]`` (the word a Vosk grammar has for
everything else).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from assistant.audio.chunks import AudioChunk
from assistant.speech.recognizer import Partial, Utterance, Word

LEVEL_BASE = 4000
LEVEL_STEP = 64
QUIET_BELOW = LEVEL_BASE // 2
"""Samples below this level are quiet to a scripted recogniser (zeros, faint noise)."""
UNKNOWN = "[unk]"
PARTIAL_AFTER_S = 0.3
"""Speech heard before the first partial: like Vosk's, a guess lags the audio."""


def _plain(text: str) -> str:
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class Phrase:
    text: str
    """What was said (what a grammar holding it hears)."""
    heard_as: str
    """What free dictation makes of it."""
    conf: float
    alternatives: tuple[str, ...] = ()
    """Next readings a recogniser asked for alternatives gives (those its grammar holds)."""


class ScriptedSpeech:
    """Phrases as audio, and recognisers that hear them.

    ``endpoint_s=None`` makes free dictation that never closes an utterance by
    itself (as Vosk sometimes holds one open across a pause): only
    ``finish()`` does.
    """

    def __init__(self, endpoint_s: float | None = 0.5, unknown_words: Sequence[str] = ()):
        self.endpoint_s = endpoint_s
        self.unknown_words = set(unknown_words)
        self.phrases: list[Phrase] = []
        self.grammars: list[tuple[str, ...] | None] = []
        """Each recogniser made, by its grammar (None: free dictation)."""

    # -- the speaker's side -------------------------------------------------
    def speech(self, text: str, seconds: float = 1.0, rate_hz: int = 16000, heard_as: str | None = None,
               conf: float = 1.0, alternatives: Sequence[str] = ()) -> np.ndarray:
        """``seconds`` of int16 audio that says ``text``."""
        phrase = Phrase(text, text if heard_as is None else heard_as, conf, tuple(alternatives))
        if phrase not in self.phrases:
            self.phrases.append(phrase)
        level = LEVEL_BASE + LEVEL_STEP * self.phrases.index(phrase)
        wave = np.full(int(seconds * rate_hz), level, dtype="<i2")
        wave[1::2] = -level  # a square wave: loud, with no offset
        return wave

    def phrase_at(self, level: int) -> Phrase | None:
        index = round((level - LEVEL_BASE) / LEVEL_STEP)
        return self.phrases[index] if 0 <= index < len(self.phrases) else None

    # -- the model's side ---------------------------------------------------
    def __call__(self, grammar: Sequence[str] | None = None, alternatives: int = 0) -> "ScriptedRecognizer":
        self.grammars.append(None if grammar is None else tuple(grammar))
        return ScriptedRecognizer(self, grammar, alternatives)

    def known(self, phrases: Sequence[str]) -> list[str]:
        return [p for p in phrases if not set(p.split()) & self.unknown_words]


class ScriptedRecognizer:
    """Hears :meth:`ScriptedSpeech.speech` audio back as its phrases."""

    def __init__(self, speech: ScriptedSpeech, grammar: Sequence[str] | None = None, alternatives: int = 0):
        self.speech = speech
        self.alternatives = alternatives
        self.grammar = None if grammar is None else {_plain(p) for p in speech.known(list(grammar))}
        self.partials = grammar is None
        self.endpoint_s = speech.endpoint_s if grammar is None else (speech.endpoint_s or 0.5)
        self._samples = 0  # since creation or the last reset
        self._heard: list[tuple[Phrase, int, int]] = []  # (phrase, first sample, end sample) not yet closed
        self._quiet_since: int | None = None
        self._ready: list[Utterance] = []
        self.rate_hz = 16000

    def accept(self, chunk: AudioChunk) -> Partial | Utterance | None:
        self.rate_hz = chunk.rate_hz
        levels = np.abs(chunk.array().astype(np.int32))
        loud = levels >= QUIET_BELOW
        runs = np.flatnonzero(np.diff(np.where(loud, levels, -1))) + 1
        for start, end in zip([0, *runs], [*runs, len(levels)]):
            if start < end:
                self._run(levels[start] if loud[start] else None, self._samples + start, self._samples + end)
        self._samples += chunk.samples
        if self._ready:
            return self._ready.pop(0)
        if self.partials and sum(end - start for _, start, end in self._heard) >= PARTIAL_AFTER_S * self.rate_hz:
            return Partial(self._text())
        return None

    def finish(self) -> Utterance | None:
        if self._ready:
            return self._ready.pop(0)
        return self._close() if self._heard else None

    def reset(self) -> None:
        self._samples = 0
        self._heard.clear()
        self._ready.clear()
        self._quiet_since = None

    # -- inside ---------------------------------------------------------------
    def _run(self, level: int | None, start: int, end: int) -> None:
        if level is not None:
            phrase = self.speech.phrase_at(int(level))
            if phrase is None:
                return
            if self._heard and self._heard[-1][0] == phrase and self._heard[-1][2] == start:
                self._heard[-1] = (phrase, self._heard[-1][1], end)
            else:
                self._heard.append((phrase, start, end))
            self._quiet_since = None
            return
        if not self._heard or self.endpoint_s is None:
            return
        if self._quiet_since is None:
            self._quiet_since = start
        if end - self._quiet_since >= int(self.endpoint_s * self.rate_hz):
            self._ready.append(self._close() or Utterance(""))

    def _text(self) -> str:
        return " ".join(self._said(phrase) for phrase, _, _ in self._heard if self._said(phrase))

    def _said(self, phrase: Phrase) -> str:
        if self.grammar is None:
            return phrase.heard_as
        return phrase.text if _plain(phrase.text) in self.grammar else UNKNOWN

    def _close(self) -> Utterance | None:
        words = []
        for phrase, start, end in self._heard:
            said = self._said(phrase).split()
            step = (end - start) / max(1, len(said)) / self.rate_hz
            for i, word in enumerate(said):
                first = start / self.rate_hz + i * step
                words.append(Word(word, round(first, 3), round(first + step, 3), phrase.conf))
        others = [a for phrase, _, _ in self._heard for a in phrase.alternatives
                  if self.grammar is not None and _plain(a) in self.grammar][:max(0, self.alternatives - 1)]
        self._heard.clear()
        self._quiet_since = None
        if not words:
            return None
        return Utterance(" ".join(w.word for w in words), tuple(words), tuple(others))
