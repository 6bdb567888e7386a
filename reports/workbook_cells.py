"""Reading one sheet of the mode-matrix spreadsheet: every cell checked, every problem named by sheet, row and
column (in French, for the référent who filled it in)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from srom_data.models import Activity, Assessment, Attestation, Evidence, Function, KnowledgeBase
from srom_data.text import canonical_quote, key

from .workbook_format import (
    ABSENT,
    BASIS,
    BASIS_LABELS,
    BY,
    CERTAINTY,
    CERTAINTY_LABELS,
    DATE,
    EVIDENCE,
    FIRST_ROW,
    HEADER_ROW,
    INFO_HEADERS,
    MODE,
    NOTE,
    RATIONALE,
    YEAR_HEADERS,
    basis_code,
    certainty_code,
    parse_evidence,
    year_column,
)

MAX_PROBLEMS = 50


@dataclass(frozen=True)
class CellProblem:
    sheet: str
    row: int
    column: str  # the column's letter
    header: str
    message: str

    def __str__(self) -> str:
        where = f"feuille « {self.sheet} », ligne {self.row}, colonne {self.column}"
        return f"{where}{f' ({self.header})' if self.header else ''} : {self.message}"


class WorkbookError(Exception):
    """The workbook cannot be imported; `problems` names each invalid cell. Nothing was written."""

    def __init__(self, problems: list[CellProblem]) -> None:
        self.problems = problems
        shown = [str(p) for p in problems[:MAX_PROBLEMS]]
        more = len(problems) - len(shown)
        super().__init__("\n".join(shown + ([f"… et {more} autre(s)"] if more > 0 else [])))


class _Bad(Exception):
    def __init__(self, field: int, message: str) -> None:
        self.field, self.message = field, message


def same_assessment(a: Assessment, b: Assessment) -> bool:
    """Equal for the knowledge base: quotes compared as the loader compares them, text fields trimmed."""

    def norm(x: Assessment) -> tuple:
        att = x.attestation
        return (
            x.mode,
            x.certainty,
            x.basis,
            (x.rationale or "").strip(),
            tuple((e.section.strip(), canonical_quote(e.quote)) for e in x.evidence),
            (att.by.strip(), att.date, att.source, (att.note or "").strip()) if att else None,
        )

    return norm(a) == norm(b)


class SheetReader:
    """Reads the rows of one function's sheet into assessments, collecting problems instead of stopping."""

    def __init__(self, ws: Any, kb: KnowledgeBase, fn: Function) -> None:
        self.ws, self.kb, self.fn = ws, kb, fn
        self.years = kb.meta.years
        self.activities = {a.id: a for a in fn.activities}
        self.modes = {m.code: m.code for m in kb.modes} | {key(m.label): m.code for m in kb.modes}
        self.source = canonical_quote(kb.source_text)
        self.problems: list[CellProblem] = []

    def problem(self, row: int, col: int, message: str) -> None:
        from openpyxl.utils import get_column_letter

        header = self.ws.cell(HEADER_ROW, col).value or ""
        if col > len(INFO_HEADERS):
            header = f"{self.years[(col - len(INFO_HEADERS) - 1) // len(YEAR_HEADERS)]} {header}"
        self.problems.append(CellProblem(self.ws.title, row, get_column_letter(col), str(header), message))

    def read(self) -> dict[tuple[str, int], Assessment]:
        if not self._headers_ok():
            return {}
        out: dict[tuple[str, int], Assessment] = {}
        seen: dict[str, int] = {}
        id_col = INFO_HEADERS.index("Identifiant") + 1
        for row in range(FIRST_ROW, self.ws.max_row + 1):
            values = [self.ws.cell(row, c).value for c in range(1, year_column(len(self.years), 0))]
            if all(_blank(v) for v in values):
                continue
            act_id = _text(values[id_col - 1])
            act = self.activities.get(act_id)
            if act is None:
                message = (
                    f"identifiant inconnu « {act_id} » pour la fonction {self.fn.id}"
                    if act_id
                    else "identifiant manquant"
                )
                self.problem(row, id_col, message)
                continue
            if act_id in seen:
                self.problem(row, id_col, f"« {act_id} » figure déjà ligne {seen[act_id]}")
                continue
            seen[act_id] = row
            for yi, year in enumerate(self.years):
                cells = values[year_column(yi, 0) - 1 : year_column(yi, 0) - 1 + len(YEAR_HEADERS)]
                try:
                    assessment = self._year(act, year, cells)
                except _Bad as bad:
                    self.problem(row, year_column(yi, bad.field), bad.message)
                    continue
                if assessment is not None:
                    out[(act.id, year)] = assessment
        return out

    def _headers_ok(self) -> bool:
        expected = list(INFO_HEADERS) + [h for _ in self.years for h in YEAR_HEADERS]
        ok = True
        for col, name in enumerate(expected, start=1):
            if _text(self.ws.cell(HEADER_ROW, col).value) != name:
                self.problem(HEADER_ROW, col, f"en-tête « {name} » attendu : ne déplacez ni ne renommez les colonnes")
                ok = False
        return ok

    def _year(self, act: Activity, year: int, cells: list[Any]) -> Assessment | None:
        if year not in act.placements:
            for field, value in enumerate(cells):
                if not _blank(value) and _text(value) != ABSENT:
                    raise _Bad(field, f"l'activité ne figure pas sur la carte {year} : laissez la case vide")
            return None
        mode = self._mode(cells[MODE])
        certainty = self._certainty(cells[CERTAINTY], mode)
        if certainty == "unspecified":
            if mode is not None:
                raise _Bad(
                    MODE,
                    f"mode {mode} avec la certitude « non précisé » : choisissez « attesté » (diagramme "
                    "original), « explicite » ou « déduit », ou videz le mode",
                )
            return Assessment(certainty="unspecified")
        evidence = self._evidence(cells[EVIDENCE], certainty)
        rationale = _text(cells[RATIONALE]) or None
        if certainty == "deduced" and not rationale:
            raise _Bad(RATIONALE, "un mode « déduit » demande une phrase de raisonnement")
        basis = self._basis(cells[BASIS], certainty)
        attestation = self._attestation(cells, certainty)
        try:
            return Assessment(
                mode=mode,
                certainty=certainty,
                basis=basis,
                rationale=rationale,
                evidence=tuple(evidence),
                attestation=attestation,
            )
        except ValidationError as exc:
            raise _Bad(MODE, str(exc.errors()[0]["msg"]).removeprefix("Value error, ")) from None

    def _mode(self, value: Any) -> str | None:
        text = _text(value)
        if not text or text == ABSENT:
            return None
        code = self.modes.get(text.upper()) or self.modes.get(key(text))
        if code is None:
            raise _Bad(MODE, f"mode « {text} » inconnu : {', '.join(sorted(set(self.modes.values())))} (ou vide)")
        return code

    def _certainty(self, value: Any, mode: str | None) -> str:
        text = _text(value)
        if not text:
            if mode is None:
                return "unspecified"
            raise _Bad(CERTAINTY, f"certitude manquante pour le mode {mode} : attesté, explicite ou déduit")
        code = certainty_code(text)
        if code is None:
            raise _Bad(CERTAINTY, f"certitude « {text} » inconnue : {', '.join(CERTAINTY_LABELS.values())}")
        if mode is None and code != "unspecified":
            raise _Bad(MODE, f"mode manquant pour la certitude « {CERTAINTY_LABELS[code]} »")
        return code

    def _basis(self, value: Any, certainty: str) -> str | None:
        # Only a deduction has a basis; one left over when a référent attests a deduced cell is dropped, as its
        # quotes and rationale are kept: nothing to clear by hand.
        if certainty != "deduced":
            return None
        text = _text(value)
        choices = ", ".join(BASIS_LABELS.values())
        if not text:
            raise _Bad(BASIS, f"un mode « déduit » demande son fondement : {choices}")
        code = basis_code(text)
        if code is None:
            raise _Bad(BASIS, f"fondement « {text} » inconnu : {choices}")
        return code

    def _evidence(self, value: Any, certainty: str) -> list[Evidence]:
        try:
            evidence = parse_evidence(_text(value))
        except ValueError as exc:
            raise _Bad(EVIDENCE, str(exc)) from None
        if not evidence and certainty in ("explicit", "deduced"):
            label = CERTAINTY_LABELS[certainty]
            raise _Bad(EVIDENCE, f"un mode « {label} » demande au moins une citation du texte (Section : « citation »)")
        for ev in evidence:
            if canonical_quote(ev.quote) not in self.source:
                raise _Bad(EVIDENCE, f"citation introuvable mot pour mot dans le texte du SROM : « {ev.quote[:70]} »")
        return evidence

    def _attestation(self, cells: list[Any], certainty: str) -> Attestation | None:
        by, date, note = _text(cells[BY]), cells[DATE], _text(cells[NOTE]) or None
        if certainty != "attested":
            if by or not _blank(date):
                label = CERTAINTY_LABELS[certainty]
                raise _Bad(
                    CERTAINTY,
                    f"« Attesté par » ou « Date » rempli mais la certitude est « {label} » : "
                    "choisissez « attesté » ou videz ces cases",
                )
            return None
        if not by:
            raise _Bad(BY, "un mode « attesté » demande le nom de qui l'a lu sur le diagramme original")
        return Attestation(by=by, date=_date(date), note=note)


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    shown = f"« {text} » : " if text else ""
    raise _Bad(DATE, f"date {shown}attendue au format JJ/MM/AAAA (le jour de la lecture du diagramme)")


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
