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
    assert "aucune activité de ce nom" in a.text


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


@pytest.mark.parametrize(
    "question",
    ["réseaux sociaux entre 2013 et 2021", "évolution de la gestion des réseaux sociaux entre 2013 et 2021 ?"],
)
def test_two_years_bound_a_span_a_thing_mapped_between_them_is_in(engine: Engine, question: str):
    # the digital communication is on the 2017 map only: between 2013 and 2021, not absent from them
    a = engine.answer(question)
    assert a.intent == "evolution"
    assert a.process is not None and a.process.id == "com.communication-digitale"


def test_a_thing_no_map_holds_but_the_text_speaks_of_shows_that_passage(engine: Engine):
    # "messagerie" is on no map; the IT part speaks of it (one tool per function): the passage, cut around the word,
    # and the function's map to look at, with no mode stated
    a = engine.answer("la messagerie en 2021 elle est en quel mode ?")
    assert a.intent == "mode_lookup" and a.mode is None and a.process is None
    assert a.function is not None and a.function.id == "SI"
    assert "aucune activité de ce nom" in a.text
    assert "(messagerie, téléphonie" in a.text and "_carte SI 2021_" in a.text
    assert a.sources and "messagerie" in a.sources[0].quote


def test_a_thing_no_map_holds_nor_the_text_names_no_function(engine: Engine):
    a = engine.answer("l'évènementiel en 2021, on est sur quel mode ?")
    assert a.intent == "mode_lookup" and a.mode is None and a.function is None
    assert "Les cartes couvrent cinq fonctions support" in a.text


@pytest.mark.parametrize(
    ("question", "process"),
    [
        ("trajectoire de la tresorerie sur les trois photos du schéma", "fin.tresorerie"),
        ("la hotline dans les trois versions du schéma ?", "si.hotline"),
    ],
)
def test_the_three_pictures_of_the_scheme_are_its_maps_a_history(engine: Engine, question: str, process: str):
    # "les trois photos du schéma" are its three maps: the setting of a history, no subject of their own
    a = engine.answer(question)
    assert a.intent == "evolution"
    assert a.process is not None and a.process.id == process


@pytest.mark.parametrize(
    "question",
    [
        "est-ce que la finance va changer de modes de gestion d'ici 2021 ?",
        "le suport utilisateurs, il passe en mutualisé a terme ?",
        "avant 2013 le SI c'était chacun chez soi, et ensuite ?",
        "HR in a nutshell: 2013 vs 2017 vs 2021?",
        "Will the 2021 IT picture look any different from 2017?",
        "hotline : quel parcour entre l'état des lieu et la projection ?",
    ],
)
def test_a_change_to_come_or_a_before_and_after_asks_the_history(engine: Engine, question: str):
    assert engine.answer(question).intent == "evolution"


def test_the_state_of_play_misspelt_is_still_2013(engine: Engine):
    a = engine.answer("la hotline à l'état des lieu ?")
    assert a.year == 2013


@pytest.mark.parametrize(
    ("question", "block"),
    [
        ("qu'est-ce qu'on range sous compta client ?", "fin.comptabilite-client"),
        ("compta fournisseur = quelles tâches concrètement ?", "fin.comptabilite-fournisseur"),
        ("what sits under 'Gouvernance' in the SI maps?", "si.gouvernance"),
    ],
)
def test_what_a_block_holds_asked_in_the_staffs_words_is_its_structure(engine: Engine, question: str, block: str):
    a = engine.answer(question)
    assert a.intent == "structure"
    assert a.process is not None and a.process.id == block


@pytest.mark.parametrize(
    ("question", "process"),
    [
        ("ctrl de gestion en 2017 c'est quel mode", "fin.controle-gestion"),
        ("la formation des collabs c mutualisé aujourdhui ?", "rh.formation"),
    ],
)
def test_chat_shortenings_of_the_trade_are_read(engine: Engine, question: str, process: str):
    # "ctrl" is "contrôle", "collabs" the staff, "aujourdhui" typed without its apostrophe
    a = engine.answer(question)
    assert a.intent == "mode_lookup"
    assert a.process is not None and a.process.id == process


