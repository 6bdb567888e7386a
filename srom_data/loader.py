"""Load a data folder into a validated KnowledgeBase, or stop with a message naming the file, entity and field."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .cache import cache_file, cached
from .entities import alias_index, iter_entities
from .models import (
    Commitment,
    Evidence,
    Function,
    Governance,
    KnowledgeBase,
    Lexicon,
    Meta,
    Mode,
    Override,
    Passage,
)
from .overrides import OVERRIDES_FILE, OverrideError, apply_overrides, parse_overrides
from .text import canonical_quote, key

DEFAULT_DATA_DIR = Path(__file__).parent / "data" / "pays-de-la-loire"
LEXICON_FILE = "lexicon.yaml"


class DataError(Exception):
    """The knowledge base is invalid. The message names the file, the entity and the field."""

    def __init__(self, file: str, entity: str | None, field: str | None, message: str) -> None:
        self.file, self.entity, self.field, self.reason = file, entity, field, message
        where = file + (f": {entity}" if entity else "") + (f": {field}" if field else "")
        super().__init__(f"{where}: {message}")


def data_dir_from_env() -> Path:
    return Path(os.environ.get("SROM_DATA_DIR") or DEFAULT_DATA_DIR)


@cache
def load_default() -> KnowledgeBase:
    """The knowledge base of SROM_DATA_DIR (or the packaged one), loaded once per process.

    A validated copy is kept in the cache folder (see srom_data.cache), keyed by every data file and by the loader's
    own code: `srom ask` starts without parsing and checking the YAML again (a fifth of its start-up), and any change
    of a file is loaded afresh."""
    return load_cached(data_dir_from_env())


def load_cached(root: Path) -> KnowledgeBase:
    """The knowledge base of `root` from the cache folder's copy, or loaded (and copied there) when it has none."""
    return cached(cache_file("kb", root, [Path(__file__).parent]), KnowledgeBase, lambda: load(root))


def load(data_dir: Path | str, *, with_overrides: bool = True) -> KnowledgeBase:
    """Load and validate a data folder; the corrections of overrides.yaml are applied unless `with_overrides`
    is False (the import needs the function files' own assessments to tell what still differs)."""
    root = Path(data_dir)
    if not root.is_dir():
        raise DataError(str(root), None, None, "data folder not found")
    meta = _model(root, "meta.yaml", Meta, _read(root, "meta.yaml"))
    modes = _list(root, "modes.yaml", "modes", Mode)
    functions = []
    fn_dir = root / "functions"
    for path in sorted(fn_dir.glob("*.yaml")) if fn_dir.is_dir() else []:
        rel = f"functions/{path.name}"
        functions.append(_model(root, rel, Function, _read(root, rel)))
    if not functions:
        raise DataError(str(root / "functions"), None, None, "no function file (functions/*.yaml)")
    governance = _model(root, "governance.yaml", Governance, _read(root, "governance.yaml"))
    commitments = _list(root, "commitments.yaml", "commitments", Commitment)
    passages = _list(root, "passages.yaml", "passages", Passage)
    ambiguous = _read(root, "aliases.yaml").get("ambiguous", []) if (root / "aliases.yaml").exists() else []
    lexicon = _model(root, LEXICON_FILE, Lexicon, _read(root, LEXICON_FILE)) if (root / LEXICON_FILE).exists() else None
    source_path = root / meta.source_file
    if not source_path.is_file():
        raise DataError("meta.yaml", None, "source_file", f"source text {source_path} not found")
    try:
        kb = KnowledgeBase(
            meta=meta,
            modes=tuple(modes),
            functions=tuple(functions),
            governance=governance,
            commitments=tuple(commitments),
            passages=tuple(passages),
            ambiguous_aliases=tuple(ambiguous),
            lexicon=lexicon or Lexicon(),
            source_text=source_path.read_text(encoding="utf-8"),
        )
    except ValidationError as exc:
        err = exc.errors()[0]
        raise DataError("aliases.yaml/modes.yaml", None, _loc(err["loc"]), err["msg"]) from None
    check(kb)
    return _with_overrides(root, kb) if with_overrides else kb


def read_overrides(root: Path) -> list[Override]:
    """The corrections of overrides.yaml (none when the file is absent)."""
    if not (root / OVERRIDES_FILE).is_file():
        return []
    try:
        return parse_overrides(_read(root, OVERRIDES_FILE))
    except OverrideError as exc:
        raise DataError(OVERRIDES_FILE, exc.entity, exc.field, str(exc)) from None


