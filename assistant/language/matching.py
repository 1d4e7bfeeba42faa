"""Finding phrases in a transcript: the machinery under feelings and themes.

A transcript becomes a :class:`Text` (its words, and the words joined with
no spaces for "joined" languages such as Korean). Phrases from the data
files become :class:`Pattern` objects, and a :class:`Matcher` finds every
one that starts at a word, or the longest at each place. The negation and
frame rules of :mod:`assistant.language.feelings` are applied here too: what
a hit's neighbours say about it ("not", "she seemed").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from assistant.language.feelings import Frame, Negation
from assistant.language.text import normalise


SPELLED_OUT = {
    "dont": "don't", "doesnt": "doesn't", "didnt": "didn't", "isnt": "isn't", "arent": "aren't",
    "wasnt": "wasn't", "werent": "weren't", "cant": "can't", "couldnt": "couldn't", "wouldnt": "wouldn't",
    "shouldnt": "shouldn't", "havent": "haven't", "hasnt": "hasn't", "hadnt": "hadn't", "wont": "won't",
    "aint": "ain't", "im": "i'm", "ive": "i've", "hes": "he's", "shes": "she's", "theyre": "they're",
    "youre": "you're", "thats": "that's", "theres": "there's", "whats": "what's", "theyve": "they've",
}
"""English contractions written without their apostrophe ("i wasnt upset", as typed on a phone or by
another transcriber), read as the word lists spell them. Only forms that are no other word: not "its",
"ill", "well", "were", "id", "hell"."""


LEFT_ON = frozenset(("left", "leave", "leaves", "leaving"))
LEFT_ON_REACH = 3


def _as_meant(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Vosk's "red" for "read" after "left … on" ("my boss left me on |red| all day"): a message left read and
    unanswered, as the word lists and the learned layer know it. No other spelling is changed."""
    if "red" not in tokens:
        return tokens
    return tuple("read" if token == "red" and i > 1 and tokens[i - 1] == "on"
                 and LEFT_ON & set(tokens[max(0, i - 1 - LEFT_ON_REACH):i - 1]) else token
                 for i, token in enumerate(tokens))


DIALECT_MY = frozenset((
    "mam", "mum", "mom", "ma", "da", "dad", "nan", "nana", "gran", "grandad", "husband", "wife", "missus", "fella",
    "lad", "lass", "lads", "girls", "kids", "son", "daughter", "brother", "sister", "mate", "mates", "pal", "pals",
    "manager", "boss", "name", "own", "throat", "heart", "head", "depth", "nerves", "phone", "hours", "shift",
    "voicemail", "texts", "messages", "birthday", "house", "room", "life", "family", "friends", "friend", "auntie",
    "uncle", "cousin", "partner", "fiance", "bairns", "bairn", "wean", "weans", "old", "eyes", "tea", "job"))
"""After "me", the words that make it "my" in the speech of much of Britain, Ireland and Australia ("|me dad| was
waiting", "got |me name| down", "out of |me depth|"): read as "my", as the word lists spell them. Not "first" or
"best" ("asked |me first|")."""


NAMING_CALLS = frozenset(("called", "call", "calls", "calling"))
"""Before "me": "my stepson |called me mum| by accident" is a name, not his mum."""


def _dialect_my(tokens: tuple[str, ...]) -> tuple[str, ...]:
    if "me" not in tokens:
        return tokens
    return tuple("my" if token == "me" and i + 1 < len(tokens) and tokens[i + 1] in DIALECT_MY
                 and not (i and tokens[i - 1] in NAMING_CALLS) else token
                 for i, token in enumerate(tokens))


@dataclass(frozen=True)
class Text:
    tokens: tuple[str, ...]
    joined: str
    """The words with no spaces: how "joined" languages are read."""
    starts: tuple[int, ...]
    """Where each word begins in ``joined``."""
    owner: tuple[int, ...]
    """For each character of ``joined``, the word it belongs to."""

    @classmethod
    def of(cls, text: str) -> "Text":
        tokens = _dialect_my(_as_meant(tuple(SPELLED_OUT.get(word, word) for word in normalise(text).split())))
        starts, owner, at = [], [], 0
        for i, token in enumerate(tokens):
            starts.append(at)
            owner.extend([i] * len(token))
            at += len(token)
        return cls(tokens, "".join(tokens), tuple(starts), tuple(owner))

    def without(self, words: frozenset[str]) -> tuple["Text", tuple[int, ...]]:
        """This text with the whole words ``words`` taken out, and where each kept word was."""
        kept = tuple(i for i, token in enumerate(self.tokens) if token not in words)
        if len(kept) == len(self.tokens):
            return self, kept
        return Text.of(" ".join(self.tokens[i] for i in kept)), kept


@dataclass(frozen=True)
class Pattern:
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
class Framed:
    """Key of a ``bare: false`` word that counts only inside the vocabulary's frame."""
    word: str


@dataclass(frozen=True)
class Hit:
    key: Any
    start: int
    end: int
    """Word after the last one matched."""
    rest: str
    """The text after the match (spaces removed in "joined" languages), for ``after`` rules."""
    size: int
    negated: bool


