"""Who may see the journal: one-time login codes, sessions, CSRF tokens, a throttle.

The page shows the most private thing a person owns, so nothing of it is
served without logging in, on the Pi's own address as much as on the LAN.
Logging in takes a one-time code (printed by ``voice-journal web``, in the
login link; on the LAN the Pi can also say a short one aloud) or, for an
encrypted journal, its passphrase. A login gives a
random session token, kept in memory only (restarting the server logs every
browser out), sent in an HttpOnly, SameSite=Strict cookie; each session has
its own CSRF token that every change must carry. Failed logins are
throttled. Pure Python, no web framework: the rules are tested on their own.
"""
from __future__ import annotations

import hmac
import secrets
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Callable

COOKIE = "vj_session"
SESSION_S = 30 * 24 * 3600
"""How long a login lasts (seconds): a month, then a new code."""
CODE_S = 24 * 3600
"""How long an unused login code stays good (seconds)."""


@dataclass
class Session:
    token: str
    csrf: str
    expires: float


@dataclass
class LoginCodes:
    """One code at a time, good for one login; a used code is replaced by a new one."""

    clock: Callable[[], float] = time.monotonic
    code: str = ""
    issued: float = 0.0

    def new(self) -> str:
        self.code, self.issued = secrets.token_urlsafe(18), self.clock()
        return self.code

    def use(self, given: str) -> bool:
        """Whether ``given`` is the current code; a right one is used up."""
        if not self.code or not given or self.clock() - self.issued > CODE_S:
            return False
        if hmac.compare_digest(self.code.encode(), given.encode()):
            self.code = ""
            return True
        return False


SPOKEN_DIGITS = 6
SPOKEN_S = 120
"""How long a spoken code stays good (seconds)."""
SPOKEN_TRIES = 3
"""Wrong tries before a spoken code is void (a guesser gets 3 in a million, and the Pi is heard speaking)."""


@dataclass
class SpokenCodes:
    """A short code the Pi says aloud, for a phone on the LAN with no link at
    hand: good for two minutes and three tries, whoever types it must have
    heard it in the room."""

    clock: Callable[[], float] = time.monotonic
    code: str = ""
    issued: float = 0.0
    tries: int = 0

    def new(self) -> str:
        self.code = "".join(secrets.choice("0123456789") for _ in range(SPOKEN_DIGITS))
        self.issued, self.tries = self.clock(), 0
        return self.code

    def use(self, given: str) -> bool:
        """Whether ``given`` (spaces ignored) is the code said last; a right one is used up."""
        given = "".join(given.split())
        if not self.code or not given or self.clock() - self.issued > SPOKEN_S:
            return False
        if hmac.compare_digest(self.code.encode(), given.encode()):
            self.code = ""
            return True
        self.tries += 1
        if self.tries >= SPOKEN_TRIES:
            self.code = ""
        return False


@dataclass
class Sessions:
    clock: Callable[[], float] = time.time
    _open: dict[str, Session] = field(default_factory=dict)

    def start(self) -> Session:
        self._prune()
        session = Session(secrets.token_urlsafe(32), secrets.token_urlsafe(32), self.clock() + SESSION_S)
        self._open[session.token] = session
        return session

    def get(self, token: str | None) -> Session | None:
        if not token:
            return None
        session = self._open.get(token)
        if session is None or session.expires < self.clock():
            return None
        return session

    def end(self, token: str | None) -> None:
        self._open.pop(token or "", None)

    def end_all(self) -> None:
        self._open.clear()

    def _prune(self) -> None:
        now = self.clock()
        for token in [t for t, s in self._open.items() if s.expires < now]:
            del self._open[token]


def csrf_ok(session: Session, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(session.csrf.encode(), str(given).encode())


@dataclass
class Throttle:
    """At most ``per_window`` failed logins per ``window_s``, from anywhere
    (one owner, one journal: a guesser on the LAN and the owner share it)."""

    per_window: int = 5
    window_s: float = 60.0
    clock: Callable[[], float] = time.monotonic
    _failures: deque = field(default_factory=deque)

    def _trim(self) -> None:
        while self._failures and self.clock() - self._failures[0] > self.window_s:
            self._failures.popleft()

    def blocked(self) -> bool:
        self._trim()
        return len(self._failures) >= self.per_window

    def wait_s(self) -> int:
        self._trim()
        return int(self.window_s - (self.clock() - self._failures[0])) + 1 if self._failures else 0

    def failed(self) -> None:
        self._failures.append(self.clock())
