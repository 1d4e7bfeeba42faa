"""Tagging a transcript with the feelings it names and the small griefs it tells.

``tag("i'm not angry just tired nobody asked how i was", "en")`` gives
feelings ``("tired",)`` and themes ``("unasked",)``. Naming the feeling and
the kind of moment is the point of the journal; the tags let the closing
summary and later look-backs say it back.

Everything here is pure text work on what Vosk outputs (lowercase, no
punctuation), with the words as data: feelings from ``feelings.json`` (see
:mod:`assistant.language.feelings`, which also says how each language is matched) and
themes from ``prompts/<lang>/themes.json``. A theme has cues, each one of:

``"left on read"``
    a phrase (in English, ``invit*`` matches any word starting "invit");
``{"near": [[...], [...]], "within": 3}``
    any phrase of the first list followed, at most ``within`` words later,
    by any of the second ("didn't" … "reply"); ``"ordered": false`` allows
    either order;
``{"phrase": "nobody asked", "unless": ["me to"]}``
    a phrase that does not count when one of ``unless`` comes right after it;
``"~던"``
    the end of a word, on its own: 쓰시던, 살던 and Vosk's "쓰시 던" (Korean
    endings carry tense and mood: "~더라면" is "if only I had").

Any form takes ``"negatable": false`` when the cue already carries its
own "not" (Korean "아무도 … 물어보지 않았어요"), so the negation rules leave it
alone. Otherwise a cue is negated like a feeling: "i wasn't left out".

Word families are written once, in the file's ``"groups"``: ``{"nobody":
["nobody", "no one", "not one of them", ...]}``. A word ``@nobody`` in any
phrase (a phrase cue, a "near" list, an ``unless``, or another group) stands
for each member in turn, so ``"@nobody thought to @include me"`` covers
"no one thought to invite me" and "not one of them thought to include me",
and ``{"near": [["@contact"], ["@no-reply"]]}`` pairs any way of reaching
out with any way of hearing nothing back. That is how a theme generalises
past the sentences it was written from: a cue names a pattern of families,
not a sentence.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from assistant.language.commands import normalise
from assistant.errors import UserError
from assistant.language.feelings import Feeling, Frame, Negation, Vocabulary, load_vocabulary, read_json
from assistant.language.packs import prompts_root

THEMES = ("unanswered", "left-out", "ignored", "cold-shoulder", "cancelled", "drifting",
          "missed-chance", "unasked", "memory", "win", "connection")
"""Every language's themes.json has exactly these, so tags mean the same in every language."""


@dataclass(frozen=True)
class Tags:
    feelings: tuple[str, ...] = ()
    """Canonical feeling words, in the order first said."""
    themes: tuple[str, ...] = ()
    """Theme ids, in :data:`THEMES` order."""

    def as_dict(self) -> dict[str, list[str]]:
        return {"feelings": list(self.feelings), "themes": list(self.themes)}


# --- the text and phrase matching -------------------------------------------

@dataclass(frozen=True)
class _Text:
    tokens: tuple[str, ...]
    joined: str
    """The words with no spaces: how "joined" languages are read."""
    starts: tuple[int, ...]
    """Where each word begins in ``joined``."""
    owner: tuple[int, ...]
    """For each character of ``joined``, the word it belongs to."""

    @classmethod
    def of(cls, text: str) -> "_Text":
        tokens = tuple(normalise(text).split())
        starts, owner, at = [], [], 0
        for i, token in enumerate(tokens):
            starts.append(at)
            owner.extend([i] * len(token))
            at += len(token)
        return cls(tokens, "".join(tokens), tuple(starts), tuple(owner))


@dataclass(frozen=True)
class _Pattern:
    words: tuple[str, ...]
    """Words to match; in "joined" languages one string with the spaces taken out."""
    prefix: tuple[bool, ...]
    key: Any
    negated: bool = False
    """Built with a negator inside it ("화가 안 났")."""
    ending: bool = False
    """Matches the end of one word ("~던" in 쓰시던, 살던), not its beginning."""

    @property
    def size(self) -> int:
        return sum(map(len, self.words))


@dataclass(frozen=True)
class _Framed:
    """Key of a ``bare: false`` word that counts only inside the vocabulary's frame."""
    word: str


