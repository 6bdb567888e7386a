"""The modes' letters written in a message (A, C, H, M, I): which capitals are modes, which are words."""

from __future__ import annotations

import re

from bot.engine.cues import LETTER_WORDS, MODE_WORD

LETTERS = re.compile(r"(?<![A-Za-z\u00C0-\u017F])([ACHMI])(?![A-Za-z\u00C0-\u017F])")
SINGLE_MODE_LETTER = re.compile(r"(?:\b(?:le|la|l|mode|lettre|letter|code|un|une|the|en)\s+|\()([ACHMI])(?:\)|\b)(?!')")
_MODE_LETTERS = frozenset("ACHMI")
# Two modes' letters offered as alternatives, or a message of letters alone: "c'est H ou M ?", "A C H M I ??"
_OFFERED = re.compile(r"^\W*(?:[ACHMI]\W+){2,}$|(?<![\w'’])[ACHMI] (?:ou|or|/) ?[ACHMI](?![\w'’])")


# Typed small, a mode's letter is read only where nothing else can be meant: after "mode" or "en" ("en mode c",
# "en m ou en i en 2017"), "a" only when nothing follows it ("mode a = ?", not "le mode a changé"); a letter offered
# beside one so read ("ou c"); a message of letters alone ("a c h m i", "a/c/h/m/i ca veut dire koi")
_END = (
    r"(?=\s*(?:$|[?.,;:!=)/]|(?:ou|or|en|in|et|and|ds|dans|pour|pr|c|ca|cest|vs|20\d\d|definition|def|signifie|"
    r"veut|means?|meaning|stp|svp|exactement|concretement|quoi|koi|sur|les|la|le|un|une|des|on|il|ils|elle|elles)\b))"
)
_SMALL = re.compile(
    rf"\b(?:modes?|en|le|entre|between)\s+([chmi]{_END}|a(?=\s*(?:$|[?=,;:!]|(?:ou|or|vs|et|and)\b)))"
    # or the letter asked about: "h ca veut dire koi ?", "ca veut dire koi h sur la carto"
    r"|(?:^|\b(?:quoi|koi) )([hmi])(?= (?:ca veut dire|veut dire|signifie|means|sur (?:la|les) cart))"
)
# in English: "what does m stand for", "the a mode", "the letter i", "h stands for what"
_SMALL_EN = re.compile(
    r"(?:\b(?:does|letter|lettre|the)\s+|^)([achmi])(?=\s+(?:stands?|mean|means|mode|veut|signifie)\b)"
)
_SMALL_OFFERED = re.compile(rf"\b(?:ou|or|vs|et)\s+(?:en\s+)?([achmi]){_END}")
# three letters in a row, or two alone: "modes a c h m i", "les lettres a/c/h/m/i", "a vs c"
_SMALL_ALONE = re.compile(
    r"(?:^|\s)(?:[achmi][\s/,]+){2,}[achmi](?=\W|$)|^\W*[achmi]\s+(?:vs|ou|et|or|and|/)\s+[achmi]\W*$"
)


def small_letters(text: str) -> list[str]:
    """The modes' letters a message typed small writes, in the places above (`text`: folded, lower case)."""
    alone = _SMALL_ALONE.search(text)
    if alone:
        return [c.upper() for c in re.findall(r"[achmi]", alone.group(0))]
    found = [(m.group(1) or m.group(2)).upper() for m in _SMALL.finditer(text)]
    found += [m.group(1).upper() for m in _SMALL_EN.finditer(text)]
    if found:
        found += [m.group(1).upper() for m in _SMALL_OFFERED.finditer(text)]
    return found


def mode_letters(raw: str, text: str, lang: str, defining: bool) -> list[str]:
    """The modes' letters a message writes: one after "le", "mode", "en" ("en M"); every bare capital where the
    letters are asked about ("que signifient A C H M I ?", "what does M stand for"); two at least after "mode" or
    offered as alternatives ("modes A C H M I ?", "c'est H ou M ?"), not "mode? I need it"."""
    if _MODE_LETTERS.isdisjoint(raw):  # a mode's letter is a capital, or typed small in a mode's place
        return small_letters(text) if raw == raw.lower() else []
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
