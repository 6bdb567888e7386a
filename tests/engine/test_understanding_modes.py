"""A mode asked of something, or asked about: what no map holds is said so, a mode named as a topic is defined."""

from __future__ import annotations

import re

import pytest

from bot.engine import Engine


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("mode de gestion de l'archivage ?", "fr"),
        ("l'archivage est-il intégré ?", "fr"),
        ("is archiving pooled?", "en"),
        ("the company car fleet, which mode?", "en"),
        # "gestion" is a third of the mode's name "gestion locale": no mode said as a noun
        ("la gestion des voitures de service, c'est mutualisé ?", "fr"),
    ],
)
def test_a_mode_asked_of_something_no_map_holds_is_said_to_be_absent(engine: Engine, question: str, lang: str):
    a = engine.answer(question)
    assert a.intent == "mode_lookup"
    assert a.mode is None and a.process is None and a.sources == []
    assert a.lang == lang
    assert ("aucune activité de ce nom" if lang == "fr" else "no activity of that name") in a.text


@pytest.mark.parametrize(
    ("question", "code"),
    [("la coopération implique un déplacement des équipes ?", "C"), ("integration means a loss of staff?", "I")],
)
def test_a_mode_named_as_a_topic_is_defined_even_beside_words_the_text_lacks(engine: Engine, question: str, code: str):
    a = engine.answer(question)
    assert a.intent == "mode_definition"
    assert a.mode is not None and a.mode.code == code


def test_a_mode_asked_of_an_activity_of_the_maps_is_its_mode(engine: Engine) -> None:
    a = engine.answer("la paie c'est mutualisé ?")
    assert a.intent == "mode_lookup"
    assert a.process is not None and "paie" in a.process.label


@pytest.mark.parametrize("question", ["mode de gestion de l'archivage ?", "is archiving pooled?"])
def test_the_examples_the_absence_points_to_answer_with_a_map(engine: Engine, question: str) -> None:
    examples = re.findall(r"_([^_]+)_", engine.answer(question).text)
    assert len(examples) == 2
    for example in examples:
        a = engine.answer(example)
        assert a.intent == "structure", example
        assert a.function is not None


@pytest.mark.parametrize(
    ("question", "lang"),
    [("avant 2013 le SI c'était géré comment par les CCI ?", "fr"), ("before 2013, how was IT managed?", "en")],
)
def test_how_a_function_was_run_before_a_map_is_the_text_s_sentence_for_that_time(
    engine: Engine, question: str, lang: str
) -> None:
    a = engine.answer(question)
    assert a.intent == "mode_lookup" and a.lang == lang
    assert a.function is not None and a.function.id == "SI"
    assert a.mode is not None and a.mode.code == "A"
    assert a.sources[0].quote.startswith("Avant 2013, la fonction Systèmes d’information")
    assert ("Autonomy (A)" if lang == "en" else "Autonomie (A)") in a.text.splitlines()[0]


def test_the_2013_map_of_a_function_is_not_given_the_mode_it_had_before(engine: Engine) -> None:
    a = engine.answer("la DSI en 2013, quel mode globalement ?")
    assert a.intent == "mode_lookup" and a.year == 2013
    assert a.mode is None  # before 2013 autonomous; in 2013 delegated: the sentence says "avant"
    assert "Avant 2013" in a.text


@pytest.mark.parametrize(
    ("question", "block"),
    [
        ("la facturation et les relances clients en 2017, quel mode ?", "fin.comptabilite-client"),
        ("budgets et tableaux de bord financiers : mode en 2021 ?", "fin.controle-gestion"),
        ("mode 2017 de l'élaboration de la consolidation et des déclarations fiscales ?", "fin.comptabilite-generale"),
    ],
)
def test_two_activities_of_one_block_joined_in_a_question_ask_about_the_block(engine: Engine, question, block):
    a = engine.answer(question)
    assert a.intent == "mode_lookup"
    assert a.process is not None and a.process.id == block


