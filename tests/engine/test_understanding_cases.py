"""Modes asked in the staff's own words: a mode told by its everyday words or said of a thing, two cases compared,
a history asked in every way ("toujours comme avant ?"), and what no map holds, said so rather than guessed."""

from __future__ import annotations

import re

import pytest

from bot.engine import Engine


@pytest.mark.parametrize(
    ("question", "process"),
    [
        # the modes' everyday words frame the mode asked, as the chambers and the maps do: they are not the subject
        ("la veille juridique en 2021 : chacun seul ou en commun ?", "jur.veille"),
        ("embaucher qqn en 2021, c'est chaque chambre qui gère ?", "rh.recrutement"),
    ],
)
def test_a_mode_asked_in_everyday_words_is_the_named_activitys(engine: Engine, question: str, process: str):
    a = engine.answer(question)
    assert a.intent == "mode_lookup"
    assert a.process is not None and a.process.id == process


def test_a_mode_named_whole_lends_no_word_to_a_subject(engine: Engine):
    # "règles communes" is the harmonisation; "communes" is no "Communication" (IT's activity or the function)
    a = engine.answer("qu'est-ce qui a des règles communes dans la compta en 2017 ?")
    assert a.intent == "mode_list"
    assert a.mode is not None and a.mode.code == "H"
    assert a.function is not None and a.function.id == "FIN"


def test_a_common_one_word_name_beside_another_functions_name_is_no_subject(engine: Engine):
    # "la gestion du perso" is HR's, not IT's block named "Gestion"
    a = engine.answer("en 2013 qu'est-ce qui était déjà mis en commun dans la gestion du perso ?")
    assert a.intent == "mode_list"
    assert a.function is not None and a.function.id == "RH"


@pytest.mark.parametrize(
    ("question", "candidates"),
    [
        ("immo 2021 ?", {"fin.immobilisations-stocks", "jur.immobilier"}),
        ("TB 2021 ?", {"fin.cdg.tableaux-de-bord", "rh.tableaux-bord-masse-salariale"}),
    ],
)
def test_a_shortening_of_two_things_asks_back(engine: Engine, question: str, candidates: set[str]):
    # "immo": the real estate or the fixed assets; "TB": finance's dashboards or HR's payroll ones
    a = engine.answer(question)
    assert a.intent == "clarification"
    assert {c.id for c in a.candidates} == candidates


@pytest.mark.parametrize(
    ("question", "process"),
    [("immo et stoks en 2017, c'est intégré ?", "fin.immobilisations-stocks"), ("TB MS 2021 ?", None)],
)
def test_a_shortening_of_two_things_beside_words_of_one_is_that_one(engine: Engine, question: str, process):
    a = engine.answer(question)
    assert a.intent == "mode_lookup"
    assert a.process is not None and a.process.id == (process or "rh.tableaux-bord-masse-salariale")


@pytest.mark.parametrize(
    ("question", "codes"),
    [
        # each case compared is read apart: a mode named ("tout centraliser") or told in its plain words
        ("c koi la diff entre mettre en commun et tout centraliser ?", ["M", "I"]),
        ("quelle différence entre laisser chaque CCI seule et tout confier à CCI France ?", ["A", "I"]),
        ("difference between working together for a while and pooling staff?", ["C", "M"]),
    ],
)
def test_each_case_compared_is_read_apart(engine: Engine, question: str, codes: list[str]):
    a = engine.answer(question)
    assert a.intent == "mode_definition"
    defined = re.findall(r"^• \*\w+ \(([ACHMI])\)", a.text, flags=re.M)
    assert defined == codes


def test_the_name_asked_of_a_case_that_names_a_mode_is_that_mode(engine: Engine):
    a = engine.answer("des règles communes mais chacun le fait chez soi : ça s'appelle comment ?")
    assert a.intent == "mode_definition"
    assert a.mode is not None and a.mode.code == "H"


