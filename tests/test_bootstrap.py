"""The set-up script runs with a bare system Python, before anything is installed."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import assistant.bootstrap as bootstrap

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
