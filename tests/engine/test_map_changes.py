"""What changed on a function's map between two years, and a picture asked of one block."""

from __future__ import annotations

import pytest

from bot.engine import Engine


def test_new_activities_between_two_maps_are_listed_with_their_block(engine: Engine) -> None:
    a = engine.answer("nouvelles activités RH en 2021 par rapport à 2017 ?")
    assert a.intent == "structure" and a.function is not None and a.function.id == "RH"
    assert "de la carte 2017 à la carte 2021" in a.text
    assert "Déploiement accord GPEC (Gestion des compétences)" in a.text
    assert "Renommées (1)" in a.text


@pytest.mark.parametrize(
    ("question", "span"),
    [
        ("what's new on the 2017 IT map?", "from the 2013 map to the 2017 map"),
        ("quoi de neuf sur la carte RH ?", "de la carte 2013 à la carte 2021"),
        ("activités RH apparues en 2013 ?", "de la carte 2013 à la carte 2017"),
    ],
)
def test_the_maps_compared_are_the_years_named_or_the_map_before(engine: Engine, question: str, span: str) -> None:
    assert span in engine.answer(question).text


def test_a_map_with_no_change_says_so(engine: Engine) -> None:
    a = engine.answer("what's new on the 2017 IT map?")
    assert "no activity added, removed, renamed or moved" in a.text


def test_an_activity_named_is_not_a_map_change_question(engine: Engine) -> None:
    assert engine.answer("la GPEC a-t-elle été ajoutée en 2021 ?").intent != "structure"


@pytest.mark.parametrize(
    "question",
    ["tu peux me faire un schéma des activités marchés publics ?", "show me a diagram of the treasury block"],
)
def test_a_picture_asked_of_a_block_is_its_activities_and_its_function_s_map(engine: Engine, question: str) -> None:
    a = engine.answer(question)
    assert a.intent == "structure" and a.process is not None and a.map is not None
    assert a.map.function == a.function.id


def test_the_maps_of_a_block_s_activities_asked_over_time_is_no_picture(engine: Engine) -> None:
    assert engine.answer("cartes de vœux : évolution sur les 3 cartes ?").map is None


def test_several_functions_maps_asked_at_once_give_the_first_and_how_to_ask_the_others(engine: Engine) -> None:
    a = engine.answer("Can I get the 2017 finance chart and the 2017 HR chart side by side?")
    assert a.map is not None and (a.map.function, a.map.year) == ("FIN", 2017)
    assert "map RH 2017" in a.text
