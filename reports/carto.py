"""Cartography pictures of a knowledge base: a function's map for a year, or its three years compared.

    picture = draw_map(kb, "RH", 2017)            # PNG bytes, size, and every cell's rectangle in pixels
    picture = draw_map(kb, "RH", compare=True)

Activities whose mode the text does not state are hatched grey, never coloured; `deduced` and `attested` modes
are marked apart from `explicit` ones, and a deduced mode by what it rests on: `*` a sentence naming the item, `≈`
a collective statement, `→` a mode carried forward (see reports/palette.py). No Slack here.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import Literal

from srom_data.models import Function, KnowledgeBase
from srom_data.text import key

DEFAULT_DPI = 150  # 1200 layout units wide -> 1800 px: sharp when opened in Slack, readable in the preview
PictureFormat = Literal["png", "svg"]


class MapError(Exception):
    """The map asked for cannot be drawn (unknown function, a year without a map). The message is French."""


@dataclass(frozen=True)
class MapPicture:
    data: bytes
    format: PictureFormat
    width: int  # pixels (PNG); the SVG's nominal size at the same dpi
    height: int
    title: str
    filename: str
    # (activity id, year) -> (left, top, right, bottom) of its cell, in the picture's pixels
    cells: dict[tuple[str, int], tuple[int, int, int, int]] = field(default_factory=dict, repr=False)


def find_function(kb: KnowledgeBase, name: str) -> Function | None:
    """A function by code, label or alias, however typed ('RH', 'ressources humaines', 'finances')."""
    wanted = key(name)
    if not wanted:
        return None
    for fn in kb.functions:
        names = {fn.id, fn.label, fn.label_en, *fn.aliases}
        if wanted in {key(n) for n in names}:
            return fn
    return None


def draw_map(
    kb: KnowledgeBase,
    function: str,
    year: int | None = None,
    *,
    compare: bool = False,
    fmt: PictureFormat = "png",
    dpi: float = DEFAULT_DPI,
) -> MapPicture:
    """Draw one year's map (the latest year when none is given) or, with `compare`, the years side by side."""
    fn = find_function(kb, function)
    if fn is None:
        known = ", ".join(f.id for f in kb.functions)
        raise MapError(f"Fonction inconnue : « {function} ». Fonctions : {known}.")
    if compare:
        from .carto_compare import draw_compare

        canvas, rects = draw_compare(kb, fn)
        title, stem = f"{fn.label} — comparaison {', '.join(map(str, kb.meta.years))}", f"{fn.id.lower()}-comparaison"
    else:
        year = year if year is not None else max(kb.meta.years)
        _check_year(kb, fn, year)
        from .carto_year import draw_year

        canvas, rects = draw_year(kb, fn, year)
        title, stem = f"{fn.label} — carte {year}", f"{fn.id.lower()}-{year}"
    data = canvas.save(fmt, dpi)
    width, height = (
        _png_size(data) if fmt == "png" else (round(canvas.width * dpi / 100), round(canvas.height * dpi / 100))
    )
    cells = {k: r.to_pixels(dpi) for k, r in rects.items()}
    return MapPicture(data, fmt, width, height, title, f"{stem}.{fmt}", cells)


def _check_year(kb: KnowledgeBase, fn: Function, year: int) -> None:
    years = kb.meta.years
    if year not in years:
        listed = ", ".join(map(str, years))
        raise MapError(f"Pas de carte {year} dans le SROM : les cartes sont celles de {listed}.")
    if not any(year in a.placements for a in fn.activities):
        raise MapError(f"La fonction {fn.label} n'a ni activité ni action pour {year} : rien à dessiner.")


def _png_size(data: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk
    return width, height
