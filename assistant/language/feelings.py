"""Feeling words: the vocabulary a person can name a feeling with.

Naming a feeling ("left out", not just "bad") is what the journal is for, so
the words are data: ``prompts/<lang>/feelings.json``. Each entry has a
canonical ``word``, where it sits on the mood meter (``pleasantness`` and
``energy``, each -1.0 .. +1.0, never 0: every word is in one of the four
quadrants) and the ways people say it:

``variants``
    Phrases that mean the word, written as the transcript has them
    ("gutted" → disappointed, "외로웠어요" → 외로움). They are whole words, so
    :meth:`Vocabulary.grammar_words` offers them to a restricted Vosk grammar.
``stems``
    Beginnings of words, for matching only (never offered as words). Korean
    is agglutinative: "외로" and "외롭" catch 외로워요, 외로웠어요, 외로워서,
    외롭다 and 외로움을 without listing every ending.
``bare``
    ``false`` when the canonical word alone is too ambiguous to count
    ("close the door", "seen her"); then it counts only in its variants
    ("felt close") or inside the file's ``frame``: after a feeling verb with
    nothing but hedges between ("i felt kind of stupid", "feeling a bit lost").

How a language's text is matched is set once per file by ``match``:

``"tokens"`` (English)
    The transcript is split into words; a phrase matches word for word.
    In theme cues a word ending in ``*`` matches any word it begins
    ("invit*" → invited, invitation).
``"joined"`` (Korean)
    Spaces are ignored: every phrase and stem matches as the beginning of
    the text from the start of any word. Vosk's small Korean model splits
    words into pieces ("외로웠 어요", "아무 도"), while people type
    "외로웠어요"; both read the same way here.

``hedges`` (Korean) are adverbs that may stand inside a phrase of several
words: "마음이 참 따뜻했어" is "마음이 따뜻" with 참 between. ``pieces`` are
the endings Vosk splits off a word ("했 고"): no feeling is read from one
run on into the next word ("있었 더라 고 마음이" holds no 고마워).

``not_feelings`` lists phrases that hold a feeling word but name no
feeling of the speaker's ("happy birthday", "calm down", "an annoyed look");
they are matched like feelings and then dropped. ``others`` is a frame (like
``frame``) for feelings that belong to someone else: a mention right after
"she seemed", "he's" or "made them", with only its ``through`` words
between, is theirs, not the speaker's ("my mom sounded annoyed").

``at_theme`` gives, per theme, words whose feeling is another one when the
answer tells that theme: 울컥 is being moved (감동) at a kindness, but grief
(슬픔) at a memory of someone gone.

The file also holds the language's ``negation`` rules, because what counts
as "not" is a fact about the language (see :class:`Negation`); the tagger
applies them.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from assistant import datafile
from assistant.language.text import normalise
from assistant.errors import UserError
from assistant.language import schema
from assistant.language.names import FILE_NAME as NAMES_FILE, read_names
from assistant.language.packs import prompts_root

MATCH_MODES = ("tokens", "joined")
COLOURS = {(True, True): "yellow", (True, False): "green", (False, True): "red", (False, False): "blue"}
"""The mood meter's quadrants by (pleasant, energetic), named as people learn them."""


@dataclass(frozen=True)
class Quadrant:
    pleasant: bool
    energetic: bool

    @property
    def colour(self) -> str:
        return COLOURS[(self.pleasant, self.energetic)]


@dataclass(frozen=True)
class Feeling:
    word: str
    pleasantness: float
    energy: float
    variants: tuple[str, ...] = ()
    stems: tuple[str, ...] = ()
    bare: bool = True
    as_said: bool = False
    """Kept as the rules found it: the learned layer's readings (:mod:`assistant.language.learned`) do not take
    it off. For feelings said mostly plainly as the speaker's own, which those readings took off wrongly far more
    often than rightly ("내 가 |피곤| 해서 약속 을 취소 했 어")."""

    @property
    def quadrant(self) -> Quadrant:
        return Quadrant(self.pleasantness > 0, self.energy > 0)

    def phrases(self) -> tuple[str, ...]:
        """Whole-word phrases that name this feeling (the word itself only if ``bare``)."""
        return ((self.word,) if self.bare else ()) + self.variants


