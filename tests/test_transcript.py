"""Transcripts without the speech model's own symbols: a table of cases."""
from __future__ import annotations

import pytest

from assistant.language.transcript import clean_text, clean_words, has_model_tokens, is_model_token


@pytest.mark.parametrize("word", [
    "[2]", "[19]", "[00]", "[칠]", "[쩜]", "(천)", "(십)", "(백)", "{만}", "{억}", "<UNK>", "<unk>",
    "<SPOKEN_NOISE>", "!SIL", "[unk]", "#0", "<s>", "</s>",
])
def test_model_symbols_are_not_words(word):
    assert is_model_token(word)


@pytest.mark.parametrize("word", ["2", "19", "칠", "천", "오늘", "hello", "DC", "it's", "C++", "a)", "(웃음"])
def test_words_people_say_are_kept(word):
    assert not is_model_token(word)


@pytest.mark.parametrize("text, clean", [
    ("저 의 과 너희 도 [2] 호기", "저 의 과 너희 도 호기"),
    ("[2] (십) [5] 번", "번"),
    ("오늘 (천) 원 썼어요 <UNK>", "오늘 원 썼어요"),
    ("[19]", ""),
    ("", ""),
    ("  plain   words ", "plain words"),
    ("[unk] stop [unk]", "stop"),
])
def test_clean_text(text, clean):
    assert clean_text(text) == clean
    assert not has_model_tokens(clean_text(text))


def test_clean_words_drops_symbols_and_keeps_the_others_timings():
    words = [{"word": "오늘", "start": 0.3, "end": 0.6}, {"word": "[2]", "start": 0.6, "end": 0.8},
             {"word": "(십)", "start": 0.8, "end": 0.9}, {"word": "좋았어요", "start": 1.0, "end": 1.5}]
    kept = clean_words(words, lambda w: w["word"])
    assert kept == [words[0], words[3]]
    assert kept[1] is words[3]  # the very record, timings untouched
