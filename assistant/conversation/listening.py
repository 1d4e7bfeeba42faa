"""Listening for one answer: utterances, silence, and spoken commands.

An answer is every utterance until the answer's own end, which is a long
enough silence after speech (counted in samples), a closing phrase, or
another command. Vosk closes utterances at short pauses; they are kept in
order with their word timings shifted to the answer's audio.

A command is a short utterance, isolated by pauses, that a small grammar
of command phrases (with decoys that soak up ordinary short answers) hears
as a command phrase, and that free dictation heard the same way or close to
it: :mod:`assistant.conversation.command_evidence` weighs that evidence. A
command that makes no sense at the moment ("resume" when not paused) is
ordinary speech.
"""
from __future__ import annotations

import enum
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from assistant.audio.chunks import AudioChunk, WavWriter, read_wav
from assistant.audio.silence import SilenceDetector
from assistant.conversation.command_evidence import (Evidence, Verdict, carried, decide, ordinary_phrases,
                                                      thresholds_for)
from assistant.errors import UserError
from assistant.language.commands import CORRECT, REPLAY
from assistant.settings import Settings
from assistant.speech.recognizer import Heard, Partial, Recognizer, RecognizerFactory, Utterance, Word

COMMAND_MAX_WORDS = 8
"""Utterances up to this long are decoded again with the command grammar
(free dictation may split a short phrase it does not know into several
words); :mod:`~assistant.conversation.command_evidence` sets the real limit."""
COMMAND_MAX_SPAN_S = 3.0
COMMAND_PAD_S = 0.3
"""Audio kept after a short utterance's last word when it is decoded again."""
COMMAND_LEAD_S = 1.0
"""Audio kept before its first word: free dictation may hear only the end of
a command ("넘어가" as "가"), so the word times alone can cut its start off."""
COMMAND_MIN_CONF = 0.5
"""Only for crash recovery's second look at an answer (assistant.app.recovery)."""
SPLIT_PAUSE_S = 0.5
"""A pause between two words of one utterance this long may precede a command
(the evidence then asks for its own pause before)."""
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

    def __init__(self, rate_hz: int, audio_path: Path | None = None, recorder: Callable = WavWriter,
                 reader: Callable[[Path], Iterable[AudioChunk]] = read_wav):
        """``recorder(path, rate_hz)`` makes the audio file's writer (a sealed
        one when the journal is encrypted, see assistant.journal.sealed_audio);
        ``reader(path)`` reads such a file back (for undo)."""
        self.rate_hz = rate_hz
        self.audio_path = audio_path
        self.recorder = recorder
        self.reader = reader
        self.utterances: list[Utterance] = []
        self.samples = 0
        self.last_speech_sample = 0
        self.set_aside: list[Path] = []
        """Scratched audio, kept until the evening ends (then deleted)."""
        self._scratched: list[tuple[list[Utterance], int, int, Path | None]] = []
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
        """Set everything said so far aside and start afresh; :meth:`undo` brings it back.

        The audio so far is renamed alongside (``<name>.scratched<n>.wav``)
        and stays on disk until the evening ends."""
        aside = None
        if self._writer:
            self._writer.close()
            aside = scratched_path(self.audio_path, len(self.set_aside) + 1)
            self.audio_path.rename(aside)
            self.set_aside.append(aside)
            self._writer = self.recorder(self.audio_path, self.rate_hz)
        self._scratched.append((list(self.utterances), self.samples, self.last_speech_sample, aside))
        self.utterances.clear()
        self.samples = 0
        self.last_speech_sample = 0

    @property
    def can_undo(self) -> bool:
        return bool(self._scratched)

    def undo(self) -> bool:
        """Bring back what the last scratch set aside, before anything said since."""
        if not self._scratched:
            return False
        utterances, samples, last_speech, aside = self._scratched.pop()
        since = [Utterance(u.text, tuple(w.shifted(samples / self.rate_hz) for w in u.words))
                 for u in self.utterances]
        since_last = self.last_speech_sample + samples if self.last_speech_sample else last_speech
        if self._writer and aside is not None:
            self._writer.close()
            fresh = scratched_path(self.audio_path, 0)
            self.audio_path.rename(fresh)
            self._writer = self.recorder(self.audio_path, self.rate_hz)
            for path in (aside, fresh):
                for chunk in self.reader(path):
                    self._writer.write(chunk)
            fresh.unlink()
            aside.unlink()
            self.set_aside.remove(aside)
        self.utterances = utterances + since
        self.samples += samples
        self.last_speech_sample = since_last
        return True

    def close(self, keep: bool) -> Path | None:
        """Finish the audio file; returns its path, or None when not kept.

        A file that cannot be finished (a full disk) is removed, so no audio
        is left that no entry points at; with ``keep`` the error is raised."""
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


def scratched_path(audio_path: Path, number: int) -> Path:
    """Where a scratched answer's audio waits for the end of the evening."""
    return audio_path.with_name(f"{audio_path.stem}{SCRATCHED_MARK}{number}.wav")


