"""A learned layer over the rules: what the word lists cannot list.

The rules of :mod:`assistant.language.themes` know the phrasings they were
written from; new speech tells the same small griefs in other words ("it
says delivered since tuesday", "the show got pulled"). So a small linear
model, one logistic regression per theme over word and character n-grams,
trained from the whole labelled corpus by :mod:`assistant.language.train_tagger`,
scores every theme, and :mod:`assistant.language.tagging` adds a theme the
rules missed when its score is high, unless one of the rules' guards vetoes
it (a negated cue, irony, someone else's win, a rival theme), and takes off
a theme the rules found when its score is very low (``drop_at``). Two more labels,
:data:`POLARITIES`, say whether the speaker tells a pleasant feeling of
their own, and an unpleasant one: a feeling the rules found is taken off
when its kind scores under ``feeling_drop_at`` (the feelings of irony,
"great another rejection just thrilled", and someone else's, "동기가 엄청
기뻐했어", score low there). And a second small model reads the words around
each feeling the rules found (:func:`mention_features`, :meth:`Model.own`):
whether that mention is the speaker's own feeling, felt now, or denied,
someone else's, ironic or over in words the guards do not list ("the old me
would have been |devastated| by that email", "과장님은 … |풀이 죽어서| 점심도 안
드시더라"); a feeling
none of whose mentions reads as the speaker's is taken off. It never adds a feeling. A third reads
the words around the words that told each theme the rules found the same way (:meth:`Model.told`):
whether it happened to the speaker, or is denied, someone else's, only feared or over ("my missus
reckons our youngest has been |drifting| from his school pals"); a theme read as not told is taken
off. And a feeling both its kind and the words around it doubt, each too little alone, is taken off.

The weights are data, ``prompts/<lang>/learned.json``, read with the
standard library only, so tagging needs no numpy. A language without the
file is tagged by its rules alone.

Features (:func:`features`) say which words led to a score: each carries the
span of words it was read from, and :meth:`Model.score` gives the features
that weighed most for a theme, so ``voice-journal tag`` can name them.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant import datafile
from assistant.language.matching import Text
from assistant.language.packs import prompts_root

FILE_NAME = "learned.json"
POLARITIES = ("pleasant", "unpleasant")
"""The labels after the themes: the answer tells a pleasant (unpleasant) feeling of the speaker's own."""
FEATURES_VERSION = 4
"""Bumped when :func:`features` or :func:`mention_features` change, so old weights are not read with new features."""
_PREFIX = 5
"""English words also count by their first letters: "replied", "replies" and "reply" share "repli"/"reply"."""
_EN_GRAMS = 4
"""And by runs of four letters, word edges marked ("<rep", "lied>"): Vosk's near-misses and word forms."""
_KO_GRAMS = (2, 3, 4)
"""Korean is read as letter runs with the spaces taken out, so Vosk's "답장 이 없어" and "답장이없어" read alike."""


def features(words: Text, joined: bool) -> dict[str, tuple[int, int]]:
    """The n-grams of an answer, each with the words it spans (first time it is said).

    English: words (``w:``), pairs of words (``b:``), word beginnings
    (``p:``) and four-letter runs inside words (``c:``). Korean: runs of 2-4 letters (``c:``) of the text with the
    spaces removed, plus whole words (``w:``).
    """
    out: dict[str, tuple[int, int]] = {}
    t = words.tokens
    if joined:
        text = words.joined
        for n in _KO_GRAMS:
            for i in range(len(text) - n + 1):
                out.setdefault("c:" + text[i:i + n], (words.owner[i], words.owner[i + n - 1] + 1))
        for i, token in enumerate(t):
            out.setdefault("w:" + token, (i, i + 1))
        return out
    for i, token in enumerate(t):
        out.setdefault("w:" + token, (i, i + 1))
        if len(token) > _PREFIX:
            out.setdefault("p:" + token[:_PREFIX], (i, i + 1))
        if i + 1 < len(t):
            out.setdefault("b:" + token + " " + t[i + 1], (i, i + 2))
        edged = f"<{token}>"
        for k in range(len(edged) - _EN_GRAMS + 1):
            out.setdefault("c:" + edged[k:k + _EN_GRAMS], (i, i + 1))
    return out


MENTION_REACH = 6
"""How many words either side of a feeling word are read for whose it is and whether it is felt now."""

