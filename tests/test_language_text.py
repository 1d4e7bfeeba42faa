"""The one text normaliser: what Vosk hears and what the data files say, in one shape."""
from __future__ import annotations

import unicodedata

import pytest

from assistant.language.text import normalise


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hello, World!", "hello world"),
        ("  many   spaces\tand\nlines ", "many spaces and lines"),
        ("What’s up?", "what's up"),
        ("don't-stop", "don't stop"),
        ("ÉCOLE", "école"),
        (unicodedata.normalize("NFD", "école"), "école"),
        ("다시, 말해줘!", "다시 말해줘"),
        ("‘quoted’", "quoted'"),  # a left quote is punctuation, a right one an apostrophe
        ("ｆｕｌｌ", "ｆｕｌｌ"),  # NFC keeps full-width letters
        ("", ""),
        ("?!", ""),
    ],
)
def test_normalise(text, expected):
    assert normalise(text) == expected
    assert normalise(normalise(text)) == normalise(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ｆｕｌｌ　ｗｉｄｔｈ！", "full width"),  # NFKC folds full-width letters and spaces
        ("I’M FINE", "i'm fine"),
        ("ﬁne", "fine"),  # and ligatures
    ],
)
def test_nfkc_folds_look_alike_characters(text, expected):
    assert normalise(text, form="NFKC") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("  Hey,  Journal! ", "hey, journal!"),
        ("What’s up", "what’s up"),
        (unicodedata.normalize("NFD", "é"), unicodedata.normalize("NFD", "é")),
    ],
)
def test_keeping_punctuation_only_lowercases_and_squeezes_spaces(text, expected):
    assert normalise(text, form=None, keep_punctuation=True) == expected
