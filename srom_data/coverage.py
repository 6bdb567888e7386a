"""Coverage figures of a knowledge base: what the maps list and how much of it has a known mode, how firmly."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .models import BASES, Assessment, KnowledgeBase

CERTAINTIES = ("explicit", "deduced", "attested", "unspecified")
# The columns of the firmness table: a deduction is counted under its basis.
FIRMNESS = ("explicit", *(f"deduced:{b}" for b in BASES), "attested", "unspecified")


def firmness(assessment: Assessment) -> str:
    """'explicit', 'deduced:named', 'deduced:collective', 'deduced:carried', 'attested' or 'unspecified'."""
    if assessment.certainty == "deduced":
        return f"deduced:{assessment.basis}"
    return assessment.certainty


@dataclass
class FunctionCoverage:
    id: str
    label: str
    blocks: dict[int, int] = field(default_factory=dict)
    items: dict[int, int] = field(default_factory=dict)
    by_certainty: dict[int, Counter[str]] = field(default_factory=dict)
    by_firmness: Counter[str] = field(default_factory=Counter)  # all years


def coverage(kb: KnowledgeBase) -> list[FunctionCoverage]:
    rows = []
    for fn in kb.functions:
        row = FunctionCoverage(fn.id, fn.label)
        for year in kb.meta.years:
            row.blocks[year] = sum(1 for b in fn.blocks if year in b.years)
            row.items[year] = sum(1 for a in fn.activities if year in a.placements)
            assessments = [a.assessments[year] for a in fn.activities if year in a.assessments]
            row.by_certainty[year] = Counter(a.certainty for a in assessments)
            row.by_firmness.update(firmness(a) for a in assessments)
        rows.append(row)
    return rows


def format_coverage(kb: KnowledgeBase, overrides: int = 0) -> str:
    """A plain-text table for `srom data check`; `overrides`: how many corrections overrides.yaml holds."""
    years = kb.meta.years
    lines = [f"{kb.meta.title}", ""]
    head = f"{'function':<8}" + "".join(f"{y:>8} blk {y:>5} act" for y in years)
    lines.append(head)
    rows = coverage(kb)
    totals: Counter[str] = Counter()
    for row in rows:
        cells = "".join(f"{row.blocks[y]:>12} {row.items[y]:>9}" for y in years)
        lines.append(f"{row.id:<8}{cells}")
        totals.update(row.by_firmness)
    lines.append("")
    total = sum(totals.values()) or 1
    deduced = sum(totals[f"deduced:{b}"] for b in BASES)
    lines.append("assessments by certainty (all functions, all years):")
    for c in CERTAINTIES:
        n = deduced if c == "deduced" else totals[c]
        lines.append(f"  {c:<12} {n:>5}  ({100 * n / total:.0f} %)")
        if c == "deduced":
            for b in BASES:
                lines.append(f"    {b:<10} {totals[f'deduced:{b}']:>5}  ({_BASIS_NOTE[b]})")
    lines.append("")
    lines.append("by function (all years):")
    lines.append(f"  {'':<6}" + "".join(f"{_SHORT[k]:>13}" for k in FIRMNESS))
    for row in rows:
        lines.append(f"  {row.id:<6}" + "".join(f"{row.by_firmness[k]:>13}" for k in FIRMNESS))
    lines.append(f"  {'total':<6}" + "".join(f"{totals[k]:>13}" for k in FIRMNESS))
    per_function = ", ".join(f"{row.id} {row.by_firmness['attested']}" for row in rows)
    lines.append(f"attested (read off the original diagrams), by function: {per_function}")
    lines.append(f"corrections imported from the spreadsheet (overrides.yaml): {overrides}")
    gov = kb.governance
    lines.append("")
    lines.append(
        f"instances: {len(gov.instances)}  facts: {len(gov.facts)}  commitments: {len(kb.commitments)}  "
        f"passages: {len(kb.passages)}"
    )
    return "\n".join(lines)


_BASIS_NOTE = {
    "named": "from a sentence that names the item",
    "collective": "a statement on a whole function, block or period, extended to the item",
    "carried": "an earlier year's mode carried forward",
}
_SHORT = {
    "explicit": "explicit",
    "deduced:named": "ded.named",
    "deduced:collective": "ded.coll.",
    "deduced:carried": "ded.carried",
    "attested": "attested",
    "unspecified": "unspec.",
}


# --- the mode matrix: how much of it is established, per function and year ---------------------------------------

MATRIX_COLUMNS = ("explicit", "deduced", "attested", "unspecified", "flagged")


@dataclass
class ModeCoverage:
    """One function's cells (activity × year): counts by certainty per year, flagged cells, and the trust
    figure: the share of cells whose mode is established (explicit, deduced or attested)."""

    id: str
    label: str
    years: dict[int, Counter[str]] = field(default_factory=dict)

    @property
    def total(self) -> Counter[str]:
        out: Counter[str] = Counter()
        for counts in self.years.values():
            out.update(counts)
        return out

    @property
    def cells(self) -> int:
        t = self.total
        return sum(t[c] for c in CERTAINTIES)

    @property
    def established(self) -> int:
        return self.cells - self.total["unspecified"]

    @property
    def trust(self) -> float:
        return self.established / self.cells if self.cells else 0.0

    def as_json(self) -> dict:
        return {
            "function": self.id,
            "label": self.label,
            "years": {str(y): {c: counts[c] for c in MATRIX_COLUMNS} for y, counts in self.years.items()},
            "cells": self.cells,
            "established": self.established,
            "trust": round(self.trust, 4),
        }


def mode_coverage(kb: KnowledgeBase, flagged: set[tuple[str, int]] | frozenset = frozenset()) -> list[ModeCoverage]:
    """Per function and year: explicit, deduced, attested, unspecified and flagged cells (`flagged`: the cells
    with an open error flag, passed in by the caller that reads storage)."""
    rows = []
    for fn in kb.functions:
        row = ModeCoverage(fn.id, fn.label)
        for year in kb.meta.years:
            counts: Counter[str] = Counter({c: 0 for c in MATRIX_COLUMNS})
            for a in fn.activities:
                if year in a.assessments:
                    counts[a.assessments[year].certainty] += 1
                    counts["flagged"] += (a.id, year) in flagged
            row.years[year] = counts
        rows.append(row)
    return rows


def format_mode_coverage(rows: list[ModeCoverage]) -> str:
    """A plain-text table: one line per function and year, then the trust figure per function."""
    head = f"{'function':<8} {'year':>4} " + " ".join(f"{c:>11}" for c in MATRIX_COLUMNS)
    lines = [head]
    for row in rows:
        for year, counts in row.years.items():
            lines.append(f"{row.id:<8} {year:>4} " + " ".join(f"{counts[c]:>11}" for c in MATRIX_COLUMNS))
    lines.append("")
    lines.append("trust (share of cells whose mode is established: explicit, deduced or attested):")
    for row in rows:
        lines.append(f"  {row.id:<8} {row.established:>4} / {row.cells:<4} {100 * row.trust:5.1f} %")
    return "\n".join(lines)
