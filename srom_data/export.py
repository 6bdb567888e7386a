"""Export a knowledge base as one JSON document or as the cartography matrix in CSV."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .cells import csv_cell
from .models import KnowledgeBase


def to_json(kb: KnowledgeBase) -> str:
    """The whole knowledge base; every quote under `quote`, every assessment with `mode`, `certainty` and `basis`."""
    data: dict[str, Any] = kb.model_dump(mode="json", exclude={"source_text"})
    return json.dumps(data, ensure_ascii=False, indent=2)


def matrix_rows(kb: KnowledgeBase) -> list[dict[str, Any]]:
    rows = []
    for fn in kb.functions:
        blocks = {b.id: b.label for b in fn.blocks}
        for act in fn.activities:
            for year in kb.meta.years:
                if year not in act.placements:
                    continue
                placement, assessment = act.placements[year], act.assessments[year]
                rows.append(
                    {
                        "function": fn.id,
                        "block": blocks.get(placement.block or "", ""),
                        "activity": act.label_in(year),
                        "activity_id": act.id,
                        "year": year,
                        "mode": assessment.mode or "",
                        "certainty": assessment.certainty,
                        "basis": assessment.basis or "",
                    }
                )
    return rows


def to_csv(kb: KnowledgeBase) -> str:
    out = io.StringIO()
    fields = ["function", "block", "activity", "activity_id", "year", "mode", "certainty", "basis"]
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in matrix_rows(kb))
    return out.getvalue()