@pytest.mark.parametrize(
    ("question", "activity"),
    [
        ("les relances clients en 2017, quel mode ?", "fin.client.relances-contentieux"),
        ("network architecture and security, mode in 2017?", "si.architecture-reseau-securite"),
        ("how has hotline support changed since 2013?", "si.hotline"),
        ("administration des serveurs et des réseaux en 2021 ?", "si.admin-serveurs-reseaux"),
    ],
)
def test_one_activity_whose_name_joins_two_words_stays_that_activity(engine: Engine, question, activity):
    a = engine.answer(question)
    assert a.process is not None and a.process.id == activity


@pytest.mark.parametrize(
    ("question", "intent", "process"),
    [
        (
            "la gestion des placements en 2021 : elle reste dans chaque CCI ou c'est régional ?",
            "mode_lookup",
            "placements",
        ),
        ("le recrutement, chaque chambre le gère seule ou ça a changé au fil des cartes ?", "evolution", "recrutement"),
        ("Which mode applies to regional public procurement (marchés régionaux) in 2017?", "mode_lookup", "regionaux"),
    ],
)
def test_the_chambers_the_region_and_the_maps_are_the_setting_of_a_mode_question(
    engine: Engine, question, intent, process
):
    a = engine.answer(question)
    assert a.intent == intent
    assert a.process is not None and process in a.process.id


def test_a_name_first_mapped_later_is_said_absent_from_an_earlier_map_not_swapped_for_a_namesake(engine: Engine):
    a = engine.answer("TdB MS en 2013 ?")
    assert a.process is not None and a.process.id == "rh.tableaux-bord-masse-salariale"
    assert "n'apparaît pas sur la carte 2013" in a.text and a.mode is None
    # one no longer mapped was absorbed: the year's map answers
    later = engine.answer("les fiches de paie en 2017, c'est centralisé ?")
    assert later.process is not None and later.process.id != "rh.editions-bulletins"


@pytest.mark.parametrize(
    "question", ["de quoi est composée la compta client ?", "la trésorerie, c'est composé de quoi ?"]
)
def test_what_a_block_is_made_of_is_its_structure(engine: Engine, question: str) -> None:
    a = engine.answer(question)
    assert a.intent == "structure"


@pytest.mark.parametrize("question", ["immo et stocks sur les 3 périodes ?", "payroll across the three maps?"])
def test_the_three_periods_ask_how_a_mode_changed(engine: Engine, question: str) -> None:
    assert engine.answer(question).intent == "evolution"


@pytest.mark.parametrize("question", ["staff disputes in 2017?", "how are HR disputes handled in 2021?"])
def test_staff_disputes_are_the_hr_litigation(engine: Engine, question: str) -> None:
    a = engine.answer(question)
    assert a.process is not None and a.process.id == "rh.contentieux"


@pytest.mark.parametrize(
    ("question", "activity"),
    [("dev et intégration des applis en 2017, quel mode ?", "si.etudes-developpement")],
)
def test_a_mode_word_inside_a_name_said_nearly_whole_is_the_name_s(engine: Engine, question: str, activity: str):
    a = engine.answer(question)
    assert a.intent == "mode_lookup" and a.process is not None and a.process.id == activity


@pytest.mark.parametrize(
    "question", ["compta sociale : 2013 -> 2017 -> 2021 ?", "la comptabilité sociale de 2013 à 2021 ?"]
)
def test_of_namesakes_the_one_on_every_map_named_answers_a_span_of_years(engine: Engine, question: str) -> None:
    a = engine.answer(question)
    assert a.intent == "evolution"
    assert a.process is not None and a.process.id == "fin.comptabilite-sociale"


def test_a_word_of_the_named_function_s_title_is_the_function_not_a_topic(engine: Engine) -> None:
    a = engine.answer("qu'est-ce qui passe en intégration côté juridique/marchés en 2021 ?")
    assert (a.intent, a.year) == ("mode_list", 2021)
    assert a.mode is not None and a.mode.code == "I"


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("social accounting in 2017?", "clarification"),
        ("social accounting: what changed from 2013 to 2017?", "evolution"),
    ],
)
def test_social_accounting_is_read_as_comptabilite_sociale_is(engine: Engine, question: str, intent: str) -> None:
    a = engine.answer(question)
    assert a.intent == intent
    if intent == "evolution":  # the finance one is on every map named
        assert a.process is not None and a.process.id == "fin.comptabilite-sociale"


