"""Looking back: list, show, search, stats, export, import-journal, delete and chart.

The pure functions are table-tested; the commands run for real as
subprocesses over a journal built with the real Journal API.
"""
from __future__ import annotations

import csv
import io
import json
import os
import stat
import struct
import subprocess
import sys
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from assistant.audio.chunks import tone, write_wav
from assistant.cli.review import confirm
from assistant.journal import book as journal_module
from assistant.journal.book import Journal
from assistant.journal.queries import EntryFilter, text_matches
from assistant.journal.stats import stats, week_span
from assistant.language.dates import night_of
from assistant.language.packs import load_language
from assistant.render.text import with_sparklines

NOV = "2026-11"
ENTRIES = [
    # (created_at, language, prompt_set, prompt_text, transcript, feelings, themes, intensity, audio seconds)
    ("2026-11-02T21:00:00+01:00", "en", "micro-rejection", "Did a message go unanswered today?",
     "i texted maya on sunday and she still hasn't replied i felt lonely", ["lonely"], ["unanswered"], 4, 1.5),
    ("2026-11-02T21:03:00+01:00", "en", "small-wins", "What went well today, however small?",
     "i finished the report at work and felt proud", ["proud"], ["win"], 2, None),
    ("2026-11-10T22:40:00+01:00", "en", "micro-rejection", "Did you feel left out of something today?",
     "they all went to lunch without me i felt left out and sad", ["left out", "sad"], ["left-out"], 5, None),
    ("2026-11-11T00:30:00+01:00", "en", "checkin", "How was today, in a few words?",
     "nobody asked how my day was", [], ["unasked"], None, None),
    ("2026-11-23T21:10:00+01:00", "ko", "micro-rejection", "오늘 답장이 오지 않은 일이 있었나요?",
     "오늘 친구가 답장 을 안 해서 외로웠 어요", ["외로움"], ["unanswered"], 3, None),
    ("2026-11-23T21:14:00+01:00", "ko", "small-wins", "오늘 잘한 일은 무엇인가요?",
     "회사 에서 칭찬 을 받았어요", [], ["win"], 1, None),
]
N_WORDS = len(ENTRIES[0][4].split())
IDS = ["2026-11-02.1", "2026-11-02.2", "2026-11-10.1", "2026-11-11.1", "2026-11-23.1", "2026-11-23.2"]


def words_for(text: str) -> list[dict]:
    return [{"word": w, "start": round(0.4 * i, 2), "end": round(0.4 * i + 0.35, 2), "conf": 0.9}
            for i, w in enumerate(text.split())]


def build_journal(data_dir: Path, entries=ENTRIES) -> dict[str, dict]:
    """A journal made with the real API: one session per night, audio where given."""
    audio_dir = data_dir / "audio"
    made: dict[str, dict] = {}
    sessions: dict[str, str] = {}
    real_today = journal_module._local_today
    try:
        with Journal(data_dir / "journal", write=True) as journal:
            for created, lang, prompt_set, prompt, transcript, feelings, themes, intensity, seconds in entries:
                night = night_of({"created_at": created}).isoformat()
                if night not in sessions:
                    journal_module._local_today = lambda night=night: night
                    sessions[night] = journal.start_session(lang)
                audio = None
                if seconds:
                    rel = f"{night}/{sessions[night]}-1.wav"
                    write_wav(audio_dir / rel, [tone(440, seconds, 16000)])
                    audio = rel
                record = {"session": sessions[night], "created_at": created, "language": lang,
                          "prompt_id": f"{lang}-{prompt_set}-01", "prompt_set": prompt_set, "prompt_text": prompt,
                          "transcript": transcript, "words": words_for(transcript), "model": "test-model",
                          "duration_s": seconds or 2.0, "audio": audio, "feelings": feelings,
                          "intensity": intensity, "themes": themes}
                entry_id = journal.add_entry(record)
                journal.note_prompt_asked(sessions[night], record["prompt_id"])
                made[entry_id] = record
            for session_id in sessions.values():
                journal.end_session(session_id)
    finally:
        journal_module._local_today = real_today
    return made


