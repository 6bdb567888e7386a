"""Spreadsheet cells safe to open in Excel or LibreOffice: the one helper every CSV and xlsx writer uses.

A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read by a spreadsheet as a formula
(CSV/formula injection: a comment `=HYPERLINK(…)` becomes a live link or worse). Such a text is written with a
leading apostrophe in CSV, and as a text cell in xlsx (whose value keeps the text exactly, for the import).
Numbers, dates and texts that are plain numbers ("-12", "+3,5") stay what they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def is_formula_like(value: Any) -> bool:
    """A text a spreadsheet would take for a formula (not a number, not a text that is only a number)."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value)


def csv_cell(value: Any) -> Any:
    """The value to give csv.writer: a formula-like text behind an apostrophe, its line breaks as `\n` (which
    the writer quotes; a bare CR it does not, and a spreadsheet would start a new row there); others unchanged."""
    if not isinstance(value, str):
        return value
    safe = "'" + value if is_formula_like(value) else value
    return safe.replace("\r\n", "\n").replace("\r", "\n")


def csv_row(values: Iterable[Any]) -> list[Any]:
    return [csv_cell(v) for v in values]


def xlsx_cell(ws: Any, row: int, column: int, value: Any = None) -> Any:
    """`ws.cell(row, column, value)` for an openpyxl sheet, a formula-like text kept as text (openpyxl would
    otherwise store any text starting with `=` as a formula) and marked so that editing it keeps it text."""
    cell = ws.cell(row, column, value)
    if is_formula_like(value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell
