"""People's given names: a word that is one is someone other than the speaker.

Vosk writes names in lowercase like every other word, so "priya pitched the
idea and the boss talked right over her" reads, to the word lists, as if
anyone might have pitched it. ``prompts/<lang>/names.json`` lists the given
names in common use that are no ordinary word too; the guards of
:mod:`assistant.language.tagging` read one where they read "my sister" or
"she": the one a theme or a feeling is told of. A language without the file
(Korean marks its subjects with 가/는 instead) has none.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from assistant.datafile import read_json
from assistant.errors import UserError
from assistant.language import schema

FILE_NAME = "names.json"


class NamesFileError(UserError):
    """names.json is not a list of lowercase names."""


NAME = schema.refine(schema.text("{label} has a name that is not text"), lambda v: v.isalpha() and v == v.lower(),
                     "{label} has {value!r}; write each name in lowercase letters only")
NAMES_FILE = schema.obj({
    "names": schema.Key(schema.items(NAME, "{label} needs a 'names' list of names"), missing="{label} needs 'names'"),
}, "{label} is not an object", unknown="{label} has unknown key(s) {keys}")


@lru_cache(maxsize=None)
def read_names(path: Path) -> frozenset[str]:
    """The names in ``path`` (empty when there is no such file)."""
    if not path.is_file():
        return frozenset()
    data = schema.check(NAMES_FILE, read_json(path, error=NamesFileError), path, error=NamesFileError)
    return frozenset(data["names"])
