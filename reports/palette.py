"""The colours and marks of the maps, shared by the pictures and the spreadsheet.

The SROM's own diagrams lost their colours in the extraction, so the palette is ours: a light-to-dark progression
from Autonomie (local) to Intégration (central), light enough for dark text, distinct for colour-blind readers
(no red/green pair), and never grey: grey, hatched, is kept for "the text does not say".
"""

from __future__ import annotations

MODE_COLORS: dict[str, str] = {
    "A": "#FFE08A",  # Autonomie: warm yellow
    "C": "#F9B384",  # Coopération: apricot
    "H": "#8ED1C6",  # Harmonisation: teal
    "M": "#86B6E8",  # Mutualisation: blue
    "I": "#B9A3E3",  # Intégration: lavender
}
UNSPECIFIED_FILL = "#F1F1F1"
UNSPECIFIED_HATCH = "#C4C4C4"
ABSENT_FILL = "#FFFFFF"

INK = "#1F2933"  # text
MUTED = "#6B7280"  # secondary text
NAVY = "#1D3C6E"  # the app's colour: block headers, titles
BLOCK_FILL = "#F5F7FB"
BORDER = "#3A4350"

# How certainty shows besides the fill: a mark after the mode letter and the style of the box's border. A deduced
# mode is marked by what it rests on: "*" a sentence naming the item, "≈" a statement about a whole function, block
# or period extended to it, "→" an earlier year's mode carried forward (the last two are the less firm).
CERTAINTY_MARKS: dict[str, str] = {"explicit": "", "deduced": "*", "attested": "✓", "unspecified": "?"}
BASIS_MARKS: dict[str, str] = {"named": "*", "collective": "≈", "carried": "→"}
CERTAINTY_LEGEND_FR: dict[str, str] = {
    "explicit": "explicite dans le texte",
    "deduced": "déduit du texte",
    "attested": "attesté (diagramme original)",
    "unspecified": "non précisé par le texte",
}
# The legend's samples, two rows: (certainty, basis, label). The second row is the deduced modes, by firmness.
FIRMNESS_LEGEND_FR: tuple[tuple[tuple[str, str | None, str], ...], ...] = (
    (
        ("explicit", None, "explicite dans le texte"),
        ("attested", None, "attesté (diagramme original)"),
        ("unspecified", None, "non précisé par le texte"),
    ),
    (
        ("deduced", "named", "déduit d'une phrase qui nomme l'activité"),
        ("deduced", "collective", "déduit d'un énoncé d'ensemble (moins sûr)"),
        ("deduced", "carried", "reporté d'une année antérieure (moins sûr)"),
    ),
)


def hex_to_rgb(color: str) -> tuple[int, int, int]:
    """'#86B6E8' -> (134, 182, 232)."""
    value = color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def badge(mode: str | None, certainty: str, basis: str | None = None) -> str:
    """The text of a cell's badge: the mode letter and its mark ('H', 'H*', 'H≈', 'H→', 'H✓', '?')."""
    if mode is None:
        return CERTAINTY_MARKS["unspecified"]
    if certainty == "deduced" and basis:
        return mode + BASIS_MARKS[basis]
    return mode + CERTAINTY_MARKS.get(certainty, "")
