"""The set-up script runs with a bare system Python, before anything is installed."""
from __future__ import annotations

import ast
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import assistant.bootstrap as bootstrap
from assistant.paths import default_paths
from assistant.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent


def test_it_imports_only_the_standard_library():
    tree = ast.parse(Path(bootstrap.__file__).read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module and node.level == 0}
    assert imported <= set(sys.stdlib_module_names) | {"__future__"}, imported
    package_init = (ROOT / "assistant" / "__init__.py").read_text(encoding="utf-8")
    assert not [n for n in ast.parse(package_init).body if isinstance(n, (ast.Import, ast.ImportFrom))]


def test_python_dash_m_finds_it_from_the_checkout_with_no_site_packages():
    result = subprocess.run([sys.executable, "-S", "-m", "assistant.bootstrap", "--help"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    assert "python3 -m assistant.bootstrap" in result.stdout


# --- the first evening: the language remembered, no doomed session ---------------------------


@pytest.fixture
def set_up(monkeypatch, capsys):
    """The set-up with apt and pip already done (this checkout's .venv), the
    download answered by ``downloaded``, and the final exec recorded."""
    started: list[list[str]] = []
    monkeypatch.setattr(bootstrap, "install_system_packages", lambda names: None)
    monkeypatch.setattr(bootstrap, "make_venv", lambda extras: Path(sys.executable))
    monkeypatch.setattr(bootstrap.os, "execv", lambda path, argv: started.append([path, *argv[1:]]))

    def run(*argv: str, downloaded: bool = True):
        monkeypatch.setattr(bootstrap, "fetch_model", lambda python, language: downloaded)
        code = bootstrap.main(list(argv))
        return code, started, capsys.readouterr().err

    return run


def test_lang_ko_is_remembered_so_the_next_plain_voice_journal_is_korean(set_up):
    code, started, err = set_up("--lang", "ko")
    config = default_paths().config_file
    assert config.read_text(encoding="utf-8") == 'language = "ko"\n'
    assert load_settings(config)[0].language == "ko"
    assert started == [[str(bootstrap.VOICE_JOURNAL), "--lang", "ko"]]
    assert f"start a session with: {shlex.quote(str(bootstrap.VOICE_JOURNAL))}\n" in err  # no --lang needed now


def test_a_set_up_run_again_without_lang_keeps_the_remembered_language(set_up):
    set_up("--lang", "ko")
    code, started, err = set_up()
    assert started[-1] == [str(bootstrap.VOICE_JOURNAL), "--lang", "ko"]
    assert default_paths().config_file.read_text(encoding="utf-8") == 'language = "ko"\n'


def test_a_language_already_in_the_config_is_left_and_said(set_up):
    config = default_paths().config_file
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('language = "en"\n', encoding="utf-8")
    code, started, err = set_up("--lang", "ko")
    assert config.read_text(encoding="utf-8") == 'language = "en"\n'
    assert 'already sets language = "en"' in err
    assert started == [[str(bootstrap.VOICE_JOURNAL), "--lang", "ko"]]
    assert f"start a session with: {shlex.quote(str(bootstrap.VOICE_JOURNAL))} --lang ko" in err


def test_without_a_model_no_session_starts_and_the_commands_run_as_typed(set_up):
    code, started, err = set_up("--lang", "en", downloaded=False)
    assert code == bootstrap.NO_MODEL_EXIT and started == []
    assert "no speech model" in err and "Traceback" not in err
    commands = [line.split("]", 1)[1].strip() for line in err.splitlines() if line.startswith("[setup]   ")]
    assert commands == [f"{shlex.quote(str(bootstrap.VOICE_JOURNAL))} --lang en models download",
                        shlex.quote(str(bootstrap.VOICE_JOURNAL))]
    for line in commands:
        program = shlex.split(line)[0]
        assert Path(program).is_absolute() and os.access(program, os.X_OK), program
    offline = next(line for line in err.splitlines() if "Korean works offline" in line)
    assert f"cd {shlex.quote(str(ROOT))} && " in offline and offline.endswith("-m assistant.bootstrap --lang ko")
    assert load_settings(default_paths().config_file)[0].language == "en"


def test_an_unknown_language_stops_before_anything_is_installed(set_up, monkeypatch):
    monkeypatch.setattr(bootstrap, "install_system_packages", lambda names: pytest.fail("installed"))
    with pytest.raises(SystemExit) as stopped:
        set_up("--lang", "kr")
    assert str(stopped.value) == "[setup] unknown language 'kr'; available languages: en, ko"
    assert not default_paths().config_file.exists()


def test_the_tests_run_two_files_at_a_time_unless_told_otherwise():
    assert bootstrap.pytest_args(["-k", "journal"]) == ["-n", "2", "--dist", "loadfile", "-k", "journal"]
    assert bootstrap.pytest_args(["-n", "0", "-x"]) == ["-n", "0", "-x"]
    assert bootstrap.pytest_args(["-n0"]) == ["-n0"]