@dataclass(frozen=True)
class Negation:
    """What makes a mention not count: "i'm not angry", "외롭지 않아요".

    ``before``: phrases that negate a mention that follows within ``window``
    words, if every word in between is in ``through`` ("i don't really feel
    lonely") or part of another mention ("not angry or upset"). Anything else
    in between ("didn't reply felt ignored") ends the negation's reach.
    ``suffixes``: word endings that are negators too ("n't").
    ``exceptions``: phrases starting at a negator that make it not one
    ("couldn't stop", "never felt so").
    ``inside``: words that may stand inside a phrase and negate it
    ("화가 안 났어요").
    ``after``: regular expressions tried on the text right after a mention
    (spaces removed in "joined" languages): "지 않아요", "건 아니에요".
    ``turning``: words that, between a denied feeling and the next one, turn to
    what was felt: "not even disappointed |kind of| relieved" (but "not angry
    or upset" denies both).
    ``new_clause``: words that, between a denied feeling and the next one, begin
    a clause of its own: "i nearly cried |felt| so loved".
    ``talked_of``: negators that are a thing talked of after one of
    ``talked_of_after``: "we chatted for an hour |about nothing| really felt close".
    ``taken_back``: regular expressions tried on the text right after a denied mention that take the denial
    back: "i'm trying not to be annoyed |but i kind of am|".
    """

    before: tuple[tuple[str, ...], ...] = ()
    suffixes: tuple[str, ...] = ()
    window: int = 0
    through: frozenset[str] = frozenset()
    exceptions: tuple[tuple[str, ...], ...] = ()
    inside: tuple[str, ...] = ()
    after: tuple[re.Pattern[str], ...] = ()
    turning: frozenset[str] = frozenset()
    new_clause: frozenset[str] = frozenset()
    talked_of: frozenset[str] = frozenset()
    talked_of_after: frozenset[str] = frozenset()
    taken_back: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True)
class Frame:
    """Where a ``bare: false`` word still counts alone: "felt kind of |stupid|".

    One of ``cues`` ends at most ``window`` words before the word, and every
    word between is in ``through``. ``after`` (only in ``others``) holds
    regular expressions tried on the text right after a mention, spaces
    removed in "joined" languages: Korean reports someone else's feeling with
    a quotative ending, "보고 싶|었다고 전화했어요".
    """

    cues: tuple[tuple[str, ...], ...] = ()
    through: frozenset[str] = frozenset()
    window: int = 0
    after: tuple[re.Pattern[str], ...] = ()
    tail: tuple[re.Pattern[str], ...] = ()
    """Like ``after``, but tried on the mention's last letter and what follows it
    (Korean's third-person "-어하다": 슬퍼|했어 is someone's, 슬펐어 the speaker's)."""
    people: tuple[str, ...] = ()
    """Nouns for other people ("엄마", "룸메이트"): as the subject of the clause
    that names the feeling, they make it theirs (엄마가 많이 |실망|하셨어)."""
    markers: tuple[str, ...] = ()
    """What marks a subject right after one of ``people`` (가, 이, 는, 께서)."""
    not_markers: tuple[str, ...] = ()
    """What, right after a marker, shows it is not one (동생|이랑: "with")."""
    speaker: tuple[str, ...] = ()
    """The speaker as a subject (내가, 저는): a clause about the speaker after all."""
    breaks: tuple[str, ...] = ()
    quotatives: tuple[str, ...] = ()
    """Verbs that report someone's words ("said", "told me"): a feeling after one whose
    subject is someone else, with no speaker word between, is in their words ("the doctor
    said it's probably |stress|", "my brother said he was |proud| of me")."""
    """Word endings that close a clause (~서, ~는데, ~니까): a subject before one is not the feeling's."""
    owners: tuple[str, ...] = ()
    """People whose feeling a noun right after them is, bare or with 의 (걔 |자신감|)."""
    not_breaks: tuple[str, ...] = ()
    """Endings that look like a clause ending but are not (회사|에서|)."""
    towards: tuple[str, ...] = ()
    """Feelings whose marked noun is what is felt, not who feels (할머니가 |그리웠|어요, 친구가 |부러워|)."""
    names: frozenset[str] = frozenset()
    """Given names (``names.json`` beside the vocabulary, :mod:`assistant.language.names`): a word that is one is
    someone else, as "my sister" is ("|priya| pitched the idea")."""


