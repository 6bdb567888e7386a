"""The intent model: what a question asks, guessed from its letters and words as the staff write them; and the
function model, built alike: the support function a question is about ("none" when it is about none).

A logistic regression over each word's letter n-grams (two to four letters, the spaces around the word included)
and the word itself, and over the pairs of words that follow each other; learnt from every labelled question set
(tests/engine/train_intents.py, which needs scikit-learn), never from a blind one. Letter n-grams read a typo, an
abbreviation or an inflection as the words they come from ("kiarbitr", "arbitrages"): this is why the model errs
where the rules do not.

The features are weighed by their idf, and a question's weights are the sum of its words' and its pairs'; the
question is scaled by the square root of the sum of their squared idfs. Both sums add up word by word, so applying
the model needs no library: a word's row (its squared idfs, then its weight for each intent) is summed once and
kept, and a question adds its words' rows and its pairs'.
"""

from __future__ import annotations

import gzip
import json
import math
from functools import cache
from itertools import pairwise
from pathlib import Path

from srom_data.text import key

SIZES = (2, 3, 4)
FILE = "intents.json.gz"
FUNCTIONS_FILE = "functions.json.gz"
FILES = (FILE, FUNCTIONS_FILE)
NO_FUNCTION = "none"  # the function model's class of a question about no function


def word_features(word: str) -> set[str]:
    """A word's features: its letter n-grams and itself."""
    padded = f" {word} "
    found = {padded[i : i + size] for size in SIZES for i in range(len(padded) - size + 1)}
    found.add("w:" + word)
    return found


def parts(text: str) -> tuple[list[str], set[str]]:
    """A question's words, each once, and the pairs of words that follow each other."""
    words = key(text).split()
    return list(dict.fromkeys(words)), {f"b:{a} {b}" for a, b in pairwise(words)}


class IntentModel:
    """Applies a trained model: `guess` gives the likeliest intent and its probability."""

    def __init__(self, classes: list[str], bias: list[float], rows: dict[str, list[float]]) -> None:
        # each row: the feature's idf squared, then its weight for each class times its idf
        self.classes = tuple(classes)
        self.bias = tuple(bias)
        self.rows = {f: tuple(row) for f, row in rows.items()}
        self._pairs = {tuple(f[2:].split(" ")): row for f, row in self.rows.items() if f.startswith("b:")}
        self._zero = (0.0,) * (len(classes) + 1)
        self._words: dict[str, tuple[float, ...]] = {}

    def guess(self, text: str) -> tuple[str, float]:
        """The likeliest intent and its probability ("unknown", 0.0 when the model knows no word of it)."""
        return self.against(text, "") or ("unknown", 0.0)  # (no intent is "": never None)

    def against(self, text: str, intent: str) -> tuple[str, float] | None:
        """The likeliest intent and its probability, unless it is `intent` (then None, and no softmax is paid)."""
        words = key(text).split()
        memo = self._words
        held = [memo.get(w) or self._word(w) for w in dict.fromkeys(words)]
        if len(words) > 1:
            held += filter(None, map(self._pairs.get, set(pairwise(words))))
        sums = list(map(sum, zip(self._zero, *held)))  # noqa: B905 (rows are all as long)
        if sums[0] <= 0.0:  # nothing the model knows
            return None if intent == "unknown" else ("unknown", 0.0)
        scale = 1.0 / math.sqrt(sums[0])
        scores = [b + s * scale for b, s in zip(self.bias, sums[1:])]  # noqa: B905
        top = max(scores)
        best = self.classes[scores.index(top)]
        if best == intent:
            return None
        exp = math.exp
        return best, 1.0 / sum([exp(s - top) for s in scores])

    def _word(self, word: str) -> tuple[float, ...]:
        """The sum of the rows of a word's features the model knows, kept."""
        row = tuple(map(sum, zip(self._zero, *filter(None, map(self.rows.get, word_features(word))))))  # noqa: B905
        if len(self._words) >= 50_000:  # a bound on what odd input can make it keep
            self._words.clear()
        self._words[word] = row
        return row

    def save(self, path: Path, trained_on: str) -> None:
        body = {"trained_on": trained_on, "classes": self.classes, "bias": self.bias, "rows": self.rows}
        path.write_bytes(gzip.compress(json.dumps(body, separators=(",", ":"), sort_keys=True).encode(), mtime=0))


def for_data(data_dir: Path, file: str = FILE) -> IntentModel | None:
    """The model that ships with a data folder, if it has one (a SROM with no labelled questions has none)."""
    path = data_dir / file
    return _read_once(path, path.stat().st_mtime_ns) if path.exists() else None


@cache
def _read_once(path: Path, stamp: int) -> IntentModel:
    return read(path)[0]


def read(path: Path) -> tuple[IntentModel, str]:
    """The model saved at `path`, and the digest of the questions it was trained on."""
    body = json.loads(gzip.decompress(path.read_bytes()))
    return IntentModel(body["classes"], body["bias"], body["rows"]), body["trained_on"]