def compile_phrase(phrase: str, key: Any, match: str, stem: bool, inside: Iterable[str]) -> list[Pattern]:
    """A phrase as patterns: itself, plus one negated copy per place an ``inside`` negator fits."""
    if phrase.strip().startswith("~"):
        return [Pattern((normalise(phrase).replace(" ", ""),), (False,), key, False, True)]
    words: list[tuple[str, bool]] = []
    for raw in phrase.split():
        parts = [SPELLED_OUT.get(part, part) if match != "joined" else part for part in normalise(raw).split()]
        words += [(part, stem or (raw.endswith("*") and n == len(parts) - 1)) for n, part in enumerate(parts)]
    variants = [(words, False)]
    for negator in inside:
        for cut in range(1, len(words)):
            variants.append((words[:cut] + [(negator, False)] + words[cut:], True))
    out = []
    for ws, negated in variants:
        if match == "joined":
            out.append(Pattern(("".join(w for w, _ in ws),), (True,), key, negated))
        else:
            out.append(Pattern(tuple(w for w, _ in ws), tuple(p for _, p in ws), key, negated))
    return out


class Matcher:
    """Finds every pattern that starts at a word.

    Only patterns that can match are tried: whole words are looked up by the
    first two words ("i" alone starts hundreds of phrases), beginnings of
    words ("invit*", and every Korean phrase) by each beginning of the text
    at that word. Candidates are tried in the order the patterns were given,
    so which of two equally long hits wins never depends on the index.
    """

    def __init__(self, match: str, patterns: Iterable[Pattern], pieces: frozenset[str] = frozenset()):
        self.match = match
        self.pieces = pieces
        """Endings Vosk splits off a word ("했 |고|", "있었 |어요|"): in "joined" matching no hit
        begins at one and runs on into the next word ("더라 |고 마|음이" is not 고마워)."""
        self.one: dict[str, list[tuple[int, Pattern]]] = {}
        """Whole first word, and no whole second word to narrow by."""
        self.two: dict[tuple[str, str], list[tuple[int, Pattern]]] = {}
        """Whole first and second words."""
        self.starting: dict[str, list[tuple[int, Pattern]]] = {}
        """First word (or the whole joined phrase) matched as a beginning."""
        self.endings: list[Pattern] = []
        for order, p in enumerate(patterns):
            if p.ending:
                self.endings.append(p)
            elif p.prefix[0]:
                self.starting.setdefault(p.words[0], []).append((order, p))
            elif len(p.words) > 1 and not p.prefix[1]:
                self.two.setdefault((p.words[0], p.words[1]), []).append((order, p))
            else:
                self.one.setdefault(p.words[0], []).append((order, p))
        self.longest_start = max(map(len, self.starting), default=0)

    def _candidates(self, text: Text, i: int) -> list[Pattern]:
        token = text.tokens[i]
        found = list(self.one.get(token, ()))
        if self.two and i + 1 < len(text.tokens):
            found += self.two.get((token, text.tokens[i + 1]), ())
        if self.starting:
            said = text.joined[text.starts[i]:text.starts[i] + self.longest_start] if self.match == "joined" else token
            for n in range(1, min(len(said), self.longest_start) + 1):
                found += self.starting.get(said[:n], ())
        # the order of the patterns' lists: whole words first, then beginnings, each as given
        found.sort(key=lambda op: (op[1].prefix[0], op[0]))
        return [p for _, p in found]

    def at(self, text: Text, i: int) -> list[Hit]:
        token = text.tokens[i]
        hits = []
        for p in self._candidates(text, i):
            hit = self._try(p, text, i)
            if hit:
                hits.append(hit)
        for p in self.endings:
            if token.endswith(p.words[0]):
                rest = (text.joined[text.starts[i] + len(token):] if self.match == "joined"
                        else " ".join(text.tokens[i + 1:]))
                hits.append(Hit(p.key, i, i + 1, rest, p.size, p.negated))
        return hits

    def _try(self, p: Pattern, text: Text, i: int) -> Hit | None:
        if self.match == "joined":
            start = text.starts[i]
            if not text.joined.startswith(p.words[0], start):
                return None
            end_char = start + len(p.words[0])
            if text.tokens[i] in self.pieces and end_char > start + len(text.tokens[i]):
                return None
            return Hit(p.key, i, text.owner[end_char - 1] + 1, text.joined[end_char:], p.size, p.negated)
        if i + len(p.words) > len(text.tokens):
            return None
        for word, prefix, token in zip(p.words, p.prefix, text.tokens[i:]):
            if not (token.startswith(word) if prefix else token == word):
                return None
        end = i + len(p.words)
        return Hit(p.key, i, end, " ".join(text.tokens[end:]), p.size, p.negated)

    def all(self, text: Text) -> list[Hit]:
        return [hit for i in range(len(text.tokens)) for hit in self.at(text, i)]

    def _framed_at(self, text: Text, i: int, frame: Frame | None, joined_to: Hit | None = None) -> list[Hit]:
        """``joined_to``: a framed feeling just before, joined by "and" ("i felt proud |and| appreciated"):
        the frame holds for this one too."""
        return [h for h in self.at(text, i)
                if not isinstance(h.key, Framed) or (frame and (framed(text.tokens, h.start, frame)
                                                                or (_joined(text.tokens, joined_to, h.start, frame)
                                                                    and text.tokens[h.end:h.end + 1] != ("to",))))]
        # (not "i felt tired and |wanted to| go home": a verb)

    def longest(self, text: Text, frame: Frame | None = None) -> list[Hit]:
        """Left to right, the longest match at each place; its words are then used up.

        A hit keyed :class:`Framed` counts only inside ``frame``. Inside the
        frame a hedge belongs to the frame: in "i felt really appreciated"
        the framed "appreciated" wins over the phrase "really appreciated"
        (grateful, as in "i really appreciated it").
        """
        hits, i = [], 0
        while i < len(text.tokens):
            found = self._framed_at(text, i, frame, hits[-1] if hits else None)
            if found and frame and text.tokens[i] in frame.through and framed(text.tokens, i, frame):
                j = i + 1
                while j < len(text.tokens) and text.tokens[j] in frame.through:
                    j += 1
                if j < len(text.tokens) and any(isinstance(h.key, Framed) for h in self._framed_at(text, j, frame)):
                    i = j
                    continue
            if not found:
                i += 1
                continue
            best = max(found, key=lambda h: (h.size, not h.negated))
            if isinstance(best.key, Framed):
                best = Hit(best.key.word, best.start, best.end, best.rest, best.size, best.negated)
            hits.append(best)
            i = max(best.end, i + 1)
        return hits


