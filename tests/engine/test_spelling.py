"""The speller and the name matcher: what they respell, and what they must leave alone."""

from __future__ import annotations

import pytest

from bot.engine import Engine


@pytest.mark.parametrize(("word", "kept"), [("backing", True), ("racking", True), ("payrol", False)])
def test_an_english_word_of_an_english_question_is_not_respelled(engine: Engine, word: str, kept: bool) -> None:
    rewritten = engine.speller.rewrite(f"what about {word} in 2017", "en").split()[2]
    assert (rewritten == word) is kept


@pytest.mark.parametrize(("word", "not_read_as"), [("decentralised", "centralise"), ("decentralisee", "centralisee")])
def test_a_word_that_only_adds_a_prefix_is_not_a_typo_of_the_name(engine: Engine, word: str, not_read_as: str):
    assert not_read_as not in engine.matcher.expand(word, "en")
    assert not_read_as not in engine.matcher.expand(word, "fr")


def test_a_decentralised_organisation_names_no_mode(engine: Engine) -> None:
    a = engine.answer("Why was a decentralised organisation chosen for HR back in 2013?")
    assert a.mode is None
    assert a.intent == "fallback_search"


def test_a_french_form_of_a_word_the_text_uses_is_not_foreign(engine: Engine) -> None:
    # "lancés" and "diagnostique": the text says "lancement" and "diagnostic"; the question is about the SROM
    a = engine.answer("quels chantiers RH ont été lancés après le diagnostique de 2015 ?")
    assert a.intent == "fallback_search"
    assert a.function is not None and a.function.id == "RH"


@pytest.mark.parametrize(
    ("question", "process"),
    [
        ("payroll management in 2017?", "rh.realisation-paies"),
        ("Has training management changed since 2013?", "rh.formation"),
    ],
)
def test_an_english_compound_is_about_its_first_word(engine: Engine, question: str, process: str) -> None:
    a = engine.answer(question)
    assert a.process is not None and a.process.id == process


def test_a_compound_a_name_holds_stays_whole(engine: Engine) -> None:
    a = engine.answer("absence management mode 2021?")
    assert a.process is not None and a.process.id == "rh.gestion-temps-absences"


def test_an_english_word_no_name_holds_is_read_as_the_lexicon_s_french_word(engine: Engine) -> None:
    a = engine.answer("were wages paid centrally in 2017?")  # "wages", "paid": "paie"
    assert a.intent == "mode_lookup" and a.lang == "en" and a.year == 2017
    assert a.process is not None and a.process.id == "rh.realisation-paies"


def test_a_cue_word_written_with_an_optional_letter_is_in_the_vocabulary_both_ways(engine) -> None:
    assert engine.speller.word("enagement") == "engagement"


@pytest.mark.parametrize(
    ("question", "function"),
    [
        ("les trucs en coopération côté juridque en 2017 ?", "JUR"),
        ("c'est quoi les macro process de la finace ?", "FIN"),
    ],
)
def test_a_typo_of_a_function_s_name_still_names_it(engine, question: str, function: str) -> None:
    a = engine.answer(question)
    assert a.function is not None and a.function.id == function


@pytest.mark.parametrize(
    ("question", "entity"),
    [
        ("mode Mrchés publics en 2017 ?", "jur.marches-publics"),
        ("mode Sécurité jridique en 2017 ?", "jur.securite-juridique"),
        ("mode Gestion des plans de fnancement en 2017 ?", "fin.cdg.plans-de-financement"),
    ],
)
def test_a_letter_missing_near_the_start_of_a_name_s_word_is_a_typo_not_a_prefix(engine, question: str, entity: str):
    a = engine.answer(question)
    assert a.process is not None and a.process.id == entity


def test_a_real_prefix_is_still_another_word(engine) -> None:
    assert not engine.matcher.expand("decentralised", "en").get("centralised")


def test_every_everyday_word_stands_for_a_word_of_the_names_and_is_read(engine: Engine) -> None:
    """An everyday word whose value no name holds finds nothing; one the speller rewrites first, or a word of the
    names itself, is never read as everyday: all three would be dead entries."""
    everyday = engine.kb.lexicon.everyday
    assert len(everyday) >= 400
    assert not [w for w, near in everyday.items() if near not in engine.matcher.by_token]
    assert not [w for w in everyday if w in engine.matcher.by_token or w in engine.speller.replacements]


