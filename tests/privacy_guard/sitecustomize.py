"""A network tripwire for tests: put this folder on PYTHONPATH and the
interpreter refuses every attempt to use the network, and says so.

Python imports ``sitecustomize`` at start-up, before any of the program's
own code, so the audit hook below sees every socket the program (or any
library it imports) tries to make through Python's ``socket`` module:

* creating an ``AF_INET``/``AF_INET6`` (or any non-``AF_UNIX``) socket
  (audit event ``socket.__new__``),
* ``connect``, ``bind``, ``sendto`` to a network address, and
* name look-ups (``socket.getaddrinfo``, ``socket.gethostbyname`` ...).

Each attempt raises ``PermissionError`` in the code that tried, and is
appended (with the Python stack) to the file named by
``$PRIVACY_GUARD_MARKER``. When the guard is installed it writes
``$PRIVACY_GUARD_MARKER.armed``, so a test can tell "no attempt" from "the
guard never ran".

``AF_UNIX`` sockets stay allowed: they cannot leave the machine. (ALSA,
PortAudio, espeak-ng and Vosk are C libraries: whatever they do never passes
through Python's audit hooks, so they neither need the exemption nor are
seen by it; a test that wants to see C-level sockets uses strace.)
"""
from __future__ import annotations

import os
import sys

_MARKER = os.environ.get("PRIVACY_GUARD_MARKER", "")
_AF_UNIX = 1
_LOOKUPS = {
    "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex", "socket.gethostbyaddr",
    "socket.getnameinfo", "socket.getservbyname", "socket.getservbyport",
}
_ADDRESSED = {"socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"}


def _is_unix_address(address) -> bool:
    return isinstance(address, (str, bytes, bytearray)) or address is None


def _verdict(event: str, args: tuple) -> str | None:
    if event == "socket.__new__":
        family = args[1] if len(args) > 1 else None
        if family is not None and int(family) != _AF_UNIX and int(family) != -1:
            return f"{event} family={family}"
        return None
    if event in _ADDRESSED:
        sock = args[0] if args else None
        address = args[1] if len(args) > 1 else None
        family = getattr(sock, "family", None)
        if family is not None and int(family) == _AF_UNIX and _is_unix_address(address):
            return None
        return f"{event} {address!r}"
    if event in _LOOKUPS:
        return f"{event} {args!r}"
    return None


def _record(what: str) -> None:
    if not _MARKER:
        return
    import traceback

    stack = "".join(traceback.format_stack(limit=12)[:-2])
    with open(_MARKER, "a", encoding="utf-8") as handle:
        handle.write(f"pid {os.getpid()}: {what}\n{stack}\n")


def _hook(event: str, args: tuple) -> None:
    if not event.startswith("socket."):
        return
    what = _verdict(event, args)
    if what is None:
        return
    _record(what)
    raise PermissionError(f"privacy guard: network use refused ({what})")


sys.addaudithook(_hook)
if _MARKER:
    with open(_MARKER + ".armed", "w", encoding="utf-8") as _armed:
        _armed.write(f"{os.getpid()}\n")
