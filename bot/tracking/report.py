"""`/srom-rapport [année] [fonction]` (directors, admins): the summary, the chart, and the Word/CSV buttons."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import replace

from bot.conversation.blocks import button, context, escape, section, shorten, split_text
from bot.conversation.reply import Attachment, Invocation, Reply, error_reply
from bot.tracking.access import Actor, may_report, refuse_report
from bot.tracking.commands import BUSY, audit_input, labels
from bot.tracking.parse import InputError, resolve_function, show
from reports.bureau import STALE_DAYS, BureauReport, build_report
from reports.export import to_csv
from reports.formats import change, french_date, local_today, percent
from storage.statuses import EMOJI
from storage.tx import StorageBusy

logger = logging.getLogger(__name__)

ACTION_REPORT_FILE = "srom_report_file"
MAX_REPORT_BLOCKS = 46
YEAR = re.compile(r"^[0-9]{4}$")


def parse_report_args(text: str, names: dict[str, str]) -> tuple[int, str | None]:
    year = local_today().year
    rest: list[str] = []
    for word in text.split():
        if YEAR.match(word):
            year = int(word)
        else:
            rest.append(word)
    if not 2000 <= year <= 2100:
        raise InputError(f"Année « {year} » hors de portée : donnez une année entre 2000 et 2100.")
    if len(" ".join(rest)) > 80:
        raise InputError(f"Je n'ai pas compris « {show(' '.join(rest))} ». Exemple : `/srom-rapport 2026 RH`.")
    return year, resolve_function(" ".join(rest), names) if rest else None


def run_rapport(text: str, invocation: Invocation) -> Reply:
    try:
        db, actor = invocation.db(), Actor.of(invocation)
        if not may_report(db, actor):
            return error_reply(message=refuse_report(db, actor))
        names = labels()
        year, function = parse_report_args(text, names)
        report = with_mode_coverage(build_report(db, year, names, function=function), db, function)
    except InputError as exc:
        audit_input(invocation, f"/srom-rapport {text}", exc.message)
        return error_reply(message=exc.message)
    except StorageBusy:
        return error_reply(message=BUSY)
    from reports.charts import progress_chart

    chart = Attachment(_filename(report, function, "png"), f"Avancement par fonction — {year}", progress_chart(report))
    return Reply(
        text=f"Rapport annuel au Bureau — {year}", blocks=build_report_blocks(report, function), files=(chart,)
    )


def with_chart(reply: Reply, invocation: Invocation) -> Reply:
    """An answer asking for the commitments' progress chart, with the chart of this year's annual report attached:
    where a file can follow the answer (a thread, the console) and the asker may see the report. Otherwise the
    answer's text already says that `/srom-rapport` makes it, and for whom."""
    answer = reply.answer
    if answer is None or answer.chart is None or invocation.databases is None or invocation.surface != "thread":
        return reply
    from reports.charts import progress_chart

    try:
        db = invocation.db()
        if not may_report(db, Actor.of(invocation)):
            return reply
        function = answer.chart.function if answer.chart.function in labels() else None
        report = build_report(db, local_today().year, labels(), function=function)
        title = f"Avancement par fonction — {report.year}"
        chart = Attachment(_filename(report, function, "png"), title, progress_chart(report))
    except Exception:  # storage or drawing trouble must not cost the answer its text
        logger.exception("the progress chart of %r failed", reply.question)
        failed = "Je n'ai pas pu dessiner le graphique (erreur de mon côté)."
        failed = "I could not draw the chart (an error on my side)." if reply.lang == "en" else failed
        return replace(reply, text=f"⚠️ {failed} " + reply.text)
    return replace(reply, files=(*reply.files, chart))


def with_mode_coverage(report: BureauReport, db, function: str | None = None) -> BureauReport:
    """The report with its section on the mode matrix: the knowledge base with every correction, and the cells
    flagged in the store (of one function when the report is)."""
    from bot.engine.default import current_kb
    from srom_data.coverage import mode_coverage
    from storage.corrections import flagged_cells

    rows = [r for r in mode_coverage(current_kb(), flagged_cells(db)) if function is None or r.id == function]
    return replace(report, mode_coverage=tuple(rows))


