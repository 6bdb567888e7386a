from __future__ import annotations

import pytest

from bot.conversation.commands import COMMANDS, Command
from bot.conversation.reply import Reply
from bot.handlers.commands import handle_command


def _body(fake, text: str = "paie ?", command: str = "/srom") -> dict:
    return {
        "command": command,
        "text": text,
        "user_id": "U1",
        "channel_id": "C1",
        "trigger_id": "trig",
        "response_url": fake.response_url(),
    }


class OrderedAck:
    """Records whether Slack had been called when ack() came."""

    def __init__(self, fake) -> None:
        self.fake = fake
        self.calls_before: list[int] = []

    def __call__(self, **kwargs) -> None:
        self.calls_before.append(len(self.fake.calls))


def test_ack_first_then_the_ephemeral_answer(engine, client, context, fake, logger) -> None:
    ack = OrderedAck(fake)
    handle_command(ack, _body(fake), client, context, logger)
    assert ack.calls_before == [0]
    (call,) = fake.calls_to("response_url")
    assert call.params["response_type"] == "ephemeral"
    assert "Réponse à « paie ? »" in str(call.params["blocks"])


def test_engine_failure_becomes_a_french_message(engine, client, context, fake, logger, ack) -> None:
    handle_command(ack, _body(fake, "boom"), client, context, logger)
    (call,) = fake.calls_to("response_url")
    assert call.params["text"].startswith("⚠️ Désolé")
    assert len(ack.calls) == 1


def test_unknown_command_gets_a_french_message(engine, client, context, fake, logger, ack) -> None:
    handle_command(ack, _body(fake, command="/inconnue"), client, context, logger)
    assert "Commande inconnue : `/inconnue`" in str(fake.calls_to("response_url")[0].params["blocks"])


def test_a_command_replying_with_a_modal_opens_it(
    engine, client, context, fake, logger, ack, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = {"type": "modal", "title": {"type": "plain_text", "text": "Test"}, "blocks": []}
    command = Command("/srom-test", "", "test", lambda text, inv: Reply(text="", modal=view))
    monkeypatch.setitem(COMMANDS, command.name, command)
    handle_command(ack, _body(fake, command="/srom-test"), client, context, logger)
    (call,) = fake.calls_to("views.open")
    assert call.params["trigger_id"] == "trig"
    assert fake.calls_to("response_url") == []
