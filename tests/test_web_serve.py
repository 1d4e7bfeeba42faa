"""Serving: 127.0.0.1 unless --lan, the address and login link printed (one JSON event with --json)."""
from __future__ import annotations

import io
import json

import pytest

from assistant.errors import UserError
from assistant.web.serve import Announcer, base_url, listen


def test_it_listens_on_this_machine_only_by_default():
    sock = listen(lan=False, port=0)
    try:
        host, port = sock.getsockname()[:2]
        assert host == "127.0.0.1" and port > 0
        assert base_url(sock, lan=False) == f"http://127.0.0.1:{port}"
    finally:
        sock.close()


def test_lan_listens_on_every_address():
    sock = listen(lan=True, port=0)
    try:
        assert sock.getsockname()[0] == "0.0.0.0"
        assert not base_url(sock, lan=True).startswith("http://0.0.0.0")
    finally:
        sock.close()


def test_a_port_in_use_is_one_line():
    sock = listen(lan=False, port=0)
    sock.listen(1)
    try:
        with pytest.raises(UserError, match="--port"):
            listen(lan=False, port=sock.getsockname()[1]).close()
    finally:
        sock.close()


def test_with_json_the_address_is_one_event_on_stdout():
    out, err = io.StringIO(), io.StringIO()
    Announcer(True, out, err).serving("http://127.0.0.1:8765/", "http://127.0.0.1:8765/login?code=abc", False)
    assert json.loads(out.getvalue()) == {"event": "serving", "url": "http://127.0.0.1:8765/",
                                          "login_url": "http://127.0.0.1:8765/login?code=abc"}
    assert err.getvalue() == ""


def test_for_people_the_link_goes_to_stderr():
    out, err = io.StringIO(), io.StringIO()
    announcer = Announcer(False, out, err)
    announcer.serving("http://127.0.0.1:8765/", "http://127.0.0.1:8765/login?code=abc", False)
    announcer.new_link("http://127.0.0.1:8765/login?code=def")
    assert out.getvalue() == "" and "code=abc" in err.getvalue() and "code=def" in err.getvalue()


def test_the_pi_makes_its_own_certificate_once(tmp_path):
    from cryptography import x509

    from assistant.web.certificate import certificate_files

    cert, key, fingerprint = certificate_files(tmp_path, ["192.168.1.20"])
    assert key.stat().st_mode & 0o777 == 0o600 and (tmp_path / "web").stat().st_mode & 0o777 == 0o700
    names = x509.load_pem_x509_certificate(cert.read_bytes()).extensions.get_extension_for_class(
        x509.SubjectAlternativeName).value
    assert {str(ip) for ip in names.get_values_for_type(x509.IPAddress)} == {"192.168.1.20", "127.0.0.1"}
    assert certificate_files(tmp_path, ["192.168.1.20"])[2] == fingerprint  # reused: the same fingerprint


def test_the_page_answers_to_this_machines_names():
    from assistant.web.serve import host_names

    assert host_names(lan=False) == {"127.0.0.1", "localhost", "::1"}
    assert host_names(lan=True) > host_names(lan=False)


def test_the_pi_says_the_code_through_its_own_voice(monkeypatch):
    import threading

    from assistant.settings import Settings
    from assistant.web import serve

    said, done = [], threading.Event()

    class Mouth:
        def __init__(self, voice, speaker, lead_in_s):
            pass

        def say(self, text):
            said.append(text)

        def close(self):
            done.set()

    monkeypatch.setattr(serve, "Voice", lambda *args: "voice")
    monkeypatch.setattr(serve, "Speaker", lambda device: "speaker")
    monkeypatch.setattr(serve, "SpokenOutput", Mouth)
    serve.pi_voice(Settings(language="ko"))("일기 페이지 코드는 1 2 3 4 5 6 입니다.")
    assert done.wait(5) and said == ["일기 페이지 코드는 1 2 3 4 5 6 입니다."]