@dataclass(frozen=True)
class Sarcasm:
    """Praise said of a bad day: "oh great the bus was late really proud of today".

    When a ``markers`` phrase and a ``mishaps`` phrase are both in one answer,
    its pleasant feelings and the "win" theme are not the speaker's.
    """

    markers: tuple[str, ...] = ()
    mishaps: tuple[str, ...] = ()
    alone: tuple[str, ...] = ()
    """Markers that are irony without a mishap named: "love that for me"."""
    openers: tuple[str, ...] = ()
    """Praise that counts as a marker only when it opens the answer: "brilliant got a parking ticket"."""
    slights: tuple[str, ...] = ()
    slighted: tuple[str, ...] = ()
    """A ``slights`` phrase said with one of the ``slighted`` feelings named is irony by itself: "got |told off|
    for parking in the wrong spot felt very |appreciated|" (being valued, said of being slighted)."""
    signs: tuple[str, ...] = ()
    """Words irony is seldom said without ("oh", "wow", "of course", "thanks"): in an answer with none of them a
    pleasant feeling said as the speaker's ("i felt so loved") is kept against the learned layer's reading of a
    hard day around it."""


@dataclass(frozen=True)
class Vocabulary:
    language: str
    path: Path
    match: str
    feelings: tuple[Feeling, ...]
    negation: Negation
    frame: Frame = Frame()
    not_feelings: tuple[str, ...] = ()
    others: Frame = Frame()
    """Where a mention is someone else's feeling ("she seemed |annoyed|"): dropped."""
    sarcasm: Sarcasm = Sarcasm()
    pieces: frozenset[str] = frozenset()
    """Word endings Vosk splits off ("했 |고|"): a feeling is never read from one run on into
    the next word ("더라 |고 마|음이" is not 고마워; see :class:`~assistant.language.matching.Matcher`)."""
    hedges: frozenset[str] = frozenset()
    """Adverbs read past when feelings are matched, so a phrase of several words still matches
    with one inside it ("마음이 |참| 따뜻했어" is "마음이 따뜻"). Whole words only."""
    at_theme: dict[str, dict[str, str]] = field(default_factory=dict)
    """Per theme, words whose feeling is another when told with it: a surge of feeling (울컥)
    at a memory of someone gone is grief (슬픔), at a kindness it is being moved (감동)."""
    _by_word: dict[str, Feeling] = field(init=False, repr=False, compare=False)
    _by_phrase: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_word", {f.word: f for f in self.feelings})
        object.__setattr__(self, "_by_phrase", {v: f.word for f in self.feelings for v in f.variants})

    def __len__(self) -> int:
        return len(self.feelings)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word in self._by_word

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(f.word for f in self.feelings)

    def get(self, word: str) -> Feeling | None:
        return self._by_word.get(normalise(word))

    def feeling(self, word: str) -> Feeling:
        found = self.get(word)
        if found is None:
            raise KeyError(f"'{word}' is not a canonical feeling word in {self.path}")
        return found

    def canonical(self, phrase: str) -> str | None:
        """The canonical word a whole phrase names ("gutted" → "disappointed"), else None."""
        plain = normalise(phrase)
        if plain in self._by_phrase:
            return self._by_phrase[plain]
        if plain in self._by_word:
            return plain
        if self.match == "joined":
            squeezed = plain.replace(" ", "")
            best = max(((len(s), f.word) for f in self.feelings for s in f.stems + f.variants + (f.word,)
                        if squeezed.startswith(s.replace(" ", ""))), default=None)
            return best[1] if best else None
        return None

    def quadrant(self, word: str) -> Quadrant:
        return self.feeling(word).quadrant

    def suggest(self, pleasant: bool | None = None, energetic: bool | None = None, n: int = 3,
                rng: random.Random | None = None, exclude: Iterable[str] = ()) -> tuple[str, ...]:
        """Two or three words to offer when someone can't find theirs.

        ``None`` leaves an axis open. Without ``rng`` the choice is steady:
        the most typical words of each matching quadrant (nearest its centre),
        taken in turn so an open axis gives both sides. With ``rng`` the
        words are drawn at random from the matching ones, for variety.
        """
        skip = {normalise(w) for w in exclude}
        pool = [f for f in self.feelings if f.word not in skip
                and (pleasant is None or f.quadrant.pleasant == pleasant)
                and (energetic is None or f.quadrant.energetic == energetic)]
        if rng is not None:
            return tuple(f.word for f in rng.sample(pool, min(n, len(pool))))
        groups: dict[Quadrant, list[Feeling]] = {}
        for f in pool:
            groups.setdefault(f.quadrant, []).append(f)
        for q, members in groups.items():
            centre = (0.5 if q.pleasant else -0.5, 0.5 if q.energetic else -0.5)
            members.sort(key=lambda f: (f.pleasantness - centre[0]) ** 2 + (f.energy - centre[1]) ** 2)
        order = sorted(groups, key=lambda q: (not q.pleasant, not q.energetic))
        out: list[str] = []
        for rank in range(max((len(m) for m in groups.values()), default=0)):
            for q in order:
                if rank < len(groups[q]) and len(out) < n:
                    out.append(groups[q][rank].word)
        return tuple(out)

    def grammar_words(self) -> tuple[str, ...]:
        """Every canonical word and variant, for a restricted Vosk grammar.

        Stems are left out: they are not words. A model may still not know a
        phrase (the small Korean model spells 외로웠어요 as "외로웠 어요"), so
        whoever builds the grammar should keep only what the model knows.
        """
        seen: dict[str, None] = {}
        for f in self.feelings:
            for phrase in (f.word,) + f.variants:
                seen.setdefault(phrase, None)
        return tuple(seen)


