"""The scripted speech model: audio that says a phrase, recognisers that hear it back."""
from __future__ import annotations

import numpy as np

from assistant.audio.chunks import AudioChunk
from assistant.speech.recognizer import Partial, Utterance
from assistant.speech.scripted import ScriptedSpeech
from tests.fakes import RATE, ScriptedEar, quiet


def events(rec, *parts: np.ndarray) -> list:
    out = [rec.accept(chunk) for chunk in ScriptedEar(*parts, then_silence=False)]
    return [e for e in out if e is not None] + [rec.finish()]


def test_a_phrase_is_heard_back_with_its_words_across_the_speech():
    speech = ScriptedSpeech()
    heard = events(speech(), quiet(0.5), speech.speech("today was long", 1.5), quiet(1.0))
    utterances = [e for e in heard if isinstance(e, Utterance)]
    assert [u.text for u in utterances] == ["today was long"]
    words = utterances[0].words
    assert [w.word for w in words] == ["today", "was", "long"]
    assert words[0].start_s == 0.5 and words[-1].end_s == 2.0
    assert any(isinstance(e, Partial) for e in heard)  # free dictation guesses as it goes
    assert heard[-1] is None  # the endpoint already closed it


def test_free_dictation_hears_what_it_is_told_a_grammar_hears_the_phrase():
    speech = ScriptedSpeech()
    clip = speech.speech("넘어가", 0.6, heard_as="가")
    assert [e.text for e in events(speech(), quiet(0.3), clip, quiet(0.8)) if isinstance(e, Utterance)] == ["가"]
    grammar = speech(["넘어가", "그만"])
    assert [e.text for e in events(grammar, quiet(0.3), clip, quiet(0.8)) if isinstance(e, Utterance)] == ["넘어가"]
    other = speech(["그만"])
    assert [e.text for e in events(other, quiet(0.3), clip, quiet(0.8)) if isinstance(e, Utterance)] == ["[unk]"]
    assert speech.grammars == [None, ("넘어가", "그만"), ("그만",)]


def test_known_phrases_leave_out_unknown_words():
    speech = ScriptedSpeech(unknown_words=["xyzzy"])
    assert speech.known(["yes", "say xyzzy", "no"]) == ["yes", "no"]


def test_word_times_count_from_a_reset():
    speech = ScriptedSpeech()
    rec = speech()
    events(rec, quiet(2.0))
    rec.reset()
    heard = events(rec, quiet(0.2), speech.speech("again", 0.5), quiet(0.6))
    (utterance,) = [e for e in heard if isinstance(e, Utterance)]
    assert utterance.words[0].start_s == 0.2


def test_without_endpoints_an_utterance_is_held_until_finish():
    speech = ScriptedSpeech(endpoint_s=None)
    rec = speech()
    for chunk in ScriptedEar(speech.speech("skip", 0.5), quiet(2.0), speech.speech("stop", 0.5), then_silence=False):
        assert not isinstance(rec.accept(chunk), Utterance)
    assert rec.finish().text == "skip stop"


def test_a_click_or_noise_is_not_a_phrase():
    speech = ScriptedSpeech()
    speech.speech("hello")
    click = np.zeros(800, dtype="<i2")
    click[::2] = 20000
    noise = (np.random.default_rng(1).standard_normal(RATE) * 20).astype("<i2")
    rec = speech()
    assert rec.accept(AudioChunk.from_array(np.concatenate([click, noise]), RATE)) is None
    assert rec.finish() is None
