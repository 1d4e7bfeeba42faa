"""The declarative checks behind every data-file loader: one line per problem, in the loader's words."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant.errors import UserError
from assistant.language import schema

PATH = Path("/data/x.json")


def problem(rule, value, label="the file"):
    with pytest.raises(schema.Invalid) as caught:
        rule(value, label)
    return str(caught.value)


def test_text():
    rule = schema.text("{label} needs a name")
    assert rule("Ann", "entry 1") == "Ann"
    assert problem(rule, "  ", "entry 1") == "entry 1 needs a name"
    assert problem(rule, 3, "entry 1") == "entry 1 needs a name"
    assert schema.text("x", blank=True)("", "l") == ""
    assert schema.text("x", convert=str.upper)("a", "l") == "A"


def test_strings():
    rule = schema.strings("{label} needs phrases", empty=False)
    assert rule(["a", "b"], "l") == ("a", "b")
    for bad in ([], "a", ["a", ""], ["a", 1], None):
        assert problem(rule, bad, "cue 2") == "cue 2 needs phrases"
    assert schema.strings("x", null=())(None, "l") == ()


@pytest.mark.parametrize("value, message", [
    (True, "needs a number"), ("1", "needs a number"), (None, "needs a number"), (2, "2 is too big"), (-1.5, "-1.5 is too big"),
])
def test_number(value, message):
    rule = schema.number("needs a number", -1, 1, outside="{value} is too big")
    assert problem(rule, value) == message


def test_whole_numbers_refuse_fractions():
    rule = schema.number("{label} needs a whole number", 0, 10, whole=True)
    assert rule(3, "l") == 3
    assert problem(rule, 2.5, "'window'") == "'window' needs a whole number"


def test_flag_one_of_and_pattern():
    assert schema.flag("x")(False, "l") is False
    assert problem(schema.flag("{label} is not true or false"), 0, "'bare'") == "'bare' is not true or false"
    assert problem(schema.one_of(("a", "b"), "{value!r}; use one of {options}"), "c") == "'c'; use one of a, b"
    rule = schema.pattern("{label} needs a pattern", invalid="{label}: {pattern} is broken ({error})")
    assert rule("a+", "l").match("aa")
    assert problem(rule, "", "idiom 1") == "idiom 1 needs a pattern"
    assert problem(rule, "(", "idiom 1").startswith("idiom 1: '(' is broken (missing )")


def test_items_label_each_item():
    rule = schema.items(schema.text("{label} is empty"), "{label} needs a list", empty=False,
                        name=lambda label, n, _: f"{label} item {n + 1}")
    assert rule(["a"], "list") == ("a",)
    assert problem(rule, ["a", ""], "list") == "list item 2 is empty"
    assert problem(rule, [], "list") == "list needs a list"


def test_mapping():
    rule = schema.mapping(schema.text("{label} needs a number"), "{label} must map codes to numbers",
                          keys=lambda key, _: key.upper(), name=lambda label, key: f"{label}: '{key}'")
    assert rule({"us": "911", "about": "comment"}, "'emergency'") == {"US": "911"}
    assert problem(rule, {"us": 911}, "'emergency'") == "'emergency': 'us' needs a number"
    assert problem(rule, [], "'emergency'") == "'emergency' must map codes to numbers"


@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0


def test_obj_required_unknown_defaults_and_into():
    rule = schema.obj({
        "x": schema.Key(schema.number("{label} needs 'x'", 0, 9), missing="{label} lacks '{key}'"),
        "y": schema.Key(schema.number("{label} needs 'y'", 0, 9), default=0),
    }, "{label} is not an object", unknown="{label} has unknown key(s) {keys}", into=Point)
    assert rule({"x": 1}, "p") == Point(1, 0)
    assert rule({"x": 1, "y": 2, "about": "a comment"}, "p") == Point(1, 2)
    assert problem(rule, {"y": 1}, "p") == "p lacks 'x'"
    assert problem(rule, {"x": 1, "z": 2}, "p") == "p has unknown key(s) ['z']"
    assert problem(rule, {"x": 1, "y": None}, "p") == "p needs 'y'"
    assert problem(rule, [], "p") == "p is not an object"


def test_obj_keeps_other_keys_when_not_strict():
    rule = schema.obj({"a": schema.Key(schema.text("x"))}, "not an object")
    assert rule({"a": "1", "b": 2}, "l") == {"a": "1", "b": 2}


def test_either_refine_then_unchanged():
    phrase = schema.either("{label} must be a string or a list", schema.text("", blank=True), schema.strings("", empty=False))
    assert phrase("hi", "l") == "hi" and phrase(["a"], "l") == ("a",)
    assert problem(phrase, 3, "phrase 'x'") == "phrase 'x' must be a string or a list"
    assert schema.unchanged(phrase)(["a"], "l") == ["a"]
    nonzero = schema.refine(schema.number("n", -1, 1), lambda v: v != 0, "{label} is {value}; pick a side")
    assert problem(nonzero, 0, "'energy'") == "'energy' is 0; pick a side"
    assert schema.then(schema.strings("x"), frozenset)(["a", "a"], "l") == frozenset({"a"})


def test_check_names_the_file_in_one_line():
    class FileError(UserError):
        pass

    with pytest.raises(FileError) as caught:
        schema.check(schema.text("{label} needs text"), 3, PATH, error=FileError)
    assert str(caught.value) == "/data/x.json: the file needs text; fix the file and try again"
    assert str(schema.fail(PATH, "'a' is listed twice", advice="fix the file")) == "/data/x.json: 'a' is listed twice; fix the file"


def test_unknown_keys_are_refused_even_with_no_keys_listed():
    rule = schema.obj({}, "x", unknown="{label} has unknown key(s) {keys}", unknown_after=3)
    assert problem(rule, {"a": 1}, "o") == "o has unknown key(s) ['a']"
    assert rule({"about": "comment"}, "o") == {"about": "comment"}
