"""The intent model (bot/engine/intents.py) and its second opinion on the rules' route (bot/engine/arbiter.py)."""

from __future__ import annotations

import copy
import math
from collections import Counter
from pathlib import Path

import pytest

from bot.engine import Engine, intents
from bot.engine.arbiter import SURE, SURE_FUNCTION
from srom_data.loader import DEFAULT_DATA_DIR
from tests.engine.scoring import BLINDS, LABELLED
from tests.engine.train_intents import FUNCTIONS, MODEL, digest, functions, questions


@pytest.fixture(scope="module")
def model() -> intents.IntentModel:
    return intents.read(MODEL)[0]


@pytest.fixture(scope="module")
def rules_alone(engine: Engine) -> Engine:
    alone = copy.copy(engine)
    alone.intents = alone.functions_guessed = None
    return alone


def test_the_model_is_learnt_from_the_labelled_sets_as_they_are_now():
    _, trained_on = intents.read(MODEL)
    assert trained_on == digest(questions()), "a labelled set changed: run python -m tests.engine.train_intents"


def test_the_function_model_is_learnt_from_the_labelled_sets_as_they_are_now():
    model, trained_on = intents.read(FUNCTIONS)
    assert trained_on == digest(functions()), "a labelled set changed: run python -m tests.engine.train_intents"
    assert set(model.classes) == {"FIN", "RH", "SI", "JUR", "COM", intents.NO_FUNCTION}


def test_no_blind_set_is_learnt_from():
    for rows in (questions(), functions()):
        learnt_from = {name for name, _, _ in rows}
        assert learnt_from == set(LABELLED)
        assert not learnt_from & set(BLINDS)  # names only: a blind set's questions are never printed


def _by_the_book(model: intents.IntentModel, text: str) -> tuple[str, float]:
    """The model applied as it was trained: every feature counted, weighed, scaled and put through a softmax."""
    words, pairs = intents.parts(text)
    counted = Counter(f for w in words for f in intents.word_features(w) if f in model.rows)
    counted.update(f for f in pairs if f in model.rows)
    if not counted:
        return "unknown", 0.0
    scale = 1 / math.sqrt(sum(model.rows[f][0] * n for f, n in counted.items()))
    scores = [b + scale * sum(model.rows[f][j + 1] * n for f, n in counted.items()) for j, b in enumerate(model.bias)]
    top = max(scores)
    return model.classes[scores.index(top)], 1 / sum(math.exp(s - top) for s in scores)


@pytest.mark.parametrize(
    "text",
    ["qui arbitre ?", "kiarbitr", "mode pour la paie en 2017 ?", "la la la la", "où en est RH-1 ?", "???", ""],
)
def test_the_words_kept_sums_are_the_model_applied_by_the_book(model: intents.IntentModel, text: str):
    guess, sure = model.guess(text)
    expected, expected_sure = _by_the_book(model, text)
    assert guess == expected
    assert sure == pytest.approx(expected_sure, abs=1e-9)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("qui arbitre ?", "governance"),
        ("kiarbitr", "governance"),
        ("mod pour la pai en 2017", "mode_lookup"),
        ("c'est quoi la mutualisation ?", "mode_definition"),
        ("où en est RH-1 ?", "commitments"),
        ("who signs the regional contracts?", "governance"),
    ],
)
def test_the_model_guesses_what_a_question_asks(model: intents.IntentModel, text: str, intent: str):
    guess, sure = model.guess(text)
    assert guess == intent
    assert sure >= SURE


def test_a_question_the_model_knows_nothing_of_is_unknown_and_unsure(model: intents.IntentModel):
    assert model.guess("") == ("unknown", 0.0)
    assert model.guess("  !!  ") == ("unknown", 0.0)


def test_the_words_kept_are_bounded():
    model = intents.IntentModel(["a", "b"], [0.0, 0.0], {"w:x": [1.0, 1.0, -1.0]})
    for i in range(50_001):
        model.guess(f"mot{i}")
    assert len(model._words) <= 50_000
    assert model.guess("x")[0] == "a"