@pytest.mark.parametrize(
    ("question", "process"),
    [
        # "arrêts maladie" and "pointage" are words of the absences' names other than the one matched ("congés")
        ("congés, arrêts maladie, pointage : qui gère ça en 2021 ?", "rh.gestion-temps-absences"),
        ("les arrêts maladie et le pointage en 2017, quel mode ?", "rh.gestion-temps-absences"),
        # everyday words: "cyberattaques" is the names' "cybersécurité", "phishing" too
        ("les cyberattaques et le phishing en 2021 ?", "si.architecture-reseau-securite"),
    ],
)
def test_a_thing_said_in_everyday_words_is_found(engine: Engine, question: str, process: str) -> None:
    a = engine.answer(question)
    assert a.intent == "mode_lookup"
    assert a.process is not None and a.process.id == process


def test_a_typo_of_an_english_word_the_lexicon_reads_is_corrected(engine: Engine) -> None:
    # "politcal" is "political", read as the fact's "propositions politiques"
    a = engine.answer("who validates the politcal proposals made to the Bureau?")
    assert a.intent == "governance"
    assert [i.id for i in a.instances][:1] == ["gouv.comex"]


@pytest.mark.parametrize(("typed", "meant"), [("matricelle", "matricielle"), ("institutionelle", "institutionnelle")])
def test_a_long_word_one_edit_from_one_word_of_the_text_is_that_word(engine: Engine, typed: str, meant: str):
    assert engine.speller.rewrite(typed) == meant


def test_a_french_word_is_never_respelled_toward_the_text(engine: Engine):
    assert engine.speller.rewrite("matrimoniale") == "matrimoniale"


def test_a_reason_asked_with_a_typo_in_the_narratives_word_finds_the_narrative(engine: Engine):
    a = engine.answer("pourquoi l'orga RH matricelle a été revue ?")
    assert a.intent == "fallback_search"
    assert "matricielle" in a.text


def test_the_chats_cc_is_a_greeting(engine: Engine):
    assert engine.answer("cc le bot t'es là ?").intent == "help"


@pytest.mark.parametrize(("typed", "meant"), [("comtpa", "comptabilite"), ("recrtu", "recrutement")])
def test_a_typo_of_a_shortening_is_the_shortening(engine: Engine, typed: str, meant: str):
    assert engine.speller.rewrite(typed) == meant


def test_the_feminine_misspelling_of_publics_finds_the_public_contracts(engine: Engine):
    a = engine.answer("que contient le bloc marchés publiques ?")
    assert a.intent == "structure"
    assert a.process is not None and a.process.id == "jur.marches-publics"


def test_a_four_letter_word_one_letter_short_of_a_cue_is_that_cue(engine: Engine):
    assert engine.speller.rewrite("montre moi la cate RH 2017") == "montre moi la carte RH 2017"
    assert engine.speller.rewrite("immo 2021") == "immo 2021"  # a name's word is no typo


@pytest.mark.parametrize(("typed", "meant"), [("piolte", "pilote"), ("nrome", "norme"), ("hotilne", "hotline")])
def test_two_letters_swapped_in_a_short_word_are_a_typo_of_the_text_s_word(engine: Engine, typed: str, meant: str):
    # a swap is one slip of the fingers; only a word of no dictionary, with the very same letters, is read so
    assert engine.speller.rewrite(typed) == meant


def test_a_name_s_word_with_two_letters_swapped_is_recognised(engine: Engine):
    a = engine.answer("c'est quoi un elu piolte ?")
    assert a.intent == "governance"
    assert [i.id for i in a.instances] == ["gouv.elu-pilote"]


def test_a_hyphenated_compound_is_read_as_its_words(engine: Engine):
    # no name is written with a hyphen: "institutional-life" is the institutional life
    a = engine.answer("the institutional-life stuff, what mode in 2021?")
    assert a.process is not None and a.process.id == "jur.vie-institutionnelle"


@pytest.mark.parametrize(("question", "year"), [("l'état des lieux de la paie", 2013), ("Etat des lieux paie", 2013)])
def test_a_state_of_play_is_a_year_and_the_state_a_name(engine: Engine, question: str, year: int):
    # "état des lieux" is 2013's map; "l'État" alone is the State the COM is concluded with
    assert engine.answer(question).year == year


def test_the_state_written_small_is_still_the_state(engine: Engine):
    a = engine.answer("c'est quoi la COM avec l'état ?")
    assert [i.id for i in a.instances] == ["gouv.convention-objectifs-moyens"]


def test_a_names_it_is_the_it_never_a_pronoun(engine: Engine):
    # the IT block "Gouvernance" is named "it governance": "the governance" alone is the SROM's governance
    a = engine.answer("What are the regulated commissions in the governance?")
    assert a.intent == "governance" and a.process is None
    assert "gouv.commission-paritaire" in [i.id for i in a.instances]
    it = engine.answer("IT governance mode 2017?")
    assert it.process is not None and it.process.id == "si.gouvernance"


