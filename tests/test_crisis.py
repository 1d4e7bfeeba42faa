"""Crisis language: what detect() flags, and what response() says.

Every phrasing is written the way Vosk transcribes speech: lower case, no
punctuation (the English model keeps apostrophes: "i'm", "don't"), Korean
with Vosk's uneven spacing. Negated statements are flagged on purpose (a
gentle check-in; see assistant/crisis.py for the reasoning); everyday
hyperbole and idioms are not.
"""
from __future__ import annotations

import json
import os
import shutil

import pytest

from assistant.language import crisis
from assistant.errors import UserError

CONCERN, NEGATED, IDIOM, UNRELATED = "concern", "negated", "idiom", "unrelated"

ENGLISH = [
    # direct statements
    ("i want to die", CONCERN),
    ("sometimes i just want to die", CONCERN),
    ("i've been thinking about killing myself", CONCERN),
    ("i want to kill myself", CONCERN),
    ("i thought about suicide today", CONCERN),
    ("i feel suicidal again", CONCERN),
    ("i don't want to live anymore", CONCERN),
    ("i wish i was dead", CONCERN),
    ("everyone would be better off without me", CONCERN),
    ("i want to end my life", CONCERN),
    ("maybe i should just end it all", CONCERN),
    ("i've been hurting myself again", CONCERN),
    ("i started cutting again", CONCERN),
    ("i have the urge to self harm", CONCERN),
    ("there's no reason to live", CONCERN),
    ("i have nothing left to live for", CONCERN),
    ("i want to go to sleep and never wake up", CONCERN),
    ("i tried to kill myself last year", CONCERN),
    ("i don't want to be here anymore", CONCERN),
    ("im thinking about taking my own life", CONCERN),  # no apostrophe, as some models write it
    ("i could take all my sleeping pills at once", CONCERN),
    ("i'm so tired of being alive", CONCERN),
    ("i keep thinking about jumping off the bridge", CONCERN),
    ("part of me wants to die", CONCERN),
    ("i'm not sure i want to live", CONCERN),
    # someone else's suicide: the help lines are for people worried about others too
    ("he said he wanted to kill himself", CONCERN),
    ("my sister attempted suicide when we were kids", CONCERN),
    # negated: still a gentle check-in (negation_policy "check_in")
    ("i'm not going to kill myself", NEGATED),
    ("i'm not suicidal just tired", NEGATED),
    ("i would never hurt myself", NEGATED),
    ("i don't want to kill myself but the thought keeps coming", NEGATED),
    ("i haven't self harmed in a year", NEGATED),
    # idioms and hyperbole
    ("this deadline is killing me", IDIOM),
    ("i could kill for a coffee", IDIOM),
    ("i'm dying to see it", IDIOM),
    ("my feet are killing me", IDIOM),
    ("i nearly died laughing", IDIOM),
    ("i wanted to die of embarrassment when he read it out", IDIOM),
    ("i'd rather die than sing karaoke", IDIOM),
    ("i'm dead tired", IDIOM),
    ("the suspense is killing me", IDIOM),
    ("i've been killing myself to finish this report", IDIOM),
    ("i'm cutting myself some slack tonight", IDIOM),
    ("i killed it at the presentation", IDIOM),
    ("i want to take my life back", IDIOM),
    ("i overdosed on coffee today", IDIOM),
    ("we watched suicide squad", IDIOM),
    # death and injury that are not about harming oneself
    ("i don't want to die", UNRELATED),  # fear of dying, not a negated wish to die
    ("my phone died during the call", UNRELATED),
    ("my grandfather died last year and i miss him", UNRELATED),
    ("i hurt myself at the gym", UNRELATED),
    ("i cut myself while cooking", UNRELATED),
    ("i don't want to live in this city anymore", UNRELATED),
    ("i wanted to disappear when he laughed", UNRELATED),  # embarrassment; only "disappear forever" and the like count
    ("my friend said nobody invited me", UNRELATED),
]

KOREAN = [
    ("죽고 싶어요", CONCERN),
    ("요즘 죽고 싶다는 생각이 자주 들어요", CONCERN),
    ("죽고 싶 어요", CONCERN),  # Vosk's spacing
    ("자살 생각 을 했어요", CONCERN),
    ("그냥 살기 싫어", CONCERN),
    ("자해 를 했어요", CONCERN),
    ("다시 자해하고 싶어요", CONCERN),
    ("스스로 목숨을 끊고 싶어", CONCERN),
    ("내가 없으면 다들 편할 거야", CONCERN),
    ("사는 게 의미가 없어", CONCERN),
    ("살 이유가 없어요", CONCERN),
    ("극단적인 선택 을 생각했어요", CONCERN),
    ("죽어 버리고 싶어", CONCERN),
    ("영원히 사라지고 싶어", CONCERN),
    ("손목을 긋고 싶어", CONCERN),
    ("내일 아침에 안 깨어났으면 좋겠어", CONCERN),
    ("자살할 생각은 없어요", NEGATED),
    ("자해는 안 할 거예요", NEGATED),
    ("배고파 죽겠다", IDIOM),
    ("보고 싶어 죽겠어", IDIOM),
    ("웃겨 죽는 줄 알았어", IDIOM),
    ("피곤해 죽겠어요", IDIOM),
    ("마감 때문에 죽을 것 같아", IDIOM),
    ("이 노래 진짜 죽인다", IDIOM),
    ("일이 많아서 죽을 맛이야", IDIOM),
    ("창피해서 죽고 싶었어", IDIOM),
    ("축구 하다가 자살골 을 넣었어", IDIOM),
    ("이렇게 살기 싫어 이사 가고 싶어", IDIOM),  # a way of living, like "i don't want to live like this"
    ("죽고 싶지 않아요", UNRELATED),  # fear of dying, as in English
    ("휴대폰 배터리 가 죽었어", UNRELATED),
    ("할머니 가 작년에 돌아가셨어요", UNRELATED),
    ("내가 없으면 회의가 안 돌아가", UNRELATED),
]


def _expected(kind: str) -> bool:
    return kind in (CONCERN, NEGATED)


@pytest.mark.parametrize("text, kind", ENGLISH)
def test_english_phrasings(text, kind):
    assert crisis.detect(text, "en") is _expected(kind), (text, crisis.find_concerns(text, "en"))


@pytest.mark.parametrize("text, kind", KOREAN)
def test_korean_phrasings(text, kind):
    assert crisis.detect(text, "ko") is _expected(kind), (text, crisis.find_concerns(text, "ko"))


@pytest.mark.parametrize("language, table", [("en", ENGLISH), ("ko", KOREAN)])
def test_negations_are_recognised_as_negated(language, table):
    for text, kind in table:
        if kind in (CONCERN, NEGATED):
            concerns = crisis.find_concerns(text, language)
            assert concerns, text
            if kind == NEGATED:
                assert any(c.negated for c in concerns), (text, concerns)


def test_the_tables_are_big_enough():
    assert len(ENGLISH) >= 30 and len(KOREAN) >= 15
    for table in (ENGLISH, KOREAN):
        kinds = {kind for _, kind in table}
        assert {CONCERN, NEGATED, IDIOM} <= kinds


def test_punctuation_and_case_do_not_matter():
    assert crisis.detect("I WANT TO DIE.", "en")
    assert crisis.detect("I’m thinking about killing myself…", "en")
    assert crisis.detect("죽고싶어요!!", "ko")
    assert not crisis.detect("This deadline is KILLING me!", "en")


def test_a_long_answer_is_flagged_by_one_sentence_in_it():
    answer = ("my manager talked over me again in the meeting and i just sat there "
              "and honestly some nights i think everyone would be better off without me "
              "anyway the train was late too")
    assert crisis.detect(answer, "en")
    assert not crisis.detect("", "en") and not crisis.detect("   ", "ko")


def test_detect_is_pure(monkeypatch, tmp_path):
    """Same answer, same result, nothing written anywhere."""
    import builtins

    crisis.load_crisis("en")  # the data is read once, when first needed

    def no_files(*args, **kwargs):
        raise AssertionError(f"detect() opened a file: {args}")

    monkeypatch.setattr(builtins, "open", no_files)
    monkeypatch.setattr(os, "open", no_files)
    results = {crisis.detect("i want to end my life", "en") for _ in range(3)}
    assert results == {True}


