"""Where a question's words stand tells what they mean: two years bound a span, the scheme's "three pictures" are
its maps, a block is told by its activities and an activity placed by its block, a cue's word inside a name said
whole is the name's, a thing no map holds is shown where the text speaks of it, a progress told is recorded by a
command, a letter typed small is a mode only in a mode's place."""

from __future__ import annotations

import pytest

from bot.engine import Engine


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


def test_a_thing_no_map_holds_nor_the_text_names_is_said_absent_then_read_as_its_function_s(engine: Engine):
    # no activity of that name: said first; the function model reads events as communication's, said as a reading
    a = engine.answer("l'évènementiel en 2021, on est sur quel mode ?")
    assert a.intent == "mode_lookup" and a.mode is None and a.process is None
    assert a.text.startswith("_Je ne trouve pas d'activité de ce nom sur les cartes ; la question semble porter sur")
    assert a.function is not None and a.function.id == "COM"


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


@pytest.mark.parametrize(
    ("question", "intent", "expected"),
    [
        ("la gouvernance renouvelée des schémas sectoriels, c'est lancé ?", "commitments", "GOUV-2"),
        ("IT function: how did the modes evolve from 2013 to 2021?", "evolution", "SI"),
        ("qu'est ce quil y a dans vie institutionelle", "structure", "jur.vie-institutionnelle"),
        ("les délibs d'AG, 2013, quel mode ?", "mode_lookup", "jur.deliberations"),
    ],
)
def test_more_of_the_staffs_ways(engine: Engine, question: str, intent: str, expected: str):
    # "c'est lancé ?" asks a progress; "the modes" of a function named evolve; "quil" glued; "délibs" shortened
    a = engine.answer(question)
    assert a.intent == intent
    found = [c.id for c in a.commitments] + [a.function.id if a.function else "", a.process.id if a.process else ""]
    assert expected in found


def test_now_and_in_terms_of_frame_a_functions_mode(engine: Engine):
    # "en ce moment", "plutôt", "en termes de" name nothing: the communication function's modes, not "no such thing"
    for question in (
        "la com en ce moment, c'est plutôt quel mode ?",
        "la com, qu'est-ce qui a changé en termes de mode ?",
    ):
        a = engine.answer(question)
        assert a.function is not None and a.function.id == "COM"


@pytest.mark.parametrize(
    "question",
    [
        "Did the legal function move away from autonomy since 2013?",
        "la fonction juridique est-elle sortie de l'autonomie depuis 2013 ?",
    ],
)
def test_a_function_leaving_a_mode_asks_its_history(engine: Engine, question: str):
    a = engine.answer(question)
    assert a.intent == "evolution"
    assert a.function is not None and a.function.id == "JUR"


def test_managing_the_it_function_asks_who_not_the_it_management_block(engine: Engine):
    # "IT management" was a name of the DSI's management block: with the IT read as a name's word, "managing the IT
    # function" named the block instead of asking who runs the function
    a = engine.answer("Who has been managing the IT function since the 2015 reorganisation?")
    assert a.intent == "governance"
    assert "gouv.dsi-regionale" in [i.id for i in a.instances]
    b = engine.answer("IT project management / AMOA for 2021, what mode?")
    assert b.process is not None and b.process.id == "si.conseil-amoa"


def test_an_acronyms_other_words_naming_a_commitment_decide(engine: Engine):
    a = engine.answer("labo de com ça avance ?")
    assert a.intent == "commitments" and [c.id for c in a.commitments] == ["COM-1"]
    assert engine.answer("où en est la COM ?").intent == "clarification"  # nothing else said: asked back


def test_labour_relations_in_the_staffs_words(engine: Engine):
    a = engine.answer("la partie sur les relations avec les représentants du personnel, y'a quoi dedans ?")
    assert a.intent == "structure"
    assert a.process is not None and a.process.id == "rh.relations-sociales"


def test_the_software_asked_after_its_topic_is_what_the_text_says(engine: Engine):
    a = engine.answer("le logiciel de paie c'est lequel ?")
    assert a.intent == "fallback_search" and a.mode is None and a.process is None
    assert a.function is not None and a.function.id == "RH"
