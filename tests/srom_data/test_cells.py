"""The spreadsheet-cell helper shared by every CSV/xlsx writer (each writer is tested with it where it lives)."""

from __future__ import annotations

import pytest

from srom_data.cells import csv_cell, is_formula_like


@pytest.mark.parametrize(
    "value",
    ["=1+1", "+33 6", "-cmd", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://x","clic")', "=", "-", "+20 pts"],
)
def test_formula_like_texts_get_an_apostrophe(value: str) -> None:
    assert is_formula_like(value) and csv_cell(value) == "'" + value.replace("\r", "\n")


def test_a_carriage_return_inside_a_text_becomes_a_quoted_line_break() -> None:
    import csv
    import io

    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([csv_cell("a\r=1+1"), csv_cell("b\r\nc")])
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["a\n=1+1", "b\nc"]]


@pytest.mark.parametrize("value", [-5, 0, 40, 3.5, None, "", "accord GPEC", "a=b", "-12", "+3,5", "28 novembre 2026"])
def test_numbers_and_ordinary_texts_stay_as_they_are(value) -> None:
    assert not is_formula_like(value) and csv_cell(value) == value