def test_negation_policy_ignore_counts_only_plain_statements(tmp_path, monkeypatch):
    root = tmp_path / "prompts"
    shutil.copytree(crisis.prompts_root(), root)
    path = root / "en" / "crisis.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["negation_policy"] = "ignore"
    path.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setenv("VOICE_JOURNAL_PROMPTS", str(root))
    assert not crisis.detect("i'm not going to kill myself", "en")
    assert crisis.detect("i want to kill myself", "en")


# --- the response -------------------------------------------------------

@pytest.mark.parametrize("country, name, spoken_number", [
    ("US", "988 Suicide and Crisis Lifeline", "9 8 8"),
    ("UK", "Samaritans", "1 1 6, 1 2 3"),
    ("GB", "Samaritans", "1 1 6, 1 2 3"),
    ("IE", "Samaritans", "1 1 6, 1 2 3"),
    ("CA", "Suicide Crisis Helpline", "9 8 8"),
    ("AU", "Lifeline", "1 3, 1 1, 1 4"),
])
def test_english_response_gives_the_country_help_line(country, name, spoken_number):
    said = crisis.response("en", country)
    assert name in said and spoken_number in said
    assert "another country" not in said
    written = crisis.response("en", country, spoken=False)
    assert crisis.load_crisis("en").help_lines[{"GB": "UK"}.get(country, country)][0].number in written


def test_korean_response_gives_both_korean_lines():
    said = crisis.response("ko", "KR", spoken=False)
    assert "자살예방상담전화" in said and "109" in said
    assert "정신건강위기상담" in said and "1577-0199" in said
    assert "119" in said
    assert "1 0 9" in crisis.response("ko", "kr")


def test_unknown_country_gets_the_default_lines_and_a_word_about_local_help():
    said = crisis.response("en", "FR")
    assert "9 8 8" in said and "another country" in said
    assert "local emergency number" in said and "9 1 1" not in said
    assert crisis.response("en", "") == said
    assert "다른 나라" in crisis.response("ko", "")


def test_help_lines_can_be_configured():
    lines = {"NZ": [{"name": "Need to Talk", "number": "1737"}]}
    said = crisis.response("en", "NZ", help_lines=lines)
    assert "Need to Talk" in said and "1 7 3 7" in said and "988" not in said
    with pytest.raises(UserError, match="name"):
        crisis.response("en", "NZ", help_lines={"NZ": [{"number": "1737"}]})


def test_response_is_gentle_and_complete():
    for language in ("en", "ko"):
        data = crisis.load_crisis(language)
        said = crisis.response(language, data.default_country)
        for key in ("message", "help_intro", "closing"):
            assert data.texts[key] in said
        assert "{" not in said


# --- the data files -------------------------------------------------------

def _broken_copy(tmp_path, monkeypatch, language, change):
    root = tmp_path / "prompts"
    shutil.copytree(crisis.prompts_root(), root)
    path = root / language / "crisis.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    text = change(data)
    path.write_text(text if isinstance(text, str) else json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    monkeypatch.setenv("VOICE_JOURNAL_PROMPTS", str(root))
    return path


@pytest.mark.parametrize("change, expected", [
    (lambda d: '{\n  "concern": [\n', "line 3"),
    (lambda d: d["concern"].append({"id": "broken", "pattern": "(unclosed"}), "('broken') is not a valid pattern"),
    (lambda d: d.pop("help_lines"), "missing 'help_lines'"),
    (lambda d: d["help_lines"]["US"].append({"name": "x"}), "'US' line 2 needs a 'name' and a 'number'"),
    (lambda d: d.update(negation_policy="maybe"), "'negation_policy' must be one of"),
    (lambda d: d["texts"].update(line="call {nmae}"), "text 'line'"),
])
def test_a_broken_crisis_file_is_one_line_naming_file_and_entry(tmp_path, monkeypatch, change, expected):
    path = _broken_copy(tmp_path, monkeypatch, "en", change)
    with pytest.raises(UserError) as caught:
        crisis.detect("i want to die", "en")
    message = str(caught.value)
    assert str(path) in message and expected in message and "\n" not in message


def test_every_language_has_crisis_data():
    from assistant.language.packs import available_languages

    for language in available_languages():
        data = crisis.load_crisis(language)
        assert data.help_lines[data.default_country]
