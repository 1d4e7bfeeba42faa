"""Crisis language in an answer: the session answers gently and stops asking.

The answer under way is a stand-in (its transcript is what matters); the
session, journal, language pack and crisis data are real.
"""
from __future__ import annotations

import numpy as np
import pytest

from assistant.listening import Ended, Outcome
from tests.test_session import PROMPTS, ChunkEar, journal, make_session, model, pack  # noqa: F401  (fixtures)


class SpokenAnswer:
    def __init__(self, transcript: str):
        self.transcript = transcript
        self.has_content = True
        self.words = []
        self.duration_s = 2.0

    def close(self, keep: bool):
        return None


@pytest.mark.parametrize("transcript, crisis", [
    ("요즘은 그냥 죽고 싶어요", True),
    ("오늘 회사 일이 너무 많아서 죽겠어요", False),
    ("친구가 답장을 안 해서 서운했어요", False),
])
def test_crisis_language_gets_help_lines_and_no_more_prompts(model, pack, journal, tmp_path, transcript, crisis):
    session, mouth, events = make_session(model, pack, journal, ChunkEar(np.zeros(0)), tmp_path, PROMPTS, country="KR")
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
