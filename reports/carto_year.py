"""One function's map for one year, drawn as the SROM draws it: blocks with their activities inside."""

from __future__ import annotations

from dataclasses import dataclass, field

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
GAP = 16.0
PAD = 8.0
CELL_GAP = 6.0
TEXT_PAD = 7.0
BADGE_W = 40.0
MIN_CELL_H = 34.0
HEADER_SIZE = 10.5
LABEL_SIZE = 9.5
FOOT_SIZE = 9.0
NO_MAP_BLOCK = "Actions nommées par le texte"


@dataclass
class PlacedCell:
    activity: Activity
    rect: Rect
    lines: list[str]


@dataclass
class PlacedBlock:
    rect: Rect
    title: list[str]
    header_h: float
    cells: list[PlacedCell] = field(default_factory=list)


def block_items(fn: Function, year: int) -> list[tuple[str, list[Activity]]]:
    """The blocks of the year's map in the document's order, each with its activities; a function without a map
    (its items are actions) gets one block holding the year's actions."""
    placed = [a for a in fn.activities if year in a.placements]
    blocks = [b for b in fn.blocks if year in b.years]
    if not blocks:
        return [(NO_MAP_BLOCK, placed)] if placed else []
    return [(b.label, [a for a in placed if a.placements[year].block == b.id]) for b in blocks]


