"""Governance answers: a fact the question matches is not padded with unrelated roles of other instances."""

from __future__ import annotations

from bot.engine import Engine


def test_a_fact_is_not_padded_with_another_instances_role(engine: Engine):
    """'qui signe le SROM ?': the text does not say; the President's signing of the regional contracts is not an
    answer to it."""
    answer = engine.answer("qui signe le SROM ?")
    assert "Le texte ne dit pas qui le signe" in answer.text
    assert "Président" not in answer.text
    contracts = engine.answer("qui signe les marchés régionaux ?")
    assert "président de la CCI Pays de la Loire" in contracts.text


def test_the_2015_si_decisions_are_not_presented_as_2021_targets(engine: Engine):
    answer = engine.answer("quels sont les engagements SI ?")
    assert answer.intent == "commitments" and answer.year is None
    assert "(2021)" not in answer.text and "(horizon 2021)" not in answer.text
    si1 = next(line for line in answer.text.splitlines() if "*SI-1*" in line)
    assert "décision du Bureau régional du 29 mai 2015, sans échéance dans le texte" in si1
    si6 = next(line for line in answer.text.splitlines() if "*SI-6*" in line)
    assert si6.endswith("· horizon 2021")
    english = engine.answer("what are the IT commitments for 2021?")
    assert "decided by the Regional Board on 29 May 2015" in english.text


def test_a_list_sharing_one_horizon_says_it_once(engine: Engine):
    answer = engine.answer("engagements RH d'ici 2021")
    assert answer.year == 2021
    assert answer.text.splitlines()[0] == "*Engagements du SROM — Ressources humaines* (horizon 2021) :"
    governance = engine.answer("engagements de gouvernance")
    assert governance.year is None and "sans échéance dans le texte" in governance.text
