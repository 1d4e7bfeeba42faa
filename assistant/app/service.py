"""Hands-free at home: systemd *user* units for the standby and the evening ask.

``voice-journal install-service [--at 21:00]`` writes three units into
``$XDG_CONFIG_HOME/systemd/user`` (``~/.config/systemd/user``):

``voice-journal-standby.service``
    ``voice-journal listen --lang <lang>``: waits for the wake phrase, all
    day, and is restarted if it fails (a microphone unplugged and plugged
    back in, say).
``voice-journal-evening.service`` (oneshot)
    ``voice-journal listen --ask-now --once --lang <lang>``: asks "Would you
    like to reflect now?" once.
``voice-journal-evening.timer``
    starts the evening service every day at ``--at`` (``Persistent=true``:
    an evening missed while the machine was off is asked at the next start,
    if that is within four hours of ``--at``: ``listen --window``).

Who has the microphone. The standby has it open all day, and the evening
ask needs it too; on a Raspberry Pi a USB microphone opened twice usually
fails with "device busy". The choice made here: the clock is the timer's
(it shows in ``systemctl --user list-timers`` and survives power cuts with
``Persistent=true``), and the microphone is the standby's. ``listen
--ask-now`` first looks for a running listener (an ``flock`` on
``standby.lock`` in the data directory, holding its pid); if there is one,
it only sends it SIGUSR1 and exits, and the standby asks with the
microphone it already has. With no standby (stopped, or failed and waiting
to restart) the evening service asks by itself. See :mod:`assistant.app.standby`.
The alternative, a standby that watches the clock itself, would need no
timer but would keep the schedule inside a process that may be down at the
hour; the timer's ``Persistent=true`` catch-up would be lost.

Both services stop with SIGINT, which the session treats like Ctrl+C: the
answer under way is saved. Exit code 130 (interrupted) counts as success.

If ``systemctl --user`` answers, the units are enabled and started at once
(``daemon-reload``, ``enable --now``). Without a systemd user session (a
container, an SSH session without lingering) the files are written anyway
and one line says how to enable them later. User units run only while the
person is logged in, unless lingering is on (``sudo loginctl enable-linger
USER``), which a Pi without a screen needs; install says so when it is off.

``install-service --web`` adds ``voice-journal-web.service``: ``voice-journal
web`` (the private page, see :mod:`assistant.web`), kept running; ``--lan``
serves it to the local network. Its login links are printed to the user
journal: ``journalctl --user -u voice-journal-web``.

``install-service --backup DIR`` adds ``voice-journal-backup.service``
(oneshot: ``voice-journal backup DIR``, see :mod:`assistant.journal.backup`)
and ``voice-journal-backup.timer``: every night at 03:30, after the
evening, ``Persistent=true`` (a night the Pi was off is caught up at the
next start). A backup that cannot run leaves a marker the next evening
says aloud (:mod:`assistant.app.backup_notice`).

``voice-journal uninstall-service`` disables, stops and removes them.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import UserError
from assistant.paths import Paths, make_parents
from assistant.speech.catalogue import find_model

STANDBY_UNIT = "voice-journal-standby.service"
EVENING_UNIT = "voice-journal-evening.service"
TIMER_UNIT = "voice-journal-evening.timer"
UNITS = (STANDBY_UNIT, EVENING_UNIT, TIMER_UNIT)
WEB_UNIT = "voice-journal-web.service"
"""The private page (``install-service --web``): installed only when asked for."""
BACKUP_UNIT = "voice-journal-backup.service"
BACKUP_TIMER = "voice-journal-backup.timer"
BACKUP_AT = "03:30"
"""The nightly backup: long after the evening, before anyone is up."""
ENABLED = (STANDBY_UNIT, TIMER_UNIT)
"""The evening service is started by the timer; it is never enabled itself."""
DEFAULT_AT = "21:00"
KEPT_ENV = ("VOICE_JOURNAL_HOME", "VOICE_JOURNAL_CONFIG", "VOICE_JOURNAL_PROMPTS")
"""Environment the services keep from the installing shell, when set."""
SYSTEMCTL_TIMEOUT_S = 30
_AT = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


def parse_at(text: str) -> str:
    """``HH:MM`` (24-hour) as a normalized ``HH:MM``, or a one-line error."""
    match = _AT.fullmatch(text.strip())
    if not match:
        raise UserError(f"--at must be a time of day as HH:MM, 24-hour (like 21:00), not '{text}'")
    return f"{int(match[1]):02d}:{match[2]}"


def require_model(language: str, model: str, paths: Paths) -> None:
    """Refuse to install a standby that could never hear anything: the
    language needs its speech model first (one line saying how)."""
    try:
        find_model(language, model, paths)
    except UserError as exc:
        raise UserError(f"not installing the service for language '{language}': {exc}; then run install-service again",
                        exc.exit_code) from None


def unit_dir() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME")
    return (Path(config) if config else Path.home() / ".config") / "systemd" / "user"


def program() -> list[str]:
    """How to run this voice-journal again: its script's absolute path, else ``python -m assistant``."""
    argv0 = sys.argv[0] if sys.argv else ""
    name = Path(argv0).name
    if name.startswith("voice-journal"):
        found = argv0 if os.sep in argv0 else shutil.which(argv0)
        if found and os.path.isfile(found) and os.access(found, os.X_OK):
            return [str(Path(found).resolve())]
    # Not resolved: a venv's python is a symlink, and resolving it would leave the venv.
    return [os.path.abspath(sys.executable), "-m", "assistant"]


