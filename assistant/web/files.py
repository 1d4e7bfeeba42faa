"""What the page hands over as files: exports and the full backup to download, and the recordings.

Downloads are made as they are sent (:mod:`assistant.web.streaming`), by
the same writers as ``voice-journal export`` and ``voice-journal backup``:
the journal is never whole in memory, and a backup of an encrypted journal
stays sealed. A recording is found by its entry's id, through the journal
(:func:`assistant.journal.queries.audio_file` keeps it inside the audio
folder), never by a path the browser sends; it is served in byte ranges
(:mod:`assistant.web.recordings`).
"""
from __future__ import annotations

from datetime import date

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from assistant.errors import UserError
from assistant.journal.backup import stream_backup_tar
from assistant.journal.queries import audio_file
from assistant.render.export import export_journal
from assistant.web.handling import entry_id_param, page, site_of
from assistant.web.recordings import BadRange, byte_range, open_recording
from assistant.web.streaming import Utf8, streamed

EXPORTS = {"md": ("text/markdown", "md"), "json": ("application/json", "json"), "csv": ("text/csv", "csv")}


async def downloads(request: Request) -> Response:
    return page(request, "downloads.html", formats=list(EXPORTS))


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "private, no-store"}


async def export(request: Request) -> Response:
    fmt = request.path_params["fmt"]
    if fmt not in EXPORTS:
        raise HTTPException(404)
    site = site_of(request)

    def write(out) -> None:
        with site.reading() as journal:
            export_journal(Utf8(out), journal, fmt, lambda entry: True, site.language)

    media, suffix = EXPORTS[fmt]
    return StreamingResponse(await streamed(write), media_type=f"{media}; charset=utf-8",
                             headers=_attachment(f"voice-journal-{date.today().isoformat()}.{suffix}"))


async def backup(request: Request) -> Response:
    """The full backup as one .tar (extracted: a folder ``voice-journal restore`` takes)."""
    site = site_of(request)
    body = await streamed(lambda out: stream_backup_tar(site.paths, out))
    return StreamingResponse(body, media_type="application/x-tar",
                             headers=_attachment(f"voice-journal-backup-{date.today().isoformat()}.tar"))


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
