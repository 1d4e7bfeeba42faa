"""Themes: the small griefs and joys a transcript tells ("nobody asked how i was" → unasked).

The rules are data, ``prompts/<lang>/themes.json``, with every theme of
:data:`THEMES` and its cues. A cue is one of:

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
alone. Otherwise a cue is negated like a feeling: "i wasn't left out". And
any form takes ``"unless_told": ["connection"]``: the cue is weighed last,
and does not count when the answer tells one of those themes ("처음으로"
is a first done, but "처음으로 이해받는 느낌" is being understood).

Word families are written once, in the file's ``"groups"``: ``{"nobody":
["nobody", "no one", "not one of them", ...]}``. A word ``@nobody`` in any
phrase (a phrase cue, a "near" list, an ``unless``, or another group) stands
for each member in turn, so ``"@nobody thought to @include me"`` covers
"no one thought to invite me" and "not one of them thought to include me",
and ``{"near": [["@contact"], ["@no-reply"]]}`` pairs any way of reaching
out with any way of hearing nothing back. That is how a theme generalises
past the sentences it was written from: a cue names a pattern of families,
not a sentence.

``"idioms"``, per theme, lists sayings that sound like it but are not it
("빠지게 기다": waiting for a parcel is not a win): with one said, the
learned layer may not add that theme.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.errors import UserError
from assistant.language import schema
from assistant.language.feelings import Negation
from assistant.language.matching import Hit, Matcher, Pattern, Text, compile_phrase, negated, negated_before
from assistant.language.text import normalise

THEMES = ("unanswered", "left-out", "ignored", "cold-shoulder", "cancelled", "drifting",
          "missed-chance", "unasked", "memory", "win", "connection")
"""Every language's themes.json has exactly these, so tags mean the same in every language."""


OUTWEIGHED_BY = {"connection": ("unasked", "left-out", "unanswered", "ignored"),
                 "win": ("missed-chance", "ignored", "unanswered", "cancelled"),
                 "ignored": ("unanswered",),
                 "unasked": ("left-out",),
                 "cold-shoulder": ("drifting", "unasked")}
"""A theme told by words that also tell one of its rivals is the rival's: "nobody asked how
i was" is not a caring question, "i said no and now i regret it" is not a win."""
OUTWEIGHED_ANYWHERE = {"win": ("missed-chance", "cancelled")}
"""Rivals that outweigh a theme anywhere in the answer: a small win and a chance missed
in one answer is the chance missed ("용기 내서 말할걸 후회돼")."""


TOLD_AS_PAST_HABIT = {"connection": ("던",), "drifting": ("던",), "ignored": ("던",), "cold-shoulder": ("던", "더니")}
"""Endings that turn a theme's words into a memory of how things used to be: "할머니가 사
|주시던| 단팥빵" is a grandmother remembered, not a kindness met today."""


@dataclass(frozen=True)
class Cue:
    theme: str
    sides: int
    """1 for a phrase, 2 for a "near" pair."""
    within: int = 0
    ordered: bool = True
    negatable: bool = True
    unless: tuple[str, ...] = ()
    """Phrases that, right after a phrase cue, cancel it ("nobody asked" | "me to come")."""
    unless_told: tuple[str, ...] = ()
    """Themes that, told anywhere in the answer, cancel this cue: 처음으로 is a first done
    ("처음으로 혼자 운전했어"), but "처음으로 이해받는 느낌" tells being understood, not a win."""


