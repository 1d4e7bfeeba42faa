"""Crisis language: noticing an answer that speaks of suicide or self-harm.

:func:`detect` is pure: text and a language code in, ``True`` or ``False``
out. It never logs, stores or sends anything. The phrases live in
``prompts/<lang>/crisis.json`` (``VOICE_JOURNAL_PROMPTS`` moves that folder),
like every other word the assistant says or listens for:

``concern``
    Patterns (regular expressions over the normalised transcript) for
    statements about ending one's life or harming oneself.
``idioms``
    Patterns cut out of the text *before* the concern patterns are tried:
    "I wanted to die of embarrassment", "killing myself to finish this",
    "cutting myself some slack". Everyday hyperbole that never mentions
    oneself ("this deadline is killing me", "I could kill for a coffee",
    "dying to see it") needs no entry: no concern pattern matches it.
``negation``
    Words that negate a concern found near it ("I'm *not* going to kill
    myself", "자살할 생각은 *없어*").
``negation_policy``
    What a negated concern means. **The decision, and its reason:** it is
    ``"check_in"``: a negated statement still gets the gentle response.
    Nobody asked about suicide; when someone brings it up unprompted in an
    evening reflection, even to say "I'm not going to", the thought was
    near enough to mention, and people often understate. The response is
    written so it fits both cases: it does not assume danger, does not
    argue, only says the person need not carry it alone and where help is.
    A false alarm costs a kind sentence and a phone number; a miss costs
    more. The data may say ``"ignore"`` instead, and then only statements
    that are not negated count.
    Saying one does *not want to die* ("I don't want to die", "죽고 싶지
    않아") is fear of death, not a negated wish to die, and is an idiom
    entry, not a negation.

Transcripts are normalised first the way Vosk writes them: lower case, no
punctuation, English contractions expanded ("i'm" and "im" both become
"i am"), and for Korean all spaces removed, since Vosk's Korean spacing
varies ("죽고 싶어" / "죽고싶어" / "죽고 싶 어").

:func:`response` builds what the assistant says: a gentle message, the help
lines for the person's country (``help_lines`` in the same file, or a map
given by the caller), and what to do in danger.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from assistant.datafile import read_json
from assistant.language import schema
from assistant.language.packs import prompts_root
from assistant.language.text import normalise

POLICIES = ("check_in", "ignore")
TEXT_KEYS = ("message", "help_intro", "line", "elsewhere", "danger", "emergency_generic", "closing")


@dataclass(frozen=True)
class Concern:
    """One concern found in a text."""

    id: str
    """The concern pattern's id in crisis.json."""
    phrase: str
    """The normalised words that matched."""
    negated: bool


@dataclass(frozen=True)
class HelpLine:
    name: str
    number: str


@dataclass(frozen=True)
class CrisisData:
    language: str
    path: Path
    ignore_spaces: bool
    replacements: tuple[tuple[re.Pattern, str], ...]
    idioms: tuple[re.Pattern, ...]
    concern: tuple[tuple[str, re.Pattern], ...]
    negation: re.Pattern | None
    negation_side: str
    """"before" (English: "not going to ...") or "after" (Korean: "... 생각은 없어")."""
    negation_window: int
    """Words before (or characters after, for a spaceless language) the concern."""
    negation_policy: str
    texts: dict[str, str]
    default_country: str
    help_lines: dict[str, tuple[HelpLine, ...]]
    emergency: dict[str, str]


# --- loading: the file's shape (see assistant.language.schema) -------------------

_PATTERN = schema.pattern("{label} must be a non-empty pattern text", invalid="{label} is not a valid pattern ({error})")


def _concern(item: Any, label: str) -> tuple[str, re.Pattern]:
    if not isinstance(item, dict) or not isinstance(item.get("id"), str):
        raise schema.Invalid(f"{label} needs an 'id' and a 'pattern'")
    return item["id"], _PATTERN(item.get("pattern"), f"{label} ('{item['id']}')")


def _replacement(pair: Any, label: str) -> tuple[re.Pattern, str]:
    if not (isinstance(pair, list) and len(pair) == 2 and isinstance(pair[1], str)):
        raise schema.Invalid(f"{label} must be [pattern, replacement]")
    return _PATTERN(pair[0], label), pair[1]


def _country(code: Any, label: str) -> str:
    if not isinstance(code, str) or not code.strip():
        raise schema.Invalid(f"{label}: country codes must be texts such as 'US'")
    return code.strip().upper()


