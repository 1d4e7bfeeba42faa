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
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from assistant.datafile import read_json
from assistant.errors import UserError
from assistant.language.packs import prompts_root

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


# --- loading -----------------------------------------------------------------

def _fail(path: Path, what: str) -> UserError:
    return UserError(f"{path}: {what}; fix the file and try again")


def _regex(path: Path, label: str, pattern: Any) -> re.Pattern:
    if not isinstance(pattern, str) or not pattern:
        raise _fail(path, f"{label} must be a non-empty pattern text")
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise _fail(path, f"{label} is not a valid pattern ({exc})") from None


def _help_lines(path: Path, raw: Any, where: str = "'help_lines'") -> dict[str, tuple[HelpLine, ...]]:
    if not isinstance(raw, Mapping) or not raw:
        raise _fail(path, f"{where} must map country codes to lists of {{name, number}}")
    out: dict[str, tuple[HelpLine, ...]] = {}
    for country, lines in raw.items():
        if not isinstance(country, str) or not country.strip():
            raise _fail(path, f"{where}: country codes must be texts such as 'US'")
        if not isinstance(lines, list) or not lines:
            raise _fail(path, f"{where}: '{country}' needs a list of help lines")
        parsed = []
        for index, line in enumerate(lines):
            if not isinstance(line, Mapping) or not all(
                isinstance(line.get(k), str) and line[k].strip() for k in ("name", "number")
            ):
                raise _fail(path, f"{where}: '{country}' line {index + 1} needs a 'name' and a 'number'")
            parsed.append(HelpLine(line["name"].strip(), line["number"].strip()))
        out[country.strip().upper()] = tuple(parsed)
    return out


def parse(data: Any, path: Path, language: str) -> CrisisData:
    """Check and compile the contents of one crisis.json."""
    if not isinstance(data, dict):
        raise _fail(path, "must be an object")
    for key in ("concern", "idioms", "negation", "negation_policy", "texts", "default_country", "help_lines"):
        if key not in data:
            raise _fail(path, f"missing '{key}'")
    concern = []
    if not isinstance(data["concern"], list) or not data["concern"]:
        raise _fail(path, "'concern' must be a list of {id, pattern}")
    for index, item in enumerate(data["concern"]):
        label = f"concern entry {index + 1}"
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise _fail(path, f"{label} needs an 'id' and a 'pattern'")
        concern.append((item["id"], _regex(path, f"{label} ('{item['id']}')", item.get("pattern"))))
    if not isinstance(data["idioms"], list):
        raise _fail(path, "'idioms' must be a list of patterns")
    idioms = tuple(_regex(path, f"idiom {i + 1}", p) for i, p in enumerate(data["idioms"]))
    replacements = []
    for index, pair in enumerate(data.get("replacements", [])):
        if not (isinstance(pair, list) and len(pair) == 2 and isinstance(pair[1], str)):
            raise _fail(path, f"replacement {index + 1} must be [pattern, replacement]")
        replacements.append((_regex(path, f"replacement {index + 1}", pair[0]), pair[1]))
    negation = data["negation"]
    if not isinstance(negation, dict) or negation.get("side") not in ("before", "after"):
        raise _fail(path, "'negation' needs 'pattern', 'side' (before or after) and 'window'")
    window = negation.get("window")
    if isinstance(window, bool) or not isinstance(window, int) or window < 1:
        raise _fail(path, "'negation' 'window' must be a whole number of words (or characters) above 0")
    if data["negation_policy"] not in POLICIES:
        raise _fail(path, f"'negation_policy' must be one of {', '.join(POLICIES)}")
    texts = data["texts"]
    if not isinstance(texts, dict):
        raise _fail(path, "'texts' must be an object")
    for key in TEXT_KEYS:
        if not isinstance(texts.get(key), str):
            raise _fail(path, f"missing text '{key}'")
    for key, fields in (("line", ("name", "number")), ("danger", ("emergency",))):
        try:
            texts[key].format(**{f: "" for f in fields})
        except (KeyError, IndexError, ValueError) as exc:
            raise _fail(path, f"text '{key}' may only use {', '.join('{' + f + '}' for f in fields)} ({exc})") from None
    help_lines = _help_lines(path, data["help_lines"])
    default_country = str(data["default_country"]).upper()
    if default_country not in help_lines:
        raise _fail(path, f"'default_country' {default_country} has no help lines")
    emergency = data.get("emergency", {})
    if not isinstance(emergency, dict) or not all(isinstance(v, str) for v in emergency.values()):
        raise _fail(path, "'emergency' must map country codes to numbers")
    return CrisisData(
        language=language,
        path=path,
        ignore_spaces=bool(data.get("ignore_spaces", False)),
        replacements=tuple(replacements),
        idioms=idioms,
        concern=tuple(concern),
        negation=_regex(path, "'negation' 'pattern'", negation.get("pattern")),
        negation_side=negation["side"],
        negation_window=window,
        negation_policy=data["negation_policy"],
        texts=dict(texts),
        default_country=default_country,
        help_lines=help_lines,
        emergency={k.upper(): v for k, v in emergency.items()},
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

def normalize(text: str, data: CrisisData) -> str:
    """The transcript as the patterns expect it (see the module docstring)."""
    out = unicodedata.normalize("NFKC", text).lower().replace("\u2019", "'").replace("\u2018", "'")
    out = re.sub(r"[^\w\s']", " ", out)
    out = " " + re.sub(r"\s+", " ", out).strip() + " "
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
    normal = normalize(text, data)
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
    table = _help_lines(Path("help_lines"), help_lines, "help_lines") if help_lines is not None else data.help_lines
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