@dataclass(frozen=True)
class ThemeSet:
    path: Path
    descriptions: dict[str, str]
    cues: tuple[Cue, ...]
    matcher: Matcher
    match: str
    idioms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Per theme, idioms that sound like it but are not it ("눈이 빠지게 기다렸는데 택배가 드디어
    왔다": waiting, not a win): with one said, the learned layer may not add the theme (the
    word lists still may, from their own cues: "…드디어 합격했어")."""


class ThemesFileError(UserError):
    pass


# --- the file's shape (see assistant.language.schema) ---------------------------

def _phrases(message: str = "{label} needs a non-empty list of phrases") -> schema.Check:
    """A non-empty list of phrases, kept as written (groups are expanded later)."""
    return schema.unchanged(schema.strings(message, empty=False, convert=normalise))


def _group_name(name: Any, label: str) -> str:
    if not isinstance(name, str) or not name or any(c.isspace() or c == "@" for c in name):
        raise schema.Invalid(f"group name {name!r} needs to be one word without '@'")
    return name


GROUPS = schema.mapping(schema.then(_phrases(), tuple), "'groups' is not an object of name: [phrases]",
                        keys=_group_name, name=lambda label, name: f"group '{name}'")
"""Word families: ``{"nobody": ["nobody", "no one", ...]}``."""
IDIOMS = schema.mapping(schema.then(_phrases(), tuple), "'idioms' is not an object of theme: [phrases]",
                        name=lambda label, name: f"idioms of '{name}'")
"""Per theme, idioms that are not it: ``{"win": ["빠지게 기다"]}`` (see :attr:`ThemeSet.idioms`)."""

_FLAG = "{label} has '%s' that is not true or false"

CUE_KEYS = schema.obj({
    "negatable": schema.Key(schema.flag(_FLAG % "negatable"), default=True),
    "phrase": schema.Key(default=None),
    "near": schema.Key(default=None),
    "within": schema.Key(default=None),
    "ordered": schema.Key(default=None),
    "unless": schema.Key(default=None),
    "unless_told": schema.Key(schema.strings("{label} has 'unless_told' that is not a list of theme ids"), default=()),
}, "{label} is neither a phrase nor an object", unknown="{label} has unknown key(s) {keys}", ignored=())
"""Any cue object; then one of the two below, by its kind."""

PHRASE_CUE = schema.obj({
    "phrase": schema.Key(schema.unchanged(schema.text("{label} has an empty 'phrase'", convert=normalise))),
    "unless": schema.Key(schema.strings("{label} has 'unless' that is not a list of phrases", convert=normalise),
                         default=()),
}, "")

_NEAR = "{label} needs 'phrase', or 'near' as two lists of phrases"
NEAR_CUE = schema.obj({
    "near": schema.Key(schema.refine(schema.items(schema.anything, _NEAR), lambda sides: len(sides) == 2, _NEAR)),
    "within": schema.Key(schema.number("{label} needs a whole number 0 to 20 for 'within'", 0, 20, whole=True),
                         default=3),
    "ordered": schema.Key(schema.flag(_FLAG % "ordered"), default=True),
}, "")


def _cue(item: Any, label: str) -> tuple[dict[str, Any], list[list[str]]]:
    """A cue's settings and its phrases: one list for a phrase cue, two for a "near" pair."""
    if isinstance(item, str):
        if not normalise(item):
            raise schema.Invalid(f"{label} is empty")
        return {"sides": 1}, [[item]]
    cue = CUE_KEYS(item, label)
    if ("phrase" in item) == ("near" in item):
        raise schema.Invalid(f"{label} needs 'phrase', or 'near' as two lists of phrases (one of them)")
    if "phrase" in item:
        if {"within", "ordered"} & set(item):
            raise schema.Invalid(f"{label} has 'within' or 'ordered', which only a 'near' cue uses")
        parsed = PHRASE_CUE(item, label)
        return {"sides": 1, "negatable": cue["negatable"], "unless": parsed["unless"],
                "unless_told": _theme_ids(cue["unless_told"], label)}, [[parsed["phrase"]]]
    parsed = NEAR_CUE(item, label)
    sides = [_phrases()(side, f"{label} 'near' list {n + 1}") for n, side in enumerate(parsed["near"])]
    return {"sides": 2, "within": parsed["within"], "ordered": parsed["ordered"], "negatable": cue["negatable"],
            "unless_told": _theme_ids(cue["unless_told"], label)}, sides


def _theme_ids(ids: tuple[str, ...], label: str) -> tuple[str, ...]:
    unknown = [t for t in ids if t not in THEMES]
    if unknown:
        raise schema.Invalid(f"{label} has 'unless_told' {', '.join(unknown)}, not one of {', '.join(THEMES)}")
    return ids


