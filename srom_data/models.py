"""Pydantic models of a SROM knowledge base.

The data files under a data folder are validated into these models once, at start-up. Field names are English;
labels, quotes and descriptions are the document's own French text.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

ModeCode = Literal["A", "C", "H", "M", "I"]
Certainty = Literal["explicit", "deduced", "attested", "unspecified"]
# What a deduction rests on, from the firmest to the weakest: a sentence that names the item ("named"), a statement
# about a whole function, block or period extended to the item ("collective"), or the mode of an earlier year
# carried forward by a statement of continuity ("carried").
Basis = Literal["named", "collective", "carried"]
BASES: tuple[Basis, ...] = ("named", "collective", "carried")
ActivityKind = Literal["activity", "action"]

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"


class Strict(BaseModel):
    # defer_build: a model's validator is built at its first validation, so a knowledge base read back from the
    # cache folder (srom_data.cache), never validated again, costs `srom ask` no schema building at import
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Evidence(Strict):
    """A verbatim quote of the source text and the section it comes from."""

    section: str = Field(min_length=1)
    quote: str = Field(min_length=3)


class Attestation(Strict):
    """A mode read off the original coloured diagram by a member of staff (no quote: the text lost it)."""

    by: str = Field(min_length=1)
    date: dt.date
    source: str = "diagramme original"
    note: str | None = None
    by_id: str | None = None  # the Slack user id of who attested it from Slack (cited as a mention)


class Assessment(Strict):
    """What the SROM says of one item's management mode in one year, and what that rests on."""

    mode: ModeCode | None = None
    certainty: Certainty
    basis: Basis | None = None  # deduced only: how firm the deduction is
    rationale: str | None = None
    evidence: tuple[Evidence, ...] = ()
    attestation: Attestation | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Assessment:
        if self.basis is not None and self.certainty != "deduced":
            raise ValueError(f"only a 'deduced' assessment has a basis (this one is '{self.certainty}')")
        if self.certainty == "unspecified":
            if self.mode is not None:
                raise ValueError("an 'unspecified' assessment has no mode (mode must be null)")
            return self
        if self.mode is None:
            raise ValueError(f"a '{self.certainty}' assessment needs a mode")
        if self.certainty == "attested":
            if self.attestation is None:
                raise ValueError("an 'attested' assessment needs an attestation (by, date)")
            return self
        if not self.evidence:
            raise ValueError(f"a '{self.certainty}' assessment needs at least one evidence quote")
        if self.certainty == "deduced" and not (self.rationale and self.rationale.strip()):
            raise ValueError("a 'deduced' assessment needs a one-sentence rationale")
        if self.certainty == "deduced" and self.basis is None:
            raise ValueError("a 'deduced' assessment needs a basis: named, collective or carried")
        return self


class Override(Strict):
    """A correction imported from the spreadsheet (overrides.yaml): one activity's assessment for one year,
    applied over what its function file says."""

    activity: str = Field(pattern=ID_PATTERN)
    year: int
    assessment: Assessment


class Distinction(Strict):
    """What separates a mode from a neighbouring one."""

    other: ModeCode
    text: str


class Mode(Strict):
    code: ModeCode
    label: str
    label_en: str
    definition: Evidence
    distinctions: tuple[Distinction, ...] = ()
    aliases: tuple[str, ...] = ()
    # everyday words of a case the mode describes ("confier à CCI France", "chacun dans son coin"): read only to
    # tell which mode a case described is, never as the mode's name
    plain: tuple[str, ...] = ()


class Placement(Strict):
    """Where an item stands on one year's map, under the label that map uses."""

    block: str | None = None
    label: str | None = None


class Block(Strict):
    """A macro-process block of a function's map."""

    id: str = Field(pattern=ID_PATTERN)
    label: str
    years: tuple[int, ...]
    aliases: tuple[str, ...] = ()
    description: Evidence | None = None


