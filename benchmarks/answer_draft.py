"""What the --no-audio draft costs (issue 13): disk writes, fsyncs and save latency.

The same scripted ``keep_audio = false`` evening (three answers, the scripted
recogniser, no model, no device) runs with the answer's draft file and with
drafting switched off (the baseline: before the draft existed), and, for
scale, with ``keep_audio = true`` (the streaming recording, fsynced every
second). Time inside the draft is the audio's time, so "about every second"
means a second of the answer, as in a real evening.

    .venv/bin/python benchmarks/answer_draft.py [--repeat 5]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.conversation import draft as draft_module  # noqa: E402
from assistant.conversation.prompts import Prompt  # noqa: E402
from assistant.conversation.session import EveningSession  # noqa: E402
from assistant.journal.book import Journal  # noqa: E402
from assistant.language.packs import load_language  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from tests.fakes import RATE, FakeMouth, ScriptedEar, ScriptedVoice, quiet  # noqa: E402

ANSWERS = ["오늘은 회사에서 동료가 제 말을 끊어서 조금 서운했고 저녁에는 혼자 산책을 하면서 생각을 정리했어요",
           "친구에게 연락했는데 답장이 없어서 마음이 쓰였지만 내일 다시 이야기해 보려고 해요 괜찮을 거예요",
           "스스로에게 오늘도 잘 버텼다고 말해 주고 싶어요 따뜻한 차를 마시고 일찍 자려고 합니다 정말로요"]
PROMPTS = [Prompt(f"ko-b-{n}", "checkin", f"질문 {n}", f"주제 {n}") for n in range(1, 4)]


def evening(folder: Path, mode: str) -> dict[str, float]:
    voice = ScriptedVoice()
    parts = [quiet(0.5)]
    for answer in ANSWERS:
        parts += [voice.say(answer), quiet(3.0)]
    ear = ScriptedEar(*parts)
    syncs = {"draft": 0, "other": 0}
    real_fsync, real_update = os.fsync, draft_module.AnswerDraft.update

    def fsync(fd):
        kind = "draft" if os.readlink(f"/proc/self/fd/{fd}").endswith(draft_module.SUFFIX) else "other"
        syncs[kind] += 1
        real_fsync(fd)

    written = {"bytes": 0}

    def update(self, utterances, partial=""):
        real_update(self, utterances, partial)
        if self.path.exists():
            written["bytes"] = max(written["bytes"], self.path.stat().st_size)

    os.fsync = fsync
    draft_module.time.monotonic = lambda: ear.drawn_s  # the answer's own clock
    draft_module.AnswerDraft.update = update if mode == "draft" else (lambda self, u, p="": None)
    try:
        settings = Settings(language="ko", silence_s=1.5, no_answer_s=3.0, name_feelings="off",
                            ask_anything_more=False, keep_audio=(mode == "audio"))
        with Journal(folder / "journal") as journal:
            report = EveningSession(mouth=FakeMouth(), ear=ear, journal=journal, pack=load_language("ko"),
                                    prompts=PROMPTS, settings=settings, recognizers=lambda: voice.recognizers,
                                    model_name="scripted", audio_dir=folder / "audio", rate_hz=RATE).run()
    finally:
        os.fsync, draft_module.AnswerDraft.update = real_fsync, real_update
        draft_module.time.monotonic = __import__("time").monotonic
    speech_s = sum(len(voice.say(a)) for a in ANSWERS) / RATE
    return {"save_ms": statistics.median(report.save_latencies_ms), "draft_fsyncs": syncs["draft"],
            "other_fsyncs": syncs["other"], "draft_bytes": written["bytes"], "speech_s": speech_s,
            "audio_bytes": sum(p.stat().st_size for p in (folder / "audio").rglob("*.wav"))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    results: dict[str, list[dict]] = {"baseline": [], "draft": [], "audio": []}
    for _ in range(args.repeat):
        for mode in results:  # interleaved, so a busy moment of the machine hits all three alike
            with tempfile.TemporaryDirectory() as tmp:
                results[mode].append(evening(Path(tmp), mode))
    speech_s = results["draft"][0]["speech_s"]
    print(f"{args.repeat} evenings each, 3 answers, {speech_s:.1f} s of speech in all")
    for mode, label in (("baseline", "--no-audio, no draft (before)"), ("draft", "--no-audio with its draft"),
                        ("audio", "recorded (keep_audio = true)")):
        runs = results[mode]
        save = statistics.median(r["save_ms"] for r in runs)
        print(f"{label:32} save latency median {save:6.1f} ms; "
              f"draft: {runs[0]['draft_fsyncs']} fsyncs, {runs[0]['draft_bytes'] / 1024:.1f} KiB largest; "
              f"other fsyncs {runs[0]['other_fsyncs']}; recordings {runs[0]['audio_bytes'] / 1024:.0f} KiB")
    base = statistics.median(r["save_ms"] for r in results["baseline"])
    with_draft = statistics.median(r["save_ms"] for r in results["draft"])
    per_s = results["draft"][0]["draft_fsyncs"] / speech_s
    print(f"draft vs before: save latency x{with_draft / base:.2f}; {per_s:.2f} draft fsyncs per second of speech")


if __name__ == "__main__":
    main()
