"""A small journal with recordings, a web site over it, and a logged-in test client."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.audio.chunks import WavWriter, tone
from assistant.journal.book import Journal
from assistant.journal.sealed_audio import SealedWavWriter
from assistant.paths import Paths
from assistant.settings import Settings

RATE_HZ = 16_000
SCRIPT = "<script>alert('x')</script>"
IMG = '"><img src=x onerror=alert(1)>'


@dataclass
class Built:
    paths: Paths
    ids: dict[str, str]


def record(path: Path, seconds: float = 1.0, vault=None) -> Path:
    """A short tone, as an answer's recording (sealed when ``vault`` is given)."""
    writer = SealedWavWriter(path, RATE_HZ, vault) if vault else WavWriter(path, RATE_HZ)
    with writer:
        for _ in range(int(seconds * 10)):
            writer.write(tone(440, 0.1, RATE_HZ))
    return path


def build_journal(root: Path, language: str = "en", vault=None) -> Built:
    """Three answers on two nights: one recorded (its first word at 0.6 s),
    one naming a feeling and a theme, one whose transcript holds markup."""
    paths = Paths(root / "data", root / "config.toml")
    paths.ensure_private_dirs()
    korean = language == "ko"
    ids = {}
    with Journal(paths.journal_dir, vault=vault) as journal:
        session = journal.start_session(language)
        audio = "2026-11-23/answer-1.wav"
        record(paths.audio_dir / audio, vault=vault)
        ids["recorded"] = journal.add_entry({
            "session": session, "created_at": "2026-11-23T21:00:00+00:00", "language": language,
            "prompt_id": "checkin-01", "prompt_text": "오늘 어땠어요?" if korean else "How was today?",
            "transcript": "친구가 답장이 없어서 외로웠어요" if korean else "my friend never wrote back and i felt lonely",
            "feelings": ["외로움"] if korean else ["lonely"], "themes": ["unanswered"], "intensity": 6,
            "words": [{"word": "my", "start": 0.6, "end": 0.8, "conf": 1.0}], "audio": audio, "duration_s": 1.0})
        ids["proud"] = journal.add_entry({
            "session": session, "created_at": "2026-11-23T21:03:00+00:00", "language": language,
            "prompt_id": "wins-01", "prompt_text": "잘된 일은요?" if korean else "What went well?",
            "transcript": "발표를 잘 해서 뿌듯했어요" if korean else "i gave the talk and i was proud of myself",
            "feelings": ["뿌듯함"] if korean else ["proud"], "themes": ["win"], "intensity": None, "words": [],
            "audio": None})
        later = journal.start_session(language)
        ids["markup"] = journal.add_entry({
            "session": later, "created_at": "2026-11-25T21:00:00+00:00", "language": language,
            "prompt_id": "checkin-02", "prompt_text": f"prompt {IMG}", "transcript": f"zebra {SCRIPT} and {IMG}",
            "feelings": [], "themes": [], "intensity": None, "words": [], "audio": None})
    return Built(paths, ids)


def make_site(built: Built, language: str = "en"):
    from assistant.web.site import Site

    site = Site(built.paths, Settings(language=language))
    site.base_url = "http://testserver"
    return site


def client_for(site, logged_in: bool = True):
    """A test client of the site's app, logged in through its one-time link."""
    from starlette.testclient import TestClient

    from assistant.web.app import create_app

    client = TestClient(create_app(site), base_url="http://testserver", follow_redirects=False)
    if logged_in:
        code = site.login_url().split("code=", 1)[1]
        answer = client.post("/login", data={"code": code})
        assert answer.status_code == 303, answer.text
    return client


def csrf_of(client, path: str = "/") -> str:
    page = client.get(path).text
    return page.split('name="csrf" value="', 1)[1].split('"', 1)[0]
