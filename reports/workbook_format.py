"""The layout of the mode-matrix spreadsheet, shared by its export and its import: sheets, columns, labels and
how an evidence cell is written ("Section : « citation »", one quote a line)."""

from __future__ import annotations

import re
from typing import Any

from srom_data.models import Evidence
from srom_data.text import key

README_SHEET = "Lisez-moi"
TITLE_ROW, YEAR_ROW, HEADER_ROW = 1, 2, 3
FIRST_ROW = 4
INFO_HEADERS = ("Bloc", "Activité", "Identifiant")
# "Fondement" (what a deduction rests on) came last, after the columns of earlier exports, so that a column letter
# people and scripts know keeps its meaning.
YEAR_HEADERS = (
    "Mode",
    "Certitude",
    "Preuves (citations du texte)",
    "Raisonnement",
    "Attesté par",
    "Date",
    "Note",
    "Fondement (si déduit)",
)
MODE, CERTAINTY, EVIDENCE, RATIONALE, BY, DATE, NOTE, BASIS = range(len(YEAR_HEADERS))
ABSENT = "—"  # the mode cell of a year whose map does not show the activity

CERTAINTY_LABELS = {"explicit": "explicite", "deduced": "déduit", "attested": "attesté", "unspecified": "non précisé"}
_CERTAINTY_CODES = {key(label): code for code, label in CERTAINTY_LABELS.items()} | {c: c for c in CERTAINTY_LABELS}
# What a "déduit" mode rests on (srom_data.models.Basis), from the firmest to the weakest.
BASIS_LABELS = {"named": "activité nommée", "collective": "énoncé d'ensemble", "carried": "reporté"}
_BASIS_CODES = {key(label): code for code, label in BASIS_LABELS.items()} | {c: c for c in BASIS_LABELS}
_EVIDENCE_LINE = re.compile(r"^(?P<section>.+?)\s+:\s+[«\"“]\s?(?P<quote>.+?)\s?[»\"”]$")


def fit_to_page_width(ws: Any) -> None:
    """Printed in landscape, as wide as the page (as many pages down as needed)."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0


def year_column(year_index: int, field: int) -> int:
    """The 1-based column of a year's field: three info columns, then one group of YEAR_HEADERS per year."""
    return len(INFO_HEADERS) + 1 + year_index * len(YEAR_HEADERS) + field


def certainty_code(value: str) -> str | None:
    """'attesté', 'Attesté', 'attested' -> 'attested'; None when unknown."""
    return _CERTAINTY_CODES.get(key(value)) or _CERTAINTY_CODES.get(value.strip().lower())


def basis_code(value: str) -> str | None:
    """'activité nommée', 'Reporté', 'carried' -> the basis code; None when unknown."""
    return _BASIS_CODES.get(key(value)) or _BASIS_CODES.get(value.strip().lower())


def format_evidence(evidence: tuple[Evidence, ...]) -> str:
    return "\n".join(f"{ev.section} : « {ev.quote} »" for ev in evidence)


def parse_evidence(text: str) -> list[Evidence]:
    """The quotes of an evidence cell; ValueError (French) on a line that is not `Section : « citation »`."""
    out = []
    for line in text.splitlines():
        if not line.strip():
            continue
        match = _EVIDENCE_LINE.match(line.strip())
        if not match or len(match["quote"].strip()) < 3:
            raise ValueError(f"ligne « {line.strip()[:60]} » : attendu « Section : « citation exacte » »")
        out.append(Evidence(section=match["section"].strip(), quote=match["quote"]))
    return out
