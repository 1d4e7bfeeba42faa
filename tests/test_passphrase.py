"""Where the journal's passphrase comes from: the environment, a private file, or the terminal."""
from __future__ import annotations

import io
from dataclasses import dataclass

import pytest

from assistant.errors import UserError
from assistant.journal.passphrase import PASSPHRASE_ENV, read_passphrase


@dataclass(frozen=True)
class Settings:
    passphrase_file: str = ""


def test_the_environment_comes_first(tmp_path, monkeypatch):
    file = tmp_path / "pass"
    file.write_text("from the file\n")
    file.chmod(0o600)
    monkeypatch.setenv(PASSPHRASE_ENV, "from the environment")
    assert read_passphrase(Settings(str(file))) == "from the environment"


def test_a_private_file_without_its_line_end(tmp_path):
    file = tmp_path / "pass"
    file.write_text("달빛 아래 강물\r\n", encoding="utf-8")
    file.chmod(0o600)
    assert read_passphrase(Settings(str(file))) == "달빛 아래 강물"


@pytest.mark.parametrize("mode, expected", [(0o640, "can be read by others; make it private with 'chmod 600"),
                                            (None, "does not exist")])
def test_a_file_others_can_read_or_a_missing_one_is_refused(tmp_path, mode, expected):
    file = tmp_path / "pass"
    if mode is not None:
        file.write_text("secret\n")
        file.chmod(mode)
    with pytest.raises(UserError, match=expected):
        read_passphrase(Settings(str(file)))


def test_with_no_terminal_it_says_every_way_to_give_it(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO())  # not a terminal
    with pytest.raises(UserError) as caught:
        read_passphrase(Settings())
    assert PASSPHRASE_ENV in str(caught.value) and "passphrase_file" in str(caught.value)