SAID_AS_MINE = frozenset((("i", "felt"), ("i", "feel"), ("i", "was"), ("i", "am"), ("im",), ("i'm",), ("i", "got"),
                          ("i", "get"), ("made", "me"), ("makes", "me"), ("left", "me"), ("me", "feel"), ("me", "feeling"),
                          ("i", "been"), ("ive", "been"), ("i've", "been"), ("left", "feeling"), ("home", "feeling"),
                          ("away", "feeling"), ("up", "feeling"), ("got", "me"), ("gets", "me"), ("i", "keep"),
                          ("i", "kept"), ("i", "cant", "stop"), ("i", "can't", "stop")))
"""English words just before a feeling that say it is the speaker's ("and i felt |lonely|")."""
_FILLERS = frozenset(("so", "really", "very", "a", "bit", "little", "kind", "sort", "of", "quite", "pretty", "just",
                      "honestly", "actually", "totally", "proper", "well", "dead", "too", "that", "like", "all", "um",
                      "real", "right", "super", "rather", "fairly", "extremely", "incredibly", "awfully", "terribly",
                      "absolutely", "completely", "utterly", "properly", "bloody", "pure", "kinda", "sorta", "somewhat",
                      "more", "ever", "uh"))


def said_as_mine(tokens: tuple[str, ...], start: int) -> bool:
    """Whether the feeling at ``tokens[start]`` comes right after :data:`SAID_AS_MINE`, fillers aside
    ("i felt really quite |lonely|"); the words further off then weigh less (see
    :data:`assistant.language.tagging.SAID_AS_MINE_DROP_AT`)."""
    if any(tuple(tokens[start:start + len(f)]) == f for f in SAID_AS_MINE):
        return True  # "|i was tickled pink|": the feeling's own words begin with the frame
    if start == 0:
        return True  # "|tired| mostly long shift at the warehouse": the answer opens on it
    i = start + 1 if start < len(tokens) and tokens[start] in _FRAME_VERBS else start  # "i |felt bad| for the kid"
    while i > 0 and tokens[i - 1] in _FILLERS:
        i -= 1
    if i == 1 and tokens[0] in _FRAME_VERBS:
        return True  # "|been| really |lonely| since the move": the speaker, the subject unsaid
    if any(tuple(tokens[max(0, i - len(f)):i]) == f for f in SAID_AS_MINE):
        return True
    if i > 1 and tokens[i - 1] in ("felt", "feel"):  # "|i just felt| settled", "|i really do feel| loved"
        k = i - 1
        while k > 0 and (tokens[k - 1] in _FILLERS or tokens[k - 1] in ("do", "did")):
            k -= 1
        return k > 0 and tokens[k - 1] == "i"
    if i > 1 and tokens[i - 1] == "feeling":  # "|im| really |feeling| hopeful", "|ive been feeling| low"
        k = i - 1
        while k > 0 and (tokens[k - 1] in _FILLERS or tokens[k - 1] in _BEING):
            k -= 1
        return k > 0 and tokens[k - 1] in _I_BEING
    return False


_BEING = frozenset(("am", "was", "been", "be"))
_I_BEING = frozenset(("i", "im", "i'm", "ive", "i've"))
"""The words of "i am / i was / i've been feeling" before a feeling."""


SAID_LAST_WITHIN = 3


