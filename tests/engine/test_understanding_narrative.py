"""Questions the narrative answers, or whose answer is that the text gives no such thing."""

from __future__ import annotations

import pytest

from bot.engine import Engine


@pytest.mark.parametrize(
    ("question", "lang", "function"),
    [
        ("combien d'ETP en moins à la compta ?", "fr", "FIN"),
        ("how many people work in the regional HR department?", "en", "RH"),
        ("quel est l'effectif de la DSI ?", "fr", "SI"),
        # "personnes" is near HR's "personnel", but the DSI is said whole: IT's staff
        ("combien de personnes à la DSI régionale ?", "fr", "SI"),
        ("combien d'ETP au service juridique régional ?", "fr", "JUR"),
    ],
)
def test_a_headcount_is_said_to_be_absent_with_what_the_text_says_of_the_staff(
    engine: Engine, question: str, lang: str, function: str
) -> None:
    a = engine.answer(question)
    assert a.intent == "fallback_search" and a.lang == lang
    assert a.mode is None and a.instances == []
    head = a.text.splitlines()[0]
    assert ("aucun effectif chiffré" if lang == "fr" else "no headcount figures") in head
    assert a.function is not None and a.function.id == function  # that function's passage first


def test_a_reason_about_a_named_function_is_found_in_its_passages_by_half_its_words(engine: Engine) -> None:
    a = engine.answer("why are the IT people partially assigned to the CCIs?")
    assert a.intent == "fallback_search"
    assert a.function is not None and a.function.id == "SI"
    assert any("affectation partielle" in s.quote for s in a.sources)


def test_when_a_body_decided_about_a_named_function_cites_that_function(engine: Engine) -> None:
    a = engine.answer("quand est-ce que le bureau a tranché pour l'organisation des finances ?")
    assert a.intent == "fallback_search"
    assert a.function is not None and a.function.id == "FIN"
    assert "juillet 2015" in a.sources[0].quote


@pytest.mark.parametrize("question", ["la carto RH ?", "t'as une carto des finances ?"])
def test_a_carto_is_a_map(engine: Engine, question: str) -> None:
    a = engine.answer(question)
    assert a.map is not None


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("c'est quoi la norme 4.9 dont parle le SROM ?", "Norme 4.9"),
        ("Which chambers worked together on drafting the SROM?", "ont travaillé conjointement"),
    ],
)
def test_the_srom_named_as_where_a_topic_is_found_is_not_the_topic(engine: Engine, question: str, quoted: str):
    answer = engine.answer(question)
    assert answer.intent == "fallback_search"
    assert any(quoted in s.quote for s in answer.sources)


def test_the_srom_named_as_the_topic_still_counts(engine: Engine) -> None:
    answer = engine.answer("is the SROM required by a specific law? NOTRe?")
    assert answer.intent == "fallback_search" and answer.sources


@pytest.mark.parametrize(
    "question",
    ["quels gains on a constaté en finance depuis 2013 ?", "Did the changes actually reduce costs in finance?"],
)
def test_what_the_changes_brought_is_the_narrative_s_account_not_the_modes_history(engine: Engine, question: str):
    answer = engine.answer(question)
    assert answer.intent == "fallback_search"
    assert answer.sources and all("Services financiers" in s.section for s in answer.sources)


def test_a_mode_asked_since_a_year_is_still_the_modes_history(engine: Engine) -> None:
    assert engine.answer("la finance, quel mode depuis 2013 ? des gains ?").intent in ("evolution", "mode_lookup")


