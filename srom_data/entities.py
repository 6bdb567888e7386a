"""Every named thing of a knowledge base, with the names people may call it by."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from .models import KnowledgeBase
from .text import key

EntityKind = Literal["mode", "function", "block", "activity", "instance", "commitment", "objective", "theme"]


@dataclass(frozen=True)
class Entity:
    id: str
    kind: EntityKind
    label: str
    function: str | None = None
    names: tuple[str, ...] = field(default=(), repr=False)


def iter_entities(kb: KnowledgeBase) -> Iterator[Entity]:
    """Yield every entity with all its names: label, per-year labels, declared aliases and the lexicon's names."""
    for ent in _entities(kb):
        more = kb.lexicon.names.get(ent.id, ())
        yield Entity(ent.id, ent.kind, ent.label, ent.function, (*ent.names, *more)) if more else ent


def _entities(kb: KnowledgeBase) -> Iterator[Entity]:
    for mode in kb.modes:
        yield Entity(mode.code, "mode", mode.label, None, (mode.label, mode.label_en, *mode.aliases))
    for fn in kb.functions:
        yield Entity(fn.id, "function", fn.label, fn.id, (fn.label, fn.label_en, *fn.aliases))
        by_block: dict[str, list[str]] = defaultdict(list)
        for mp in fn.macro_processes:
            # A narrative macro-process that maps to one block is another name of that block.
            if len(mp.blocks) == 1:
                by_block[mp.blocks[0]].extend((mp.label, *mp.aliases))
        for block in fn.blocks:
            yield Entity(block.id, "block", block.label, fn.id, (block.label, *block.aliases, *by_block[block.id]))
        for act in fn.activities:
            labels = [p.label for p in act.placements.values() if p.label]
            yield Entity(act.id, "activity", act.label, fn.id, (act.label, *labels, *act.aliases))
        for item in fn.objectives:
            yield Entity(item.id, "objective", item.label, fn.id, (item.label, *item.aliases))
        for item in fn.themes:
            yield Entity(item.id, "theme", item.label, fn.id, (item.label, *item.aliases))
    for inst in kb.governance.instances:
        if inst.kind == "chamber":  # named by facts only: "CCI Pays de la Loire" is in half the questions
            continue
        names = (inst.label, *((inst.label_en,) if inst.label_en else ()), *inst.aliases)
        yield Entity(inst.id, "instance", inst.label, None, names)
    for com in kb.commitments:
        yield Entity(com.id, "commitment", com.title, com.function, (com.id, *com.aliases))


def alias_index(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    """Map each alias key to the ids it names (one id, or several for a declared ambiguous alias).

    Declared ambiguous aliases (aliases.yaml) are names in their own right: "déclarations" names both kinds.
    """
    index: dict[str, list[str]] = defaultdict(list)
    for ent in iter_entities(kb):
        for name in ent.names:
            k = key(name)
            if k and ent.id not in index[k]:
                index[k].append(ent.id)
    for amb in kb.all_ambiguous_aliases():
        k = key(amb.alias)
        index[k].extend(t for t in amb.targets if t not in index[k])
    return {k: tuple(v) for k, v in index.items()}