# --- loading ---------------------------------------------------------------

class VocabularyFileError(UserError):
    pass


def _fail(path: Path, what: str) -> VocabularyFileError:
    return schema.fail(path, what, error=VocabularyFileError)


def read_json(path: Path, what: str) -> Any:
    """The JSON in ``path``, or a one-line UserError naming the file (and, if it is missing, the languages that have one)."""
    if not path.exists():
        known = sorted(p.parent.name for p in path.parent.parent.glob(f"*/{path.name}"))
        raise UserError(f"no {what} for language '{path.parent.name}' ({path} is missing); "
                        f"languages with one: {', '.join(known) or 'none'}")
    return datafile.read_json(path)


# --- the file's shape (see assistant.language.schema) ---------------------------

def _phrases(key: str) -> schema.Check:
    """An optional list of phrases, normalised."""
    return schema.strings(f"{{label}} has '{key}' that is not a list of non-empty strings", null=(), convert=normalise)


def _words(key: str) -> schema.Check:
    """Phrases as tuples of words ("don't really" → ("don't", "really"))."""
    return schema.then(_phrases(key), lambda phrases: tuple(tuple(p.split()) for p in phrases))


def _axis(key: str) -> schema.Check:
    number = schema.number(f"{{label}} needs a number for '{key}' (-1.0 to 1.0)", -1.0, 1.0,
                           outside=f"{{label}} has '{key}' {{value}}, outside -1.0 to 1.0")
    return schema.then(schema.refine(number, lambda v: v != 0,
                                     f"{{label}} has '{key}' 0; pick a side, every word sits in one mood-meter quadrant"),
                       float)


