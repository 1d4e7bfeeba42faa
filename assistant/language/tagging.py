"""Tagging a transcript with the feelings it names and the small griefs it tells.

``tag("i'm not angry just tired nobody asked how i was", "en")`` gives
feelings ``("tired",)`` and themes ``("unasked",)``. Naming the feeling and
the kind of moment is the point of the journal; the tags let the closing
summary and later look-backs say it back.

Everything here is pure text work on what Vosk outputs (lowercase, no
punctuation), with the words as data: feelings from ``feelings.json`` (see
:mod:`assistant.language.feelings`, which also says how each language is
matched) and themes from ``themes.json`` (see :mod:`assistant.language.themes`).
The matching itself is :mod:`assistant.language.matching`; what the person's
own corrections taught is :mod:`assistant.language.personal`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

from assistant.language.feelings import Feeling, Frame, Negation, Vocabulary, load_vocabulary, read_json
from assistant.language.learned import POLARITIES, Model, Score, load_model, said_as_mine, said_last
from assistant.language.neighbours import blended, leaning, load_neighbours
from assistant.language.matching import Framed, Hit, Matcher, Pattern, Text, compile_phrase, framed, framed_at, negated
from assistant.language.packs import prompts_root
from assistant.language.personal import PersonalCues
from assistant.language.themes import OUTWEIGHED_BY, THEMES, ThemeSet, parse_themes, theme_evidence, theme_hits


@dataclass(frozen=True)
class Tags:
    feelings: tuple[str, ...] = ()
    """Canonical feeling words, in the order first said."""
    themes: tuple[str, ...] = ()
    """Theme ids, in :data:`assistant.language.themes.THEMES` order."""

    def as_dict(self) -> dict[str, list[str]]:
        return {"feelings": list(self.feelings), "themes": list(self.themes)}


@dataclass(frozen=True)
class Explained:
    """Tags with the words that led to each: what ``voice-journal tag`` shows."""
    tags: Tags
    why: dict[str, dict[str, str]]
    """``{"feelings": {word: "the words said"}, "themes": {id: "the words said"}}``; words
    learned from the person's corrections are marked "(your words)"."""
    set_aside: dict[str, dict[str, str]] = field(default_factory=lambda: {"feelings": {}, "themes": {}})
    """What the word lists found and the learned layer took off, with the words and the layer's
    score (``'"so excited": the learned layer reads no pleasant feeling of yours here, 0.01'``): so
    "why wasn't that tagged" has an answer too."""

    def as_dict(self) -> dict[str, Any]:
        return {**self.tags.as_dict(), "why": self.why, "set_aside": self.set_aside}


# --- loading and tagging --------------------------------------------------------

@dataclass(frozen=True)
class _Rules:
    vocab: Vocabulary
    feelings: Matcher
    themes: ThemeSet


def _framed_rests(f: Feeling, vocab: Vocabulary) -> set[str]:
    """What follows the feeling verb in a variant such as "felt understood", to count inside the frame.

    So "felt understood" also covers "i felt really understood" and "feeling
    so cared for", the hedges being the frame's ``through`` words. A rest
    that starts with a negator ("felt nothing") is left to its variant.
    """
    cues = sorted((" ".join(c) for c in vocab.frame.cues), key=len, reverse=True)
    negators = {" ".join(p) for p in vocab.negation.before}
    rests = set()
    for variant in f.variants:
        for cue in cues:
            if variant.startswith(cue + " "):
                rest = variant[len(cue) + 1:]
                if rest.split()[0] not in negators:
                    rests.add(rest)
                break
    return rests


@lru_cache(maxsize=None)
def _rules(language: str, root: Path) -> _Rules:
    vocab = load_vocabulary(language)
    patterns: list[Pattern] = []
    for f in vocab.feelings:
        for phrase in f.phrases():
            patterns += compile_phrase(phrase, f.word, vocab.match, False, vocab.negation.inside)
        for stem in f.stems:
            patterns += compile_phrase(stem, f.word, vocab.match, True, vocab.negation.inside)
        if not f.bare and vocab.frame.cues:
            patterns += compile_phrase(f.word, Framed(f.word), vocab.match, False, ())
        for rest in _framed_rests(f, vocab):
            patterns += compile_phrase(rest, Framed(f.word), vocab.match, False, ())
    for phrase in vocab.not_feelings:
        patterns += compile_phrase(phrase, None, vocab.match, False, ())
    path = root / language / "themes.json"
    themes = parse_themes(path, read_json(path, "themes"), vocab.match)
    return _Rules(vocab, Matcher(vocab.match, patterns, vocab.pieces), themes)


def load_themes(language: str) -> ThemeSet:
    """The language's themes (``prompts/<lang>/themes.json``), read once."""
    return _rules(language, prompts_root()).themes


OBJECT_MARKERS = ("가", "이", "도", "has", "had", "'s")
"""After these, a ``towards`` feeling's noun is what is felt (할머니가 그리웠어요, everyone has forgotten me);
after 은/는/께서 it is who feels (언니는 걱정이 많았어)."""
SUBJECT_REACH = 8
TO_ME = frozenset(("me", "my", "myself", "us", "our", "나를", "날", "저를", "나한테", "저한테", "나에게", "저에게"))
"""Words that make a win someone gave the speaker ("my boss praised my report")."""
GIVEN_TO_ME = re.compile(r"(줬|주셨|주셔|줘서|주었|받았)")
"""Korean endings for something done for the speaker: 칭찬해 |줬|어."""
"""How many words back the subject of a feeling is looked for."""


CAUSE_ENDING = "서"
COMING_TO = ("와서", "와 서")
"""Something done for the speaker ("친구들이 도와주러 와서 든든했어"): the feeling after it is the speaker's."""
DIALECT_TAG = "아이가"
"""After a sentence ending (~다 아이가) a 경상도 tag question, "isn't it", not "the child" as subject."""
GROUP_SUBJECTS = frozenset(("애들이", "애들", "부모님이", "부모님은", "부모님께서", "부모님"))
"""Korean subjects that are a group or family: across one "~서" clause their feeling is still theirs
("애들이 경기 취소돼서 엄청 실망했어", "부모님이 … 걱정돼서 …"); a single person's ("친구가 늦어서 화났어")
is the speaker's feeling about them, so the search stops there."""


TIME_TOPICS_KO = frozenset(("오늘은", "요즘은", "지금은", "이제는", "오늘", "요새는", "이번엔", "이번에는"))
"""Korean time words as a topic, opening a new clause after a "~고": the day is what is told of."""
HEART_AS_SUBJECT = re.compile(r"(마음|맘|기분|가슴)(이|은|도)")
"""A Korean feeling said with the heart or the mood as its own subject: a cause clause before it with another
subject ("애들이 … 해서") is what moved the speaker's."""


def _ends_a_clause(token: str, others: Frame) -> bool:
    """Whether a word ends a clause (~서, ~는데, ~니까: the pack's ``others.breaks``), so a subject before it is that
    clause's."""
    return any(token.endswith(b) for b in others.breaks) and not any(token.endswith(n) for n in others.not_breaks)


def _someone_else_as_subject(tokens: tuple[str, ...], start: int, others: Frame, joined: bool) -> tuple[str, int] | None:
    """Whether the clause that names a feeling has another person as its subject.

    Korean says whose feeling it is with the subject, which may stand words
    before it: "룸메이트가 시험 때문에 너무 |불안|해했어". Walking back from the
    feeling, a person noun with a subject marker (가, 이, 는, 께서; Vosk may
    split it off, "친구 가") makes it theirs; the speaker as subject (내가, 저는)
    or a clause ending on the way (~서, ~는데, ~니까) ends the search. English
    is read the same way, word by word, with verbs as the markers: "my dad
    got really emotional and |sad|", but "my mom was happy and i was |relieved|".
    Gives the marker that made it someone else's and where the person is, or None.
    """
    if not others.people:
        return None
    past_cause = False
    for j in range(start - 1, max(-1, start - 1 - SUBJECT_REACH), -1):
        token = tokens[j]
        if token in others.speaker or (not joined and token in SITUATION_SUBJECTS):
            return None
        if joined and token in TIME_TOPICS_KO and j and tokens[j - 1].endswith("고"):
            return None  # "친구들도 생기고 |오늘은| 그냥 평온한 하루였어": a new clause about the day
        if token == DIALECT_TAG and j and tokens[j - 1].endswith("다"):
            continue  # 못 냈다 |아이가|: 경상도 "isn't it", not a child
        if joined and NAMED.match(token) and not past_cause:
            return token[-1], j  # |서연이가| 친구들 놀이에 못 끼고: someone named
        following = tokens[j + 1] if j + 1 < start else ""
        plural = following == "들" or token.endswith("들") or "들" in token[:-1]
        if following == "들" and j + 2 < start:  # Vosk's "이웃 들 이"
            following = tokens[j + 2]
        if past_cause and not (plural or token in GROUP_SUBJECTS):
            if _ends_a_clause(token, others):
                return None
            continue
        # Vosk splits a compound person noun too ("팀 원들 이"): try the word with the one before it
        spellings = (token, tokens[j - 1] + token) if joined and j > 0 else (token,)
        for person, spelled in ((p, w) for w in spellings for p in others.people):
            if not spelled.startswith(person) or (not joined and spelled not in (person, person + "'s")):
                continue
            if spelled is not token and len(person) <= len(tokens[j - 1]):
                continue  # the person is all in the word before; that word is read on its own
            rest = spelled[len(person):]
            if not joined and token == person + "'s" and j >= start - 3:
                return "'s", j  # "my mum's worried", "my brother's been depressed"
            rest = rest[1:] if rest.startswith("들") else rest
            if joined and (j == start - 1 or (j == start - 2 and tokens[start - 1] == "들")) and rest in ("의", "") \
                    and person in others.owners:
                return "의", j  # 걔 |자신감|, 친구의 |자신감|: theirs
            if not rest and following in others.markers:
                if not joined and (_new_clause_felt(tokens, j + 1, start) or _done_then_felt(tokens, j + 1, start)):
                    return None  # "the lads |were a good bunch| felt accepted": their clause is done, mine begins
                if not joined and (_an_object(tokens, j) or (person in PLACES_AND_TIMES and j + 2 < start)):
                    # "found out |from the pe teacher felt| really left out" (an object), "the whole |evening
                    # was| a bust kinda annoyed" (a time, more said of it between): the speaker felt it
                    return None
                return following, j
            if joined and not rest and following in COUNTED:
                return following[-1], j  # |손님 하나가| 면접 떨어졌다 카면서
            if joined and not rest and following == "분" and j + 2 < start and tokens[j + 2] in ("이", "은", "께서"):
                return tokens[j + 2], j  # |보호자 분 이| 엄청 화가 나서
            for marker in others.markers:
                if rest.startswith(marker) and not any(rest[len(marker):].startswith(n) for n in others.not_markers) \
                        and len(rest) <= len(marker) + 1:
                    return marker, j
        if _ends_a_clause(token, others):
            if joined and HEART_AS_SUBJECT.match("".join(tokens[start:start + 2])):
                return None  # "애들이 같이 먹자고 해서 |마음이| 따뜻해졌어": the speaker's heart is the subject
            if joined and token.endswith(CAUSE_ENDING) and not past_cause \
                    and not GIVEN_TO_ME.search(token) and not token.endswith(COMING_TO):
                past_cause = True  # "애들이 경기 취소돼서 |실망|했어": a group's feeling carries over one "~서"
                continue
            return None
    return None


SITUATION_SUBJECTS = frozenset(("thats", "that's", "its", "it's", "it"))
"""An English clause about the situation, begun between a person and a feeling: the feeling is the speaker's
about it ("a guy is coming tomorrow so |thats| a relief")."""


FELT_FRAME = frozenset(("felt", "feel", "feeling"))
CARRIED_ON = frozenset(("and", "but", "then", "so", "also", "n", "who", "that", "just", "still", "really", "all"))


def _new_clause_felt(tokens: tuple[str, ...], verb: int, start: int) -> bool:
    """Whether an English "felt" before a feeling begins a clause of its own, its subject unsaid: the
    person's verb already has what it says of them ("the lads were |a good bunch| felt accepted"), and
    nothing joins the two ("my dad was so tired |and| felt sad" is his)."""
    k = start if tokens[start] in FELT_FRAME else start - 1
    if k < 0 or tokens[k] not in FELT_FRAME:
        return False
    said_of_them = tokens[verb + 1:k]
    return len(said_of_them) >= 2 and said_of_them[-1] not in CARRIED_ON and said_of_them[-1].isalpha()


DEED_ENDS_IN = frozenset(("with", "to", "for", "at", "on", "in", "into", "from", "instead", "down", "up", "over", "across"))
BEING_VERBS = frozenset(("was", "were", "is", "are", "felt", "feel", "feels", "got", "gets", "seemed", "seems", "looked",
                    "looks", "sounded", "sounds", "became", "went", "been", "be"))


def _done_then_felt(tokens: tuple[str, ...], verb: int, start: int) -> bool:
    """Whether an English person's deed ends in a place or a company before a bare feeling: "they went |with five
    others| gutted a bit" (their deed told, the feeling the speaker's). Not a verb of being ("she was at the party
    upset"), nor with a joining word ("and", "but")."""
    said_of_them = tokens[verb + 1:start]
    if tokens[verb] in BEING_VERBS and not (tokens[verb] == "went" and said_of_them[:1] == ("with",)):
        return False
    return len(said_of_them) >= 2 and said_of_them[0] in DEED_ENDS_IN and said_of_them[-1].isalpha() \
        and said_of_them[-1] not in CARRIED_ON | HEDGES and not set(said_of_them) & SET_AGAINST


COUNTED = frozenset(("하나가", "하나는", "하나도", "한명이", "한명은", "한분이", "한분은", "분이", "분은", "분께서"))
"""After a Korean person noun, one of them as the subject: 손님 |하나가|, 회원님 |한분이|."""


THING_FELT = frozenset(("게", "것이", "거", "것도", "게요"))
THING_FELT_ENDINGS = ("는게", "한게", "던게", "은게", "는것이", "한것이")
"""A clause made a noun (하는 게, 잘하는 것이): before a ``towards`` feeling it is what is felt,
so a person named before it is not who feels."""


SPEAKERS_OWN = frozenset(("my", "our"))
"""Between a reporting verb and a feeling, the speaker's own things end the reported words:
"the doctor said my results are fine what a |relief|"."""
QUOTE_REACH = 12
"""How many words back a reporting verb ("said") is looked for."""


UNSAID = frozenset(("nobody", "noone", "never", "didnt", "didn't", "hadnt", "hadn't", "hasnt", "hasn't"))


def _in_their_words(tokens: tuple[str, ...], start: int, others: Frame) -> bool:
    """Whether a mention stands in someone else's reported words: "the doctor said it's
    probably |stress|", but "she said sorry and i was |relieved|" (the speaker comes between).

    Walking back from the mention, a speaker word or a clause break ends the search; a
    reporting verb (``quotatives``) with another person among the three words before it
    makes the mention theirs.
    """
    quotes = [tuple(q.split()) for q in others.quotatives]
    if tuple(tokens[max(0, start - 2):start]) in SPEAKERS_COMMENT:
        return False  # "she said keep doing what youre doing |such a| relief": the speaker's word on it
    for j in range(start - 1, max(-1, start - 1 - QUOTE_REACH), -1):
        token = tokens[j]
        for quote in quotes:  # before the speaker's words: "she |told me| her daughter …"
            k = j - len(quote) + 1
            if k >= 0 and tokens[k:j + 1] == quote:
                if j + 2 < start and tokens[j + 1] in SHORT_REPLIES and set(tokens[j + 2:start]) & REPLY_OVER:
                    return False  # "he |said yes| straight away |so| relieved": the words said were one
                if quote == ("goes",) and j + 1 < start and tokens[j + 1] in GONE_TO:
                    return False  # "she |goes straight| to her room its so uncomfortable": a going, no words
                if quote[0] in TELLING and tokens[j + 1:j + 2] == ("off",):
                    return False  # "she wouldve |told me off| for staying home": a scolding, no words reported
                before = tokens[max(0, k - 3):k]
                if tokens[k - 1:k] and tokens[k - 1] in UNSAID or tuple(tokens[max(0, k - 4):max(0, k - 2)]) == ("not", "one"):
                    return False  # "|nobody told me| just shocked", "|not one| of them said a thing": no words said
                return not set(before) & set(others.speaker) \
                    and (quote[-1] == "me" or any((w,) in others.cues or w in others.people for w in before))
        if (token in others.speaker or token in SPEAKERS_OWN) and not (
                j >= 1 and (tuple(tokens[j - 2:j]) in (("was", "like"), ("is", "like")) or tokens[j - 1] == "goes"
                            or (token in ("i'm", "im") and set(tokens[j + 1:start]) <= others.through
                                and any(len(q) > 1 and q[-1] != "me" and tuple(tokens[j - len(q):j]) == q
                                        for q in quotes)))):
            said = start + 1 - j
            if j >= said and tokens[j - said:j] == tokens[j:start + 1]:
                return _in_their_words(tokens, start - said, others)  # "kept going im so stressed |im so stressed|"
            return False  # (but "skylar was like |i| feel so invisible", "kept going |im| so stressed": her words)
        if token in ASIDE_OPENERS and j >= 1 and tokens[j - 1] in ASIDE_BEFORE:
            return False  # "she said something came up |so um yeah| disappointed": the speaker's aside
        if token in others.breaks and not (token == "that" and any(t == q[-1] for t in tokens[max(0, j - 3):j] for q in quotes)):
            return False
    return False


SPEAKERS_COMMENT = (("such", "a"), ("thats", "a"), ("that's", "a"), ("what", "a"), ("so", "thats"), ("so", "that's"))
"""Right before a feeling after someone's words, what makes it the speaker's comment on them."""
GONE_TO = frozenset(("straight", "to", "back", "off", "out", "in", "into", "up", "upstairs", "down", "downstairs",
                     "home", "quiet", "silent", "round", "over", "away", "past"))
"""After "goes", where someone went, not what they said ("she goes |straight| to her room")."""
SHORT_REPLIES = frozenset(("yes", "yeah", "yep", "no", "nope", "okay", "ok", "sure", "thanks", "sorry", "fine", "alright",
                           "cheers", "hello", "hi", "goodbye", "bye", "congratulations", "congrats"))
ASIDE_OPENERS = frozenset(("yeah", "anyway", "anyways", "honestly"))
ASIDE_BEFORE = frozenset(("so", "um", "uh", "erm", "and"))
"""After someone's reported words, "so um |yeah|" or "and |anyway|" turns to what the speaker says of it."""
REPLY_OVER = frozenset(("so", "and", "then", "which", "know"))
"""After "said", a whole reply in one word, then one of :data:`REPLY_OVER`: what follows is no longer their words
("the doctor said yes its probably |stress|" still is; "she just said fine in that voice you |know| feeling well
|insecure|" is the speaker's aside)."""
CAUSING = frozenset(("made", "make", "makes", "making", "left", "leave", "leaves", "got", "get", "gets", "getting",
                     "kept", "keep", "keeps", "found", "find", "saw", "see", "seen", "watched", "watch", "heard",
                     "noticed", "felt", "drove", "drive", "drives", "driving", "sent", "set"))
"""Before "him", "her" or "them", a verb that makes them the one who feels: "it |made them| sad",
"|left her| upset"; without one, the pronoun ends a clause ("didn't know what to tell her | felt helpless")."""
OWN_SUBJECTS = frozenset(("it", "that", "this", "which", "bit", "a", "such", "what"))
"""A feeling phrase that starts with its own subject or as a noun ("his mates |it stung|", "of all people
|bit of a kick in the teeth|") is not the person's before it."""
LINKING = frozenset(("stay", "stays", "was", "is", "are", "were", "seemed", "seems", "looked", "looks", "looking", "sounded", "became"))
STIMULUS = frozenset(("boring", "exhausting", "embarrassing", "annoying", "frustrating", "tiring", "draining",
                      "relaxing", "terrifying", "confusing", "overwhelming", "stressful", "humiliating", "awkward"))
"""Words for what something is like to the speaker: "the speech was so |boring|" bored the speaker."""
NOT_SOMEONE = frozenset(("it", "that", "this", "which", "what", "there", "day", "today", "week", "night", "tonight",
                         "morning", "evening", "afternoon", "weekend", "everything", "life", "work", "and", "but",
                         "so", "then", "just", "really", "honestly", "actually", "who", "all", "still", "also",
                         "shift", "year", "month", "time", "i", "me", "think", "reckon", "guess", "suppose", "bet",
                         "know", "hope", "feel", "thought", "reckoned", "figured", "figure"))
"""Before "was" and a feeling, words that are not someone else who has it ("it was |embarrassing|",
"today was |exhausting|", "and was so |relieved|" with the "i" unheard; "reckon |were| drifting apart", Vosk's
"we're" after a verb of thinking)."""
FELT_AS = re.compile(r"^\w{0,2}?(된|한|인|받는|당한|같은)?(기분|느낌)(?!이?(래|라고|라더|랬|라네|이래|었다고|었대|였다고|였대))")
"""After a Korean feeling word, "…한 기분이야": the speaker's own feeling, told as a likeness."""
SEEN_IN_ONESELF = re.compile(r"^하?(더라|드라|더군)")
"""A Korean feeling said with ~더라 straight after its stem, "서럽더라고요", "속상하더라": felt by
the speaker (another's feeling is told as ~해하더라, ~하셨더라, ~더래), whoever is named before it."""
SEEN_GOING_ON = ("던데", "더라", "드라", "었는데", "었다", "던")
"""After a Korean feeling said again of someone, what tells it was seen going on: 신나서 방방 뛰|던데|."""
SEEN_ENDINGS = ("던데", "더라", "드라", "시고", "시더라", "뛰었는데", "떠드시고")
"""After a Korean feeling with ~서, what the speaker saw someone do: |신나서| 방방 |뛰던데|."""
THEIR_OWN = frozenset(("자기", "자기도", "자기는", "자기가", "자기네", "지가"))
THEIR_OWN_REACH = 5
"""Korean "oneself" said of someone else, just before a feeling: it is theirs."""
CLAUSE_END_KO = ("요", "다", "어", "고", "서", "데", "지", "까", "라", "네")


def _their_own(tokens: tuple[str, ...], start: int) -> bool:
    """Whether "자기" says who feels, in the same clause as a Korean feeling (:data:`THEIR_OWN`)."""
    for j in range(start - 1, max(-1, start - 1 - THEIR_OWN_REACH), -1):
        if tokens[j] in THEIR_OWN:
            return True
        if tokens[j].endswith(CLAUSE_END_KO):
            return False
    return False
SEEN_VERBS = ("놀라", "놀랐")
"""Korean feeling verbs (not adjectives): with ~더라 they are seen in someone else, "동생들이 막 |놀라|더라"
(and so is crying: "동생이 … 펑펑 |울|더라고요")."""
SHOWN_KO = ("질투", "실망", "걱정", "후회", "긴장", "당황")
"""Korean feeling nouns that take 하다 as a verb of doing, not of being: with ~하더라 after someone named they were
seen in that person ("남편 이 |질투 하 더라|", "동생 이 엄청 |실망 하더라|"); the speaker says 질투 나더라, 실망 했어.
(감사하더라 is the speaker's own: 감사 is not one of them.)"""
SEEN_DOING = re.compile(r"^하(더라|드라|더군|던데|드만|더만|데)")
DOING_FORM = frozenset("어워아와해여나퍼빠뻐파레")
"""Syllables ending a Korean feeling's 아/어 form (부러워, 슬퍼, 나빠, 속상해; not 공허, 초라, 감사, which
take 하다 as they are): before 하다 it is a verb of someone shown feeling it: 부러워 |하더라|, 슬퍼|하더라|."""
SPEAKER_IN_PHRASE = frozenset(("myself", "meself", "my", "me", "i", "i'm", "im", "i've", "ive"))
"""Words in an English feeling phrase that make it the speaker's, whoever stands before it."""


FELT = frozenset(("felt", "feel"))
HEDGES = frozenset(("so", "really", "very", "a", "bit", "little", "kind", "sort", "of", "quite", "pretty", "just",
                    "honestly", "actually", "totally", "proper", "well", "dead"))
NOT_A_SUBJECT = frozenset(("and", "but", "so", "honestly", "actually", "just", "really", "day", "today", "tonight",
                           "then", "again", "it", "that", "me", "though", "lot",
                           "time", "ages", "once", "twice", "work", "home",
                           "flat", "lovely", "nice", "great", "quiet", "busy", "late", "early", "over", "done", "finished",
                           "gone", "away", "off", "out", "up", "down", "back", "anyway", "afterwards", "later", "now",
                           "too", "fine", "okay", "alright", "thanks", "there", "here", "yesterday", "morning",
                           "evening", "afternoon", "week", "hours", "minutes"))
"""Words that can stand before a subjectless "felt" in speech: "… in front of everyone |felt| appreciated"."""
DONE_VERBS = frozenset(("said", "told", "gave", "made", "took", "came", "went", "sent", "brought", "left", "saw", "ran",
                        "sat", "stood", "put", "kept", "bought", "paid", "wrote", "rang", "sang", "threw", "caught",
                        "taught", "found", "held", "won", "lost", "did", "had", "drove", "fed"))
"""Another's verb with its object after ("she |said| thanks |felt| appreciated"): their clause is over, before a
past "felt" (a "feel" may be in their words: "colleague said dont |feel| bad")."""


TEARS = frozenset(("cried", "cry", "crying", "tears", "teared", "welled"))
"""Words of tears: right after a pleasant feeling they are its tears, not sadness."""
ALL_TEARS = TEARS | {"sobbed", "sobbing", "bawled", "bawling", "wept", "weeping", "tear", "tearful", "teary", "eyed",
                     "up", "a", "bit", "little", "i", "my", "eyes", "out", "in", "the", "car", "and"}
KO_TEARS = re.compile(r"^(울|눈물|엉엉|훌쩍|펑펑)")
KO_CRYING = re.compile(r"^(울었|울어|울고|울면|눈물|엉엉|펑펑)")
"""Korean tears proper (not 울컥, being moved): right after a pleasant feeling they are its tears."""


DRINKS = ("마셨", "마셔", "마시니", "들이키", "들이켜", "들이켰", "사발", "냉수", "찬물", "맥주", "사이다", "식혜", "콜라", "목이타", "목이말라",
          "냉면", "빙수", "아이스", "얼음", "수박", "냉국", "콩국수")
BODILY = ("쓰려", "쓰리", "쓰렸", "쓰린")
DIGESTING = ("소화제", "소화가", "체했", "체한", "체 했")
TASTED = ("김치", "맛", "약", "사탕", "커피", "나물", "국", "찌개", "반찬", "에스프레소", "원두", "차가", "녹차", "초콜릿", "한약")
COLD_SYMPTOMS = ("감기", "코가", "코감기", "기침", "가래", "비염")
MACHINES = ("캔커피", "온장고", "프레스", "기계가", "노트북", "차가", "엔진", "컴퓨터", "에어컨", "모터", "보일러", "핸드폰이", "폰이", "본체")
STUFFY_REACH = 7
STUFFY = ("마스크", "환기", "공기", "에어컨", "습해", "습하", "후덥", "방진복", "방호복", "조여", "조이", "꽉끼", "끼어서", "숨이안쉬어",
          "숨이안쉬", "병실이", "사무실이", "교실이", "방안이", "차안이", "실내가")
"""Just before a Korean 답답, words that make it the air or the breath, or a room (병실 이 너무 답답해 서), not a
stuck heart."""
TIGHT = ("조여", "조이", "꽉끼", "끼어서")
"""Just after a Korean 답답 too, what was too tight (after it "공기" may be where a stuck heart went for air)."""
EMPTY_THINGS_KO = ("냉장고", "지갑", "통장", "주머니", "창고", "책장", "옷장", "선반", "화분")
"""Right before a Korean 허전, things that are empty, not a heart."""
GUT_TROUBLE = ("상했", "상한", "화장실", "설사", "배탈", "장염", "체했", "체한", "소화제", "먹은게", "먹은거", "먹고나서", "과식", "생리통",
               "위경련")
"""Words that make a Korean "배가 아프다" the stomach itself (envy says it too: 사촌이 땅을 사면 배가 아프다)."""
FOOD_AND_DRINK = ("막걸리", "소주", "맥주", "한잔", "마셨", "마셔", "먹었", "먹고", "먹어서", "먹어", "국밥", "고추", "술", "커피", "아메리카노", "매운", "짬뽕", "과식", "해장", "회식")


def _body_not_heart(words: Text, hit: Hit) -> bool:
    """Whether a Korean "속이 쓰려" is the stomach after food or drink, not a sore heart
    (on the labelled sets: after 술, 짬뽕, 커피 the writers never tagged it)."""
    span = "".join(words.tokens[hit.start:hit.end]) + hit.rest[:2]
    if "씁쓸" in span and any(f in "".join(words.tokens[max(0, hit.start - 6):hit.start]) for f in TASTED):
        return True  # 갓을 일찍 뽑았는가 |김치|가 영 씁쓸하드라: the taste
    if "답답" in span and any(d in "".join(words.tokens[max(0, hit.start - STUFFY_REACH):hit.start]) for d in STUFFY):
        return True  # 에어컨 이 고장 나서 |마스크 안 이| 답답 해: the air, not the heart
    if "답답" in span and any(d in "".join(words.tokens[hit.end:hit.end + STUFFY_REACH]) for d in TIGHT):
        return True  # 가슴 이 답답 하 더라 고 |끈 을 너무 조여| 놨 었 나 봐: the straps
    if "답답" in span and any(d in words.joined for d in DIGESTING + COLD_SYMPTOMS):
        return True  # 급하게 먹었더니 |가슴이 답답|하더라고요 소화제 먹고 나니까; 감기 때문에 코가 꽉 막혀서 |답답|
    if "열" in span and any(m in "".join(words.tokens[max(0, hit.start - 3):hit.start]) for m in MACHINES):
        return True  # |노트북이| 하루 종일 열 받아 가지고 팬 소리가: a machine running hot
    before = "".join(words.tokens[:hit.start])
    if "시원" in span and any(d in before for d in DRINKS):
        return True  # 목이 타서 식혜 한 사발 들이키니까 |속이 다 시원|하더라: the thirst
    if span.startswith("배") and any(g in words.joined for g in GUT_TROUBLE):
        return True  # 김밥 이 상했 는지 |배 가 아파서| 화장실 만 들락날락: the stomach, not envy
    if "허전" in span and any(t in "".join(words.tokens[max(0, hit.start - 2):hit.start]) for t in EMPTY_THINGS_KO):
        return True  # 유통 기한 지난 거 다 버리 고 나니까 |냉장고 가| 허전 해: a thing emptied
    if "편" in span and "속" in words.tokens[max(0, hit.start - 3):hit.start] and any(g in words.joined for g in GUT_TROUBLE):
        return True  # 장염 때문 에 고생 했 는데 … |속| 이 좀 |편해| 졌 어요: the stomach at ease
    return any(b in span for b in BODILY) and any(f in before for f in FOOD_AND_DRINK)


INJURING = frozenset(("twisted", "sprained", "pulled", "strained", "tweaked", "stubbed", "bashed", "banged", "injured",
                      "broke", "broken", "fractured", "burnt", "burned", "jarred", "wrenched", "cricked", "hurt",
                      "busted", "knackered", "bruised", "grazed", "scraped"))
BODY_PARTS = frozenset(("knee", "knees", "ankle", "ankles", "wrist", "back", "shoulder", "hip", "elbow", "toe", "toes",
                        "finger", "fingers", "thumb", "neck", "foot", "feet", "leg", "hamstring", "calf", "groin", "arm",
                        "hand", "rib", "ribs", "tooth", "jaw", "head", "nose", "heel", "shin", "achilles", "stomach",
                        "tummy", "belly", "sides", "cheeks", "face", "eyes", "throat", "legs", "arms", "hands",
                        "shoulders", "muscles", "teeth", "hips", "calves"))
ACHING = frozenset(("hurts", "hurting", "hurt"))
INJURY_REACH = 16