def _theme_id(item: Any, label: str) -> str:
    if not isinstance(item, dict) or not isinstance(item.get("id"), str):
        raise schema.Invalid(f"{label} needs an 'id'")
    if item["id"] not in THEMES:
        raise schema.Invalid(f"theme '{item['id']}' is not one of {', '.join(THEMES)}")
    return item["id"]


THEME = schema.obj({
    "description": schema.Key(schema.text("{label} needs a 'description'")),
    "cues": schema.Key(schema.items(_cue, "{label} needs a non-empty 'cues' list", empty=False,
                                    name=lambda label, n, _: f"{label} cue {n + 1}")),
}, "")
"""One theme, checked once its id is known (the label is "theme '<id>'")."""


# --- reading a themes file --------------------------------------------------------

_GROUP_REF = re.compile(r"@([\w-]*)(.*)")
"""``@people's``: the group ``people``, each member followed by "'s"."""
_MAX_EXPANSION = 20000
"""Phrases one cue phrase may grow into through its groups: a guard against a typo'd product."""


def _expand(label: str, phrase: str, groups: dict[str, tuple[str, ...]], seen: tuple[str, ...] = ()) -> list[str]:
    """``phrase`` with every ``@group`` word replaced by each of the group's members in turn."""
    if "@" not in phrase:
        return [phrase]
    options: list[str] = [""]
    for word in phrase.split():
        if word.startswith("@"):
            name, tail = _GROUP_REF.match(word).groups()
            if name not in groups:
                raise schema.Invalid(f"{label} uses '@{name}', which is not in 'groups'")
            if name in seen:
                raise schema.Invalid(f"group '{name}' refers to itself through {' > '.join(seen)}")
            alternatives = [e + tail for member in groups[name] for e in _expand(label, member, groups, seen + (name,))]
        else:
            alternatives = [word]
        options = [f"{o} {a}" if o else a for o in options for a in alternatives]
        if len(options) > _MAX_EXPANSION:
            raise schema.Invalid(f"{label} grows into more than {_MAX_EXPANSION} phrases through its groups")
    return options


def _theme_set(path: Path, data: Any, match: str) -> ThemeSet:
    if not isinstance(data, dict) or not isinstance(data.get("themes"), list):
        raise schema.Invalid("needs a 'themes' list")
    descriptions: dict[str, str] = {}
    cues: list[Cue] = []
    patterns: list[Pattern] = []
    groups = GROUPS(data.get("groups"), "'groups'") if data.get("groups") is not None else {}
    for index, item in enumerate(data["themes"]):
        theme = _theme_id(item, f"theme {index + 1}")
        if theme in descriptions:
            raise schema.Invalid(f"theme '{theme}' is listed twice")
        parsed = THEME(item, f"theme '{theme}'")
        descriptions[theme] = parsed["description"]
        for n, (settings, sides) in enumerate(parsed["cues"]):
            label = f"theme '{theme}' cue {n + 1}"
            for side, phrases in enumerate(sides):
                for phrase in dict.fromkeys(e for p in phrases for e in _expand(label, p, groups)):
                    if phrase.startswith("~") and len(phrase.split()) > 1:
                        raise schema.Invalid(f"{label} has '{phrase}': a '~' ending is one word on its own")
                    patterns += compile_phrase(phrase, (len(cues), side), match, False, ())
            if settings.get("unless"):
                settings["unless"] = tuple(dict.fromkeys(
                    normalise(e) for u in item["cues"][n]["unless"] for e in _expand(label, u, groups)))
            cues.append(Cue(theme, **settings))
    missing = [t for t in THEMES if t not in descriptions]
    if missing:
        raise schema.Invalid(f"theme(s) {', '.join(missing)} are missing")
    idioms = IDIOMS(data.get("idioms"), "'idioms'") if data.get("idioms") is not None else {}
    unknown = [t for t in idioms if t not in THEMES]
    if unknown:
        raise schema.Invalid(f"'idioms' names {', '.join(unknown)}, not one of {', '.join(THEMES)}")
    idioms = {t: tuple(normalise(e) for p in phrases for e in _expand(f"idioms of '{t}'", p, groups))
              for t, phrases in idioms.items()}
    return ThemeSet(path, descriptions, tuple(cues), Matcher(match, patterns), match, idioms)


