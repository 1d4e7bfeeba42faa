"""Where the learned layer should add and take off themes, measured on answers the tagger had never seen.

Run: ``.venv/bin/python benchmarks/first_sight.py [en|ko] [--top=N] [--retrain]`` (from a clone with its git
history; ``--retrain``, about 5 minutes: see below).

Cross-validation over the labelled corpus cannot choose the learned layer's
thresholds well: the rules were tuned on every line of it, so there they miss
almost nothing and find almost nothing wrong, and adding or taking off themes
looks like a loss. On new speech they miss about a theme in four and give a
wrong one in seven (blind scores, benchmarks/tagging.py items 15 to 17).

Each round of that work scored fresh sets before anyone read them. This
script takes the tagger of the commit each work stop started from (rules and
learned weights, ``git archive`` into a temporary folder), and scores the sets
written during that stop with it, as they were at first sight, over a grid of
``add_at`` (a theme the rules missed is added at this probability) and
``drop_at`` (a theme they found is taken off below it). It prints theme F1 and
forbidden themes on the standard sets and on the sets of hard cases, for the
grid's best cells and for the thresholds now shipped; the labels are read
from this checkout (a few were corrected after reading). The thresholds in
:data:`assistant.language.train_tagger.THRESHOLDS` come from this table.

``--retrain`` measures this checkout's training instead of the weights of the
time: for each stop, the learned layer is trained as
:mod:`assistant.language.train_tagger` trains it, on the corpus without that
stop's sets, and scored with that stop's first rules on them (so a change to
the training, its features, its settings or more data, can be judged on answers
neither part of the tagger had seen; the layer's code, assistant/language/learned.py,
is this checkout's too). It also prints feeling F1 and forbidden feelings over a
grid of ``feeling_drop_at``: a feeling the rules found is taken off when the
layer scores its kind (pleasant, unpleasant) for the speaker below it; and of
``mention_drop_at`` (:data:`MENTION_DROP_AT`): taken off when the reading of the words
around it says it is not the speaker's, felt now; and of ``doubt_at`` (:data:`DOUBT_KIND_AT`,
:data:`DOUBT_OWN_AT`): taken off when both readings doubt it. The theme grid likewise gets the
reading of the words around the words that told a theme (:data:`TOLD_DROP_AT`).
"""
from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from assistant.language.tagging import SAID_AS_MINE_DROP_AT, SHORT_TAKE_OFF_BELOW, TAKE_OFF_FROM  # noqa: E402
from assistant.language.train_tagger import THRESHOLDS, corpus_files, train  # noqa: E402

DATA = ROOT / "tests" / "data"
STOPS = (
    ("d56f835", (49, 50, 52, 53, 54, 55, 56, 57, 59, 60)),
    ("2a6a0d8", (62, 63, 65, 66, 67, 68, 70, 71, 72, 73)),
    ("8cd7570", (75, 76, 77, 78, 79, 80, 82, 83, 84, 85, 86, 87)),
)
"""The commit each stop started from, and the sets (``tagging_heldoutNN``) written and first scored during it."""
HARD = {50, 53, 55, 57, 60, 63, 66, 68, 71, 73, 76, 78, 80, 83, 85, 87}
"""The sets of hard cases only (every line a trap)."""
ADD_AT = (1.01, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8)
DROP_AT = (0.0, 0.01, 0.02, 0.03, 0.05, 0.08, 0.1, 0.15, 0.2, 0.25, 0.3)

FEELING_DROP_AT = (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3)
"""The grid for ``feeling_drop_at`` (``--retrain`` only: the old weights have no kinds of feeling), one
threshold for both kinds, then each pair of a pleasant feeling's and an unpleasant one's."""

