"""The spoken login code through the real stack: espeak-ng, ALSA (a file device), the page on the LAN."""
from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.stack import Rig, have_stack, quiet

pytestmark = [pytest.mark.stack, pytest.mark.skipif(not have_stack(), reason="needs espeak-ng")]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_the_pi_says_a_login_code_aloud_on_the_lan(tmp_path):
    rig = Rig(tmp_path).setup(quiet(1))
    process = subprocess.Popen([sys.executable, "-m", "assistant", "web", "--lan", "--json", "--port", "0", "--lang", "ko"],
                               env=rig.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        event = json.loads(process.stdout.readline())
        port = event["url"].rsplit(":", 1)[1].strip("/")
        opener = urllib.request.build_opener(NoRedirect)
        request = urllib.request.Request(f"http://127.0.0.1:{port}/login/speak", data=b"", method="POST")
        with pytest.raises(urllib.error.HTTPError) as answer:  # 303: the redirect is not followed
            opener.open(request, timeout=10)
        assert answer.value.code == 303 and answer.value.headers["location"] == "/login?spoken=1"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (not rig.speaker_file.exists() or rig.speaker_seconds() < 3):
            time.sleep(0.5)
        assert rig.speaker_seconds() >= 3  # the sentence and the six digits, twice, were said
    finally:
        process.terminate()
        process.wait(timeout=10)
