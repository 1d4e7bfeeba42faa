"""An evening for the power-cut tests: ``python -m tests.power_cut_session DATA_DIR``.

A real :class:`EveningSession` writing to a real journal in ``DATA_DIR``,
with a scripted ear (tests/fakes.py) paced faster than real time and the
scripted recogniser, so a run takes seconds and needs no model or device.
Prints one JSON line per event on stdout, and a ``streamed`` line each time
the answer's recording has taken another chunk (what a power cut may cost).
With ``--no-audio`` nothing is recorded: a ``shown`` line gives the words of
the answer in progress each time they change on the screen (what its draft
file must keep), with the monotonic clock's time.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np

from assistant.conversation import session as session_module
from assistant.conversation.prompts import Prompt
from assistant.conversation.session import EveningSession
from assistant.journal.book import Journal
from assistant.language.packs import load_language
from assistant.settings import Settings
from tests.fakes import RATE, FakeMouth, ScriptedEar, ScriptedVoice, quiet

SPEED = 4.0
"""Audio seconds per wall-clock second."""
ANSWERS = ["오늘은 회사에서 동료가 제 말을 끊어서 조금 서운했고 저녁에는 혼자 산책을 하면서 생각을 정리했어요",
           "친구에게 연락했는데 답장이 없어서 마음이 쓰였지만 내일 다시 이야기해 보려고 해요 괜찮을 거예요",
           "스스로에게 오늘도 잘 버텼다고 말해 주고 싶어요 따뜻한 차를 마시고 일찍 자려고 합니다 정말로요"]
PROMPTS = [Prompt("ko-cut-1", "checkin", "오늘 하루는 어땠어요?", "오늘 하루"),
           Prompt("ko-cut-2", "micro-rejection", "서운했던 순간이 있었나요?", "서운한 순간"),
           Prompt("ko-cut-3", "self-anchoring", "스스로에게 한마디 해 줄래요?", "나에게 하는 말")]


def emit(event: dict) -> None:
    print(json.dumps(event, ensure_ascii=False), flush=True)


class Paced(ScriptedEar):
    """A scripted ear that hands out audio at ``SPEED`` times real time."""

    def _draw(self, piece):
        time.sleep(len(piece) / self.rate_hz / SPEED)
        return super()._draw(piece)


def reporting(open_recorder):
    """``open_recorder`` whose writers say how much they hold after each chunk."""
    def opener(vault):
        make = open_recorder(vault)

        def recorder(path, rate_hz):
            writer = make(path, rate_hz)
            real_write = writer.write

            def write(chunk):
                real_write(chunk)
                emit({"event": "streamed", "path": str(path), "seconds": writer.samples / rate_hz})
            writer.write = write
            return writer
        return recorder
    return opener


def showing(keep_draft):
    """``EveningSession._keep_draft`` that also says what the live transcript shows."""
    def wrapper(self, partial: str = "") -> None:
        keep_draft(self, partial)
        if self._draft is not None and self._answer is not None:
            text = " ".join([u.text for u in self._answer.utterances if u.text] + ([partial] if partial else []))
            emit({"event": "shown", "path": str(self._draft.path), "text": text, "t": time.monotonic()})
    return wrapper


def main(data_dir: Path, keep_audio: bool = True) -> None:
    voice = ScriptedVoice()
    parts = [quiet(0.5)]
    for answer in ANSWERS:
        parts += [voice.say(answer), quiet(5.0)]
    ear = Paced(*parts)
    session_module.open_recorder = reporting(session_module.open_recorder)
    EveningSession._keep_draft = showing(EveningSession._keep_draft)
    settings = Settings(language="ko", silence_s=1.5, no_answer_s=3.0, name_feelings="off", ask_anything_more=False,
                        keep_audio=keep_audio)
    with Journal(data_dir / "journal") as journal:
        EveningSession(mouth=FakeMouth(), ear=ear, journal=journal, pack=load_language("ko"), prompts=PROMPTS,
                       settings=settings, recognizers=lambda: voice.recognizers, model_name="scripted",
                       audio_dir=data_dir / "audio", rate_hz=RATE, events=emit).run()
    emit({"event": "done"})


if __name__ == "__main__":
    np.seterr(all="ignore")
    main(Path(sys.argv[1]), keep_audio="--no-audio" not in sys.argv[2:])