def _columns(items: list[tuple[str, list[Activity]]]) -> tuple[int, int]:
    """(block columns, activity columns inside a block)."""
    if len(items) == 1:
        return 1, min(3, max(1, len(items[0][1]) // 3))
    return (len(items), 1) if len(items) <= 3 else ((3, 1) if len(items) <= 6 else (4, 1))


def _layout_block(label: str, acts: list[Activity], year: int, x: float, y: float, w: float, inner: int) -> PlacedBlock:
    title = wrap(label, w - 2 * PAD, HEADER_SIZE, bold=True, max_lines=3)
    header_h = len(title) * line_height(HEADER_SIZE) + 2 * 6
    block = PlacedBlock(Rect(x, y, w, 0), title, header_h)
    cell_w = (w - 2 * PAD - (inner - 1) * CELL_GAP) / inner
    cy = y + header_h + PAD
    for start in range(0, len(acts), inner):
        row = [
            (a, wrap(a.label_in(year), cell_w - BADGE_W - 2 * TEXT_PAD, LABEL_SIZE))
            for a in acts[start : start + inner]
        ]
        h = max(MIN_CELL_H, *(len(lines) * line_height(LABEL_SIZE) + 2 * TEXT_PAD for _, lines in row))
        for i, (act, lines) in enumerate(row):
            block.cells.append(PlacedCell(act, Rect(x + PAD + i * (cell_w + CELL_GAP), cy, cell_w, h), lines))
        cy += h + CELL_GAP
    if not acts:
        cy += MIN_CELL_H + CELL_GAP
    block.rect = Rect(x, y, w, cy - CELL_GAP + PAD - y)
    return block


def layout_blocks(items: list[tuple[str, list[Activity]]], year: int, top: float) -> tuple[list[PlacedBlock], float]:
    """Blocks placed in columns, each in the shortest column so far (document order reads left to right)."""
    ncol, inner = _columns(items)
    col_w = (WIDTH - 2 * MARGIN - (ncol - 1) * GAP) / ncol
    bottoms = [top] * ncol
    placed = []
    for label, acts in items:
        col = min(range(ncol), key=lambda c: (bottoms[c], c))
        block = _layout_block(label, acts, year, MARGIN + col * (col_w + GAP), bottoms[col], col_w, inner)
        bottoms[col] = block.rect.bottom + GAP
        placed.append(block)
    return placed, max(bottoms) - GAP


def _subtitle(kb: KnowledgeBase, fn: Function, year: int, acts: list[Activity], n_blocks: int) -> str:
    known = sum(1 for a in acts if a.assessments[year].mode)
    weaker = sum(1 for a in acts if a.assessments[year].basis in ("collective", "carried"))
    what = f"{len(acts)} activités en {n_blocks} blocs" if fn.blocks else f"{len(acts)} actions"
    label = kb.meta.year_labels.get(year, str(year))
    among = f" (dont {weaker} moins sûr{'s' if weaker > 1 else ''} : ≈ ou →)" if weaker else ""
    unknown = len(acts) - known
    return f"{label[:1].upper()}{label[1:]} · {what} · mode connu pour {known}{among}, non précisé pour {unknown}"


def _footer_lines(kb: KnowledgeBase, fn: Function, year: int) -> list[str]:
    width = WIDTH - 2 * MARGIN
    lines: list[str] = []
    notes = [f"« {n.evidence.quote} »" for n in fn.map_notes if n.year == year]
    if notes:
        lines += wrap("Inscrit sur la carte : " + " · ".join(notes), width, FOOT_SIZE, max_lines=3)
    attested = [
        f"{a.label_in(year)} ({s.mode}) : {s.attestation.by}, {s.attestation.date:%d/%m/%Y}"
        for a in fn.activities
        if year in a.assessments and (s := a.assessments[year]).attestation is not None and s.mode
    ]
    if attested:
        text = "Attesté d'après le diagramme original — " + " · ".join(attested)
        lines += wrap(text, width, FOOT_SIZE, max_lines=3)
    if not fn.blocks:
        lines += wrap(
            "Le SROM ne dessine pas de carte pour cette fonction : ses actions nommées sont réunies ici en un bloc.",
            width,
            FOOT_SIZE,
        )
    source = (
        f"Source : {kb.meta.title}. Les couleurs des cartes originales se sont perdues à l'extraction : "
        "seuls les modes établis par le texte, ou attestés d'après le diagramme original, sont colorés."
    )
    return lines + wrap(source, width, FOOT_SIZE, max_lines=3)


def draw_year(kb: KnowledgeBase, fn: Function, year: int) -> tuple[Canvas, dict[tuple[str, int], Rect]]:
    """The canvas of the map and, per (activity id, year), the rectangle of its cell in layout units."""
    items = block_items(fn, year)
    acts = [a for _, block_acts in items for a in block_acts]
    title = title_lines(f"{fn.label} — carte {year}", WIDTH - 2 * MARGIN)
    top = MARGIN + header_height(title) + 18
    blocks, bottom = layout_blocks(items, year, top)
    footer = _footer_lines(kb, fn, year)
    height = bottom + 18 + len(footer) * line_height(FOOT_SIZE) + MARGIN
    canvas = Canvas(WIDTH, height)
    draw_header(canvas, MARGIN, title, _subtitle(kb, fn, year, acts, len(blocks)), {m.code: m.label for m in kb.modes})
    cells: dict[tuple[str, int], Rect] = {}
    for block in blocks:
        _draw_block(canvas, block, year)
        cells.update({(c.activity.id, year): c.rect for c in block.cells})
    canvas.lines(MARGIN, bottom + 18, footer, FOOT_SIZE, color=palette.MUTED)
    return canvas, cells


def _draw_block(canvas: Canvas, block: PlacedBlock, year: int) -> None:
    r = block.rect
    canvas.box(r, palette.BLOCK_FILL, palette.NAVY, lw=1.2, rounded=6, z=0.5)
    canvas.box(Rect(r.x, r.y, r.w, block.header_h), palette.NAVY, rounded=6, z=0.6)
    canvas.box(Rect(r.x, r.y + block.header_h / 2, r.w, block.header_h / 2), palette.NAVY, z=0.6)
    canvas.lines(r.x + PAD, r.y + 6, block.title, HEADER_SIZE, bold=True, color="white")
    if not block.cells:
        canvas.text(
            r.x + PAD, r.y + block.header_h + PAD + 8, "aucune activité listée", LABEL_SIZE, color=palette.MUTED
        )
    for cell in block.cells:
        assessment = cell.activity.assessments[year]
        c = cell.rect
        draw_cell(canvas, c, assessment.mode, assessment.certainty, assessment.basis)
        text_h = len(cell.lines) * line_height(LABEL_SIZE)
        color = palette.INK if assessment.mode else "#4B5563"
        canvas.lines(c.x + TEXT_PAD, c.y + (c.h - text_h) / 2, cell.lines, LABEL_SIZE, color=color)
        draw_badge(
            canvas, c.right - BADGE_W / 2, c.y + c.h / 2, assessment.mode, assessment.certainty, assessment.basis
        )
