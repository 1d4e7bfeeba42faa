"""The journal's pages to read: evenings, one night, one entry, search,
filtered lists (what a mark on a picture links to) and on this day.

Every handler here is behind the login (see :mod:`assistant.web.app`) and
reads the journal through :class:`~assistant.web.site.Site`.
"""
from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import urlencode

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from assistant.errors import UserError
from assistant.journal import corrections
from assistant.journal.queries import EntryFilter, candidates, search_terms
from assistant.journal.stats import is_pebble
from assistant.language.dates import night_of
from assistant.language.themes import THEMES
from assistant.web.handling import date_param, entry_id_param, first_word_starts, number_param, page, site_of
from assistant.web.site import strings
from assistant.web.timeline import evening_page, first_word_s, group_evenings, night_entries, on_this_day

PAGE_SIZE = 20
"""Entries per page of a search or a filtered list."""


async def timeline(request: Request) -> Response:
    before = date_param(request.query_params.get("before"))
    with site_of(request).reading() as journal:
        evenings, older = evening_page(journal, before)
        starts = first_word_starts(request, journal, [x for ev in evenings for x in ev.entries])
    return page(request, "timeline.html", evenings=evenings, starts=starts, older=older, first=before is None)


async def night(request: Request) -> Response:
    day = date_param(request.path_params["night"])
    with site_of(request).reading() as journal:
        found = night_entries(journal, day)
        starts = first_word_starts(request, journal, found)
    if not found:
        raise HTTPException(404)
    return page(request, "entries.html", heading=site_of(request).format_date(day), evenings=group_evenings(found),
                 starts=starts)


async def entry(request: Request) -> Response:
    entry_id = entry_id_param(request)
    with site_of(request).reading() as journal:
        try:
            found = journal.entry(entry_id)
        except UserError:
            raise HTTPException(404) from None
    start = first_word_s(found.get("words") or [])
    return page(request, "entry.html", entry=found, start=start, themes=THEMES, night=night_of(found),
                 heard=corrections.heard_transcript(found), corrected=corrections.is_corrected(found),
                 saved=request.query_params.get("saved") == "1")


async def search(request: Request) -> Response:
    words = (request.query_params.get("q") or "").strip()[:200]
    number = number_param(request.query_params.get("page"), 0, 0, 10_000)
    found, more, starts = [], False, {}
    if search_terms(words):
        with site_of(request).reading() as journal:
            hits = journal.search(words, limit=(number + 1) * PAGE_SIZE + 1)
            more = len(hits) > (number + 1) * PAGE_SIZE
            found = hits[number * PAGE_SIZE:(number + 1) * PAGE_SIZE]
            starts = first_word_starts(request, journal, found)
    return page(request, "search.html", words=words, evenings=group_evenings(found), starts=starts, searched=bool(words),
                 next_url=f"/search?{urlencode({'q': words, 'page': number + 1})}" if more else None)


def _months_between(journal, since: date | None, until: date | None) -> list[str]:
    """The months that may hold answers of nights from ``since`` to ``until``, newest first."""
    low = since.isoformat()[:7] if since else ""
    high = (until + timedelta(days=1)).isoformat()[:7] if until else "9999"
    return [m for m in reversed(journal.months()) if low <= m <= high]


async def entries(request: Request) -> Response:
    """A filtered list (what a mark on a picture links to): ``feeling``,
    ``theme``, ``pebbles``, ``since``, ``until``, ``q``."""
    params = request.query_params
    site = site_of(request)
    since, until = date_param(params.get("since")), date_param(params.get("until"))
    theme = params.get("theme") or None
    if theme and theme not in THEMES:
        raise HTTPException(400, "unknown theme")
    keep = EntryFilter(since=since, until=until, feeling=(params.get("feeling") or None), theme=theme,
                       text=(params.get("q") or None))
    pebbles = params.get("pebbles") == "1"
    number = number_param(params.get("page"), 0, 0, 10_000)
    wanted = (number + 1) * PAGE_SIZE + 1
    found: list[dict] = []
    with site.reading() as journal:
        if keep.terms:
            pool = candidates(journal, keep)
        else:
            pool = (e for month in _months_between(journal, since, until)
                    for e in sorted(journal.month_entries(month), key=lambda e: (e["created_at"], e["id"]), reverse=True))
        for item in pool:
            if keep(item) and (not pebbles or is_pebble(item)):
                found.append(item)
                if len(found) >= wanted:
                    break
        more = len(found) > (number + 1) * PAGE_SIZE
        found = found[number * PAGE_SIZE:(number + 1) * PAGE_SIZE]
        starts = first_word_starts(request, journal, found)
    words = strings(site.language)
    parts = []
    if keep.feeling:
        parts.append(keep.feeling)
    if theme:
        parts.append(words["theme_names"].get(theme, theme))
    if pebbles:
        parts.append(words["pebbles"])
    if since or until:
        parts.append(f"{since.isoformat() if since else ''} – {until.isoformat() if until else ''}")
    query = {k: v for k, v in params.items() if k != "page"}
    return page(request, "entries.html", heading=" · ".join(parts) or words["filtered"],
                 evenings=group_evenings(found), starts=starts,
                 next_url=f"/entries?{urlencode({**query, 'page': number + 1})}" if more else None)


async def this_day(request: Request) -> Response:
    today = date_param(request.query_params.get("day")) or date.today()
    with site_of(request).reading() as journal:
        found = on_this_day(journal, today)
        all_entries = [e for _, _, _, evenings in found for ev in evenings for e in ev.entries]
        starts = first_word_starts(request, journal, all_entries)
    return page(request, "on_this_day.html", found=found, starts=starts, today=today)
