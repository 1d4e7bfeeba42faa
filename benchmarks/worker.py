"""Decoding and calibration work that a benchmark runs in-process or in a child.

The benchmarks import the decode functions from here (``transcription.py``
runs them in-process); ``memory.py`` and ``pi_budget.py`` run this file as a
child process so that its memory or its CPU can be measured or limited on
its own::

    python benchmarks/worker.py decode --model DIR --method raw --method product a.wav b.wav
    python benchmarks/worker.py calibrate --seconds 1
    python benchmarks/worker.py listen --model DIR --lang ko answer1.wav answer2.wav

``listen`` is the live evening's decoding: the product's ``Listener`` (free
dictation with partial results, the command grammar's second look at short
utterances, the silence detector, the answer's recording) over each file as
the microphone's 0.1 s chunks, one answer per file, as fast as it can go.

``decode`` prints one JSON object on stdout. The ``raw`` method imports only
``vosk`` and the standard library, so a child that runs only ``--method raw``
is a fair "bare Vosk" baseline for memory (``numpy`` and the product are
imported only when ``--method product`` is asked for).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
import wave
from pathlib import Path

RAW_READ_FRAMES = 4000
"""What the Vosk examples (test_simple.py) read per AcceptWaveform call."""


def _vosk():
    import vosk

    vosk.SetLogLevel(-1)
    return vosk


def load_raw_model(path: str | os.PathLike):
    return _vosk().Model(str(path))


def raw_vosk(model, wav_path: str | os.PathLike, frames: int = RAW_READ_FRAMES, words: bool = False) -> str:
    """The Vosk example loop: a bare KaldiRecognizer over ``frames``-frame reads.

    ``words=True`` adds ``SetWords(True)`` (what the product asks for), for the
    diagnostic rows of the transcription benchmark.
    """
    vosk = _vosk()
    with wave.open(str(wav_path), "rb") as wf:
        rec = vosk.KaldiRecognizer(model, wf.getframerate())
        if words:
            rec.SetWords(True)
        texts = []
        while True:
            data = wf.readframes(frames)
            if not data:
                break
            if rec.AcceptWaveform(data):
                texts.append(json.loads(rec.Result()).get("text", ""))
        texts.append(json.loads(rec.FinalResult()).get("text", ""))
    return " ".join(t for t in texts if t.strip())


def product(model, wav_path: str | os.PathLike) -> str:
    """The product's file-transcription path, exactly as a caller uses it."""
    from assistant.speech.vosk_asr import transcribe
    from assistant.audio.chunks import read_wav

    with wave.open(str(wav_path), "rb") as wf:
        rate = wf.getframerate()  # the file's own rate, as the product's callers pass it
    return " ".join(u.text for u in transcribe(model, read_wav(wav_path), rate))


def listen_answers(model, wav_paths: list[str], language: str, folder: Path) -> list[dict]:
    """Each file heard as one spoken answer by the session's own listener; per answer:
    wall and CPU seconds, the audio seconds the listener drew (it stops at the closing
    silence), its transcript, and how the answer ended."""
    from assistant.audio.chunks import read_wav
    from assistant.conversation.listening import Answer, Listener
    from assistant.language.commands import build_index
    from assistant.language.packs import load_language
    from assistant.settings import Settings
    from assistant.speech.vosk_asr import VoskRecognizers

    pack = load_language(language)
    grammar = [p for phrases in pack.commands.values() for p in phrases] + list(pack.phrases.get("decoys", []))
    out = []
    listener = None
    for number, wav in enumerate(wav_paths, 1):
        with wave.open(str(wav), "rb") as wf:
            rate = wf.getframerate()
        if listener is None:  # one listener for the evening, as the session keeps one
            listener = Listener(VoskRecognizers(model, rate), rate, Settings(language=language),
                                build_index(pack.commands), command_grammar=grammar)
        drawn = [0]

        def chunks():
            for chunk in read_wav(wav):
                drawn[0] += chunk.samples
                yield chunk

        answer = Answer(rate, folder / f"answer{number}.wav")
        outcome, wall, cpu = timed(listener.listen, chunks(), answer)
        answer.close(keep=True)
        out.append({"wav": str(wav), "wall_s": wall, "cpu_s": cpu, "audio_s": drawn[0] / rate,
                    "text": answer.transcript, "ended": outcome.ended.name})
    listener.close()
    return out


_REUSED: dict[int, object] = {}


