"""The Bureau report says what is true: coverage instead of a flattering average, a commitment only from the year
it exists and until it is retired, the organisation's time zone for year ends and dates, and the console user's
name rather than "vous"."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document

from bot.tracking.access import function_labels
from bot.tracking.report import build_report_blocks
from reports.bureau import build_report
from reports.charts import chart_label
from reports.docx_report import to_docx
from reports.export import to_markdown
from reports.formats import french_date
from srom_data.loader import load_default
from storage.commitments import add_commitment, retire_commitment, seed_commitments
from storage.db import migrate, open_db
from storage.progress import NewEntry, record_progress

LABELS = function_labels(load_default())


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "srom.db")
    migrate(database)
    seed_commitments(database, load_default().commitments)
    return database


def add(db, cid: str, status: str, pct: int | None, at: str, comment: str = "c") -> None:
    record_progress(db, NewEntry(cid, status, pct, comment, "U1", "marie", "cli", f"{cid}{at}"), now=at)


def _docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_coverage_not_a_flattering_average_in_text_chart_and_word(db) -> None:
    jur = [c.id for c in load_default().commitments if c.function == "JUR"]
    assert len(jur) >= 2
    add(db, jur[0], "atteint", 100, "2026-03-01T09:00:00.000000Z")
    report = build_report(db, 2026, LABELS, function="JUR", today=date(2026, 6, 1))
    (section,) = report.functions
    coverage = f"1 sur {len(jur)} renseigné"
    assert (section.reported, section.total) == (1, len(jur))
    blocks = str(build_report_blocks(report, "JUR"))
    assert coverage in blocks and "100\u202f% en moyenne" not in blocks
    assert coverage in to_markdown(report) and "100\u202f% en moyenne" not in to_markdown(report)
    assert coverage.replace(" sur ", "/") in chart_label(section) or coverage in chart_label(section)
    assert "100 % en moyenne" not in chart_label(section)
    word = _docx_text(to_docx(report))
    assert coverage in word and "Avancement moyen : 100" not in word


def test_full_coverage_shows_the_average(db) -> None:
    for n, cid in enumerate(c.id for c in load_default().commitments if c.function == "JUR"):
        add(db, cid, "en_cours", 20 + 20 * (n % 2), f"2026-03-0{1 + n % 9}T09:00:00.000000Z")
    (section,) = build_report(db, 2026, LABELS, function="JUR", today=date(2026, 6, 1)).functions
    assert section.reported == section.total and "en moyenne" in section.summary


def test_a_commitment_appears_from_the_year_it_exists(db) -> None:
    add_commitment(db, "UADMIN", "RH-9", "RH", "Former les managers", now="2026-05-02T10:00:00.000000Z")
    ids = lambda year: [c.id for c in build_report(db, year, LABELS, today=date(2026, 6, 1)).lines]  # noqa: E731
    assert ids(2013) == []  # the knowledge base's commitments are those of the 2021 schema
    assert "RH-1" in ids(2021) and "RH-9" not in ids(2025)
    assert "RH-9" in ids(2026)


def test_a_retired_commitment_keeps_its_history_and_leaves_later_reports(db) -> None:
    add(db, "RH-2", "en_cours", 30, "2025-04-01T09:00:00.000000Z")
    retired = retire_commitment(db, "UADMIN", "RH-2", "mandat terminé", now="2026-02-01T09:00:00.000000Z")
    assert retired.retired_at and retired.retired_reason == "mandat terminé"
    ids = lambda year: [c.id for c in build_report(db, year, LABELS, today=date(2027, 6, 1)).lines]  # noqa: E731
    assert "RH-2" in ids(2025) and "RH-2" in ids(2026) and "RH-2" not in ids(2027)
    assert db.execute("SELECT COUNT(*) FROM progress WHERE commitment_id = 'RH-2'").fetchone()[0] == 1
    assert db.execute("SELECT action, target FROM audit_log WHERE action = 'commitment_retire'").fetchall() == [
        ("commitment_retire", "RH-2")
    ]


def test_nobody_is_reminded_of_a_retired_commitment(db) -> None:
    from bot.nudges.snapshot import load_snapshot

    assert "RH-2" in {c.id for c in load_snapshot(db, today=date(2026, 6, 1)).commitments}
    retire_commitment(db, "UADMIN", "RH-2", "mandat terminé")
    assert "RH-2" not in {c.id for c in load_snapshot(db, today=date(2026, 6, 1)).commitments}


def test_the_year_end_is_the_organisation_s(db, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SROM_TIMEZONE", "Europe/Paris")
    add(db, "RH-1", "en_cours", 40, "2026-06-01T09:00:00.000000Z")
    add(db, "RH-1", "atteint", 100, "2026-12-31T23:30:00.000000Z")  # 1 January 2027, 00:30 in Paris
    report = build_report(db, 2026, LABELS, function="RH", today=date(2027, 2, 1))
    assert report.functions[0].commitments[0].percent == 40
    nxt = build_report(db, 2027, LABELS, function="RH", today=date(2027, 2, 1))
    assert nxt.functions[0].commitments[0].percent == 100
    assert french_date("2026-12-31T23:30:00.000000Z") == "1er janvier 2027"
    monkeypatch.setenv("SROM_TIMEZONE", "America/Cayenne")
    assert french_date("2027-01-01T01:30:00.000000Z") == "31 décembre 2026"


def test_console_entries_are_signed_with_the_console_user_s_name(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.console.session import ConsoleSession
    from bot.tracking.setup import prepare_tracking
    from storage.db import DatabaseProvider

    monkeypatch.setenv("USER", "jdupont")
    monkeypatch.setenv("LOGNAME", "jdupont")
    databases = DatabaseProvider(tmp_path / "srom.db", migrate_on_open=True)
    prepare_tracking(databases.get(), load_default(), [])
    session = ConsoleSession(databases=databases, out_dir=tmp_path)
    assert "Enregistré" in session.handle("/srom-engagement FIN-1 en cours 10% depuis la console")
    session.handle("/srom-admin referent add <@U123|x> RH")
    db = databases.get()
    assert db.execute("SELECT author_name FROM progress").fetchone()[0] == "jdupont"
    actors = {row[0] for row in db.execute("SELECT actor_id FROM audit_log WHERE action != 'seed'").fetchall()}
    assert actors and "vous" not in actors and all("jdupont" in a for a in actors)
    line = build_report(db, date.today().year, LABELS, function="FIN").functions[0].commitments[0]
    assert line.updated_by == "jdupont"