_WINDOW = schema.number("{label} needs a whole number 0 to 10 for 'window'", 0, 10, whole=True)
_AFTER = schema.items(schema.pattern("{label} has an 'after' entry that is not a string", blank=True,
                                     invalid="{label} has an 'after' pattern {pattern} that is not a valid regular "
                                             "expression ({error})"),
                      "{label} has an 'after' entry that is not a string", null=())

FEELING = schema.obj({
    "word": schema.Key(schema.text("{label} needs a non-empty 'word'", convert=normalise)),
    "pleasantness": schema.Key(_axis("pleasantness")),
    "energy": schema.Key(_axis("energy")),
    "variants": schema.Key(_phrases("variants"), default=()),
    "stems": schema.Key(_phrases("stems"), default=()),
    "bare": schema.Key(schema.flag("{label} has 'bare' that is not true or false"), default=True),
    "as_said": schema.Key(schema.flag("{label} has 'as_said' that is not true or false"), default=False),
}, "{label} is not an object", unknown="{label} has unknown key(s) {keys}", unknown_after=1, ignored=(), into=Feeling)

NEGATION = schema.obj({
    "before": schema.Key(_words("before"), default=()),
    "suffixes": schema.Key(_phrases("suffixes"), default=()),
    "window": schema.Key(_WINDOW, default=0),
    "through": schema.Key(schema.then(_phrases("through"), frozenset), default=frozenset()),
    "exceptions": schema.Key(_words("exceptions"), default=()),
    "inside": schema.Key(_phrases("inside"), default=()),
    "after": schema.Key(_AFTER, default=()),
    "turning": schema.Key(schema.then(_phrases("turning"), frozenset), default=frozenset()),
    "new_clause": schema.Key(schema.then(_phrases("new_clause"), frozenset), default=frozenset()),
    "talked_of": schema.Key(schema.then(_phrases("talked_of"), frozenset), default=frozenset()),
    "talked_of_after": schema.Key(schema.then(_phrases("talked_of_after"), frozenset), default=frozenset()),
    "taken_back": schema.Key(_AFTER, default=()),
}, "{label} is not an object", unknown="{label} has unknown key(s) {keys}", into=Negation)


def _frame(key: str) -> schema.Check:
    """``frame``, or ``others``, which may also have ``after`` patterns."""
    keys = {
        "cues": schema.Key(_words("cues"), default=()),
        "through": schema.Key(schema.then(_phrases("through"), frozenset), default=frozenset()),
        "window": schema.Key(_WINDOW, default=0),
    }
    if key == "others":
        keys["after"] = schema.Key(_AFTER, default=())
        keys["tail"] = schema.Key(_AFTER, default=())
        for name in ("people", "markers", "not_markers", "speaker", "breaks", "not_breaks", "owners", "towards",
                     "quotatives"):
            keys[name] = schema.Key(_phrases(name), default=())
    return schema.obj(keys, "{label} is not an object", unknown="{label} has unknown key(s) {keys}", into=Frame)


def _entry(label: str, index: int, item: Any) -> str:
    return f"entry {index + 1}" + (f" ('{item.get('word')}')" if isinstance(item, dict) and item.get("word") else "")


def _optional(rule: schema.Check, absent: Any, label: str) -> schema.Key:
    """A part of the file that may be left out (or null), checked under its own name."""
    return schema.Key(lambda value, _: absent if value is None else rule(value, label), default=absent)


