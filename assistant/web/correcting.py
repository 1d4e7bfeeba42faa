"""Correcting what it heard, from the page: a transcript (and putting back
what was heard), feelings, themes and intensity, each through
:mod:`assistant.journal.corrections`, with the journal open for writing for
that one change. The guard (:mod:`assistant.web.app`) has already checked
the form's CSRF token; the form is ``request.state.form``.
"""
from __future__ import annotations

from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from assistant.errors import UserError
from assistant.journal import corrections
from assistant.journal.book import JournalBusy
from assistant.language.feelings import load_vocabulary
from assistant.language.personal import remember_correction
from assistant.language.themes import THEMES
from assistant.web.handling import entry_id_param, page, site_of
from assistant.web.site import strings


async def _correct(request: Request, change) -> Response:
    entry_id = entry_id_param(request)
    form = request.state.form
    site = site_of(request)
    try:
        with site.writing() as journal:
            try:
                found = journal.entry(entry_id, with_words=False)
            except UserError:
                raise HTTPException(404) from None
            changes = change(found, form)
            corrections.apply(journal, entry_id, changes)
            _learn(journal.folder, found, changes, site.language)
    except JournalBusy:
        return page(request, "message.html", status=409, message=strings(site.language)["busy"])
    except UserError as exc:
        return page(request, "message.html", status=400,
                     message=strings(site.language)["bad_request"].format(error=str(exc)))
    return RedirectResponse(f"/entry/{entry_id}?saved=1", status_code=303)


def _learn(journal_folder, found: dict[str, Any], changes: dict[str, Any], site_language: str) -> None:
    """A tag corrected on the page teaches the person's cues, as a spoken
    correction or ``retag`` does, so the next answer phrased the same way is
    tagged the way they meant."""
    text = found.get("transcript") or ""
    if not text.strip() or not ({"feelings", "themes"} & set(changes)):
        return
    language = found.get("language") or site_language
    after = {k: changes.get(k, found.get(k) or []) for k in ("feelings", "themes")}
    remember_correction(journal_folder, language, load_vocabulary(language).match == "joined", text, found, after)


async def correct_transcript(request: Request) -> Response:
    return await _correct(request, lambda found, form: corrections.transcript_changes(found, str(form.get("transcript", ""))))


async def restore_transcript(request: Request) -> Response:
    return await _correct(request, lambda found, form: corrections.restore_changes(found))


def _split_feelings(text: str) -> list[str]:
    return [w.strip() for w in text.replace("、", ",").replace("，", ",").split(",") if w.strip()]


def tag_form_changes(found: dict[str, Any], form, language: str) -> dict[str, Any]:
    """The corrections a submitted tags form asks for: the feelings typed,
    the themes ticked, the intensity given (empty: none)."""
    vocabulary = load_vocabulary(found.get("language") or language)
    typed = []
    for word in _split_feelings(str(form.get("feelings", ""))):
        canonical = vocabulary.canonical(word)
        if not canonical:
            raise UserError(f"'{word}' is not in the feelings vocabulary")
        typed.append(canonical)
    current = list(found.get("feelings") or [])
    themes = [t for t in form.getlist("theme") if t in THEMES]
    level = str(form.get("intensity", "")).strip()
    try:
        intensity = int(level) if level else (0 if found.get("intensity") is not None else None)
    except ValueError:
        raise UserError("intensity is a number from 1 to 10") from None
    return corrections.tag_changes(
        found, vocabulary, add=[w for w in typed if w not in current], remove=[w for w in current if w not in typed],
        themes_add=[t for t in themes if t not in (found.get("themes") or [])],
        themes_remove=[t for t in found.get("themes") or [] if t not in themes], intensity=intensity)


async def correct_tags(request: Request) -> Response:
    language = site_of(request).language
    return await _correct(request, lambda found, form: tag_form_changes(found, form, language))