def test_a_data_folder_without_a_model_has_none(tmp_path: Path):
    assert intents.for_data(tmp_path) is None
    assert intents.for_data(DEFAULT_DATA_DIR) is not None


@pytest.mark.parametrize(
    ("question", "intent", "rules_said"),
    [
        ("les macro-processus du juridique svp", "structure", "governance"),
        ("logo full CCI c'est parti d'où ?", "fallback_search", "mode_lookup"),
        ("où on retrouve ce qui a été décidé en AG", "governance", "fallback_search"),
        ("did the finance teams actually shrink because of all this?", "fallback_search", "unknown"),
        ("quand est versé le salaire ce mois ci ?", "unknown", "fallback_search"),
        ("le guide des achats régionaux il est finalisé ?", "commitments", "fallback_search"),
        ("formation : passage d'un mode à l'autre entre 2013 et 2017 ?", "evolution", "mode_lookup"),
        # the commitments are overruled too (session 11): an objective of the text, not the commitments' list
        ("c'était quoi l'objectif SI pour 2017 ?", "fallback_search", "commitments"),
        # and a mode of an activity in a year: the rules read "délibs d'AG" as the General Assembly's roles
        ("la rédaction des PV et des délibs d'AG, c quel mode aujourd'hui", "mode_lookup", "governance"),
    ],
)
def test_the_model_overrules_a_route_the_rules_got_wrong(
    engine: Engine, rules_alone: Engine, question: str, intent: str, rules_said: str
):
    assert rules_alone.answer(question).intent == rules_said
    assert engine.answer(question).intent == intent


class _Sure:
    def __init__(self, intent: str, sure: float) -> None:
        self.said = (intent, sure)

    def against(self, text: str, intent: str) -> tuple[str, float] | None:
        return None if self.said[0] == intent else self.said

    def guess(self, text: str) -> tuple[str, float]:
        return self.said


def _with(engine: Engine, guess: _Sure) -> Engine:
    other = copy.copy(engine)
    other.intents = guess
    return other


def test_a_guess_under_the_bar_changes_nothing(engine: Engine, rules_alone: Engine):
    question = "qui arbitre ?"
    unsure = _with(engine, _Sure("structure", SURE - 0.01))
    assert unsure.answer(question).text == rules_alone.answer(question).text


def test_a_route_that_finds_nothing_leaves_the_rules_answer(engine: Engine, rules_alone: Engine):
    # structure needs a function; "qui arbitre ?" names none: the governance answer stands
    sure = _with(engine, _Sure("structure", 0.99))
    assert sure.answer("qui arbitre ?").intent == "governance"
    # a mode asked of nothing named: no subject to answer about
    sure = _with(engine, _Sure("mode_lookup", 0.99))
    assert sure.answer("qui arbitre ?").intent == "governance"


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("contentieux ?", "clarification"),
        ("évolution du recrutement entre 2013 et 2021 ?", "evolution"),
        ("c'est quoi la mutualisation ?", "mode_definition"),
        ("bonjour", "help"),
    ],
)
def test_the_routes_the_model_cannot_see_are_never_overruled(engine: Engine, question: str, intent: str):
    sure = _with(engine, _Sure("fallback_search", 0.999))
    assert sure.answer(question).intent == intent


def test_a_body_described_in_other_words_is_found_by_its_roles(engine: Engine, rules_alone: Engine):
    question = "dans chaque département, qui fait remonter les idées d'amélioration ?"
    assert rules_alone.answer(question).intent == "unknown"
    answer = engine.answer(question)
    assert answer.intent == "governance"
    assert [i.id for i in answer.instances] == ["gouv.groupes-projet-departementaux"]


