"""The modes' letters written in a message (A, C, H, M, I): which capitals are modes, which are words."""

from __future__ import annotations

import re

from bot.engine.cues import LETTER_WORDS, MODE_WORD

LETTERS = re.compile(r"(?<![A-Za-z\u00C0-\u017F])([ACHMI])(?![A-Za-z\u00C0-\u017F])")
SINGLE_MODE_LETTER = re.compile(r"(?:\b(?:le|la|l|mode|lettre|letter|code|un|une|the|en)\s+|\()([ACHMI])(?:\)|\b)(?!')")
_MODE_LETTERS = frozenset("ACHMI")
# Two modes' letters offered as alternatives, or a message of letters alone: "c'est H ou M ?", "A C H M I ??"
_OFFERED = re.compile(r"^\W*(?:[ACHMI]\W+){2,}$|(?<![\w'’])[ACHMI] (?:ou|or|/) ?[ACHMI](?![\w'’])")


def mode_letters(raw: str, text: str, lang: str, defining: bool) -> list[str]:
    """The modes' letters a message writes: one after "le", "mode", "en" ("en M"); every bare capital where the
    letters are asked about ("que signifient A C H M I ?", "what does M stand for"); two at least after "mode" or
    offered as alternatives ("modes A C H M I ?", "c'est H ou M ?"), not "mode? I need it"."""
    if _MODE_LETTERS.isdisjoint(raw):  # a mode's letter is a capital: a message with none needs no search
        return []
    letters = [m.group(1) for m in SINGLE_MODE_LETTER.finditer(raw)]
    if defining or LETTER_WORDS.search(text):
        letters += capitals(raw, lang)
    elif MODE_WORD.search(text) or _OFFERED.search(raw):
        found = capitals(raw, lang)
        letters += found if len(set(found)) >= 2 else []
    return letters


def capitals(raw: str, lang: str = "fr") -> list[str]:
    """The bare capitals A, C, H, M, I of a message, elisions apart ("l'I" is no word), and the English pronoun
    apart ("I just joined the payroll team, what's our mode?")."""
    text = raw.replace("'", " ").replace("’", " ")
    return [
        m.group(1) for m in LETTERS.finditer(text) if not (m.group(1) == "I" and lang == "en" and _pronoun(text, m))
    ]


_CLAUSE_OPENERS = frozenset("and but so if when as because".split())
_AFTER_PRONOUN = re.compile(r" (?:[a-z]|m\b|d\b|ve\b|ll\b)")


def _pronoun(text: str, m: re.Match[str]) -> bool:
    """An "I" opening a clause before a word ("I just joined", "so I need") is the English pronoun, not the mode."""
    before = text[: m.start()].rstrip()
    opens = not before or before[-1] in ",.;:!?" or before.split()[-1].lower() in _CLAUSE_OPENERS
    return opens and bool(_AFTER_PRONOUN.match(text, m.end()))