def _escape(value: str) -> str:
    """One word of a unit file value: specifiers (%) and variables ($) kept literal, quoted if needed."""
    value = value.replace("%", "%%")
    if value and not re.search(r'[\s"\'\\;]', value):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _exec(words: list[str]) -> str:
    return " ".join(_escape(w).replace("$", "$$") for w in words)


def _environment(env: dict[str, str]) -> str:
    lines = [f"Environment={_escape(f'{k}={v}')}" for k, v in env.items()]
    return "\n".join(lines + ["Environment=PYTHONUNBUFFERED=1"])


ASK_WINDOW_H = 4
"""How long after the evening time the ask still makes sense: the timer's
catch-up (``Persistent=true``) after the Pi was off asks at 21:40, not at
breakfast."""


def ask_window(at: str) -> str:
    """``21:00`` -> ``21:00-01:00``."""
    hours, minutes = (int(x) for x in at.split(":"))
    return f"{at}-{(hours + ASK_WINDOW_H) % 24:02d}:{minutes:02d}"


def unit_texts(command: list[str], language: str, at: str = DEFAULT_AT,
               env: dict[str, str] | None = None) -> dict[str, str]:
    """The three units' text, by file name."""
    environment = _environment(env or {})
    listen = _exec([*command, "listen", "--lang", language])
    ask = _exec([*command, "listen", "--ask-now", "--once", "--lang", language, "--window", ask_window(at)])
    return {
        STANDBY_UNIT: f"""\
[Unit]
Description=voice-journal: wait hands-free for the wake phrase

[Service]
Type=simple
ExecStart={listen}
{environment}
Restart=on-failure
RestartSec=10
KillSignal=SIGINT
SuccessExitStatus=130
TimeoutStopSec=30

[Install]
WantedBy=default.target
""",
        EVENING_UNIT: f"""\
[Unit]
Description=voice-journal: ask whether to reflect now

[Service]
Type=oneshot
ExecStart={ask}
{environment}
KillSignal=SIGINT
SuccessExitStatus=130
TimeoutStartSec=infinity
""",
        TIMER_UNIT: _daily_timer(f"the evening ask at {at}", at, EVENING_UNIT),
    }


def _daily_timer(description: str, at: str, unit: str) -> str:
    """A timer that starts ``unit`` every day at ``at``, and at the next boot
    if the Pi was off then (``Persistent=true``)."""
    return f"""\
[Unit]
Description=voice-journal: {description}

[Timer]
OnCalendar=*-*-* {at}:00
Persistent=true
Unit={unit}

[Install]
WantedBy=timers.target
"""


def web_unit_text(command: list[str], language: str, lan: bool = False, env: dict[str, str] | None = None) -> str:
    """The page's unit: ``voice-journal web``, restarted if it fails; its
    login links go to the user journal (``journalctl --user -u voice-journal-web``)."""
    serve = _exec([*command, "web", "--lang", language, *(["--lan"] if lan else [])])
    return f"""\
[Unit]
Description=voice-journal: the journal as a private web page

[Service]
Type=simple
ExecStart={serve}
{_environment(env or {})}
Restart=on-failure
RestartSec=10

[Install]
WantedBy=default.target
"""


def backup_unit_texts(command: list[str], folder: str, env: dict[str, str] | None = None,
                      at: str = BACKUP_AT) -> dict[str, str]:
    """The nightly backup's service and timer, by file name."""
    run = _exec([*command, "backup", folder])
    return {
        BACKUP_UNIT: f"""\
[Unit]
Description=voice-journal: copy the journal and recordings to {_escape(folder)}

[Service]
Type=oneshot
ExecStart={run}
{_environment(env or {})}
Nice=10
IOSchedulingClass=idle
""",
        BACKUP_TIMER: _daily_timer(f"the nightly backup at {at}", at, BACKUP_UNIT),
    }


def backup_folder(text: str) -> str:
    """The backup folder for the unit: an absolute path to a folder that exists now."""
    folder = Path(text).expanduser()
    if not folder.is_dir():
        raise UserError(f"the backup folder {folder} does not exist; plug in the USB stick (or create the folder), "
                        "then run install-service --backup again")
    return str(folder.resolve())


