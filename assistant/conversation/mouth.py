"""A mouth that reports what it says: each phrase and chime is an event first.

The ``--json`` event stream (and the tests) see exactly what the person
heard, in order, whoever is speaking: the evening, replay or the standby.
"""
from __future__ import annotations

from typing import Callable


class LoggedMouth:
    """Wraps a mouth (``say``, ``chime``): ``{"event": "say", "text": ...}`` and
    ``{"event": "chime"}`` go to ``events`` before the mouth speaks."""

    def __init__(self, mouth, events: Callable[[dict], None]):
        self.mouth = mouth
        self.events = events

    def say(self, text: str) -> None:
        self.events({"event": "say", "text": text})
        self.mouth.say(text)

    def chime(self) -> None:
        self.events({"event": "chime"})
        self.mouth.chime()
