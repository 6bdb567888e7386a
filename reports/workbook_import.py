"""Read the mode-matrix spreadsheet back: validate every cell, compute what changes, write overrides.yaml.

    plan = plan_import("cartographie.xlsx", data_dir)   # WorkbookError names sheet, row and column
    print(plan.describe(kb))
    plan.write(data_dir)                                  # atomically; nothing when nothing changed

Changes go to overrides.yaml (see srom_data/overrides.py), never to the hand-written function files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from srom_data.loader import load, read_overrides
from srom_data.models import Activity, Assessment, KnowledgeBase, Override
from srom_data.overrides import apply_overrides, write_overrides

from .workbook_cells import CellProblem, SheetReader, WorkbookError, same_assessment
from .workbook_format import CERTAINTY_LABELS, README_SHEET

__all__ = ["Change", "ImportPlan", "WorkbookError", "describe", "import_summary", "plan_import", "read_workbook"]


@dataclass(frozen=True)
class Change:
    function: str
    year: int
    activity: Activity
    before: Assessment
    after: Assessment


@dataclass
class ImportPlan:
    kb: KnowledgeBase  # the knowledge base before the import (function files and the previous overrides)
    changes: list[Change] = field(default_factory=list)
    overrides: list[Override] = field(default_factory=list)
    previous_overrides: int = 0

    def write(self, data_dir: Path | str) -> Path | None:
        """Write overrides.yaml when something changed (temp file, then rename: never half-written)."""
        if not self.changes:
            return None
        return write_overrides(Path(data_dir), self.overrides)


def read_workbook(path: Path | str, kb: KnowledgeBase) -> dict[tuple[str, int], Assessment]:
    """Every (activity id, year) assessment of the workbook; WorkbookError lists every invalid cell."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise WorkbookError([CellProblem("—", 0, "—", "", f"classeur illisible ({type(exc).__name__})")]) from None
    problems: list[CellProblem] = []
    found: dict[tuple[str, int], Assessment] = {}
    functions = {fn.id: fn for fn in kb.functions}
    for ws in wb.worksheets:
        if ws.title == README_SHEET:
            continue
        fn = functions.get(ws.title)
        if fn is None:
            known = ", ".join(functions)
            problems.append(CellProblem(ws.title, 1, "A", "", f"feuille inconnue (feuilles attendues : {known})"))
            continue
        reader = SheetReader(ws, kb, fn)
        found.update(reader.read())
        problems.extend(reader.problems)
    if problems:
        raise WorkbookError(problems)
    return found


def plan_import(path: Path | str, data_dir: Path | str, corrections: list[Override] | None = None) -> ImportPlan:
    """What importing the workbook would change, validated against the data folder (with `corrections`, the
    latest of each cell in the corrections store, applied over it: the changes are then what the store lacks)."""
    base = load(data_dir, with_overrides=False)
    existing = read_overrides(Path(data_dir))
    current = apply_overrides(base, existing)
    if corrections:
        from srom_data.overrides import apply_valid_overrides

        current = apply_valid_overrides(current, corrections)
    parsed = read_workbook(path, current)
    before = _assessments(current)
    original = _assessments(base)
    kept = {(o.activity, o.year): o for o in existing}
    plan = ImportPlan(current, previous_overrides=len(existing))
    for fn in current.functions:
        for act in fn.activities:
            for year in sorted(act.assessments):
                new = parsed.get((act.id, year))
                if new is None or same_assessment(new, before[(act.id, year)]):
                    continue
                plan.changes.append(Change(fn.id, year, act, before[(act.id, year)], new))
                if same_assessment(new, original[(act.id, year)]):
                    kept.pop((act.id, year), None)  # back to what the function file says
                else:
                    kept[(act.id, year)] = Override(activity=act.id, year=year, assessment=new)
    order = {key: i for i, key in enumerate(before)}
    plan.overrides = sorted(kept.values(), key=lambda o: order[(o.activity, o.year)])
    apply_overrides(base, plan.overrides)  # the same validation the loader will do
    return plan


def _assessments(kb: KnowledgeBase) -> dict[tuple[str, int], Assessment]:
    return {
        (act.id, year): assessment
        for fn in kb.functions
        for act in fn.activities
        for year, assessment in sorted(act.assessments.items())
    }


# --- the diff, in French ---------------------------------------------------------------------------------------


def describe_assessment(kb: KnowledgeBase, a: Assessment) -> str:
    if a.mode is None:
        return "non précisé"
    text = f"{a.mode} ({kb.mode(a.mode).label}), {CERTAINTY_LABELS[a.certainty]}"
    if a.attestation is not None:
        text += f" par {a.attestation.by} le {a.attestation.date:%d/%m/%Y}"
        text += f" — {a.attestation.note}" if a.attestation.note else ""
    return text


def describe(plan: ImportPlan) -> str:
    """The changes per function and year, one line per activity."""
    kb = plan.kb
    if not plan.changes:
        return "Aucun changement : le classeur dit ce que disent déjà les données."
    lines: list[str] = []
    heading = None
    for change in plan.changes:
        if (change.function, change.year) != heading:
            heading = (change.function, change.year)
            lines.append(f"{kb.function(change.function).label} ({change.function}) — {change.year}")
        before, after = describe_assessment(kb, change.before), describe_assessment(kb, change.after)
        if before == after:
            after += " (preuves ou raisonnement modifiés)"
        lines.append(f"  • {change.activity.label_in(change.year)} [{change.activity.id}] : {before} → {after}")
    n = len(plan.changes)
    lines.append(f"{n} changement{'s' if n > 1 else ''}.")
    return "\n".join(lines)


def import_summary(plan: ImportPlan, written: Any) -> str:
    if written is None:
        return ""
    return (
        f"Enregistré dans {written} : {len(plan.overrides)} correction(s) au total (avant : {plan.previous_overrides})."
    )
