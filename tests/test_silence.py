"""Silence detection counted in samples: speech, pauses, clicks, chunk sizes, thresholds."""
from __future__ import annotations

import math

import numpy as np
import pytest

from assistant.audio.chunks import AudioChunk, join, silence, tone
from assistant.audio.silence import FRAME_S, MIN_SPEECH_S, SilenceDetector, level_db

RATE = 16000
FRAME = int(FRAME_S * RATE)  # 480 samples


def noise(seconds: float, db: float, seed: int = 0, rate: int = RATE) -> AudioChunk:
    """White noise whose RMS level is ``db`` dBFS."""
    rng = np.random.default_rng(seed)
    data = rng.standard_normal(int(round(seconds * rate)))
    data *= 32768 * 10 ** (db / 20) / np.sqrt(np.mean(data**2))
    return AudioChunk.from_array(np.round(data), rate)


def speech_like(seconds: float, rate: int = RATE) -> AudioChunk:
    """A vowel-ish tone at a speaking level (about -13 dBFS)."""
    return tone(220, seconds, rate, volume=0.3)


def feed_in_chunks(detector: SilenceDetector, audio: AudioChunk, chunk_s: float) -> SilenceDetector:
    step = max(1, int(round(chunk_s * audio.rate_hz)))
    data = audio.array()
    for start in range(0, len(data), step):
        detector.feed(AudioChunk.from_array(data[start:start + step], audio.rate_hz))
    return detector


def state(d: SilenceDetector) -> tuple:
    return (d.samples_seen, d.speech_samples, d.trailing_silence_samples, d.last_speech_end, d.heard_speech)


