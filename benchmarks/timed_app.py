"""Run the app (``python -m assistant``'s main) with timers around the steps of a save.

Used by ``session.py --breakdown`` instead of ``-m assistant``. It wraps, if
this version of the product has them: Listener._close (final result and
command check), Listener.listen (how long after the end was detected it
returned: adds recognizer teardown and the microphone stop), Answer.close
(WAV header + fsync), Journal.add_entry (durable journal write) and
EveningSession._save (all of the saving). Each call prints one line on
stderr: ``BENCH-TIMING {"what": ..., "ms": ...}``. Nothing else changes.
"""
from __future__ import annotations

import functools
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _report(what: str, ms: float) -> None:
    print("BENCH-TIMING " + json.dumps({"what": what, "ms": round(ms, 2)}), file=sys.stderr, flush=True)


def _wrap(owner, name: str, label: str) -> None:
    original = getattr(owner, name, None)
    if original is None:
        return

    @functools.wraps(original)
    def timed(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            _report(label, (time.perf_counter() - t0) * 1000)

    setattr(owner, name, timed)


def install() -> None:
    from assistant.journal import book as journal
    from assistant.conversation import listening
    from assistant.conversation import session

    _wrap(listening.Listener, "_close", "final result (Listener._close)")
    _wrap(listening.Answer, "close", "WAV close + fsync (Answer.close)")
    _wrap(journal.Journal, "add_entry", "journal write (Journal.add_entry)")
    _wrap(session.EveningSession, "_save", "whole save (EveningSession._save)")
    listen = getattr(listening.Listener, "listen", None)
    if listen is not None:
        @functools.wraps(listen)
        def timed_listen(*args, **kwargs):
            outcome = listen(*args, **kwargs)
            at = getattr(outcome, "at", None)
            if at is not None:
                _report("end detected -> listen returned", (time.perf_counter() - at) * 1000)
            return outcome

        listening.Listener.listen = timed_listen


if __name__ == "__main__":
    install()
    from assistant.cli.main import main

    sys.exit(main(sys.argv[1:]))