@pytest.mark.parametrize(
    "question", ["c'est quoi un mode de gestion ?", "c quoi un mode de gestion en fait", "what is a management mode?"]
)
def test_what_a_mode_is_defines_the_five(engine: Engine, question: str):
    a = engine.answer(question)
    assert a.intent == "mode_definition"
    assert re.findall(r"^• \*\w+ \(([ACHMI])\)", a.text, flags=re.M) == ["A", "C", "H", "M", "I"]


def test_what_a_mode_is_for_an_activity_is_no_definition(engine: Engine):
    assert engine.answer("what's the management mode for payroll in 2017?").intent == "mode_lookup"


@pytest.mark.parametrize(
    "question",
    [
        "Which activities are integrated in 2021, all functions together?",
        "y a quoi en intégration en 2021 tous domaines confondus",
    ],
)
def test_a_listing_across_all_functions_lists_them_all(engine: Engine, question: str):
    # "all functions together" is the listing's scope, no topic of the narrative
    a = engine.answer(question)
    assert a.intent == "mode_list"
    assert a.mode is not None and a.mode.code == "I" and a.year == 2021 and a.function is None


@pytest.mark.parametrize(
    ("question", "codes"),
    [
        ("I'm new here: what does M mean?", ["M"]),
        ("what does I stand for?", ["I"]),
        ("I et M c'est quoi ?", ["M", "I"]),
    ],
)
def test_the_english_pronoun_i_is_no_mode(engine: Engine, question: str, codes: list[str]):
    a = engine.answer(question)
    assert a.intent == "mode_definition"
    assert sorted(re.findall(r"^• \*\w+ \(([ACHMI])\)", a.text, flags=re.M)) == sorted(codes)


@pytest.mark.parametrize(
    "question",
    ["les marchés régionaux ils ont toujours été dans le même mode ?", "has payroll always been in the same mode?"],
)
def test_always_the_same_mode_asks_the_history(engine: Engine, question: str):
    assert engine.answer(question).intent == "evolution"


def test_the_regulated_commissions_in_english_are_the_fact(engine: Engine):
    a = engine.answer("What are the regulated commissions?")
    assert a.intent == "governance"
    assert "gouv.commission-finances" in [i.id for i in a.instances]


@pytest.mark.parametrize(
    "question", ["la formation, évolution sur les trois périodes ?", "la formation a changé de mode ?"]
)
def test_a_change_asked_of_a_name_shared_with_a_theme_is_the_mapped_activitys(engine: Engine, question: str):
    # the Formation theme of the sectoral schemes has no map, so no history
    a = engine.answer(question)
    assert a.intent == "evolution"
    assert a.process is not None and a.process.id == "rh.formation"


def test_a_history_asked_of_namesakes_is_the_one_whose_modes_the_text_gives(engine: Engine):
    # "évolution" alone asks for the modes across the maps: finance's compta sociale has them (I in 2017), HR's not
    a = engine.answer("évolution compta sociale")
    assert a.intent == "evolution"
    assert a.process is not None and a.process.id == "fin.comptabilite-sociale"


def test_a_listing_named_by_a_functions_shared_name_is_the_functions(engine: Engine):
    # "communication" names the function and IT's activity "Communication": a listing of activities is the function's
    a = engine.answer("Which communication activities were harmonised?")
    assert a.intent == "mode_list"
    assert a.function is not None and a.function.id == "COM"
    assert a.mode is not None and a.mode.code == "H"


@pytest.mark.parametrize(
    "question",
    [
        "la messagerie en 2021 elle est en quel mode ?",  # a word of the text, in no name of the maps
        "services généraux / moyens généraux en 2021 c quel mode ?",  # words of names, naming none of them
        "le télétravail c'est géré en harmonisation ?",  # a mode said of a thing: "géré en harmonisation"
        "l'appui aux entreprises en 2017, intégré ou autonome ?",  # two modes offered of it, not a listing
    ],
)
def test_a_mode_asked_of_a_thing_no_map_holds_is_said_absent_whatever_its_words(engine: Engine, question: str):
    a = engine.answer(question)
    assert a.intent == "mode_lookup"
    assert a.mode is None and a.process is None
    assert (
        "activité de ce nom" in a.text
    )  # "aucune activité de ce nom", or "pas d'activité de ce nom" before a function