VOCABULARY_FILE = schema.obj({
    "feelings": schema.Key(schema.items(FEELING, "needs a 'feelings' list", name=_entry)),
    "match": schema.Key(schema.one_of(MATCH_MODES, "'match' is {value!r}; use one of {options}"), default="tokens"),
    "negation": _optional(NEGATION, Negation(), "'negation'"),
    "frame": _optional(_frame("frame"), Frame(), "'frame'"),
    "not_feelings": schema.Key(_phrases("not_feelings"), default=()),
    "others": _optional(_frame("others"), Frame(), "'others'"),
    "sarcasm": _optional(schema.obj({"markers": schema.Key(_phrases("markers"), default=()),
                                     "mishaps": schema.Key(_phrases("mishaps"), default=()),
                                     "openers": schema.Key(_phrases("openers"), default=()),
                                     "alone": schema.Key(_phrases("alone"), default=()),
                                     "slights": schema.Key(_phrases("slights"), default=()),
                                     "slighted": schema.Key(_phrases("slighted"), default=()),
                                     "signs": schema.Key(_phrases("signs"), default=())},
                                    "{label} is not an object", unknown="{label} has unknown key(s) {keys}", into=Sarcasm),
                         Sarcasm(), "'sarcasm'"),
    "hedges": schema.Key(schema.then(_phrases("hedges"), frozenset), default=frozenset()),
    "pieces": schema.Key(schema.then(_phrases("pieces"), frozenset), default=frozenset()),
    "at_theme": schema.Key(schema.mapping(schema.mapping(schema.text("'at_theme' names a feeling by a word"),
                                                         "'at_theme' of a theme maps words to a feeling"),
                                          "'at_theme' maps a theme to words and feelings"), default={}),
}, "needs a 'feelings' list")
"""What ``prompts/<lang>/feelings.json`` holds."""


def _check_unique(path: Path, feelings: list[Feeling], match: str) -> None:
    """Each word, variant and stem names one feeling, or the tagger could not tell which."""
    words: set[str] = set()
    owner: dict[str, str] = {}
    for f in feelings:
        if f.word in words:
            raise _fail(path, f"'{f.word}' is listed twice")
        words.add(f.word)
        for form in sorted({f.word, *f.variants, *f.stems}):
            key = form.replace(" ", "") if match == "joined" else form
            if key in owner and owner[key] != f.word:
                raise _fail(path, f"'{form}' belongs to both '{owner[key]}' and '{f.word}'; keep it in one")
            owner[key] = f.word


def parse_vocabulary(language: str, path: Path, data: Any) -> Vocabulary:
    """Check a vocabulary file's content; every problem names the file and entry."""
    parsed = schema.check(VOCABULARY_FILE, data, path, error=VocabularyFileError)
    for index, feeling in enumerate(parsed["feelings"]):
        if not feeling.phrases() and not feeling.stems:
            raise _fail(path, f"{_entry('', index, data['feelings'][index])} has 'bare' false and no variants or stems, "
                              "so nothing can match it")
    if not parsed["feelings"]:
        raise _fail(path, "has no feelings")
    _check_unique(path, parsed["feelings"], parsed["match"])
    words = {f.word for f in parsed["feelings"]}
    for theme, renames in parsed["at_theme"].items():
        for word in (w for w in renames.values() if w not in words):
            raise _fail(path, f"'at_theme' of '{theme}' names '{word}', which is not one of its feelings")
    return Vocabulary(language, path, parsed["match"], parsed["feelings"], parsed["negation"], parsed["frame"],
                      parsed["not_feelings"], parsed["others"], parsed["sarcasm"], parsed["pieces"], parsed["hedges"],
                      parsed["at_theme"])


def vocabulary_path(language: str) -> Path:
    return prompts_root() / language / "feelings.json"


@lru_cache(maxsize=None)
def _load(language: str, path: Path) -> Vocabulary:
    vocab = parse_vocabulary(language, path, read_json(path, "feelings vocabulary"))
    names = read_names(path.parent / NAMES_FILE)
    return replace(vocab, others=replace(vocab.others, names=names)) if names else vocab


def load_vocabulary(language: str) -> Vocabulary:
    """The language's vocabulary, read once per file (``prompts/<lang>/feelings.json``)."""
    return _load(language, vocabulary_path(language))
