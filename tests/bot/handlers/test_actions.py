from __future__ import annotations

import pytest

from bot.conversation.blocks import ACTION_MORE, ACTION_PICK, ACTION_SHARE, build_answer_blocks, encode_value
from bot.conversation.views import ACTION_HOME_ASK, VIEW_ASK
from bot.handlers.actions import handle_action, surface_of

from ..conftest import clarification


@pytest.mark.parametrize(
    ("container", "surface"),
    [
        ({"type": "message", "is_ephemeral": True}, "ephemeral"),
        ({"type": "message", "is_ephemeral": False}, "thread"),
        ({"type": "view", "view_id": "V1"}, "modal"),
        ({}, "thread"),
    ],
)
def test_surface_of(container: dict, surface: str) -> None:
    assert surface_of({"container": container}) == surface


def _payload(fake, action: dict, *, ephemeral: bool = False, message: dict | None = None, view=None) -> dict:
    body = {
        "user": {"id": "U9"},
        "trigger_id": "trig",
        "channel": {"id": "C1"},
        "response_url": fake.response_url(),
        "container": {"type": "view"} if view else {"type": "message", "is_ephemeral": ephemeral},
    }
    if message:
        body["message"] = message
    if view:
        body["view"] = view
    return body


def _button(blocks: list[dict], prefix: str) -> dict:
    return next(e for b in blocks if b["type"] == "actions" for e in b["elements"] if e["action_id"].startswith(prefix))


def test_pick_in_a_thread_answers_there_and_closes_the_choice(engine, client, context, fake, logger, ack) -> None:
    blocks = build_answer_blocks(clarification(), question="paie ?")
    message = {"ts": "5.0", "thread_ts": "4.0", "text": "Laquelle ?", "blocks": blocks}
    pick = _button(blocks, ACTION_PICK)
    handle_action(ack, _payload(fake, pick, message=message), pick, client, context, logger)
    assert len(ack.calls) == 1
    (post,) = fake.calls_to("chat.postMessage")
    assert post.params["thread_ts"] == "4.0"
    assert engine.asked == ["mode de la paie en 2017 ?"]
    (update,) = fake.calls_to("chat.update")
    assert update.params["ts"] == "5.0"
    assert "<@U9> a choisi : Paie (RH)" in str(update.params["blocks"])


def test_pick_in_an_ephemeral_replaces_it(engine, client, context, fake, logger, ack) -> None:
    pick = _button(build_answer_blocks(clarification(), question="q", surface="ephemeral"), ACTION_PICK)
    handle_action(ack, _payload(fake, pick, ephemeral=True), pick, client, context, logger)
    (call,) = fake.calls_to("response_url")
    assert (call.params["replace_original"], call.params["response_type"]) == (True, "ephemeral")
    assert "Partager dans le canal" in str(call.params["blocks"])


def test_share_posts_in_channel_then_deletes_the_ephemeral(engine, client, context, fake, logger, ack) -> None:
    share = {"action_id": ACTION_SHARE, "value": encode_value("paie ?")}
    handle_action(ack, _payload(fake, share, ephemeral=True), share, client, context, logger)
    public, delete = fake.calls_to("response_url")
    assert public.params["response_type"] == "in_channel"
    assert "<@U9> a partagé cette réponse" in str(public.params["blocks"])
    assert delete.params == {"delete_original": True}


def test_more_in_a_modal_updates_the_modal(engine, client, context, fake, logger, ack) -> None:
    more = {"action_id": ACTION_MORE, "value": encode_value("paie ?", 1)}
    view = {"id": "V1", "callback_id": VIEW_ASK}
    handle_action(ack, _payload(fake, more, view=view), more, client, context, logger)
    (call,) = fake.calls_to("views.update")
    assert call.params["view_id"] == "V1"
    assert call.params["view"]["blocks"][0]["element"]["initial_value"] == "paie ?"


def test_home_button_opens_the_modal(engine, client, context, fake, logger, ack) -> None:
    button = {"action_id": ACTION_HOME_ASK, "value": "ask"}
    handle_action(ack, _payload(fake, button, view={"id": "VH", "type": "home"}), button, client, context, logger)
    (call,) = fake.calls_to("views.open")
    assert call.params["view"]["callback_id"] == VIEW_ASK


def test_an_unknown_button_says_so(engine, client, context, fake, logger, ack) -> None:
    button = {"action_id": "srom_ancien_bouton", "value": "x"}
    handle_action(ack, _payload(fake, button, ephemeral=True), button, client, context, logger)
    assert "n'est plus disponible" in str(fake.calls_to("response_url")[0].params["blocks"])


def test_slack_failure_is_logged_and_told(engine, client, context, fake, logger, ack, caplog) -> None:
    fake.fail("chat.postMessage", 500, times=5)
    blocks = build_answer_blocks(clarification(), question="q")
    pick = _button(blocks, ACTION_PICK)
    handle_action(ack, _payload(fake, pick, message={"ts": "5.0", "blocks": blocks}), pick, client, context, logger)
    # the answer was ready: it reaches the asker privately instead of a failure message
    (private,) = fake.calls_to("response_url")
    assert "Désolé" not in private.params["text"] and "Réponse à" in str(private.params["blocks"])
    assert "action srom_pick:0: delivery failed" in caplog.text
