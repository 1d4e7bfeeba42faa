"""The labelled answers nearest to a new one: a second opinion on its themes.

The learned layer (:mod:`assistant.language.learned`) weighs each n-gram on its
own, so it cannot tell "my name |wasnt on| the team sheet" from "the bins
|wasnt on| the list". The answers of the corpus that share the most telling
words and pairs of words with a new one are read together, so the words count
in the company they keep: the themes of the nearest :data:`NEAREST` answers,
weighted by how alike they are (cosine over words and word pairs, rarer ones
weighing more), are blended with the layer's probability of each theme before
the tagger adds or takes one off (:func:`blended`).

Measured at first sight (benchmarks/tagging.py, item 41): on 34 English sets
never read, theme F1 0.874 -> 0.889 and forbidden tags 21 -> 15; on the 34 older
kept-out sets 0.914 -> 0.918 (19 -> 22 forbidden); on eight sets written in that
session and never read 0.818 -> 0.832 and 0.845 -> 0.855 (four each). Korean, read the
same way, was worse (16 against 12 forbidden tags on its never-read sets), so only
English ships the file.

The index is data, ``prompts/<lang>/neighbours.json.gz`` (gzipped JSON, 1.5 MB; 3.7 MB plain), written by
:mod:`assistant.language.train_tagger` from the lines the themes learn
from and the read kept-out sets (``READ_FOR_NEIGHBOURS``); each word or pair keeps the lines it is said in,
as gaps between line numbers, and is read with the standard library.
"""
from __future__ import annotations

import gzip
import heapq
import json
import math
import zlib
from array import array
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from assistant.errors import UserError
from assistant.language.learned import Score, features
from assistant.language.matching import Text
from assistant.language.packs import prompts_root

FILE_NAME = "neighbours.json.gz"
VERSION = 1
KINDS = ("w:", "b:")
"""Words and pairs of words only: letter runs and word beginnings make every answer near every other."""
NEAREST = 10
SHARE = 0.5
"""How much of a theme's probability the neighbours give (the rest is the learned layer's)."""
FEWEST_WORDS = 12
"""A shorter answer is left to the learned layer: its few words match lines that share one phrase and little
else ("i felt like the |luckiest person alive|" is near lines of parties and friends, all connections)."""
READ_AT_MOST = 8000
"""How many lines (over all the answer's words) are looked up: 3,500 for a middling answer, 6,200 for the
longest in a hundred; a 225-word answer would read 26,000 (11 ms here, over the Pi's budget), so it reads
its rarest words up to this and leaves the commonest, which weigh least."""
COMMONEST = 0.02
"""Words said in more than this share of the lines are left out: "i", "the", "and" say nothing of a theme."""


def telling_words(words: Text) -> list[str]:
    """The words and pairs of words of an answer that the index reads."""
    return [f for f in features(words, joined=False) if f.startswith(KINDS)]


@dataclass(frozen=True)
class Neighbours:
    labels: tuple[str, ...]
    lines: tuple[tuple[int, ...], ...]
    """Per labelled line, the labels (by position) it was given."""
    said_in: dict[str, array]
    """Per word or pair, the lines it is said in."""
    weight: dict[str, float]
    """Per word or pair, how much it tells (its inverse document frequency)."""
    length: array
    """Per line, the length of its vector of weights."""

    def themes(self, words: Text) -> dict[str, float]:
        """Each label's share among the :data:`NEAREST` lines most like ``words`` (0 for all when none is)."""
        found = sorted((f for f in dict.fromkeys(telling_words(words)) if f in self.said_in),
                       key=lambda f: len(self.said_in[f]))
        shared: dict[int, float] = {}
        get = shared.get
        read = 0
        for f in found:  # the rarest first, which weigh most, until READ_AT_MOST lines are read
            read += len(self.said_in[f])
            if read > READ_AT_MOST:
                break
            w = self.weight[f] ** 2
            for line in self.said_in[f]:
                shared[line] = get(line, 0.0) + w
        length = self.length
        near = [(s / length[line], line) for line, s in
                heapq.nlargest(NEAREST, shared.items(), key=lambda kv: kv[1] / length[kv[0]])]
        total = sum(s * s for s, _ in near)  # the answer's own length divides every likeness alike
        out = [0.0] * len(self.labels)
        for s, line in near:
            for n in self.lines[line]:
                out[n] += s * s / total
        return dict(zip(self.labels, out))