_SCORE = """
import json, sys
sys.path.insert(0, sys.argv[1])
from assistant.language.feelings import load_vocabulary
from assistant.language.tagging import rule_tags, learned_changes
from assistant.language.learned import load_model
try:
    from assistant.language.learned import said_as_mine
except ImportError:  # weights of the time, not retrained: their code has no such thing
    said_as_mine = lambda tokens, start: False
lang, grid, feeling_grid = sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4])
take_off_from, short_below, paths = int(sys.argv[5]), float(sys.argv[6]), sys.argv[7:]
model = load_model(lang)
vocab = load_vocabulary(lang)
out = {}
for path in paths:
    counts = [[0, 0, 0, 0] for _ in grid]
    feeling_counts = [[0, 0, 0, 0] for _ in feeling_grid]
    for line in open(path, encoding="utf-8"):
        if not line.strip():
            continue
        row = json.loads(line)
        found = rule_tags(row["text"], lang)
        scores = model.score(found.words)
        kinds = {k: scores.pop(k) for k in ("pleasant", "unpleasant") if k in scores}
        short = len(found.words.tokens) < take_off_from  # today's care for short answers, which old commits lack
        want, forbidden = set(row["themes"]), set(row.get("forbidden", ()))
        # the reading of the words around the words that told each theme (old weights have none)
        told = {t: model.told(found.words, a, b, t).probability for t, (a, b) in found.themes.items()} \
            if hasattr(model, "told") else {}
        for k, (add_at, drop_at, told_below) in enumerate(grid):
            added, dropped = learned_changes(found, scores, add_at, min(drop_at, short_below) if short else drop_at)
            untold = set() if short else {t for t, p in told.items() if p < told_below}
            got = (set(found.themes) - dropped - untold) | set(added)
            c = counts[k]
            c[0] += len(got & want); c[1] += len(got - want); c[2] += len(want - got); c[3] += len(got & forbidden)
        want = set(row["feelings"])
        own, mine = {}, {}  # the reading of the words around each feeling (its first span's every place: old rules say no more)
        for name, span in found.feelings.items():
            p = vocab.feeling(name).pleasantness
            kind = "pleasant" if p > 0 else "unpleasant" if p < 0 else None
            t, n = found.words.tokens, len(span.split())
            places = [i for i in range(len(t) - n + 1) if " ".join(t[i:i + n]) == span]
            own[name] = max((model.own(found.words, i, i + n, name, kind).probability for i in places), default=1.0)
            mine[name] = any(said_as_mine(t, i) for i in places)
        for k, (pleasant_below, unpleasant_below, own_below, doubt_kind, doubt_own, mine_below) in enumerate(feeling_grid):
            below = {"pleasant": 0.0 if short else pleasant_below, "unpleasant": 0.0 if short else unpleasant_below}
            got = set()
            for name in found.feelings:
                p = vocab.feeling(name).pleasantness
                kind = "pleasant" if p > 0 else "unpleasant" if p < 0 else None
                doubted = not short and kind in kinds and kinds[kind].probability < doubt_kind and own[name] < doubt_own
                own_at = min(own_below, mine_below) if mine[name] else own_below
                if not (kind in kinds and kinds[kind].probability < below[kind]) \
                        and not (not short and own[name] < own_at) and not doubted:
                    got.add(name)
            c = feeling_counts[k]
            c[0] += len(got & want); c[1] += len(got - want); c[2] += len(want - got); c[3] += len(got & forbidden)
    out[path] = {"themes": counts, "feelings": feeling_counts}
print(json.dumps(out))
"""


MENTION_DROP_AT = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7)
"""The grid for ``mention_drop_at`` (``--retrain`` only), at the shipped ``feeling_drop_at``: a feeling the
rules found is taken off when the reading of the words around it (:meth:`~assistant.language.learned.Model.own`)
says it is not the speaker's, felt now, below it."""


TOLD_DROP_AT = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7)
"""The grid for the tellings' ``drop_at`` (``--retrain`` only), at the shipped ``add_at`` and ``drop_at``: a theme
the rules found is taken off when the reading of the words around its cues
(:meth:`~assistant.language.learned.Model.told`) says it did not happen to the speaker, below it."""


def theme_cells(language: str) -> list[tuple[float, float, float]]:
    """``(add_at, drop_at, told below)``: the learned layer's grid without the reading of the words around
    each cue, then that reading's grid at the shipped thresholds."""
    add_at, drop_at = THRESHOLDS[language][:2]
    return [(a, d, 0.0) for a in ADD_AT for d in DROP_AT] + [(add_at, drop_at, t) for t in TOLD_DROP_AT]