def _filename(report: BureauReport, function: str | None, ext: str) -> str:
    return f"rapport-srom-{report.year}" + (f"-{function}" if function else "") + f".{ext}"


def _line(c) -> str:
    flag = f" ⚠️ _sans mise à jour depuis plus de {STALE_DAYS} jours_" if c.stale else ""
    flag = " ⚠️ _jamais mis à jour_" if c.updated_at is None else flag
    flag = f" ✅ _confirmé sans changement le {french_date(c.updated_at)}_" if c.confirmed and not c.stale else flag
    emoji = EMOJI.get(c.status or "", "◻️")
    delta = change(c.percent, c.previous_percent)
    text = f"• {emoji} *{c.id}* {escape(shorten(c.title, 80))} — {c.status_label}, {percent(c.percent)}"
    text += f" ({delta} sur l'année)" if delta else ""
    if c.comment:
        text += (
            f"\n    « {escape(shorten(c.comment, 120))} » — {escape(c.updated_by or '')}, {french_date(c.updated_at)}"
        )
    return text + flag


def build_report_blocks(report: BureauReport, function: str | None = None) -> list[dict]:
    """The Slack summary: totals, then each function's commitments; the full detail is in the files."""
    totals = " · ".join(f"{status} : {n}" for status, n in report.totals.items() if n)
    blocks = [
        {"type": "header", "text": {"type": "plain_text", "text": f"Rapport annuel au Bureau — {report.year}"}},
        context(f"Engagements du SROM, situation au {french_date(report.as_of)} · {totals or 'aucun engagement'}"),
    ]
    for section_ in report.functions:
        head = f"*{escape(section_.label)}* — {section_.summary}"
        lines = [head, *(_line(c) for c in section_.commitments)]
        blocks += [section(chunk) for chunk in split_text("\n".join(lines))]
    if len(blocks) > MAX_REPORT_BLOCKS:
        blocks = [*blocks[:MAX_REPORT_BLOCKS], context("… la suite est dans le document Word.")]
    if report.mode_coverage:
        from reports.mode_coverage import TITLE, coverage_line

        lines = "\n".join(f"• {escape(coverage_line(r))}" for r in report.mode_coverage)
        blocks.append(section(f"*{TITLE}*\n{lines}"))
    base = {"y": report.year, "f": function}
    blocks.append(
        {
            "type": "actions",
            "block_id": "srom_report_files",
            "elements": [
                button("Document Word (.docx)", f"{ACTION_REPORT_FILE}:0", json.dumps({**base, "k": "docx"})),
                button("Tableau CSV", f"{ACTION_REPORT_FILE}:1", json.dumps({**base, "k": "csv"})),
            ],
        }
    )
    return blocks


def report_file(value: str, invocation: Invocation) -> Reply:
    """A report button: the Word document or the CSV, uploaded to the conversation."""
    try:
        data = json.loads(value)
        year, function, kind = int(data["y"]), data.get("f"), data["k"]
    except (ValueError, KeyError, TypeError):
        year, function, kind = 0, None, None
    if kind not in ("docx", "csv") or not 2000 <= year <= 2100 or not (function is None or function in labels()):
        return error_reply(message="Ce bouton n'est plus valable : relancez `/srom-rapport`.")
    db, actor = invocation.db(), Actor.of(invocation)
    if not may_report(db, actor):
        return error_reply(message=refuse_report(db, actor))
    report = with_mode_coverage(build_report(db, year, labels(), function=function), db, function)
    if kind == "csv":
        content = ("\ufeff" + to_csv(report)).encode("utf-8")  # the BOM makes Excel read UTF-8
        title = f"Rapport SROM {year} (CSV)"
    else:
        from reports.charts import progress_chart
        from reports.docx_report import to_docx

        content = to_docx(report, chart=progress_chart(report))
        title = f"Rapport annuel au Bureau {year}"
    attachment = Attachment(_filename(report, function, kind), title, content)
    return Reply(
        text=f"{title} : fichier joint.", blocks=[section(f"📎 {title} : fichier joint.")], files=(attachment,)
    )