def run(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VOICE_JOURNAL_", "XDG_"))}
    env.update(VOICE_JOURNAL_HOME=str(data_dir), XDG_CONFIG_HOME=str(data_dir.parent / "config"))
    return subprocess.run([sys.executable, "-m", "assistant", *args], env=env, capture_output=True, text=True,
                          timeout=120, input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL)


def one_line_error(result) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("review") / "data"
    build_journal(data)
    return data


@pytest.fixture
def own_home(tmp_path) -> Path:
    """A journal this test may change."""
    data = tmp_path / "data"
    build_journal(data)
    return data


# --- pure functions ------------------------------------------------------------------

def _entry(i: int) -> dict:
    created, lang, prompt_set, prompt, transcript, feelings, themes, intensity, _ = ENTRIES[i]
    return {"id": IDS[i], "created_at": created, "language": lang, "prompt_set": prompt_set, "prompt_text": prompt,
            "transcript": transcript, "feelings": feelings, "themes": themes, "intensity": intensity}


@pytest.mark.parametrize("keep, expected", [
    (EntryFilter(), IDS),
    (EntryFilter(since=date(2026, 11, 10)), IDS[2:]),
    (EntryFilter(until=date(2026, 11, 10)), IDS[:4]),                 # the 00:30 answer belongs to the 10th
    (EntryFilter(since=date(2026, 11, 10), until=date(2026, 11, 10)), IDS[2:4]),
    (EntryFilter(feeling="lonely"), IDS[:1]),
    (EntryFilter(feeling="외로움"), IDS[4:5]),
    (EntryFilter(theme="unanswered"), [IDS[0], IDS[4]]),
    (EntryFilter(theme="win", since=date(2026, 11, 20)), IDS[5:]),
    (EntryFilter(text="FELT"), [IDS[0], IDS[1], IDS[2]]),
    (EntryFilter(text="lunch without"), IDS[2:3]),
    (EntryFilter(text="lunch report"), []),                           # every word must match
    (EntryFilter(text="unanswered"), IDS[:1]),                        # the prompt counts too
    (EntryFilter(text="외로웠어요"), IDS[4:5]),                        # Vosk wrote "외로웠 어요"
    (EntryFilter(text="답장"), IDS[4:5]),
    (EntryFilter(text="칭찬 회사"), IDS[5:]),
])
def test_entry_filter(keep, expected):
    assert [e["id"] for e in map(_entry, range(len(ENTRIES))) if keep(e)] == expected


def test_spaces_are_ignored_only_in_joined_languages():
    english = {"language": "en", "transcript": "he art", "prompt_text": ""}
    assert not text_matches(english, ("heart",))
    korean = {"language": "ko", "transcript": "외로웠 어요", "prompt_text": ""}
    assert text_matches(korean, ("외로웠어요",))


def test_week_span_keeps_empty_weeks_and_counts_back():
    entries = [_entry(0), _entry(5)]
    assert week_span(entries, weeks=0) == [date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16), date(2026, 11, 23)]
    assert week_span(entries, weeks=2) == [date(2026, 11, 16), date(2026, 11, 23)]
    assert week_span(entries, weeks=2, until=date(2026, 11, 8)) == [date(2026, 10, 26), date(2026, 11, 2)]
    assert week_span([], weeks=4) == []


def test_stats_numbers():
    data = with_sparklines(stats(map(_entry, range(len(ENTRIES))), weeks=4, until=date(2026, 11, 29)))
    assert [w["week"] for w in data["weeks"]] == ["2026-W45", "2026-W46", "2026-W47", "2026-W48"]
    assert [w["entries"] for w in data["weeks"]] == [2, 2, 0, 2]
    assert [w["pebbles"] for w in data["weeks"]] == [1, 2, 0, 1]
    assert [w["mean_intensity"] for w in data["weeks"]] == [3.0, 5.0, None, 2.0]
    assert data["weeks"][0]["themes"] == {"unanswered": 1, "win": 1}
    assert data["sparklines"]["pebbles"] == "▅█▁▅"
    assert data["sparklines"]["intensity"] == "▃█ ▁"
    assert data["themes"] == [{"theme": "unanswered", "count": 2}, {"theme": "win", "count": 2},
                              {"theme": "left-out", "count": 1}, {"theme": "unasked", "count": 1}]
    assert data["feelings"][0] == {"feeling": "left out", "count": 1}  # ties: alphabetical
    assert {f["feeling"] for f in data["feelings"]} == {"lonely", "proud", "left out", "sad", "외로움"}
    assert (data["entries"], data["nights"]) == (6, 3)
    assert "unpleasant" in data["pebble_definition"]


