from __future__ import annotations

import pytest

from bot.tracking.parse import (
    InputError,
    check_percent,
    normalize_id,
    parse_update,
    parse_user,
    resolve_function,
    slack_plain,
)
from storage.statuses import parse_status

KNOWN = ["RH-1", "RH-2", "RH-3", "FIN-1", "SI-7", "GOUV-3"]
LABELS = {"FIN": "Services financiers et comptables", "RH": "Ressources humaines", "GOUV": "Gouvernance"}


@pytest.mark.parametrize(
    ("typed", "status"),
    [
        ("non démarré", "non_demarre"),
        ("non demarre", "non_demarre"),
        ("Non-Démarré", "non_demarre"),
        ("not started", "non_demarre"),
        ("en cours", "en_cours"),
        ("EN-COURS", "en_cours"),
        ("in progress", "en_cours"),
        ("in-progress", "en_cours"),
        ("atteint", "atteint"),
        ("done", "atteint"),
        ("achieved", "atteint"),
        ("en retard", "en_retard"),
        ("late", "en_retard"),
        ("delayed", "en_retard"),
        ("abandonné", "abandonne"),
        ("abandonne", "abandonne"),
        ("dropped", "abandonne"),
        ("cours", None),
        ("", None),
    ],
)
def test_statuses_are_read_in_every_spelling(typed: str, status: str | None) -> None:
    assert parse_status(typed) == status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RH-1 en cours 40% accord GPEC en négociation", ("RH-1", "en_cours", 40, "accord GPEC en négociation", "fr")),
        ("rh1 in progress 40 % GPEC", ("RH-1", "en_cours", 40, "GPEC", "en")),
        ("RH-2 non-démarré budget à voter", ("RH-2", "non_demarre", None, "budget à voter", "fr")),
        ("gouv-3 atteint 100% fait", ("GOUV-3", "atteint", 100, "fait", "fr")),
        ("FIN_1 late 0% waiting for the audit", ("FIN-1", "en_retard", 0, "waiting for the audit", "en")),
        ("SI-7 abandonné 35% remplacé par SI-6", ("SI-7", "abandonne", 35, "remplacé par SI-6", "fr")),
    ],
)
def test_updates_are_parsed(text: str, expected: tuple) -> None:
    request = parse_update(text, KNOWN)
    assert (request.commitment_id, request.status, request.percent, request.comment, request.lang) == expected


def test_unknown_id_suggests_the_closest() -> None:
    with pytest.raises(InputError) as info:
        parse_update("RH-9 en cours 10% x", KNOWN)
    assert "`RH-9` n'existe pas" in info.value.message
    assert "`RH-1`" in info.value.message


@pytest.mark.parametrize("value", [-1, 101, "150%", "-5", "4.5", "abc", True, None, [40]])
def test_percent_out_of_range_or_not_a_whole_number_is_refused(value: object) -> None:
    with pytest.raises(InputError) as info:
        check_percent(value)
    assert "pourcentage" in info.value.message.lower()


def test_ids_users_functions_and_slack_markup() -> None:
    assert normalize_id("rh_12") == "RH-12"
    assert normalize_id("hello") is None
    assert parse_user("<@U123ABC|marie>") == "U123ABC"
    assert parse_user("<@U123ABC>") == "U123ABC"
    assert resolve_function("ressources humaines", LABELS) == "RH"
    assert resolve_function("rh", LABELS) == "RH"
    assert resolve_function("Services financiers", LABELS) == "FIN"
    with pytest.raises(InputError, match="inconnue"):
        resolve_function("cuisine", LABELS)
    assert slack_plain("R&amp;D avec <@U1|marie> &lt;3 <!here>") == "R&D avec @marie <3 @here"
