"""What every page handler shares: the site, a rendered page, checked parameters.

Nothing is taken from a request unchecked: a date must be a date, a number
a number within bounds, an entry id an id (:func:`assistant.journal.ids.check_id`).
"""
from __future__ import annotations

from datetime import date
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse

from assistant.errors import UserError
from assistant.journal.ids import check_id
from assistant.web.site import Site
from assistant.web.timeline import first_words


def site_of(request: Request) -> Site:
    """The :class:`Site` the app serves."""
    return request.app.state.site


def page(request: Request, name: str, status: int = 200, **values: Any) -> HTMLResponse:
    """A template rendered for the logged-in session (its CSRF token in every form)."""
    session = request.state.session
    return HTMLResponse(site_of(request).render(name, csrf=session.csrf, path=request.url.path, **values),
                        status_code=status)


def date_param(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise HTTPException(400, "not a date") from None


def number_param(text: str | None, default: int, low: int, high: int) -> int:
    try:
        return min(high, max(low, int(text))) if text else default
    except ValueError:
        raise HTTPException(400, "not a number") from None


def first_word_starts(request: Request, journal, found: list[dict[str, Any]]) -> dict[str, float | None]:
    """Where each answer's play starts (see :func:`assistant.web.timeline.first_words`)."""
    return first_words(journal, found, site_of(request).first_words)


def entry_id_param(request: Request) -> str:
    entry_id = request.path_params["entry_id"]
    try:
        check_id(entry_id)
    except UserError:
        raise HTTPException(404) from None
    return entry_id
