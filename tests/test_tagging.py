"""Feelings vocabulary and tagging: pure text, the real word lists in prompts/.

Tables first (negation, variants, every theme, Korean endings), then the
vocabulary's shape, file validation, suggestions, the CLI glue, and the
labelled sets as a regression floor.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.errors import UserError
from assistant.language.feelings import load_vocabulary
from assistant.cli.tag import add_tag_parser, cli_tag
from assistant.language.tagging import Tags, explain, language_of, load_themes, tag
from assistant.language.themes import THEMES
from benchmarks.tagging import LANGUAGES, SETS, load_set, score

ROOT = Path(__file__).resolve().parent.parent


def feelings(text: str, language: str = "en") -> set[str]:
    return set(tag(text, language).feelings)


def themes(text: str, language: str = "en") -> set[str]:
    return set(tag(text, language).themes)


# --- negation ------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("i'm not angry just tired", {"tired"}),
    ("i don't feel lonely", set()),
    ("not that i was upset", set()),
    ("i wasn't even that upset about it", set()),
    ("i'm not angry or upset i'm just tired", {"tired"}),
    ("i don't really feel jealous anymore", set()),
    ("i'm no longer angry at him", set()),
    ("there's nothing to be ashamed of", set()),
    ("i wouldn't say i was hurt more like confused", {"confused"}),
    ("i was worried i'd be left out", {"worried"}),
    ("it didn't make me sad", set()),
    ("she didn't reply and i felt ignored", {"ignored"}),
    ("nobody noticed felt invisible", {"invisible"}),
    ("i'm not sad i'm lonely", {"lonely"}),
    ("i couldn't stop feeling anxious", {"anxious"}),
    ("i couldn't help feeling jealous", {"jealous"}),
    ("i've never felt so alone", {"lonely"}),
    ("not gonna lie i was hurt", {"hurt"}),
    ("i was angry", {"angry"}),
])
def test_english_negation(text, expected):
    assert feelings(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("안 외로워요", set()),
    ("외롭지 않아요", set()),
    ("외롭지는 않았어요", set()),
    ("외롭진 않았어", set()),
    ("외로운 건 아니에요 그냥 피곤해요", {"피곤함"}),
    ("외로움은 아니고 서운함이었어요", {"서운함"}),
    ("화가 안 났어요", set()),
    ("화가 났어요", {"화"}),
    ("걱정은 없어요", set()),
    ("실망 안 했어요", set()),
    ("행복하지 못했어요", set()),
    ("슬퍼서 잠을 못 잤어요", {"슬픔"}),
    ("외로 웠지만 괜찮아요", {"외로움"}),
    ("외롭 지 는 않았 어요", set()),
])
def test_korean_negation(text, expected):
    assert feelings(text, "ko") == expected


def test_negated_theme_cue_does_not_count():
    assert themes("i wasn't left out at all") == set()
    assert themes("we didn't cancel in the end") == set()
    assert themes("they went without me") == {"left-out"}


# --- variants and inflections -------------------------------------------------------

@pytest.mark.parametrize("text, word", [
    ("honestly i'm gutted", "disappointed"),
    ("i felt so left out", "left out"),
    ("i've been on edge all day", "tense"),
    ("i'm fed up with it", "frustrated"),
    ("kind of bummed", "disappointed"),
    ("i'm heartbroken", "heartbroken"),
    ("it really hurts", "hurt"),
    ("still hurting from it", "hurt"),
    ("the loneliness got to me", "lonely"),
    ("i felt kind of stupid", "stupid"),
    ("feeling a bit lost tonight", "lost"),
    ("i felt really close to my mom", "close"),
    ("i felt seen for once", "seen"),
    ("i'm drained", "drained"),
    ("i'm grieving", "grief"),
    ("i feel so grateful", "grateful"),
    ("it was a relief", "relieved"),
    ("i cried in the car", "sad"),
])
def test_english_variants(text, word):
    assert word in feelings(text)


@pytest.mark.parametrize("text", [
    "the shop is close to the station",
    "i haven't seen her in weeks",
    "i lost my keys",
    "we sat down for dinner",
])
def test_ambiguous_words_alone_are_not_feelings(text):
    assert feelings(text) == set()


@pytest.mark.parametrize("text, word", [
    ("오늘 너무 외로웠어요", "외로움"),
    ("외로워서 일찍 잤어요", "외로움"),
    ("외롭다", "외로움"),
    ("외로웠다", "외로움"),
    ("외로움을 느꼈어요", "외로움"),
    ("오늘 외로웠 어요", "외로움"),
    ("친구 가 서운했 어요", "서운함"),
    ("서운하다", "서운함"),
    ("속상했어요", "속상함"),
    ("보고서를 끝내서 뿌듯해요", "뿌듯함"),
    ("하루 종일 마음이 아팠어요", "슬픔"),
    ("마음이 편안했어요", "편안함"),
    ("화났어요", "화"),
    ("고마웠어요", "감사"),
])
def test_korean_inflections(text, word):
    assert word in feelings(text, "ko")


def test_korean_short_stems_need_a_word_start():
    assert feelings("영화가 재밌었어요", "ko") == {"재미"}   # 영화가 is not 화가
    assert feelings("화요일에 만났어요", "ko") == set()


# --- themes -------------------------------------------------------------------------

@pytest.mark.parametrize("theme, text", [
    ("unanswered", "she left me on read again"),
    ("unanswered", "he never replied to my message"),
    ("left-out", "they all went to dinner without me"),
    ("left-out", "i wasn't invited to the party"),
    ("ignored", "my manager talked over me in the meeting"),
    ("ignored", "i made a joke and nobody laughed"),
    ("cold-shoulder", "she rolled her eyes when i spoke"),
    ("cold-shoulder", "he wouldn't make eye contact with me"),
    ("cancelled", "our plans fell through"),
    ("cancelled", "she cancelled on me last minute"),
    ("drifting", "i think we're drifting apart"),
    ("drifting", "i'm always the one who reaches out"),
    ("missed-chance", "i missed my chance to say something"),
    ("missed-chance", "i should have spoken up"),
    ("unasked", "nobody asked how i was"),
    ("unasked", "my mom didn't ask how my day was"),
    ("memory", "that song reminded me of my dad"),
    ("memory", "i found old photos from when i was a kid"),
    ("win", "i finally finished the painting"),
    ("win", "i stood up for myself today"),
    ("connection", "my friend called me out of the blue"),
    ("connection", "we talked for hours and i felt seen"),
])
def test_english_themes(theme, text):
    assert theme in themes(text)


@pytest.mark.parametrize("theme, text", [
    ("unanswered", "카톡을 보냈는데 읽씹 당했어요"),
    ("unanswered", "친구 가 답장 을 안 했 어요"),
    ("left-out", "나만 빼고 다 같이 놀러 갔어요"),
    ("ignored", "회의에서 팀장님이 제 말을 끊었어요"),
    ("cold-shoulder", "동료가 눈을 피했어요"),
    ("cancelled", "약속이 취소됐어요"),
    ("drifting", "친구랑 점점 멀어지는 것 같아요"),
    ("missed-chance", "그때 말할 걸 그랬어요"),
    ("unasked", "아무도 내 안부를 물어보지 않았어요"),
    ("unasked", "아무 도 괜찮냐고 안 물어봤 어요"),
    ("memory", "어릴 때 생각이 났어요"),
    ("win", "드디어 보고서를 끝냈어요"),
    ("connection", "친구가 제 얘기를 들어 줘서 고마웠어요"),
])
def test_korean_themes(theme, text):
    assert theme in themes(text, "ko")


def test_no_theme_in_a_plain_day():
    assert tag("it was a quiet day i read and went to bed early", "en") == Tags()
    assert tag("오늘은 그냥 평범한 하루였어요", "ko") == Tags()


def test_unless_keeps_a_cue_from_counting():
    """The word lists' own cues (the learned layer may take a weak one off: ``drop_at``)."""
    rules = lambda text: set(tag(text, "en", learned=False).themes)  # noqa: E731
    assert rules("nobody asked me to come") == {"left-out"}
    assert rules("i held back tears") == set()
    assert rules("i held back and said nothing") == {"missed-chance"}


# --- generalisation: paraphrases, families, endings, whose feeling -----------------

@pytest.mark.parametrize("text, expected", [
    # the same moment said another way: a pattern of families, not a stored sentence
    ("he never got back to me about saturday", {"unanswered"}),
    ("i waited all evening for him to text back and nothing", {"unanswered"}),
    ("i texted her twice and heard absolutely nothing", {"unanswered"}),
    ("nobody thought to include me", {"left-out"}),
    ("no one even bothered to invite me", {"left-out"}),
    ("they went ahead without me", {"left-out"}),
    ("i saw on instagram they all went to the lake", {"left-out"}),
    ("my whole family was at dinner and not one of them asked how my new job is going", {"unasked"}),
    ("i keep thinking i could have asked her out", {"missed-chance"}),
    ("we haven't really talked in months", {"drifting"}),
])
def test_english_paraphrases(text, expected):
    assert themes(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("i wasn't left out this time", set()),
    ("the plans didn't get cancelled we just moved them an hour", set()),
    ("my kid told me about his day without me even asking", {"connection"}),   # not left-out
    ("it would be nice if someone asked about me for once", {"unasked"}),      # a wish, not connection
    ("i should have told her how i felt", {"missed-chance"}),                  # not a win
    ("nobody would notice if i didn't show up", {"unasked"}),                  # "if i" is not a no-show
    ("now she has the new job im scared well lose touch", set()),             # feared, not happened
    ("bit worried ill lose touch with the lads once i move to leeds", set()),
    ("me and my old flatmate just lose touch a bit more every year", {"drifting"}),
    ("they cancelled that baking series i watched every sunday", set()),      # a programme, not a plan
    ("they cancelled the show we had tickets for", {"cancelled"}),
    ("my nan rang from the home just to hear my voice felt so loved", {"connection"}),  # closeness felt
    ("she finally rang back after four days so no i wasnt left on read in the end", set()),  # told, then denied
    ("my brothers mate wasnt invited to the stag and he was gutted but me and the lads went anyway", set()),  # his
    ("everyone went to the pub after the match everyone but me", {"left-out"}),
    ("told a joke at the christening and it landed like a lead balloon", {"ignored"}),  # no win landed
    ("i applied for the course but they said it was full by the time my form got there", {"missed-chance"}),
    ("the girls from work all had matching t shirts from a hen do i never heard about", {"left-out"}),
    ("my idea ended up in the presentation with tims name on it", {"ignored"}),
    ("found twenty quid in my old jacket", set()),  # an old thing of mine is no memory
    ("the manager called me by the wrong name again in the meeting", set()),  # no call to see how i was
    ("wore my old grateful dead t shirt to the car boot sale", set()),
])
def test_english_theme_negation_and_irrealis(text, expected):
    assert themes(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("i felt really understood", {"seen"}),        # "felt understood" with a hedge between
    ("feeling so cared for tonight", {"loved"}),
    ("my mom sounded annoyed when i called", set()),   # her feeling, not the speaker's
    ("i know he's swamped", set()),
    ("it made them sad", set()),
    ("i was sad when she left", {"sad"}),
])
def test_english_feelings_framed_and_others(text, expected):
    assert feelings(text) == expected


@pytest.mark.parametrize("text, theme", [
    ("친구가 답장 이 없었 어요", "unanswered"),
    ("카톡을 보냈는데 이틀째 연락이 없어요", "unanswered"),
    ("할머니가 쓰시던 그릇을 봤어요", "memory"),           # the ending "~던"
    ("할머니가 쓰시 던 그릇을 봤어요", "memory"),          # ... as the small model splits it
    ("조금만 더 빨리 지원했으면 됐을 텐데", "missed-chance"),   # "~면 … 됐을": if only
    ("조금만 더 빨리 지원 했으면 됐을 텐데", "missed-chance"),
    ("예전에는 매일 만났는데 요즘은 연락이 뜸해요", "drifting"),
    ("언니가 제 얘기를 끝까지 들어 줬어요", "connection"),
    ("동료들이 점심 먹으러 가면서 제 것도 포장해 왔어요", "connection"),
])
def test_korean_endings_and_spacing(text, theme):
    assert themes(text, "ko") == {theme}


def test_korean_no_word_from_them_is_told_apart_by_context():
    assert themes("친구들이 생일 파티를 했는데 저한테는 연락이 없었어요", "ko") == {"left-out"}
    assert themes("아파서 회사를 쉬었는데 연락 한 통 없었어요", "ko") == {"unasked"}
    assert themes("카톡을 보냈는데 하루 종일 연락이 없어요", "ko") == {"unanswered"}


@pytest.mark.parametrize("text, expected_feelings, expected_themes", [
    ("파티가 취소될까 봐 걱정했어요", {"걱정"}, set()),            # feared, did not happen
    ("약속이 취소될 뻔했는데 결국 만났어요", set(), set()),         # nearly
    ("외롭다기보다는 허전했어요", {"허전함"}, set()),               # rather than lonely
    ("동생이 보고 싶었다고 전화했어요", set(), {"connection"}),     # his missing, reported
    ("서운한 건 아닌데 좀 허전해요", {"허전함"}, set()),
])
def test_korean_negation_hedges_and_reported_feelings(text, expected_feelings, expected_themes):
    assert feelings(text, "ko") == expected_feelings
    assert themes(text, "ko") == expected_themes


@pytest.mark.parametrize("text, expected", [
    ("me and jo haven't properly talked since her wedding it's just birthday messages now", {"drifting"}),
    ("since the argument my brother answers everything with yep or fine", {"cold-shoulder"}),
    ("she gives me one word answers", {"cold-shoulder"}),
    ("sent my nan a birthday message and she rang straight back", set()),
])
def test_drifting_and_cold_shoulder_told_without_the_word(text, expected):
    assert themes(text) & {"drifting", "cold-shoulder"} == expected


@pytest.mark.parametrize("language, text, expected_feelings, expected_themes", [
    # someone else's win, an adverb between the person and the win verb
    ("en", "my sister finally got the job she'd been after for ages", set(), set()),
    ("en", "my colleague eventually got the job after two years", set(), set()),
    ("en", "i finally got the job", set(), {"win"}),
    # a feeling denied with 전혀 안 느껴 / 느끼지 않아
    ("ko", "새 팀 에서 소외감 같은 건 전혀 안 느껴", set(), set()),
    ("ko", "외로움 을 느끼지 않아", set(), set()),
    ("ko", "불안 함 같은 건 느끼지 않아", set(), set()),
    ("ko", "요즘 외로움 을 많이 느껴", {"외로움"}, set()),
    # a group's or family's feeling, across one "~서" clause
    ("ko", "애들 이 경기 취소 돼서 엄청 실망 했어", set(), {"cancelled"}),
    ("ko", "부모님이 일이 잘 안 풀려서 실망하셨어", set(), set()),
    ("ko", "친구 가 늦어서 화 났어", {"화"}, set()),
    ("ko", "비 가 와서 실망 했어", {"실망"}, set()),
    # contractions written without the apostrophe still negate, or say whose feeling it is
    ("en", "i wasnt upset about it at all", set(), set()),
    ("en", "i dont feel lonely these days", set(), set()),
    ("en", "i cant say i was disappointed", set(), set()),
    ("en", "i was upset about it", {"upset"}, set()),
    ("en", "my son is absolutely thrilled with his new bike", set(), set()),
    ("en", "im absolutely thrilled", {"excited"}, set()),
    # 커녕 ("far from") denies; 보여/보였 ("looked") is how someone or something else seemed
    ("ko", "걱정 은 커녕 마음 이 편했어", {"편안함"}, set()),
    ("ko", "걱정 이 많이 됐어", {"걱정"}, set()),
    ("ko", "강아지 가 심심 해 보여서 산책 을 나갔어", set(), set()),
    ("ko", "엄마 가 피곤 해 보였어", set(), set()),
    ("ko", "오늘 은 좀 심심 했어", {"지루함"}, set()),
    # irony: praise over a plan called off is not excitement
    ("en", "oh fantastic my brother bailed on dinner again cant wait for next week", set(), {"cancelled"}),
    ("en", "cant wait for the weekend", {"excited"}, set()),
    ("ko", "와 대단 하다 회식 이 또 취소 됐네 너무 신나", set(), {"cancelled"}),
    ("ko", "내일 여행 가서 너무 신나", {"신남"}, set()),
    # the theme a feeling tells is someone else's when the feeling is ("felt left out" after "my husband")
    ("en", "my husband felt left out at his work christmas do so we came home early", set(), set()),
    ("en", "i felt left out at the work christmas do", {"left out"}, {"left-out"}),
    ("en", "my boss dismissed my idea before i finished", set(), {"ignored"}),  # done to me, not his feeling
    ("ko", "남편 이 회사 에서 소외감 을 느낀다고 해서 일찍 오라고 했어", set(), set()),
    ("ko", "회사 에서 소외감 을 느꼈어", {"소외감"}, {"left-out"}),
    # "how <feeling> <someone> is": the one after the feeling has it
    ("en", "my sister rang to tell me how exhausted she is after her weekend away", set(), set()),
    ("en", "we talked about how lonely the old man in the story is", set(), set()),
    ("en", "i told my mum how lonely i am since the move", {"lonely"}, set()),
    # "back then" closes a feeling of the past
    ("en", "found my old school photo and i was so scared back then", set(), {"memory"}),
    ("en", "i was scared back then and still am", {"scared"}, set()),
    # a mishap "managed" is praise of a bad day
    ("en", "oh another big win today i managed to burn the rice so proud of myself", set(), set()),
    ("en", "i managed to finish the quilt today so proud of myself", {"proud"}, {"win"}),
    # missing someone the answer tells is dead is grief, whatever the learned layer reads of "miss her" as wistful
    ("en", "walked past the chippy my nan used to take me to god rest her i miss her something awful", {"grief"},
     {"memory"}),
    ("en", "it would have been my mums birthday today i still miss her terribly", {"grief"}, {"memory"}),
    # being valued said with stress beside a small grief, nothing turning between: irony
    ("en", "the team leader shouted out everyone in the group chat by name for the good month except me fantastic "
           "really feel included", set(), {"left-out"}),
    ("en", "my manager answered every question in the meeting with a smile except mine which got a sigh and a we "
           "covered this so i feel really accepted on this team", set(), {"cold-shoulder"}),
    ("en", "yeah so nice of them to finally add me to the group chat after theyd already booked the cabin really "
           "feel included", set(), {"left-out"}),
    ("en", "my sister cancelled our call cos the kids were sick but later she sent me this long voice note saying "
           "how much she misses me and i felt really loved", {"loved"}, {"cancelled", "connection"}),
])
def test_denied_and_someone_elses_feelings_and_wins(language, text, expected_feelings, expected_themes):
    assert feelings(text, language) == expected_feelings
    assert themes(text, language) == expected_themes


