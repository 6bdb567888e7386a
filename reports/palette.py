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

# How certainty shows besides the fill: a mark after the mode letter and the style of the box's border.
CERTAINTY_MARKS: dict[str, str] = {"explicit": "", "deduced": "*", "attested": "✓", "unspecified": "?"}
CERTAINTY_LEGEND_FR: dict[str, str] = {
    "explicit": "explicite dans le texte",
    "deduced": "déduit du texte",
    "attested": "attesté (diagramme original)",
    "unspecified": "non précisé par le texte",
}


def hex_to_rgb(color: str) -> tuple[int, int, int]:
    """'#86B6E8' -> (134, 182, 232)."""
    value = color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def badge(mode: str | None, certainty: str) -> str:
    """The text of a cell's badge: the mode letter and its certainty mark ('H', 'H*', 'H✓', '?')."""
    if mode is None:
        return CERTAINTY_MARKS["unspecified"]
    return mode + CERTAINTY_MARKS.get(certainty, "")