DOUBT_KIND_AT = (0.05, 0.1, 0.2, 0.3)
DOUBT_OWN_AT = (0.4, 0.5, 0.6, 0.7, 0.8)
"""The grid for ``doubt_at`` (``--retrain`` only), at the other shipped thresholds: a feeling is taken off when
its kind scores under the first and the words around it read under the second."""


SAID_AS_MINE_AT = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 1.0)
"""The grid for :data:`assistant.language.tagging.SAID_AS_MINE_DROP_AT` (``--retrain`` only), at the other
shipped thresholds: a feeling said as the speaker's ("i felt |lonely|") is taken off by the reading only under it."""


def feeling_cells(language: str) -> list[tuple[float, float, float, float, float, float]]:
    """``(pleasant below, unpleasant below, own below, doubted kind below, doubted own below, said as mine
    below)``: the kinds' grid without the reading of the words around each feeling, then that reading's grid
    at the shipped kinds' threshold, then the two doubts' at both shipped, then a feeling said as the
    speaker's at all three."""
    t = THRESHOLDS[language]
    shipped, own, doubts = t.feeling_drop_at, t.mention_drop_at, (t.doubt_kind_at, t.doubt_own_at)
    return ([(d, d, 0.0, 0.0, 0.0, 1.0) for d in FEELING_DROP_AT]
            + [(p, u, 0.0, 0.0, 0.0, 1.0) for p in FEELING_DROP_AT for u in FEELING_DROP_AT if p != u]
            + [(shipped, shipped, m, 0.0, 0.0, 1.0) for m in MENTION_DROP_AT]
            + [(shipped, shipped, own, k, o, 1.0) for k in DOUBT_KIND_AT for o in DOUBT_OWN_AT]
            + [(shipped, shipped, own, *doubts, m) for m in SAID_AS_MINE_AT])


def tagger_of(commit: str, into: Path) -> Path:
    """The package and the prompts of ``commit``, unpacked under ``into``."""
    archive = subprocess.run(["git", "archive", commit, "assistant", "prompts"], cwd=ROOT, capture_output=True,
                             check=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def retrain_without(language: str, sets: tuple[int, ...], tree: Path, tmp: Path) -> None:
    """This checkout's training on the corpus less ``sets``, its weights put in ``tree`` (an old tagger)."""
    data = tmp / f"corpus-{language}-{sets[0]}"
    data.mkdir()
    left_out = {f"tagging_heldout{n}_{language}.jsonl" for n in sets}
    for path in corpus_files(language):
        if path.name not in left_out:
            (data / path.name).symlink_to(path)
    content = train(language, data, THRESHOLDS[language], log=lambda _: None)
    # the layer's own code as well, so the weights are read as they were trained
    (tree / "assistant" / "language" / "learned.py").write_bytes((ROOT / "assistant/language/learned.py").read_bytes())
    (tree / "prompts" / language / "learned.json").write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")


def first_sight_counts(language: str, grid: list[tuple[float, float, float]], retrain: bool = False,
                       log=print) -> dict[int, dict[str, list[list[int]]]]:
    """Per set number, the counts (right, wrong, missed, forbidden) of themes in every grid cell, and of
    feelings at every :data:`FEELING_DROP_AT`."""
    out: dict[int, dict[str, list[list[int]]]] = {}
    with tempfile.TemporaryDirectory(prefix="first-sight-") as tmp:
        for commit, sets in STOPS:
            log(f"{language}: the tagger of {commit} on sets {sets[0]}..{sets[-1]}"
                + (", its learned layer trained by this checkout without them" if retrain else ""))
            tree = tagger_of(commit, Path(tmp) / commit)
            if retrain:
                retrain_without(language, sets, tree, Path(tmp))
            paths = [str(DATA / f"tagging_heldout{n}_{language}.jsonl") for n in sets]
            done = subprocess.run([sys.executable, "-c", _SCORE, str(tree), language, json.dumps(grid),
                                   json.dumps(feeling_cells(language)), str(TAKE_OFF_FROM), str(SHORT_TAKE_OFF_BELOW), *paths],
                                  cwd=tmp, capture_output=True, text=True, check=True,
                                  env={"PYTHONDONTWRITEBYTECODE": "1", "PATH": "/usr/bin:/bin"})
            for path, counts in json.loads(done.stdout).items():
                out[int(Path(path).name.split("heldout")[1].split("_")[0])] = counts
    return out


def _f1(c: list[int]) -> float:
    return 2 * c[0] / (2 * c[0] + c[1] + c[2]) if c[0] else 0.0


def main(argv: list[str]) -> int:
    languages = [a for a in argv if a in ("en", "ko")] or ["en", "ko"]
    top = int(next((a.split("=")[1] for a in argv if a.startswith("--top=")), "8"))
    for language in languages:
        grid = theme_cells(language)
        counts = first_sight_counts(language, grid, "--retrain" in argv)
        rows = []
        for k, cell in enumerate(grid):
            standard = [sum(c["themes"][k][i] for n, c in counts.items() if n not in HARD) for i in range(4)]
            hard = [sum(c["themes"][k][i] for n, c in counts.items() if n in HARD) for i in range(4)]
            rows.append((cell, standard, hard))
        lines = sum(1 for n in counts for _ in open(DATA / f"tagging_heldout{n}_{language}.jsonl", encoding="utf-8"))
        print(f"\n{language}: {len(counts)} sets, {lines} lines, each scored by the tagger of before it was written")
        plain = [r for r in rows if not r[0][2]]
        shown = sorted(plain, key=lambda r: (-round(_f1(r[1]), 3), -_f1(r[2])))[:top]
        shipped = THRESHOLDS[language][:2] + (THRESHOLDS[language][4],)
        marks = {(1.01, 0.0, 0.0): "rules alone", THRESHOLDS[language][:2] + (0.0,): "shipped before the tellings",
                 shipped: "shipped"}
        if "--retrain" in argv:
            shown += [r for r in rows if r[0][2] and r not in shown]
        shown += [r for r in rows if r[0] in marks and r not in shown]
        print("add_at drop_at told_below | standard: theme F1 forbidden | hard: theme F1 forbidden")
        for (add_at, drop_at, told_below), standard, hard in shown:
            print(f"{add_at:6.2f} {drop_at:7.2f} {told_below:10.2f} | {_f1(standard):.3f} {standard[3]:4} |"
                  f" {_f1(hard):.3f} {hard[3]:4}  {marks.get((add_at, drop_at, told_below), '')}")
        if "--retrain" in argv:
            print("feeling_drop_at (pleasant, unpleasant) mention_drop_at doubt_at (kind, own) said as mine | standard: feeling F1"
                  " forbidden | hard: feeling F1 forbidden")
            rows = []
            for k, cell in enumerate(feeling_cells(language)):
                standard = [sum(c["feelings"][k][i] for n, c in counts.items() if n not in HARD) for i in range(4)]
                hard = [sum(c["feelings"][k][i] for n, c in counts.items() if n in HARD) for i in range(4)]
                rows.append((cell, standard, hard))
            t = THRESHOLDS[language]
            shipped = (t.feeling_drop_at, t.feeling_drop_at, t.mention_drop_at, t.doubt_kind_at, t.doubt_own_at,
                       SAID_AS_MINE_DROP_AT)
            shown = [r for r in rows if r[0][0] == r[0][1]]
            shown += [r for r in sorted(rows, key=lambda r: (-round(_f1(r[1]), 3), r[1][3]))[:top] if r not in shown]
            shown += [r for r in rows if r[0][3] and r not in shown]
            for cell, standard, hard in shown:
                mark = "shipped" if cell == shipped else "rules alone" if not any(cell[:5]) else ""
                pleasant, unpleasant, own, doubt_kind, doubt_own, mine = cell
                print(f"{pleasant:17.2f} {unpleasant:20.2f} {own:15.2f} {doubt_kind:8.2f} {doubt_own:5.2f} {mine:6.2f} |"
                      f" {_f1(standard):.3f} {standard[3]:4} | {_f1(hard):.3f} {hard[3]:4}  {mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
