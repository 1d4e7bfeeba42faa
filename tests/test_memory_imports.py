"""Commands that need no audio and no speech load no audio or speech library.

numpy alone takes 0.1-0.3 s to import (more on a Raspberry Pi) and tens of
MB; vosk, sounddevice, soxr and pyttsx3 more. Looking back at the journal
(list, search, stats, show, export, chart) needs none of them, nor
``cryptography`` when the journal is not encrypted: they are imported late,
where audio or a model is used. Each command runs in a fresh interpreter,
in-process there, so ``sys.modules`` tells what it loaded.
"""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

from assistant.journal.book import Journal
from assistant.paths import default_paths

HEAVY = ("numpy", "vosk", "sounddevice", "soxr", "pyttsx3", "cryptography")
PROBE = """
import json, sys
import assistant.cli.main
loaded_at_import = [m for m in {heavy!r} if m in sys.modules]
try:
    code = assistant.cli.main.main({argv!r})
except SystemExit as exit:
    code = exit.code
print(json.dumps({{"code": code, "at_import": loaded_at_import,
                  "after": [m for m in {heavy!r} if m in sys.modules]}}), file=sys.stderr)
"""


@pytest.fixture
def journal_home(isolated_environment):
    created = datetime(2026, 11, 24, 21, 0, tzinfo=timezone(timedelta(hours=9)))
    with Journal(default_paths().journal_dir) as journal:
        journal.restore(
            [{"id": "2026-11-24.1", "started_at": created.isoformat(), "language": "en", "prompt_ids": []}],
            [{"id": "2026-11-24.1", "session": "2026-11-24.1", "created_at": created.isoformat(), "language": "en",
              "transcript": "they talked over me at lunch", "prompt_text": "How was today?",
              "words": [{"word": "they", "start": 0.0, "end": 0.3, "conf": 1.0}]}])
    return isolated_environment


@pytest.mark.parametrize("argv", [
    ["list"], ["search", "lunch"], ["stats"], ["show", "2026-11-24.1"], ["export", "--format", "json"],
    ["export", "--format", "md"], ["export", "--format", "csv"], ["paths"], ["--help"],
    ["backup", "usb"], ["pin", "status"], ["tag", "I felt lonely at lunch"], ["config"],
], ids=" ".join)
def test_looking_back_loads_no_audio_speech_or_crypto_library(journal_home, argv, tmp_path):
    (tmp_path / "usb").mkdir()  # the backup's USB stick
    result = subprocess.run([sys.executable, "-c", PROBE.format(heavy=HEAVY, argv=argv)], capture_output=True,
                            text=True, timeout=120, cwd=tmp_path)
    report = json.loads(result.stderr.strip().splitlines()[-1])
    assert report["code"] in (0, None), result.stderr
    assert report["at_import"] == [] and report["after"] == [], report