@dataclass(frozen=True)
class _Hit:
    key: Any
    start: int
    end: int
    """Word after the last one matched."""
    rest: str
    """The text after the match (spaces removed in "joined" languages), for ``after`` rules."""
    size: int
    negated: bool


def _compile(phrase: str, key: Any, match: str, stem: bool, inside: Iterable[str]) -> list[_Pattern]:
    """A phrase as patterns: itself, plus one negated copy per place an ``inside`` negator fits."""
    if phrase.strip().startswith("~"):
        return [_Pattern((normalise(phrase).replace(" ", ""),), (False,), key, False, True)]
    words: list[tuple[str, bool]] = []
    for raw in phrase.split():
        parts = normalise(raw).split()
        words += [(part, stem or (raw.endswith("*") and n == len(parts) - 1)) for n, part in enumerate(parts)]
    variants = [(words, False)]
    for negator in inside:
        for cut in range(1, len(words)):
            variants.append((words[:cut] + [(negator, False)] + words[cut:], True))
    out = []
    for ws, negated in variants:
        if match == "joined":
            out.append(_Pattern(("".join(w for w, _ in ws),), (True,), key, negated))
        else:
            out.append(_Pattern(tuple(w for w, _ in ws), tuple(p for _, p in ws), key, negated))
    return out


class _Matcher:
    """Finds every pattern that starts at a word; indexed by first word or first letter."""

    def __init__(self, match: str, patterns: Iterable[_Pattern]):
        self.match = match
        self.exact: dict[str, list[_Pattern]] = {}
        self.by_letter: dict[str, list[_Pattern]] = {}
        self.endings: list[_Pattern] = []
        for p in patterns:
            if p.ending:
                self.endings.append(p)
            elif p.prefix[0]:
                self.by_letter.setdefault(p.words[0][:1], []).append(p)
            else:
                self.exact.setdefault(p.words[0], []).append(p)

    def at(self, text: _Text, i: int) -> list[_Hit]:
        token = text.tokens[i]
        hits = []
        for p in self.exact.get(token, []) + self.by_letter.get(token[:1], []):
            hit = self._try(p, text, i)
            if hit:
                hits.append(hit)
        for p in self.endings:
            if token.endswith(p.words[0]):
                rest = (text.joined[text.starts[i] + len(token):] if self.match == "joined"
                        else " ".join(text.tokens[i + 1:]))
                hits.append(_Hit(p.key, i, i + 1, rest, p.size, p.negated))
        return hits

    def _try(self, p: _Pattern, text: _Text, i: int) -> _Hit | None:
        if self.match == "joined":
            start = text.starts[i]
            if not text.joined.startswith(p.words[0], start):
                return None
            end_char = start + len(p.words[0])
            return _Hit(p.key, i, text.owner[end_char - 1] + 1, text.joined[end_char:], p.size, p.negated)
        if i + len(p.words) > len(text.tokens):
            return None
        for word, prefix, token in zip(p.words, p.prefix, text.tokens[i:]):
            if not (token.startswith(word) if prefix else token == word):
                return None
        end = i + len(p.words)
        return _Hit(p.key, i, end, " ".join(text.tokens[end:]), p.size, p.negated)

    def all(self, text: _Text) -> list[_Hit]:
        return [hit for i in range(len(text.tokens)) for hit in self.at(text, i)]

    def longest(self, text: _Text, frame: Frame | None = None) -> list[_Hit]:
        """Left to right, the longest match at each place; its words are then used up.

        A hit keyed :class:`_Framed` counts only inside ``frame``.
        """
        hits, i = [], 0
        while i < len(text.tokens):
            found = [h for h in self.at(text, i)
                     if not isinstance(h.key, _Framed) or (frame and _framed(text.tokens, h.start, frame))]
            if not found:
                i += 1
                continue
            best = max(found, key=lambda h: (h.size, not h.negated))
            if isinstance(best.key, _Framed):
                best = _Hit(best.key.word, best.start, best.end, best.rest, best.size, best.negated)
            hits.append(best)
            i = max(best.end, i + 1)
        return hits


# --- negation -----------------------------------------------------------------

