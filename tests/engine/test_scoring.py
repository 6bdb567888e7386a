"""The scorer of the labelled sets: what it counts as right."""

from __future__ import annotations

from bot.engine import Answer
from bot.engine.answer import ProcessRef
from tests.engine.scoring import mismatches


def _about(label: str) -> Answer:
    return Answer(intent="mode_lookup", process=ProcessRef(id="x.y", label=label), text="")


def test_a_fragment_matches_the_label_in_either_spelling_of_one_word() -> None:
    assert mismatches({"intent": "mode_lookup", "process": "paie"}, _about("Paye")) == []
    assert mismatches({"intent": "mode_lookup", "process": "paye"}, _about("Réalisation des paies")) == []


def test_a_fragment_the_label_lacks_is_a_miss() -> None:
    assert mismatches({"intent": "mode_lookup", "process": "paie"}, _about("Recrutement")) != []
    assert mismatches({"intent": "evolution", "process": "paie"}, _about("Paye")) != []
