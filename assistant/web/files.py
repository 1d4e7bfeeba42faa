"""What the page hands over as files: exports to download, and the recordings.

A recording is found by its entry's id, through the journal
(:func:`assistant.journal.queries.audio_file` keeps it inside the audio
folder), never by a path the browser sends; it is served in byte ranges
(:mod:`assistant.web.recordings`).
"""
from __future__ import annotations

import json
from datetime import date

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from assistant.errors import UserError
from assistant.journal.queries import audio_file, entries_with_words
from assistant.render.export import to_csv, to_json_export, to_markdown
from assistant.web.handling import entry_id_param, page, site_of
from assistant.web.recordings import BadRange, byte_range, open_recording

EXPORTS = {"md": ("text/markdown", "md"), "json": ("application/json", "json"), "csv": ("text/csv", "csv")}


async def downloads(request: Request) -> Response:
    return page(request, "downloads.html", formats=list(EXPORTS))


async def export(request: Request) -> Response:
    fmt = request.path_params["fmt"]
    if fmt not in EXPORTS:
        raise HTTPException(404)
    site = site_of(request)
    with site.reading() as journal:
        found = list(journal.iter_entries())
        if fmt == "json":
            text = json.dumps(to_json_export(entries_with_words(journal, found), journal.sessions()),
                              ensure_ascii=False, indent=1) + "\n"
    if fmt == "md":
        text = to_markdown(found, site.language)
    elif fmt == "csv":
        text = to_csv(found)
    media, suffix = EXPORTS[fmt]
    name = f"voice-journal-{date.today().isoformat()}.{suffix}"
    return Response(text.encode("utf-8"), media_type=f"{media}; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


async def audio(request: Request) -> Response:
    entry_id = entry_id_param(request)
    site = site_of(request)
    with site.reading() as journal:
        try:
            found = journal.entry(entry_id, with_words=False)
        except UserError:
            raise HTTPException(404) from None
    path = audio_file(found, site.paths.audio_dir)
    if path is None or not path.is_file():
        raise HTTPException(404)
    recording = open_recording(path, site.vault)
    headers = {"Accept-Ranges": "bytes", "Cache-Control": "private, no-store"}
    try:
        wanted = byte_range(request.headers.get("range"), recording.size)
    except BadRange:
        return Response(status_code=416, headers={**headers, "Content-Range": f"bytes */{recording.size}"})
    if wanted is None:
        return Response(recording.read(0, recording.size), media_type=recording.media_type, headers=headers)
    start, end = wanted
    return Response(recording.read(start, end), status_code=206, media_type=recording.media_type,
                    headers={**headers, "Content-Range": f"bytes {start}-{end - 1}/{recording.size}"})