def raw_reused(model, wav_path: str | os.PathLike) -> str:
    """Raw Vosk, but one KaldiRecognizer per model kept across files and
    Reset() between them (diagnostic: what a fresh recognizer costs)."""
    vosk = _vosk()
    with wave.open(str(wav_path), "rb") as wf:
        rec = _REUSED.get(id(model))
        if rec is None:
            rec = _REUSED[id(model)] = vosk.KaldiRecognizer(model, wf.getframerate())
        texts = []
        while True:
            data = wf.readframes(RAW_READ_FRAMES)
            if not data:
                break
            if rec.AcceptWaveform(data):
                texts.append(json.loads(rec.Result()).get("text", ""))
        texts.append(json.loads(rec.FinalResult()).get("text", ""))
        rec.Reset()
    return " ".join(t for t in texts if t.strip())


def reset_reused(model, warmup_wav: str | os.PathLike) -> None:
    """A new reused recognizer that has decoded ``warmup_wav`` (audio outside the measured set) once,
    like a session's recognizer that has heard something before the answer."""
    _REUSED.pop(id(model), None)
    raw_reused(model, warmup_wav)


METHODS = {
    "raw": raw_vosk,
    "product": product,
    "raw+words": lambda model, path: raw_vosk(model, path, words=True),
    "raw@0.1s": lambda model, path: raw_vosk(model, path, frames=1600),
    "raw@0.1s+words": lambda model, path: raw_vosk(model, path, frames=1600, words=True),
    "raw-reused": raw_reused,
}


def timed(fn, *args):
    """(result, wall seconds, CPU seconds of this process)."""
    c0, t0 = time.process_time(), time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - t0, time.process_time() - c0


def calibration_workload(rounds: int = 1) -> tuple[float, float]:
    """A fixed single-thread job shaped a little like decoding.

    Half branchy integer/dict work (like a token-passing graph search), half
    small float32 matrix products (like the acoustic model). Returns wall
    seconds; the amount of work never changes, so seconds compare machines.
    """
    import numpy as np

    rng = np.random.default_rng(1234)
    a = rng.standard_normal((256, 256), dtype=np.float32)
    b = rng.standard_normal((256, 64), dtype=np.float32)
    c0, t0 = time.process_time(), time.perf_counter()
    for _ in range(rounds):
        table: dict[int, int] = {}
        x = 12345
        for i in range(2_000_000):
            x = (x * 1103515245 + 12345) & 0x7FFFFFFF
            key = x % 4093
            table[key] = table.get(key, 0) + (i & 7)
        for _ in range(4_000):
            b = np.tanh(a @ b) * 0.5
    return time.perf_counter() - t0, time.process_time() - c0


def _single_thread_blas() -> None:
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("decode", help="load a model, decode WAV files, print JSON")
    d.add_argument("--model", required=True)
    d.add_argument("--method", action="append", choices=sorted(METHODS), required=True)
    d.add_argument("--repeat", type=int, default=1, help="decodes of each file by each method (interleaved)")
    d.add_argument("--hold", type=float, default=0.0, help="seconds to stay alive after decoding (memory polling)")
    d.add_argument("wavs", nargs="+")
    li = sub.add_parser("listen", help="load a model, hear each WAV as one answer with the product's listener")
    li.add_argument("--model", required=True)
    li.add_argument("--lang", default="ko")
    li.add_argument("--repeat", type=int, default=1)
    li.add_argument("wavs", nargs="+")
    c = sub.add_parser("calibrate", help="run the fixed calibration workload, print JSON")
    c.add_argument("--rounds", type=int, default=1)
    c.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    if args.cmd == "calibrate":
        _single_thread_blas()
        times = [calibration_workload(args.rounds) for _ in range(args.repeat)]
        print(json.dumps({"workload_s": [w for w, _ in times], "workload_cpu_s": [c for _, c in times]}))
        return 0

    if args.cmd == "listen":
        import tempfile

        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        t0 = time.perf_counter()
        model = load_raw_model(args.model)
        load_s = time.perf_counter() - t0
        with tempfile.TemporaryDirectory(prefix="vj-listen-") as folder:
            runs = [run for _ in range(args.repeat) for run in listen_answers(model, args.wavs, args.lang, Path(folder))]
        print(json.dumps({"load_s": load_s, "runs": runs}, ensure_ascii=False))
        return 0

    if "product" in args.method:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    t0 = time.perf_counter()
    model = load_raw_model(args.model)
    load_s = time.perf_counter() - t0
    runs: dict[str, list[dict]] = {m: [] for m in args.method}
    for _ in range(args.repeat):
        for method in args.method:
            for wav in args.wavs:
                text, wall, cpu = timed(METHODS[method], model, wav)
                runs[method].append({"wav": wav, "wall_s": wall, "cpu_s": cpu, "text": text})
    if args.hold:
        time.sleep(args.hold)
    print(json.dumps({"load_s": load_s, "runs": runs}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