@pytest.mark.parametrize(
    ("question", "codes"),
    [
        ("mode c definition stp", ["C"]),
        ("tt ce qui est en mode i ds la dsi en 2013", ["I"]),
        ("qu est ce qui est en m ou en i en 2017", ["M", "I"]),
        ("a/c/h/m/i ca veut dire koi", ["A", "C", "H", "M", "I"]),
        ("kel difference entre a et h", ["A", "H"]),
        ("c koi le m", ["M"]),
    ],
)
def test_a_modes_letter_typed_small_is_read_in_a_modes_place(engine: Engine, question: str, codes: list[str]):
    from bot.engine.letters import small_letters

    assert list(dict.fromkeys(small_letters(question))) == codes


@pytest.mark.parametrize(
    "question", ["le mode a changé ?", "c koi la mutualisation", "mode c est quoi", "je suis a la dsi", "en m appelant"]
)
def test_a_small_letter_that_is_a_word_is_no_mode(engine: Engine, question: str):
    from bot.engine.letters import small_letters

    assert small_letters(question.replace("é", "e")) == []


@pytest.mark.parametrize(
    ("question", "intent", "function"),
    [
        ("l accord gpec a ete signe qd", "fallback_search", "RH"),  # an acronym of the text, typed small
        ("le sirh a ete deploye qd", "fallback_search", "RH"),
        ("pourquoi on a voulu fusionner les si des cci", "fallback_search", "SI"),  # "les si": no "if"
        (
            "bonjour, je prepare le rapport pr le bureau : kel est le mode de gestion du controle de gestion en 2017",
            "mode_lookup",
            "FIN",
        ),  # a preamble typed fast, with no question mark
    ],
)
def test_questions_typed_fast_keep_their_reading(engine: Engine, question: str, intent: str, function: str):
    a = engine.answer(question)
    assert a.intent == intent
    assert a.function is not None and a.function.id == function


@pytest.mark.parametrize(
    ("question", "function"),
    [
        ("list the blocks of the it map", "SI"),
        ("what are the it commitments for 2021", "SI"),
        ("it: whats mutualised in 2017", "SI"),
        ("whats mutualised in it in 2017", "SI"),
    ],
)
def test_it_typed_small_where_only_the_it_fits_is_the_it(engine: Engine, question: str, function: str):
    a = engine.answer(question)
    assert a.function is not None and a.function.id == function


@pytest.mark.parametrize("question", ["is it pooled in 2017?", "what is it?", "it is harmonised, right?"])
def test_the_pronoun_it_is_no_function(engine: Engine, question: str):
    a = engine.answer(question)
    assert a.function is None or a.function.id != "SI"


@pytest.mark.parametrize(
    ("question", "codes"),
    [
        ("what does m stand for", ["M"]),
        ("explain the a mode", ["A"]),
        ("what does the letter i mean in the maps", ["I"]),
    ],
)
def test_an_english_modes_letter_typed_small_is_read(engine: Engine, question: str, codes: list[str]):
    a = engine.answer(question)
    assert a.intent == "mode_definition"
    assert a.mode is not None and [a.mode.code] == codes


def test_u_is_you(engine: Engine):
    assert engine.answer("what can u do").intent == "help"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("arbirte", "arbitre"), ("aritre", "arbitre"), ("presdie", "preside"), ("delbiere", "delibere")],
)
def test_a_typo_inside_a_cues_stem_keeps_the_words_ending(engine: Engine, typed: str, meant: str):
    # the cues read "arbitr…", "presid…", "delib…" with any ending: a slip inside the stem is read so
    assert engine.speller.rewrite(typed) == meant


@pytest.mark.parametrize("typed", ["comppta", "comptta", "commpta"])
def test_a_doubled_letter_in_a_shortening_is_the_shortening(engine: Engine, typed: str):
    assert engine.speller.rewrite(typed) == "comptabilite"


def test_who_arbitrates_misspelt_is_still_the_governance(engine: Engine):
    assert engine.answer("qui aritre ?").intent == "governance"


@pytest.mark.parametrize(("typed", "meant"), [("processs", "process"), ("commex", "comex")])
def test_one_letter_typed_twice_is_dropped_where_it_makes_a_word(engine: Engine, typed: str, meant: str):
    assert engine.speller.rewrite(typed) == meant


def test_saved_money_asked_is_the_gains(engine: Engine):
    a = engine.answer("combien on a économisé sur la maintenance des outils finance depuis 2013 ?")
    assert a.intent == "fallback_search"