def _negator_ending_at(tokens: tuple[str, ...], j: int, neg: Negation) -> int | None:
    """Where a negator ending at word ``j`` starts, or None."""
    for phrase in neg.before:
        k = j - len(phrase) + 1
        if k >= 0 and tokens[k:j + 1] == phrase:
            return k
    if any(tokens[j].endswith(s) for s in neg.suffixes):
        return j
    return None


def _negated_before(tokens: tuple[str, ...], start: int, neg: Negation, passable: set[int]) -> bool:
    j, gap = start - 1, 0
    while j >= 0 and gap <= neg.window:
        k = _negator_ending_at(tokens, j, neg)
        if k is not None:
            return not any(tokens[k:k + len(e)] == e for e in neg.exceptions)
        if tokens[j] not in neg.through and j not in passable:
            return False
        j, gap = j - 1, gap + 1
    return False


def _framed(tokens: tuple[str, ...], start: int, frame: Frame) -> bool:
    """Whether a feeling verb comes just before ``start``, with only hedges between."""
    j, gap = start - 1, 0
    while j >= 0 and gap <= frame.window:
        for cue in frame.cues:
            if tokens[max(0, j - len(cue) + 1):j + 1] == cue:
                return True
        if tokens[j] not in frame.through:
            return False
        j, gap = j - 1, gap + 1
    return False


def _negated(hit: _Hit, rest: str, tokens: tuple[str, ...], neg: Negation, passable: set[int]) -> bool:
    """Whether ``hit`` (with ``rest`` the text after the whole mention) is said with "not".

    ``passable``: words of other feelings, so "not angry or upset" negates both
    (empty for themes: a negation never reaches from a feeling into a theme).
    """
    return (hit.negated or _negated_before(tokens, hit.start, neg, passable)
            or any(rule.match(rest) for rule in neg.after))


# --- themes -------------------------------------------------------------------

@dataclass(frozen=True)
class _Cue:
    theme: str
    sides: int
    """1 for a phrase, 2 for a "near" pair."""
    within: int = 0
    ordered: bool = True
    negatable: bool = True
    unless: tuple[str, ...] = ()
    """Phrases that, right after a phrase cue, cancel it ("nobody asked" | "me to come")."""


class ThemesFileError(UserError):
    pass


def _theme_fail(path: Path, what: str) -> ThemesFileError:
    return ThemesFileError(f"{path}: {what}; fix the file and try again")


_GROUP_REF = re.compile(r"@([\w-]*)(.*)")
"""``@people's``: the group ``people``, each member followed by "'s"."""
_MAX_EXPANSION = 20000
"""Phrases one cue phrase may grow into through its groups: a guard against a typo'd product."""


def _parse_groups(path: Path, data: Any) -> dict[str, tuple[str, ...]]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise _theme_fail(path, "'groups' is not an object of name: [phrases]")
    groups: dict[str, tuple[str, ...]] = {}
    for name, members in data.items():
        if name == "about":
            continue
        if not isinstance(name, str) or not name or any(c.isspace() or c == "@" for c in name):
            raise _theme_fail(path, f"group name {name!r} needs to be one word without '@'")
        groups[name] = tuple(_phrase_list(path, f"group '{name}'", members))
    return groups


def _expand(path: Path, label: str, phrase: str, groups: dict[str, tuple[str, ...]],
            seen: tuple[str, ...] = ()) -> list[str]:
    """``phrase`` with every ``@group`` word replaced by each of the group's members in turn."""
    if "@" not in phrase:
        return [phrase]
    options: list[str] = [""]
    for word in phrase.split():
        if word.startswith("@"):
            name, tail = _GROUP_REF.match(word).groups()
            if name not in groups:
                raise _theme_fail(path, f"{label} uses '@{name}', which is not in 'groups'")
            if name in seen:
                raise _theme_fail(path, f"group '{name}' refers to itself through {' > '.join(seen)}")
            alternatives = [e + tail for member in groups[name] for e in _expand(path, label, member, groups, seen + (name,))]
        else:
            alternatives = [word]
        options = [f"{o} {a}" if o else a for o in options for a in alternatives]
        if len(options) > _MAX_EXPANSION:
            raise _theme_fail(path, f"{label} grows into more than {_MAX_EXPANSION} phrases through its groups")
    return options


