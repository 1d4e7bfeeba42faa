"""Speech synthesis through pyttsx3 and espeak-ng, for real (no sound card:
the voice only synthesizes; a sink plays)."""
from __future__ import annotations

import pytest

from assistant.errors import UserError
from assistant.speech.voice import ATTEMPTS, Voice
from tests.stack import espeak, have_stack

pytestmark = [pytest.mark.stack, pytest.mark.skipif(not have_stack(), reason="needs espeak-ng")]
TEXT = "오늘 하루는 어땠어요?"


def header_only(monkeypatch) -> None:
    """The failure as seen: the driver's WAV has its header and no frames."""
    import wave

    import pyttsx3.drivers.espeak as driver

    class Dropping:
        def open(self, f, mode):
            writer = wave.open(f, mode)
            writer.writeframes = lambda data: None
            return writer

    monkeypatch.setattr(driver, "wave", Dropping())


@pytest.fixture
def voice():
    v = Voice("ko")
    yield v
    v.close()


def test_a_sentence_becomes_as_much_audio_as_espeak_makes_of_it(voice):
    audio = voice.synthesize(TEXT)
    reference = len(espeak(TEXT, rate_hz=audio.rate_hz)) / audio.rate_hz
    assert audio.seconds == pytest.approx(reference, abs=0.15)
    assert voice.retries == 0 and voice.cli_fallbacks == 0
    assert abs(audio.array()).max() > 1000  # speech, not silence


def test_the_drivers_own_file_coming_out_empty_loses_nothing(voice, monkeypatch):
    """pyttsx3's driver now and then wrote an empty file (seen on a busy machine under strace):
    the voice keeps what espeak hands over itself, so the evening is still spoken, first time."""
    header_only(monkeypatch)
    audio = voice.synthesize(TEXT)
    assert voice.retries == 0 and voice.cli_fallbacks == 0
    reference = len(espeak(TEXT, rate_hz=audio.rate_hz)) / audio.rate_hz
    assert audio.seconds == pytest.approx(reference, abs=0.15)


def test_an_error_in_the_drivers_callback_loses_no_speech(monkeypatch):
    """An exception in pyttsx3's callback (on espeak's thread) used to drop that buffer: a second
    of a sentence went missing. The voice keeps every buffer whatever the driver does with it."""
    import pyttsx3.drivers.espeak as driver

    original = driver.EspeakDriver._onSynth
    calls = []

    def failing_now_and_then(self, wav, numsamples, events):
        calls.append(numsamples)
        if len(calls) % 3 == 0:
            raise ReferenceError("weakly-referenced object no longer exists")
        return original(self, wav, numsamples, events)

    monkeypatch.setattr(driver.EspeakDriver, "_onSynth", failing_now_and_then)
    voice = Voice("ko")
    try:
        text = "11월 23일 월요일에 받은 질문이에요. 오늘 답장이 오지 않은 일이 있었나요?"
        audio = voice.synthesize(text)
    finally:
        voice.close()
    assert len(calls) >= 6  # several buffers went through the failing callback
    reference = len(espeak(text, rate_hz=audio.rate_hz)) / audio.rate_hz
    assert audio.seconds == pytest.approx(reference, abs=0.15)
    assert voice.retries == 0


def test_an_utterance_that_does_not_come_whole_is_tried_again_then_made_by_the_espeak_command(voice, monkeypatch):
    from assistant.speech.voice import Capture

    monkeypatch.setattr(Capture, "audio", lambda self, wait_s: None)
    audio = voice.synthesize(TEXT)
    assert voice.retries == ATTEMPTS and voice.cli_fallbacks == 1
    reference = len(espeak(TEXT, rate_hz=audio.rate_hz)) / audio.rate_hz
    assert audio.seconds == pytest.approx(reference, abs=0.15)


def test_with_no_way_to_make_sound_it_says_so_in_one_line(voice, monkeypatch):
    import assistant.speech.voice as tts

    monkeypatch.setattr(tts.Capture, "audio", lambda self, wait_s: None)
    monkeypatch.setattr(tts.shutil, "which", lambda name: None)
    with pytest.raises(UserError, match="produced no sound"):
        voice.synthesize(TEXT)


def _events(_espeak, *types):
    array = (_espeak.EVENT * (len(types) + 1))()
    for i, kind in enumerate(types):
        array[i].type = kind
    array[len(types)].type = _espeak.EVENT_LIST_TERMINATED
    return array


class _Driver:
    """Stands in for pyttsx3's callback: counts what it is given, fails when told to."""

    def __init__(self, fail: bool = False):
        self.calls, self.fail = 0, fail

    def __call__(self, wav, numsamples, events):
        self.calls += 1
        if self.fail:
            raise RuntimeError("the driver broke")
        return 0


