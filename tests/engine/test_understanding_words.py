"""The trade's words and the chat's: a shortening ("pro"), a word typed without its ligature ("euvre"), the
everyday English of the IT fleet, a request for help after words about the asker, and all the maps asked at once."""

from __future__ import annotations

import pytest

from bot.engine import Engine


@pytest.mark.parametrize("question", ["entretiens pro 2017 ?", "les entretiens pro, ça a changé depuis 2013 ?"])
def test_pro_is_the_shortening_of_professionnel(engine: Engine, question: str):
    a = engine.answer(question)
    assert a.process is not None and a.process.id == "rh.evaluations-professionnelles"


def test_oeuvre_typed_without_its_ligature_is_read(engine: Engine):
    a = engine.answer("qui met en euvre le SROM ?")
    assert a.intent == "governance" and a.instances


@pytest.mark.parametrize("question", ["IT equipment fleet in 2017?", "our equipment fleet, what mode in 2021?"])
def test_the_it_fleet_in_everyday_english_is_the_fleet_management(engine: Engine, question: str):
    a = engine.answer(question)
    assert a.intent == "mode_lookup"
    assert a.process is not None and a.process.id == "si.gestion-parc"


@pytest.mark.parametrize(
    "question", ["Hello, I'm new on the team, how should I use this bot?", "how can we use this assistant?"]
)
def test_how_to_use_the_bot_is_the_help(engine: Engine, question: str):
    assert engine.answer(question).intent == "help"


@pytest.mark.parametrize(("question", "lang"), [("montre les cartes 2017", "fr"), ("show me all the maps", "en")])
def test_the_maps_asked_without_a_function_are_the_first_and_how_to_ask_the_others(engine, question: str, lang):
    a = engine.answer(question)
    assert a.intent == "structure" and a.map is not None and a.lang == lang
    others = [f for f in engine.view.functions if f != a.map.function]
    assert len(others) == 4 and all(f in a.text for f in others)


def test_greeting_cards_are_no_maps(engine: Engine):
    assert engine.answer("les cartes de voeux en 2017 ?").process.id == "com.cartes-voeux"


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("ExpreCCIon c'est quoi au juste ?", "ExpreCCIon"),
        ("et le SIRH, on en parle ?", "SIRH"),
        ("Dinamic, ça sert à quoi ?", "Dinamic"),
    ],
)
def test_a_name_of_the_text_is_its_topic_whatever_is_around_it(engine: Engine, question: str, name: str):
    # a name the text writes with a capital, in a passage or two, and of no dictionary: those passages, cut
    # around it (Dinamic is at the end of a long list)
    a = engine.answer(question)
    assert a.intent == "fallback_search"
    assert name in a.text


@pytest.mark.parametrize("question", ["un bon resto au Mans ?", "il pleut à Nantes ?"])
def test_a_place_of_the_text_is_no_topic_beside_words_the_text_never_uses(engine: Engine, question: str):
    assert engine.answer(question).intent == "unknown"


def test_a_mode_no_activity_is_given_is_named_with_its_article(engine: Engine):
    text = engine.answer("activités RH en coopération en 2013 ?").text
    assert "la coopération" in text and "l'coopération" not in text


def test_the_words_of_the_scheme_s_own_title_describe_no_mode(engine: Engine):
    # "organisation", "missions": the SROM's title, not the Cooperation's "organisation sur un temps donné"
    a = engine.answer("en RH, l'organisation de 2013 tournait autour de quelles missions ?")
    assert a.intent == "fallback_search" and a.mode is None


@pytest.mark.parametrize(("question", "commitment"), [("why GOUV-2?", "GOUV-2"), ("pourquoi SI-3 ?", "SI-3")])
def test_why_a_commitment_named_by_its_id_is_its_card(engine: Engine, question: str, commitment: str):
    a = engine.answer(question)
    assert a.intent == "commitments" and [c.id for c in a.commitments] == [commitment]


