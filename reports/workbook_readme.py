"""The "Lisez-moi" sheet of the mode-matrix spreadsheet: how to fill it in, in French."""

from __future__ import annotations

import math
import textwrap
from typing import Any

from srom_data.cells import xlsx_cell
from srom_data.models import KnowledgeBase

from . import palette
from .workbook_format import CERTAINTY_LABELS, fit_to_page_width

LINE_CHARS = 125

INTRO = [
    "# Cartographie des modes de gestion — mode d'emploi",
    "",
    "Ce classeur contient, pour chaque fonction (une feuille par fonction), chaque activité des cartes du SROM et, "
    "pour chaque année ({years}), son mode de gestion, la certitude de ce mode et ce sur quoi il repose.",
    "Beaucoup de modes sont « non précisé » : les couleurs des cartes originales se sont perdues à l'extraction du "
    "texte. Si vous avez le diagramme original en couleur, vous pouvez les compléter ici, puis réimporter le classeur.",
    "",
    "## Ce que vous pouvez modifier",
    "• Mode : une lettre (liste déroulante). Vide = non précisé.",
    "• Certitude : explicite, déduit, attesté ou non précisé (liste déroulante).",
    "• Fondement (si déduit), la dernière colonne de chaque année (liste déroulante) : « activité nommée » "
    "quand une phrase du texte nomme l'activité ; « énoncé d'ensemble » quand le texte parle de toute la fonction, "
    "de tout un bloc ou de toute une période et que le mode est étendu à l'activité ; « reporté » quand le mode "
    "d'une année antérieure est reconduit par un énoncé de continuité (« consolider », « poursuivre »). Les deux "
    "derniers sont les moins sûrs : ce sont les premiers à confirmer d'après le diagramme original. Pour les autres "
    "certitudes, la case est ignorée.",
    "• Preuves : les citations exactes du texte du SROM, une par ligne, au format  Section : « citation »",
    "• Raisonnement : une phrase qui explique le mode (obligatoire pour « déduit »).",
    "• Attesté par, Date (JJ/MM/AAAA), Note : obligatoires pour « attesté » (la note est facultative).",
    "Ne modifiez pas les colonnes Bloc, Activité et Identifiant, ni le nom des feuilles : l'identifiant relie "
    "chaque ligne à la base de connaissances. Une case « — » grisée : l'activité n'est pas sur la carte de cette "
    "année-là ; laissez-la telle quelle.",
    "",
    "## Compléter un mode d'après le diagramme original (le cas le plus courant)",
    "1. Mode : la lettre lue sur le diagramme (la couleur de la case).",
    "2. Certitude : attesté.",
    "3. Attesté par : votre nom ; Date : le jour où vous avez lu le diagramme ; Note : facultative (page, remarque).",
    "",
    "## Les règles que l'import vérifie",
]
RULES = {
    "explicit": "le texte nomme le mode de cette activité : au moins une citation exacte dans Preuves.",
    "deduced": "le mode découle de ce que décrit le texte et des définitions : Fondement, citations et Raisonnement.",
    "attested": "lu sur le diagramme original : Attesté par et Date (pas de citation nécessaire).",
    "unspecified": "le texte ne dit rien : Mode vide. Mieux vaut « non précisé » qu'une supposition.",
}
OUTRO = [
    "Une citation doit figurer mot pour mot dans le texte du SROM (seules la typographie et les espaces peuvent "
    "différer) : sinon l'import la refuse.",
    "",
    "## Réimporter",
    "srom data import cartographie.xlsx --dry-run   → montre les changements, sans rien écrire",
    "srom data import cartographie.xlsx --as NOM    → enregistre les changements (au nom de NOM)",
    "La moindre case invalide arrête tout l'import, avec la feuille, la ligne et la colonne : rien n'est écrit à "
    "moitié. Les corrections sont enregistrées dans la base de l'assistant, avec leur historique (les fichiers des "
    "fonctions ne sont pas modifiés) ; l'assistant les utilise dès la question suivante et cite l'attestation. "
    "Les référents peuvent aussi renseigner un mode directement dans Slack (bouton « Renseigner le mode »).",
]


def write_readme(ws: Any, kb: KnowledgeBase) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    ws.title = "Lisez-moi"
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 110
    row = 1
    years = ", ".join(str(y) for y in kb.meta.years)
    for line in INTRO:
        row = _line(ws, row, line.replace("{years}", years))
    for code, rule in RULES.items():
        xlsx_cell(ws, row, 1, CERTAINTY_LABELS[code]).font = Font(bold=True)
        _wrapped(ws, row, rule)
        row += 1
    row = _line(ws, row + 1, "## Les cinq modes (couleurs des feuilles et des cartes)")
    for mode in kb.modes:
        letter = xlsx_cell(ws, row, 1, f"{mode.code} — {mode.label}")
        letter.fill = PatternFill("solid", fgColor=palette.MODE_COLORS[mode.code].lstrip("#"))
        letter.font = Font(bold=True)
        letter.alignment = Alignment(vertical="top")
        _wrapped(ws, row, mode.definition.quote)
        row += 1
    row += 1
    for line in OUTRO:
        row = _line(ws, row, line)
    fit_to_page_width(ws)


def _line(ws: Any, row: int, text: str) -> int:
    """A paragraph from column A, cut into rows of at most LINE_CHARS (spreadsheets do not size rows of wrapped
    text they did not write); `# ` starts the title, `## ` a heading. Returns the next free row."""
    from openpyxl.styles import Font

    level = len(text) - len(text.lstrip("#"))
    text = text.lstrip("# ")
    font = Font(bold=level > 0, size=14 if level == 1 else 11, color=palette.NAVY.lstrip("#") if level else None)
    for part in textwrap.wrap(text, LINE_CHARS) or [""]:
        xlsx_cell(ws, row, 1, part or None).font = font
        row += 1
    return row


def _wrapped(ws: Any, row: int, text: str) -> None:
    """Text wrapped in column B, the row made tall enough for it."""
    from openpyxl.styles import Alignment

    xlsx_cell(ws, row, 2, text).alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[row].height = 15 * max(1, math.ceil(len(text) / 100))
