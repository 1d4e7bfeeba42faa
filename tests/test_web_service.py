"""``install-service --web``: the page's systemd user unit, beside the others."""
from __future__ import annotations

import os
import sys

from assistant.app.service import ENABLED, UNITS, WEB_UNIT, web_unit_text
from tests.test_service import machine  # noqa: F401  (the fixture: a fake systemctl on PATH)


def test_the_web_unit_runs_the_page_and_restarts_it():
    text = web_unit_text(["/opt/vj/bin/voice-journal"], "ko", env={"VOICE_JOURNAL_HOME": "/data"})
    assert "ExecStart=/opt/vj/bin/voice-journal web --lang ko\n" in text
    assert "Restart=on-failure" in text and "WantedBy=default.target" in text
    assert "Environment=VOICE_JOURNAL_HOME=/data\n" in text
    assert "ExecStart=/opt/vj/bin/voice-journal web --lang ko --lan\n" in web_unit_text(
        ["/opt/vj/bin/voice-journal"], "ko", lan=True)


def test_install_service_web_adds_and_enables_the_page(machine):  # noqa: F811
    run, units, calls = machine(user_manager=True)
    result = run("install-service", "--web", "--lan", "--lang", "ko")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in units.iterdir()) == sorted(UNITS + (WEB_UNIT,))
    assert f"ExecStart={os.path.abspath(sys.executable)} -m assistant web --lang ko --lan" in (units / WEB_UNIT).read_text()
    assert calls()[-1] == "--user enable --now " + " ".join(ENABLED + (WEB_UNIT,))
    assert f"journalctl --user -u {WEB_UNIT}" in result.stderr
    result = run("uninstall-service")
    assert result.returncode == 0 and list(units.iterdir()) == []
    assert "--user disable --now " + " ".join(UNITS + (WEB_UNIT,)) in calls()


def test_without_web_no_page_is_installed(machine):  # noqa: F811
    run, units, calls = machine(user_manager=False)
    assert run("install-service", "--lang", "ko").returncode == 0
    assert WEB_UNIT not in {p.name for p in units.iterdir()}