def _injury_aching(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether an English "hurts" is an injury told just before it: "|twisted my knee| at five a side and
    it |hurts| like mad", a body part's ("my |wrist| still hurts") or one hurt ("hurt |my hamstring|"): the
    writers tag such pain as no feeling."""
    if not set(tokens[start:end]) <= ACHING:
        return False
    if any(tokens[k] in ("my", "me") and tokens[k + 1] in BODY_PARTS for k in range(max(0, start - 4), start - 1)) \
            or tokens[end:end + 1] in (("my",), ("me",)) and BODY_PARTS & set(tokens[end + 1:end + 3]):
        return True  # "my |wrist| still |hurts|", "|hurt my hamstring| at training"
    for k in range(max(0, start - INJURY_REACH), start - 1):
        if tokens[k] in INJURING and tokens[k + 1] in ("my", "me", "the") \
                and BODY_PARTS & set(tokens[k + 2:k + 4]):
            return True
    return False


COMFORT_GIVEN = re.compile(r"^위로(해|하여)(드렸|드리|드려|주고|줬|주었|줘|주느라|주러|주는)")
SPEAKER_SUBJECT_KO = ("나는", "저는", "내가", "제가", "난", "전")


def _comfort_given(words: Text, hit: Hit) -> bool:
    """Whether a Korean 위로 is comfort the speaker gave: "저는 그냥 |위로 해 주고| 왔어요", "옆 에서 |위로 해
    드렸지|" (on the labelled lines, 5 of 5 such are someone else's grief, not the speaker comforted). Given
    upward (드렸), by the speaker, or with no one else named as its giver."""
    said = ("".join(words.tokens[hit.start:hit.end]) + hit.rest).replace(" ", "")
    if not COMFORT_GIVEN.match(said):
        return False
    before = words.tokens[max(0, hit.start - 4):hit.start]
    return said.startswith(("위로해드", "위로하여드")) or any(t in SPEAKER_SUBJECT_KO for t in before) \
        or not any(t.endswith(("가", "이", "께서")) for t in before)


SHARED = (("so", "was", "i"), ("so", "am", "i"), ("so", "do", "i"), ("so", "was", "me"),
          ("me", "too"), ("same", "here"), ("me", "as", "well"), ("and", "me"), ("as", "was", "i"), ("as", "am", "i"),
          ("so", "were", "we"), ("so", "was", "we"), ("so", "are", "we"))
SHARED_REACH = 14
SHARED_SAID = frozenset(" ".join(p) for p in SHARED)
SHARED_NEAR = 4
"""How far "so was i" may stand after someone else's feeling ("my wife was furious the builder never showed up
again and to be fair |so was i|"), and "me too" or "same here", which also answer other doings."""


def _shared_by_me(tokens: tuple[str, ...], end: int) -> tuple[int, int] | None:
    """Where, soon after someone else's feeling, the speaker says it is theirs too: "dave is |jealous| the new
    girl got team lead and if im honest |so am i|" (every such labelled line has it the speaker's too)."""
    for k in range(end, min(len(tokens), end + SHARED_REACH)):
        for phrase in SHARED:
            if phrase[0] != "so" and k - end > SHARED_NEAR:
                continue  # "she looked humiliated then … talked over |me too|": another doing, far off
            if tuple(tokens[k:k + len(phrase)]) == phrase \
                    and (phrase[0] != "and" or k + 2 >= len(tokens) or tokens[k + 2] in ("too", "all", "included")):
                return k, k + len(phrase)
    return None


def _only_tears(span: str, joined: bool) -> bool:
    """Whether a feeling was told by tears alone ("|cried in the car|", "|눈물이 핑|"): with
    another feeling named they are its tears (on the labelled sets such a second tag was never
    the writer's: 9 of 9 Korean, 6 of 6 English)."""
    if joined:
        return bool(KO_TEARS.match(span))
    said = span.split()
    return bool(set(said) & TEARS) and set(said) <= ALL_TEARS


def _said_without_subject(tokens: tuple[str, ...], start: int, end: int, others: Frame) -> bool:
    """Whether an English feeling follows "felt" with no one named before it: speech drops
    the "i" ("… said well done in front of everyone felt really appreciated"), while another's
    feeling names them ("she felt", "mum felt")."""
    k = start
    while k < end and tokens[k] not in FELT:
        k += 1
    if k == end:
        k = start - 1
        while k >= 0 and tokens[k] in HEDGES:
            k -= 1
        if k < 0 or tokens[k] not in FELT:
            return False
    near = tokens[max(0, k - 3):k]
    people_at = [i for i, t in enumerate(near)
                 if t in others.people and (i == 0 or near[i - 1] not in OBJECT_OF | {"my", "old"})
                 and not (k - 3 + i >= 2 and near[i - 1] in DETERMINERS and tokens[k - 3 + i - 2] in OBJECT_OF)
                 and not (i and (near[i - 1] in STATE_WORDS
                                 or (i > 1 and near[i - 1] in HEDGES and near[i - 2] in STATE_WORDS)))]
    # (a person-word after "was" is no subject: "the sea was dead |flat| felt really calm")
    after_them = near[people_at[-1] + 1:] if people_at else ()
    if people_at and (any(t.endswith("ed") and t not in STATE_WORDS for t in after_them)
                      or (tokens[k] == "felt" and any(t in DONE_VERBS for t in after_them[:-1]))):
        return True  # "everyone |cracked| up |felt| so stupid", "she |said| thanks |felt|": their clause ended, the "i" unsaid
    if any(t in ("was", "were", "is", "are") and any(w not in HEDGES for w in after_them[i + 1:])
           for i, t in enumerate(after_them)):
        return True  # "everyone |was lovely| felt really welcome": theirs was said, then the speaker's
    if people_at and not set(near) & set(others.speaker) and not set(near) & OBJECT_OF:
        return False  # "my little brother back home |felt| left out": his
    return k > 0 and (tokens[k - 1] in NOT_A_SUBJECT
                      or (k > 1 and tokens[k - 2] in OBJECT_OF)
                      or (k > 2 and tokens[k - 3] in OBJECT_OF and tokens[k - 2] in POSSESSIVES | DETERMINERS))
    # "to her papa |felt|", "down the beach with the girls |felt|"


OBJECT_OF = frozenset(("of", "to", "with", "at", "for", "from", "in", "on"))
"""A word after one of these is an object, not who felt: "in front of everyone |felt| appreciated"."""


OF_MYSELF = (("of", "myself"), ("of", "meself"), ("with", "myself"), ("with", "meself"), ("of", "ourselves"))
VIEWING = frozenset(("asked", "asks", "wondered", "reckons", "reckoned", "thinks", "thought", "says", "said", "reckon", "think",
                     "worries", "frets", "fears", "assumes", "believes", "imagines", "asking", "ask", "wondering"))
TELLING = frozenset(("told", "tells", "telling"))
ME_BEING = (("im",), ("i'm",), ("i", "was"), ("i", "am"), ("i", "must", "be"), ("im", "being"), ("i'm", "being"),
            ("i", "looked"), ("i", "look"), ("i", "seemed"), ("i", "was", "being"), ("was", "i"), ("am", "i"), ("if", "i", "was"), ("im", "the"),
            ("i'm", "the"))


def _their_view_of_me(tokens: tuple[str, ...], start: int, others: Frame) -> bool:
    """Whether a feeling is someone's word for the speaker: "my wife |reckons im| sad", "mum |thinks i'm|
    lonely". Only what the speaker says of themselves counts (and the denial that often follows)."""
    while start > 0 and tokens[start - 1] in HEDGES:
        start -= 1  # "told me i was |so| chill"
    if tuple(tokens[max(0, start - 2):start]) in YOU_LOOK:
        return True  # "and said |you look| tired beta sit down": how the speaker looks to someone
    for size in (1, 2, 3):
        k = start - size
        told = k >= 3 and tokens[k - 1] == "me" and tokens[k - 2] in TELLING  # "my manager |told me i was| so chill"
        if k >= 2 and tuple(tokens[k:start]) in ME_BEING and (tokens[k - 1] in VIEWING or told):
            viewer = k - 3 if told else k - 2
            while viewer > 0 and tokens[viewer] in NOT_DOING | {"do", "dont", "don't"}:
                viewer -= 1  # "i |don't| think i'm angry": the speaker's own view
            if not told and tokens[viewer] in ("being", "been", "be", "getting"):
                return False  # "cooked dinner without |being asked| i was gobsmacked": no one asked anything
            return tokens[viewer] not in others.speaker
    return False


YOU_LOOK = frozenset((("you", "look"), ("you", "looked"), ("you", "seem"), ("you", "seemed"), ("you", "sound"),
                      ("you", "sounded"), ("you're", "looking"), ("youre", "looking")))
"""Someone's words to the speaker about how they look: not what the speaker says they feel."""


INVERTED = (("he", "was"), ("she", "was"), ("they", "were"), ("he", "is"), ("she", "is"), ("he", "been"), ("she", "been"),
            ("hes", "been"), ("shes", "been"))
AFTER_INVERTED = frozenset(("since", "cause", "because", "cos", "and", "but", "so", "mind", "too", "like", "an"))


def _inverted(tokens: tuple[str, ...], end: int) -> bool:
    """A Northern English inversion, the feeling first: "dead grateful |he was| cause …"; not "i was
    relieved she was ok" (what follows "she was" is what the speaker felt about)."""
    return tuple(tokens[end:end + 2]) in INVERTED and (end + 2 == len(tokens) or tokens[end + 2] in AFTER_INVERTED)


SENSED = frozenset(("feels", "seem", "seems", "seemed", "looks", "sounds"))
"""Verbs that show someone else's feeling ("the new girl |feels| invisible", "she doesnt |seem| scared"):
the speaker's own is "i feel", so whoever stands before them is not the speaker."""
THEM_WHO = frozenset(("her", "him", "them", "she", "he", "they"))
NOT_DOING = frozenset(("doesnt", "doesn't", "didnt", "didn't", "does", "did", "dont", "don't", "not", "never",
                       "always", "really"))
THINGS = frozenset(("home", "house", "place", "flat", "room", "nothing", "everything", "something", "life", "world",
                    "bed", "office", "street", "town", "city", "weekend", "job"))
"""Before "feels": places and things, the speaker's own sense of them ("the house |feels| empty")."""
FEELING_AS_SUBJECT = frozenset(("came", "comes", "hit", "hits", "was", "is", "washed", "kicked", "took", "got", "gets",
                                "crept", "creeps", "rushed", "returned", "never"))
"""After "the" and a feeling, verbs that make the feeling the subject: "the grief |came| back"."""


THEIR_OWN_EN = frozenset(("her", "his", "their"))


def _person_then_hedges(tokens: tuple[str, ...], start: int, others: Frame) -> bool:
    """Whether an English feeling follows a person with only hedges between, no verb (as some English
    is spoken): "my housemate |so| happy", "she |very| upset"."""
    k = start - 1
    while k >= 0 and tokens[k] in HEDGES:
        k -= 1
    return k < start - 1 and k >= 0 and ((tokens[k] in others.people and tokens[k] not in PLACES_AND_TIMES
                                          and not _an_object(tokens, k))
                                         or tokens[k] in ("she", "he", "they"))  # (not "in front |of everyone so|")


def _likened(tokens: tuple[str, ...], person: int) -> bool:
    """Whether an English person word is only what the speaker likens themselves to: "cried |like a child| grief is
    strange", "|like a| kid in a sweet shop"."""
    return "like" in tokens[max(0, person - 3):person]


PLACES_AND_TIMES = frozenset(("team", "office", "evening", "party", "place", "house", "room", "street", "apartment",
                              "flat"))
"""Of the frame's words for other people, the places and times: "at parents |evening so| embarrassed" is the
speaker's, no one said before hedges."""


PRONOUNS = frozenset(("it", "that", "this", "there", "which", "what", "he", "she", "they", "we", "you", "who"))
PHRASE_REACH = 5
PLACED = frozenset(("at", "from", "in", "on", "across", "down", "up", "over"))
"""Between a person and the verb, a place that is not the subject: "the lads |at| work were gutted"."""


def _person_behind_phrase(tokens: tuple[str, ...], subject: int, others: Frame) -> bool:
    """Whether the English subject of "was" is a person the words before it stand behind: a place
    ("the lads at work were"), or a clause of the speaker's about them ("this guy i picked up tonight
    was"). The word right before "was" is then not the subject, and not the speaker."""
    if subject < 1 or tokens[subject] in others.speaker or tokens[subject] in SPEAKER_IN_PHRASE | PRONOUNS:
        return False  # (but "at the usual place |it| was a calm day": the pronoun is the subject)
    for k in range(subject - 1, max(-1, subject - 1 - PHRASE_REACH), -1):
        token = tokens[k]
        if token in NEW_CLAUSE or token in STATE_WORDS or token in others.speaker and token != "i":
            return False
        if token in PLACED and k and (tokens[k - 1] in others.people or tokens[k - 1] in others.names) \
                and tokens[k - 1] not in NOT_PEOPLE and not _an_object(tokens, k - 1):
            return True  # "the lads |at| work" (but "outside a customers |house in| the rain felt a right idiot")
        if token in PLACED and k >= 3 and tokens[k - 2:k] == ("of", "mine") and tokens[k - 3] in others.people:
            return True  # "buddy |of mine on| the bottling line"
        if token == "i" and k and tokens[k - 1] in others.people and k + 1 < subject:
            return True  # "this guy |i| picked up tonight"
    return False


def _an_object(tokens: tuple[str, ...], person: int) -> bool:
    """Whether an English person is the object of a word before them, no subject: "took me right back |to dad| on
    the old ferguson felt heavy" (determiners and adjectives may stand between)."""
    if tokens[person] in THEM_WHO:
        return False  # "said it was grandad to a tee |he| got proper wistful": a subject's pronoun
    j = person - 1
    while j >= 0 and (tokens[j] in DETERMINERS | POSSESSIVES | {"another", "this", "that", "own"}
                      or tokens[j] in PERSON_ADJECTIVES or tokens[j] in JUDGED):
        j -= 1
    if j >= 1 and tokens[j] in ("was", "were", "like", "as") and j < person - 1:
        return True  # "kept filling my plate like i |was their own| brother felt so welcome": what i was to them
    if j >= 1 and tokens[j] not in OBJECT_OF and tokens[j - 1] in DETERMINERS | POSSESSIVES:
        j -= 2  # "found out |from the pe| teacher": one word of what kind of person
        while j >= 0 and tokens[j] in DETERMINERS | POSSESSIVES:
            j -= 1
    if j >= 1 and j < person - 1 and tokens[j] in DONE_TO_A_PERSON and tokens[j - 1] in SUBJECT_PRONOUNS:
        return True  # "then i saw |they added another| bloke felt a bit rejected": their clause, and its object
    return j >= 0 and (tokens[j] in OBJECT_OF or tokens[j] in ("about", "after"))


JUDGED = frozenset(("such", "terrible", "awful", "bad", "rubbish", "useless", "lousy", "horrible", "crap", "crappy",
                    "shit", "shitty", "good", "great"))
"""Words that judge the person they stand before, as the speaker judges themself: "i feel like |such a terrible|
friend honestly guilty" (what the speaker is, not a friend's feeling)."""


DONE_TO_A_PERSON = frozenset(("added", "hired", "picked", "chose", "invited", "asked", "brought", "took", "met", "saw",
                              "booked", "signed", "promoted", "thanked", "praised", "blamed", "called"))
SUBJECT_PRONOUNS = frozenset(("i", "they", "he", "she", "we", "you"))


SPEAKER_AS_THE_ONE = (("i", "was", "the", "one"), ("i", "am", "the", "one"), ("i'm", "the", "one"),
                      ("im", "the", "one"), ("me", "was", "the", "one"), ("i've", "been", "the", "one"))


BEEN_REACH = 5
BEEN_THROUGH = frozenset(("been", "feeling", "a", "bit", "of", "proper", "so", "really", "very", "that", "dead", "pretty",
                          "well", "quite", "all", "too", "lately", "kind", "kinda", "sort", "bag"))


def _theirs_been(tokens: tuple[str, ...], start: int, others: Frame) -> bool:
    """Whether an English feeling follows someone's "been" with the apostrophe unheard ("my |dads been| really
    down", "|hes been| feeling proper down", "my |partners been| a bag of nerves"), or a person next door."""
    if start >= 3 and tokens[start - 2:start] == ("next", "door") and tokens[start - 3] in others.people:
        return True  # "the kid |next door| cried all night"
    k = start - 1
    while k > 0 and start - k <= BEEN_REACH and tokens[k] in BEEN_THROUGH:
        if tokens[k] == "been":
            who = tokens[k - 1]
            return who in ("hes", "shes", "he's", "she's", "theyve", "they've") \
                or (who.endswith("s") and who[:-1] in others.people and who not in others.people)
        k -= 1
    return False


def _persons_own(tokens: tuple[str, ...], k: int, others: Frame) -> bool:
    """Whether word ``k`` is a person, or a name after "our" ("|our megan| was proper left out"; "my" is as
    often a thing's: "my application was rejected")."""
    return tokens[k] in others.people or (k >= 1 and tokens[k - 1] == "our" and tokens[k].isalpha()
                                          and tokens[k] not in NOT_SOMEONE | THINGS | NOT_A_THING)


def _named_person_before(tokens: tuple[str, ...], start: int, others: Frame) -> bool:
    """Whether an English person stands right before ``start``, or a person and their name
    ("my friend |priya|", "our kid |jas|")."""
    if start and (tokens[start - 1] in others.people or _a_named_subject(tokens, start - 1, others)):
        return True
    name = tokens[start - 1] if start >= 2 else ""
    return start >= 2 and tokens[start - 2] in others.people and tokens[start - 2] not in THEM_WHO \
        and name.isalpha() and name not in NOT_SOMEONE | HEDGES | STATE_WORDS | FELT | set(others.speaker) \
        and name not in SPEAKER_IN_PHRASE | NOT_DOING | OBJECT_OF | CLAUSE_ENDS


HEARSAY_EN = frozenset(("apparently", "supposedly", "reportedly"))
FIRST_PERSON = frozenset(("i", "im", "i'm", "ive", "i've", "id", "i'd", "ill", "i'll", "me", "my", "mine", "myself", "meself",
                          "we", "us", "our", "mi"))


def _hearsay_alone(tokens: tuple[str, ...]) -> bool:
    """An English answer that is all hearsay, the speaker nowhere in it: "sir sha felt |left out| |apparently|"."""
    return bool(HEARSAY_EN & set(tokens)) and not FIRST_PERSON & set(tokens)


HOW_SUBJECT_REACH = 4
NOT_A_PERSON_HOW = frozenset(("i", "im", "i'm", "me", "we", "us", "it", "that", "this", "things", "everything", "life"))
"""Subjects of "how <feeling> … is" that leave the feeling the speaker's or the day's ("how lonely |i| am", "how
sad |it| is that nobody rang")."""


def _how_they_are(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether a feeling is said as "how <feeling> <someone> is": "we talked about how |lonely| curleys wife is",
    "rang to tell me how |exhausted| she is": the one after the feeling has it, not the speaker."""
    j = start - 1
    while j >= 0 and tokens[j] in HEDGES:
        j -= 1
    if j < 0 or tokens[j] != "how":
        return False
    for k in range(end, min(len(tokens), end + HOW_SUBJECT_REACH + 1)):
        if tokens[k] in ("is", "are", "was", "were", "gets", "got", "felt", "feels", "looked", "seemed"):
            subject = tokens[end:k]
            return bool(subject) and not set(subject) & NOT_A_PERSON_HOW
    return False


WITH_ME = (("me", "and"), ("and", "me"), ("and", "myself"), ("and", "meself"))
WITH_ME_REACH = 7


def _with_me(tokens: tuple[str, ...], start: int) -> bool:
    """Whether an English feeling's subject, a few words before it in the same clause, has the speaker in it:
    "|me and| the dishwasher guy had a good laugh", "the lads |and me| were buzzing"."""
    for k in range(start - 1, max(0, start - WITH_ME_REACH) - 1, -1):
        if tokens[k] in OTHER_SUBJECTS:
            return False
        if k and (tokens[k - 1], tokens[k]) in WITH_ME:
            return True
    return False


HONESTLY_SAID = (("to", "be", "honest"), ("if", "im", "honest"), ("if", "i'm", "honest"), ("if", "i", "am", "honest"),
                 ("if", "i", "be", "honest"), ("to", "be", "fair"), ("tbh",), ("honestly",),
                 ("if", "im", "being", "honest"), ("if", "i'm", "being", "honest"))
HONESTLY_GAP = frozenset(("and", "a", "bit", "little", "wee", "about", "it", "that", "with", "this", "tonight", "too",
                          "really", "am", "i", "im", "i'm", "was", "proper", "quite", "kind", "of", "sort", "all", "so",
                          "also", "now", "just", "me", "myself"))
HONESTLY_REACH = 6
COPULAS = frozenset(("was", "is", "were", "are", "seemed", "seems", "looked", "looks", "sounded", "sounds", "felt",
                     "feels", "got", "gets", "been"))
HONESTLY_THEIRS = frozenset(("he", "she", "they", "hes", "shes", "theyre", "he's", "she's", "they're", "his", "her",
                             "their", "him", "them"))


def _owned_with_honesty(tokens: tuple[str, ...], start: int, end: int, named: set[int]) -> bool:
    """Whether an English feeling closes the answer with the speaker's own aside on it, "to be honest", "if im
    honest", "tbh" ("so thats off again |gutted to be honest|", "gutted and a bit |lonely| to be honest"): the
    speaker's word on their day, whoever was talked about before (words between may be other feelings named,
    ``named``, or a few of :data:`HONESTLY_GAP`). Not after "she was", "hes" …: "she was gutted to be fair"."""
    k = start - 1
    while k >= 0 and start - k <= 3 and tokens[k] in HONESTLY_GAP - {"i", "im", "i'm", "me", "myself", "am", "was"}:
        k -= 1
    if k >= 0 and (tokens[k] in HONESTLY_THEIRS or (tokens[k] in COPULAS and k and tokens[k - 1] not in ("i", "we"))):
        return False  # "my mate |was| gutted to be fair", "i know |he is| a bit hurt"
    k = end
    while k < len(tokens) and k - end <= HONESTLY_REACH:
        for aside in HONESTLY_SAID:
            after = k + len(aside)
            if tokens[k:after] == aside and (after == len(tokens) or tokens[after] in CLAUSE_ENDS):
                return True
        if k not in named and tokens[k] not in HONESTLY_GAP:
            return False
        k += 1
    return False


def _said_with_honesty(found: RuleTags, name: str, language: str) -> bool:
    """Whether an English unpleasant feeling is :func:`_owned_with_honesty` where it was named: the learned layer
    leaves it (a pleasant one so said may be irony: "… parking ticket on the windscreen im just so |thrilled
    honestly|")."""
    if language != "en" or feeling_kind(name, language) != POLARITIES[1]:
        return False
    named = {i for at in found.named_at.values() for a, b in at for i in range(a, b)}
    return any(_owned_with_honesty(found.words.tokens, a, b, named) for a, b in found.named_at.get(name, ()))


def _theirs(words: Text, hit: Hit, others: Frame, joined: bool) -> bool:
    """Whether a feeling mention is someone else's ("she seemed |annoyed|", "엄마가 |실망|하셨어")."""
    if joined and FELT_AS.match(hit.rest):
        return False  # 애들은 인사도 안 하고 지나가 |투명인간| 된 기분이야: "I feel like", whoever is named before
    if joined and said_as_mine_too(words.tokens, hit.start, topic=True):
        return False  # "아들 이 … 못 자 길래 … |나 는| 오히려 |평온| 하 던데": set against theirs
    before_rest = words.joined[len(words.joined) - len(hit.rest) - 1] if joined else ""
    if joined and SEEN_DOING.match(hit.rest) and "".join(words.tokens[hit.start:hit.end]).endswith(SHOWN_KO) \
            and _named_before(words.tokens, hit.start, others):
        return True  # 남편 이 괜히 |질투 하 더라|: what he did, seen
    if joined and SEEN_IN_ONESELF.match(hit.rest) and before_rest not in ("다", "났") \
            and not words.joined[:len(words.joined) - len(hit.rest)].endswith(SEEN_VERBS) \
            and not KO_CRYING.match("".join(words.tokens[hit.start:hit.end])) \
            and not (hit.rest.startswith("하") and before_rest in DOING_FORM):
        return False  # 남편도 애들도 한마디를 안 물어보고 괜히 |서럽|더라고요
    if joined and hit.rest.startswith("서") and any(t.endswith(SEEN_ENDINGS) for t in words.tokens[hit.end:hit.end + 3]) \
            and _named_before(words.tokens, hit.start, others):
        return True  # 동생이 시험 붙었다고 완전 |신나서| 방방 뛰던데: what they did, seen
    if joined and _their_own(words.tokens, hit.start):
        return True  # 다들 |자기| 취업 걱정만 하고, 언니는 |자기도| 몰랐다고 억울해하더라
    if joined and before_rest in DOING_FORM and SEEN_DOING.match(hit.rest):
        return True  # 언니가 … 했다고 엄청 |기분 나빠| 하더라: seen in someone, however far back they are named
    if not joined and _hearsay_alone(words.tokens):
        return True
    if not joined and _how_they_are(words.tokens, hit.start, hit.end):
        return True  # "talked about how |lonely| curleys wife is", "tell me how |exhausted| she is"
    if not joined and _said_without_subject(words.tokens, hit.start, hit.end, others):
        return False  # "the nurse said nice one doc honestly |felt so proud|": the "i" unsaid
    if not joined and _their_view_of_me(words.tokens, hit.start, others):
        return True  # "me wife |reckons im| gutted … but i wasnt even bothered": her word for it
    if not joined and _inverted(words.tokens, hit.end):
        return True  # "dead grateful |he was| cause i got him there in time"
    if not joined and set(words.tokens[hit.start:hit.end]) & SPEAKER_IN_PHRASE:
        return False  # "they were gone |kicking myself|": the phrase itself names who feels
    if not joined and _with_me(words.tokens, hit.start):
        return False  # "|me and| the dishwasher guy had a good laugh": the speaker is one of them
    said_words = set(words.tokens[hit.start:hit.end])
    if not joined and said_words & THEIR_OWN_EN and said_words & ALL_TEARS:
        return True  # "a client in the chair |crying her eyes out|"
    if not joined and _person_then_hedges(words.tokens, hit.start, others) and hit.key not in others.towards:
        return True  # "my housemate |so| happy cooking", "she |very| upset": no verb said, the person has it
    if not joined and tuple(words.tokens[hit.end:hit.end + 2]) in OF_MYSELF:
        return False  # "borrow off me mom |proud of meself|"
    at = framed_at(words.tokens, hit.start, others) \
        if others.cues and not (hit.start and words.tokens[hit.start - 1] in ("the", "this")) else None
    # ("my mother is gone three years and |the| grief came back": a feeling named as a thing, not said of her)
    between = words.tokens[at + 1:hit.start] if at is not None else ()
    if at is not None and words.tokens[at] == "who" \
            and any(tuple(words.tokens[max(0, at - len(p)):at]) == p for p in SPEAKER_AS_THE_ONE):
        return False  # "honestly |i was the one who| felt left out"
    if at is not None and not (words.tokens[at] in THEIR_OBJECTS and (not at or words.tokens[at - 1] not in CAUSING)) \
            and not (between and words.tokens[at] in others.people and not set(between) & (STATE_WORDS | set(others.markers))) \
            and not (words.tokens[at] in others.people and _an_object(words.tokens, at)):
        return True  # "it made |them| sad", "my |mum| was so sad"; but "every one of them | bit |wistful|" and
        # "new people | bit |lonely|" (no verb between): a clause ends there
    if others.quotatives and _in_their_words(words.tokens, hit.start, others):
        return True
    if not joined and hit.start and words.tokens[hit.start - 1] in others.people and hit.key not in others.towards \
            and words.tokens[hit.start] not in OWN_SUBJECTS and words.tokens[hit.start - 1] not in PLACES_AND_TIMES \
            and not _likened(words.tokens, hit.start - 1):
        return True  # "my mama |cried| on the call": the person right before the feeling has it
    if not joined and words.tokens[hit.start] in FELT and hit.start \
            and ((words.tokens[hit.start - 1] in others.people and not _an_object(words.tokens, hit.start - 1))
                 or _person_behind_phrase(words.tokens, hit.start - 1, others)):
        return True  # "the new kid |at the counter felt| awful about dropping a tray"
    if not joined and _theirs_been(words.tokens, hit.start, others):
        return True  # "my dads been really down", "hes been feeling proper down", "the kid next door cried"
    passive = hit.start if words.tokens[hit.start] in PASSIVE else hit.start - 1
    if not joined and passive >= 0 and words.tokens[passive] in PASSIVE and _named_person_before(words.tokens, passive, others):
        return True  # "me nephew |got dumped|", "my friend priya |got rejected|": done to them
    link = hit.start - 1
    while link > 0 and words.tokens[link] in others.through and words.tokens[link] not in LINKING | SENSED:
        link -= 1  # "everyone in accounts was |so| stressed", "the rest of them were |all| nervous"
    subject = link - 1
    while subject > 0 and words.tokens[link] in SENSED and words.tokens[subject] in NOT_DOING:
        subject -= 1  # "she |doesnt| seem scared"
    sensed = words.tokens[link] in SENSED and set(words.tokens[link + 1:hit.start]) <= HEDGES | {"all", "too"}
    if not joined and 2 <= subject and words.tokens[link] in LINKING and words.tokens[subject] in ("us", "me") \
            and words.tokens[subject - 1] in OBJECT_OF | {"next", "beside", "behind"} \
            and any(t in others.people for t in words.tokens[max(0, subject - 5):subject - 1]):
        return True  # "the lad next to |us| was fuming": the lad
    if not joined and link >= 2 and words.tokens[link] in LINKING and words.tokens[link - 1] in ("that", "who") \
            and words.tokens[link - 2] in THEM_WHO:
        return True  # "it was |her that was| fuming all night not me"
    if not joined and link >= 1 and words.tokens[link] in LINKING and hit.key not in others.towards \
            and _person_behind_phrase(words.tokens, subject, others):
        return True  # "the lads |at work| were gutted", "this guy |i picked up tonight| was so upset"
    if not joined and subject >= 0 and link >= 1 and (words.tokens[link] in LINKING or sensed) \
            and words.tokens[subject].isalpha() and words.tokens[subject] not in NOT_SOMEONE | THINGS \
            and words.tokens[subject] not in others.speaker \
            and "how" not in words.tokens[max(0, subject - 3):subject] \
            and (hit.key not in others.towards or sensed or _persons_own(words.tokens, subject, others)) \
            and words.tokens[hit.end - 1] not in STIMULUS:
        return True  # "priya |was| devastated"; but "the speech was so |boring|" bored the speaker, "the lady next door |was| frantic": whoever it is, not "i"
    rest = "다" + hit.rest if joined and before_rest == "다" else hit.rest
    if any(rule.match(rest) for rule in others.after):
        return True  # (the mention may end on the 다 a rule reads: |외롭다| 고 엄마 가 그러셨어)
    if others.tail:
        last = words.joined[len(words.joined) - len(hit.rest) - 1:len(words.joined) - len(hit.rest)]
        if any(rule.match(last + hit.rest) for rule in others.tail):
            return True
    if not joined and hit.start and words.tokens[hit.start - 1] in ("the", "this") \
            and words.tokens[hit.end:hit.end + 1] and words.tokens[hit.end] in FEELING_AS_SUBJECT:
        return False  # "my mother is gone three years and |the grief| came back": a thing named, not said of her
    if joined and REPORTED_BY_AN_ELDER.match(hit.rest):
        return True  # 어르신 이 … 손 잡고 |고맙| 다 카시 는데: their words, told with respect
    if joined and REPORTED_FEELING.match(hit.rest) and _named_before(words.tokens, hit.start, others):
        return True  # 아내가 퇴근하고 와서 너무 |지친|다고 바로 잠들었어
    if joined and GUESSED_OF_THEM.match(hit.rest) and _named_before(words.tokens, hit.start, others, GUESS_REACH):
        return True  # 막내 디자이너 가 … 표정 보니 많이 |힘든| 가 봐
    found = _someone_else_as_subject(words.tokens, hit.start, others, joined)
    if found is None:
        return False
    marker, at = found
    near = words.tokens[max(0, at - 3):at]
    if marker == "도" and (ALSO_ME & set(near) or any(f"{x}{y}" in ALSO_ME for x, y in zip(near, near[1:]))):
        return False  # "|나 도| 형 도 좀 든든 했 어요": the speaker feels it too
    if marker == "의" and hit.key in others.towards and not words.tokens[at].endswith("의"):
        return False  # |엄마| 걱정도 되고요: the one the worry is for, not who worries
    between = words.tokens[at + 1:hit.start]
    if hit.key in others.towards and any(t in THING_FELT or t.endswith(THING_FELT_ENDINGS) for t in between):
        return False  # 그 애는 뭐든 쉽게 하는 게 |부러워|: what is envied is the "~는 게" clause
    if hit.key in others.towards and marker in OBJECT_MARKERS:
        # 할머니가 그리웠어요: what is felt; 남편이 나를 걱정했어: with an object between, who feels
        return any(t.endswith(("를", "을")) for t in words.tokens[at + 1:hit.start])
    return True


REPORTED_FEELING = re.compile(r"^\w{0,2}?(다|이라|(?<![드더])라) ?(고|구|카(?=시|더|데|대|던|드|네|면서|길래|이|니))(?!생각|느|싶|해야|할까|하기|해도|하면)")
"""A Korean feeling reported with ~다고 (경상도 ~다 카시는데): 아내가 … |지친|다고 잠들었어 is the wife's,
and so is 어르신 이 … |고맙| 다 카시 는데."""
REPORTED_BY_AN_ELDER = re.compile(r"^\w{0,2}?(다|이라|(?<![드더])라) ?(카|하)(시|셨|신)")
"""A Korean feeling quoted with the honorific ~다 하시/카시: the one quoted is someone the speaker respects, never
the speaker, however far back they are named."""
NAMED_REACH = 8
GUESSED_OF_THEM = re.compile(r"^\w?(가|나) ?봐")
"""A Korean guess at a feeling (힘든가 봐, 속상했나 봐): someone else's when they are named before it
("내가 좀 지쳤나 봐" is the speaker's)."""
GUESS_REACH = 16


def _named_before(tokens: tuple[str, ...], start: int, others: Frame, reach: int = NAMED_REACH) -> bool:
    """Whether someone else is named as a subject (아내가, 친구는) a few words before ``start``,
    with the speaker (내가, 저는) not named in between."""
    for j in range(start - 1, max(-1, start - 1 - reach), -1):
        token = tokens[j]
        if token in others.speaker:
            return False
        for person in others.people:
            rest = token[len(person):] if token.startswith(person) else None
            if rest is None:
                continue
            rest = rest[1:] if rest.startswith("들") else rest
            if rest in ("가", "이", "는", "은", "께서", "도", "분이", "분은", "분께서", "님이", "님은", "님께서") \
                    or (not rest and j + 1 < start and tokens[j + 1] in others.markers) or token == "다들":
                return True
    return False


ALSO_ME = frozenset(("나도", "저도"))
"""Before "형도", "엄마도", the speaker named with 도 too: the feeling is theirs and the speaker's."""
STATE_WORDS = frozenset({"felt", "feel", "feels", "feeling", "was", "were", "is", "are", "seemed", "seems",
                         "looked", "looks", "sounded", "sounds", "got", "gets", "getting", "been", "be"})
"""Before an English feeling word, what makes it a state someone is in ("my husband felt |left out|"),
so the theme it tells is theirs too; "my boss |dismissed| my idea" is something done to the speaker.
(Korean marks a reported or honoured feeling in its endings: "소외감을 느낀다고 해서".)"""

DETERMINERS = frozenset(("the", "a", "an", "some", "his", "her", "their", "our", "its", "those"))
NOT_DONE_TO = STATE_WORDS | HEDGES | FELT | {"got", "get", "being", "been", "so", "too", "all", "totally", "kinda",
                                             "completely", "utterly", "left", "feeling", "i'm", "im", "am", "we're",
                                             "were", "he's", "she's", "hes", "shes", "you're", "youre"}
WHOLE = frozenset(("whole", "entire"))
SPELLS_OF_TIME = frozenset(("day", "night", "time", "week", "weekend", "morning", "afternoon", "evening", "month",
                            "year", "shift", "way", "thing", "lot", "holiday", "trip", "meeting", "party", "summer",
                            "winter", "term", "journey", "drive", "flight", "service", "match", "game", "dinner",
                            "lunch", "meal", "do", "wedding", "visit", "call", "class", "lesson", "session", "film"))
NOT_A_THING = frozenset(("whole", "entire", "rest", "day", "night", "time", "week", "way", "little", "bit", "lot",
                         "few", "tiny", "good", "fair", "wee"))


RESTATED_REACH = 5
NEW_CLAUSE = frozenset(("but", "because", "cause", "cos", "when", "then", "while", "which", "it", "so", "that", "this"))


def _restated(tokens: tuple[str, ...], start: int, stop: int, their_feelings: list[int], others: Frame) -> bool:
    """Whether an English feeling goes on straight from someone else's, no one else named between:
    "my point guard was crushed after the loss like |devastated|" (and "she was upset and |angry|")."""
    for end in their_feelings:
        between = tokens[end:start]
        after = tokens[stop:start + 3]
        after = next((after[:k] for k, t in enumerate(after) if t in NEW_CLAUSE), after)
        if 0 <= start - end <= RESTATED_REACH \
                and not set(tokens[end:stop] + after) & (set(others.speaker) | SPEAKER_IN_PHRASE) \
                and not set(between) & NEW_CLAUSE \
                and not any(t in others.people for t in between) \
                and not _said_without_subject(tokens, start, stop, others):
            return True  # (but "everyone cracked up |felt| so stupid": a new "felt", the "i" unsaid)
    return False


COUNTS = frozenset(("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "both"))
"""After a verb, a number of things: "the client |left out two| invoices"."""


ON_SCREEN = frozenset(("show", "series", "programme", "program", "sitcom", "soap", "podcast"))
GOING_TO_IT = frozenset(("tickets", "ticket", "gig", "concert", "booked", "seats", "going", "went", "queue", "queued"))
"""Words that make a show cancelled an outing of the speaker's ("they cancelled the show we had |tickets| for")."""


def _show_taken_off(tokens: tuple[str, ...], end: int) -> bool:
    """Whether an English "cancelled" is a programme taken off the air: "they |cancelled| that detective
    |show| i like" is no plan of the speaker's that fell through."""
    return bool(set(tokens[end:end + 4]) & ON_SCREEN) and not set(tokens) & GOING_TO_IT


SERVICES = frozenset(("cable", "subscription", "subscriptions", "membership", "netflix", "contract", "broadband",
                      "insurance", "debit", "policy", "spotify", "landline", "order", "orders", "shipment", "parcel",
                      "parcels", "package", "delivery"))


def _service_stopped(tokens: tuple[str, ...], end: int, start: int) -> bool:
    """Whether an English "cancelled" is a service the speaker stopped: "finally |cancelled the cable| today" is
    a chore done, no plan that fell through; or, from ``start`` back, a service that was: "the |parcel| i was
    waiting in for got canceled"."""
    if end < len(tokens) and tokens[end] in SERVICE_DETERMINERS and set(tokens[end + 1:end + 3]) & SERVICES:
        return True
    for j in range(start - 1, max(0, start - 8), -1):
        if tokens[j] in CLAUSE_ENDS:
            break
        if tokens[j] in SERVICES and tokens[j + 1] not in SERVICE_PEOPLE \
                and (tokens[j - 1] in SERVICE_DETERMINERS
                     or (tokens[j - 2] in SERVICE_DETERMINERS and tokens[j + 1] in ("got", "was"))):
            return True  # "the couch |delivery| got canceled" (not "the cable |guy| no showed again")
    return False


SERVICE_DETERMINERS = ("the", "my", "our", "that")
SERVICE_PEOPLE = frozenset(("guy", "guys", "man", "men", "bloke", "lady", "woman", "engineer", "fitter", "driver",
                            "people", "company"))


def _done_to_a_thing(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether an English feeling word is a verb done to a thing: "|drained| the old fish tank", "|gutting| the old
    kitchen", "|left out| the
    vanilla", "|rejected| the offer", not a state ("felt |left out| the whole time", "was |drained| the whole day")."""
    said = tokens[start:end]
    if len(said) > 2 or end >= len(tokens) or (tokens[end] not in DETERMINERS | COUNTS and tokens[end] != "them"):
        return False
    if not (said[0].endswith(("ed", "ing")) or said == ("left", "out")) or set(said) & TEARS:
        return False
    if said[-1] in ("him", "her", "them", "me", "us"):
        return False  # "|missing him| its been two years": its object said, Vosk's "its" begins the next clause
    if end + 1 < len(tokens) and tokens[end + 1] in NOT_A_THING \
            and not (tokens[end + 1] in WHOLE and tokens[end + 2:end + 3] and tokens[end + 2] not in SPELLS_OF_TIME):
        return False  # "was drained the whole |day|", but "drained the whole |heating| system"
    return not start or tokens[start - 1] not in NOT_DONE_TO


DOING_TO = frozenset(("to", "i", "we", "didnt", "didn't", "dont", "don't", "never", "cant", "can't", "couldnt",
                      "couldn't", "could", "would", "might", "ill", "i'll", "trying", "tried", "help", "helped"))
"""Before an English feeling word that is a verb done to someone: "trying |to| calm him down", "|i| upset her"."""


def _done_to_someone(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether an English feeling word is a verb the speaker did to someone: "on the phone trying to |calm| him
    down", "i |surprised| her at the door" (not "i was |upset| her dad didnt come": a state, then a clause)."""
    return end - start == 1 and end < len(tokens) and tokens[end] in THEIR_OBJECTS_ONLY \
        and bool(start) and tokens[start - 1] in DOING_TO


DESCRIBED = frozenset(("a", "an", "some"))
"""Before an English feeling word, the words that make it describe a thing: "a documentary about |a lonely| whale"."""
DESCRIBED_THINGS = frozenset(("whale", "film", "movie", "song", "songs", "book", "novel", "story", "poem", "show",
                              "documentary", "character", "painting", "picture", "tune", "ballad", "dog", "cat",
                              "puppy", "bird", "robot", "woman", "boy", "girl", "old", "little"))
"""After it, what it describes: a story's or a creature's feeling, not the speaker's ("|a sad| song came on")."""


MEDIA_REACH = 8
MEDIA = frozenset(("documentary", "documentaries", "film", "movie", "book", "programme", "program", "show", "podcast",
                   "article", "talk", "lecture", "episode", "video", "series", "sermon", "play", "song", "poem", "essay",
                   "workshop", "course", "leaflet", "assembly", "lesson", "seminar", "session", "study", "studies",
                   "module", "chapter", "paper", "research", "panel"))
"""Before "about", things whose subject a feeling word may be: "a |podcast about| loneliness"."""


def _describing_a_thing(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """An English feeling word said of a thing or a character: "watched a documentary about |a lonely| whale",
    "|a sad| film" (not "a bit |sad|", "a |lonely| evening", which are the speaker's)."""
    if start >= 2 and tokens[start - 1] in ("about", "on") and set(tokens[max(0, start - 4):start - 1]) & MEDIA:
        return True  # "watched a |documentary about| grief in elephants": its subject, not a feeling
    if start >= 3 and tokens[start - 2] in ("about", "on") and set(tokens[max(0, start - 5):start - 2]) & MEDIA \
            and tokens[start - 1] not in SPEAKER_IN_PHRASE | HEDGES | STATE_WORDS | NOT_DOING:
        return True  # "a whole |session on social| rejection": its subject, one word of what kind between
    media = [m for m in range(max(0, start - MEDIA_REACH), start) if tokens[m] in MEDIA]
    if media and tokens[media[-1] + 1:media[-1] + 2] == ("about",) and end < len(tokens) \
            and not set(tokens[media[-1] + 1:end + 1]) & (SPEAKER_IN_PHRASE | STATE_WORDS | CAUSING) \
            and tokens[end] not in NOT_A_THING | OBJECT_OF | CLAUSE_ENDS | {"about", "that", "because", "cos", "me"}:
        return True  # "a documentary |about lonely whales and anxious| rescue dogs": what it is about
    if start >= 2 and end - start == 1 and tokens[start - 1] == "the" and tokens[start - 2] in AT_A_PLACE \
            and end + 1 < len(tokens) and tokens[end].isalpha() and tokens[end] not in NOT_A_THING | CLAUSE_ENDS \
            and tokens[end] not in OBJECT_OF | STATE_WORDS | {"one", "ones", "bit", "part", "side", "end", "feeling"}:
        return True  # "got pie |at the lonely| pine diner": a place's name
    return bool(start) and end - start == 1 and tokens[start - 1] in DESCRIBED and end < len(tokens) \
        and tokens[end] in DESCRIBED_THINGS


AT_A_PLACE = frozenset(("at", "to", "from", "near", "past", "outside", "inside"))
"""Before "the" and an English feeling word, words that make it part of a place's name ("the |lonely| pine
diner", "down to the |happy| valley caravan park")."""


NAMING = frozenset(("word", "words", "called", "named", "titled", "spell", "spelled", "spelt", "wrote", "vocab",
                    "vocabulary"))
"""Before an English feeling word, the words that make it a word named, not felt: "we learned |the words| for
feelings like jealous and nervous", "a film |called| lonely"."""
WORDS_SAID = frozenset(("for", "no", "of", "without", "kind", "few", "my", "his", "her", "their", "your", "our",
                        "in", "at", "into", "beyond", "a", "single"))
"""Before "words" or "word", the words that make them words said, not words named: "lost |for| words", "|kind|
words", "nobody said |a| word" (a word named is "the word")."""
NAMED_LIST = frozenset(("for", "feelings", "feeling", "emotions", "emotion", "like", "such", "as", "and", "or",
                        "the", "a", "an", "um", "down", "out", "on", "board", "of", "today", "tonight"))
"""Between the naming and the feeling: the words of a list of words."""
NAMING_REACH = 8


ASKING_WHAT = frozenset(("asked", "asks", "ask", "asking", "explain", "explained", "explaining", "wondered", "wondering",
                         "told", "tell", "telling", "showed", "taught", "teaching", "learned", "learnt", "looked"))


def _named_as_a_word(tokens: tuple[str, ...], start: int, feeling_at: set[int]) -> bool:
    """An English feeling word said as a word: "in english class we learn the words for feelings like |jealous|",
    "what the word |anxious| means" (other feeling words may stand between, the list goes on), "asked what
    |anxious| means"."""
    if start > 1 and tokens[start - 1] == "what" and tokens[start - 2] in ASKING_WHAT \
            and tuple(tokens[start + 1:start + 2]) in (("means",), ("meant",), ("mean",)):
        return True  # (but "now i know what |lonely| means" is the speaker's)
    for k in range(start - 1, max(-1, start - 1 - NAMING_REACH), -1):
        if tokens[k] in NAMING:
            return not (k and tokens[k - 1] in WORDS_SAID)  # (but "lost |for words| proud as punch", "nobody said
            # |a word| hurt a bit")
        if tokens[k] not in NAMED_LIST and k not in feeling_at:
            return False
    return False


SOMEONE_ELSES = {"en": ("win",), "ko": ("win", "missed-chance")}
"""Themes that are not the speaker's when told of someone else: "my sister finally got the job",
"형이 드디어 합격했대", "친구가 면접 떨어지고". Not English missed chances: on the labelled sets
the subject search across English clauses took off more right ones than wrong ones."""


GIVEN_ELSEWHERE = ("딴사람", "다른사람", "후배한테", "신입한테", "동기한테", "선배한테", "나말고", "저말고")


def _someone_elses_win(words: Text, start: int, end: int, vocab: Vocabulary) -> bool:
    """A win told of someone else ("she won the spelling bee", "동기가 먼저 승진해서") is not the speaker's;
    one they gave the speaker is ("my boss praised my report", "엄마가 칭찬해 줬어")."""
    others = vocab.others
    if vocab.match == "joined" and any(x in "".join(words.tokens[start:end]) for x in GIVEN_ELSEWHERE):
        return False  # 팀장님이 |딴 사람 시켰어|: given to another, so the speaker's chance missed
    if vocab.match == "joined" and any(x in "".join(words.tokens[max(0, start - 6):end]) for x in INSTEAD_OF_ME_KO):
        return False  # 같은 반 애 가 |나 대신| 학교 대표 로 뽑혔 는데: the speaker's chance, taken
    if vocab.match == "joined" and PRAISE_REPORTED_KO.search("".join(words.tokens[start:end + 1])):
        return False  # 교수님이 |잘했다고| 하셔서: their words of the speaker's win
    if vocab.match == "joined" and "칭찬" in "".join(words.tokens[start:end]) \
            and "받" not in "".join(words.tokens[start:end + 2]):
        return False  # 사장님 이 깔끔 하 다고 |칭찬 해| 부렀 어: praise they gave (받았 would be praise they got)
    if vocab.match == "joined" and "".join(words.tokens[start:end]).startswith(("이기", "이겼")) \
            and "".join(words.tokens[max(0, start - 2):start]).endswith(BEATEN_KO):
        return True  # 손자가 처음으로 |나를 이겼다|: the grandson's win over the speaker
    if not ((others.cues and framed(words.tokens, start, others))
            or _someone_else_as_subject(words.tokens, start, others, vocab.match == "joined")):
        return False
    if vocab.match != "joined" and set(words.tokens[start:end]) & SPEAKER_IN_WIN \
            and set(words.tokens[start:end]) & SAYING:
        return False  # "they |said i did well|": their words of the speaker's win
    after = words.tokens[start:end + 3]
    # the cue's own 받았 ("상 을 |받았|") is the win itself, not something given to the speaker
    return not (set(after) & TO_ME or any(GIVEN_TO_ME.search(t) for t in words.tokens[end:end + 3])
                or any(GIVEN_TO_ME.search(t.replace("받았", "")) for t in words.tokens[start:end]))


INSTEAD_OF_ME_KO = ("나대신", "저대신", "날제치고", "나를제치고", "저를제치고")
BEATEN_KO = ("나를", "날", "저를", "절", "우리를", "우릴")
"""Right before a Korean win by beating someone, the speaker as the one beaten."""
PRAISE_REPORTED_KO = re.compile(r"잘했다고|잘했다는|맛있다고|맛있다는|잘키웠다고|잘한다고")
"""Korean praise reported ("부장 님 이 |잘 했 다고| 하셔서"): someone else's words of the speaker's own win."""


SPEAKER_IN_WIN = frozenset(("i", "me", "i'd", "id", "myself", "meself"))


THEIR_OBJECTS = frozenset(("him", "her", "them"))
SPEAKER_AS_SUBJECT = frozenset(("i", "i've", "i'd", "i'm"))
NOT_REPLYING = frozenset(("never", "haven't", "hasn't", "didn't", "hadn't", "not", "still"))
RECEIVING = frozenset(("got", "get", "gotten", "heard", "had", "received", "hear"))
"""Right before an unanswered cue that starts with a "not", the speaker is the one who did not
reply: "i |never answered| his emails", "i |haven't replied| to my aunt" (but "i never |got| a
reply" is the speaker's unanswered message)."""
SOMEONE = frozenset(("someone", "somebody"))
"""Inside a win's words, another doer makes it a kindness to the speaker, not their win:
"|finally someone asked| how i was"."""
THEY = frozenset(("he", "she", "he's", "she's", "he'd", "she'd"))
THEIR_CHANCES = ("missed-chance", "win")
"""A chance or a win told right after "he" or "she" is theirs: "you could tell he was gutted he
|missed out|"."""


def _their_story(words: Text, start: int, end: int, others: Frame, theme: str = "") -> bool:
    """A theme told in someone else's reported words, about another person: "my coworker said
    the new supervisor gives |her the cold shoulder|", "my sister keeps saying her best friend
    is |pulling away|". Whom it happened to is the object pronoun by it; "she said she
    |couldn't make it|" has none and stays the speaker's cancelled plan."""
    if not (others.quotatives and _in_their_words(words.tokens, start, others)):
        return False
    tokens = words.tokens
    near = tokens[max(0, start - 5):end + 2]
    if TO_ME & set(tokens[max(0, start - 2):end + 2]):
        return False
    if THEIR_OBJECTS & set(near):
        return True
    if theme not in THEIR_SUBJECT_THEMES:
        return False
    # "she says |he| is drifting away", but "he keeps saying |he's| too busy": his own excuse, the speaker's theme
    said = max((k for k in range(max(0, start - QUOTE_REACH), start) if tokens[k] in SAYING), default=None)
    if said is None:
        return False
    named = {t.split("'")[0] for t in tokens[said + 1:end + 2] if t in THEY} \
        | {t for t in tokens[said + 1:start] if t in ("his", "her")}  # (not "without looking up |from his| screen")
    telling = {t.split("'")[0] for t in tokens[max(0, said - 3):said] if t in THEY}
    return bool(named - telling)


SAYING = frozenset(("says", "said", "saying", "say", "reckons", "reckoned", "thinks", "told", "tells", "telling"))


THEIR_SUBJECT_THEMES = ("drifting", "cold-shoulder", "left-out")
"""Themes that, reported, are about the "he" or "she" named by them ("she says |he| is drifting away");
a plan someone said "she couldn't make it" to stays the speaker's cancelled one."""


def _as_read(listed: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Listed English phrases spelled as answers are read ("didnt" as "didn't"), to compare with their words."""
    return {key: tuple(dict.fromkeys(" ".join(Text.of(phrase).tokens) for phrase in phrases))
            for key, phrases in listed.items()}


RESOLVED = _as_read({"missed-chance": ("never even applied", "didnt even apply", "didn't even apply", "never applied for it",
                              "never even wanted it", "never wanted it anyway", "didn't even want it", "didnt even want it",
                              "didnt even want the", "didnt even put in for it", "didnt put in for it",
                              "never put in for it", "never wanted to manage", "i never even applied",
                              "didnt even put my name down", "didn't even put my name down", "wouldve missed it but",
                              "would have missed it but", "but i went anyway", "but i did go"),
            "cancelled": ("back on", "went ahead", "going ahead", "goes ahead", "on again", "was not cancelled",
                          "wasnt cancelled", "wasn't cancelled", "not cancelled after all", "not called off after all"),
            "cold-shoulder": ("apologised", "apologized", "said sorry"),
            "ignored": ("went with it", "came round to it", "went with my idea"),
            "drifting": ("no time had passed", "where we left off", "like old times"),
            "memory": ("thought id feel", "thought i'd feel", "didnt feel a thing", "didn't feel a thing", "felt nothing",
                       "didnt set me off", "didn't set me off", "didnt get to me", "didn't get to me",
                       "but nothing really", "nothing came back", "didnt bring anything back",
                       "didn't bring anything back", "but honestly nothing", "but actually nothing"),
            "left-out": ("i wasnt left out", "i wasn't left out", "i was not left out", "i was asked and i said no", "i said no i had", "i told them to go", "i told em to go",
                         "i told them i couldnt", "i told them i couldn't", "i told em i couldnt", "i was invited but",
                         "i was too busy to go", "i told them i was busy", "i told them i was too busy", "i turned it down"),
            "unanswered": ("he call back", "she call back", "he rang back", "she rang back", "they rang back", "he called back", "she called back",
                           "he texted back", "she texted back", "she replied", "he replied", "they replied",
                           "she wrote back", "he wrote back", "she got back to me", "he got back to me",
                           "rang me after", "rang me back", "called me back", "got back to me", "replied in the end",
                           "answered in the end", "texted back in the end", "did text back", "did reply",
                           "did ring back", "and replied with", "and answered with", "sent a heart", "sent me a heart")})
"""After an English theme, words that undo it: "the barbecue that got |called off| … is |back on|"."""

NOT_UNDOING = ("back on the waiting list", "back on the list", "back on the ward", "back on the shelf", "back on the market")
"""Words with an undoing inside that undo nothing: "my knee op is off … so |back on the waiting list|"."""


def _resolved_after(theme: str, tokens: tuple[str, ...], end: int) -> bool:
    """Whether words of :data:`RESOLVED` undo an English theme later in the answer."""
    after = f" {' '.join(tokens[end:])} "
    for phrase in NOT_UNDOING:
        after = after.replace(f" {phrase} ", " ")
    return any(f" {r} " in after for r in RESOLVED.get(theme, ()))


DONE_TO_THEM = (("on", "him"), ("on", "her"), ("on", "them"), ("to", "him"), ("to", "her"), ("to", "them"),
                ("him",), ("them",), ("on", "his"), ("on", "their"), ("his", "texts"), ("his", "messages"),
                ("her", "texts"), ("her", "messages"), ("their", "texts"), ("their", "messages"),
                ("without", "her"), ("without", "him"), ("without", "them"))
DONE_TO_SOMEONE = ("unanswered", "cold-shoulder", "ignored", "left-out")
THEIR_OBJECTS_ONLY = frozenset(("her", "him", "them"))
LEFT_FOR_THEM = frozenset(("a", "voice", "voicemail", "voicemails", "message", "messages", "note", "notes", "texts",
                           "loads", "two", "three", "several", "another"))
"""After "left him", what the speaker left for him: "|left him voice male| and nothing not a peep back" is the speaker's
message unanswered, not him left on read."""


def _left_for_them(tokens: tuple[str, ...], k: int) -> bool:
    """Whether ``tokens[k]`` ("him") is who the speaker left something for (:data:`LEFT_FOR_THEM`)."""
    return tokens[k - 1] in LEFT_ON and tokens[k + 1:k + 2] != () and tokens[k + 1] in LEFT_FOR_THEM


SHUTTING = frozenset(("left", "leaving", "leave", "leaves", "ghosted", "ghosting", "blanked", "blanking", "ignored",
                      "ignoring", "gave", "giving", "excluded", "ditched", "snubbed", "dropped", "dumped"))
"""Inside an English theme's words, whom it was done to: "the guy she likes |left her on read|"."""
ASKED_ME = ("asks me", "asked me", "ask me", "asking me", "asked after me", "asks after me", "checks on me",
            "checked on me", "how i was", "how i am", "how i'm", "how im", "if i was okay", "if i was ok",
            "if i was alright", "if i'm okay", "if im okay")
"""Later in the answer, the speaker left unasked after all: "the nurses ask dad how hes doing … nobody |asks me|",
"nobody asked how he was doing or |how i was| holding up"."""
CALLS = frozenset(("calls", "call", "texts", "text", "messages", "message", "emails", "email", "voicemails"))
"""After "his" or "her" in an unanswered, whose messages went unanswered: "quit answerin |his calls|"."""
ASKED_AFTER_THEM = (("she", "was"), ("he", "was"), ("they", "were"), ("she", "is"), ("he", "is"), ("her",), ("him",),
                    ("shes", "doing"), ("hes", "doing"), ("she's", "doing"), ("he's", "doing"), ("theyre", "doing"),
                    ("they're", "doing"), ("she", "was", "doing"), ("he", "was", "doing"), ("about", "her"),
                    ("about", "him"), ("about", "them"), ("after", "her"), ("after", "him"), ("after", "them"),
                    ("how", "he", "was"), ("how", "she", "was"), ("how", "they", "were"), ("how", "hes"), ("how", "shes"))
"""After "asked how", whose day it was: "nobody had |asked how| she was getting on"."""
"""Right after a theme's words, another person it was done to: "her friends |cancelled| on her",
"he |never replies| to her texts", "|left| him |on read|"."""


ASKING = frozenset(("asked", "ask", "asks", "invited", "invite", "invites"))


def _done_to_them(tokens: tuple[str, ...], end: int, people: Iterable[str] = ()) -> bool:
    """Also "nobody |asked| my nan how she was": asking or inviting a person of someone's. Not when the
    words were done to the speaker: "didn't |invite me| to her drinks" is her drinks, the speaker left out."""
    if bool(end) and tokens[end - 1] in ("me", "us"):
        return False
    return any(tokens[end:end + len(d)] == d for d in DONE_TO_THEM) \
        or (bool(end) and tokens[end - 1] in ASKING and tokens[end:end + 1] in (("my",), ("his",), ("her",))
            and tokens[end + 1:end + 2] != () and tokens[end + 1] in people)


HAPPENING = frozenset(("was", "wasn't", "wasnt", "got", "has", "had", "hasn't", "hasnt", "didn't", "didnt",
                       "just", "never", "been", "is", "isn't", "isnt", "totally", "completely", "all", "apparently",
                       "supposedly", "reportedly", "also", "even", "again", "left"))
"""Words between a person and what befell them: "my daughter |wasn't| invited"."""
POSSESSIVES = frozenset(("my", "his", "her", "our", "their"))
BEFALLING = frozenset(("wasn't", "wasnt", "didn't", "didnt", "never", "got", "missed", "hasn't", "hasnt",
                       "weren't", "werent", "not", "isn't", "isnt"))
PASSIVE = frozenset(("got", "gets", "get", "been", "being"))
BEFELL_WORDS = {"left-out": BEFALLING, "missed-chance": BEFALLING, "unanswered": PASSIVE, "ignored": PASSIVE,
                "cold-shoulder": PASSIVE, "cancelled": frozenset()}
"""Per theme, the words that make the person before it the one it befell, not the one who did
it: "my cousin |didn't| get invited", "my son |got| ghosted" (but "my landlord hasn't replied" is
the speaker's unanswered message). A cancelled plan is theirs only when it is their plan."""
THEIR_THINGS = frozenset(("plans", "plan", "party", "trip", "joke", "idea", "birthday", "wedding", "sleepover",
                          "football", "match", "game", "practice", "training", "lesson", "recital", "playdate",
                          "flight", "flights", "train", "gig", "concert", "contest", "tournament", "race", "visit"))


THEIR_PLANS = THEIR_THINGS | {"drinks", "dinner", "night", "do", "holiday", "date", "appointment"}


DENYING = (("wasnt", "that"), ("wasn't", "that"), ("isnt", "that"), ("isn't", "that"))


SELF_DENIED = {"left-out": ("left out", "excluded"), "ignored": ("ignored",), "unanswered": ("left on read", "ghosted"),
               "cold-shoulder": ("blanked", "snubbed"), "cancelled": ("cancelled", "called off")}
"""Per English theme, its own plain words: a cue that begins with a "not" and goes on with them ("|wasnt left
out they saved me a| plate", read as "wasn't … saved me a": not included) is the theme denied."""
SELF_DENYING = frozenset(("wasnt", "wasn't", "werent", "weren't", "not", "never", "isnt", "isn't", "aint", "ain't"))


def _denied_inside(theme: str, tokens: tuple[str, ...], start: int) -> bool:
    """Whether the words that told an English theme begin by denying it: "i |wasnt left out| they saved me a plate"."""
    if start >= len(tokens) or tokens[start] not in SELF_DENYING:
        return False
    return _denies_its_words(theme, tokens, start)


def _denies_its_words(theme: str, tokens: tuple[str, ...], k: int) -> bool:
    """Whether a "not" at ``k`` goes on with the theme's own plain words (:data:`SELF_DENIED`)."""
    following = " ".join(tokens[k + 1:k + 4])
    return any(f"{following} ".startswith(f"{p} ") for p in SELF_DENIED.get(theme, ()))


def _answered_and_denied(theme: str, tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether the words that told an English theme go on to deny it in its own words: "finally |rang back after
    four days so no it wasnt left on read|"."""
    return theme == "unanswered" and any(tokens[k] in SELF_DENYING and _denies_its_words(theme, tokens, k)
                                         for k in range(start + 1, end))


def _denied_before(tokens: tuple[str, ...], start: int) -> bool:
    """An English theme said after "it wasn't that": "it wasn't that |nobody asked| how i was, three people did"."""
    return any(tuple(tokens[max(0, start - len(d)):start]) == d or tuple(tokens[start:start + len(d)]) == d
               for d in DENYING)


ASKING_IF = (("did", "anyone"), ("did", "anybody"), ("did", "they"), ("did", "someone"))


def _asked_and_denied(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """A theme asked of the day and answered no: "did anyone |leave me out| today no not at all"."""
    return any(tuple(tokens[max(0, start - len(q)):start]) == q for q in ASKING_IF) and "no" in tokens[end:end + 3]


def _their_plan_called_off(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """An English plan called off that is someone else's: "cancelled |her| birthday |drinks|",
    "|their| camping |trip| with their dad got called off"."""
    if end < len(tokens) and tokens[end] in ("her", "his", "their") and set(tokens[end + 1:end + 3]) & THEIR_PLANS:
        return True
    ours = SPEAKER_IN_PHRASE | {"our", "we", "us", "weve", "we've", "we're", "ours"}
    if set(tokens[end:end + 8]) & ours:
        return False  # "his visa appointment got pushed back so the trip |weve| been planning is off"
    for j in range(start - 1, max(-1, start - 1 - THEIRS_REACH - 3), -1):
        if tokens[j] in ours:
            return False
        if tokens[j] in ("her", "his", "their", *CHILDRENS) and set(tokens[j + 1:j + 3]) & THEIR_PLANS:
            return True
    return False


CHILDRENS = ("kids", "kid's", "kids'", "sons", "son's", "daughters", "daughter's", "childrens", "children's")
"""Whose plan it is, said as a child's: "the |kids swim lesson| got canceled"."""


def _called_off_by_me(tokens: tuple[str, ...], start: int) -> bool:
    """An English plan the speaker called off, "i" right before the words ("|i bailed| on the friday hangout
    again … now i feel guilty", "i just |pulled out|"): what they did, not a plan that fell through on them."""
    j = start - 1
    while j >= 0 and tokens[j] in ("just", "finally", "kind", "of", "sort", "kinda", "totally", "already", "actually"):
        j -= 1
    return (j >= 0 and tokens[j] == "i") or (j < 0 and tokens[start] in CALLED_OFF_BY_THE_SPEAKER)


CALLED_OFF_BY_THE_SPEAKER = frozenset(("bailed", "flaked", "ditched", "skipped", "backed", "pulled", "bowed"))
"""Words of a plan called off that, opening an answer with no subject, are the speaker's doing: "|bailed| on
trivia night with the guys again cause i was wiped out" ("cancelled" alone may be the plan's fate)."""


REPLIERS = frozenset(("he", "she", "they", "hed", "shed", "theyd"))
REPLIED = frozenset(("replied", "answered", "responded", "texted", "messaged", "rang", "called", "wrote", "got"))
"""("texted", "rang", … count with "back" after them.)"""
REPLY_HEDGES = frozenset(("finally", "actually", "just", "did", "eventually", "then", "only"))
EXPECTED_REACH = 15


def _expected_but_answered(tokens: tuple[str, ...], start: int) -> bool:
    """Whether an English reply the speaker expected not to get came after all: "i was convinced he was gonna
    ghost me |but he replied| within like five minutes", "kept thinking shed leave me on read but |she texted
    back|" (someone replied after an expectation or a fear said a few words before)."""
    for k in range(start, len(tokens)):
        if tokens[k] not in REPLIERS:
            continue
        j = k + 1
        while j < len(tokens) and tokens[j] in REPLY_HEDGES:
            j += 1
        if j < len(tokens) and tokens[j] in REPLIED and (tokens[j] in ("replied", "answered", "responded")
                                                           or tokens[j + 1:j + 2] == ("back",)):
            return any(tokens[i] in EXPECTING for i in range(max(0, k - EXPECTED_REACH), k))
    return False


def _answered_late(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether an English reply that did not come came later: "my lead |didnt reply till| the evening … when she
    did write back it was a really kind note"."""
    return any(tokens[k] in ("till", "until") and {"didnt", "didn't"} & set(tokens[max(0, k - 4):k])
               for k in range(start, min(len(tokens), end + 2)))


LEFT_ON = frozenset(("left", "leave", "leaving"))
ME_SUBJECTS = frozenset(("i", "ive", "i've", "id", "i'd"))


def _left_on_read_by_me(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether the speaker left someone's message on read: "|i left| my coworkers |message on read| cause i was
    too fried" (the speaker, then "left", a few words before; not "i left two voicemails … not a peep")."""
    return "on" in tokens[start:end] and any(tokens[k] in LEFT_ON and tokens[k - 1] in ME_SUBJECTS
                                             and any(tokens[j] == "on" and tokens[j + 1:j + 2] != ()
                                                     and tokens[j + 1] in READ_MARKS for j in range(k + 1, k + 5))
                                             for k in range(max(1, start - 5), end))  # "… and |i left it on| read"


READ_MARKS = frozenset(("read", "seen", "delivered", "unread", "red", "opened"))
"""After "left … on": a message left unanswered ("i left it on |read|"), not a day ("i left him a voicemail on
|monday| and nothing")."""


REPLYING = frozenset(("replied", "reply", "answered", "answer", "responded", "respond", "replying", "answering"))
CALLING_BACK = frozenset(("call", "called", "ring", "rang", "text", "texted", "get", "got", "message", "messaged",
                          "write", "wrote"))
"""Before "back" ("|call| my aunt |back|"): the one who answers."""
ON_THE_WAY_TO_MY_REPLY = frozenset((
    "never", "didnt", "didn't", "havent", "haven't", "hadnt", "hadn't", "still", "totally", "completely", "just",
    "forgot", "and", "also", "even", "not", "again", "yet", "really", "to", "kind", "of", "sort", "keep", "kept"))
"""Words between the speaker and a reply the speaker did not give ("|i| totally forgot |and never| replied")."""


def _not_answered_by_me(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether the reply the words ``start:end`` say was not given is the speaker's to give: "my flatmate texted
    … and |i| totally forgot and never |replied|", "|i| didnt |call| my aunt |back| again" (not "she never
    replied", nor "i sent two texts and never got a reply": the speaker got none)."""
    for k in range(start, min(end + 1, len(tokens))):
        if tokens[k] in REPLYING or (tokens[k] in CALLING_BACK and "back" in tokens[k + 1:k + 4]):
            j = k - 1
            while j >= 0 and k - j <= 6 and tokens[j] in ON_THE_WAY_TO_MY_REPLY:
                j -= 1
            if j >= 0 and tokens[j] in ME_SUBJECTS:
                return True
    return False


ON_ME = (("thats", "on", "me"), ("that's", "on", "me"), ("is", "on", "me"), ("its", "on", "me"), ("it's", "on", "me"),
         ("my", "own", "fault"), ("myself", "to", "blame"))
"""After a slight, the speaker owning it: "i never actually left him a message so |thats on me|"."""
OWNED_THEMES = frozenset(("cancelled", "unanswered", "left-out", "drifting", "ignored", "cold-shoulder", "unasked"))
"""The slights the speaker's owning it takes back. (Not a missed chance: "i never put my hand up for it so thats on me
pretty gutted" still missed it.)"""
ON_ME_KO = re.compile(r"(내|제)(탓|잘못)이(지|야|죠|다|에요|예요|네)")
"""The Korean speaker owning a slight, after it: "자연히 멀어 졌 지 |내 탓 이 지| 뭐" (not blamed on them: "제 탓 이
되고", "제 탓 인 것 처럼")."""


def _owned_by_me(tokens: tuple[str, ...], start: int) -> bool:
    """Whether the English speaker says, after a slight's words, that it is on them: of the labelled lines with
    "thats on me", every cancelled, unanswered, left-out, drifting or ignored told was forbidden (10 of 10)."""
    return any(tuple(tokens[k:k + 3]) in ON_ME for k in range(start, len(tokens)))


EACH_OTHERS = frozenset(("they", "theyre", "they're", "theyve", "they've", "both"))
"""Before a drifting "to each other": the two who drift."""


def _drifting_not_mine(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether an English drifting is between two others ("now |they| barely talk |to each other|", "|theyre| kind of
    |drifting apart|") or the
    speaker's own doing ("i know |im the one| pulling away from the old crowd")."""
    if ("each" in tokens[end:end + 3] or "apart" in tokens[start:end + 1]) \
            and set(tokens[max(0, start - 3):start]) & EACH_OTHERS:
        return True
    return any(tuple(tokens[start - len(one):start]) == one for one in SPEAKER_AS_THE_ONE)


def _befell_them(tokens: tuple[str, ...], start: int, end: int, others: Frame, befalling: frozenset[str]) -> bool:
    """A theme that befell the person named right before it ("my daughter wasn't |invited|",
    "my colleague |missed out|", "my dad's plans |fell through|"), with the speaker nowhere in it
    ("my friend got the part |i auditioned for|" is the speaker's chance)."""
    if set(tokens[start:end + 3]) & (set(others.speaker) | {"my", "mine"}):
        return False
    j = start - 1
    while j >= 0 and tokens[j] in HEDGES:
        j -= 1
    if j >= 1 and tokens[j] in FELT and tokens[j - 1] in ("he", "she", "they"):
        return True  # "and |he felt| totally ignored by the company"
    j = start - 1
    while j >= 0 and tokens[j] in HAPPENING:
        j -= 1
    if j >= 1 and tokens[j] in THEIR_THINGS:
        j -= 1  # "my dad's |plans| fell through", "his |joke| fell flat": theirs, whatever the verb
        if tokens[j] in ("his", "her", "their"):
            return True
        owner = tokens[j - 1] if j and tokens[j] not in others.people else tokens[j]
        if owner.endswith("s") and owner[:-1] in others.people and owner not in others.people:
            return True  # "my young |fellas| hockey |tournament| got called off": the apostrophe unheard
    elif j >= 1 and befalling is BEFALLING and _person_behind_phrase(tokens, j, others) \
            and {tokens[start], *tokens[j + 1:start]} & befalling:
        return True  # "buddy of mine on the bottling line |got passed over|"
    elif not {tokens[start], *tokens[j + 1:start]} & befalling:
        return False  # "my manager |chose someone else|": the person did it, to the speaker
    elif (tokens[j] in ("she", "he") or _a_named_subject(tokens, j, others)) and befalling is BEFALLING:
        return True  # "my roommate was fuming that |she| wasn't |invited|", "|josh| didnt get picked"
    if j >= 2 and tokens[j] in others.people and tokens[j - 1] not in POSSESSIVES and _persons(tokens[j - 1], others) \
            and tokens[j - 2] in POSSESSIVES:
        j -= 1  # "my |wife's| friend wasn't invited": a person of a person
    elif j >= 2 and tokens[j] not in others.people and tokens[j - 1] in others.people \
            and tokens[j - 2] in POSSESSIVES | {"me"} and tokens[j].isalpha() and len(tokens[j]) > 2 \
            and tokens[j] not in NOT_SOMEONE | DETERMINERS | HEDGES:
        return True  # "me mate |sharon| got left on read": a person, then their name
    k = j - 1
    while k >= 1 and tokens[k] in PERSON_ADJECTIVES:
        k -= 1  # "my |best| friend got left on read"
    if k < 0 or tokens[k] not in POSSESSIVES | {"me"} | ({"the"} if befalling is PASSIVE else set()):
        return False  # ("me brother got left off the invite": a Northern "my"; "|the| new intern got totally blanked")
    if tokens[j] in PLACES_AND_TIMES and j + 1 < start and tokens[j + 1] in THEIR_THINGS:
        return False  # "my |street| party got called off", "our |office| do": the place's, the speaker's own
    return _persons(tokens[j], others) or tokens[j] in others.people


def _persons(word: str, others: Frame) -> bool:
    """A person noun, or one said as a possessive ("wife's", Vosk's "wifes")."""
    return word in others.people or (word.endswith(("'s", "s")) and word.rstrip("'s") in others.people)


THEIRS_REACH = 4


def _they_did_it(tokens: tuple[str, ...], start: int, end: int, others: Frame) -> bool:
    """A chance or win whose doer is "he" or "she", a few words before it with the speaker not between:
    "she passed on the |first try|", "he |missed out|" (but "she said i passed on the first try")."""
    if set(tokens[start:end]) & set(others.speaker):
        return False
    for j in range(start - 1, max(-1, start - 1 - THEIRS_REACH), -1):
        if tokens[j] in others.speaker or tokens[j] in CLAUSE_ENDS:
            return False
        if tokens[j] in THEY or (_a_named_subject(tokens, j, others)
                                 and not set(tokens[max(0, j - 3):j]) & set(others.speaker)):
            return True  # (or a name: "|tunde| got the promotion"; not "me and our |janet| finally got")
    return False


SENDING = frozenset(("sent", "texted", "messaged", "emailed", "posted", "put", "wrote", "dropped", "dmed", "dmd",
                     "whatsapped", "pinged", "applied", "asked", "invited", "rang", "called"))
"""English verbs of reaching out: the one who did it is the one a silence after it was done to."""
NOT_PEOPLE = frozenset(("team", "office", "evening", "party", "place", "house", "room", "street", "apartment",
                        "flat", "everyone", "everybody", "he", "she", "they"))
"""Of the frame's words for other people, those that are places, groups the speaker is in, or pronouns."""
PERSON_ADJECTIVES = frozenset(("best", "old", "little", "big", "new", "eldest", "oldest", "youngest", "younger",
                               "older", "baby", "dear", "poor", "late", "wee", "kid", "twin", "step", "flat", "house",
                               "room", "work", "school", "uni"))
SENDER_REACH = 18
ADVERBS = frozenset(("finally", "just", "only", "actually", "also", "even", "eventually", "already", "again",
                     "apparently", "somehow", "then", "totally", "properly"))


SUBJECT_OPENERS = frozenset(("and", "but", "so", "then", "cos", "cause", "because", "when", "that", "while", "um",
                             "our", "my", "me", "his", "her", "their", "like", "anyway", "apparently", "honestly"))


def _a_named_subject(tokens: tuple[str, ...], k: int, others: Frame) -> bool:
    """Whether word ``k`` is a given name (:mod:`assistant.language.names`) standing as a subject: opening the
    answer or a clause, or after "my mate" ("|priya| pitched it", "and then |arjun| said", "my mate |sunil| got";
    not "they asked young |kyle| to lead": an object)."""
    if k < 0 or tokens[k] not in others.names:
        return False
    j = k - 1
    while j >= 0 and tokens[j] in PERSON_ADJECTIVES:
        j -= 1
    return j < 0 or tokens[j] in SUBJECT_OPENERS or tokens[j] in others.people or tokens[j] in CLAUSE_ENDS


def _person_phrase_ending(tokens: tuple[str, ...], k: int, others: Frame) -> bool:
    """Whether ``tokens[..k]`` ends with someone else named: "my best |friend|", "our |daughter|",
    "my mate |sunil|" (a person noun, then perhaps a name), or "he", "she"."""
    if k < 0:
        return False
    if tokens[k] in ("he", "she", "hes", "shes", "he's", "she's") or _a_named_subject(tokens, k, others):
        return True  # (or a name: "|priya| pitched the idea")
    people = set(others.people) - NOT_PEOPLE
    if tokens[k] not in people and k >= 1 and tokens[k - 1] in people and tokens[k].isalpha() \
            and tokens[k] not in NOT_SOMEONE | DETERMINERS | HEDGES | ADVERBS:
        k -= 1  # "my mate |sunil|": the person noun before a name
    if tokens[k] not in people:
        return False
    j = k - 1
    while j >= 0 and tokens[j] in PERSON_ADJECTIVES:
        j -= 1
    return j >= 0 and tokens[j] in ("my", "our", "me", "his", "her", "their")


SUGGESTING = frozenset(("suggested", "pitched", "proposed", "raised", "floated", "offered", "shared", "presented",
                        "mentioned"))
"""English verbs of putting an idea forward: the one who did it is the one talked over or shot down after it."""
REACHING = {"unanswered": SENDING, "ignored": SUGGESTING}


def _told_as_theirs(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether the words are credit taken, the idea told as someone else's ("my manager presented it |like it was
    her idea|"): whoever presented it took it, so it was not theirs to begin with."""
    return any(tokens[k] in ("his", "her", "their") and tokens[k + 1] in ("idea", "own") for k in range(start, end - 1))


def _sent_by_them(tokens: tuple[str, ...], start: int, others: Frame, reaching: frozenset[str] = SENDING) -> bool:
    """An English unanswered message, or an idea shot down, that someone else put out: "my cousin |sent| her
    resume … no reply", "my mum says she |suggested| the car boot … ken shot it down". The nearest way of
    reaching out before it (``reaching``, per theme :data:`REACHING`) says whose it was; the speaker anywhere
    from there on makes it the speaker's ("my mum sent me a photo and i texted back and nothing")."""
    speaker = set(others.speaker) | {"my", "mine", "im", "ive", "id"}
    for k in range(start, max(-1, start - SENDER_REACH), -1):
        if k < start and tokens[k] in speaker:
            return False
        if tokens[k] in reaching and tokens[k + 1:k + 2] not in (("me",), ("us",), ("back",)) \
                and (k == 0 or tokens[k - 1] not in NOT_REPLYING | {"never", "didnt", "hasnt", "wont", "won't"}):
            j = k - 1
            while j >= 0 and tokens[j] in ADVERBS:
                j -= 1
            if tokens[j:j + 1] and tokens[j] in others.names and reaching is not SENDING:
                return False  # ("then |arjun proposed| the exact same thing": the one who took the idea)
            return _person_phrase_ending(tokens, j, others) and not set(tokens[k:start]) & speaker
    return False


def _their_own_win(tokens: tuple[str, ...], start: int, end: int, others: Frame) -> bool:
    """An English win done by someone named before it, of their own: "my granddaughter |passed her| driving
    test", "my neighbour |ran her| first half marathon" (but "my boss |said| my report was the clearest")."""
    if not set(tokens[start:end + 2]) & {"her", "his", "their"} or set(tokens[start:end + 2]) & {"my", "me", "our", "i"}:
        return False
    j = start - 1
    while j >= 0 and tokens[j] in ADVERBS | {"has", "had", "have"}:
        j -= 1
    return _person_phrase_ending(tokens, j, others)


WON = frozenset(("got", "gets", "won", "wins", "passed", "landed", "bagged", "earned"))
GOT_REACH = 6


def _got_by_them(tokens: tuple[str, ...], start: int, others: Frame) -> bool:
    """An English win that someone named right before it got, perhaps with where they are from between: "my
    mate |from the same course got| the graduate job … and i didnt even get an interview"."""
    if start >= len(tokens) or tokens[start] not in WON:
        return False
    j = start - 1
    while j >= 0 and tokens[j] in ADVERBS:
        j -= 1
    if _person_phrase_ending(tokens, j, others):
        return True
    for k in range(j, max(-1, j - GOT_REACH), -1):
        if tokens[k] in SPEAKER_IN_PHRASE or tokens[k] in others.speaker or tokens[k] in CLAUSE_ENDS:
            return False
        if tokens[k] in PLACED or tokens[k] == "of":
            return _person_phrase_ending(tokens, k - 1, others)
    return False


LEAVING = frozenset(("left", "leave", "leaving", "leaves"))


def _left_them_on_read(tokens: tuple[str, ...], start: int) -> bool:
    """An English message the speaker left unanswered: "i |left| my daughter |on read| all day oops"."""
    if tokens[start:start + 1] != ("on",):
        return False  # ("i |left| two voicemails … and still haven't heard a peep": the speaker reached out)
    for k in range(start - 1, max(-1, start - 5), -1):
        if tokens[k] in LEAVING:
            between = set(tokens[k + 1:start])
            return k > 0 and tokens[k - 1] in SPEAKER_AS_SUBJECT | {"ive", "id"} and not between & {"me", "us"}
    return False


def _not_the_speakers(theme: str, words: Text, start: int, end: int, others: Frame) -> bool:
    """English themes that happened to someone else, or that the speaker did: told in someone's
    reported words about another person, a chance or win right after "he" or "she" (or a win
    someone else did inside its words), a reply the speaker did not send, or one undone later
    in the answer (see ``RESOLVED``)."""
    tokens = words.tokens
    before = tokens[start - 1] if start else ""
    return ((theme != "connection" and _their_story(words, start, end, others, theme))
            or (theme in THEIR_CHANCES and _they_did_it(tokens, start, end, others))
            or (theme in REACHING and not _told_as_theirs(tokens, start, end)
                and _sent_by_them(tokens, start, others, REACHING[theme]))
            or (theme == "win" and (_their_own_win(tokens, start, end, others) or _got_by_them(tokens, start, others)))
            or (theme == "unanswered" and _left_them_on_read(tokens, start))
            or (theme == "win" and bool(set(tokens[start:end]) & SOMEONE))
            or (theme not in ("connection", "memory") and _done_to_them(tokens, end, others.people))
            or (theme == "unanswered" and any(tokens[k] in ("his", "her", "their") and tokens[k + 1] in CALLS
                                              for k in range(max(start, end - 1), min(end + 1, len(tokens) - 1))))
            or (theme in DONE_TO_SOMEONE and _aimed_at_them(tokens, end, others.people))
            or (theme in DONE_TO_SOMEONE and any(tokens[k] in THEIR_OBJECTS_ONLY and tokens[k - 1] in SHUTTING
                                                 and not _left_for_them(tokens, k)
                                                 for k in range(max(start - 2, 1), min(end + 1, len(tokens)))))
            or (theme == "unasked" and any(tokens[end:end + len(d)] == d for d in ASKED_TO_JOIN))
            or (theme == "unasked" and any(tokens[end:end + len(d)] == d for d in ASKED_AFTER_THEM)
                and not any(f" {a} " in f" {' '.join(tokens[end:])} " for a in ASKED_ME))
            or _resolved_after(theme, tokens, end)
            or (theme in BEFELL_WORDS and _befell_them(tokens, start, end, others, BEFELL_WORDS[theme]))
            or (theme == "unanswered" and before in SPEAKER_AS_SUBJECT and tokens[start] in NOT_REPLYING
                and not set(tokens[start:end + 1]) & RECEIVING)
            or (theme == "memory" and _their_late_one(tokens))
            or (theme == "cold-shoulder" and tokens[start] in COLD_DEEDS
                and _done_by_the_speaker(tokens, start, HEDGES, SPEAKER_AS_SUBJECT))
            or (theme == "cancelled" and tokens[start].startswith("cancel") and _done_by_the_speaker(tokens, start))
            or (theme in MISFORTUNES and (_pitied(tokens) or (theme != "cancelled" and _felt_for_them(tokens)))
                and not set(tokens[start:end + 2]) & {"me", "i", "us", "we"})
            or (theme == "win" and bool(set(tokens[start:end]) & SAYING)
                and any(tokens[k] in ("my", "our") and tokens[k + 1] in KINS_OWN for k in range(start, end - 1))))


COLD_DEEDS = frozenset(("barely", "hardly", "didnt", "didn't", "never", "blanked", "ignored", "avoided", "wouldnt",
                        "wouldn't"))
"""The first words of a cold shoulder that, after "i", are the speaker's own doing ("|i barely| said a word to anyone
and didnt look at the coach"; not "i |walked in| and they all went quiet")."""


AIMED_REACH = 3


def _aimed_at_them(tokens: tuple[str, ...], end: int, people: Iterable[str]) -> bool:
    """Whether a slight is aimed "at" someone else, right after its words: "my manager rolled her eyes |at the new
    intern| all day" (a person within a few words; not "looked right past me |at the party|")."""
    aimed = tokens[end + 1:end + 1 + AIMED_REACH]
    return tokens[end:end + 1] == ("at",) and not set(tokens[end - 1:end + 1 + AIMED_REACH]) & {"me", "us"} \
        and any(t in people for t in aimed)


ASKED_TO_JOIN = tuple((w, "i", v) for w in ("if", "whether") for v in ("wanted", "want", "fancied", "fancy", "would", "wanna"))
"""After "nobody asked", an invitation not given: "nobody even asked |if i wanted| to come" is left out, not a
question after the speaker's day unasked."""


MISFORTUNES = frozenset(("unanswered", "left-out", "ignored", "cold-shoulder", "missed-chance", "cancelled", "drifting"))
PITIED = frozenset(("thing", "lad", "girl", "kid", "fella", "man", "love", "soul", "sod", "mite", "boy", "chap", "woman",
                    "lamb", "pet", "dear"))


def _pitied(tokens: tuple[str, ...]) -> bool:
    """Whether the speaker pities someone ("she went bright red |poor girl|", "he was gutted |poor lad|"): the
    small grief told is that person's, not the speaker's (of the labelled lines with one, every theme of
    :data:`MISFORTUNES` told was theirs)."""
    return any(tokens[k] == "poor" and tokens[k + 1] in PITIED for k in range(len(tokens) - 1)) \
        or any(tokens[k:k + 3] == ("poor", "wee", "soul") for k in range(len(tokens) - 2))


FELT_FOR_REACH = 4


def _felt_for_them(tokens: tuple[str, ...]) -> bool:
    """Whether the speaker says they felt something for someone ("i was furious |for her|", "im anxious |for him|
    to be honest", "i felt that awkward |for her|"): the grief told is theirs, the feeling the speaker's (not
    a plan called off: "the away game got called off … i was gutted for them" was the speaker's too)."""
    for k in range(len(tokens) - 1):
        if tokens[k] == "for" and tokens[k + 1] in ("her", "him", "them"):
            before = tokens[max(0, k - FELT_FOR_REACH):k]
            if set(before) & GLAD_FOR:
                continue  # "im |delighted| for him" is as often irony, or a rival's win beside the speaker's loss
            if "im" in before or "i'm" in before or ("i" in before and set(before) & STATE_WORDS):
                return True
    return False


def _glad_for_them(tokens: tuple[str, ...]) -> bool:
    """Whether the speaker is glad for someone ("i was |over the moon for him|", "im |chuffed for her|"), no
    "me" or "we" in the answer to share it: the win told is theirs."""
    return any(tokens[k] == "for" and tokens[k + 1] in ("him", "her", "them") and tokens[k - 1] in GLAD_FOR
               for k in range(1, len(tokens) - 1)) and not {"me", "myself", "meself", "we", "us"} & set(tokens)


GLAD_FOR = frozenset(("happy", "delighted", "glad", "pleased", "thrilled", "chuffed", "moon", "proud", "made", "buzzing"))


def _done_by_the_speaker(tokens: tuple[str, ...], start: int,
                         skipping: Iterable[str] = ("just", "finally", "also", "then"),
                         doers: Iterable[str] = ("i", "we")) -> bool:
    """Whether the speaker did it, right before: "|i| cancelled on choir practice", "|we finally| cancelled the
    old cable package" (every such labelled line: no plan fell through; "we |had to| cancel" is not this)."""
    k = start - 1
    while k >= 0 and tokens[k] in skipping:
        k -= 1
    return k >= 0 and tokens[k] in doers


KINS_OWN = frozenset(("sons", "son's", "daughters", "daughter's", "kids", "kid's", "lads", "boys", "girls", "grandsons",
                      "granddaughters", "nephews", "nieces", "wifes", "wife's", "husbands", "husband's", "sisters",
                      "sister's", "brothers", "brother's", "mums", "mum's", "dads", "dad's", "partners", "partner's"))
"""Inside a win's words of praise, a family member's own thing makes it theirs: "the teacher said |my sons| english
is the best in his class"."""


def _their_late_one(tokens: tuple[str, ...]) -> bool:
    """Whether the one remembered is someone else's dead ("brought |his late mum| right back", "her late
    brothers fishing hat"), with none of the speaker's own named ("my late", "our late", "i miss")."""
    said = " " + " ".join(tokens) + " "
    return (any(f" {w} late " in said for w in ("his", "her", "their")) or bool(THEIR_DEAD.search(said))) \
        and not any(f" {w} " in said for w in ("my late", "our late", "me late", "i miss", "i missed", "miss him", "miss her")) \
        and not MY_DEAD.search(said)


MISSING = re.compile(r" (miss|missing|missed) ")
DEATH_TOLD = re.compile(r" (late|passed|died|funeral|been gone|since (he|she) went|lost (him|her)|god rest (him|her)"
                        r"|rest (his|her) soul|(would have|wouldve|would've) (been|turned) \w+|grave|cemetery|graveyard"
                        r"|(forgot|now) (hes|shes|he's|she's) gone) ")
"""Missing someone the answer tells is dead is grief, not wistfulness: of the labelled English lines with both,
every one (8 of 8) was labelled grief ("god rest him", "it would have been his birthday" tell it too)."""
THEIR_DEAD = re.compile(r" (his|her|their) (wife|husband|mum|mom|mam|mother|dad|da|father|son|daughter|brother|sister|"
                        r"partner|nan|gran|granny|grandad|grandpa|grandma|missus|fella) (passed|died)")
MY_DEAD = re.compile(r" (my|me|our) (late )?\w+ (passed|died)|since (mum|mam|mom|dad|da) (passed|died)")
"""Someone else's dead told as such ("since |his wife passed| every song brings her back"); the speaker's own
("since |my dad passed|") keeps the memory the speaker's."""


TEARS_AT_THE_DEAD = re.compile(r" (welled up|teary|choked up|teared up|misty|lump in my throat) ")
"""Tears an English answer that tells a death sheds: of such labelled lines, 8 of 12 said sad, 2 grief, 1 touched."""


def _mourned(found: RuleTags, feelings: dict[str, str], set_aside: dict[str, str]) -> None:
    """In an English answer that tells the speaker's own dead, what the speaker feels for them, in place of what the
    rules or the learned layer made of it: missing them is grief ("my |late| grandma … i |miss her| like crazy"), and
    tears with no pleasant feeling beside are sadness ("she passed two years ago and i … got all |choked up|"), also
    when the learned layer set them aside (its labels say grief and sad there, not wistful or touched)."""

    def as_(was: str, now: str, said: str) -> None:
        feelings.pop(was, None)
        set_aside.pop(was, None)
        feelings[now] = said

    missed = feelings.get("wistful") or (found.feelings.get("wistful") if "wistful" in set_aside else None)
    if missed and "grief" not in feelings and MISSING.search(f" {missed} "):
        as_("wistful", "grief", missed)
    if {"sad", "grief"} & set(feelings) or any(feeling_kind(f, "en") == POLARITIES[0] for f in feelings):
        return
    for name, said in found.feelings.items():
        if TEARS_AT_THE_DEAD.search(f" {said} ") and (name in feelings or name in set_aside):
            as_(name, "sad", said)
            return


BEFALLS = ("left-out", "missed-chance", "win", "memory", "drifting", "unanswered")
"""Themes whose subject is the one they happen to ("딸이 초대를 못 받았대"); in the others the
subject is who did it to the speaker ("팀장님이 말을 끊으셨어요", "친구가 못 온다고 했어")."""
REPORTED_ONLY = ("unasked", "ignored", "cold-shoulder")
"""Themes whose subject is who did it ("팀장님이 안 물어보셨어요"), so only reported words, not
honoured ones, make them someone else's ("할머니가 아무도 안부를 안 물어본다고 하시더라")."""
SAID_THAT = r"(?:다|라고)하(?:더|드|데|던|대|는데|셨|시)|다그러"
"""Korean "said that" as a whole saying (joined): "안 넣어줬 |다 하드라|", "첫 기일이 |라고 하더라고요|", "|다 그러더라|"."""
RIEUL_FINAL = "".join(chr(0xAC00 + 28 * vowel_and_initial + 8) for vowel_and_initial in range(19 * 21))
"""The Hangul syllables that end in ㄹ: before 래, the speaker's own intention ("씻 고 |잘 래| 요", 갈래), not
hearsay ("바쁘 |대|", "온 |대|")."""
REPORTED = re.compile(r"^\w{0,6}?(" + SAID_THAT + r"|다꼬|다카|대요|댔|대(?![학해신화단로한표회출략충체기답상부박전중신접꾸])|다고|냐고|"
                      r"(?<![" + RIEUL_FINAL + r"])래요|(?<![" + RIEUL_FINAL + r"])래(?![서도]))")
REPORTED_FAR = re.compile(r"(" + SAID_THAT + r"|다고|다꼬|대요|냐고|(?<![" + RIEUL_FINAL + r"])래요|다카|카더라|하대|시대|었대|았대|"
                          r"했대|였대|한다고|하시는데|하시더|어하멍|어허멍)")
"""Reported-speech endings that make a whole Korean answer someone's story when its subject is theirs."""
PLANS = ("생일", "파티", "약속", "여행", "모임", "소풍", "공연", "돌잔치", "졸업식")
TOLD_OF_THEM = re.compile(r"^\w{0,6}?(" + SAID_THAT + r"|다꼬|다카|대요|댔|대(?![학해신화단로한표회출략충체기])|다고|다며|냐고|(?<!주)셨|(?<!주)시더|(?<!주)시면서|(?<!주)시며|해하|는지|어하멍|어허멍|다하멍)")
"""A Korean theme told as reported (~대요, ~다고) or honoured (~셨) speech is about the one named
before it: "딸이 생일 파티에 초대를 못 받았|대요|", "할머니가 할아버지 얘기를 하|셨|어"."""


SPEAKER_AS_OBJECT = ("나만", "나한테", "나를", "날", "저만", "저한테", "저를", "나에게", "저에게", "내한테", "제한테")


def _told_of_them(theme: str, words: Text, start: int, end: int, others: Frame) -> bool:
    """Whether a Korean theme happened to the person who is its subject, told in reported or honoured words."""
    if theme == "win" and PRAISE_REPORTED_KO.search("".join(words.tokens[start:end + 1])) \
            and not REPORTED_FAR.search("".join(words.tokens[end:end + 4])):
        return False  # 교수님이 |잘했다고| 해 주셔서: praise of the speaker, in the words it was given
    near, within = words.tokens[max(0, start - 3):end + 6], words.tokens[max(0, start - 3):end + 1]
    near = _listener_left_out(near)
    split = any(t in ("나", "내", "저", "제") and n.startswith(("한테", "를", "만", "에게")) for t, n in zip(near, near[1:]))
    if any(t.startswith(SPEAKER_AS_OBJECT) for t in near) or split or {"나", "저"} & set(within):
        return False  # 형제들이 자기들끼리 결정했대 … |나한테는| 통보만: done to the speaker
    after = ("".join(words.tokens[end - 1:end + 3]), "".join(words.tokens[end:end + 3]))
    if theme == "drifting" and not any(f in words.joined for f in TELLING_FRAME_KO):
        after = ("".join(words.tokens[end - 1:end + 1]),)  # (a friend's "바쁘대요" further on is their excuse)
    told = REPORTED if theme in REPORTED_ONLY else TOLD_OF_THEM
    if _opened_as_their_telling(words.tokens, start, others):
        return True
    if theme == "ignored" and _claimed_before_me(words.tokens, start, end):
        return False
    if not any(told.match(a) for a in after):
        # "동생이 반 애들이 지들끼리만 가기로 |했다고| 서운해하더라": the ending further on, the whole theirs
        # (a friend drifting away says they are busy, "바쁘다고만 하고": still the speaker's drifting)
        far = next((k for k in range(end, min(len(words.tokens), end + 8))
                    if REPORTED_FAR.search("".join(words.tokens[end - 1:k + 1]))), None)
        return far is not None and not _named_before(words.tokens, far, others, reach=far - end) \
            and _reported_all_along(words.tokens, end, others) \
            and (theme != "drifting" or any(t.startswith("말로") for t in words.tokens[:start]))
    return _someone_else_as_subject(words.tokens, start, others, True) is not None \
        or (theme == "left-out" and end - start > 4
            and _someone_else_as_subject(words.tokens, end - 3, others, True) is not None) \
        or (any(REPORTED.match(a) for a in after) and _reported_all_along(words.tokens, start, others))


CLAIM_SEEN = ("하더라", "하드라", "하데", "하던데", "하든데", "했어", "했다", "했어요", "했고", "하고", "하면서", "하길래",
              "하는데", "하더니", "하네", "하대요", "하심", "합디다", "했슴다")
"""After "자기 아이디어라고", the saying the speaker saw (하더라, 했어): the claim itself, the idea the speaker's."""


def _claimed_before_me(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether a Korean "taken as theirs" is a claim the speaker saw made: "실장 님 이 … 자기 아이디어 |라고 하더라|"
    (the 라고 is the claim's, not a story told to the speaker)."""
    said = "".join(tokens[start:end])
    if not said.startswith("자기") or not said.endswith(("라고", "다고")):
        return False
    verb = "".join(tokens[end:end + 2]) if end + 1 < len(tokens) and tokens[end] == "하" else "".join(tokens[end:end + 1])
    return verb.startswith(CLAIM_SEEN)


TOLD_TO = ("얘기", "이야기", "말하", "말했", "말을", "하소연", "털어놓", "그러더", "그러드", "그러데", "그랬")
"""Saying verbs after "나한테": the speaker as the one told, not the one it was done to."""


def _listener_left_out(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The words without the speaker as a listener: "답을 안 했다꼬 |나 한테| 살짝 |얘기| 하더라" is the
    daughter-in-law's story told to the speaker (but "나한테 답을 안 했다" is done to the speaker)."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        size = 2 if t in ("나", "저") and tokens[i + 1:i + 2] and tokens[i + 1].startswith(("한테", "에게")) else 1
        if (size == 2 or t.startswith(("나한테", "저한테", "나에게", "저에게"))) \
                and any(w.startswith(TOLD_TO) for w in tokens[i + size:i + size + 2]):
            i += size
            continue
        out.append(t)
        i += 1
    return tuple(out)


JOKES_KO = ("농담", "개그", "드립")
"""A joke told is its teller's reaching out, with no one named: "동기 가 회식 에서 아재 |개그 했는데| 아무 도 안 웃어서"."""
REACHING_KO = ("인사", "의견", "아이디어", "제안", "문자", "카톡", "톡", "메시지", "연락", "전화", "고백", "질문") + JOKES_KO
"""Korean ways of reaching out: a greeting, an idea, a message, a joke."""
RECIPIENT_KO = ("한테", "에게", "께", "한티", "헌티")
ACT_KO = re.compile(r"^(했|하|냈|내|보냈|보내|올렸|올리|드렸|드리|걸었|걸)\w{0,3}(는데|는디|더니|니까|니께|었는데|는데도|지만)")
REACH_ACT_REACH = 6
DONE_ACT_KO = re.compile(r"^(냈|보냈|올렸|드렸)(는데|는디|더니)")
"""An idea put forward or a message sent, done (~냈는데): its subject is who reached out even with no one named
("민지 씨가 회의 때 의견 |냈는데| 팀장님이 말 딱 끊고")."""


def _done_to_them_ko(tokens: tuple[str, ...], start: int, others: Frame) -> bool:
    """A Korean slight done by someone to someone else named as its receiver right before it: "간호사 가 |아빠 한테|
    말투 가 너무 퉁명 스러워서" is dad's (but "|나 한테| 말투 가" is the speaker's)."""
    first = start
    while first > max(0, start - RECEIVER_REACH_KO) and not _ends_a_clause(tokens[first - 1], others):
        first -= 1  # (back across "처남 한테 만 말 도 안 섞 으시 고 |눈 도 안 마주치|": one clause)
    before = tokens[first:start]
    if any(t.startswith(SPEAKER_AS_OBJECT) or t in ("나", "저", "내", "제") for t in before):
        return False
    for k, token in enumerate(before):
        person, ending = (before[k - 1], token) if token in RECIPIENT_KO and k else \
            next(((token[:-len(r)], r) for r in RECIPIENT_KO if token.endswith(r) and len(token) > len(r)), ("", ""))
        at = first + k - (1 if token in RECIPIENT_KO else 0)
        if person in HONORIFICS_KO + ("들",) and at > first:
            person, at = before[at - first - 1], at - 1  # "새로 온 |집사 님| 한테 쌀쌀 맞게", "|관광객 들| 한테 는"
        if ending and (person in others.people or person in others.owners) \
                and (_someone_else_as_subject(tokens, at, others, True) is not None
                     or _titled_subject(tokens[first:at])):
            return True  # (not "언니 |한테| 인사 했는데 쌩": the speaker's hello to her)
    return False


RECEIVER_REACH_KO = 10
HONORIFICS_KO = ("님", "분", "씨")


def _titled_subject(tokens: tuple[str, ...]) -> bool:
    """Whether Korean words have a titled person as their subject, Vosk's "목사 |님 이|", "권사 |님 들 이|"."""
    return any(t in HONORIFICS_KO and k and (tokens[k + 1:k + 2] in (("이",), ("께서",))
                                             or tokens[k + 1:k + 3] in (("들", "이"), ("들", "께서")))
               for k, t in enumerate(tokens))


def _reached_out_by_them(words: Text, start: int, others: Frame) -> bool:
    """A Korean theme that followed someone else reaching out: "언니 가 관리소장 |한테| 인사 했는데 소장 이
    쳐다 도 안 보고" is her hello ignored. A greeting counts only with the one greeted named (~한테): "형 이 오늘
    인사 해도 눈 도 안 마주치고" leaves unsaid who greeted, and it is the speaker; an idea or message sent,
    done (:data:`DONE_ACT_KO`), counts without."""
    tokens = words.tokens
    for k in range(min(start + 2, len(tokens) - 1), max(-1, start - 1 - REACH_ACT_REACH), -1):
        token = tokens[k]
        noun = next((r for r in REACHING_KO if token.startswith(r)), None)
        if noun is None:
            continue
        act = (token[len(noun):] + "".join(tokens[k + 1:k + 4])).lstrip("을를도")
        if not ACT_KO.match(act):
            continue
        named = k > 0 and tokens[k - 1].endswith(RECIPIENT_KO)
        if not named and not DONE_ACT_KO.match(act) and noun not in JOKES_KO:
            return False
        # who did it: walked back from before the one reached ("관리소장 |한테|"), or from the reaching itself
        j = (k - 2 if tokens[k - 1] in RECIPIENT_KO else k - 1) if named else k
        subject = _someone_else_as_subject(tokens, j, others, True)
        if subject is not None and subject[0] == "도" and said_as_mine_too(tokens, subject[1]):
            return False  # "|나 도| 동기 도 농담 했는데": the speaker reached out too
        return subject is not None and subject[0] in others.markers  # (not "친구 놈|한테|": whose, not who)
    return False


TELLING_OPENINGS = ("그러는데", "그러는디", "그러던데", "그러든데", "그러더라고", "그러드라고", "말로는", "말론",
                    "말이", "하는말이", "얘기로는", "한테들었는데", "한테들은건데", "말들어보니", "얘기들어보니",
                    "말듣기로는", "얘기듣기로는")
"""After a person named at the start of a Korean answer, the words that make all of it their telling:
"|딸내미 가 그러는디| 반 여자애 들 이 … 자기 만 안 넣어줬 다 하드라"."""
OPENING_REACH = 5


def _opened_as_their_telling(tokens: tuple[str, ...], start: int, others: Frame) -> bool:
    """A Korean answer that opens "엄마가 그러는데 …": what follows is theirs, up to the speaker's own part."""
    head = "".join(tokens[:OPENING_REACH])
    frame = next((f for f in TELLING_OPENINGS if f in head), None)
    if frame is None or not _reported_all_along(tokens, start, others) or head.index(frame) == 0:
        return False
    # the telling ends at its first reported ending (… 적적 해 하신|대| 그리고 오늘 은 …: the speaker's own day)
    return not any(REPORTED_FAR.search("".join(tokens[k - 1:k + 1])) or REPORTED.match(tokens[k])
                   for k in range(OPENING_REACH, start))


SPEAKER_WORDS = ("나", "내", "저", "제")
"""Korean words that begin the speaker's own part in a sentence (나는, 내가, 저도, 제가)."""


NAMED = re.compile(r"^[가-힣]{2,3}이(가|는)$")
"""A Korean given name said as friends say it, 수진이가, 민지이는: someone named, not the speaker."""


NOT_THE_SPEAKER = ("내내", "저녁", "제일", "저기", "저번", "내일", "나중", "나이", "내년", "제대로", "저쪽")
"""Short Korean words that begin like the speaker (내가, 저는) and are not: 한 달 |내내|, |저녁|에."""


MY_KO = ("내", "제", "우리")
"""Korean "my" before a person ("|내| 친구가", "|제| 동생이"): the person's, not the speaker's part."""


def _whose_person(tokens: tuple[str, ...], j: int, others: Frame) -> bool:
    """Whether ``tokens[j]`` is "my" said of the person right after it: |내| 친구 가 … 씹혔 대 is the friend's story."""
    if tokens[j] not in MY_KO or j + 1 >= len(tokens):
        return False
    following = tokens[j + 1]
    return any(following.startswith(p) and following[len(p):] in PERSON_ENDINGS for p in others.people)


PERSON_ENDINGS = ("", "가", "이", "는", "은", "도", "님", "님이", "님은", "씨", "씨가", "들", "들이", "놈", "놈이", "녀석")
"""What may follow a person noun in the same word (친구|가|, 동생|이|): "아이디어" starts like 아이 and is no person."""


def _reported_all_along(tokens: tuple[str, ...], start: int, others: Frame) -> bool:
    """A person named with a subject marker earlier in the answer, and the speaker nowhere before the
    theme: the whole is their story told, across its clauses ("|친구 놈이| 여자친구한테 카톡 보냈는데
    하루 종일 답이 |없다꼬|")."""
    before = tokens[:start]
    if any(t.startswith(SPEAKER_WORDS) and len(t) <= 3 and not t.startswith(NOT_THE_SPEAKER)
           and not _whose_person(before, j, others) for j, t in enumerate(before)):
        return False
    for j, token in enumerate(before):
        for person in others.people:
            rest = token[len(person):] if token.startswith(person) else None
            following = before[j + 1] if j + 1 < len(before) else ""
            if rest in ("가", "이", "는", "은") or (rest == "" and following in ("가", "이", "는", "은", "놈이", "녀석이")):
                return True
        if NAMED.match(token):
            return True  # 수진이가: a name
    return False


HEARSAY = re.compile(r"(대요|했대|였대|었대|았대|셨대|하대|시대|됐대|다카대|다카더라|다카데|됐다고)")


TELLING_FRAME_KO = ("그러는데", "그러던데", "말로는", "하던데", "하더라", "다고")
"""Words that frame a Korean answer as someone else telling their story: "지수가 |그러는데| 남친이 … 뜸해져서"."""
WITH_KO = ("랑", "하고", "와")
PLANNED_KO = "기로"
"""A Korean plan made with someone ("친구|랑| 보기|로| 했는데"): theirs to call off, the speaker's to lose."""


HEARSAY_REACH = 6
"""How far after a Korean plan called off with ~서 its hearsay may end: "콘서트 가 |취소 돼서 엄청 실망 했 대요|"
(the ~서 carries the same subject on; otherwise three words)."""


ORDERS_KO = ("주문", "결제", "구독", "서비스", "콜", "등록", "회원권", "멤버십")
"""Before a Korean 취소, what makes it an order, a ride or a membership called off, no plan of the speaker's
("손님 이 |주문| 을 취소 해 버렸 어": 8 of 9 labelled lines so; "헬스 |등록| 한 거 취소 했 어요")."""


LET_DOWN_KO = frozenset(("아쉬움", "실망", "서운함", "섭섭함", "외로움", "쓸쓸함", "화", "허탈함", "속상함"))
"""Korean feelings of a plan fallen through: said as the speaker's, the plan heard called off was theirs too
("친구 가 … 못 간 대 요 많이 |아쉽| 네 요"); not when felt along with someone ("엄마 실망하신 거 보니까 |나도| 괜히 속상했어")."""
ALSO_ME_KO = frozenset(("나도", "저도", "도", "나", "저"))


def _heard_of_them(words: Text, end: int, others: Frame) -> bool:
    """A Korean plan called off told as hearsay about someone else: "할머니가 … 자식들이 못 온다고
    |취소했대요|" (but "친구가 못 나온다고 연락 왔어" is the speaker's plan, told to the speaker)."""
    before = words.tokens[:end]
    planned = next((k for k, t in enumerate(before) if PLANNED_KO in t), None)
    planned_with = any(t.endswith(WITH_KO) for t in before) and planned is not None \
        and _someone_else_as_subject(words.tokens, planned, others, True) is None  # (|아들 이| 친구 들 이랑 캠핑 가기로: his)
    reach = HEARSAY_REACH if words.tokens[end - 1].endswith(CAUSE_ENDING) else 3  # "취소 |돼서| … 했 대요": one clause
    return bool(HEARSAY.search("".join(words.tokens[end - 1:end + reach]))) and not planned_with \
        and _reported_all_along(words.tokens, end, others)


def _their_plan(words: Text, start: int, others: Frame) -> bool:
    """A Korean plan of someone else's called off: "|동생| 생일 파티가 취소됐어", "|언니 네 가족| 여행 이 취소 됐 다"
    (their household or group between)."""
    before = words.tokens[max(0, start - 4):start + 1]
    if any(t in others.people and n.startswith(PLANS) for t, n in zip(before, before[1:])):
        return True
    for p in range(max(0, start - 6), start + 1):
        if not words.tokens[p].startswith(PLANS):
            continue
        k = p - 1
        while k >= 0 and p - k <= 3 and words.tokens[k] in THEIR_GROUP_KO:
            k -= 1
        if k >= 0 and k < p - 1 and words.tokens[k] in others.people:
            return True
    return False


THEIR_GROUP_KO = frozenset(("네", "가족", "네가족", "식구", "집", "회사", "반", "팀", "학교"))
"""Between a person and a plan, the words that make it still theirs: "언니 |네 가족| 여행"."""


UNREAL_REACH = 8
BELIEF_REACH = 12
"""How far before a "because" a belief may stand: "|thought| coach was giving me the silent treatment all week
|cause| he wouldnt look at me turns out"."""
IF_REACH = 12
SUPPOSING = frozenset(("if", "might"))
"""Words that make what follows them a supposition: "|if| she cancels", "the boss |might| give it to someone else"."""
SAID_AS_IT_WAS = frozenset((("i", "was"), ("i", "felt")))
"""After a supposition, words that begin what happened: "knock if you need anything |i was| really touched"."""
ASKED_IF = frozenset(("asked", "ask", "asks", "asking", "wondered", "wondering", "know", "knew", "see", "check",
                      "checked", "sure", "tell", "unsure", "doubt"))
"""Before "if", words that make it a question asked, not a supposition."""
ASKED_WHOM = frozenset(("me", "him", "her", "them", "us", "you"))
"""Between such a word and "if", whom it was asked of: "not a single person |asked me if| i was alright all day
im drained"."""
BELIEVING = frozenset(("thought", "assumed", "figured", "worried", "feared", "convinced", "sure", "expecting",
                       "reckoned", "expected", "used", "had", "hadn't", "hadnt"))
"""Before an English theme or feeling and with a "but" after it, a belief or a past that turned out
otherwise: "|thought| she was ghosting me but", "i |used| to feel invisible there but not anymore",
"my flatmate |had| been short with me all week but tonight she apologised"."""
CLAUSE_ENDS = frozenset(("but", "and", "so", "then", "because", "cause", "cos", "when"))
OTHER_SUBJECTS = (SUBJECT_PRONOUNS - {"i", "we"}) | (CLAUSE_ENDS - {"and"}) | {"while"}
"""Walking back from a feeling (:func:`_with_me`), a subject that leaves the speaker out, or a new clause ("and"
may join "me and …")."""
PAST_HAVING = frozenset(("used", "had", "hadn't", "hadnt"))
"""Of :data:`BELIEVING`, the past ones that hold only close to the theme."""
TURNED_OUT = ("it was a surprise", "turns out", "turned out", "i find out", "then i found out", "found out", "then i find out", "then today",
              "then tonight", "it was just", "it were just", "after all",
              "she was just", "he was just", "shes just been", "hes just been")
"""After a belief ("i was so |sure| she was giving me the cold shoulder"), words that say it was wrong."""


BEFORE_NOW = ("last year", "time was", "first hitch", "first week", "first month", "first winter", "first trip", "first year in", "first year at", "first season",
              "first year after", "when we first", "when i first come",
              "when i first came", "when i first arrived", "when i first moved", "winter of",
              "passed i was", "passed away i was", "passed i felt", "when he passed", "when she passed",
              "when my husband passed", "when my wife passed", "when mum passed", "when dad passed",
              "when my mum passed", "when my dad passed", "for a year", "for a long time", "years back",
              "freshman year", "sophomore year", "first couple of", "first few years", "first few months",
              "first year", "first got", "when she first", "when he first", "when we first", "when they first",
              "the winter after", "the summer after", "the year after", "the months after", "the weeks after",
              "that first year", "that first winter", "as a kid", "back when", "back in", "for months", "for weeks",
              "for years", "years ago", "months ago", "at first", "when i was younger", "when i was little",
              "back then", "at the time", "a while back", "ages ago", "when i first", "in my first", "at the start",
              "when i started", "my first year", "a long time", "my first few", "last spring", "last summer",
              "last autumn", "last carnival", "last christmas",
              "last fall", "last winter", "last month", "after school", "after secondary school", "after uni",
              "after college", "after high school", "last time in", "in secondary school", "in high school",
              "in primary school", "back in school", "there was a time", "at one point", "after the divorce",
              "after she passed", "after he passed", "after the wife passed", "after the husband passed",
              "last season", "when covid hit", "during covid", "in lockdown", "during lockdown", "a year ago",
              "a month ago", "a few months ago", "a couple of years ago", "last term", "first term",
              "first semester", "last semester", "all week", "whole week", "all month", "whole month")
"""English words that put what is told in a past before today: with a "but" and a now after it, it is over."""
NOW_SINCE = ("today", "tonight", "now", "these days", "anymore", "any more", "behind me", "after all", "in the end",
             "turns out", "turned out", "nothing ever happened", "this year", "this week", "this week end",
             "this weekend", "finally went", "went ahead", "sorted all that", "sorted it out", "made up",
             "made our peace", "crosses my mind", "this evening", "nowadays", "this team", "this job", "this crew",
             "this school", "this season")
TURNS = ("these days", "nowadays", "not so much", "not anymore", "not any more", "and now", "now i am", "now im", "now i'm",
         "now i feel")
"""After a past, a now that turns without a "but": "first year home … i was so lonely |these days not so much|"."""
GONE = ("that old now", "thats old now", "thats over now", "that's over now", "that done now", "thats done now", "that's done now", "is gone", "long gone", "gone now", "is behind me", "behind me now", "is over now", "went away", "wore off")
OVER_NOW = (("is", "over"), ("was", "over"), ("are", "over"))
"""Straight after the feeling only: "the stress |is over|" (but "sad the holiday is over" is today's sadness)."""
"""Said right after a feeling: "the panic from this morning |is long gone|"."""
OVER_REACH = 10


THEN_NOT_NOW = (("back", "then"), ("in", "those", "days"))
THEN_REACH = 5
"""A feeling closed by "back then" within a few words ("i was so |scared| back then", "real |lonely| back then but
those days are done") was felt in a past the answer looks back on: all three such feelings in the labelled lines
were forbidden; "still" before it keeps it ("i was scared back then and still am")."""


def _then_not_now(tokens: tuple[str, ...], end: int) -> bool:
    """Whether "back then" (or "in those days") closes the feeling within :data:`THEN_REACH` words, not undone by a
    "still" around it."""
    ahead = tokens[end:end + THEN_REACH + 2]
    said = any(tuple(ahead[k:k + len(p)]) == p for p in THEN_NOT_NOW for k in range(0, THEN_REACH))
    return said and "still" not in tokens[max(0, end - 4):end + THEN_REACH + 6]


def _over_since(tokens: tuple[str, ...], start: int, end: int, feeling: bool = True) -> bool:
    """An English feeling or theme that was and is over: gone since ("all that anxiety before the
    interview |is gone now|"), or set in a past with a turn to now after it ("|this time last year|
    i was properly depressed |but| that's |behind me|", "missed the deadline |back in| march |but|
    they opened a second intake and i got a place |today|")."""
    after = " " + " ".join(tokens[end:end + 8]) + " "
    if feeling and (any(f" {g} " in after for g in GONE) or tuple(tokens[end:end + 2]) in OVER_NOW):
        return True  # (themes: a chance "gone now" is the missed chance)
    if feeling and _then_not_now(tokens, end):
        return True  # "i was |terrified| every single day |back then|"
    try:
        turn = tokens.index("but", end, min(len(tokens), end + OVER_REACH + 4))
    except ValueError:
        ahead = " " + " ".join(tokens[end:end + OVER_REACH + 4]) + " "
        turned = [ahead.index(f" {t} ") for t in TURNS if f" {t} " in ahead]
        if not turned or not feeling:
            return False  # (a theme such as drifting is told by a then and a now)
        turn = end + ahead[:min(turned)].count(" ") - 1  # the now itself is read as what comes after the turn
    later = " " + " ".join(tokens[turn + 1:turn + 7 + OVER_REACH]) + " "
    if not any(f" {n} " in later for n in NOW_SINCE):
        return False
    before = " " + " ".join(tokens[max(0, start - OVER_REACH - 8):turn]) + " "
    return any(f" {p} " in before for p in BEFORE_NOW)


PRIDE = {"en": ("proud", "accomplished", "brave")}
"""The speaker's own pride tells a small win (44 labelled English lines of 53 with "proud" have it), unless
it is pride in someone else ("proud of her", "proud of my daughter")."""
PRIDE_WHEN = frozenset(("when", "watching", "seeing", "that", "cos", "because", "hearing"))
OWN_DOING = frozenset(("we", "we've", "weve", "how", "what", "it", "this", "i'd", "id", "ive", "myself"))
PRIDE_IN_OTHERS = frozenset(("him", "her", "them", "my", "his", "their", "our", "you", "the", "everyone", "us"))


CAUSE_REACH = 4


def _cause_of_their_feeling(tokens: tuple[str, ...], start: int, end: int, their_words: set[int]) -> bool:
    """Whether an English theme is told as the cause right after someone else's feeling: "agnieszka was
    very |upset| her sister cancel the wedding trip" (hers), with the speaker not named between."""
    for p in range(max(0, start - CAUSE_REACH), start):
        if p in their_words and not set(tokens[p + 1:end]) & (SPEAKER_IN_PHRASE | {"we", "us", "our"}):
            return True
    return False


REGRET_DENIED = (("don't", "regret"), ("not", "regret"), ("no", "regrets"), ("no", "regret"),
                 ("don't", "feel", "like", "i", "missed"), ("didn't", "miss", "anything"))
"""The speaker denying a missed chance's regret: "people keep telling me i missed out but i |dont regret| it at
all" (of the labelled English lines saying one, 1 of 15 told a missed chance: regret said again after it)."""


def _regret_denied(tokens: tuple[str, ...]) -> bool:
    """Whether the last word of regret or missing in an English answer is in :data:`REGRET_DENIED`."""
    last = max((k for k, t in enumerate(tokens) if t.startswith("regret") or t == "missed"), default=None)
    if last is None:
        return False
    return any(tuple(tokens[k:k + len(d)]) == d
               for d in REGRET_DENIED for k in range(max(0, last - len(d) + 1), last + 1))


PROUD_OF_THEM = frozenset(("her", "him", "them", "his", "their", "everyone", "everybody", "yous", "you"))


def _proud_of_them(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether the pride in an English win's words is in someone else's doing: "i was |proud| as punch
    when little amy read every sign out loud" (hers), not "proud when i finally finished" (mine)."""
    for k in range(start, min(end + 1, len(tokens))):
        if tokens[k] != "proud":
            continue
        j = k + 1
        while j < len(tokens) and tokens[j] in PRIDE_SAYING:
            j += 1
        m = k + 1
        while m < len(tokens) and tokens[m] in PRIDE_SAYING - {"of"}:
            m += 1  # "proud |as punch| of her"
        if tokens[m:m + 1] == ("of",) and tokens[m + 1:m + 2] and tokens[m + 1] in PROUD_OF_THEM \
                and not {"myself", "meself", "ourselves", "us"} & set(tokens[m + 2:m + 8]):
            return True  # "im so |proud of her|": her doing (but "proud of them and a bit of myself too": ours)
        if j + 1 >= len(tokens) or tokens[j] not in PRIDE_WHEN or (tokens[j] == "that" and tokens[j - 1] == "of"):
            return False  # (not "proud |of that| one": the thing done, not "proud that she ...")
        who = tokens[j + 1]
        if who in ("my", "our", "little") and j + 2 < len(tokens):
            return tokens[j + 2] not in ("own", "first", "self", "work", "team")  # "when |my granddaughter| read"
        return who not in SPEAKER_IN_PHRASE | OWN_DOING
    return False


PRIDE_SAYING = frozenset(("as", "punch", "peacock", "a", "really", "so", "very", "dead", "well", "of", "it"))


def _pride_told(words: Text, felt_at: dict[str, tuple[int, int]], pride: Iterable[str]) -> tuple[int, int] | None:
    """Where the speaker's own pride is said, as the words of a win: "secretly dead |proud|"."""
    for name in pride:
        if name not in felt_at:
            continue
        start, end = felt_at[name]
        after = words.tokens[end:end + 2]
        if len(after) == 2 and after[0] in ("of", "for") and after[1] in PRIDE_IN_OTHERS:
            continue
        if len(after) == 2 and after[0] in PRIDE_WHEN and after[1] not in SPEAKER_IN_PHRASE | OWN_DOING:
            continue  # "proud as punch |when little amy| read every sign": her win
        return start, end
    return None


IF_THEN_REACH = 12
BECAUSE = frozenset(("because", "cause", "cos"))


def _turned_out(tokens: tuple[str, ...], end: int) -> bool:
    """After a belief, words that say it was wrong: a "but", "anymore", "turns out"."""
    rest = f" {' '.join(tokens[end:])} "
    return bool({"but", "anymore"} & set(tokens[end:])) or any(f" {w} " in rest for w in TURNED_OUT)


LIKENING = frozenset(("felt", "feel", "feels", "feeling", "looked", "look", "looks", "seemed", "seems", "sounded", "was",
                      "acted", "acting", "treated"))
"""Before "like if", verbs that make it a likeness ("felt |like if| i wasnt there"); else "like" is a filler
("|like| if tyler doesnt text back by tomorrow")."""
FUTURE = frozenset(("theyll", "they'll", "she'll", "he'll", "i'll", "gonna", "will", "bet", "shell"))
FUTURE_REACH = 6
HONESTLY = (("im", "honest"), ("i'm", "honest"), ("im", "being"), ("i'm", "being"), ("anything",), ("anything", "i"),
            ("i", "am"), ("truth", "be"))
"""Right before an English theme or feeling, words that make it what may come: "knowing my luck |theyll|
cancel the flights again", "|i'll| miss the little fella's birthday"."""


FEARING = frozenset(("worried", "worry", "worrying", "scared", "afraid", "terrified", "fear", "feared", "dreading",
                     "dread", "nervous", "anxious", "panicking", "frightened"))
EXPECTING = FEARING | {"convinced", "thought", "thinking", "expected", "expecting", "sure"}
"""Before a reply that came, words that say it was not expected to (see :func:`_expected_but_answered`)."""
FEARED_AHEAD = frozenset(("ill", "well", "gonna", "will", "wont", "won't", "might", "may", "i'll", "we'll",
                          "theyll", "they'll", "shell", "she'll", "he'll", "hell"))
"""After a fear, words that put what follows ahead (Vosk drops the apostrophes: "worried |ill| lose touch",
"scared |were gonna| lose touch"): the fear is real, what it fears has not happened."""
FEAR_REACH = 7
FEARED_DOING_REACH = 3


def _feared(tokens: tuple[str, ...], start: int) -> bool:
    """An English theme or feeling told as what the speaker fears may come: "bit |worried ill| lose touch
    with the girls", "im |scared were gonna| lose touch", "worried the hospital |wont| ring back" (the theme's own
    first word)."""
    for k in range(start - 1, max(-1, start - 1 - FEAR_REACH), -1):
        if tokens[k] in CLAUSE_ENDS:
            return False
        if tokens[k] in FEARING:
            return bool(set(tokens[k + 1:start + 1]) & FEARED_AHEAD) \
                or (start - k <= FEARED_DOING_REACH and tokens[start].endswith("ing")
                    and set(tokens[k + 1:start]) <= THEIR_OBJECTS_ONLY)  # "dreading them |cancelling|"
    return False


FEARED_INSIDE_REACH = 2


def _feared_inside(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether a fear of what may come stands inside a long theme's words: "i havent sent it yet cause im |scared
    hell| just leave it on read" (Vosk's "hell" for "he'll")."""
    return any(tokens[k] in FEARING and set(tokens[k + 1:k + 1 + FEARED_INSIDE_REACH]) & FEARED_AHEAD
               for k in range(start, end))


NOT_KNOWN = frozenset((("know", "if"), ("know", "whether"), ("sure", "if"), ("sure", "whether"), ("knowing", "if")))


def _unknown_inside(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether a theme's words say it is not known yet: "i |dont know if| im invited cause im only the temp", "she
    probably hasnt even seen it yet |if she| leaves me on read ill be gutted"."""
    return any((tuple(tokens[k:k + 2]) in NOT_KNOWN and k and tokens[k - 1] in NOT_KNOWING)
               or (k > start and tokens[k] == "if" and tokens[k + 1] in ("she", "he", "they")
                   and bool(set(tokens[end:end + 2]) & {"ill", "i'll", "id", "i'd"}))
               for k in range(start, end - 1))


NOT_KNOWING = frozenset(("dont", "don't", "not", "didnt", "didn't", "never", "doesnt", "doesn't"))
"""(Not "she just wanted to |know if| id picked up milk": the speaker left unasked.)"""


def _for_them(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether an English feeling word says what something is for someone else: "i know it |is awkward for them|"
    (not "i felt awkward for her", the speaker's own)."""
    return start >= 2 and tokens[start - 1] in ("is", "was") and tokens[start - 2] not in SPEAKER_AS_SUBJECT \
        and tuple(tokens[end:end + 2]) in (("for", "them"), ("for", "him"), ("for", "her"))


def _in_a_manner(tokens: tuple[str, ...], start: int) -> bool:
    """Whether an English feeling word tells how something was done to someone: "kept talking to her |nice and
    calm| like", "walked him through it nice and steady" (every labelled line so)."""
    return start >= 3 and tuple(tokens[start - 2:start]) == ("nice", "and") and tokens[start - 3] in THEIR_OBJECTS_ONLY


def _honestly(tokens: tuple[str, ...], k: int) -> bool:
    """Whether the words from ``k`` begin one of :data:`HONESTLY` ("if |anything| relieved")."""
    return any(tuple(tokens[k:k + len(h)]) == h for h in HONESTLY)


WOULD_BE = re.compile(r"(^| )(id|i'd|i would|wed|we'd|we would|youd|you'd) (be|feel|have felt|have been)"
                      r"( (so|really|very|a bit|a little|kind of|kinda|sort of|pretty|quite|just|totally|super|well|"
                      r"proper|bloody|dead|absolutely|completely|properly|right|gutted and))*$")
WOULD_BE_REACH = 7


def _would_be(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether an English feeling is what the speaker would feel, not what they felt: "normally |id be pretty|
    bummed but i was so tired", "|youd be| furious wouldnt you" (not "id be lying if i said …")."""
    return bool(WOULD_BE.search(" ".join(tokens[max(0, start - WOULD_BE_REACH):start]))) \
        and tokens[end:end + 1] != ("lying",)


def _unreal(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """An English feeling or theme told as a supposition ("|if| anyone had ignored me", "i'd be
    gutted |if| the trip fell through") or as a fear that turned out wrong ("|thought| she was
    ghosting me |but| she replied"): not what happened. "as if" is a likeness ("felt as if i was
    invisible"), so it counts."""
    if _feared(tokens, start):
        return True
    first = max(0, start - FUTURE_REACH)
    future = [i for i in range(first, start) if tokens[i] in FUTURE and tuple(tokens[i + 1:i + 2]) not in (("lie",), ("take",))
              and not {"was", "were"} & set(tokens[max(0, i - 2):i])]  # not "not gonna lie", "i'll take it", "was gonna"
    if future and not set(tokens[max(future) + 1:start]) & (CLAUSE_ENDS | {"i", "im", "i'm", "ive", "i've"}):
        return True  # (but "the kids will be crushed |im| already dreading": now)
    opening = tokens[:2]
    if "if" in opening and start <= IF_REACH and not set(tokens[opening.index("if") + 1:start]) & CLAUSE_ENDS \
            and not set(tokens[opening.index("if") + 3:start]) & {"im", "i'm", "ive", "i've"} \
            and not _honestly(tokens, opening.index("if") + 1):
        return True  # "|if| my high school group chat makes thanksgiving plans without me again"
    for j in range(start - 1, max(-1, start - 1 - UNREAL_REACH), -1):
        if tokens[j] == "then":  # "|if| the manager doesn't sign it off |then| the trip is off"
            return any(tokens[k] in SUPPOSING and not (tokens[k] == "if" and _honestly(tokens, k + 1))
                       for k in range(max(0, j - IF_THEN_REACH), j))  # (not "|if im honest| and then felt guilty")
        if tokens[j] == "and" and tokens[j + 1:j + 3] in SAID_AS_IT_WAS:
            return False  # "asked how i was and if i was okay |and i felt| really touched": what happened
        if tokens[j] == "and":  # "|if| i mention it |and| nobody asks": the supposition goes on
            back = range(j - 1, max(-1, j - 1 - IF_THEN_REACH), -1)
            for k in back:
                if tokens[k] == "and":
                    continue  # "if the rain holds off |and| they still go |and| cancel"
                if tokens[k] in CLAUSE_ENDS:
                    return False
                if tokens[k] == "if":
                    return k == 0 or tokens[k - 1] in ("what", "even", "and", "but", "so", "i'm", "im", "that")
            return False
        if tokens[j] in CLAUSE_ENDS:
            # "|thought| jess was blanking me all morning |cos| she wouldn't even look up but turns out":
            # the reason given is part of the belief
            return tokens[j] in BECAUSE and any(
                tokens[k] in BELIEVING for k in range(max(0, j - BELIEF_REACH), j)) and _turned_out(tokens, end)
        if tokens[j] in SUPPOSING:
            if tokens[j] == "if" and _honestly(tokens, j + 1):
                continue  # "|if im honest| i were more hurt": a way of saying so
            if tokens[j + 1:j + 2] == ("that",) or (j and tokens[j - 1] in ASKED_IF) \
                    or (j > 1 and tokens[j - 1] in ASKED_WHOM and tokens[j - 2] in ASKED_IF) \
                    or tokens[j + 1:j + 3] == ("as", "well"):  # "|might as well| have been talking to a wall"
                continue  # "once a month |if that|", "nobody |asked if| i wanted to come"
            if any(tokens[k:k + 2] in SAID_AS_IT_WAS for k in range(j + 2, start)):
                return False  # "left a note saying knock |if| you need anything |i was| really touched"
            return not (j and (tokens[j - 1] == "as" or (tokens[j - 1] == "like" and j > 1 and tokens[j - 2] in LIKENING)))
        if tokens[j] in BELIEVING and _turned_out(tokens, end):
            return True
    for j in range(start - 1 - UNREAL_REACH, max(-1, start - 2 - BELIEF_REACH), -1):
        if tokens[j] in CLAUSE_ENDS:
            return False
        if tokens[j] in BELIEVING and tokens[j] not in PAST_HAVING \
                and any(f" {w} " in f" {' '.join(tokens[end:])} " for w in TURNED_OUT):
            return True  # "|thought| the new keeper at the estate was giving me the cold shoulder … turns out"
    return False


FUTURE_SYLLABLES = "".join(chr(c) for c in range(0xAC00, 0xD7A4) if (c - 0xAC00) % 28 == 8 and chr(c) != "갈")
"""Korean syllables closed by ㄹ, the future "~ㄹ" before 것 같, 듯, 텐데: 할, 칠, 빡칠, 서운할."""
OVER_OR_UNREAL = re.compile(r"^\w{0,3}?줄알(았(는데|더니|지만|던|거든)|고)"
                            r"|^\w{0,12}?(었|았|였|웠|했|줬|봤|갔|왔|났|졌|썼|렸|댔|셨|꼈|겼|쳤|랐|혔)(었)?는데(지금|이제|이젠|올해|요즘|오늘|이번)"
                            r"|^는데(지금|이제|이젠|올해|이번)"
                            r"|^\w{0,3}?(으면|다면|당하면)(?!서)|^\w?(되면|하면)(?!서)|^\w{1,2}(?<!라)(면|믄)(?!접|서|세|담|회|역|도)|^\w{0,2}?을(거|텐데|지도|뻔)|^\w{0,2}?(을까|ㄹ까) ?봐"
                            r"|^\w{0,3}?것같았는데|^\w{0,6}?(었|았|였|웠|했)을(것|거)같"
                            r"|^\w{0,12}?(면|나)(어쩌|어떡하|어떻게하)|^\w{0,6}?(되나|하나)싶"
                            r"|^\w?[" + FUTURE_SYLLABLES + r"](것같|거같|듯|거야|텐데|낀데)|^(하|었|았|했|지|났|졌)(겠|겄)(지|다|네|어)|^겠지|^\w{0,2}?(거|것)(겠|겄)(지|죠)"
                            r"|^\w{0,6}?(거|건) ?아닐까|^\w{0,2}?을낀데|^\w{0,3}?(였|었|았)겠|^\w{0,4}?(될|할) ?텐데"
                            r"|^(하|었|았|했|지)(겠|겄)(죠|요)")
"""After a Korean feeling or theme, endings that make it not so now: a mistaken belief (나만 빼고 모인
|줄 알았는데|), a past that is over (투명인간 같았|는데 지금은| 아니야), a supposition (비 왔|으면|,
취소됐|을 거|고), a worry about what may come (저만 빼고 얘기하|면 어쩌나|, 취소해야 |되나 싶|어서)."""


TOLD_AS_BEFORE = ("missed-chance", "drifting", "memory")
"""Themes told by what was or might have been: "~했으면 됐을 텐데" is the missed chance, "예전엔 매일
통화했는데 요즘은" the drifting; no supposition or past in them is a reason to drop them."""
WORRY = re.compile(r"^\w{0,12}?(면|나)(어쩌|어떡|어떻게하)|^\w{0,3}?(을까|ㄹ까|릴까|질까|칠까) ?(봐|싶)")
"""A Korean worry about what may come ("혹시 또 떨어지|면 어쩌지|"): even a missed chance is not told by it."""
SUPPOSING_KO = re.compile(r"(?<![었았했였웠셨겼졌쳤랐렸])(?<![었았했였웠]으)면$")
"""A Korean "if" that is not a past one: "이번에도 떨어지|면| 또 기회 날리는 거라" supposes a missed chance;
"그때 지원했|으면|" (a past "if") is the missed chance itself."""


WORRY_AFTER = re.compile(r"(을까|ㄹ까|릴까|질까|칠까|길까) ?봐")
ANSWERED_KO = ("답해주셨", "답해줬", "답해주더", "답장이왔", "답장왔", "답이왔", "답장을받", "답을받", "전화왔", "전화가왔",
               "연락왔", "연락이왔", "문자왔", "문자가왔", "카톡왔", "카톡이왔", "전화가오")
"""Later in a Korean answer, the reply came after all: "아무도 답을 안 달았어 … 한 시간 뒤에 다 |답해 주셨|고"."""
SUPPOSED_AFTER_KO = 4
"""After a Korean unanswered message, "만약" within these words: what may come ("아직 안 읽었 어 |만약| 읽씹 하 면")."""
ANSWERED_SOON_KO = re.compile(r"(답장|답|전화|연락|문자|카톡)(이|가)?(바로|금방|금세|곧|길게|결국|드디어|다시)(왔|오)")
"""The same, a word of how between: "금방 답장 이 |길게| 왔 어"."""
GAVE_UP = ("결국", "못했", "포기", "접었")
"""After a worry, words that tell the chance was let go after all: "거절 당하면 어쩌나 싶어서 |결국| 물어 보지도 |못했|어"."""


def _supposed_before(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether a Korean "if" (not a past one) stands in the words ``start:end`` or the three before."""
    return any(SUPPOSING_KO.search(t) for t in tokens[max(0, start - 3):end])


MISTAKEN = re.compile(r"^\w{0,3}?줄알(았(는데|더니|지만|던|거든)|고)")
"""Inside a theme's words too: "나 만 빼고 모인 |줄 알았는데| 알고 보니 단톡 초대가 늦게 간 거였어"."""


OVERTURNED = re.compile(r"^\w{0,14}?((?<!이)나|건가|는가|은가|는건가|난가|려나|한가|인가)(했|싶었|하고|하며|해서)\w{0,3}?(는데|거든|더니|고|드만|더만|드니|는디)"
                        r"|(는데|지만|더니|그랬지|했지|었지|였지|어도|거든)\w{0,3}?(이제|이젠|요즘|지금|오늘은?)\w{0,20}?"
                        r"(아무렇지|괜찮|그런거없|상관없|신경안|나아졌|좋아졌|달라졌|잘들어|반갑|반가웠|지난일|옛날일|따뜻|편안|다시)"
                        r"|(는데|지만|어도)\w{0,6}?(지난일|옛날일|옛날얘기|지난얘기)|^\w{0,4}?(건|것은|거는)\w{0,3}?(지난일|옛날일|옛날얘기|지난얘기)"
                        r"|(는데|더니|지만|었제|았제|였제|했제|는디|드만|근데|거든)\w{0,6}?(알고|들어) ?(보(니|이)|봉께|본께|보니께)|(는데|더니)\w{0,20}?(괜히|공연히)(혼자)?(오해|걱정|소설|착각)")
"""Later in a Korean answer, a clause that takes back what came before: "서운했|는데 이제는 아무렇지|
않아", "안 불렀나 했|는데 알고 보니|", "답장 없을 줄 알았|는데 … 괜히 혼자 오해|했네"."""


BEFORE_NOW_KO = ("한동안", "작년", "예전", "옛날", "신입때", "인턴때", "학교때", "대학때", "어릴때", "그땐", "그때는", "한때",
                 "처음엔", "처음에는", "젊어서", "젊었을", "젊을때", "젊을적", "몇년전", "한참전", "때는", "때엔", "전엔", "전에는", "첫겨울", "첫해", "초기엔", "초기에는",
                 "초반엔", "초반에는", "을땐", "을때는", "까지는", "까지만해도")
NOW_KO = ("요즘은", "지금은", "지금", "이제는", "이젠", "이제", "오늘은", "요새는", "올해는", "인자는", "인제는", "인자", "요즘엔",
          "다풀렸", "다 풀렸")


PAST_IF = ("었으면", "았으면", "했으면", "였으면", "웠으면")
"""Just before a Korean win, a past "if": it was never won ("그거만 |넣었으면| 이겼는데")."""
PERHAPS = ("혹시", "만약", "만일", "행여")
PERHAPS_REACH = 3
"""Just before a Korean theme, words that make it a supposition: "|혹시나| 일 생겼다고 못 온다 하면"."""


RIDES = ("버스", "기차", "지하철", "비행기", "막차", "첫차", "택시", "열차", "셔틀", "배를")
"""What a Korean speaker misses without missing a chance: "버스 를 |놓쳤는데| 다음 버스 와서"."""


def _missed_a_ride(tokens: tuple[str, ...], end: int) -> bool:
    """Whether the last words of a Korean missed chance miss a ride (:data:`RIDES`)."""
    return any(r in "".join(tokens[max(0, end - 3):end]) for r in RIDES)


COLD_THINGS_KO = ("아메리카노", "커피", "음료", "맥주", "물이", "물은", "바람", "바닷물", "날씨", "공기", "손이", "발이", "방이")
"""Before a Korean "차가워", a thing that is cold to the touch, not a cold shoulder: "아이스 |아메리카노|가 너무 차가워서"."""
HEARD_OUT_KO = ("끝까지다들어", "끝까지들어주", "다들어주시")
"""After a Korean ignored, heard out after all: "채택은 안 됐는데 팀장님이 |끝까지 다 들어| 주시고"."""
NOT_REPLIED_KO = ("못했", "못해")
"""Right after a Korean "답을", the speaker could not reply: "엄마 문자에 아직 답을 |못 했어| 미안해"."""
UNASKED_GLADLY = ("다행", "날이없")
"""After a Korean unasked, glad of it: "주말 출근 하라고 아무도 안 물어봐서 |다행|이야"."""


HOPELESS_BEFORE = frozenset(("진짜", "정말", "완전", "참", "건", "거는", "것은", "풀어도"))
MESSAGES_KO = ("카톡", "문자", "연락", "메시지", "메세지", "전화", "톡", "디엠", "dm", "편지", "메일")


def _no_way_out(tokens: tuple[str, ...], start: int) -> bool:
    """Whether a Korean "답이 없어" is the idiom of a thing that has no way out ("주차하는 건 진짜 |답이 없어|",
    "매출은 |답이 없다|"), not a message left unanswered."""
    said = "".join(tokens[start:start + 2])
    if not said.startswith("답이") or not start:
        return False  # (not "나는 |답을 못 받|네": the speaker's reply that never came)
    before = tokens[start - 1]
    return before in HOPELESS_BEFORE or (before.endswith(("은", "는")) and not before.startswith(MESSAGES_KO))


WONDERED_KO = re.compile(r"^(?!이?랄까)\w?(을까|[" + FUTURE_SYLLABLES + r"]까)(?! ?(봐|싶|바|말까))")
"""After a Korean feeling, ~을까 wonders at it ("얼마나 |속상| 했 을까": how hurt they must have been), a feeling
not felt by the speaker now (with 봐 it is a worry, read elsewhere)."""
CONJECTURE = re.compile(r"겠(지|죠)")
FEARED_KO = "까봐"
"""In or right after a Korean theme's words, only feared: "친구 들 이 |나 만 빼고 만날 까 봐| 마음 졸였 는데 … 불러 줘서"."""
GUESSED_AHEAD = re.compile("[" + FUTURE_SYLLABLES + "](듯|수도있|수도 있)")
"""In or just after a Korean theme's words, a guess at what will happen: "또 당일 에 노쇼 |할 듯|",
"당직 걸리면 취소|될 수도 있|대"."""
"""Inside the last word of a Korean theme's words, a guess at what will be: "우리도 점점 |멀어지겠지|"."""
WILL_BE = re.compile("[" + FUTURE_SYLLABLES + "](낀데|텐데|건데|거야|거예요|기라)")
"""After a Korean drifting, told by what was or might have been (:data:`TOLD_AS_BEFORE`), a future all the
same: "이사 가면 점점 |멀어질 낀데|" (but "멀어질 것 같아" may be the drifting felt now)."""


THEMSELVES = frozenset(("지", "자기", "지만", "자기만", "지들", "자기들"))
ONLY_THEMSELVES = frozenset(("자기만", "지만", "자기들만"))


def _only_them_left_out(words: Text, start: int, end: int, others: Frame) -> bool:
    """"동네 아주머니들이 |엄마만 빼고| 꽃구경을 갔대": the one left out is the person named with 만."""
    if start >= 2 and words.tokens[start - 2] in THEMSELVES and words.tokens[start - 1] == "만":
        return True  # 단톡에 |자기 만| 안 불렀다고: Vosk's split 자기만
    for j in range(max(0, start - 1), min(end, len(words.tokens))):
        token = words.tokens[j]
        following = words.tokens[j + 1] if j + 1 < len(words.tokens) else ""
        if (token in THEMSELVES and following.startswith("빼")) \
                or (token in ONLY_THEMSELVES and following.startswith(("빼", "안", "초대", "못"))):
            return True  # 민지가 단톡에서 |지 빼고| 다들 여행 간 거 알고: she herself
        for person in others.people:
            if token.startswith(person) and (token[len(person):] == "만" or (token == person and following == "만")):
                return True
    return False


def _ko_over_since(words: Text, start: int, end: int) -> bool:
    """A Korean feeling or theme set in a past (작년, 신입 때는, 고등학교 때) with a now after it
    (요즘은, 지금은, 오늘은): "신입 때는 다들 |무시|해서 속상했는데 |오늘은| 내 안이 채택됐어"."""
    before = "".join(words.tokens[:start])
    after = "".join(words.tokens[end:])
    return any(p in before for p in BEFORE_NOW_KO) and any(n in after for n in NOW_KO)


THEN_KO = ("그때는", "그땐", "그때엔", "그때만해도", "그시절엔", "그시절에는", "그날은", "그날만해도")
THEN_KO_REACH = 3
"""How many words before a Korean feeling :data:`THEN_KO` sets it back then."""
PAST_THEN_KO = re.compile(r"(었|았|였|웠|했)(는데|지|다|어|죠|거든|고|네)")
STILL_KO = ("지금도", "아직도", "여전히", "아직", "요즘도", "오늘도")


def _ko_then_not_now(words: Text, start: int, end: int) -> bool:
    """A Korean feeling said of "back then" in the past, with nothing saying it lasts: "길 잃어서 울면서 전화하던 게
    생각나서 피식했어 |그때는| 진짜 |힘들었는데|" is over (but "그때는 힘들었는데 |지금도| 그래" is not)."""
    before = "".join(words.tokens[max(0, start - THEN_KO_REACH):start])
    return any(t in before for t in THEN_KO) and bool(PAST_THEN_KO.search("".join(words.tokens[start:end + 2]))) \
        and not any(s in words.joined for s in STILL_KO)


def _overturned(words: Text, end: int) -> bool:
    """Whether a Korean feeling or theme said before word ``end`` is taken back later (:data:`OVERTURNED`)."""
    return bool(OVERTURNED.search("".join(words.tokens[max(end - 1, 0):])))


PAST_WISH = ("했으면", "됐으면", "줬으면")
"""A wish, not a supposition: "누가 물어봐 |줬으면|" is the theme itself."""


def _over_or_unreal(tokens: tuple[str, ...], end: int, endings: re.Pattern = OVER_OR_UNREAL) -> bool:
    """From the last letter of the words ``…end``: "빼|고 모인 줄 알았는데|", not "물어봐|서 서운할 줄 알았는데"
    (what was expected there is the feeling, not the theme)."""
    if end and endings is OVER_OR_UNREAL and tokens[end - 1].endswith(("하면", "되면", "주면", "오면", "가면", "지면")) \
            and not tokens[end - 1].endswith(PAST_WISH):
        return True  # "또 약속 |취소하면|": the theme's own last word supposes it
    return bool(end) and bool(endings.match("".join(tokens[end - 1:end + 4])[len(tokens[end - 1]) - 1:]))


MIDWORD_LENGTH = 4


def _said(phrase: str, words: Text, match: str) -> bool:
    """Whether ``phrase`` is said: in Korean from the start of a word, as cues match ("아주" is not in 알아주는),
    or anywhere when it is long enough to be itself (편안|하기도 하지|)."""
    if match == "joined":
        joined = phrase.replace(" ", "")
        if len(joined) >= MIDWORD_LENGTH:
            return joined in words.joined
        return any(words.joined.startswith(joined, at) for at in words.starts)
    return f" {_as_heard(phrase)} " in f" {' '.join(words.tokens)} "


@lru_cache(maxsize=4096)
def _as_heard(phrase: str) -> str:
    """A listed phrase spelled as answers are read ("im just thrilled" as "i'm just thrilled")."""
    return " ".join(Text.of(phrase).tokens)


SAID_TWICE = re.compile(r"(\w\w)\w{0,2}(다|네)\1|신난다신나")
REPEATED = re.compile(r"(?:^| )(\w)(\w{0,2}) ?(다|워|와|해|네) (?:\w{1,3} )?\1\w{0,2}(?= |$)")
"""Praise said again in Vosk's words, "즐겁 다 즐거워", "넘친다 넘쳐", "고마워 죽겄어 고마워": an irony marker."""
"""Korean praise said twice (보람차다 보람차, 잘됐네 잘됐어, 대단하다 대단해): an irony marker."""
TWICE_BETWEEN = frozenset(("absolutely", "honestly", "truly", "really", "just", "so", "totally", "utterly"))


def _praise_said_twice(tokens: tuple[str, ...], vocab: Vocabulary, hits: Iterable[Hit]) -> bool:
    """An English pleasant feeling said again, one intensifier between: "not a peep im |thrilled honestly
    thrilled|", "so yeah |thrilled absolutely thrilled|" (of the labelled lines with one and a grief, a mishap or
    an unpleasant feeling, every one was irony)."""
    for h in hits:
        if h.end - h.start == 1 and vocab.feeling(h.key).pleasantness > 0 and h.end + 1 < len(tokens) \
                and tokens[h.end] in TWICE_BETWEEN and tokens[h.end + 1] == tokens[h.start]:
            return True
    return False


DOUBLING = frozenset(("very", "so"))
PRAISE_WORDS = frozenset(("nice", "lovely", "warm", "close", "kind", "good", "great", "blessed", "lucky", "professional",
                          "productive", "supportive", "welcoming", "caring", "thoughtful", "helpful", "fun"))
"""Besides pleasant feelings, words of praise an English doubling (:func:`_praise_doubled`) is made of."""


def _praise_doubled(tokens: tuple[str, ...], vocab: Vocabulary, hits: Iterable[Hit]) -> bool:
    """Whether an English answer praises in a doubling, "|very| warm |very| close family", "|so| appreciated |so|
    respected", "|very| nice |very| proud moment": irony by itself (of the labelled lines with one, 8 of 9)."""
    pleasant = {h.start for h in hits if h.end - h.start == 1 and vocab.feeling(h.key).pleasantness > 0}
    return any(tokens[i] in DOUBLING and tokens[i + 2] == tokens[i]
               and all(j in pleasant or tokens[j] in PRAISE_WORDS for j in (i + 1, i + 3))
               for i in range(len(tokens) - 3))


NOUN_TWICE = re.compile(r"(?:^| )(감동|행복|감사|영광|기쁨) ?이 ?다 \1(?= |$)")
"""A Korean feeling noun said, then said again ("참 |감동 이다 감동|", Vosk's "감동 이 다 감동"): irony by itself
(33 of 33 labelled lines)."""
PRAISE_AGAIN_REACH = 2
"""How many words may come between a Korean pleasant feeling word and the same word said again."""
AGAIN_NOT_IRONY = frozenset(("또", "이야", "이에요", "이여"))
"""Between the two, words of a feeling said twice in earnest: "고맙고 |또| 고맙고", "감동 |이야| 감동"."""
QUOTING_KO = ("카", "하시", "하고", "라고", "라며", "하면서", "그러")
"""After the second, words that make both someone's words reported: "고맙다 고맙다 |카시는데|"."""


def _same_praise_again_ko(said: Text, hits: Iterable[Hit], vocab: Vocabulary) -> bool:
    """Whether the speaker says one pleasant feeling word, then the very same word again right after ("아주
    |신났 어 신났| 어", "완전 |행복 하 다 행복| 해"): irony by itself, with or without a mishap named (116 of
    119 labelled lines; not with :data:`AGAIN_NOT_IRONY` between, someone's words reported, or someone else's
    feeling first)."""
    hits = [h for h in hits if vocab.feeling(h.key).pleasantness > 0]
    for a in hits:
        for b in hits:
            if a.key == b.key and 0 <= b.start - a.end <= PRAISE_AGAIN_REACH \
                    and (said.tokens[a.start][:2] == said.tokens[b.start][:2]
                         or (b.start == a.end and _same_stem_ko(said.tokens[a.start], said.tokens[b.start]))) \
                    and not set(said.tokens[a.end:b.start]) & AGAIN_NOT_IRONY \
                    and not "".join(said.tokens[b.end:b.end + 1]).startswith(QUOTING_KO) \
                    and not _theirs(said, a, vocab.others, True):
                return True
    return False


def _same_stem_ko(first: str, second: str) -> bool:
    """Whether two Korean words begin with the same two syllables, the second one's final consonant aside: "신난다
    |신나|" is one word said again ("기분", "기뻐" are not)."""
    if first[:1] != second[:1] or len(first) < 2 or len(second) < 2:
        return first[:2] == second[:2]
    a, b = ord(first[1]) - 0xAC00, ord(second[1]) - 0xAC00
    if not (0 <= a < 11172 and 0 <= b < 11172):
        return first[:2] == second[:2]
    return a // 28 == b // 28  # (onset, vowel) of a Hangul syllable; the final consonant is the remainder


SMALL_GRIEFS = frozenset(("unanswered", "left-out", "ignored", "cold-shoulder", "cancelled", "missed-chance", "unasked",
                          "drifting"))
"""Themes that are a bad day's mishap for irony: "읽고 세 시간째 조용하다 |역시| 나는 사랑받는 사람이야"."""


THANKS_TO = ("덕분", "덕택")
THANKS_REACH = 3
"""How many words after a small grief "덕분에" is its irony: "약속 또 파토 났어요 |덕분에| 아주 여유롭고
평화로운 주말이 되겠네요" (but "취소돼서 집에 있었는데 친구가 전화 와서 … 덕분에 즐거웠어요" thanks the friend)."""


def _thanks_to_a_grief(words: Text, told: dict[str, tuple[int, int]]) -> bool:
    """Whether "덕분에" follows right after one of the small griefs told (:data:`THANKS_TO`)."""
    ends = [told[t][1] for t in SMALL_GRIEFS & set(told)]
    return any(w.startswith(THANKS_TO) and any(0 <= i - e <= THANKS_REACH for e in ends)
               for i, w in enumerate(words.tokens))


MANAGED_A_MISHAP = re.compile(r"\bmanaged to (burn|burnt|kill|lose|break|spill|forget|miss|lock|drop|set off|smash|crash"
                              r"|sleep through|oversleep|get lost|offend|flood|shrink|ruin|wreck|delete|fail)\b")
"""A mishap told as an achievement ("i |managed to burn| the toast and the rice"): with any of the irony signs
("oh", "another", "yeah" …) the answer is praise of a bad day. All five labelled lines saying it forbade the
pleasant feeling or the win told with it."""


def _sarcastic(words: Text, vocab: Vocabulary, told: dict[str, tuple[int, int]], unpleasant: bool = False,
               hits: Iterable[Hit] = ()) -> bool:
    """Praise of a bad day ("oh great … i missed the bus … so proud"): a marker and a mishap (or
    one of the small griefs, ``told``, or the speaker's own ``unpleasant`` feeling) both said, a
    marker that is irony on its own ("love that for me"), 덕분에 right after a small grief, or a slight
    said with a feeling of being valued named (``hits``: "got |told off| … felt very |appreciated|")."""
    s = vocab.sarcasm
    opening = " ".join(words.tokens[:3])
    turned = _turned_since(words, vocab, told) if vocab.match == "tokens" else None
    if turned is not None:  # "used to dread sundays after margaret |died| … |but today| … i |loved every minute|"
        words, told = turned, {}
    return (any(_said(m, words, vocab.match) for m in s.alone)
            or (vocab.match == "tokens" and bool(MANAGED_A_MISHAP.search(" ".join(words.tokens)))
                and any(_said(m, words, vocab.match) for m in s.signs))
            or (vocab.match == "joined" and bool(NOUN_TWICE.search(" ".join(words.tokens))))
            or (vocab.match == "tokens" and _praise_doubled(words.tokens, vocab, hits))
            or _thanks_to_a_grief(words, told)
            or (any(_said(m, words, vocab.match) for m in s.slights) and any(h.key in s.slighted for h in hits))
            or ((any(_said(m, words, vocab.match) and not _quoted_ko(m, words, vocab.match) for m in s.markers)
                 or (vocab.match == "joined" and (bool(SAID_TWICE.search(words.joined))
                                                  or bool(REPEATED.search(" ".join(words.tokens)))))
                 or (vocab.match == "tokens" and _praise_said_twice(words.tokens, vocab, hits))
                 or any(f"{opening} ".startswith(f"{m} ") for m in s.openers))
                and (unpleasant or bool(SMALL_GRIEFS & set(told))
                     or any(_said(m, words, vocab.match) for m in s.mishaps))))


FIRST_BY_ME_KO = re.compile(r"(내가|제가|나|저)(먼저|못간다고|못가겠다고|안간다고|안가겠다고|빠진다고|못한다고|못가게|못갈것|못가겠)")
FIRST_BY_ME_REACH = 8


def _done_first_by_me_ko(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether a Korean plan was called off by the speaker first ("|내 가 먼저| 동창 모임 을 취소 했 어", "|내 가 못
    간다 고| 해서 결국 다 취소 됐 어"): their own doing, not a plan that fell through on them."""
    return bool(FIRST_BY_ME_KO.search("".join(tokens[max(0, start - FIRST_BY_ME_REACH):end])))


QUOTED_KO = ("고", "라고", "라구", "구")
"""After a Korean irony marker, the particle that makes it someone's words reported: "교수님 도 |잘했다 고| 하셔서
기분 좋았 어" is praise heard, not the speaker's irony."""


def _quoted_ko(marker: str, words: Text, match: str) -> bool:
    """Whether every time a Korean marker is said, :data:`QUOTED_KO` follows it."""
    if match != "joined":
        return False
    joined = marker.replace(" ", "")
    at = [i for i in range(len(words.joined)) if words.joined.startswith(joined, i)]
    return bool(at) and all(words.joined.startswith(QUOTED_KO, i + len(joined)) for i in at)


TURNED_TO_TODAY = (("but", "today"), ("but", "tonight"), ("but", "now"), ("but", "this", "year"),
                   ("but", "this", "time"), ("but", "these", "days"), ("but", "this", "week"))
"""Words that set the day told against a bad time before it: the praise after them is meant."""


def _turned_since(words: Text, vocab: Vocabulary, told: dict[str, tuple[int, int]]) -> Text | None:
    """The English words after the last of :data:`TURNED_TO_TODAY`, when every irony marker is said after it, no
    grief is told after it and none of its mishaps: a bad time set against today, not irony ("used to dread sundays
    after margaret died … but today the grandkids came … i loved every minute of it")."""
    tokens = words.tokens
    at = max((k + len(t) for k in range(len(tokens)) for t in TURNED_TO_TODAY if tokens[k:k + len(t)] == t),
             default=None)
    if at is None or any(b > at for t, (a, b) in told.items() if t in SMALL_GRIEFS):
        return None
    before, after = Text.of(" ".join(tokens[:at])), Text.of(" ".join(tokens[at:]))
    if any(_said(m, before, "tokens") for m in vocab.sarcasm.markers) \
            or any(_said(m, after, "tokens") for m in vocab.sarcasm.mishaps):
        return None
    return after


IRONY_LEFT_BEHIND = (("anyway",), ("anyways",), ("on", "the", "bright", "side"), ("on", "the", "plus", "side"),
                     ("on", "a", "brighter", "note"), ("on", "a", "better", "note"), ("in", "better", "news"))
"""English words that leave the irony of an answer behind: "he never called back which is great love that for me
|anyway| i baked bread and it came out good so im kind of |proud|"."""


def _irony_left_behind(said: Text, start: int, vocab: Vocabulary) -> bool:
    """Whether a pleasant English feeling comes after :data:`IRONY_LEFT_BEHIND`, no irony marker, opener or mishap
    said after those words: the irony was about what came before."""
    tokens = said.tokens
    at = max((k + len(t) for k in range(start) for t in IRONY_LEFT_BEHIND if tokens[k:k + len(t)] == t),
             default=None)
    if at is None or at > start:
        return False
    after = Text.of(" ".join(tokens[at:]))
    s = vocab.sarcasm
    return not any(_said(m, after, "tokens") for m in (*s.markers, *s.mishaps, *s.openers))


def _ends_unpleasant(said: Text, hits: list[Hit], vocab: Vocabulary, passable: set[int]) -> bool:
    """Whether an English answer ends on an unpleasant feeling of the speaker's, the praise before it not set
    against it ("oh yeah real proud moment … locked myself out … absolutely |mortified|"; not "wah so relieved
    |but also| completely wiped out", both felt). With an irony marker, that makes the praise irony."""
    if not hits:
        return False
    last = max(hits, key=lambda h: h.end)
    if vocab.feeling(last.key).pleasantness > -0.3 or _theirs(said, last, vocab.others, False) \
            or negated(last, last.rest, said.tokens, vocab.negation, passable):
        return False
    pleasant = [h.end for h in hits if vocab.feeling(h.key).pleasantness > 0 and h.end <= last.start]
    return not set(said.tokens[max(pleasant, default=0):last.start]) & SET_AGAINST_IRONY


SET_AGAINST_IRONY = frozenset(("but", "yet", "though", "although", "also"))


NOTHING_CAME_BACK_KO = re.compile(r"(별|아무)생각(이|도)?안|생각이?안나|기억이?안나|아무렇지도않")
"""After a Korean memory's words, nothing came back: "옛날 다니던 학교 앞 을 지나 갔 는데 |별 생각 이 안| 나 더라 고요"."""
CALLS_KO = ("전화", "문자", "카톡", "톡", "연락")


def _their_call_ko(tokens: tuple[str, ...], start: int, others: Frame) -> bool:
    """Whether the call not answered was someone's, to the speaker: "|엄마 전화| 를 … 안 받았 네 미안 하다" (a
    person right before the call, no particle: the speaker did not pick up)."""
    return start >= 1 and tokens[start].startswith(CALLS_KO) and tokens[start - 1] in others.people


THEIR_MESSAGE_KO = re.compile(r"^(전화|문자|카톡|톡|연락|메시지|디엠)(을|를|에|에도)$")
READING_ON_KO = frozenset(("읽고", "읽", "고", "하루", "종일", "아직", "다", "계속", "일부러", "며칠", "째", "그냥", "또", "도",
                           "몇", "일", "이틀", "사흘", "요즘", "며칠째", "하루종일", "일주일", "나흘", "한참"))
"""Between a message read by the speaker and the reply not sent: "동료 카톡 을 |하루 종일 읽 고| 답 을 안 했 더니"."""
REPLY_TO_COME_KO = re.compile(r"^(답장|답|회신)(을|를)?(할|하기|보낼)")
"""A reply the speaker has yet to send: "아직 은 |답장 할| 기운 이 없 어"."""


def _not_answered_by_me_ko(tokens: tuple[str, ...], start: int, end: int, others: Frame) -> bool:
    """Whether the Korean message not answered is one the speaker got and left: "동료 |카톡 을| 하루 종일 읽 고 답 을
    안 했 더니 … 민망 하 네", "친구 들 |연락 을| 다 씹 고 있 거든", "|답장 할| 기운 이 없 어". Only a reply not
    given ("안 했", "씹"), not one that did not come ("답 이 없"), and not to the speaker's own message ("내 카톡",
    "보낸 문자") nor with someone else its subject ("남친 은 … 카톡 을 읽고 답 을 안 했어")."""
    said = "".join(tokens[start:end + 2])
    if REPLY_TO_COME_KO.match(said):
        return True
    if not NOT_GIVEN_KO.search(said):
        return False
    if any(w in SPEAKER_SUBJECTS_KO for w in _joined_pairs(tokens[max(0, start - SPEAKER_LEFT_IT_REACH):start])):
        return True  # "친구 가 보낸 메시지 를 |내 가| 사흘 동안 |안 읽| 었 어": the speaker left it
    for k in range(start - 1, max(-1, start - 1 - REACH_ACT_REACH), -1):
        pair = tokens[k] + tokens[k + 1] if k + 1 < start else tokens[k]
        if THEIR_MESSAGE_KO.match(tokens[k]) or THEIR_MESSAGE_KO.match(pair):
            before = tokens[max(0, k - SUBJECT_REACH):k]
            return not (any(w in ("내", "제", "나의", "보낸", "보냈", "남긴") or w.startswith(("보낸", "보냈"))
                            for w in tokens[max(0, k - 3):k])
                        or any(_persons_subject(before, j, others) for j in range(len(before))))
        if tokens[k] not in READING_ON_KO and tokens[k] not in ("을", "를", "에"):
            return False
    return False


SPEAKER_LEFT_IT_REACH = 4


def _joined_pairs(tokens: tuple[str, ...]) -> list[str]:
    """Each Korean word, and each word joined to the next (Vosk's "내 가")."""
    return list(tokens) + [a + b for a, b in zip(tokens, tokens[1:])]


NOT_GIVEN_KO = re.compile(r"(안했|안하|못했|못하|씹|안읽|못받)")
"""A reply the speaker did not give, in the cue's words: "답 을 |안 했|", "연락 을 다 |씹| 고", "전화 를 |못 받| 았"."""


def _persons_subject(tokens: tuple[str, ...], j: int, others: Frame) -> bool:
    """Whether Korean word ``j`` is a person as a subject, the marker joined or split: "남친 은", "전 남친 이"."""
    word = tokens[j]
    marker = tokens[j + 1] if j + 1 < len(tokens) else ""
    return any(word == p and marker in ("이", "가", "은", "는", "도", "께서")
               or word in (p + "이", p + "가", p + "은", p + "는", p + "께서") for p in others.people)


SPEAKER_SUBJECTS_KO = ("내가", "제가", "우리가", "저희가")
CALLING_OFF_KO = ("취소", "미뤘", "미뤄", "미루", "깼", "깨버")
"""The speaker's own calling off or putting off ("|내 가| 피곤 해서 … 통화 하 기로 한 거 또 |미뤘| 어")."""
CALLERS_FEELINGS_KO = ("미안함", "죄책감", "피곤함", "지침", "무기력")
"""What the one who called a plan off feels about it ("내 가 취소 했 어 너무 피곤 해서 … 좀 |미안| 하네"): not the
grief of a plan that fell through, which keeps the theme ("결국 제가 취소했어요 너무 |아쉬웠어요|")."""


def _called_off_by_me_ko(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether the speaker called it off, right before: "병원 예약 을 |내 가| 취소 했 어 요" (Vosk splits 내가). With
    a grief said ("결국 제가 취소했어요 너무 아쉬웠어요") the plan still fell through: the caller checks that
    (:data:`CALLERS_FEELINGS_KO` are no grief)."""
    before = "".join(tokens[max(0, start - 3):start])
    # right before, or with one two-syllable word between (내가 |결국| 취소, 제가 |먼저| 취소)
    if any(before.endswith(s) or before[:-2].endswith(s) for s in SPEAKER_SUBJECTS_KO):
        return True
    if any(s in "".join(tokens[start:end]) for s in SPEAKER_SUBJECTS_KO):
        return True  # inside its words: "약속 을 또 |내 가| 취소 했 어"
    # or earlier in the clause, nobody else its subject: "|내 가| 오늘 친구 랑 밥 약속 을 취소 했 어" (a plan
    # called off, not one that fell through: "제 가 대신 섰 고 약속 도 |날아갔| 어요")
    if not any(t.startswith(CALLING_OFF_KO) for t in tokens[start:end]) \
            or any(t.startswith(("됐", "되", "돼")) for t in tokens[start:end + 2]):
        return False
    inner = False  # past a clause of reason ("몸 이 안 좋아 |서|"): a subject there is that clause's
    for k in range(start - 1, max(0, start - CALLER_REACH_KO) - 1, -1):
        if tokens[k] in SPEAKER_SUBJECTS_KO:
            return True  # "|내가| 오늘 친구 랑 약속 을 취소 했 거든"
        mine = k > 0 and ((tokens[k] == "가" and tokens[k - 1] + "가" in SPEAKER_SUBJECTS_KO)
                          or (tokens[k] in ("는", "도") and tokens[k - 1] in ("나", "저", "우리", "저희")))
        if mine:
            return True
        if tokens[k].endswith("서") or tokens[k] in INNER_CLAUSE_ENDS_KO:
            inner = True
            continue
        if tokens[k].endswith("다") and k + 1 < len(tokens) and tokens[k + 1] == "고":
            continue  # "못 간다 고": a quote, not a sentence's end
        if tokens[k].endswith(CLAUSE_ENDS_KO) or (tokens[k] in SUBJECT_PARTICLES_KO and not inner):
            return False
    return False


CALLER_REACH_KO = 18
SUBJECT_PARTICLES_KO = ("가", "이", "께서", "는", "은", "도")
INNER_CLAUSE_ENDS_KO = ("니까", "길래")
"""Besides any word ending in 서 ("좋아 |서|", "아파서"): ends of a clause of reason, whose subject is its own."""
CLAUSE_ENDS_KO = ("는데", "요", "다")
"""(Not 서 or 고: "내 가 너무 피곤 해서 취소 했 어" keeps its subject across them.)"""


def _span(words: Text, start: int, end: int) -> str:
    return " ".join(words.tokens[start:end])


def _runs(words: Text, spans: tuple[tuple[int, int], ...]) -> str:
    """The words of ``spans`` in the order said, runs of neighbours joined: "got pulled … last minute"."""
    said = sorted({i for a, b in spans for i in range(a, b)})
    runs: list[list[int]] = []
    for i in said:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return " … ".join(_span(words, run[0], run[-1] + 1) for run in runs)


@dataclass(frozen=True)
class RuleTags:
    """What the word lists say about one answer, before the learned layer and the person's cues."""
    words: Text
    feelings: dict[str, str]
    themes: dict[str, tuple[int, int]]
    blocked: frozenset[str]
    """Themes the learned layer may not add: a cue for them was said but a guard stopped it
    (negated, irony, someone else's win), or a rival theme was told (see ``OUTWEIGHED_BY``)."""
    vetoed: Callable[[str, int, int], bool] = field(default=lambda theme, start, end: False, compare=False)
    """The rules' guards, for a theme the learned layer would add from the words ``start:end``."""
    named_at: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    """Where each feeling was named (every time the guards let it by), in the words as said, for the learned
    layer's reading of whose it is."""
    theirs: frozenset[str] = frozenset()
    """Feelings named as someone else's ("my flatmate was |stressed|"): an answer with one is often their
    story, so the learned layer adds a theme there only when surer."""
    described: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    """Feelings only described, left out beside one named by its word (:func:`_described_beside_named`), where
    they were said: the speaker's after all if the learned layer takes off every named one."""
    outweighed: dict[str, tuple[tuple[int, int], tuple[str, ...]]] = field(default_factory=dict)
    """Themes a rival told by the same words outweighed (``OUTWEIGHED_BY``), the guards passing them: each
    with its words and the rivals. Told after all if the learned layer takes off those rivals."""
    ironic: bool = False
    """Whether the rules read irony in the answer (pleasant words of a bad day): its unpleasant feelings are then
    what was felt (see :func:`_felt_beside_irony`)."""


SET_AGAINST = frozenset({"but", "yet", "though", "also", "and"})
"""Between two feelings, words that say both were felt: "chuffed |but| bricking it"."""


TAKEN_BACK = (("but", "i", "am"), ("but", "i", "was"), ("but", "i'm"), ("but", "im"), ("but", "i", "do"),
              ("but", "i", "did"))
"""Words right after a denied English feeling that take the denial back: "im trying not to be |hurt| but i am"."""


TAKEN_BACK_TAIL = frozenset(("though", "honestly", "really", "tbh", "if", "im", "i'm", "honest", "a", "bit", "little",
                             "now", "still"))


def _denial_taken_back(tokens: tuple[str, ...], end: int) -> bool:
    """Whether a denied feeling is followed by :data:`TAKEN_BACK` and then only words like "though" to the
    answer's end ("im not sad but i am |tired|" takes nothing back)."""
    rest = tuple(tokens[end:])
    return any(rest[:len(t)] == t and set(rest[len(t):]) <= TAKEN_BACK_TAIL for t in TAKEN_BACK)


DESCRIBING = {"happy": ("grinning",), "wistful": ("miss",), "sad": ("teary",)}
"""English words that show a feeling more than name it: beside another feeling named they were labelled as their
own 0 times in 7 ("i was |grinning| the whole bus ride home felt appreciated"), 0 in 6 ("i |miss| her and it makes me
sad") and 1 in 5; alone, 18 in 23, 13 in 17 and 12 in 14."""


def _named(name: str, tokens: list[str], start: int, end: int) -> bool:
    """Whether a feeling was said by a word of its own ("gutted", "so proud", "felt left out",
    "embarrassing"), not only described ("had a right laugh", "felt awful", "like i wasnt even there")."""
    said = tokens[start:end]
    if set(said) & set(DESCRIBING.get(name, ())):
        return False
    return end - start == 1 or all(w in said for w in name.split()) \
        or (len(name) >= 5 and any(w.startswith(name[:5]) for w in said))


def _described_beside_named(tokens: list[str], felt_at: dict[str, list[tuple[int, int]]]) -> list[str]:
    """The feelings only described in an answer that names another by its word: the named one is what
    the speaker felt ("like i wasnt even there felt proper |stupid|": stupid, not invisible; "we had a
    right laugh ah felt |included|"), unless set against it ("chuffed but bricking it") or named by its word
    too ("nobody gets it i feel so |misunderstood|"). Scored at first
    sight on the fresh sets of three work stops (benchmarks/tagging.py, item 18), the described one was
    wrong about 9 times in 10. (Korean is left as it is: its descriptions, 마음이 놓이다, 간이 철렁,
    are as often the feeling's own idiom, and Vosk's spacing hides which words are one.)"""
    named = [(a, b) for name, spans in felt_at.items() for a, b in spans if _named(name, tokens, a, b)]
    if not named or len(felt_at) < 2:
        return []
    return [name for name, spans in felt_at.items() if not any(_named(name, tokens, a, b) for a, b in spans)
            and not any(SET_AGAINST & set(tokens[min(b, d):max(a, c)]) for a, b in spans[:1] for c, d in named)]


DESCRIPTIONS_KO = ("신경쓰", "천근만근", "기운이없", "기운이쭉빠", "기운이빠", "내탓", "제탓")
TREMBLING_KO = ("손이떨", "손이덜덜떨", "손이벌벌떨")
"""Korean sayings that describe a feeling more than name it: beside a feeling named by its word, that one is what
was felt ("하루 종일 |신경 쓰이| 고 불편 했 어요": 불편함; "몸 이 |천근 만근| 이라 그냥 피곤 해": 피곤함). On the
labelled lines, 신경 쓰이, 천근 만근 and 내 탓 beside another feeling were labelled as their own 0 of 11, 3 of 8 and 2 of
9 times: "|내 탓| 이지 뭐 후회 돼" is regret, not guilt. :data:`TREMBLING_KO`, hands trembling ("아직도 |손이 떨려|"),
after a fright or a shock named is that feeling's, not nerves (the words before the feeling hold the hands)."""


def _described_beside_named_ko(tokens: list[str], felt_at: dict[str, list[tuple[int, int]]]) -> list[str]:
    """Korean's :func:`_described_beside_named`, for the sayings of :data:`DESCRIPTIONS_KO` only."""
    def described(spans: list[tuple[int, int]]) -> bool:
        return all(any(d in "".join(tokens[a:b + 1]) for d in DESCRIPTIONS_KO)
                   or any(d in "".join(tokens[max(0, a - 2):b]) for d in TREMBLING_KO) for a, b in spans)
    if len(felt_at) < 2 or all(described(spans) for spans in felt_at.values()):
        return []
    return [name for name, spans in felt_at.items() if described(spans)]


_NO_NEGATION = Negation()
"""No negation at all: which theme cues were said, negated or not."""


def _feeling_hits(rules: _Rules, words: Text) -> tuple[Text, tuple[int, ...], list[Hit]]:
    """The feeling words said, read without the hedges (마음이 |참| 따뜻했어), and where each word
    without them was in the words as said."""
    said, kept = words.without(rules.vocab.hedges)
    return said, kept, [h for h in rules.feelings.longest(said, rules.vocab.frame) if h.key is not None]


def theme_mentions(text: str, language: str) -> tuple[Text, list[tuple[str, int, int]]]:
    """Every theme whose cue is said in ``text``, guards aside (negated, someone else's, feared), with
    the words that tell it, as :func:`rule_tags` would read them. What the learned layer learns whether a
    theme happened to the speaker from. (Every place of every cue, parts of cues too, read worse at first
    sight: hard-set forbidden themes 46 -> 39 in English instead of 33.)"""
    rules = _rules(language, prompts_root())
    words = Text.of(text)
    return words, [(t, a, b) for t, (a, b) in theme_evidence(words, rules.themes, _NO_NEGATION).items()]


def feeling_mentions(text: str, language: str) -> tuple[Text, list[tuple[str, int, int]]]:
    """Every feeling named in ``text``, guards aside (negated, someone else's, over): each with where
    it was said in the words. What the learned layer learns whose feeling a mention is from."""
    rules = _rules(language, prompts_root())
    words = Text.of(text)
    _, kept, hits = _feeling_hits(rules, words)
    return words, [(h.key, kept[h.start], kept[h.end - 1] + 1) for h in hits]


GOOD_DAY_OPENS = re.compile(r"^(?:(?:honestly|um|uh|so|yeah|well|actually|overall|okay|ok) )*"
                            r"(?:it was |today was |was )?(?:a |such a )?"
                            r"(?:(?:really|pretty|genuinely|actually|properly|proper|very) )*(good day)\b")
"""An English answer opening on "a good day", with no feeling named in it, says the speaker felt good: 5 of 8
labelled lines that open so name "good", the other 3 name only the feeling they go on to say."""


BY_ME_UNANSWERED = (("i", "never", "did"), ("i", "never", "rang"), ("i", "never", "called"), ("i", "never", "replied"),
                    ("i", "never", "texted"), ("i", "never", "answered"), ("she", "won't", "answer"),
                    ("he", "won't", "answer"), ("she", "can't", "answer"), ("he", "can't", "answer"))


def _none_unread(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether an English "unread" is the speaker's own inbox emptied ("cleared my whole inbox |zero unread|")."""
    return tokens[start:end] in (("unread",), ("unopened",)) and start > 0 \
        and tokens[start - 1] in ("zero", "no", "nothing")


def _left_unanswered_by_me(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether the English words that told a message unanswered end on the speaker's own silence ("ring me back
    love and |i never did|") or on someone gone who cannot answer ("remembering |she wont answer|"): no one left
    the speaker unanswered. In the labelled lines with these words no line is labelled unanswered for them."""
    return any(tuple(tokens[k:k + 3]) in BY_ME_UNANSWERED for k in range(max(0, start - 1, end - 4), end))


def rule_tags(text: str, language: str) -> RuleTags:
    """The feelings and themes the word lists find, with the guards' vetoes.

    A feeling said with "not" ("i'm not angry", "외롭지 않아요") is left out,
    and so is one that is someone else's ("she seemed annoyed", "엄마가
    실망하셨어"), a pleasant one said of a bad day in irony ("oh great, missed
    the bus, so proud"), and a theme cue that is negated ("i wasn't left out").
    """
    rules = _rules(language, prompts_root())
    vocab = rules.vocab
    words = Text.of(text)
    neg = vocab.negation
    said, kept, hits = _feeling_hits(rules, words)
    passable = {i for h in hits for i in range(h.start, h.end)}
    cues = theme_hits(words, rules.themes)
    outweighed: dict[str, tuple[tuple[int, int], tuple[str, ...]]] = {}
    evidence = theme_evidence(words, rules.themes, neg, cues, outweighed)
    if vocab.match == "tokens" and "unanswered" in evidence and _none_unread(words.tokens, *evidence["unanswered"]):
        del evidence["unanswered"]  # "cleared my whole inbox |zero unread|": no grief for irony to praise either
    unpleasant = any(vocab.feeling(h.key).pleasantness <= -0.3
                                                 and not _theirs(said, h, vocab.others, True)
                                                 and not OVER_OR_UNREAL.match(h.rest) for h in hits) \
        if vocab.match == "joined" else _ends_unpleasant(said, hits, vocab, passable)
    grieved = vocab.match == "joined" and any(
        vocab.feeling(h.key).pleasantness <= -0.3 and h.key not in CALLERS_FEELINGS_KO
        and not _theirs(said, h, vocab.others, True) and not OVER_OR_UNREAL.match(h.rest)
        and not negated(h, h.rest, said.tokens, neg, passable) for h in hits)  # "후회 는 안 해" grieves nothing
    let_down = grieved and any(h.key in LET_DOWN_KO and not _theirs(said, h, vocab.others, True)
                               and not set(said.tokens[max(0, h.start - 2):h.start]) & ALSO_ME_KO
                               and not negated(h, h.rest, said.tokens, neg, passable) for h in hits)
    sarcastic = _sarcastic(words, vocab, evidence, unpleasant, hits) \
        or (vocab.match == "joined" and _same_praise_again_ko(said, hits, vocab))
    feelings: dict[str, str] = {}
    felt_at: dict[str, tuple[int, int]] = {}
    named_at: dict[str, list[tuple[int, int]]] = {}
    """Every place each feeling was named and kept by the guards, for the learned layer."""
    said_otherwise: set[str] = set()
    """Feelings said by words other than tears too ("|울었어요| 너무 그립고 |슬펐어요|")."""
    denied: set[str] = set()
    """Feelings said with "not" somewhere: "my wife reckons im |sad| … but im |not sad| exactly" is not sad."""
    denied_at: dict[str, int] = {}
    """Where each was last denied: said again after that, it stands ("i wasnt upset at first but now im |upset|")."""
    their_feelings: list[int] = []
    """Where someone else's feelings end (in the words without hedges): "my point guard was |crushed| after
    the loss like devastated" says the second of him too."""
    their_keys: set[tuple[int, str]] = set()
    """Where someone else's feelings end, with the feeling: the same feeling said on right after is theirs too."""
    their_words: set[int] = set()
    """Where a feeling someone else has is said: "my husband felt |left out|" tells his theme, not mine
    (but "동생이 |보고 싶었다고| 전화했어요" is the speaker's connection)."""
    named_words = {i for h in hits for i in range(kept[h.start], kept[h.end - 1] + 1)}
    for hit in hits:
        start, end = kept[hit.start], kept[hit.end - 1] + 1  # in the words as said
        hit_said = "".join(said.tokens[hit.start:hit.end])
        honest = vocab.match == "tokens" and _owned_with_honesty(words.tokens, start, end, named_words)
        if not honest and _theirs(said, hit, vocab.others, vocab.match == "joined") \
                or (vocab.match == "tokens" and _restated(said.tokens, hit.start, hit.end, their_feelings, vocab.others)) \
                or (vocab.match == "joined" and (hit.start, hit.key) in their_keys
                    and hit.rest.startswith(SEEN_GOING_ON)):  # 신나서 |방방 뛰던데|: theirs on
            their_feelings.append(hit.end)
            their_keys.add((hit.end, hit.key))
            if vocab.match == "joined" or (hit.start and said.tokens[hit.start - 1] in STATE_WORDS) \
                    or (hit.start >= 2 and said.tokens[hit.start - 2] in STATE_WORDS
                        and said.tokens[hit.start - 1] in vocab.others.through):  # "she felt |totally| left out"
                their_words.update(range(start, end))
            continue
        if sarcastic and vocab.feeling(hit.key).pleasantness > 0 \
                and not (vocab.match == "tokens" and _irony_left_behind(said, hit.start, vocab)):
            continue
        if (set(said.tokens[hit.start:hit.end]) & TEARS or (vocab.match == "joined" and KO_CRYING.match(hit_said)))\
                and any(h.end <= hit.start <= h.end + 4 and vocab.feeling(h.key).pleasantness > 0 for h in hits):
            continue  # "i felt so loved i |cried| a little": tears of joy
        if negated(hit, hit.rest, said.tokens, neg, passable) and not _denial_taken_back(said.tokens, hit.end):
            denied.add(hit.key)
            denied_at[hit.key] = start
            continue
        if vocab.match == "tokens" and (_done_to_a_thing(said.tokens, hit.start, hit.end)
                                        or _done_to_someone(said.tokens, hit.start, hit.end)
                                        or _describing_a_thing(said.tokens, hit.start, hit.end)
                                        or _named_as_a_word(said.tokens, hit.start, passable)
                                        or _in_a_manner(said.tokens, hit.start)):
            continue  # "|drained| the fish tank", "|left out| the vanilla", "a |lonely| whale", "the word |lonely|"
        if vocab.match == "tokens" and _for_them(said.tokens, hit.start, hit.end):
            continue  # "which i know is |awkward for them|"
        if vocab.match == "tokens":
            unreal = _unreal(said.tokens, hit.start, hit.end) or _would_be(words.tokens, start, end) \
                or _over_since(said.tokens, hit.start, hit.end, vocab.feeling(hit.key).pleasantness < 0)
        else:
            unreal = bool(OVER_OR_UNREAL.match(hit.rest)) or bool(WONDERED_KO.match(hit.rest)) \
                or _over_or_unreal(said.tokens, hit.end) \
                or _overturned(said, hit.end) or _ko_over_since(said, hit.start, hit.end) \
                or _ko_then_not_now(said, hit.start, hit.end)
        if vocab.match == "joined" and (_body_not_heart(said, hit) or _comfort_given(said, hit)) \
                or vocab.match == "tokens" and _injury_aching(said.tokens, hit.start, hit.end):
            continue  # 커피를 여섯 잔이나 마셨더니 |속이 너무 쓰려요|: the stomach
        if not unreal:
            feelings.setdefault(hit.key, _span(words, start, end))
            felt_at.setdefault(hit.key, (start, end))
            named_at.setdefault(hit.key, []).append((start, end))
            if not _only_tears(_span(words, start, end), vocab.match == "joined"):
                said_otherwise.add(hit.key)
    if vocab.match == "tokens":
        for end, key in sorted(their_keys):
            shared = _shared_by_me(words.tokens, kept[end - 1] + 1)
            if shared is not None and key not in feelings and key not in denied:
                feelings[key] = _span(words, *shared)
                felt_at[key] = shared
                named_at.setdefault(key, []).append(shared)
                said_otherwise.add(key)
    for name in denied & set(feelings):
        if max(a for a, _ in named_at[name]) > denied_at[name]:
            continue  # "not anxious about the exam |but im anxious| about the results": the last word on it
        del feelings[name]
        felt_at.pop(name, None)
        named_at.pop(name, None)
    for name in [f for f, span in feelings.items() if _only_tears(span, vocab.match == "joined")
                 and f not in said_otherwise]:
        if len(feelings) > 1:  # "so lonely i |cried|", "울었다 … 그립다": the tears are the other feeling's
            del feelings[name]
            felt_at.pop(name, None)
    described: dict[str, tuple[tuple[int, int], ...]] = {}
    for name in _described_beside_named(words.tokens, {f: named_at[f] for f in felt_at}) if vocab.match == "tokens" \
            else _described_beside_named_ko(words.tokens, {f: named_at[f] for f in felt_at}):
        del feelings[name]
        felt_at.pop(name, None)
        described[name] = tuple(named_at[name])
    theirs = SOMEONE_ELSES.get(language, ("win",))
    pride = _pride_told(words, felt_at, PRIDE.get(language, ()))
    if pride and not sarcastic and not set(OUTWEIGHED_BY["win"]) & set(evidence):
        evidence.setdefault("win", pride)

    def vetoed(t: str, a: int, b: int) -> bool:
        """The guards on a theme told by words ``a:b``: irony, someone else's, not what happened."""
        return ((t in ("win", "connection") and sarcastic) or (t in theirs and _someone_elses_win(words, a, b, vocab))
                or (t != "connection" and their_words.issuperset(range(a, b)))
                or (vocab.match == "joined" and t == "cancelled" and _done_first_by_me_ko(words.tokens, a, b))
                or (vocab.match == "tokens" and t == "unanswered" and _left_unanswered_by_me(words.tokens, a, b))
                or (vocab.match == "tokens" and _not_the_speakers(t, words, a, b, vocab.others))
                or (vocab.match == "tokens" and t != "connection" and (_unreal(words.tokens, a, b)
                                                                      or _feared_inside(words.tokens, a, b)
                                                                      or _unknown_inside(words.tokens, a, b)))
                or (vocab.match == "tokens" and t != "connection" and _over_since(words.tokens, a, b, feeling=False))
                or (vocab.match == "tokens" and t == "cancelled" and (_their_plan_called_off(words.tokens, a, b)
                                                                      or _called_off_by_me(words.tokens, a)
                                                                      or _show_taken_off(words.tokens, b)
                                                                      or _service_stopped(words.tokens, b, a)))
                or (vocab.match == "tokens" and t == "left-out" and _done_to_a_thing(words.tokens, a, b))
                or (vocab.match == "tokens" and t == "drifting" and _drifting_not_mine(words.tokens, a, b))
                or (vocab.match == "tokens" and t in OWNED_THEMES and _owned_by_me(words.tokens, a))
                or (vocab.match == "tokens" and t == "unanswered" and (_left_on_read_by_me(words.tokens, a, b)
                                                                        or _not_answered_by_me(words.tokens, a, b)
                                                                        or _expected_but_answered(words.tokens, a)
                                                                        or _answered_late(words.tokens, a, b)))
                or (vocab.match == "tokens" and t == "win" and (_proud_of_them(words.tokens, a, b)
                                                                or _glad_for_them(words.tokens)))
                or (vocab.match == "tokens" and t != "connection" and _cause_of_their_feeling(words.tokens, a, b, their_words))
                or (vocab.match == "tokens" and t == "missed-chance" and _regret_denied(words.tokens))
                or (vocab.match == "tokens" and (_denied_before(words.tokens, a) or _asked_and_denied(words.tokens, a, b)
                                                 or _denied_inside(t, words.tokens, a)
                                                 or _answered_and_denied(t, words.tokens, a, b)))
                or (vocab.match == "joined" and t in BEFALLS + REPORTED_ONLY and _told_of_them(t, words, a, b, vocab.others))
                or (vocab.match == "joined" and t in ("cold-shoulder", "ignored", "unanswered")
                    and _reached_out_by_them(words, a, vocab.others))
                or (vocab.match == "joined" and t in ("cold-shoulder", "ignored")
                    and _done_to_them_ko(words.tokens, a, vocab.others))
                or (vocab.match == "joined" and t == "cancelled"
                    and any(w.startswith(ORDERS_KO) for w in words.tokens[max(0, a - 3):b]))
                or (vocab.match == "joined" and t == "cancelled" and not grieved and _called_off_by_me_ko(words.tokens, a, b))
                or (vocab.match == "joined" and t == "unanswered" and (_their_call_ko(words.tokens, a, vocab.others)
                                                                       or _not_answered_by_me_ko(words.tokens, a, b, vocab.others)))
                or (vocab.match == "joined" and t == "memory" and bool(NOTHING_CAME_BACK_KO.search("".join(words.tokens[b:]))))
                or (vocab.match == "joined" and t in OWNED_THEMES and bool(ON_ME_KO.search("".join(words.tokens[a:]))))
                or (vocab.match == "joined" and t == "cancelled" and (_their_plan(words, a, vocab.others)
                                                                     or (not let_down and _heard_of_them(words, b, vocab.others))))
                or (vocab.match == "joined" and t != "connection" and _overturned(words, b))
                or (vocab.match == "joined" and t not in TOLD_AS_BEFORE + ("connection", "win") and _ko_over_since(words, a, b))
                or (vocab.match == "joined" and CONJECTURE.search(words.tokens[b - 1]) is not None)
                or (vocab.match == "joined" and t != "connection" and FEARED_KO in "".join(words.tokens[a:b + 2]))
                or (vocab.match == "joined" and t not in TOLD_AS_BEFORE and GUESSED_AHEAD.search("".join(words.tokens[a:b + 3])))
                or (vocab.match == "joined" and t == "drifting" and WILL_BE.search("".join(words.tokens[b - 1:b + 2])))
                or (vocab.match == "joined" and t == "left-out" and _only_them_left_out(words, a, b, vocab.others))
                or (vocab.match == "joined" and t == "unanswered" and (any(a in "".join(words.tokens[b - 1:]) for a in ANSWERED_KO)
                                                                       or "만약" in words.tokens[b:b + SUPPOSED_AFTER_KO]
                                                                       or bool(ANSWERED_SOON_KO.search("".join(words.tokens[a:])))))
                or (vocab.match == "joined" and t == "missed-chance" and _missed_a_ride(words.tokens, b))
                or (vocab.match == "joined" and t == "win"
                    and any(w.endswith(PAST_IF) for w in words.tokens[max(0, a - 2):a]))
                or (vocab.match == "joined" and t not in ("connection", "memory", "win")
                    and any(w.startswith(PERHAPS) for w in words.tokens[max(0, a - PERHAPS_REACH):a]))
                or (vocab.match == "joined" and t == "unanswered" and _no_way_out(words.tokens, a))
                or (vocab.match == "joined" and t == "ignored" and any(h in "".join(words.tokens[b:]) for h in HEARD_OUT_KO))
                or (vocab.match == "joined" and t == "cold-shoulder" and "차가" in "".join(words.tokens[a:b])
                    and any(c in "".join(words.tokens[max(0, a - 2):a]) for c in COLD_THINGS_KO))
                or (vocab.match == "joined" and t == "unanswered" and "".join(words.tokens[b:b + 2]).startswith(NOT_REPLIED_KO))
                or (vocab.match == "joined" and t == "unasked" and any(g in "".join(words.tokens[b:b + 3]) for g in UNASKED_GLADLY))
                or (vocab.match == "joined" and t in ("missed-chance", "drifting")
                    and WORRY_AFTER.search("".join(words.tokens[b - 1:b + 2])))
                or (vocab.match == "joined" and t == "missed-chance" and (_over_or_unreal(words.tokens, b, WORRY)
                                                                          or _supposed_before(words.tokens, a, b))
                    and not any(w in "".join(words.tokens[b:]) for w in GAVE_UP))
                or (vocab.match == "joined" and ((t not in TOLD_AS_BEFORE and _over_or_unreal(words.tokens, b))
                                                 or (t not in TOLD_AS_BEFORE
                                                     and any(_over_or_unreal(words.tokens, k, MISTAKEN) for k in range(a + 1, b))))))

    themes = {t: (a, b) for t, (a, b) in evidence.items() if not vetoed(t, a, b)}
    for theme in set(vocab.at_theme) & set(themes):  # 울컥 at a memory is grief, not being moved
        for word, now in vocab.at_theme[theme].items():
            for was in [f for f, span in feelings.items() if word in span and now not in feelings]:
                feelings[now] = feelings.pop(was)
                if was in named_at:
                    named_at[now] = named_at.pop(was)
    if language == "en" and not feelings and not sarcastic and (opened := GOOD_DAY_OPENS.match(" ".join(words.tokens))):
        feelings["good"] = opened.group(1)  # "honestly a |good day| the kids ate what i cooked …"
        named_at["good"] = [(len(opened.group(0).split()) - 2, len(opened.group(0).split()))]
    said = set(theme_evidence(words, rules.themes, _NO_NEGATION, cues))
    blocked = (said - set(themes)) | ({"win", "connection"} if sarcastic else set())
    blocked |= {t for t, rivals in OUTWEIGHED_BY.items() if set(rivals) & set(themes)}
    blocked |= {t for t, idioms in rules.themes.idioms.items() if any(_said(p, words, vocab.match) for p in idioms)}
    # a phrase cue heard and set aside ("the |cancel| button", "|취소|표") is a veto too
    blocked |= {rules.themes.cues[h.key[0]].theme for h in cues if rules.themes.cues[h.key[0]].sides == 1} - set(themes)
    return RuleTags(words, feelings, themes, frozenset(blocked), vetoed,
                    {name: tuple(named_at[name]) for name in feelings if name in named_at},
                    frozenset({k for _, k in their_keys} - set(feelings)), described,
                    {t: o for t, o in outweighed.items() if not vetoed(t, *o[0])}, bool(sarcastic))


TAKE_OFF_FROM = 12
SHORT_TAKE_OFF_BELOW = 0.02
"""A shorter answer than ``TAKE_OFF_FROM`` words loses a theme the rules found only when the learned
layer scores it under ``SHORT_TAKE_OFF_BELOW`` (the threshold the layer had before): it has few
n-grams, so its score is mostly the model's prior ("i felt left out at the work christmas do" scores
left-out at 0.08). Measured at first sight, this costs nothing (the sets' answers are longer) and
keeps the plain short sentences of tests/test_tagging.py whole."""


ADD_BESIDE_THEIRS = {"en": 0.6}
"""In an English answer with a feeling named but set aside (someone else's, denied, supposed, irony), the learned
layer adds a theme only at this or above, not ``add_at`` (0.4): on the 41 English sets never trained on, its adds
from 0.4 to 0.6 in such answers were 1 right and 13 wrong (1 forbidden); elsewhere 25 right, 24 wrong. Korean
keeps ``add_at`` (5 right, 5 wrong)."""
FULL_TAKE_OFF_FROM = 21
MIDDLE_TAKE_OFF_BELOW = {"en": 0.05}
"""An English answer of :data:`TAKE_OFF_FROM` to ``FULL_TAKE_OFF_FROM`` words loses a rules' theme only when
scored under 0.05 (its ``drop_at`` before), not its full ``drop_at`` of 0.2: at 0.2 the theme of a single
told moment such as "was finally gonna see the girls for brunch but i had to bail" (0.11) went, and at 0.1
"nobody turned up to the book club"; at first sight this costs one forbidden tag of the 31 standard sets
(14 -> 15; it was 19 at 0.05 throughout; benchmarks/tagging.py, item 25)."""


ADD_THEME_AT_LEAST = {"en": {"cancelled": 0.6, "drifting": 0.8, "ignored": 0.6, "missed-chance": 0.5,
                              "unanswered": 0.6, "unasked": 0.5}}
"""Per English theme, the learned layer adds only at this or above, not its ``add_at`` (0.4): on the 64 sets
kept out of training (held-out-163 .. -226), its adds under these were 7 right and 33 wrong. On the 28 sets
written after (-227 .. -254) it made theme F1 0.001 lower and spared one forbidden tag and one failing set
(benchmarks/tagging.py, item 28); the same for Korean themes was no better there and is not kept."""


DATE_KEPT = re.compile(r"\b(year|years|months) (ago )?(today |now |to the day )?since (\w+ ){0,3}(passed|died|went)\b"
                       r"|\b(shed|hed|she'd|he'd|she would|he would) have (been|turned) \w+ty\b")
"""An English date kept for someone gone: "its a year today since dad passed", "its nans birthday |shed have been
ninety|". Of the labelled lines so told, all but those that go on with an ongoing loss are labelled memory and none
forbid it; the learned layer took it off in 4 (0.08 .. 0.16), read against the day's other news. ("The first payday
since grandad passed" is as often a happy first time since: not kept.)"""


def _a_date_kept(found: RuleTags, theme: str) -> bool:
    """Whether the rules' memory is told as :data:`DATE_KEPT`: the learned layer leaves it."""
    return theme == "memory" and bool(DATE_KEPT.search(" ".join(found.words.tokens)))


def learned_changes(found: RuleTags, scores: dict[str, Score], add_at: float, drop_at: float,
                    middle_below: float | None = None, add_beside_theirs: float | None = None,
                    theme_add_at: dict[str, float] | None = None) -> tuple[dict[str, Score], set[str]]:
    """What the learned layer changes in the rules' themes: the themes it adds (scored at
    ``add_at`` or above, not blocked, and not read from words the rules already
    read as another theme: "they all |went| to the lake" is left out, not a job that
    "went to" someone else) and the rules' themes it takes off (scored below
    ``drop_at``, :data:`SHORT_TAKE_OFF_BELOW` in an answer under :data:`TAKE_OFF_FROM` words and
    ``middle_below`` (if given) in one under :data:`FULL_TAKE_OFF_FROM`: at first
    sight that takes off a wrong theme, often a trap, far more often than a right one;
    benchmarks/first_sight.py)."""
    told = {i for a, b in found.themes.values() for i in range(a, b)}
    if add_beside_theirs is not None and found.theirs:
        add_at = max(add_at, add_beside_theirs)
    floors = theme_add_at or {}
    added = {t: s for t, s in scores.items()
             if t in THEMES and s.probability >= max(add_at, floors.get(t, 0.0)) and t not in found.themes
             and t not in found.blocked
             and not told & {i for a, b in s.evidence for i in range(a, b)}
             and not (s.evidence and found.vetoed(t, min(a for a, _ in s.evidence), max(b for _, b in s.evidence)))
             and not (t not in ("connection", "win") and _evidence_ahead(found.words.tokens, s.evidence))}
    if len(found.words.tokens) < TAKE_OFF_FROM:
        drop_at = min(drop_at, SHORT_TAKE_OFF_BELOW)
    elif middle_below is not None and len(found.words.tokens) < FULL_TAKE_OFF_FROM:
        drop_at = min(drop_at, middle_below)
    dropped = {t for t in found.themes
               if t in scores and scores[t].probability < drop_at and not _a_date_kept(found, t)}
    return added, dropped


AHEAD = frozenset(("might", "may", "theyll", "they'll", "shell", "she'll", "he'll", "gonna"))
"""(Not "would", "could", "if": "they said someone |would| call me back nobody did", "i |could| hear my dad".)"""
AHEAD_REACH = 3


def _evidence_ahead(tokens: tuple[str, ...], evidence: tuple[tuple[int, int], ...]) -> bool:
    """Whether English words the learned layer would add a theme from are only what may come: "i keep thinking
    she |might not reply|", "im scared |theyll give it to| the locum" (a modal a few words before, no clause
    end between). The rules' own guards see only the whole span, whose first words are often far back."""
    for a, _ in evidence:
        for k in range(a - 1, max(-1, a - 1 - AHEAD_REACH), -1):
            if tokens[k] in CLAUSE_ENDS:
                break
            if tokens[k] in AHEAD:
                return True
    return False


def feeling_kind(name: str, language: str) -> str | None:
    """Which of :data:`~assistant.language.learned.POLARITIES` a feeling is (None: neither)."""
    pleasantness = _rules(language, prompts_root()).vocab.feeling(name).pleasantness
    return POLARITIES[0] if pleasantness > 0 else POLARITIES[1] if pleasantness < 0 else None


def _as_said(name: str, language: str) -> bool:
    """Whether the learned layer leaves a feeling as the rules found it (the pack's ``as_said``)."""
    return _rules(language, prompts_root()).vocab.feeling(name).as_said


ONGOING_BEFORE = (("i", "keep"), ("i", "kept"), ("kept",), ("i",), ("i", "still"), ("i", "do"), ("ive", "been"),
                  ("i've", "been"), ("sometimes", "i"))
ONGOING_FEELINGS = frozenset(("worried",))
"""Feelings a speaker says are going on with the words of :data:`ONGOING_BEFORE` right before them: "|i keep|
worrying me and dave will drift apart … but tonight we had a long chat". The readings took the worry as over or
someone else's in 21 labelled lines, all of them labelling it (none forbidding it)."""


def _said_ongoing(found: RuleTags, name: str) -> bool:
    """Whether an English feeling of :data:`ONGOING_FEELINGS` is said as going on: the learned layer leaves it."""
    tokens = found.words.tokens
    return name in ONGOING_FEELINGS and any(
        tokens[a].startswith("worr") and any(a >= len(b) and tokens[a - len(b):a] == b for b in ONGOING_BEFORE)
        for a, _ in found.named_at.get(name, ()))


BRACED_FOR = frozenset(("nervous", "scared", "dread", "worried", "anxious", "tense", "panicked"))
BRACED_SAID = re.compile(r"(^| )(i was|i felt|i got|i had been|id been|i'd been|ive been|i've been)"
                         r"( (so|really|very|a bit|a little|kind of|kinda|sort of|pretty|quite|just|honestly|actually|"
                         r"genuinely|totally|super|well|proper|bloody|dead|absolutely|completely|that|literally|"
                         r"utterly|properly))*$")
BRACED_BEFORE_TODAY = ("last week", "yesterday", "last night", "all last",
                       "the other day", "growing up", "used to", "for ages", "for days", "every day",
                       "every single day", "this time last", "after my fall", "in january", "in february",
                       "in march", "in april", "in may", "in june", "in july", "in august", "in september",
                       "in october", "in november", "in december")
BRACED_REACH = 14
"""Words besides :data:`BEFORE_NOW` near a feeling braced for (:func:`_braced_for_today`) that put it before today."""


def _braced_for_today(found: RuleTags, name: str, language: str) -> bool:
    """Whether an English feeling of bracing for something (:data:`BRACED_FOR`) is said "i was …" with nothing
    putting it before today: "passed my theory test … |i was so nervous| this morning … but now im just relieved".
    The readings take it as over, but it was felt today, and the labels name it: in the read kept-out sets 80
    such lines named it and 6 forbade it (those mostly "ngl i was dreading the team lunch but it was fun"); the
    readings took off 23 of the 80 and 2 of the 6. One said before today (:data:`BRACED_BEFORE_TODAY`, "last
    week i was a nervous wreck about the audition") is left to them."""
    if language != "en" or name not in BRACED_FOR:
        return False
    tokens = found.words.tokens
    for a, b in found.named_at.get(name, ()):
        if BRACED_SAID.search(" ".join(tokens[max(0, a - 6):a])):
            around = " " + " ".join(tokens[max(0, a - BRACED_REACH):b + 8]) + " "
            if not any(f" {p} " in around for p in (*BEFORE_NOW, *BRACED_BEFORE_TODAY)):
                return True
    return False


SAID_NOW = re.compile(r"(^| )(im|i am|i'm|i feel|ive been|i've been|ive felt|i've felt|i keep feeling|i still feel)"
                      r"( (so|really|very|a bit|a little|kind of|kinda|sort of|pretty|quite|just|honestly|actually|"
                      r"genuinely|totally|super|well|proper|bloody|dead|absolutely|completely|a wee bit|literally|"
                      r"utterly|properly|still|feeling|getting|a tad|fairly|rather|that|too|also|mostly|weirdly|"
                      r"oddly|strangely|seriously|massively|right))*$")
SAID_NOW_BY_OTHERS = re.compile(r"(^| )(apparently|assum\w*|think|thinks|thought|say|says|saying|said|asked|asking|ask|"
                                r"if|whether|reckon\w*|told|tell|tells|convinced|sure|worried|pretend\w*|act\w*|"
                                r"like|because|cause|cos|coz|cuz|when|whenever|until|unless|that|not) "
                                r"(im|i am|i'm|ive|i've)( |$)")
"""Words before "im …" that make it someone's idea of the speaker, a reason, or a time ("he probably |thinks
im| resentful", "|not cos im| sad"): not the speaker saying it now."""


def _unpleasant_said_now(found: RuleTags, name: str, language: str) -> bool:
    """Whether an English unpleasant feeling is said by the speaker as theirs now, "im …", "i feel …", "ive been
    …" (:data:`SAID_NOW`; "no im not upset |im just tired|", "|ive been sad| about it all evening"): irony says
    pleasant words, and a feeling over is said "i was". The readings took off 7 such feelings the labels name in
    the read kept-out sets and 2 in the others, and none they forbid."""
    if language != "en" or feeling_kind(name, language) != POLARITIES[1]:
        return False
    tokens = found.words.tokens
    return any(SAID_NOW.search(" ".join(tokens[max(0, a - 6):a]))
               and not SAID_NOW_BY_OTHERS.search(" ".join(tokens[max(0, a - 9):a]))
               for a, _ in found.named_at.get(name, ()))


def _said_plainly_as_mine(found: RuleTags, name: str, language: str) -> bool:
    """Whether a feeling is said in words the readings misjudge but that make it the speaker's, felt today: going
    on (:func:`_said_ongoing`), braced for (:func:`_braced_for_today`), unpleasant and said now
    (:func:`_unpleasant_said_now`) or closed by the speaker's "to be honest" (:func:`_said_with_honesty`). No
    reading of the learned layer takes it off."""
    return _said_ongoing(found, name) or _braced_for_today(found, name, language) \
        or _unpleasant_said_now(found, name, language) or _said_with_honesty(found, name, language)


def unlikely_feelings(found: RuleTags, scores: dict[str, Score], feeling_drop_at: float, language: str,
                      model: Model | None = None) -> set[str]:
    """The rules' feelings the learned layer takes off: those whose kind, pleasant or unpleasant
    (:data:`~assistant.language.learned.POLARITIES`), it scores under ``feeling_drop_at`` for the
    speaker ("great another rejection just |thrilled|", "동기 가 엄청 |기뻐| 했어"), in the whole answer
    and, given the ``model`` that scored it, in the feeling's own clause (:func:`_kind_in_its_clause`);
    none in an answer under :data:`TAKE_OFF_FROM` words, whose kinds are mostly the model's prior ("i cried in
    the car" scores unpleasant at 0.02)."""
    if len(found.words.tokens) < TAKE_OFF_FROM:
        return set()
    slighted = _rules(language, prompts_root()).vocab.sarcasm.slighted
    return {name for name in found.feelings
            if not _as_said(name, language) and (kind := feeling_kind(name, language)) in scores
            and not _kind_in_its_clause(found, scores, name, kind, language,
                                        max(feeling_drop_at, SLIGHTED_DROP_AT if name in slighted else 0.0), model)
            and not _said_in_a_saying(found, name) and not _unpleasant_said_as_mine(found, name, kind)
            and not _pleasant_said_as_mine_plainly(found, name, kind, language)
            and not _said_plainly_as_mine(found, name, language)
            and not any(said_as_mine_too(found.words.tokens, a, topic=True) for a, _ in found.named_at.get(name, ()))}


CONTRASTS = {"en": (frozenset(("but", "though", "although", "except", "whereas", "anyway")), ()),
             "ko": (frozenset(("근데", "그런데", "하지만", "그렇지만", "그래도", "데")), ("는데", "은데", "지만", "던데"))}
"""Words (and Korean word endings) that set one clause of an answer against another: "the scan was fine thank god
|but| nobody asked how it went", "새벽 부터 엄청 긴장 했 |는데| 다행히 다 잡았 어요"."""
CLAUSE_AT_LEAST = 4
"""How many words a clause needs for the learned kind to read it apart from the rest of the answer."""


def _kind_in_its_clause(found: RuleTags, scores: dict[str, Score], name: str, kind: str, language: str,
                        below: float, model: Model | None) -> bool:
    """Whether a feeling's kind reads at ``below`` or over, in the whole answer or in the clause it was named in
    (:data:`CONTRASTS`). A mixed answer is read as a whole by the kind's model: the relief of "the scan came back
    fine |thank god| but nobody at home asked how it went" scores as little pleasant as the rest, 0.00; its own
    clause reads pleasant. Only a pleasant feeling, or in English an unpleasant one after the turn ("i told them
    i could do the slides … whatever but it really |bugs| me"): one before it is as often over ("i was |scared
    stiff| of the new robot but now …", 6 forbidden tags of 22 lines). The clause is read by ``model``, the one
    that gave ``scores`` (none: the whole answer only)."""
    if scores[kind].probability >= below:
        return True
    words, endings = CONTRASTS.get(language, (frozenset(), ()))
    if not words or model is None:
        return False
    tokens = found.words.tokens
    turns = [i for i, token in enumerate(tokens) if token in words or (endings and token.endswith(endings))]
    ends_with_it = 1 if endings else 0  # a Korean clause keeps its "~는데"; an English "but" opens the next one
    for a, b in found.named_at.get(name, ()):
        start = max((i + 1 for i in turns if i < a), default=0)
        end = min((i + ends_with_it for i in turns if i >= b), default=len(tokens))
        if kind != POLARITIES[0] and (start == 0 or language != "en"):
            continue
        if (start, end) != (0, len(tokens)) and end - start >= CLAUSE_AT_LEAST \
                and model.score(Text.of(" ".join(tokens[start:end])))[kind].probability >= below:
            return True
    return False


def _unpleasant_said_as_mine(found: RuleTags, name: str, kind: str) -> bool:
    """Whether an unpleasant feeling was said with the speaker as its subject ("a passenger kept shouting at me
    … |i was really angry|"): irony says pleasant words of a bad day, never these, and the kind's reading of a
    long complaint can be under 0.02 all the same."""
    return kind == POLARITIES[1] and any(said_as_mine(found.words.tokens, a) for a, _ in found.named_at.get(name, ()))


def _pleasant_said_as_mine_plainly(found: RuleTags, name: str, kind: str, language: str) -> bool:
    """Whether a pleasant feeling was said with the speaker as its subject in an answer with none of the pack's
    irony signs (``sarcasm.signs``: "oh", "wow", "of course" …): "my roommate was moping all evening so we watched
    a movie and |i was just happy| to have her company". The kind's reading weighs the hard day around it; irony
    of the same words ("oh brilliant … |im so excited|") comes with a sign. On the English kept-out sets the
    kind's reading took off 29 such feelings: all 21 ironic ones had a sign, 7 of the 8 the speaker's had none."""
    if kind != POLARITIES[0]:
        return False
    tokens = found.words.tokens
    if not any(said_as_mine(tokens, a) for a, _ in found.named_at.get(name, ())):
        return False
    vocab = _rules(language, prompts_root()).vocab
    return bool(vocab.sarcasm.signs) and not any(_said(sign, found.words, vocab.match) for sign in vocab.sarcasm.signs)


SLIGHTED_DROP_AT = 0.2
"""A feeling of being valued (the pack's ``sarcasm.slighted``: appreciated, respected, loved …) is the one
most said in irony of a slight ("the manager … in front of everyone wow thanks so |appreciated|"), in words the
slights list cannot hold; it goes when the answer reads as pleasant for the speaker under this. At first sight
(41 English sets never trained on, 80 such feelings) it took off 3 forbidden and 2 right ones; everywhere else
the kind's threshold is ``feeling_drop_at`` (0.02)."""


SAYING_WORDS = 4
"""A feeling named in a saying this long or longer ("knocked the wind out of my sails") keeps its kind: the
kind's reading knows only words it was trained on and scores a saying it never saw as no feeling at all
(0.00), while a saying this specific is seldom literal. On the labelled sets no kind reading took one off."""


def _said_in_a_saying(found: RuleTags, name: str) -> bool:
    """Whether a feeling was named somewhere in :data:`SAYING_WORDS` words or more."""
    return any(b - a >= SAYING_WORDS for a, b in found.named_at.get(name, ()))


SAID_AS_MINE_DROP_AT = 0.25
"""A feeling said as the speaker's ("he never replied and i felt |lonely| all evening but the dog was pleased")
is taken off by the reading of the words around it only under this, not the reading's own ``drop_at``: the
words further off ("but") weigh against it with nothing to say it is someone else's (benchmarks/tagging.py,
item 21)."""


UNPLEASANT_SAID_AS_MINE_DROP_AT = 0.15
"""The same for an unpleasant feeling ("the train sat outside the station … and |i was so stressed| because the
nursery closes at six"): irony says pleasant words of a bad day, seldom these. Tried at 0.25 with the pleasant
ones: at first sight it took off 21 of the speaker's own unpleasant feelings said so in the kept-out sets, and one
forbidden; at 0.15, held-out-291 .. -294 and the older sets kept 8 more right and lost 2 (to a label's other word
for the same feeling)."""


ME_TOO_KO = frozenset(("나도", "저도", "내도", "나두", "저두"))
ME_TOO_STOPS = frozenset(("가", "는", "은", "께서", "한테", "에게", "이가", "그래서", "근데", "그런데", "하지만"))
ME_TOO_STOP_ENDINGS = ("는데", "는디", "지만", "더라", "대", "다고", "래", "요")
"""Where the speaker's 나도 stops reaching a feeling after it: someone else as the subject (|가|, |는|), or
a clause's end."""
ME_TOO_REACH = 7


def said_as_mine_too(tokens: tuple[str, ...], start: int, topic: bool = False) -> bool:
    """Whether a Korean feeling comes after the speaker naming themself with 도 in the same clause (no one else
    as a subject between): "어머니 가 서운해 하셨어요 |저 도| 회사 때문에 늦게 가서 같이 |속상| 했고요" is the
    speaker's own, said as such, however much of the answer is someone else's. ``topic``: with 는 instead (나 는,
    저 는, 난), which sets the speaker against someone else: what keeps a feeling from the kind's reading, as
    irony says 나도 ("아 |나 도| 너무 기쁘다 축하해"), seldom 나는."""
    k = start - 1
    while k >= 0 and start - k <= ME_TOO_REACH:
        token = tokens[k]
        if not topic and (token in ME_TOO_KO or (token == "도" and k and tokens[k - 1] in ("나", "저", "내"))):
            return True
        if topic and (token == "난" or (token == "는" and k and tokens[k - 1] in ("나", "저"))):
            return True  # "친구 가 읽씹 당했다고 하소연 하길래 … |나 는| 그냥 |졸려| 죽겠어": set against theirs
        if token in ME_TOO_STOPS or token.endswith(ME_TOO_STOP_ENDINGS):
            return False
        k -= 1
    return False


ALONGSIDE_KO = "면서도"
ALONGSIDE_REACH = 6
"""How many letters after a Korean feeling's last word may hold its "~면서도" ("미안 |하 면서 도|")."""


def _felt_alongside_ko(found: RuleTags, name: str) -> bool:
    """Whether a Korean feeling is said "~면서도" with another feeling named after it ("|기쁘면서도| 좀 쓸쓸하더라", "좀
    |미안 하 면서 도| 뿌듯 해"): the speaker felt both. In the read labelled lines so said, both were the speaker's;
    the reading of the words around the first took off 기쁨 at 0.41 beside the loneliness set against it."""
    tokens = found.words.tokens
    later = [a for other, at in found.named_at.items() if other != name for a, _ in at]
    for a, b in found.named_at.get(name, ()):
        rest = "".join(tokens[b - 1:b + 3])
        if ALONGSIDE_KO in rest[:len(tokens[b - 1]) + ALONGSIDE_REACH] and any(x >= b for x in later):
            return True
    return False


def _said_as_mine_too(found: RuleTags, name: str) -> bool:
    """Whether any of the places a feeling was named is :func:`said_as_mine_too`."""
    return any(said_as_mine_too(found.words.tokens, a) for a, _ in found.named_at.get(name, ()))


NO_JOKE_KO = r"^(가|이|도)?(진짜|정말|완전)?장난(이)?아니"
"""After a Korean feeling, "장난 아니다" says how strong it is; its "아니" denies nothing."""


def _no_joke(found: RuleTags, name: str, language: str) -> bool:
    """Whether a Korean feeling is said to be no joke ("스트레스 가 |장난 아니 었 어|"): very much the speaker's."""
    return language == "ko" and any(re.match(NO_JOKE_KO, "".join(found.words.tokens[b:b + 4]))
                                    for _, b in found.named_at[name])


def unowned_feelings(found: RuleTags, model: Model, language: str) -> dict[str, Score]:
    """The rules' feelings the learned layer reads, from the words around each, as not the speaker's own
    feeling now (:meth:`~assistant.language.learned.Model.own` under its ``drop_at``, or under
    :data:`SAID_AS_MINE_DROP_AT` when said as the speaker's): denied,
    someone else's, irony, over, in words the guards do not know ("the old me would have been |devastated|
    by that email but i just shrugged", "과장님 은 … 완전 |풀이 죽어서| 점심 도 안 드시더라"); none in an answer under :data:`TAKE_OFF_FROM` words, where there
    is little around the feeling to read ("still |hurting| from it")."""
    if not model.mentions.drop_at or len(found.words.tokens) < TAKE_OFF_FROM:
        return {}
    out = {}
    for name in found.named_at:
        if _said_as_mine_too(found, name) or _as_said(name, language) or _felt_beside_irony(found, name, language) \
                or _said_plainly_as_mine(found, name, language) or _felt_alongside_ko(found, name):
            continue  # "저 도 같이 |속상| 했고요": the speaker says it is theirs too
        if _no_joke(found, name, language) or found.feelings.get(name) in SHARED_SAID:
            continue  # "so was i": the words around it are the speaker's own, not a feeling's
        score = _read_as_own(found, model, name, language)
        said_at = UNPLEASANT_SAID_AS_MINE_DROP_AT if feeling_kind(name, language) == POLARITIES[1] else SAID_AS_MINE_DROP_AT
        mine = _said_as_the_speakers(found, name, language)
        if mine and _opened_and_declared_ko(found, name, language):
            said_at = OPENED_AND_DECLARED_DROP_AT
        if score.probability < (min(said_at, model.mentions.drop_at) if mine else model.mentions.drop_at):
            out[name] = score
    return {name: score for name, score in out.items() if not _paired_with_a_kept_one(found, name, out)}


OPENED_AND_DECLARED_DROP_AT = 0.05
"""A Korean feeling that opens the answer as its own plain predicate ("오늘 은 진짜 |행복 했어| 오랜만 에 가족 이 다
모였 거든") is the speaker's statement: the reading of the words after it takes it off only under this. Of the
labelled Korean lines, 35 such feelings were the speaker's, all read at 0.5 or more, and one irony, at 0.21
("든든하네요 팀 점심을 저 빼고 …"); the reading trained with the read sets (item 46) put the first at 0.09."""


def _opened_and_declared_ko(found: RuleTags, name: str, language: str) -> bool:
    """Whether a Korean feeling opens the answer (:func:`_opens`) as its plain predicate (:func:`_declared_ko`)."""
    unpleasant = feeling_kind(name, language) == POLARITIES[1]
    tokens = found.words.tokens
    return language == "ko" and any(_opens(tokens, a, language) and _declared_ko(tokens, b, unpleasant)
                                    for a, b in found.named_at[name])


DECLARED_KO = re.compile(r"(해요|했어요|했어|해|하다|했다|하네|했네|하네요|합니다|했습니다|해유|혀|이야|이에요|이예요|이다|"
                         r"돼|돼요|된다|됩니다|되네|되네요|이네|이네요)$")
"""A Korean feeling's own predicate closing a sentence: "진짜 |막막 해요|"."""
DECLARED_REACH = 3
"""How many words, the feeling's last one first, may hold that predicate ("|걱정 이 야|")."""


def _declared_ko(tokens: tuple[str, ...], end: int, unpleasant: bool) -> bool:
    """Whether a Korean feeling closes a plain statement of the speaker's, its predicate right after it
    (:data:`DECLARED_KO`): "카드 값 이랑 월세 생각 하면 진짜 |막막 해요|". (A person named as its subject was read by
    the rules already.) A pleasant one only with its predicate in the next word: said further on ("진짜 |행복 했 다|
    … 하 피곤 하다"), it is as often irony."""
    reach = DECLARED_REACH if unpleasant else 2
    said = next((k for k in range(end - 1, min(len(tokens), end - 1 + reach))
                 if DECLARED_KO.search("".join(tokens[end - 1:k + 1]))), None)
    return said is not None and (said + 1 == len(tokens) or not tokens[said + 1].startswith(GOING_ON_KO))


GOING_ON_KO = ("고", "서", "주", "줘", "줬", "드", "부", "는", "며", "면", "다고", "라고", "가지", "갖고", "도")
"""After a Korean predicate, words that carry the sentence on: it is not closed there ("미안 하다 |고|", "걱정 해
|줘서|")."""


def _felt_as_ko(tokens: tuple[str, ...], end: int) -> bool:
    """Whether a Korean feeling is followed by "~는 기분 / 느낌" (:data:`FELT_AS`, not reported): the speaker's own
    "I felt like" ("할머니 가 최고 래 요 |사랑받| 는 기분 이 었 어 요"), which the reading of the words around it takes
    for someone else's when a person is named before."""
    return bool(FELT_AS.match("".join(tokens[end:])))


EXCLAIMED_KO = re.compile(r"(던지|든지)")
"""After a Korean feeling, "~던지" closing "얼마나 …": how much the speaker felt it ("얼마나 |반갑| 던지")."""


def _exclaimed_ko(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether a Korean feeling is exclaimed as "얼마나 … 던지" ("할머니 보고 싶다고 하는데 |얼마나 반갑던지|"):
    the speaker's own, however much of the answer is someone else's words. Of the 42 labelled lines with it, 40
    had the feeling labelled the speaker's."""
    return any(t.startswith("얼마나") for t in tokens[max(0, start - 3):start]) \
        and bool(EXCLAIMED_KO.search("".join(tokens[end - 1:end + 2])[:len(tokens[end - 1]) + 4]))


def _felt_beside_irony(found: RuleTags, name: str, language: str) -> bool:
    """Whether an unpleasant feeling closes an answer the rules read as irony: "아이고 참 좋 다 좋 아 … 아주 행복
    하 다 |속 이 터지| 는 줄 알았 다", "oh great the printer jammed again … just thrilled … honestly it was
    |irritating|" is what was felt, the praise around it the joke, which the reading of the words around it takes
    for a feeling not the speaker's. Over the labelled lines this keeps 14 more right and gives no forbidden one
    (benchmarks/tagging.py, item 38)."""
    return found.ironic and feeling_kind(name, language) == POLARITIES[1] \
        and any(len(found.words.tokens) - b <= IRONY_VERDICT_WITHIN for _, b in found.named_at.get(name, ()))


IRONY_VERDICT_WITHIN = 6
"""How many words may follow the unpleasant feeling that closes an answer of irony (:func:`_felt_beside_irony`):
said last, it is the verdict; said midway, it is as often someone else's or only wondered about (in Korean, 3
forbidden tags more of 20 changed lines)."""


def _said_as_the_speakers(found: RuleTags, name: str, language: str) -> bool:
    """Whether a feeling is said in words that make it the speaker's: after "i felt" (:func:`said_as_mine`), "of
    myself" after it, closing the answer (:func:`said_last`), before "but", opening it, with the speaker among its
    subject (:func:`_with_me`), in Korean before "~는 기분" (:func:`_felt_as_ko`) or closing a plain statement
    (:func:`_declared_ko`), or an unpleasant one with the speaker's tag after it ("gutted |so i am|") or closing it
    as a verdict (:func:`_closing_verdict`); the readings of the words around it then take it off only when
    surer."""
    tokens = found.words.tokens
    return any(said_as_mine(tokens, a) or tuple(tokens[b:b + 2]) in OF_MYSELF
               or (language == "en" and said_last(tokens, a, b))
               or (_tagged_as_mine(tokens, b) and feeling_kind(name, language) == POLARITIES[1])
               or (language == "en" and _then_but(tokens, a, b))
               or (language == "en" and _closing_verdict(tokens, a, b) and feeling_kind(name, language) == POLARITIES[1])
               or _opens(tokens, a, language)
               or (language == "en" and _with_me(tokens, a))
               or (language == "ko" and _felt_as_ko(tokens, b))
               or (language == "ko" and _exclaimed_ko(tokens, a, b))
               or (language == "ko" and _declared_ko(tokens, b, feeling_kind(name, language) == POLARITIES[1]))
               for a, b in found.named_at[name])  # "yeah |proud of meself|", "gutted |so i am|"


VERDICT_WITHIN = 2
"""How many words may follow an English closing verdict ("so that was |awkward| to be fair")."""


def _closing_verdict(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether an English feeling closes the answer as "that was …", the speaker's verdict on what they told ("total
    silence then someone asked for the salt |so that was awkward|"): all 27 such labelled unpleasant feelings were
    the speaker's. Not a pleasant one, as often irony ("so that was lovely")."""
    k = start - 1
    while k > 0 and tokens[k] in HEDGES:
        k -= 1
    return len(tokens) - end <= VERDICT_WITHIN and k >= 1 and tokens[k - 1:k + 1] == ("that", "was")


OPENING_FILLERS = HEDGES | {"um", "uh", "erm", "well", "honestly", "oh", "okay", "ok", "yeah", "such", "an", "absolutely",
                             "completely", "utterly", "pure", "lowkey", "ngl", "tbh", "super", "bloody", "seriously",
                             "genuinely", "properly", "fairly", "mega", "ugh", "feeling"}
"""Before a feeling that opens an English answer, words that leave it the speaker's: "|pretty relaxed| evening …",
"|bit worried| the hike on saturday might get called off". Of the labelled lines whose opening feeling the readings
took off, 8 were the speaker's and 3 not (one irony: "so proud of myself today managed to lock my keys in"). The
intensifiers and slang openers since ("|absolutely shattered| twelve hour shift", "|pure raging| the night",
"|lowkey buzzing| all day") gave 11 labelled lines their feeling back for 1 wrong (benchmarks/tagging.py, item 45)."""


def _opens(tokens: tuple[str, ...], start: int, language: str) -> bool:
    """Whether a feeling opens the answer, only :data:`OPENING_FILLERS` (:data:`OPENING_FILLERS_KO`) before it:
    "|pure raging| the night", "|lowkey buzzing| all day", "|오늘 은 진짜| 행복 했어"."""
    fillers = OPENING_FILLERS if language == "en" else OPENING_FILLERS_KO
    return all(t in fillers for t in tokens[:start])


OPENING_FILLERS_KO = frozenset(("오늘", "은", "는", "진짜", "정말", "너무", "좀", "그냥", "참", "완전", "되게", "난", "나", "저",
                                "전"))
"""The same in Korean: "|오늘 은 진짜| 행복 했어 오랜만 에 가족 이 다 모였 거든"."""


BUT_FILLERS = frozenset(("really", "honestly", "obviously", "like"))
NOT_YET_FELT = frozenset(("to", "be", "would", "gets", "get", "thats", "that's", "make", "makes"))
"""Words just before a feeling that make it a general or a supposed one ("i expected |to be| hurt but", "the
remote thing |gets| lonely but"), not the speaker's reaction."""


def _then_but(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether an English feeling is followed straight away by "but" ("disappointed |but| not surprised", "a bit
    embarrassed |but| i was so proud"), not as someone else's state: the speaker's reaction, then a turn. The
    reading of the words around it takes the "but" for a feeling that is over; with this it is read as said as
    the speaker's (on held-out-157 .. -298: 6 more right, 1 more wrong, no forbidden one more)."""
    k = end + (end < len(tokens) and tokens[end] in BUT_FILLERS)
    if not (k < len(tokens) and tokens[k] == "but") or set(tokens[max(0, start - 3):start]) & NOT_YET_FELT:
        return False
    return not any(tokens[j] in BEING and not _speaker_or_the_day(tokens, j) for j in range(max(0, start - 4), start))


BEING = frozenset(("was", "were", "is", "are", "looked", "seemed", "sounded"))
OBJECT_BEFORE = frozenset(("for", "to", "with", "at", "on", "of", "about", "from"))


def _speaker_or_the_day(tokens: tuple[str, ...], j: int) -> bool:
    """Whether the subject of the "was" at ``j`` is the speaker or what happened ("|i was| gutted but", "|it
    was| a bummer but", "|we were| both a bit wistful but"), not someone else ("the kid signing for it |was| a
    nervous wreck but": the "it" there is what was signed for)."""
    before = tokens[j - 1] if j else ""
    if before == "it":
        return j < 2 or tokens[j - 2] not in OBJECT_BEFORE
    return before in ("i", "we", "that", "which", "this")


PAIRING = frozenset(("고", "하고", "도"))
"""Korean words that join two feelings said in one breath ("서운 |하고| 외롭 더라"; English "and" paired
"good and relaxed" where the labels had only the second)."""


PAIRED_LAST_WITHIN = 3


def _paired_with_a_kept_one(found: RuleTags, name: str, taken_off: dict) -> bool:
    """Whether a feeling is said in one breath with a next one the reading keeps, the answer's last words: both
    are the speaker's ("쫌 서운하 |고| 외롭 더라": the words around the first are the second feeling's, read as
    another's). Not in the middle of an answer, where the first is as often a body's ("손 이 떨리 고 스트레스 가
    장난 아니 었 어 애들 …": 4 right, 5 wrong on the labelled sets; at the end 4 right, 2 wrong)."""
    tokens = found.words.tokens
    starts = {a for other, spans in found.named_at.items() if other not in taken_off and other != name
              for a, b in spans if len(tokens) - b <= PAIRED_LAST_WITHIN}
    for _, b in found.named_at[name]:
        k = b
        while k < len(tokens) and k - b < 2 and tokens[k] in PAIRING:
            k += 1
        if k > b and k in starts:
            return True
    return False


TAGGED_AS_MINE = (("so", "i", "am"), ("so", "i", "was"), ("so", "i", "did"))
"""After an English feeling, the speaker's tag that says it is theirs ("gutted |so i am|"); "i was", "i am" only
at the answer's end ("raging |i am|": in the middle they begin the next clause). Not for a pleasant feeling: "over
the moon i am" is as often irony."""


def _tagged_as_mine(tokens: tuple[str, ...], end: int) -> bool:
    """Whether :data:`TAGGED_AS_MINE` follows a feeling ending at ``end``, or "i was"/"i am" ending the answer."""
    return tuple(tokens[end:end + 3]) in TAGGED_AS_MINE \
        or (end + 2 == len(tokens) and tuple(tokens[end:end + 2]) in (("i", "was"), ("i", "am")))


def _read_as_own(found: RuleTags, model: Model, name: str, language: str) -> Score:
    """How the words around a feeling read, at the place it reads most as the speaker's own (it stays
    when any of the times it was named does)."""
    kind = feeling_kind(name, language)
    return max((model.own(found.words, a, b, name, kind) for a, b in found.named_at[name]),
               key=lambda s: s.probability)


def doubted_feelings(found: RuleTags, scores: dict[str, Score], model: Model, language: str) -> dict[str, tuple[float, float]]:
    """The rules' feelings both readings doubt, each too weakly to take it off alone: its kind scores under
    ``model.doubt_at[0]`` and the words around it read under ``doubt_at[1]`` ("the supervisor … rolled his eyes
    wow thanks i feel so |respected|"); with the two scores. None in an answer under :data:`TAKE_OFF_FROM` words."""
    kind_below, own_below = model.doubt_at
    if not kind_below or len(found.words.tokens) < TAKE_OFF_FROM:
        return {}
    out = {}
    for name in found.named_at:
        kind = feeling_kind(name, language)
        if kind in scores and not _kind_in_its_clause(found, scores, name, kind, language, kind_below, model) \
                and not _said_as_mine_too(found, name) and not _said_plainly_as_mine(found, name, language) \
                and not _felt_alongside_ko(found, name) and not _as_said(name, language) \
                and not _felt_beside_irony(found, name, language) \
                and not _no_joke(found, name, language) and found.feelings.get(name) not in SHARED_SAID:
            own = _read_as_own(found, model, name, language).probability
            below = own_below
            if kind == POLARITIES[1] and language == "en" \
                    and any(said_last(found.words.tokens, a, b) for a, b in found.named_at[name]):
                below = min(below, UNPLEASANT_SAID_AS_MINE_DROP_AT)  # the last word on it, and no irony
            if own < below:
                out[name] = (scores[kind].probability, own)
    return out


def untold_themes(found: RuleTags, model: Model) -> dict[str, Score]:
    """The rules' themes the learned layer reads, from the words around the words that told them, as not
    what happened to the speaker (:meth:`~assistant.language.learned.Model.told` under its ``drop_at``):
    denied, someone else's, only feared, over, in words the guards do not know ("the only one not
    |asked along| was poor dev from accounts"); none in an answer under :data:`TAKE_OFF_FROM` words."""
    if not model.tellings.drop_at or len(found.words.tokens) < TAKE_OFF_FROM:
        return {}
    scores = {theme: model.told(found.words, a, b, theme) for theme, (a, b) in found.themes.items()}
    return {theme: score for theme, score in scores.items() if score.probability < model.tellings.drop_at}


def _told_by_an_own_feeling(found: RuleTags, theme: str, unowned: dict, language: str) -> bool:
    """Whether a theme was told by the very words of an unpleasant feeling the reading of the words around it
    keeps as the speaker's: "i was the one who felt |left out| tonight" is the speaker left out, whatever the
    words around the telling read. (A pleasant one is as often irony: "she sent back k i feel so |close| to her".)"""
    a, b = found.themes[theme]
    return any(name not in unowned and feeling_kind(name, language) == POLARITIES[1] and start < b and a < end
               for name, spans in found.named_at.items() for start, end in spans)


def _described_after_all(found: RuleTags, scores: dict[str, Score], model: Model, language: str) -> dict[str, str]:
    """The described feelings left out beside named ones (``found.described``), once the learned layer has
    taken off every named one: "the app rerouted me three times so that was fun really |thrilled| … got home at
    nine absolutely |fed up|" (the irony gone, fed up is what was felt), "our team name was the |proud| losers
    … i |had a good laugh| though". Each must be said as the speaker's, and is read by the learned layer as the
    named ones were."""
    described = replace(found, feelings={name: _span(found.words, *spans[0]) for name, spans in found.described.items()},
                        named_at=dict(found.described))
    gone = unlikely_feelings(described, scores, model.feeling_drop_at, language, model) \
        | set(unowned_feelings(described, model, language)) | set(doubted_feelings(described, scores, model, language))
    tokens = found.words.tokens
    return {name: said for name, said in described.feelings.items() if name not in gone
            and any(said_as_mine(tokens, a) or said_last(tokens, a, b) or (a and tokens[a - 1] in ("i", "im", "i'm"))
                    for a, b in found.described[name])}  # not "the kid signing for it was |a nervous wreck|"


CLOSENESS = {"en": ("loved", "included", "close", "supported", "accepted")}
"""The speaker's own feelings that tell a connection by themselves: of the labelled English lines with one
of them that the rest of the tagger gave no connection, every one had it (4 of 4; "touched" and "seen"
are also said of a stranger's story, 5 of 9)."""


CONFIDENCE_GAINED_KO = re.compile(r"(자신감|자신)이?(좀)?(생|붙|올라)")
"""Korean confidence gained tells a win by itself ("발표 하 니까 |자신감 좀 생겼| 어"): of the labelled Korean lines
with 자신감 tagged and no win, 8 of 10 had one, and the 2 that did not were confidence in what is to come ("|자신
있| 어요"), not gained."""


NEAR_ENOUGH_TO_SAY = 0.5
"""An added theme's explanation names the nearest labelled answers (:mod:`assistant.language.neighbours`) when
they give it at least this share: then they, more than the words that weighed most, led to it."""


VALUED_TOO = frozenset(("included", "accepted"))
"""Besides the pack's ``sarcasm.slighted`` feelings, feelings of being valued that irony names after a slight."""
VALUED_STRESSED = frozenset(("really", "very", "so", "super", "truly", "real", "deeply", "totally"))
VALUED_STRESS_REACH = 3
"""How many words before the feeling its stress may come: "|really| made me feel |respected|"."""
VALUED_TURNS = frozenset(("but", "else", "instead", "though", "although", "still", "later", "then"))
"""Between a small grief and the feeling, words that set them apart: "nobody else asked |but| she did and i felt
really loved" is meant."""


def _valued_after_a_slight(found: RuleTags, feelings: Iterable[str], griefs: Iterable[tuple[int, int]],
                           language: str) -> bool:
    """Whether an English feeling of being valued is said with stress ("felt |really| included", "i feel |so|
    respected") in an answer that tells one of the small griefs (``griefs``: where each was told), nothing turning
    between them: "my manager answered every question with a smile except mine … so i feel |really accepted| on
    this team" (of the labelled lines tagged with both, 88 were irony and 7 meant; every meant one had a turn)."""
    valued = set(_rules(language, prompts_root()).vocab.sarcasm.slighted) | VALUED_TOO
    tokens, griefs = found.words.tokens, list(griefs)
    for name in set(feelings) & valued:
        for at, _ in found.named_at.get(name, ()):
            if not set(tokens[max(0, at - VALUED_STRESS_REACH):at]) & VALUED_STRESSED:
                continue
            if any(not set(tokens[b:at] if b <= at else tokens[at:a]) & VALUED_TURNS for a, b in griefs):
                return True
    return False


def _set_aside_valued_in_irony(found: RuleTags, feelings: dict[str, str], themes: dict[str, str],
                               added: dict[str, Score], set_aside: dict[str, dict[str, str]]) -> None:
    """Set aside the pleasant feelings, connection and win of an English answer that names a feeling of being
    valued in irony beside a small grief it tells (:func:`_valued_after_a_slight`)."""
    griefs = [span for t in SMALL_GRIEFS & set(themes)
              for span in ((found.themes[t],) if t in found.themes else added[t].evidence if t in added
                           else (found.outweighed[t][0],) if t in found.outweighed else ())]
    if not _valued_after_a_slight(found, feelings, griefs, "en"):
        return
    vocab = _rules("en", prompts_root()).vocab
    for name in [f for f in feelings if vocab.feeling(f).pleasantness > 0]:
        set_aside["feelings"][name] = f'"{feelings.pop(name)}": a feeling of being valued said after a slight, irony'
    for name in {"connection", "win"} & set(themes):
        set_aside["themes"][name] = f'"{themes.pop(name)}": told beside a feeling of being valued said in irony'


def explain(text: str, language: str, personal: PersonalCues | None = None, learned: bool = True) -> Explained:
    """The feelings named and the themes told in one transcript, each with the words that told it.

    The word lists decide first (:func:`rule_tags`, with its guards); then
    the learned layer (:mod:`assistant.language.learned`, its themes blended with those of the
    labelled answers nearest this one, :mod:`assistant.language.neighbours`) may add a theme
    they missed, its explanation the words whose n-grams weighed most,
    marked "(learned)", and take off a theme or a feeling it finds unlikely; last, ``personal``: what the person's own
    corrections taught (see :mod:`assistant.language.personal`).
    ``learned=False`` gives the rules alone.
    """
    found = rule_tags(text, language)
    words = found.words
    feelings = dict(found.feelings)
    themes = {t: _span(words, a, b) for t, (a, b) in found.themes.items()}
    model = load_model(language) if learned else None
    set_aside: dict[str, dict[str, str]] = {"feelings": {}, "themes": {}}
    added: dict[str, Score] = {}
    if model is not None:
        near = leaning(load_neighbours(language), words)
        scores = blended(model.score(words), near)
        added, dropped = learned_changes(found, scores, model.add_at, model.drop_at,
                                         MIDDLE_TAKE_OFF_BELOW.get(model.language),
                                         ADD_BESIDE_THEIRS.get(model.language), ADD_THEME_AT_LEAST.get(model.language))
        for name in sorted(dropped):
            set_aside["themes"][name] = (f'"{themes.pop(name)}": the learned layer finds it unlikely here, '
                                         f'{scores[name].probability:.2f}')
        unowned = unowned_feelings(found, model, language)
        for name, score in sorted(untold_themes(found, model).items()):
            if name in themes and not _told_by_an_own_feeling(found, name, unowned, language):
                around = f' (the words "{_runs(words, score.evidence)}")' if score.evidence else ""
                set_aside["themes"][name] = (f'"{themes.pop(name)}": the learned layer reads it as not what happened '
                                             f'to you{around}, {score.probability:.2f}')
        for name in sorted(unlikely_feelings(found, scores, model.feeling_drop_at, language, model)):
            kind = feeling_kind(name, language)
            set_aside["feelings"][name] = (f'"{feelings.pop(name)}": the learned layer reads no {kind} feeling '
                                           f'of yours here, {scores[kind].probability:.2f}')
        for name, score in sorted(unowned.items()):
            if name in feelings:
                around = f' (the words "{_runs(words, score.evidence)}")' if score.evidence else ""
                set_aside["feelings"][name] = (f'"{feelings.pop(name)}": the learned layer reads it as not yours, '
                                               f'or not felt now{around}, {score.probability:.2f}')
        for name, (kind_p, own_p) in sorted(doubted_feelings(found, scores, model, language).items()):
            if name in feelings:
                set_aside["feelings"][name] = (f'"{feelings.pop(name)}": the learned layer doubts it twice: little '
                                               f'{feeling_kind(name, language)} feeling of yours here, {kind_p:.2f}, '
                                               f'and the words around it, {own_p:.2f}')
        for name, s in added.items():
            themes[name] = _runs(words, s.evidence) + (f" (learned; the nearest labelled answers tell it, {near[name]:.2f})"
                                                       if near.get(name, 0.0) >= NEAR_ENOUGH_TO_SAY else " (learned)")
        for name, ((a, b), rivals) in found.outweighed.items():
            # "단톡 에 농담 했 는데 다들 조용 하다가 다른 얘기 로 넘어 가 더라": a silence outweighed the joke passed
            # over, then read as no unanswered message; the joke passed over stands (on all labelled lines: English
            # 30 lines better, 2 worse; Korean 17 better, 1 worse)
            if name not in themes and all(r in set_aside["themes"] for r in rivals) and name in scores \
                    and scores[name].probability >= model.drop_at:
                themes[name] = _span(words, a, b)
        if found.described and found.feelings and not set(found.feelings) & set(feelings):
            feelings.update(_described_after_all(found, scores, model, language))
    if language == "en" and model is not None:  # measured on the themes the learned layer kept
        _set_aside_valued_in_irony(found, feelings, themes, added, set_aside)
    told = f" {' '.join(words.tokens)} "
    if language == "en" and DEATH_TOLD.search(told) and not THEIR_DEAD.search(told):
        _mourned(found, feelings, set_aside["feelings"])
    for name in CLOSENESS.get(language, ()):
        if name in feelings and "connection" not in themes and "connection" not in found.blocked \
                and "connection" not in set_aside["themes"]:
            themes["connection"] = f"{feelings[name]} (a feeling of closeness)"
    if language == "ko" and "자신감" in feelings and CONFIDENCE_GAINED_KO.search(feelings["자신감"].replace(" ", "")) \
            and "win" not in themes and "win" not in found.blocked and "win" not in set_aside["themes"]:
        themes["win"] = f"{feelings['자신감']} (confidence gained)"
    if personal is not None:
        for kind, got in (("feelings", feelings), ("themes", themes)):
            add, drop = personal.verdicts(kind, words)
            for name in drop & set(got):
                del got[name]
            for name, said in add.items():
                got.setdefault(name, f"{said} (your words)")
    ordered_themes = {t: themes[t] for t in THEMES if t in themes}
    return Explained(Tags(tuple(feelings), tuple(ordered_themes)),
                     {"feelings": feelings, "themes": ordered_themes}, set_aside)


def tag(text: str, language: str, personal: PersonalCues | None = None, learned: bool = True) -> Tags:
    """The feelings named and the themes told in one transcript (see :func:`explain`)."""
    return explain(text, language, personal, learned).tags


# --- which language a text is in ---------------------------------------------------

_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)


def language_of(text: str, default: str) -> str:
    """``default``, unless the text is plainly in the other script: Hangul is read as Korean
    ("외롭지 않았어" with an English setting), Latin letters without Hangul as English."""
    if _HANGUL.search(text):
        return "ko"
    if default == "ko" and _LATIN.search(text):
        return "en"
    return default
