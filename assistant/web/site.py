"""What the web page runs on: the journal's folders, its key, who is logged in, the words and templates.

One :class:`Site` per server. It opens the journal through the same library
as the command line, per request (read-only, no lock, so a page loads while
an evening is being recorded; for a correction, briefly for writing), and
keeps no entries between requests. The key of an encrypted journal is held
in memory once the passphrase has been given in the browser, and nowhere
else.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from jinja2 import Environment, FileSystemLoader, select_autoescape

from assistant.conversation.replay import load_replay
from assistant.errors import UserError
from assistant.journal.book import Journal
from assistant.journal.vault import Vault, is_encrypted
from assistant.render.svg import QUADRANT_FILL, THEME_FILL
from assistant.web.access import LoginCodes, Sessions, SpokenCodes, Throttle
from assistant.web.moods import feeling_colour
from assistant.web.words import strings  # the pages take their words from here

HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def templates() -> Environment:
    """Jinja2 templates with every value escaped: a transcript is text, never markup."""
    return Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                       trim_blocks=True, lstrip_blocks=True)


@dataclass
class Site:
    paths: Any
    settings: Any
    https: bool = False
    announce: Callable[[str], None] = lambda login_url: None
    """Called with a new login link after a code is used (the server prints it)."""
    base_url: str = ""
    say: Callable[[str], None] | None = None
    """Speaks a sentence aloud on the Pi (on the LAN, for a spoken login code); None: not offered."""
    codes: LoginCodes = field(default_factory=LoginCodes)
    spoken: SpokenCodes = field(default_factory=SpokenCodes)
    speaking: Throttle = field(default_factory=lambda: Throttle(per_window=1, window_s=30.0))
    """At most one spoken code each half minute: nobody can make the Pi talk on and on."""
    sessions: Sessions = field(default_factory=Sessions)
    throttle: Throttle = field(default_factory=Throttle)
    vault: Vault | None = None
    hosts: frozenset[str] | None = None
    """The host names the page answers to (None: any, as in tests)."""
    first_words: dict[str, dict[str, float | None]] = field(default_factory=dict)
    """When each answer's first word starts, by month: see :func:`assistant.web.timeline.first_words`."""

    @property
    def language(self) -> str:
        return self.settings.language

    @property
    def encrypted(self) -> bool:
        return is_encrypted(self.paths.journal_dir)

    def login_url(self) -> str:
        """The link that logs in: with a fresh one-time code (no code for an encrypted journal)."""
        if self.encrypted:
            return f"{self.base_url}/login"
        return f"{self.base_url}/login?code={self.codes.new()}"

    def host_allowed(self, host: str) -> bool:
        """Whether a request's Host header names this Pi (its port aside)."""
        if self.hosts is None:
            return True
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return name.strip("[]").lower() in self.hosts

    def reading(self) -> Journal:
        """The journal for reading (no lock); UserError when it is locked."""
        return Journal(self.paths.journal_dir, write=False, vault=self._key())

    def writing(self) -> Journal:
        """The journal for one correction (JournalBusy while an evening is being recorded)."""
        return Journal(self.paths.journal_dir, write=True, vault=self._key())

    def _key(self) -> Vault | None:
        if self.encrypted and self.vault is None:
            raise UserError(strings(self.language)["locked"])
        return self.vault if self.encrypted else None

    def format_date(self, day: date, with_year: bool = True) -> str:
        try:
            return load_replay(self.language).format_date(day, with_year=with_year)
        except UserError:
            return day.isoformat()

    def render(self, name: str, **values: Any) -> str:
        words = strings(self.language)
        return templates().get_template(name).render(
            t=words, lang=self.language, format_date=self.format_date, theme_name=lambda t: words["theme_names"].get(t, t),
            feeling_fill=lambda word, language=None: QUADRANT_FILL.get(feeling_colour(word, language or self.language) or "none"),
            theme_fill=lambda theme: THEME_FILL.get(theme, "#cccccc"), **values)
