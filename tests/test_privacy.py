"""Nothing leaked: no network use, and a data directory only its owner can read.

A whole Korean evening, then its replay and review, run as subprocesses on
the real stack (tests/stack.py) with ``tests/privacy_guard`` on PYTHONPATH:
its ``sitecustomize`` refuses and records every attempt to make a network
socket, connect, bind, send or look up a name. When strace is available the
same evening also runs under strace, which sees what C libraries (ALSA,
PortAudio, espeak-ng, Vosk) do, where Python's audit hooks cannot look.

One attempt is known and accepted, and reported by name below: vosk 0.3.45
imports ``requests`` (for its own model downloader, which voice-journal never
uses), and importing urllib3 probes for IPv6 by binding a socket to ``::1``
port 0. That probe is loopback only and sends nothing; under the guard it
is refused, urllib3 carries on without IPv6, and the evening is unaffected.
"""
from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from tests.stack import Rig, espeak, events, quiet

pytestmark = pytest.mark.stack

GUARD = Path(__file__).resolve().parent / "privacy_guard"
ANSWER = "오늘은 조금 피곤했어요"
KNOWN_PROBE = ("urllib3/util/connection.py", "_has_ipv6")
"""(file, function) of the one accepted attempt; see the module docstring."""


@dataclass
class Guarded:
    rig: Rig
    marker: Path
    runs: dict[str, subprocess.CompletedProcess]
    strace_log: Path | None

    def attempts(self) -> list[str]:
        """Every recorded attempt, one block each (the guard writes a stack per attempt)."""
        if not self.marker.exists():
            return []
        text = self.marker.read_text(encoding="utf-8")
        return [block for block in re.split(r"\n(?=pid \d+: )", text) if block.strip()]

    def unexpected_attempts(self) -> list[str]:
        return [a for a in self.attempts() if not _is_known_probe(a)]


def _is_known_probe(block: str) -> bool:
    file, function = KNOWN_PROBE
    return f"{file}" in block.replace(os.sep, "/") and f"in {function}" in block and "socket.__new__ family=" in block


def _env(rig: Rig, marker: Path) -> dict[str, str]:
    env = rig.env(PRIVACY_GUARD_MARKER=str(marker))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(GUARD), env.get("PYTHONPATH", "")) if p)
    return env


def _strace_prefix(log: Path) -> list[str]:
    """strace that follows threads and children, filtered in the kernel (cheap), or [] without it."""
    tool = shutil.which("strace")
    if tool is None:
        return []
    probe = subprocess.run([tool, "-f", "--seccomp-bpf", "-qq", "-e", "trace=socket", "-o", os.devnull, "true"],
                           capture_output=True, timeout=60)
    if probe.returncode != 0:  # no ptrace here (a container), or an old strace
        return []
    return [tool, "-f", "--seccomp-bpf", "-qq", "-e", "trace=socket,connect,bind,sendto,sendmsg", "-o", str(log)]


def _run(guarded_env: dict[str, str], *args: str, umask: int = -1, prefix: list[str] = (), timeout: float = 300):
    return subprocess.run([*prefix, sys.executable, "-m", "assistant", *args], env=guarded_env, capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL, umask=umask)


def _evening(root: Path, umask: int, with_strace: bool) -> Guarded:
    from assistant.language.packs import load_language

    stop = load_language("ko").commands["stop"][0]
    rig = Rig(root).setup(np.concatenate([quiet(0.8), espeak(ANSWER), quiet(8.0), espeak(stop), quiet(30.0)]))
    marker = root / "network-attempts.log"
    env = _env(rig, marker)
    log = root / "strace.log"
    prefix = _strace_prefix(log) if with_strace else []
    runs = {"session": _run(env, "--lang", "ko", "--json", "--prompts", "3", umask=umask, prefix=prefix)}
    return Guarded(rig, marker, runs, log if prefix else None)


@pytest.fixture(scope="module")
def evening(tmp_path_factory):
    """An evening, then replay and review, all under the guard (umask as the caller's)."""
    guarded = _evening(tmp_path_factory.mktemp("private-evening"), umask=-1, with_strace=True)
    env = _env(guarded.rig, guarded.marker)
    saved = [e for e in events(guarded.runs["session"].stdout) if e["event"] == "saved"]
    entry_id = saved[0]["entry"] if saved else "2026-01-01.1"
    export = guarded.rig.root / "export.json"
    for name, args in {
        "replay": ("--lang", "ko", "replay", "last"),
        "list": ("--lang", "ko", "list"),
        "show": ("--lang", "ko", "show", entry_id),
        "search": ("--lang", "ko", "search", "오늘"),
        "stats": ("--lang", "ko", "stats"),
        "export": ("--lang", "ko", "export", "--format", "json", "--out", str(export)),
        "paths": ("paths",),
        "config": ("--lang", "ko", "config"),
        "models": ("--lang", "ko", "models"),
        "models-json": ("models", "list", "--json"),
        "devices": ("devices",),
    }.items():
        guarded.runs[name] = _run(env, *args)
    return guarded


@pytest.fixture(scope="module")
def evening_umask_000(tmp_path_factory):
    return _evening(tmp_path_factory.mktemp("umask-000-evening"), umask=0o000, with_strace=False)


# --- (a) no network -------------------------------------------------------------