def test_of_two_functions_named_the_one_the_word_function_goes_with_is_the_question_s(engine: Engine) -> None:
    a = engine.answer("were the IT tools of the finance function pooled in 2017?")
    assert a.function is not None and a.function.id == "FIN"
    assert a.process is not None and "note" in a.process.id  # the finance map's note on its IT tools


def test_the_gouvernance_block_named_as_a_block_is_that_block(engine: Engine) -> None:
    a = engine.answer("What's in the Gouvernance block of the IT function?")
    assert a.intent == "structure" and a.process is not None and a.process.id == "si.gouvernance"


def test_one_of_the_text_s_commonest_words_beside_others_is_not_the_name_it_also_is(engine: Engine) -> None:
    a = engine.answer("déléguer la gestion à un tiers opérateur, c'est de l'intégration ou de la mutualisation ?")
    assert a.intent == "mode_definition"
    assert a.process is None


@pytest.mark.parametrize(
    ("question", "activity"),
    [
        (
            "les relances des clients qui ne paient pas leurs factures, quel mode en 2017 ?",
            "fin.client.relances-contentieux",
        ),
    ],
)
def test_of_two_names_that_tie_the_one_before_a_relative_clause_is_the_subject(engine: Engine, question, activity):
    a = engine.answer(question)
    assert a.intent == "mode_lookup" and a.process is not None and a.process.id == activity


def test_a_name_quoted_whole_is_the_subject_whatever_surrounds_it(engine: Engine) -> None:
    a = engine.answer("What mode was 'Management DSI' in after the 2015 reorganisation, so in 2017?")
    assert a.process is not None and a.process.id == "si.management-dsi" and a.year == 2017


@pytest.mark.parametrize("question", ["politique de salaires régionale 2021 ?", "salary policy in 2021?"])
def test_salary_policy_is_the_regional_pay_policy(engine: Engine, question: str) -> None:
    a = engine.answer(question)
    assert a.process is not None and a.process.id == "rh.politique-remuneration-regionale"


@pytest.mark.parametrize(
    "question",
    [
        "How was social accounting (comptabilité sociale) run in 2017?",  # "how was … run": a mode asked
        "compta sociale 2017 quel mode ?",
    ],
)
def test_of_namesakes_a_mode_asked_for_a_year_is_the_one_whose_mode_the_text_states(
    engine: Engine, question: str
) -> None:
    a = engine.answer(question)
    assert a.intent == "mode_lookup" and a.process is not None and a.process.id == "fin.comptabilite-sociale"
    assert a.mode is not None and a.mode.code == "I" and a.certainty == "explicit"


@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("si on délègue une activité à une CCIT ou à CCI France, c'est quel mode ?", "I"),  # "si": if, not IT
        ("si on met en commun des outils et des personnes sur un site, c'est quel mode ?", "M"),
        ("travailler ensemble en mode projet sans bouger les équipes, c'est quel mode ?", "C"),
        ("si on définit des règles et des pratiques communes c'est quel mode ?", "H"),
        ("if we centralise everything at the regional CCI, which mode is that?", "I"),
    ],
)
def test_a_case_described_is_the_mode_whose_definition_says_it(engine: Engine, question: str, code: str) -> None:
    a = engine.answer(question)
    assert a.intent == "mode_definition" and a.mode is not None and a.mode.code == code
    assert a.function is None


@pytest.mark.parametrize(
    "question",
    ["What mode applies to managing the company car fleet?", "medecine du travail c géré en quel mode ?"],
)
def test_a_thing_no_map_holds_is_not_a_case_described(engine: Engine, question: str) -> None:
    a = engine.answer(question)
    assert a.intent == "mode_lookup" and a.mode is None and a.process is None


