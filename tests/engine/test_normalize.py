from __future__ import annotations

import pytest

from bot.engine.normalize import MAX_CHARS, clean, parse, quoted, tokenize

YEARS = (2013, 2017, 2021)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<@U024BE7LH> mode paie 2017", "mode paie 2017"),
        ("@srom tréso ?", "treso ?"),
        ("Voir <https://example.org/x|le site> STP", "voir le site stp"),
        ("mode :tada: paie 🎉🎉", "mode paie"),
        ("Cœur de l’activité", "coeur de l'activite"),
        ("aiiiide", "aide"),
    ],
)
def test_clean_removes_slack_markup_and_folds(raw, expected):
    assert " ".join(clean(raw)[0].split()) == expected


def test_very_long_input_is_capped():
    text, truncated = clean("paie " * 2000)
    assert truncated
    assert len(text) <= MAX_CHARS


def test_elisions_are_removed():
    assert tokenize("l'harmonisation d'un qu'est-ce") == ["harmonisation", "un", "est-ce"]


@pytest.mark.parametrize(
    ("raw", "years", "foreign"),
    [
        ("mode paie 2017", [2017], []),
        ("paie en 17", [2017], []),
        ("paie '13", [2013], []),
        ("état des lieux de la paie", [2013], []),
        ("statut de la paie", [2017], []),
        ("paie d'ici 2021", [2021], []),
        ("projection paie", [2021], []),
        ("horizon paie", [2021], []),
        ("paie en 2019", [], [2019]),
        ("paie entre 2013 et 2021", [2013, 2021], []),
        ("paie", [], []),
        ("veille juridique 13 / 17 / 21", [2013, 2017, 2021], []),  # known years of two digits in a row
        ("paie 17 vs 21", [2017, 2021], []),
        ("entre 13 et 17 ETP", [], []),  # numbers joined by a word: not years
        ("page 13", [], []),
    ],
)
def test_years(raw, years, foreign):
    q = parse(raw, YEARS)
    assert q.years == years
    assert q.foreign_years == foreign


@pytest.mark.parametrize(
    ("raw", "lang"),
    [
        ("mode for payroll in 2017?", "en"),
        ("who arbitrates?", "en"),
        ("quel mode pour la paie ?", "fr"),
        ("tréso 2017 ?", "fr"),
        ("qui arbitre", "fr"),
        ("Commission consultative des marchés: mode in 2021?", "en"),  # "in 2021": the French say "en 2021"
        ("Commission consultative des marchés : mode en 2021 ?", "fr"),
    ],
)
def test_language(raw, lang):
    assert parse(raw, YEARS).lang == lang


def test_question_words_do_not_reach_matching():
    q = parse("Quel est le mode de gestion pour la paie en 2017 ?", YEARS)
    assert q.content == ["paie"]
    q = parse("what is the mode for payroll in 2017", YEARS)
    assert q.content == ["payroll"]


@pytest.mark.parametrize(
    ("question", "function", "year", "compare"),
    [
        ("montre la carte RH 2017", "RH", 2017, False),
        ("show me the HR map over time", "RH", None, True),
        ("cartographie finances 2013 2021", "FIN", None, True),
        ("carte SI", "SI", 2021, False),
    ],
)
def test_map_requests(question, function, year, compare):
    from bot.engine import answer

    a = answer(question)
    assert a.map is not None
    assert (a.map.function, a.map.year, a.map.compare) == (function, year, compare)
    assert "map" not in a.to_public_json()


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("IT asset mgmt (gestion du parc) 2017 mode?", "en"),
        ("what mode is « gestion des temps et des absences » in?", "en"),
        ("la paie (payroll) en 2017, quel mode ?", "fr"),
        ("sourcing (purchasing) 2017 mode??", "en"),  # nothing outside the brackets tells: all the words do
    ],
)
def test_a_gloss_in_brackets_or_quotes_does_not_set_the_language(question: str, lang: str) -> None:
    assert parse(question, (2013, 2017, 2021)).lang == lang


@pytest.mark.parametrize("question", ["la mutualisation c un peu comme un CSP non ?", "is pooling like a CSP?"])
def test_comparison_and_yes_no_words_are_not_content(question: str) -> None:
    content = parse(question, (2013, 2017, 2021)).content
    assert not {"comme", "peu", "non", "like"} & set(content)  # "comme" was read as the COM function


@pytest.mark.parametrize(
    ("question", "not_content"),
    [
        ("et maintenant la paie ?", "maintenant"),  # was read as a truncation of "maintenance"
        ("je veux faire la mise à jour de mon engagement", "jour"),  # of "journal"
        ("je sais pas ce que c'est", "sais"),  # of "saisie"
        ("parce que la paie est intégrée ?", "parce"),  # of "parc"
        ("just the payroll mode please", "just"),  # of "justification"
        ("how come payroll is integrated?", "come"),  # of "COM"
        ("comment ça fonctionne la mutualisation ?", "fonctionne"),  # of "fonction"
        ("quel outil on utilise pour la paie ?", "utilise"),  # of "utilisateur"
    ],
)
def test_function_words_that_look_like_truncations_of_the_domain_are_not_content(question: str, not_content: str):
    assert not_content not in parse(question, (2013, 2017, 2021)).content


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("thx, super useful", "en"),
        ("super, trop pratique", "fr"),
        ("merci, super utile", "fr"),
        ("ok", "fr"),
        ("hotline 2017", "fr"),  # one English word may be a name of the SROM
        ("payroll outsourcing 2021", "en"),
    ],
)
def test_words_no_marker_decides_go_by_the_language_whose_dictionary_alone_holds_them(text: str, lang: str) -> None:
    assert parse(text, (2013, 2017, 2021)).lang == lang


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("What mode was 'Management DSI' in 2017?", ["Management DSI"]),
        ("statut de l'engagement « faire savoir »", ["faire savoir"]),
        ("l'activité d'achat de l'équipe", []),  # elisions are no quotes
        ('the "GPEC" commitment', ["GPEC"]),
    ],
)
def test_quoted_spans_are_found_and_elisions_are_not_quotes(text: str, spans: list[str]) -> None:
    assert quoted(text) == spans


@pytest.mark.parametrize("question", ["les clôtures de fin d'année, quel mode ?", "le budget de fin de mandature ?"])
def test_fin_before_de_is_the_end_not_the_finance_function(question: str):
    assert "fin" not in parse(question, (2013, 2017, 2021)).content


def test_fin_written_big_or_before_a_year_is_the_finance_function():
    assert "fin" in parse("carte fin 2013 stp", (2013, 2017, 2021)).content
    assert "fin" in parse("les activités FIN de fin d'année", (2013, 2017, 2021)).content
