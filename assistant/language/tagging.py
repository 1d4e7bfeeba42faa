"""Tagging a transcript with the feelings it names and the small griefs it tells.

``tag("i'm not angry just tired nobody asked how i was", "en")`` gives
feelings ``("tired",)`` and themes ``("unasked",)``. Naming the feeling and
the kind of moment is the point of the journal; the tags let the closing
summary and later look-backs say it back.

Everything here is pure text work on what Vosk outputs (lowercase, no
punctuation), with the words as data: feelings from ``feelings.json`` (see
:mod:`assistant.language.feelings`, which also says how each language is
matched) and themes from ``themes.json`` (see :mod:`assistant.language.themes`).
The matching itself is :mod:`assistant.language.matching`.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.language.feelings import Feeling, Vocabulary, load_vocabulary, read_json
from assistant.language.matching import Framed, Matcher, Pattern, Text, compile_phrase, framed, negated
from assistant.language.packs import prompts_root
from assistant.language.themes import ThemeSet, find_themes, parse_themes


@dataclass(frozen=True)
class Tags:
    feelings: tuple[str, ...] = ()
    """Canonical feeling words, in the order first said."""
    themes: tuple[str, ...] = ()
    """Theme ids, in :data:`assistant.language.themes.THEMES` order."""

    def as_dict(self) -> dict[str, list[str]]:
        return {"feelings": list(self.feelings), "themes": list(self.themes)}


# --- loading and tagging --------------------------------------------------------

@dataclass(frozen=True)
class _Rules:
    vocab: Vocabulary
    feelings: Matcher
    themes: ThemeSet


def _framed_rests(f: Feeling, vocab: Vocabulary) -> set[str]:
    """What follows the feeling verb in a variant such as "felt understood", to count inside the frame.

    So "felt understood" also covers "i felt really understood" and "feeling
    so cared for", the hedges being the frame's ``through`` words. A rest
    that starts with a negator ("felt nothing") is left to its variant.
    """
    cues = sorted((" ".join(c) for c in vocab.frame.cues), key=len, reverse=True)
    negators = {" ".join(p) for p in vocab.negation.before}
    rests = set()
    for variant in f.variants:
        for cue in cues:
            if variant.startswith(cue + " "):
                rest = variant[len(cue) + 1:]
                if rest.split()[0] not in negators:
                    rests.add(rest)
                break
    return rests


@lru_cache(maxsize=None)
def _rules(language: str, root: Path) -> _Rules:
    vocab = load_vocabulary(language)
    patterns: list[Pattern] = []
    for f in vocab.feelings:
        for phrase in f.phrases():
            patterns += compile_phrase(phrase, f.word, vocab.match, False, vocab.negation.inside)
        for stem in f.stems:
            patterns += compile_phrase(stem, f.word, vocab.match, True, vocab.negation.inside)
        if not f.bare and vocab.frame.cues:
            patterns += compile_phrase(f.word, Framed(f.word), vocab.match, False, ())
        for rest in _framed_rests(f, vocab):
            patterns += compile_phrase(rest, Framed(f.word), vocab.match, False, ())
    for phrase in vocab.not_feelings:
        patterns += compile_phrase(phrase, None, vocab.match, False, ())
    path = root / language / "themes.json"
    themes = parse_themes(path, read_json(path, "themes"), vocab.match)
    return _Rules(vocab, Matcher(vocab.match, patterns), themes)


def load_themes(language: str) -> ThemeSet:
    """The language's themes (``prompts/<lang>/themes.json``), read once."""
    return _rules(language, prompts_root()).themes


def tag(text: str, language: str) -> Tags:
    """The feelings named and the themes told in one transcript.

    A feeling said with "not" ("i'm not angry", "외롭지 않아요") is left out,
    and so is one that is someone else's ("she seemed annoyed"); so is a
    theme cue that is negated ("i wasn't left out").
    """
    rules = _rules(language, prompts_root())
    words = Text.of(text)
    neg = rules.vocab.negation
    hits = [h for h in rules.feelings.longest(words, rules.vocab.frame) if h.key is not None]
    passable = {i for h in hits for i in range(h.start, h.end)}
    others = rules.vocab.others
    feelings: dict[str, None] = {}
    for hit in hits:
        if (others.cues and framed(words.tokens, hit.start, others)) or any(rule.match(hit.rest) for rule in others.after):
            continue
        if not negated(hit, hit.rest, words.tokens, neg, passable):
            feelings.setdefault(hit.key, None)
    return Tags(tuple(feelings), find_themes(words, rules.themes, neg))


# --- command line -----------------------------------------------------------------

def add_tag_parser(subparsers: Any, parents: list[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """Register ``voice-journal tag TEXT`` (``--lang`` and ``--json`` come from ``parents``)."""
    parser = subparsers.add_parser(
        "tag", parents=parents, help="name the feelings and themes in a transcript",
        description="Tag a transcript with the feelings it names and the themes it tells. "
                    "Use '-' to read the text from standard input.")
    parser.add_argument("text", nargs="+", metavar="TEXT", help="what was said, as Vosk writes it")
    return parser


def cli_tag(args: argparse.Namespace, language: str) -> int:
    """Body of ``voice-journal tag``: tags on stdout, as lines for people or one JSON object."""
    text = " ".join(args.text)
    if text.strip() == "-":
        text = sys.stdin.read()
    tags = tag(text, language)
    if getattr(args, "json", False):
        print(json.dumps(tags.as_dict(), ensure_ascii=False))
    else:
        print(f"feelings: {', '.join(tags.feelings) or 'none'}")
        print(f"themes: {', '.join(tags.themes) or 'none'}")
    return 0
