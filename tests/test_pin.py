"""The replay PIN as stored: only a salted hash, private, counted wrong tries,
and ``voice-journal pin set | clear | status`` (in-process, tests/cli_helpers.py)."""
from __future__ import annotations

import json
import stat

import pytest

from assistant.errors import UserError
from assistant.journal.replay_pin import REST_S, WRONG_LIMIT, ReplayPin, pin_file
from assistant.settings import load_settings
from tests.cli_helpers import run_cli as run


class Clock:
    def __init__(self):
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_only_a_salted_hash_is_kept_in_a_private_file(tmp_path):
    pin = ReplayPin(tmp_path / "replay-pin.json")
    pin.set("24540")
    text = pin.path.read_text()
    assert "24540" not in text and stat.S_IMODE(pin.path.stat().st_mode) == 0o600
    first = json.loads(text)
    assert first["kdf"] == "scrypt" and len(bytes.fromhex(first["salt"])) == 16
    pin.set("24540")
    assert json.loads(pin.path.read_text())["hash"] != first["hash"]  # a new salt each time
    assert pin.check("24540") and not pin.check("2454") and not pin.check("245400")


@pytest.mark.parametrize("bad", ["123", "123456789", "12a4", "１２３４", "", "12 34"])
def test_a_pin_is_four_to_eight_digits(tmp_path, bad):
    with pytest.raises(UserError):
        ReplayPin(tmp_path / "p.json").set(bad)
    assert not (tmp_path / "p.json").exists()


def test_wrong_pins_in_a_row_make_it_rest_for_a_while(tmp_path):
    clock = Clock()
    pin = ReplayPin(tmp_path / "p.json", clock)
    pin.set("2454")
    for _ in range(WRONG_LIMIT - 1):
        assert not pin.check("1111") and not pin.resting()
    assert pin.check("2454")  # the right one starts the count again
    for _ in range(WRONG_LIMIT):
        assert not pin.check("1111")
    assert pin.resting()
    clock.now += REST_S + 1
    assert not pin.resting() and pin.check("2454")


def test_a_damaged_pin_file_is_one_line(tmp_path):
    path = tmp_path / "p.json"
    path.write_text("[1, 2")
    with pytest.raises(UserError, match="pin set"):
        ReplayPin(path).is_set


def test_pin_set_status_and_clear(tmp_path):
    data = tmp_path / "data"
    result = run(data, "pin", "set", stdin="2454\n2454\n")
    assert result.returncode == 0 and "before every replay by voice" in result.stderr, result.stderr
    assert ReplayPin(pin_file(data / "journal")).check("2454")
    status = json.loads(run(data, "pin", "status", "--json").stdout)
    assert status == {"action": "status", "pin_set": True, "replay_by_voice": "pin", "resting": False}
    said = run(data, "pin", "status", VOICE_JOURNAL_REPLAY_BY_VOICE="on").stderr
    assert "anyone in the room" in said
    assert run(data, "pin", "clear").returncode == 0
    assert not pin_file(data / "journal").exists()
    assert "No replay PIN was set" in run(data, "pin", "clear").stderr


@pytest.mark.parametrize("typed, message", [("2454\n2455\n", "the two PINs differ"), ("12\n12\n", "4 to 8 digits"),
                                            ("", "no PIN given")])
def test_pin_set_mistakes_are_one_line_and_change_nothing(tmp_path, typed, message):
    data = tmp_path / "data"
    run(data, "pin", "set", stdin="1357\n1357\n")
    result = run(data, "pin", "set", stdin=typed)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert [line for line in result.stderr.splitlines() if line] == [
        line for line in result.stderr.splitlines() if message in line]
    assert ReplayPin(pin_file(data / "journal")).check("1357")


def test_the_setting_is_pin_by_default_and_checked(tmp_path):
    assert load_settings(tmp_path / "none.toml")[0].replay_by_voice == "pin"
    config = tmp_path / "config.toml"
    config.write_text('replay_by_voice = "sometimes"\n')
    with pytest.raises(UserError, match="replay_by_voice must be off, on or pin"):
        load_settings(config)
