"""/srom end to end: the answer in the ack itself, help, and the buttons (share, more, clarifications) after it."""

from __future__ import annotations

import json

import pytest

from bot.conversation.blocks import ACTION_MORE, ACTION_PICK, ACTION_SHARE
from tests.fakes.slack_api import Call, FakeSlackAPI

from .slack_requests import SlackSender, block_actions


def _buttons(call: Call) -> dict[str, dict]:
    return {e["action_id"]: e for b in call.params["blocks"] if b["type"] == "actions" for e in b["elements"]}


def _text(call: Call) -> str:
    return "\n".join(
        b["text"]["text"] if b["type"] == "section" else " ".join(e.get("text", "") for e in b["elements"])
        for b in call.params["blocks"]
        if b["type"] in ("section", "context")
    )


def _acked(resp) -> Call:
    """The answer Slack got in the acknowledgement of the slash command (one round trip)."""
    assert resp.status == 200
    assert resp.elapsed < 3.0  # Slack's hard limit for an ack
    return Call(method="ack", params=json.loads(resp.body), headers={}, status=resp.status)


def _answer_to(fake: FakeSlackAPI, url: str, count: int = 1) -> list[Call]:
    return fake.wait_for("response_url", count, where=lambda c: url.endswith(c.path))


def test_slash_command_is_answered_ephemerally_in_the_ack_with_a_share_button(
    slack: SlackSender, fake: FakeSlackAPI
) -> None:
    resp, _ = slack.command("[picked] paie 2017")
    call = _acked(resp)
    assert call.params["response_type"] == "ephemeral"
    assert "Mutualisation" in _text(call)
    assert "Question : [picked] paie 2017" in _text(call)
    assert _buttons(call)[ACTION_SHARE]["text"]["text"] == "Partager dans le canal"
    assert "Ressources humaines — statut 2017" in _text(call)  # the source context line
    assert fake.calls_to("response_url") == []  # nothing left to deliver


@pytest.mark.parametrize("text", ["", "aide", "  AIDE  "])
def test_srom_alone_or_aide_shows_the_help(slack: SlackSender, fake: FakeSlackAPI, text: str) -> None:
    resp, _ = slack.command(text)
    call = _acked(resp)
    assert "/srom &lt;question&gt;" in _text(call)
    assert "Exemples" in _text(call)
    assert _buttons(call) == {}  # nothing to share or pick in the help


def test_real_engine_question_gets_an_answer(slack: SlackSender, fake: FakeSlackAPI) -> None:
    resp, _ = slack.command("mode pour la paie en 2017 ?")
    call = _acked(resp)
    assert call.params["response_type"] == "ephemeral"
    assert call.params["blocks"] and call.params["text"]


def test_share_posts_publicly_and_deletes_the_ephemeral(slack: SlackSender, fake: FakeSlackAPI) -> None:
    resp, url = slack.command("[picked] paie 2017", user="U42")
    share = _buttons(_acked(resp))[ACTION_SHARE]
    slack.interaction(block_actions(share, ephemeral=True, response_url=url, user="U42"))
    calls = _answer_to(fake, url, 2)
    public, delete = calls[0].params, calls[1].params
    assert public["response_type"] == "in_channel"
    assert "<@U42> a partagé cette réponse" in _text(calls[0])
    assert ACTION_SHARE not in _buttons(calls[0])
    assert delete == {"delete_original": True}


def test_clarification_in_ephemeral_is_replaced_by_the_chosen_answer(slack: SlackSender, fake: FakeSlackAPI) -> None:
    resp, url = slack.command("[clarify] paie")
    buttons = _buttons(_acked(resp))
    labels = {b["text"]["text"] for k, b in buttons.items() if k.startswith(ACTION_PICK)}
    assert labels == {"Paie (RH)", "Comptabilité"}
    slack.interaction(block_actions(buttons[f"{ACTION_PICK}:1"], ephemeral=True, response_url=url))
    (chosen,) = _answer_to(fake, url)
    assert chosen.params["replace_original"] is True
    assert "[picked] compta 2017" in _text(chosen)


def test_long_answer_is_cut_into_valid_pages_with_see_more(slack: SlackSender, fake: FakeSlackAPI) -> None:
    resp, url = slack.command("[long] liste")
    first = _acked(resp)
    assert len(first.params["blocks"]) <= 50
    assert all(len(b["text"]["text"]) <= 3000 for b in first.params["blocks"] if b["type"] == "section")
    more = _buttons(first)[ACTION_MORE]
    assert json.loads(more["value"])["p"] == 1
    slack.interaction(block_actions(more, ephemeral=True, response_url=url))
    (second,) = _answer_to(fake, url)
    assert "partie 2/" in _text(second)
    assert "Activité n° 0 " not in _text(second)
    assert second.params["replace_original"] is False


@pytest.mark.parametrize(
    ("text", "kw"),
    [("payload", {}), ("le mode de la paie en 2017 ? (payload)", {}), ("paie 2017", {"team_domain": "payload-team"})],
)
def test_the_word_payload_in_a_command_does_not_lose_it(slack: SlackSender, text: str, kw: dict) -> None:
    # Bolt reads any form body holding "payload" as an interactive payload: the command was dispatched empty (404)
    resp, _ = slack.command(text, **kw)
    call = _acked(resp)
    assert call.params["response_type"] == "ephemeral"
    assert "Question :" in _text(call)