def parse_themes(path: Path, data: Any, match: str) -> ThemeSet:
    """Check a themes file and compile its cues for the vocabulary's ``match`` mode; every problem names the file and theme."""
    return schema.check(lambda value, _: _theme_set(path, value, match), data, path, error=ThemesFileError)


# --- finding themes ------------------------------------------------------------------

def _followed_by(hit: Hit, phrases: tuple[str, ...], match: str) -> bool:
    if match == "joined":
        return any(hit.rest.startswith(p.replace(" ", "")) for p in phrases)
    return any(hit.rest == p or hit.rest.startswith(p + " ") for p in phrases)


def find_themes(text: Text, themes: ThemeSet, neg: Negation) -> tuple[str, ...]:
    """The themes ``text`` tells, in :data:`THEMES` order; a negated cue does not count."""
    return tuple(theme_evidence(text, themes, neg))


def theme_hits(text: Text, themes: ThemeSet) -> list[Hit]:
    """Every cue phrase said in ``text``: the one pass over the words that :func:`theme_evidence` reads."""
    return themes.matcher.all(text)


def _past_habit(tokens: tuple[str, ...], end: int, endings: tuple[str, ...]) -> bool:
    """Whether the words ending at ``end`` end on one of ``endings``, or Vosk split it off ("주시 던")."""
    if not endings or not end:
        return False
    return tokens[end - 1].endswith(endings) or (end < len(tokens) and len(tokens[end]) <= 3 and tokens[end].endswith(endings))


DENIED_REACH = 1
"""How far after another cue of a theme its denied cue may start and still undo it: in "아이디어가
그대로 채택됐다 아무도 |무시 안| 하고" or "아무도 |제 말을 자르지 않았어요|" the nobody is nobody doing it."""
DENIED_BEFORE_REACH = 3
"""How far before another cue of a theme a denied one may end and still undo it: "멀어진 건 아니야 요즘
|서로 바빠서| 그래" gives the reason it is not drifting."""


DENIED_AFTER = re.compile(r"^\w{0,2}?(지|진)(는|도|가|를)?(않|안|못)|^ ?안 ?(했|하|해|당)|^(을|를|은|는|도|이|가)?(안|못)(했|해|하|한|됐|돼|되|당)"
                          r"|^\w{0,3}?(느낌|기분)(은|이|도)?(전혀|별로|딱히|하나도)?(아니|아냐|없)|^\w{0,2}?(건|거는|것은)(아니|아냐|아닌)"
                          r"|^\w{0,2}?(거|것|건) ?하나 ?도? ?없")
"""A plain "not" right after a cue (무시|안 했어, 자르|지 않았어요), not the other negations read there
(a supposition, 없 of an absence that is itself the theme: 다시 전화도 |없다|)."""


CARRIES_ITS_NOT = frozenset(("not", "no", "nothing", "never", "nobody", "noone", "didnt", "didn't", "hasnt",
                             "hasn't", "havent", "haven't", "wasnt", "wasn't", "wont", "won't"))
"""An English phrase cue that begins with its own "not" ("|not a peep|", "|no reply|") is not negated again by a
word before it: "since then nothing |not a peep|" is unanswered twice over (but "it's not that |nobody asked|"
denies it)."""


def _denied_spans(themes: ThemeSet, by_cue: dict[int, list[list[Hit]]]) -> dict[str, list[tuple[int, int]]]:
    """Per theme, where one of its phrase cues is said with "not" (the theme denied there)."""
    denied: dict[str, list[tuple[int, int]]] = {}
    for index, (firsts, _) in by_cue.items():
        cue = themes.cues[index]
        if cue.sides == 1 and cue.negatable:
            for hit in firsts:
                if hit.negated or DENIED_AFTER.match(hit.rest):
                    denied.setdefault(cue.theme, []).append((hit.start, hit.end))
    return denied


