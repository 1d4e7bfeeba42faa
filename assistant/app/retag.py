"""Correcting an entry's feelings, themes or intensity, and learning from the correction.

The same correction the person can make by voice ("tag that as lonely"),
from the terminal. Feelings are checked against the language's vocabulary
and stored in their canonical form. Each correction also teaches the
person's own cues (:mod:`assistant.language.personal`), so a later answer
phrased the same way gets the corrected tags; :func:`relearn` rebuilds them
from a whole journal, whichever way its entries were corrected.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.errors import UserError
from assistant.journal.corrections import corrected_tags
from assistant.language.feelings import load_vocabulary
from assistant.language.personal import PersonalCues, cues_path, load_cues, remember_correction, save_cues
from assistant.language.tagging import tag


def retag(entry: dict, vocabulary, add=(), remove=(), themes_add=(), themes_remove=(), intensity=None) -> dict:
    """The changed fields of ``entry``; raises UserError on an unknown feeling or theme."""
    return corrected_tags(entry, vocabulary, add, remove, themes_add, themes_remove, intensity,
                          intensity_error="--intensity takes a number from 1 to 10 (0 clears it)")


def _joined(language: str) -> bool:
    return load_vocabulary(language).match == "joined"


def learned_cues(journal_folder: Path, language: str) -> PersonalCues:
    """What the person's corrections taught for ``language`` (empty before the first correction)."""
    return load_cues(cues_path(journal_folder), language, _joined(language))


def remember(journal_folder: Path, entry: dict[str, Any], changes: dict[str, Any], language: str) -> None:
    """Learn from a correction of ``entry`` (its fields before) to ``changes`` (the new feelings and themes)."""
    text = entry.get("transcript") or ""
    if not text.strip() or not ({"feelings", "themes"} & set(changes)):
        return
    after = {k: changes.get(k, entry.get(k) or []) for k in ("feelings", "themes")}
    remember_correction(Path(journal_folder), language, _joined(language), text, entry, after)


def relearn(journal) -> dict[str, int]:
    """Rebuild the person's cues from every entry whose tags differ from what the tagger gives.

    That difference is the person's correction, however it was made (spoken,
    ``retag``, the web page). Returns how many entries taught something, per language.
    """
    cues: dict[str, PersonalCues] = {}
    counts: dict[str, int] = {}
    for entry in journal.iter_entries():
        language, text = entry.get("language") or "", entry.get("transcript") or ""
        if not text.strip():
            continue
        try:
            auto = tag(text, language).as_dict()
            joined = _joined(language)
        except UserError:  # a language without word lists teaches nothing
            continue
        added = {k: [x for x in entry.get(k) or [] if x not in auto[k]] for k in auto}
        removed = {k: [x for x in auto[k] if x not in (entry.get(k) or [])] for k in auto}
        if any(added.values()) or any(removed.values()):
            current = cues.get(language) or PersonalCues(language, joined)
            cues[language] = current.learn(text, added, removed)
            counts[language] = counts.get(language, 0) + 1
    path = cues_path(journal.folder)
    for language in cues:
        save_cues(path, cues[language])
    return counts
