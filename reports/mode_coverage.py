"""The Bureau report's section "Cartographie des modes : taux de renseignement": per function, how many cells of
the mode matrix (activity × year) are established (explicit, deduced or attested), how many remain to fill in,
how many are flagged. Pure: the rows come from srom_data.coverage.mode_coverage (knowledge base + corrections)."""

from __future__ import annotations

from collections.abc import Sequence

from srom_data.coverage import ModeCoverage

from .formats import NNBSP

TITLE = "Cartographie des modes : taux de renseignement"
INTRO = (
    "Part des cellules de la cartographie (activité × année) dont le mode est établi : cité par le texte, déduit "
    "du texte, ou attesté par un référent d'après le diagramme original."
)


def coverage_line(row: ModeCoverage) -> str:
    """« Ressources humaines (RH) : 12 cellules établies sur 56 (21 %) ; 44 à renseigner »."""
    t = row.total
    text = (
        f"{row.label} ({row.id}) : {row.established} cellules établies sur {row.cells} "
        f"({round(100 * row.trust)}{NNBSP}%) ; {t['unspecified']} à renseigner"
    )
    if t["attested"]:
        text += f" ; {t['attested']} attestée(s)"
    if t["flagged"]:
        text += f" ; {t['flagged']} signalée(s)"
    return text


def coverage_markdown(rows: Sequence[ModeCoverage]) -> str:
    if not rows:
        return ""
    lines = ["", f"## {TITLE}", "", INTRO, "", "| fonction | établies | à renseigner | attestées | signalées | taux |"]
    lines.append("| --- | --- | --- | --- | --- | --- |")
    for row in rows:
        t = row.total
        lines.append(
            f"| {row.label} ({row.id}) | {row.established} / {row.cells} | {t['unspecified']} | {t['attested']} "
            f"| {t['flagged']} | {round(100 * row.trust)}{NNBSP}% |"
        )
    return "\n".join(lines) + "\n"


def coverage_dict(rows: Sequence[ModeCoverage]) -> list[dict]:
    return [r.as_json() for r in rows]
