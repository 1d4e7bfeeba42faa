"""One command from a fresh Debian / Raspberry Pi OS machine to an evening.

    python3 -m assistant.bootstrap            # set up, then start a session
    python3 -m assistant.bootstrap --lang ko  # the same, in Korean (works offline)
    python3 -m assistant.bootstrap --test     # set up for tests, then run them

It installs the system packages (apt), makes a virtual environment in
``.venv``, installs voice-journal into it, fetches the language's speech
model, remembers the language given with ``--lang`` in the config file (so
a plain ``voice-journal`` speaks it next time), and starts. Without a
speech model no session is started: it says what to run, as it can be
typed (the full path of ``.venv/bin/voice-journal``).

Why it sits inside the package: it runs with the system Python before
anything is installed, and ``python3 -m assistant.bootstrap`` from the
checkout finds it through the current folder, with no path to type and
nothing to install first. That is safe because it uses only the standard
library and imports nothing from the package (``assistant/__init__.py``
imports nothing either), so none of voice-journal's dependencies are needed
to run it.
"""
from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
VOICE_JOURNAL = VENV / "bin" / "voice-journal"
DEFAULT_LANGUAGE = "en"
NO_MODEL_EXIT = 3
"""The set-up finished, but there is no speech model to start an evening with."""

# Run by the venv's Python: the package is installed there, not here.
_REMEMBER = """
import json, sys
from assistant.language.packs import load_language
from assistant.paths import default_paths
from assistant.settings import load_settings, remember_setting
load_language(sys.argv[1])  # never remember a language that does not exist
config = default_paths().config_file
written = remember_setting(config, "language", sys.argv[1])
print(json.dumps({"written": written, "config": str(config), "language": load_settings(config)[0].language}))
"""
_CONFIGURED = """
from assistant.paths import default_paths
from assistant.settings import load_settings
print(load_settings(default_paths().config_file)[0].language)
"""
_MODEL_READY = """
import sys
from assistant.errors import UserError
from assistant.paths import default_paths
from assistant.settings import load_settings
from assistant.speech.catalogue import find_model
paths = default_paths()
try:
    settings, _ = load_settings(paths.config_file, {"language": sys.argv[1]})
    find_model(settings.language, settings.model, paths)
except UserError as exc:
    print(exc, file=sys.stderr)
    sys.exit(3)
"""
APT_PACKAGES = ["espeak-ng", "libespeak-ng1", "libportaudio2", "alsa-utils", "libcairo2"]
"""libcairo2: CairoSVG draws the fridge picture (``voice-journal chart --out x.png``) with it."""
KOREAN_APT_PACKAGES = ["fonts-nanum"]
"""Hangul glyphs for the fridge picture (its SVG names NanumGothic first) and the page on the Pi."""
TEST_APT_PACKAGES = ["sox", "fuse3", "chromium", "fonts-nanum"]
"""sox shapes test audio; fuse3 backs the simulated power cuts; chromium (with Korean fonts) drives the web page tests."""


def say(text: str) -> None:
    print(f"[setup] {text}", file=sys.stderr, flush=True)


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    say("$ " + " ".join(cmd))
    return subprocess.run(cmd, **kw)


def missing_debian_packages(names: list[str]) -> list[str]:
    if shutil.which("dpkg-query") is None:
        return []
    missing = []
    for name in names:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True)
        if "install ok installed" not in out.stdout:
            missing.append(name)
    return missing


def install_system_packages(names: list[str]) -> None:
    if not _venv_works():
        names = names + ["python3-venv"]
    missing = missing_debian_packages(names)
    if not missing:
        say("system packages are already installed")
        return
    if shutil.which("apt-get") is None:
        raise SystemExit(f"[setup] please install these packages with your package manager: {' '.join(missing)}")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run(sudo + ["apt-get", "update", "-qq"], env=env)
    result = run(sudo + ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], env=env)
    if result.returncode != 0:
        raise SystemExit(f"[setup] could not install {' '.join(missing)}; run: sudo apt-get install {' '.join(missing)}")


def _venv_works() -> bool:
    probe = subprocess.run([sys.executable, "-c", "import ensurepip, venv"], capture_output=True)
    return probe.returncode == 0


def make_venv(extras: list[str]) -> Path:
    python = VENV / "bin" / "python"
    if not python.exists():
        if run([sys.executable, "-m", "venv", str(VENV)]).returncode != 0:
            raise SystemExit("[setup] could not create .venv; run: sudo apt-get install python3-venv")
    spec = f"{ROOT}[{','.join(extras)}]" if extras else str(ROOT)
    pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    if run(pip + ["-e", spec]).returncode != 0:
        raise SystemExit("[setup] installing the Python packages failed (see above); check the connection and run again")
    return python


