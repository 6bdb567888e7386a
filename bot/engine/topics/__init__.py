"""Answers about the modes themselves, the governance, the structure of the SROM and its commitments, one module per
kind of answer; the names are re-exported here, so `topics.mode_list(...)` reads as before."""

from __future__ import annotations

from bot.engine.topics.bodies import governance, governance_overview, verb_stem
from bot.engine.topics.changes import map_changes
from bot.engine.topics.commitments import StatusProvider, commitments, dating
from bot.engine.topics.modes import mode_definition, mode_list
from bot.engine.topics.structure import (
    block_structure,
    map_answer,
    maps_answer,
    named_item,
    named_item_mode,
    structure,
)

__all__ = [
    "StatusProvider",
    "block_structure",
    "commitments",
    "dating",
    "governance",
    "governance_overview",
    "map_answer",
    "map_changes",
    "maps_answer",
    "mode_definition",
    "mode_list",
    "named_item",
    "named_item_mode",
    "structure",
    "verb_stem",
]
