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


@pytest.mark.parametrize(
    "question", ["qu'est-ce que la COM ?", "qu'est-ce que la convention d'objectifs et de moyens ?"]
)
def test_an_acronym_the_text_defines_is_answered_with_its_definition(engine: Engine, question):
    a = engine.answer(question)
    assert a.intent == "fallback_search"
    assert a.function is None or a.function.id != "COM"
    assert any("Convention d’Objectifs et de Moyens" in s.quote for s in a.sources)


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
    a = engine.answer("qu'est-ce qui est harmonisé en 2021 ?")
    assert "Le texte donne ce mode en 2017" in a.text
    assert "JUR-4" in a.text  # the 2021 commitment to harmonise purchasing procedures


def test_the_text_own_sentence_about_si_before_2013(engine: Engine):
    a = engine.answer("le SI était-il autonome en 2013 ?")
    assert "Avant 2013, la fonction Systèmes d’information était assumée de manière autonome" in a.text


def test_filtered_listing_keeps_its_function(engine: Engine):
    assert "Intégration* en 2021 — Ressources humaines" in engine.answer("activités RH en intégration en 2021").text


def test_context_decides_between_homonyms(engine: Engine):
    a = engine.answer("compta sociale c'est en intégration en 2017 ?")
    assert a.intent == "mode_lookup"
    assert a.process is not None and a.process.id == "fin.comptabilite-sociale"


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
