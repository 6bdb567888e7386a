"""Drawing primitives of the maps: a canvas in layout units, measured text wrapping, boxes, the legend.

Layout is done in units of 1/100 inch with the origin at the top left, so a rectangle's pixel position in the
saved picture is its layout position times dpi/100: tests can sample the colour of a known cell.
matplotlib is imported here only, and only the object API is used (no pyplot): drawing is thread-safe.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from typing import Any

from . import palette

UNITS_PER_INCH = 100
PT = UNITS_PER_INCH / 72  # layout units per typographic point
FONT = "DejaVu Sans"  # ships with matplotlib: accents and ✓ render everywhere
LINE_SPACING = 1.22


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def right(self) -> float:
        return self.x + self.w

    def to_pixels(self, dpi: float) -> tuple[int, int, int, int]:
        """(left, top, right, bottom) in the saved picture's pixels."""
        f = dpi / UNITS_PER_INCH
        return round(self.x * f), round(self.y * f), round(self.right * f), round(self.bottom * f)


def line_height(size: float) -> float:
    return size * PT * LINE_SPACING


@cache
def _font(size: float, bold: bool) -> Any:
    from matplotlib.font_manager import FontProperties

    return FontProperties(family=FONT, size=size, weight="bold" if bold else "normal")


@cache
def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of one line of text, in layout units (measured with the font the picture uses)."""
    from matplotlib.textpath import TextToPath

    width, _, _ = TextToPath().get_text_width_height_descent(text, _font(size, bold), ismath=False)
    return width * PT


def wrap(text: str, width: float, size: float, bold: bool = False, max_lines: int = 4) -> list[str]:
    """Greedy word wrap to `width` layout units; a line that still overflows gets an ellipsis."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and text_width(candidate, size, bold) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1 :])]
    return [_fit(line, width, size, bold) for line in lines] or [""]


def _fit(line: str, width: float, size: float, bold: bool) -> str:
    if text_width(line, size, bold) <= width:
        return line
    while len(line) > 1 and text_width(line + "…", size, bold) > width:
        line = line[:-1]
    return line.rstrip() + "…"


class Canvas:
    """A figure of `width` x `height` layout units, drawn top-down."""

    def __init__(self, width: float, height: float) -> None:
        from matplotlib.figure import Figure

        self.width, self.height = width, height
        self.fig = Figure(figsize=(width / UNITS_PER_INCH, height / UNITS_PER_INCH), dpi=UNITS_PER_INCH)
        self.fig.patch.set_facecolor("white")
        self.ax = self.fig.add_axes((0, 0, 1, 1))
        self.ax.set_xlim(0, width)
        self.ax.set_ylim(height, 0)
        self.ax.axis("off")

    def box(
        self,
        rect: Rect,
        fill: str,
        edge: str | None = None,
        *,
        lw: float = 0.8,
        style: str | tuple = "solid",
        hatch: str | None = None,
        hatch_color: str | None = None,
        rounded: float = 0.0,
        z: float = 1,
    ) -> None:
        from matplotlib.patches import FancyBboxPatch, Rectangle

        kw = {"facecolor": fill, "edgecolor": edge or "none", "linewidth": lw, "linestyle": style, "zorder": z}
        if rounded:
            patch = FancyBboxPatch(
                (rect.x, rect.y), rect.w, rect.h, boxstyle=f"round,pad=0,rounding_size={rounded}", **kw
            )
        else:
            patch = Rectangle((rect.x, rect.y), rect.w, rect.h, **kw)
        if hatch:
            patch.set_hatch(hatch)
            patch.set_hatchcolor(hatch_color or edge or palette.MUTED)
        self.ax.add_patch(patch)

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        color: str = palette.INK,
        bold: bool = False,
        ha: str = "left",
        va: str = "top",
        italic: bool = False,
        z: float = 5,
    ) -> None:
        self.ax.text(
            x,
            y,
            text,
            fontsize=size,
            fontfamily=FONT,
            fontweight="bold" if bold else "normal",
            fontstyle="italic" if italic else "normal",
            color=color,
            ha=ha,
            va=va,
            zorder=z,
        )

    def lines(self, x: float, y: float, lines: list[str], size: float, **kw: Any) -> float:
        """Draw lines top-down from y, each centred in its line height; return the y under the last one."""
        step = line_height(size)
        for i, line in enumerate(lines):
            self.text(x, y + (i + 0.5) * step, line, size, va="center_baseline", **kw)
        return y + len(lines) * step

    def save(self, fmt: str, dpi: float) -> bytes:
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(self.fig)
        out = io.BytesIO()
        metadata = {"Software": None} if fmt == "png" else {"Date": None}
        self.fig.savefig(out, format=fmt, dpi=dpi, facecolor="white", metadata=metadata)
        return out.getvalue()


# --- cells and legend ----------------------------------------------------------------------------------------------

BADGE_SIZE = 12.0


