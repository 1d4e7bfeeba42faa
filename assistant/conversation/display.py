"""What a person glancing at the terminal sees: the live transcript.

Partial transcripts redraw one line on a terminal; when stderr is not a
terminal only closed utterances are printed, one per line.
"""
from __future__ import annotations

import shutil
import sys
from typing import TextIO


class LiveTranscript:
    def __init__(self, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()
        self._shown = False

    def partial(self, text: str) -> None:
        if not self.live:
            return
        width = shutil.get_terminal_size((80, 20)).columns - 4
        line = text if len(text) <= width else "…" + text[-(width - 1):]
        self.stream.write("\r\033[K  " + line)
        self.stream.flush()
        self._shown = True

    def utterance(self, text: str) -> None:
        if self.live:
            self.stream.write("\r\033[K")
        self.stream.write(f"  > {text}\n")
        self.stream.flush()
        self._shown = False

    def note(self, text: str) -> None:
        if self.live and self._shown:
            self.stream.write("\r\033[K")
            self._shown = False
        self.stream.write(text + "\n")
        self.stream.flush()
