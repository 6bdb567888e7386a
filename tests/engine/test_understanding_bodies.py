"""Governance bodies asked about by name: what the answer says of them beyond their roles."""

from __future__ import annotations

import pytest

from bot.engine import Engine


@pytest.mark.parametrize(
    ("question", "instance", "function"),
    [
        ("la DRH régionale elle sert à quoi ?", "gouv.drh-regionale", "RH"),
        ("que fait la direction régionale des SI ?", "gouv.dsi-regionale", "SI"),
        ("what does the regional legal director do?", "gouv.directeur-juridique", "JUR"),
    ],
)
def test_a_body_of_one_function_gives_the_answer_that_function(
    engine: Engine, question: str, instance: str, function: str
) -> None:
    a = engine.answer(question)
    assert a.intent == "governance"
    assert instance in [r.id for r in a.instances]
    assert a.function is not None and a.function.id == function


def test_a_body_of_the_whole_network_gives_no_function(engine: Engine) -> None:
    a = engine.answer("le bureau sert à quoi ?")
    assert a.intent == "governance"
    assert a.function is None


@pytest.mark.parametrize(
    "question",
    ["c'est quoi le comité de pilotage régional dédié aux achats mutualisés ?", "the pooled purchasing committee?"],
)
def test_a_mode_word_inside_a_body_s_name_is_the_body_not_the_mode(engine: Engine, question: str) -> None:
    a = engine.answer(question)
    assert a.intent == "governance"
    assert "gouv.copil-achats" in [r.id for r in a.instances]


@pytest.mark.parametrize(
    ("question", "first", "function"),
    [
        ("qui s'occupe des RH à la CCIR ?", "gouv.drh-regionale", "RH"),
        ("qui gère les SI au niveau régional ?", "gouv.dsi-regionale", "SI"),
        ("who is in charge of legal matters at the regional CCI?", "gouv.directeur-juridique", "JUR"),
    ],
)
def test_who_takes_care_of_a_function_is_answered_by_its_bodies(
    engine: Engine, question: str, first: str, function: str
) -> None:
    a = engine.answer(question)
    assert a.intent == "governance"
    assert a.instances and a.instances[0].id == first
    assert a.function is not None and a.function.id == function


def test_who_holds_an_activity_in_a_year_is_still_its_mode(engine: Engine) -> None:
    a = engine.answer("qui gère la paie en 2017 ?")
    assert a.intent == "mode_lookup" and a.year == 2017


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("quelles CCI composent le réseau ?", "cinq CCI territoriales"),
        ("qui a élaboré le SROM ?", None),
        ("how many CCIs are there?", None),
    ],
)
def test_a_fact_no_body_acts_in_is_the_narrative_s(engine: Engine, question: str, lead: str | None) -> None:
    a = engine.answer(question)
    assert a.intent == "fallback_search"
    assert a.instances == []
    assert any("cinq CCI territoriales" in s.quote for s in a.sources)
    if lead:  # the knowledge base's sentence heads the passages
        assert lead in a.text.splitlines()[0]


@pytest.mark.parametrize(
    ("question", "function"),
    [("what are the components of the regional IT directorate?", "SI"), ("les pôles de la DRH régionale ?", "RH")],
)
def test_the_parts_of_a_function_s_office_are_the_function_s_blocks(engine: Engine, question: str, function: str):
    a = engine.answer(question)
    assert a.intent == "structure"
    assert a.function is not None and a.function.id == function


def test_the_members_of_a_body_of_the_whole_network_are_its_composition(engine: Engine) -> None:
    a = engine.answer("de qui est composé le Bureau ?")
    assert a.intent == "governance"


def test_a_fact_the_named_body_acts_in_counts_more(engine: Engine) -> None:
    # the buyers cannot bind the regional chamber; the President signs its contracts: the buyers were asked about
    a = engine.answer("les acheteurs peuvent-ils signer au nom de la CCI Pays de la Loire ?")
    assert a.intent == "governance"
    assert "gouv.acheteurs" in [r.id for r in a.instances]


