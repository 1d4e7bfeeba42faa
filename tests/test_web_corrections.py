"""Corrected tags win over tagging again: a transcript edited after a tag
correction (on the page, with ``retag``, by voice) keeps that correction,
and what was heard can still be put back."""
from __future__ import annotations

import pytest

from assistant.journal import corrections
from assistant.journal.book import Journal
from assistant.language.feelings import load_vocabulary
from tests.cli_helpers import run_cli
from tests.web_helpers import build_journal, client_for, csrf_of, make_site

HEARD = "my friend never wrote back and i felt lonely"


def _entry(**extra):
    return {"id": "2026-11-23.1", "language": "en", "transcript": HEARD, "feelings": ["lonely"],
            "themes": ["unanswered"], "intensity": 5, **extra}


def _unlogged(entry, **wanted):
    """A correction as ``retag`` and the voice make it: the fields change, the log does not."""
    return {**entry, **corrections.corrected_tags(entry, load_vocabulary("en"), **wanted)}


def test_a_tag_taken_out_without_a_log_stays_out_after_an_edit():
    entry = _unlogged(_entry(), remove=["lonely"], themes_remove=["unanswered"])
    assert entry["feelings"] == [] and entry["themes"] == []
    edited = {**entry, **corrections.transcript_changes(entry, HEARD + " again, and nobody invited me to the party i felt left out")}
    assert "lonely" not in edited["feelings"] and "unanswered" not in edited["themes"]
    assert "left out" in edited["feelings"] and "left-out" in edited["themes"]  # what the new words give comes


def test_a_tag_put_in_without_a_log_stays_after_an_edit_that_drops_its_words():
    entry = _unlogged(_entry(), add=["hurt"], themes_add=["ignored"])
    edited = {**entry, **corrections.transcript_changes(entry, "i had a quiet evening")}
    assert "hurt" in edited["feelings"] and "ignored" in edited["themes"]
    assert "lonely" not in edited["feelings"]  # only the misheard words gave it: it goes


def test_a_logged_correction_undone_by_retag_stays_as_retag_left_it():
    vocabulary = load_vocabulary("en")
    entry = _entry()
    entry = {**entry, **corrections.tag_changes(entry, vocabulary, add=["hurt"])}  # the page: logged
    entry = _unlogged(entry, remove=["hurt"])  # then retag takes it out again
    edited = {**entry, **corrections.transcript_changes(entry, "i felt hurt and lonely")}
    assert "hurt" not in edited["feelings"] and "lonely" in edited["feelings"]


def test_putting_back_what_was_heard_keeps_the_corrected_tags():
    entry = _unlogged(_entry(), remove=["lonely"], add=["hurt"])
    edited = {**entry, **corrections.transcript_changes(entry, "my friend never answered")}
    restored = {**edited, **corrections.restore_changes(edited)}
    assert restored["transcript"] == HEARD and restored["heard"] is None
    assert restored["feelings"] == ["hurt"]


@pytest.fixture
def built(tmp_path):
    return build_journal(tmp_path)


def test_on_the_page_an_edit_after_a_tag_correction_keeps_it(built):
    client = client_for(make_site(built))
    entry_id = built.ids["recorded"]
    csrf = csrf_of(client)
    assert client.post(f"/entry/{entry_id}/tags", data={"csrf": csrf, "feelings": "hurt", "theme": ["ignored"]}
                       ).status_code == 303
    assert client.post(f"/entry/{entry_id}/transcript",
                       data={"csrf": csrf, "transcript": HEARD + " and nobody asked me"}).status_code == 303
    with Journal(built.paths.journal_dir, write=False) as journal:
        entry = journal.entry(entry_id, with_words=False)
    assert entry["feelings"] == ["hurt"] and "unanswered" not in entry["themes"] and "ignored" in entry["themes"]
    assert entry["heard"] == HEARD


def test_on_the_page_an_edit_after_retag_keeps_the_retag(built):
    entry_id = built.ids["recorded"]
    result = run_cli(built.paths.data_dir, "retag", entry_id, "--remove", "lonely", "--add", "hurt")
    assert result.returncode == 0, result.stderr
    client = client_for(make_site(built))
    assert client.post(f"/entry/{entry_id}/transcript",
                       data={"csrf": csrf_of(client), "transcript": HEARD + " all evening"}).status_code == 303
    with Journal(built.paths.journal_dir, write=False) as journal:
        entry = journal.entry(entry_id, with_words=False)
    assert entry["feelings"] == ["hurt"] and entry["transcript"] == HEARD + " all evening"
    assert client.post(f"/entry/{entry_id}/restore", data={"csrf": csrf_of(client)}).status_code == 303
    with Journal(built.paths.journal_dir, write=False) as journal:
        entry = journal.entry(entry_id, with_words=False)
    assert entry["transcript"] == HEARD and entry["feelings"] == ["hurt"]


def test_a_tag_corrected_on_the_page_is_learned_for_the_next_answer_said_the_same_way(built):
    from assistant.app.retag import learned_cues
    from assistant.language.tagging import tag

    entry_id = built.ids["recorded"]
    with Journal(built.paths.journal_dir, write=False) as journal:
        heard = journal.entry(entry_id, with_words=False)
    later = heard["transcript"]
    assert "hurt" not in tag(later, "en").feelings  # the tagger alone does not say hurt
    client = client_for(make_site(built))
    assert client.post(f"/entry/{entry_id}/tags", data={"csrf": csrf_of(client), "feelings": "hurt"}).status_code == 303
    assert "hurt" in tag(later, "en", learned_cues(built.paths.journal_dir, "en")).feelings
