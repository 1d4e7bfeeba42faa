"""Shared test setup: every test gets its own data directory and a clean environment.

``VOICE_JOURNAL_HOME`` points at a fresh temporary folder and every other
``VOICE_JOURNAL_*`` variable (except ``VOICE_JOURNAL_PROMPTS``, which tests and
the evening-stack rig use deliberately) and ``XDG_CONFIG_HOME`` are cleared,
so the person's real journal, config file and settings can never leak into a
test, nor a test write into them. ``XDG_RUNTIME_DIR`` is a private folder of
the test's own.

``voice`` runs a test twice: with scripted speech (no model, no espeak-ng)
and, marked ``stack``, with espeak-ng speaking to the real Korean model.
"""
from __future__ import annotations

import os

import pytest

from assistant.language.packs import load_language

KEEP = ("VOICE_JOURNAL_PROMPTS",)


@pytest.fixture(scope="module", params=["scripted", pytest.param("vosk", marks=pytest.mark.stack)])
def voice(request):
    """Something that ``say(text)``s audio, and the ``recognizers`` that hear it."""
    from tests.fakes import ScriptedVoice
    from tests.stack import RealVoice

    return ScriptedVoice() if request.param == "scripted" else RealVoice()


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path, tmp_path_factory, monkeypatch):
    for name in list(os.environ):
        if (name.startswith("VOICE_JOURNAL_") and name not in KEEP) or name == "XDG_CONFIG_HOME":
            monkeypatch.delenv(name)
    home = tmp_path / "voice-journal-home"
    monkeypatch.setenv("VOICE_JOURNAL_HOME", str(home))
    # With XDG_CONFIG_HOME unset the config file would be looked up in the real
    # ~/.config; an empty private folder stands in for it instead.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    # A runtime folder of the test's own: the product's short-lived files go there, and the sound libraries
    # (PulseAudio's client, asked by ALSA) leave no /tmp/pulse-* folder behind.
    runtime = tmp_path_factory.mktemp("xdg-runtime")  # (not in tmp_path, which some tests list)
    runtime.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    load_language.cache_clear()
    yield home
    load_language.cache_clear()
