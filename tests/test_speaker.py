"""The speaker adapter against a stand-in for sounddevice that behaves like
PortAudio's ALSA host: a device buffer played out over time, and a stop
that drops whatever is still in it (PortAudio's ALSA stop never drains)."""
from __future__ import annotations

import numpy as np
import pytest

import assistant.audio.speaker as speaker_module
from assistant.audio.chunks import AudioChunk
from assistant.audio.speaker import Speaker
from assistant.errors import UserError

RATE = 22050
BUFFER = 4096
"""Frames the stand-in device holds (about 0.19 s)."""


class FakePortAudioError(Exception):
    pass


class BufferedStream:
    """Frames go into a buffer; each look at ``write_available`` plays ``per_look`` of them."""

    def __init__(self, per_look: int = 512, **kwargs):
        self.per_look = per_look
        self.active = False
        self.pending: list[int] = []
        self.played: list[int] = []
        self.starts = self.stops = 0

    def _play(self, frames: int) -> None:
        self.played += self.pending[:frames]
        del self.pending[:frames]

    def start(self):
        if self.active:
            raise FakePortAudioError("Stream is not stopped")
        self.active, self.starts = True, self.starts + 1

    @property
    def write_available(self) -> int:
        self._play(self.per_look)
        return BUFFER - len(self.pending)

    def write(self, pcm: bytes):
        samples = np.frombuffer(pcm, dtype="<i2").tolist()
        while samples:
            room = BUFFER - len(self.pending)
            if not room:
                if not self.per_look:
                    raise FakePortAudioError("the device stalled")
                self._play(self.per_look)
                continue
            self.pending += samples[:room]
            del samples[:room]

    def stop(self):
        self.pending.clear()  # dropped, as PortAudio's ALSA host does
        self.active, self.stops = False, self.stops + 1

    def close(self):
        pass


class FakeSoundDevice:
    PortAudioError = FakePortAudioError

    def __init__(self, per_look: int = 512):
        self.stream = BufferedStream(per_look)

    def query_devices(self, device, kind):
        return {"name": "stand-in"}

    def RawOutputStream(self, **kwargs):
        return self.stream


@pytest.fixture
def sd(monkeypatch):
    fake = FakeSoundDevice()
    monkeypatch.setattr(speaker_module, "portaudio", lambda: fake)
    return fake


def ramp(n: int, start: int = 0) -> AudioChunk:
    return AudioChunk.from_array(np.arange(start, start + n) % 30000, RATE)


def test_a_piece_is_played_to_its_last_sample(sd):
    Speaker().play(ramp(RATE))
    assert sd.stream.played == list(range(RATE))  # before: the last buffer-full was dropped at stop
    assert not sd.stream.active


def test_a_recording_given_as_chunks_plays_through_in_one_go(sd):
    speaker = Speaker()
    speaker.play_all(ramp(2205, i * 2205) for i in range(10))
    assert sd.stream.played == list(range(22050))
    assert (sd.stream.starts, sd.stream.stops) == (1, 1)
    assert speaker.samples_played == 22050


def test_a_stalled_device_does_not_hang_the_evening(monkeypatch, sd):
    monkeypatch.setattr(speaker_module, "DRAIN_MARGIN_S", 0.05)
    speaker = Speaker()
    sd.stream.per_look = 0  # nothing is ever played
    speaker.play(ramp(1000))
    assert sd.stream.stops == 1 and not sd.stream.active


def test_a_recording_that_fails_half_way_leaves_the_speaker_ready(sd):
    def broken():
        yield ramp(1000)
        raise UserError("the recording is damaged")

    speaker = Speaker()
    with pytest.raises(UserError, match="damaged"):
        speaker.play_all(broken())
    assert not sd.stream.active
    speaker.play(ramp(500))
    assert sd.stream.played[-500:] == list(range(500))


def test_a_device_that_fails_says_so_in_one_line(sd):
    sd.stream.per_look = 0
    sd.stream.pending = [0] * BUFFER  # full and never playing: the write cannot go on
    with pytest.raises(UserError, match="the speaker stopped working .*check it is connected"):
        Speaker().play(ramp(100))
