"""Governance and commitment answers: facts not padded with other instances' roles, commitments dated as the text
dates them, and COM, a name of two things, asked back about."""

from __future__ import annotations

import pytest

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
    # Asked for 2021, only the commitments the text dates 2021: the 2015 decisions are not among them.
    english = engine.answer("what are the IT commitments for 2021?")
    assert "*SI-6*" in english.text and "(by 2021)" in english.text
    assert "*SI-1*" not in english.text
    undated = engine.answer("what are the IT commitments?")
    assert "decided by the Regional Board on 29 May 2015" in undated.text


def test_a_list_sharing_one_horizon_says_it_once(engine: Engine):
    answer = engine.answer("engagements RH d'ici 2021")
    assert answer.year == 2021
    assert answer.text.splitlines()[0] == "*Engagements du SROM — Ressources humaines* (horizon 2021) :"
    governance = engine.answer("engagements de gouvernance")
    assert governance.year is None and "sans échéance dans le texte" in governance.text


@pytest.mark.parametrize("question", ["c'est quoi la COM ?", "com"])
def test_com_alone_asks_which_one(engine: Engine, question):
    answer = engine.answer(question)
    assert answer.intent == "clarification"
    assert {c.id for c in answer.candidates} == {"COM", "gouv.convention-objectifs-moyens"}


def test_com_in_context_is_answered(engine: Engine):
    assert engine.answer("quels macro process pour la com ?").function.id == "COM"
    convention = engine.answer("la convention avec l'État")
    assert "gouv.convention-objectifs-moyens" in [i.id for i in convention.instances]
    assert "Bureau régional" in engine.answer("qui suit la convention d'objectifs et de moyens ?").text


@pytest.mark.parametrize(
    "question",
    ["la commission consultative des marchés, compétente pour quoi ?", "what is the contracts advisory committee for?"],
)
def test_what_a_body_is_competent_for_is_its_role(engine: Engine, question: str):
    # the body, not a question back between it and the activity of the same name
    a = engine.answer(question)
    assert a.intent == "governance"
    assert [i.id for i in a.instances] == ["gouv.commission-marches"]


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("How often does the ATR meet?", "The SROM does not say"),
        ("à quelle fréquence se réunit l'ATR ?", "Le SROM ne le dit pas"),
    ],
)
def test_a_bodys_rhythm_the_text_does_not_give_is_said_unsaid_with_the_bodys_roles(engine: Engine, question, lead):
    # not the Bureau's or the COMEX's rhythm: the question names the ATR
    a = engine.answer(question)
    assert a.intent == "governance"
    assert [i.id for i in a.instances] == ["gouv.atr"]
    assert a.text.startswith(lead)


@pytest.mark.parametrize(
    ("question", "commitment"), [("faire savoir : ça en est où ?", "COM-2"), ("convaincre, on en est où ?", "COM-3")]
)
def test_an_objective_named_alone_is_its_commitment(engine: Engine, question: str, commitment: str):
    # "faire savoir" is all function words: read as a pair of the names, the objective, whose commitment it titles
    a = engine.answer(question)
    assert a.intent == "commitments"
    assert [c.id for c in a.commitments] == [commitment]


def test_who_does_a_thing_to_what_a_named_body_brings_is_the_one_body_doing_it(engine: Engine):
    # the departmental groups bring the ideas; the GPL studies and sizes them up
    a = engine.answer("Who analyses and sizes up the ideas coming from the departmental project groups?")
    assert a.intent == "governance"
    assert [i.id for i in a.instances] == ["gouv.gpl"]


def test_a_role_nobody_holds_over_the_body_named_is_still_said_unsaid(engine: Engine):
    # the President chairs other bodies, none the question names
    a = engine.answer("qui préside le COMEX ?")
    assert [i.id for i in a.instances] == ["gouv.comex"]
    assert a.text.startswith("Le SROM ne le dit pas")


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("Who is the president of CCI Pays de la Loire?", "The SROM does not name the person"),
        ("comment s'appelle le DSI de Nantes St-Nazaire ?", "Le SROM ne nomme pas la personne"),
    ],
)
def test_the_name_of_a_person_the_text_does_not_give_is_said_unnamed(engine: Engine, question: str, lead: str):
    a = engine.answer(question)
    assert a.intent == "governance"
    assert a.text.startswith(lead)


def test_the_one_person_the_text_names_is_not_said_unnamed(engine: Engine):
    a = engine.answer("who is the director general of the regional chamber?")
    assert "Alain Schlesser" in a.text and "does not name" not in a.text


def test_an_answer_quoted_from_one_function_s_part_is_about_that_function(engine: Engine):
    # the Director General's role quoted from the communication part: the answer is about communication, and a
    # follow-up carries it
    a = engine.answer("qui animait le groupe des responsables com en 2013 ?")
    assert a.intent == "governance"
    assert {s.section.split(" — ")[0] for s in a.sources} == {"Communication / marketing"}
    assert a.function is not None and a.function.id == "COM"


def test_an_answer_quoted_from_the_governance_part_names_no_function(engine: Engine):
    a = engine.answer("qui arbitre ?")
    assert {s.section.split(" — ")[0] for s in a.sources} == {"Gouvernance"}
    assert a.function is None
