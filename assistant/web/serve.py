"""Serving the page: the address, the login link, the server.

Private by default: the server listens on 127.0.0.1 (this Pi only) unless
``lan`` is asked for, and even then nothing of the journal is served
without logging in. On the LAN the login page also offers a code the Pi
says aloud (for a phone in the same room, with no link at hand). The address and a login link are printed (with
``--json``, as one line ``{"event": "serving", "url": ..., "login_url": ...}``
on stdout); after each login a fresh link is printed, the used one being
gone. ``https`` serves it over TLS with the Pi's own certificate (see
:mod:`assistant.web.certificate`). uvicorn writes no access log: the paths it would log hold entry ids
and searched words.
"""
from __future__ import annotations

import socket
import sys
import threading
from typing import Any, Callable, TextIO

from assistant.audio.speaker import Speaker
from assistant.errors import UserError
from assistant.language.packs import load_language
from assistant.speech.voice import SpokenOutput, Voice
from assistant.web.app import create_app
from assistant.web.certificate import certificate_files
from assistant.web.site import Site
from assistant.web.timeline import learn_first_words
from assistant.jsonout import print_event

LOCAL_HOST = "127.0.0.1"
LAN_HOST = "0.0.0.0"
DEFAULT_PORT = 8765


def listen(lan: bool, port: int) -> socket.socket:
    """A socket bound to 127.0.0.1 (or every address with ``lan``) at ``port`` (0: any free one)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((LAN_HOST if lan else LOCAL_HOST, port))
        sock.listen(128)  # now: a browser given the link at once waits for the server instead of being refused
    except OSError as exc:
        sock.close()
        raise UserError(f"cannot listen on port {port} ({exc.strerror}); is the page already running? "
                        "Pick another with --port") from None
    return sock


def lan_address() -> str:
    """This machine's address on the local network (no packet is sent to find it)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.254.254.254", 1))
        return probe.getsockname()[0]
    except OSError:
        return socket.gethostname()
    finally:
        probe.close()


def host_names(lan: bool) -> frozenset[str]:
    """The names a browser may reach the page by: this machine's own, and on the LAN its address and host name."""
    names = {"127.0.0.1", "localhost", "::1"}
    if lan:
        host = socket.gethostname().lower()
        names |= {lan_address(), host, f"{host}.local"}
    return frozenset(names)


def base_url(sock: socket.socket, lan: bool, https: bool = False) -> str:
    host, port = sock.getsockname()[:2]
    shown = lan_address() if lan else host
    return f"{'https' if https else 'http'}://{shown}:{port}"


def pi_voice(settings) -> Callable[[str], None]:
    """Says a sentence through the Pi's speaker (a spoken login code), on a
    thread of its own so the page keeps answering; a voice that fails is one
    line on stderr, and the printed link still works."""
    def speak(text: str) -> None:
        try:
            voice = Voice(settings.voice or load_language(settings.language).voice, settings.speech_rate_wpm,
                          settings.volume)
            mouth = SpokenOutput(voice, Speaker(settings.output_device), settings.lead_in_s)
            try:
                mouth.say(text)
            finally:
                mouth.close()
        except (UserError, OSError, RuntimeError) as exc:
            print(f"voice-journal: could not say the login code ({exc}); use the printed link", file=sys.stderr)

    return lambda text: threading.Thread(target=speak, args=(text,), daemon=True).start()


class Announcer:
    """Prints the address and login links: for people on stderr, or as JSON events on stdout."""

    def __init__(self, as_json: bool, out: TextIO | None = None, err: TextIO | None = None):
        self.as_json = as_json
        self.out = out or sys.stdout
        self.err = err or sys.stderr

    def _event(self, data: dict[str, Any]) -> None:
        print_event(data, self.out)

    def serving(self, url: str, login_url: str, encrypted: bool, fingerprint: str | None = None) -> None:
        if self.as_json:
            self._event({"event": "serving", "url": url, "login_url": login_url,
                         **({"fingerprint": fingerprint} if fingerprint else {})})
            return
        print(f"Your journal is served at {url}", file=self.err)
        if fingerprint:
            print(f"The browser will warn about the Pi's own certificate; its fingerprint (SHA-256) is {fingerprint}",
                  file=self.err)
        if encrypted:
            print(f"Log in at {login_url} with the journal's passphrase.", file=self.err)
        else:
            print(f"Log in once with this link (it works one time): {login_url}", file=self.err)
        print("Stop with Ctrl+C.", file=self.err, flush=True)

    def new_link(self, login_url: str) -> None:
        if self.as_json:
            self._event({"event": "login_link", "login_url": login_url})
        else:
            print(f"The login link was used. The next one: {login_url}", file=self.err, flush=True)


def serve(paths, settings, lan: bool = False, port: int = DEFAULT_PORT, as_json: bool = False,
          https: bool = False) -> int:
    """Run the page until stopped (Ctrl+C, or the service manager)."""
    import uvicorn  # late: the web extra, loaded only by 'voice-journal web'

    sock = listen(lan, port)
    announcer = Announcer(as_json)
    site = Site(paths, settings, https=https, announce=announcer.new_link, say=pi_voice(settings) if lan else None)
    site.base_url = base_url(sock, lan, https)
    site.hosts = host_names(lan)
    tls, fingerprint = {}, None
    if https:
        cert, key, fingerprint = certificate_files(paths.data_dir, [site.base_url.split("//")[1].rsplit(":", 1)[0]])
        tls = {"ssl_certfile": str(cert), "ssl_keyfile": str(key)}
    config = uvicorn.Config(create_app(site), log_level="warning", access_log=False, server_header=False,
                            proxy_headers=False, lifespan="off", **tls)
    server = uvicorn.Server(config)
    if not site.encrypted:  # (an encrypted journal's timings can be read only once it is unlocked)
        threading.Thread(target=learn_first_words, args=(site.reading, site.first_words), daemon=True).start()
    announcer.serving(site.base_url + "/", site.login_url(), site.encrypted, fingerprint)
    server.run(sockets=[sock])
    return 0
