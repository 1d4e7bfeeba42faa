"""The web app: its routing table, the guard in front of it, logging in and out.

:class:`Guard` stands before every route. It answers only to the names
the Pi goes by (so a web page elsewhere cannot point its own name at the
Pi's address and talk to it); a path not in :data:`PUBLIC` is served only
to a logged-in browser (others are sent to the login page, or refused);
and every change (any method but GET and HEAD) must come from the page
itself (``Origin``/``Sec-Fetch-Site``) and carry the session's CSRF token
in its form. Being the default, a new route is private without anyone
remembering to make it so; a test walks :func:`routes` to check.

Every answer carries headers that keep the page to itself: a Content
Security Policy allowing nothing from elsewhere and no scripts, no
referrer beyond the page itself, no caching of pages, no framing.
"""
from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from assistant.errors import UserError
from assistant.journal.vault import WrongPassphrase, unlock
from assistant.web import correcting, files, pages, pictures
from assistant.web.access import COOKIE, SESSION_S, csrf_ok
from assistant.web.site import HERE, Site, strings

PUBLIC = ("/login", "/login/speak", "/static/style.css")
"""The only paths served without logging in."""
STATIC = {"style.css": "text/css; charset=utf-8"}
"""The files under ``static/``, by name: nothing else is ever read from there."""
MAX_FORM_BYTES = 256 * 1024
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'none'; style-src 'self'; img-src 'self' data:; media-src 'self'; "
                                 b"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    (b"referrer-policy", b"same-origin"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
]


def _plain(status: int, text: str) -> PlainTextResponse:
    return PlainTextResponse(text, status_code=status)


class Guard:
    """ASGI middleware: the login check, the change check, the security headers."""

    def __init__(self, app, site: Site):
        self.app = app
        self.site = site

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_guarded(message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                headers += [h for h in SECURITY_HEADERS if h[0] not in names]
                if b"cache-control" not in names:
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        request = Request(scope)
        path, method = scope["path"], scope["method"]
        if not self.site.host_allowed(request.headers.get("host", "")):
            return await _plain(421, "unknown host name")(scope, receive, send_guarded)
        change = method not in ("GET", "HEAD")
        if change and not _same_origin(request):
            return await _plain(403, "refused: not from this page")(scope, receive, send_guarded)
        scope.setdefault("state", {})
        if path in PUBLIC:
            if change:
                body = await _read_body(receive)
                if body is None:
                    return await _plain(413, "too large")(scope, receive, send_guarded)
                scope["state"]["form"] = _form(request, body)
            return await self.app(scope, receive, send_guarded)
        session = self.site.sessions.get(request.cookies.get(COOKIE))
        if session is None:
            if change:
                return await _plain(403, "log in first")(scope, receive, send_guarded)
            return await RedirectResponse("/login", status_code=303)(scope, receive, send_guarded)
        scope["state"]["session"] = session
        if change:
            body = await _read_body(receive)
            if body is None:
                return await _plain(413, "too large")(scope, receive, send_guarded)
            form = _form(request, body)
            if not csrf_ok(session, form.get("csrf")):
                return await _plain(403, strings(self.site.language)["csrf"])(scope, receive, send_guarded)
            scope["state"]["form"] = form
        return await self.app(scope, receive, send_guarded)


def _same_origin(request: Request) -> bool:
    """A change must come from this page: a browser says where a request
    comes from (``Sec-Fetch-Site``, ``Origin``); a client that says nothing
    is let through to the CSRF check."""
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    if origin is None or (origin == "null" and site == "same-origin"):
        return True  # "null": a browser keeping the origin to itself, while Sec-Fetch-Site vouches for it
    host = request.headers.get("host", "")
    return origin in (f"http://{host}", f"https://{host}")


async def _read_body(receive) -> bytes | None:
    body = b""
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return body
        body += message.get("body", b"")
        if len(body) > MAX_FORM_BYTES:
            return None
        if not message.get("more_body", False):
            return body


def _form(request: Request, body: bytes) -> FormData:
    """A form sent as ``application/x-www-form-urlencoded`` (the only kind the page sends)."""
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/x-www-form-urlencoded":
        return FormData([])
    return FormData(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))


# --- logging in and out --------------------------------------------------------------------

def _site(request: Request) -> Site:
    return request.app.state.site


def _login_page(request: Request, status: int = 200, error: str | None = None, code: str = "") -> HTMLResponse:
    site = _site(request)
    return HTMLResponse(site.render("login.html", csrf="", path="/login", encrypted=site.encrypted, code=code,
                                    error=error, can_speak=site.say is not None and not site.encrypted,
                                    spoken=request.query_params.get("spoken") == "1"), status_code=status)


