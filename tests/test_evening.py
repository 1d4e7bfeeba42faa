"""An evening put together (assistant.app.evening) with fakes for the devices
and the model: failures a person can fix are said out loud, in both
languages, not only printed; and where speaking fails too, only printed."""
from __future__ import annotations

import errno
import types

import numpy as np
import pytest

from assistant.app import evening as evening_module
from assistant.app.failures import KINDS, failure_kind, failure_phrases, say_failure
from assistant.audio.mic import MicrophoneLost
from assistant.errors import UserError
from assistant.journal import storage as storage_module
from assistant.paths import default_paths
from assistant.settings import Settings
from tests.fakes import FakeMouth, ScriptedEar, ScriptedSpeech, quiet


@pytest.fixture(params=["en", "ko"])
def language(request):
    return request.param


@pytest.fixture
def fake_model(monkeypatch, tmp_path):
    """No Vosk: the scripted speech model stands in for the real one."""
    speech = ScriptedSpeech()
    monkeypatch.setattr(evening_module, "find_model",
                        lambda code, name, paths: types.SimpleNamespace(name="scripted", path=tmp_path / "model"))
    monkeypatch.setattr(evening_module, "model_rate_hz", lambda path: 16000)
    monkeypatch.setattr(evening_module, "VoskRecognizers", lambda model, rate_hz: speech)
    return speech


def _evening(language: str, ear=None, loaded=None, **settings) -> tuple[FakeMouth, UserError]:
    mouth = FakeMouth()
    with pytest.raises(UserError) as caught:
        evening_module.run_evening(default_paths(), Settings(language=language, **settings),
                                   ear=ear, model=loaded, make_mouth=lambda: mouth)
    return mouth, caught.value


def test_every_language_says_every_failure():
    for code in ("en", "ko"):
        phrases = failure_phrases(code)
        assert set(phrases) == set(KINDS) and all(p.strip() for p in phrases.values())
    assert failure_phrases("en") != failure_phrases("ko")


def test_no_model_is_said(language, tmp_path):
    mouth, error = _evening(language, model=str(tmp_path / "no-such-model"))
    assert "no speech model" in str(error)
    assert mouth.said == [failure_phrases(language)["no_model"]]


def test_a_model_that_fails_to_load_is_said(language, fake_model, monkeypatch):
    class Broken:
        def __init__(self, path):
            pass

        def start(self):
            pass

        def get(self):
            raise UserError("the speech model in /x could not be loaded (bad); remove that folder")

        def settle(self):
            pass

    monkeypatch.setattr(evening_module, "ModelLoader", Broken)
    mouth, error = _evening(language, ear=ScriptedEar(quiet(30)))
    assert "could not be loaded" in str(error)
    assert mouth.said[-1] == failure_phrases(language)["no_model"]


def test_a_lost_microphone_is_said(language, fake_model):
    ear = ScriptedEar(quiet(1.0), then_raise=MicrophoneLost("the microphone stopped sending sound"))
    mouth, error = _evening(language, ear=ear, loaded=object())
    assert "microphone" in str(error)
    assert mouth.said[-1] == failure_phrases(language)["microphone"]
    assert mouth.said[0] != mouth.said[-1]  # the evening had begun: the greeting came first


def test_no_microphone_at_all_is_said(language, fake_model, monkeypatch):
    def no_microphone(*args, **kwargs):
        raise UserError("no microphone found (no device); plug one in")

    monkeypatch.setattr(evening_module, "Microphone", no_microphone)
    mouth, error = _evening(language, loaded=object())
    assert str(error).startswith("no microphone found")
    assert mouth.said == [failure_phrases(language)["microphone"]]