@pytest.mark.parametrize("language, text, expected_feelings", [
    # inside the frame a hedge belongs to the frame: "felt really appreciated" is appreciated
    ("en", "my boss said it was the best report all year i felt really appreciated", {"appreciated"}),
    ("en", "i really appreciated her help with the kids", {"grateful"}),
    ("en", "feeling so appreciated tonight", {"appreciated"}),
    # Korean adverbs may stand inside a phrase of several words (hedges)
    ("ko", "이웃 이 반찬 을 주고 가서 마음 이 참 따뜻 했어요", {"따뜻함"}),
    ("ko", "마음 이 너무 아팠 어", {"슬픔"}),
    # a baby, a grandchild, an in-law is someone else too; what is envied may be a clause
    ("ko", "애 가 밤새 울었어", set()),
    ("ko", "아기 가 하루 종일 짜증 을 냈어", set()),
    ("ko", "며느리 가 요즘 많이 지쳤 대요", set()),
    ("ko", "그 애 는 뭐든 쉽게 하는 게 부러워", {"부러움"}),
    # an ending Vosk split off does not begin a feeling run on into the next word
    ("ko", "떡 을 사 왔 더라 고 마음 이 따뜻 해 졌 지", {"따뜻함"}),
    ("ko", "친구 가 도와 줘서 고마 웠 어", {"감사"}),
    # sayings and slang that name a feeling
    ("ko", "오늘 면접 연락 이 없 어서 현타 가 와요", {"허탈함"}),
    ("ko", "회의 에서 말 이 잘려서 기 가 팍 죽었 다", {"초라함"}),
    ("en", "my mate bailed again what a buzzkill", {"disappointed"}),
    ("en", "it bums me out that we never talk now", {"sad"}),
    # the person right before the feeling has it; irony on its own
    ("en", "passed my exam and my mama cried on the video call", set()),
    ("en", "son told me at ten he needs a costume tomorrow love that for me so relaxed right now", set()),
    ("en", "we played happy families with the grandkids", set()),
    ("en", "i was fuming when they took the credit", {"furious"}),
    ("en", "everyone got a card except us felt like a right spare part", {"left out"}),
    ("ko", "아 좋 다 좋 아 오늘 도 연장 근무 래 행복 해 죽겠 네 진짜 짜증 나", {"짜증"}),
    ("ko", "동생 이 장가 가 고 나서 는 얼굴 보기 가 힘들 어", set()),
    ("ko", "학생 이 공부 가 재밌어졌다고 해서 너무 감동 이었어요", {"감동"}),
    # pain of the body is no feeling; a thing drained is not the speaker; "like mad" is only "very"
    ("en", "hurt my hamstring at training so im out for three weeks", set()),
    ("en", "we had to cancel climbing and honestly my wrist still hurts from last time", set()),
    ("en", "twisted me ankle on the ladder its swollen like a grapefruit and it hurts like mad", set()),
    ("en", "drained the whole heating system today and found the leak on my own felt capable", {"capable"}),
    ("en", "i was drained the whole day after the night shift", {"drained"}),
    ("en", "she said she was busy and that stung it really hurt", {"hurt"}),
    # a saying that describes a feeling gives way to the feeling named beside it
    ("ko", "선배 가 눈 도 안 마주치 고 지나가 더라 고요 괜히 신경 쓰이 고 불편 했 어요", {"불편함"}),
    ("ko", "몸 이 천근 만근 이 라 그냥 피곤 해 죽겠 어", {"피곤함"}),
    ("ko", "시험 결과 가 계속 신경 쓰여", {"걱정"}),
    ("ko", "내 가 바쁘 다고 연락 을 피 하 다 보니 멀어졌 어 다 내 탓 이지 뭐 후회 돼", {"후회"}),
    ("ko", "남편 이 내 가 동창 이랑 통화 하니까 괜히 질투 하 더라 그게 또 재밌 더라", {"재미"}),
    ("ko", "동생 이 면접 에서 떨어졌다고 엄청 실망 하더라", set()),
    ("ko", "친구 가 승진 해서 솔직히 질투 나 더라", {"질투"}),
    ("ko", "하루 종일 기운 이 쭉 빠지 더라", {"허탈함"}),
    ("ko", "주말에 큰딸이 못 온다고 해서 기운이 쭉 빠졌어 아쉽지 뭐", {"아쉬움"}),
    ("ko", "요즘 은 그냥 다 의미 없 는 것 같 아요 기운 이 하나 도 없 어요", {"무기력"}),
    ("ko", "회사 에서 내 편 이 하나 도 없 는 느낌 이야", {"외로움"}),
    ("en", "the manager said a customer named me in a review i was grinning the whole bus ride home felt appreciated",
     {"appreciated"}),
    ("en", "it was on the radio at the shop i was grinning all afternoon", {"happy"}),
    ("en", "i was dreading the review all week and then she said keep doing what youre doing such a relief",
     {"dread", "relieved"}),
    ("en", "the doctor said its just wear and tear nothing serious so thats a relief", {"relieved"}),
    ("en", "its just a like on facebook at christmas now i miss her and it makes me sad", {"sad"}),
    ("en", "we finally got grandma moved downstairs and i felt like a weight came off my shoulders", {"relieved"}),
    ("en", "we had a pint and a laugh about the old days and it did me the world of good", {"good"}),
    ("ko", "요즘 들어 영감 이 말 도 퉁명 스럽 게 하 고 눈 도 안 마주 쳐 서 속 이 상한 다", {"속상함"}),
    # what happened after a supposition someone made: "knock if you need anything |i was| really touched"
    ("en", "the couple next door shovelled my path and left a note saying just knock if you need anything i was "
           "really touched", {"touched"}),
    ("en", "the health visitor asked how i was sleeping and if i was okay in myself and i felt really touched",
     {"touched"}),
    ("en", "if anyone ignored me at the party i would be so hurt", set()),
    # a worry said as going on ("i keep worrying") stays, whatever comes after it
    ("en", "i keep worrying me and dave will drift apart now hes retired down to the coast but we had a long chat on "
           "the phone tonight and it was grand like old times", {"worried"}),
    ("en", "i worry my daughter will stop talking to me once she moves to her dads in september but for now were "
           "good we had a lovely long walk with the dog tonight", {"worried"}),
    # a feeling opening the answer after "absolutely", "pure", "lowkey" … is the speaker's, as after "so"
    ("en", "absolutely shattered twelve hour shift on the tills and my feet are done", {"exhausted"}),
    ("en", "pure raging the night the gaffe her gave my overtime to the new boy and never even asked me first",
     {"angry"}),
    ("en", "lowkey buzzing all day because i passed my forklift recert first try", {"excited"}),
    ("en", "suggested we restock before the rush and the supervisor waved me off and then said it like it was his "
           "idea which ticked me off", {"annoyed"}),
    ("en", "the whole street has been bringing round meals since my knee operation and i honestly dont know how to "
           "thank them all enough", {"grateful"}),
    ("en", "my little brother called me crying from camp and i talked him through it and for once i felt like i "
           "actually knew what to do", {"capable"}),
    # a feeling told by the body
    ("en", "partner was furious about the parking ticket and slammed every door in the house and i just went quiet "
           "with my shoulders up by my ears", {"tense"}),
    ("en", "slept eleven hours straight last night and woke up feeling like a brand new person", {"rested"}),
    # "얼마나 … 던지" exclaims the speaker's own feeling, whoever spoke before it
    ("ko", "손주 녀석이 영상통화를 걸어서 할머니 보고 싶다고 하는데 얼마나 반갑던지 하루 종일 기분이 좋았어요",
     {"반가움", "기쁨"}),
    # what others suppose the speaker will feel ("~ㄹ 거라고") is not felt
    ("ko", "수능 끝나면 엄청 허무할 거라고 다들 그러는데 난 지금은 그냥 설레요", {"설렘"}),
    ("ko", "휴가 복귀 하 고 첫날 인데 솔직히 집 생각 은 하나 도 안 납 니다 그냥 졸립 니다", {"피곤함"}),
    # a body part's ache is no hurt feeling, a laugh's included
    ("en", "fifteen year reunion tonight and we picked right back up like no time passed i laughed so hard my stomach "
           "still hurts", {"amused"}),
    # "haha not" after a pleasant feeling takes it back
    ("en", "the guy i matched with unmatched me right after i sent a voice note which felt like a proper rejection and "
           "im like super confident about myself right now haha not", {"rejected"}),
    ("en", "they played that old song from the school bus at the student union tonight and i suddenly really missed my "
           "friends back home", {"homesick"}),
    ("en", "rained all day so i couldnt get out to the garden just sat by the window feeling down in the dumps",
     {"gloomy"}),
    ("en", "according to the wife i should be stressed about the harvest with all this rain but honestly im not im "
           "just taking it as it comes", {"calm"}),
    # a feeling "all week" before a turn to now is over
    ("en", "all week i was so nervous about the bio final but now its done and it feels like a weight is gone",
     {"relieved"}),
    ("en", "accidentally replied all to the whole company with a meme meant for my friend and i want to crawl into a "
           "hole", {"embarrassed"}),
    # slang "개~" and a dialect intensifier inside "기분 … 좋아"
    ("ko", "스마트스토어 부업 시작하고 처음으로 주문 들어왔어 한 개지만 개신남 크크", {"신남"}),
    ("ko", "사장님이 오늘 나가 일 잘한다고 칭찬해 부렀당께 기분 겁나 좋아 부러", {"기쁨"}),
    # the speaker's own "~해서 못 간다고 했어" is no one else's words
    ("ko", "동아리 선배 들 이랑 오늘 술 약속 있었 는데 내 가 너무 피곤 해서 못 간다 고 했 어 좀 미안 하 네",
     {"피곤함", "미안함"}),
    # "~한 마음은 별로 없어" denies the feeling
    ("ko", "엄마가 김장 때 내가 안 와서 섭섭하다고 하셨는데 나는 미안한 마음은 별로 없어 일이 진짜 많았거든", set()),
    # a dialect "~하니께" ends the clause whose subject is someone else
    ("ko", "회의 때 내가 배수로부터 손봐야 된다고 했는디 아무도 안 듣더니 반장이 똑같은 말 하니께 다들 고개를 "
           "끄덕이더랑께 억울허당께", {"억울함"}),
    # a feeling braced for today, said "i was …", is named; one of last week is over
    ("en", "passed my driving theory at fifty eight years old i was so nervous this morning i couldnt eat but now im "
           "just relieved", {"nervous", "relieved"}),
    ("en", "last week i was a nervous wreck about the driving test but i passed today first go so yeah", set()),
    # an unpleasant feeling the speaker says is theirs now; one someone else thinks they have is not
    ("en", "people keep asking if im upset that they moved choir practice to thursdays and honestly no im not upset "
           "im just tired", {"tired"}),
    ("en", "he probably thinks im resentful about it but honestly i had a nice quiet evening", set()),
    # the speaker's own "to be honest" closing the answer; not after someone else's "was"
    ("en", "was meant to have my daughter this weekend but her mum says shes got a party now so thats off again "
           "gutted to be honest", {"disappointed"}),
    ("en", "my mate was a bit gutted to be honest", set()),
    # what the speaker would feel is not felt; an answer opening on a good day with no feeling named is good
    ("en", "normally id be pretty bummed but i was so tired i didnt mind", {"tired"}),
    ("en", "honestly a good day the kids ate what i cooked without a single complaint and the train was on time",
     {"good"}),
    ("en", "im so bored of hearing about kevins crypto he brings it up at every single dinner", set()),
    # Korean "~면서도" before another feeling: both the speaker's; 나 는 sets the feeling against theirs
    ("ko", "오늘 하프 마라톤 완주했어 근데 결승선에서 기다리는 사람이 아무도 없으니까 기쁘면서도 좀 쓸쓸하더라",
     {"기쁨", "쓸쓸함"}),
    ("ko", "아들 이 귀신 영화 보고 무서워 서 잠 을 못 자 길래 옆 에 누워 있 었 어 나 는 오히려 평온 하 던데", {"평온함"}),
])
def test_feelings_said_in_everyday_words(language, text, expected_feelings):
    assert feelings(text, language) == expected_feelings


@pytest.mark.parametrize("language, text, expected_feelings, expected_themes", [
    # someone else's reported words: their feeling, and a theme that happened to them
    ("en", "the doctor said its probably stress", set(), set()),
    ("en", "the doctor said my results are fine what a relief", {"relieved"}, set()),
    ("en", "my brother said he was proud of me", set(), {"connection"}),
    ("en", "she said sorry and i was relieved", {"relieved"}, set()),
    ("en", "my coworker said the new supervisor gives her the cold shoulder every morning", set(), set()),
    ("en", "she said she couldn't make it tonight after all", set(), {"cancelled"}),
    ("en", "my supervisor gives me the cold shoulder every morning", set(), {"cold-shoulder"}),
    ("en", "my roommate was complaining all night that her boyfriend left her on read", set(), set()),
    ("en", "you could tell he was gutted he missed out", set(), set()),
    ("en", "i missed out on the last tickets", set(), {"missed-chance"}),
    ("en", "people think id be lonely working on my own but honestly im not", set(), set()),
    ("en", "my supplier swears i never answered his emails", set(), set()),
    ("en", "i never got a reply about the flat", set(), {"unanswered"}),
    ("en", "the team lunch was meant to make us all feel included", set(), set()),
    ("ko", "동료 가 오늘 힘들 었 냐 고 물어 봤 어", set(), set()),
    ("ko", "다른 차 가 잡아 갔 다 아까워 죽 겠 네", {"아쉬움"}, {"missed-chance"}),
    ("en", "oh brilliant my laptop decided to update itself in the middle of the call absolutely thrilled", set(), set()),
    ("ko", "오늘 도 야근 확정 이 야 아주 행복 하 다 행복 해 죽겠 어", set(), set()),
    ("ko", "난 화 안 났어 그분이 얼마나 무서웠을지 알 것 같았거든", set(), set()),
    # a phone that rings out is a call not answered; "had to bail" calls a plan off
    ("en", "rang my sister three times and it just rang out", set(), {"unanswered"}),
    ("en", "was meant to have brunch with the girls but i had to bail", set(), {"cancelled"}),
    # a place's party is the speaker's own; "back on the waiting list" undoes nothing; a duo that stopped playing
    ("en", "our street party got called off because the council didnt approve the road closure", set(), {"cancelled"}),
    ("en", "surgeon rang to say my knee op is off because theres no beds so back on the waiting list", set(),
     {"cancelled"}),
    ("en", "the barbecue got called off but now its back on", set(), set()),
    ("en", "tom and me used to play online every night but hes on less and less now its weeks between messages", set(),
     {"drifting"}),
    # pride "of that one" is the speaker's win; a plan heard called off is the speaker's when they are let down
    ("en", "got the boiler going again myself without calling a man out im dead proud of that one", {"proud"}, {"win"}),
    ("ko", "주말 에 보기 로 한 친구 가 갑자기 일 생겼 다고 못 온 대요 한 달 만에 보는 거 였는데 너무 아쉬워 요", {"아쉬움"},
     {"cancelled"}),
    ("ko", "엄마가 동창회 간다고 설레셨는데 모임이 갑자기 취소됐대 엄마 실망하신 거 보니까 나도 괜히 속상했어", {"속상함"}, set()),
    # a cue with its own "not" is not negated again by a "nothing" before it; "it's not that" still denies
    ("en", "sent four follow up emails after the interview and um nothing not a peep its been eleven days", set(),
     {"unanswered"}),
    ("en", "it's not that nobody asked they just didn't know", set(), set()),
    # praise someone gave the speaker is the speaker's win; praise someone got is theirs
    ("ko", "아따 오늘 타일 줄눈 을 내 가 혼자 다 했 당께 사장님 이 깔끔 하 다고 칭찬 해 부렀 어 뿌듯 허 드라", {"뿌듯함"}, {"win"}),
    ("ko", "동생 이 선생님 한테 칭찬 받았 대", set(), set()),
    ("ko", "같은 반 애 가 피아노 콩쿠르 에서 나 대신 학교 대표 로 뽑혔 는데 솔직히 질투 났 어", {"질투"}, {"missed-chance"}),
    # themes told in everyday words (item 44)
    ("en", "my old flatmate always says shes slammed when i suggest meeting up its been a year of that now and i "
           "think shes quietly stepping back from me", set(), {"drifting"}),
    ("en", "since sam moved to berlin her replies get shorter and shorter and now its mostly just a heart on "
           "whatever i send", set(), {"drifting"}),
    ("en", "june next door has gone a bit cool on me lately barely says good morning over the fence", set(),
     {"cold-shoulder"}),
])
def test_reported_words_and_themes_without_their_keyword(language, text, expected_feelings, expected_themes):
    assert feelings(text, language) == expected_feelings
    assert themes(text, language) == expected_themes


def test_groups_expand_in_phrases_near_lists_and_unless(tmp_path, monkeypatch):
    themes_data = _all_themes(**{
        "left-out": {"cues": ["@nobody thought to @include me", {"near": [["@event"], ["without me"]], "within": 4}]},
        "unasked": {"cues": [{"phrase": "@nobody asked", "unless": ["@whom to"]}]},
        "memory": {"cues": ["@people's old house", "~던"]},
    })
    themes_data["groups"] = {"about": "families", "nobody": ["nobody", "no one", "not one of @them"], "them": ["them", "my friends"],
                             "include": ["invite", "include"], "event": ["dinner", "the party"], "whom": ["me", "us"],
                             "people": ["grandma", "dad"]}
    _pack(tmp_path, monkeypatch, {"feelings": [_entry()]}, themes_data)
    assert set(tag("not one of my friends thought to invite me", "xx").themes) == {"left-out"}
    assert set(tag("they had dinner last night without me", "xx").themes) == {"left-out"}
    assert set(tag("no one asked how i was", "xx").themes) == {"unasked"}
    assert set(tag("no one asked us to come", "xx").themes) == set()
    assert set(tag("we drove by grandma's old house", "xx").themes) == {"memory"}
    assert set(tag("쓰시던", "xx").themes) == {"memory"}
    assert set(tag("던져", "xx").themes) == set()


@pytest.mark.parametrize("groups, cue, message", [
    ({"a": ["x"]}, "@b y", "uses '@b', which is not in 'groups'"),
    ({"a": ["@a x"]}, "@a", "group 'a' refers to itself"),
    ({"a": "x"}, "@a", "group 'a' needs a non-empty list"),
    ({"a b": ["x"]}, "x", "needs to be one word"),
    ({}, "~던 집", "a '~' ending is one word on its own"),
])
def test_group_and_ending_errors_name_the_file(tmp_path, monkeypatch, groups, cue, message):
    themes_data = _all_themes(win={"cues": [cue]})
    themes_data["groups"] = groups
    _pack(tmp_path, monkeypatch, {"feelings": [_entry()]}, themes_data)
    with pytest.raises(UserError) as err:
        tag("hello", "xx")
    assert str(tmp_path / "xx" / "themes.json") in str(err.value)
    assert message in str(err.value)


def test_others_frame_and_its_errors(tmp_path, monkeypatch):
    data = {"feelings": [_entry("sad"), _entry("calm", pleasantness=0.5)],
            "others": {"cues": ["she"], "through": ["was", "so"], "window": 2, "after": ["^for her"]}}
    _pack(tmp_path, monkeypatch, data, _all_themes())
    assert feelings("she was so sad", "xx") == set()
    assert feelings("i was sad", "xx") == {"sad"}
    assert feelings("i was calm for her", "xx") == set()
    data["frame"] = {"cues": ["felt"], "after": ["x"]}
    (tmp_path / "xx" / "feelings.json").write_text(json.dumps(data), encoding="utf-8")
    from assistant.language.feelings import _load
    _load.cache_clear()
    with pytest.raises(UserError, match=r"'frame' has unknown key\(s\) \['after'\]"):
        load_vocabulary("xx")


def test_tags_are_frozen_and_serialise():
    tags = tag("nobody asked how i was and i felt invisible", "en")
    assert tags.as_dict() == {"feelings": ["invisible"], "themes": ["unasked"]}
    with pytest.raises(AttributeError):
        tags.feelings = ()  # type: ignore[misc]


def test_themes_file_has_exactly_the_theme_ids():
    for language in LANGUAGES:
        assert set(load_themes(language).descriptions) == set(THEMES)


# --- the vocabulary -----------------------------------------------------------------

REQUIRED_EN = ["hurt", "invisible", "left out", "lonely", "disappointed", "embarrassed", "ashamed", "jealous",
               "drained", "numb", "wistful", "grief", "calm", "content", "relieved", "grateful", "proud", "seen", "close"]
REQUIRED_KO = ["외로움", "상처", "투명인간", "소외감", "실망", "서운함", "창피함", "부끄러움", "질투", "지침", "무감각",
               "그리움", "비통함", "차분함", "만족", "안도", "감사", "뿌듯함", "이해받음", "친밀감"]


@pytest.mark.parametrize("language, minimum, required", [("en", 110, REQUIRED_EN), ("ko", 65, REQUIRED_KO)])
def test_vocabulary_size_and_coverage(language, minimum, required):
    vocab = load_vocabulary(language)
    assert len(vocab) >= minimum
    assert [w for w in required if w not in vocab] == []
    for f in vocab.feelings:
        assert -1.0 <= f.pleasantness <= 1.0 and f.pleasantness != 0, f.word
        assert -1.0 <= f.energy <= 1.0 and f.energy != 0, f.word
    colours = {f.quadrant.colour for f in vocab.feelings}
    assert colours == {"red", "yellow", "blue", "green"}


def test_each_required_feeling_is_found_by_the_tagger():
    for word in REQUIRED_EN:
        assert feelings(f"today i felt {word}") == {word}, word
    ko = load_vocabulary("ko")
    for word in REQUIRED_KO:
        said = word if ko.feeling(word).bare else ko.feeling(word).variants[0]
        assert feelings(f"오늘 {said}", "ko") == {word}, word


def test_canonical_lookup_and_quadrants():
    en = load_vocabulary("en")
    assert en.canonical("gutted") == "disappointed"
    assert en.canonical("on edge") == "tense"
    assert en.canonical("lonely") == "lonely"
    assert en.canonical("banana") is None
    assert en.quadrant("calm").colour == "green"
    assert en.quadrant("angry").colour == "red"
    assert en.quadrant("excited").colour == "yellow"
    assert en.quadrant("lonely").colour == "blue"
    ko = load_vocabulary("ko")
    assert ko.canonical("외로웠어요") == "외로움"
    assert ko.canonical("외로워서") == "외로움"


def test_grammar_words_are_words_not_stems():
    en = load_vocabulary("en").grammar_words()
    assert {"lonely", "gutted", "left out", "on edge"} <= set(en)
    assert len(en) == len(set(en))
    ko = load_vocabulary("ko").grammar_words()
    assert {"외로움", "외로웠어요"} <= set(ko)
    assert "외로" not in ko and "외롭" not in ko


@pytest.mark.parametrize("pleasant", [True, False])
@pytest.mark.parametrize("energetic", [True, False])
def test_suggest_gives_words_from_the_right_quadrant(pleasant, energetic):
    vocab = load_vocabulary("en")
    for words in (vocab.suggest(pleasant, energetic), vocab.suggest(pleasant, energetic, n=2, rng=random.Random(3))):
        assert 2 <= len(words) <= 3 and len(set(words)) == len(words)
        for word in words:
            q = vocab.quadrant(word)
            assert (q.pleasant, q.energetic) == (pleasant, energetic), word


def test_suggest_with_an_open_axis_spans_both_sides():
    vocab = load_vocabulary("en")
    words = vocab.suggest(pleasant=False, energetic=None, n=4)
    assert all(not vocab.quadrant(w).pleasant for w in words)
    assert {vocab.quadrant(w).energetic for w in words} == {True, False}
    assert "lonely" not in vocab.suggest(False, False, n=50, exclude=["lonely"])


# --- validation -----------------------------------------------------------------------

def _pack(tmp_path: Path, monkeypatch, feelings_data, themes_data=None, raw: str | None = None) -> Path:
    folder = tmp_path / "xx"
    folder.mkdir()
    path = folder / "feelings.json"
    path.write_text(raw if raw is not None else json.dumps(feelings_data), encoding="utf-8")
    if themes_data is not None:
        (folder / "themes.json").write_text(json.dumps(themes_data), encoding="utf-8")
    monkeypatch.setenv("VOICE_JOURNAL_PROMPTS", str(tmp_path))
    return path


def _entry(word="lonely", **overrides):
    return {"word": word, "pleasantness": -0.5, "energy": -0.5, **overrides}


def _all_themes(**overrides):
    return {"themes": [{"id": t, "description": t, "cues": [t]} | overrides.get(t, {}) for t in THEMES]}


@pytest.mark.parametrize("data, message", [
    ({"feelings": [_entry(pleasantness=1.5)]}, "entry 1 ('lonely') has 'pleasantness' 1.5, outside -1.0 to 1.0"),
    ({"feelings": [_entry(energy=0)]}, "entry 1 ('lonely') has 'energy' 0"),
    ({"feelings": [_entry(), {"pleasantness": 0.5, "energy": 0.5}]}, "entry 2 needs a non-empty 'word'"),
    ({"feelings": [_entry(variants="alone")]}, "entry 1 ('lonely') has 'variants' that is not a list"),
    ({"feelings": [_entry(variants=["gutted"]), _entry("disappointed", variants=["gutted"])]}, "'gutted' belongs to both"),
    ({"feelings": [_entry(colour="blue")]}, "unknown key(s) ['colour']"),
    ({"feelings": [_entry(), _entry()]}, "'lonely' is listed twice"),
    ({"feelings": []}, "has no feelings"),
    ({"feelings": [_entry()], "match": "fuzzy"}, "'match' is 'fuzzy'"),
    ({"feelings": [_entry()], "negation": {"after": ["(unclosed"]}}, "not a valid regular expression"),
    ({"feelings": [_entry()], "at_theme": {"memory": {"weep": "grief"}}},
     "'at_theme' of 'memory' names 'grief', which is not one of its feelings"),
    ({"feelings": [_entry()], "at_theme": {"memory": ["weep"]}}, "'at_theme' of a theme maps words to a feeling"),
])
def test_vocabulary_errors_name_the_file_and_entry(tmp_path, monkeypatch, data, message):
    path = _pack(tmp_path, monkeypatch, data)
    with pytest.raises(UserError) as err:
        load_vocabulary("xx")
    assert str(path) in str(err.value)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_broken_json_names_the_line(tmp_path, monkeypatch):
    path = _pack(tmp_path, monkeypatch, None, raw='{"feelings": [\n  {"word": "sad",}\n]}')
    with pytest.raises(UserError, match="not valid JSON at line 2") as err:
        load_vocabulary("xx")
    assert str(path) in str(err.value)


def test_unknown_language_says_which_exist(tmp_path, monkeypatch):
    monkeypatch.setenv("VOICE_JOURNAL_PROMPTS", str(ROOT / "prompts"))
    with pytest.raises(UserError, match="no feelings vocabulary for language 'zz'.*en, ko"):
        tag("hello", "zz")


@pytest.mark.parametrize("themes_data, message", [
    (_all_themes(win={"id": "victory"}), "theme 'victory' is not one of"),
    ({"themes": _all_themes()["themes"][:-1]}, "theme(s) connection are missing"),
    (_all_themes(memory={"cues": []}), "theme 'memory' needs a non-empty 'cues' list"),
    (_all_themes(win={"cues": [{"near": [["a"]]}]}), "theme 'win' cue 1 needs 'phrase', or 'near'"),
    (_all_themes(win={"cues": [{"phrase": "a", "near": [["a"], ["b"]]}]}), "theme 'win' cue 1 needs 'phrase', or 'near'"),
    (_all_themes(win={"cues": [{"near": [["a"], ["b"]], "within": "x"}]}), "theme 'win' cue 1 needs a whole number"),
    (_all_themes(win={"cues": [{"phrase": "a", "within": 2}]}), "theme 'win' cue 1 has 'within' or 'ordered'"),
    (_all_themes(win={"cues": [{"phrase": "a", "unless": "b"}]}), "theme 'win' cue 1 has 'unless' that is not a list"),
    (_all_themes(win={"cues": [{"phrase": "a", "unless_told": ["victory"]}]}), "has 'unless_told' victory, not one of"),
    (_all_themes(win={"cues": [{"phrase": "a", "unless_told": "connection"}]}), "'unless_told' that is not a list"),
    ({**_all_themes(), "idioms": {"victory": ["waited ages"]}}, "'idioms' names victory, not one of"),
    ({**_all_themes(), "idioms": {"win": "waited ages"}}, "idioms of 'win'"),
])
def test_themes_errors_name_the_file_and_theme(tmp_path, monkeypatch, themes_data, message):
    _pack(tmp_path, monkeypatch, {"feelings": [_entry()]}, themes_data)
    with pytest.raises(UserError) as err:
        tag("hello", "xx")
    assert str(tmp_path / "xx" / "themes.json") in str(err.value)
    assert message in str(err.value)


