"""Which folded words are word forms of French or English (simplemma's dictionaries), for the speller and the
language detection.

Importing simplemma and decompressing its French dictionary costs about 220 ms, the English one 130 ms more, paid by
`srom ask` whenever the question holds a word the SROM does not use (a third of them). The words asked about here are
folded (letters, digits, hyphens), so the forms each dictionary knows among those are listed once, sorted in one
string, and kept in the cache folder (srom_data.cache): they read back in a millisecond and are found by bisection.
Any other word, and every word when the cache is off, is asked of simplemma itself.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Iterator
from functools import cache
from importlib.util import find_spec
from itertools import accumulate
from pathlib import Path

from srom_data.cache import cache_file, cached

# A word simplemma reads as it is: no apostrophe (it tries variants), nothing its per-language tables fold, NFC.
PLAIN = re.compile(r"[a-z0-9-]+")


class WordList:
    """A sorted set of words in one string: one object to pickle and read back rather than a hundred thousand."""

    def __init__(self, words: Iterable[str]) -> None:
        ordered = sorted(set(words))
        self.text = "".join(ordered)
        self.starts = array("I", accumulate(map(len, ordered), initial=0))  # word i is text[starts[i]:starts[i + 1]]

    def __len__(self) -> int:
        return len(self.starts) - 1

    def __getitem__(self, i: int) -> str:
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self.text[self.starts[i] : self.starts[i + 1]]

    def __contains__(self, word: object) -> bool:
        text, starts = self.text, self.starts
        lo, hi = 0, len(starts) - 1
        while lo < hi:  # bisection, spelt out: a third of the time of bisect's calls to __getitem__
            mid = (lo + hi) // 2
            if text[starts[mid] : starts[mid + 1]] < word:  # type: ignore[operator]
                lo = mid + 1
            else:
                hi = mid
        return lo < len(starts) - 1 and text[starts[lo] : starts[lo + 1]] == word


def is_known(word: str, lang: str) -> bool:
    """simplemma.is_known(word, lang), from the cached list when the word is plain."""
    if PLAIN.fullmatch(word):
        words = _word_list(lang)
        if words is not None:
            return word in words
    import simplemma  # imported on first need: loading a language's dictionary is most of its cost

    return bool(simplemma.is_known(word, lang=lang))


def plain_forms(lang: str) -> Iterator[str]:
    """The plain words simplemma knows in `lang`. It looks a lowercase word up as written, then capitalized: so a
    plain word is known when it is a key, or when its capitalized form is ("Paris" makes "paris" known)."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    for form in DefaultDictionaryFactory().get_dictionary(lang):
        if PLAIN.fullmatch(form):
            yield form
        else:
            lower = form.lower()
            if PLAIN.fullmatch(lower) and lower.capitalize() == form:
                yield lower


@cache
def _word_list(lang: str) -> WordList | None:
    spec = find_spec("simplemma")
    if spec is None or spec.origin is None:  # pragma: no cover - a dependency
        return None
    path = cache_file(f"words-{lang}", Path(spec.origin).parent, [Path(__file__)], libraries=())
    if path is None:
        return None
    return cached(path, WordList, lambda: WordList(plain_forms(lang)))
