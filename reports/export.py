"""The Bureau report as JSON (the CLI's shape), Markdown and CSV."""

from __future__ import annotations

import csv
import io
import json

from srom_data.cells import csv_row

from .bureau import BureauReport, CommitmentLine
from .formats import change, french_date, percent
from .mode_coverage import coverage_dict, coverage_markdown

CSV_COLUMNS = (
    "fonction",
    "id",
    "engagement",
    "statut",
    "avancement",
    "évolution (points)",
    "commentaire",
    "mis à jour par",
    "mis à jour le",
    "sans mise à jour depuis plus de 90 jours",
)


def to_dict(report: BureauReport) -> dict:
    """{"year", "functions": [{"id", "label", "commitments": [...]}], "totals": {status: count}}."""
    return {
        "year": report.year,
        "functions": [
            {
                "id": section.id,
                "label": section.label,
                "reported": section.reported,
                "total": section.total,
                "commitments": [
                    {
                        "id": line.id,
                        "title": line.title,
                        "status": line.status_label if line.status else None,
                        "percent": line.percent,
                        "comment": line.comment,
                        "updated_by": line.updated_by,
                        "updated_at": line.updated_at,
                        "stale": line.stale,
                    }
                    for line in section.commitments
                ],
            }
            for section in report.functions
        ],
        "totals": report.totals,
        **({"mode_coverage": coverage_dict(report.mode_coverage)} if report.mode_coverage else {}),
    }


def to_json(report: BureauReport) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2)


def updated(line: CommitmentLine) -> str:
    if not line.updated_at:
        return "jamais"
    return f"{french_date(line.updated_at)} ({line.updated_by})"


def _md_cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def to_markdown(report: BureauReport) -> str:
    lines = [
        f"# Rapport annuel au Bureau — engagements du SROM, {report.year}",
        "",
        f"Situation au {french_date(report.as_of)}.",
        "",
        "| statut | engagements |",
        "| --- | --- |",
        *(f"| {status} | {count} |" for status, count in report.totals.items() if count or status != "non renseigné"),
    ]
    for section in report.functions:
        lines += ["", f"## {section.label} ({section.id}) — {section.summary}"]
        lines += ["", "| id | engagement | statut | avancement | évolution | dernier commentaire | mise à jour |"]
        lines.append("| --- | --- | --- | --- | --- | --- | --- |")
        for c in section.commitments:
            flag = " ⚠️ plus de 90 jours" if c.stale else ""
            flag = " ✅ confirmé" if c.confirmed and not c.stale else flag
            cells = [
                c.id,
                _md_cell(c.title),
                c.status_label,
                percent(c.percent),
                change(c.percent, c.previous_percent),
                _md_cell(c.comment or ""),
                updated(c) + flag,
            ]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n" + coverage_markdown(report.mode_coverage)


def to_csv(report: BureauReport) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for section in report.functions:
        for c in section.commitments:
            writer.writerow(
                csv_row(
                    [
                        section.label,
                        c.id,
                        c.title,
                        c.status_label,
                        "" if c.percent is None else c.percent,
                        _points(c),
                        c.comment or "",
                        c.updated_by or "",
                        french_date(c.updated_at) if c.updated_at else "",
                        "oui" if c.stale else "non",
                    ]
                )
            )
    return buffer.getvalue()


def _points(line: CommitmentLine) -> int | str:
    """The change over the year as a signed number of points (a number in the spreadsheet); empty if unknown."""
    if line.percent is None or line.previous_percent is None:
        return ""
    return line.percent - line.previous_percent
