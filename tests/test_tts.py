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


def test_an_empty_result_is_tried_again_then_made_by_the_espeak_command(voice, monkeypatch):
    """pyttsx3's driver now and then writes an empty file however often it is
    asked (seen on a busy machine under strace): the evening is still spoken."""
    header_only(monkeypatch)
    audio = voice.synthesize(TEXT)
    assert voice.retries == ATTEMPTS and voice.cli_fallbacks == 1
    reference = len(espeak(TEXT, rate_hz=audio.rate_hz)) / audio.rate_hz
    assert audio.seconds == pytest.approx(reference, abs=0.15)


def test_with_no_way_to_make_sound_it_says_so_in_one_line(voice, monkeypatch):
    import assistant.speech.voice as tts

    header_only(monkeypatch)
    monkeypatch.setattr(tts.shutil, "which", lambda name: None)
    with pytest.raises(UserError, match="produced no sound"):
        voice.synthesize(TEXT)


def _events(_espeak, *types):
    array = (_espeak.EVENT * (len(types) + 1))()
    for i, kind in enumerate(types):
        array[i].type = kind
    array[len(types)].type = _espeak.EVENT_LIST_TERMINATED
    return array


def test_the_last_buffer_of_an_utterance_is_kept(tmp_path):
    """espeak may hand over the last samples with the end of the message; pyttsx3 alone would
    write the file first and drop them (the end of a sentence went missing under load)."""
    import ctypes
    import wave

    import numpy as np

    pytest.importorskip("pyttsx3")
    from pyttsx3.drivers import _espeak
    from pyttsx3.drivers.espeak import EspeakDriver

    from assistant.speech.voice import keeping_last_samples

    class Proxy:
        def notify(self, *args, **kwargs):
            pass

        def setBusy(self, busy):
            pass

    def utterance(callback):
        driver = EspeakDriver.__new__(EspeakDriver)  # the real driver's callback, without espeak set up
        driver._proxy, driver._speaking, driver._looping, driver._data_buffer = Proxy(), True, True, b""
        driver._save_file, driver._text_to_say = str(tmp_path / "u.wav"), "네"
        synth = callback(driver)
        first = np.arange(300, dtype=np.int16)
        last = np.arange(300, 500, dtype=np.int16)
        ptr = lambda a: a.ctypes.data_as(ctypes.POINTER(ctypes.c_short))
        synth(ptr(first), len(first), _events(_espeak))
        synth(ptr(last), len(last), _events(_espeak, _espeak.EVENT_MSG_TERMINATED))
        with wave.open(str(tmp_path / "u.wav")) as w:
            return w.getnframes()

    assert utterance(lambda driver: driver._onSynth) == 300  # pyttsx3 alone: the last 200 samples lost
    assert utterance(lambda driver: keeping_last_samples(driver, _espeak)) == 500
