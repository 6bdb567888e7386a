"""The mode matrix as a spreadsheet staff can correct: one sheet per function, one row per activity, per year
the mode, its certainty and its evidence; mode cells coloured, drop-downs for mode and certainty, a Lisez-moi.

    write_workbook(kb, "cartographie.xlsx")      # read back by reports.workbook_import
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

from srom_data.models import Assessment, Function, KnowledgeBase

from . import palette
from .workbook_format import (
    ABSENT,
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
    TITLE_ROW,
    YEAR_HEADERS,
    YEAR_ROW,
    format_evidence,
    year_column,
)
from .workbook_readme import write_readme

INFO_WIDTHS = (30, 46, 30)
YEAR_WIDTHS = (7, 12, 60, 40, 18, 12, 26)
HEADER_FILL, INFO_FILL, ABSENT_FILL = "1D3C6E", "F3F4F6", "E5E7EB"
MAX_ROWS = 2000  # how far down the drop-downs and colours reach, for rows staff might add
LINE_HEIGHT, MAX_LINES = 15.0, 8


def write_workbook(kb: KnowledgeBase, path: Path | str) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    write_readme(wb.active, kb)
    for fn in kb.functions:
        _function_sheet(wb.create_sheet(fn.id), kb, fn)
    path = Path(path)
    wb.save(path)
    return path


def block_text(fn: Function, act_placements: dict[int, Any]) -> str:
    """The block of each year the activity is on; one name when it never moves."""
    labels = {b.id: b.label for b in fn.blocks}
    per_year = [(y, labels.get(p.block or "", "")) for y, p in sorted(act_placements.items())]
    names = list(dict.fromkeys(name for _, name in per_year if name))
    if len(names) <= 1:
        return names[0] if names else "(pas de carte : action)"
    return " · ".join(f"{name} ({', '.join(str(y) for y, n in per_year if n == name)})" for name in names)


def _function_sheet(ws: Any, kb: KnowledgeBase, fn: Function) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    years = kb.meta.years
    ws.cell(TITLE_ROW, 1, f"{fn.label} ({fn.id}) — modes de gestion par activité et par année").font = Font(
        bold=True, size=13, color=HEADER_FILL
    )
    header_font, header_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor=HEADER_FILL)
    for i, name in enumerate(INFO_HEADERS, start=1):
        _header(ws, HEADER_ROW, i, name, header_font, header_fill)
    for yi, year in enumerate(years):
        first = year_column(yi, 0)
        last = first + len(YEAR_HEADERS) - 1
        ws.merge_cells(start_row=YEAR_ROW, start_column=first, end_row=YEAR_ROW, end_column=last)
        label = kb.meta.year_labels.get(year, "")
        _header(ws, YEAR_ROW, first, f"{year} — {label}" if label else str(year), header_font, header_fill)
        for fi, name in enumerate(YEAR_HEADERS):
            _header(ws, HEADER_ROW, first + fi, name, header_font, header_fill)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row, act in enumerate(fn.activities, start=FIRST_ROW):
        for col, value in enumerate((block_text(fn, act.placements), act.label, act.id), start=1):
            cell = ws.cell(row, col, value)
            cell.fill, cell.alignment = PatternFill("solid", fgColor=INFO_FILL), wrap
        for yi, year in enumerate(years):
            assessment = act.assessments.get(year)
            _year_cells(ws, row, yi, assessment, wrap)
        ws.row_dimensions[row].height = _row_height(ws, row, year_column(len(years), 0))
    _finish(ws, kb, len(fn.activities))


def _row_height(ws: Any, row: int, last_col: int) -> float:
    """Tall enough for the row's wrapped text, up to MAX_LINES (spreadsheets do not size rows they did not lay
    out; a longer cell shows in full when selected)."""
    lines = 1
    for col in range(1, last_col):
        value = ws.cell(row, col).value
        if isinstance(value, str):
            chars = column_width(col) * 1.1  # characters a line of the column holds, roughly
            lines = max(lines, sum(math.ceil(max(1, len(part)) / chars) for part in value.split("\n")))
    return LINE_HEIGHT * min(lines, MAX_LINES)


def column_width(col: int) -> float:
    if col <= len(INFO_WIDTHS):
        return INFO_WIDTHS[col - 1]
    return YEAR_WIDTHS[(col - len(INFO_WIDTHS) - 1) % len(YEAR_WIDTHS)]


def _header(ws: Any, row: int, col: int, text: str, font: Any, fill: Any) -> None:
    from openpyxl.styles import Alignment

    cell = ws.cell(row, col, text)
    cell.font, cell.fill = font, fill
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _year_cells(ws: Any, row: int, yi: int, assessment: Assessment | None, wrap: Any) -> None:
    from openpyxl.styles import Alignment, PatternFill

    def put(field: int, value: Any) -> Any:
        cell = ws.cell(row, year_column(yi, field), value)
        cell.alignment = wrap
        return cell

    if assessment is None:
        for field in range(len(YEAR_HEADERS)):
            put(field, ABSENT if field == MODE else None).fill = PatternFill("solid", fgColor=ABSENT_FILL)
        return
    mode = put(MODE, assessment.mode)
    mode.alignment = Alignment(horizontal="center", vertical="top")
    if assessment.mode:
        mode.fill = PatternFill("solid", fgColor=palette.MODE_COLORS[assessment.mode].lstrip("#"))
    put(CERTAINTY, CERTAINTY_LABELS[assessment.certainty])
    put(EVIDENCE, format_evidence(assessment.evidence) or None)
    put(RATIONALE, assessment.rationale)
    att = assessment.attestation
    if att is not None:
        put(BY, att.by)
        date = put(DATE, dt.datetime.combine(att.date, dt.time()))
        date.number_format = "DD/MM/YYYY"
        put(NOTE, att.note)


def _finish(ws: Any, kb: KnowledgeBase, rows: int) -> None:
    """Column widths, frozen headers, drop-downs and live colours for the mode and certainty columns."""
    from openpyxl.formatting.rule import CellIsRule, FormulaRule
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    for col, width in enumerate(INFO_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    codes = [m.code for m in kb.modes]
    modes = DataValidation(type="list", formula1=f'"{",".join(codes)}"', allow_blank=True)
    modes.error, modes.errorTitle = f"Choisissez {', '.join(codes)} (ou laissez vide : non précisé).", "Mode"
    certainties = DataValidation(type="list", formula1=f'"{",".join(CERTAINTY_LABELS.values())}"', allow_blank=True)
    certainties.error, certainties.errorTitle = "Choisissez " + ", ".join(CERTAINTY_LABELS.values()) + ".", "Certitude"
    last = FIRST_ROW + max(rows, MAX_ROWS)
    for yi in range(len(kb.meta.years)):
        for field, width in enumerate(YEAR_WIDTHS):
            ws.column_dimensions[get_column_letter(year_column(yi, field))].width = width
        mode_col = get_column_letter(year_column(yi, MODE))
        cert_col = get_column_letter(year_column(yi, CERTAINTY))
        modes.add(f"{mode_col}{FIRST_ROW}:{mode_col}{last}")
        certainties.add(f"{cert_col}{FIRST_ROW}:{cert_col}{last}")
        cells = f"{mode_col}{FIRST_ROW}:{mode_col}{last}"
        for code in codes:
            color = palette.MODE_COLORS[code].lstrip("#")
            fill = PatternFill("solid", start_color=color, end_color=color)  # Excel reads one, LibreOffice the other
            ws.conditional_formatting.add(cells, CellIsRule(operator="equal", formula=[f'"{code}"'], fill=fill))
        # a mode cleared in the spreadsheet loses its colour at once (the static fill would linger)
        grey = palette.UNSPECIFIED_FILL.lstrip("#")
        blank = PatternFill("solid", start_color=grey, end_color=grey)
        ws.conditional_formatting.add(cells, FormulaRule(formula=[f"LEN({mode_col}{FIRST_ROW})=0"], fill=blank))
    ws.add_data_validation(modes)
    ws.add_data_validation(certainties)
    ws.freeze_panes = ws.cell(FIRST_ROW, len(INFO_HEADERS) + 1)
    ws.print_title_rows = f"{YEAR_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.row_dimensions[HEADER_ROW].height = 30