def test_a_cue_weighed_against_the_other_themes_told(tmp_path, monkeypatch):
    """``unless_told``: "for the first time" is a win, unless the answer tells being close."""
    cue = {"phrase": "first time", "unless_told": ["connection"]}
    _pack(tmp_path, monkeypatch, {"feelings": [_entry()]}, _all_themes(win={"cues": [cue]}))
    assert tag("ran a mile for the first time", "xx").themes == ("win",)
    assert tag("for the first time i felt connection with them", "xx").themes == ("connection",)


def test_a_small_pack_works_end_to_end(tmp_path, monkeypatch):
    data = {"feelings": [_entry(variants=["all alone"]), _entry("calm", pleasantness=0.5)],
            "negation": {"before": ["not"], "window": 2}}
    _pack(tmp_path, monkeypatch, data, _all_themes(memory={"cues": [{"near": [["used"], ["to"]], "within": 0}]}))
    assert tag("all alone but not calm and used to", "xx").as_dict() == {"feelings": ["lonely"], "themes": ["memory"]}
    assert tag("not all alone used to", "xx").as_dict() == {"feelings": [], "themes": ["memory"]}


# --- command line -----------------------------------------------------------------------

def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang")
    common.add_argument("--json", action="store_true")
    parser = argparse.ArgumentParser(prog="voice-journal", parents=[common])
    add_tag_parser(parser.add_subparsers(dest="command"), [common])
    return parser


def test_cli_tag_for_people(capsys):
    args = _parser().parse_args(["tag", "nobody asked how i was i felt lonely and drained"])
    assert cli_tag(args, "en") == 0
    assert capsys.readouterr().out == ('feelings: lonely ("lonely"), drained ("drained")\n'
                                       'themes: unasked ("nobody asked how i was")\n')


def test_cli_tag_json_and_words_as_separate_arguments(capsys):
    args = _parser().parse_args(["tag", "--json", "나만", "빼고", "갔어요", "서운했어요"])
    assert cli_tag(args, "ko") == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["feelings"], out["themes"], out["language"]) == (["서운함"], ["left-out"], "ko")
    assert out["why"] == {"feelings": {"서운함": "서운했어요"}, "themes": {"left-out": "나만 빼고"}}


def test_cli_tag_reads_stdin_for_dash(capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("i'm fed up"))
    assert cli_tag(_parser().parse_args(["tag", "-"]), "en") == 0
    assert capsys.readouterr().out == 'feelings: frustrated ("fed up")\nthemes: none\n'


# --- purity and the labelled sets ---------------------------------------------------------

def test_tagging_imports_no_audio_library():
    code = ("import sys, assistant.language.tagging, assistant.language.feelings; "
            "print([m for m in ('vosk', 'sounddevice', 'pyttsx3', 'numpy') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("language, text, expected", [
    ("en", "i'm feeling a bit flat today", {"sad"}),             # low, not numb
    ("en", "at the reunion i felt like part of the team again", {"included"}),
    ("en", "since the wedding i'm on the outside of her plans", set()),   # where they stand, no feeling named
    ("en", "i've always felt on the outside at work", {"left out"}),
    ("en", "brilliant got a parking ticket outside my own house really made my day", set()),   # irony opening
    ("en", "fantastic missed the last bus again so happy about that", set()),
    ("en", "brilliant afternoon at the beach i was so happy", {"happy"}),   # praise without a mishap
    ("ko", "요즘 아무것도 하기 싫어", {"무기력"}),
    ("ko", "퇴근 하고 나면 아무것도 하기 가 싫어요", {"무기력"}),
])
def test_feeling_families_and_irony_openers(language, text, expected):
    assert feelings(text, language) == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_matcher_index_finds_what_a_full_scan_finds(language):
    """The index (first two words, beginnings) only skips patterns that cannot match: same hits, same order."""
    from assistant.language.matching import Text
    from assistant.language.tagging import _rules
    from assistant.language.packs import prompts_root
    rules = _rules(language, prompts_root())
    for matcher in (rules.feelings, rules.themes.matcher):
        every = sorted([op for bucket in (matcher.one, matcher.two, matcher.starting) for ops in bucket.values()
                        for op in ops], key=lambda op: (op[1].prefix[0], op[0]))
        for row in load_set(language, "fresh-dev")[:50]:
            text = Text.of(row["text"])
            for i in range(len(text.tokens)):
                scanned = [h for h in (matcher._try(p, text, i) for _, p in every) if h]
                endings = sum(text.tokens[i].endswith(p.words[0]) for p in matcher.endings)
                indexed = matcher.at(text, i)
                assert indexed[:len(scanned)] == scanned and len(indexed) == len(scanned) + endings


def test_tagging_is_fast_once_loaded():
    import time

    rows = load_set("en")
    tag(rows[0]["text"], "en")
    start = time.perf_counter()
    for row in rows:
        tag(row["text"], "en")
    assert (time.perf_counter() - start) / len(rows) < 0.005


@pytest.mark.parametrize("language, minimum", [("en", 90), ("ko", 45)])
def test_labelled_sets_are_well_formed(language, minimum):
    rows = load_set(language)
    vocab = load_vocabulary(language)
    assert len(rows) >= minimum
    for row in rows:
        assert set(row) <= {"text", "feelings", "themes", "split"}
        assert row["text"] == row["text"].lower() and not any(c in row["text"] for c in ".,!?;:\"")
        assert all(w in vocab for w in row["feelings"]), row
        assert all(t in THEMES for t in row["themes"]), row
    for theme in THEMES:
        assert sum(theme in row["themes"] for row in rows) >= 3, theme
    assert any(not row["themes"] for row in rows)


@pytest.mark.parametrize("language", LANGUAGES)
def test_precision_and_recall_on_the_dev_lines(language):
    """A regression floor on the lines the word lists were developed on.

    The held-out lines are deliberately not asserted on: a test there would
    invite tuning on them (see benchmarks/tagging.py for their numbers).
    """
    result = score([r for r in load_set(language) if r.get("split", "dev") == "dev"], language)
    for kind in (result.feelings, result.themes):
        assert kind.precision >= 0.95 and kind.recall >= 0.95, (kind, result.misses)
    assert not math.isnan(result.themes.precision)


@pytest.mark.parametrize("language, minimum", [("en", 50), ("ko", 30)])
def test_a_held_out_set_is_kept_apart(language, minimum):
    rows = load_set(language)
    assert {r.get("split", "dev") for r in rows} == {"dev", "holdout"}
    held = [r for r in rows if r.get("split") == "holdout"]
    assert len(held) >= minimum
    assert any(not r["themes"] for r in held)
    assert not {r["text"] for r in held} & {r["text"] for r in rows if r.get("split", "dev") == "dev"}


# --- hard cases: whose feeling, negation, irony, idioms, themes without their keyword ---------------

@pytest.mark.parametrize("text, expected_feelings, expected_themes", [
    # someone else's feeling, by the subject of the clause
    ("my roommate was super stressed about rent so i paid her share", set(), set()),
    ("my dad got really emotional and sad at dinner", set(), set()),
    ("my mom was happy and i was relieved", {"relieved"}, set()),
    ("my boss made me feel stupid", {"stupid"}, set()),
    ("i feel like everyone has forgotten about me", {"forgotten"}, set()),
    # negation and irony
    ("it's not like i'm jealous or anything", set(), set()),
    ("i'm far from happy about it", set(), set()),
    ("no way was i nervous", set(), set()),
    ("great just what i needed another bill so thrilled", set(), set()),
    ("i felt like i fitted right in", {"included"}, {"connection"}),  # feeling included is a connection
    ("i felt like the luckiest person alive", {"lucky"}, set()),
    ("oh great the bus was late and i spilled coffee really proud of today", set(), set()),
    ("my application was rejected again", {"rejected"}, {"missed-chance"}),
    # idioms
    ("i'm sick and tired of this traffic", set(), set()),
    ("cry me a river he said when i complained about work", set(), set()),
    ("he was beside himself with worry", set(), set()),
    # a theme without its keyword
    ("it says read since yesterday morning", set(), {"unanswered"}),
    ("they gave the project lead to someone who joined last month", set(), {"missed-chance"}),
    ("i wish someone had asked me how i was doing", set(), {"unasked"}),
    ("the smell of pipe tobacco made me think of my grandfather who passed last year", set(), {"memory"}),
])
def test_english_hard_cases(text, expected_feelings, expected_themes):
    assert feelings(text, "en") == expected_feelings
    assert themes(text, "en") == expected_themes


@pytest.mark.parametrize("text, expected_feelings, expected_themes", [
    # someone else's feeling: subject marker, honorific, -어하다, reported speech
    ("룸메이트가 시험 때문에 너무 불안해했어", set(), set()),
    ("엄마가 실망하셨어요 내가 약속을 어겨서", set(), set()),
    ("형이 화가 났어 내가 차를 긁어서", set(), set()),
    ("친구가 요즘 스트레스 받는대", set(), set()),
    ("동생 이 무척 뿌듯해 했어요", set(), set()),
    ("할머니가 너무 그리웠어요", {"그리움"}, {"memory"}),
    ("친구 가 결혼 한다니까 너무 부럽다", {"부러움"}, set()),
    # negation
    ("화난 건 아니고 그냥 좀 피곤해", {"피곤함"}, set()),
    ("걱정 하나도 안 돼요", set(), set()),
    ("불안하거나 그런 건 없었어", set(), set()),
    # irony
    ("아 오늘 진짜 완벽한 날이다 지각하고 커피 쏟고 아주 뿌듯하네", set(), set()),
    # everyday words, one canonical name each
    ("요즘 무감각 해 아무 것도 느껴지지 않아", {"무감각"}, set()),
    ("하루 종일 멍 때렸어", {"멍함"}, set()),
    ("솔직히 질투 가 났어", {"질투"}, set()),
    ("마음 이 공허 해요", {"공허함"}, set()),
    ("새 동아리에서 소속감 이 느껴졌어", {"소속감"}, {"connection"}),
    ("다들 나를 잊은 것 같아 잊혀진 기분이야", {"잊혀짐"}, set()),
    ("기대했는데 김 빠졌어요", {"허탈함"}, set()),
    ("회의에서 또 무시 당했어", {"무시당함"}, {"ignored"}),
    ("결과 듣고 안도감이 들었어", {"안도"}, set()),
    ("마음 이 무뎌진 것 같아", {"무감각"}, set()),
    ("마음 이 텅 빈 것 같아", {"공허함"}, set()),
    ("여기 에 속한 느낌 이야", {"소속감"}, set()),
    ("기대 했는데 김 이 샜어", {"실망"}, set()),
    ("무시 하는 것 같지 는 않았어", set(), set()),
    ("참 잘 했다 나 자신 회의 에 늦고 자료 도 두고 오고 뿌듯 하네", set(), set()),
    # a theme without its keyword
    ("카톡 1 이 없어졌는데 하루 종일 답장 이 안 와요", set(), {"unanswered"}),
    ("그 프로젝트 리더는 다른 팀원 한테 갔어요", set(), {"missed-chance"}),
    ("엄마가 즐겨 듣던 노래가 나와서 눈물이 났어요", {"슬픔"}, {"memory"}),
    # far from it (~긴 커녕), a feeling told with honorifics (another's), comfort given, the air
    ("다들 송년회 가고 나 혼자 남아서 치킨 시켜 먹었 는데 외롭 긴 커녕 완전 편했 어", {"편안함"}, set()),
    ("주말 에 혼자 캠핑 갔 는데 심심 하긴 커녕 시간 가는 줄 몰랐 어", set(), set()),
    ("장모님 생신 에 스카프 를 사 드렸 는데 색 이 마음 에 안 드셨 는지 실망 하신 눈치 더라 괜히 죄송 하더라", {"미안함"}, set()),
    ("친구 가 시험 떨어졌 다고 울길래 나 는 그냥 옆 에서 위로해 주고 왔 어", set(), set()),
    ("공장 에어컨 이 고장 나서 마스크 안 이 답답 해 죽는 줄 알았 어 땀 이 줄줄 나고 그거 말고 는 괜찮 았 어", set(), set()),
    ("부장 이 금요일 여섯 시 에 회의 를 또 잡았 네 와 행복 하다 이번 주말 도 야근 이라니 너무 기대 된다", set(), set()),
    ("공모전 에서 상 받았 어", set(), {"win"}),
    ("내 가 만든 보고서 로 팀장 이 생색 을 내 더라", set(), {"ignored"}),
    ("남들 은 우울 하겠 다 하는데 난 오히려 홀가분 해", {"홀가분함"}, set()),  # a supposed gloom makes no irony
    ("아들 이 반 에서 발표 상 을 받았 어요", set(), set()),  # his prize: the cue's own 받았 is no gift to the speaker
])
def test_korean_hard_cases(text, expected_feelings, expected_themes):
    assert feelings(text, "ko") == expected_feelings
    assert themes(text, "ko") == expected_themes


def test_one_feeling_one_canonical_name():
    vocab = load_vocabulary("ko")
    assert vocab.canonical("안도감") == vocab.canonical("안도") == "안도"
    assert vocab.canonical("허탈감") == "허탈함" and vocab.canonical("무시당했어요") == "무시당함"


def test_explain_names_the_words_behind_each_tag():
    why = explain("my message says read since monday and i feel so invisible", "en").why
    assert why == {"feelings": {"invisible": "invisible"}, "themes": {"unanswered": "says read"}}


@pytest.mark.parametrize("text, default, expected", [
    ("외롭지 않았어", "en", "ko"), ("i was lonely", "ko", "en"), ("i was lonely", "en", "en"), ("123", "ko", "ko")])
def test_language_of_a_text(text, default, expected):
    assert language_of(text, default) == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_fresh_sets_are_well_formed_and_apart(language):
    """The fresh dev set and the held-out sets: labels known, hard cases with forbidden tags, no line in dev and held out."""
    vocab = load_vocabulary(language)
    dev = load_set(language, "fresh-dev")
    held_sets = [h for h in (load_set(language, name) for name in SETS if name.startswith("held-out")) if h]
    assert len(dev) >= 150 and len(held_sets[0]) >= 139 and all(len(h) >= 30 for h in held_sets)
    for row in dev + [r for h in held_sets for r in h]:
        assert set(row) <= {"text", "feelings", "themes", "forbidden"}, row
        assert row["text"] == row["text"].lower() and not any(c in row["text"] for c in ".,!?;:\"")
        assert all(w in vocab for w in row["feelings"] + [f for f in row.get("forbidden", []) if f not in THEMES]), row
        assert all(t in THEMES for t in row["themes"]), row
        assert not set(row.get("forbidden", [])) & set(row["feelings"]), row
    dev_texts = {r["text"] for r in dev + load_set(language)}
    for held in held_sets:
        assert sum(bool(r.get("forbidden")) for r in held) >= 0.12 * len(held)  # besides themes without keywords
        assert not {r["text"] for r in held} & dev_texts


@pytest.mark.parametrize("language", LANGUAGES)
def test_training_corpus_is_large_varied_and_apart_from_the_kept_out_sets(language):
    """corpus-15, written to train the learned layer: every theme told many ways, hard cases
    marked, and no line shared with the sets kept out of training (so their score stays a check)."""
    from assistant.language.train_tagger import KEPT_OUT
    vocab = load_vocabulary(language)
    rows = load_set(language, "corpus-15")
    assert len(rows) >= 250
    for row in rows:
        assert set(row) <= {"text", "feelings", "themes", "forbidden"}, row
        assert row["text"] == row["text"].lower() and not any(c in row["text"] for c in ".,!?;:\"")
        assert all(w in vocab for w in row["feelings"] + [f for f in row.get("forbidden", []) if f not in THEMES]), row
        assert all(t in THEMES for t in row["themes"]) and not set(row.get("forbidden", [])) & set(row["feelings"] + row["themes"]), row
    assert all(sum(t in r["themes"] for r in rows) >= 20 for t in THEMES)
    assert sum(bool(r.get("forbidden")) for r in rows) >= 0.15 * len(rows)
    kept_out = {json.loads(line)["text"] for name in KEPT_OUT
                for line in (ROOT / "tests" / "data" / name.format(lang=language)).read_text(encoding="utf-8").splitlines() if line.strip()}
    assert not {r["text"] for r in rows} & kept_out


@pytest.mark.parametrize("language", LANGUAGES)
def test_fresh_dev_floor(language):
    """A regression floor on the fresh dev set (the held-out set is only scored, by the benchmark)."""
    result = score(load_set(language, "fresh-dev"), language)
    assert result.themes.f1 >= 0.9 and result.feelings.f1 >= 0.93, result.misses
    assert result.forbidden == 0, result.misses


@pytest.mark.parametrize("language, text, expected", [
    # left out, told by nobody coming for you or finding out after
    ("en", "the lads had a poker night and nobody knocked for me", {"left-out"}),
    ("en", "my old team had a leaving do and i only found out afterwards", {"left-out"}),
    ("ko", "동네 사람들 이 다 같이 바베큐 했는데 나 는 나중에야 알았어", {"left-out"}),
    # a smell or a song and a person gone
    ("en", "caught a whiff of his aftershave on the bus and it all came flooding back", {"memory"}),
    ("en", "the smell of baking bread and suddenly my nan's kitchen all over again", {"memory"}),
    # people turning up with food, being asked after
    ("en", "my neighbour popped round with a casserole after my operation", {"connection"}),
    ("en", "been a rough week and none of my mates asked how i was", {"unasked"}),
    ("ko", "이웃 이 반찬 을 들고 왔어", {"connection"}),
    ("ko", "이사 하느라 아팠는데 괜찮냐고 묻는 사람 이 하나 도 없었어", {"unasked"}),
    ("ko", "지원서 넣은 회사 에서 아직 아무 연락 이 없어", {"unanswered"}),
    # a kindness remembered (~던) is a memory, not a meeting
    ("ko", "할아버지 가 사 주시던 호떡 냄새 에 할아버지 생각 이 났어", {"memory"}),
    # 드디어 with something arriving is waiting, not a win; with something done it is a win
    ("ko", "목 이 빠지게 기다린 배달 이 드디어 왔어", set()),
    ("ko", "드디어 운전 면허 땄다", {"win"}),
    # someone else's win or missed chance is not the speaker's
    ("en", "tryouts were last week and i didnt make varsity again", {"missed-chance"}),
    ("en", "did my rounds of the office tonight and not one of them looked up from their screens", {"cold-shoulder"}),
    ("en", "nobody at work asked how he was doing after the op or how i was holding up", {"unasked"}),
    ("en", "nobody at work asked how he was doing after the op poor lad", set()),
    ("ko", "공무원 면접 에서 또 미역국 먹었 다", {"missed-chance"}),
    ("ko", "서류 에서 광탈 했 어 벌써 다섯 번째", {"missed-chance"}),
    ("ko", "오늘 받아쓰기 에서 백 점 맞았 어", {"win"}),
    ("ko", "풍랑 주의보 떠 가 새벽 에 출항 못 했 다", {"cancelled"}),
    ("ko", "끝나 고 다들 칼국수 먹으러 가 는데 저 한테 는 가자 소리 도 안 하 시 더라고요", {"left-out"}),
    ("ko", "형 이 드디어 시험 에 합격 했어", set()),
    ("ko", "친구 가 면접 떨어 지고 엄청 속상 해 했어", set()),
])
def test_theme_families_told_without_their_keyword(language, text, expected):
    assert themes(text, language) == expected


@pytest.mark.parametrize("language, text, expected", [
    ("en", "the comedy last night had us all in stitches", {"amused"}),
    ("en", "the walk in the sun cheered me up no end", {"cheerful"}),
    ("ko", "애 가 말 을 안 들어서 속 이 터져", {"답답함"}),
    ("ko", "개그 프로 보다 가 배꼽 빠지 게 웃었어", {"재미"}),
    ("ko", "시험 때문에 스트레스 는 안 받았어", set()),  # 안 받았어 denies it
    ("ko", "시험 때문에 스트레스 받았어", {"스트레스"}),
    ("en", "three double shifts this week im dead on my feet", {"exhausted"}),
    ("en", "the wedding planning all got on top of me today", {"overwhelmed"}),
    ("en", "people who reply all to the whole company really grind my gears", {"annoyed"}),
    ("en", "grey sky all day and i was a bit blue if im honest", {"sad"}),
    ("en", "genuinely loving life this week the garden is finally coming on", {"happy"}),
    ("en", "results come out friday and ive been stewing on it", {"worried"}),
    ("en", "everyone paired up for the quiz and i was billy no mates again", {"lonely"}),
    ("en", "the smoke alarm went off at three in the morning and frightened the life out of me", {"scared"}),
    ("ko", "검사 결과 괜찮 대서 이제 한시름 놨 어", {"안도"}),
    ("ko", "애들 다 떠나고 나니 가슴 이 휑 하더라", {"허전함"}),
    ("ko", "이사 가고 나니 마음 한 구석 이 뻥 뚫린 것 같아", {"공허함"}),
    ("ko", "다들 나 를 식구 처럼 대해 줘서 고마웠 어", {"소속감", "감사"}),
    ("ko", "나 는 이제 아무 한테 도 생각 안 나는 사람 이 된 것 같아", {"잊혀짐"}),
    ("ko", "회의 내내 사람 취급 을 못 받은 기분 이었어", {"무시당함"}),
    ("ko", "애들 다 결혼 하고 나니 이제 혼자 라는 게 실감 나 더라", {"외로움"}),
    ("en", "that budget meeting sucked the life out of me", {"drained"}),
    ("en", "the dog bolted at the fireworks and i nearly jumped out of my skin", {"scared"}),
    ("en", "she said it in front of my kids and it was like a knife in my chest", {"hurt"}),
    ("en", "the new rota honestly i couldnt make head nor tail of it", {"confused"}),
    ("en", "getting turned down again knocked the wind out of my sails", {"discouraged"}),
    ("en", "my sister drove four hours just to sit with me i felt so looked after and loved", {"loved"}),
    ("en", "the kids made me a card with glitter everywhere and i was tickled pink", {"delighted"}),
    ("en", "the council changed the bin day again and im so over it", {"frustrated"}),
    ("en", "two buses cancelled and then a double shift honestly just wrecked", {"exhausted"}),
    ("en", "third day snowed in at the farm done every jigsaw in the house bored out of my skull", {"bored"}),
    ("en", "a year ago that song wrecked me but tonight i sang along", set()),
    # "instead" ends someone else's clause: what follows is the speaker's
    ("en", "then i see on facebook he went out with the other lads instead bit of a kick in the teeth really", {"hurt"}),
    ("ko", "요즘 은 뭘 봐도 감정 이 꺼진 것 같 아", {"무감각"}),
    ("ko", "마감 을 또 놓쳤 어 내 자신 한테 너무 화 가 난다", {"화"}),
    ("ko", "석 달 만 에 처음 으로 완주 했 어 나 자신 이 대견 하 더라", {"뿌듯함"}),
    ("ko", "설명 을 세 번 들었 는데 도 뭐 가 뭔지 모르겠 어", {"혼란"}),
    ("ko", "산악회 형님 들 이 단체 조끼 를 줬 는데 이제 식구 된 느낌 이야", {"소속감"}),
    ("ko", "마감 이 사흘 이나 당겨져서 스트레스 가 장난 아니 었 어", {"스트레스"}),  # no joke: very much
    ("ko", "시험 결과 기다리 느라 애 가 탄다", {"초조함"}),
    ("ko", "한 달 을 기다린 공연 이 연기 됐 대 김 이 팍 새 더라", {"허탈함"}),
    ("en", "good grief the queue at the chemist went right round the block", set()),
    ("en", "an old magazine in the waiting room had a lonely hearts page and me and dad read them out it had me in "
           "stitches", {"amused"}),
    ("en", "the paper called it a proud night for the town", set()),
    ("en", "sprained my ankle on the stairs at work and it hurts like anything", set()),  # the ankle, not the heart
    ("en", "she never even said goodbye and honestly it hurts", {"hurt"}),
    ("en", "beat my personal best at parkrun this morning buzzing with myself", {"proud"}),
    ("en", "wish i had said something to her before she moved away i could kick meself", {"regretful"}),
    ("en", "my head is fried with the deadlines this week", {"stressed"}),
    ("en", "been chewing my nails all day waiting on the results", {"nervous"}),
    ("en", "my stomach has been in knots all week about the move", {"anxious"}),
    ("en", "i was dreading the meeting with the bank but it went fine and i feel like a weight has lifted", {"dread", "relieved"}),  # felt today, and named
    ("en", "the chippy gave me a sad excuse for a curry tonight", set()),
    ("en", "my son watched inside out and asked what anxious means", set()),  # the word, asked about
    ("en", "my mum worries im lonely but i love my own company", set()),  # her worry, not my word
    ("en", "not even slightly annoyed about the parking ticket", set()),
    ("en", "three night shifts in a row and i feel like ive been hit by a bus", {"exhausted"}),
    ("en", "six months on my own in this flat and now i know what lonely means", {"lonely"}),
    # someone else's feeling the speaker then shares: "so was i"
    ("en", "my son is anxious about his exams and honestly so am i", {"anxious"}),
    ("en", "my wife was furious the builder never showed up again and to be fair so was i", {"furious"}),
    ("en", "my wife was furious the builder never showed up again", set()),
    ("en", "i was anything but calm when the smoke alarm went off", set()),
    ("en", "cant say im sad to see the back of that job", set()),
    ("en", "im hopeless with computers my grandson had to fix the printer again", set()),
    ("en", "young bloke on my crew was gutted he missed out on the spot and so did i", set()),  # the missing out, shared
    ("en", "watched a programme about lonely seals and nervous shelter cats with my dinner then bed", set()),
    ("en", "oh aye lovely my cousin rang for the first time since easter only to ask for a lift i felt so loved", set()),
    ("en", "no news from the builders just a mad week for everyone", set()),
    # a slight said with a feeling of being valued is irony by itself
    ("en", "gave up my saturday to help at the fete and got told off for parking in the wrong spot felt very appreciated", set()),
    ("en", "the manager called me by the wrong name again after six years i feel so respected", set()),
    ("en", "my son only rang to ask if i could lend him the car felt so loved", set()),
    ("en", "the head said my display was the best in the school i felt appreciated", {"appreciated"}),
])
def test_everyday_sayings_for_feelings(language, text, expected):
    assert feelings(text, language) == expected


