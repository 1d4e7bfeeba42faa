"""The web page through its own app (no server, no browser): private by
default, changes need a CSRF token, transcripts are text, audio in ranges,
corrections reach search and exports."""
from __future__ import annotations

import re

import pytest

from assistant.journal.book import Journal
from assistant.web.access import COOKIE
from assistant.web.app import PUBLIC, routes
from tests.web_helpers import build_journal, client_for, csrf_of, make_site

SAMPLE_PARAMS = {"night": "2026-11-23", "entry_id": "2026-11-23.1", "fmt": "md"}


@pytest.fixture
def built(tmp_path):
    return build_journal(tmp_path)


@pytest.fixture
def site(built):
    return make_site(built)


@pytest.fixture
def client(site):
    return client_for(site)


def _every_route():
    for route in routes():
        path = route.path.format(**SAMPLE_PARAMS)
        for method in sorted(route.methods - {"HEAD"}):
            yield route.path, path, method


def test_public_paths_are_only_login_and_the_stylesheet():
    assert set(PUBLIC) == {"/login", "/login/speak", "/static/style.css"}
    assert {r.path for r in routes()} >= set(PUBLIC)


@pytest.mark.parametrize("template, path, method", list(_every_route()))
def test_every_route_but_login_and_static_needs_login(site, template, path, method):
    client = client_for(site, logged_in=False)
    answer = client.request(method, path)
    if template in PUBLIC:
        assert answer.status_code in (200, 401, 404), (method, path, answer.status_code)
        return
    if method == "GET":
        assert answer.status_code == 303 and answer.headers["location"] == "/login", (path, answer.status_code)
    else:
        assert answer.status_code == 403, (method, path, answer.status_code)
    assert "lonely" not in answer.text and "zebra" not in answer.text


def test_a_made_up_cookie_is_no_login(site):
    client = client_for(site, logged_in=False)
    client.cookies.set(COOKIE, "guess")
    assert client.get("/").status_code == 303


@pytest.mark.parametrize("template, path, method",
                         [r for r in _every_route() if r[2] == "POST" and r[0] not in PUBLIC])
def test_every_change_needs_the_csrf_token(built, client, template, path, method):
    before = sorted(p.read_bytes() for p in built.paths.journal_dir.glob("*.json"))
    for form in ({}, {"csrf": "wrong", "transcript": "changed"}):
        answer = client.request(method, path, data=form)
        assert answer.status_code == 403, (path, form)
    assert sorted(p.read_bytes() for p in built.paths.journal_dir.glob("*.json")) == before
    assert client.get("/").status_code == 200  # still logged in: logout was refused too


def test_a_change_from_another_site_is_refused_even_with_the_token(client):
    csrf = csrf_of(client)
    answer = client.post("/entry/2026-11-23.1/transcript", data={"csrf": csrf, "transcript": "x"},
                         headers={"Origin": "http://evil.example"})
    assert answer.status_code == 403
    answer = client.post("/entry/2026-11-23.1/transcript", data={"csrf": csrf, "transcript": "x"},
                         headers={"Sec-Fetch-Site": "cross-site"})
    assert answer.status_code == 403


def test_the_login_code_works_once_and_a_fresh_link_is_announced(site):
    announced = []
    site.announce = announced.append
    client = client_for(site, logged_in=False)
    code = site.login_url().split("code=", 1)[1]
    page = client.get(f"/login?code={code}")
    assert page.status_code == 200 and code in page.text  # a GET does not use it (link previews)
    first = client.post("/login", data={"code": code})
    assert first.status_code == 303
    cookie = first.headers["set-cookie"]
    assert "HttpOnly" in cookie and "samesite=strict" in cookie.lower() and "Path=/" in cookie
    other = client_for(site, logged_in=False)
    assert other.post("/login", data={"code": code}).status_code == 401
    assert len(announced) == 1 and "code=" in announced[-1] and code not in announced[-1]


def test_logins_are_rate_limited(site):
    client = client_for(site, logged_in=False)
    for _ in range(5):
        assert client.post("/login", data={"code": "wrong"}).status_code == 401
    right = site.login_url().split("code=", 1)[1]
    answer = client.post("/login", data={"code": right})
    assert answer.status_code == 429 and COOKIE not in answer.headers.get("set-cookie", "")


def test_logout_ends_the_session(client):
    assert client.post("/logout", data={"csrf": csrf_of(client)}).status_code == 303
    assert client.get("/").status_code == 303


def test_pages_keep_to_themselves(client):
    answer = client.get("/")
    csp = answer.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp  # no script may run
    assert answer.headers["referrer-policy"] == "same-origin"
    assert answer.headers["cache-control"] == "no-store"
    assert not re.search(r"(src|href)=\"(https?:)?//", answer.text)  # nothing from elsewhere


