"""Learning the person's words from corrections: the cues, a replayed journal, and `voice-journal tag ID`."""
from __future__ import annotations

import json

import pytest

from assistant.app.retag import learned_cues, relearn, remember
from assistant.journal.book import Journal
from assistant.language.personal import PersonalCues, cues_path, load_cues
from assistant.language.tagging import explain, tag
from tests.cli_helpers import run_cli

# A person's corrected answers: what was said, the tags the tagger gave, and the tags they left.
CORRECTED = [
    ("en", "ate dinner at my desk again while everyone went home", {"feelings": ["lonely"]}, {}),
    ("en", "my sister phoned and we did the crossword over the phone", {"themes": ["connection"]}, {}),
    ("en", "i'm so happy to be stuck on this spreadsheet all weekend", {}, {"feelings": ["happy"]}),
    ("ko", "퇴근하고 편의점 에서 혼자 컵라면 먹었어", {"feelings": ["외로움"]}, {}),
    ("ko", "오늘 도 엄마 한테 잔소리 들었어", {"feelings": ["속상함"]}, {}),
]
# Later answers phrased the same way, and what the corrections should make of them.
LATER = [
    ("en", "ate dinner at my desk again tonight", "feelings", "lonely", True),
    ("en", "we did the crossword together on sunday", "themes", "connection", True),
    ("en", "honestly so happy to be stuck on this spreadsheet", "feelings", "happy", False),
    ("ko", "오늘 도 편의점에서 혼자 컵라면 먹었어요", "feelings", "외로움", True),
    ("ko", "또 엄마한테 잔소리 들었어요", "feelings", "속상함", True),
]
# Answers that share nothing with the corrections keep the tagger's tags.
UNRELATED = [("en", "i had dinner with friends and felt happy"), ("ko", "친구랑 저녁 먹고 즐거웠어요")]


def _journal_of_corrections(folder):
    """A journal whose entries carry the person's corrected tags (as every way of correcting leaves them)."""
    with Journal(folder) as journal:
        for language, text, added, removed in CORRECTED:
            session = journal.start_session(language)
            auto = tag(text, language).as_dict()
            tags = {k: [t for t in auto[k] if t not in removed.get(k, [])] + added.get(k, []) for k in auto}
            journal.add_entry({"session": session, "language": language, "prompt_id": f"{language}-checkin-01",
                               "transcript": text, "words": [], **tags})


def test_replaying_a_journal_of_corrections_teaches_its_words(tmp_path):
    folder = tmp_path / "journal"
    _journal_of_corrections(folder)
    with Journal(folder, write=False) as journal:
        assert relearn(journal) == {"en": 3, "ko": 2}
    for language, text, kind, name, wanted in LATER:
        assert name not in getattr(tag(text, language), kind) or not wanted  # the word lists alone miss these
        result = explain(text, language, learned_cues(folder, language))
        assert (name in result.why[kind]) == wanted, (text, result.why)
        if wanted:
            assert result.why[kind][name].endswith("(your words)")
    for language, text in UNRELATED:
        assert tag(text, language, learned_cues(folder, language)) == tag(text, language)


def test_the_cues_file_holds_no_words_in_the_clear(tmp_path):
    folder = tmp_path / "journal"
    _journal_of_corrections(folder)
    with Journal(folder, write=False) as journal:
        relearn(journal)
    stored = cues_path(folder).read_text(encoding="utf-8")
    assert "crossword" not in stored and "컵라면" not in stored and "desk" not in stored
    assert (cues_path(folder).stat().st_mode & 0o777) == 0o600


def test_remember_one_correction_and_a_later_one_wins(tmp_path):
    entry = {"transcript": "walked past the old school on the way home", "feelings": [], "themes": ["memory"]}
    remember(tmp_path, entry, {"feelings": ["wistful"], "themes": ["memory"]}, "en")
    cues = learned_cues(tmp_path, "en")
    assert explain("walked past the old school today", "en", cues).tags.feelings == ("wistful",)
    remember(tmp_path, {**entry, "feelings": ["wistful"]}, {"feelings": []}, "en")
    assert "wistful" not in explain("walked past the old school today", "en", learned_cues(tmp_path, "en")).tags.feelings


def test_a_damaged_cues_file_is_no_cues(tmp_path):
    cues_path(tmp_path).write_text("{not json", encoding="utf-8")
    assert load_cues(cues_path(tmp_path), "en", False) == PersonalCues("en", False)


@pytest.fixture
def corrected_entry(tmp_path):
    with Journal(tmp_path / "data" / "journal") as journal:
        session = journal.start_session("en")
        return journal.add_entry({"session": session, "language": "en", "prompt_id": "en-checkin-01",
                                  "transcript": "she left me on read and i felt lonely but i passed my driving test so a bit proud",
                                  "feelings": ["lonely", "hurt"], "themes": ["unanswered"], "words": []})


def test_tag_id_says_why_an_entry_has_each_tag(tmp_path, corrected_entry):
    result = run_cli(tmp_path / "data", "tag", corrected_entry)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1] == 'feelings: lonely ("lonely"), hurt (set by you), not proud (you took it off)'
    assert lines[2] == 'themes: unanswered ("left me on read"), not win (you took it off)'
    data = json.loads(run_cli(tmp_path / "data", "tag", corrected_entry, "--json").stdout)
    assert data["why"]["feelings"] == {"lonely": "lonely", "hurt": None}
    assert data["removed"]["feelings"] == ["proud"]


def test_retag_teaches_and_tag_text_uses_it(tmp_path, corrected_entry):
    assert run_cli(tmp_path / "data", "retag", corrected_entry, "--add", "embarrassed").returncode == 0
    result = run_cli(tmp_path / "data", "tag", "--json", "she left me on read again")
    assert json.loads(result.stdout)["why"]["feelings"]["embarrassed"].endswith("(your words)")


def test_korean_text_without_lang_is_read_as_korean(tmp_path):
    result = run_cli(tmp_path / "data", "tag", "--json", "오늘은 외롭지 않았어 그냥 피곤했어")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["feelings"] == ["피곤함"]
    assert "'ko'" in result.stderr and len(result.stderr.strip().splitlines()) == 1