# The border of a deduced cell by what the deduction rests on: dashed when a sentence names the item, dotted for a
# collective statement, dash-dot for a mode carried forward.
BASIS_BORDERS: dict[str, tuple[Any, float]] = {
    "named": ((0, (4, 2.5)), 1.1),
    "collective": ((0, (1, 1.6)), 1.4),
    "carried": ((0, (5, 2, 1, 2)), 1.2),
}


def cell_style(mode: str | None, certainty: str, basis: str | None = None) -> dict[str, Any]:
    """Fill, border and hatch of a cell: the mode's colour, or grey hatching when the text does not say."""
    if mode is None:
        return {
            "fill": palette.UNSPECIFIED_FILL,
            "edge": "#9AA0A6",
            "lw": 0.8,
            "style": (0, (1.5, 1.5)),
            "hatch": "///",
        }
    style = {"fill": palette.MODE_COLORS[mode], "edge": palette.BORDER, "lw": 0.9, "style": "solid", "hatch": None}
    if certainty == "deduced":
        dash, lw = BASIS_BORDERS[basis or "named"]
        style.update(style=dash, lw=lw)
    elif certainty == "attested":
        style.update(lw=2.4, edge=palette.NAVY)
    return style


def draw_cell(
    canvas: Canvas, rect: Rect, mode: str | None, certainty: str, basis: str | None = None, z: float = 2
) -> None:
    s = cell_style(mode, certainty, basis)
    canvas.box(
        rect,
        s["fill"],
        s["edge"],
        lw=s["lw"],
        style=s["style"],
        hatch=s["hatch"],
        hatch_color=palette.UNSPECIFIED_HATCH,
    )


def draw_badge(
    canvas: Canvas,
    cx: float,
    cy: float,
    mode: str | None,
    certainty: str,
    basis: str | None = None,
    size: float = BADGE_SIZE,
) -> None:
    """The mode letter and its mark, centred on (cx, cy)."""
    color = palette.MUTED if mode is None else palette.INK
    text = palette.badge(mode, certainty, basis)
    canvas.text(cx, cy, text, size, color=color, bold=True, ha="center", va="center_baseline")


LEGEND_HEIGHT = 104.0  # the modes' row, then two rows of samples (certainty, then the deduced ones by basis)
LEGEND_GAP = 18.0
TITLE_SIZE = 20.0
SUBTITLE_SIZE = 11.0


def title_lines(title: str, width: float) -> list[str]:
    return wrap(title, width, TITLE_SIZE, bold=True, max_lines=2)


def header_height(title: list[str]) -> float:
    """Title, subtitle and legend."""
    return len(title) * line_height(TITLE_SIZE) + line_height(SUBTITLE_SIZE) + 10 + LEGEND_HEIGHT


def draw_header(canvas: Canvas, x: float, title: list[str], subtitle: str, mode_labels: dict[str, str]) -> None:
    y = canvas.lines(x, x, title, TITLE_SIZE, bold=True, color=palette.NAVY)
    y = canvas.lines(x, y, [subtitle], SUBTITLE_SIZE, color=palette.MUTED)
    draw_legend(canvas, x, y + 10, mode_labels)


def draw_legend(canvas: Canvas, x: float, y: float, mode_labels: dict[str, str]) -> float:
    """Two rows: the five modes' colours, then how certainty shows. Returns the y under the legend."""
    size = 10.5
    sw = 26.0
    cursor = x
    for code, label in mode_labels.items():
        rect = Rect(cursor, y, sw, sw)
        draw_cell(canvas, rect, code, "explicit")
        canvas.text(rect.x + sw / 2, rect.y + sw / 2, code, size, bold=True, ha="center", va="center_baseline")
        text = label
        canvas.text(cursor + sw + 6, y + sw / 2, text, size, va="center_baseline")
        cursor += sw + 6 + text_width(text, size) + 22
    y2 = y + sw + 12
    small = 9.5
    for row in palette.FIRMNESS_LEGEND_FR:
        cursor = x
        for certainty, basis, label in row:
            mode = None if certainty == "unspecified" else "H"
            rect = Rect(cursor, y2, 34.0, 22.0)
            draw_cell(canvas, rect, mode, certainty, basis)
            draw_badge(canvas, rect.x + rect.w / 2, rect.y + rect.h / 2, mode, certainty, basis, size=small)
            canvas.text(rect.right + 6, y2 + 11, label, small, color=palette.MUTED, va="center_baseline")
            cursor = rect.right + 6 + text_width(label, small) + LEGEND_GAP
        y2 += 22.0 + 8
    return y2 - 8


def legend_width() -> float:
    """The width of the legend's widest row of samples, to check that it fits the picture."""
    return max(
        sum(34.0 + 6 + text_width(label, 9.5) + LEGEND_GAP for _, _, label in row) - LEGEND_GAP
        for row in palette.FIRMNESS_LEGEND_FR
    )
