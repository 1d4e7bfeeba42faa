"""One journal entry, built and tagged in one place (evening, recovery, import)."""
from __future__ import annotations

import pytest

from assistant.conversation import entry as entry_module
from assistant.conversation.entry import new_entry, tags_of
from assistant.errors import UserError

FIELDS = dict(session="2026-11-23.1", created_at="2026-11-23T21:00:00+01:00", language="en", prompt_id="p",
              prompt_set="checkin", prompt_text="How was today?", words=[], model="m", duration_s=1.5, audio=None)


def test_an_entry_is_tagged_from_its_words():
    entry = new_entry(transcript="i felt lonely at work today", **FIELDS)
    assert "lonely" in entry["feelings"] and isinstance(entry["themes"], list)
    assert entry["transcript"] == "i felt lonely at work today" and entry["prompt_set"] == "checkin"


def test_extra_fields_are_kept():
    assert new_entry(transcript="", recovered=True, **FIELDS)["recovered"] is True


def test_nothing_said_is_not_tagged(monkeypatch):
    monkeypatch.setattr(entry_module, "tag", lambda *a: pytest.fail("tagged an empty transcript"))
    assert tags_of("  ", "en") == {"feelings": [], "themes": []}


def test_a_tagging_failure_keeps_the_words_with_one_warning(monkeypatch, capsys):
    def broken(text, language):
        raise UserError("prompts/en/feelings.json: not valid JSON at line 3, column 1; fix the file and try again")

    monkeypatch.setattr(entry_module, "tag", broken)
    entry = new_entry(transcript="i felt lonely", **FIELDS)
    assert entry["transcript"] == "i felt lonely"
    assert entry["feelings"] == [] and entry["themes"] == []
    warning = capsys.readouterr().err
    assert warning.count("\n") == 1 and "feelings.json" in warning and "kept" in warning
