"""Listening for one answer: utterances, silence, and spoken commands.

An answer is every utterance until the answer's own end, which is a long
enough silence after speech (counted in samples), a closing phrase, or
another command. Vosk closes utterances at short pauses; they are kept in
order with their word timings shifted to the answer's audio.

A command is a short utterance that matches a command phrase. The free
transcript is tried first; a short utterance the free transcript does not
match is decoded once more with a small grammar of command phrases (and
decoy words that soak up short answers), which recognises single words far
better than free dictation.
"""
from __future__ import annotations

import enum
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from assistant.speech.asr import Partial, Recognizer, Utterance, Word
from assistant.audio.chunks import AudioChunk, WavWriter
from assistant.language.commands import match_command
from assistant.settings import Settings
from assistant.audio.silence import SilenceDetector

COMMAND_MAX_WORDS = 5
"""Free dictation may split a short phrase it does not know into several words."""
COMMAND_MAX_SPAN_S = 2.0
COMMAND_PAD_S = 0.3
"""Audio kept after a short utterance's last word when it is decoded again."""
COMMAND_LEAD_S = 1.0
"""Audio kept before its first word: free dictation may hear only the end of
a command ("넘어가" as "가"), so the word times alone can cut its start off."""
COMMAND_MIN_CONF = 0.5
PAUSE_CLOSES_UTTERANCE_S = 1.0
"""A pause this long (counted in samples) ends the utterance under way."""
RECENT_S = 6.0
KEEP_AFTER_SPEECH_S = 0.6
"""Silence kept at the end of a saved answer's audio."""


class Ended(enum.Enum):
    SILENCE = "silence"
    """Speech, then the configured silence: the answer is complete."""
    COMMAND = "command"
    NO_SPEECH = "no_speech"
    LIMIT = "limit"


@dataclass(frozen=True)
class Outcome:
    ended: Ended
    command: str | None = None
    heard_speech: bool = False
    """Whether this listening moment heard any speech."""
    argument: object = None
    """What a command carries: ("add", "lonely") for a tag correction."""
    at: float = field(default_factory=time.perf_counter)
    """perf_counter() when the end was detected, for latency measurements."""


class Answer:
    """One answer as it builds up: utterances, and audio streamed to disk."""

    def __init__(self, rate_hz: int, audio_path: Path | None = None, recorder: Callable = WavWriter):
        """``recorder(path, rate_hz)`` makes the audio file's writer (a sealed
        one when the journal is encrypted, see assistant.journal.sealed_audio)."""
        self.rate_hz = rate_hz
        self.audio_path = audio_path
        self.recorder = recorder
        self.utterances: list[Utterance] = []
        self.samples = 0
        self.last_speech_sample = 0
        self._writer = recorder(audio_path, rate_hz) if audio_path else None

    def write(self, chunk: AudioChunk) -> None:
        if self._writer:
            self._writer.write(chunk)
        self.samples += chunk.samples

    def add(self, utterance: Utterance, offset_s: float) -> None:
        words = tuple(w.shifted(offset_s) for w in utterance.words)
        self.utterances.append(Utterance(utterance.text, words))
        if words:
            self.last_speech_sample = max(self.last_speech_sample, int(words[-1].end_s * self.rate_hz))

    @property
    def transcript(self) -> str:
        return " ".join(u.text for u in self.utterances)

    @property
    def words(self) -> list[Word]:
        return [w for u in self.utterances for w in u.words]

    @property
    def has_content(self) -> bool:
        return bool(self.utterances)

    @property
    def kept_samples(self) -> int:
        """Audio up to a little after the answer's last word.

        Trailing silence, "anything more?" pauses and a closing command are
        not part of the answer.
        """
        if not self.last_speech_sample:
            return self.samples
        return min(self.samples, self.last_speech_sample + int(KEEP_AFTER_SPEECH_S * self.rate_hz))

    @property
    def duration_s(self) -> float:
        return round(self.kept_samples / self.rate_hz, 3)

    def scratch(self) -> None:
        """Forget everything said so far and start the audio file afresh."""
        self.utterances.clear()
        self.samples = 0
        self.last_speech_sample = 0
        if self._writer:
            self._writer.close()
            self._writer = self.recorder(self.audio_path, self.rate_hz)

    def close(self, keep: bool) -> Path | None:
        """Finish the audio file; returns its path, or None when not kept.

        A file that cannot be finished (a full disk) is removed, so no audio
        is left that no entry points at; with ``keep`` the error is raised."""
        from assistant.errors import UserError

        if not self._writer:
            return None
        writer, self._writer = self._writer, None
        try:
            writer.close(keep_samples=self.kept_samples)
        except (UserError, OSError):
            self.audio_path.unlink(missing_ok=True)
            if keep:
                raise
            return None
        if keep:
            return self.audio_path
        self.audio_path.unlink(missing_ok=True)
        return None