def test_level_db():
    assert level_db(np.zeros(100, dtype=np.int16)) == -math.inf
    assert level_db(np.zeros(0, dtype=np.int16)) == -math.inf
    assert level_db(np.full(100, 32768 // 2, dtype=np.int16)) == pytest.approx(-6.02, abs=0.01)
    assert level_db(noise(1.0, -30).array()) == pytest.approx(-30, abs=0.05)
    assert level_db(tone(1000, 1.0, RATE, volume=1.0).array()) == pytest.approx(-3.0, abs=0.1)


# Segments are whole frames (multiples of 30 ms), so the expected counts are exact.
CASES = [
    # (label, segments, heard_speech, trailing_silence_s, speech_s, last_speech_end_s)
    ("silence only", [("quiet", 2.01)], False, 2.01, 0.0, 0.0),
    ("speech then silence", [("quiet", 0.99), ("speech", 0.51), ("quiet", 2.01)], True, 2.01, 0.51, 1.50),
    ("speech then room noise", [("quiet", 0.3), ("speech", 0.6), ("noise-60", 1.5)], True, 1.5, 0.6, 0.9),
    ("speech at the very end", [("quiet", 0.9), ("speech", 0.3)], True, 0.0, 0.3, 1.2),
    ("two phrases, short pause", [("speech", 0.6), ("quiet", 0.9), ("speech", 0.6), ("quiet", 0.3)], True, 0.3, 1.2, 2.1),
    ("a click is not speech", [("quiet", 0.99), ("click", 0.06), ("quiet", 1.02)], False, 2.07, 0.06, 0.0),
    ("a 90 ms burst is not speech", [("quiet", 0.3), ("speech", 0.09), ("quiet", 0.6)], False, 0.99, 0.09, 0.0),
    ("a 120 ms burst is speech", [("quiet", 0.3), ("speech", 0.12), ("quiet", 0.6)], True, 0.6, 0.12, 0.42),
    ("loud noise counts as sound", [("noise-20", 0.3), ("quiet", 1.2)], True, 1.2, 0.3, 0.3),
    ("noise under the threshold", [("noise-50", 3.0)], False, 3.0, 0.0, 0.0),
]


def build(segments, seed: int = 0) -> AudioChunk:
    parts = []
    for i, (kind, seconds) in enumerate(segments):
        if kind == "quiet":
            parts.append(silence(seconds, RATE))
        elif kind in ("speech", "click"):
            parts.append(speech_like(seconds) if kind == "speech" else tone(2000, seconds, RATE, volume=0.8))
        elif kind.startswith("noise"):
            parts.append(noise(seconds, float(kind[5:]), seed=seed + i))
    return join(parts)


@pytest.mark.parametrize("label, segments, heard, trailing_s, speech_s, end_s", CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("chunk_s", [0.01, 0.1, 0.25])
def test_counts(label, segments, heard, trailing_s, speech_s, end_s, chunk_s):
    audio = build(segments)
    d = feed_in_chunks(SilenceDetector(RATE), audio, chunk_s)
    assert d.samples_seen == audio.samples  # every segment is whole frames
    assert d.seconds_seen == pytest.approx(audio.seconds)
    assert d.heard_speech is heard
    assert d.trailing_silence_s == pytest.approx(trailing_s, abs=1e-9)
    assert d.speech_samples == round(speech_s * RATE)
    assert d.last_speech_end == round(end_s * RATE)


def test_a_50ms_click_does_not_count_as_speech():
    audio = join([silence(1.0, RATE), tone(2000, 0.05, RATE, volume=0.9), silence(1.0, RATE)])
    d = feed_in_chunks(SilenceDetector(RATE), audio, 0.1)
    assert not d.heard_speech
    assert d.last_speech_end == 0
    # the click's frames are counted as silence too: nothing interrupts it
    assert d.trailing_silence_samples == d.samples_seen


@pytest.mark.parametrize("rate", [8000, 16000, 22050, 44100])
def test_chunk_size_does_not_change_anything(rate):
    """Same audio, fed 10 ms or 250 ms or 137 ms or all at once: same counts."""
    rng = np.random.default_rng(3)
    parts = [silence(0.37, rate)]
    for _ in range(6):
        parts.append(tone(float(rng.uniform(150, 400)), float(rng.uniform(0.05, 0.7)), rate, volume=float(rng.uniform(0.01, 0.4))))
        parts.append(noise(float(rng.uniform(0.1, 1.1)), -55, seed=int(rng.integers(100)), rate=rate))
    audio = join(parts)
    results = set()
    for chunk_s in (0.01, 0.25, 0.137, 1.0, audio.seconds + 1):
        d = feed_in_chunks(SilenceDetector(rate), audio, chunk_s)
        results.add(state(d))
    assert len(results) == 1
    seen, speech, trailing, end, heard = results.pop()
    frame = int(FRAME_S * rate)
    assert seen == audio.samples - audio.samples % frame  # a partial frame waits for more audio
    assert heard and speech > 0 and 0 < end <= seen


def test_samples_not_wall_time_single_samples():
    """Feeding one sample at a time still counts exact frames."""
    audio = build([("quiet", 0.09), ("speech", 0.15), ("quiet", 0.06)])
    data = audio.array()
    d = SilenceDetector(RATE)
    for value in data:
        d.feed(AudioChunk.from_array(np.array([value]), RATE))
    ref = SilenceDetector(RATE)
    ref.feed(audio)
    assert state(d) == state(ref) == (len(data), round(0.15 * RATE), round(0.06 * RATE), round(0.24 * RATE), True)


@pytest.mark.parametrize(
    "level_db_, threshold_db, is_speech",
    [
        (-40, -45, True),
        (-40, -35, False),
        (-50, -45, False),
        (-50, -55, True),
        (-20, -45, True),
        (-20, -15, False),
        (-60, -45, False),
    ],
)
def test_threshold(level_db_, threshold_db, is_speech):
    audio = join([silence(0.3, RATE), noise(0.6, level_db_, seed=5), silence(0.9, RATE)])
    d = SilenceDetector(RATE, threshold_db=threshold_db)
    d.feed(audio)
    assert d.heard_speech is is_speech
    assert d.trailing_silence_s == pytest.approx(0.9 if is_speech else 1.8)


def test_reset_silence_starts_counting_again():
    d = SilenceDetector(RATE)
    d.feed(build([("speech", 0.3), ("quiet", 1.5)]))
    assert d.trailing_silence_s == pytest.approx(1.5)
    d.reset_silence()
    assert d.trailing_silence_s == 0
    d.feed(silence(0.6, RATE))
    assert d.trailing_silence_s == pytest.approx(0.6)
    assert d.heard_speech  # what was heard stays heard


def test_min_speech_constant_is_what_the_counts_use():
    frames_needed = math.ceil(MIN_SPEECH_S * RATE / FRAME)
    short = build([("quiet", 0.3), ("speech", (frames_needed - 1) * FRAME_S), ("quiet", 0.3)])
    long = build([("quiet", 0.3), ("speech", frames_needed * FRAME_S), ("quiet", 0.3)])
    a, b = SilenceDetector(RATE), SilenceDetector(RATE)
    a.feed(short)
    b.feed(long)
    assert not a.heard_speech and b.heard_speech


# -- a noise-adaptive threshold: steady room noise is not speech ----------------

def noisy(segments, noise_db: float, seed: int = 1) -> AudioChunk:
    """``segments`` of ("speech", s) and ("pause", s) over steady noise at ``noise_db``."""
    parts = [speech_like(s) if kind == "speech" else silence(s, RATE) for kind, s in segments]
    clean = join(parts).array().astype(np.float64)
    under = noise(len(clean) / RATE, noise_db, seed=seed).array().astype(np.float64)
    return AudioChunk.from_array(np.clip(np.round(clean + under), -32768, 32767), RATE)


@pytest.mark.parametrize("noise_db", [-40.0, -33.0, -28.0])
def test_the_end_of_an_answer_is_found_in_steady_noise(noise_db):
    """A fan at -40..-28 dBFS (above the fixed -45): speech bursts with short gaps are one
    answer (no false end), and the silence after it is counted from its last burst."""
    audio = noisy([("pause", 1.5), ("speech", 0.6), ("pause", 0.4), ("speech", 0.9), ("pause", 0.3),
                   ("speech", 0.6), ("pause", 3.0)], noise_db)
    d = SilenceDetector(RATE)
    longest_silence_before_end = 0.0
    for start in range(0, audio.samples, 1600):
        d.feed(AudioChunk(audio.pcm[start * 2:(start + 1600) * 2], RATE))
        if d.seconds_seen < 4.3:  # while the answer goes on, no silence long enough to end it
            longest_silence_before_end = max(longest_silence_before_end, d.trailing_silence_s if d.heard_speech else 0)
    assert d.heard_speech
    assert d.last_speech_end / RATE == pytest.approx(4.3, abs=0.06)
    assert d.trailing_silence_s == pytest.approx(3.0, abs=0.06)
    assert longest_silence_before_end < 0.5
    assert d.speech_threshold_db > noise_db


def test_steady_noise_alone_is_never_speech_even_from_the_first_moment():
    d = feed_in_chunks(SilenceDetector(RATE), noise(6.0, -35, seed=2), 0.1)
    assert not d.heard_speech and d.speech_samples == 0
    assert d.trailing_silence_s == pytest.approx(d.seconds_seen)
    assert -37 < d.noise_floor_db < -34 and not d.high_passed  # white noise: the full view


def test_a_fan_switched_on_mid_answer_is_followed():
    audio = join([build([("quiet", 0.6), ("speech", 0.6), ("quiet", 0.3)]), noise(8.0, -32, seed=3)])
    d = feed_in_chunks(SilenceDetector(RATE), audio, 0.1)
    assert d.heard_speech and d.last_speech_end / RATE <= 1.2 + 6.0  # the floor caught up within its window
    assert d.trailing_silence_s > 1.5


def test_a_soft_voice_in_a_quiet_room_still_counts():
    """Room hiss at -62 dBFS, a voice at -42 dBFS: just over the configured -45, as before."""
    voice = tone(220, 0.6, RATE, volume=10 ** (-39 / 20))  # a tone's RMS is 3 dB under its peak: -42 dBFS
    audio = join([noise(1.5, -62, seed=4), voice, noise(1.5, -62, seed=5)])
    d = feed_in_chunks(SilenceDetector(RATE), audio, 0.1)
    assert level_db(voice.array()) == pytest.approx(-42, abs=0.2)
    assert d.heard_speech and d.speech_samples == round(0.6 * RATE)
    assert d.speech_threshold_db < -45.0  # the floor is far below: the configured threshold decides


def test_a_sound_over_the_ceiling_is_always_sound():
    from assistant.audio.silence import CEILING_DB

    d = feed_in_chunks(SilenceDetector(RATE), noise(3.0, CEILING_DB + 5, seed=6), 0.1)
    assert d.heard_speech and d.trailing_silence_s == 0  # a shout-level noise is still sound
    d = feed_in_chunks(SilenceDetector(RATE), noise(3.0, CEILING_DB - 5, seed=6), 0.1)
    assert not d.heard_speech  # under it, steady noise is the room


@pytest.mark.stack
def test_espeak_speech_over_sox_brown_noise_ends_on_its_silence(tmp_path):
    """The real stack's sounds: espeak-ng says an answer over a fan-like brown noise
    made by sox (above the fixed -45 dBFS); the answer's end is found after the
    speech, within a frame or two of the silence that follows it."""
    import shutil
    import subprocess
    import wave

    from tests.stack import espeak

    if not shutil.which("sox"):
        pytest.skip("sox is not installed")
    said = espeak("오늘은 조금 피곤했어요. 그래도 산책을 했어요.", rate_hz=RATE).astype(np.float64)
    said *= 10 ** (-20 / 20) * 32768 / np.sqrt(np.mean(said ** 2))
    path = tmp_path / "fan.wav"
    subprocess.run(["sox", "-n", "-r", str(RATE), "-c", "1", "-b", "16", str(path), "synth", "20", "brownnoise",
                    "vol", "0.1"], check=True, capture_output=True)
    with wave.open(str(path)) as w:
        fan = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64)
    lead, tail = int(1.0 * RATE), int(4.0 * RATE)
    clean = np.concatenate([np.zeros(lead), said, np.zeros(tail)])
    mixed = AudioChunk.from_array(np.clip(np.round(clean + fan[:len(clean)]), -32768, 32767), RATE)
    assert level_db(fan) > -45  # the fixed threshold alone would take the fan for speech
    d = feed_in_chunks(SilenceDetector(RATE), mixed, 0.1)
    speech_end_s = (lead + len(said)) / RATE
    assert d.heard_speech
    assert d.last_speech_end / RATE <= speech_end_s + 0.1  # not the fan
    assert d.trailing_silence_s >= 3.9  # the silence after the answer counts as silence
