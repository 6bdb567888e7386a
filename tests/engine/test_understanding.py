"""What was seen wrong in issue 12, each as a test: typos, acronyms, out of scope, English headlines, empty
listings, commitments filtered by their tracked progress."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from srom_data.loader import load_default


@pytest.mark.parametrize(
    ("question", "process", "year"),
    [
        ("mod pour la pai en 2017", "rh.realisation-paies", 2017),
        ("TdB MS en 2021 ?", "rh.tableaux-bord-masse-salariale", 2021),
        ("compta fournisseurs 2021 c'est géré comment", "fin.comptabilite-fournisseur", 2021),
        ("réponses aux AO en 2017 ?", "jur.reponses-appels-offres", 2017),
        ("hotlinne 2017", "si.hotline", 2017),
    ],
)
def test_shortenings_stems_and_typos(engine: Engine, question, process, year):
    a = engine.answer(question)
    assert a.intent == "mode_lookup"
    assert a.process is not None and a.process.id == process
    assert a.year == year


def test_glued_chat_words(engine: Engine):
    a = engine.answer("kiarbitr ?")
    assert a.intent == "governance"
    assert "gouv.bureau" in [i.id for i in a.instances]


def test_who_arbitrates_opens_with_the_roles(engine: Engine):
    assert engine.answer("qui arbitre ?").text.startswith("• *")


def test_an_acronym_the_text_defines_is_answered_with_its_definition(engine: Engine):
    a = engine.answer("qu'est-ce que la convention d'objectifs et de moyens ?")
    # the governance's text, named as such (a follow-up can ask who follows it), answered by the passage naming it
    assert a.intent == "governance" and [i.id for i in a.instances] == ["gouv.convention-objectifs-moyens"]
    assert a.text.startswith("*Convention d'Objectifs et de Moyens*")
    assert a.function is None or a.function.id != "COM"
    assert any("Convention d’Objectifs et de Moyens" in s.quote for s in a.sources)


def test_an_acronym_with_two_meanings_asked_alone_asks_back(engine: Engine):
    # "COM" is the communication function and the Convention d'Objectifs et de Moyens: never the function alone.
    a = engine.answer("qu'est-ce que la COM ?")
    assert a.intent == "clarification"
    assert {c.id for c in a.candidates} == {"COM", "gouv.convention-objectifs-moyens"}


def test_an_acronym_told_apart_by_the_questions_other_words_is_that_meaning(engine: Engine):
    # "avec l'État" is the agreement's own words ("conclue avec l'État"), not the communication's
    a = engine.answer("c'est quoi la COM avec l'État ?")
    assert a.intent == "governance" and [i.id for i in a.instances] == ["gouv.convention-objectifs-moyens"]
    assert a.function is None or a.function.id != "COM"


def test_a_who_question_about_the_com_names_the_bureau(engine: Engine):
    a = engine.answer("qui suit la COM conclue avec l'Etat ?")
    assert a.intent == "governance"
    assert "gouv.bureau" in [i.id for i in a.instances]


@pytest.mark.parametrize(
    "question",
    ["quelle est la capitale de la France ?", "tu peux me réserver une salle jeudi", "can you book me a meeting room?"],
)
def test_out_of_scope_says_so(engine: Engine, question):
    assert engine.answer(question).intent == "unknown"


def test_english_questions_get_english_headlines(engine: Engine):
    a = engine.answer("who signs the regional contracts?")
    assert a.lang == "en"
    assert a.text.startswith("From the SROM")


def test_an_empty_listing_points_to_what_the_text_says(engine: Engine):
    a = engine.answer("qu'est-ce qui est mutualisé en 2013 ?")
    assert "aucune activité" in a.text
    assert "Le texte donne ce mode en 2017" in a.text  # the years that have it
    assert "chantiers de mutualisation" in a.text  # and what the narrative of that year says


def test_the_text_own_sentence_about_si_before_2013(engine: Engine):
    a = engine.answer("le SI était-il autonome en 2013 ?")
    assert "Avant 2013, la fonction Systèmes d’information était assumée de manière autonome" in a.text


def test_filtered_listing_keeps_its_function(engine: Engine):
    assert "Intégration* en 2021 — Ressources humaines" in engine.answer("activités RH en intégration en 2021").text


@pytest.mark.parametrize(
    ("question", "process"),
    [
        ("compta sociale des finances en 2017 ?", "fin.comptabilite-sociale"),
        ("comptabilité sociale RH 2017", "rh.comptabilite-sociale"),
    ],
)
def test_context_decides_between_homonyms(engine: Engine, question: str, process: str):
    a = engine.answer(question)
    assert a.intent == "mode_lookup"
    assert a.process is not None and a.process.id == process


def test_the_mode_in_the_texts_own_words_wins_over_its_deduction(engine: Engine):
    # Both comptabilités sociales are Intégration in 2017: the finance one by the text's own words, the HR one
    # deduced from them. The question names the mode the text states: it is about the finance one.
    a = engine.answer("compta sociale c'est en intégration en 2017 ?")
    assert a.intent == "mode_lookup"
    assert a.process is not None and a.process.id == "fin.comptabilite-sociale"
    changed = engine.answer("la compta sociale a changé de mode ?")  # only the finance one has two modes
    assert changed.intent == "evolution" and changed.process is not None
    assert changed.process.id == "fin.comptabilite-sociale"


TRACKED = {
    "RH-1": "en retard, 40 % au 1er octobre 2026",
    "JUR-3": "en retard, 20 % au 28 novembre 2026",
    "FIN-2": "en cours, 10 % au 2 janvier 2025",
}


@pytest.fixture(scope="module")
def tracked() -> Engine:
    return Engine(load_default(), status=TRACKED.get)


@pytest.mark.parametrize(
    ("question", "ids"),
    [
        ("quels engagements sont en retard ?", ["RH-1", "JUR-3"]),
        ("engagements RH en retard", ["RH-1"]),
        ("which commitments are late?", ["RH-1", "JUR-3"]),
        ("engagements en cours", ["FIN-2"]),
    ],
)
def test_commitments_filter_by_tracked_status(tracked: Engine, question, ids):
    a = tracked.answer(question)
    assert a.intent == "commitments"
    assert [c.id for c in a.commitments] == ids


def test_stale_commitments_are_those_not_updated_lately(tracked: Engine):
    ids = [c.id for c in tracked.answer("engagements pas mis à jour depuis longtemps").commitments]
    assert "FIN-2" in ids and "RH-1" not in ids and "JUR-3" not in ids


def test_no_commitment_left_says_where_to_look(tracked: Engine):
    a = tracked.answer("engagements atteints")
    assert a.commitments == []
    assert "/srom-engagement liste" in a.text


def test_without_tracking_the_filter_is_admitted(engine: Engine):
    a = engine.answer("quels engagements sont en retard ?")
    assert "n'est pas disponible" in a.text


@pytest.mark.parametrize(("question", "commitment"), [("GOUV-1 c'est quoi ?", "GOUV-1"), ("où en est rh 1 ?", "RH-1")])
def test_commitment_ids_are_never_rewritten(engine: Engine, question, commitment):
    a = engine.answer(question)
    assert a.intent == "commitments"
    assert [c.id for c in a.commitments] == [commitment]


@pytest.mark.parametrize("question", ["quelles sont les instances de gouvernance ?", "what are the governance bodies?"])
def test_the_governance_overview_lists_every_body(engine: Engine, question):
    a = engine.answer(question)
    assert a.intent == "governance"
    assert {"gouv.bureau", "gouv.comex", "gouv.atr"} <= {i.id for i in a.instances}