# -- systemctl -------------------------------------------------------------

def _systemctl(*args: str) -> subprocess.CompletedProcess | None:
    """``systemctl --user ARGS``; None when there is no systemctl at all."""
    exe = shutil.which("systemctl")
    if exe is None:
        return None
    try:
        return subprocess.run([exe, "--user", *args], capture_output=True, text=True, timeout=SYSTEMCTL_TIMEOUT_S,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return subprocess.CompletedProcess([exe, "--user", *args], 1, "", str(exc))


def user_manager() -> str | None:
    """None when a systemd user manager answers; otherwise why not."""
    result = _systemctl("show-environment")
    if result is None:
        return "systemctl is not installed"
    if result.returncode != 0:
        reason = (result.stderr.strip().splitlines() or ["no answer"])[-1]
        return f"no systemd user session ({reason})"
    return None


def _check(result: subprocess.CompletedProcess | None, what: str) -> None:
    if result is not None and result.returncode != 0:
        reason = (result.stderr.strip().splitlines() or [f"exit code {result.returncode}"])[-1]
        raise UserError(f"'systemctl --user {what}' failed ({reason}); the unit files are in {unit_dir()}")


def _linger_hint() -> str | None:
    exe = shutil.which("loginctl")
    user = os.environ.get("USER") or os.environ.get("LOGNAME")
    if not exe or not user:
        return None
    try:
        result = subprocess.run([exe, "show-user", user, "--property=Linger"], capture_output=True, text=True,
                                timeout=10, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode == 0 and result.stdout.strip() == "Linger=no":
        return (f"to keep listening when nobody is logged in (a Pi without a screen), run once: "
                f"sudo loginctl enable-linger {user}")
    return None


@dataclass
class Outcome:
    unit_dir: Path
    files: list[str]
    enabled: bool = False
    reason: str | None = None
    """Why the units were not enabled (or disabled) with systemctl."""
    notes: list[str] = field(default_factory=list)


UNIT_MODE = 0o644
"""A unit file: readable by systemd, writable by its owner only, whatever the umask."""


def _write_unit(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, UNIT_MODE)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        os.fchmod(handle.fileno(), UNIT_MODE)  # an existing file keeps its mode through O_CREAT
        handle.write(text)


def install(language: str, at: str = DEFAULT_AT, command: list[str] | None = None, web: bool = False,
            lan: bool = False, backup: str | None = None) -> Outcome:
    """Write the units (with ``web``, the page's too, on the LAN with ``lan``;
    with ``backup``, the nightly backup's into that folder) and enable them."""
    at = parse_at(at)
    folder = unit_dir()
    env = {k: os.environ[k] for k in KEPT_ENV if os.environ.get(k)}
    texts = unit_texts(command or program(), language, at, env)
    if web:
        texts[WEB_UNIT] = web_unit_text(command or program(), language, lan, env)
    if backup:
        texts.update(backup_unit_texts(command or program(), backup_folder(backup), env))
    enabled = enabled_units(web, bool(backup))
    try:
        make_parents(folder / "unit")  # 0755 whatever the umask: nobody else may rewrite ExecStart
        for name, text in texts.items():
            _write_unit(folder / name, text)
    except OSError as exc:
        raise UserError(f"cannot write the unit files in {folder} ({exc.strerror}); check its permissions") from None
    outcome = Outcome(folder, [str(folder / name) for name in texts])
    outcome.reason = user_manager()
    if outcome.reason is None:
        _check(_systemctl("daemon-reload"), "daemon-reload")
        _check(_systemctl("enable", "--now", *enabled), "enable --now " + " ".join(enabled))
        outcome.enabled = True
        hint = _linger_hint()
        if hint:
            outcome.notes.append(hint)
    return outcome


def enabled_units(web: bool = False, backup: bool = False) -> tuple[str, ...]:
    """The units install enables (the evening and backup services are started by their timers)."""
    return ENABLED + ((WEB_UNIT,) if web else ()) + ((BACKUP_TIMER,) if backup else ())


def uninstall() -> Outcome:
    folder = unit_dir()
    outcome = Outcome(folder, [])
    units = UNITS + tuple(u for u in (WEB_UNIT, BACKUP_UNIT, BACKUP_TIMER) if (folder / u).exists())
    outcome.reason = user_manager()
    if outcome.reason is None:
        # A unit that was never loaded makes disable fail; removing the files is what counts.
        _systemctl("disable", "--now", *units)
        outcome.enabled = True
    for name in units:
        path = folder / name
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise UserError(f"cannot remove {path} ({exc.strerror}); check its permissions") from None
        outcome.files.append(str(path))
    if outcome.reason is None:
        _systemctl("daemon-reload")
    return outcome