@pytest.mark.parametrize("language, typed, yes", [
    ("en", "y\n", True), ("en", "YES\n", True), ("en", "n\n", False), ("en", "", False),
    ("ko", "네\n", True), ("ko", "응\n", True), ("ko", "y\n", True), ("ko", "아니요\n", False),
])
def test_confirm_takes_the_language_packs_yes_words(language, typed, yes):
    asked = io.StringIO()
    words = frozenset(load_language(language).typed_yes)
    assert confirm("Delete?", words, answers=io.StringIO(typed), prompt_to=asked) is yes
    assert asked.getvalue().startswith("Delete?")


# --- list, show, search ------------------------------------------------------------------

def test_list_is_newest_first_one_line_each(home):
    result = run(home, "list")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == IDS[::-1]
    first = lines[-1]
    assert "Mon 2026-11-02" in first and "micro-rejection" in first and "lonely #unanswered" in first
    assert "i texted maya on sunday and she still hasn't replied" in first and first.endswith("…")
    assert "2026-11-10" in lines[2]  # the 00:30 answer is listed under its night


@pytest.mark.parametrize("args, expected", [
    (["--since", "2026-11-10", "--until", "2026-11-10"], [IDS[3], IDS[2]]),
    (["--feeling", "loneliness"], [IDS[0]]),           # a variant finds the canonical word
    (["--feeling", "외로움", "--lang", "ko"], [IDS[4]]),
    (["--theme", "unanswered"], [IDS[4], IDS[0]]),
    (["--theme", "Left Out"], [IDS[2]]),
    (["--text", "felt"], [IDS[2], IDS[1], IDS[0]]),
    (["--limit", "2"], [IDS[5], IDS[4]]),
    (["--theme", "win", "--until", "2026-11-20"], [IDS[1]]),
])
def test_list_filters(home, args, expected):
    result = run(home, "list", "--json", *args)
    assert result.returncode == 0, result.stderr
    assert [e["id"] for e in json.loads(result.stdout)] == expected


@pytest.mark.parametrize("args, message", [
    (["--theme", "sadness"], "unknown theme 'sadness'"),
    (["--since", "november"], "'november' is not a date"),
    (["--since", "2026-11-20", "--until", "2026-11-01"], "swap them"),
])
def test_list_mistakes_are_one_line(home, args, message):
    assert message in one_line_error(run(home, "list", *args))


def test_show_prints_the_whole_entry(home):
    result = run(home, "show", IDS[0])
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Did a message go unanswered today?" in out
    assert "i texted maya on sunday and she still hasn't replied i felt lonely" in out
    assert "1.5 s" in out
    assert str(home / "audio" / "2026-11-02") in out and "(missing)" not in out
    assert f"{N_WORDS} (model test-model)" in out
    data = json.loads(run(home, "show", IDS[0], "--json").stdout)
    assert len(data["words"]) == N_WORDS and data["words"][0] == {"word": "i", "start": 0.0, "end": 0.35, "conf": 0.9}
    assert data["audio_exists"] is True and data["night"] == "2026-11-02"


@pytest.mark.parametrize("entry_id, message", [
    ("2026-11-02.9", "no entry 2026-11-02.9"),
    ("yesterday", "not a journal id"),
])
def test_show_unknown_id_is_one_line(home, entry_id, message):
    assert message in one_line_error(run(home, "show", entry_id))


@pytest.mark.parametrize("words, expected", [
    (["LUNCH", "without"], [IDS[2]]),
    (["report", "lunch"], []),
    (["unanswered"], [IDS[0]]),               # in the prompt
    (["외로웠어요"], [IDS[4]]),
    (["답장"], [IDS[4]]),
    (["칭찬", "회사"], [IDS[5]]),
])
def test_search_english_and_korean(home, words, expected):
    result = run(home, "search", *words, "--json")
    assert result.returncode == 0, result.stderr
    assert [e["id"] for e in json.loads(result.stdout)] == expected