def test_transcripts_are_text_never_markup(client, built):
    for path in ("/", "/night/2026-11-25", f"/entry/{built.ids['markup']}", "/search?q=zebra"):
        page = client.get(path).text
        assert "zebra" in page, path
        assert "<script>alert" not in page and "<img src=x" not in page, path
        assert "&lt;script&gt;alert(" in page and "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in page, path


def test_the_timeline_shows_evenings_newest_first_with_their_tags(client):
    page = client.get("/").text
    assert page.index("2026") < page.index("zebra") < page.index("never wrote back")
    assert "lonely" in page and "#unanswered" in page and "Intensity 6/10" in page
    assert "November 23rd" in page and "November 25th" in page


def test_play_starts_at_the_first_word(client, built):
    assert f'src="/audio/{built.ids["recorded"]}#t=0.6"' in client.get("/").text


def test_audio_is_served_in_ranges(client, built):
    whole = (built.paths.audio_dir / "2026-11-23/answer-1.wav").read_bytes()
    url = f"/audio/{built.ids['recorded']}"
    full = client.get(url)
    assert full.status_code == 200 and full.content == whole and full.headers["accept-ranges"] == "bytes"
    part = client.get(url, headers={"Range": "bytes=100-199"})
    assert part.status_code == 206 and part.content == whole[100:200]
    assert part.headers["content-range"] == f"bytes 100-199/{len(whole)}"
    assert part.headers["content-type"] == "audio/wav"
    tail = client.get(url, headers={"Range": "bytes=-10"})
    assert tail.status_code == 206 and tail.content == whole[-10:]
    assert client.get(url, headers={"Range": f"bytes={len(whole)}-"}).status_code == 416


def test_audio_is_found_by_entry_id_only(client, built):
    assert client.get("/audio/..%2F..%2Fjournal%2Fkey.json").status_code == 404
    assert client.get(f"/audio/{built.ids['proud']}").status_code == 404  # no recording kept
    with Journal(built.paths.journal_dir) as journal:  # an entry pointing outside the audio folder
        journal.update_entry(built.ids["proud"], {"audio": "../journal/" + next(
            built.paths.journal_dir.glob("????-??.json")).name})
    assert client.get(f"/audio/{built.ids['proud']}").status_code == 404


def test_a_corrected_transcript_is_what_search_and_exports_use_and_can_be_put_back(client, built):
    entry_id = built.ids["recorded"]
    csrf = csrf_of(client)
    answer = client.post(f"/entry/{entry_id}/transcript",
                         data={"csrf": csrf, "transcript": "my friend Jiwoo never wrote back and i felt left out"})
    assert answer.status_code == 303 and answer.headers["location"] == f"/entry/{entry_id}?saved=1"
    assert entry_id in client.get("/search?q=jiwoo").text
    assert "Jiwoo" in client.get("/export/md").text and "Jiwoo" in client.get("/export/csv").text
    with Journal(built.paths.journal_dir, write=False) as journal:
        entry = journal.entry(entry_id)
    assert entry["heard"] == "my friend never wrote back and i felt lonely"
    assert "left out" in entry["feelings"] and "lonely" not in entry["feelings"]  # tagged again
    page = client.get(f"/entry/{entry_id}").text
    assert "Put back what it heard" in page and "my friend never wrote back and i felt lonely" in page
    assert client.post(f"/entry/{entry_id}/restore", data={"csrf": csrf}).status_code == 303
    assert entry_id not in client.get("/search?q=jiwoo").text
    with Journal(built.paths.journal_dir, write=False) as journal:
        entry = journal.entry(entry_id)
    assert entry["transcript"] == "my friend never wrote back and i felt lonely" and entry["feelings"] == ["lonely"]
    assert [c["field"] for c in entry["corrections"]] == ["transcript", "transcript"]


def test_correcting_tags_is_recorded(client, built):
    entry_id = built.ids["recorded"]
    answer = client.post(f"/entry/{entry_id}/tags", data={
        "csrf": csrf_of(client), "feelings": "lonely, gutted", "theme": ["unanswered", "left-out"], "intensity": "8"})
    assert answer.status_code == 303
    with Journal(built.paths.journal_dir, write=False) as journal:
        entry = journal.entry(entry_id)
    assert entry["feelings"] == ["lonely", "disappointed"]
    assert entry["themes"] == ["unanswered", "left-out"] and entry["intensity"] == 8
    assert {c["field"] for c in entry["corrections"]} == {"feelings", "themes", "intensity"}
    assert "disappointed" in client.get("/").text