def _with_overrides(root: Path, kb: KnowledgeBase) -> KnowledgeBase:
    try:
        return apply_overrides(kb, read_overrides(root))
    except OverrideError as exc:
        raise DataError(OVERRIDES_FILE, exc.entity, exc.field, str(exc)) from None


def _read(root: Path, rel: str) -> Any:
    path = root / rel
    if not path.is_file():
        raise DataError(rel, None, None, "file not found")
    import yaml  # only when the data is read: a start-up served from the cache never parses YAML

    from .yaml_files import StrictLoader

    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=StrictLoader)
    except yaml.YAMLError as exc:
        raise DataError(rel, None, None, f"not valid YAML: {exc}") from None
    return data if data is not None else {}


def _model(root: Path, rel: str, model: type, data: Any) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise DataError(rel, _entity_at(data, err["loc"]), _loc(err["loc"]), err["msg"]) from None


def _list(root: Path, rel: str, field: str, model: type) -> list[Any]:
    data = _read(root, rel)
    items = data.get(field) if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise DataError(rel, None, field, "expected a list")
    return [_model(root, rel, model, item) for item in items]


def _loc(loc: Iterable[Any]) -> str:
    return ".".join(str(part) for part in loc)


def _entity_at(data: Any, loc: Iterable[Any]) -> str | None:
    """The id of the innermost object on the error's path that has one."""
    found = data.get("id") if isinstance(data, dict) else None
    node = data
    for part in loc:
        try:
            node = node[part] if not isinstance(node, dict) else node.get(part, node.get(str(part)))
        except (IndexError, KeyError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            found = node["id"]
    return found


# --- cross-file checks -------------------------------------------------------------------------------------------


def check(kb: KnowledgeBase) -> None:
    """Checks that span several objects: ids, references, years, quotes, aliases."""
    years = set(kb.meta.years)
    _check_unique_ids(kb)
    function_ids = {f.id for f in kb.functions}
    for fn in kb.functions:
        rel = f"functions/{fn.id.lower()}.yaml"
        blocks = {b.id: b for b in fn.blocks}
        for block in fn.blocks:
            if bad := set(block.years) - years:
                raise DataError(rel, block.id, "years", f"year(s) {sorted(bad)} not in meta.years {sorted(years)}")
        for mp in fn.macro_processes:
            for b in mp.blocks:
                if b not in blocks:
                    raise DataError(rel, mp.id, "blocks", f"unknown block '{b}'")
        for note in fn.map_notes:
            if note.year not in years:
                raise DataError(rel, None, "map_notes.year", f"year {note.year} not in meta.years")
        for act in fn.activities:
            for year, placement in act.placements.items():
                if year not in years:
                    raise DataError(rel, act.id, f"placements.{year}", f"year not in meta.years {sorted(years)}")
                if act.kind == "activity" and placement.block is None:
                    raise DataError(rel, act.id, f"placements.{year}.block", "a map activity needs its block")
                if placement.block is not None:
                    block = blocks.get(placement.block)
                    if block is None:
                        raise DataError(rel, act.id, f"placements.{year}.block", f"unknown block '{placement.block}'")
                    if year not in block.years:
                        msg = f"block '{block.id}' is not on the {year} map"
                        raise DataError(rel, act.id, f"placements.{year}.block", msg)
    instance_ids = {i.id for i in kb.governance.instances}
    for com in kb.commitments:
        if com.function not in function_ids and com.function not in kb.meta.function_codes:
            raise DataError("commitments.yaml", com.id, "function", f"unknown function '{com.function}'")
        if com.decided_by is not None and com.decided_by not in instance_ids:
            raise DataError("commitments.yaml", com.id, "decided_by", f"unknown instance '{com.decided_by}'")
    for inst in kb.governance.instances:
        if inst.function is not None and inst.function not in function_ids:
            raise DataError("governance.yaml", inst.id, "function", f"unknown function '{inst.function}'")
    for fact in kb.governance.facts:
        for inst in fact.instances:
            if inst not in instance_ids:
                raise DataError("governance.yaml", fact.id, "instances", f"unknown instance '{inst}'")
    for mode in kb.modes:
        for d in mode.distinctions:
            if d.other == mode.code:
                raise DataError("modes.yaml", mode.code, "distinctions.other", "a mode is not distinct from itself")
    known = {ent.id for ent in iter_entities(kb)}
    for entity in kb.lexicon.names:
        if entity not in known:
            raise DataError(LEXICON_FILE, entity, "names", f"unknown entity '{entity}'")
    _check_quotes(kb)
    _check_aliases(kb)


def _check_unique_ids(kb: KnowledgeBase) -> None:
    seen: dict[str, str] = {}
    for ent in iter_entities(kb):
        file = _file_of(kb, ent.function, ent.kind)
        if ent.id in seen:
            raise DataError(file, ent.id, "id", f"duplicate id (also used in {seen[ent.id]})")
        seen[ent.id] = file
    for fn in kb.functions:
        for mp in fn.macro_processes:
            if mp.id in seen:
                raise DataError(f"functions/{fn.id.lower()}.yaml", mp.id, "id", "duplicate id")
            seen[mp.id] = fn.id
    counts = Counter(p.id for p in kb.passages)
    if dup := [i for i, n in counts.items() if n > 1]:
        raise DataError("passages.yaml", dup[0], "id", "duplicate id")
    counts = Counter(f.id for f in kb.governance.facts)
    if dup := [i for i, n in counts.items() if n > 1]:
        raise DataError("governance.yaml", dup[0], "id", "duplicate id")


def _file_of(kb: KnowledgeBase, function: str | None, kind: str) -> str:
    if kind == "mode":
        return "modes.yaml"
    if kind == "instance":
        return "governance.yaml"
    if kind == "commitment":
        return "commitments.yaml"
    return f"functions/{(function or '').lower()}.yaml"


def iter_evidence(kb: KnowledgeBase) -> Iterator[tuple[str, str, str, Evidence]]:
    """Every quote of the knowledge base as (file, entity id, field, evidence)."""
    for mode in kb.modes:
        yield "modes.yaml", mode.code, "definition", mode.definition
    for fn in kb.functions:
        rel = f"functions/{fn.id.lower()}.yaml"
        for ev in fn.introduction:
            yield rel, fn.id, "introduction", ev
        for block in fn.blocks:
            if block.description:
                yield rel, block.id, "description", block.description
        for mp in fn.macro_processes:
            yield rel, mp.id, "description", mp.description
        for note in fn.map_notes:
            yield rel, fn.id, f"map_notes.{note.year}", note.evidence
        for statement in fn.statements:
            where = f"statements.{'before ' if statement.before else ''}{statement.year}"
            yield rel, fn.id, where, statement.evidence
        for item in (*fn.objectives, *fn.themes):
            if item.evidence:
                yield rel, item.id, "evidence", item.evidence
        for act in fn.activities:
            for year, assessment in act.assessments.items():
                for ev in assessment.evidence:
                    yield rel, act.id, f"assessments.{year}.evidence", ev
    gov = kb.governance
    for ev in gov.introduction:
        yield "governance.yaml", None, "introduction", ev
    for inst in gov.instances:
        if inst.composition:
            yield "governance.yaml", inst.id, "composition", inst.composition
        for role in inst.roles:
            yield "governance.yaml", inst.id, f"roles.{role.verb}", role.evidence
        for ren in inst.renamed_from:
            yield "governance.yaml", inst.id, "renamed_from", ren.evidence
    for fact in gov.facts:
        for ev in fact.evidence:
            yield "governance.yaml", fact.id, "evidence", ev
    for com in kb.commitments:
        for ev in com.evidence:
            yield "commitments.yaml", com.id, "evidence", ev


def _check_quotes(kb: KnowledgeBase) -> None:
    source = canonical_quote(kb.source_text)
    for file, entity, field, ev in iter_evidence(kb):
        if canonical_quote(ev.quote) not in source:
            raise DataError(file, entity, field, f"quote not found verbatim in the source text: {ev.quote[:80]!r}")
    for p in kb.passages:
        if canonical_quote(p.text) not in source:
            raise DataError("passages.yaml", p.id, "text", f"passage not found verbatim in the source: {p.text[:80]!r}")


def _check_aliases(kb: KnowledgeBase) -> None:
    ids = {e.id for e in iter_entities(kb)}
    declared: dict[str, set[str]] = {}
    for amb in kb.all_ambiguous_aliases():
        for target in amb.targets:
            if target not in ids:
                raise DataError("aliases.yaml", amb.alias, "targets", f"unknown alias target '{target}'")
        declared.setdefault(key(amb.alias), set()).update(amb.targets)
    for alias, targets in alias_index(kb).items():
        if len(targets) > 1 and not set(targets) <= declared.get(alias, set()):
            msg = f"alias '{alias}' names several entities {list(targets)}; declare it in aliases.yaml (ambiguous)"
            raise DataError("aliases.yaml", alias, "ambiguous", msg)
