"""Logins, sessions, CSRF tokens and the throttle, on their own (no web framework)."""
from __future__ import annotations

from assistant.web.access import CODE_S, SESSION_S, LoginCodes, Sessions, Throttle, csrf_ok


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_a_login_code_works_once():
    codes = LoginCodes()
    code = codes.new()
    assert len(code) >= 24
    assert not codes.use("") and not codes.use(code[:-1] + ("A" if code[-1] != "A" else "B"))
    assert codes.use(code)
    assert not codes.use(code)


def test_a_new_code_replaces_the_old_one_and_codes_expire():
    clock = Clock()
    codes = LoginCodes(clock=clock)
    old = codes.new()
    new = codes.new()
    assert not codes.use(old)
    clock.now += CODE_S + 1
    assert not codes.use(new)


def test_sessions_are_random_expire_and_end():
    clock = Clock()
    sessions = Sessions(clock=clock)
    a, b = sessions.start(), sessions.start()
    assert a.token != b.token and a.csrf != b.csrf and a.csrf != a.token
    assert sessions.get(a.token) is a and sessions.get(None) is None and sessions.get("guess") is None
    sessions.end(a.token)
    assert sessions.get(a.token) is None
    clock.now += SESSION_S + 1
    assert sessions.get(b.token) is None


def test_csrf_tokens_must_match_exactly():
    session = Sessions().start()
    assert csrf_ok(session, session.csrf)
    assert not csrf_ok(session, None) and not csrf_ok(session, "") and not csrf_ok(session, session.csrf + "x")


def test_the_throttle_blocks_after_five_failures_a_minute_then_lets_go():
    clock = Clock()
    throttle = Throttle(clock=clock)
    for _ in range(4):
        throttle.failed()
    assert not throttle.blocked()
    throttle.failed()
    assert throttle.blocked() and 0 < throttle.wait_s() <= 61
    clock.now += 61
    assert not throttle.blocked()


def test_a_spoken_code_is_short_good_once_for_two_minutes_and_three_tries():
    from assistant.web.access import SPOKEN_S, SpokenCodes

    clock = Clock()
    codes = SpokenCodes(clock=clock)
    code = codes.new()
    assert len(code) == 6 and code.isdigit()
    assert codes.use(f"{code[:3]} {code[3:]}") and not codes.use(code)
    code = codes.new()
    wrong = "x" + code[1:]
    assert not codes.use(wrong) and not codes.use(wrong) and not codes.use(wrong)
    assert not codes.use(code)  # three wrong tries: void
    code = codes.new()
    clock.now += SPOKEN_S + 1
    assert not codes.use(code)