def test_the_modes_themselves_asked_about_are_no_thing_absent_from_the_maps(engine: Engine):
    assert engine.answer("les modes sont hiérarchisés ?").intent != "mode_lookup"


def test_passed_from_one_mode_to_another_asks_the_history(engine: Engine):
    a = engine.answer("les outils informatiques de la finance sont passés de quel mode à quel mode ?")
    assert a.intent == "evolution"


def test_what_mode_is_no_listing_and_a_functions_name_describes_no_mode(engine: Engine):
    # "communication" is no "communauté" of the Cooperation's definition; "what management mode" asks a mode
    a = engine.answer("Internal communication: what management mode does the SROM give it?")
    assert a.intent != "mode_list"
    assert a.mode is None


def test_a_mode_asked_of_a_name_of_two_objectives_says_neither_has_a_map(engine: Engine):
    # "lobbying" is in two objectives of the communication (Convaincre, Représenter): no question back is needed,
    # since neither has a mode
    a = engine.answer("le lobbying c'est harmonisé ou mutualisé ?")
    assert a.intent == "mode_lookup" and a.mode is None
    assert "Convaincre" in a.text and "Représenter" in a.text
    assert a.text.count("aucun mode de gestion") == 2


def test_how_a_thing_is_run_frames_its_mode_asked(engine: Engine):
    # "setup", like "géré" or "organised", is how the mode is asked, not a word the subject must explain
    a = engine.answer("the people who run our servers - what was the 2017 setup?")
    assert a.intent == "mode_lookup"
    assert a.process is not None and a.process.id == "si.admin-serveurs-reseaux"


@pytest.mark.parametrize("question", ["stratégie mode 2021", "stratégie ?"])
def test_one_word_that_is_part_of_two_names_asks_which(engine: Engine, question: str):
    a = engine.answer(question)
    assert a.intent == "clarification"
    assert {c.id for c in a.candidates} == {"jur.strategie-achats", "rh.strategie-rh"}


def test_words_naming_nothing_of_the_maps_are_no_part_of_a_name(engine: Engine):
    a = engine.answer("services généraux / moyens généraux en 2021 c quel mode ?")
    assert a.intent == "mode_lookup" and a.process is None


@pytest.mark.parametrize(
    "question",
    [
        "la compta asso est toujours gérée pareil qu'avant ?",
        "is personnel administration still handled locally like before?",
        "les déclarations sociales elles étaient gérées comment en 2013 et maintenant c'est quoi ?",
        "is the finance function still run the same way as in 2013?",
    ],
)
def test_the_same_as_before_asks_the_history(engine: Engine, question: str):
    assert engine.answer(question).intent == "evolution"


@pytest.mark.parametrize(
    ("question", "lang"),
    [("évol du courrier entre 2013 et 2021", "fr"), ("flotte de véhicules, passé de quoi à quoi ?", "fr")],
)
def test_a_history_asked_of_a_thing_no_map_holds_is_said_absent(engine: Engine, question: str, lang: str):
    a = engine.answer(question)
    assert a.intent == "evolution"
    assert a.mode is None and a.process is None
    assert "aucune activité de ce nom" in a.text and "retracer" in a.text


def test_changing_ones_password_is_no_history(engine: Engine):
    assert engine.answer("comment je change mon mot de passe outlook ?").intent == "unknown"


def test_activities_in_a_mode_for_a_block_are_listed(engine: Engine):
    a = engine.answer("activités en mode H en 2013 pour les marchés publics")
    assert a.intent == "mode_list"
    assert a.mode is not None and a.mode.code == "H" and a.year == 2013


def test_a_history_asked_of_an_objective_says_it_has_none(engine: Engine):
    a = engine.answer("les relations presse ont évolué comment de 2013 à 2021 ?")
    assert a.intent == "evolution" and a.mode is None
    assert "aucun mode de gestion" in a.text
