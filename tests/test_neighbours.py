"""The labelled answers nearest to a new one lend it their themes: the index built, read back, blended
with the learned layer, shipped for English only, and a damaged file is one line, never a traceback."""
from __future__ import annotations

import re

import pytest

from assistant.errors import UserError
from assistant.language import neighbours as nearest
from assistant.language import tagging, train_tagger
from assistant.language.learned import Score
from assistant.language.matching import Text
from assistant.language.neighbours import (COMMONEST, FEWEST_WORDS, NEAREST, SHARE, blended, index, leaning,
                                           load_neighbours,
                                           neighbours_path, parse_neighbours)

LABELS = ("unanswered", "win", "cancelled")
FILLER = [(f"the weather was grey on day number {n} of the month", []) for n in range(400)]
"""Lines enough that the words of the ones below are each under :data:`COMMONEST` of them."""
ROWS = [("texted my sister twice and she never wrote back", ["unanswered"]),
        ("texted my brother and he never wrote back at all", ["unanswered"]),
        ("passed my driving test on the second go", ["win"]),
        ("finally passed my driving test today", ["win"]),
        ("the picnic got rained off", ["cancelled"])] + FILLER


def _index(rows=ROWS):
    return parse_neighbours(index(rows, LABELS, "test"))


def test_the_nearest_answers_lend_their_themes():
    near = _index().themes(Text.of("my cousin never wrote back to me"))
    assert near["unanswered"] > 0.9 and near["win"] < 0.1 and near["cancelled"] == 0.0
    passed = _index().themes(Text.of("passed my theory test"))
    assert passed["win"] > 0.9 and passed["unanswered"] < 0.1


def test_an_answer_sharing_no_telling_word_has_no_neighbours():
    assert set(_index().themes(Text.of("zebra xylophone")).values()) == {0.0}


def test_words_said_everywhere_say_nothing():
    # "the" and "was" are in over COMMONEST of the lines: left out, so a line of them alone has no neighbours
    built = index(ROWS, LABELS, "test")
    assert "w:the" not in built["said_in"] and "w:was" not in built["said_in"]
    assert "w:wrote" in built["said_in"] and "b:wrote back" in built["said_in"]
    assert 2 / len(ROWS) <= COMMONEST
    assert set(_index().themes(Text.of("the was")).values()) == {0.0}


def test_only_the_nearest_few_count():
    # more identical "win" lines than NEAREST fill the nearest places; the less alike "cancelled" ones get none
    filler = [(f"the weather was grey on day number {n}", []) for n in range(2000)]
    rows = [("passed my test today", ["win"])] * (NEAREST + 5) + [("passed my exam", ["cancelled"])] * 3 + filler
    built = parse_neighbours(index(rows, LABELS, "t"))
    assert built.themes(Text.of("passed my test today")) == {"unanswered": 0.0, "win": pytest.approx(1.0),
                                                              "cancelled": 0.0}
    near = built.themes(Text.of("passed my exam"))
    assert near["cancelled"] > 0.5 and sum(near.values()) == pytest.approx(1.0)


def test_blended_mixes_themes_only_and_keeps_the_evidence():
    scores = {"unanswered": Score(0.2, ((3, 5),)), "win": Score(0.6, ()), "pleasant": Score(0.9, ())}
    words = Text.of("my cousin never wrote back to me after i sent her the photos from the weekend")
    near = _index().themes(words)
    out = blended(scores, leaning(_index(), words))
    assert out["unanswered"].probability == pytest.approx((1 - SHARE) * 0.2 + SHARE * near["unanswered"])
    assert out["unanswered"].probability > 0.5 and out["unanswered"].evidence == ((3, 5),)
    assert out["win"].probability == pytest.approx((1 - SHARE) * 0.6 + SHARE * near["win"])
    assert out["win"].probability < 0.6
    assert out["pleasant"] == scores["pleasant"]
    assert blended(scores, leaning(None, words)) is scores
    # a short answer is left to the learned layer (FEWEST_WORDS)
    assert leaning(_index(), Text.of("my cousin never wrote back")) == {}
    assert blended(scores, {}) is scores
    assert len(Text.of("my cousin never wrote back").tokens) < FEWEST_WORDS <= len(words.tokens)


def test_the_index_file_is_gzipped_the_same_each_time_and_read_back(tmp_path):
    content = index(ROWS, LABELS, "abc")
    first, second = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    nearest.write(first, content)
    nearest.write(second, content)
    assert first.read_bytes() == second.read_bytes() and first.read_bytes()[:2] == b"\x1f\x8b"
    assert nearest.read(first) == content


