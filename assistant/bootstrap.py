"""One command from a fresh Debian / Raspberry Pi OS machine to an evening.

    python3 -m assistant.bootstrap            # set up, then start a session
    python3 -m assistant.bootstrap --lang ko  # the same, in Korean (works offline)
    python3 -m assistant.bootstrap --test     # set up for tests, then run them

It installs the system packages (apt), makes a virtual environment in
``.venv``, installs voice-journal into it, fetches the language's speech
model, and starts. A failed model download is reported and the rest still runs.

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
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
APT_PACKAGES = ["espeak-ng", "libespeak-ng1", "libportaudio2", "alsa-utils"]
TEST_APT_PACKAGES = ["sox"]


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


def fetch_model(python: Path, language: str) -> None:
    """Download the language's model; a failure is reported, not fatal.

    Korean's model comes from PyPI (the 'korean' extra), so it needs no download.
    """
    if language == "ko":
        return
    result = run([str(python), "-m", "assistant", "--lang", language, "models", "download"])
    if result.returncode != 0:
        say("the speech model could not be downloaded now (see above); the rest of the set-up is done.")
        say("Korean works offline: python3 -m assistant.bootstrap --lang ko")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m assistant.bootstrap", description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", default="en", help="language of the first session: en or ko (default en)")
    parser.add_argument("--test", action="store_true", help="set up for the tests and run them")
    parser.add_argument("--no-start", action="store_true", help="set up only; do not start a session")
    args, rest = parser.parse_known_args(argv)

    if args.test:
        install_system_packages(APT_PACKAGES + TEST_APT_PACKAGES)
        python = make_venv(["test"])
        os.chdir(ROOT)
        return subprocess.call([str(python), "-m", "pytest", *rest])

    install_system_packages(APT_PACKAGES)
    python = make_venv(["korean"] if args.lang == "ko" else [])
    fetch_model(python, args.lang)
    say(f"done. Next time, start a session with: {VENV}/bin/voice-journal --lang {args.lang}")
    if args.no_start:
        return 0
    os.execv(str(VENV / "bin" / "voice-journal"), ["voice-journal", "--lang", args.lang, *rest])


if __name__ == "__main__":
    raise SystemExit(main())
