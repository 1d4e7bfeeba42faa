"""The learned layer over the theme rules: shipped weights current, small and readable
without numpy; themes told without their keyword found and explained; the rules'
guards (negation, irony, someone else's win, someone else's feeling) still veto."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.language import train_tagger
from assistant.language.learned import (FEATURES_VERSION, POLARITIES, Model, Reading, Score, features, load_model,
                                        model_path, parse_model, said_as_mine)
from assistant.language.matching import Text
from assistant.language.tagging import (ADD_BESIDE_THEIRS, SAID_AS_MINE_DROP_AT, TAKE_OFF_FROM, RuleTags,
                                        _read_as_own, doubted_feelings,
                                        explain, learned_changes, rule_tags, tag, unlikely_feelings, unowned_feelings,
                                        untold_themes)
from assistant.language.themes import THEMES
from benchmarks.tagging import LANGUAGES, load_set, score

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("language", LANGUAGES)
def test_shipped_weights_are_trained_on_the_corpus_as_it_is(language):
    """Changing a labelled set without retraining fails here: run ``python -m assistant.language.train_tagger``."""
    assert train_tagger.is_current(language), f"run: python -m assistant.language.train_tagger {language}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_weights_are_small_and_never_trained_on_the_held_out_set(language):
    # ~1 MB for Korean's 2,300 lines (2026-12), 1.7 MB for its 4,300 (about 30 MB once loaded; 26 MB before),
    # 2 MB with the words around each feeling for its 7,355 (34 MB at peak while loading); 2.5 MB once its
    # themes learned from the read kept-out sets too (43 MB at peak while loading, 42 before)
    assert model_path(language).stat().st_size < 2_700_000
    names = {p.name for p in train_tagger.corpus_files(language)}
    assert not names & train_tagger.kept_out(language)
    assert f"tagging_heldout177_{language}.jsonl" in train_tagger.kept_out(language)
    assert f"tagging_heldout202_{language}.jsonl" in train_tagger.kept_out(language)
    assert f"tagging_{language}.jsonl" in names and f"tagging_corpus15_{language}.jsonl" in names
    # the themes also learn from the read kept-out sets, never from those written after them
    theme_names = {p.name for p in train_tagger.corpus_files(language, themes=True)}
    if train_tagger.READ_FOR_THEMES.get(language):
        assert names < theme_names and f"tagging_heldout202_{language}.jsonl" in theme_names
    else:
        assert names == theme_names
    assert not theme_names & train_tagger.kept_out(language, themes=True)
    # the Korean themes learn from the read sets up to held-out-378 (benchmarks/tagging.py, item 35)
    first_kept = 343 if language == "en" else 379
    assert f"tagging_heldout{first_kept}_{language}.jsonl" in train_tagger.kept_out(language, themes=True)
    assert f"tagging_heldout351_{language}.jsonl" in train_tagger.kept_out(language, themes=True)
    assert f"tagging_heldout24_{language}.jsonl" in train_tagger.kept_out(language, themes=True)
    model = load_model(language)
    assert model.labels == THEMES + POLARITIES and 0 < model.add_at <= 1.01 and 0 < model.feeling_drop_at < 0.5
    assert model.mentions.weights and 0 < model.mentions.drop_at < 0.7
    assert model.tellings.weights and 0 < model.tellings.drop_at < 0.7
    assert 0 < model.doubt_at[0] < model.doubt_at[1] < 1


def test_tagging_reads_the_weights_without_numpy():
    code = ("import sys; from assistant.language.tagging import tag; tag('i got the job', 'en'); "
            "tag('합격 했어', 'ko'); print('numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


@pytest.mark.parametrize("language, text, theme", [
    ("en", "we had tickets for the theatre and the show got pulled at the last minute", "cancelled"),
    ("en", "an old birthday card in my gran's writing fell out of a book today she passed in march", "memory"),
    ("ko", "팀장님 께 보고서 보내 드렸는데 이틀 째 아무 말씀 이 없으시다", "unanswered"),
])
def test_a_theme_without_its_keyword_is_learned_and_explained(language, text, theme):
    assert theme not in tag(text, language, learned=False).themes  # the word lists alone miss it
    why = explain(text, language).why["themes"]
    learned = re.search(r" \(learned(; the nearest labelled answers tell it, [01]\.\d\d)?\)$", why[theme])
    assert learned, why[theme]
    said = why[theme][:learned.start()].replace(" … ", " ").split()
    assert said and all(word in text.split() for word in said)


@pytest.mark.parametrize("language, text, forbidden", [
    # a negated theme, irony about a bad day, someone else's win, someone else's feeling
    ("en", "i wasn't left out at all they saved me a seat", {"left-out"}),
    ("en", "oh brilliant got a parking ticket and missed the bus really nailed it today", {"win", "proud"}),
    ("en", "my sister got the job she wanted and she was so proud", {"win", "proud"}),
    ("en", "my flatmate is really stressed about her exams", {"stressed"}),
    ("en", "nobody cancelled anything we all went in the end", {"cancelled"}),
    ("ko", "소외 된 건 아니야 다들 챙겨 줬어", {"left-out"}),
    ("ko", "참 잘 했다 나 자신 회의 에 늦고 자료 도 두고 오고 뿌듯 하네", {"win", "뿌듯함"}),
    ("ko", "동기 가 먼저 승진 해서 엄청 기뻐 했어", {"win", "기쁨"}),
    ("ko", "룸메이트 가 시험 때문에 엄청 스트레스 받고 있어", {"스트레스"}),
])
def test_the_guards_veto_the_learned_layer(language, text, forbidden):
    got = tag(text, language)
    assert not (set(got.feelings) | set(got.themes)) & forbidden, got


def test_learned_words_do_not_reread_a_theme_the_rules_told():
    assert tag("i saw on instagram they all went to the lake", "en").themes == ("left-out",)


def test_features_carry_the_words_they_came_from():
    en = features(Text.of("left on read again"), joined=False)
    assert en["w:read"] == (2, 3) and en["b:on read"] == (1, 3)
    assert en["c:<rea"] == (2, 3)
    ko = features(Text.of("답장 이 없어"), joined=True)
    assert ko["c:장이"] == (0, 2) and ko["w:없어"] == (2, 3)


@pytest.mark.parametrize("language, text, feeling", [
    # irony about a bad day, a past that is over: the word lists keep the feeling, the layer's kinds do not
    ("en", "the printer jammed and my lift home fell through brilliant what a day im so excited for another one tomorrow",
     "excited"),
    ("en", "when i first moved to leeds i was so lonely i barely spoke to anyone but that was ten years back", "lonely"),
    ("ko", "택배 가 또 엉뚱한 데 로 갔대 아 정말 행복 하다 이번 주 는 운 이 넘쳐 나네", "행복"),
    ("ko", "차 가 고속 도로 에서 퍼져 가지고 견인 차 기다리 면서 세 시간 서 있었어 와 정말 즐겁다 이런 날 이 또 있을까",
     "즐거움"),
])
def test_the_learned_kinds_take_off_a_feeling_the_word_lists_keep(language, text, feeling):
    assert feeling in tag(text, language, learned=False).feelings
    assert feeling not in tag(text, language).feelings


def _kinds_model(pleasant: float, unpleasant: float) -> Model:
    """A model that scores only the kinds of feeling, at fixed probabilities."""
    logit = lambda p: __import__("math").log(p / (1 - p))  # noqa: E731
    return Model("en", False, THEMES + POLARITIES, (0.0,) * len(THEMES) + (logit(pleasant), logit(unpleasant)), {},
                 1.01, 0.0, 0.1)


def test_a_feeling_of_an_unlikely_kind_is_taken_off_in_a_long_answer_only():
    long = "oh we had the whole family round for sunday lunch and i was so happy all afternoon honestly"
    short = "i was so happy today"
    assert len(long.split()) >= TAKE_OFF_FROM > len(short.split())
    unlikely = _kinds_model(pleasant=0.05, unpleasant=0.9)
    for text in (long, short):
        found = rule_tags(text, "en")
        assert "happy" in found.feelings
        scores = unlikely.score(found.words)
        gone = unlikely_feelings(found, scores, unlikely.feeling_drop_at, "en")
        assert gone == ({"happy"} if text == long else set())
    found = rule_tags(short, "en")
    very_unlikely = _kinds_model(pleasant=0.001, unpleasant=0.9)  # a short answer's kinds are the prior's
    assert unlikely_feelings(found, very_unlikely.score(found.words), 0.1, "en") == set()
    plain = long.removeprefix("oh ")  # said as the speaker's with no sign of irony: kept
    assert unlikely_feelings(rule_tags(plain, "en"), unlikely.score(rule_tags(plain, "en").words), 0.1, "en") == set()
    likely = _kinds_model(pleasant=0.9, unpleasant=0.05)  # only the other kind is unlikely
    assert unlikely_feelings(rule_tags(long, "en"), likely.score(rule_tags(long, "en").words), 0.1, "en") == set()


@pytest.mark.parametrize("language, text, feeling", [
    # over: the word lists keep a feeling said of a past the speaker has left behind
    ("en", "honestly the old me would have been devastated by that email but i just shrugged and made dinner",
     "devastated"),
    ("en", "in my first job i was lonely every lunch break in that canteen and the new team eat together every day",
     "lonely"),
    ("en", "used to be so anxious before every shift at the call centre but these days i just put my headset on"
     " and get on with it", "anxious"),
    ("ko", "고등학교 때 는 친구 가 없어서 늘 외톨이 같았는데 대학 와서 는 동아리 친구 들 이 많아", "외로움"),
    # someone else's, in words the guards do not list
    ("ko", "과장님 은 보고서 가 반려 되자 완전 풀이 죽어서 점심 도 안 드시더라", "우울함"),
    ("ko", "동생 이 합격 소식 듣고 너무 기뻐서 방방 뛰는데 나 도 덩달아 웃었어", "신남"),
])
def test_the_words_around_a_feeling_say_it_is_not_the_speakers_now(language, text, feeling):
    found = rule_tags(text, language)
    assert feeling in found.feelings  # the word lists keep it
    assert feeling in unowned_feelings(found, load_model(language), language)
    assert feeling not in tag(text, language).feelings


@pytest.mark.parametrize("language, text, theme", [
    # someone else's, in words the guards do not list
    ("en", "the wife reckons our lad has been drifting from his mates since he went off to uni shes worried about him",
     "drifting"),
    ("en", "the ward sister told me nobody in that family has asked how the old man is doing in weeks poor soul",
     "unasked"),
    ("ko", "아빠 가 수술 하고 나서 회사 에서 아무도 안부 를 안 물어봤다고 하셨어", "unasked"),
    # denied
    ("en", "nobody talked over me in the standup today for once and i got to finish the whole update", "ignored"),
    # a fear that turned out wrong, or is only a fear
    ("en", "i was sure i had not been invited to the leaving do and then the invite turned up in my spam folder",
     "left-out"),
    ("en", "the foreman did not answer my text straight away but he rang me ten minutes later and sorted it",
     "unanswered"),
    ("en", "the plumber could cancel tomorrow if his van isnt fixed so i have not taken the morning off yet",
     "cancelled"),
])
def test_the_words_around_a_theme_say_it_did_not_happen_to_the_speaker(language, text, theme):
    found = rule_tags(text, language)
    assert theme in found.themes  # the word lists keep it
    assert theme in untold_themes(found, load_model(language))
    assert theme not in tag(text, language).themes  # (or taken off before, by the answer's words: set aside either way)
    assert theme in explain(text, language).set_aside["themes"]


def test_a_korean_theme_that_happened_to_someone_else_is_set_aside_by_the_learned_layer():
    """"아빠 친구 가 약속 을 깨서 아빠 가 …": the plan broke on the speaker's father; the rules find it, the words
    around it take it off, and ``explain`` says so."""
    text = "아빠 친구 가 약속 을 깨서 아빠 가 오후 내내 창가 에 앉아 계셨어"
    assert "cancelled" in rule_tags(text, "ko").themes
    assert "cancelled" not in tag(text, "ko").themes
    assert "cancelled" in explain(text, "ko").set_aside["themes"]


def test_a_denied_korean_cut_off_is_not_tagged():
    """"아무도 내 말 을 안 자르 더라" denies being cut off (once taken off by the learned layer alone, item 24; the
    rules' negation does it since item 35); being cut off is still told."""
    assert "ignored" not in tag("오늘 회의 에서 는 아무도 내 말 을 안 자르 더라 끝 까지 다 얘기 했어", "ko").themes
    assert "ignored" in tag("팀장 님 이 회의 에서 내 말 을 또 잘랐 어 진짜 짜증 나", "ko").themes


def test_tag_says_a_theme_was_read_as_not_the_speakers():
    said = explain("my missus reckons our youngest has been drifting from his school pals since the move and she cant"
                   " sleep", "en").set_aside["themes"]["drifting"]
    assert re.fullmatch(r'"drifting": the learned layer reads it as not what happened to you \(the words "[a-z …]+"\), 0\.[0-4]\d',
                        said), said


def test_a_feeling_stays_when_any_time_it_is_named_reads_as_the_speakers():
    """At the seam, a fake reading: "flatmate" within reach says the feeling is not the speaker's."""
    model = Model("en", False, (), (), {}, 1.01, mentions=Reading(2.0, {"L:flatmate": -6.0}, 0.3))
    words = Text.of("my flatmate was stressed about the rent all week and by friday night i was stressed as well")
    once = RuleTags(words, {"stressed": "stressed"}, {}, frozenset(), named_at={"stressed": ((3, 4),)})
    assert set(unowned_feelings(once, model, "en")) == {"stressed"}
    assert unowned_feelings(once, model, "en")["stressed"].evidence == ((1, 2),)  # "flatmate", to explain it
    twice = RuleTags(words, {"stressed": "stressed"}, {}, frozenset(), named_at={"stressed": ((3, 4), (15, 16))})
    assert unowned_feelings(twice, model, "en") == {}
    short = RuleTags(Text.of("my flatmate was stressed"), {"stressed": "stressed"}, {}, frozenset(),
                     named_at={"stressed": ((3, 4),)})
    assert unowned_feelings(short, model, "en") == {}  # too few words around it to read


def test_a_theme_is_taken_off_when_the_words_around_it_say_it_happened_to_someone_else():
    """At the seam, a fake reading: "sister" within reach of the words that told it says it is hers."""
    model = Model("en", False, (), (), {}, 1.01, tellings=Reading(2.0, {"L:left-out:sister": -6.0}, 0.3))
    hers = RuleTags(Text.of("my sister was left out of the wedding plans and to be honest it hurt us all"),
                    {}, {"left-out": (3, 5)}, frozenset())
    assert set(untold_themes(hers, model)) == {"left-out"}
    assert untold_themes(hers, model)["left-out"].evidence == ((1, 2),)  # "sister", to explain it
    mine = RuleTags(Text.of("on sunday i was left out of the wedding plans and to be honest it hurt a lot"),
                    {}, {"left-out": (4, 6)}, frozenset())
    assert untold_themes(mine, model) == {}
    short = RuleTags(Text.of("my sister was left out"), {}, {"left-out": (3, 5)}, frozenset())
    assert untold_themes(short, model) == {}  # too few words around it to read
    assert untold_themes(hers, Model("en", False, (), (), {}, 1.01)) == {}  # weights without the reading


def test_a_feeling_both_readings_doubt_is_taken_off_and_one_doubt_is_not_enough():
    """At the seam: the kind scored low and the words around it read low, each above its own threshold."""
    model = Model("en", False, (), (), {}, 1.01, mentions=Reading(-0.5, {"L:thanks": 3.0}, 0.1), doubt_at=(0.3, 0.5))
    said = RuleTags(Text.of("he rolled his eyes at my idea in front of everyone wow i feel so respected"),
                    {"respected": "respected"}, {}, frozenset(), named_at={"respected": ((15, 16),)})
    low, high = {"pleasant": Score(0.1, ())}, {"pleasant": Score(0.6, ())}
    assert doubted_feelings(said, low, model, "en") == {"respected": (0.1, pytest.approx(0.38, abs=0.01))}
    assert doubted_feelings(said, high, model, "en") == {}  # the kind does not doubt it
    thanked = RuleTags(Text.of("he thanked me for my idea in front of everyone and said thanks i feel so respected"),
                       {"respected": "respected"}, {}, frozenset(), named_at={"respected": ((16, 17),)})
    assert doubted_feelings(thanked, low, model, "en") == {}  # the words around it do not
    short = RuleTags(Text.of("wow i feel so respected"), {"respected": "respected"}, {}, frozenset(),
                     named_at={"respected": ((4, 5),)})
    assert doubted_feelings(short, low, model, "en") == {}


@pytest.mark.parametrize("text, feeling, taken_off", [
    ("the tram sat in the tunnel for half an hour and i was so stressed about the childminder", "stressed", False),
    ("the tram sat in the tunnel for half an hour and i was so delighted about the childminder", "delighted", True),
])
def test_an_unpleasant_feeling_said_as_mine_needs_the_words_around_to_read_lower(monkeypatch, text, feeling, taken_off):
    """Read at 0.2 as the speaker's: under the drop for a pleasant feeling said as the speaker's (irony says those),
    over the lower one for an unpleasant feeling said so."""
    from assistant.language import tagging

    monkeypatch.setattr(tagging, "_read_as_own", lambda *args: Score(0.2, ()))
    assert tagging.UNPLEASANT_SAID_AS_MINE_DROP_AT < 0.2 < tagging.SAID_AS_MINE_DROP_AT
    found = rule_tags(text, "en")
    assert feeling in found.feelings
    assert (feeling in unowned_feelings(found, load_model("en"), "en")) is taken_off


@pytest.mark.parametrize("text, feeling, taken_off", [
    ("they gave the stall by the door to the candle woman again disappointed but not surprised", "disappointed", False),
    ("people keep asking if working from the cabin all winter gets lonely but honestly the dog is company enough",
     "lonely", True),  # a general feeling, not the speaker's reaction
    ("a big parcel came for next door and the lad signing for it was a nervous wreck but my shift was fine",
     "nervous", True),  # someone else's state
    ("the shop ran out of the cake i wanted again it was a bummer but i got a scone instead", "disappointed", False),
])
def test_a_feeling_straight_before_but_is_read_as_said_as_mine(monkeypatch, text, feeling, taken_off):
    """"Disappointed but not surprised": the reading of the words around it takes the "but" for a feeling that is
    over; said straight before "but", it needs the lower reading of a feeling said as the speaker's."""
    from assistant.language import tagging

    monkeypatch.setattr(tagging, "_read_as_own", lambda *args: Score(0.2, ()))
    found = rule_tags(text, "en")
    assert feeling in found.feelings
    assert (feeling in unowned_feelings(found, load_model("en"), "en")) is taken_off


def test_a_past_the_speaker_left_behind_is_doubted_twice():
    text = "my first term i felt invisible in lectures whereas this term the tutor knows my name and asks for my view"
    assert "invisible" in rule_tags(text, "en").feelings and "invisible" not in tag(text, "en").feelings
    assert "doubts it twice" in explain(text, "en").set_aside["feelings"]["invisible"]


@pytest.mark.parametrize("language, text, feeling", [
    ("en", "worked a double shift and the boss docked my pay for being two minutes late so i am feeling really"
     " appreciated", "appreciated"),
    ("ko", "회의 때 내 의견 은 싹 무시 당하고 야근 까지 떠안 았 는데 참 뿌듯 한 하루 네요", "뿌듯함"),
])
def test_irony_the_sarcasm_list_does_not_know_is_set_aside_and_said(language, text, feeling):
    """By the words around it, or by both readings doubting it: either way ``tag`` says the learned layer did."""
    assert feeling in rule_tags(text, language).feelings  # the word lists keep it
    assert feeling not in tag(text, language).feelings
    assert "learned layer" in explain(text, language).set_aside["feelings"][feeling]


def test_a_feeling_said_as_the_speakers_needs_a_lower_reading_to_be_taken_off():
    """ "and i felt |lonely|" after someone else's doing: the words further off ("but the dog") read it low,
    not low enough for a feeling said as the speaker's own."""
    text = "he never replied to my message and i felt lonely all evening but the dog was pleased to see me"
    found, model = rule_tags(text, "en"), load_model("en")
    a, _ = found.named_at["lonely"][0]
    assert said_as_mine(found.words.tokens, a)
    assert SAID_AS_MINE_DROP_AT <= _read_as_own(found, model, "lonely", "en").probability < model.mentions.drop_at
    assert "lonely" in tag(text, "en").feelings
    assert not said_as_mine(Text.of("my flatmate was lonely").tokens, 3)
    assert said_as_mine(Text.of("and i felt really quite lonely").tokens, 5)
    assert said_as_mine(Text.of("it made me so sad").tokens, 4)
    assert said_as_mine(Text.of("and i felt bad for the kid").tokens, 2)  # the feeling's words "felt bad"
    assert said_as_mine(Text.of("felt really included tonight").tokens, 2)  # the "i" unsaid
    assert not said_as_mine(Text.of("she felt bad for the kid").tokens, 1)


TRAPS = [
    # (language, trap, sincere twin, tag, whether the word lists alone already keep the trap untagged)
    # the families of traps of benchmarks/tagging.py item 21, each with a twin that means it, in new words
    ("en", "i wouldnt say i was jealous when the new lad got the forklift ticket more just tired after a long week"
     " of nights", "i was jealous when the new lad got the forklift ticket after i had asked for it twice", "jealous", False),
    ("en", "the vicar said the choir should feel proud of the harvest service but i was stuck in the kitchen doing"
     " teas all afternoon", "the choir sang my arrangement at the harvest service and i felt so proud standing at the"
     " back", "proud", False),
    ("en", "my brother reckons his gaffer keeps talking over him in the morning briefing and he has stopped bothering"
     " to speak up", "the gaffer kept talking over me in the morning briefing so i just stopped bothering to speak up",
     "ignored", False),
    ("en", "our youngest waited at the window all afternoon for her pal and the pal never turned up poor thing",
     "my pal was meant to come round this afternoon and she cancelled an hour before", "cancelled", False),
    ("en", "she told me shes been feeling left out at her new school so we had a long chat over hot chocolate",
     "everyone at the new school has their own group and i feel so left out at lunch", "left out", False),
    ("ko", "형 이 그러는데 회의 때 팀장 이 자꾸 형 말 을 자르 더래 그래서 요즘 은 아예 말 을 안 한대",
     "회의 때 팀장 이 자꾸 내 말 을 자르 더라 그래서 요즘 은 아예 말 을 안 해", "ignored", False),
    ("ko", "서운 하진 않았 어 그냥 다들 바빠서 그런 거 아니까 주말 에 따로 보면 되지",
     "다들 바쁘다 고 주말 약속 을 미뤘 는데 솔직히 좀 서운 했어", "서운함", False),
    ("ko", "엄마 가 동창회 단톡 에서 빠져 있었 다고 많이 속상 해 하시더라", "동창회 단톡 에 나 만 초대 를 안 했 더라", "left-out", False),
    ("ko", "행복 주택 신청 서류 내고 은행 들렀 다가 장 보고 들어 왔어", "오늘 은 진짜 행복 했어 오랜만 에 가족 이 다 모였 거든", "행복", False),
    # item 22: whose story a theme is, which the word lists alone already read
    # whose message went unanswered: who sent it ("my nephew sent his cv"), a person named with "my best",
    # Korean "my" before a person (내 동생이 … 씹혔대), and the speaker as the one told (나한테 얘기하더라)
    ("en", "my little sister posted in the class chat about the bake sale and nobody replied all evening",
     "i posted in the class chat about the bake sale and nobody replied all evening", "unanswered", True),
    ("en", "my nephew sent his cv to the garage on the high street twice last week and they never got back to him",
     "i sent my cv to the garage on the high street twice last week and they never got back to me", "unanswered", True),
    ("en", "my old flatmate got left on read by the landlord about the deposit",
     "i got left on read by the landlord about the deposit", "unanswered", True),
    ("en", "my room mate texted the landlord about the boiler twice and it says seen and nothing back",
     "texted the landlord about the boiler twice and it says seen and nothing back", "unanswered", True),
    # and whose idea was shot down: who put it forward
    ("en", "my work mate pitched a new layout for the shop window and the owner shot it down straight away",
     "i pitched a new layout for the shop window and the owner shot it down straight away", "ignored", True),
    # and whose win: done by someone named, of their own
    ("en", "my nephew fixed his own radiator valve and he was buzzing", "fixed my own radiator valve and im buzzing", "win", True),
    ("ko", "내 동생 이 과제 방 에 질문 올렸 는데 씹혔 대", "내 가 과제 방 에 질문 올렸 는데 씹혔 어", "unanswered", True),
    ("ko", "옆집 언니 가 가족 단톡 에 사진 올렸 는데 아무 도 답 을 안 했 다고 나 한테 얘기 하더라",
     "가족 단톡 에 사진 올렸 는데 아무 도 나 한테 답 을 안 했어", "unanswered", True),
    # someone else reaching out to a third person named (~한테): their hello, their idea
    ("ko", "동료 가 부장님 한테 인사 했는데 부장님 이 쳐다 도 안 보고 지나가 시더라",
     "부장님 한테 인사 했는데 부장님 이 쳐다 도 안 보고 지나가 시더라", "cold-shoulder", True),
    ("ko", "후배 가 팀장님 한테 의견 냈는데 팀장님 이 말 을 딱 끊으시더라", "팀장님 한테 의견 냈는데 팀장님 이 말 을 딱 끊으시더라",
     "ignored", True),
    ("ko", "후배 가 회의 때 의견 냈는데 부장님 이 말 을 딱 자르 시더라", "회의 때 의견 냈는데 부장님 이 말 을 딱 자르 시더라",
     "ignored", True),  # an idea put forward, done (~냈는데): who did it, even with no one named
    # a message the speaker left unanswered; pride in someone else's doing
    ("en", "i left my daughter on read all day oops", "my daughter left me on read all day", "unanswered", True),
    ("en", "my sister passed her driving test today im so proud of her",
     "i passed my driving test today im so proud of myself", "win", True),
    # a theme whose words begin by denying it ("wasnt left out they saved me a", read as "wasn't … saved me a")
    ("en", "the lads went to the pub after training and i wasnt left out they saved me a seat",
     "the lads went to the pub after training without me and i felt so left out", "left-out", True),
    # a plan someone else made with others and lost, told as hearsay; a feeling word describing a thing or a name
    ("ko", "아들 이 친구 들 이랑 낚시 가기로 했 는데 비 와서 취소 됐 대", "친구 들 이랑 낚시 가기로 했 는데 비 와서 취소 됐 어",
     "cancelled", True),
    ("en", "watched a documentary about a lonely whale that sings to nobody then had beans on toast",
     "watched a documentary on my own and felt so lonely after", "lonely", True),
    ("ko", "건물 에 불안 장애 상담 센터 가 새로 생겼 더라", "면접 앞두고 너무 불안 했어", "불안", True),
    # an answer that opens with someone's telling ("언니가 그러는데 …") is theirs up to its first reported ending
    ("ko", "언니 가 그러는데 회사 동기 들 이 지들 끼리 만 점심 먹으러 다니 고 자기 는 안 불러 준 대",
     "회사 동기 들 이 지들 끼리 만 점심 먹으러 다니 고 나 는 안 불러 주 더라", "left-out", True),
    ("ko", "엄마 가 그러는디 동창 들 이 지들 끼리 만 여행 을 갔 다 하드라", "동창 들 이 지들 끼리 만 여행 을 갔 더라 나 만 빼고",
     "left-out", True),
    # a feeling word named as a word; a joke told by someone else; a claim the speaker saw made of their idea
    ("en", "at night class we practised the words for feelings like lonely and nervous then i walked home",
     "walked home from night class on my own and felt so lonely", "lonely", True),
    ("ko", "형 이 회식 때 농담 했는데 아무 도 안 웃더라", "내 가 회식 때 농담 했는데 아무 도 안 웃더라", "ignored", True),
    ("ko", "동생 이 그러는데 선배 가 동생 아이디어 를 자기 거 라고 했대", "과장 님 이 회의 때 내 계획 을 자기 거 라고 하더라 너무 억울 했어",
     "ignored", True),
    # someone else's feeling, honoured (느끼시는) or supposed (~었을 것 같아); the speaker's own, said with 나도
    ("ko", "요즘 부장님 보면 소외감 느끼 시는 것 같아", "요즘 회사 에서 소외감 을 느껴요", "소외감", True),
    ("ko", "막내 는 무시당한 기분 이었 을 것 같아 회의 내내", "회의 내내 무시당한 기분 이었 어", "무시당함", True),
    ("ko", "동생 이 시합 에서 이겼 대 아빠 는 엄청 자랑스러워 하시 고 동생 도 신나 서 치킨 시켰 어",
     "동생 이 시합 에서 이겼 대 아빠 는 엄청 자랑스러워 하시 고 나 도 덩달아 신나 서 치킨 시켰 어", "신남", True),
    # "if im honest" is a way of saying so, not a supposition; a 경상도 "~대이" is the speaker's; a "못" after
    # "~서" belongs to the next verb; honoured feelings seen (실망 하신 게)
    ("en", "if i was honest i would say i felt guilty", "i was cross with her if im honest and then felt guilty about it",
     "guilty", True),
    ("ko", "동생 이 그러는데 자기 친구 들 이 자기 만 빼고 놀러 갔다고 서운 하대", "친구 들 이 내 만 빼고 놀러 갔 다 카데 서운 하 대이",
     "서운함", True),
    ("ko", "하나 도 안 지쳤 어 씻고 바로 나갔 다", "몸 이 완전 지쳐 서 씻지 도 못 하고 누웠 다", "지침", True),
    ("ko", "엄마 가 괜찮 다 하시는데 실망 하신 게 얼굴 에서 보이 더라", "엄마 가 괜찮 다 하시는데 나 는 솔직히 실망 했 어", "실망", True),
    # taken back at once ("not really", "고맙긴 뭐"); "what a proud moment" before a blunder
    ("en", "the oven died mid service and the whole order went out late i felt so capable not really i just wanted to cry",
     "the oven died mid service and i fixed it myself with a spare fuse i felt so capable", "capable", True),
    ("en", "what a proud moment i called my new boss by the wrong name in front of everyone",
     "what a proud moment i gave my first talk at the club and everyone clapped", "win", True),
    ("ko", "반장 이 도와 줘서 고맙 다 카 데 고맙 긴 뭐 주말 다 날아 갔 는데", "반장 이 주말 에 대신 나와 줘서 진짜 고맙 더라", "감사", True),
    # hearsay opened with "X 말 들어 보니까"; glad for someone else (잘됐다 싶) is no win of the speaker's
    ("ko", "남자친구 말 들어 보니까 새로 온 과장 이 회의 때 마다 남친 한테 만 눈 도 안 마주치고 대답 도 단답 으로 한 대",
     "새 팀장 이 회의 때 마다 나 한테 만 눈 도 안 마주치 더라", "cold-shoulder", True),
    ("ko", "옆 가게 사장 이 올해 가게 를 하나 더 냈 다꼬 자랑 을 하데 부럽 기도 하고 마 잘됐다 싶기도 하고",
     "내 가 공무원 시험 붙었 다 진짜 잘됐다", "win", True),
    # a feeling word as the subject of a film or a talk; a bitter taste
    ("en", "watched a documentary about loneliness in big cities then made a brew and went to bed",
     "watched a documentary on my own in the flat and felt so lonely after", "lonely", True),
    ("ko", "새 원두 로 바꿨 더니 에스프레소 가 너무 씁쓸 하더라 내일 은 좀 굵게 갈아 봐야지", "아무 도 내 생일 을 모르 더라 좀 씁쓸 하더라",
     "씁쓸함", True),
    # "felt" with its "i" unsaid after another's finished clause ("she said thanks |felt|"), after someone named
    # as an object ("with the girls |felt|"), after "without me"; but a person right before it is theirs
    ("en", "my colleague said thanks and she felt really appreciated", "my colleague said thanks felt really appreciated",
     "appreciated", True),
    ("en", "played the old mixtape and the girls felt proper nostalgic",
     "played the old mixtape down the beach with the girls felt proper nostalgic", "wistful", True),
    # a Korean "배가 아프다" with food gone bad or the loo about it is the stomach, not envy
    ("ko", "점심 에 먹은 김밥 이 상했 는지 오후 내내 화장실 만 들락날락 했 다 진짜 배 가 아팠 어",
     "친구 가 먼저 승진 해서 솔직히 배 가 아팠 어", "질투", True),
    # a one-word reply ("said yes"), then "so": what follows is the speaker's again
    ("en", "my tutor rang and he said yes he was so relieved", "my tutor rang and he said yes straight away so relieved",
     "relieved", True),
    # the one remembered is someone else's dead ("his late mum"), none of the speaker's named
    ("en", "olu said the smell of jollof at the party brought his late mum right back and he had to step outside",
     "the smell of jollof at the party brought my late mum right back and i had to step outside", "memory", True),
    ("en", "at the bake sale everyone felt really welcome", "at the bake sale everyone was lovely felt really welcome",
     "included", True),
    ("en", "my flatmate felt really calm after the swim", "the sea was dead flat felt really calm after the swim", "calm", True),
    ("en", "she finished the whole audit without feeling appreciated by anyone",
     "she said she couldnt have finished the audit without me felt really appreciated", "appreciated", True),
]


@pytest.mark.parametrize("language, trap, twin, tag_, learned",
                         [(*row[:4], True) for row in TRAPS] + [(*row[:4], False) for row in TRAPS if row[4]])
def test_a_trap_stays_untagged_and_its_sincere_twin_is_tagged(language, trap, twin, tag_, learned):
    """A denial, someone else's, irony, a word in a name, another's story: not the speaker's; the same words
    meant are. Some traps need the learned layer; those of item 22 the word lists alone already keep."""
    def said(text: str) -> set[str]:
        tags = tag(text, language, learned=learned)
        return set(tags.feelings) | set(tags.themes)

    assert tag_ not in said(trap)
    assert tag_ in said(twin)


@pytest.mark.parametrize("theirs, mine, theme", [
    ("at stand up priya suggested the rota fix and the lead just talked right over her",
     "at stand up i suggested the rota fix and the lead just talked right over me", "ignored"),
    ("my nephew passed his driving test today he was over the moon so we got pizza",
     "passed my driving test today first go so we got pizza", "win"),
    ("his girlfriend left him on read all weekend and hes been checking his phone at dinner",
     "my girlfriend left me on read all weekend and ive been checking my phone at dinner", "unanswered"),
])
def test_the_learned_layer_adds_no_theme_said_of_someone_else(theirs, mine, theme):
    """A saying of ``idioms`` in prompts/en/themes.json ("talked over her", "passed his") is what befell
    someone else: however sure the learned layer is, it does not add that theme; the speaker's own it still may."""
    def added(text: str) -> set[str]:
        found = rule_tags(text, "en")
        sure = {theme: Score(0.99, ((0, len(found.words.tokens)),))}
        return set(learned_changes(found, sure, 0.5, 0.0)[0]) | set(found.themes)

    assert theme not in added(theirs)
    assert theme in added(mine)


def test_beside_someone_elses_feeling_the_learned_layer_adds_only_when_surer():
    """"the new commis looked proper |embarrassed| …": an answer that names someone else's feeling is often
    their story, so a theme is added there at ``ADD_BESIDE_THEIRS`` (0.6), not at ``add_at``."""
    theirs = rule_tags("the new commis looked proper embarrassed when chef sent his risotto back in front of the whole pass", "en")
    mine = rule_tags("chef sent my risotto back in front of the whole pass tonight", "en")
    assert theirs.theirs == {"embarrassed"} and not mine.theirs
    for found in (theirs, mine):
        maybe = {"cold-shoulder": Score(0.5, ((0, 2),))}
        added = set(learned_changes(found, maybe, 0.4, 0.0, None, ADD_BESIDE_THEIRS["en"])[0])
        assert added == (set() if found is theirs else {"cold-shoulder"})
        sure = {"cold-shoulder": Score(0.7, ((0, 2),))}
        assert set(learned_changes(found, sure, 0.4, 0.0, None, ADD_BESIDE_THEIRS["en"])[0]) == {"cold-shoulder"}


def test_an_unreadable_or_old_weights_file_is_no_model():
    assert parse_model({"features_version": FEATURES_VERSION + 1}) is None
    assert parse_model({"features_version": FEATURES_VERSION, "labels": ["win"]}) is None
    model = Model("en", False, ("win",), (-2.0,), {"w:passed": ((0, 3.0),)}, 0.5)
    again = parse_model(json.loads(json.dumps(model.as_json("x"))))
    assert again.score(Text.of("i passed"))["win"].probability > 0.7
    assert again.score(Text.of("i failed"))["win"].probability < 0.2
    reading = Model("en", False, ("win",), (0.0,), {}, 0.5, mentions=Reading(1.0, {"l1:not": -4.0}, 0.3),
                    tellings=Reading(1.0, {"L:win:if": -4.0}, 0.2), doubt_at=(0.3, 0.5))
    again = parse_model(json.loads(json.dumps(reading.as_json("x"))))
    assert again.mentions.drop_at == 0.3 and again.tellings.drop_at == 0.2 and again.doubt_at == (0.3, 0.5)
    assert again.own(Text.of("i am not sad"), 3, 4, "sad", "unpleasant").probability < 0.1
    assert again.own(Text.of("i am so sad"), 3, 4, "sad", "unpleasant").probability > 0.7
    assert again.told(Text.of("if i got the job"), 2, 5, "win").probability < 0.1
    assert again.told(Text.of("and i got the job"), 2, 5, "win").probability > 0.7


@pytest.mark.parametrize("language", LANGUAGES)
def test_learned_layer_keeps_the_labelled_sets_clean(language):
    """On every labelled set the model learned from: no forbidden tag, and themes no worse than the rules'."""
    for name in ("fresh-dev", "held-out", "held-out-9"):
        rows = load_set(language, name)
        with_model = score(rows, language)
        assert with_model.forbidden == 0, with_model.misses
        assert with_model.themes.f1 >= 0.9, with_model.misses


def test_tag_text_names_the_learned_words(tmp_path):
    from tests.cli_helpers import run_cli

    result = run_cli(tmp_path / "data", "tag", "--json", "they pulled the show at the last minute so no concert tonight")
    assert result.returncode == 0, result.stderr
    why = json.loads(result.stdout)["why"]["themes"]
    assert re.search(r"\(learned(; the nearest labelled answers tell it, [01]\.\d\d)?\)$", why["cancelled"])


def test_tag_text_says_what_the_learned_layer_set_aside(tmp_path):
    """ "Why wasn't that tagged?": a feeling the word lists found and the learned layer took off is
    shown with its words and the layer's score, on the lines and in the JSON."""
    from tests.cli_helpers import run_cli

    text = "the printer jammed and my lift home fell through brilliant what a day im so excited for another one tomorrow"
    result = run_cli(tmp_path / "data", "tag", text)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "feelings: none"
    aside = next(line for line in lines if line.startswith("set aside: "))
    assert 'excited ("excited": the learned layer reads no pleasant feeling of yours here, 0.0' in aside
    data = json.loads(run_cli(tmp_path / "data", "tag", "--json", text).stdout)
    assert "excited" not in data["feelings"] and data["set_aside"]["feelings"]["excited"].startswith('"excited": ')
    over = "used to be so anxious before every shift at the call centre but these days i just put my headset on"
    lines = run_cli(tmp_path / "data", "tag", over).stdout.splitlines()
    aside = next(line for line in lines if line.startswith("set aside: "))
    assert aside.startswith('set aside: anxious ("anxious": the learned layer reads it as not yours, or not felt now')
    plain = json.loads(run_cli(tmp_path / "data", "tag", "--json", "i was so happy today").stdout)
    assert plain["feelings"] == ["happy"] and plain["set_aside"] == {"feelings": {}, "themes": {}}


def test_the_learned_layer_adds_no_theme_from_words_only_ahead():
    """"she might not reply": the layer reads "reply" as a message unanswered; a modal a few words before the
    words it would add the theme from says it has not happened (the rules' guards see only the whole span)."""
    from assistant.language.tagging import _evidence_ahead

    tokens = Text.of("sent the message ten minutes ago and i keep thinking she might not reply im so nervous").tokens
    reply = tokens.index("reply")
    assert _evidence_ahead(tokens, ((reply, reply + 1),))
    sent = Text.of("sent the message ten minutes ago and she still has not replied").tokens
    assert not _evidence_ahead(sent, ((sent.index("replied"), sent.index("replied") + 1),))
    text = "sent her the message about the gig tickets like ten minutes ago and i keep thinking she might not reply im so nervous"
    assert "unanswered" not in tag(text, "en").themes


def test_a_theme_outweighed_by_a_rival_the_learned_layer_takes_off_is_told_after_all():
    """A silence in the group chat outweighed the joke passed over (the same words); read as no unanswered
    message, the joke passed over stands."""
    text = "가족 단톡 에 농담 했 는데 다들 조용 하다가 다른 얘기 로 넘어 가 더라 머쓱 했 다"
    found = rule_tags(text, "ko")
    assert "unanswered" in found.themes and "ignored" not in found.themes
    assert found.outweighed["ignored"][1] == ("unanswered",)
    told = explain(text, "ko")
    assert "unanswered" in told.set_aside["themes"] and told.tags.themes == ("ignored",)
    assert "ignored" not in explain(text, "ko", learned=False).tags.themes  # the rules alone keep the rival


def test_english_twins_teach_the_readings_the_same_words_owned_and_not():
    """The English twins (benchmarks/tagging.py, item 36): 360 pairs of lines, the same feeling's or theme's words the
    speaker's own in one and forbidden in the other (irony, someone else's, over, feared, literal); trained on,
    never kept out, and sharing no line with the kept-out sets."""
    from assistant.language.train_tagger import KEPT_OUT
    assert "tagging_twins_en.jsonl" in {p.name for p in train_tagger.corpus_files("en")}
    rows = load_set("en", "twins")
    assert len(rows) >= 700 and len(rows) % 2 == 0
    for first, second in zip(rows[::2], rows[1::2]):
        told = [set(r["feelings"]) | set(r["themes"]) for r in (first, second)]
        forbidden = [set(r.get("forbidden", ())) for r in (first, second)]
        assert forbidden[0] & told[1] or forbidden[1] & told[0], (first["text"], second["text"])
    kept_out = {json.loads(line)["text"] for name in KEPT_OUT
                for line in (ROOT / "tests" / "data" / name.format(lang="en")).read_text(encoding="utf-8").splitlines()
                if line.strip()}
    assert not {r["text"] for r in rows} & kept_out


@pytest.mark.parametrize("text, feeling, kept", [
    ("내 가 너무 피곤 해서 친구 랑 저녁 약속 을 취소 했 는데 괜히 미안 하 네", "피곤함", True),  # as_said in the pack
    ("내 가 너무 서운 해서 친구 랑 저녁 약속 을 취소 했 는데 괜히 미안 하 네", "서운함", False),
])
def test_a_feeling_the_pack_marks_as_said_is_not_read_away(monkeypatch, text, feeling, kept):
    """Whatever the readings of the words around it say, an ``as_said`` feeling stays as the rules found it."""
    from assistant.language import tagging

    monkeypatch.setattr(tagging, "_read_as_own", lambda *args: Score(0.0, ()))
    found = rule_tags(text, "ko")
    assert feeling in found.feelings
    assert (feeling not in unowned_feelings(found, load_model("ko"), "ko")) is kept
    assert (feeling not in doubted_feelings(found, {kind: Score(0.0, ()) for kind in POLARITIES}, load_model("ko"),
                                            "ko")) is kept