def _feed(capture, _espeak, buffers, ran_to_end: bool = True):
    """Hand ``capture`` what espeak would: buffers (the last with the end of the message when
    ``ran_to_end`` is False), espeak's end of data, then the end of the message."""
    import ctypes

    import numpy as np

    returned = []
    ptr = lambda a: a.ctypes.data_as(ctypes.POINTER(ctypes.c_short))
    for samples in buffers:
        returned.append(capture(ptr(np.asarray(samples, dtype=np.int16)), len(samples), _events(_espeak)))
    null = ctypes.POINTER(ctypes.c_short)()
    if ran_to_end:
        returned.append(capture(null, 0, _events(_espeak)))
    returned.append(capture(null, 0, _events(_espeak, _espeak.EVENT_MSG_TERMINATED)))
    return returned


@pytest.mark.parametrize("fail", [False, True], ids=["driver well", "driver raising"])
def test_the_capture_keeps_every_buffer_and_always_tells_espeak_to_go_on(fail):
    pytest.importorskip("pyttsx3")
    from pyttsx3.drivers import _espeak

    from assistant.speech.voice import Capture

    driver = _Driver(fail)
    capture = Capture(driver, _espeak)
    returned = _feed(capture, _espeak, [range(300), range(300, 500)])
    assert returned == [0, 0, 0, 0]  # anything else (or an exception) tells espeak to stop
    assert driver.calls == 4
    audio = capture.audio(wait_s=0)
    assert audio.samples == 500 and list(audio.array()[[0, 299, 499]]) == [0, 299, 499]


def test_an_utterance_espeak_stopped_half_way_does_not_count():
    pytest.importorskip("pyttsx3")
    from pyttsx3.drivers import _espeak

    from assistant.speech.voice import Capture

    capture = Capture(_Driver(), _espeak)
    _feed(capture, _espeak, [range(300)], ran_to_end=False)
    assert capture.audio(wait_s=0) is None
    capture.begin()
    assert capture.audio(wait_s=0.01) is None  # nothing came at all
    _feed(capture, _espeak, [range(300)])
    assert capture.audio(wait_s=0).samples == 300


def test_the_last_buffer_of_an_utterance_is_kept(tmp_path):
    """Samples handed over with the end of the message: pyttsx3 alone writes its file first and
    drops them (the end of a sentence went missing under load); the capture keeps them."""
    import ctypes
    import wave

    import numpy as np

    pytest.importorskip("pyttsx3")
    from pyttsx3.drivers import _espeak
    from pyttsx3.drivers.espeak import EspeakDriver

    from assistant.speech.voice import Capture

    class Proxy:
        def notify(self, *args, **kwargs):
            pass

        def setBusy(self, busy):
            pass

    driver = EspeakDriver.__new__(EspeakDriver)  # the real driver's callback, without espeak set up
    driver._proxy, driver._speaking, driver._looping, driver._data_buffer = Proxy(), True, True, b""
    driver._save_file, driver._text_to_say = str(tmp_path / "u.wav"), "네"
    capture = Capture(driver._onSynth, _espeak)
    ptr = lambda a: a.ctypes.data_as(ctypes.POINTER(ctypes.c_short))
    capture(ptr(np.arange(300, dtype=np.int16)), 300, _events(_espeak))
    capture(ctypes.POINTER(ctypes.c_short)(), 0, _events(_espeak))  # espeak's end of data
    capture(ptr(np.arange(300, 500, dtype=np.int16)), 200, _events(_espeak, _espeak.EVENT_MSG_TERMINATED))
    with wave.open(str(tmp_path / "u.wav")) as w:
        assert w.getnframes() == 300  # pyttsx3's own file: the last 200 samples lost
    assert capture.audio(wait_s=0).samples == 500


def test_two_voices_speaking_at_once_each_say_their_own_sentences_whole():
    """espeak-ng is one synthesizer per process and pyttsx3 gives every voice the same engine: two voices
    speaking at once (the web page's login code asked twice) crashed the process (a segmentation fault)."""
    import threading

    spoken = {("ko", 150): "11월 23일 월요일에 받은 질문이에요. 오늘 답장이 오지 않은 일이 있었나요?",
              ("en", 190): "You were asked on Monday the twenty third of November whether a message went unanswered."}
    got, failed = {}, []

    def speak(voice_name, rate):
        try:
            voice = Voice(voice_name, rate)
            try:
                got[voice_name] = [voice.synthesize(spoken[voice_name, rate]) for _ in range(3)]
            finally:
                voice.close()
        except Exception as exc:  # noqa: BLE001 - reported below
            failed.append(exc)

    threads = [threading.Thread(target=speak, args=key) for key in spoken]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not failed
    for (voice_name, rate), text in spoken.items():
        reference = len(espeak(text, voice=voice_name, rate_wpm=rate, rate_hz=22050)) / 22050
        assert [round(a.seconds, 1) for a in got[voice_name]] == pytest.approx([reference] * 3, abs=0.15)