@pytest.mark.parametrize(
    ("question", "first"),
    [("qui arbitre ce que propose le GPL ?", "gouv.atr"), ("who arbitrates what the GPL proposes?", "gouv.atr")],
)
def test_a_fact_of_the_named_body_asking_the_same_verb_answers_without_its_keywords(
    engine: Engine, question: str, first: str
) -> None:
    a = engine.answer(question)
    assert a.intent == "governance"
    assert a.instances and a.instances[0].id == first


@pytest.mark.parametrize(
    "question",
    [
        "le bureau, il décide ou il conseille ?",
        "the Bureau: decision-making or advisory?",
        "le COMEX est décisionnel ou consultatif ?",
    ],
)
def test_what_kind_of_body_it_is_is_asked_of_its_roles(engine: Engine, question: str) -> None:
    a = engine.answer(question)
    assert a.intent == "governance"
    assert a.instances and a.instances[0].id in ("gouv.bureau", "gouv.comex")


def test_a_body_named_consultative_is_still_asked_about_by_its_name(engine: Engine) -> None:
    a = engine.answer("la commission consultative des marchés, elle se réunit quand ?")
    assert "consultative" in a.text.lower()


@pytest.mark.parametrize(("question", "said"), [("que fait la commission des finances ?", "sans décrire son rôle")])
def test_a_body_the_text_only_names_is_said_to_be_only_named_with_where(engine: Engine, question: str, said: str):
    a = engine.answer(question)
    assert a.intent == "governance" and said in a.text
    assert any("commissions réglementées" in s.quote for s in a.sources)


@pytest.mark.parametrize(
    "question", ["qui prépare les travaux du COMEX ?", "who advises the COMEX on its orientations?"]
)
def test_who_acts_on_a_named_body_is_the_body_whose_role_names_it(engine: Engine, question: str) -> None:
    a = engine.answer(question)
    assert a.intent == "governance"
    assert a.instances[0].id == "gouv.codir"


def test_what_a_named_body_does_is_still_its_own_roles(engine: Engine) -> None:
    a = engine.answer("que fait le COMEX ?")
    assert [i.id for i in a.instances] == ["gouv.comex"]


def test_of_the_roles_of_a_verb_those_saying_the_rest_of_the_question_answer(engine: Engine) -> None:
    a = engine.answer("qui définit la politique de formation ?")
    assert a.instances[0].id == "gouv.drh-regionale"
    assert "gouv.atr" not in [i.id for i in a.instances]  # it "définit" the totems, not the HR policy
    everyone = engine.answer("qui arbitre ?")  # a verb alone: every body of that verb
    assert len(everyone.instances) >= 2


@pytest.mark.parametrize(
    "question", ["qui a participé à l'élaboration du SROM ?", "qui a participé à l'écriture du SROM ?"]
)
def test_who_took_part_in_writing_the_srom_is_the_collaborative_work(engine: Engine, question: str) -> None:
    a = engine.answer(question)
    assert a.text.lstrip("*_").startswith("Un travail collaboratif régional")


def test_a_role_s_own_verb_is_not_the_rest_of_the_question(engine: Engine) -> None:
    a = engine.answer("qui suit les engagements ?")
    assert "gouv.bureau" in [i.id for i in a.instances]


def test_a_body_s_name_holding_a_commitment_word_asks_no_commitment(engine: Engine) -> None:
    a = engine.answer("what is the Convention d'Objectifs et de Moyens?")
    assert a.intent != "commitments" and "COM-2" not in a.text
    assert any("Convention d’Objectifs et de Moyens" in s.quote for s in a.sources)


@pytest.mark.parametrize(
    "question",
    [
        "le CODIR c'est pas la même chose que le COMEX ?",
        "what's the difference between the COMEX and the CODIR?",
        "CODIR et COMEX, c'est pareil ? j'ai pas suivi",  # "suivi" is a role's verb, not the question
    ],
)
def test_two_bodies_compared_are_each_shown_with_their_roles(engine: Engine, question: str) -> None:
    a = engine.answer(question)
    assert a.intent == "governance"
    assert {i.id for i in a.instances} == {"gouv.codir", "gouv.comex"}