@pytest.mark.parametrize(
    "question", ["difference between 2017 and 2021 for finance?", "la différence entre 2013 et 2017 en RH ?"]
)
def test_the_difference_between_two_years_is_a_history(engine: Engine, question: str):
    assert engine.answer(question).intent == "evolution"


def test_english_filler_words_do_not_thin_out_a_name(engine: Engine):
    # "something", "more", "really": words of no topic, which made the payroll a minor part of the question
    a = engine.answer("has payroll moved to something more regional over time?")
    assert a.intent == "evolution" and a.process is not None and a.process.id == "rh.realisation-paies"


@pytest.mark.parametrize(
    "question",
    ["la paie est devenue plus régionale avec le temps ?", "la paie c'est devenu quelque chose de régional ?"],
)
def test_a_thing_that_became_something_else_asks_its_history(engine: Engine, question: str):
    # "devenue", "avec le temps": a change; "quelque chose", "plus": words of no topic
    a = engine.answer(question)
    assert a.intent == "evolution" and a.process is not None and a.process.id == "rh.realisation-paies"


def test_a_body_renamed_is_no_history(engine: Engine):
    assert engine.answer("le CODIR devenu COMEX, il fait quoi ?").intent == "governance"


@pytest.mark.parametrize(
    "question", ["which accounting software are we using regionally?", "which HR software do we use?"]
)
def test_a_thing_asked_of_a_function_the_text_does_not_name_is_not_its_map(engine: Engine, question: str):
    # a software asked: the function's structure is no answer to it; the text names none (what it says of the
    # accounting tools pooled may be quoted)
    a = engine.answer(question)
    assert a.intent in ("unknown", "fallback_search") and a.map is None


@pytest.mark.parametrize(
    "question",
    ["which activities are new on the 2021 HR map compared to 2017?", "quels blocs sont nouveaux en RH en 2021 ?"],
)
def test_what_is_new_on_a_map_is_its_changes_not_the_maps_compared(engine: Engine, question: str):
    a = engine.answer(question)
    assert a.map is None and a.year == 2021 and "2017" in a.text


@pytest.mark.parametrize(
    ("question", "function"),
    [
        ("en 2015 le Bureau a décidé quoi pour les finances ?", "FIN"),
        ("les logiciels de la compta, ils sont partagés entre les chambres en 2017 ?", "FIN"),
    ],
)
def test_a_passage_of_the_function_named_comes_first(engine: Engine, question: str, function: str):
    # the finance's passage holds "2015", another function's "décidé": the function the question names decides
    a = engine.answer(question)
    assert a.intent == "fallback_search" and a.function is not None and a.function.id == function


@pytest.mark.parametrize(
    "question", ["embaucher qq1 en 2021 c chaque chambre qui gère ?", "qui s'occupe d'embaucher en 2021, la région ?"]
)
def test_who_takes_care_of_something_and_chat_s_someone_say_nothing_of_the_topic(engine: Engine, question: str):
    # "s'occuper de" asks who handles it, like "gérer"; "qq1" is "quelqu'un": neither is a word the SROM never uses
    a = engine.answer(question)
    assert a.intent == "mode_lookup" and a.process is not None and a.process.id == "rh.recrutement"


@pytest.mark.parametrize(
    ("question", "not_about"),
    [
        ("pourquoi ce document a été écrit ?", "jur.documents-types"),
        ("le personnel en 2017 ?", "rh.conseil-questions-statutaires"),
    ],
)
def test_no_name_is_read_from_one_common_word_once_its_question_word_is_dropped(engine, question: str, not_about: str):
    # "document type" was read "document", "statut du personnel" "personnel", "time tracking" "tracking"
    a = engine.answer(question)
    assert a.process is None or a.process.id != not_about
    common = {("document",), ("personnel",), ("tracking",), ("working",)}
    assert not [al.name for al in engine.matcher.aliases if al.entity != "RH" and al.tokens in common]


