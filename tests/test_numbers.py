"""Spoken numbers (assistant.language.numbers): a table of how people say one to ten."""
from __future__ import annotations

import pytest

from assistant.language.numbers import SpokenNumbers, number_grammar, parse_number
from assistant.language.packs import load_language


@pytest.fixture(scope="module", params=["en", "ko"])
def numbers(request):
    return request.param, SpokenNumbers.from_naming(load_language(request.param).naming)


CASES = {
    "en": [("seven", 7), ("Seven.", 7), ("7", 7), ("10", 10), ("ten", 10), ("one", 1), ("about five", 5),
           ("five or so", 5), ("around 5", 5), ("maybe three", 3), ("like eight", 8), ("sixish", None),
           ("seven or eight", None), ("i don't know", None), ("", None), (None, None), ("five five", 5),
           ("yes", None), ("7/10", 7), ("seven out of ten", 7), ("7 out of 10", 7), ("about seven out of ten", 7),
           ("ten out of ten", 10), ("three out of", 3)],
    "ko": [("일곱", 7), ("칠", 7), ("7", 7), ("7점", 7), ("일", 1), ("하나", 1), ("십", 10), ("열", 10),
           ("이", 2), ("둘", 2), ("사", 4), ("넷", 4), ("한 다섯", 5), ("다섯 정도", 5), ("오 정도", 5),
           ("다섯 쯤", 5), ("약 오", 5), ("대충 여섯", 6), ("일곱 여덟", None), ("몰라요", None), ("네", None),
           ("한", None), ("정도", None), ("  여덟  ", 8), ("아홉", 9), ("구", 9), ("팔", 8), ("육", 6), ("삼", 3),
           ("셋", 3), ("여섯", 6), ("오 칠", None), ("열 중에 칠", 7), ("10 중에 7", 7), ("십 중에 여덟", 8),
           ("열 중에 열", 10), ("열 중에", None)],
}


def test_how_people_say_a_number(numbers):
    code, spoken = numbers
    for text, value in CASES[code]:
        assert parse_number(text, spoken) == value, (code, text)


def test_every_number_word_of_the_pack_parses_to_its_value(numbers):
    code, spoken = numbers
    for word, value in load_language(code).naming["numbers"].items():
        assert parse_number(word, spoken) == value
        around = spoken.about_before + spoken.scale_before
        after = spoken.about_after + spoken.scale_after
        forms = {f"{hedge} {word}" for hedge in around} | {f"{word} {hedge}" for hedge in after}
        assert forms <= set(number_grammar(spoken))
        for phrase in forms:
            assert parse_number(phrase, spoken) == value, phrase


def test_both_korean_sets_cover_one_to_ten():
    spoken = SpokenNumbers.from_naming(load_language("ko").naming)
    sino = {w: v for w, v in spoken.words.items() if w in "일 이 삼 사 오 육 칠 팔 구 십".split()}
    assert sorted(sino.values()) == list(range(1, 11))
    assert sorted(v for w, v in spoken.words.items() if w not in sino) == list(range(1, 11))


def test_the_grammar_has_the_hedged_forms_once():
    spoken = SpokenNumbers({"five": 5}, ("about",), ("or so",))
    assert number_grammar(spoken) == ["five", "about five", "five or so"]
    scaled = SpokenNumbers({"five": 5}, scale_after=("out of ten",))
    assert number_grammar(scaled) == ["five", "five out of ten"]