@pytest.mark.parametrize(
    ("question", "process"),
    [
        ("le plan de formation, il est passé par quels modes au fil des années ?", "rh.plan-formation"),
        ("payroll went through which modes?", "rh.realisation-paies"),
    ],
)
def test_which_modes_a_named_thing_went_through_is_its_history(engine: Engine, question: str, process: str):
    # "quels modes" lists the five modes only when nothing is named whose modes changed
    a = engine.answer(question)
    assert a.intent == "evolution"
    assert a.process is not None and a.process.id == process


def test_what_counts_as_a_mode_is_its_definition(engine: Engine):
    a = engine.answer("What counts as 'cooperation' in the SROM?")
    assert a.intent == "mode_definition"
    assert a.mode is not None and a.mode.code == "C"


def test_what_stays_in_a_mode_across_functions_is_a_listing(engine: Engine):
    a = engine.answer("ce qui reste en autonomie aujourd'hui, toutes fonctions confondues")
    assert a.intent == "mode_list"
    assert a.mode is not None and a.mode.code == "A" and a.function is None


def test_which_processes_of_a_block_are_in_a_mode_is_a_listing(engine: Engine):
    a = engine.answer("achats : quels process sont en harmonisaton ?")
    assert a.intent == "mode_list"
    assert a.mode is not None and a.mode.code == "H"
    assert a.function is not None and a.function.id == "JUR"


def test_a_block_named_whole_and_told_by_its_activities_is_the_block(engine: Engine):
    # "payments, cash registers" are two of the bank accounting's activities, said in part: they tell the block
    a = engine.answer("What mode is bank accounting (payments, cash registers) in for 2017?")
    assert a.intent == "mode_lookup"
    assert a.process is not None and a.process.id == "fin.comptabilite-bancaire"


def test_an_activity_named_whole_beside_its_block_is_the_activity(engine: Engine):
    a = engine.answer("sourcing achats en 17")
    assert a.process is not None and a.process.id != "jur.achats"


def test_when_something_next_happens_is_no_activitys_history(engine: Engine):
    # a date the text does not give: no mode, no activity, out of scope
    a = engine.answer("c'est quand le prochain virement de salaire ?")
    assert a.intent == "unknown"
    assert a.process is None and a.mode is None


def test_a_functions_change_over_the_maps_with_no_picture_asked_is_its_history(engine: Engine):
    a = engine.answer("évolution de la fonction finance sur les trois cartes")
    assert a.intent == "evolution" and a.map is None
    assert a.function is not None and a.function.id == "FIN"
    shown = engine.answer("montre l'évolution de la finance sur les trois cartes")
    assert shown.map is not None


def test_an_activity_placed_by_its_blocks_name_is_that_activity(engine: Engine):
    # "la carte paye" places UNEAL in the payroll block: no question back between it and the payroll itself
    a = engine.answer("c'est quoi UNEAL ds la carte paye")
    assert a.process is not None and a.process.id == "rh.parametrage-uneal"
    assert not a.candidates


def test_chat_slang_about_the_asker_and_a_change_verb_frame_a_mode_question(engine: Engine):
    # "je bosse" is "I work" (no "boss"), "c'est passé au régional" how it is run (no "marchés passés")
    a = engine.answer(
        "je bosse à la CCI 49, chez nous la formation en 2017 c'est toujours géré en local ou c'est passé au régional ?"
    )
    assert a.intent == "mode_lookup"
    assert a.process is not None and a.process.id == "rh.formation"


def test_two_modes_letters_offered_as_alternatives_are_modes(engine: Engine):
    a = engine.answer("le catalogue des produits et services, c'est H ou M ?")
    assert a.intent == "mode_lookup"
    assert a.process is not None and a.process.id == "com.catalogue-harmonise"


