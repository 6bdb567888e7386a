"""Every CSV and xlsx the project writes is safe to open in a spreadsheet: a text starting with =, +, -, @, tab or
CR is never a formula there, while numbers stay numbers (the report's CSV, the database export, the knowledge
base's matrix, the mode-matrix workbook)."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from reports.bureau import build_report
from reports.export import to_csv as report_csv
from srom_data import export as kb_export
from srom_data.loader import load_default
from storage.backup import export_csv
from storage.db import migrate, open_db
from storage.progress import NewEntry, record_progress
from storage.text import forbidden_char

ATTACKS = ['=HYPERLINK("http://evil","clic")', "+33 6 00 00", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"]


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def _safe(cell: str) -> bool:
    return not cell.startswith(("=", "+", "-", "@", "\t", "\r")) or cell.lstrip("+-").replace(",", "").isdigit()


@pytest.fixture
def db(tmp_path):
    from bot.tracking.setup import prepare_tracking

    database = open_db(tmp_path / "srom.db")
    migrate(database)
    prepare_tracking(database, load_default(), ["UADMIN"])
    for n, comment in enumerate(ATTACKS):
        when = f"2026-0{n + 1}-01T10:00:00.000000Z"
        if forbidden_char(comment, multiline=True) is None:
            entry = NewEntry("RH-1", "en_cours", 10 + n, comment, "U1", "=cmd|' /C calc'!A0", "slash", f"k{n}")
            record_progress(database, entry, now=when)
        else:  # storage refuses a CR today; the CSV must stay safe even for a row written before that rule
            database.execute(
                "INSERT INTO progress (commitment_id, status, percent, comment, author_id, author_name, created_at, "
                "source, idempotency_key) VALUES ('RH-1', 'en_cours', ?, ?, 'U1', '=cmd|'' /C calc''!A0', ?, "
                "'slash', ?)",
                [10 + n, comment, when, f"k{n}"],
            )
            database.conn.commit()
    return database


def test_the_report_csv_neutralises_formulas_and_keeps_numbers(db) -> None:
    rows = _cells(report_csv(build_report(db, 2026, {"RH": "Ressources humaines"}, function="RH")))
    header, body = rows[0], rows[1:]
    assert all(_safe(cell) for row in body for cell in row)
    rh1 = next(r for r in body if r[1] == "RH-1")
    assert rh1[header.index("commentaire")] == "'" + ATTACKS[-1].replace("\r", "\n")  # csv reads CR back as newline
    assert rh1[header.index("mis à jour par")].startswith("'=cmd")
    assert rh1[header.index("avancement")] == "15"  # a number stays a number


def test_the_report_csv_change_is_a_signed_number(db) -> None:
    record_progress(db, NewEntry("RH-2", "en_cours", 60, "a", "U1", "u", "slash", "a1"), now="2025-06-01T10:00:00.0Z")
    record_progress(db, NewEntry("RH-2", "en_cours", 40, "b", "U1", "u", "slash", "a2"), now="2026-06-01T10:00:00.0Z")
    rows = _cells(report_csv(build_report(db, 2026, {"RH": "RH"}, function="RH")))
    rh2 = next(r for r in rows[1:] if r[1] == "RH-2")
    assert rh2[rows[0].index("évolution (points)")] == "-20"


def test_the_database_csv_export_neutralises_formulas_and_keeps_numbers(db) -> None:
    rows = _cells(export_csv(db, "progress"))
    header, body = rows[0], rows[1:]
    assert all(_safe(cell) for row in body for cell in row)
    assert [r[header.index("comment")] for r in body][:4] == ["'" + a for a in ATTACKS[:4]]
    assert body[0][header.index("percent")] == "10"


def test_the_knowledge_base_matrix_csv_neutralises_formulas(monkeypatch: pytest.MonkeyPatch) -> None:
    row = {"function": "RH", "block": "@bloc", "activity": "=1+1", "activity_id": "rh.x", "year": 2017}
    monkeypatch.setattr(kb_export, "matrix_rows", lambda kb: [row | {"mode": "M", "certainty": "explicit"}])
    (_, cells) = _cells(kb_export.to_csv(load_default()))
    assert cells[1:4] == ["'@bloc", "'=1+1", "rh.x"] and cells[4] == "2017"


def test_the_mode_workbook_keeps_formula_like_texts_as_text(tmp_path) -> None:
    from reports.workbook import write_workbook

    kb = load_default()
    fn = next(f for f in kb.functions if f.id == "RH")
    act = next(a for a in fn.activities if any(x.rationale for x in a.assessments.values()))
    year, assessment = next((y, x) for y, x in act.assessments.items() if x.rationale)
    evil = assessment.model_copy(update={"rationale": '=HYPERLINK("http://evil","clic")'})
    act2 = act.model_copy(update={"label": "+bad label", "assessments": {**act.assessments, year: evil}})
    fn2 = fn.model_copy(update={"activities": tuple(act2 if a.id == act.id else a for a in fn.activities)})
    kb2 = kb.model_copy(update={"functions": tuple(fn2 if f.id == "RH" else f for f in kb.functions)})
    path = write_workbook(kb2, tmp_path / "carto.xlsx")
    ws = openpyxl.load_workbook(path)["RH"]
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value[:1] in "=+-@"]
    assert {c.value for c in cells} >= {'=HYPERLINK("http://evil","clic")', "+bad label"}
    assert all(c.data_type == "s" for c in cells)  # text, never a formula
