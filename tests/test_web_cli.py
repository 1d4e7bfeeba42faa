"""``voice-journal web``: a command like the others, whose framework loads only when it runs."""
from __future__ import annotations

import subprocess
import sys

from tests.cli_helpers import one_line_error, run_cli


def test_web_is_a_command_with_private_defaults(tmp_path):
    result = run_cli(tmp_path / "data", "web", "--help")
    assert result.returncode == 0
    assert "--lan" in result.stdout and "127.0.0.1" in result.stdout and "--https" in result.stdout


def test_the_base_command_does_not_load_the_web_framework():
    code = ("import sys; from assistant.cli.main import build_parser; build_parser(); "
            "print(sorted(m for m in ('starlette', 'uvicorn', 'jinja2') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stderr


def test_without_the_web_extra_one_line_says_how_to_get_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "assistant.web.serve", None)  # as if Starlette were not installed
    assert "pip install 'voice-journal[web]'" in one_line_error(run_cli(tmp_path / "data", "web"))


def test_a_bad_port_is_one_line(tmp_path):
    assert "--port" in one_line_error(run_cli(tmp_path / "data", "web", "--port", "70000"))
