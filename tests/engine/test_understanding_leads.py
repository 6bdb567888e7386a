"""What comes before the question: what the answer is for, and how it is asked."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.clauses import purpose


@pytest.mark.parametrize(
    ("message", "rest"),
    [
        ("Pour le bureau de jeudi j'ai besoin de l'évolution de la paie", "l evolution de la paie"),
        ("for the board meeting, what is the mode of payroll in 2017?", "what is the mode of payroll in 2017?"),
        ("Pour la présentation au CODIR : quels engagements sont en retard ?", "quels engagements sont en retard ?"),
    ],
)
def test_a_lead_saying_what_the_answer_is_for_is_set_aside(message: str, rest: str) -> None:
    assert purpose(message) is not None and purpose(message).endswith(rest.split()[-1])
    assert rest.split()[1] in purpose(message)


@pytest.mark.parametrize(
    "message", ["pour le bureau, qui arbitre ?", "pour la paie en 2017 quel mode ?", "le bureau de jeudi, qui ?"]
)
def test_no_purpose_without_a_body_or_an_event_and_a_question_of_its_own(message: str) -> None:
    assert purpose(message) is None


def test_the_body_a_purpose_names_is_the_audience_not_the_topic(engine: Engine) -> None:
    a = engine.answer("Pour le bureau de jeudi j'ai besoin de l'évolution du contrôle de gestion")
    assert a.intent == "evolution"
    assert a.process is not None and a.process.label == "Contrôle de gestion"


def test_a_need_is_how_the_question_is_asked_not_its_topic(engine: Engine) -> None:
    a = engine.answer("j'ai besoin du mode de la paie en 2017")
    assert a.intent == "mode_lookup" and a.year == 2017
    assert a.mode is not None and a.mode.code == "I"


def test_what_a_thing_is_for_asks_about_the_thing(engine: Engine) -> None:
    a = engine.answer("la norme 4.9 elle sert à quoi dans le srom")
    assert a.intent == "fallback_search"
    assert any("Norme 4.9" in s.quote for s in a.sources)


@pytest.mark.parametrize(
    ("question", "year"),
    [
        ("suite à la réunion de ce matin sur le SROM : la compta fournisseurs, quel mode en 2017 ?", 2017),
        ("Following this morning's meeting: in 2017, was payroll run centrally for the whole region?", 2017),
    ],
)
def test_the_occasion_said_before_a_question_is_set_aside(engine: Engine, question: str, year: int) -> None:
    a = engine.answer(question)
    assert (a.intent, a.year) == ("mode_lookup", year) and a.process is not None


def test_of_several_questions_the_first_is_read_when_the_message_as_a_whole_finds_nothing(engine: Engine):
    # the second question alone ("each in its corner or all together?") names nothing; the whole message found
    # nothing; the first names the invoices of 2017 (two activities of that name: asked back)
    a = engine.answer(
        "qui régle les factures de nos prestatères en 2017 ? chaque chambre dans son coin ou tout le monde ensemble ?"
    )
    assert a.intent == "clarification" and a.year == 2017
    assert {c.id for c in a.candidates} >= {"fin.fournisseur.saisie-controle-factures"}
