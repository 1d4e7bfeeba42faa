"""Telling speech from silence, counted in audio samples, never wall time.

A frame (30 ms) is speech when its level is above a threshold. The detector
keeps two counts: how much speech it has heard, and how long the silence
after the last speech has lasted. Time is the number of samples fed, so a
fast test device and a real microphone behave the same.

The threshold follows the room. A fan or a television's murmur sits above
a fixed -45 dBFS, so every frame would be "speech" and no answer would ever
end. The detector keeps a running noise floor, the quietest frame of the
last few seconds (speech always has gaps, so the minimum is the room), and
a frame is speech only when it is ``MARGIN_DB`` above that floor as well as
above the configured threshold (in a rumbling room both are measured
high-passed: see ``EMPHASIS``). In a quiet room the floor is far below, so
the configured threshold alone decides, as before: a soft voice still
counts. The floor is trusted after ``WARMUP_S``; the frames before are
then weighed again with it, so steady noise from the first moment never
counts as speech.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

from assistant.audio.chunks import AudioChunk

if TYPE_CHECKING:
    import numpy as np

FRAME_S = 0.03
MIN_SPEECH_S = 0.12
"""Speech shorter than this (a click, a knock) does not count as speaking."""


def level_db(samples: np.ndarray) -> float:
    """RMS level in dB relative to full scale (-inf for digital silence)."""
    import numpy as np  # late: numpy takes 0.1-0.3 s to import; commands with no audio never need it

    if len(samples) == 0:
        return -math.inf
    rms = math.sqrt(float(np.mean(samples.astype(np.float64) ** 2)))
    return 20 * math.log10(rms / 32768.0) if rms > 0 else -math.inf


MARGIN_DB = 9.0
"""How far above the noise floor a frame must be to be speech (30 ms frames of
steady noise stay within about 3 dB of their quietest)."""
EMPHASIS = 0.95
"""The high-passed view of the audio (``x[n] - 0.95 x[n-1]``). A fan's rumble
and brown noise carry their energy below 200 Hz, where their level wanders
by 20 dB from frame to frame; high-passed it is steady, and speech keeps its
consonants and upper harmonics. White noise is steady either way, and there
the full view keeps the vowels. The room's own quietest frames tell which
it is: high-passing takes ``RUMBLE_DB`` or more off a rumble, and adds
about 3 dB to white noise."""
RUMBLE_DB = 3.0
FLOOR_WINDOW_S = 5.0
"""The floor is the quietest frame of about this long: longer than any stretch
of speech without a gap, short enough to follow a fan switched on."""
FLOOR_BLOCKS = 10
WARMUP_S = 1.0
DIGITAL_SILENCE_DB = -300.0
"""The level of a frame of zeros, as the detector counts it."""
_FULL_SCALE_DB = 20 * math.log10(32768.0)
CEILING_DB = -20.0
"""A frame this loud is speech whatever the floor: loud speech is always speech."""


class _Floor:
    """The quietest frame level of the last ``FLOOR_WINDOW_S``: the minimum of
    ``FLOOR_BLOCKS`` block minima, so each frame costs a comparison."""

    def __init__(self, block_frames: int):
        self.block_frames = block_frames
        self.blocks: list[float] = []  # each finished block's quietest level, newest last
        self.low, self.count = math.inf, 0

    def add(self, level: float) -> None:
        if level < self.low:
            self.low = level
        self.count += 1
        if self.count == self.block_frames:
            self.blocks.append(self.low)
            if len(self.blocks) > FLOOR_BLOCKS:
                del self.blocks[0]
            self.low, self.count = math.inf, 0

    @property
    def level(self) -> float:
        return min(self.blocks + ([self.low] if self.count else []), default=DIGITAL_SILENCE_DB)


class SilenceDetector:
    def __init__(self, rate_hz: int, threshold_db: float = -45.0):
        import numpy as np  # late, as in level_db()

        self.rate_hz = rate_hz
        self.threshold_db = threshold_db
        self.frame = max(1, int(FRAME_S * rate_hz))
        self._pending = np.zeros(0, dtype=np.int16)
        self.samples_seen = 0
        self.speech_samples = 0
        self.trailing_silence_samples = 0
        self.last_speech_end = 0
        """Sample index just after the last speech frame."""
        self._run = 0  # current run of speech frames, in samples
        block_frames = max(1, round(FLOOR_WINDOW_S / FLOOR_BLOCKS / FRAME_S))
        self._full, self._high = _Floor(block_frames), _Floor(block_frames)
        self._warmup: list[tuple[float, float]] | None = []  # (level, high-passed level) until the floor is trusted
        self._warmup_frames = max(1, round(WARMUP_S / FRAME_S))

    @property
    def high_passed(self) -> bool:
        """Whether the room rumbles (a fan, traffic): its quietest frames lose ``RUMBLE_DB``
        or more high-passed. Then frames and floor are compared high-passed."""
        full, high = self._full.level, self._high.level
        return full > DIGITAL_SILENCE_DB and high < full - RUMBLE_DB

    @property
    def noise_floor_db(self) -> float:
        """The quietest frame level of the last ``FLOOR_WINDOW_S``, high-passed in a rumbling
        room (``DIGITAL_SILENCE_DB`` after digital silence)."""
        return (self._high if self.high_passed else self._full).level

    @property
    def speech_threshold_db(self) -> float:
        """The level a frame must pass in that view (as well as ``threshold_db``) to be speech now."""
        return self.noise_floor_db + MARGIN_DB

    def feed(self, chunk: AudioChunk) -> None:
        import numpy as np  # late, as in level_db()

        data = np.concatenate([self._pending, chunk.array()])
        whole = len(data) - len(data) % self.frame
        if whole:
            frames = data[:whole].reshape(-1, self.frame).astype(np.float64)
            high = frames[:, 1:] - EMPHASIS * frames[:, :-1]
            power = np.empty((2, len(frames)))
            np.einsum("ij,ij->i", frames, frames, out=power[0])
            np.einsum("ij,ij->i", high, high, out=power[1])
            power[0] /= self.frame
            power[1] /= max(1, self.frame - 1)
            # dBFS; digital silence is DIGITAL_SILENCE_DB, not -inf (no warnings, cheap comparisons)
            levels = 10 * np.log10(np.maximum(power, 1e-30)) - _FULL_SCALE_DB
            np.maximum(levels, DIGITAL_SILENCE_DB, out=levels)
            full_floor, high_floor, frame = self._full.add, self._high.add, self._frame
            for level, high_level in zip(*levels.tolist()):
                full_floor(level)
                high_floor(high_level)
                frame(level, high_level)
        self._pending = data[whole:]

    def _frame(self, level: float, high: float) -> None:
        """One frame, the floors already updated with it."""
        if self._warmup is not None:
            self._warmup.append((level, high))
            if len(self._warmup) < self._warmup_frames:
                self._step(level > self.threshold_db)
                return
            self._weigh_warmup_again()
            return
        self._step(self._is_speech(level, high))

    def _is_speech(self, level: float, high: float) -> bool:
        if level <= self.threshold_db:  # a quiet room's every frame: nothing more to weigh
            return False
        if level > CEILING_DB:
            return True
        return (high if self.high_passed else level) > self.speech_threshold_db

    def _weigh_warmup_again(self) -> None:
        """The first ``WARMUP_S`` counted again against the floor now known."""
        frames, self._warmup = self._warmup, None
        self.samples_seen -= (len(frames) - 1) * self.frame
        self.speech_samples = self.trailing_silence_samples = self.last_speech_end = self._run = 0
        for level, high in frames:
            self._step(self._is_speech(level, high))

    def _step(self, speech: bool) -> None:
        self.samples_seen += self.frame
        if speech:
            self._run += self.frame
            self.speech_samples += self.frame
            if self._run >= MIN_SPEECH_S * self.rate_hz or self.heard_speech:
                self.trailing_silence_samples = 0
                self.last_speech_end = self.samples_seen
            else:
                self.trailing_silence_samples += self.frame
        else:
            self._run = 0
            self.trailing_silence_samples += self.frame

    @property
    def heard_speech(self) -> bool:
        return self.last_speech_end > 0

    @property
    def trailing_silence_s(self) -> float:
        return self.trailing_silence_samples / self.rate_hz

    @property
    def seconds_seen(self) -> float:
        return self.samples_seen / self.rate_hz

    def reset_silence(self) -> None:
        """Start counting silence again (after the assistant spoke, say)."""
        self.trailing_silence_samples = 0