@pytest.mark.parametrize(
    "question",
    ["What about 'gestion des engagements'?", "SI-4 status?", "RGPD trajectory 2013-2021?", "progress on GOUV-1?"],
)
def test_an_english_question_around_french_words_is_answered_in_english(engine: Engine, question: str):
    # a French name quoted is no French question; "status", "progress", "trajectory" are English words only
    assert engine.answer(question).lang == "en"


def test_a_french_question_quoting_a_name_stays_french(engine: Engine):
    assert engine.answer("c'est quoi la 'régionalitude' ?").lang == "fr"


@pytest.mark.parametrize(
    ("question", "process"),
    [
        ("the lawyers who handle the chamber's disputes - how did that evolve?", "jur.litiges-contentieux"),
        ("les collègues qui font la paie, ça a évolué comment ?", "rh.realisation-paies"),
    ],
)
def test_a_relative_who_asks_no_who(engine: Engine, question: str, process: str):
    # "the lawyers who handle …": "who" follows a noun, it asks nothing of the governance
    a = engine.answer(question)
    assert a.intent == "evolution" and a.process is not None and a.process.id == process


@pytest.mark.parametrize(
    "question",
    ["c'est quelle CCI qui porte la fonction SI régionale ?", "le suivi annuel, il est présenté devant qui ?"],
)
def test_who_asked_after_a_preposition_or_in_a_cleft_is_still_asked(engine: Engine, question: str):
    assert engine.answer(question).intent == "governance"


@pytest.mark.parametrize(
    "question", ["combien on a économisé avec la mutualisation en finance ?", "what did pooling save us in finance?"]
)
def test_what_a_mode_saved_a_function_is_its_gains_not_its_listing(engine: Engine, question: str):
    a = engine.answer(question)
    assert a.intent == "fallback_search" and a.mode is None
    assert a.function is not None and a.function.id == "FIN"


@pytest.mark.parametrize(
    "question", ["how long did the 2015 finance study run?", "l'étude de 2015 sur la finance a duré combien de temps ?"]
)
def test_how_long_asks_a_dated_fact_in_the_function_named(engine: Engine, question: str):
    # "six mois en 2015": the finance's passage, not the IT's decisions of May 2015
    a = engine.answer(question)
    assert a.intent == "fallback_search" and a.function is not None and a.function.id == "FIN"
    assert "six mois" in a.text


def test_a_headcount_asked_of_an_activity_named_is_asked_of_its_function(engine: Engine):
    a = engine.answer("how many people work on payroll?")
    assert a.intent == "fallback_search" and a.function is not None and a.function.id == "RH"


@pytest.mark.parametrize(
    "question", ["la com en ce moment, c'est plutôt quel mode ?", "the IT function's mode overall?"]
)
def test_a_function_s_mode_asked_with_no_year_is_a_lookup_not_a_history(engine: Engine, question: str):
    # the answer counts each map's modes, as it did; what is asked is a mode, not how it changed
    a = engine.answer(question)
    assert a.intent == "mode_lookup" and a.process is None and a.function is not None


@pytest.mark.parametrize(
    ("question", "function"), [("Can you draw the IT 2021 projection?", "SI"), ("dessine moi la RH 2017", "RH")]
)
def test_to_draw_a_function_is_to_ask_its_map(engine: Engine, question: str, function: str):
    a = engine.answer(question)
    assert a.map is not None and a.map.function == function


@pytest.mark.parametrize("question", ["c quoi les 5 CCIT du réseau ?", "combien de CCI dans le réseau ?"])
def test_the_network_of_the_chambers_is_not_the_it_network(engine: Engine, question: str):
    a = engine.answer(question)
    assert a.intent != "clarification" and "Mayenne" in a.text


def test_the_it_network_is_still_the_it_network(engine: Engine):
    a = engine.answer("architecture réseau 2017 ?")
    assert a.process is not None and a.process.id == "si.architecture-reseau-securite"
