"""Data for scripts on stdout, in one shape: ``--json`` results and event lines.

A result is one indented JSON document; an event (the evening's and the
standby's running commentary) is one compact line, flushed at once so a
reader sees it as it happens. Korean stays readable (no ``\\u`` escapes).
"""
from __future__ import annotations

import json
import sys
from typing import Any, TextIO


def print_json(data: Any, out: TextIO | None = None) -> None:
    """A command's whole ``--json`` answer."""
    print(json.dumps(data, ensure_ascii=False, indent=2), file=out or sys.stdout)


def print_event(event: dict, out: TextIO | None = None) -> None:
    """One event, one line."""
    print(json.dumps(event, ensure_ascii=False), file=out or sys.stdout, flush=True)