def _tags_exactly(language, text, expected_feelings, not_themes, must_themes):
    """The feelings exactly, none of ``not_themes`` and all of ``must_themes`` (the tables of hard cases below)."""
    got = tag(text, language)
    assert set(got.feelings) == expected_feelings
    assert not not_themes & set(got.themes) and must_themes <= set(got.themes), got.themes


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # whoever is named before "was <feeling>" has it; "it was" is the speaker's
    ("en", "priya was devastated when her dog died last night", set(), set(), set()),
    ("en", "it was embarrassing honestly", {"embarrassed"}, set(), set()),
    # suppositions, fears that turned out wrong, a past that is over, a theme undone
    ("en", "if anyone had ignored me at the reunion id have been crushed", set(), {"ignored"}, set()),
    ("en", "thought she was ghosting me but she finally replied this afternoon", set(), {"unanswered"}, set()),
    ("en", "i used to feel invisible in that office but not anymore", set(), set(), set()),
    ("en", "the barbecue that got called off last week is back on for saturday", set(), {"cancelled"}, set()),
    ("en", "nobody even asked if i wanted to come felt like the odd one out", {"left out"}, set(), {"left-out"}),
    ("ko", "나 만 빼고 모인 줄 알았 는데 알고 보니 단톡 초대 가 늦게 간 거 였 어", set(), {"left-out"}, set()),
    ("ko", "예전 엔 회사 에서 투명인간 같았 는데 지금 은 아니 야", set(), set(), set()),
    ("ko", "만약 에 오늘 비 왔으면 소풍 취소 됐을 거 고 진짜 실망 했을 거 야", set(), {"cancelled"}, set()),
    ("ko", "아무도 안 물어봐서 서운할 줄 알았는데 별로 안 서운하더라", set(), set(), {"unasked"}),
    # praise said twice is irony; "…된 기분이야" is the speaker's own, "…된 기분이래" someone else's
    ("ko", "야근 세 시간 했는데 칭찬 한 마디 없고 아 보람차다 보람차", set(), {"win"}, set()),
    ("ko", "주간조 애들은 우리한테 인사도 안 하고 지나가 투명인간 된 기분이야", {"투명인간"}, set(), set()),
    ("ko", "친구 가 요즘 단톡 에서 투명인간 된 기분 이래", set(), set(), set()),
])
def test_what_did_not_happen_or_is_someone_elses(language, text, expected_feelings, not_themes, must_themes):
    """Feelings exactly (the learned layer never adds one); themes: the ones that must and must not be there."""
    got = tag(text, language)
    assert set(got.feelings) == expected_feelings
    assert not not_themes & set(got.themes) and must_themes <= set(got.themes), got.themes


@pytest.mark.parametrize("text", [
    "he binned my idea before i even finished the sentence",  # "before i even finished" is not a finished thing
    "loved being talked over in the meeting again really made me feel valued",  # irony: no pleasant tag
])
def test_no_pleasant_tag_for_what_did_not_happen(text):
    tags = tag(text, "en")
    assert not {"win", "connection"} & set(tags.themes) and not tags.feelings


