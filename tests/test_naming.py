"""Naming the feeling as a conversation, with the real vocabularies and
language packs and a scripted listener (the spoken version runs through the
real stack in tests/test_evening_stack.py)."""
from __future__ import annotations

import pytest

from assistant.language.feelings import load_vocabulary
from assistant.language.packs import load_language
from assistant.conversation.naming import FeelingNaming, says_feeling


class Script:
    """Replies in order; records what was said and what grammar each listen had."""

    def __init__(self, *replies: str | None):
        self.replies = list(replies)
        self.said: list[str] = []
        self.grammars: list[list[str]] = []

    def say(self, text: str) -> None:
        self.said.append(text)

    def hear(self, phrases: list[str]) -> str | None:
        self.grammars.append(phrases)
        reply = self.replies.pop(0) if self.replies else None
        assert reply is None or reply in phrases, f"{reply!r} is not in the grammar offered"
        return reply


def naming(lang: str, script: Script) -> FeelingNaming:
    return FeelingNaming(load_vocabulary(lang), load_language(lang).naming, script.say, script.hear)


@pytest.mark.parametrize("lang, transcript, expected", [
    ("en", "i feel kind of left out tonight", True),
    ("en", "honestly i'm feeling drained", True),
    ("en", "it made me feel invisible", True),
    ("en", "we had pasta for dinner", False),
    ("en", "the felt on the table was green", False),
    ("ko", "오늘 기분이 좀 외로웠어요", True),
    ("ko", "오늘 기분 이 외로 웠 어요", True),  # the model's own spacing
    ("ko", "회의 가 길었 어요", False),
])
def test_an_answer_that_says_i_feel_is_noticed(lang, transcript, expected):
    assert says_feeling(transcript, load_language(lang).naming["feel_cues"]) is expected


def test_a_suggested_feeling_is_confirmed_first():
    script = Script("yes", "no", "six")
    named = naming("en", script).run(suggested="lonely")
    assert named.feelings == ["lonely"] and named.intensity == 6
    assert script.said[0] == "lonely. Is that right?"  # no "how does that leave you feeling?" first
    assert not any("word or two" in s for s in script.said)


def test_a_wrong_suggestion_is_replaced_by_the_persons_word():
    script = Script("no", "drained", "yes", "no", "four")
    named = naming("en", script).run(suggested="lonely")
    assert named.feelings == ["drained"] and named.intensity == 4
    assert script.said[:3] == ["lonely. Is that right?", "Okay. What word fits better?", "drained. Is that right?"]


def test_a_suggestion_outside_the_vocabulary_asks_as_usual():
    script = Script("calm", "yes", "no", "two")
    named = naming("en", script).run(suggested="pasta")
    assert script.said[0].startswith("How does that leave you feeling")
    assert named.feelings == ["calm"] and named.intensity == 2


def test_up_to_three_feelings_then_how_heavy():
    script = Script("hurt", "yes", "yes", "lonely", "yes", "yes", "tired", "yes", "eight")
    named = naming("en", script).run()
    assert named.feelings == ["hurt", "lonely", "tired"] and named.intensity == 8


def test_i_dont_know_offers_words_by_energy_and_pleasantness():
    vocabulary = load_vocabulary("en")
    replies = iter(["i don't know", "tired", "more unpleasant"])
    offered: list[str] = []
    said: list[str] = []

    def hear(phrases):
        reply = next(replies, None)
        if reply is None and not offered:  # the offer: take the first word it named
            offered.append(next(w for w in phrases if w in said[-1] and vocabulary.canonical(w)))
            return offered[0]
        return reply

    FeelingNaming(vocabulary, load_language("en").naming, said.append, hear).run()
    assert offered, said
    chosen = vocabulary.feeling(vocabulary.canonical(offered[0]))
    assert chosen.pleasantness < 0 and chosen.energy < 0  # unpleasant and low energy, as answered
    assert said[-1] == f"{chosen.word}. Is that right?"  # then confirmed, like a word said outright
