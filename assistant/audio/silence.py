"""Telling speech from silence, counted in audio samples, never wall time.

A frame (30 ms) is speech when its level is above a threshold. The detector
keeps two counts: how much speech it has heard, and how long the silence
after the last speech has lasted. Time is the number of samples fed, so a
fast test device and a real microphone behave the same.
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

    def feed(self, chunk: AudioChunk) -> None:
        import numpy as np  # late, as in level_db()

        data = np.concatenate([self._pending, chunk.array()])
        whole = len(data) - len(data) % self.frame
        for start in range(0, whole, self.frame):
            frame = data[start : start + self.frame]
            self.samples_seen += self.frame
            if level_db(frame) > self.threshold_db:
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
        self._pending = data[whole:]

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
