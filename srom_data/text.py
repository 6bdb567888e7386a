"""Text normalisation shared by the loader (quote checks, alias keys) and the question engine."""

from __future__ import annotations

import re
import unicodedata

_BROKEN_GLYPH = "\ufffd"
# The PDF extraction split the fi/fl/ff ligatures from the rest of their word ("fi nanciers", "Justifi cation").
_SPLIT_LIGATURE = re.compile(r"(ffi|ffl|ff|fi|fl) (?=[a-zà-öø-ÿœ])")
_APOSTROPHE_PAIRS = (
    (_BROKEN_GLYPH, " "),
    ("’", "'"),
    ("‘", "'"),
    ("`", "'"),
    ("´", "'"),
    ("\u00a0", " "),
    ("\u202f", " "),
)
_NON_WORD = re.compile(r"[^a-z0-9]+")
_KEY_BYTES = bytes(c if chr(c) in "abcdefghijklmnopqrstuvwxyz0123456789" else 32 for c in range(256))  # others: spaces
# The combining marks of Latin letters (accents, cedilla): what NFKD splits off "é", "ç".
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_LIGATURE_PAIRS = (("œ", "oe"), ("æ", "ae"), ("Œ", "OE"), ("Æ", "AE"), ("ß", "ss"))


def typography(text: str) -> str:
    """Broken glyphs dropped, apostrophes made plain, whitespace collapsed."""
    if not text.isascii():  # a few replace() are much faster than translate() with a mapping
        for old, new in _APOSTROPHE_PAIRS:
            if old in text:
                text = text.replace(old, new)
    # split() and join() collapse the same whitespace as a regex sub of r"\s+" (str.isspace's), several times faster
    return " ".join(text.split())


def canonical_quote(text: str) -> str:
    """The form in which a quote is compared with the source: same words, same order, typography folded.

    Whitespace is collapsed, the extraction's broken bullet glyphs are dropped, split ligatures are rejoined and
    typographic apostrophes are made plain, so that a quote copied from the PDF or from the text file both match.
    """
    return _SPLIT_LIGATURE.sub(r"\1", typography(text))


def fold(text: str) -> str:
    """Lower-case, accent-free, ligature-free text (é -> e, œ -> oe), whitespace collapsed."""
    text = typography(text)
    if text.isascii():
        return text.lower()
    for old, new in _LIGATURE_PAIRS:
        if old in text:
            text = text.replace(old, new)
    text = text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def key(text: str) -> str:
    """The matching key of a name: folded, punctuation turned into single spaces."""
    text = fold(text)
    if text.isascii():  # most text: its bytes translated, several times faster than the regex
        return " ".join(text.encode("ascii").translate(_KEY_BYTES).decode("ascii").split())
    return _NON_WORD.sub(" ", text).strip()
