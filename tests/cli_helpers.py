"""Running ``voice-journal`` in the test process: as fast as a function call,
as faithful as a subprocess where it matters.

:func:`run_cli` calls :func:`assistant.cli.main.main` with the environment,
stdin and ``sys.argv[0]`` a fresh ``python -m assistant`` would have, every
cache of the package emptied first (a new process starts with none), and
stdout and stderr captured apart. It returns a
:class:`subprocess.CompletedProcess`, so a test reads the same either way.
A few tests in tests/test_cli.py still start real processes, to prove that
``python -m assistant`` and the ``voice-journal`` script work.
"""
from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import assistant
from assistant.cli.main import main
from assistant.journal import passphrase

MAIN_FILE = str(Path(assistant.__file__).resolve().parent / "__main__.py")
"""``sys.argv[0]`` under ``python -m assistant`` (install-service reads it)."""


def _clear_caches() -> None:
    """Every memoised loader in the package (language packs, vocabularies,
    unlocked journal keys...), as a new process would find them: empty."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("assistant") or module is None:
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and getattr(value, "__module__", None) == name:
                clear()
    passphrase.forget_all()


@contextlib.contextmanager
def _environment(data_dir: Path, extra: dict[str, str]) -> Iterator[None]:
    saved = dict(os.environ)
    try:
        for key in list(os.environ):
            if key.startswith(("VOICE_JOURNAL_", "XDG_")):
                del os.environ[key]
        os.environ.update(VOICE_JOURNAL_HOME=str(data_dir), XDG_CONFIG_HOME=str(data_dir.parent / "config"))
        os.environ.update(extra)
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def run_cli(data_dir: Path, *args: str, stdin: str | None = None, **env: str) -> subprocess.CompletedProcess:
    """``voice-journal ARGS`` with its data in ``data_dir`` and its config in
    ``data_dir.parent / "config"``; ``env`` adds environment variables."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin, sys.stdout, sys.stderr, sys.argv
    with _environment(Path(data_dir), env):
        _clear_caches()
        sys.stdin, sys.stdout, sys.stderr = io.StringIO(stdin or ""), out, err
        sys.argv = [MAIN_FILE, *args]
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse: a usage error (2), --help or --version (0)
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        finally:
            sys.stdin, sys.stdout, sys.stderr, sys.argv = saved
    return subprocess.CompletedProcess(["voice-journal", *args], code, out.getvalue(), err.getvalue())


def one_line_error(result: subprocess.CompletedProcess) -> str:
    """The one line a failed command says on stderr (no traceback, nothing else)."""
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]