def command(*words: str) -> str:
    """A command line to print: it runs as typed, from any folder."""
    return " ".join(shlex.quote(str(w)) for w in words)


def fetch_model(python: Path, language: str) -> bool:
    """Download the language's model; False (reported, not fatal) when that failed.

    Korean's model comes from PyPI (the 'korean' extra), so it needs no download.
    """
    if language == "ko":
        return True
    result = run([str(python), "-m", "assistant", "--lang", language, "models", "download"])
    if result.returncode != 0:
        say("the speech model could not be downloaded now (see above); the rest of the set-up is done.")
        return False
    return True


def remember_language(python: Path, language: str) -> bool:
    """Write ``language = "<code>"`` into the config file unless it names one
    already; True when a plain ``voice-journal`` will speak ``language``."""
    result = subprocess.run([str(python), "-c", _REMEMBER, language], capture_output=True, text=True)
    if result.returncode != 0:
        say(f"could not remember the language: {(result.stderr.strip().splitlines() or ['?'])[-1]}")
        return False
    outcome = json.loads(result.stdout)
    if outcome["written"]:
        say(f"remembered the language in {outcome['config']}: language = \"{language}\"")
    elif outcome["language"] != language:
        say(f"{outcome['config']} already sets language = \"{outcome['language']}\"; it was left as it is")
    return outcome["language"] == language


def configured_language(python: Path) -> str:
    """The language a plain ``voice-journal`` speaks (the config's, else English)."""
    result = subprocess.run([str(python), "-c", _CONFIGURED], capture_output=True, text=True)
    return result.stdout.strip() if result.returncode == 0 and result.stdout.strip() else DEFAULT_LANGUAGE


def model_ready(python: Path, language: str) -> bool:
    """Whether an evening in ``language`` has a speech model to listen with (if not, it says why)."""
    result = subprocess.run([str(python), "-c", _MODEL_READY, language], capture_output=True, text=True)
    if result.returncode != 0:
        say((result.stderr.strip().splitlines() or ["no speech model"])[-1])
    return result.returncode == 0


def languages() -> list[str]:
    """The languages this checkout speaks (each has ``prompts/<code>/language.json``)."""
    return sorted(p.parent.name for p in (ROOT / "prompts").glob("*/language.json"))


TEST_WORKERS = 2
"""Test files run side by side on this many processes (pytest-xdist): most tests wait on a real
session's subprocess, and CI has two cores."""


def pytest_args(rest: list[str]) -> list[str]:
    """pytest's arguments: the given ones, run on :data:`TEST_WORKERS` workers a whole file each (a
    file's shared evening, a module fixture, then runs once), unless the given ones choose (``-n 0``)."""
    if any(a.startswith(("-n", "--numprocesses", "--dist")) for a in rest):
        return list(rest)
    return ["-n", str(TEST_WORKERS), "--dist", "loadfile", *rest]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m assistant.bootstrap", description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", default=None,
                        help="language of the evenings: en or ko (default en); remembered in the config file")
    parser.add_argument("--test", action="store_true", help="set up for the tests and run them")
    parser.add_argument("--no-start", action="store_true", help="set up only; do not start a session")
    args, rest = parser.parse_known_args(argv)

    if args.test:
        install_system_packages(APT_PACKAGES + TEST_APT_PACKAGES)
        python = make_venv(["test"])
        os.chdir(ROOT)
        return subprocess.call([str(python), "-m", "pytest", *pytest_args(rest)])

    if args.lang is not None and args.lang not in languages():
        raise SystemExit(f"[setup] unknown language '{args.lang}'; available languages: {', '.join(languages())}")
    install_system_packages(APT_PACKAGES + (KOREAN_APT_PACKAGES if args.lang == "ko" else []))
    python = make_venv(["web", "chart", "korean"] if args.lang == "ko" else ["web", "chart"])
    language = args.lang or configured_language(python)  # a set-up run again keeps the language remembered
    fetch_model(python, language)
    remembered = remember_language(python, language) if args.lang else language == configured_language(python)
    start = [VOICE_JOURNAL] if remembered else [VOICE_JOURNAL, "--lang", language]
    if not model_ready(python, language):
        say("no speech model, so no session was started. When the machine is online, run:")
        say("  " + command(VOICE_JOURNAL, "--lang", language, "models", "download"))
        say("then start an evening with:")
        say("  " + command(*start))
        if language != "ko":
            say("Korean works offline: cd " + command(ROOT) + " && "
                + command(sys.executable, "-m", "assistant.bootstrap", "--lang", "ko"))
        return NO_MODEL_EXIT
    say("done. Next time, start a session with: " + command(*start))
    if args.no_start:
        return 0
    os.execv(str(VOICE_JOURNAL), ["voice-journal", "--lang", language, *rest])


if __name__ == "__main__":
    raise SystemExit(main())