class Activity(Strict):
    """An activity of a map (kind 'activity') or a named action of a function without a map (kind 'action').

    The id is stable across years; `placements` says on which years' maps it appears, in which block and under
    which label; `assessments` gives its mode for each of those years.
    """

    id: str = Field(pattern=ID_PATTERN)
    label: str
    kind: ActivityKind = "activity"
    aliases: tuple[str, ...] = ()
    placements: dict[int, Placement]
    assessments: dict[int, Assessment]

    @model_validator(mode="after")
    def _years_match(self) -> Activity:
        missing = sorted(set(self.placements) - set(self.assessments))
        extra = sorted(set(self.assessments) - set(self.placements))
        if missing:
            raise ValueError(f"assessments: missing for year(s) {missing} where the item is placed")
        if extra:
            raise ValueError(f"assessments: year(s) {extra} where the item is not placed")
        return self

    def label_in(self, year: int) -> str:
        placement = self.placements.get(year)
        return placement.label if placement and placement.label else self.label


class MacroProcess(Strict):
    """One of the named macro-processes of a function's narrative, with its one-line description."""

    id: str = Field(pattern=ID_PATTERN)
    label: str
    description: Evidence
    blocks: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


class MapNote(Strict):
    """A statement written on a map beside the blocks (e.g. 'Autonomie sur les outils informatiques')."""

    year: int
    evidence: Evidence


class NamedItem(Strict):
    """An objective, a theme or another named thing of a function, with its quote."""

    id: str = Field(pattern=ID_PATTERN)
    label: str
    description: str | None = None
    evidence: Evidence | None = None
    aliases: tuple[str, ...] = ()


class AmbiguousAlias(Strict):
    alias: str
    targets: tuple[str, ...] = Field(min_length=2)


class FunctionStatement(Strict):
    """A mode the text names for a whole function in a year ("renforcer la « mutualisation » (mode M) des
    activités"): explicit, with its quote, and never copied onto the activities the text leaves silent."""

    year: int
    mode: ModeCode
    evidence: Evidence
    before: bool = False  # the mode the function had before this year's map ("Avant 2013, … de manière autonome")


class Function(Strict):
    id: str = Field(pattern=r"^[A-Z]{2,6}$")
    label: str
    label_en: str
    aliases: tuple[str, ...] = ()
    introduction: tuple[Evidence, ...]
    blocks: tuple[Block, ...] = ()
    activities: tuple[Activity, ...] = ()
    macro_processes: tuple[MacroProcess, ...] = ()
    map_notes: tuple[MapNote, ...] = ()
    objectives: tuple[NamedItem, ...] = ()
    themes: tuple[NamedItem, ...] = ()
    statements: tuple[FunctionStatement, ...] = ()
    # Names deliberately shared by several entities (e.g. "déclarations"): the bot asks which one is meant.
    ambiguous_aliases: tuple[AmbiguousAlias, ...] = ()


class Role(Strict):
    """What an instance does, as the verb the document uses."""

    verb: str
    text: str
    evidence: Evidence


class Renaming(Strict):
    old: str
    new: str
    evidence: Evidence


class Instance(Strict):
    """A governance body, office, commission or group, an agreement the governance follows (the COM), or a chamber
    of the network that a fact names as its actor (a chamber is not a body of the governance: it is never matched by
    its name alone, which most questions carry, and the list of the governance's bodies leaves it out)."""

    id: str = Field(pattern=ID_PATTERN)
    label: str
    label_en: str | None = None
    kind: Literal["instance", "office", "commission", "group", "agreement", "chamber"] = "instance"
    function: str | None = None  # the support function a body belongs to (the DRH régionale: RH), if only one
    aliases: tuple[str, ...] = ()
    composition: Evidence | None = None
    roles: tuple[Role, ...] = ()
    renamed_from: tuple[Renaming, ...] = ()


class Fact(Strict):
    """An institutional fact with a 'who' answer (who signs the regional public contracts, ...)."""

    id: str = Field(pattern=ID_PATTERN)
    question: str
    answer: str
    instances: tuple[str, ...] = ()
    function: str | None = None
    year: int | None = None
    keywords: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = Field(min_length=1)


