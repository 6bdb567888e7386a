from __future__ import annotations

import json

import pytest

from bot.conversation.commands import COMMANDS, Command
from bot.conversation.reply import Reply
from bot.engine.answer import Answer, MapRequest, Ref
from bot.handlers.commands import answer_in_ack_promptly, handle_command


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


def test_a_question_is_answered_in_the_ack_itself(engine, client, context, fake, logger, ack) -> None:
    handle_command(ack, _body(fake), client, context, logger)
    (call,) = ack.calls
    assert call["response_type"] == "ephemeral"
    assert "Réponse à « paie ? »" in str(call["blocks"])
    assert fake.calls == []  # one round trip: nothing left to deliver after the ack


def test_engine_failure_becomes_a_french_message_in_the_ack(engine, client, context, fake, logger, ack) -> None:
    handle_command(ack, _body(fake, "boom"), client, context, logger)
    (call,) = ack.calls
    assert call["text"].startswith("⚠️ Désolé")
    assert fake.calls == []


def test_a_question_asking_for_a_map_is_answered_in_the_ack_with_the_command_to_type(
    engine, client, context, fake, logger, ack
) -> None:
    engine.script["carte RH"] = Answer(
        intent="structure", function=Ref(id="RH", label="RH"), text="Carte RH", map=MapRequest(function="RH")
    )
    handle_command(ack, _body(fake, "carte RH"), client, context, logger)
    (call,) = ack.calls
    assert "/srom-carto" in str(call["blocks"])
    assert fake.calls == []


def test_other_commands_ack_first_then_answer_through_the_response_url(
    engine, client, context, fake, logger, monkeypatch: pytest.MonkeyPatch
) -> None:
    command = Command("/srom-test", "", "test", lambda text, inv: Reply(text="fait", blocks=[]))
    monkeypatch.setitem(COMMANDS, command.name, command)
    ack = OrderedAck(fake)
    handle_command(ack, _body(fake, command="/srom-test"), client, context, logger)
    assert ack.calls_before == [0]
    (call,) = fake.calls_to("response_url")
    assert call.params["response_type"] == "ephemeral"


def test_a_slow_command_s_failure_follows_through_the_response_url(
    engine, client, context, fake, logger, ack, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(text, inv):
        raise RuntimeError("boom")

    monkeypatch.setitem(COMMANDS, "/srom-test", Command("/srom-test", "", "test", boom))
    handle_command(ack, _body(fake, command="/srom-test"), client, context, logger)
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


def test_the_in_ack_middleware_answers_srom_itself(engine, client, context, fake, logger) -> None:
    called = []
    response = answer_in_ack_promptly(_body(fake), client, context, logger, lambda: called.append(True))
    assert called == []  # not handed to Bolt's listener runner (and its 10 ms ack polling)
    assert response is not None and response.status == 200
    body = json.loads(response.body)
    assert body["response_type"] == "ephemeral"
    assert "Réponse à « paie ? »" in str(body["blocks"])


def test_the_in_ack_middleware_lets_work_after_the_ack_go_on(
    engine, client, context, fake, logger, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = {"type": "modal", "title": {"type": "plain_text", "text": "Test"}, "blocks": []}
    command = Command("/srom-test", "", "test", lambda text, inv: Reply(text="", modal=view), in_ack=True)
    monkeypatch.setitem(COMMANDS, command.name, command)
    response = answer_in_ack_promptly(_body(fake, command="/srom-test"), client, context, logger, lambda: None)
    assert response is not None and response.status == 200 and not response.body
    (call,) = fake.wait_for("views.open")
    assert call.params["trigger_id"] == "trig"


def test_the_in_ack_middleware_never_leaves_the_asker_without_a_word(
    engine, client, context, fake, logger, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.handlers.commands._invocation", lambda *a: (_ for _ in ()).throw(RuntimeError("x")))
    response = answer_in_ack_promptly(_body(fake), client, context, logger, lambda: None)
    assert response is not None and "Désolé" in json.loads(response.body)["text"]


@pytest.mark.parametrize("command", ["/srom-carto", "/srom-rapport", "/inconnue"])
def test_the_in_ack_middleware_passes_other_requests_on(engine, client, context, fake, logger, command) -> None:
    called = []
    assert (
        answer_in_ack_promptly(_body(fake, command=command), client, context, logger, lambda: called.append(1)) is None
    )
    assert answer_in_ack_promptly({"type": "event_callback"}, client, context, logger, lambda: called.append(1)) is None
    assert called == [1, 1]
    assert engine.asked == []
