"""Correcting an entry's feelings, themes or intensity.

The same correction the person can make by voice ("tag that as lonely"),
from the terminal. Feelings are checked against the language's vocabulary
and stored in their canonical form.
"""
from __future__ import annotations

from assistant.errors import UserError
from assistant.language.themes import THEMES


def retag(entry: dict, vocabulary, add=(), remove=(), themes_add=(), themes_remove=(), intensity=None) -> dict:
    """The changed fields of ``entry``; raises UserError on an unknown feeling or theme."""
    def canonical(word: str) -> str:
        found = vocabulary.canonical(word)
        if not found:
            raise UserError(f"'{word}' is not in the feelings vocabulary; 'voice-journal tag \"{word}\"' shows what is")
        return found

    for theme in (*themes_add, *themes_remove):
        if theme not in THEMES:
            raise UserError(f"unknown theme '{theme}'; themes are: {', '.join(THEMES)}")
    if intensity is not None and not 0 <= intensity <= 10:
        raise UserError("--intensity takes a number from 1 to 10 (0 clears it)")
    gone = {canonical(w) for w in remove}
    feelings = [f for f in entry.get("feelings", []) if f not in gone]
    feelings += [w for w in dict.fromkeys(canonical(w) for w in add) if w not in feelings]
    themes = [t for t in entry.get("themes", []) if t not in themes_remove]
    themes += [t for t in dict.fromkeys(themes_add) if t not in themes]
    changes = {"feelings": feelings, "themes": themes}
    if intensity is not None:
        changes["intensity"] = intensity or None
    return changes