class Governance(Strict):
    introduction: tuple[Evidence, ...] = ()
    instances: tuple[Instance, ...]
    facts: tuple[Fact, ...] = ()
    ambiguous_aliases: tuple[AmbiguousAlias, ...] = ()


class Commitment(Strict):
    """A commitment of the SROM, dated as the text dates it. Its id never changes once published.

    `year` is the horizon the text gives it (2021 when it says "d'ici 2021" or states it in a 2021 projection),
    None when the text gives none; `decided` and `decided_by` say when and by whom the text says it was decided
    (the SI decisions of the Bureau of 29 May 2015, reported by the 2017 status, are not 2021 targets).
    """

    id: str = Field(pattern=r"^[A-Z]{2,6}-[1-9][0-9]*$")
    function: str
    title: str = Field(min_length=3, max_length=120)
    description: str
    year: int | None = None
    decided: dt.date | None = None
    decided_by: str | None = None  # an instance id of governance.yaml
    evidence: tuple[Evidence, ...] = Field(min_length=1)
    aliases: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _dated_by_someone(self) -> Commitment:
        if (self.decided is None) != (self.decided_by is None):
            raise ValueError("'decided' and 'decided_by' go together (when, and which instance)")
        return self


class Passage(Strict):
    """A piece of the narrative, for full-text search and citations."""

    id: str = Field(pattern=ID_PATTERN)
    function: str | None = None
    section: str
    year: int | None = None
    text: str


class Meta(Strict):
    region: str
    title: str
    source_file: str = "source.txt"
    years: tuple[int, ...]
    year_labels: dict[int, str]
    function_codes: dict[str, str] = {}


class Lexicon(Strict):
    """How people write about the SROM (lexicon.yaml): shortenings and spellings to the words they stand for,
    English words to the French words of the text, everyday words to the one word of the names they stand for, and
    more names of entities (English mostly). Keys are folded single words."""

    abbreviations: dict[str, str] = {}
    spellings: dict[str, str] = {}
    english: dict[str, str] = {}
    everyday: dict[str, str] = {}
    names: dict[str, tuple[str, ...]] = {}

    @field_validator("abbreviations", "spellings", "english", "everyday")
    @classmethod
    def _single_folded_words(cls, words: dict[str, str]) -> dict[str, str]:
        for word in words:
            if not re.fullmatch(r"[a-z0-9]+", word):
                raise ValueError(f"'{word}' is not one folded word (lower case, no accent, no space)")
        return words


class KnowledgeBase(BaseModel):
    """The whole validated knowledge base of one SROM."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    meta: Meta
    modes: tuple[Mode, ...]
    functions: tuple[Function, ...]
    governance: Governance
    commitments: tuple[Commitment, ...]
    passages: tuple[Passage, ...]
    ambiguous_aliases: tuple[AmbiguousAlias, ...] = ()
    lexicon: Lexicon = Lexicon()
    source_text: str = Field(repr=False)

    @field_validator("modes")
    @classmethod
    def _five_modes(cls, modes: tuple[Mode, ...]) -> tuple[Mode, ...]:
        codes = [m.code for m in modes]
        if sorted(codes) != sorted(set(codes)):
            raise ValueError(f"duplicate mode code in {codes}")
        return modes

    def all_ambiguous_aliases(self) -> tuple[AmbiguousAlias, ...]:
        """Declared ambiguous aliases of aliases.yaml, of every function file and of governance.yaml."""
        per_file = (a for f in self.functions for a in f.ambiguous_aliases)
        return (*self.ambiguous_aliases, *per_file, *self.governance.ambiguous_aliases)

    def mode(self, code: str) -> Mode:
        return next(m for m in self.modes if m.code == code)

    def function(self, function_id: str) -> Function:
        return next(f for f in self.functions if f.id == function_id)
