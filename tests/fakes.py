"""In-memory twins of the hardware and the speech model, shared by the tests.

* :class:`FakeMouth`: a mouth that writes down what it was asked to say (and
  a :class:`FakeSpeaker` for what it was asked to play).
* :class:`ScriptedEar`: a microphone over in-memory audio, in 0.1 s chunks.
* :class:`ScriptedSpeech` (from :mod:`assistant.speech.scripted`): audio that
  says a phrase, and the recognisers that hear it back; no model needed.

With these the conversation, naming, replay and standby run with no Vosk
model and no espeak-ng.
"""
from __future__ import annotations

import contextlib

import numpy as np

from assistant.audio.chunks import AudioChunk
from assistant.speech.scripted import ScriptedRecognizer, ScriptedSpeech

__all__ = ["FakeMouth", "FakeSpeaker", "ScriptedEar", "ScriptedRecognizer", "ScriptedSpeech", "quiet", "RATE"]

RATE = 16000
CHUNK = 1600
"""0.1 s at 16 kHz, like the microphone."""


def quiet(seconds: float, rate_hz: int = RATE) -> np.ndarray:
    return np.zeros(int(seconds * rate_hz), dtype="<i2")


class FakeSpeaker:
    """A sink that counts what it was asked to play."""

    def __init__(self, rate_hz: int = RATE):
        self.rate_hz = rate_hz
        self.samples = 0

    def play(self, chunk: AudioChunk) -> None:
        assert chunk.rate_hz == self.rate_hz
        self.samples += chunk.samples

    def play_all(self, chunks) -> None:
        for chunk in chunks:
            self.play(chunk)

    def close(self) -> None:
        pass


class FakeMouth:
    """Says nothing; writes down what it was asked to say.

    ``log`` (shared with other recorders if given) gets ``("say", text)``,
    ``("chime",)`` and ``("close",)`` in order.
    """

    def __init__(self, log: list | None = None, rate_hz: int = RATE):
        self.said: list[str] = []
        self.chimes = 0
        self.log = [] if log is None else log
        self.sink = FakeSpeaker(rate_hz)

    def say(self, text: str) -> None:
        self.said.append(text)
        self.log.append(("say", text))

    def chime(self) -> None:
        self.chimes += 1
        self.log.append(("chime",))

    def close(self) -> None:
        self.log.append(("close",))


class ScriptedEar:
    """A microphone over in-memory audio (int16 arrays), one stream across listening moments.

    When the audio runs out it raises ``then_raise`` if given, else yields
    silence forever (``then_silence``, as a microphone in a quiet room does)
    or stops. ``limit_s`` fails the test if more audio than that is drawn.
    Iterating over the ear itself gives the same stream.
    """

    def __init__(self, *parts: np.ndarray, rate_hz: int = RATE, chunk: int = CHUNK, then_silence: bool = True,
                 then_raise: BaseException | None = None, limit_s: float | None = None):
        self.data = np.concatenate(parts).astype("<i2") if parts else quiet(0, rate_hz)
        self.rate_hz, self.chunk = rate_hz, chunk
        self.then_silence, self.then_raise = then_silence, then_raise
        self.limit = None if limit_s is None else int(limit_s * rate_hz)
        self.drawn = 0  # samples
        self._stream = self._all()

    @property
    def drawn_s(self) -> float:
        return self.drawn / self.rate_hz

    def _draw(self, piece: np.ndarray) -> AudioChunk:
        self.drawn += len(piece)
        if self.limit is not None and self.drawn > self.limit:
            raise AssertionError("the test listened past the end of its audio")
        return AudioChunk.from_array(piece, self.rate_hz)

    def _all(self):
        for start in range(0, len(self.data), self.chunk):
            yield self._draw(self.data[start:start + self.chunk])
        if self.then_raise is not None:
            raise self.then_raise
        while self.then_silence:
            yield self._draw(np.zeros(self.chunk, dtype="<i2"))

    def __iter__(self):
        return self._stream

    @contextlib.contextmanager
    def listening(self):
        yield self._stream

    def close(self) -> None:
        pass


class ScriptedVoice:
    """A person and a speech model in one, scripted: ``say(text)`` is audio the
    recognisers in ``recognizers`` hear back as ``text`` (free dictation as
    ``heard_as``, if given). The twin of :class:`tests.stack.RealVoice`."""

    def __init__(self, rate_hz: int = RATE):
        self.rate_hz = rate_hz
        self.recognizers = ScriptedSpeech()

    def say(self, text: str, heard_as: str | None = None) -> np.ndarray:
        seconds = 0.4 + 0.1 * len(text.replace(" ", ""))  # about as long as espeak-ng takes
        return self.recognizers.speech(text, seconds, self.rate_hz, heard_as=heard_as)
