"""The person's own words for their feelings, learned from their corrections.

When someone says "tag that as lonely" about "ate dinner at my desk again",
the next answer that says "ate dinner at my desk" should be tagged lonely
too, and an answer phrased like one they untagged should stay untagged. A
:class:`Lesson` keeps what one correction taught: the tag, whether it was
added or taken away, and the answer's phrases (runs of three words; in
Korean, six letters with the spaces taken out, since Vosk splits Korean
words unpredictably). A later answer that shares one of those phrases
gets the lesson applied, and the explanation names the shared words.

The phrases are stored only as keyed hashes (the key kept in the same file),
so the file beside the journal does not hold the person's words in the clear.
"""
from __future__ import annotations

import hashlib
import json
import os
import secrets
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable

from assistant.language.matching import Text

FILE_NAME = "personal_cues.json"
MAX_LESSONS = 500
"""Per language; the oldest go first (a person's phrasing drifts)."""
KINDS = ("feelings", "themes")
_STOP = frozenset("i me my a an the and or but so to of in on at it it's is was were am are be been "
                  "that this just really very like um uh".split())
_KO_RUN = 6


@dataclass(frozen=True)
class Lesson:
    kind: str
    """"feelings" or "themes"."""
    name: str
    add: bool
    """True: answers phrased like this get the tag; False: they do not."""
    units: frozenset[str]


def _runs(words: Text, joined: bool) -> list[tuple[str, tuple[int, int]]]:
    """The answer's phrases with the words they span: 3-word runs, or 6-letter runs in Korean."""
    if joined:
        text = words.joined
        return [(text[i:i + _KO_RUN], (words.owner[i], words.owner[i + _KO_RUN - 1] + 1))
                for i in range(len(text) - _KO_RUN + 1)]
    t = words.tokens
    return [(" ".join(t[i:i + 3]), (i, i + 3)) for i in range(len(t) - 2)
            if any(w not in _STOP for w in t[i:i + 3])]


@dataclass(frozen=True)
class PersonalCues:
    language: str
    joined: bool = False
    """How the language is read (see :mod:`assistant.language.feelings`, ``match``)."""
    key: str = ""
    lessons: tuple[Lesson, ...] = ()

    def _hash(self, unit: str) -> str:
        return hashlib.blake2b(unit.encode("utf-8"), key=self.key.encode("ascii"), digest_size=8).hexdigest()

    def _hashed(self, words: Text) -> dict[str, tuple[int, int]]:
        out: dict[str, tuple[int, int]] = {}
        for unit, span in _runs(words, self.joined):
            out.setdefault(self._hash(unit), span)
        return out

    def _verdicts(self, kind: str, words: Text) -> dict[str, tuple[bool, tuple[int, int]]]:
        """For each tag some lesson speaks about here: the latest lesson's verdict and the shared words."""
        index = self._index.get(kind)
        if not index:
            return {}
        first: dict[int, tuple[int, int]] = {}
        for unit, span in self._hashed(words).items():
            for n in index.get(unit, ()):
                first.setdefault(n, span)
        out: dict[str, tuple[bool, tuple[int, int]]] = {}
        for n in sorted(first):  # oldest first, so the latest lesson about a tag wins
            lesson = self.lessons[n]
            out[lesson.name] = (lesson.add, first[n])
        return out

    @cached_property
    def _index(self) -> dict[str, dict[str, list[int]]]:
        """Per kind, each hashed phrase and the lessons (by position) that hold it."""
        index: dict[str, dict[str, list[int]]] = {}
        for n, lesson in enumerate(self.lessons):
            by_unit = index.setdefault(lesson.kind, {})
            for unit in lesson.units:
                by_unit.setdefault(unit, []).append(n)
        return index

    def verdicts(self, kind: str, words: Text) -> tuple[dict[str, str], set[str]]:
        """What the corrections say here: tags to add (with the words shared with the corrected
        answer) and tags to take off, the latest lesson about each tag winning."""
        add: dict[str, str] = {}
        drop: set[str] = set()
        for name, (wanted, (a, b)) in self._verdicts(kind, words).items():
            if wanted:
                add[name] = " ".join(words.tokens[a:b])
            else:
                drop.add(name)
        return add, drop

    def learn(self, text: str, added: dict[str, Iterable[str]], removed: dict[str, Iterable[str]]) -> "PersonalCues":
        """These cues plus what one correction of ``text`` taught (``{"feelings": [...], "themes": [...]}``)."""
        cues = self if self.key else replace(self, key=secrets.token_hex(16))
        units = frozenset(cues._hashed(Text.of(text)))
        if not units:
            return cues
        new = [Lesson(kind, name, add, units) for add, changes in ((True, added), (False, removed))
               for kind in KINDS for name in dict.fromkeys(changes.get(kind, ()))]
        if not new:
            return cues
        return replace(cues, lessons=(cues.lessons + tuple(new))[-MAX_LESSONS:])

    def as_json(self) -> dict[str, Any]:
        return {"joined": self.joined, "key": self.key,
                "lessons": [{"kind": l.kind, "name": l.name, "add": l.add, "units": sorted(l.units)} for l in self.lessons]}


# --- the file beside the journal -------------------------------------------------

def cues_path(journal_folder: Path) -> Path:
    return Path(journal_folder) / FILE_NAME


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # missing or damaged: start afresh rather than stop tagging
        return {}
    return data if isinstance(data, dict) else {}


def load_cues(path: Path, language: str, joined: bool) -> PersonalCues:
    """The cues learned for ``language``; empty if there are none yet (or the file is unreadable)."""
    data = _read(path).get(language)
    if not isinstance(data, dict):
        return PersonalCues(language, joined)
    lessons = []
    for item in data.get("lessons") or []:
        try:
            if item["kind"] in KINDS:
                lessons.append(Lesson(item["kind"], str(item["name"]), bool(item["add"]), frozenset(map(str, item["units"]))))
        except (KeyError, TypeError):
            continue
    return PersonalCues(language, joined, str(data.get("key") or ""), tuple(lessons))


def save_cues(path: Path, cues: PersonalCues) -> None:
    """Write ``cues`` for its language, keeping the other languages' (owner-only, replaced whole)."""
    data = _read(path)
    data[cues.language] = cues.as_json()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(data, out)
    os.replace(tmp, path)


def remember_correction(journal_folder: Path, language: str, joined: bool, text: str,
                        before: dict[str, Iterable[str]], after: dict[str, Iterable[str]]) -> PersonalCues:
    """Learn from one correction of an answer's tags (``before`` and ``after``: ``{"feelings", "themes"}``) and save.

    Every way of correcting (the spoken "tag that as lonely", ``retag``, the
    web page) can call this, so the next answer phrased the same way is tagged
    the way the person meant.
    """
    path = cues_path(journal_folder)
    was = {k: list(before.get(k) or []) for k in KINDS}
    now = {k: list(after.get(k) or []) for k in KINDS}
    added = {k: [x for x in now[k] if x not in was[k]] for k in KINDS}
    removed = {k: [x for x in was[k] if x not in now[k]] for k in KINDS}
    cues = load_cues(path, language, joined)
    if not any(added.values()) and not any(removed.values()):
        return cues
    cues = cues.learn(text, added, removed)
    save_cues(path, cues)
    return cues
