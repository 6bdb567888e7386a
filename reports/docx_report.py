"""The Bureau report as a Word document: a cover page, the totals, one table per function, the chart.

Imported only when a .docx is asked for (python-docx and lxml are not needed otherwise)."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from .bureau import BureauReport, FunctionSection
from .export import updated
from .formats import change, french_date, percent

COLUMNS = ("Id", "Engagement", "Statut", "Avancement", "Évolution", "Dernier commentaire", "Mise à jour")
WIDTHS_CM = (1.4, 4.6, 2.0, 1.8, 1.6, 4.6, 3.0)


def to_docx(
    report: BureauReport,
    *,
    chart: bytes | None = None,
    region: str = "CCI Pays de la Loire",
    generated: date | None = None,
) -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.8))
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(10)

    _cover(doc, report, region, generated or date.today())
    doc.add_page_break()
    doc.add_heading("Synthèse", level=1)
    totals = doc.add_table(rows=1, cols=2, style="Light Grid Accent 1")
    totals.rows[0].cells[0].text, totals.rows[0].cells[1].text = "Statut", "Engagements"
    for status, count in report.totals.items():
        row = totals.add_row().cells
        row[0].text, row[1].text = status, str(count)
    if chart:
        doc.add_picture(io.BytesIO(chart), width=Cm(20))
    for function in report.functions:
        _function_table(doc, function)
    if report.mode_coverage:
        from .mode_coverage import INTRO, TITLE, coverage_line

        doc.add_heading(TITLE, level=1)
        doc.add_paragraph(INTRO)
        for row in report.mode_coverage:
            doc.add_paragraph(coverage_line(row), style="List Bullet")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _cover(doc, report: BureauReport, region: str, generated: date) -> None:
    for _ in range(6):
        doc.add_paragraph()
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("Schéma Régional d'Organisation des Missions")
    run.bold, run.font.size = True, Pt(26)
    subtitle = doc.add_paragraph()
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sub = subtitle.add_run(f"Suivi des engagements — rapport annuel au Bureau {report.year}")
    sub.font.size = Pt(18)
    for text in (region, f"Situation au {french_date(report.as_of)}", f"Document établi le {french_date(generated)}"):
        paragraph = doc.add_paragraph(text)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _function_table(doc, function: FunctionSection) -> None:
    heading = f"{function.label} ({function.id})"
    doc.add_heading(heading, level=1)
    doc.add_paragraph(function.summary)
    table = doc.add_table(rows=1, cols=len(COLUMNS), style="Light Grid Accent 1")
    for cell, name in zip(table.rows[0].cells, COLUMNS, strict=True):
        cell.text = name
    for line in function.commitments:
        cells = table.add_row().cells
        values = (
            line.id,
            line.title,
            line.status_label,
            percent(line.percent),
            change(line.percent, line.previous_percent),
            line.comment or "",
            updated(line) + (" — plus de 90 jours sans mise à jour" if line.stale else ""),
        )
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    for row in table.rows:
        for cell, width in zip(row.cells, WIDTHS_CM, strict=True):
            cell.width = Cm(width)
