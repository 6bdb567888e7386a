"""The five statuses of a commitment, and the many ways people type them (accents or not, hyphens, English)."""

from __future__ import annotations

import unicodedata
from typing import Literal

Status = Literal["non_demarre", "en_cours", "atteint", "en_retard", "abandonne"]

STATUSES: tuple[Status, ...] = ("non_demarre", "en_cours", "atteint", "en_retard", "abandonne")
LABELS: dict[str, str] = {
    "non_demarre": "non démarré",
    "en_cours": "en cours",
    "atteint": "atteint",
    "en_retard": "en retard",
    "abandonne": "abandonné",
}
LABELS_EN: dict[str, str] = {
    "non_demarre": "not started",
    "en_cours": "in progress",
    "atteint": "achieved",
    "en_retard": "late",
    "abandonne": "dropped",
}
EMOJI: dict[str, str] = {
    "non_demarre": "⚪",
    "en_cours": "🔵",
    "atteint": "🟢",
    "en_retard": "🟠",
    "abandonne": "⚫",
}

# Normalised spellings (lower case, no accents, words separated by one space) to a status.
_SPELLINGS: dict[str, Status] = {
    "non demarre": "non_demarre",
    "pas demarre": "non_demarre",
    "not started": "non_demarre",
    "todo": "non_demarre",
    "a faire": "non_demarre",
    "en cours": "en_cours",
    "in progress": "en_cours",
    "ongoing": "en_cours",
    "started": "en_cours",
    "atteint": "atteint",
    "realise": "atteint",
    "termine": "atteint",
    "fait": "atteint",
    "done": "atteint",
    "achieved": "atteint",
    "completed": "atteint",
    "en retard": "en_retard",
    "retard": "en_retard",
    "late": "en_retard",
    "delayed": "en_retard",
    "behind": "en_retard",
    "abandonne": "abandonne",
    "abandon": "abandonne",
    "dropped": "abandonne",
    "abandoned": "abandonne",
    "cancelled": "abandonne",
    "canceled": "abandonne",
}
_MAX_WORDS = max(len(s.split()) for s in _SPELLINGS)


def fold(text: str) -> str:
    """Lower case, accents removed, hyphens/underscores/apostrophes as spaces, one space between words."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    for mark in "-_'’":
        plain = plain.replace(mark, " ")
    return " ".join(plain.split())


def parse_status(text: str) -> Status | None:
    """The status `text` names, or None."""
    return _SPELLINGS.get(fold(text))


def split_status(words: list[str]) -> tuple[Status | None, list[str]]:
    """The status named by the first word(s) of `words` (longest spelling first) and the words after it."""
    for size in range(min(_MAX_WORDS, len(words)), 0, -1):
        status = parse_status(" ".join(words[:size]))
        if status is not None:
            return status, words[size:]
    return None, words


def label(status: str, lang: str = "fr") -> str:
    return (LABELS_EN if lang == "en" else LABELS).get(status, status)


def accepted_spellings() -> str:
    """For error messages: the five French labels."""
    return ", ".join(f"« {LABELS[s]} »" for s in STATUSES)


def percent_fits(status: str, percent: int | None) -> bool:
    """The rule between a status and its percent: not started is 0 %, achieved is 100 %, in progress and late are
    below 100 %, dropped any. No percent always fits (the previous one, or what the status implies, is kept)."""
    if percent is None:
        return True
    if status == "non_demarre":
        return percent == 0
    if status == "atteint":
        return percent == 100
    if status in ("en_cours", "en_retard"):
        return percent < 100
    return True


PERCENT_RULE = "« non démarré » = 0 %, « atteint » = 100 %, « en cours » et « en retard » : moins de 100 %"
