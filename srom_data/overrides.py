"""Corrections imported from the spreadsheet, kept apart in one file of the data folder: overrides.yaml.

The function files are written by hand, with comments and YAML anchors, so `srom data import` never rewrites
them: each correction is an {activity, year, assessment} entry of overrides.yaml, applied over the function files
when the folder is loaded and validated like the rest (known activity, a year it is placed in, verbatim quotes).
An entry that says what the function file says is dropped, so the file holds only real corrections.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .models import Activity, Assessment, KnowledgeBase, Override
from .text import canonical_quote

logger = logging.getLogger(__name__)

OVERRIDES_FILE = "overrides.yaml"
HEADER = """\
# Corrections of the mode matrix imported from the spreadsheet (`srom data import cartographie.xlsx`).
# Each entry replaces one activity's assessment for one year over what functions/*.yaml says; an `attested`
# assessment carries who read it off the original coloured diagram, and when. Written by `srom data import`:
# edit the spreadsheet and import it again rather than this file.
"""


class OverrideError(ValueError):
    """An override does not fit the knowledge base. `entity` and `field` say where (file: overrides.yaml)."""

    def __init__(self, entity: str | None, field: str, message: str) -> None:
        self.entity, self.field = entity, field
        super().__init__(message)


def parse_overrides(data: Any) -> list[Override]:
    """The entries of overrides.yaml's content; OverrideError names the entry and field of the first problem."""
    items = data.get("overrides", []) if isinstance(data, dict) else data
    if items is None:
        return []
    if not isinstance(items, list):
        raise OverrideError(None, "overrides", "expected a list of {activity, year, assessment}")
    out = []
    for i, item in enumerate(items):
        try:
            out.append(Override.model_validate(item))
        except ValidationError as exc:
            err = exc.errors()[0]
            entity = item.get("activity") if isinstance(item, dict) else None
            entity = entity if isinstance(entity, str) else None
            loc = ".".join(str(part) for part in err["loc"])
            raise OverrideError(entity, f"overrides.{i}.{loc}", err["msg"]) from None
    return out


def apply_overrides(kb: KnowledgeBase, overrides: list[Override]) -> KnowledgeBase:
    """The knowledge base with each override's assessment in place of the function file's."""
    if not overrides:
        return kb
    activities = {a.id: a for fn in kb.functions for a in fn.activities}
    source = canonical_quote(kb.source_text)
    changes: dict[str, dict[int, Assessment]] = {}
    for o in overrides:
        act = activities.get(o.activity)
        if act is None:
            raise OverrideError(o.activity, "activity", "unknown activity id")
        if o.year not in act.placements:
            placed = ", ".join(str(y) for y in sorted(act.placements))
            raise OverrideError(o.activity, "year", f"the activity is not on the {o.year} map (placed in: {placed})")
        if o.year in changes.get(o.activity, {}):
            raise OverrideError(o.activity, "year", f"two overrides for {o.year}")
        for ev in o.assessment.evidence:
            if canonical_quote(ev.quote) not in source:
                msg = f"quote not found verbatim in the source text: {ev.quote[:80]!r}"
                raise OverrideError(o.activity, f"{o.year}.assessment.evidence", msg)
        changes.setdefault(o.activity, {})[o.year] = o.assessment
    functions = tuple(
        fn.model_copy(update={"activities": tuple(_updated(a, changes.get(a.id)) for a in fn.activities)})
        for fn in kb.functions
    )
    return kb.model_copy(update={"functions": functions})


def apply_valid_overrides(kb: KnowledgeBase, overrides: list[Override]) -> KnowledgeBase:
    """Like apply_overrides, for corrections kept in the database: the latest per cell wins, and one that no
    longer fits the data folder (an activity removed from a map) is logged and skipped instead of stopping."""
    latest: dict[tuple[str, int], Override] = {}
    for o in overrides:
        latest[(o.activity, o.year)] = o
    kept = list(latest.values())
    while kept:
        try:
            return apply_overrides(kb, kept)
        except OverrideError as exc:
            logger.warning("correction of %s skipped: %s", exc.entity, exc)
            kept = [o for o in kept if o.activity != exc.entity]
    return kb


def _updated(act: Activity, changes: dict[int, Assessment] | None) -> Activity:
    if not changes:
        return act
    return act.model_copy(update={"assessments": {**act.assessments, **changes}})


def dump_overrides(overrides: list[Override]) -> str:
    import yaml  # here only: reading the data (and `srom ask`) needs no YAML writer

    entries = [o.model_dump(mode="json", exclude_defaults=True) for o in overrides]
    body = yaml.safe_dump({"overrides": entries}, allow_unicode=True, sort_keys=False, width=120)
    return HEADER + body


def write_overrides(root: Path, overrides: list[Override]) -> Path:
    """Replace overrides.yaml atomically: written to a temporary file beside it, then renamed over it."""
    path = root / OVERRIDES_FILE
    fd, tmp = tempfile.mkstemp(prefix=".overrides-", suffix=".yaml", dir=root)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(dump_overrides(overrides))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