def test_the_guard_is_armed_and_catches_a_connection(tmp_path):
    """The tripwire itself: without this, 'no attempts' could mean 'no guard'."""
    marker = tmp_path / "attempts.log"
    env = {**os.environ, "PYTHONPATH": str(GUARD), "PRIVACY_GUARD_MARKER": str(marker)}
    code = ("import socket, urllib.request\n"
            "a, b = socket.socketpair(); a.send(b'x'); assert b.recv(1) == b'x'\n"  # AF_UNIX stays allowed
            "try:\n    urllib.request.urlopen('http://127.0.0.1:9/', timeout=2)\nexcept OSError as e:\n    print(e)\n"
            "try:\n    socket.socket(socket.AF_INET6)\nexcept PermissionError as e:\n    print(e)\n")
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert Path(str(marker) + ".armed").exists()
    log = marker.read_text()
    assert "socket.getaddrinfo ('127.0.0.1', 9" in log and "socket.__new__ family=10" in log
    assert result.stdout.count("privacy guard: network use refused") == 2


def test_a_whole_evening_works_with_the_network_refused(evening):
    result = evening.runs["session"]
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert Path(str(evening.marker) + ".armed").exists(), "the guard did not load: is PYTHONPATH honoured?"
    saved = [e for e in events(result.stdout) if e["event"] == "saved"]
    assert len(saved) == 1 and saved[0]["transcript"]


@pytest.mark.parametrize("name", ["replay", "list", "show", "search", "stats", "export",
                                  "paths", "config", "models", "models-json", "devices"])
def test_replay_review_and_the_other_commands_work_with_the_network_refused(evening, name):
    result = evening.runs[name]
    assert result.returncode == 0, (name, result.stderr)
    assert "Traceback" not in result.stderr


def test_no_network_attempt_at_all(evening):
    """Every command above: nothing but the known urllib3 import probe (see the module docstring)."""
    unexpected = evening.unexpected_attempts()
    assert not unexpected, "\n\n".join(unexpected)


def test_the_only_accepted_attempt_is_the_urllib3_ipv6_probe(evening):
    """Documents the exception: if vosk stops importing requests, this list becomes empty."""
    known = [a for a in evening.attempts() if _is_known_probe(a)]
    assert all("family=10" in a for a in known)  # AF_INET6, refused before any bind happened


def test_no_c_library_opens_a_network_socket(evening):
    """strace sees ALSA, PortAudio, espeak-ng and Vosk; only AF_UNIX (PulseAudio/JACK look-ups) may appear."""
    if evening.strace_log is None:
        pytest.skip("strace is not installed or cannot trace here (no ptrace)")
    trace = evening.strace_log.read_text()
    network = [line for line in trace.splitlines()
               if re.search(r"\b(AF_INET6?|AF_PACKET|AF_NETLINK)\b", line)]
    assert not network, "\n".join(network)


# --- (b) private files --------------------------------------------------------------

def _modes(data_dir: Path) -> tuple[dict[str, int], dict[str, int]]:
    dirs, files = {str(data_dir): stat.S_IMODE(data_dir.stat().st_mode)}, {}
    for folder, subdirs, names in os.walk(data_dir):
        for name in subdirs:
            path = Path(folder, name)
            dirs[str(path.relative_to(data_dir))] = stat.S_IMODE(path.stat().st_mode)
        for name in names:
            path = Path(folder, name)
            files[str(path.relative_to(data_dir))] = stat.S_IMODE(path.lstat().st_mode)
    return dirs, files


def _check_files(guarded: Guarded) -> None:
    result = guarded.runs["session"]
    assert result.returncode == 0, result.stderr
    data = guarded.rig.data_dir
    dirs, files = _modes(data)
    assert dirs[str(data)] == 0o700
    for top in ("journal", "audio", "models"):
        assert dirs[top] == 0o700, (top, oct(dirs[top]))
    kinds = {".json": 0, ".bak": 0, ".wav": 0}
    for name, mode in files.items():
        assert mode == 0o600, f"{name} is {oct(mode)}"
        for suffix in kinds:
            kinds[suffix] += name.endswith(suffix)
    assert kinds[".json"] >= 2 and kinds[".wav"] == 1, files  # shard + words shard, one answer


def _check_every_folder(guarded: Guarded) -> None:
    result = guarded.runs["session"]
    assert result.returncode == 0, result.stderr
    assert list((guarded.rig.data_dir / "audio").glob("*/*.wav")), "no answer audio: nothing to check"
    dirs, _ = _modes(guarded.rig.data_dir)
    loose = {name: oct(mode) for name, mode in dirs.items() if mode != 0o700}
    assert not loose, f"folders others could enter: {loose}"


def test_data_dir_0700_and_every_file_0600(evening):
    _check_files(evening)


def test_a_bak_is_0600_too(evening, tmp_path):
    """The evening wrote the first shard, so it had no .bak; the next write to it makes one."""
    from assistant.journal.book import Journal

    journal_dir = evening.rig.data_dir / "journal"
    with Journal(journal_dir) as journal:
        journal.end_session(journal.start_session("ko"))
    baks = list(journal_dir.glob("*.bak"))
    assert baks and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in baks)


WAV_FOLDER_BUG = ("assistant/audio.py WavWriter.__init__ creates the answer's day folder (audio/YYYY-MM-DD) "
                  "with mkdir's default mode (0755, 0777 under umask 000); it must be 0700 like the rest")


def test_every_folder_in_the_data_dir_is_0700(evening):
    _check_every_folder(evening)


def test_umask_000_does_not_loosen_any_file(evening_umask_000):
    _check_files(evening_umask_000)


def test_umask_000_does_not_loosen_any_folder(evening_umask_000):
    _check_every_folder(evening_umask_000)


def test_export_is_readable_by_its_owner_only(evening):
    export = evening.rig.root / "export.json"
    assert evening.runs["export"].returncode == 0, evening.runs["export"].stderr
    assert stat.S_IMODE(export.stat().st_mode) == 0o600