class Listener:
    def __init__(
        self,
        model,
        rate_hz: int,
        settings: Settings,
        command_index: dict[str, str],
        command_grammar: Iterable[str] = (),
        on_partial: Callable[[str], None] | None = None,
        on_utterance: Callable[[str], None] | None = None,
        correction: Callable[[str], tuple[str, str] | None] | None = None,
        replay_request: Callable[[str], object] | None = None,
    ):
        self.model = model
        self.rate_hz = rate_hz
        self.settings = settings
        self.index = command_index
        self.grammar = list(command_grammar)
        self.on_partial = on_partial or (lambda text: None)
        self.on_utterance = on_utterance or (lambda text: None)
        self.correction = correction or (lambda text: None)
        self.replay_request = replay_request or (lambda text: None)
        self._recognizers: dict[tuple[str, ...] | None, Recognizer] = {}
        self.make_recognizer = Recognizer
        """A seam: tests hand in a recogniser that behaves as Vosk sometimes does."""

    def _recognizer(self, grammar: tuple[str, ...] | None) -> Recognizer:
        """One warmed-up recogniser per grammar (None: free dictation), reset for each use."""
        rec = self._recognizers.get(grammar)
        if rec is None:
            rec = self._recognizers[grammar] = self.make_recognizer(self.model, self.rate_hz, grammar, partials=grammar is None)
        else:
            rec.reset()
        return rec

    def hear(self, chunks: Iterator[AudioChunk], phrases: Iterable[str], give_up_s: float | None = None) -> str | None:
        """:func:`listen_for` with this listener's warmed-up recognisers."""
        return listen_for(chunks, self.model, self.rate_hz, phrases, self.settings, give_up_s,
                          recognizer=self._recognizer(tuple(phrases)))

    def listen(self, chunks: Iterator[AudioChunk], answer: Answer, commands_only: bool = False) -> Outcome:
        """Listen until the answer ends or a command is spoken.

        With ``commands_only`` (while paused) nothing is added to the answer
        and only a command, or ``max_answer_s`` of audio, ends listening.
        """
        s = self.settings
        rec = self._recognizer(None)
        detector = SilenceDetector(self.rate_hz, s.silence_threshold_db)
        offset_s = answer.samples / self.rate_hz
        recent = RecentAudio(self.rate_hz, RECENT_S)
        previous_end_s = 0.0  # where the last utterance's words ended
        try:
            for chunk in chunks:
                if not commands_only:
                    answer.write(chunk)
                detector.feed(chunk)
                recent.add(chunk)
                event = rec.accept(chunk)
                if isinstance(event, Partial):
                    self.on_partial(event.text)
                    if detector.trailing_silence_s >= PAUSE_CLOSES_UTTERANCE_S:
                        # Vosk may hold an utterance open across a clear pause
                        # ("skip" ... "stop" heard as one); our pause closes it.
                        event = rec.finish() or Utterance("")
                if isinstance(event, Utterance):
                    command = self._command(event, recent, previous_end_s)
                    if event.words:
                        previous_end_s = event.words[-1].end_s
                    if command:
                        return Outcome(Ended.COMMAND, command, True)
                    correction = self.correction(event.text) if event.text else None
                    if correction:
                        return Outcome(Ended.COMMAND, "correct", True, correction)
                    request = self.replay_request(event.text) if event.text else None
                    if request:
                        return Outcome(Ended.COMMAND, "replay", True, request)
                    if event.text and not commands_only:
                        answer.add(event, offset_s)
                        self.on_utterance(event.text)
                if commands_only:
                    if detector.seconds_seen >= s.max_answer_s:
                        return Outcome(Ended.LIMIT)
                    continue
                spoke = detector.heard_speech or answer.has_content
                if spoke and detector.trailing_silence_s >= s.silence_s:
                    return self._close(rec, recent, answer, offset_s, Ended.SILENCE, detector.heard_speech,
                                       previous_end_s)
                if not spoke and detector.seconds_seen >= s.no_answer_s:
                    return Outcome(Ended.NO_SPEECH)
                if answer.samples / self.rate_hz >= s.max_answer_s:
                    return self._close(rec, recent, answer, offset_s, Ended.LIMIT, True, previous_end_s)
            return self._close(rec, recent, answer, offset_s, Ended.SILENCE, detector.heard_speech, previous_end_s)
        except BaseException:
            # Ctrl+C or a lost microphone: what was said up to now still counts.
            if not commands_only:
                last = rec.finish()
                if last and last.text:
                    answer.add(last, offset_s)
            raise

    def _close(self, rec: Recognizer, recent: "RecentAudio", answer: Answer, offset_s: float, ended: Ended,
               heard: bool, previous_end_s: float) -> Outcome:
        at = time.perf_counter()
        last = rec.finish()
        if last and last.text:
            command = self._command(last, recent, previous_end_s)
            if command:
                return Outcome(Ended.COMMAND, command, heard_speech=True, at=at)
            answer.add(last, offset_s)
            self.on_utterance(last.text)
        return Outcome(ended, None, heard_speech=heard, at=at)

    def _command(self, utterance: Utterance, recent: "RecentAudio", previous_end_s: float) -> str | None:
        """The command this utterance is, if any; ``previous_end_s`` bounds how
        far back its audio may reach, so an earlier answer never leaks in."""
        command = match_command(utterance.text, self.index)
        if command or not self.grammar or not utterance.words:
            return command
        if len(utterance.words) > COMMAND_MAX_WORDS or utterance.span_s > COMMAND_MAX_SPAN_S:
            return None
        clip = recent.between(*command_window(utterance, previous_end_s))
        rec = self._recognizer(tuple(self.grammar))
        results = [u for u in (rec.accept(clip), rec.finish()) if isinstance(u, Utterance) and u.text]
        if len(results) != 1 or any(w.conf < COMMAND_MIN_CONF for w in results[0].words):
            return None
        return match_command(results[0].text, self.index)