def theme_evidence(text: Text, themes: ThemeSet, neg: Negation, hits: list[Hit] | None = None,
                   outweighed: dict[str, tuple[tuple[int, int], tuple[str, ...]]] | None = None
                   ) -> dict[str, tuple[int, int]]:
    """Each theme ``text`` tells (in :data:`THEMES` order) with the span of words that told it: ``(first, end)``.

    ``hits``: :func:`theme_hits` of ``text``, when the caller reads them more than once. ``outweighed``, if
    given, is filled with the themes a rival outweighed (:data:`OUTWEIGHED_BY`): their span and the rivals.
    """
    by_cue: dict[int, list[list[Hit]]] = {}
    for hit in theme_hits(text, themes) if hits is None else hits:
        cue, side = hit.key
        by_cue.setdefault(cue, [[], []])[side].append(hit)
    found: dict[str, tuple[int, int]] = {}
    denied = _denied_spans(themes, by_cue)

    def told(cue: Cue, firsts: list[Hit], seconds: list[Hit]) -> tuple[int, int] | None:
        pairs = [(h, h) for h in firsts] if cue.sides == 1 else [
            (a, b) for a in firsts for b in seconds
            if (a.end <= b.start and b.start - a.end <= cue.within)
            or (not cue.ordered and b.end <= a.start and a.start - b.end <= cue.within)]
        for a, b in pairs:
            if cue.unless and _followed_by(a, cue.unless, themes.match):
                continue
            first, last = (a, b) if a.start <= b.start else (b, a)
            if _past_habit(text.tokens, max(first.end, last.end), TOLD_AS_PAST_HABIT.get(cue.theme, ())):
                continue
            end = max(first.end, last.end)
            if any(0 <= first.start - e <= DENIED_BEFORE_REACH for _, e in denied.get(cue.theme, ())):
                continue  # "|멀어진 건 아니야| 요즘 서로 바빠서 그래": what follows a denial explains it
            if not cue.negatable or (cue.sides == 1 and themes.match == "tokens"
                                     and text.tokens[first.start] in CARRIES_ITS_NOT
                                     and "that" not in text.tokens[max(0, first.start - 2):first.start]):
                if not any(first.start <= s <= end + DENIED_REACH for s, _ in denied.get(cue.theme, ())):
                    return first.start, end
            elif not (negated(first, last.rest, text.tokens, neg, set())
                      or (last is not first and negated_before(text.tokens, last.start, neg, set()))):
                return first.start, end
        return None

    later = []
    for index, (firsts, seconds) in sorted(by_cue.items()):
        cue = themes.cues[index]
        if cue.unless_told:
            later.append((cue, firsts, seconds))  # weighed once the other themes are known
        elif cue.theme not in found and (span := told(cue, firsts, seconds)):
            found[cue.theme] = span
    for cue, firsts, seconds in later:
        if cue.theme not in found and not set(cue.unless_told) & set(found) and (span := told(cue, firsts, seconds)):
            found[cue.theme] = span
    for theme, rivals in OUTWEIGHED_BY.items():
        span = found.get(theme)
        led_to = [r for r in rivals if span and r in found and _turned(text.tokens, theme, found[r], span)]
        for r in led_to:
            del found[r]  # "서류 만 삼십 번 떨어지 다가 |처음 으로| 최종 합격": the misses led to it
        heavier = tuple(r for r in rivals if r in found and (r in OUTWEIGHED_ANYWHERE.get(theme, ())
                                                              or (found[r][0] < span[1] and span[0] < found[r][1]))) \
            if span and not led_to else ()
        if heavier:
            del found[theme]
            if outweighed is not None:
                outweighed[theme] = (span, heavier)
    return {t: found[t] for t in THEMES if t in found}


TURNED_TO = {"win": (("처음", "으로"), ("처음으로",), ("드디어",), ("마침내",), ("결국",), ("finally",), ("eventually",),
                     ("at", "last"))}
"""Words between a rival told first and a theme told after it that make the rival the way there: "서류 만
삼십 번 떨어지 다가 |처음 으로| 최종 합격" is a win, its thirty rejections the road to it."""


def _turned(tokens: tuple[str, ...], theme: str, rival: tuple[int, int], span: tuple[int, int]) -> bool:
    """Whether a rival ends before the theme begins with one of the theme's :data:`TURNED_TO` words between."""
    between = tokens[rival[1]:span[0]]
    return rival[1] <= span[0] and any(tuple(between[i:i + len(t)]) == t
                                       for t in TURNED_TO.get(theme, ()) for i in range(len(between)))