@pytest.mark.parametrize("damage", [b"not gzip at all", b"\x1f\x8b\x08\x00broken"])
def test_a_damaged_index_is_one_line_naming_the_file(tmp_path, damage):
    path = tmp_path / "neighbours.json.gz"
    path.write_bytes(damage)
    with pytest.raises(UserError) as caught:
        nearest.read(path)
    assert str(path) in str(caught.value) and "reinstall voice-journal" in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("content", [None, [], {"version": 99}, {"version": 1, "labels": ["win"]},
                                     {"version": 1, "labels": ["win"], "lines": [[0]], "said_in": {"w:a": ["x"]}}])
def test_an_index_of_another_shape_is_not_read(content):
    assert parse_neighbours(content) is None


def test_english_ships_an_index_built_from_the_corpus_and_korean_none():
    assert train_tagger.NEIGHBOURS == ("en",)
    path = neighbours_path("en")
    assert path.stat().st_size < 1_800_000  # 1.5 MB for 25,138 lines (about 25 MB once loaded)
    shipped = load_neighbours("en")
    assert shipped is not None and shipped.labels == tagging.THEMES
    also = train_tagger.READ_FOR_NEIGHBOURS["en"]
    assert len(shipped.lines) == len(train_tagger.read_corpus("en", themes=True)) + sum(
        len(train_tagger.DATA.joinpath(name).read_text(encoding="utf-8").splitlines()) for name in also)
    # the sets nobody has read stay out of it, so they still tell how it does on new speech
    assert not {f"tagging_heldout{n}_en.jsonl" for n in train_tagger.NEVER_READ} & set(also)
    assert "tagging_heldout443_en.jsonl" not in also and "tagging_heldout449_en.jsonl" in also
    assert load_neighbours("ko") is None and not neighbours_path("ko").exists()


def test_the_shipped_index_keeps_a_theme_the_learned_layer_alone_takes_off(monkeypatch):
    """A curt reply told in few words: the rules find a cold shoulder in "just said k"; the learned layer alone
    finds it unlikely and takes it off, the nearest labelled answers (cold shoulders) keep it."""
    text = "asked my sister if she wanted to split the cost of the present and she just said k and nothing else"
    explained = tagging.explain(text, "en")
    assert explained.why["themes"].get("cold-shoulder") == "just said k"
    assert "cold-shoulder" not in explained.set_aside["themes"]
    monkeypatch.setattr(tagging, "load_neighbours", lambda language: None)
    alone = tagging.explain(text, "en")
    assert "cold-shoulder" not in alone.tags.themes
    assert "the learned layer finds it unlikely" in alone.set_aside["themes"]["cold-shoulder"]


def test_a_long_answer_reads_its_rarest_words_first_up_to_a_budget(monkeypatch):
    # "wrote back" is said in 2 lines, "driving test" in 2: with room for only 2 lines, the words read first are
    # the rarest (ties: as said), and the rest are left, so a very long answer costs no more than a middling one
    words = Text.of("passed my driving test and then texted my sister and she never wrote back")
    everything = _index().themes(words)
    assert everything["unanswered"] > 0 and everything["win"] > 0
    monkeypatch.setattr(nearest, "READ_AT_MOST", 2)
    budgeted = _index().themes(words)
    assert sorted(v > 0 for v in budgeted.values()) == [False, False, True]


def test_a_theme_the_nearest_answers_lead_to_says_so(monkeypatch):
    """A plan called off told without "cancelled": the nearest labelled answers are plans called off, and
    ``tag`` says they led to it."""
    text = ("my wife said shed come to my first choir concert and then texted an hour before saying work ran late so"
            " i went on my own")
    explained = tagging.explain(text, "en")
    said = explained.why["themes"]["cancelled"]
    assert re.fullmatch(r"[a-z' …]+ \(learned; the nearest labelled answers tell it, (0\.[5-9]\d|1\.00)\)", said), said
    # and they take off the win the word lists read in "went on my own", which none of them tells
    assert explained.tags.themes == ("cancelled",) and "win" in explained.set_aside["themes"]
    monkeypatch.setattr(tagging, "load_neighbours", lambda language: None)
    alone = tagging.explain(text, "en")
    assert alone.tags.themes == ("cancelled", "win") and alone.why["themes"]["cancelled"].endswith(" (learned)")


def test_a_stale_index_is_named_with_the_command_that_rebuilds_it(tmp_path):
    (tmp_path / "tagging_en.jsonl").write_text('{"text": "a new line", "feelings": [], "themes": ["win"]}\n',
                                               encoding="utf-8")
    found = train_tagger.stale("en", tmp_path)
    assert [path.name for path, _ in found] == ["learned.json", "neighbours.json.gz"]
    assert found[1][1] == "run: python -m assistant.language.train_tagger en --neighbours"
    assert not train_tagger.is_current("en", tmp_path)
    assert train_tagger.stale("en") == [] and train_tagger.stale("ko") == []
