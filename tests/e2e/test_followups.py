"""Follow-ups end to end: a conversation in a Slack thread and in a direct message, against `srom serve` with two
workers (each turn may reach either; the context lives in SQLite), with the real engine."""

from __future__ import annotations

from bot.conversation.blocks import ACTION_PICK
from tests.fakes.slack_api import Call, FakeSlackAPI

from .slack_requests import SlackSender, block_actions, direct_message, mention

NOTHING_FOUND = "Je n'ai rien trouvé"


def _headline(call: Call) -> str:
    return call.params["blocks"][0]["text"]["text"]


def _ask(slack: SlackSender, fake: FakeSlackAPI, event: dict) -> Call:
    """Send one message and wait for its answer (each answer before the next turn, as a person types)."""
    before = len(fake.calls_to("chat.postMessage"))
    slack.event(event)
    return fake.wait_for("chat.postMessage", before + 1)[before]


def test_a_thread_is_a_conversation(slack: SlackSender, fake: FakeSlackAPI) -> None:
    root = mention("mode pour la paie en 2017 ?", channel="C31")
    first = _ask(slack, fake, root)
    assert "Réalisation des paies" in _headline(first) and "2017" in _headline(first)
    turns = [
        ("et en 2021 ?", ["Réalisation des paies", "2021"]),
        ("et le recrutement ?", ["Recrutement", "2021"]),
        ("et avant ?", ["Recrutement", "2017"]),
        ("compare avec 2013", ["Évolution", "Recrutement"]),
        ("and in 2013?", ["Recrutement", "2013", "block"]),
    ]
    for text, expected in turns:
        answer = _ask(slack, fake, mention(text, channel="C31", thread_ts=root["ts"]))
        assert answer.params["thread_ts"] == root["ts"]
        for part in expected:
            assert part in _headline(answer), (text, _headline(answer))
    # A new top-level mention starts fresh, even in the same channel.
    fresh = _ask(slack, fake, mention("et en 2021 ?", channel="C31"))
    assert NOTHING_FOUND in str(fresh.params["blocks"])


def test_threads_do_not_share_their_context(slack: SlackSender, fake: FakeSlackAPI) -> None:
    paie = mention("mode pour la paie en 2017 ?", channel="C32")
    listing = mention("activités RH en intégration en 2021", channel="C32")
    _ask(slack, fake, paie)
    _ask(slack, fake, listing)
    in_paie = _ask(slack, fake, mention("et en 2021 ?", channel="C32", thread_ts=paie["ts"]))
    in_listing = _ask(slack, fake, mention("et pour les finances ?", channel="C32", thread_ts=listing["ts"]))
    assert "Réalisation des paies" in _headline(in_paie) and "2021" in _headline(in_paie)
    assert "Intégration" in _headline(in_listing) and "2021" in _headline(in_listing)
    assert "Services financiers" in str(in_listing.params["blocks"]) or "FIN" in str(in_listing.params["blocks"])


def test_a_direct_message_is_a_conversation_without_threads(slack: SlackSender, fake: FakeSlackAPI) -> None:
    _ask(slack, fake, direct_message("mode pour la paie en 2017 ?", channel="D31"))
    in_2021 = _ask(slack, fake, direct_message("et en 2021 ?", channel="D31"))
    why = _ask(slack, fake, direct_message("pourquoi ?", channel="D31"))
    assert "Réalisation des paies" in _headline(in_2021) and "2021" in _headline(in_2021)
    assert "Réalisation des paies" in _headline(why) and "2021" in _headline(why)
    assert "Source" in str(why.params["blocks"])
    other = _ask(slack, fake, direct_message("et en 2021 ?", channel="D32"))  # another person's DM
    assert NOTHING_FOUND in str(other.params["blocks"])


def test_a_clarification_picked_in_the_thread_becomes_its_context(slack: SlackSender, fake: FakeSlackAPI) -> None:
    root = mention("déclarations 2017", channel="C33")
    clarification = _ask(slack, fake, root)
    message = {
        "type": "message",
        "ts": clarification.response["ts"],  # type: ignore[index]
        "thread_ts": root["ts"],
        "text": clarification.params["text"],
        "blocks": clarification.params["blocks"],
    }
    buttons = {e["action_id"]: e for b in message["blocks"] if b["type"] == "actions" for e in b["elements"]}
    pick = next(b for k, b in buttons.items() if k.startswith(ACTION_PICK) and "sociales" in b["text"]["text"])
    before = len(fake.calls_to("chat.postMessage"))
    slack.interaction(block_actions(pick, message=message, channel="C33", response_url=fake.response_url("unused")))
    chosen = fake.wait_for("chat.postMessage", before + 1)[before]
    assert "sociales" in _headline(chosen) and "2017" in _headline(chosen)
    follow_up = _ask(slack, fake, mention("et en 2021 ?", channel="C33", thread_ts=root["ts"]))
    assert "sociales" in _headline(follow_up) and "2021" in _headline(follow_up)
