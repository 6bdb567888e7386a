"""The words and stems the question-shape cues (cues.py, courtesy_cues.py) and the parser read: the speller's
vocabulary, so that a word they read is no typo, and a typo inside a stem they read with any ending is read as that
stem."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.engine import courtesy_cues, cues, normalize

_FIRST_LETTERS = re.compile(r"\(\?=\[[a-z0-9]+\]\)")


def _patterns() -> Iterator[re.Pattern[str]]:
    return (
        value for module in (cues, courtesy_cues) for value in vars(module).values() if isinstance(value, re.Pattern)
    )


def stems() -> Iterator[str]:
    """The stems the cues read with any ending ("arbitr\\w*", "delib\\w*"), five letters or more: a typo inside one
    ("arbirte") is read as that stem with the word's own ending."""
    for pattern in _patterns():
        yield from re.findall(r"([a-z]{5,})\\w[*+]", pattern.pattern)


def vocabulary() -> Iterator[str]:
    """The words the cues and the question parser know, for the speller: a word they read is no typo."""
    for pattern in _patterns():
        text = _FIRST_LETTERS.sub("", pattern.pattern)  # "(?=[qwsa])" names letters, no word
        for word, optional in re.findall(r"([a-z]{3,})(\?)?", text):
            yield word
            if optional:  # "engagements?": "engagement" too
                yield word[:-1]
    yield from (w for w in courtesy_cues.ABOUT_BOT if len(w) >= 3)  # a set of words, not a pattern
    for words in (
        normalize.STOPWORDS_FR,
        normalize.STOPWORDS_EN,
        normalize.QUESTION_WORDS,
        normalize.LISTING_WORDS,
        normalize.ENGLISH_MARKERS,
        normalize.FRENCH_MARKERS,
        normalize.SHARED_WORDS,
    ):
        yield from (w for w in words if w.isalpha())