def test_the_french_if_before_a_subject_is_not_the_it_function(engine: Engine) -> None:
    a = engine.answer("si la paie est centralisée, c'est quel mode ?")
    assert a.function is not None and a.function.id == "RH"


def test_a_change_across_the_three_maps_is_a_mode_s_history(engine: Engine) -> None:
    a = engine.answer("la formation ça a évolué comment entre les trois cartos ?")
    assert a.intent == "evolution" and a.process is not None and a.process.id == "rh.formation"


@pytest.mark.parametrize(
    ("question", "function"),
    [
        ("globalement la fonction SI en 2017 elle est en M ?", "SI"),  # a yes or no about the whole function
        ("la RH est mutualisée en 2021 ?", "RH"),
    ],
)
def test_a_mode_asked_of_a_whole_function_is_answered_by_its_modes_counted(
    engine: Engine, question: str, function: str
) -> None:
    a = engine.answer(question)
    assert a.intent == "mode_lookup" and a.function is not None and a.function.id == function
    assert "modes de gestion que le texte donne" in a.text


@pytest.mark.parametrize(
    "question", ["ce qui reste autonome en finance en 2021 ?", "ce qui etait harmonisé cote juridique en 2013 ?"]
)
def test_what_is_in_a_mode_in_a_function_stays_a_listing(engine: Engine, question: str) -> None:
    assert engine.answer(question).intent == "mode_list"


def test_a_date_asked_beside_a_mode_read_through_a_typo_is_the_narrative_s(engine: Engine) -> None:
    a = engine.answer("when did the regional purchasing hub issue it's first contracts?")
    assert a.intent == "fallback_search" and "premiers marchés" in a.sources[0].quote


def test_a_mode_asked_of_management_is_no_generic_phrase(engine: Engine) -> None:
    a = engine.answer("mode Management en 2017 ?")  # "mode management" was taken for "management mode" and dropped
    assert a.intent == "clarification" and {c.id for c in a.candidates} == {"fin.df.management", "si.management-dsi"}


def test_quest_ce_qui_is_a_listing(engine: Engine) -> None:
    a = engine.answer("quest-ce qui est mutualisé en finances en 2017 ?")
    assert (a.intent, a.year) == ("mode_list", 2017) and a.function is not None and a.function.id == "FIN"


def test_over_time_is_no_time_of_the_absences(engine: Engine) -> None:
    a = engine.answer("gestion des compétneces : le mode a shifté comment au fil du temps ?")
    assert a.intent == "evolution" and a.process is not None and a.process.id == "rh.gestion-competences"


def test_a_block_named_across_the_three_maps_is_its_history_not_a_map(engine: Engine) -> None:
    a = engine.answer("évolution du contrôle de gestion (finances) sur les 3 cartes")
    assert a.intent == "evolution" and a.map is None and a.process is not None
    assert a.process.id == "fin.controle-gestion"
    assert engine.answer("montre la carte RH 2017").map is not None


@pytest.mark.parametrize(
    ("question", "process"),
    [
        ("TdB du contrôle de gestion, mode actuel ?", "fin.cdg.tableaux-de-bord"),
        ("les TdB du contrôle de gestion sociale ?", "rh.tableaux-bord-masse-salariale"),  # the longest name said
    ],
)
def test_of_namesakes_the_one_in_the_block_the_question_names(engine: Engine, question: str, process: str) -> None:
    a = engine.answer(question)
    assert a.intent in ("mode_lookup", "evolution") and a.process is not None and a.process.id == process


def test_namesakes_with_no_block_named_are_asked_back(engine: Engine) -> None:
    assert engine.answer("mode des TdB en 2017").intent == "clarification"


@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("si on confie une activité à CCI France c'est quel mode", "I"),  # the mode's everyday words
        (
            "si une chambre confie un boulot à CCI France ou à un prestataire extérieur, ça rentre dans quelle case ?",
            "I",
        ),
        (
            "quand on dit qu'une chambre garde un truc pour elle toute seule et le fait dans son coin, ça s'appelle "
            "comment dans votre classement ?",
            "A",
        ),
    ],
)
def test_a_case_told_in_everyday_words_and_its_name_asked(engine: Engine, question: str, code: str) -> None:
    a = engine.answer(question)
    assert a.intent == "mode_definition" and a.mode is not None and a.mode.code == code


