"""Training the learned layer (:mod:`assistant.language.learned`) from the labelled corpus.

Run from a source checkout: ``.venv/bin/python -m assistant.language.train_tagger``
(``--check`` only says whether the shipped weights are those of the corpus; ``--neighbours`` writes only the
index of nearest answers, :data:`NEIGHBOURS`, a few seconds).
It reads every labelled set in ``tests/data/tagging_*_<lang>.jsonl``
except :data:`KEPT_OUT` (the held-out sets, scored once and never trained on),
fits one L2-regularised logistic regression per theme over
:func:`~assistant.language.learned.features`, and one over the words around every
feeling named in it, guards aside (:func:`~assistant.language.learned.mention_features`,
labelled by whether the line's feelings have it), one over the words around the words that tell
each theme a line tells or forbids (labelled by whether it tells it), with the probabilities at
which a theme the rules missed is added, and one they found is taken off, of
:data:`THRESHOLDS` (measured by benchmarks/first_sight.py). The weights go to
``prompts/<lang>/learned.json`` with a hash of the corpus they came from, so
a test can tell when they are stale.

numpy is needed here only, at build time; tagging reads the weights with the
standard library.
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any, NamedTuple

from assistant.language import neighbours as nearest
from assistant.language.learned import (FEATURES_VERSION, MENTION_REACH, POLARITIES, Model, Reading, features,
                                        mention_features, model_path)
from assistant.language.matching import Text
from assistant.language.neighbours import COMMONEST, KINDS, NEAREST, SHARE, VERSION, index, neighbours_path
from assistant.language.themes import THEMES

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "tests" / "data"
LANGUAGES = ("en", "ko")
KEPT_OUT = ("tagging_heldout10_{lang}.jsonl", "tagging_heldout14_{lang}.jsonl", "tagging_heldout24_{lang}.jsonl",
            "tagging_heldout29_{lang}.jsonl", "tagging_heldout39_{lang}.jsonl", "tagging_heldout46_{lang}.jsonl",
            "tagging_heldout51_{lang}.jsonl", "tagging_heldout58_{lang}.jsonl", "tagging_heldout64_{lang}.jsonl",
            "tagging_heldout69_{lang}.jsonl", "tagging_heldout74_{lang}.jsonl",
            "tagging_heldout81_{lang}.jsonl", "tagging_heldout88_{lang}.jsonl",
            "tagging_heldout101_{lang}.jsonl", "tagging_heldout116_{lang}.jsonl",
            "tagging_heldout123_{lang}.jsonl", "tagging_heldout131_{lang}.jsonl",
            "tagging_heldout143_{lang}.jsonl", "tagging_heldout144_{lang}.jsonl", "tagging_heldout145_{lang}.jsonl",
            "tagging_heldout146_{lang}.jsonl", "tagging_heldout147_{lang}.jsonl", "tagging_heldout148_{lang}.jsonl",
            "tagging_heldout149_{lang}.jsonl", "tagging_heldout150_{lang}.jsonl", "tagging_heldout152_{lang}.jsonl",
            "tagging_heldout153_{lang}.jsonl", "tagging_heldout156_{lang}.jsonl",
            "tagging_heldout157_{lang}.jsonl", "tagging_heldout158_{lang}.jsonl",
            "tagging_heldout161_{lang}.jsonl", "tagging_heldout162_{lang}.jsonl",
            "tagging_heldout165_{lang}.jsonl", "tagging_heldout159_en.jsonl", "tagging_heldout160_en.jsonl",
            "tagging_heldout163_{lang}.jsonl", "tagging_heldout164_{lang}.jsonl", "tagging_heldout166_{lang}.jsonl",
            "tagging_heldout167_{lang}.jsonl", "tagging_heldout168_{lang}.jsonl", "tagging_heldout169_{lang}.jsonl",
            "tagging_heldout170_{lang}.jsonl", "tagging_heldout171_{lang}.jsonl", "tagging_heldout172_{lang}.jsonl",
            "tagging_heldout173_{lang}.jsonl", "tagging_heldout174_{lang}.jsonl", "tagging_heldout175_{lang}.jsonl",
            "tagging_heldout176_{lang}.jsonl", "tagging_heldout177_{lang}.jsonl", "tagging_heldout178_{lang}.jsonl",
            "tagging_heldout179_{lang}.jsonl", "tagging_heldout180_{lang}.jsonl", "tagging_heldout181_{lang}.jsonl",
            "tagging_heldout182_{lang}.jsonl", "tagging_heldout183_{lang}.jsonl", "tagging_heldout184_{lang}.jsonl",
            "tagging_heldout185_{lang}.jsonl", "tagging_heldout186_{lang}.jsonl", "tagging_heldout187_{lang}.jsonl",
            "tagging_heldout188_{lang}.jsonl", "tagging_heldout189_{lang}.jsonl", "tagging_heldout190_{lang}.jsonl",
            "tagging_heldout191_{lang}.jsonl", "tagging_heldout192_{lang}.jsonl", "tagging_heldout193_{lang}.jsonl",
            "tagging_heldout194_{lang}.jsonl", *(f"tagging_heldout{n}_{{lang}}.jsonl" for n in range(195, 527)))
"""Held out from training, so their numbers stay a check on new speech. held-out-11..13 and
15..23, 25..28, 30..35, 37, 38, 40..45, 47..50, 52..57, 59..63, 65..68 and 70..73 were each scored blind once, then
read and tuned on, so they are training data now; held-out-24 and -29 were written at the start of that work and
scored only with the tagger of its start and the shipped one (benchmarks/tagging.py, items 12 and 13); held-out-39
likewise in the round after (item 14), held-out-46, written after that tagger was built, held-out-51 and -58,
written at the start of the next and after its third round (item 15), and held-out-64 and -69, written at the start
of the one after and after its third round (item 16), held-out-74 and -81 likewise (item 17), held-out-88,
written at the start of the work of item 18, held-out-101, written after its learned layer was built,
held-out-116, -123 and -131, written at the start of the work of items 19, 20 and 21, and held-out-143, written
at its end; never read; held-out-146 and -150 likewise, written at the start and the end of the work of item 22. Hard-144 and -145
(the speaker as witness, reported; words not meant) are second sets of families trained on in item 21, and hard-147
a third set of the first, kept out because training on them did not help at first sight (item 22); their lines were
read to write the guards of item 22, as were those of hard-148 and -149 (every kind of hard case at once), kept out
likewise, and those of hard-152 (someone else's doings and feelings, named or observed) for item 23; held-out-151,
scored at first sight at the start of item 23, was then read and trained on, as were themes-154 (themes told
without their keyword) and held-out-155; held-out-153, -156 and -157, written during item 23, were never read (but the Korean misses of
-156, after it was scored); hard-158 (every kind of hard case again) was read, like hard-148 and -149, and kept out.
Held-out-159 and -160, scored at first sight at the start of item 24, were then read, and the Korean trained on
(English weights trained with them scored no better on the kept-out sets: 0.912 / 0.923 / 15 against 0.910 / 0.923
/ 14 on the standard sets, hard sets 0.729 / 0.840 / 29 against 0.736 / 0.845 / 28, so English keeps them out and
its weights of before); held-out-161
and -162, written next, are kept out (the Korean of -161 and the English of -162 were read after scoring, the
English of -161 and the Korean of -162 never). Held-out-165, scored at first sight late in item 24 and read, is
kept out too: Korean weights trained with it scored the same on the standard sets and worse on the hard ones
(0.793 / 0.944 / 21 -> 0.782 / 0.941 / 22). Held-out-163, -164 and -166 (scored at first sight in item 24, their
misses read in item 25) and -167 .. -172 (written at the start of item 25; never read, but the forbidden tags of
-168 and -171 chose a threshold there) are kept out, as are -173 .. -176, written during and at the end of
item 25 and never read, and -177 .. -194 (scored at first sight in item 26, their misses read there). Weights trained with the read
sets -167 .. -184 were scored against these at first sight and not shipped (item 26): English 0.906 / 0.956 / 1 on
-185 .. -188 against 0.891 / 0.953 / 0 (and no better on -181 .. -184 when trained with -167 .. -180), Korean
0.930 / 0.963 / 0 against 0.919 / 0.950 / 0 there but 31 forbidden tags against 28 on the 36 older kept-out sets.
Held-out-195 .. -218 were scored at first sight in item 27, their misses read there. English weights trained with
the read kept-out sets before -177 scored the same at first sight on -199 .. -206 (0.852 / 0.952 / 5 against
0.850 / 0.948 / 5, 7 of 8 sets short of a goal either way; better on -199 .. -202, worse on -203 .. -206), so
they were not shipped. Held-out-315 .. -334 were written in item 32, in five rounds of four, each scored at first
sight; the Korean of all and the English of -331 .. -334 are never trained on. Held-out-383 .. -390 were written
in item 35, -387 .. -390 never read; held-out-391 .. -398 in item 36, -395 .. -398 never read;
held-out-399 .. -410 in item 37, -403 .. -406 never read;
held-out-411 .. -426 in item 38, -415 .. -418 never read;
held-out-427 .. -434 in item 39, -430, -431 and -434 never read;
held-out-435 .. -450 in item 40, -436, -442 and -443 .. -446 never read;
held-out-451 .. -458 in item 41 and -459 .. -462 in item 43, never read;
held-out-463 .. -468 in item 44, -463 .. -466 never read (-467 and -468, leaning to older speakers and families,
read); held-out-469 .. -480 in item 45, -472, -473, -477, -478 and -480 never read;
held-out-481 .. -500 in item 46, -484, -486, -490, -492, -494, -496, -498 and -500 never read;
held-out-501 .. -526 in item 47, -502, -504, -506, -508 and -509 .. -516 never read. The English twins
(tagging_twins_en.jsonl, item 36) are trained on: written to teach the readings the same words owned and not."""


READ_FOR_THEMES = {"en": tuple(f"tagging_heldout{n}_en.jsonl" for n in range(163, 343)),
                   "ko": tuple(f"tagging_heldout{n}_ko.jsonl" for n in (*range(195, 331), *range(335, 351), *range(355, 379)))}
"""Kept-out sets the themes (and the reading of the words that told one) learn from all the same: held-out-163
.. -330, each scored at first sight and most read since. The readings of feelings (their kind, whose they are)
still do not. At first sight on 54 sets never trained on (the 34 older kept-out standard sets and held-out-263 ..
-282), themes learned with -163 .. -262 raised English theme F1 from 0.875 to 0.889 and the sets meeting every
goal from 23 to 26, for 34 forbidden tags against 27 (benchmarks/tagging.py, item 29). With -263 .. -290 too (item
31), English themes on the sixteen sets after them went from 0.855 with 12 forbidden tags to 0.861 with 10, and on
the 34 older kept-out standard sets stayed 0.913 / 22 (0.912 / 22). The readings of feelings trained with them let
more irony through, so they keep to the corpus. Korean themes trained the same way were no better (item 29: the
same number of sets meeting every goal, 11 more forbidden tags; item 31, on -163 .. -290: 0.894 / 10 -> 0.900 / 8
on the sixteen sets after, but 0.867 / 28 -> 0.878 / 37 on its older kept-out sets), so Korean learns from the
corpus alone. Item 32 added -291 .. -330 in three steps, each scored at first sight on the sets written after it:
trained with -291 .. -314, English themes on -315 .. -318 went 0.870 / 6 forbidden -> 0.878 / 4 and on -319 .. -322
0.876 / 1 -> 0.881 / 1; with -291 .. -322, on -323 .. -326 0.880 / 7 -> 0.890 / 6 and on -327 .. -330 0.879 / 7 ->
0.892 / 7; the 34 older kept-out sets stayed 0.913 / 22 (0.912 / 22). Item 33 added -331 .. -342: on -343 .. -350,
written after, English themes went 0.862 -> 0.867 with 5 forbidden tags both ways, the 34 older sets 0.912 / 22
both ways. Trained with -343 .. -350 as well, the older sets had 24 forbidden tags, so those are kept out.
Korean themes learn from the read sets since item 35 (-195 .. -378, but -331 .. -334 and -351 .. -354): on the
sets never trained on, 28 -> 34 of 54 met every goal, forbidden tags 41 -> 37."""


def kept_out(language: str, themes: bool = False) -> frozenset[str]:
    """The file names of ``language`` the learned layer does not train on (``themes``: its themes, which also
    learn from :data:`READ_FOR_THEMES`)."""
    out = frozenset(name.format(lang=language) for name in KEPT_OUT)
    return out - set(READ_FOR_THEMES.get(language, ())) if themes else out


class Thresholds(NamedTuple):
    """Where the learned layer changes what the rules found (see :data:`THRESHOLDS`)."""
    add_at: float
    """A theme the rules missed is added when the model scores it at this or above."""
    drop_at: float
    """A theme they found is taken off when scored below this,"""
    feeling_drop_at: float
    """a feeling they found when its kind (pleasant or unpleasant, for the speaker) scores below this,"""
    mention_drop_at: float
    """or the reading of the words around it (:meth:`~assistant.language.learned.Model.own`) below this,"""
    told_drop_at: float
    """a theme when the reading of the words around the words that told it (``Model.told``) is below this,"""
    doubt_kind_at: float = 0.0
    doubt_own_at: float = 0.0
    """and a feeling when both its kind and the words around it doubt it: under these two."""


THRESHOLDS = {"en": Thresholds(0.4, 0.2, 0.02, 0.5, 0.5, 0.3, 0.5), "ko": Thresholds(0.3, 0.15, 0.03, 0.5, 0.5, 0.3, 0.7)}
"""Per language, :class:`Thresholds`. ``told_drop_at`` and ``doubt_*_at`` were chosen the same way as the
others below (benchmarks/tagging.py, item 20). Since item 21 the two readings of the words around a feeling
or a theme are chosen for fewest forbidden tags while F1 on the standard sets stays within about 0.005 of the
best (the issue asks for none; both F1s are well above theirs): English feelings off under 0.5, not 0.25,
at first sight 0.932 / 6 -> 0.933 / 2 on the standard sets (0.3 and 0.5, the doubts aside; hard sets 24 ->
15 forbidden), Korean under 0.4, not 0.3, 0.944 / 3 -> 0.942 / 2 (32 -> 26); themes under 0.5 and 0.55, not
0.4 (English standard sets 8 -> 7 forbidden; hard 32 and 31 -> 32 and 26). In English the two doubts then add nothing (a feeling read under 0.5 is
off already); at 0.7 they take "when i first came to leeds i was so homesick but now i am settled" off its
calm.

Chosen on answers the tagger had never seen (benchmarks/first_sight.py --retrain: each work stop's fresh
sets, about 1,970 lines a language, scored by the rules of before they were written and by this
training without them): the best theme and feeling F1 on the standard sets, the hard sets and forbidden
tags breaking near-ties. There, on the standard sets, themes go from 0.740 (rules alone) and 0.878 (the
layer before, adding at 0.6 and taking off under 0.01) to 0.900 in English, 0.723 and 0.869 to 0.912
in Korean; feelings from 0.906 to 0.917 and 0.927 to 0.940, forbidden feelings 35 -> 21 and 42 -> 10
(on the sets of hard cases 129 -> 93 and 175 -> 91). English feelings at 0.05: 0.918 with 18
forbidden, but "now i am settled" after a homesick past lost its calm. ``mention_drop_at`` the same way,
at those: standard-set feelings 0.915 -> 0.933 (forbidden 22 -> 5) in English, 0.942 -> 0.947 (9 -> 1)
in Korean; on the hard sets forbidden feelings 94 -> 22 and 91 -> 29 (English at 0.4 once took "i felt
lonely but i passed my driving test" off at 0.36). Cross-validation over this corpus
cannot choose them, as the rules were tuned on every line of it: there they find almost nothing wrong,
so it chose to take off almost nothing (0.01, 0.02).

Korean ``feeling_drop_at`` went from 0.1 to 0.03 in item 23, measured with the rules of now, whose guards
have since caught most of what it took off: on the eighteen kept-out standard sets, never trained on (most
never read), feelings 0.944 -> 0.947 at the same 8 forbidden tags, on the seven hard sets read for guards
0.934 -> 0.946 at 21; at 0.01 the hard sets gain 2 forbidden. English, likewise swept, was flat, and the
readings of the words around a feeling (``mention_drop_at``) cost forbidden tags when lower in both. English
``drop_at`` (a theme the rules found, taken off) at 0.15, not 0.05, took off 15 wrong themes on those sets
(3 forbidden; kept-out themes 0.918 / 10 -> 0.920 / 7) for 6 right ones, but also the plain themes of
tests/test_tagging.py's tables ("the council |voted down my| idea for the bench", scored 0.10): it stayed.
In item 25 it went to 0.2 for answers of 21 words or more (tagging.MIDDLE_TAKE_OFF_BELOW keeps 0.05 below
that, where the tables' plain themes are): on 31 kept-out and fresh standard sets forbidden tags 19 -> 15 at
the same theme F1 (0.910), on the hard sets 26 -> 24, themes 0.741 -> 0.747.

Korean ``add_at`` went from 0.25 to 0.3 and ``told_drop_at`` from 0.55 to 0.5 in item 24, measured the same
way (the shipped weights, today's rules) on the 27 kept-out and fresh standard sets: themes 0.910 / 16 forbidden
-> 0.914 / 15, on the seven hard sets 0.784 / 21 -> 0.793 / 20; with the weights then retrained, add_at alone
0.914 / 13 -> 0.912 / 12 (hard 0.784 / 22 -> 0.793 / 21), and told_drop_at 0.5 on top 0.914 / 12, no set lower
than at 0.55 (held-out-150, -153, -156, -161 and -162 up about 0.02 each). At 0.5 "아무도 내 말 을 안 자르 더라"
reads 0.52, no longer taken off by its reading; the answer's words still take it off. English, swept likewise, was best as it is.

Korean ``mention_drop_at`` went from 0.4 to 0.5 and ``doubt_own_at`` from 0.6 to 0.7 in item 46, when its reading
of whose a feeling is began to learn from the read sets too (:data:`READ_FOR_MENTIONS`), which made it surer a
feeling is the speaker's."""
MIN_FILES = 2
"""A feature is kept when it is said in at least this many lines."""
L2 = 0.0003
ROUNDS = 800
PRUNE = 0.05
"""Weights smaller than this are dropped from the shipped file (they change no decision; 0.02 until the
Korean file neared the 2 MB the tests allow)."""


def corpus_files(language: str, data: Path = DATA, themes: bool = False) -> list[Path]:
    out = kept_out(language, themes)
    return [p for p in sorted(data.glob(f"tagging_*{language}.jsonl")) if p.name not in out]


def read_corpus(language: str, data: Path = DATA, themes: bool = False) -> list[tuple[str, dict]]:
    """``(file name, row)`` for every labelled line the model learns from (``themes``: its themes)."""
    return [(path.name, row) for path in corpus_files(language, data, themes) for row in _rows(path)]


def _rows(path: Path) -> list[dict]:
    """The labelled lines of one set."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def corpus_hash(language: str, data: Path = DATA) -> str:
    """What the weights were trained on: the corpus, the features' version and the training settings."""
    settings = f"{FEATURES_VERSION} {MIN_FILES} {L2} {ROUNDS} {PRUNE} {THRESHOLDS[language]} {MENTION_REACH}"
    h = hashlib.sha256(settings.encode())
    files, also = corpus_files(language, data), corpus_files(language, data, themes=True)
    for path in also:
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    if also != files:  # which of them the feelings learn from
        h.update(" ".join(p.name for p in files).encode())
    for name in READ_FOR_MENTIONS.get(language, ()):
        h.update(b"mentions " + name.encode() + b"\0" + (data / name).read_bytes())
    return h.hexdigest()[:16]


def _fit(np, x, y, rounds: int = ROUNDS, l2: float = L2):
    """Logistic regression per column of ``y``, by full-batch Adam on the mean log loss plus L2.

    ``x`` is sparse and binary: ``(rows, columns, number of features)``, the row and
    column of each feature said.
    """
    rows, cols, d = x
    n = y.shape[0]
    starts = np.searchsorted(rows, np.arange(n))
    w = np.zeros((d, y.shape[1]), dtype=np.float64)
    b = np.log((y.mean(axis=0) + 1e-3) / (1 - y.mean(axis=0) + 1e-3))
    m_w, v_w, m_b, v_b = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    rate, beta1, beta2 = 0.05, 0.9, 0.999
    for step in range(1, rounds + 1):
        z = np.add.reduceat(w[cols], starts, axis=0) + b
        g = 1 / (1 + np.exp(-z)) - y
        per_feature = g[rows]
        grad_w = np.stack([np.bincount(cols, weights=per_feature[:, k], minlength=d) for k in range(w.shape[1])], axis=1)
        grad_w = grad_w / n + l2 * w
        grad_b = g.mean(axis=0)
        for param, grad, m, v in ((w, grad_w, m_w, v_w), (b, grad_b, m_b, v_b)):
            m *= beta1
            m += (1 - beta1) * grad
            v *= beta2
            v += (1 - beta2) * grad * grad
            param -= rate * (m / (1 - beta1 ** step)) / (np.sqrt(v / (1 - beta2 ** step)) + 1e-8)
    return w, b


def _sparse(np, feats: list[dict[str, Any]]):
    """Rows of features as :func:`_fit` takes them, over the features said in at least :data:`MIN_FILES` rows."""
    counts: dict[str, int] = {}
    for f in feats:
        for k in f:
            counts[k] = counts.get(k, 0) + 1
    vocabulary = {k: i for i, k in enumerate(sorted(k for k, c in counts.items() if c >= MIN_FILES))}
    # every row also has the last column, always 1, so none is empty (reduceat needs that)
    pairs = [(i, j) for i, f in enumerate(feats) for j in sorted(vocabulary[k] for k in f if k in vocabulary)
             + [len(vocabulary)]]
    return (np.array([i for i, _ in pairs]), np.array([j for _, j in pairs]), len(vocabulary) + 1), vocabulary


def _matrix(np, rows: list[dict], language: str, joined: bool):
    """Each line's n-grams, labelled by its themes and the kinds of its feelings."""
    x, vocabulary = _sparse(np, [features(Text.of(r["text"]), joined) for r in rows])
    kinds = _kinds(language)
    y = np.array([[t in r["themes"] for t in THEMES] + [any(kinds.get(f) == k for f in r["feelings"]) for k in POLARITIES]
                  for r in rows], dtype=np.float64)
    return x, y, vocabulary


def _mention_matrix(np, rows: list[dict], language: str, joined: bool):
    """Every feeling named in the corpus, guards aside, as :func:`mention_features`, labelled by whether
    the line's feelings have it: the speaker's own, felt now, or not (denied, someone else's, irony, over)."""
    from assistant.language.tagging import feeling_kind, feeling_mentions
    feats, labels = [], []
    for r in rows:
        words, mentions = feeling_mentions(r["text"], language)
        for name, start, end in mentions:
            feats.append(mention_features(words.tokens, start, end, name, feeling_kind(name, language), joined))
            labels.append([name in r["feelings"]])
    x, vocabulary = _sparse(np, feats)
    return x, np.array(labels, dtype=np.float64), vocabulary


def _telling_matrix(np, rows: list[dict], language: str, joined: bool):
    """The words around the words that tell a theme (guards aside), in every line that tells that theme or
    forbids it, as :func:`mention_features`, labelled by whether the line tells it. (Lines that do neither
    are left out: a cue in one is as often a theme the writer did not label as a theme not told, and trained
    on, they took off more right themes than wrong ones at first sight.)"""
    from assistant.language.tagging import theme_mentions
    feats, labels = [], []
    for r in rows:
        words, mentions = theme_mentions(r["text"], language)
        forbidden = set(r.get("forbidden", ()))
        for theme, start, end in mentions:
            if theme in r["themes"] or theme in forbidden:
                feats.append(mention_features(words.tokens, start, end, theme, theme, joined))
                labels.append([theme in r["themes"]])
    x, vocabulary = _sparse(np, feats)
    return x, np.array(labels, dtype=np.float64), vocabulary


def _side_by_side(np, *fitted):
    """One weight matrix over the union of the features of several fits, their columns side by side (a fit's
    weight for a feature it did not have is 0); the last row is the always-1 column, as in each fit."""
    vocabulary = {k: i for i, k in enumerate(sorted(set().union(*(v for _, _, v in fitted))))}
    w = np.zeros((len(vocabulary) + 1, sum(part.shape[1] for part, _, _ in fitted)))
    at = 0
    for part, _, v in fitted:
        columns = slice(at, at + part.shape[1])
        for k, i in v.items():
            w[vocabulary[k], columns] = part[i]
        w[len(vocabulary), columns] = part[len(v)]
        at += part.shape[1]
    return w, np.concatenate([b for _, b, _ in fitted]), vocabulary


def _reading(fitted, drop_at: float) -> Reading:
    w, b, vocabulary = fitted
    return Reading(float(b[0] + w[len(vocabulary), 0]),
                   {f: float(w[i, 0]) for f, i in vocabulary.items() if abs(w[i, 0]) >= PRUNE}, drop_at)


def _kinds(language: str) -> dict[str, str]:
    """Each feeling's kind, for the :data:`POLARITIES` labels (a feeling neither pleasant nor not has none)."""
    from assistant.language.feelings import load_vocabulary
    return {f.word: POLARITIES[0] if f.pleasantness > 0 else POLARITIES[1]
            for f in load_vocabulary(language).feelings if f.pleasantness}


def _model(language: str, joined: bool, w, b, vocabulary: dict[str, int], mentions, tellings,
           thresholds: Thresholds) -> Model:
    labels = THEMES + POLARITIES
    weights = {}
    for feature, i in vocabulary.items():
        ws = tuple((n, float(w[i, n])) for n in range(len(labels)) if abs(w[i, n]) >= PRUNE)
        if ws:
            weights[feature] = ws
    bias = b + w[len(vocabulary)]  # the always-1 column is part of the bias
    return Model(language, joined, labels, tuple(float(v) for v in bias), weights, thresholds.add_at, thresholds.drop_at,
                 thresholds.feeling_drop_at, _reading(mentions, thresholds.mention_drop_at),
                 _reading(tellings, thresholds.told_drop_at), (thresholds.doubt_kind_at, thresholds.doubt_own_at))


def train(language: str, data: Path = DATA, thresholds: Thresholds | None = None,
          log=print) -> dict:
    """The learned layer's file content for ``language``, trained on the whole corpus."""
    import numpy as np  # build time only

    from assistant.language.feelings import load_vocabulary
    joined = load_vocabulary(language).match == "joined"
    corpus = read_corpus(language, data)
    also = [r for name, r in read_corpus(language, data, themes=True) if name not in {n for n, _ in corpus}]
    thresholds = thresholds or THRESHOLDS[language]
    log(f"{language}: fitting {len(THEMES)} themes on {len(corpus) + len(also)} lines and {len(POLARITIES)} kinds of "
        f"feeling on {len(corpus)}")
    x, y, themes_vocabulary = _matrix(np, [r for _, r in corpus] + also, language, joined)
    w_themes, b_themes = _fit(np, x, y[:, :len(THEMES)])
    if also:
        x, y, kinds_vocabulary = _matrix(np, [r for _, r in corpus], language, joined)
    else:
        kinds_vocabulary = themes_vocabulary
    w_kinds, b_kinds = _fit(np, x, y[:, len(THEMES):])
    w, b, vocabulary = _side_by_side(np, (w_themes, b_themes, themes_vocabulary), (w_kinds, b_kinds, kinds_vocabulary))
    read = [r for name in READ_FOR_MENTIONS.get(language, ()) for r in _rows(data / name)]
    mx, my, mvocabulary = _mention_matrix(np, [r for _, r in corpus] + read, language, joined)
    log(f"{language}: fitting whose feeling it is on {len(my)} feelings named ({int(my.sum())} the speaker's own)")
    mw, mb = _fit(np, mx, my)
    tx, ty, tvocabulary = _telling_matrix(np, [r for _, r in corpus] + also, language, joined)
    log(f"{language}: fitting whether a theme happened on {len(ty)} themes told, guards aside ({int(ty.sum())} told)")
    tw, tb = _fit(np, tx, ty)
    model = _model(language, joined, w, b, vocabulary, (mw, mb, mvocabulary), (tw, tb, tvocabulary), thresholds)
    log(f"{language}: {len(corpus)} lines ({len(also)} more for themes), {len(vocabulary)} features, {len(model.weights)} kept, "
        f"{len(mvocabulary)} around feelings, {len(model.mentions.weights)} kept, {len(tvocabulary)} around cues, "
        f"{len(model.tellings.weights)} kept; add_at {model.add_at}, drop_at {model.drop_at}, feeling_drop_at "
        f"{model.feeling_drop_at}, mentions' drop_at {model.mentions.drop_at}, tellings' {model.tellings.drop_at}, "
        f"doubt_at {model.doubt_at}")
    return model.as_json(corpus_hash(language, data))


NEIGHBOURS = ("en",)
"""The languages whose themes are blended with those of the nearest labelled answers
(:mod:`assistant.language.neighbours`): Korean, read the same way at first sight, had more forbidden tags."""
NEVER_READ = frozenset((*range(351, 355), *range(379, 383), *range(387, 391), *range(395, 399), *range(403, 407),
                        *range(415, 419), 430, 431, 434, 436, 442, *range(443, 447), 450, *range(451, 467), 472, 473,
                        477, 478, 480, 484, 486, 490, 492, 494, 496, 498, 500, 502, 504, 506, 508, *range(509, 517)))
"""The kept-out standard sets since held-out-351 that nobody has read: scored, never looked at, never learned from."""
READ_FOR_MENTIONS = {"ko": tuple(f"tagging_heldout{n}_ko.jsonl" for n in range(195, 497) if n not in NEVER_READ)}
"""Read kept-out sets the Korean reading of whose feeling a mention is (:meth:`~assistant.language.learned.Model.own`)
learns from besides the corpus: held-out-195 .. -495, but the never-read ones. Trained on the corpus alone (9,000
feelings named, mostly hard cases) it doubted plain feelings of the speaker's; with them too (19,000, two thirds the
speaker's) and its thresholds raised to hold the forbidden ones (:data:`THRESHOLDS`), the 55 never-read Korean
sets went from 27 meeting every goal to 31 (forbidden tags 18 -> 14), the 32 older kept-out sets 21 -> 19 (28 ->
30) and held-out-481 .. -488, scored before they were trained on, 2 -> 3 (4 -> 3): 50 -> 53 of 95 sets never
trained on; on -489 .. -496, written after the thresholds were chosen, 3 -> 2 (6 -> 4) (benchmarks/tagging.py,
item 46). English, trained the same way, gained 2 sets of 97 but let five of
the hard cases in tests/test_tagging*.py through (irony, a feeling that was over), so it keeps to the corpus."""


READ_FOR_NEIGHBOURS = {"en": tuple(f"tagging_heldout{n}_en.jsonl" for n in range(343, 450) if n not in NEVER_READ)}
"""Read kept-out sets the index of nearest answers holds beside the lines the themes learn from. The themes'
weights trained with them did no better at first sight (benchmarks/tagging.py, item 41: 0.874 -> 0.876 on the
34 never-read English sets, forbidden tags 21 -> 24); the index with them did (0.885 / 17 -> 0.889 / 15)."""


def neighbours_hash(language: str, data: Path = DATA) -> str:
    """What the index of nearest answers was built from: the corpus and its settings."""
    h = hashlib.sha256(f"{corpus_hash(language, data)} {VERSION} {KINDS} {NEAREST} {SHARE} {COMMONEST}".encode())
    for name in READ_FOR_NEIGHBOURS.get(language, ()):
        path = data / name
        h.update(name.encode() + b"\0" + (path.read_bytes() if path.exists() else b"(missing)"))
    return h.hexdigest()[:16]


def neighbours_index(language: str, data: Path = DATA) -> dict:
    """The index of the lines the themes learn from and of :data:`READ_FOR_NEIGHBOURS`, as
    :mod:`assistant.language.neighbours` reads it."""
    rows = [(r["text"], r["themes"]) for _, r in read_corpus(language, data, themes=True)]
    for name in READ_FOR_NEIGHBOURS.get(language, ()):
        rows += [(r["text"], r["themes"]) for r in _rows(data / name)]
    return index(rows, THEMES, neighbours_hash(language, data))


def _trained_on(path: Path) -> str | None:
    if not path.exists():
        return None
    content = nearest.read(path) if path.suffix == ".gz" else json.loads(path.read_text(encoding="utf-8"))
    return content.get("trained_on")


def stale(language: str, data: Path = DATA) -> list[tuple[Path, str]]:
    """The shipped files of ``language`` not made from the corpus as it is now, each with what to do."""
    out = []
    if _trained_on(model_path(language)) != corpus_hash(language, data):
        out.append((model_path(language), f"run: python -m assistant.language.train_tagger {language}"))
    index_path = neighbours_path(language)
    if language in NEIGHBOURS and _trained_on(index_path) != neighbours_hash(language, data):
        out.append((index_path, f"run: python -m assistant.language.train_tagger {language} --neighbours"))
    elif language not in NEIGHBOURS and index_path.exists():
        out.append((index_path, f"remove it: {language} has no index of nearest answers (NEIGHBOURS)"))
    return out


def is_current(language: str, data: Path = DATA) -> bool:
    """Whether the shipped weights (and the index of nearest answers) were made from the corpus as it is now."""
    return not stale(language, data)


def main(argv: list[str]) -> int:
    if not DATA.exists():
        print(f"the labelled corpus is not here ({DATA}); run this from a source checkout", file=sys.stderr)
        return 2
    languages = [a for a in argv if a in LANGUAGES] or list(LANGUAGES)
    if "--check" in argv:
        found = [(path, fix) for lang in languages for path, fix in stale(lang)]
        for path, fix in found:
            print(f"{path} is stale; {fix}")
        return 1 if found else 0
    only_neighbours = "--neighbours" in argv
    for language in languages:
        writes = [] if only_neighbours else [(model_path(language), train)]
        if language in NEIGHBOURS:
            writes.append((neighbours_path(language), neighbours_index))
        for path, make in writes:
            content = make(language)
            if path.suffix == ".gz":
                nearest.write(path, content)
            else:
                path.write_text(json.dumps(content, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
            print(f"wrote {path} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
