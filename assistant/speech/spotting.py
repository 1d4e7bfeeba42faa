"""Spotting a few phrases in a stream of audio, cheaply: the standby's ear.

Vosk is the expensive part, so audio reaches it only through a
:class:`Gate`: a chunk is decoded only when its level is above the silence
threshold, together with the half second of audio before it (a pre-roll, so
the soft start of a phrase is not cut) and a short hangover of quiet after it
(so the recogniser hears the pause that ends the phrase). In a quiet room
almost nothing is decoded. The gate counts, in audio samples, what it heard
and what it passed on.

A :class:`Spotter` decodes with a small grammar: the phrases listened for
plus *decoys*, ordinary words that soak up other speech (the Korean model has
no ``[unk]`` word, so without decoys any speech would be forced onto a
phrase). A phrase counts only when it is the whole utterance (or the
utterance is that phrase's meaning said twice, "네 좋아요"), every word
decoded with confidence of at least ``min_conf``. The spotter keeps the audio
of the utterance it is decoding (:attr:`Spotter.clip`), for a second check.

A :class:`SecondOpinion` is that check: free dictation (the same model with
no grammar, which is not forced onto a phrase) decodes the clip again, and
the phrase counts only if what it heard :func:`sounds_like` a phrase. A small
grammar makes anything loud enough a candidate; free dictation hears ordinary
talk as ordinary talk.
"""
from __future__ import annotations

import sys
import unicodedata
from collections import deque
from difflib import SequenceMatcher
from typing import Callable, Iterable, Sequence

from assistant.audio.chunks import AudioChunk
from assistant.audio.silence import FRAME_S
from assistant.errors import UserError
from assistant.language.standby import normalize
from assistant.speech.recognizer import RecognizerFactory, Utterance

PREROLL_S = 0.5
"""Quiet audio kept before a loud chunk and decoded with it."""
HANGOVER_S = 0.8
"""Quiet audio still decoded after the last loud chunk, so an utterance can end."""
MIN_CONF = 0.5
"""Lowest word confidence for a wake phrase: a false wake starts an evening uninvited."""
CLIP_LIMIT_S = 8.0
"""Most audio kept for the second check: longer than any wake phrase, said slowly."""

