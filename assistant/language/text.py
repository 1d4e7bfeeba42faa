"""Normalising text: one shape for what Vosk hears and what the data files say.

Every comparison of spoken text with a phrase from a language pack goes
through :func:`normalise`, so a command, a feeling word, a crisis pattern
and a wake phrase all see the same text for the same words.
"""
from __future__ import annotations

import re
import unicodedata

_PUNCTUATION = re.compile(r"[^\w\s']+", re.UNICODE)


def normalise(text: str, *, form: str | None = "NFC", keep_punctuation: bool = False) -> str:
    """Lowercase, no punctuation but apostrophes (made straight), single spaces: the shape Vosk outputs.

    ``form`` is the Unicode normal form: NFC by default; crisis detection uses
    NFKC, which also folds full-width and other look-alike characters; None
    leaves the characters as they are. ``keep_punctuation=True`` keeps punctuation
    and curly apostrophes, only lowercasing and squeezing the spaces.
    """
    if form:
        text = unicodedata.normalize(form, text)
    text = text.lower()
    if not keep_punctuation:
        text = _PUNCTUATION.sub(" ", text.replace("\u2019", "'"))
    return " ".join(text.split())
