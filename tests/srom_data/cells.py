"""Reading one cell of the packaged knowledge base, and whether it cites a quote (for the audit's cell tests)."""

from __future__ import annotations

from srom_data.models import Assessment, KnowledgeBase
from srom_data.text import canonical_quote


def assessment(kb: KnowledgeBase, activity_id: str, year: int) -> Assessment:
    act = next(a for f in kb.functions for a in f.activities if a.id == activity_id)
    return act.assessments[year]


def cites(a: Assessment, quote: str) -> bool:
    wanted = canonical_quote(quote)
    return any(wanted in canonical_quote(e.quote) for e in a.evidence)
