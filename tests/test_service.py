"""systemd user units: their text, systemd's own verdict on them, and the
install/uninstall commands (in-process, tests/cli_helpers.py).

The commands are run with a ``systemctl`` of the test's own first on PATH
(a shell script that writes down its arguments and answers like a user
manager would, or fails like a container without one), so the real user
session of whoever runs the tests is never touched.
"""
from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.app.service import (ENABLED, EVENING_UNIT, STANDBY_UNIT, TIMER_UNIT, UNITS, parse_at, program,
                                   unit_texts)
from assistant.errors import UserError
from tests.cli_helpers import run_cli

REPO = Path(__file__).resolve().parent.parent


# -- the text of the units -------------------------------------------------------

@pytest.mark.parametrize("text, expected", [("21:00", "21:00"), ("7:05", "07:05"), ("00:00", "00:00"),
                                            (" 23:59 ", "23:59")])
def test_at_accepts_times_of_day(text, expected):
    assert parse_at(text) == expected


@pytest.mark.parametrize("text", ["24:00", "21:60", "9pm", "21", "21:0", "", "21:00:00", "-1:00"])
def test_at_refuses_anything_else_in_one_line(text):
    with pytest.raises(UserError) as error:
        parse_at(text)
    assert "HH:MM" in str(error.value) and "\n" not in str(error.value)


def test_units_run_this_program_with_the_language_at_the_hour():
    texts = unit_texts(["/opt/vj/bin/voice-journal"], "ko", "21:30", {"VOICE_JOURNAL_HOME": "/data/journal"})
    assert set(texts) == set(UNITS)
    standby, evening, timer = texts[STANDBY_UNIT], texts[EVENING_UNIT], texts[TIMER_UNIT]
    assert "ExecStart=/opt/vj/bin/voice-journal listen --lang ko\n" in standby
    assert "Restart=on-failure" in standby and "WantedBy=default.target" in standby
    assert "Environment=VOICE_JOURNAL_HOME=/data/journal\n" in standby
    assert "Type=oneshot" in evening
    assert "ExecStart=/opt/vj/bin/voice-journal listen --ask-now --once --lang ko --window 21:30-01:30\n" in evening
    assert "Environment=VOICE_JOURNAL_HOME=/data/journal\n" in evening
    assert "OnCalendar=*-*-* 21:30:00\n" in timer and "Persistent=true" in timer
    assert f"Unit={EVENING_UNIT}" in timer and "WantedBy=timers.target" in timer
    for text in (standby, evening):  # stopping is Ctrl+C for the session, and not a failure
        assert "KillSignal=SIGINT" in text and "SuccessExitStatus=130" in text


def test_unit_values_are_quoted_and_escaped():
    texts = unit_texts(["/home/me/my apps/python", "-m", "assistant"], "en", "21:00",
                       {"VOICE_JOURNAL_HOME": "/home/me/100% mine/$data"})
    standby = texts[STANDBY_UNIT]
    assert 'ExecStart="/home/me/my apps/python" -m assistant listen --lang en' in standby
    assert 'Environment="VOICE_JOURNAL_HOME=/home/me/100%% mine/$data"' in standby


def test_the_program_is_the_voice_journal_script_or_python_dash_m(tmp_path, monkeypatch):
    script = tmp_path / "bin" / "voice-journal"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.setattr(sys, "argv", [str(script), "install-service"])
    assert program() == [str(script.resolve())]
    monkeypatch.setenv("PATH", str(script.parent), prepend=os.pathsep)
    monkeypatch.setattr(sys, "argv", ["voice-journal", "install-service"])  # found on PATH
    assert program() == [str(script.resolve())]
    monkeypatch.setattr(sys, "argv", [str(REPO / "assistant" / "__main__.py")])  # python -m assistant
    assert program() == [os.path.abspath(sys.executable), "-m", "assistant"]


# -- systemd's verdict -------------------------------------------------------------

def _systemd_analyze() -> str:
    exe = shutil.which("systemd-analyze")
    if exe is None:
        pytest.skip("systemd-analyze is not installed (apt-get install systemd)")
    return exe


def test_systemd_analyze_verifies_the_units(tmp_path):
    exe = _systemd_analyze()
    folder = tmp_path / "units"
    folder.mkdir()
    for name, text in unit_texts(program(), "ko", "21:00", {"VOICE_JOURNAL_HOME": str(tmp_path / "data")}).items():
        (folder / name).write_text(text)
    files = [str(folder / name) for name in UNITS]
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime)}  # --user needs one, even with no user manager
    attempts = []
    for flags in (["--user"], []):
        result = subprocess.run([exe, *flags, "verify", *files], capture_output=True, text=True, env=env, timeout=60)
        if result.returncode == 0:
            assert result.stderr.strip() == "", result.stderr  # not even a warning (unknown keys are warnings)
            return
        attempts.append(f"{' '.join(flags) or 'system'}: {result.stderr.strip()}")
        if "Failed to initialize manager" not in result.stderr and "RuntimeDirectory" not in result.stderr:
            pytest.fail("systemd-analyze found problems:\n" + "\n".join(attempts))
    pytest.skip("systemd-analyze verify cannot run here: " + " | ".join(attempts))


def test_systemd_understands_the_calendar():
    exe = _systemd_analyze()
    result = subprocess.run([exe, "calendar", "*-*-* 21:30:00"], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0 and "21:30:00" in result.stdout


# -- the commands, run for real ----------------------------------------------------

FAKE_SYSTEMCTL = """#!/bin/sh
echo "$@" >> "{log}"
if [ "$2" = "show-environment" ]; then
  if [ "{answer}" = yes ]; then echo "HOME=$HOME"; exit 0; fi
  echo "Failed to connect to bus: No medium found" >&2; exit 1
fi
exit 0
"""
FAKE_LOGINCTL = """#!/bin/sh
echo "Linger=no"
"""


@pytest.fixture
def machine(tmp_path):
    """A fresh XDG_CONFIG_HOME and a PATH whose systemctl is ours."""

    def make(user_manager: bool):
        bin_dir = tmp_path / "bin"
        bin_dir.mkdir(exist_ok=True)
        log = tmp_path / "systemctl.log"
        for name, text in (("systemctl", FAKE_SYSTEMCTL.format(log=log, answer="yes" if user_manager else "no")),
                           ("loginctl", FAKE_LOGINCTL)):
            (bin_dir / name).write_text(text)
            (bin_dir / name).chmod(0o755)
        config = tmp_path / "config"  # run_cli's XDG_CONFIG_HOME

        def run(*args: str) -> subprocess.CompletedProcess:
            return run_cli(tmp_path / "data", *args, PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
                           USER="tester")

        def calls() -> list[str]:
            return log.read_text().splitlines() if log.exists() else []

        return run, config / "systemd" / "user", calls

    return make


def test_install_and_uninstall_with_a_user_manager(machine, tmp_path):
    run, units, calls = machine(user_manager=True)
    result = run("install-service", "--at", "21:30", "--lang", "ko")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in units.iterdir()) == sorted(UNITS)
    standby = (units / STANDBY_UNIT).read_text()
    assert f"ExecStart={os.path.abspath(sys.executable)} -m assistant listen --lang ko" in standby
    assert f"Environment=VOICE_JOURNAL_HOME={tmp_path / 'data'}" in standby
    assert "OnCalendar=*-*-* 21:30:00" in (units / TIMER_UNIT).read_text()
    assert calls() == ["--user show-environment", "--user daemon-reload", "--user enable --now " + " ".join(ENABLED)]
    assert "sudo loginctl enable-linger tester" in result.stderr
    assert "Traceback" not in result.stderr

    result = run("uninstall-service")
    assert result.returncode == 0, result.stderr
    assert list(units.iterdir()) == []
    assert calls()[3:] == ["--user show-environment", "--user disable --now " + " ".join(UNITS),
                           "--user daemon-reload"]


def test_without_a_user_session_the_files_are_written_and_one_line_says_what_next(machine, tmp_path):
    run, units, calls = machine(user_manager=False)
    (tmp_path / "config" / "voice-journal").mkdir(parents=True)
    (tmp_path / "config" / "voice-journal" / "config.toml").write_text('language = "ko"\n', encoding="utf-8")
    result = run("install-service", "--json")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in units.iterdir()) == sorted(UNITS)
    assert "OnCalendar=*-*-* 21:00:00" in (units / TIMER_UNIT).read_text()
    assert calls() == ["--user show-environment"]  # nothing enabled
    hint = [line for line in result.stderr.splitlines() if "enable" in line]
    assert len(hint) == 1 and "systemctl --user enable --now " + " ".join(ENABLED) in hint[0]
    data = json.loads(result.stdout)
    assert data["enabled"] is False and data["at"] == "21:00" and len(data["files"]) == 3
    assert data["language"] == "ko" and "listen --lang ko" in (units / STANDBY_UNIT).read_text()  # the configured one
    for name in UNITS:
        assert stat.S_ISREG((units / name).stat().st_mode)

    result = run("uninstall-service")
    assert result.returncode == 0 and list(units.iterdir()) == []
    result = run("uninstall-service")
    assert result.returncode == 0 and "nothing to remove" in result.stderr


def test_a_bad_time_is_one_line_and_writes_nothing(machine):
    run, units, calls = machine(user_manager=True)
    result = run("install-service", "--at", "25:00")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "HH:MM" in result.stderr and "Traceback" not in result.stderr
    assert not units.exists() and calls() == []


def test_a_language_with_no_model_is_refused_in_one_line_and_writes_nothing(machine):
    run, units, calls = machine(user_manager=True)
    result = run("install-service", "--lang", "en")  # no English model in the test machine's data
    assert result.returncode == 3, result.stderr
    line = result.stderr.strip()
    assert "\n" not in line and "Traceback" not in line
    assert line.startswith("voice-journal: not installing the service for language 'en': no speech model")
    assert "models download" in line and line.endswith("then run install-service again")
    assert not units.exists() and calls() == []
