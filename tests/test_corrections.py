"""Correcting what it heard: the transcript (kept, restorable, tagged again) and the tags."""
from __future__ import annotations

import pytest

from assistant.errors import UserError
from assistant.journal import corrections
from assistant.journal.book import Journal
from assistant.language.feelings import load_vocabulary

HEARD = "my friend never wrote back and i felt lonely"


def _entry(**extra):
    return {"id": "2026-11-23.1", "language": "en", "transcript": HEARD, "feelings": ["lonely"],
            "themes": ["unanswered"], "intensity": 5, **extra}


def _after(entry, changes):
    return {**entry, **changes}


def test_a_corrected_transcript_keeps_what_was_heard_and_is_tagged_again():
    entry = _entry()
    changes = corrections.transcript_changes(entry, "my friend never wrote back  and i felt left out")
    assert changes["transcript"] == "my friend never wrote back and i felt left out"
    assert changes["heard"] == HEARD
    assert changes["feelings"] == ["left out"] and changes["themes"] == ["unanswered", "left-out"]
    assert changes["corrections"][-1]["field"] == "transcript" and changes["corrections"][-1]["was"] == HEARD
    corrected = _after(entry, changes)
    assert corrections.is_corrected(corrected) and corrections.heard_transcript(corrected) == HEARD
    again = _after(corrected, corrections.transcript_changes(corrected, "i felt left out"))
    assert again["heard"] == HEARD  # the first recognised text stays


def test_restoring_puts_back_what_was_heard_and_its_tags():
    entry = _entry()
    corrected = _after(entry, corrections.transcript_changes(entry, "i felt proud of myself"))
    restored = _after(corrected, corrections.restore_changes(corrected))
    assert restored["transcript"] == HEARD and restored["feelings"] == ["lonely"] and restored["themes"] == ["unanswered"]
    assert restored["heard"] is None and not corrections.is_corrected(restored)
    assert corrections.restore_changes(restored) == {}


def test_feelings_the_person_named_survive_a_corrected_transcript():
    entry = _entry(feelings=["lonely", "tired"])  # "tired" named in the naming step, not in the words
    changes = corrections.transcript_changes(entry, "my friend never wrote back")
    assert changes["feelings"] == ["tired"]


def test_tags_the_person_corrected_stay_corrected():
    vocabulary = load_vocabulary("en")
    entry = _entry()
    entry = _after(entry, corrections.tag_changes(entry, vocabulary, remove=["lonely"], add=["hurt"]))
    assert entry["feelings"] == ["hurt"]
    entry = _after(entry, corrections.transcript_changes(entry, HEARD + " again"))
    assert entry["feelings"] == ["hurt"]  # "lonely" was taken out by the person: the text does not bring it back


def test_tag_changes_are_logged_and_checked():
    vocabulary = load_vocabulary("en")
    entry = _entry()
    changes = corrections.tag_changes(entry, vocabulary, add=["gutted"], themes_add=["left-out"], intensity=0)
    assert changes["feelings"] == ["lonely", "disappointed"] and changes["themes"] == ["unanswered", "left-out"]
    assert changes["intensity"] is None
    assert [c["field"] for c in changes["corrections"]] == ["feelings", "themes", "intensity"]
    assert corrections.tag_changes(entry, vocabulary, add=["lonely"]) == {}
    for bad in ({"add": ["banana"]}, {"themes_add": ["sadness"]}, {"intensity": 11}):
        with pytest.raises(UserError):
            corrections.tag_changes(entry, vocabulary, **bad)


def test_corrections_are_written_to_the_journal(tmp_path):
    with Journal(tmp_path / "j") as journal:
        entry_id = journal.add_entry({"session": "s", "language": "en", "transcript": HEARD, "feelings": ["lonely"],
                                      "themes": ["unanswered"], "words": []})
        entry = journal.entry(entry_id, with_words=False)
        corrections.apply(journal, entry_id, corrections.transcript_changes(entry, "i felt proud"))
        assert [e["id"] for e in journal.search("proud")] == [entry_id]
        assert journal.search("lonely") == []
        assert journal.entry(entry_id)["heard"] == HEARD
