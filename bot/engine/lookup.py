"""Read-only views of the knowledge base that the replies need: items, their blocks, their modes per year."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from bot.engine.answer import Answer, ModeRef, ProcessRef, Ref, Source
from bot.engine.normalize import tokenize
from bot.engine.search import PassageSearch
from srom_data.models import Activity, Assessment, Block, Evidence, Function, KnowledgeBase, NamedItem, Passage
from srom_data.text import fold

CERTAINTY_RANK = {"explicit": 0, "attested": 1, "deduced": 2, "unspecified": 3}
BASIS_RANK = {"named": 0, "collective": 1, "carried": 2}


@dataclass(frozen=True)
class Item:
    """An activity (or action) or a block, with its function."""

    function: Function
    activity: Activity | None = None
    block: Block | None = None

    @property
    def id(self) -> str:
        return self.activity.id if self.activity else self.block.id  # type: ignore[union-attr]

    @property
    def label(self) -> str:
        return self.activity.label if self.activity else self.block.label  # type: ignore[union-attr]

    @property
    def years(self) -> tuple[int, ...]:
        if self.activity:
            return tuple(sorted(self.activity.placements))
        return tuple(sorted(self.block.years))  # type: ignore[union-attr]


class KnowledgeView:
    def __init__(self, kb: KnowledgeBase, search: PassageSearch) -> None:
        self.kb = kb
        self.search = search
        self.years = tuple(kb.meta.years)
        self.items: dict[str, Item] = {}
        self.blocks: dict[str, tuple[Function, Block]] = {}
        for fn in kb.functions:
            for block in fn.blocks:
                self.blocks[block.id] = (fn, block)
                self.items[block.id] = Item(fn, block=block)
            for act in fn.activities:
                self.items[act.id] = Item(fn, activity=act)
        # each block's activities on each year's map, in their function's order: asked of every block named
        self._in_block: dict[tuple[str, int], list[Activity]] = {}
        # and on any map: each block's activities, each activity's blocks
        self.parts: dict[str, set[str]] = {}
        self.blocks_of: dict[str, set[str]] = {}
        for block_id, (fn, _) in self.blocks.items():
            for act in fn.activities:
                for year, placement in act.placements.items():
                    if placement.block == block_id:
                        self._in_block.setdefault((block_id, year), []).append(act)
                        self.parts.setdefault(block_id, set()).add(act.id)
                        self.blocks_of.setdefault(act.id, set()).add(block_id)
        self.named: dict[str, tuple[Function, NamedItem]] = {
            item.id: (fn, item) for fn in kb.functions for item in (*fn.objectives, *fn.themes)
        }
        self.functions = {f.id: f for f in kb.functions}
        self._function_of_label = {f.label: f.id for f in kb.functions}
        self.instances = {i.id: i for i in kb.governance.instances}
        self.commitments = {c.id: c for c in kb.commitments}
        self.modes = {m.code: m for m in kb.modes}
        self._nearest: dict[tuple[str, int | None, int], list[Passage]] = {}
        self._function_refs: dict[str, Ref] = {}
        self._mode_refs: dict[str, ModeRef] = {}
        self._process_refs: dict[tuple[str, int | None], ProcessRef] = {}
        # One thing named differently on successive maps ("Paye" in 2013, "Réalisation des paies" after), as the
        # data declares it: a shared name whose items never stand on the same map.
        self.other_names: dict[str, list[str]] = {}
        for amb in kb.all_ambiguous_aliases():
            ids = [t for t in amb.targets if t in self.items]
            spans = [set(self.items[t].years) for t in ids]
            if len(ids) == len(amb.targets) > 1 and sum(map(len, spans)) == len(set().union(*spans)):
                for t in ids:
                    self.other_names.setdefault(t, []).extend(o for o in ids if o != t)

    @functools.cached_property
    def folded_passages(self) -> list[tuple[Passage, str]]:
        """Every passage with its folded text, folded on first need and once (a body's name is looked for in all
        of them)."""
        return [(p, fold(p.text).lower()) for p in self.kb.passages]

    def predecessor(self, item: Item, year: int) -> Item | None:
        """The item that stands for this one on a year's map where it is absent, if the data says so."""
        for other in self.other_names.get(item.id, []):
            if year in self.items[other].years:
                return self.items[other]
        return None

    # -- references ---------------------------------------------------------------------------------------------

    # (each made once: they are frozen, and an answer's validation costs more than the answer's own work)

    def function_ref(self, fn: Function) -> Ref:
        ref = self._function_refs.get(fn.id)
        if ref is None:
            ref = self._function_refs[fn.id] = Ref(id=fn.id, label=fn.label)
        return ref

    def mode_ref(self, code: str | None) -> ModeRef | None:
        if not code:
            return None
        ref = self._mode_refs.get(code)
        if ref is None:
            ref = self._mode_refs[code] = ModeRef(code=code, label=self.modes[code].label)
        return ref

    def process_ref(self, item: Item, year: int | None = None) -> ProcessRef:
        ref = self._process_refs.get((item.id, year))
        if ref is None:
            ref = self._process_refs[(item.id, year)] = self._process_ref(item, year)
        return ref

    def _process_ref(self, item: Item, year: int | None) -> ProcessRef:
        if item.activity:
            block_label = None
            years = [year] if year in item.activity.placements else sorted(item.activity.placements, reverse=True)
            for y in years:
                placement = item.activity.placements[y]
                if placement.block:
                    block_label = self.blocks[placement.block][1].label
                    break
            label = item.activity.label_in(year) if year in item.activity.placements else item.label
            return ProcessRef(id=item.id, label=label, block=block_label)
        return ProcessRef(id=item.id, label=item.label, block=None)

    def label_of(self, entity_id: str) -> str:
        if entity_id in self.items:
            return self.items[entity_id].label
        if entity_id in self.functions:
            return self.functions[entity_id].label
        if entity_id in self.instances:
            return self.instances[entity_id].label
        if entity_id in self.commitments:
            return f"{entity_id} — {self.commitments[entity_id].title}"
        if entity_id in self.modes:
            return self.modes[entity_id].label
        if entity_id in self.named:
            return self.named[entity_id][1].label
        return entity_id

    def describe(self, entity_id: str) -> str:
        """A label that tells two same-named things apart: "Communication (Systèmes d'information)"."""
        label = self.label_of(entity_id)
        fid = self.function_of(entity_id)
        if entity_id in self.functions:
            return f"{label} (fonction)"
        if entity_id in self.named:
            fn, item = self.named[entity_id]
            kind = "objectif" if item in fn.objectives else "thème"
            return f"{label} ({kind}, {fn.label})"
        item = self.items.get(entity_id)
        if item and item.activity:
            block = self.process_ref(item).block
            return f"{label} ({block + ', ' if block else ''}{item.function.label})"
        if item and item.block:
            return f"{label} (bloc, {item.function.label})"
        if fid in self.functions:
            return f"{label} ({self.functions[fid].label})"
        if entity_id in self.instances:
            return f"{label} (gouvernance)"
        return label

    def function_of(self, entity_id: str) -> str | None:
        if entity_id in self.items:
            return self.items[entity_id].function.id
        if entity_id in self.commitments:
            return self.commitments[entity_id].function
        if entity_id in self.named:
            return self.named[entity_id][0].id
        return None

    def function_of_section(self, section: str) -> str | None:
        """The function a section of the document is part of ("Ressources humaines — état des lieux 2013": RH)."""
        return self._function_of_label.get(section.split(" — ", 1)[0])

    def sourced_function(self, answer: Answer) -> Answer:
        """A passage or a body's role quoted from one function's part of the document is about that function
        ("qui animait le groupe des responsables com en 2013 ?" is answered from the communication part), when the
        question named none: the answer is about that function, and a follow-up ("et en 2021 ?") carries it."""
        if answer.function is not None or answer.intent not in ("fallback_search", "governance") or not answer.sources:
            return answer
        owners = {self.function_of_section(s.section) for s in answer.sources}
        if len(owners) != 1 or None in owners:
            return answer
        return answer.model_copy(update={"function": self.function_ref(self.functions[owners.pop()])})

    # -- an item of the maps: its modes, the maps it is on, its block ---------------------------------------------
    # (asked by the ranking of homonyms and by the answers; moved from ranking.py, which ranks the names matched)

    def has_mode(self, entity_id: str, modes: list[str], years: list[int], stated: bool = False) -> bool:
        """The item has one of `modes` in one of `years`; `stated`: as the text's own words (explicit or
        attested), not deduced."""
        item = self.items.get(entity_id)
        if item is None:
            return False
        for y in years or item.years:
            if y in item.years:
                mode, certainty = self.summary(item, y)
                if mode in modes and (not stated or certainty in ("explicit", "attested")):
                    return True
        return False

    def mode_changes(self, entity_id: str) -> bool:
        item = self.items.get(entity_id)
        return item is not None and len({self.summary(item, y)[0] for y in item.years} - {None}) > 1

    def drawn(self, entity_id: str) -> bool:
        """An activity or a block drawn on a map (an action of the narrative is not)."""
        item = self.items.get(entity_id)
        return item is not None and not (item.activity is not None and item.activity.kind == "action")

    def later(self, entity_id: str, years: list[int]) -> bool:
        """The item is first mapped after every one of `years`."""
        item = self.items.get(entity_id)
        return item is not None and min(item.years) > max(years)

    def present(self, entity_id: str, years: list[int]) -> bool:
        item = self.items.get(entity_id)
        return item is None or any(y in item.years for y in years)

    def related(self, a: str, b: str) -> bool:
        """A block and one of its own activities are one subject, not a choice to offer."""
        ia, ib = self.items.get(a), self.items.get(b)
        if not ia or not ib:
            return False
        for x, y in ((ia, ib), (ib, ia)):
            if x.block and y.activity and any(p.block == x.block.id for p in y.activity.placements.values()):
                return True
        return False

    # -- modes ----------------------------------------------------------------------------------------------------

    def activities_of_block(self, block_id: str, year: int) -> list[Activity]:
        return list(self._in_block.get((block_id, year), ()))  # a copy: the caller may extend it

    def assessments(self, item: Item, year: int) -> list[tuple[Activity, Assessment]]:
        if item.activity:
            a = item.activity.assessments.get(year)
            return [(item.activity, a)] if a else []
        return [(act, act.assessments[year]) for act in self.activities_of_block(item.id, year)]

    def summary(self, item: Item, year: int) -> tuple[str | None, str | None]:
        """The item's mode and certainty in a year; for a block, only when all its activities agree."""
        pairs = self.assessments(item, year)
        if not pairs:
            return None, None
        modes = {a.mode for _, a in pairs}
        if len(modes) != 1:
            return None, None
        certainty = max((a.certainty for _, a in pairs), key=lambda c: CERTAINTY_RANK[c])
        return next(iter(modes)), certainty

    def basis(self, item: Item, year: int) -> str | None:
        """What the item's deduced mode rests on in a year (for a block, the weakest of its deduced activities)."""
        bases = [a.basis for _, a in self.assessments(item, year) if a.basis]
        return max(bases, key=lambda b: BASIS_RANK[b]) if bases else None

    # -- evidence -------------------------------------------------------------------------------------------------

    @staticmethod
    def sources(evidence: tuple[Evidence, ...] | list[Evidence]) -> list[Source]:
        return [source(e.section, e.quote) for e in evidence]

    def nearest_passages(self, item: Item, year: int | None, limit: int = 1) -> list[Passage]:
        """The narrative closest to an item whose mode the text does not give: same function, same year first.
        Memoised: the knowledge base does not change under a view."""
        memo = (item.id, year, limit)
        if memo not in self._nearest:
            self._nearest[memo] = self._nearest_passages(item, year, limit)
        return self._nearest[memo]

    def _nearest_passages(self, item: Item, year: int | None, limit: int) -> list[Passage]:
        words = tokenize(item.label.lower())
        hits = [h.passage for h in self.search.search(words, limit=10)]
        fid = item.function.id
        ranked = [p for p in hits if p.function == fid and (year is None or p.year == year)]
        ranked += [p for p in self.kb.passages if p.function == fid and p.year == year and p not in ranked]
        ranked += [p for p in hits if p.function == fid and p not in ranked]
        return ranked[:limit]


@functools.cache  # the text's evidence: a few hundred quotes, each a frozen model made once
def source(section: str, quote: str) -> Source:
    """A source of the text: the same model for the same quote."""
    return Source(section=section, quote=quote)


@functools.cache  # the knowledge base's bodies and commitments, by their own label
def ref(id: str, label: str) -> Ref:
    """A named thing of the knowledge base: the same model for the same thing."""
    return Ref(id=id, label=label)