def test_search_for_people_says_when_nothing_matches(home):
    result = run(home, "search", "zebra")
    assert result.returncode == 0 and result.stdout == "" and "No entries match" in result.stderr


# --- stats and chart --------------------------------------------------------------------------

def test_stats_command(home):
    result = run(home, "stats", "--weeks", "4", "--until", "2026-11-29", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [w["pebbles"] for w in data["weeks"]] == [1, 2, 0, 1]
    assert data["sparklines"]["pebbles"] == "▅█▁▅"
    text = run(home, "stats", "--weeks", "4", "--until", "2026-11-29").stdout
    assert "pebbles per week    ▅█▁▅" in text
    assert "mean intensity      ▃█ ▁" in text
    assert "2026-W46" in text and "left-out 1, unasked 1" in text


def test_chart_is_a_real_png(home, tmp_path):
    pytest.importorskip("cairosvg")
    from PIL import Image  # CairoSVG's own dependency

    out = tmp_path / "chart.png"
    result = run(home, "chart", "--out", str(out), "--weeks", "0", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["entries"] == 6
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    assert 600 <= width <= 3000 and 400 <= height <= 2000
    assert len(data) > 10_000
    pixels = np.asarray(Image.open(out).convert("RGB"))
    colours = np.unique(pixels.reshape(-1, 3), axis=0)
    assert len(colours) > 20
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_chart_wants_a_png_name(home, tmp_path):
    assert ".png" in one_line_error(run(home, "chart", "--out", str(tmp_path / "chart.jpg")))


# --- export ----------------------------------------------------------------------------------------

def test_export_markdown_reads_like_a_diary(home):
    result = run(home, "export", "--format", "md")
    assert result.returncode == 0, result.stderr
    md = result.stdout
    headings = [line for line in md.splitlines() if line.startswith("## ")]
    assert headings == ["## Monday, November 2nd, 2026", "## Tuesday, November 10th, 2026",
                        "## Monday, November 23rd, 2026"]
    assert "*Did a message go unanswered today?*\n\ni texted maya on sunday" in md
    tenth = md.split("## Tuesday, November 10th, 2026")[1].split("## ")[0]
    assert "nobody asked how my day was" in tenth  # the 00:30 answer, under its night
    assert md.index("i texted maya") < md.index("i finished the report")
    assert "— left out, sad · #left-out" in md


def test_export_markdown_in_korean_has_korean_dates(home):
    md = run(home, "--lang", "ko", "export", "--format", "md", "--since", "2026-11-20").stdout
    assert "## 2026년 11월 23일 월요일" in md and "회사 에서 칭찬 을 받았어요" in md


def test_export_csv_one_row_per_entry(home, tmp_path):
    out = tmp_path / "journal.csv"
    result = run(home, "export", "--format", "csv", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == IDS
    assert rows[2]["feelings"] == "left out; sad" and rows[3]["night"] == "2026-11-10"
    assert rows[3]["intensity"] == "" and rows[0]["duration_s"] == "1.5" and rows[4]["transcript"].startswith("오늘")


def test_export_json_is_full_fidelity(home, tmp_path):
    out = tmp_path / "journal.json"
    result = run(home, "export", "--format", "json", "--out", str(out), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"out": str(out), "format": "json", "entries": 6}
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "voice-journal-export" and data["version"] == 1
    assert [e["id"] for e in data["entries"]] == IDS
    assert len(data["sessions"]) == 3 and all(s["status"] == "finished" for s in data["sessions"])
    assert data["entries"][0]["words"] == words_for(ENTRIES[0][4])


def test_export_to_a_missing_folder_is_one_line(home, tmp_path):
    assert "does not exist" in one_line_error(run(home, "export", "--out", str(tmp_path / "no" / "x.md")))


def _everything(data_dir: Path) -> tuple[list, list]:
    with Journal(data_dir / "journal", write=False) as journal:
        entries = [journal.entry(e["id"]) for e in journal.iter_entries()]
        return entries, journal.sessions()


def test_json_export_and_import_journal_round_trip(home, tmp_path):
    exported = tmp_path / "export.json"
    assert run(home, "export", "--format", "json", "--out", str(exported)).returncode == 0
    fresh = tmp_path / "fresh"
    result = run(fresh, "import-journal", str(exported), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"entries_imported": 6, "entries_skipped": 0,
                                         "sessions_imported": 3, "sessions_skipped": 0}
    assert _everything(fresh) == _everything(home)  # every field, words included, same ids
    again = run(fresh, "import-journal", str(exported), "--json")
    assert json.loads(again.stdout) == {"entries_imported": 0, "entries_skipped": 6,
                                        "sessions_imported": 0, "sessions_skipped": 3}
    assert _everything(fresh) == _everything(home)
    with Journal(fresh / "journal", write=True) as journal:  # new ids carry on after the imported ones
        new_id = journal.add_entry({"created_at": "2026-11-02T23:00:00+01:00", "transcript": "later"})
    assert new_id == "2026-11-02.3"


def test_import_journal_skips_ids_already_there(own_home, tmp_path):
    exported = tmp_path / "export.json"
    run(own_home, "export", "--format", "json", "--out", str(exported))
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["entries"][0]["transcript"] = "changed elsewhere"
    exported.write_text(json.dumps(data), encoding="utf-8")
    assert run(own_home, "delete", IDS[1], "--yes").returncode == 0
    result = run(own_home, "import-journal", str(exported))
    assert result.returncode == 0, result.stderr
    assert "Imported 1 entries" in result.stderr and "skipped 5 entries" in result.stderr
    entries, _ = _everything(own_home)
    assert [e["id"] for e in entries] == IDS
    assert entries[0]["transcript"] != "changed elsewhere"  # an existing id is never overwritten


@pytest.mark.parametrize("content, message", [
    ("not json", "not a JSON export"),
    ('{"entries": []}', "not a voice-journal export"),
    ('{"format": "voice-journal-export", "version": 99, "sessions": [], "entries": []}', "upgrade voice-journal"),
    ('{"format": "voice-journal-export", "version": 1, "sessions": [], "entries": [{"id": "x"}]}', "no valid id"),
])
def test_import_journal_refuses_a_bad_file_in_one_line(tmp_path, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    assert message in one_line_error(run(tmp_path / "data", "import-journal", str(bad)))


# --- delete ------------------------------------------------------------------------------------------

def test_delete_with_yes_removes_entry_and_audio(own_home):
    audio = own_home / "audio" / json.loads(run(own_home, "show", IDS[0], "--json").stdout)["audio"]
    assert audio.is_file()
    result = run(own_home, "delete", IDS[0], "--yes", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"id": IDS[0], "deleted": True, "audio_removed": str(audio)}
    assert not audio.exists()
    assert "no entry" in one_line_error(run(own_home, "show", IDS[0]))
    assert [e["id"] for e in json.loads(run(own_home, "list", "--json").stdout)] == IDS[1:][::-1]


def test_delete_asks_and_no_answer_keeps_the_entry(own_home):
    result = run(own_home, "delete", IDS[0])  # stdin is empty: no
    assert result.returncode == 1
    assert f'Delete entry {IDS[0]} (2026-11-02, "Did a message go unanswered today?")? [y/N]' in result.stderr
    assert run(own_home, "show", IDS[0]).returncode == 0
    result = run(own_home, "delete", IDS[0], stdin="n\n")
    assert result.returncode == 1 and run(own_home, "show", IDS[0]).returncode == 0
    result = run(own_home, "delete", IDS[0], stdin="y\n")
    assert result.returncode == 0, result.stderr
    assert run(own_home, "show", IDS[0]).returncode != 0


@pytest.mark.parametrize("entry_id, message", [
    ("2026-11-02.7", "no entry 2026-11-02.7"),
    ("2026-12-01.1", "no entry 2026-12-01.1"),
    ("last", "not a journal id"),
])
def test_delete_unknown_id_is_one_line(own_home, entry_id, message):
    assert message in one_line_error(run(own_home, "delete", entry_id, "--yes"))


def test_commands_on_an_empty_journal(tmp_path):
    empty = tmp_path / "data"
    assert json.loads(run(empty, "list", "--json").stdout) == []
    assert json.loads(run(empty, "stats", "--json").stdout)["entries"] == 0
    assert "no entry" in one_line_error(run(empty, "delete", "2026-11-02.1", "--yes"))
    assert not (empty / "journal").exists()