JOINING = frozenset(("and", "or"))


def _joined(tokens: tuple[str, ...], before: Hit | None, start: int, frame: Frame) -> bool:
    """Whether the word at ``start`` follows a framed feeling with "and" between ("felt proud |and| appreciated")."""
    if before is None or not 1 <= start - before.end <= 4 or tokens[before.end] not in JOINING:
        return False
    if any(t not in frame.through for t in tokens[before.end + 1:start]):
        return False  # (hedges may stand between: "felt numb and |kind of| empty")
    return framed(tokens, before.start, frame) \
        or any(tokens[before.start:before.start + len(cue)] == cue for cue in frame.cues)  # "|felt so small| and"


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


def negated_before(tokens: tuple[str, ...], start: int, neg: Negation, passable: set[int]) -> bool:
    j, gap, turned, framed_between = start - 1, 0, False, False
    while j >= 0 and gap <= neg.window:
        # a negator inside another mention is that mention's word ("like i |wasn't| even there felt invisible")
        k = _negator_ending_at(tokens, j, neg) if j not in passable else None
        if k is not None:
            if k == j and tokens[k] in neg.talked_of and k and tokens[k - 1] in neg.talked_of_after:
                return False  # "about |nothing| really felt close", "like i was |nothing| felt small"
            return not any(tokens[k:k + len(e)] == e for e in neg.exceptions)
        if tokens[j] not in neg.through and j not in passable:
            return False
        if j in passable and (turned or j == start - 1 or framed_between):
            # "not even disappointed |kind of| relieved": the denial stops at the first feeling; so it does at a
            # feeling right before, nothing joining them ("without anyone getting |hurt| relieved"), and at one
            # before a feeling verb ("i nearly |cried felt| so loved": a new clause)
            return False
        turned = turned or (j not in passable and tokens[j] in neg.turning)
        framed_between = framed_between or (j not in passable and tokens[j] in neg.new_clause)
        j, gap = j - 1, gap + 1
    return False


def framed(tokens: tuple[str, ...], start: int, frame: Frame) -> bool:
    """Whether a feeling verb comes just before ``start``, with only hedges between."""
    return framed_at(tokens, start, frame) is not None


def framed_at(tokens: tuple[str, ...], start: int, frame: Frame) -> int | None:
    """Where the cue that frames ``start`` begins (see :func:`framed`), or None."""
    j, gap = start - 1, 0
    while j >= 0 and gap <= frame.window:
        for cue in frame.cues:
            if tokens[max(0, j - len(cue) + 1):j + 1] == cue:
                return max(0, j - len(cue) + 1)
        if tokens[j] not in frame.through:
            return None
        j, gap = j - 1, gap + 1
    return None


def negated(hit: Hit, rest: str, tokens: tuple[str, ...], neg: Negation, passable: set[int]) -> bool:
    """Whether ``hit`` (with ``rest`` the text after the whole mention) is said with "not".

    ``passable``: words of other feelings, so "not angry or upset" negates both
    (empty for themes: a negation never reaches from a feeling into a theme).
    """
    said_not = (hit.negated or negated_before(tokens, hit.start, neg, passable)
                or any(rule.match(rest) for rule in neg.after))
    return said_not and not any(rule.match(rest) for rule in neg.taken_back)