def test_two_cases_compared_are_the_two_modes_they_describe(engine: Engine) -> None:
    a = engine.answer(
        "quelle diff entre travailler ensemble en mode projet et regrouper des gens sur un seul site pour tout "
        "le monde ?"
    )
    assert a.intent == "mode_definition" and "Coopération (C)" in a.text and "Mutualisation (M)" in a.text


@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("qu'est-ce que chaque CCI gérait encore toute seule dans son coin en RH en 2013 ?", "A"),
        ("qu'est-ce qui se faisait en mode projet entre plusieurs chambres, sans bouger les équipes, en 2013 ?", "C"),
    ],
)
def test_a_listing_of_a_mode_told_in_everyday_words(engine: Engine, question: str, code: str) -> None:
    a = engine.answer(question)
    assert (a.intent, a.year) == ("mode_list", 2013) and a.mode is not None and a.mode.code == code


@pytest.mark.parametrize(
    ("question", "function", "year", "mode"),
    [
        ("quelles activités RH sont dans le même mode que la paie en 2017 ?", "RH", 2017, "I"),
        ("moi je m'occupe des MAPA, quels autres trucs sont gérés pareil en 2021 ?", "JUR", 2021, "H"),
    ],
)
def test_the_activities_in_the_same_mode_as_one_named_are_listed_after_its_mode(
    engine: Engine, question: str, function: str, year: int, mode: str
):
    a = engine.answer(question)
    assert a.intent == "mode_list"
    assert a.function is not None and a.function.id == function
    assert a.year == year and a.mode is not None and a.mode.code == mode
    first, *rest = a.text.splitlines()
    assert f"{year} : *" in first  # the named activity's own mode comes first, cited
    assert any(line.startswith(f"*{a.mode.label}* en {year}") for line in rest)


def test_the_same_mode_as_an_activity_whose_mode_the_text_does_not_give_lists_nothing(engine: Engine):
    a = engine.answer("which IT activities share the same mode as the hotline in 2017?")
    assert a.intent == "mode_lookup" and a.mode is None
    assert "does not state the management mode" in a.text


@pytest.mark.parametrize(
    ("question", "code", "function", "year"),
    [
        # one plain word of a mode, in a question asking for the things of the maps
        ("quelles activités informatiques restent gérées par chaque chambre toute seule en 2021 ?", "A", "SI", 2021),
        ("côté personnel, qu'est-ce qui est remonté à la région en 2017 ?", "I", "RH", 2017),
        # "qu'est-ce qu'on fait …": two words of the Cooperation's definition
        (
            "en finances 2021, qu'est-ce qu'on fait ensemble entre chambres sans déplacer les équipes ?",
            "C",
            "FIN",
            2021,
        ),
        # an English question's own words, not only the French ones the lexicon gives ("together")
        ("HR stuff where chambers just work together on projects in 2021 – which ones?", "C", "RH", 2021),
    ],
)
def test_a_listing_of_a_mode_told_in_a_few_everyday_words(engine: Engine, question, code, function, year) -> None:
    a = engine.answer(question)
    assert (a.intent, a.year) == ("mode_list", year) and a.mode is not None and a.mode.code == code
    assert a.function is not None and a.function.id == function


@pytest.mark.parametrize(
    "question",
    [
        "In 2013, which chamber was handed the regional IT function?",
        "la fonction juridique regroupe quels métiers ?",
        # "together" and "group" are the Cooperation's plain words; "who" asks a body
        "In 2013 who led the group bringing together the comms managers of all the chambers?",
    ],
)
def test_one_plain_word_of_a_mode_is_no_listing_of_it_outside_a_question_for_the_maps_things(engine: Engine, question):
    assert engine.answer(question).intent != "mode_list"