def leaning(neighbours: Neighbours | None, words: Text) -> dict[str, float]:
    """What the nearest labelled answers say of each theme (:meth:`Neighbours.themes`); nothing for a
    language without an index or an answer under :data:`FEWEST_WORDS` words."""
    if neighbours is None or len(words.tokens) < FEWEST_WORDS:
        return {}
    return neighbours.themes(words)


def blended(scores: dict[str, Score], near: dict[str, float]) -> dict[str, Score]:
    """The learned layer's scores with each theme's probability blended with the neighbours' share ``near``
    (:func:`leaning`; the layer's evidence stays: the words that weighed most)."""
    if not near:
        return scores
    return {label: Score((1 - SHARE) * s.probability + SHARE * near[label], s.evidence) if label in near else s
            for label, s in scores.items()}


def index(rows: Iterable[tuple[str, Iterable[str]]], labels: tuple[str, ...], trained_on: str) -> dict[str, Any]:
    """The file content of the index of ``rows`` (text, its labels): built at training time."""
    lines, said_in = [], {}
    for n, (text, given) in enumerate(rows):
        lines.append([labels.index(g) for g in given if g in labels])
        for f in dict.fromkeys(telling_words(Text.of(text))):
            said_in.setdefault(f, []).append(n)
    kept = {f: ns for f, ns in said_in.items() if 2 <= len(ns) <= COMMONEST * len(lines)}
    return {"version": VERSION, "trained_on": trained_on, "labels": list(labels), "lines": lines,
            "said_in": {f: [b - a for a, b in zip([0] + ns, ns)] for f, ns in sorted(kept.items())}}


def parse_neighbours(data: Any) -> Neighbours | None:
    """The index in a ``neighbours.json``'s content; None when it is not one this code can read."""
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return None
    try:
        labels = tuple(map(str, data["labels"]))
        lines = tuple(tuple(int(n) for n in given) for given in data["lines"])
        said_in, weight = {}, {}
        squares = [0.0] * len(lines)
        for f, gaps in data["said_in"].items():
            at, ns = 0, array("I")
            for gap in gaps:
                at += int(gap)
                ns.append(at)
            said_in[str(f)], weight[str(f)] = ns, math.log(len(lines) / len(ns))
            square = weight[str(f)] ** 2
            for n in ns:
                squares[n] += square
        length = array("d", (math.sqrt(s) or 1.0 for s in squares))
        return Neighbours(labels, lines, said_in, weight, length)
    except (KeyError, TypeError, ValueError, IndexError, OverflowError, ZeroDivisionError):
        return None


def neighbours_path(language: str, root: Path | None = None) -> Path:
    return (root or prompts_root()) / language / FILE_NAME


def read(path: Path) -> Any:
    """The content of an index file; a damaged one is one line naming it, never a traceback."""
    try:
        return json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
    except (OSError, EOFError, zlib.error, UnicodeDecodeError, ValueError) as exc:
        raise UserError(f"{path}: not a readable index of answers ({exc}); reinstall voice-journal") from None


def write(path: Path, content: dict[str, Any]) -> None:
    """Gzipped, with no time in its header, so the same corpus writes the same bytes."""
    text = json.dumps(content, ensure_ascii=False, separators=(",", ":")) + "\n"
    path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


@lru_cache(maxsize=None)
def _load(path: Path) -> Neighbours | None:
    if not path.exists():
        return None
    return parse_neighbours(read(path))


def load_neighbours(language: str) -> Neighbours | None:
    """The language's index, read once; None if the pack has none (the learned layer alone)."""
    return _load(neighbours_path(language))