SCRATCHED_MARK = ".scratched"
"""In the name of audio set aside by "scratch that" (crash recovery deletes such files)."""


class Listener:
    """Listens for answers and short replies with recognisers from ``recognizers``
    (the Vosk factory, or a scripted one in tests).

    ``in_context(command)`` says whether a command makes sense at the moment;
    one that does not is heard as ordinary speech. ``on_evidence(evidence,
    verdict)`` sees every command decision (for measurements)."""

    def __init__(
        self,
        recognizers: RecognizerFactory,
        rate_hz: int,
        settings: Settings,
        command_index: dict[str, str],
        command_grammar: Iterable[str] = (),
        on_partial: Callable[[str], None] | None = None,
        on_utterance: Callable[[str], None] | None = None,
        correction: Callable[[str], tuple[str, str] | None] | None = None,
        replay_request: Callable[[str], object] | None = None,
        in_context: Callable[[str], bool] | None = None,
        on_evidence: Callable[[Evidence, Verdict], None] | None = None,
        limits: Callable = thresholds_for,
    ):
        self.recognizers = recognizers
        self.rate_hz = rate_hz
        self.settings = settings
        self.index = command_index
        self.grammar = list(command_grammar)
        self.ordinary = ordinary_phrases(self.grammar, command_index)
        self.on_partial = on_partial or (lambda text: None)
        self.on_utterance = on_utterance or (lambda text: None)
        self.correction = correction or (lambda text: None)
        self.replay_request = replay_request or (lambda text: None)
        self.in_context = in_context or (lambda command: True)
        self.on_evidence = on_evidence or (lambda evidence, verdict: None)
        self.limits = limits
        self._carried: object = None
        """What the last command accepted carries (a correction's (action, feeling), a replay request)."""
        self._recognizers: dict[tuple[str, ...] | None, Recognizer] = {}

    def _recognizer(self, grammar: tuple[str, ...] | None, alternatives: int = 0) -> Recognizer:
        """One warmed-up recogniser per grammar (None: free dictation), reset for each use."""
        key = (grammar, alternatives) if alternatives else grammar
        rec = self._recognizers.get(key)
        if rec is None:
            rec = self._recognizers[key] = (self.recognizers(grammar, alternatives=alternatives) if alternatives
                                            else self.recognizers(grammar))
        else:
            rec.reset()
        return rec

    def close(self) -> None:
        """Let the recognisers go when the evening ends. Each holds native memory (tens of MB with a
        large model), and the session and its listener refer to each other, so without this they
        would live on until a full garbage collection: a standby grew by one evening's worth a night."""
        self._recognizers.clear()

    def hear(self, chunks: Iterator[AudioChunk], phrases: Iterable[str], give_up_s: float | None = None,
             alternatives: int = 0) -> str | None:
        """:func:`listen_for` with this listener's warmed-up recognisers (``alternatives``: n-best, see
        :class:`~assistant.speech.recognizer.RecognizerFactory`)."""
        return listen_for(chunks, self._recognizer(tuple(phrases), alternatives), self.rate_hz, self.settings,
                          give_up_s)

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
        previous_end_s = None  # where the last utterance's words ended; None: nothing heard yet
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
                    command, before = self._command(event, recent, previous_end_s, detector.seconds_seen)
                    if event.words:
                        previous_end_s = event.words[-1].end_s
                    if command:
                        if before and not commands_only:
                            answer.add(before, offset_s)
                            self.on_utterance(before.text)
                        return Outcome(Ended.COMMAND, command, True, self._carried)
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
                                       previous_end_s, detector.seconds_seen)
                if not spoke and detector.seconds_seen >= s.no_answer_s:
                    return Outcome(Ended.NO_SPEECH)
                if answer.samples / self.rate_hz >= s.max_answer_s:
                    return self._close(rec, recent, answer, offset_s, Ended.LIMIT, True, previous_end_s,
                                       detector.seconds_seen)
            return self._close(rec, recent, answer, offset_s, Ended.SILENCE, detector.heard_speech, previous_end_s,
                               detector.seconds_seen)
        except BaseException:
            # Ctrl+C or a lost microphone: what was said up to now still counts.
            if not commands_only:
                last = rec.finish()
                if last and last.text:
                    answer.add(last, offset_s)
            raise

    def _close(self, rec: Recognizer, recent: "RecentAudio", answer: Answer, offset_s: float, ended: Ended,
               heard: bool, previous_end_s: float | None, now_s: float) -> Outcome:
        at = time.perf_counter()
        last = rec.finish()
        if last and last.text:
            command, before = self._command(last, recent, previous_end_s, now_s)
            if command:
                if before:
                    answer.add(before, offset_s)
                    self.on_utterance(before.text)
                return Outcome(Ended.COMMAND, command, heard_speech=True, argument=self._carried, at=at)
            answer.add(last, offset_s)
            self.on_utterance(last.text)
        return Outcome(ended, None, heard_speech=heard, at=at)

    def _command(self, utterance: Utterance, recent: "RecentAudio", previous_end_s: float | None,
                 now_s: float) -> tuple[str | None, Utterance | None]:
        """(The command this utterance is, if the evidence says so and it makes
        sense now; the words before it, when it ended an utterance Vosk held
        open across a pause). ``previous_end_s`` bounds how far back its audio
        may reach, so an earlier answer never leaks in."""
        if not utterance.text:
            return None, None
        command = self._weigh(utterance, recent, previous_end_s, now_s)
        if command:
            return command, None
        before, tail = split_at_last_pause(utterance, SPLIT_PAUSE_S)
        if before is None:
            return None, None
        command = self._weigh(tail, recent, before.words[-1].end_s, now_s)
        return (command, before) if command else (None, None)

    def _weigh(self, utterance: Utterance, recent: "RecentAudio", previous_end_s: float | None,
               now_s: float) -> str | None:
        evidence = self._evidence(utterance, recent, previous_end_s, now_s)
        verdict = decide(evidence, self.index, self.limits, self.ordinary)
        self.on_evidence(evidence, verdict)
        if verdict.command and self.in_context(verdict.command) and self._carries(verdict.command, evidence):
            return verdict.command
        return None

    def _carries(self, command: str, evidence: Evidence) -> bool:
        """Whether a correction or replay request heard by the grammar says what it carries (and
        free dictation did not understand another); other commands carry nothing."""
        parse = {CORRECT: self.correction, REPLAY: self.replay_request}.get(command)
        self._carried = carried(evidence, parse) if parse else None
        return parse is None or self._carried is not None

    def _evidence(self, utterance: Utterance, recent: "RecentAudio", previous_end_s: float | None,
                  now_s: float) -> Evidence:
        words = utterance.words
        if not words:
            return Evidence(utterance.text, len(utterance.text.split()), 0.0, None, now_s)
        gap = None if previous_end_s is None else words[0].start_s - previous_end_s
        evidence = Evidence(utterance.text, len(words), utterance.span_s, gap, now_s - words[-1].end_s)
        if not self.grammar or len(words) > COMMAND_MAX_WORDS or utterance.span_s > COMMAND_MAX_SPAN_S:
            return evidence
        clip = recent.between(*command_window(utterance, previous_end_s or 0.0))
        rec = self._recognizer(tuple(self.grammar))
        results = [u for u in (rec.accept(clip), rec.finish()) if isinstance(u, Utterance) and u.text]
        heard = " ".join(u.text for u in results)
        conf = min((w.conf for u in results for w in u.words), default=0.0)
        return Evidence(evidence.free_text, evidence.words, evidence.span_s, gap, evidence.pause_after_s,
                        heard, conf)


