"""How firm a deduced mode is shows in the answer: a sentence naming the item, a collective statement, or a mode
carried forward from an earlier year (the last two said to be less firm and to be confirmed)."""

from __future__ import annotations

import pytest

from bot.engine import Engine


@pytest.mark.parametrize(
    ("question", "certainty", "basis", "said"),
    [
        ("mode pour la paie en 2017 ?", "deduced", "named", "ou du libellé de la carte, qui nomme"),
        ("mode de la paie en 2021 ?", "deduced", "carried", "Moins sûr : le mode d'une année antérieure, reporté"),
        (
            "mode de la gestion des temps et des absences en 2017 ?",
            "deduced",
            "collective",
            "Moins sûr : déduit d'un énoncé",
        ),
        ("how is AMOA handled in 2021?", "deduced", "carried", "Less firm: an earlier year's mode, carried forward"),
        ("mode comptabilité sociale finances 2017", "explicit", None, "explicite dans le texte"),
    ],
)
def test_a_deduced_mode_says_what_it_rests_on(engine: Engine, question, certainty, basis, said):
    answer = engine.answer(question)
    assert answer.intent == "mode_lookup"
    assert (answer.certainty, answer.basis) == (certainty, basis)
    assert said in answer.text


def test_a_collective_deduction_is_flagged_in_lists_and_evolutions(engine: Engine):
    block = engine.answer("SI et infrastructure 2017 ?")
    assert "déduit du texte — énoncé d'ensemble, moins sûr" in block.text
    assert block.basis == "collective"
    evolution = engine.answer("évolution de la paie")
    assert "(déduit du texte — activité nommée)" in evolution.text
    assert "(déduit du texte — reporté, moins sûr)" in evolution.text
    assert "« reporté » : le mode d'une année antérieure" in evolution.text
    listing = engine.answer("activités mutualisées en 2017")
    assert "(déduit du texte — énoncé d'ensemble, moins sûr)" in listing.text and "Moins sûrs" in listing.text


def test_the_public_json_keeps_its_fixed_fields(engine: Engine):
    assert "basis" not in engine.answer("mode pour la paie en 2017 ?").to_public_json()


@pytest.mark.parametrize("question", ["mode de la trésorerie en 2013 ?", "compta client en 2013 c'était autonome ?"])
def test_a_note_beside_the_map_about_tools_gives_no_activity_a_mode(engine: Engine, question: str):
    # the 2013 finance map's note "Autonomie sur les outils informatiques et les expertises" speaks of tools and
    # expertise, as the 2017 note "Mutualisation des outils informatiques" does: no activity's mode
    answer = engine.answer(question)
    assert answer.intent == "mode_lookup" and answer.function is not None and answer.function.id == "FIN"
    assert answer.mode is None