def said_last(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether an English feeling closes the answer (at most :data:`SAID_LAST_WITHIN` words after it) after an
    intensifier, its subject unsaid: the speaker's last word on it ("she asked how i was coping since the op
    |really grateful|", "pulled up all my onion sets overnight |properly angry| about it"), or after "felt" with no
    subject ("reversed into the gatepost in front of the neighbours |felt like an idiot|"). Of such feelings
    the reading of the words around took off, 18 of 27 in the kept-out sets were the speaker's."""
    return len(tokens) - end <= SAID_LAST_WITHIN and 0 < start \
        and (tokens[start - 1] in _LAST_WORD_FILLERS
             or (tokens[start] in _FELT and tokens[start - 1] not in _JOINED_TO_A_SUBJECT))


_LAST_WORD_FILLERS = _FILLERS | {"yeah", "yep", "anyway", "overall"}
"""Before a closing feeling, the words that leave it the speaker's last word ("so um |yeah satisfied|")."""
_FELT = frozenset(("felt", "feel", "feeling"))
_JOINED_TO_A_SUBJECT = frozenset(("and", "but", "then", "also", "who", "that", "which", "he", "she", "they", "we", "you",
                                  "it", "everyone", "everybody", "someone", "somebody", "nobody", "both", "all"))
"""Before a closing "felt", the words that give it a subject said before ("my dad ran out |and| felt sick"); any
other word ends a clause, the "i" of the next unsaid ("in front of the neighbours |felt| like an idiot")."""


_FRAME_VERBS = frozenset(("felt", "feel", "feeling", "been"))
"""Frame words a feeling's own words may begin with ("|felt bad|"), or an answer with, its "i" unsaid."""


def mention_features(tokens: tuple[str, ...], start: int, end: int, name: str, kind: str | None,
                     joined: bool) -> dict[str, tuple[int, int]]:
    """What is said around one feeling named at ``tokens[start:end]``, each with the words it was read from.

    The feeling (``k:``) and its kind; the three words on each side by place (``l1:`` the word just
    before, ``r1:`` the one just after), every word within :data:`MENTION_REACH` (``L:``, ``R:``, also
    with the kind: "great" before an unpleasant feeling is not "great" before a pleasant one), the
    pairs next to it, the feeling's own last word (Korean: its endings, ``hs:``, where 기뻐|했어| is
    someone else's and 기뻐|요| the speaker's; and the first and last two letters of the words
    around), and the words further off as two bags, before and after (``FL:``, ``FR:``: "but now", "이제는"
    long after a feeling say it is over; tried as one bag, English first-sight hard sets kept 30 forbidden
    feelings instead of 22).
    """
    out: dict[str, tuple[int, int]] = {}
    kind = kind or "none"
    here = (start, end)
    out["k:" + name] = here
    out["kind:" + kind] = here
    n = len(tokens)
    for d in range(1, MENTION_REACH + 1):
        for i, side in ((start - d, "l"), (end + d - 1, "r")):
            if not 0 <= i < n:
                continue
            t, at = tokens[i], (i, i + 1)
            if d <= 3:
                out.setdefault(f"{side}{d}:{t}", at)
            out.setdefault(f"{side.upper()}:{t}", at)
            out.setdefault(f"{side.upper()}:{kind}:{t}", at)
            if joined:
                out.setdefault(f"{side.upper()}p:{t[:2]}", at)
                out.setdefault(f"{side.upper()}s:{t[-2:]}", at)
    if start >= 2:
        out[f"lb:{tokens[start - 2]} {tokens[start - 1]}"] = (start - 2, start)
    if end + 1 < n:
        out[f"rb:{tokens[end]} {tokens[end + 1]}"] = (end, end + 2)
    out["h:" + tokens[end - 1]] = here
    if joined:
        for k in (1, 2, 3):
            out.setdefault(f"hs{k}:{tokens[end - 1][-k:]}", here)
    for i, t in enumerate(tokens):
        if i < start - MENTION_REACH:
            out.setdefault("FL:" + t, (i, i + 1))
        elif i >= end + MENTION_REACH:
            out.setdefault("FR:" + t, (i, i + 1))
    out["pos:" + ("start" if start == 0 else "end" if end >= n - 1 else "mid")] = here
    return out


@dataclass(frozen=True)
class Score:
    probability: float
    evidence: tuple[tuple[int, int], ...]
    """The spans of the features that weighed most for it, heaviest first."""


@dataclass(frozen=True)
class Reading:
    """A small model of the words around one mention (:func:`mention_features`): a feeling named, or a
    theme's cue. Its probability says the mention is the speaker's own, now: not denied, not someone
    else's, not in irony, not over, not only feared."""
    bias: float = 0.0
    weights: dict[str, float] = field(default_factory=dict)
    drop_at: float = 0.0
    """What the rules found is taken off when no mention of it reads above this (0: never)."""

    def read(self, words: Text, start: int, end: int, name: str, kind: str | None, joined: bool,
             top: int = 3) -> Score:
        """How likely the mention at ``words[start:end]`` is the speaker's own, now, with the spans that
        weighed most against it."""
        total = self.bias
        against: list[tuple[float, tuple[int, int]]] = []
        for feature, span in mention_features(words.tokens, start, end, name, kind, joined).items():
            weight = self.weights.get(feature, 0.0)
            total += weight
            if weight < 0:
                against.append((weight, span))
        spans = tuple(dict.fromkeys(s for _, s in sorted(against)[:top]))
        return Score(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total)))), spans)

    def as_json(self) -> dict[str, Any]:
        return {"drop_at": self.drop_at, "bias": round(self.bias, 4),
                "weights": {f: round(w, 3) for f, w in sorted(self.weights.items())}}


def _reading(data: Any) -> Reading:
    data = data if isinstance(data, dict) else {}
    return Reading(float(data.get("bias", 0.0)), {str(f): float(w) for f, w in data.get("weights", {}).items()},
                   float(data.get("drop_at", 0.0)))


