"""Speech recognition with Vosk: the only module that imports ``vosk``.

``vosk`` is imported late (inside :func:`_quiet_vosk`), so the assistant can
start speaking while the model loads in the background (:class:`ModelLoader`),
and everything above this module runs, and is tested, without it.
"""
from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Iterable, Sequence

from assistant.audio.chunks import AudioChunk
from assistant.errors import UserError
from assistant.language.transcript import clean_text, clean_words
from assistant.speech.recognizer import Partial, Utterance, Word, decode_all


def model_rate_hz(path: Path) -> int:
    """The sample rate a model expects, from its conf/mfcc.conf (16 kHz if unsaid)."""
    try:
        for line in (Path(path) / "conf" / "mfcc.conf").read_text().splitlines():
            if line.strip().startswith("--sample-frequency="):
                return int(float(line.split("=", 1)[1]))
    except (OSError, ValueError):
        pass
    return 16000


def _quiet_vosk():
    import vosk  # late: a heavy native library, needed only once a model is used

    vosk.SetLogLevel(-1)
    return vosk


def load_model(path: Path):
    """Load a Vosk model folder; a damaged one gets a one-line error."""
    vosk = _quiet_vosk()
    try:
        return vosk.Model(str(path))
    except Exception as exc:  # vosk raises a bare Exception on a bad folder
        raise UserError(
            f"the speech model in {path} could not be loaded ({exc}); remove that folder and download it again "
            "with 'voice-journal models download'"
        ) from None


class ModelLoader(threading.Thread):
    """Loads the model in the background while the greeting is spoken.

    Completion is an Event, not join(): on Python 3.11 a join() interrupted by
    Ctrl+C marks the thread finished while Vosk still loads, and a process
    that exits under a loading Vosk crashes (SIGSEGV in libvosk).
    """

    def __init__(self, path: Path):
        super().__init__(name="model-loader", daemon=True)
        self.path = path
        self._model = None
        self._error: BaseException | None = None
        self._done = threading.Event()

    def run(self) -> None:
        try:
            self._model = load_model(self.path)
        except BaseException as exc:  # handed to the caller of get()
            self._error = exc
        finally:
            self._done.set()

    def get(self):
        self._done.wait()
        if self._error is not None:
            raise self._error
        return self._model

    def settle(self) -> None:
        """Wait for a load under way to end, through any Ctrl+C, so the process never exits under it."""
        while self.ident is not None and not self._done.is_set():
            try:
                self._done.wait()
            except KeyboardInterrupt:
                pass


def known_phrases(model, phrases: Sequence[str]) -> list[str]:
    """The phrases whose every word the model knows (others would be ignored
    with a warning; some models have no ``[unk]``)."""
    return [p for p in phrases if all(model.vosk_model_find_word(w) >= 0 for w in p.split())]


def _respelled(word: Word, text: str) -> Word:
    return Word(text, word.start_s, word.end_s, word.conf)


def _parse_words(result: dict) -> tuple[Word, ...]:
    return tuple(
        Word(w["word"], float(w["start"]), float(w["end"]), float(w.get("conf", 1.0))) for w in result.get("result", [])
    )


class VoskRecognizer:
    """A streaming recogniser over one Vosk model at one sample rate.

    Free dictation comes out clean: the model's own symbols, partials
    included, are written as words (``[1]`` 일, ``(천)`` 천) or dropped
    (``<UNK>``); see :mod:`assistant.language.transcript`. A grammar's result
    keeps its ``[unk]``: it is the evidence that something outside the
    grammar was said ("[unk] stop" is not "stop"), and it is only compared
    with phrases, never stored.
    """

    def __init__(
        self, model, rate_hz: int, grammar: Iterable[str] | None = None, words: bool = True, partials: bool = True,
        alternatives: int = 0,
    ):
        vosk = _quiet_vosk()
        if grammar is None:
            self._rec = vosk.KaldiRecognizer(model, rate_hz)
        else:
            phrases = known_phrases(model, list(grammar) + ["[unk]"])
            self._rec = vosk.KaldiRecognizer(model, rate_hz, json.dumps(phrases, ensure_ascii=False))
        if words:
            self._rec.SetWords(True)
        if alternatives:  # n-best: the result becomes {"alternatives": [{"text", "result"}...]}
            self._rec.SetMaxAlternatives(alternatives)
        self.rate_hz = rate_hz
        self.partials = partials
        self.clean = grammar is None
        self._samples = 0
        self._origin_s = 0.0

    def accept(self, chunk: AudioChunk) -> Partial | Utterance | None:
        self._samples += chunk.samples
        if self._rec.AcceptWaveform(chunk.pcm):
            # An endpoint with nothing decoded still closes an (empty) utterance.
            return self._utterance(self._rec.Result()) or Utterance("")
        if not self.partials:
            return None
        text = json.loads(self._rec.PartialResult()).get("partial", "")
        if self.clean:
            text = clean_text(text)
        return Partial(text) if text else None

    def finish(self) -> Utterance | None:
        """Close the utterance under way, if any."""
        return self._utterance(self._rec.FinalResult())

    def reset(self) -> None:
        """Start afresh, keeping the warmed-up decoder (a new one costs about a
        CPU second on a small model). Word times count from here again."""
        self._rec.Reset()
        self._origin_s = self._samples / self.rate_hz

    def _utterance(self, raw: str) -> Utterance | None:
        result = json.loads(raw)
        others: list[str] = []
        if "alternatives" in result:  # n-best: the best reading first, with its words
            readings = result["alternatives"] or [{}]
            result, others = readings[0], [r.get("text", "").strip() for r in readings[1:]]
        text = result.get("text", "").strip()
        words = _parse_words(result)
        if self.clean:
            text, words = clean_text(text), tuple(clean_words(words, lambda w: w.word, _respelled))
            others = [clean_text(o) for o in others]
        others = [o for o in dict.fromkeys(others) if o and o != text]
        if not text and not others:
            return None
        if self._origin_s:  # Vosk keeps counting time across Reset()
            words = tuple(w.shifted(-self._origin_s) for w in words)
        return Utterance(text, words, tuple(others))


class VoskRecognizers:
    """The :class:`~assistant.speech.recognizer.RecognizerFactory` over a loaded Vosk model."""

    def __init__(self, model, rate_hz: int):
        self.model = model
        self.rate_hz = rate_hz

    def __call__(self, grammar: Sequence[str] | None = None, alternatives: int = 0) -> VoskRecognizer:
        return VoskRecognizer(self.model, self.rate_hz, grammar, partials=grammar is None, alternatives=alternatives)

    def known(self, phrases: Sequence[str]) -> list[str]:
        return known_phrases(self.model, phrases)


def transcribe(model, chunks: Iterable[AudioChunk], rate_hz: int, grammar: Iterable[str] | None = None) -> list[Utterance]:
    """Decode a whole recording into utterances (files, short command clips)."""
    return decode_all(VoskRecognizer(model, rate_hz, grammar, partials=False), chunks)