def test_a_message_of_the_five_letters_asks_what_they_mean(engine: Engine):
    a = engine.answer("A C H M I ??")
    assert a.intent == "mode_definition"
    assert all(f"({code})" in a.text for code in "ACHMI")


def test_a_legal_provision_asked_is_the_passage_citing_it(engine: Engine):
    a = engine.answer(
        "Under which legal provision is the CCIR the central purchasing body for the territorial chambers?"
    )
    assert a.intent == "fallback_search" and a.mode is None
    assert "L711-8" in a.text


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("quel prestataire cloud a été choisi pour externaliser les serveurs ?", "Cloud"),
        ("Which firm carried out the 2017 IT audti?", "audit"),
    ],
)
def test_a_provider_or_a_firm_asked_is_no_activitys_mode(engine: Engine, question: str, word: str):
    # the text names none: what it says of the topic, no mode of the servers
    a = engine.answer(question)
    assert a.intent == "fallback_search" and a.mode is None and a.process is None
    assert word in a.text


def test_a_blocks_activities_asked_on_its_functions_map_are_the_blocks(engine: Engine):
    a = engine.answer("What activities sit under labour relations in the 2017 HR map?")
    assert a.intent == "structure" and a.map is None
    assert a.process is not None and a.process.id == "rh.relations-sociales"
    assert engine.answer("montre la carte RH 2017").map is not None


@pytest.mark.parametrize(
    "question",
    ["les régles pour les petits achats sous les seuils, 2017 ?", "règles des marchés sous les seuils en 2017 ?"],
)
def test_purchases_under_the_thresholds_are_the_mapa_not_an_amount_asked(engine: Engine, question: str):
    a = engine.answer(question)
    assert a.intent == "mode_lookup"
    assert a.process is not None and a.process.id == "jur.regles-mapa"
    assert engine.answer("quel est le seuil des MAPA ?").intent == "fallback_search"  # a threshold asked


def test_a_thing_off_the_years_map_with_nothing_of_its_function_instead_is_still_named(engine: Engine):
    # the digital communication is on the 2017 map only: asked of 2021, it is said absent, not swapped for IT networks
    a = engine.answer("les réseaux sociaux, en 2021 c'est quel mode ?")
    assert a.process is not None and a.process.id == "com.communication-digitale"
    assert "n'apparaît pas sur la carte 2021" in a.text
    # one absorbed by a thing of its function is that thing: the payslips of 2017 are the payroll's
    b = engine.answer("les fiches de paie en 2017")
    assert b.process is not None and b.process.id == "rh.realisation-paies"


@pytest.mark.parametrize(
    ("question", "commitment"),
    [
        ("harmoniser les procedures d'achat entre les CCI : status ?", "JUR-4"),
        ("le suivi annuel en Bureau et le rapport en AG, c'est fait cette année ?", "GOUV-1"),
    ],
)
def test_is_it_done_asked_of_a_commitments_words_is_its_progress(engine: Engine, question: str, commitment: str):
    a = engine.answer(question)
    assert a.intent == "commitments"
    assert [c.id for c in a.commitments] == [commitment]


@pytest.mark.parametrize("question", ["modes ?", "explain all 5 modes pls"])
def test_the_modes_asked_alone_are_defined(engine: Engine, question: str):
    assert engine.answer(question).intent == "mode_definition"


def test_a_map_taken_out_is_drawn(engine: Engine):
    a = engine.answer("Tu peux me sortir la carte marchés publics / achats de la projection 2021 ?")
    assert a.map is not None and a.map.function == "JUR" and a.map.year == 2021


def test_the_years_status_is_a_map_not_a_progress(engine: Engine):
    assert engine.answer("Which HR processes are harmonised at the 2017 status?").intent == "mode_list"