def test_a_full_disk_is_said(language, fake_model, monkeypatch):
    speech = fake_model
    answer = speech.speech("a long day at work", seconds=2.0)

    def no_space(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    real_add = evening_module.Journal.add_entry

    def add_entry(self, entry):
        monkeypatch.setattr(storage_module.os, "replace", no_space)
        return real_add(self, entry)

    monkeypatch.setattr(evening_module.Journal, "add_entry", add_entry)
    ear = ScriptedEar(quiet(0.5), answer, quiet(30.0))
    mouth, error = _evening(language, ear=ear, loaded=object(), keep_audio=False)
    assert "No space left on device" in str(error)
    assert mouth.said[-1] == failure_phrases(language)["disk_full"]


def test_a_full_disk_before_the_evening_is_said(language, fake_model, monkeypatch):
    def full(self):
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        except OSError as exc:
            raise UserError(f"cannot create {self.data_dir}: {exc.strerror}; free some space") from None

    monkeypatch.setattr(evening_module.Paths, "ensure_private_dirs", full)
    mouth, _ = _evening(language, loaded=object())
    assert mouth.said == [failure_phrases(language)["disk_full"]]


def test_other_problems_before_the_evening_are_only_printed(fake_model, monkeypatch):
    def busy(*args, **kwargs):
        raise UserError("another voice-journal is writing to the journal right now")

    monkeypatch.setattr(evening_module, "Journal", busy)
    mouth, _ = _evening("en", loaded=object())
    assert mouth.said == []


def test_where_speaking_fails_the_failure_is_printed_as_before(capsys, tmp_path):
    def no_speaker():
        raise UserError("no speaker")

    with pytest.raises(UserError) as caught:
        evening_module.run_evening(default_paths(), Settings(model=str(tmp_path / "none")), make_mouth=no_speaker)
    assert "no speech model" in str(caught.value)  # the original problem, not the speaker's


@pytest.mark.parametrize("exc, kind", [
    (MicrophoneLost("gone"), "microphone"),
    (UserError("no speech model for English", exit_code=3), "no_model"),
    (OSError(errno.ENOSPC, "No space left on device"), "disk_full"),
    (OSError(errno.EDQUOT, "Disk quota exceeded"), "disk_full"),
    (OSError(errno.EIO, "I/O error"), "failed"),
    (UserError("something else"), "failed"),
])
def test_failure_kind(exc, kind):
    assert failure_kind(exc) == kind
    try:  # as the storage raises it: a UserError from None, the OSError kept as its context
        try:
            raise exc
        except BaseException:
            raise UserError("could not save the journal") from None
    except UserError as wrapped:
        assert failure_kind(wrapped) == kind


def test_say_failure_opens_a_mouth_only_to_speak_and_survives_a_broken_one():
    mouth = FakeMouth()
    assert say_failure(lambda: mouth, "en", MicrophoneLost("x")) == failure_phrases("en")["microphone"]
    assert say_failure(mouth, "ko", MicrophoneLost("x")) == failure_phrases("ko")["microphone"]
    broken = types.SimpleNamespace(say=lambda text: (_ for _ in ()).throw(RuntimeError("espeak-ng is gone")))
    assert say_failure(broken, "en", MicrophoneLost("x")) is None


@pytest.mark.stack
def test_no_model_is_heard_from_the_speaker_on_the_real_stack(tmp_path):
    """``voice-journal --lang en`` with no English model: one printed line, and
    the same failure said through the (ALSA file) speaker."""
    from assistant.language.packs import load_language
    from tests.stack import SPEAKER_RATE_HZ, Rig, espeak

    rig = Rig(tmp_path).setup(quiet(1.0))
    result = rig.run("--lang", "en", timeout=120)
    assert result.returncode == 3 and "no speech model for English" in result.stderr
    assert "Traceback" not in result.stderr
    phrase = failure_phrases("en")["no_model"]
    expected_s = 0.25 + len(espeak(phrase, voice=load_language("en").voice, rate_hz=SPEAKER_RATE_HZ)) / SPEAKER_RATE_HZ
    assert rig.speaker_seconds() == pytest.approx(expected_s, rel=0.1)


def test_a_failure_said_is_an_event_in_the_json_stream(capsys, tmp_path):
    import json

    mouth = FakeMouth()
    with pytest.raises(UserError):
        evening_module.run_evening(default_paths(), Settings(language="ko", model=str(tmp_path / "none")),
                                   json_events=True, make_mouth=lambda: mouth)
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert events == [{"event": "say", "text": failure_phrases("ko")["no_model"]}]
    assert mouth.said == [failure_phrases("ko")["no_model"]]