def test_a_body_is_found_by_its_roles_only_when_it_clearly_wins(engine: Engine):
    sure = _with(engine, _Sure("governance", 0.99))
    # words no body's name or roles hold: no body, the rules' answer stands
    assert sure.answer("quel temps fera-t-il demain à Nantes ?").intent != "governance"


def _with_function(engine: Engine, guess: _Sure) -> Engine:
    other = copy.copy(engine)
    other.functions_guessed = guess
    return other


@pytest.mark.parametrize(
    ("question", "function", "lead"),
    [
        # no activity of that name: the function's modes, said to be a reading of the question
        ("medecine du travail c géré en quel mode ?", "RH", "_Je ne trouve pas d'activité de ce nom sur les cartes"),
        # read with "communication / marketing", not "communication" alone: IT has an activity of that name
        ("Et la com interne, elle est dans quel mode en 2021 ?", "COM", "_Je ne trouve pas d'activité de ce nom"),
        # the passages of the function the question is about, where none held all its words
        ("norme 4.9 ds le srom ca concerne koi", "FIN", "_La question semble porter sur *Services financiers"),
        # the commitments of that function, not all 25
        ("we said we'd buy all the computer kit centrally - is that done?", "SI", None),
    ],
)
def test_a_question_about_a_function_it_does_not_name_is_read_as_about_it(
    engine: Engine, rules_alone: Engine, question: str, function: str, lead: str | None
):
    assert rules_alone.answer(question).function is None
    answer = engine.answer(question)
    assert answer.function is not None and answer.function.id == function
    if lead:
        assert answer.text.startswith(lead)


def test_the_function_read_is_said_in_english_to_an_english_question(engine: Engine):
    answer = _with_function(engine, _Sure("RH", 0.99)).answer("what mode for occupational health in 2017?")
    assert answer.function is not None and answer.function.id == "RH"
    assert answer.text.startswith("_I find no activity of that name on the maps; the question seems to be about *Human")


def test_a_function_guess_under_the_bar_changes_nothing(engine: Engine, rules_alone: Engine):
    question = "medecine du travail c géré en quel mode ?"
    unsure = _with_function(engine, _Sure("RH", SURE_FUNCTION - 0.01))
    assert unsure.answer(question).text == rules_alone.answer(question).text


@pytest.mark.parametrize("question", ["qui arbitre ?", "c'est quoi la mutualisation ?", "bonjour"])
def test_a_question_about_no_function_keeps_its_answer_whatever_the_guess(
    engine: Engine, rules_alone: Engine, question: str
):
    # read again as about finance, the governance answer is still about no function: the first answer stands;
    # definitions and greetings are never read again
    sure = _with_function(engine, _Sure("FIN", 0.99))
    assert sure.answer(question).text == rules_alone.answer(question).text


def test_a_reading_with_the_function_that_asks_something_else_must_be_what_the_intent_model_guesses(engine: Engine):
    # "why?" read with "(IT)" is the IT map: kept only if the intent model guesses a structure is asked
    guessed = _with_function(engine, _Sure("SI", 0.99))
    assert _with(guessed, _Sure("unknown", 0.99)).answer("why?").intent == "unknown"
    answer = _with(guessed, _Sure("structure", 0.99)).answer("why?")
    assert answer.intent == "structure" and answer.function is not None and answer.function.id == "SI"
    assert answer.text.startswith("_The question seems to be about *Information systems*:_")


def test_a_function_with_no_words_of_its_own_is_read_with_its_label(engine: Engine, monkeypatch):
    # another data folder's function, which FUNCTION_WORDS does not know, is no KeyError: its label names it
    from bot.engine import arbiter

    monkeypatch.setitem(
        arbiter.FUNCTION_WORDS, "fr", {k: v for k, v in arbiter.FUNCTION_WORDS["fr"].items() if k != "RH"}
    )
    answer = _with_function(engine, _Sure("RH", 0.99)).answer("medecine du travail c géré en quel mode ?")
    assert answer.function is not None and answer.function.id == "RH"
