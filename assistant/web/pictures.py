"""The pictures: the year in pixels and the patterns of the weeks, as SVG
from :mod:`assistant.render.svg` (the patterns through
:mod:`assistant.web.patterns`, like the fridge chart), every mark a link to its entries."""
from __future__ import annotations

from datetime import date, timedelta

from starlette.requests import Request
from starlette.responses import Response

from assistant.journal.stats import DEFAULT_WEEKS, stats
from assistant.language.dates import night_of, week_start
from assistant.render import svg
from assistant.web import patterns as weekly
from assistant.web.handling import number_param, page, site_of
from assistant.web.moods import year_moods
from assistant.web.site import Site, strings


async def calendar(request: Request) -> Response:
    site = site_of(request)
    with site.reading() as journal:
        months = journal.months()
        newest = int(months[-1][:4]) if months else date.today().year
        year = number_param(request.query_params.get("year"), newest, 1970, 9999)
        moods = year_moods(journal, year)
    words = strings(site.language)
    month_labels = _month_labels(site)
    picture = svg.year_in_pixels(year, moods, lambda night: f"/night/{night.isoformat()}", month_labels,
                                 words["calendar_title"].format(year=year))
    first = int(months[0][:4]) if months else year
    return page(request, "calendar.html", year=year, picture=picture, quadrant_fill=svg.QUADRANT_FILL,
                 previous=year - 1 if year > first else None, following=year + 1 if year < newest else None)


def _month_labels(site: Site) -> list[str]:
    if site.language == "ko":
        return [f"{m}월" for m in range(1, 13)]
    return ["J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"]


async def patterns(request: Request) -> Response:
    site = site_of(request)
    weeks = number_param(request.query_params.get("weeks"), DEFAULT_WEEKS, 2, 104)
    with site.reading() as journal:
        newest = next(journal.iter_entries(newest_first=True, limit=1), None)
        found: list[dict] = []
        if newest is not None:
            start = week_start(night_of(newest)) - timedelta(weeks=weeks - 1)
            for item in journal.iter_entries(newest_first=True):
                if item["created_at"][:10] < start.isoformat():
                    break
                found.append(item)
    data = stats(found, weeks=weeks)
    return page(request, "patterns.html", pictures=weekly.pictures(data, site.language), data=data, weeks=weeks)
