"""Declarative checks for the hand-edited JSON data files (language packs, vocabularies, themes, crisis).

A loader says what each key holds and what to tell the person when it does
not, as data; :func:`check` walks the file with it. A problem is always one
line naming the file and the place ("entry 3 ('lonely') needs a number for
'energy' (-1.0 to 1.0)"), never a traceback. What no schema can say (a word
listed twice, a cue that needs one key or the other) stays in the loader.

A check is a function ``(value, label) -> parsed value`` that raises
:class:`Invalid`. Messages are format strings: ``{label}`` is the place in
the file (an entry, an object's name), ``{key}`` the key being checked.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from assistant.errors import UserError

Check = Callable[[Any, str], Any]
"""A value and where it is in the file → the value as the program uses it."""


class Invalid(Exception):
    """What is wrong, in one line, without the file's name (:func:`check` adds it)."""


def _fail(message: str, label: str, value: Any = None, **more: Any) -> Invalid:
    return Invalid(message.format(label=label, value=value, **more))


def anything(value: Any, label: str) -> Any:
    return value


def text(message: str, *, blank: bool = False, convert: Callable[[str], str] | None = None) -> Check:
    """A string; not blank (nor blank once converted) unless ``blank``."""
    def check(value: Any, label: str) -> Any:
        if not isinstance(value, str):
            raise _fail(message, label, value)
        out = convert(value) if convert else value
        if not blank and not out.strip():
            raise _fail(message, label, value)
        return out
    return check


def strings(message: str, *, empty: bool = True, null: Any = None,
            convert: Callable[[str], str] | None = None, blank: bool = False) -> Check:
    """A list of strings as a tuple, each converted; ``null`` (when not None) stands for a JSON null."""
    item = text(message, blank=blank, convert=convert)

    def check(value: Any, label: str) -> Any:
        if value is None and null is not None:
            return null
        if not isinstance(value, list) or (not empty and not value):
            raise _fail(message, label, value)
        return tuple(item(v, label) for v in value)
    return check


def number(message: str, low: float, high: float, *, whole: bool = False, outside: str | None = None) -> Check:
    """A number (a whole one if ``whole``) from ``low`` to ``high``; ``outside`` words a number out of range."""
    kinds = int if whole else (int, float)

    def check(value: Any, label: str) -> Any:
        if isinstance(value, bool) or not isinstance(value, kinds):
            raise _fail(message, label, value)
        if not low <= value <= high:
            raise _fail(outside or message, label, value)
        return value
    return check


def flag(message: str) -> Check:
    """true or false."""
    def check(value: Any, label: str) -> bool:
        if not isinstance(value, bool):
            raise _fail(message, label, value)
        return value
    return check


def one_of(options: Iterable[Any], message: str) -> Check:
    allowed = tuple(options)

    def check(value: Any, label: str) -> Any:
        if value not in allowed:
            raise _fail(message, label, value, options=", ".join(map(str, allowed)))
        return value
    return check


def either(message: str, *checks: Check) -> Check:
    """The first of ``checks`` that takes the value; ``message`` when none does."""
    def check(value: Any, label: str) -> Any:
        for one in checks:
            try:
                return one(value, label)
            except Invalid:
                pass
        raise _fail(message, label, value)
    return check


def refine(rule: Check, test: Callable[[Any], bool], message: str) -> Check:
    """``rule``, and then ``test`` on what it gave; ``message`` when that fails."""
    def check(value: Any, label: str) -> Any:
        out = rule(value, label)
        if not test(out):
            raise _fail(message, label, out)
        return out
    return check


def then(rule: Check, convert: Callable[[Any], Any]) -> Check:
    """``rule``, its result passed through ``convert`` (a tuple of phrases → a set of words)."""
    def check(value: Any, label: str) -> Any:
        return convert(rule(value, label))
    return check


def at(label: str, rule: Check) -> Check:
    """``rule`` under a label of its own ("'negation' 'pattern'")."""
    def check(value: Any, _: str) -> Any:
        return rule(value, label)
    return check


def unchanged(rule: Check) -> Check:
    """``rule``'s verdict, but the value as the file has it (a list stays a list)."""
    def check(value: Any, label: str) -> Any:
        rule(value, label)
        return value
    return check