def _help_line(line: Any, label: str) -> HelpLine:
    if not isinstance(line, Mapping) or not all(isinstance(line.get(k), str) and line[k].strip() for k in ("name", "number")):
        raise schema.Invalid(f"{label} needs a 'name' and a 'number'")
    return HelpLine(line["name"].strip(), line["number"].strip())


HELP_LINES = schema.mapping(
    schema.items(_help_line, "{label} needs a list of help lines", empty=False,
                 name=lambda label, n, _: f"{label} line {n + 1}"),
    "{label} must map country codes to lists of {{name, number}}", empty=False, keys=_country,
    name=lambda label, country: f"{label}: '{country}'", ignored=())
"""Country code → the help lines to offer there (in crisis.json, or from the settings)."""

_NEGATION = "'negation' needs 'pattern', 'side' (before or after) and 'window'"
_EMERGENCY = "'emergency' must map country codes to numbers"


def _required(rule: schema.Check = schema.anything) -> schema.Key:
    return schema.Key(rule, missing="missing '{key}'")


CRISIS_FILE = schema.obj({
    "concern": _required(schema.items(_concern, "'concern' must be a list of {{id, pattern}}", empty=False,
                                      name=lambda _, n, __: f"concern entry {n + 1}")),
    "idioms": _required(schema.items(_PATTERN, "'idioms' must be a list of patterns",
                                     name=lambda _, n, __: f"idiom {n + 1}")),
    "replacements": schema.Key(schema.items(_replacement, "'replacements' must be a list of [pattern, replacement]",
                                            name=lambda _, n, __: f"replacement {n + 1}"), default=()),
    "negation": _required(schema.obj({
        "side": schema.Key(schema.one_of(("before", "after"), _NEGATION)),
        "window": schema.Key(schema.number("'negation' 'window' must be a whole number of words (or characters) above 0",
                                           1, float("inf"), whole=True)),
        "pattern": schema.Key(schema.at("'negation' 'pattern'", _PATTERN)),
    }, _NEGATION)),
    "negation_policy": _required(schema.one_of(POLICIES, "'negation_policy' must be one of {options}")),
    "texts": _required(schema.obj({key: schema.Key(schema.text(f"missing text '{key}'", blank=True)) for key in TEXT_KEYS},
                                   "'texts' must be an object")),
    "default_country": _required(),
    "help_lines": _required(schema.at("'help_lines'", HELP_LINES)),
    "emergency": schema.Key(schema.mapping(schema.text(_EMERGENCY, blank=True), _EMERGENCY, keys=lambda k, _: k.upper(),
                                           ignored=()), default={}),
}, "must be an object")
"""What ``prompts/<lang>/crisis.json`` holds."""


def parse(data: Any, path: Path, language: str) -> CrisisData:
    """Check and compile the contents of one crisis.json."""
    checked = schema.check(CRISIS_FILE, data, path)
    texts = checked["texts"]
    for key, fields in (("line", ("name", "number")), ("danger", ("emergency",))):
        try:
            texts[key].format(**{f: "" for f in fields})
        except (KeyError, IndexError, ValueError) as exc:
            raise schema.fail(path, f"text '{key}' may only use {', '.join('{' + f + '}' for f in fields)} ({exc})") from None
    default_country = str(checked["default_country"]).upper()
    if default_country not in checked["help_lines"]:
        raise schema.fail(path, f"'default_country' {default_country} has no help lines")
    negation = checked["negation"]
    return CrisisData(
        language=language,
        path=path,
        ignore_spaces=bool(checked.get("ignore_spaces", False)),
        replacements=checked["replacements"],
        idioms=checked["idioms"],
        concern=checked["concern"],
        negation=negation["pattern"],
        negation_side=negation["side"],
        negation_window=negation["window"],
        negation_policy=checked["negation_policy"],
        texts=dict(texts),
        default_country=default_country,
        help_lines=checked["help_lines"],
        emergency=checked["emergency"],
    )


@lru_cache(maxsize=None)
def _load(root: Path, language: str) -> CrisisData:
    path = root / language / "crisis.json"
    data = read_json(path, missing=f"no crisis phrases for language '{language}': {path} is missing; reinstall voice-journal")
    return parse(data, path, language)


def load_crisis(language: str) -> CrisisData:
    """The crisis data of a language (cached). Call it when a session starts,
    so a damaged file is reported before the evening begins."""
    return _load(prompts_root().resolve(), language)