def command_window(utterance: Utterance, previous_end_s: float) -> tuple[float, float]:
    """The stretch of audio (start, end in seconds) to decode a short utterance
    again with the command grammar: its words, padded, reaching back up to
    COMMAND_LEAD_S but not into the previous utterance's words."""
    first, last = utterance.words[0], utterance.words[-1]
    start_s = max(previous_end_s + 0.1, first.start_s - COMMAND_LEAD_S)
    return max(0.0, min(start_s, first.start_s - COMMAND_PAD_S)), last.end_s + COMMAND_PAD_S


class RecentAudio:
    """The last few seconds heard, addressable by time since listening began."""

    def __init__(self, rate_hz: int, keep_s: float):
        self.rate_hz = rate_hz
        self.keep = int(keep_s * rate_hz)
        self._buffer = bytearray()
        self._dropped = 0  # samples before the start of the buffer

    def add(self, chunk: AudioChunk) -> None:
        self._buffer += chunk.pcm
        excess = len(self._buffer) // 2 - self.keep
        if excess > 0:
            del self._buffer[: excess * 2]
            self._dropped += excess

    def between(self, start_s: float, end_s: float) -> AudioChunk:
        start = max(0, int(start_s * self.rate_hz) - self._dropped)
        end = max(start, int(end_s * self.rate_hz) - self._dropped)
        return AudioChunk(bytes(self._buffer[start * 2 : end * 2]), self.rate_hz)


def listen_for(chunks: Iterator[AudioChunk], model, rate_hz: int, phrases: Iterable[str], settings: Settings,
               give_up_s: float | None = None, recognizer: Recognizer | None = None) -> str | None:
    """Hear one short reply restricted to ``phrases`` (a Vosk grammar).

    For yes/no, a feeling word, a number: a grammar recognises single
    words far better than free dictation. Returns the phrase heard, or None
    after ``give_up_s`` (default ``no_answer_s``) of audio without one.
    """
    rec = recognizer or Recognizer(model, rate_hz, grammar=phrases, partials=False)
    detector = SilenceDetector(rate_hz, settings.silence_threshold_db)
    limit = give_up_s if give_up_s is not None else settings.no_answer_s
    for chunk in chunks:
        detector.feed(chunk)
        event = rec.accept(chunk)
        if isinstance(event, Utterance) and event.text:
            return event.text
        if detector.heard_speech and detector.trailing_silence_s >= settings.silence_s:
            last = rec.finish()
            return last.text if last and last.text else None
        if not detector.heard_speech and detector.seconds_seen >= limit:
            return None
    return None