@pytest.mark.parametrize("language, text, expected_feelings, expected_themes", [
    # a phrase that names the speaker is theirs, whoever stands before it
    ("en", "the cheap flights came up and by the time i went back they were gone kicking myself", {"regretful"}, {"missed-chance"}),
    # the speaker's stall selling out is their win; tickets selling out before they got one is not
    ("en", "sold out of the pork pies by eleven at market which never happens and then our lass brought me a brew",
     set(), {"win"}),
    ("en", "the early bird tickets sold out while i was still making up my mind", set(), {"missed-chance"}),
    # a date kept for someone gone is a memory, whatever else the day held
    ("en", "its been a year today since dad passed and um i was just kind of numb all day went to work came home ate "
           "toast", {"numb"}, {"memory"}),
    # the speaker's own silence, or someone gone who cannot answer, leaves no one unanswered
    ("en", "my nan left a voicemail saying ring me back love and i never did", set(), set()),
    ("ko", "날씨가 우울하네 하루 종일 흐리고 비 오고 빨래도 못 말렸어", set(), set()),
    ("ko", "시내 현장에서 칼 든 사람이 있었어 경찰은 한참 늦게 오고 진짜 무서웠어 아직도 손이 떨려", {"두려움"}, set()),
    # a win someone else did for the speaker is a kindness, not their win
    ("en", "finally someone asked how i was actually doing", set(), {"connection"}),
    # told in someone's words about another person: theirs, even after "my son said"
    ("en", "my son said his friend never wrote back to him", set(), set()),
    # a joke met by silence is talked over, a post met by silence is unanswered
    ("en", "made a joke at lunch and it fell completely flat tumbleweed", set(), {"ignored"}),
    ("en", "posted in the residents group about the lift and it's just tumbleweed", set(), {"unanswered"}),
    ("en", "book club tonight and i didn't feel like the odd one out i actually belonged", {"included"}, {"connection"}),
    # a feeling someone said they have (~다고 한참 얘기하다, ~겠다고 하길래) is theirs
    ("ko", "누나 가 자기 가 요즘 너무 외롭다고 한참 얘기하다 끊었어", set(), set()),
    ("ko", "옆집 할멈이 요새 외로워서 못 살겠다고 하길래 시장 가자 했어", set(), set()),
    # 경상도 "~다 아이가" is a tag question, not a child as subject
    ("ko", "서류 마감 을 하루 넘겨 가 못 냈다 아이가 억수로 아깝 다", {"아쉬움"}, {"missed-chance"}),
    # 별거 아닌데 ("no big deal") does not deny what was done
    ("ko", "미루던 냉장고 정리 드디어 끝냈다 별거 아닌데", set(), {"win"}),
    ("ko", "자식들 와서 지들 얘기만 하다 갔어 나는 어떻게 지내는지 한 마디도 없더라", set(), {"unasked"}),
    # 처음으로 / "for the first time" is a first done, unless the answer tells being close
    ("ko", "처음 으로 이해 받는 느낌 이었 어요", {"이해받음"}, {"connection"}),
    ("ko", "오늘 처음 으로 혼자 운전해서 출근했어요", set(), {"win"}),
    ("en", "had a long chat with my brother first time in ages we were laughing for an hour", set(), {"connection"}),
    # a theme that befell the person named before it is theirs; one they did to the speaker is not
    ("en", "my cousin didn't get invited to the wedding and she's furious", set(), set()),
    ("en", "my colleague missed out on the promotion she wanted", set(), set()),
    ("en", "my manager chose someone else to present our project", set(), {"missed-chance"}),
    ("ko", "딸 이 생일 파티 에 초대 를 못 받았 대요", set(), set()),
    ("ko", "엄마 가 이모 랑 사이 가 멀어졌다 고 하시더라", set(), set()),
    ("ko", "친구 가 약속 한 시간 전에 못 나온다고 연락 왔어", set(), {"cancelled"}),
    ("ko", "형제들이 자기들끼리 결정했대 나한테는 통보만 하더라", set(), {"left-out"}),
    # praise of a small grief is irony, whatever the mishap
    ("ko", "카톡 보냈 더니 읽고 세 시간 째 답 이 없 다 역시 나 는 사랑 받는 사람 이 야", set(), {"unanswered"}),
    ("ko", "친구들끼리 여행 간 거 인스타 보고 알았어 소속감 아주 넘쳐흐르네", set(), {"left-out"}),
    # names and literal uses
    ("en", "pressed the cancel button on the washing machine by mistake", set(), set()),
    ("en", "my phones memory card is full again", set(), set()),
    ("ko", "설렘 이라는 동네 카페 에서 커피 마시 고 왔 어", set(), set()),
    ("ko", "눈물 나게 매운 라면 먹었 어", set(), set()),
    ("ko", "부럽 다는 생각 은 안 들 더라 고요", set(), set()),
    # 울컥 at a memory is grief; at a kindness, being moved (feelings.json "at_theme")
    ("ko", "할머니 생각 이 나서 울컥 했어", {"슬픔"}, {"memory"}),
    ("ko", "동기 가 내 생일 이라고 케이크 를 만들어 줘서 울컥 했어", {"감동"}, {"connection"}),
    # a pronoun that ends a clause does not make the next feeling theirs; one after "made" does
    ("en", "didnt know what to tell her felt pretty helpless", {"helpless"}, set()),
    ("en", "the news made them so sad", set(), set()),
])
def test_whose_it_is_and_what_was_done(language, text, expected_feelings, expected_themes):
    assert feelings(text, language) == expected_feelings
    assert themes(text, language) == expected_themes


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # a past with a turn to now after it is over; a feeling "gone now" too
    ("en", "this time last year i was properly depressed but thats behind me", set(), set(), set()),
    ("en", "back when we fell out i was heartbroken for weeks but we had coffee today", set(), set(), set()),
    ("en", "missed the deadline back in march but they opened a second intake and i got a place today",
     set(), {"missed-chance"}, set()),
    ("en", "the panic from this morning is long gone feeling pretty calm", {"calm"}, set(), set()),
    ("en", "i was so sad all day but tonight my friend rang", {"sad"}, set(), set()),  # today's, not over
    ("en", "got offered a job then i was too shy to ring them and now it is gone", set(), set(), {"missed-chance"}),
    # speech drops the "i": "… in front of everyone felt appreciated" is the speaker's
    ("en", "my supervisor said well done in front of everyone felt really appreciated", {"appreciated"}, set(), {"win"}),
    ("en", "the nurse said nice one honestly felt so proud", {"proud"}, set(), set()),
    ("en", "she said she felt so proud", set(), set(), set()),
    ("en", "the baby was up four times last night im wrecked", {"exhausted"}, set(), set()),
    # a joke met by crickets is talked over; a message met by crickets is unanswered
    ("en", "i made a joke in the staff meeting and it totally bombed like crickets", set(), {"unanswered"}, {"ignored"}),
    ("en", "put a question in the family group chat about christmas and its just crickets", set(), set(), {"unanswered"}),
    ("en", "bitter cold on site today my fingers were numb", set(), set(), set()),
    # Korean: taken back later (~는데 이제는 아무렇지 않아, ~했는데 알고 보니, 괜히 혼자 오해)
    ("ko", "예전엔 단톡에서 나만 빼고 놀러 가서 많이 서운했는데 이제는 아무렇지 않아요", set(), {"left-out"}, set()),
    ("ko", "모임에 나만 안 불렀나 했는데 알고 보니 문자가 스팸함에 가 있었어", set(), {"left-out"}, set()),
    ("ko", "친구 들 이 나만 빼고 놀러 가서 서운했어", {"서운함"}, set(), {"left-out"}),
    # a worry about what may come (~면 어쩌나, ~되나 싶어) is not what happened
    ("ko", "만약에 형님이 또 저만 빼고 자기들끼리 얘기하면 어쩌나 걱정돼요", {"걱정"}, {"left-out"}, set()),
    ("ko", "혹시 근무 바뀌면 또 여행 취소해야 되나 싶어서 초조해요", {"초조함"}, {"cancelled"}, set()),
    # ~더라 straight after the feeling is the speaker's; ~어 하더라 is someone shown feeling it
    ("ko", "남편도 애들도 오늘 어땠냐고 한마디를 안 물어보고 괜히 서럽더라고요", {"서러움"}, set(), {"unasked"}),
    ("ko", "친구는 부러워 하더라", set(), set(), set()),
    ("ko", "간이 콩알만 해져서 잠이 안 와", {"두려움"}, set(), set()),
    ("ko", "마누라가 내 생일을 까 묵었다 아이가 아주 감동이다 감동", set(), set(), set()),  # irony
    # someone else's plan, a supposition that goes on after "and", a past season that is over
    ("en", "my sons football got rained off and he was devastated", set(), {"cancelled"}, set()),
    ("en", "if i mention the diagnosis at book club and nobody asks me a single thing i will just leave",
     set(), {"unasked"}, set()),
    ("en", "last spring i felt so alone after the move but now ive got the running club", set(), set(), set()),
    ("en", "asked my friend if she wanted to get lunch and she read it and never answered", set(), set(), {"unanswered"}),
    # the speaker's own pride is a small win; pride in someone else is not
    ("en", "teacher read my essay out to the whole class i went bright red but secretly dead proud",
     {"embarrassed", "proud"}, set(), {"win"}),
    ("en", "im so proud of my brother for finishing his degree", {"proud"}, {"win"}, set()),
    ("en", "me and kelly used to go out every friday now she barely replies", set(), set(), {"drifting"}),
    ("en", "oh yeah lovely evening nobody texted back not one single person im just so loved clearly",
     set(), set(), {"unanswered"}),
    # Korean irony said twice, suppositions and futures, reported in dialect, literal misses
    ("ko", "오늘 물량이 평소 두 배였거든 아 진짜 신난다 신나 허리 나가겠다", set(), set(), set()),
    ("ko", "카톡 보낸 지 열 시간 째 답 은 없 네 참 즐겁 다 즐거워", set(), set(), {"unanswered"}),
    ("ko", "다음 주 동창회 혹시 취소 되면 좀 서운할 것 같긴 한데", set(), {"cancelled"}, set()),
    ("ko", "친구 놈이 여자친구한테 카톡 보냈는데 하루 종일 답이 없다꼬 억수로 속상해하드라", set(), {"unanswered"}, set()),
    ("ko", "아들 내외가 이번 주말에 못 온다 하는데 섭섭하고 그런 거는 없어요", set(), set(), set()),
    ("ko", "버스 에서 졸다가 두 정거장 을 놓쳤 어요", set(), {"missed-chance"}, set()),
    ("ko", "좋은 기회를 놓쳤어", set(), set(), {"missed-chance"}),
    ("ko", "남편은 걱정 말라는데 잠이 안 와", set(), set(), set()),
    ("ko", "세일 하는 거 딱 내 앞 에서 품절 됐어 아까워 죽겠 네", {"아쉬움"}, set(), {"missed-chance"}),
    # reported across its clauses, with a name; the speaker's own part after it
    ("ko", "수진이가 남친한테 카 톡 보냈는데 하루 종일 읽고 답이 없대", set(), {"unanswered"}, set()),
    ("ko", "딸내미가 반 친구 생일 파티에 초대 못 받았다고 울면서 왔어요", set(), {"left-out"}, set()),
    ("ko", "우리 언니 말로는 형부가 요새 친구들이랑 멀어져 부렀다고 쓸쓸해 한당께", set(), set(), set()),
    ("ko", "부모님 이 언니 네 식구 만 데리고 바닷가 에 다녀 오시고 나중에 말씀 하셨어", set(), set(), {"left-out"}),
    ("ko", "원래 내가 하기로 한 발표를 막판에 팀장님이 딴 사람 시켰어", set(), set(), {"missed-chance"}),
    ("ko", "아 오늘 찌게 끓이는데 마늘 넣는 걸 빼먹었어 맛이 영 심심하더라", set(), set(), set()),
    ("ko", "예전엔 속상했어도 지금은 괜찮아", set(), set(), set()),
    # English: a supposition in "might", "gonna be", Scots negation, someone else's plan
    ("en", "bit worried the boss might hand the site supervisor gig to someone else in march", {"worried"},
     {"missed-chance"}, set()),
    ("en", "i might as well have been talking to a wall", {"ignored"}, set(), {"ignored"}),
    ("en", "if she says no im gonna be so embarrassed but tonight im just nervous", {"nervous"}, set(), set()),
    ("en", "naw they didnae ask me tae the pub but i wasnae hurt or annoyed or nothin", set(), set(), set()),
    ("en", "my flatmates friends cancelled her birthday drinks and she was gutted", set(), {"cancelled"}, set()),
    ("en", "my wifes friend was not invited to the naming ceremony and she was very upset", set(), {"left-out"}, set()),
    ("en", "she says he is drifting away and she feels abandoned", set(), {"drifting"}, set()),
    ("en", "he keeps saying hes too busy to hang out", set(), set(), {"drifting"}),
    ("en", "nobody at the clinic asked how im holding up they just sent me home", set(), {"connection"}, {"unasked"}),
    ("en", "and no it wasnt that nobody asked how i was because three people did actually", set(), {"unasked"}, set()),
    ("en", "i was so sure my manager was giving me the cold shoulder all week and then today she says shes just been "
           "buried in audits", set(), {"cold-shoulder"}, set()),
    ("en", "my wife reckons im sad about our lad not ringing but im not sad exactly im more worried", {"worried"},
     set(), set()),
    ("en", "bought a cold shoulder top for saturday", set(), {"cold-shoulder"}, set()),
    ("ko", "작년 이맘때는 퇴근하고 빈 집에 들어오면 진짜 외로웠거든 근데 요즘은 고양이도 있고", set(), set(), set()),
    ("ko", "신입 때 는 회의 에서 말 꺼내면 다들 무시 해서 맨날 속상 했는데 오늘 은 내 안 이 그대로 채택 됐 어",
     set(), {"ignored"}, set()),
    ("ko", "혹시 다음 달 여행 단톡 나 빼고 새로 판 거 아닐까 괜히 그런 생각이 들더라", set(), {"left-out"}, set()),
    ("ko", "요새 민호 가 연락 도 잘 안 해서 나 한테서 멀어지는 건가 싶었는데 오늘 만나 보니 시험 준비 하느라 정신 없었대",
     set(), {"drifting"}, set()),
    ("ko", "동생이 반 애들이 지들끼리만 놀이공원 가기로 했다고 엄청 서운해하더라", set(), {"left-out"}, set()),
    ("ko", "작년 에 같이 일 하던 친구 가 요즘 은 전화 해도 바쁘 다 고만 하고 먼저 연락 은 절대 안 해",
     set(), set(), {"drifting"}),
    # tears right after a pleasant feeling are its tears; "the grief" is a thing named, not said of her
    ("en", "the young mothers group prayed for me tonight i felt so loved i cried a little on the way home",
     {"loved"}, set(), set()),
    ("en", "my mother is gone three years and the grief came back", {"grief"}, set(), set()),
    ("en", "someone returned a book on grief counselling with a pressed flower in it", set(), set(), set()),
    # someone else's win a few words after "she"; a belief with its reason, taken back
    ("en", "my granddaughter was so nervous but she passed on the first try and i was so proud of her",
     {"proud"}, {"win"}, set()),
    ("en", "thought jess was blanking me all morning cos she wouldnt even look up but turns out shed had her airpods in",
     set(), {"cold-shoulder"}, set()),
    ("en", "did anyone leave me out today no not at all the girls saved me a seat", set(), {"left-out"}, set()),
    ("en", "not one person asked how i was holding up but hey who needs that im fine totally relaxed about it",
     set(), set(), {"unasked"}),
    ("ko", "동네 아주머니 들 이 엄마 만 빼고 꽃구경 을 갔 대", set(), {"left-out"}, set()),
    ("ko", "지수가 다음 달에 부산으로 이사 간대 그럼 우리도 점점 멀어지겠지", set(), {"drifting"}, set()),
    ("ko", "친구가 갑자기 약속을 못 지키겠다고 했어요 실망했어요", {"실망"}, set(), {"cancelled"}),
    ("ko", "옆 병상 할머니가 오늘 자식들이 온다고 했다가 못 온다고 취소했대요", set(), {"cancelled"}, set()),
    ("ko", "우리 반 서연이가 친구들 놀이에 못 끼고 혼자 블록 쌓고 있더라고요", set(), {"left-out"}, set()),
    ("ko", "혹시 떨어지면 엄청 실망하겠죠", set(), set(), set()),
])
def test_taken_back_later_and_whose_feeling_it_is(language, text, expected_feelings, not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # Korean honorifics and ~어하다 tell someone else's feeling, whoever is named
    ("ko", "손님이 엄청 화가 나셔서 한참 소리를 지르셨는데 저는 그냥 차분 했어요", {"차분함"}, set(), set()),
    ("ko", "팀장님 이 보고서 보 시고 많이 실망 하 신 듯 나는 그냥 멍 해", {"멍함"}, set(), set()),
    ("ko", "우리 집사람이 동창 모임이 다 틀어졌다구 속상해허더라구", set(), set(), set()),
    ("ko", "남편이 들어오자마자 너무 지친다고 소파에 누워 버렸어 나도 피곤했는데", {"피곤함"}, set(), set()),
    ("ko", "옆 팀 대리 가 부장 한테 깨져서 풀 이 죽어 있 더라고요", set(), set(), set()),
    ("ko", "밤에 같이 라면 먹으 면서 얘기 하니까 나 도 언니 도 든든 했 어", {"든든함"}, set(), set()),
    ("ko", "아들이 사진 보여 주는디 어찌나 뿌듯허던지", {"뿌듯함"}, set(), set()),
    # a guess at what will be (~ㄹ 듯), a worry (~면 어쩌지), a past that is over (~때는 … 이제는)
    ("ko", "걔가 내일 또 약속 펑크 내면 진짜 빡칠 듯", set(), set(), set()),
    ("ko", "다음 달 면접 또 떨어지면 어쩌지 벌써 잠이 안 와", set(), {"missed-chance"}, set()),
    ("ko", "인턴 때 는 아무도 말 을 안 걸어 줘서 소외감 이 심했 는데 이제 는 내 가 후배 들 챙겨", set(), {"left-out"}, set()),
    ("ko", "기분이 날아갈 것 같아 드디어 합격했어", {"기쁨"}, set(), {"win"}),
    # denied: nothing to be hurt about, not a bit of being ignored
    ("ko", "먼저 인사까지 해 주시더라고요 서운할 것도 없었던 거죠", set(), set(), set()),
    ("ko", "오늘은 회의에서 무시당한 느낌 하나도 없었어", set(), {"ignored"}, set()),
    # tears with another feeling named are that feeling's tears
    ("ko", "돌아가신 아버지 생각 나서 차 에서 좀 울었어 너무 그립 다", {"그리움"}, set(), set()),
    ("en", "found dads old watch in a drawer and cried a bit miss him so much wistful really", {"wistful"}, set(), set()),
    ("ko", "할머니 생각 나서 좀 울었어", {"슬픔"}, set(), set()),
    # irony: praise of a bad day in Korean and English
    ("ko", "노트북 이 먹통 이 돼서 발표 망쳤 어 아 정말 자신감 이 샘솟 는 하루 네", set(), set(), set()),
    ("ko", "야간 근무에 진상 손님만 다섯 명 아주 그냥 행복했다 하 개피곤해", {"피곤함"}, set(), set()),
    ("en", "she said shed come to my party and bailed an hour before so thats lovely just thrilled", set(), {"win"}, set()),
    # English: someone else shown feeling it ("feels", "doesnt seem"), their plan, their day asked after
    ("en", "apparently the new lad in dispatch feels invisible on nights", set(), set(), set()),
    ("en", "my wife doesnt seem worried about the scan but i was a nervous wreck", {"nervous"}, set(), set()),
    ("en", "according to my son the grandkids were gutted when their trip to the zoo got called off", set(),
     {"cancelled"}, set()),
    ("en", "the carers ask mum how shes doing every day", set(), {"unasked"}, set()),
    ("en", "the nurses ask dad how hes doing all day but nobody ever asks me", set(), set(), {"unasked"}),
    ("en", "my neighbour was telling me her son never answers her texts anymore", set(), {"drifting", "unanswered"},
     set()),
    # a word done to a thing, not felt; pride in someone else's doing; a past that is over
    ("en", "left out the garlic in the sauce and nobody noticed", set(), {"left-out"}, set()),
    ("en", "drained the pasta and burnt my hand", set(), set(), set()),
    ("en", "i felt drained the whole day", {"drained"}, set(), set()),
    ("en", "i was proud as punch when my granddaughter read her poem out", {"proud"}, {"win"}, set()),
    ("en", "the winter after my husband passed i felt so empty but these days im doing alright", set(), set(), set()),
    ("en", "years back me and my cousin drifted apart but weve been close for ages now", set(), {"drifting"}, set()),
    ("en", "paper got knocked back again wasnt even upset just sort of resigned at this point", {"resigned"}, set(), set()),
    ("en", "my best mate moving away sits heavy with me tonight", {"heavy"}, set(), set()),
])
def test_whose_feeling_and_what_is_said_of_things(language, text, expected_feelings, not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # Korean reported and guessed feelings of someone named (dialect too), hearsay said with 다더라
    ("ko", "우리 마누라 가 계모임 에서 자기 만 빼고 갔다 카더라 억수로 서운 했다 카데", set(), set(), set()),
    ("ko", "동생이 나한테 누나는 요즘 예민하다고 서운하다더라 근데 오늘은 같이 먹고 풀렸어", set(), set(), set()),
    ("ko", "거래처 김 사장 은 화 가 머리 끝 까지 났 드라 나는 고개 만 숙이고 있었어", set(), set(), set()),
    ("ko", "동기 가 자기 만 다른 병원 으로 배정 됐 다고 소외감 느낀 다 길래 같이 떡볶이 먹었 어", set(), set(), set()),
    ("ko", "막내 디자이너 가 요즘 연락 이 뜸하다고 하던데 표정 보니 많이 힘든 가 봐", set(), set(), set()),
    ("ko", "요즘 내가 좀 지쳤나 봐", {"지침"}, set(), set()),
    ("ko", "박 선생 이 이번 모임 에 연락 을 못 받았 다고 섭섭 하셨 대요", set(), {"left-out"}, set()),
    ("ko", "친구 놈 들 이 저거 끼리 낚시 갔다 카데 내 한테는 말 도 안 하고 쫌 서운 터라", {"서운함"}, set(), {"left-out"}),
    # denied, taken back, a thing that is not a feeling
    ("ko", "엄마 가 많이 실망 하신 것 같았 어 근데 나 는 실망 보다 는 그냥 미안 했 어", {"미안함"}, set(), set()),
    ("ko", "알고 보니 초대장 이 옛날 주소 로 갔더 군요 서운 해 할 일 은 아니었 지요", set(), set(), set()),
    ("ko", "선배가 놀렸는데 창피해서 그런 거 아니고 감기 때문에 열 나서 그런 거임", set(), set(), set()),
    ("ko", "친구 한테 문자 했는데 답 이 없어 가 뭐 잘못 했나 싶었 제 알고 보니 신호 가 안 터졌다 카더라",
     set(), {"unanswered"}, set()),
    ("ko", "트럭이 오르막에서 엔진이 열 받아 가 한 시간 식혔다", set(), set(), set()),
    ("ko", "다음 주 예약 손님 이 또 당일 에 노쇼 할 듯 해서", set(), {"cancelled"}, set()),
    ("ko", "이번에도 떨어지면 또 기회 날리는 거라 벌써부터 긴장 돼 요", {"긴장"}, {"missed-chance"}, set()),
    ("ko", "그때 그 회사에 지원했으면 어땠을까 계속 생각해요", set(), set(), {"missed-chance"}),
    # irony in dialect and in English
    ("ko", "회의 에서 내 의견 은 다들 못 들은 척 하고 넘어 가데 아이고 억수로 재밌 데이", set(), set(), set()),
    ("en", "oh ja so glad i spent my whole day off doing their laundry really great now im just drained",
     {"drained"}, set(), set()),
    # English: someone's word for the speaker, an inversion, "her that was", what may come
    ("en", "me wife reckons im gutted about the match but honest i wasnt even bothered it was her that was fuming",
     set(), set(), set()),
    ("en", "dropped a fella at the station dead grateful he was cause i got him there in time", set(), set(), set()),
    ("en", "like if he doesnt text back by tomorrow im gonna freak out", set(), {"unanswered"}, set()),
    ("en", "knowing my luck theyll cancel the flights again", set(), {"cancelled"}, set()),
    ("en", "my friend was crushed cause the guy she likes left her on read for two days", set(), {"unanswered"}, set()),
    ("en", "my wife says everyone asks about the baby and nobody asks about her", set(), {"unasked"}, set()),
    ("en", "normally id be pretty bummed but i was so tired i was kind of relieved", {"tired", "relieved"}, set(),
     set()),
    ("en", "freshman year i felt so invisible at lunch but that was two years ago its whatever now", set(), set(),
     set()),
    ("en", "the group chat has been mad all week and i was in it from day one", set(), set(), set()),
    ("en", "asked if i was alright first time anyones asked in ages and i was dead touched", {"touched"}, set(),
     set()),
    ("en", "reckoned theyd knock back my leave request but the boss signed it no worries felt pretty lucky",
     {"lucky"}, set(), set()),
    # round 3: dialect and plain speech
    ("ko", "과 회식 을 나 만 빼고 잡았 더라고 아이고 소외감 이 들 드래요", {"소외감"}, set(), {"left-out"}),
    ("ko", "옆자리 주무관이 이번 승진에서 밀렸다고 엄청 속상해하드래요", set(), {"missed-chance"}, set()),
    ("ko", "아메리카노를 여섯 잔이나 마셨더니 속이 너무 쓰려요", set(), set(), set()),
    ("ko", "공연 티켓 오픈 을 깜빡 했어요 다 매진 이래요 속 쓰려요", {"속상함"}, set(), set()),
    ("ko", "파스 냄새 맡으니 엄마 생각 나서 좀 울었어요 너무 그립고 슬펐어요", {"그리움", "슬픔"}, set(), set()),
    ("ko", "어르신 손 잡아 드리니 하루 피곤 한 게 싹 가셨 어요", set(), set(), set()),
    ("ko", "수행평가 나 혼자 다 하게 생김 아 개 행복하다 진짜 최고의 하루임 킹 받네", {"짜증"}, set(), set()),
    ("ko", "아들놈이 전화를 안 받어서 뭔 일 났나 혔는디 알고 봉께 출장 가서 바뻤댜", set(), {"unanswered"}, set()),
    ("ko", "신입 하나가 아무도 대꾸를 안 해서 많이 민망했던 것 같더라", set(), set(), set()),
    ("ko", "무시 당했 다고 생각 하진 않았어요 원래 말수 가 적으신 분 이라", set(), {"ignored"}, set()),
    ("ko", "버스를 놓쳐부렀는디 걱정헐 거 하나도 없었슈", set(), set(), set()),
    ("ko", "오늘도 야근이라 영화 약속 날아갔어 와 정말 감사 하네 회사가 나를 이렇게 사랑 해 주다니", set(), set(), set()),
    ("ko", "혼자 있었는데 서운한 건 아니고 오히려 좀 편하더라 라면 끓여 먹고", {"편안함"}, set(), set()),
    ("en", "me mate sharon got left on read by her fella for three days", set(), {"unanswered"}, set()),
    ("en", "paid the gas bill in full this month proud of meself really", {"proud"}, set(), set()),
    ("en", "if our gary doesnt ring me back ill be right hurt but im not fretting yet", set(), set(), set()),
    ("en", "got a bit of a shock off a socket today just a tingle", set(), set(), set()),
    ("en", "if the rain holds off and they still go and cancel the match ill be raging", set(), {"cancelled"}, set()),
    ("en", "when my husband passed i was just numb for a year but tonight i laughed at choir", set(), set(), set()),
    ("en", "himself forgot our anniversary again wasnt that romantic i felt so loved", set(), set(), set()),
    ("en", "we used to talk every day and now its a text at easter im more wistful than sad", {"wistful"}, set(),
     set()),
    ("en", "my mum apparently got left on read by her group chat for two whole days", set(), {"unanswered"}, set()),
    # round 4
    ("en", "agnieszka from nights was very upset her sister cancelled the wedding trip", set(), {"cancelled"}, set()),
    ("en", "me brother got left off the invite to our cousins wedding and hes ropeable", set(), {"left-out"}, set()),
    ("en", "the rest of the team set up a committee and i was never added i feel so unwanted", {"unwanted"}, set(),
     set()),
    ("en", "after harold passed i was so lonely but the church ladies came by this evening", set(), set(), set()),
    ("en", "first year home with the kids i was so lonely these days not so much", set(), set(), set()),
    ("en", "the lad next to us was fuming about his pay but me i just feel resigned to it", {"resigned"}, set(),
     set()),
    ("en", "my little brother back home felt left out cause the cousins went without him", set(), {"left-out"},
     set()),
    ("en", "if my group chat makes thanksgiving plans without me again i dont know what ill do", set(), {"left-out"},
     set()),
    ("en", "poured a slab in the heat all day and im absolutely buggered mate", {"exhausted"}, set(), set()),
    ("ko", "내 친구 민지가 단톡에서 지 빼고 다들 여행 간 거 알고 완전 속상해하더라", set(), {"left-out"}, set()),
    ("ko", "옆집 박씨가 계모임에 자기만 안 불렀다고 서운하다고 난리드만", set(), {"left-out"}, set()),
    ("ko", "동생 놈이 집들이 한다꼬 형제들 다 불렀는데 내만 빼놨드라", set(), set(), {"left-out"}),
    ("ko", "예전엔 혼자 배 타고 나가면 외롭고 무서웠는디 인자 사십 년 되니께 바다가 내 집 같어", set(), set(), set()),
    ("ko", "창업 초기엔 밤마다 두렵고 막막했는데 요즘은 아무도 안 물어보네요 쓸쓸 합니다", {"쓸쓸함"}, set(), set()),
    ("ko", "새 회원님이 눈을 안 마주쳐서 내가 뭐 실수했나 했는데 낯을 가려서 그렇다고 하시더라고요", set(),
     {"cold-shoulder"}, set()),
    ("ko", "큰 거래처가 계약 직전에 엎었 습니다 하하 아주 신난다 신나 월급 어떻게 주나 막막 합니다", {"막막함"}, set(),
     set()),
    ("ko", "회원님들께 어깨 긴장 풀고 편안하게 누우세요 했는데 한 분이 폰만 보시더라고요 좀 속상했 어요", {"속상함"},
     set(), set()),
    ("ko", "다들 서운하겠다고 하는데 제가 서운할 게 뭐 있어요", set(), set(), set()),
    ("ko", "단골 할머니가 오늘은 쳐다도 안 보시고 가셨어 뭐 서운한 일이 있으셨나 마음이 좀 불편 하 네", {"불편함"},
     set(), set()),
    # round 5
    ("en", "my point guard was crushed after the loss like devastated sitting in the locker room me i was pretty calm", {"calm"}, set(),
     set()),
    ("en", "my granddaughter was crying cause her friends leave her out of some party", set(), {"left-out"}, set()),
    ("en", "i don't think i'm angry anymore mostly just drained", {"drained"}, set(), set()),
    ("en", "if im honest i were more hurt than she were", {"hurt"}, set(), set()),
    ("en", "knowing my flatmates theyll go clubbing friday without telling me", set(), {"left-out"}, set()),
    ("en", "bet you anything the lads will do the darts night without me again", set(), {"left-out"}, set()),
    ("en", "not gonna lie i was jealous when she got the award", {"jealous"}, set(), set()),
    ("en", "was finally gonna see the girls for brunch but i had to bail last minute", set(), set(), {"cancelled"}),
    ("en", "if mum cancels christmas the kids will be crushed im already dreading ringing her", {"dread"},
     {"cancelled"}, set()),
    ("en", "my friend skylar was like i feel so invisible in the mom group", set(), set(), set()),
    ("en", "folks figure a widower must feel forgotten at christmas but not me", set(), set(), set()),
    ("en", "time was id have felt right invisible in that kitchen but these days i feel proper appreciated",
     {"appreciated"}, set(), set()),
    ("en", "she just wanted to talk to her papa felt wicked loved", {"loved"}, set(), set()),
    ("ko", "친구 한테 카톡 보냈는데 씹힌 줄 알았다 아이가 근데 알고 보니 폰 을 바다 에 빠 뜨렸다 카더라", set(),
     {"unanswered"}, set()),
    ("ko", "축구부 선발에서 친구는 붙었는데 걔는 막 신나 하더라 솔직히 좀 부러웠다", {"부러움"}, set(), set()),
    ("ko", "개발자분들이 새벽까지 버그 잡느라 완전 지친 모양이야 나는 먼저 퇴근해서 좀 미안했어", {"미안함"}, set(),
     set()),
    ("ko", "알바생이 손님한테 한 소리 듣고 창피했다고 주방에서 울드라고", set(), set(), set()),
    ("ko", "형님 은 나 가 못 내려 왔다고 서운 하다 허시드만", set(), set(), set()),
    ("ko", "지금 안 잡으믄 기회 놓칠까 봐 애가 타 죽겄어", {"초조함"}, {"missed-chance"}, set()),
    ("ko", "슬랙 에 질문 올렸는데 아무도 답 을 안 달았어 근데 한 시간 뒤 에 다 답 해 주셨고", set(), {"unanswered"},
     set()),
    ("ko", "점심 에 돼지국밥 을 너무 급하게 먹어 가 속 이 쓰려 죽겠다", set(), set(), set()),
    ("ko", "오프라서 영화 보기로 했는데 병동에서 전화 와가 불려 나갔다 와 진짜 행복하다 행복해", set(), set(), set()),
    # round 6 (rules only)
    ("ko", "옆 라인 김씨가 반장한테 한 소리 듣고 억수로 화가 났더라 나는 뭐 별일 없었다", set(), set(), set()),
    ("ko", "단골 할머니가 맨날 웃어 줘서 고맙다 하시는데 그게 뭐라고 행복했어요", {"행복"}, set(), set()),
    ("ko", "점심 을 급하게 먹었 더니 가슴 이 답답 하더라고요 소화제 먹고 나니까 괜찮아 졌 어요", set(), set(), set()),
    ("ko", "손님이 소리를 지르는데 옆 계산대 아무도 안 도와주더라고요 창피하고 서러웠어요", {"창피함", "서러움"}, set(),
     set()),
    ("ko", "엄마가 또 옆집 애랑 비교함 와 너무 감사하다 진짜 동기 부여 오지게 됨", set(), set(), set()),
    ("en", "the manager cuts the food budget again the same week so im just over the moon me", set(), set(), set()),
    ("en", "power company had me on hold for an hour yeah real relaxing way to start the day", set(), set(), set()),
    ("en", "theyve got a group chat going and never put me in it", set(), set(), {"left-out"}),
])
def test_reported_guessed_and_supposed(language, text, expected_feelings, not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # a theme's own cue said with a plain "not" undoes the nobody-words beside it
    ("ko", "오늘은 회의에서 아무도 내 말 자르지 않았어 끝까지 들어 주더라", set(), {"ignored"}, set()),
    ("ko", "제안서 올렸는데 아무도 무시 안 하고 다들 좋다고 해 줬어 뿌듯했어", {"뿌듯함"}, {"ignored"}, set()),
    ("ko", "발표 때 다들 내 얘기에 귀 기울여 줘서 고마웠어", {"감사"}, {"ignored"}, set()),
    # 덕분에 right after a small grief is irony; after a kindness it thanks
    ("ko", "회식이 또 취소됐어요 뭐 덕분에 아주 느긋한 저녁이네요", set(), set(), {"cancelled"}),
    ("ko", "약속이 취소돼서 집에 있었는데 동생이 전화해서 한참 웃었어 덕분에 즐거웠어", {"즐거움"}, set(), set()),
    # someone else's feeling: shown (~어 하더라), 자기, a verb seen in them, in their question
    ("ko", "누나가 시험 떨어지고 하루 종일 슬퍼하더라 나는 옆에서 밥만 챙겨 줬어", set(), set(), set()),
    ("ko", "후배가 팀장님이 자기 보고서를 안 봤다고 엄청 기분 나빠 하더라", set(), set(), set()),
    ("ko", "다들 자기 집 걱정만 하더라 나는 그냥 들었어", set(), set(), set()),
    ("ko", "동생들이 결과 보고 막 놀라더라 나는 좀 뿌듯했어", {"뿌듯함"}, set(), set()),
    ("ko", "선생님이 요즘 힘들지 하고 물어봐 주셔서 위로가 됐어", {"위로"}, set(), set()),
    ("ko", "승객 하나가 면접 떨어졌다 카면서 집에 가더라", set(), {"missed-chance"}, set()),
    # what may come, a ride missed, a thing with no way out, the body
    ("ko", "친구랑 같이 살다가 이사 가면 점점 멀어질 낀데 벌써 허전해", {"허전함"}, {"drifting"}, set()),
    ("ko", "출근하다가 버스를 놓쳤는데 바로 다음 버스가 와서 안 늦었어", set(), {"missed-chance"}, set()),
    ("ko", "엑셀 수식이 진짜 답이 없어 하루 종일 붙잡고 있었어", set(), {"unanswered"}, set()),
    ("ko", "운동하고 찬물 한 사발 들이키니까 속이 다 시원하더라", set(), set(), set()),
    # English feeling words in a Korean answer, as a gyopo says them
    ("ko", "미국 친구가 답장이 없어서 좀 새드했어요", {"슬픔"}, set(), {"unanswered"}),
    ("en", "if they move me to days ill end up lonely on that ward", set(), set(), set()),
    ("en", "spent the morning gutting the old bathroom for a client", set(), set(), set()),
    ("en", "not one of the crew asked how i was going after my back went", set(), set(), {"unasked"}),
    ("en", "she texted her hip was bad so thats off again just disappointed", {"disappointed"}, set(), {"cancelled"}),
    ("en", "my mate replies less and less these days it makes me feel insecure", {"insecure"}, set(), set()),
    ("en", "he hasnt been round in months i reckon were drifting apart", set(), set(), {"drifting"}),
    ("en", "he called to say something came up well aint that just dandy im real happy about it", set(), set(), set()),
    ("en", "me i got the shifts i wanted this month so i was relieved", {"relieved"}, set(), {"win"}),
    ("en", "sat on the form too long and the deadline went past proper gutted", {"disappointed"}, set(), {"missed-chance"}),
    # someone's view of me, a reply after all, a past that is over, whose feeling it is
    ("en", "my supervisor told me i was so calm in the crisis but i was panicking inside", {"panicked"}, set(), set()),
    ("en", "it said seen at nine then nothing all day but she replied at eleven saying it was fine", set(),
     {"unanswered"}, set()),
    ("en", "a year ago i was super lonely here but now the regulars know my name", set(), set(), set()),
    ("en", "my coworker was hella jealous about my promotion but i was just relieved", {"relieved"}, set(), set()),
    ("en", "shauna didnt invite me to her engagement drinks and i was hurt", {"hurt"}, set(), {"left-out"}),
    ("en", "a client was crying her eyes out in the chair so i made her a tea", set(), set(), set()),
    ("en", "my housemate so happy cooking tonight singing the whole time", set(), set(), set()),
    ("en", "froze at training tonight my legs went numb", set(), set(), set()),
    ("en", "i felt bad for him when his joke fell flat", {"bad"}, set(), set()),
    ("en", "got man of the match today first time ever", set(), set(), {"win"}),
    ("ko", "혹시 내일 친구가 약속 취소하면 어쩌나 싶어", set(), {"cancelled"}, set()),
    ("ko", "엄마가 아무 말도 안 했는데 그냥 피곤해서 그렇대", set(), set(), set()),
    ("ko", "삼 주째 야간인데 엄마 힘들지 소리 한마디를 안 해 서러워", {"서러움"}, set(), {"unasked"}),
    ("ko", "마을 나들이 명단에서 우리 내외만 쏙 빼놨더라 섭섭했어", {"섭섭함"}, set(), {"left-out"}),
    ("ko", "친구가 엠티 간다고 엄청 설레하더라 나는 독서실 갔어", set(), set(), set()),
    ("ko", "형님이 연락이 뜸해서 정 떨어졌나 했드만 수술하고 누워 있었다 하더라", set(), {"drifting"}, set()),
    ("ko", "발표 때 질문이 없었는데 무시당한 느낌은 전혀 아니었어", set(), {"ignored"}, set()),
    ("ko", "간호사가 바빠서 짜증 난 거겠지 뭐", set(), set(), set()),
    ("ko", "국밥 한 그릇 먹으니까 배가 든든하더라", set(), set(), set()),
    ("ko", "교수님이 그 발표 자리를 후배한테 주셔서 좀 씁쓸했어", {"씁쓸함"}, set(), {"missed-chance"}),
    # rounds 10 and 11: a negator inside another mention, a new "felt", a chance let go, a belief further back
    ("en", "chef talked right over me like i wasnt even there felt invisible", {"invisible"}, set(), {"ignored"}),
    ("en", "my mate texted me an hour before to say he couldnt make it", set(), {"connection"}, {"cancelled"}),
    ("en", "people think you get lonely on nights but honestly i dont", set(), set(), set()),
    ("en", "everyone cracked up at his joke felt so stupid", {"stupid"}, set(), set()),
    ("en", "the silage was late and the flu on top of it rough week", set(), set(), set()),
    ("en", "the lads went to the mart without me but i was asked and i said no i had the milking", set(),
     {"left-out"}, set()),
    ("en", "thought coach was giving me the silent treatment all week cause he wouldnt look at me turns out he had pink eye",
     set(), {"cold-shoulder"}, set()),
    ("en", "last season i was so insecure about my skating but today i made the top line", set(), set(), {"win"}),
    ("ko", "동생이 회식에 자기만 안 불렀다고 펑펑 울더라고요", set(), {"left-out"}, set()),
    ("ko", "환자분이 고맙다고 사탕을 주셨어요", set(), set(), set()),
    ("ko", "애가 하늘을 회색으로 칠하길래 우울한가 싶었더니 비 와서 그렇대", set(), set(), set()),
    ("ko", "토요일에 친구가 또 약속 취소하면 혼자 영화 볼 거야 아직 취소한 것도 아닌데", set(), {"cancelled"}, set()),
    ("ko", "한동안은 혼자 밥 먹는 게 외롭더니 인자는 안 그래", set(), set(), set()),
    ("ko", "엄마가 몸살이 나셔서 못 나갔어요 엄마 걱정도 되고요", {"걱정"}, set(), set()),
    ("ko", "필기 합격자 발표 났는데 또 떨어졌어요 허탈해요", {"허탈함"}, {"win"}, set()),
    ("ko", "친구한테 카톡 보냈는데 나는 답을 못 받았어 서운해", {"서운함"}, set(), {"unanswered"}),
    ("ko", "그거 만 넣었으면 이겼는데 자꾸 생각나고 후회돼요", {"후회"}, {"win"}, {"missed-chance"}),
    ("ko", "전 남편이 재혼한대요 아 네 너무 행복하시겠어요", set(), set(), set()),
])
def test_denied_beside_nobody_thanks_and_loanwords(language, text, expected_feelings, not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # rounds 12 and 13, English: who the subject is behind a place, a clause or a name
    ("en", "this woman i met at the bus stop was so upset about her son", set(), set(), set()),
    ("en", "winston was vexed proper vexed but me i was grand", set(), set(), set()),
    ("en", "my brother says im being paranoid about the new boss", set(), set(), set()),
    ("en", "me niece got dumped on her birthday so i took her for chips", set(), set(), set()),
    ("en", "my friend ola got rejected for the visa again and she was so low", set(), set(), set()),
    ("en", "a customer said he felt totally ignored by the helpline", set(), {"ignored"}, set()),
    ("en", "my cousin stay all bummed cause his contest got cancelled", set(), {"cancelled"}, set()),
    # a past that is over, a belief that turned out wrong, a theme undone, words that are not feelings
    ("en", "when i first came to leeds i was so homesick but now i am settled", {"content"}, set(), set()),
    ("en", "i thought the new manager was giving me the cold shoulder all day but turns out she had a migraine",
     set(), {"cold-shoulder"}, set()),
    ("en", "they went to the quiz without me because i had a shift but i wasnt left out they saved me a seat",
     set(), {"left-out"}, set()),
    ("en", "the planning meeting was cancelled then it was not cancelled it was moved to two", set(), {"cancelled"},
     set()),
    ("en", "had to buy a sad lamp for the winter", set(), set(), set()),
    # themes told without their usual words
    ("en", "nobody turned up to the book club tonight only me and the host", set(), set(), {"cancelled"}),
    ("en", "the council voted down my idea for the bench in about a minute", set(), set(), {"ignored"}),
    ("en", "cleared my driving theory exam this morning", set(), set(), {"win"}),
    ("en", "nobody at the dinner table asked if i was ok after the rough week i had", set(), set(), {"unasked"}),
    # Korean: a feeling put in someone's mouth after it, a report further on, a dialect past
    ("ko", "퇴근하고 나니까 외롭다 고 아빠 가 그러셨어", set(), set(), set()),
    ("ko", "편집자는 요즘 번아웃이라고 많이 지쳐 보이더라", set(), set(), set()),
    ("ko", "애 아빠가 그러는데 시어머니가 요새 속이 상해서 그런다는디", set(), set(), set()),
    ("ko", "예비 신부가 청첩장 때문에 화가 났어 나는 그냥 피곤했어", {"피곤함"}, set(), set()),
    ("ko", "반장 이 내 말 은 듣는 척도 안 하고 딴 사람 말만 받아 주더라 억수로 짜증 나대", {"짜증"}, set(), {"ignored"}),
    # denied, supposed, over, undone
    ("ko", "솔직히 아쉬운 거 하나 도 없 데이", set(), set(), set()),
    ("ko", "배신감 까지는 아니고 좀 서운했어", {"서운함"}, set(), set()),
    ("ko", "오늘은 무시당한 느낌 같은 거 전혀 없었어", set(), {"ignored"}, set()),
    ("ko", "걔 랑 멀어진 건 아니야 요즘 서로 바빠서 그래", set(), {"drifting"}, set()),
    ("ko", "이번 주말 여행 은 남편 이 출장 잡히면 취소될 수도 있대 아직 몰라", set(), {"cancelled"}, set()),
    # over by the evening: the call came (the learned layer reads 서운했는데 … 전화 왔어 as a hurt that has passed,
    # as the corpus does "예전엔 … 서운했는데 이젠 괜찮아요"; the word lists alone kept it)
    ("ko", "친구 가 한 시간 째 답 이 없길래 서운했는데 저녁 에 전화 왔어", set(), {"unanswered"}, set()),
    ("ko", "처음 일 시작했을 땐 소외감이 컸는데 이제는 다들 친해", set(), set(), set()),
    ("ko", "야근 하라고 아무 도 안 물어 봐서 다행 이야", {"안도"}, {"unasked"}, set()),
    ("ko", "바빠서 언니 문자 에 아직 답 을 못 했어 미안 해", {"미안함"}, {"unanswered"}, set()),
    # literal and ironic
    ("ko", "저녁에 소주 한 잔 했더니 속이 쓰려서 일찍 잤다", set(), set(), set()),
    ("ko", "아이스 커피가 너무 차가워서 이가 시렸어", set(), {"cold-shoulder"}, set()),
    ("ko", "팀장님 이 오늘 도 퇴근 직전 에 일 을 주셨 어 아 너무 행복 하 다 진짜", set(), set(), set()),
    # a plan made together is the speaker's to lose; a theme without its keyword
    ("ko", "친구들이랑 밥 먹기로 했는데 걔가 갑자기 못 온대요 허탈했어요", {"허탈함"}, set(), {"cancelled"}),
    ("ko", "동창회 얘기를 나만 늘 나중에 듣게 되더라 씁쓸해", {"씁쓸함"}, set(), {"left-out"}),
])
def test_subjects_behind_places_reports_after_and_denials_before(language, text, expected_feelings, not_themes,
                                                                 must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # rounds 14 and 15: an apostrophe unheard, a name after "our", a person next door
    ("en", "my dads been really low since the move and i just listen", set(), set(), set()),
    ("en", "my partners been a bag of nerves about the interview all week", set(), set(), set()),
    ("en", "our jade was proper left out when they picked the relay team", set(), set(), set()),
    ("en", "my mate ola got rejected for the flat again", set(), set(), set()),
    ("en", "the lads nan next door cried all afternoon", set(), set(), set()),
    ("en", "i was the one who felt left out tonight they all went to the pub", {"left out"}, set(), {"left-out"}),
    # over, supposed, believed wrongly, a thing left out, someone else's calls and questions
    ("en", "back when i first started here i felt invisible but tonight the boss asked me to lead", set(), set(), set()),
    ("en", "when we first opened i was scared every night about money thats over now", set(), set(), set()),
    ("en", "if it rains on the day thatd be a real bummer but the forecast is fine", set(), set(), set()),
    ("en", "the match got called off and honestly if anything relieved", {"relieved"}, set(), {"cancelled"}),
    ("en", "i thought the new chef was giving me the cold shoulder all shift wouldnt look at me turns out he had "
           "toothache", set(), {"cold-shoulder"}, set()),
    ("en", "my brother says his wife quit answering his calls", set(), {"unanswered"}, set()),
    ("en", "the new lad told me nobody asked how he was after the crash", set(), {"unasked"}, set()),
    ("en", "the client left out two pages of the contract", set(), {"left-out"}, set()),
    ("en", "great the car died again boy was i thrilled", set(), set(), set()),
    ("en", "kicked myself for not putting in for the promotion", {"regretful"}, set(), {"missed-chance"}),
    # Korean: words that only look like hearsay, a machine, a question, irony, a blocked nose
    ("ko", "회식 단톡방을 지들끼리 만들고 내는 안 넣었더라꼬 좀 서운했다 김 대리는 실수라꼬 미안해 하던데", {"서운함"}, set(),
     set()),
    ("ko", "아들이랑 낚시 가기로 했는데 취소하면 우짜노 싶어가 좀 불안하다 그래도 아직은 간다 카네", {"불안"}, set(), set()),
    ("ko", "오늘 프레스가 억수로 열 받아가 라인 세우고 냉각수 갈았다", set(), set(), set()),
    ("ko", "감기 때문에 코가 꽉 막혀서 하루 종일 답답했어", set(), set(), set()),
    ("ko", "간호사가 섭섭 하냐 묻길래 아니 하나도 안 섭섭해 했어", set(), set(), set()),
    ("ko", "아들이 전화를 안 받았는데 뭐 걱정은 안 함다", set(), set(), set()),
    ("ko", "친구가 시험 붙었다고 완전 신나서 방방 뛰던데 나는 그냥 축하해 줬어", set(), set(), set()),
    ("ko", "우리 집 고양이 이름이 기쁨이야 오늘 병원 다녀왔어", set(), set(), set()),
    ("ko", "발표 자료를 다시 써 오래요 이번이 세 번째예요 와 정말 즐겁다 즐거워", set(), set(), set()),
    ("ko", "회의에서 제 안이 채택은 안 됐는데 팀장님이 끝까지 다 들어 주셔서 존중받는 느낌이었어요", {"존중받음"}, {"ignored"},
     set()),
    ("ko", "남편은 그 친구가 나한테 서운한 게 있는 거 아니냐고 하던데 나는 잘 모르겠어", set(), set(), set()),
    # rounds 16 and 17
    ("en", "a buddy of mine on the night crew got passed over for the lead job", set(), {"missed-chance"}, set()),
    ("en", "not one soul at work asked how i was doing after the week i had", set(), set(), {"unasked"}),
    ("en", "my regular was talking about how lonely he been since the divorce", set(), set(), set()),
    ("en", "i was fixing to be disappointed but we won in the end", set(), set(), {"win"}),
    ("en", "the heifers were left out in the paddock all night", set(), set(), set()),
    ("en", "he used to call every sunday now i barely see him", set(), set(), {"drifting"}),
    ("ko", "오늘 손님들이 내 말을 다 들어 줬어 무시당한 거 하나 없이 장사 잘했다", set(), {"ignored"}, set()),
    ("ko", "보호자 분 이 면회 시간 때문에 엄청 화 가 나서 소리 지르셨어요", set(), set(), set()),
    ("ko", "다음 달에 친구가 이사 가는데 사이도 멀어질까 봐 벌써 허전해요", {"허전함"}, {"drifting"}, set()),
    ("ko", "실장님은 그게 서운할 일이냐 던데", set(), set(), set()),
    ("ko", "김치 가 영 씁쓸 하드라", set(), set(), set()),
    ("ko", "일 학년 애 하나 가 단톡 에 자기 만 안 불렀 다고 서운 해 하더라고", set(), {"left-out"}, set()),
])
def test_apostrophes_unheard_hearsay_lookalikes_and_machines(language, text, expected_feelings, not_themes,
                                                             must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("text, expected", [
    ("the meeting went on like i wasnt even there felt proper stupid", {"stupid"}),
    ("i worry about her on the late bus nobody gets it i feel so misunderstood", {"worried", "misunderstood"}),
])
def test_a_feeling_only_described_beside_one_named_gives_way_unless_it_is_named_too(text, expected):
    """"like i wasnt even there" describes what "stupid" names; "nobody gets it" is said again by its word
    (the word lists' reading; the learned layer may still doubt the worry)."""
    assert set(tag(text, "en", learned=False).feelings) == expected


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # round 18: the speaker's own feeling kept where a place, a question or an object stood near it
    ("en", "got my own kids name wrong at sports day so embarrassed", {"embarrassed"}, set(), set()),
    ("en", "heard at the shop that my old teacher passed in spring and nobody told me just shocked", {"shocked"},
     set(), set()),
    ("en", "nobody on the ward asked me if i was okay all night im drained", {"drained"}, set(), {"unasked"}),
    ("en", "the smell of the hay took me straight back to grandad on the old tractor felt heavy all day", {"heavy"},
     set(), set()),
    ("en", "theres a group chat for the trip and im not on it heard from the new teacher felt really left out",
     {"left out"}, set(), {"left-out"}),
    # someone else's, a verb done to someone, a question about the speaker answered no, a place's name
    ("en", "my cousin was gutted about the exam so i sat up half the night trying to calm her down", set(),
     set(), set()),
    ("en", "everyone keeps asking am i lonely in the new flat and honestly im not i love the quiet", set(),
     set(), set()),
    ("en", "we stopped for chips at the happy haddock on the pier", set(), set(), set()),
    ("en", "finally cancelled the broadband contract today and sorted the bins", set(), {"cancelled"}, set()),
    ("en", "my pal from the old team got the coaching job we both applied for and i didnt even get a call im "
           "jealous if im honest", {"jealous"}, {"win"}, set()),
    ("en", "not a word back from my sister since lunch not a peep im thrilled honestly thrilled", set(),
     set(), set()),
    ("en", "got removed from the darts team group chat and nobody said why", set(), set(), {"left-out"}),
    ("en", "the whole choir stood up and clapped when i finished the solo i felt proud and appreciated",
     {"proud", "appreciated"}, set(), set()),
    ("en", "i felt tired and wanted to go home", {"tired"}, set(), set()),
    ("en", "passed my theory test today after failing it twice so yeah im proud of myself", {"proud"}, set(),
     {"win"}),
    ("en", "yeah im thrilled i have to redo the whole rota", set(), set(), set()),
    ("en", "toddler was up again five times in the night so yeah super rested", set(), set(), set()),
    ("en", "im now the proud owner of a new toaster that actually works", set(), {"win"}, set()),
    ("en", "our darts team pulled off a proper upset tonight beat the league leaders", set(), set(), set()),
    ("en", "walked past my old school today and i thought id feel sad but nothing really", set(), {"memory"}, set()),
    ("en", "old ted across the road told me he cant bear the wireless since his wife passed every tune brings her "
           "back", set(), {"memory"}, set()),
    ("en", "closed the shop for the last time after thirty years and felt numb and kind of empty", {"numb", "empty"},
     set(), set()),
    ("en", "half the team never showed for the match so we had to forfeit and the whole evening was a washout "
           "kinda annoyed", {"annoyed"}, set(), set()),
    ("en", "we sat up late talking about my mum felt so close to him", {"close"}, set(), set()),
    # Korean: an elder's thanks quoted, a full stomach, a sibling's hurt wondered at, a plan called off as hearsay
    ("ko", "할머니 가 오늘 내 손 을 꼭 잡고 고맙 다 하시 는데 마음 이 찡 했어", {"감동"}, set(), set()),
    ("ko", "점심 에 국밥 한 그릇 먹었 더니 속 이 든든 하 네", set(), set(), set()),
    ("ko", "동생 이 면접 에서 떨어졌 다고 전화 왔 더라 얼마나 속상 했 을까", set(), set(), set()),
    ("ko", "남자 친구 가 기다리 던 경기 가 취소 돼서 많이 아쉬워 했 대요", set(), {"cancelled"}, set()),
    ("ko", "아들 이 어버이날 에 문자 한 통 보내고 끝 이더라 참 감동 이다 감동", set(), {"connection"}, set()),
    ("ko", "손님 이 배달 중 에 주문 을 취소 해 버렸 어 다음 콜 잡았 다", set(), {"cancelled"}, set()),
    ("ko", "웨딩 드레스 가 너무 조여 가지고 숨 이 안 쉬어 져서 답답 했 어", set(), set(), set()),
])
def test_places_questions_and_objects_near_a_feeling_and_wondering_at_one(language, text, expected_feelings,
                                                                          not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # a feeling said last, its subject unsaid, is the speaker's
    ("en", "the chemist sorted my prescription after the surgery lost it and she asked how i was doing since the op "
           "really grateful", {"grateful"}, set(), set()),
    ("en", "my neighbour dropped a pie round because she knows i work lates at the bar so grateful for her honestly",
     {"grateful"}, set(), set()),
    # a person after "they added another": their object, not who felt
    ("en", "asked could i join the pool team on thursdays and they said its full then they added another lad felt a "
           "bit rejected", {"rejected"}, set(), set()),
    # a family event missed
    ("en", "the train sat outside the station for an hour so i missed my daughters nativity i feel awful",
     {"bad"}, set(), {"missed-chance"}),
    # Korean: 대꾸 is no hearsay 대, 막 a filler before a feeling, tears from spice no sadness
    ("ko", "아들 은 캠프 간다고 설레 하던데 나 는 너무 피곤 해서 대꾸 도 제대로 못 했 어", {"피곤함"}, set(), set()),
    ("ko", "이웃 할머니 가 김치 한 통 주고 가셨 는데 마음 이 막 따뜻 했 어요", {"따뜻함"}, set(), set()),
    ("ko", "떡볶이 가 너무 매워요 눈물 이 막 났어요 우유 두 잔 마셨어요", set(), set(), set()),
    # a denial stops at its feeling when the speaker turns to another; a one-word reply, then the speaker's aside
    ("en", "the match got called off and honestly im not even disappointed kind of relieved if anything",
     {"relieved"}, set(), {"cancelled"}),
    ("en", "asked my brother if he was ok and he just said fine in that flat voice you know feeling a bit worried now",
     {"worried"}, set(), set()),
    # misses that led to a win
    ("en", "failed my driving test twice and finally passed it this morning", set(), {"missed-chance"}, {"win"}),
    ("ko", "원서 만 스무 번 떨어지 다가 처음 으로 합격 했 어", set(), {"missed-chance"}, {"win"}),
    ("ko", "청년 주택 당첨 발표 봤 는데 또 떨어졌 더라", set(), set(), {"missed-chance"}),
    # Korean: tight straps, not a stuck heart; two feelings in one breath at the end
    ("ko", "아기 띠 를 종일 했 더니 가슴 이 답답 하 더라 고 끈 을 너무 조여 놨 나 봐", set(), set(), set()),
    ("ko", "다들 모여서 놀러 간다 는데 같이 가자 는 사람 하나 없 더라 좀 서운하 고 외롭 더라",
     {"서운함", "외로움"}, set(), set()),
])
def test_a_feeling_said_last_a_denial_turned_and_misses_that_led_to_a_win(language, text, expected_feelings,
                                                                          not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # "instead of" denies the feeling after it; a saying of spice
    ("en", "walked past our old house today and it made me feel grateful instead of sad", {"grateful"}, set(), set()),
    ("en", "made a curry thats hot enough to hurt so thats dinner sorted for the week", set(), set(), set()),
    # a place won, a job got in more words, a birthday of the dead
    ("en", "came second in the allotment show for my onions", set(), set(), {"win"}),
    ("en", "got the weekend job at the garden centre delighted", {"delighted"}, set(), {"win"}),
    ("en", "it was dads birthday today hed have been eighty", set(), set(), {"memory"}),
    # a place in a team not got is no exclusion; a call only to ask is a slight
    ("en", "the coach left me out of the starting eleven for the final i was gutted", {"disappointed"}, {"left-out"},
     {"missed-chance"}),
    ("en", "my daughter rang after a month only to ask if she could borrow money lovely to feel so loved", set(),
     {"connection"}, set()),
    # Korean: "being treated" in the present copula is irony; someone else's dead; a score passed
    ("ko", "팀장 님 이 내 보고서 는 보지 도 않고 넘기 더라 아주 존중받 는 느낌 이야", set(), set(), set()),
    ("ko", "손님 이 이 국 이 돌아가신 자기 엄마 맛 이라 고 하 더라", set(), {"memory"}, set()),
    ("ko", "모의 고사 점수 나왔 는데 목표 점수 넘었 어", set(), set(), {"win"}),
])
def test_instead_of_a_place_won_a_place_not_got_and_being_treated_in_irony(language, text, expected_feelings,
                                                                           not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # a feeling denied, then said again: the last word on it stands; "but i am" takes a denial back
    ("en", "i wasnt nervous on the drive there but by the time they called my name i was really nervous",
     {"nervous"}, set(), set()),
    ("en", "everyone says i shouldnt feel guilty for missing the funeral i know i shouldnt feel guilty but i do", {"guilty"}, set(), set()),
    ("en", "im not sad but i am tired", {"tired"}, set(), set()),
    ("ko", "안 섭섭 하다 캤 는데 막상 연락 이 없으니 섭섭 하 더라", {"섭섭함"}, set(), set()),
    # a frame said inside the first feeling holds across "and"
    ("en", "the consultant talked over me the whole appointment i felt so small and stupid", {"small", "stupid"},
     set(), set()),
])
def test_a_denial_is_not_the_last_word_when_the_feeling_is_said_again(language, text, expected_feelings,
                                                                      not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # sayings and someone's view of the speaker
    ("en", "thought id lost my purse on the bus but it was in my coat pocket so panic over", set(), set(), set()),
    ("en", "they might close the library but nothing is decided so im not going to worry about it", set(), set(),
     set()),
    ("en", "my sister came round with soup and said you look tired sit down i felt so loved", {"loved"},
     set(), set()),
    # a clause done before "felt"; what the speaker was to them
    ("en", "joined the walking group for the first time today and the regulars were a good bunch felt accepted straight away",
     {"accepted"}, set(), set()),
    ("en", "the aunties at the temple kept feeding me like i was their own son felt so included", {"included"}, set(),
     set()),
    # praise in their words is the speaker's win; credit taken
    ("en", "first shift on the helpline and the supervisor said i did really well", set(), set(), {"win"}),
    ("en", "the head gardener said my hedge was the neatest shes seen in years", set(), set(), {"win"}),
    ("en", "the manager used my idea for the rota and told the owner it was his", set(), set(), {"ignored"}),
    # Korean: only the speaker not told
    ("ko", "회식 있었 는데 나 만 몰랐 어", set(), set(), {"left-out"}),
])
def test_sayings_a_clause_done_before_felt_and_praise_in_their_words(language, text, expected_feelings,
                                                                      not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # what one should feel is not felt; a child's praised work is the child's win
    ("en", "my cousin got the flat we both wanted and i know i should be happy for her but honestly im jealous",
     {"jealous"}, set(), set()),
    ("en", "the teacher said my daughters drawing was the best in the class and i was so proud", {"proud"}, {"win"},
     set()),
    # a place taken instead of me, left out by forgetting, seconds off
    ("en", "the coach put a new lad in the team instead of me and i was gutted", {"disappointed"}, set(),
     {"missed-chance"}),
    ("en", "great the whole office went to the pub and forgot to tell me thrilled", set(), {"win"}, {"left-out"}),
    ("en", "coach was made up cause i took three seconds off my best time", set(), set(), {"win"}),
    # Korean: leave cut, a caring question, a prize
    ("ko", "여름 휴가 짤렸 어요 진짜 허탈 하네", {"허탈함"}, set(), {"cancelled"}),
    ("ko", "이웃 할머니 가 반찬 주시 면서 밥은 잘 먹고 다니 냐고 물어 보시 더라", set(), set(), {"connection"}),
])
def test_what_one_should_feel_a_childs_praise_and_a_place_given_instead(language, text, expected_feelings,
                                                                        not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # a plan the speaker cancelled; a board game heard as "bored"; someone pitied or felt for
    ("en", "i cancelled on the pub quiz tonight cause i was shattered and had an early night instead", {"exhausted"},
     {"cancelled"}, set()),
    ("en", "played a bored game with the kids after tea and nobody fell out for once", set(), set(), set()),
    ("en", "the new lad told a joke in the briefing and nobody laughed and he went bright red poor lad", set(),
     {"ignored"}, set()),
    ("en", "my friend got left off the guest list for the wedding and i was so angry for her", {"angry"},
     {"left-out"}, set()),
    # praise given in front of everyone as a put-down, with a marker
    ("en", "boss goes well done for finally making it on time in front of everyone wow thanks so appreciated",
     set(), {"win"}, set()),
])
def test_a_plan_the_speaker_cancelled_and_a_grief_felt_for_someone(language, text, expected_feelings,
                                                                   not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("text, expected_feelings, not_themes, must_themes", [
    # a given name as the subject: their story (prompts/en/names.json)
    ("im not jealous that tunde got the promotion im genuinely glad for him", {"glad"}, {"win"}, set()),
    ("siobhan texted the landlord about the boiler two days ago two blue ticks and nothing shes fuming", set(),
     {"unanswered"}, set()),
    # a name the speaker shares the win with, or one who is only the object, is no other subject
    ("me and our janet finally got the caravan booked after years of putting it off", set(), set(), {"win"}),
    ("they asked young kyle to lead the choir this year ive done it for twelve years and nobody said a word", set(),
     set(), {"missed-chance"}),
    ("i raised it in the meeting and nobody answered then ten minutes later kevin said the exact same thing and "
     "everyone nodded im so frustrated", {"frustrated"}, set(), {"ignored"}),
])
def test_a_given_name_as_the_subject_is_someone_else(text, expected_feelings, not_themes, must_themes):
    _tags_exactly("en", text, expected_feelings, not_themes, must_themes)


def test_names_file_errors_name_the_file(tmp_path, monkeypatch):
    from assistant.language.names import NamesFileError, read_names

    path = tmp_path / "names.json"
    path.write_text(json.dumps({"names": ["priya", "Dave"]}), encoding="utf-8")
    with pytest.raises(NamesFileError) as err:
        read_names(path)
    assert str(path) in str(err.value) and "'Dave'" in str(err.value) and "\n" not in str(err.value)
    assert read_names(tmp_path / "none.json") == frozenset()
    _pack(tmp_path, monkeypatch, {"feelings": [_entry()]})
    (tmp_path / "xx" / "names.json").write_text(json.dumps({"names": ["zog"]}), encoding="utf-8")
    assert load_vocabulary("xx").others.names == frozenset({"zog"})


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # the speaker's aside after someone's words; a slight aimed at someone else; a feeling right after another
    ("en", "he said the trip was off for this weekend so um yeah disappointed", {"disappointed"}, set(), set()),
    ("en", "my boss rolled his eyes at the new apprentice all morning and i felt uncomfortable", {"uncomfortable"},
     {"cold-shoulder"}, set()),
    ("en", "the dog got loose on the lane but we caught him without anyone getting hurt relieved", {"relieved"},
     set(), set()),
    # irony: praise first, a mishap, and the speaker's own unpleasant feeling last
    ("en", "yeah real proud moment today reversed into the gatepost in front of the neighbours felt like an idiot",
     {"stupid"}, {"win"}, set()),
    # Korean: a plan the speaker called off, a call the speaker did not pick up, a reply that came soon
    ("ko", "치과 예약 을 제 가 취소 했 어요 그날 야근 이라서", set(), {"cancelled"}, set()),
    ("ko", "아빠 전화 를 바빠 서 두 번 이나 안 받았 네 미안 하다", {"미안함"}, {"unanswered"}, set()),
    ("ko", "단톡 에 물어 봤 는데 일 이 금방 없어져서 떨렸 는데 답장 이 길게 왔 어 설렌 다", {"설렘"}, {"unanswered"}, set()),
])
def test_an_aside_after_their_words_a_slight_aimed_elsewhere_and_a_call_not_picked_up(
        language, text, expected_feelings, not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # "nothing" as a thing talked of, not a denial
    ("en", "we talked on the phone for ages about nothing really felt close to her", {"close"}, set(), {"connection"}),
    ("en", "she walked straight past me at the school gate like i was nothing felt small", {"small"}, set(),
     {"cold-shoulder"}),
    # a denial ends at a feeling with a feeling verb after it: a new clause
    ("en", "my nephew drew me a picture of us at the beach i nearly cried felt so loved", {"loved"}, set(),
     {"connection"}),
    ("en", "i thought id be nervous at the dentist but i wasnt nervous at all felt calm the whole time", {"calm"},
     set(), set()),
    # their deed told with its company or its question, then the speaker's own feeling
    ("en", "my painting didnt make the exhibition they went with three others gutted a bit", {"disappointed"}, set(),
     set()),
    ("en", "nobody asked how my interview was hurt a bit honestly", {"hurt"}, set(), {"unasked"}),
    # a fear of what may come inside a theme's words (Vosk's "hell" for "he'll")
    ("en", "i wrote a long text to my dad to patch things up but i havent sent it yet cause im scared hell just leave "
     "it on read like last time", {"scared"}, {"unanswered"}, set()),
])
def test_nothing_talked_of_a_new_clause_after_a_denial_and_a_deed_told_with_its_company(
        language, text, expected_feelings, not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # an invitation not given is left out, not a question unasked
    ("en", "my flatmates all went to a gig and posted videos and nobody even asked if i wanted to come felt pretty "
     "lonely in my room after", {"lonely"}, {"unasked"}, {"left-out"}),
    # credit taken: whoever presented it "like it was his idea" did not put it forward
    ("en", "i pitched the new filing system at the team meeting on monday and today my supervisor presented it like "
     "it was his idea and got all the praise so yeah im fuming", {"furious"}, set(), {"ignored"}),
    # pride in someone else's doing, said with a saying between; an order cancelled is no plan
    ("en", "our little lad sang in the nativity today and the whole family turned up i was proud as punch of him",
     {"proud"}, {"win"}, set()),
    ("en", "the supplier cancelled the paper order so we used the old stock and it was a normal day really", set(),
     {"cancelled"}, set()),
    # Korean: a resident's thanks, their words
    ("ko", "오늘 아파트 화단 정리 하는 데 입주민 이 늘 예쁘게 해 줘서 고맙 다고 커피 를 주 시 더라고 뭐 내 일 한 건 데",
     set(), set(), set()),
])
def test_an_invitation_not_given_credit_taken_and_a_residents_thanks(language, text, expected_feelings, not_themes,
                                                                       must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # not known yet; a manner, not a feeling
    ("en", "theres a team dinner next week and i dont know if im invited yet cause im new i guess ill find out", set(),
     {"left-out"}, set()),
    ("en", "the old man in the back was shaking so i kept talking to him nice and calm till the ambulance came", set(),
     set(), set()),
    # Korean: subscriptions stopped, a stuffy office
    ("ko", "쓰지 도 않는 앱 구독 서비스 두 개 취소 했 어", set(), {"cancelled"}, set()),
    ("ko", "사무실 이 너무 답답해 서 창문 을 열었 어요", set(), set(), set()),
])
def test_not_known_yet_a_manner_subscriptions_and_a_stuffy_room(language, text, expected_feelings, not_themes,
                                                                  must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # a memory that did not come back; a trip the speaker turned down; a plan only feared; a saying
    ("en", "walked past my old primary school thought it might bring stuff back but nothing really just a building",
     set(), {"memory"}, set()),
    ("en", "im not hurt they all went camping without me i told them i was too busy to go", set(), {"left-out"}, set()),
    ("en", "im dreading them cancelling our weekend away because of the storm but so far its still on", {"dread"},
     {"cancelled"}, set()),
    ("en", "passed my theory test third time lucky", set(), set(), {"win"}),
    # Korean: no memory came back, a stomach at ease, someone's tiredness told as theirs
    ("ko", "옛날 살던 동네 를 지나 갔 는데 별 생각 이 안 나 더라 고요 그냥 길 이 에요", set(), {"memory"}, set()),
    ("ko", "장염 때문 에 며칠 고생 했 는데 이제 속 이 좀 편해 졌 어요", set(), set(), set()),
    ("ko", "동생 이 나 한테 삐진 줄 알았 는데 그냥 피곤 해서 그랬 대 다행 이다", {"안도"}, set(), set()),
])
def test_nothing_came_back_a_trip_turned_down_a_feared_plan_and_a_saying(language, text, expected_feelings,
                                                                           not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # irony that needs no mishap
    ("en", "oh and i got my history essay back with a thirty eight so yeah super proud of that one real genius over "
     "here", set(), {"win"}, set()),
    # Korean: an empty fridge; thanks written by someone else
    ("ko", "장 보기 전 에 유통 기한 지난 거 버리 고 나니까 냉장고 가 허전 해 졌 어", set(), set(), set()),
    ("ko", "동네 빵집 사장 님 이 가게 를 접 는다 고 그동안 고마웠 다고 손 편지 를 주 셨 어 뭉클 했 어", {"감동"}, set(), set()),
])
def test_irony_alone_an_empty_fridge_and_thanks_written_by_someone_else(language, text, expected_feelings,
                                                                          not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # glad for someone: their win; a reply only supposed; what something is for them
    ("en", "our eldest finally got into the county squad after three trials and i was over the moon for him",
     {"delighted"}, {"win"}, set()),
    ("en", "messaged a lad off the app an hour ago he probably hasnt even seen it yet if he leaves me on read ill be "
     "gutted but im fine for now", set(), {"unanswered"}, set()),
    ("en", "first day back after the funeral and not one person asked how i was which i know is awkward for them but "
     "still", set(), set(), {"unasked"}),
    # Korean: a reply supposed (만약), a call that came after all
    ("ko", "소개팅 앱 에서 먼저 메시지 보냈 는데 아직 안 읽었 어 만약 읽씹 하 면 서운 할 것 같 은데 일단 은 괜찮 아", set(),
     {"unanswered"}, set()),
    ("ko", "동생 한테 카톡 보냈 는데 일 이 바로 없어지 더니 전화 가 왔 어요 목소리 들으니까 너무 반가웠 어요", {"반가움"},
     {"unanswered"}, set()),
])
def test_glad_for_someone_a_reply_supposed_and_what_is_awkward_for_them(language, text, expected_feelings,
                                                                         not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # a pleasant feeling said as the speaker's, no sign of irony anywhere: kept against a hard day around it
    ("en", "my roommate keeps getting left on red by this guy shes dating and she was moping about it all evening so "
     "we watched a movie together and i was just happy to have her company", {"happy"}, {"unanswered"}, set()),
    ("en", "the surgeon said recovery is a marathon not a sprint and i said mate i cant even manage a slow shuffle but "
     "she made me laugh and i left feeling a bit more motivated to do the exercises", {"motivated"}, set(), set()),
    # ... but with a sign it is irony
    ("en", "oh brilliant the landlord moved the boiler visit again and i am just so happy about it", set(), set(),
     set()),
    # a plan the speaker called off; sayings of feeling
    ("en", "i bailed on the quiz team again tonight i couldnt face the drive and now i feel guilty", {"guilty"},
     {"cancelled"}, set()),
    ("en", "i came home from the hospice visit feeling ever so heavy", {"heavy"}, set(), set()),
    ("en", "the consultant barely looked at me and i felt like a number honestly", {"unimportant"}, set(), set()),
    # Korean: called off by the speaker, who is sorry (no grief); a grief keeps the theme
    ("ko", "내 가 오늘 동네 친구 랑 저녁 약속 을 취소 했 어 몸 이 안 좋아 서 근데 자꾸 미안 하 네", {"미안함"}, {"cancelled"}, set()),
    ("ko", "결국 제 가 취소 했 어요 너무 아쉬웠 어요", {"아쉬움"}, set(), {"cancelled"}),
    # Korean: 나 는 sets the speaker's feeling against someone else's story
    ("ko", "동생 이 남자 친구 랑 싸웠 다고 밤 새 울면서 전화 하 길래 들어 줬 어 나 는 그냥 졸려 죽 겠 어", {"피곤함"}, set(), set()),
])
def test_a_plain_pleasant_feeling_a_plan_called_off_by_me_and_mine_set_against_theirs(
        language, text, expected_feelings, not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # a message the speaker left on read; a reply expected not to come that came
    ("en", "i left my brothers message on read cause i was too tired to deal with another argument", {"tired"},
     {"unanswered"}, set()),
    ("en", "after what i said yesterday i kept thinking shed just leave me on read but she texted back within like ten "
     "minutes and we sorted it all out so im relieved", {"relieved"}, {"unanswered"}, set()),
    # a body that hurts from laughing; a "big win" in irony
    ("en", "the band stayed after rehearsal and we just sat on the amps eating chips and swapping worst gig stories and "
     "i laughed till my stomach hurt i feel really close to these guys lately", {"close"}, set(), set()),
    ("en", "table six left forty pence on a ninety quid bill after i ran round after them for two hours sorting the "
     "cake and the candles and the sparklers so thats my big win for the weekend", set(), {"win"}, set()),
    # Korean: the speaker's 내 가 reaches across 서 to the plan called off; a plan that fell through does not
    ("ko", "오늘 친구 랑 약속 있었 는데 내 가 너무 피곤 해서 취소 했 어 좀 미안 하 네", {"피곤함", "미안함"}, {"cancelled"}, set()),
    ("ko", "친구 가 못 온다 해서 제 가 대신 섰 고 저녁 약속 도 날아갔 어요 속상 해요", {"속상함"}, set(), {"cancelled"}),
])
def test_left_on_read_by_me_a_reply_that_came_and_a_body_that_hurts_from_laughing(
        language, text, expected_feelings, not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # a message the speaker left on read inside the words that told it; a reply that came late
    ("en", "my ex sent me a birthday text this morning and i left it on read on purpose but i do feel a bit guilty "
     "now", {"guilty"}, {"unanswered"}, set()),
    ("en", "my lead didnt reply till the evening but im not annoyed she was in back to backs all day and when she did "
     "write back it was a really kind note", set(), {"unanswered"}, set()),
    # a parcel cancelled is no plan; a retro board's words are no feelings
    ("en", "the parcel i was waiting in for got canceled so ill have to drive into town tomorrow", set(),
     {"cancelled"}, set()),
    ("en", "we did the retro today and the facilitator made one of those sad mad glad boards and it was a pretty calm "
     "day all round", {"calm"}, set(), set()),
    # Korean: 내 가 inside the words of a plan called off; "후회 는 무슨" denies
    ("ko", "친구 들 하고 약속 을 또 내 가 취소 했 어 엄마 가 아프 셔서 애들 한테 미안 하 지 뭐", {"미안함"}, {"cancelled"}, set()),
    ("ko", "사람들 이 이사 하 고 후회 안 하냐 고 자꾸 묻 는데 후회 는 무슨 하루 하루 가 편안 해요", {"편안함"}, set(), set()),
    # sayings: grinning like an idiot, deserving a medal
    ("en", "the kids made me a card and i was grinning like an idiot all afternoon", {"happy"}, set(), set()),
    ("en", "got the little one to eat broccoli without a fight i feel like i deserve a medal", {"accomplished"}, set(),
     set()),
    # Korean: the speaker called it off past a clause of reason or a quote, a regret denied grieves nothing
    ("ko", "제 가 허리 가 너무 아파 서 동창 들 이랑 저녁 약속 을 취소 했 어요", set(), {"cancelled"}, set()),
    ("ko", "내 가 먼저 회식 못 간다 고 취소 했 어 너무 지쳐서 근데 후회 는 안 해", {"지침"}, {"cancelled"}, set()),
    # Korean: 고마 is "just" in the south-east; thanks so deep one almost cried is still thanks
    ("ko", "하루 종일 밭 에서 일 했 다 고마 억수로 피곤 하 데이", {"피곤함"}, set(), set()),
    ("ko", "동생 이 밥 을 차려 놨 더라 고마워서 울 뻔 했 어", {"감사"}, set(), set()),
    # nobody asking, in words around the asking
    ("en", "i had a horrible week at the depot with the audit and all that and nobody really asked so i just went "
     "home", set(), set(), {"unasked"}),
    # a described feeling left out beside a named one is the speaker's after all when the named one goes
    ("en", "we came last at bowling our team was called the proud strikers which is a joke in itself i had a good "
     "laugh though", {"amused"}, set(), set()),
    # a reply the speaker did not give; a delivery cancelled, however it is called
    ("en", "my sister texted about the car insurance and i completely forgot and never replied so she had to sort "
     "it herself and i feel bad", {"bad"}, {"unanswered"}, set()),
    ("en", "the sofa delivery got canceled again so we ate on the floor and honestly it was quite fun", set(),
     {"cancelled"}, set()),
    # drifting between two others, or the speaker's own doing
    ("en", "my two sisters used to be inseparable and these days they barely talk to each other which makes "
     "christmas awkward", {"awkward"}, {"drifting"}, set()),
    ("en", "if im honest im the one pulling away from the running club i keep making excuses not to go", set(),
     {"drifting"}, set()),
])
def test_left_on_read_inside_a_plan_called_off_past_a_reason_and_a_feeling_described_beside_another(
        language, text, expected_feelings, not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # "a word" said is silence, not a word named; a lecture's subject, one word of what kind before it
    ("en", "i was sat in the library and nobody said a word hurt a bit", {"hurt"}, set(), set()),
    ("en", "in my psych lecture we did a whole session on social rejection it was really interesting", set(), set(),
     set()),
    # everyday words for tiredness and moods, and credit taken told without the word
    ("en", "i couldnt make it tonight i was too beat after the double", {"tired"}, set(), set()),
    ("en", "i was so wiped out after the night shift", {"exhausted"}, set(), set()),
    ("en", "honestly i was in a good mood today", {"good"}, set(), set()),
    ("en", "had the radio on all afternoon and it cheered me right up", {"cheerful"}, set(), set()),
    ("en", "my supervisor walked everyone through the fix i built like it was her own idea", set(), set(),
     {"ignored"}),
    ("en", "my manager sent my proposal up to the director with just his name on the bottom", set(), set(),
     {"ignored"}),
    # a slight the speaker owns ("thats on me") is taken back, a missed chance is not; an angry last word stands
    ("en", "the lads went to the quiz without me cause i never answered the group chat so thats on me", set(),
     {"left-out"}, set()),
    ("en", "they picked mia to present even though i built most of the slides and i never put my hand up so thats on "
     "me pretty gutted", {"disappointed"}, set(), {"missed-chance"}),
    ("en", "someone pulled up all my onion sets at the allotment overnight properly angry about it", {"angry"}, set(),
     set()),
    # a clause about the situation ("thats") between someone and a feeling makes the feeling the speaker's
    ("en", "he rang back within an hour and a guy is coming tomorrow so thats a relief", {"relieved"}, set(), set()),
    # missing someone the answer tells is dead is grief; missing a living friend is wistfulness
    ("en", "my late grandma used to hum that song and when it came on the radio i teared up i miss her so much",
     {"grief"}, set(), {"memory"}),
    ("en", "my best mate moved to perth in the spring and honestly i miss him like crazy", {"wistful"}, set(), set()),
    # Korean: a message the speaker got and left is not unanswered; one sent to them and left is
    ("ko", "바빠 서 동료 카톡 을 하루 종일 읽 고 답 을 안 했 더니 좀 민망 하 네", {"민망함"}, {"unanswered"}, set()),
    ("ko", "전 남친 이 내 사과 문자 를 읽고 답을 안 했어", set(), set(), {"unanswered"}),
    # Korean: "no feeling at all" does not deny the daze said before it; pride in oneself and in a child
    ("ko", "나 는 그냥 멍 했 어 아무 느낌 이 안 들 더라", {"멍함", "무감각"}, set(), set()),
    ("ko", "발표 하 니까 괜찮 더라 자신감 좀 생겼 어", {"자신감"}, set(), {"win"}),
    ("ko", "사람 들 이 승급 심사 안 떨리 냐고 물어 보 는데 하나 도 안 떨려 요 자신 있 어요", {"자신감"}, {"win"}, set()),
    ("ko", "나 스스로 좀 대견 하 더라", {"뿌듯함"}, set(), set()),
    ("ko", "한동안 겉도 는 느낌 이었 는데 오랜만 에 나 도 끼 는 느낌 이었 어", {"소속감"}, set(), set()),
    # Korean: a household's trip is theirs; warmth said plainly is felt, the weather's is not; 기분 째진다
    ("ko", "언니 네 가족 여행 이 태풍 때문 에 취소 됐 다 카 더라 나 는 좀 홀가분 하다", {"홀가분함"}, {"cancelled"}, set()),
    ("ko", "화상 통화 로 대학 동기 들 이랑 오랜만 에 모였 는데 다들 그대로 라서 따뜻 했 어요", {"따뜻함"}, set(), set()),
    ("ko", "오늘 날씨 가 따뜻 했 어요", set(), set(), set()),
    ("ko", "오늘 콜 이 계속 잘 잡혀서 목표 금액 일찍 채웠다 기분 째진다", {"신남"}, set(), set()),
])
def test_silence_said_a_lectures_subject_credit_taken_and_a_message_left_by_me(language, text, expected_feelings,
                                                                              not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # a judged person is what the speaker calls themself, not someone feeling; "got me" makes it the speaker's
    ("en", "i keep leaving her texts for later and i feel like such a terrible friend honestly guilty", {"guilty"},
     set(), set()),
    ("en", "my mom says her old friends dont call anymore and its got me worried about her", {"worried"}, set(), set()),
    # a feeling one does not want to sound is denied; someone going somewhere says no words
    ("en", "nobody thought to ask about me and i dont want to sound bitter though", set(), set(), {"unasked"}),
    ("en", "my flatmate says hi in this flat voice and goes straight to her room its so uncomfortable",
     {"uncomfortable"}, set(), set()),
    # everyday words: a little empty, scares me, the best mood, such a fool; small talk is no feeling
    ("en", "i made dinner for one and ate it standing at the counter kinda empty", {"empty"}, set(), set()),
    ("en", "i was weirdly calm at the funeral which scares me a little", {"calm", "scared"}, set(), set()),
    ("en", "honestly the best mood ive been in all week", {"happy"}, set(), set()),
    ("en", "i turned the package down last year and i feel such a fool", {"stupid"}, set(), set()),
    ("en", "when we do talk now its just small talk", set(), set(), set()),
    # themes told in new words: backing out, left on red, never brought up, the last one to message, sign ups
    ("en", "my sister keeps backing out at the last second", set(), set(), {"cancelled"}),
    ("en", "my brother left me on red again", set(), set(), {"unanswered"}),
    ("en", "he talked about his boat and never once brought up my biopsy", set(), set(), {"unasked"}),
    ("en", "ive been the last one to message for months", set(), set(), {"drifting"}),
    ("en", "i missed the sign up for the holiday club", set(), set(), {"missed-chance"}),
    ("en", "they carried on arguing over the top of me", set(), set(), {"ignored"}),
    # "and nothing" ends a clause, it denies no feeling after it; Vosk's "on red" is "on read"
    ("en", "sent the team chat a photo and it shows seen by six people and nothing felt a bit stupid for posting it",
     {"stupid"}, set(), set()),
    ("en", "my boss left me on red all day about the schedule so i dont know if i work tomorrow", set(), set(),
     {"unanswered"}),
    ("en", "she wore her red dress on red carpet night", set(), set(), set()),
    # irony opened by "oh big win" with a mishap; the speaker who has been the one pulling away; a chance not wanted
    ("en", "oh big win today i managed to lock my keys in the truck twice before lunch", set(), {"win"}, set()),
    ("en", "ive been the one pulling away from my old friends since the divorce", set(), {"drifting"}, set()),
    ("en", "my mates reckon i blew my chance with the varsity team but i never even wanted it", set(),
     {"missed-chance"}, set()),
    ("en", "my oldest friend moved away and the calls keep getting shorter", set(), set(), {"drifting"}),
    ("en", "i was so the third wheel at the movies tonight", {"left out"}, set(), set()),
    # Korean: a plan the speaker called off first fell through on nobody
    ("ko", "내 가 먼저 오늘 저녁 약속 취소 했 어 도저히 사람 만날 기운 이 없 어서", {"무기력"}, {"cancelled"}, set()),
    # Korean: 웃겨 가지고, 웃겼 are amusement; praise heard (잘했다고 하셔서) is no irony, and the speaker's win
    ("ko", "웃겨 가지 고 한참 웃었 네", {"재미"}, set(), set()),
    ("ko", "발표 할 때 하나 도 안 떨렸 어 진짜 신기 하게 교수님 도 잘했다 고 하셔서 기분 좋았 어", {"기쁨"}, set(), {"win"}),
    ("ko", "끝나고 교수님이 잘했다고 해 주셔서 안도했어", {"안도"}, set(), {"win"}),
])
def test_a_judged_self_a_feeling_not_to_be_sounded_and_themes_in_new_words(language, text, expected_feelings,
                                                                           not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language,text,expected_feelings,not_themes,must_themes", [
    # a denial taken back; a feeling said of the speaker by someone else and then denied; "not a single person" then
    # a new clause
    ("en", "im trying not to be annoyed but i kind of am", {"annoyed"}, set(), set()),
    ("en", "my husband keeps telling everyone im stressed about the move but im not its him whos stressed", set(),
     set(), set()),
    ("en", "not a single person it kinda hurt", {"hurt"}, set(), set()),
    # a child's plan called off is theirs; a knock to my confidence; a real shame is no shame felt
    ("en", "the kids swim lesson got canceled so they were home bouncing off the walls all afternoon", set(),
     {"cancelled"}, set()),
    ("en", "that was a bit of a knock to my confidence", {"insecure"}, set(), set()),
    ("en", "by the time i got home every spot was gone real shame im disappointed", {"disappointed"}, set(),
     {"missed-chance"}),
    # everyone except us; a voicemail left for him on a day, not him left on read
    ("en", "everyone on my floor got a handwritten card from the director except the three of us on contract", set(),
     set(), {"left-out"}),
    ("en", "i left him a voicemail on monday and nothing not a peep back", set(), set(), {"unanswered"}),
    # "me" for "my" ("out of me depth"), "feel bad about" as people name it, someone's own pride, pride said to me
    ("en", "the bleep never stopped all night i was completely out of me depth", {"insecure"}, set(), set()),
    ("en", "i cancelled on my sister again and i feel bad about it", {"bad"}, set(), set()),
    ("en", "my grandma called me today so proud of herself showing me her tomato plants", set(), set(), set()),
    ("en", "my partner finally said the words im proud of you and i felt really appreciated", {"appreciated"}, set(),
     set()),
    # a solo given to another; nobody even asked about; i guess that's a no
    ("en", "so the director gave the alto solo to marisol and i just sat there clapping", set(), set(),
     {"missed-chance"}),
    ("en", "nobody from the old crew even asked about the house move", set(), set(), {"unasked"}),
    ("en", "i messaged him about the job and its been ten days so i guess thats a no", set(), set(), {"unanswered"}),
    # a message read and replied to, if curtly, is answered; a memory expected and not felt
    ("en", "sarah read my message about the loan at lunchtime and replied with just a thumbs up which stung a bit",
     {"hurt"}, {"unanswered"}, set()),
    ("en", "we drove past the old house and i thought id get all nostalgic but honestly nothing it just looked smaller",
     set(), {"memory"}, set()),
    # Korean: a slight done to dad, not the speaker; a win over the speaker; a role given to another, not me
    ("ko", "간호사 가 아빠 한테 말투 가 너무 퉁명 스러워 서 내 가 다 화 가 나 더라", {"화"}, {"cold-shoulder"}, set()),
    ("ko", "간호사 가 나 한테 말투 가 너무 퉁명 스러워 서 화 가 나 더라", {"화"}, set(), {"cold-shoulder"}),
    ("ko", "손자 가 오늘 장기 에서 처음 으로 나 를 이겼 다 기분 이 좋 더라", {"기쁨"}, {"win"}, set()),
    ("ko", "팀장 님 이 새 프로젝트 리더 를 나 말고 일 년 차 한테 맡기 셨 어", set(), set(), {"missed-chance"}),
    # Korean: a plan the speaker broke, a message the speaker left unread; unstable internet, dates mixed up
    ("ko", "내 가 오늘 저녁 약속 을 깼 어 너무 지쳐 가지고", {"지침"}, {"cancelled"}, set()),
    ("ko", "친구 가 보낸 메시지 를 내 가 사흘 동안 안 읽 었 어 좀 미안 하 네", {"미안함"}, {"unanswered"}, set()),
    ("ko", "부모님 이랑 통화 하 는데 인터넷 이 계속 불안정 해서 끊겼 어", set(), set(), set()),
    ("ko", "날짜 를 헷갈려 서 면접 에 못 갔 어", set(), set(), {"missed-chance"}),
    # Korean: relief (안도) after being asked along is no "안" of not being invited
    ("ko", "친구 들 이 나 만 빼고 만날 까 봐 마음 졸였 는데 오늘 다 같이 불러 줘서 안도 했 어", {"안도"}, {"left-out"}, set()),
])
def test_a_denial_taken_back_dialect_words_and_slights_to_someone_else(language, text, expected_feelings,
                                                                       not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language,text,expected_feelings,not_themes,must_themes", [
    # a cold shoulder the speaker gave; two friends drifting apart from each other; a feeling opening the answer
    ("en", "no idea what got into me at band practice i barely said a word to anyone all night", set(),
     {"cold-shoulder"}, set()),
    ("en", "my two flatmates fell out over the bins and theyre kind of drifting apart and its so awkward at home",
     {"awkward"}, {"drifting"}, set()),
    ("en", "pretty relaxed evening we made pizza with the kids and they put pineapple on everything", {"relaxed"},
     set(), set()),
    # a solo not applied for is no chance missed; a reply sent as a heart; a joke met by silence
    ("en", "they gave the lead to dana again but i didnt even put my name down this time", set(),
     {"missed-chance"}, set()),
    ("en", "my uncle who never replies to anything sent a heart on the baby photo", set(), {"unanswered"}, set()),
    ("en", "i made a joke on the team call about my dog eating the mouse and it was just crickets", set(), set(),
     {"ignored"}),
    # Korean: they did ask; the speaker called the plan off, missed the calls, owns the drifting
    ("ko", "발목 다쳐서 며칠 쉬었 는데 동네 분 들 이 다들 어디 아팠 냐고 물어 봐 주 셨 어", set(), {"unasked"}, set()),
    ("ko", "내 가 감기 기운 이 있 어서 주말 에 언니 랑 등산 가기 로 한 거 취소 했 어 좀 미안 하 네", {"미안함"},
     {"cancelled"}, set()),
    ("ko", "내 가 회의 하 느라 엄마 전화 를 두 통 이나 못 받 았 어", set(), {"unanswered"}, set()),
    ("ko", "내 가 일 핑계 로 계속 안 나가 니 동창 들 이랑 멀어 졌 지 내 탓 이 지 뭐", set(), {"drifting"}, set()),
    # Korean: a slight done to a new deacon, not the speaker; a comment section left empty
    ("ko", "목사 님 이 새로 온 집사 님 한테 쌀쌀 맞게 대 하 시 더라", set(), {"cold-shoulder"}, set()),
    ("ko", "모임 에서 다들 자기 얘기 만 하고 오늘 어땠 냐 고 묻 는 사람 하나 도 없 었 어", set(), set(), {"unasked"}),
])
def test_a_slight_the_speaker_gave_or_owns_and_the_friends_drifting_from_each_other(language, text, expected_feelings,
                                                                                     not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language,text,expected_feelings,not_themes,must_themes", [
    # Korean: the same pleasant word said again is irony by itself; not "고맙고 또 고맙고", nor words reported
    ("ko", "아 오늘 진짜 행복 했 지 열두 시간 동안 밥 한 끼 도 못 먹 고 아주 신났 어 신났 어", set(), set(), set()),
    ("ko", "원장 님 이 손님 열 명 을 내 한테 몰아 주 셨 네 완전 행복 하 다 행복 해", set(), set(), set()),
    ("ko", "음료수 하나 주 시 더라 열두 시간 일 했 는데 와 진짜 감동 이 다 감동", set(), set(), set()),
    ("ko", "남편 이 내 발톱 까지 깎아 주 는데 괜히 눈물 이 났 어요 고맙 고 또 고맙 고", {"감사"}, set(), set()),
    ("ko", "급식소 봉사 끝나 고 할매 한 분 이 고맙다 고맙다 카시는데 마음 이 따뜻해 지 더라", {"따뜻함"}, set(), set()),
    # Korean: a feeling of back then, in the past, with nothing saying it lasts
    ("ko", "첫 배달 하던 날 길 잃어 서 울 면서 전화 하던 게 생각 나 가지고 피식 했 어 그때 는 진짜 힘들 었 는데", set(), set(),
     set()),
    ("ko", "오늘 은 그냥 그때 는 진짜 외로워", {"외로움"}, set(), set()),
    # Korean: a plan the speaker said they could not go to; the same chores done alone again is a mishap
    ("ko", "오늘 스터디 내 가 못 간다 고 해서 결국 다 취소 됐 어 애들 한테 너무 미안 하 더라", {"미안함"}, {"cancelled"}, set()),
    ("ko", "아 네 좋 죠 설날 에 전 부치 는 거 또 저 혼자 다 했 어요 진짜 너무 행복 했 네요", set(), set(), set()),
    # English: praise in a doubling is irony, its pleasant theme too
    ("en", "my manager said we are all one big family here and then cut our break to fifteen minutes so yes very warm "
     "very close family", set(), {"connection"}, set()),
    ("en", "after the long shift i was so tired so i had a bath and an early night and i feel happy and rested",
     {"tired", "happy", "rested"}, set(), set()),
    # English: "just tired of" after a feeling denied is tired (not "sick and tired of", which is fed up); a heart
    # that melted is touched; a good time had is good
    ("en", "everyone keeps asking if im nervous about the surgery and honestly no im not nervous im just tired of "
     "waiting", {"tired"}, set(), set()),
    ("en", "im sick and tired of this traffic", set(), set(), set()),
    ("en", "my daughter came along to choir tonight and afterwards she said you sounded really good and i just "
     "melted", {"touched"}, set(), set()),
    ("en", "lost my voice at the rugby and we got destroyed forty to six but honestly i had such a good time with "
     "the lads", {"good"}, set(), set()),
    # English: a missed chance whose regret the speaker denies is none; regret said again after the denial is one
    ("en", "i said no to the secondment in theatres and people keep telling me i missed out but i dont regret it at "
     "all im happy where i am on the ward", {"happy"}, {"missed-chance"}, set()),
    ("en", "i said i had no regrets about turning down the place in glasgow but seeing my old class mates graduate "
     "today yeah i regret it", {"regretful"}, set(), {"missed-chance"}),
    # English: the speaker's closing verdict "so that was awkward"; tears at the dead are sadness; feeling like a
    # rubbish friend is guilt; someone who "actually got me" leaves the speaker seen
    ("en", "made a joke in the standup this morning and it was dead silence and then someone moved on to the next "
     "ticket like i hadnt spoken so that was awkward", {"awkward"}, set(), set()),
    ("en", "walked past the bakery on the corner and it smelled exactly like my grans kitchen on a sunday she passed "
     "two years ago and i just stood there on the pavement getting all choked up", {"sad"}, set(), {"memory"}),
    ("en", "ive left like four of my friends on read this week not on purpose i just cant face my phone and now i "
     "feel like a rubbish friend", {"guilty"}, set(), set()),
    ("en", "stayed up till three talking to a guy from the speedrun discord about our dads and stuff it was the first "
     "time in ages i felt like someone actually got me", {"seen"}, set(), set()),
    ("en", "my friend from home said she felt totally forgotten because i hadnt called in ages so i rang her tonight "
     "and we talked for two hours and i feel so much closer to her now", {"close"}, set(), {"connection"}),
    # Korean: a mood "좀 별로", a fright survived "십 년 감수"
    ("ko", "단골 손님 이 오늘 은 인사 해도 대꾸 도 없이 카드 만 툭 던지고 가 더라 기분 이 좀 별로 였 어", {"기분 나쁨"},
     set(), {"cold-shoulder"}),
    ("ko", "큰 공사 입찰 마감 을 놓칠 뻔 했 는데 다행히 한 시간 전 에 서류 를 냈 다 십 년 감수 했 네", {"안도"},
     {"missed-chance"}, set()),
])
def test_praise_said_again_or_doubled_a_past_then_and_a_plan_the_speaker_called_off(language, text,
                                                                                     expected_feelings, not_themes,
                                                                                     must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


def test_me_before_a_family_word_or_a_name_is_read_as_my_but_not_after_called():
    from assistant.language.matching import Text

    assert Text.of("i kept meaning to put me name down").tokens[-3:] == ("my", "name", "down")
    assert Text.of("i could see me dad waiting at the gates").tokens[3:5] == ("my", "dad")
    assert Text.of("my stepson called me mum by accident").tokens[2:5] == ("called", "me", "mum")
    assert Text.of("they asked me first").tokens == ("they", "asked", "me", "first")


def test_no_name_of_the_language_modules_is_bound_twice():
    """A module-level name bound again further down silently changes every guard that reads it (a reply check's
    word list once replaced an older one of the same name)."""
    import ast

    for path in sorted((Path(__file__).resolve().parent.parent / "assistant" / "language").glob("*.py")):
        names = [target.id for node in ast.parse(path.read_text(encoding="utf-8")).body
                 for target in (node.targets if isinstance(node, ast.Assign) else
                                [node.target] if isinstance(node, ast.AnnAssign) else
                                [ast.Name(node.name)] if isinstance(node, (ast.FunctionDef, ast.ClassDef)) else [])
                 if isinstance(target, ast.Name)]
        twice = sorted({n for n in names if names.count(n) > 1})
        assert not twice, f"{path.name} binds {twice} more than once"


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # someone quoted in their own words ("kept going |im| so stressed") and a role named before the feeling
    ("en", "my colleague kept going im so stressed im so stressed all shift and honestly i was fine", set(), set(),
     set()),
    ("en", "the trainee properly panicked when the alarm went off at the jewellers", set(), set(), set()),
    ("en", "she asked how i was and i said im exhausted", {"exhausted"}, set(), set()),
    ("en", "no one even told me i felt so left out", {"left out"}, set(), set()),
    # nobody rang back is no reply; a worry that someone "wont ring back" is only feared
    ("en", "i left two messages at the surgery and nobody rang back", set(), set(), {"unanswered"}),
    ("en", "bit worried the hospital wont ring back with mums results before the weekend", {"worried"},
     {"unanswered"}, set()),
])
def test_their_words_quoted_and_a_role_named_before_the_feeling(language, text, expected_feelings, not_themes,
                                                                 must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # 애도 is mourning only as a word of its own (애도 하다, 애도 기간), not 애 (the kid) + 도
    ("ko", "남편 은 승진 이 안 돼서 실망 했나 봐 나 는 솔직히 좀 걱정 돼 대출 도 있고 애도 아직 어린데", {"걱정"}, set(),
     set()),
    ("ko", "할머니 돌아가셔서 애도 기간 이라 조용히 지냈 어", {"비통함"}, set(), set()),
])
def test_korean_mourning_is_not_the_kid_too(language, text, expected_feelings, not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # sold out: the seller's win, the buyer's missed chance
    ("ko", "처음 으로 온라인 스토어 에 올린 젓갈 이 다 팔렸 어요 너무 신나서 혼자 춤췄 어요", {"신남"}, {"missed-chance"},
     {"win"}),
    ("ko", "세일 하던 전기 장판 을 살까 말까 하다 가 다음 날 가 보니 다 팔렸 더라", set(), {"win"}, {"missed-chance"}),
    # a dialect's ~어가 (~어서) ends the clause of the person before it
    ("ko", "가게 에 손님 이 하나 도 없어가 진짜 심심해 죽는 줄 알았다", {"지루함"}, set(), set()),
])
def test_korean_sold_out_by_whom_and_a_dialect_clause_end(language, text, expected_feelings, not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # 래 after a syllable that ends in ㄹ is the speaker's intention (잘래요), not hearsay (피곤하대)
    ("ko", "다섯 시 부터 배달 돌 고 왔 더니 그냥 피곤 해 요 씻 고 잘 래 요", {"피곤함"}, set(), set()),
    ("ko", "동생 이 피곤 하대", set(), set(), set()),
    # 얼마나 (how) only says how much
    ("ko", "손녀 가 영상 통화 로 할머니 보고 싶다 고 하는데 마음 이 얼마나 따뜻 하던지 요", {"따뜻함"}, set(), set()),
])
def test_korean_intention_is_no_hearsay_and_how_much_is_a_hedge(language, text, expected_feelings, not_themes,
                                                                 must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # "lovely coming from the man who …" is irony by itself
    ("en", "the boss said im the backbone of the team which is lovely coming from the man who cut our overtime so yeah "
           "i feel so appreciated", set(), set(), set()),
])
def test_praise_that_is_rich_coming_from_them(language, text, expected_feelings, not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # the unpleasant feeling that closes an answer of irony is what was felt, whatever the words around it read
    ("ko", "아이고 참 좋 다 좋 아 레미콘 이 두 시간 늦게 와 가 타설 다 밀리 고 반장 은 내 탓 하 고 아주 행복 하 다 속 이 터지 는 줄 "
           "알았 다", {"답답함"}, set(), set()),
    ("en", "oh great the printer jammed again right before my presentation so yeah just thrilled absolutely delightful "
           "start to the week honestly it was irritating", {"irritated"}, set(), set()),
])
def test_the_feeling_that_closes_an_answer_of_irony(language, text, expected_feelings, not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # the speaker among a feeling's subject: "me and …", "… and me"
    ("en", "me and my flatmate's boyfriend had a good laugh", {"amused"}, set(), set()),
    ("en", "me and our janet were buzzing after bingo", {"excited"}, set(), set()),
    # a bad time set against today is no irony: the praise after "but this year" is meant
    ("en", "after my dad died i used to hate christmas but this year the whole family came over and i loved every "
           "minute of it", {"happy"}, set(), set()),
    # everyday words for a feeling
    ("en", "forgot the school trip money again i felt like the worst mum ever", {"guilty"}, set(), set()),
    ("en", "my grandson fell asleep on my shoulder on the sofa and my heart went all warm", {"warm"}, set(), set()),
    ("en", "finally renewed my passport so thats one less thing hanging over me", {"relieved"}, set(), set()),
])
def test_the_speaker_among_the_subject_a_turn_to_today_and_everyday_words(language, text, expected_feelings,
                                                                         not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # the heart as its own subject after a cause clause with another subject: the speaker's heart
    ("ko", "애들 이 같이 먹자 고 해서 마음 이 따뜻 해졌 어", {"따뜻함"}, set(), set()),
    # until last week … now: the worry is over
    ("ko", "어제 까지 는 진짜 불안 했 는데 계약 연장 됐 고 이제 마음 이 편해 요", {"편안함"}, set(), set()),
    # 감사 as an audit is no thanks; slang for fun
    ("ko", "재고 감사 있어서 늦었 어", set(), set(), set()),
    ("ko", "동아리 엠티 갔는데 완전 개꿀잼 이었 어", {"재미"}, set(), set()),
])
def test_korean_heart_as_subject_a_worry_until_now_an_audit_and_slang(language, text, expected_feelings, not_themes,
                                                                      must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    ("en", "went to the school play for my niece and i felt really useful helping with the props", {"capable"}, set(),
     set()),
    ("en", "first christmas away from my family and i felt so far from home tonight", {"homesick"}, set(), set()),
    ("en", "today was heavy it would have been my mums seventieth", {"heavy"}, set(), {"memory"}),
    # "surprise surprise" is irony: the thanks after it are not felt
    ("en", "rang the surgery about my results three times this week and surprise surprise no call back im so grateful "
           "for the fantastic service", set(), set(), {"unanswered"}),
    # the unpleasant feeling that closes irony is what was felt, even when the learned layer doubts it twice
    ("en", "oh yeah super relaxing saturday six hours stuck at the garage waiting for a tyre because they lost my "
           "booking im fried", {"drained"}, set(), set()),
    # a Korean time topic after ~고 opens the speaker's own clause
    ("ko", "요즘은 동료 들도 친해지고 오늘은 그냥 평온한 하루였어", {"평온함"}, set(), set()),
])
def test_everyday_words_irony_and_a_new_clause_about_the_day(language, text, expected_feelings, not_themes,
                                                             must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # "felt like i was …" frames a feeling as "felt" does
    ("en", "my stepdad drove me to the game and stayed for the whole thing and i felt like i was finally accepted",
     {"accepted"}, set(), set()),
    ("en", "the new choir sang my favourite hymn at the end and it felt like i was part of something", {"included"},
     set(), set()),
    # a Korean feeling that closes a plain statement is the speaker's; one carried on (~하다 고: quoted) is not
    ("ko", "이번 달 관리비 랑 학원비 생각 하면 진짜 막막 해요 어디 서 부터 줄여야 될 지 모르 겠 어요", {"막막함"}, set(), set()),
    ("ko", "아침 에 남편 이랑 싸우 고 나와 서 점심 때 미안 하다 고 먼저 문자 왔 어 안도 했 지", {"안도"}, set(), set()),
])
def test_felt_like_i_was_and_a_korean_plain_statement(language, text, expected_feelings, not_themes, must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # a mixed answer: the relief is read in its own clause, not under the hard week after "but"
    ("en", "the biopsy came back clear thank god but nobody at work even asked how it went", {"relieved"}, set(),
     {"unasked"}),
    ("en", "got my test results this afternoon all fine thank goodness but not one of my kids rang to ask",
     {"relieved"}, set(), set()),
    # an unpleasant feeling after the turn is read in its clause too
    ("en", "they gave my saturday shift to the new lad without asking me i said fine whatever but it really bugs me",
     {"annoyed"}, set(), set()),
    ("ko", "시험 떨어질 까 봐 밤새 엄청 긴장 했 는데 다행히 붙었 어요", {"안도"}, set(), {"win"}),
    # irony left behind after "anyway": the pride after it is meant
    ("en", "the landlord still hasnt fixed the boiler love that for me anyway i finished the quilt tonight and im "
           "really proud of it", {"proud"}, set(), set()),
    # a plan bailed on with no subject said is the speaker's doing
    ("en", "bailed on book club again cause i was wiped out and now i feel bad", {"exhausted", "bad"}, {"cancelled"},
     set()),
    # "without being asked" asks nothing: the surprise is the speaker's
    ("en", "my daughter washed the car without being asked i was gobsmacked", {"surprised"}, set(), set()),
    # a person word in a simile, or a place, is no one who feels
    ("en", "found his old scarf in the hall cupboard and cried like a child grief is a funny thing", {"grief"}, set(),
     set()),
    ("en", "the smell of his pipe tobacco in the shed knocked me flat heartbroken all over again", {"heartbroken"},
     set(), set()),
])
def test_a_feeling_read_in_its_own_clause_and_irony_left_behind(language, text, expected_feelings, not_themes,
                                                              must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)


