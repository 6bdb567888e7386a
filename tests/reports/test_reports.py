from __future__ import annotations

import io
import json
from datetime import date

import pytest
from docx import Document

from bot.tracking.access import function_labels
from reports.bureau import build_report
from reports.charts import progress_chart
from reports.docx_report import to_docx
from reports.export import to_csv, to_dict, to_markdown
from reports.formats import change, french_date, percent
from srom_data.loader import load_default
from storage.commitments import seed_commitments
from storage.db import migrate, open_db
from storage.progress import NewEntry, record_progress

LABELS = function_labels(load_default())


@pytest.fixture
def db(tmp_path):
    db = open_db(tmp_path / "srom.db")
    migrate(db)
    seed_commitments(db, load_default().commitments)
    return db


def add(db, cid: str, status: str, pct: int | None, at: str, comment: str = "c", who: str = "marie") -> None:
    key = f"{cid}{at}{comment}"
    record_progress(db, NewEntry(cid, status, pct, comment, "U1", who, "cli", key), now=f"{at}T09:00:00.000000Z")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (date(2026, 11, 28), "28 novembre 2026"),
        ("2026-02-01T00:00:00Z", "1er février 2026"),
        ("2021-08-15", "15 août 2021"),
    ],
)
def test_french_dates(value, text: str) -> None:
    assert french_date(value) == text


def test_percent_and_change() -> None:
    assert percent(40) == "40\u202f%" and percent(None) == "–"
    assert change(60, 40) == "+20\u202fpts" and change(40, 60) == "−20\u202fpts" and change(5, None) == ""


def test_year_end_state_change_and_stale(db) -> None:
    add(db, "RH-1", "en_cours", 20, "2025-05-01", "lancement")
    add(db, "RH-1", "en_cours", 60, "2026-10-15", "accord GPEC", "paul")
    add(db, "RH-1", "atteint", 100, "2027-01-03", "fini (l'an prochain)")
    add(db, "RH-2", "en_retard", 10, "2026-03-01", "recrutements gelés")
    report = build_report(db, 2026, LABELS, function="RH", today=date(2027, 2, 1))
    rh1, rh2, rh3 = report.functions[0].commitments
    assert (rh1.status, rh1.percent, rh1.previous_percent, rh1.comment, rh1.updated_by) == (
        "en_cours",
        60,
        20,
        "accord GPEC",
        "paul",
    )
    assert not rh1.stale and rh2.stale and rh3.stale and rh3.status is None
    data = to_dict(report)
    assert data["year"] == 2026 and [f["id"] for f in data["functions"]] == ["RH"]
    assert set(data["functions"][0]["commitments"][0]) == {
        "id",
        "title",
        "status",
        "percent",
        "comment",
        "updated_by",
        "updated_at",
        "stale",
    }
    assert data["functions"][0]["commitments"][0]["status"] == "en cours"
    assert data["totals"]["en cours"] == 1 and data["totals"]["en retard"] == 1 and data["totals"]["non renseigné"] == 1
    json.dumps(data)


def test_every_function_in_the_documents_order(db) -> None:
    report = build_report(db, 2026, LABELS, today=date(2026, 6, 1))
    assert [s.id for s in report.functions] == list(LABELS)
    assert sum(len(s.commitments) for s in report.functions) == 25


def test_markdown_csv_docx_and_chart(db) -> None:
    add(db, "RH-1", "en_cours", 60, "2026-10-01", "accord | GPEC")
    report = build_report(db, 2026, LABELS, today=date(2026, 11, 28))
    md = to_markdown(report)
    assert md.startswith("# Rapport annuel au Bureau") and "28 novembre 2026" in md and "accord \\| GPEC" in md
    assert to_csv(report).splitlines()[0].startswith("fonction,id,engagement,statut")
    document = Document(io.BytesIO(to_docx(report, generated=date(2026, 11, 28))))
    texts = [p.text for p in document.paragraphs]
    assert "Document établi le 28 novembre 2026" in texts
    assert len(document.tables) == 1 + len(LABELS)  # the totals, then one table per function
    rh_rows = [[c.text for c in row.cells] for t in document.tables for row in t.rows if row.cells[0].text == "RH-1"]
    assert rh_rows[0][2:4] == ["en cours", "60\u202f%"]
    assert progress_chart(report).startswith(b"\x89PNG")


def test_a_no_change_confirmation_shows_as_confirmed_not_stale(db) -> None:
    add(db, "RH-1", "en_cours", 40, "2026-03-01")
    add(db, "RH-2", "en_cours", 10, "2026-03-01")
    confirmation = NewEntry(
        "RH-1", "en_cours", 40, "Rien de nouveau", "U1", "marie", "slash", "conf", kind="confirmation"
    )
    record_progress(db, confirmation, now="2026-11-20T09:00:00.000000Z")
    report = build_report(db, 2026, LABELS, function="RH", today=date(2026, 11, 28))
    lines = {line.id: line for line in report.lines}
    assert lines["RH-1"].confirmed and not lines["RH-1"].stale and lines["RH-1"].percent == 40
    assert lines["RH-2"].stale and not lines["RH-2"].confirmed
    markdown = to_markdown(report)
    assert "✅ confirmé" in next(row for row in markdown.splitlines() if "| RH-1 |" in row)
