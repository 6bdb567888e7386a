"""Train the intent and function models (bot/engine/intents.py) on every labelled question set, never on a blind one.

    python -m tests.engine.train_intents              # writes intents.json.gz and functions.json.gz in
                                                      # srom_data/data/pays-de-la-loire
    python -m tests.engine.train_intents --folds OUT  # first, the honest figures: each writer's set scored by models
                                                      # trained on the others' (needs the `train` extra: scikit-learn)

The function model learns the function a question is about, or "none" (a set's writer gives a question a function
exactly when it is about one).

Retrain whenever a labelled set changes (test_intents.py fails until then), then record the answers anew
(python -m tests.engine.snapshot) and read their diff.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import sys
from collections import Counter
from pathlib import Path

from bot.engine import intents
from bot.engine.intents import IntentModel, parts, word_features
from tests.engine.scoring import LABELLED, load

DATA = Path(__file__).parents[2] / "srom_data" / "data" / "pays-de-la-loire"
MODEL = DATA / intents.FILE
FUNCTIONS = DATA / intents.FUNCTIONS_FILE
C = 30.0  # little regularisation: the classes are many and their cues sharp
for _threads in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_threads, "1")  # one thread sums in one order: the same file from the same questions


def questions() -> list[tuple[str, str, str]]:
    """(set, question, intent) of every labelled question."""
    return [(name, case["q"], case["intent"]) for name in LABELLED for case in load(name)]


def functions() -> list[tuple[str, str, str]]:
    """(set, question, function or "none") of every labelled question."""
    return [(name, case["q"], case.get("function") or intents.NO_FUNCTION) for name in LABELLED for case in load(name)]


def digest(rows: list[tuple[str, str, str]]) -> str:
    return hashlib.sha256(json.dumps(sorted((q, i) for _, q, i in rows), ensure_ascii=False).encode()).hexdigest()


def fit(texts: list[str], labels: list[str]) -> IntentModel:
    """The model learnt from these questions: the features two questions hold at least, weighed as intents.py
    applies them."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    split = [parts(t) for t in texts]
    held = [[f for w in words for f in word_features(w)] + sorted(pairs) for words, pairs in split]
    seen = Counter(f for features in held for f in set(features))
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, n in seen.items() if n >= 2))}
    idf = {f: math.log((1 + len(texts)) / (1 + seen[f])) + 1 for f in vocabulary}
    data, columns, starts = [], [], [0]
    for features in held:
        counted = sorted(Counter(f for f in features if f in vocabulary).items())  # one order whatever the sets'
        scale = 1 / math.sqrt(sum(idf[f] ** 2 * n for f, n in counted) or 1)
        for f, n in counted:
            columns.append(vocabulary[f])
            data.append(n * idf[f] * scale)
        starts.append(len(columns))
    matrix = csr_matrix((data, columns, starts), shape=(len(texts), len(vocabulary)))
    classifier = LogisticRegression(C=C, max_iter=10000).fit(matrix, labels)
    rows = {
        f: [round(idf[f] ** 2, 6), *(round(float(idf[f] * w), 6) for w in classifier.coef_[:, j])]
        for f, j in vocabulary.items()
    }
    return IntentModel(list(classifier.classes_), [round(float(b), 6) for b in classifier.intercept_], rows)


def folds(rows: list[tuple[str, str, str]]) -> dict[str, tuple[str, float]]:
    """Each question's guess by a model trained without its set (eight folds, a set never split)."""
    from sklearn.model_selection import GroupKFold

    guesses = {}
    for train, held in GroupKFold(n_splits=8).split(rows, groups=[name for name, _, _ in rows]):
        model = fit([rows[i][1] for i in train], [rows[i][2] for i in train])
        for i in held:
            guesses[f"{rows[i][0]}|{rows[i][1]}"] = model.guess(rows[i][1])
    return guesses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", metavar="OUT", help="score each set on a model trained on the others; save guesses")
    args = parser.parse_args(argv)
    learnt = (("intents", questions(), MODEL), ("functions", functions(), FUNCTIONS))
    if args.folds:
        guessed = {}
        for what, rows, _ in learnt:
            guesses = guessed[what] = folds(rows)
            right = Counter(guesses[f"{n}|{q}"][0] == i for n, q, i in rows)
            print(f"out of fold: {right[True]}/{len(rows)} {what} right ({right[True] / len(rows):.1%})")
        Path(args.folds).write_text(json.dumps(guessed, ensure_ascii=False))
        return 0
    for what, rows, path in learnt:
        model = fit([q for _, q, _ in rows], [i for _, _, i in rows])
        model.save(path, digest(rows))
        print(f"{path}: {len(model.rows)} features, {len(rows)} questions, {len(model.classes)} {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
