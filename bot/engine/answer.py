"""The engine's output: what was understood, what the SROM says, and where it says it."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Intent = Literal[
    "mode_lookup",
    "evolution",
    "mode_definition",
    "mode_list",
    "governance",
    "structure",
    "commitments",
    "clarification",
    "fallback_search",
    "help",
    "unknown",
]
Lang = Literal["fr", "en"]


class Ref(BaseModel):
    """A named thing of the knowledge base, by id and by the document's own label."""

    model_config = ConfigDict(frozen=True)

    id: str
    label: str


class ProcessRef(Ref):
    """An activity or a block; `block` is the label of the block it belongs to (None for a block itself)."""

    block: str | None = None


class ModeRef(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str
    label: str


class Source(BaseModel):
    model_config = ConfigDict(frozen=True)

    section: str
    quote: str


class MapRequest(BaseModel):
    """A picture of a function's map was asked for: one year's map, or the three years side by side."""

    model_config = ConfigDict(frozen=True)

    function: str
    year: int | None = None
    compare: bool = False


class ChartRequest(BaseModel):
    """A chart of the commitments' progress was asked for (of one function, or by function): drawn from the tracked
    progress where a file can follow the answer and the asker may see the annual report."""

    model_config = ConfigDict(frozen=True)

    function: str | None = None


class Answer(BaseModel):
    """One reply to one chat message. `text` is what the user sees (Slack mrkdwn: *bold*, _italic_, • bullets)."""

    intent: Intent
    lang: Lang = "fr"
    function: Ref | None = None
    process: ProcessRef | None = None
    year: int | None = None
    mode: ModeRef | None = None
    certainty: Literal["explicit", "deduced", "attested", "unspecified"] | None = None
    # What a deduced mode rests on: a sentence naming the item, a collective statement, or an earlier year carried
    # forward (the last two are less firm). Not in the public JSON, whose fields are fixed.
    basis: Literal["named", "collective", "carried"] | None = None
    instances: list[Ref] = Field(default_factory=list)
    candidates: list[Ref] = Field(default_factory=list)
    commitments: list[Ref] = Field(default_factory=list)
    text: str
    sources: list[Source] = Field(default_factory=list)
    # The question to ask again when the user picks a candidate (clarification buttons), per candidate id.
    followups: dict[str, str] = Field(default_factory=dict)
    # Set when the user asked to see a map: the Slack app uploads the picture, the console writes the file.
    map: MapRequest | None = None
    # Set when the user asked for a chart of the commitments' progress (the annual report's chart).
    chart: ChartRequest | None = None
    # Set when the message was a follow-up: the question it was read as, in the conversation's context.
    question: str | None = None

    def to_public_json(self) -> dict:
        """The JSON object of `srom ask --json` (the fixed public fields)."""
        return self.model_dump(
            mode="json",
            include={
                "intent",
                "function",
                "process",
                "year",
                "mode",
                "certainty",
                "instances",
                "candidates",
                "text",
                "sources",
            },
        )