@dataclass(frozen=True)
class Model:
    language: str
    joined: bool
    labels: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[tuple[int, float], ...]]
    """Per feature, the labels (by position) it weighs for, and how much."""
    add_at: float
    """A theme the rules missed is added at this probability or above (measured at first sight,
    :data:`assistant.language.train_tagger.THRESHOLDS`)."""
    drop_at: float = 0.0
    """A theme the rules found is taken off below this probability (0: never)."""
    feeling_drop_at: float = 0.0
    """A feeling the rules found is taken off when its kind (:data:`POLARITIES`) scores below this (0: never)."""
    mentions: Reading = Reading()
    """The words around a feeling named: is it the speaker's own, felt now."""
    tellings: Reading = Reading()
    """The words around a theme's cue: did it happen to the speaker (not denied, someone else's, feared)."""
    doubt_at: tuple[float, float] = (0.0, 0.0)
    """A feeling the rules found is taken off when its kind scores below the first and the words around it
    read below the second: two doubts, each too weak alone, that agree (0, 0: never)."""

    def own(self, words: Text, start: int, end: int, name: str, kind: str | None, top: int = 3) -> Score:
        """How likely the feeling named at ``words[start:end]`` is the speaker's own and felt now."""
        return self.mentions.read(words, start, end, name, kind, self.joined, top)

    def told(self, words: Text, start: int, end: int, theme: str, top: int = 3) -> Score:
        """How likely the theme whose cue is ``words[start:end]`` happened to the speaker (the theme is
        the cue's kind too: "great" before a win is not "great" before a cancelled plan)."""
        return self.tellings.read(words, start, end, theme, theme, self.joined, top)

    def score(self, words: Text, top: int = 3) -> dict[str, Score]:
        """Each label's probability for an answer, with the spans of its heaviest features."""
        found = features(words, self.joined)
        totals = list(self.bias)
        pushes: list[list[tuple[float, tuple[int, int]]]] = [[] for _ in self.labels]
        for feature, span in found.items():
            for label, weight in self.weights.get(feature, ()):
                totals[label] += weight
                if weight > 0:
                    pushes[label].append((weight, span))
        out = {}
        for n, label in enumerate(self.labels):
            spans = tuple(dict.fromkeys(s for _, s in sorted(pushes[n], key=lambda p: -p[0])[:top]))
            out[label] = Score(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, totals[n])))), spans)
        return out

    def as_json(self, trained_on: str) -> dict[str, Any]:
        return {"features_version": FEATURES_VERSION, "language": self.language, "joined": self.joined,
                "trained_on": trained_on, "labels": list(self.labels), "add_at": self.add_at, "drop_at": self.drop_at,
                "feeling_drop_at": self.feeling_drop_at,
                "bias": [round(b, 4) for b in self.bias],
                "weights": {f: [[n, round(w, 3)] for n, w in ws] for f, ws in sorted(self.weights.items())},
                "mentions": self.mentions.as_json(), "tellings": self.tellings.as_json(), "doubt_at": list(self.doubt_at)}


def model_path(language: str, root: Path | None = None) -> Path:
    return (root or prompts_root()) / language / FILE_NAME


def parse_model(data: Any) -> Model | None:
    """The model in a ``learned.json``'s content; None when it is not one this code can read."""
    if not isinstance(data, dict) or data.get("features_version") != FEATURES_VERSION:
        return None
    try:
        labels = tuple(map(str, data["labels"]))
        weights = {str(f): tuple((int(n), float(w)) for n, w in ws if 0 <= int(n) < len(labels))
                   for f, ws in data["weights"].items()}
        bias = tuple(float(b) for b in data["bias"])
        if len(bias) != len(labels):
            return None
        return Model(str(data["language"]), bool(data["joined"]), labels, bias, weights, float(data["add_at"]),
                     float(data.get("drop_at", 0.0)), float(data.get("feeling_drop_at", 0.0)),
                     _reading(data.get("mentions")), _reading(data.get("tellings")),
                     tuple(float(v) for v in data.get("doubt_at", (0.0, 0.0)))[:2])
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


@lru_cache(maxsize=None)
def _load(path: Path) -> Model | None:
    if not path.exists():
        return None
    return parse_model(datafile.read_json(path))


def load_model(language: str) -> Model | None:
    """The language's learned layer, read once; None if the pack has none (rules alone)."""
    return _load(model_path(language))