def _phrase_list(path: Path, label: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and normalise(v) for v in value):
        raise _theme_fail(path, f"{label} needs a non-empty list of phrases")
    return value


def _parse_cue(path: Path, theme: str, index: int, item: Any) -> tuple[_Cue, list[list[str]]]:
    label = f"theme '{theme}' cue {index + 1}"
    if isinstance(item, str):
        if not normalise(item):
            raise _theme_fail(path, f"{label} is empty")
        return _Cue(theme, 1), [[item]]
    if not isinstance(item, dict):
        raise _theme_fail(path, f"{label} is neither a phrase nor an object")
    unknown = set(item) - {"phrase", "near", "within", "ordered", "negatable", "unless"}
    if unknown:
        raise _theme_fail(path, f"{label} has unknown key(s) {sorted(unknown)}")
    negatable = item.get("negatable", True)
    if not isinstance(negatable, bool):
        raise _theme_fail(path, f"{label} has 'negatable' that is not true or false")
    if ("phrase" in item) == ("near" in item):
        raise _theme_fail(path, f"{label} needs 'phrase', or 'near' as two lists of phrases (one of them)")
    if "phrase" in item:
        if {"within", "ordered"} & set(item):
            raise _theme_fail(path, f"{label} has 'within' or 'ordered', which only a 'near' cue uses")
        phrase = item["phrase"]
        if not isinstance(phrase, str) or not normalise(phrase):
            raise _theme_fail(path, f"{label} has an empty 'phrase'")
        unless = item.get("unless", [])
        if not isinstance(unless, list) or not all(isinstance(u, str) and normalise(u) for u in unless):
            raise _theme_fail(path, f"{label} has 'unless' that is not a list of phrases")
        return _Cue(theme, 1, negatable=negatable, unless=tuple(normalise(u) for u in unless)), [[phrase]]
    near = item.get("near")
    if not isinstance(near, list) or len(near) != 2:
        raise _theme_fail(path, f"{label} needs 'phrase', or 'near' as two lists of phrases")
    within = item.get("within", 3)
    if isinstance(within, bool) or not isinstance(within, int) or not 0 <= within <= 20:
        raise _theme_fail(path, f"{label} needs a whole number 0 to 20 for 'within'")
    ordered = item.get("ordered", True)
    if not isinstance(ordered, bool):
        raise _theme_fail(path, f"{label} has 'ordered' that is not true or false")
    sides = [_phrase_list(path, f"{label} 'near' list {n + 1}", side) for n, side in enumerate(near)]
    return _Cue(theme, 2, within, ordered, negatable), sides


@dataclass(frozen=True)
class ThemeSet:
    path: Path
    descriptions: dict[str, str]
    cues: tuple[_Cue, ...]
    matcher: _Matcher
    match: str


def parse_themes(path: Path, data: Any, vocab: Vocabulary) -> ThemeSet:
    """Check a themes file; every problem names the file and theme."""
    if not isinstance(data, dict) or not isinstance(data.get("themes"), list):
        raise _theme_fail(path, "needs a 'themes' list")
    descriptions: dict[str, str] = {}
    cues: list[_Cue] = []
    patterns: list[_Pattern] = []
    groups = _parse_groups(path, data.get("groups"))
    for index, item in enumerate(data["themes"]):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise _theme_fail(path, f"theme {index + 1} needs an 'id'")
        theme = item["id"]
        if theme not in THEMES:
            raise _theme_fail(path, f"theme '{theme}' is not one of {', '.join(THEMES)}")
        if theme in descriptions:
            raise _theme_fail(path, f"theme '{theme}' is listed twice")
        if not isinstance(item.get("description"), str) or not item["description"].strip():
            raise _theme_fail(path, f"theme '{theme}' needs a 'description'")
        if not isinstance(item.get("cues"), list) or not item["cues"]:
            raise _theme_fail(path, f"theme '{theme}' needs a non-empty 'cues' list")
        descriptions[theme] = item["description"]
        for n, raw in enumerate(item["cues"]):
            cue, sides = _parse_cue(path, theme, n, raw)
            label = f"theme '{theme}' cue {n + 1}"
            for side, phrases in enumerate(sides):
                for phrase in dict.fromkeys(e for p in phrases for e in _expand(path, label, p, groups)):
                    if phrase.startswith("~") and len(phrase.split()) > 1:
                        raise _theme_fail(path, f"{label} has '{phrase}': a '~' ending is one word on its own")
                    patterns += _compile(phrase, (len(cues), side), vocab.match, False, ())
            if cue.unless:
                unless = tuple(dict.fromkeys(normalise(e) for u in raw["unless"] for e in _expand(path, label, u, groups)))
                cue = _Cue(cue.theme, cue.sides, cue.within, cue.ordered, cue.negatable, unless)
            cues.append(cue)
    missing = [t for t in THEMES if t not in descriptions]
    if missing:
        raise _theme_fail(path, f"theme(s) {', '.join(missing)} are missing")
    return ThemeSet(path, descriptions, tuple(cues), _Matcher(vocab.match, patterns), vocab.match)


