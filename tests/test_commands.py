"""Spoken commands as text: a whole utterance that is a command phrase, nothing more."""
from __future__ import annotations

import unicodedata

import pytest

from assistant.language.commands import DESTRUCTIVE, build_index, match_command, strip_fillers
from assistant.language.text import normalise

EN = {
    "repeat": ["repeat", "say that again", "repeat the question"],
    "skip": ["skip", "next", "skip this one"],
    "read_back": ["read it back", "read back"],
    "scratch": ["scratch that", "start over"],
    "pause": ["pause", "hold on"],
    "resume": ["resume", "continue", "i'm back"],
    "stop": ["stop", "that's all for tonight"],
    "help": ["help", "what can i say"],
    "done": ["done", "i'm done", "that's it"],
}
KO = {
    "repeat": ["다시", "다시 말해줘"],
    "skip": ["넘어가", "다음"],
    "read_back": ["읽어줘"],
    "scratch": ["지워줘"],
    "pause": ["잠깐"],
    "resume": ["계속"],
    "stop": ["그만"],
    "help": ["도움말"],
    "done": ["끝났어"],
}


@pytest.fixture(scope="module")
def en():
    return build_index(EN)


@pytest.fixture(scope="module")
def ko():
    return build_index(KO)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("skip", "skip"),
        ("Skip.", "skip"),
        ("SKIP!", "skip"),
        ("  skip  ", "skip"),
        ("um skip please", "skip"),
        ("uh, skip", "skip"),
        ("okay next", "skip"),
        ("so... next please", "skip"),
        ("skip this one", "skip"),
        ("Skip this one, please.", "skip"),
        ("i wanted to skip the party", None),
        ("skip the party", None),
        ("skip skip", None),
        ("next time i will say no", None),
        ("say that again", "repeat"),
        ("Say that again?", "repeat"),
        ("repeat the question", "repeat"),
        ("read it back", "read_back"),
        ("read it back please", "read_back"),
        ("scratch that", "scratch"),
        ("hmm scratch that", "scratch"),
        ("i scratched my arm on that", None),
        ("hold on", "pause"),
        ("i'm back", "resume"),
        ("I’m back", "resume"),  # curly apostrophe, as some keyboards and tools write it
        ("im back", None),
        ("That's all for tonight.", "stop"),
        ("stop", "stop"),
        ("i couldn't stop thinking about it", None),
        ("what can I say", "help"),
        ("I'm done", "done"),
        ("done", "done"),
        ("erm, i'm done, ok", "done"),
        ("done with the dishes and then i called my mother", None),
        ("", None),
        ("   ", None),
        ("...", None),
        ("um", None),
        ("um uh please", None),
        ("okay", None),
    ],
)
def test_english(en, text, expected):
    assert match_command(text, en) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("그만", "stop"),
        ("그만.", "stop"),
        ("음 그만", "stop"),
        ("어 다음", "skip"),
        ("그 넘어가", "skip"),
        ("다시 말해줘", "repeat"),
        ("다시", "repeat"),
        ("다시 말해줘요 제발", None),
        ("오늘은 그만 하고 싶었어요", None),
        ("다음 주에 친구를 만나요", None),
        ("계속", "resume"),
        ("계속 피곤했어요", None),
        ("음", None),
        (unicodedata.normalize("NFD", "그만"), "stop"),  # decomposed Hangul jamo
        (unicodedata.normalize("NFD", "읽어줘!"), "read_back"),
    ],
)
def test_korean(ko, text, expected):
    assert match_command(text, ko) == expected


@pytest.mark.parametrize(
    "text, expected",
    [("um skip please", "skip"), ("so what", "what"), ("음 그만", "그만"), ("Okay, OK", ""), ("uhm skip", "uhm skip")],
)
def test_strip_fillers(text, expected):
    assert strip_fillers(text) == expected


def test_index_keys_are_normalised(en):
    assert en["that's all for tonight"] == "stop"
    assert all(key == normalise(key) for key in en)
    assert build_index({"stop": ["That's ALL, for tonight!"]}) == {"that's all for tonight": "stop"}


@pytest.mark.parametrize(
    "commands",
    [
        {"skip": ["next"], "done": ["next"]},
        {"skip": ["Next!"], "done": ["next"]},  # the same once normalised
        {"stop": ["그만"], "done": [unicodedata.normalize("NFD", "그만")]},
        {"repeat": ["say that again"], "help": ["Say that, again?"]},
    ],
)
def test_a_phrase_used_by_two_commands_is_rejected(commands):
    with pytest.raises(ValueError) as excinfo:
        build_index(commands)
    names = list(commands)
    assert f"'{names[0]}'" in str(excinfo.value) and f"'{names[1]}'" in str(excinfo.value)


def test_the_same_phrase_twice_in_one_command_is_fine():
    assert build_index({"skip": ["skip", "Skip", "skip!"]}) == {"skip": "skip"}


def test_destructive_commands():
    assert DESTRUCTIVE == {"skip", "scratch", "stop"}


def test_a_korean_pause_filler_before_a_command_is_dropped():
    index = build_index({"pause": ["잠시"], "skip": ["넘어가"]})
    assert match_command("저 잠시", index) == "pause" and match_command("아 넘어가", index) == "skip"
    assert match_command("저 회사", index) is None


def test_korean_ordinary_answers_are_decoys_not_commands():
    from assistant.language.packs import load_language

    for code, answers in (("ko", ["몰라요", "고마워", "짜증 나요", "다 했어요"]), ("en", ["i don't know", "thank you", "done"])):
        pack = load_language(code)
        index = build_index(pack.commands)
        assert set(answers) <= set(pack.phrases["decoys"])
        assert not [a for a in pack.phrases["decoys"] if match_command(a, index)]  # no decoy is a command
