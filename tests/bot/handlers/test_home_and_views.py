from __future__ import annotations

import pytest

import bot.handlers.home
from bot.conversation.views import BLOCK_QUESTION, INPUT_QUESTION
from bot.handlers.home import handle_app_home_opened
from bot.handlers.views import handle_ask_submission

from ..conftest import tiny_kb


@pytest.fixture(autouse=True)
def small_kb(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bot.handlers.home, "load_default", tiny_kb)


def test_home_is_published_for_the_user(context, client, fake, logger) -> None:
    handle_app_home_opened({"type": "app_home_opened", "user": "U3", "tab": "home"}, context, client, logger)
    (call,) = fake.calls_to("views.publish")
    assert call.params["user_id"] == "U3"
    assert call.response["ok"], call.response


def test_messages_tab_is_left_alone(context, client, fake, logger) -> None:
    handle_app_home_opened({"type": "app_home_opened", "user": "U3", "tab": "messages"}, context, client, logger)
    assert fake.calls == []


def _view(value: str | None) -> dict:
    return {"id": "V1", "state": {"values": {BLOCK_QUESTION: {INPUT_QUESTION: {"value": value}}}}}


def test_submission_acks_a_waiting_view_then_shows_the_answer(engine, client, fake, logger, ack) -> None:
    handle_ask_submission(ack, _view("paie ?"), client, logger)
    assert ack.calls[0]["response_action"] == "update"
    (call,) = fake.calls_to("views.update")
    assert "Réponse à « paie ? »" in str(call.params["view"]["blocks"])


def test_empty_submission_is_an_input_error(engine, client, fake, logger, ack) -> None:
    handle_ask_submission(ack, _view("  "), client, logger)
    (call,) = ack.calls
    assert call["response_action"] == "errors"
    assert call["errors"][BLOCK_QUESTION].startswith("Écrivez une question")
    assert engine.asked == [] and fake.calls == []


def test_engine_failure_in_the_modal_shows_an_error(engine, client, fake, logger, ack) -> None:
    handle_ask_submission(ack, _view("boom"), client, logger)
    assert "Désolé" in str(fake.calls_to("views.update")[0].params["view"]["blocks"])
