"""A voice-memo import for the power-cut tests: ``python -m tests.power_cut_import ARGS...``.

The real ``voice-journal import`` (the CLI, the journal, the recordings it
keeps, its work files), with the speech model replaced by a stand-in that
hears every memo as the same words and takes about as long as decoding,
paced faster than real time: a run takes a second or two and needs no model.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path
from types import SimpleNamespace

from assistant.app import importing
from assistant.cli.main import main
from assistant.speech.recognizer import Utterance, Word

SPEED = 8.0
"""Audio seconds decoded per wall-clock second."""
WORDS = ("오늘은", "산책을", "했어요")


def transcribe(model, chunks, rate_hz):
    seconds = 0.0
    for chunk in chunks:
        time.sleep(chunk.seconds / SPEED)
        seconds += chunk.seconds
    words = tuple(Word(w, round(n * seconds / 4, 3), round((n + 1) * seconds / 4, 3), 1.0) for n, w in enumerate(WORDS))
    return [Utterance(" ".join(WORDS), words)]


if __name__ == "__main__":
    importing.find_model = lambda *a, **k: SimpleNamespace(name="stand-in", path=Path("/nowhere"))
    importing.load_model = lambda path: None
    importing.model_rate_hz = lambda path: 16000
    importing.transcribe = transcribe
    raise SystemExit(main(["--lang", "ko", "import", "--json", *sys.argv[1:]]))