@pytest.mark.parametrize("question", ["le logo full CCI, ça vient d'où ?", "where did the full CCI logo come from?"])
def test_an_origin_asked_is_the_narrative_s(engine: Engine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.intent == "fallback_search"
    assert any("logo full CCI" in s.quote for s in answer.sources)


def test_the_legal_basis_asked_puts_the_passage_citing_the_law_first(engine: Engine) -> None:
    answer = engine.answer("la CCIR centrale d'achat, c'est basé sur quel article de loi ?")
    assert answer.intent == "fallback_search"
    assert "L711-8" in answer.sources[0].quote


@pytest.mark.parametrize(
    "question",
    [
        "en vertu de quelle loi la CCIR est centrale d'achat ?",  # "loi" has no topic word of its own
        "what's the legal basis for the purchasing hub?",  # "hub" is the French "centrale"
    ],
)
def test_a_law_asked_about_a_topic_puts_the_passage_citing_a_legal_text_first(engine: Engine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.intent == "fallback_search"
    assert "L711-8" in answer.sources[0].quote


@pytest.mark.parametrize(
    ("question", "lang"),
    [("quelle loi impose le SROM ?", "fr"), ("base légale du SROM ?", "fr"), ("is the SROM required by law?", "en")],
)
def test_a_law_asked_of_the_srom_itself_gives_the_passages_citing_legal_obligations(
    engine: Engine, question: str, lang: str
) -> None:
    answer = engine.answer(question)
    assert answer.intent == "fallback_search" and answer.lang == lang
    assert "obligations légales" in answer.sources[0].quote
    assert any("L711-8" in s.quote for s in answer.sources)


def test_whose_idea_it_was_is_an_origin(engine: Engine) -> None:
    a = engine.answer("le logo full CCI, c'est une idée des Pays de la Loire ?")
    assert a.intent == "fallback_search" and any("logo full CCI" in s.quote for s in a.sources)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("What's the IT budget planned for 2021?", "en"),
        ("quel budget pour le SDSI ?", "fr"),  # the IT master plan's, hence IT's
        ("combien coûte la DSI régionale ?", "fr"),
    ],
)
def test_an_amount_is_said_to_be_absent_with_what_the_text_says_of_the_function_s_means(
    engine: Engine, question: str, lang: str
) -> None:
    a = engine.answer(question)
    assert a.intent == "fallback_search" and a.lang == lang and a.mode is None
    assert ("aucun montant" if lang == "fr" else "no amount") in a.text.splitlines()[0]
    assert a.function is not None and a.function.id == "SI"


@pytest.mark.parametrize(
    ("question", "intent"),
    [("qui vote le budget de la CCI ?", "governance"), ("mode des budgets RH en 2017 ?", "mode_lookup")],
)
def test_a_budget_voted_or_a_budget_activity_is_no_amount_asked(engine: Engine, question: str, intent: str) -> None:
    assert engine.answer(question).intent == intent


def test_what_a_function_s_changes_brought_is_in_its_own_passages(engine: Engine) -> None:
    a = engine.answer("concrètement ça a rapporté quoi les chantiers finance depuis 2013 ?")
    assert a.intent == "fallback_search" and a.function is not None and a.function.id == "FIN"
    assert any("performance" in s.quote or "gains" in s.quote for s in a.sources)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("le SROM parle du télétravail ?", "fr"),
        ("Does the SROM say anything about remote working?", "en"),
        ("c'est quand la prochaine révision du SROM ?", "fr"),
        # the SROM named as "the scheme", "the document", "ce texte"
        ("le schéma dit quoi sur le télétravail ?", "fr"),
        ("does the scheme say anything about remote work?", "en"),
    ],
)
def test_a_question_about_the_srom_the_text_does_not_answer_is_told_the_text_is_silent(
    engine: Engine, question: str, lang: str
) -> None:
    a = engine.answer(question)
    assert a.intent == "fallback_search" and a.lang == lang and a.sources == [] and a.mode is None
    assert ("n'en dit rien" if lang == "fr" else "says nothing") in a.text


def test_a_question_that_does_not_name_the_srom_and_matches_nothing_is_out_of_scope(engine: Engine) -> None:
    assert engine.answer("quel temps fait-il à Nantes ?").intent == "unknown"


def test_the_passage_of_the_year_asked_comes_first(engine: Engine) -> None:
    # (how many missions, asked alone, is the 2013 map's structure: its blocks)
    a = engine.answer("en 2013 les RH étaient organisées autour de quelles missions selon le texte ?")
    assert a.intent == "fallback_search" and "trois missions" in a.sources[0].quote


def test_an_acronym_the_text_uses_is_a_topic_of_its_own_for_a_date(engine: Engine) -> None:
    a = engine.answer("le SIRH a été déployé quand ?")
    assert a.intent == "fallback_search" and any("SIRH" in s.quote for s in a.sources)


def test_in_the_named_function_a_mode_s_word_is_part_of_the_narrative_topic(engine: Engine) -> None:
    a = engine.answer("quels chantiers de mutualisation SI étaient en cours en 2013 ?")
    assert a.intent == "fallback_search" and a.function is not None and a.function.id == "SI"
    assert "chantiers de mutualisation" in a.sources[0].quote


def test_what_a_function_gained_is_its_gains_whatever_word_of_its_contents_the_question_uses(engine: Engine):
    # "regroupant" is a word of the structure cue ("ce que regroupe …") and of the legal part's introduction
    a = engine.answer("combien d'euros on a économisé en regroupant la compta ?")
    assert a.intent == "fallback_search" and a.function is not None and a.function.id == "FIN"
    assert all(s.section.startswith("Services financiers") for s in a.sources)