def _followed_by(hit: _Hit, phrases: tuple[str, ...], match: str) -> bool:
    if match == "joined":
        return any(hit.rest.startswith(p.replace(" ", "")) for p in phrases)
    return any(hit.rest == p or hit.rest.startswith(p + " ") for p in phrases)


def _themes_in(text: _Text, themes: ThemeSet, neg: Negation) -> tuple[str, ...]:
    by_cue: dict[int, list[list[_Hit]]] = {}
    for hit in themes.matcher.all(text):
        cue, side = hit.key
        by_cue.setdefault(cue, [[], []])[side].append(hit)
    found = set()
    for index, (firsts, seconds) in by_cue.items():
        cue = themes.cues[index]
        if cue.theme in found:
            continue
        pairs = [(h, h) for h in firsts] if cue.sides == 1 else [
            (a, b) for a in firsts for b in seconds
            if (a.end <= b.start and b.start - a.end <= cue.within)
            or (not cue.ordered and b.end <= a.start and a.start - b.end <= cue.within)]
        for a, b in pairs:
            if cue.unless and _followed_by(a, cue.unless, themes.match):
                continue
            first, last = (a, b) if a.start <= b.start else (b, a)
            if not cue.negatable or not (_negated(first, last.rest, text.tokens, neg, set())
                                         or (last is not first and _negated_before(text.tokens, last.start, neg, set()))):
                found.add(cue.theme)
                break
    return tuple(t for t in THEMES if t in found)


# --- loading and tagging --------------------------------------------------------

@dataclass(frozen=True)
class _Rules:
    vocab: Vocabulary
    feelings: _Matcher
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
    patterns: list[_Pattern] = []
    for f in vocab.feelings:
        for phrase in f.phrases():
            patterns += _compile(phrase, f.word, vocab.match, False, vocab.negation.inside)
        for stem in f.stems:
            patterns += _compile(stem, f.word, vocab.match, True, vocab.negation.inside)
        if not f.bare and vocab.frame.cues:
            patterns += _compile(f.word, _Framed(f.word), vocab.match, False, ())
        for rest in _framed_rests(f, vocab):
            patterns += _compile(rest, _Framed(f.word), vocab.match, False, ())
    for phrase in vocab.not_feelings:
        patterns += _compile(phrase, None, vocab.match, False, ())
    path = root / language / "themes.json"
    themes = parse_themes(path, read_json(path, "themes"), vocab)
    return _Rules(vocab, _Matcher(vocab.match, patterns), themes)


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
    words = _Text.of(text)
    neg = rules.vocab.negation
    hits = [h for h in rules.feelings.longest(words, rules.vocab.frame) if h.key is not None]
    passable = {i for h in hits for i in range(h.start, h.end)}
    others = rules.vocab.others
    feelings: dict[str, None] = {}
    for hit in hits:
        if (others.cues and _framed(words.tokens, hit.start, others)) or any(rule.match(hit.rest) for rule in others.after):
            continue
        if not _negated(hit, hit.rest, words.tokens, neg, passable):
            feelings.setdefault(hit.key, None)
    return Tags(tuple(feelings), _themes_in(words, rules.themes, neg))


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
