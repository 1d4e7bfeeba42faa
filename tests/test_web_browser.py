"""The page in a real browser: Debian's Chromium driven by Playwright.

``voice-journal web --json --port 0`` runs as a subprocess over a small
journal; the browser logs in through the link it prints, sees an evening,
plays an answer (from its first word), corrects a transcript and finds it
by search, corrects a tag (which a later edit keeps), opens the calendar
and the patterns, downloads the full backup, and takes phone-sized and
desktop screenshots, in English and in Korean (into the test's temporary
folder). No request may leave the Pi's address.

Needs ``apt-get install chromium fonts-nanum`` and the ``playwright``
package (its own browser download is not used: the system Chromium is).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from tests.web_helpers import build_journal

pytestmark = pytest.mark.stack

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync",
                 "--autoplay-policy=no-user-gesture-required"]
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
WORDS = {
    "en": {"log_in": "Open my journal", "answer": "never wrote back", "correct": "Correct", "save": "Save",
           "search": "Search", "fixed": "my friend Jiwoo never wrote back and i felt lonely", "find": "jiwoo",
           "feelings": "lonely, gutted", "tagged": "disappointed", "again": " again tonight",
           "backup": "Download the full backup (.tar)"},
    "ko": {"log_in": "내 일기 열기", "answer": "답장이 없어서", "correct": "고치기", "save": "저장",
           "search": "찾기", "fixed": "친구 지우가 답장이 없어서 외로웠어요", "find": "지우",
           "feelings": "외로움, 서운함", "tagged": "서운함", "again": " 오늘 밤도",
           "backup": "전체 백업 내려받기 (.tar)"},
}


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("no chromium: apt-get install chromium")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def server(tmp_path, request):
    """``voice-journal web`` over a fresh journal: (its JSON event, the journal)."""
    language = request.param
    built = build_journal(tmp_path, language)
    env = {k: v for k, v in os.environ.items() if not k.startswith("VOICE_JOURNAL_")}
    env.update(VOICE_JOURNAL_HOME=str(built.paths.data_dir), XDG_CONFIG_HOME=str(tmp_path / "config"))
    process = subprocess.Popen([sys.executable, "-m", "assistant", "web", "--json", "--port", "0", "--lang", language],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                               cwd=Path(__file__).resolve().parent.parent)
    try:
        line = process.stdout.readline()
        assert line, process.stderr.read()
        event = json.loads(line)
        yield event, built, language
    finally:
        process.terminate()
        process.wait(timeout=10)


def _stay_home(page, url: str) -> list[str]:
    """Every URL the page asks for; anything not on the Pi is refused."""
    asked: list[str] = []

    def check(route):
        asked.append(route.request.url)
        if route.request.url.startswith(url):
            route.continue_()
        else:
            route.abort()

    page.route("**/*", check)
    return asked


@pytest.mark.parametrize("server", ["en", "ko"], indirect=True)
def test_a_person_logs_in_listens_corrects_and_looks_back(browser, server, tmp_path):
    event, built, language = server
    words = WORDS[language]
    assert event["event"] == "serving" and event["url"].startswith("http://127.0.0.1:")
    shots = tmp_path / "screenshots"
    shots.mkdir()
    context = browser.new_context(**PHONE, locale="ko-KR" if language == "ko" else "en-US")
    page = context.new_page()
    asked = _stay_home(page, event["url"])
    audio_answers: list[int] = []
    page.on("response", lambda r: audio_answers.append(r.status) if "/audio/" in r.url else None)

    page.goto(event["url"])
    assert page.url.endswith("/login")  # nothing without logging in
    page.goto(event["login_url"])
    page.get_by_role("button", name=words["log_in"]).click()
    page.wait_for_url(event["url"])
    page.get_by_text(words["answer"]).first.wait_for()
    page.screenshot(path=str(shots / f"timeline-phone-{language}.png"), full_page=True)

    # play an answer: the audio element loads the recording and starts at the first word
    started = page.evaluate("""() => new Promise((done, fail) => {
        const audio = document.querySelector('audio');
        audio.addEventListener('canplay', () => done(audio.currentTime), {once: true});
        audio.addEventListener('error', () => fail('audio error ' + (audio.error && audio.error.code)), {once: true});
        audio.preload = 'auto'; audio.load();
    })""")
    assert abs(started - 0.6) < 0.05
    assert 206 in audio_answers  # fetched in ranges, as a phone seeks
    assert page.evaluate("() => document.querySelector('audio').play().then(() => 'playing')") == "playing"

    # correct what it heard, then find it by search
    page.locator("article", has=page.locator("audio")).get_by_role("link", name=words["correct"]).click()
    page.fill("#transcript", words["fixed"])
    page.locator("form[action$='/transcript']").get_by_role("button", name=words["save"]).click()
    page.locator(".saved").wait_for()
    page.fill("#feelings", words["feelings"])
    page.locator("form[action$='/tags']").get_by_role("button", name=words["save"]).click()
    page.locator(".saved").wait_for()
    assert words["tagged"] in page.locator("article .tags").inner_text()
    page.fill("#transcript", words["fixed"] + words["again"])  # an edit after a tag correction keeps it
    page.locator("form[action$='/transcript']").get_by_role("button", name=words["save"]).click()
    page.locator(".saved").wait_for()
    assert words["tagged"] in page.locator("article .tags").inner_text()
    page.screenshot(path=str(shots / f"entry-phone-{language}.png"), full_page=True)
    page.get_by_role("link", name=words["search"], exact=True).click()
    page.fill("input[name=q]", words["find"])
    page.get_by_role("button", name=words["search"]).click()
    page.get_by_text(words["fixed"]).wait_for()

    # the calendar: a coloured night leads to its entries
    page.goto(event["url"] + "calendar")
    pixel = page.locator("svg a[href='/night/2026-11-23'] rect")
    assert pixel.count() == 1
    page.screenshot(path=str(shots / f"calendar-phone-{language}.png"), full_page=True)
    page.locator("svg a[href='/night/2026-11-23']").click()
    page.get_by_text(words["fixed"]).wait_for()

    # the patterns: a bar leads to the entries behind it
    page.goto(event["url"] + "patterns?weeks=4")
    page.screenshot(path=str(shots / f"patterns-phone-{language}.png"), full_page=True)
    page.locator("svg a[href*='theme=unanswered'] rect").first.click()
    page.get_by_text(words["fixed"]).wait_for()

    # the full backup: one .tar, downloaded through the page
    page.goto(event["url"] + "downloads")
    with page.expect_download() as download:
        page.get_by_role("link", name=words["backup"]).click()
    saved = shots.parent / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.suffix == ".tar" and tarfile.is_tarfile(saved)
    assert "voice-journal-backup/manifest.json" in tarfile.open(saved).getnames()

    desktop = browser.new_context(**DESKTOP)
    wide = desktop.new_page()
    wide.context.add_cookies(context.cookies())
    wide.goto(event["url"])
    wide.screenshot(path=str(shots / f"timeline-desktop-{language}.png"), full_page=True)
    wide.goto(event["url"] + "patterns")
    wide.screenshot(path=str(shots / f"patterns-desktop-{language}.png"), full_page=True)
    desktop.close()
    context.close()
    assert asked and all(url.startswith(event["url"]) for url in asked), asked
    assert len(list(shots.glob("*.png"))) == 6