_WARNED: set[tuple[str, str]] = set()
"""Phrases already reported as unknown to the model (once per process)."""


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
        import numpy as np  # late: numpy takes 0.1-0.3 s to import; commands with no audio never need it

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
    ``no``). A phrase counts only as a whole utterance (or a run of phrases
    that all mean the same) with every word's confidence at least
    ``min_conf``. :attr:`clip` keeps the audio of the last phrase heard.
    """

    def __init__(self, recognizers: RecognizerFactory, targets: dict[str, str], decoys: Iterable[str], gate: Gate,
                 on_utterance: Callable[[str, str | None], None] | None = None, where: str = "the phrase file",
                 min_conf: float = MIN_CONF):
        self.min_conf = min_conf
        self.targets = {normalize(p): meaning for p, meaning in targets.items()}
        wanted = list(self.targets) + [d for d in map(normalize, decoys) if d not in self.targets]
        usable = recognizers.known(wanted)
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
        self._rec = recognizers(usable)
        self._clip: deque[AudioChunk] = deque()
        self._clip_samples = 0
        self.clip: list[AudioChunk] = []
        """The audio of the last phrase heard (set when :meth:`feed` returns a meaning)."""
        self.conf = 0.0
        """The lowest word confidence of the last phrase heard."""

    def feed(self, chunk: AudioChunk) -> str | None:
        """What the audio so far meant (a target's meaning), or None."""
        chunks, closed = self.gate.feed(chunk)
        meaning = None
        for piece in chunks:
            self._keep(piece)
            event = self._rec.accept(piece)
            if isinstance(event, Utterance) and not meaning:
                meaning = self._meaning(event) if event.text else None
                self._close_clip(meaning)
        if closed:
            meaning = meaning or self.finish()
        return meaning

    def finish(self) -> str | None:
        """Close the utterance under way (the gate starts afresh)."""
        self.gate.reset()
        last = self._rec.finish()
        meaning = self._meaning(last) if last else None
        self._close_clip(meaning)
        return meaning

    def _keep(self, piece: AudioChunk) -> None:
        self._clip.append(piece)
        self._clip_samples += piece.samples
        while len(self._clip) > 1 and self._clip_samples - self._clip[0].samples >= CLIP_LIMIT_S * piece.rate_hz:
            self._clip_samples -= self._clip.popleft().samples

    def _close_clip(self, meaning: str | None) -> None:
        """An utterance ended: its audio is the clip if it meant something; a new one starts."""
        if meaning:
            self.clip = list(self._clip)
        self._clip.clear()
        self._clip_samples = 0

    def _meaning(self, utterance: Utterance) -> str | None:
        text = normalize(utterance.text)
        meaning = self.targets.get(text)
        if meaning is None:
            meaning = _one_meaning(text.split(), self.targets)
        if meaning and any(w.conf < self.min_conf for w in utterance.words):
            meaning = None
        if meaning:
            self.conf = min((w.conf for w in utterance.words), default=1.0)
        self.on_utterance(text, meaning)
        return meaning


def _one_meaning(words: list[str], targets: dict[str, str]) -> str | None:
    """The meaning of an utterance made only of phrases that all mean the same ("네 좋아요":
    yes), else None. A grammar recogniser strings phrases together when said without a pause."""
    ends: list[set[str]] = [set() for _ in range(len(words) + 1)]  # meanings of the words up to here
    ends[0] = {""}
    for start in range(len(words)):
        for stop in range(start + 1, len(words) + 1):
            meaning = targets.get(" ".join(words[start:stop]))
            if meaning is None:
                continue
            ends[stop] |= {meaning for before in ends[start] if before in ("", meaning)}
    found = ends[len(words)] - {""}
    return found.pop() if len(found) == 1 else None


# -- the second check --------------------------------------------------------

def spelling(text: str) -> str:
    """Letters only, Hangul split into jamo (NFD): "일기 쓰자" and "일기 쓰 자" spell alike,
    and 쓰자 / 쓰지 differ by one letter, not one syllable."""
    return "".join(ch for ch in unicodedata.normalize("NFD", normalize(text)) if ch.isalnum())


def sounds_like(heard: str, phrases: Iterable[str]) -> float:
    """How close ``heard`` is to the nearest of ``phrases``: 1.0 the same letters, 0.0 none alike."""
    letters = spelling(heard)
    if not letters:
        return 0.0
    return max((SequenceMatcher(None, letters, spelling(p), autojunk=False).ratio() for p in phrases), default=0.0)


class SecondOpinion:
    """Free dictation of a spotted phrase's audio, which must sound like one of ``phrases``.

    The recogniser is made on first use and reused (a free recogniser over a
    large model is costly to build); each check starts it afresh.
    """

    def __init__(self, recognizers: RecognizerFactory, phrases: Sequence[str], min_score: float):
        self.recognizers = recognizers
        self.phrases = [normalize(p) for p in phrases]
        self.min_score = min_score
        self._rec = None

    def hear(self, clip: Iterable[AudioChunk]) -> tuple[str, float]:
        """What free dictation heard in ``clip``, and how close it is to a phrase.

        The score is the best of the whole text and each utterance in it: a
        wake phrase said right after other words may be a second utterance."""
        if self._rec is None:
            self._rec = self.recognizers(None)
        else:
            self._rec.reset()
        texts = []
        for piece in clip:
            event = self._rec.accept(piece)
            if isinstance(event, Utterance) and event.text:
                texts.append(event.text)
        last = self._rec.finish()
        if last and last.text:
            texts.append(last.text)
        text = " ".join(texts)
        score = max((sounds_like(t, self.phrases) for t in [text, *texts]), default=0.0)
        return text, round(score, 3)

    def agrees(self, clip: Iterable[AudioChunk]) -> tuple[bool, str, float]:
        text, score = self.hear(clip)
        return score >= self.min_score, text, score