def split_at_last_pause(utterance: Utterance, pause_s: float) -> tuple[Utterance | None, Utterance | None]:
    """(Words before, words after) the last pause of at least ``pause_s`` between
    its words; (None, None) when there is none. In steady noise Vosk may not
    close an utterance at a pause: a command said after one ends up inside."""
    words = utterance.words
    for i in range(len(words) - 1, 0, -1):
        if words[i].start_s - words[i - 1].end_s >= pause_s:
            head, tail = words[:i], words[i:]
            return (Utterance(" ".join(w.word for w in head), head),
                    Utterance(" ".join(w.word for w in tail), tail))
    return None, None


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


def listen_for(chunks: Iterator[AudioChunk], rec: Recognizer, rate_hz: int, settings: Settings,
               give_up_s: float | None = None) -> str | None:
    """Hear one short reply with ``rec``, a recogniser restricted to a grammar of phrases.

    For yes/no, a feeling word, a number: a grammar recognises single
    words far better than free dictation. Returns the phrase heard (a
    :class:`~assistant.speech.recognizer.Heard`, with the next readings of
    an n-best recogniser, whose best may be "" then), "" when
    speech was heard that the grammar held no phrase for (a grammar without
    ``[unk]`` may decode nothing), or None after ``give_up_s`` (default
    ``no_answer_s``) of audio without speech.
    """
    detector = SilenceDetector(rate_hz, settings.silence_threshold_db)
    limit = give_up_s if give_up_s is not None else settings.no_answer_s
    for chunk in chunks:
        detector.feed(chunk)
        event = rec.accept(chunk)
        if isinstance(event, Utterance) and (event.text or event.alternatives and detector.heard_speech):
            return Heard(event.text, event.alternatives)  # n-best: "" first may have readings after it
        if detector.heard_speech and detector.trailing_silence_s >= settings.silence_s:
            last = rec.finish()
            return Heard(last.text, last.alternatives) if last and (last.text or last.alternatives) else ""
        if not detector.heard_speech and detector.seconds_seen >= limit:
            return None
    return None