def test_the_pillars_of_a_function_s_office_are_the_function_s_blocks(engine: Engine) -> None:
    a = engine.answer("what are the three pillars of the regional IT department?")
    assert a.intent == "structure" and a.function is not None and a.function.id == "SI"


@pytest.mark.parametrize(
    ("question", "instance"),
    [
        ("la commision paritaire régionale sert à quoi ?", "gouv.commission-paritaire"),  # the body, not HR's activity
        ("How often does the Bureau meet?", "gouv.bureau"),  # the Bureau's own answer: the text gives no rhythm
        ("Who was appointed in 2013 to secure legal matters at regional level?", "gouv.directeur-juridique"),
    ],
)
def test_what_a_body_is_for_how_often_it_meets_who_was_appointed(engine: Engine, question: str, instance: str) -> None:
    a = engine.answer(question)
    assert a.intent == "governance" and a.instances[0].id == instance


def test_the_bureau_s_rhythm_is_said_to_be_absent(engine: Engine) -> None:
    a = engine.answer("le bureau se réunit tous les combien ?")
    assert "ne donne pas la fréquence" in a.text and "entre chaque réunion de Bureau" in a.text


def test_a_body_and_an_activity_of_one_name_asked_for_a_mode_is_the_activity(engine: Engine) -> None:
    a = engine.answer("la commission paritaire régionale, quel mode en 2017 ?")
    assert a.intent == "mode_lookup" and a.process is not None and a.process.id == "rh.cpr-crhs"


@pytest.mark.parametrize(
    "question",
    [
        "Le recrutement, c'est toujours nous qui le faisons au Mans en 2021 ou ça part à la DRH régionale ?",
        "la paie c'est encore nous qui la faisons en 2017 ?",
    ],
)
def test_c_est_nous_qui_is_an_emphasis_not_a_who_question(engine: Engine, question: str) -> None:
    a = engine.answer(question)
    assert a.intent == "mode_lookup" and a.year in (2017, 2021) and a.instances == []


def test_a_body_named_beside_a_mode_read_through_a_typo_is_the_body(engine: Engine) -> None:
    a = engine.answer("Is there one elected lead per theme in each local chamber?")
    assert a.intent == "governance" and [i.id for i in a.instances] == ["gouv.elu-pilote"]


@pytest.mark.parametrize(
    ("question", "instance"),
    [
        ("qui siege au COMMEX exactement ?", "gouv.comex"),  # a letter typed twice
        ("is the Bureau a decision-making body or just advisory?", "gouv.bureau"),
        ("What does the Commission des finances decide on?", "gouv.commission-finances"),
        ("what does the steering committee for pooled purchasing actually work on?", "gouv.copil-achats"),
        (
            "the regional hierarchical IT directorate: when was it created and what changed with it?",
            "gouv.dsi-regionale",
        ),
    ],
)
def test_bodies_asked_in_more_words(engine: Engine, question: str, instance: str) -> None:
    a = engine.answer(question)
    assert a.intent == "governance" and a.instances[0].id == instance


@pytest.mark.parametrize(
    ("question", "instance"),
    [
        ("who's the legal rep of the chamber", "gouv.president"),
        ("on a un directeur juridque régional depuis qd ?", "gouv.directeur-juridique"),  # a function's word, mistyped
    ],
)
def test_a_body_by_a_short_or_mistyped_word(engine: Engine, question: str, instance: str) -> None:
    a = engine.answer(question)
    assert a.intent == "governance" and a.instances[0].id == instance


def test_who_chairs_a_body_the_text_says_nothing_of_is_said_to_be_unsaid(engine: Engine) -> None:
    a = engine.answer("qui préside le COMEX ?")  # "préside" is no President, the Bureau's chair no answer
    assert a.intent == "governance" and [i.id for i in a.instances] == ["gouv.comex"]
    assert a.text.startswith("Le SROM ne le dit pas") and "préside le Bureau" not in a.text
    chair = engine.answer("qui préside le Bureau ?")
    assert [i.id for i in chair.instances] == ["gouv.president"] and "préside le Bureau" in chair.text
