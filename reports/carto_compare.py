"""One function's activities in rows and the SROM's years in columns: the evolution of modes at a glance."""

from __future__ import annotations

from dataclasses import dataclass

from srom_data.models import Activity, Function, KnowledgeBase

from . import palette
from .carto_draw import (
    Canvas,
    Rect,
    draw_badge,
    draw_cell,
    draw_header,
    header_height,
    line_height,
    title_lines,
    wrap,
)

WIDTH = 1200.0
MARGIN = 30.0
YEAR_W = 170.0
CELL_GAP = 6.0
ROW_GAP = 5.0
MIN_ROW_H = 30.0
GROUP_H = 28.0
HEAD_H = 44.0
LABEL_SIZE = 9.5
GROUP_SIZE = 10.0
FOOT_SIZE = 9.0
LABEL_W = WIDTH - 2 * MARGIN - 3 * YEAR_W - 12
NO_BLOCK = "Actions nommées par le texte (pas de carte dans le SROM)"


@dataclass
class Row:
    activity: Activity | None  # None: a group header
    label: list[str]
    y: float
    h: float


def groups(fn: Function, years: tuple[int, ...]) -> list[tuple[str, list[Activity]]]:
    """Activities grouped by the block they belong to on the last map they appear on, in the document's order;
    a block drawn on some maps only says which."""
    labels = {b.id: b for b in fn.blocks}
    out: dict[str, list[Activity]] = {}
    for act in fn.activities:
        block = act.placements[max(act.placements)].block
        if block is None:
            name = NO_BLOCK
        elif set(labels[block].years) == set(years):
            name = labels[block].label
        else:
            name = f"{labels[block].label} ({', '.join(str(y) for y in labels[block].years)})"
        out.setdefault(name, []).append(act)
    return list(out.items())


def layout_rows(fn: Function, years: tuple[int, ...], top: float) -> tuple[list[Row], float]:
    rows: list[Row] = []
    y = top
    for name, acts in groups(fn, years):
        rows.append(Row(None, [name], y, GROUP_H))
        y += GROUP_H + ROW_GAP
        for act in acts:
            label = wrap(act.label, LABEL_W - 16, LABEL_SIZE, max_lines=3)
            h = max(MIN_ROW_H, len(label) * line_height(LABEL_SIZE) + 10)
            rows.append(Row(act, label, y, h))
            y += h + ROW_GAP
    return rows, y - ROW_GAP


def year_x(kb: KnowledgeBase, year: int) -> float:
    return WIDTH - MARGIN - (len(kb.meta.years) - kb.meta.years.index(year)) * YEAR_W


def draw_compare(kb: KnowledgeBase, fn: Function) -> tuple[Canvas, dict[tuple[str, int], Rect]]:
    """The canvas of the comparison and, per (activity id, year), the rectangle of its cell in layout units."""
    years = kb.meta.years
    title = title_lines(f"{fn.label} — évolution {' · '.join(map(str, years))}", WIDTH - 2 * MARGIN)
    top = MARGIN + header_height(title) + 16
    rows, bottom = layout_rows(fn, years, top + HEAD_H + 6)
    footer = wrap(
        f"Source : {kb.meta.title}. « — » : absente de la carte de cette année-là. Une activité est rangée sous le "
        "bloc de la dernière carte où elle figure.",
        WIDTH - 2 * MARGIN,
        FOOT_SIZE,
    )
    canvas = Canvas(WIDTH, bottom + 18 + len(footer) * line_height(FOOT_SIZE) + MARGIN)
    n = sum(1 for r in rows if r.activity)
    noun = "activités" if fn.blocks else "actions"
    subtitle = f"{n} {noun} · une ligne par {noun[:-1]}, une colonne par carte du SROM"
    draw_header(canvas, MARGIN, title, subtitle, {m.code: m.label for m in kb.modes})
    for year in years:
        x = year_x(kb, year)
        canvas.text(x + YEAR_W / 2, top + 16, str(year), 13, bold=True, color=palette.NAVY, ha="center", va="center")
        label = kb.meta.year_labels.get(year, "")
        canvas.text(x + YEAR_W / 2, top + 35, label, 8.5, color=palette.MUTED, ha="center", va="center")
    cells: dict[tuple[str, int], Rect] = {}
    for row in rows:
        cells.update(_draw_row(canvas, kb, row))
    canvas.lines(MARGIN, bottom + 18, footer, FOOT_SIZE, color=palette.MUTED)
    return canvas, cells


def _draw_row(canvas: Canvas, kb: KnowledgeBase, row: Row) -> dict[tuple[str, int], Rect]:
    if row.activity is None:
        canvas.box(Rect(MARGIN, row.y, WIDTH - 2 * MARGIN, row.h), "#E3E9F3", rounded=4, z=0.5)
        canvas.lines(
            MARGIN + 10,
            row.y + (row.h - line_height(GROUP_SIZE)) / 2,
            row.label,
            GROUP_SIZE,
            bold=True,
            color=palette.NAVY,
        )
        return {}
    act = row.activity
    text_h = len(row.label) * line_height(LABEL_SIZE)
    canvas.lines(MARGIN + 16, row.y + (row.h - text_h) / 2, row.label, LABEL_SIZE)
    rule = Rect(MARGIN, row.y + row.h + ROW_GAP / 2, WIDTH - 2 * MARGIN, 0.01)
    canvas.box(rule, "#E5E7EB", "#E5E7EB", lw=0.4, z=0.2)
    cells = {}
    for year in kb.meta.years:
        rect = Rect(year_x(kb, year) + CELL_GAP / 2, row.y, YEAR_W - CELL_GAP, row.h)
        if year not in act.assessments:
            canvas.box(rect, palette.ABSENT_FILL, "#D1D5DB", lw=0.6)
            canvas.text(rect.x + rect.w / 2, rect.y + rect.h / 2, "—", 11, color="#9CA3AF", ha="center", va="center")
            continue
        assessment = act.assessments[year]
        draw_cell(canvas, rect, assessment.mode, assessment.certainty, assessment.basis)
        draw_badge(
            canvas, rect.x + rect.w / 2, rect.y + rect.h / 2, assessment.mode, assessment.certainty, assessment.basis
        )
        cells[(act.id, year)] = rect
    return cells