@pytest.mark.parametrize("language, text, expected_feelings, not_themes, must_themes", [
    # a feeling whose part "is over" is over
    ("en", "i was a wreck all week about the exam but i passed so that anxious part is over", set(), set(), set()),
    ("en", "today would have been mums eightieth so i made her trifle", set(), set(), {"memory"}),
    # a job that went to someone else is no missed chance when the speaker "didnt even want the" hours
    ("en", "people keep asking if im gutted they gave the job to kevin honestly no i didnt even want the extra hours",
     set(), {"missed-chance"}, set()),
    ("en", "cleaned out the garage finally at least thats done", set(), set(), {"win"}),
    # words written as Vosk writes them ("didnt", "doesnt") match the pack's phrases
    ("en", "my son just doesnt get me at all", {"misunderstood"}, set(), set()),
    ("ko", "엄마 기일 인데 생각 보다 담담 했 어", {"차분함"}, set(), {"memory"}),
    ("ko", "회식 자리 에서 드립 쳤 는데 아무 도 반응 이 없 었 어", set(), set(), {"ignored"}),
    # Korean praise said again with its last consonant changed is irony; another word of the feeling is not
    ("ko", "비 오는데 생수 스무 박스 를 사 층 까지 날랐 어 아주 신난다 신나", set(), set(), set()),
    ("ko", "오늘 처음 으로 혼자 김치찌개 를 끓 였 는데 엄마 맛 이랑 똑같 았 어 기분 완전 좋 아 기뻐", {"기쁨"}, set(), set()),
])
def test_over_parts_new_cues_and_phrases_as_vosk_spells_them(language, text, expected_feelings, not_themes,
                                                             must_themes):
    _tags_exactly(language, text, expected_feelings, not_themes, must_themes)
