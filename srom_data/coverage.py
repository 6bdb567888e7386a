"""Coverage figures of a knowledge base: what the maps list and how much of it has a known mode."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .models import KnowledgeBase

CERTAINTIES = ("explicit", "deduced", "attested", "unspecified")


@dataclass
class FunctionCoverage:
    id: str
    label: str
    blocks: dict[int, int] = field(default_factory=dict)
    items: dict[int, int] = field(default_factory=dict)
    by_certainty: dict[int, Counter[str]] = field(default_factory=dict)


def coverage(kb: KnowledgeBase) -> list[FunctionCoverage]:
    rows = []
    for fn in kb.functions:
        row = FunctionCoverage(fn.id, fn.label)
        for year in kb.meta.years:
            row.blocks[year] = sum(1 for b in fn.blocks if year in b.years)
            row.items[year] = sum(1 for a in fn.activities if year in a.placements)
            row.by_certainty[year] = Counter(
                a.assessments[year].certainty for a in fn.activities if year in a.assessments
            )
        rows.append(row)
    return rows


def format_coverage(kb: KnowledgeBase, overrides: int = 0) -> str:
    """A plain-text table for `srom data check`; `overrides`: how many corrections overrides.yaml holds."""
    years = kb.meta.years
    lines = [f"{kb.meta.title}", ""]
    head = f"{'function':<8}" + "".join(f"{y:>8} blk {y:>5} act" for y in years)
    lines.append(head)
    totals: Counter[str] = Counter()
    attested: dict[str, int] = {}
    for row in coverage(kb):
        cells = "".join(f"{row.blocks[y]:>12} {row.items[y]:>9}" for y in years)
        lines.append(f"{row.id:<8}{cells}")
        for y in years:
            totals.update(row.by_certainty[y])
        attested[row.id] = sum(row.by_certainty[y]["attested"] for y in years)
    lines.append("")
    total = sum(totals.values()) or 1
    lines.append("assessments by certainty (all functions, all years):")
    for c in CERTAINTIES:
        lines.append(f"  {c:<12} {totals[c]:>5}  ({100 * totals[c] / total:.0f} %)")
    per_function = ", ".join(f"{fid} {n}" for fid, n in attested.items())
    lines.append(f"attested (read off the original diagrams), by function: {per_function}")
    lines.append(f"corrections imported from the spreadsheet (overrides.yaml): {overrides}")
    gov = kb.governance
    lines.append("")
    lines.append(
        f"instances: {len(gov.instances)}  facts: {len(gov.facts)}  commitments: {len(kb.commitments)}  "
        f"passages: {len(kb.passages)}"
    )
    return "\n".join(lines)