def test_a_long_message_s_subject_in_the_last_sentence_before_its_colon_is_kept(engine: Engine):
    a = engine.answer(
        "Bonjour, je suis arrivée il y a trois semaines au service paie de la CCI Mayenne et ma responsble m'a parlé "
        "du SROM sans trop rentrer dans le détail. Du coup j'aimerais savoir comment la paie est gérée aujourd'hui au "
        "niveau régional : c'est centralisé ou chaque CCI fait encore la sienne ?"
    )
    assert a.process is not None and a.process.id == "rh.realisation-paies"


@pytest.mark.parametrize(
    ("question", "process"),
    [
        ("elaboration budgets / MS 2021 ?", "rh.budgets-masse-salariale"),  # no budget amount asked
        ("en 2021, définition de la stratégie RH c'est mutualisé ou pas ?", "rh.strategie-rh"),  # no definition
        ("processus de décision / délégation en 2021", "jur.processus-decision-delegation"),
    ],
)
def test_a_cue_word_inside_a_name_said_whole_is_the_names(engine: Engine, question: str, process: str):
    a = engine.answer(question)
    assert a.intent == "mode_lookup"
    assert a.process is not None and a.process.id == process
    assert engine.answer("c'est quoi la définition de la mutualisation ?").intent == "mode_definition"


@pytest.mark.parametrize(
    "question",
    ["quel budget pour mettre en oeuvre le SROM ?", "le budget total pour mettre en oeuvre tout ça c'est combien ?"],
)
def test_an_amount_asked_of_the_srom_itself_is_said_absent(engine: Engine, question: str):
    a = engine.answer(question)
    assert a.intent == "fallback_search" and not a.candidates
    assert "aucun montant" in a.text


def test_the_word_budget_alone_still_asks_which_budget(engine: Engine):
    assert engine.answer("le budget ?").intent == "clarification"


@pytest.mark.parametrize(
    "question",
    [
        "when work is handed over to another chamber or to the national body, which category is that?",
        "si une chambre confie un boulot a cci france ou a un prestataire exterieur, ca rentre ds kel case",
    ],
)
def test_a_case_put_in_plain_words_names_its_mode(engine: Engine, question: str):
    a = engine.answer(question)
    assert a.intent == "mode_definition"
    assert a.mode is not None and a.mode.code == "I"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("les modes sont hiérarchisés ?", "fr"),
        ("Is integration meant to be the ultimate goal, above autonomy?", "en"),
        ("is there a ranking between the modes, like is centralising always the end goal?", "en"),
    ],
)
def test_whether_the_modes_rank_is_answered_by_the_preamble(engine: Engine, question: str, lang: str):
    a = engine.answer(question)
    assert a.intent == "mode_definition" and a.lang == lang
    assert "hiérarchisés" in a.sources[0].quote  # the text's own sentence, quoted, before the five modes
    assert a.text.startswith("*Non" if lang == "fr" else "*No")


@pytest.mark.parametrize(
    ("question", "intent", "process"),
    [
        ("strat achats en 2021 c harmonisé ?", "mode_lookup", "jur.strategie-achats"),  # "strat": stratégie
        ("histo des modes pr les marchés régionaux", "evolution", "jur.marches-regionaux"),  # "histo": historique
    ],
)
def test_more_chat_shortenings(engine: Engine, question: str, intent: str, process: str):
    a = engine.answer(question)
    assert a.intent == intent
    assert a.process is not None and a.process.id == process


@pytest.mark.parametrize(
    ("question", "commitment"),
    [
        ("quels sont les trois axes RH pour 2021 ?", "RH-1"),
        ("What were the five structuring IT decisions of May 2015 and where do they stand?", "SI-1"),
    ],
)
def test_the_axes_and_where_they_stand_are_the_commitments(engine: Engine, question: str, commitment: str):
    a = engine.answer(question)
    assert a.intent == "commitments"
    assert commitment in [c.id for c in a.commitments]


def test_how_to_take_a_day_off_is_the_askers_own_case(engine: Engine):
    assert engine.answer("comment poser un RTT dans l'outil RH ?").intent == "unknown"
