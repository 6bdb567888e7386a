"""Buttons in threads, the App Home's question modal and its submissions, end to end."""

from __future__ import annotations

from bot.conversation.blocks import ACTION_MORE, ACTION_PICK
from bot.conversation.views import ACTION_HOME_ASK, BLOCK_QUESTION, INPUT_QUESTION, VIEW_ASK
from tests.fakes.slack_api import FakeSlackAPI

from .slack_requests import SlackSender, block_actions, mention, view_submission


def _posted_message(call) -> dict:
    """The message as Slack would show it in a later block_actions payload."""
    return {
        "type": "message",
        "ts": call.response["ts"],
        "thread_ts": call.params.get("thread_ts"),
        "text": call.params["text"],
        "blocks": call.params["blocks"],
        "user": "UBOT",
    }


def _button(blocks: list[dict], action_id: str) -> dict:
    return next(e for b in blocks if b["type"] == "actions" for e in b["elements"] if e["action_id"] == action_id)


def test_clarification_button_answers_in_the_same_thread_and_closes_the_choice(
    slack: SlackSender, fake: FakeSlackAPI
) -> None:
    question = mention("[clarify] paie", channel="C5")
    slack.event(question)
    (clarification,) = fake.wait_for("chat.postMessage")
    message = _posted_message(clarification)
    pick = _button(message["blocks"], f"{ACTION_PICK}:0")
    resp = slack.interaction(
        block_actions(pick, message=message, channel="C5", user="U9", response_url=fake.response_url("unused"))
    )
    assert resp.status == 200
    answer = fake.wait_for("chat.postMessage", 2)[1]
    assert answer.params["thread_ts"] == question["ts"]
    assert "[picked] paie 2017" in answer.params["blocks"][0]["text"]["text"]
    (update,) = fake.wait_for("chat.update")
    assert update.params["ts"] == message["ts"]
    assert not any(b["type"] == "actions" for b in update.params["blocks"])
    assert "<@U9> a choisi : Paie (RH)" in str(update.params["blocks"])


def test_see_more_in_a_thread_posts_the_next_page_in_the_thread(slack: SlackSender, fake: FakeSlackAPI) -> None:
    question = mention("[long] liste")
    slack.event(question)
    (first,) = fake.wait_for("chat.postMessage")
    assert first.response["ok"], first.response
    message = _posted_message(first)
    slack.interaction(
        block_actions(
            _button(message["blocks"], ACTION_MORE), message=message, response_url=fake.response_url("unused")
        )
    )
    second = fake.wait_for("chat.postMessage", 2)[1]
    assert second.response["ok"], second.response
    assert second.params["thread_ts"] == question["ts"]
    assert "partie 2/" in str(second.params["blocks"])


def test_home_button_opens_the_question_modal(slack: SlackSender, fake: FakeSlackAPI) -> None:
    home_view = {"id": "VHOME", "type": "home", "blocks": []}
    payload = block_actions(
        {
            "action_id": ACTION_HOME_ASK,
            "block_id": "b",
            "value": "ask",
            "text": {"type": "plain_text", "text": "Poser une question"},
        },
        view=home_view,
        response_url="",
    )
    slack.interaction(payload)
    (call,) = fake.wait_for("views.open")
    assert call.params["trigger_id"] == payload["trigger_id"]
    assert call.params["view"]["callback_id"] == VIEW_ASK
    assert call.response["ok"], call.response


def test_modal_submission_shows_the_answer_in_the_modal(slack: SlackSender, fake: FakeSlackAPI) -> None:
    values = {BLOCK_QUESTION: {INPUT_QUESTION: {"type": "plain_text_input", "value": "[picked] paie"}}}
    resp = slack.interaction(view_submission("VMODAL1", VIEW_ASK, values))
    assert resp.status == 200
    ack = resp.json()
    assert ack["response_action"] == "update"
    assert "Je cherche" in str(ack["view"]["blocks"])
    (update,) = fake.wait_for("views.update")
    assert update.params["view_id"] == "VMODAL1"
    assert "Mutualisation" in str(update.params["view"]["blocks"])
    assert update.response["ok"], update.response


def test_empty_modal_submission_gets_a_field_error(slack: SlackSender, fake: FakeSlackAPI) -> None:
    values = {BLOCK_QUESTION: {INPUT_QUESTION: {"type": "plain_text_input", "value": "   "}}}
    resp = slack.interaction(view_submission("VMODAL2", VIEW_ASK, values))
    assert resp.json() == {
        "response_action": "errors",
        "errors": {BLOCK_QUESTION: resp.json()["errors"][BLOCK_QUESTION]},
    }
    assert "Écrivez une question" in resp.json()["errors"][BLOCK_QUESTION]
    fake.settle(0.5)
    assert fake.calls == []


def test_clarification_in_the_modal_updates_the_modal(slack: SlackSender, fake: FakeSlackAPI) -> None:
    values = {BLOCK_QUESTION: {INPUT_QUESTION: {"type": "plain_text_input", "value": "[clarify] paie"}}}
    slack.interaction(view_submission("VMODAL3", VIEW_ASK, values))
    (first,) = fake.wait_for("views.update")
    view = {**first.params["view"], "id": "VMODAL3"}
    slack.interaction(block_actions(_button(view["blocks"], f"{ACTION_PICK}:1"), view=view, response_url=""))
    second = fake.wait_for("views.update", 2)[1]
    assert "[picked] compta 2017" in str(second.params["view"]["blocks"])
