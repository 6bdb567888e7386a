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