# --- detecting ---------------------------------------------------------------

def prepare(text: str, data: CrisisData) -> str:
    """The transcript as the patterns expect it (see the module docstring)."""
    out = " " + normalise(text.replace("\u2018", "'"), form="NFKC") + " "
    for pattern, replacement in data.replacements:
        out = pattern.sub(replacement, out)
    out = out.replace("'", "")
    out = re.sub(r"\s+", " ", out).strip()
    if data.ignore_spaces:
        out = out.replace(" ", "")
    return out


def _negated(data: CrisisData, text: str, start: int, end: int) -> bool:
    if data.negation is None:
        return False
    if data.negation_side == "before":
        words = text[:start].split()
        window = " ".join(words[-data.negation_window:])
    else:
        window = text[end:end + data.negation_window]
    return data.negation.search(window) is not None


def find_concerns(text: str, language: str, data: CrisisData | None = None) -> list[Concern]:
    """Every concern in ``text``, with whether it was negated."""
    data = data or load_crisis(language)
    normal = prepare(text, data)
    cut = " | " if not data.ignore_spaces else "|"
    for idiom in data.idioms:
        normal = idiom.sub(cut, normal)
    found = []
    for concern_id, pattern in data.concern:
        for match in pattern.finditer(normal):
            found.append(Concern(concern_id, match.group(0).strip(), _negated(data, normal, *match.span())))
    return found


def detect(text: str, language: str) -> bool:
    """Whether an answer speaks of suicide or self-harm and warrants the gentle response.

    Pure: no side effects. With the shipped ``negation_policy`` ("check_in")
    a negated statement counts too (see the module docstring for why).
    """
    data = load_crisis(language)
    concerns = find_concerns(text, language, data)
    if data.negation_policy == "ignore":
        concerns = [c for c in concerns if not c.negated]
    return bool(concerns)


# --- responding --------------------------------------------------------------

def spell_number(number: str) -> str:
    """A phone number said digit by digit, a pause between groups: "116 123" → "1 1 6, 1 2 3".

    espeak-ng would otherwise read 988 as "nine hundred eighty-eight" (and
    Korean 109 as "백구"), not the way anyone dials it.
    """
    groups = [g for g in re.split(r"[^0-9]+", number) if g]
    return ", ".join(" ".join(group) for group in groups) if groups else number


def _country_code(country: str) -> str:
    code = (country or "").strip().upper()
    return "UK" if code == "GB" else code  # ISO says GB; people (and the Samaritans) say UK


def help_lines_for(language: str, country: str = "", help_lines: Mapping[str, Any] | None = None) -> tuple[list[HelpLine], bool]:
    """The help lines to offer, and whether they are the person's own country's."""
    data = load_crisis(language)
    table = (schema.check(HELP_LINES, help_lines, Path("help_lines"), label="help_lines") if help_lines is not None
             else data.help_lines)
    code = _country_code(country)
    if code in table:
        return list(table[code]), True
    fallback = table.get(data.default_country) or next(iter(table.values()))
    return list(fallback), False


def response(language: str, country: str = "", help_lines: Mapping[str, Any] | None = None, spoken: bool = True) -> str:
    """What the assistant says after :func:`detect` found crisis language.

    ``country`` is an ISO code ("US", "UK" or "GB", "IE", "CA", "AU", "KR");
    an unknown or empty one gets the language's default country's lines and
    a sentence about local help elsewhere. ``help_lines`` (country → list of
    {"name", "number"}) replaces the map in crisis.json, for a configured
    list. ``spoken`` says numbers digit by digit, for the voice; ``False``
    writes them as they are dialled, for the screen.
    """
    data = load_crisis(language)
    lines, own_country = help_lines_for(language, country, help_lines)
    texts = data.texts

    def number(value: str) -> str:
        return spell_number(value) if spoken else value

    parts = [texts["message"], texts["help_intro"]]
    parts += [texts["line"].format(name=line.name, number=number(line.number)) for line in lines]
    if not own_country:
        parts.append(texts["elsewhere"])
    emergency = data.emergency.get(_country_code(country)) if own_country else None
    parts.append(texts["danger"].format(emergency=number(emergency) if emergency else texts["emergency_generic"]))
    parts.append(texts["closing"])
    return " ".join(p.strip() for p in parts if p.strip())