@pytest.mark.parametrize("typed", ["régionalitdue", "regioanlitude", "réionalitude"])
def test_a_typo_of_a_word_the_lexicon_rewrites_is_rewritten_like_the_word(engine: Engine, typed: str):
    # the lexicon reads « régionalitude » as "les modes de gestion": its typo, found in the text, is read the same
    assert engine.answer(f"c quoi la {typed}").intent == "mode_definition"
    assert engine.answer(f"what does '{typed}' mean?").intent == "mode_definition"


@pytest.mark.parametrize(
    "question", ["tahnks a lot!", "treasruy 2013?", "recuitment mode 2013?", "purchaisng stats 2021?"]
)
def test_a_question_whose_typos_hid_its_english_is_answered_in_english(engine: Engine, question: str):
    assert engine.answer(question).lang == "en"


@pytest.mark.parametrize(
    "question",
    [
        "fond social 2017 ?",
        "declarations fiscales 2021 ?",
        "elections IRP mode 2013",
        "support utilisateurs : 2013 vs 2017 ?",
        "recrutment - intégration, mode 2021 ?",
        "suport utilisateur 2021 ??",
    ],
)
def test_the_domain_s_words_both_languages_write_alike_leave_a_french_question_french(engine: Engine, question: str):
    # "support", "social", "élections" are English words too, and "recrutment" is one letter from the English
    # cue "recruitment" as from the text's "recrutement": none of them makes the question English
    assert engine.answer(question).lang == "fr"


@pytest.mark.parametrize(("typed", "meant"), [("thnks", "thanks"), ("plase", "please")])
def test_a_five_letter_typo_of_an_english_cue_is_corrected(engine: Engine, typed: str, meant: str):
    assert engine.speller.rewrite(f"{typed}!", "en") == f"{meant}!"


@pytest.mark.parametrize(("typed", "meant"), [("amao", "amoa"), ("mdoe", "mode")])
def test_two_letters_swapped_in_a_four_letter_word_of_the_text_is_that_word(engine: Engine, typed: str, meant: str):
    assert engine.speller.rewrite(f"{typed} 2021 ?") == f"{meant} 2021 ?"


@pytest.mark.parametrize("question", ["c quoi la nrome 4.9", "cest quoi la normme 4.9 ?"])
def test_a_word_before_a_number_is_respelled_unless_it_is_an_id_s_letters(engine: Engine, question: str):
    # "nrome 4.9" is no commitment id ("rh 2" is): its typo is read; "cest" is "c'est" typed fast
    assert engine.answer(question).intent == "fallback_search"
    assert engine.speller.rewrite("ou en est rh 2 ?") == "ou en est rh 2 ?"


@pytest.mark.parametrize("typed", ["Qulité", "Quaité"])
def test_a_typo_of_a_name_is_not_read_as_a_filler_word(engine: Engine, typed: str):
    # "quite" was a stopword, and the speller's target for "qulite": the IT's Qualité vanished from the question
    a = engine.answer(f"mode {typed} en 2017 ?")
    assert a.intent == "mode_lookup" and a.process is not None and a.process.id == "si.qualite"


@pytest.mark.parametrize(("word", "read"), [("assoc", "assoc"), ("pros", "professionnel"), ("pai", "paie")])
def test_a_name_s_word_cut_short_is_left_to_the_matcher_and_a_shortening_s_plural_is_the_shortening(
    engine: Engine, word: str, read: str
) -> None:
    # "assoc" shares its stem with "associés", a word of the text; it is "association" cut short, which the matcher
    # reads. "pros" is the lexicon's "pro" in the plural. "pai" (four letters or less) is still respelled.
    assert engine.speller.rewrite(f"les {word} en 2017", "fr").split()[1] == read


@pytest.mark.parametrize(
    ("question", "process"),
    [
        ("compta assoc en 2013 c'etait quel mode de gestoin", "fin.comptabilite-association"),
        ("les entretients pros en 2017 c'est quel mode ?", "rh.evaluations-professionnelles"),
    ],
)
def test_a_name_typed_short_is_found(engine: Engine, question: str, process: str) -> None:
    a = engine.answer(question)
    assert a.process is not None and a.process.id == process


def test_a_word_of_a_long_shared_root_stands_for_the_names_word(engine: Engine) -> None:
    # "candidate" and "candidatures" share eight letters; their Snowball stems differ
    assert "candidatures" in engine.matcher.expand("candidate", "fr")
    a = engine.answer("quand la CCI candidate elle-même à un AO, c'est géré en quel mode en 2017 ?")
    assert a.intent == "mode_lookup" and a.process is not None and a.process.id == "jur.reponses-appels-offres"