def pattern(message: str, *, invalid: str, blank: bool = False) -> Check:
    """A regular expression (not empty unless ``blank``), compiled; ``invalid`` (with ``{pattern}`` and ``{error}``) words one that does not compile."""
    def check(value: Any, label: str) -> re.Pattern[str]:
        if not isinstance(value, str) or not (value or blank):
            raise _fail(message, label, value)
        try:
            return re.compile(value)
        except re.error as exc:
            raise _fail(invalid, label, value, pattern=repr(value), error=exc) from None
    return check


def items(each: Check, message: str, *, empty: bool = True, null: Any = None,
          name: Callable[[str, int, Any], str] | None = None) -> Check:
    """A list as a tuple, each item checked by ``each`` under the label ``name(label, index, item)`` (default: the list's own).

    ``null`` (when not None) stands for a JSON null.
    """
    def check(value: Any, label: str) -> tuple[Any, ...]:
        if value is None and null is not None:
            return null
        if not isinstance(value, list) or (not empty and not value):
            raise _fail(message, label, value)
        return tuple(each(item, name(label, i, item) if name else label) for i, item in enumerate(value))
    return check


def mapping(values: Check, message: str, *, keys: Check = anything, empty: bool = True, null: Any = None,
            name: Callable[[str, Any], str] | None = None, ignored: Iterable[str] = ("about",)) -> Check:
    """An object of names to values (groups, countries): each name checked by ``keys``, each value by ``values``.

    The value is checked under the label ``name(label, key)``; ``ignored``
    names (comments such as "about") are left out.
    """
    skip = frozenset(ignored)

    def check(value: Any, label: str) -> dict[Any, Any]:
        if value is None and null is not None:
            return null
        if not isinstance(value, Mapping) or (not empty and not value):
            raise _fail(message, label, value)
        return {keys(k, label): values(v, name(label, k) if name else label)
                for k, v in value.items() if k not in skip}
    return check


_CHECKED = object()


@dataclass(frozen=True)
class Key:
    """One key of an object: how to check it, and what to say when it is absent.

    An absent key is refused with ``missing`` when that is given; else it
    takes ``default`` as it is, when that is given; else ``check`` sees
    None (and words its own message).
    """

    check: Check = anything
    missing: str | None = None
    default: Any = _CHECKED


def obj(keys: dict[str, Key], message: str, *, unknown: str | None = None, unknown_after: int = 0,
        ignored: Iterable[str] = ("about",), into: Callable[..., Any] | None = None) -> Check:
    """An object: ``message`` if it is not one, then each key's check in order.

    ``unknown`` (with ``{keys}``) refuses keys not listed, once the first
    ``unknown_after`` keys are checked (an entry's name first); ``ignored`` keys
    (comments such as "about") are always allowed. The result is the object
    with each listed key replaced by what its check gave, or, with ``into``,
    ``into(**listed keys)`` (a dataclass).
    """
    skip = frozenset(ignored)

    def check(value: Any, label: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise _fail(message, label, value)
        for key, rule in keys.items():
            if rule.missing is not None and key not in value:
                raise _fail(rule.missing, label, value, key=key)
        out = dict(value)
        order = list(keys.items())
        for n, (key, rule) in enumerate(order + [("", None)]):
            if n == min(unknown_after, len(order)) and unknown is not None:
                extra = set(value) - set(keys) - skip
                if extra:
                    raise _fail(unknown, label, value, keys=sorted(extra))
            if rule is None:
                break
            if key in value or rule.default is _CHECKED:
                out[key] = rule.check(value.get(key), label)
            else:
                out[key] = rule.default
        return into(**{key: out[key] for key in keys}) if into else out
    return check


def check(rule: Check, value: Any, path: Path, *, label: str = "the file",
          error: type[UserError] = UserError, advice: str = "fix the file and try again") -> Any:
    """``value`` (the JSON of ``path``) checked by ``rule``, or ``error`` with one line naming the file."""
    try:
        return rule(value, label)
    except Invalid as exc:
        raise fail(path, str(exc), error=error, advice=advice) from None


def fail(path: Path, what: str, *, error: type[UserError] = UserError,
         advice: str = "fix the file and try again") -> UserError:
    """The one-line error for a problem no schema can see (a word listed twice)."""
    return error(f"{path}: {what}; {advice}")
