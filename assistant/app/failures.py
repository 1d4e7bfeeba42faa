"""Failures said out loud: a Raspberry Pi with no screen has only its voice.

A full disk, a lost microphone or a missing speech model stop an evening
with a one-line message on stderr; nobody reads it on a Pi without a screen.
So the failure is also spoken, in the evening's language, from
``prompts/<lang>/failures.json``. If speaking fails too (no speaker, no
espeak-ng) nothing more is tried: the printed line is all there is, as
before.
"""
from __future__ import annotations

import errno
from functools import lru_cache
from typing import Callable

from assistant.audio.mic import MicrophoneLost
from assistant.datafile import read_json
from assistant.errors import UserError
from assistant.language.packs import prompts_root
from assistant.speech.catalogue import MODEL_MISSING_EXIT

KINDS = ("no_model", "microphone", "disk_full", "failed")
"""What can be said: the three failures a person can fix, and any other."""
FULL = {errno.ENOSPC, errno.EDQUOT}


class MicrophoneUnavailable(UserError):
    """No microphone could be opened: said like a lost one."""


class ModelUnavailable(UserError):
    """The speech model could not be found or loaded."""

    exit_code = MODEL_MISSING_EXIT


@lru_cache(maxsize=None)
def failure_phrases(code: str) -> dict[str, str]:
    path = prompts_root() / code / "failures.json"
    data = read_json(path)
    missing = [k for k in KINDS if not isinstance(data, dict) or not isinstance(data.get(k), str)]
    if missing:
        raise UserError(f"{path}: missing phrase(s) {', '.join(missing)}; fix the file and try again")
    return {k: data[k] for k in KINDS}


def failure_kind(exc: BaseException) -> str:
    """Which failure ``exc`` is: "no_model", "microphone", "disk_full" or "failed".

    The whole chain counts: ``raise UserError(...) from None`` still keeps
    the OSError it replaced as its context, and a message re-raised with
    more words keeps the original."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, (MicrophoneLost, MicrophoneUnavailable)):
            return "microphone"
        if isinstance(cause, ModelUnavailable) or (isinstance(cause, UserError) and cause.exit_code == MODEL_MISSING_EXIT):
            return "no_model"
        if isinstance(cause, OSError) and cause.errno in FULL:
            return "disk_full"
        cause = cause.__cause__ or cause.__context__
    return "failed"


def say_failure(mouth: Callable[[], object] | object, code: str, exc: BaseException) -> str | None:
    """Say what stopped the evening; returns what was said, or None when it
    could not be said (the caller prints the error either way).

    ``mouth``: a mouth, or a function that makes one (so a mouth is opened
    only when there is something to say)."""
    try:
        text = failure_phrases(code)[failure_kind(exc)]
        speaker = mouth() if callable(mouth) and not hasattr(mouth, "say") else mouth
        speaker.say(text)
        return text
    except Exception:  # no speaker, no espeak-ng, a broken phrase file: the printed line has to do
        return None