def test_an_unknown_feeling_is_said_and_changes_nothing(client, built):
    answer = client.post(f"/entry/{built.ids['recorded']}/tags", data={"csrf": csrf_of(client), "feelings": "banana"})
    assert answer.status_code == 400 and "banana" in answer.text
    with Journal(built.paths.journal_dir, write=False) as journal:
        assert journal.entry(built.ids["recorded"])["feelings"] == ["lonely"]


def test_calendar_and_patterns_link_to_their_entries(client):
    calendar = client.get("/calendar").text
    assert 'href="/night/2026-11-23"' in calendar and 'href="/night/2026-11-25"' in calendar
    assert "#4f7fd0" in calendar  # lonely: unpleasant and calm, blue
    night = client.get("/night/2026-11-23").text
    assert "never wrote back" in night and "zebra" not in night
    patterns = client.get("/patterns").text
    links = re.findall(r'href="(/entries\?[^"]+)"', patterns)
    assert any("theme=unanswered" in link for link in links) and any("feeling=lonely" in link for link in links)
    listed = client.get(next(link for link in links if "theme=unanswered" in link).replace("&amp;", "&")).text
    assert "never wrote back" in listed and "proud of myself" not in listed


def test_on_this_day_finds_a_week_ago(client):
    page = client.get("/on-this-day?day=2026-12-02").text
    assert "A week ago" in page and "zebra" in page


def test_downloads_come_from_the_exporters(client):
    assert "Diary (Markdown)" in client.get("/downloads").text
    exported = client.get("/export/json")
    assert exported.headers["content-disposition"].startswith("attachment;")
    assert exported.json()["format"] == "voice-journal-export" and len(exported.json()["entries"]) == 3
    assert client.get("/export/exe").status_code == 404


def test_the_page_speaks_the_journal_language(tmp_path):
    built = build_journal(tmp_path, "ko")
    client = client_for(make_site(built, "ko"))
    page = client.get("/").text
    assert "저녁들" in page and "외로움" in page and "11월 23일" in page
    assert "작은 돌" in client.get("/patterns").text


def test_an_empty_journal_says_how_to_start(tmp_path):
    from assistant.paths import Paths
    from assistant.settings import Settings
    from assistant.web.site import Site

    site = Site(Paths(tmp_path / "none", tmp_path / "c.toml"), Settings())
    client = client_for(site)
    assert "No evenings yet" in client.get("/").text
    assert client.get("/calendar").status_code == 200 and client.get("/patterns").status_code == 200


def test_search_pages_through_many_hits(client, built):
    with Journal(built.paths.journal_dir) as journal:
        for i in range(25):
            journal.add_entry({"session": "s", "created_at": f"2026-10-{i + 1:02d}T21:00:00+00:00", "language": "en",
                               "prompt_id": "p", "transcript": f"zebra crossing number {i}", "words": []})
    first = client.get("/search?q=crossing").text
    assert first.count('class="answer"') == 20 and 'href="/search?q=crossing&amp;page=1"' in first
    second = client.get("/search?q=crossing&page=1").text
    assert second.count('class="answer"') == 5 and 'rel="next"' not in second
    assert "zebra crossing number 0" in second and "zebra crossing number 24" in first


def test_only_the_pis_own_names_are_answered(site):
    site.hosts = frozenset({"127.0.0.1", "localhost"})
    client = client_for(site, logged_in=False)
    assert client.get("/login", headers={"Host": "127.0.0.1:8765"}).status_code == 200
    assert client.get("/login", headers={"Host": "evil.example:8765"}).status_code == 421


def test_on_the_lan_the_pi_can_say_a_short_code(site):
    said = []
    site.say = said.append
    client = client_for(site, logged_in=False)
    assert "Ask the Pi to say a code" in client.get("/login").text
    answer = client.post("/login/speak")
    assert answer.status_code == 303 and answer.headers["location"] == "/login?spoken=1"
    digits = "".join(ch for ch in said[0] if ch.isdigit())[:6]
    assert said[0].startswith("The code for your journal page is") and len(digits) == 6
    assert 'name="spoken"' in client.get("/login?spoken=1").text
    assert client.post("/login/speak").status_code == 429  # not again within half a minute
    assert client.post("/login", data={"spoken": digits}).status_code == 303
    assert client.get("/").status_code == 200


def test_without_a_voice_no_code_is_spoken(site):
    client = client_for(site, logged_in=False)
    assert "Ask the Pi" not in client.get("/login").text
    assert client.post("/login/speak").status_code == 404
    assert client.post("/login", data={"spoken": "123456"}).status_code == 401
