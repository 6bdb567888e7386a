"""At least fifty malformed commands and modal submissions: each gets a clear French message, none writes."""

from __future__ import annotations

import pytest

from bot.handlers.tracking import handle_progress_submission
from bot.tracking.commands import run_engagement
from bot.tracking.views import BLOCKS
from storage.progress import COMMENT_MAX

from .conftest import invoke, rows, text_of

BAD_COMMANDS = [
    "RH-1",
    "RH-1 en cours",
    "RH-1 en cours 40%",
    "RH-1 en",
    "RH-1 presque fini 40% x",
    "RH-1 40% en cours commentaire",
    "RH-1 en cours 140% trop",
    "RH-1 en cours -5% négatif",
    "RH-1 en cours 4.5% décimal",
    "RH-1 en cours 40",
    "RH-9 en cours 10% inconnu",
    "RH-0 en cours 10% zéro",
    "XX-1 en cours 10% fonction inconnue",
    "1 en cours 10% pas d'id",
    "'; DROP TABLE progress; -- en cours 10% x",
    "RH-1'); DELETE FROM progress; -- en cours",
    "RH-1 en cours 10% " + "x" * (COMMENT_MAX + 1),
    "RH-1 en cours 10% bonjour\x00monde",
    "RH-1 en cours 10% cloche\x07",
    "RH-1 en cours 10% échap\x1b[31m",
    "RH-1 en cours 10% texte\u202eenrevers",
    "RH-1 en cours 10% del\x7f",
    "RH-1 en cours 10% \x85nel",
    "RH‑1 encours 10% tiret insécable",
    "ＲＨ－１ en cours 10% pleine chasse",
    "RH-1 🚀 10% fusée",
    "RH-1 en cours 10%%",
    "RH-1 en cours %",
    "RH-1 en cours 1e2% notation",
    "RH-1 en cours 99999999999999999999% énorme",
    "<@U123|marie> en cours 10% mention",
    "<script>alert(1)</script> en cours 10% x",
    "RH-1 en\tcours\t10%",
    "RH-1 en cours 10% \u200b",
    "historique",
    "historique ZZ-1",
    "liste cuisine",
    "liste " + "a" * 5000,
    "RH-1 non 10% x",
    "RH-1 done-ish 10% x",
    "RH-1 statut=atteint",
    "RH-1 null 10% x",
    "RH-1 None 10% x",
]

BAD_SUBMISSIONS = [
    {BLOCKS["commitment"]: {}, BLOCKS["status"]: {}, BLOCKS["comment"]: {}},
    {BLOCKS["commitment"]: "RH-1"},
    {BLOCKS["commitment"]: {"commitment": {"type": "static_select", "selected_option": None}}},
    {BLOCKS["commitment"]: {"commitment": {"selected_option": {"value": "FIN-1"}}}},  # not one of hers
    {BLOCKS["commitment"]: {"commitment": {"selected_option": {"value": ["RH-1"]}}}},
    {BLOCKS["status"]: {"status": {"selected_option": {"value": "fini"}}}},
    {BLOCKS["percent"]: {"percent": {"value": "101"}}},
    {BLOCKS["percent"]: {"percent": {"value": "12.5"}}},
    {BLOCKS["percent"]: {"percent": {"value": 42.0}}},
    {BLOCKS["percent"]: {"percent": {"value": "quarante"}}},
    {BLOCKS["comment"]: {"comment": {"value": ""}}},
    {BLOCKS["comment"]: {"comment": {"value": "   \n  "}}},
    {BLOCKS["comment"]: {"comment": {"value": "y" * (COMMENT_MAX + 5)}}},
    {BLOCKS["comment"]: {"comment": {"value": "nul\x00"}}},
    {BLOCKS["comment"]: {"comment": {"value": 12}}},
    {BLOCKS["comment"]: {"comment": {"value": {"$ne": None}}}},
]


def _valid_values() -> dict:
    return {
        BLOCKS["commitment"]: {"commitment": {"type": "static_select", "selected_option": {"value": "RH-1"}}},
        BLOCKS["status"]: {"status": {"type": "static_select", "selected_option": {"value": "en_cours"}}},
        BLOCKS["percent"]: {"percent": {"type": "number_input", "value": "40"}},
        BLOCKS["comment"]: {"comment": {"type": "plain_text_input", "value": "accord GPEC"}},
    }


def test_there_are_at_least_fifty_bad_inputs() -> None:
    assert len(BAD_COMMANDS) + len(BAD_SUBMISSIONS) >= 50


@pytest.mark.parametrize("text", BAD_COMMANDS)
def test_a_malformed_command_gets_a_french_message_and_writes_nothing(tracking, text: str) -> None:
    reply = run_engagement(text, invoke(tracking, request_id="t1"))
    message = text_of(reply)
    assert message.startswith("⚠️"), message
    assert "Traceback" not in message and "Error" not in message
    assert len(message) < 3000
    assert rows(tracking.get()) == 0


@pytest.mark.parametrize("broken", BAD_SUBMISSIONS)
def test_a_malformed_submission_gets_field_errors_and_writes_nothing(
    tracking, context, client, ack, logger, broken: dict
) -> None:
    values = {**_valid_values(), **broken}
    view = {"id": "V1", "callback_id": "srom_progress_modal", "state": {"values": values}}
    body = {"user": {"id": "URH", "name": "urh"}, "view": view}
    handle_progress_submission(ack, body, view, client, context, logger)
    (call,) = ack.calls
    assert call["response_action"] == "errors"
    assert call["errors"] and all(isinstance(m, str) and m for m in call["errors"].values())
    assert set(call["errors"]) <= set(BLOCKS.values())
    assert rows(tracking.get()) == 0


def test_the_valid_submission_those_are_built_from_is_recorded(tracking, context, client, ack, logger) -> None:
    view = {"id": "V2", "callback_id": "srom_progress_modal", "state": {"values": _valid_values()}}
    body = {"user": {"id": "URH", "name": "urh"}, "view": view}
    handle_progress_submission(ack, body, view, client, context, logger)
    handle_progress_submission(ack, body, view, client, context, logger)  # double submit
    assert [c["response_action"] for c in ack.calls] == ["update", "update"]
    assert "Enregistré" in str(ack.calls[0]["view"]) and "Déjà enregistré" in str(ack.calls[1]["view"])
    assert rows(tracking.get()) == 1
