"""Crisis language in an answer: the session answers gently and stops asking.

The answer under way is a stand-in (its transcript is what matters); the
session, journal, language pack and crisis data are real.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.conversation.listening import Ended, Outcome
from tests.fakes import ScriptedEar, ScriptedSpeech
from tests.test_session import PROMPTS, journal, make_session, pack  # noqa: F401  (fixtures)


class SpokenAnswer:
    def __init__(self, transcript: str):
        self.transcript = transcript
        self.has_content = True
        self.words = []
        self.duration_s = 2.0
        self.set_aside = []

    def close(self, keep: bool):
        return None


@pytest.mark.parametrize("transcript, crisis", [
    ("요즘은 그냥 죽고 싶어요", True),
    ("오늘 회사 일이 너무 많아서 죽겠어요", False),
    ("친구가 답장을 안 해서 서운했어요", False),
])
def test_crisis_language_gets_help_lines_and_no_more_prompts(pack, journal, tmp_path, transcript, crisis):
    session, mouth, events = make_session(ScriptedSpeech(), pack, journal, ScriptedEar(), tmp_path, PROMPTS,
                                          country="KR")
    session.report.session_id = journal.start_session("ko")
    session._prompt, session._answer = PROMPTS[0], SpokenAnswer(transcript)
    entry_id = session._keep(Outcome(Ended.SILENCE))
    assert journal.entry(entry_id)["transcript"] == transcript  # what was said is kept either way
    assert session.report.crisis is crisis
    said = " ".join(mouth.said)
    if crisis:
        assert "1 0 9" in said  # the Korean suicide-prevention line, said digit by digit
        assert any(e["event"] == "crisis" for e in events)
        session.close_evening()
        assert "<closing_summary" not in " ".join(mouth.said)  # no ordinary closing after it
    else:
        assert "1 0 9" not in said and "<saved>" in said


def test_replay_in_a_session_plays_the_recording(pack, journal, tmp_path):
    """'Play my last entry': the date and prompt are said, then the person's own audio is played."""
    import shutil
    from datetime import date

    from assistant.conversation import replay
    from assistant.audio.chunks import AudioChunk, write_wav

    shutil.copyfile(Path(__file__).resolve().parent.parent / "prompts" / "ko" / "replay.json",
                    Path(os.environ["VOICE_JOURNAL_PROMPTS"]) / "ko" / "replay.json")
    replay.load_replay.cache_clear() if hasattr(replay.load_replay, "cache_clear") else None
    clip = ScriptedSpeech().speech("오늘은 조금 피곤했어요", 1.5)  # any recording will do
    audio_dir = tmp_path / "audio"
    write_wav(audio_dir / "a.wav", [AudioChunk.from_array(clip, 16000)])
    session_id = journal.start_session("ko")
    journal.add_entry({"session": session_id, "language": "ko", "prompt_id": "ko-test-1",
                       "prompt_text": PROMPTS[0].text, "transcript": "오늘 은 피곤", "audio": "a.wav", "words": []})
    session, mouth, events = make_session(ScriptedSpeech(), pack, journal, ScriptedEar(), tmp_path, PROMPTS,
                                          replay_by_voice="on")  # the PIN: tests/test_pin_gate.py
    session.recognizers = session.load_recognizers()
    request = replay.parse_request("마지막 기록 들려줘", "ko")
    assert request is not None
    played = session._replay(request)
    assert len(played) == 1
    assert PROMPTS[0].text in " ".join(mouth.said)
    assert mouth.sink.samples >= len(clip)  # the whole recording went to the speaker
    assert any(e["event"] == "replay" for e in events)