async def login_form(request: Request) -> Response:
    site = _site(request)
    if site.sessions.get(request.cookies.get(COOKIE)) is not None:
        return RedirectResponse("/", status_code=303)
    return _login_page(request, code=(request.query_params.get("code") or "")[:100])


async def login(request: Request) -> Response:
    site = _site(request)
    words = strings(site.language)
    form = request.state.form
    if site.throttle.blocked():
        return _login_page(request, 429, words["throttled"].format(seconds=site.throttle.wait_s()))
    if site.encrypted:
        passphrase = str(form.get("passphrase", ""))
        try:
            if not passphrase:
                raise WrongPassphrase("no passphrase")
            # scrypt takes a moment: off the event loop, so a recording keeps playing meanwhile
            site.vault = await asyncio.to_thread(unlock, site.paths.journal_dir, passphrase)
        except WrongPassphrase:
            site.throttle.failed()
            return _login_page(request, 401, words["wrong_passphrase"])
    elif site.say is not None and form.get("spoken"):
        if not site.spoken.use(str(form.get("spoken"))):
            site.throttle.failed()
            return _login_page(request, 401, words["login_failed"])
    elif not site.codes.use(str(form.get("code", ""))):
        site.throttle.failed()
        return _login_page(request, 401, words["login_failed"])
    else:
        site.announce(site.login_url())  # the used code is gone: the next browser gets a fresh link
    session = site.sessions.start()
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(COOKIE, session.token, max_age=SESSION_S, httponly=True, samesite="strict",
                        secure=site.https, path="/")
    return response


async def speak_code(request: Request) -> Response:
    """The Pi says a short login code aloud, for the phone in the same room."""
    site = _site(request)
    if site.say is None or site.encrypted:
        raise HTTPException(404)
    if site.speaking.blocked():
        return _login_page(request, 429, strings(site.language)["throttled"].format(seconds=site.speaking.wait_s()))
    site.speaking.failed()
    code = site.spoken.new()
    site.say(strings(site.language)["spoken_code"].format(digits=" ".join(code)))
    return RedirectResponse("/login?spoken=1", status_code=303)


async def logout(request: Request) -> Response:
    _site(request).sessions.end(request.cookies.get(COOKIE))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict", secure=_site(request).https)
    return response


async def static(request: Request) -> Response:
    name = request.url.path.rsplit("/", 1)[-1]
    if name not in STATIC:
        raise HTTPException(404)
    return Response((HERE / "static" / name).read_bytes(), media_type=STATIC[name],
                    headers={"Cache-Control": "private, max-age=3600"})


# --- the app ------------------------------------------------------------------------------

def routes() -> list[Route]:
    """The routing table; every path here but :data:`PUBLIC` is behind the login."""
    return [
        Route("/login", login_form, methods=["GET"]),
        Route("/login", login, methods=["POST"]),
        Route("/login/speak", speak_code, methods=["POST"]),
        Route("/static/style.css", static, methods=["GET"]),
        Route("/logout", logout, methods=["POST"]),
        Route("/", pages.timeline, methods=["GET"]),
        Route("/night/{night}", pages.night, methods=["GET"]),
        Route("/entry/{entry_id}", pages.entry, methods=["GET"]),
        Route("/entry/{entry_id}/transcript", correcting.correct_transcript, methods=["POST"]),
        Route("/entry/{entry_id}/restore", correcting.restore_transcript, methods=["POST"]),
        Route("/entry/{entry_id}/tags", correcting.correct_tags, methods=["POST"]),
        Route("/audio/{entry_id}", files.audio, methods=["GET"]),
        Route("/search", pages.search, methods=["GET"]),
        Route("/entries", pages.entries, methods=["GET"]),
        Route("/on-this-day", pages.this_day, methods=["GET"]),
        Route("/calendar", pictures.calendar, methods=["GET"]),
        Route("/patterns", pictures.patterns, methods=["GET"]),
        Route("/downloads", files.downloads, methods=["GET"]),
        Route("/export/{fmt}", files.export, methods=["GET"]),
        Route("/backup.tar", files.backup, methods=["GET"]),
    ]


async def _problem(request: Request, exc: Exception) -> Response:
    site = _site(request)
    words = strings(site.language)
    if isinstance(exc, HTTPException):
        status, message = exc.status_code, words["not_found"] if exc.status_code == 404 else str(exc.detail)
    else:
        status, message = 400, words["bad_request"].format(error=str(exc))
    session = getattr(request.state, "session", None)
    return HTMLResponse(site.render("message.html", csrf=session.csrf if session else "", path=request.url.path,
                                    message=message, logged_in=session is not None), status_code=status)


def create_app(site: Site) -> Any:
    """The ASGI app of ``site``: the routes, behind :class:`Guard`."""
    app = Starlette(routes=routes(), exception_handlers={HTTPException: _problem, UserError: _problem})
    app.state.site = site
    return Guard(app, site)

