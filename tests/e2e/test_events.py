"""Mentions, direct messages and the App Home end to end; Slack's retries answered once."""

from __future__ import annotations

import sqlite3
import threading
import time

from tests.fakes.slack_api import FakeSlackAPI

from .serving import Server
from .slack_requests import SlackSender, direct_message, mention


def test_mention_is_answered_in_the_thread_of_the_question(slack: SlackSender, fake: FakeSlackAPI) -> None:
    event = mention("[picked] paie 2017", channel="C77")
    resp, _ = slack.event(event)
    assert resp.status == 200
    (call,) = fake.wait_for("chat.postMessage")
    assert call.params["channel"] == "C77"
    assert call.params["thread_ts"] == event["ts"]
    assert "Mutualisation" in call.params["blocks"][0]["text"]["text"]
    assert call.response is not None and call.response["ok"], call.response


def test_mention_inside_a_thread_answers_in_that_thread(slack: SlackSender, fake: FakeSlackAPI) -> None:
    slack.event(mention("[picked] paie", thread_ts="1700000000.000100"))
    (call,) = fake.wait_for("chat.postMessage")
    assert call.params["thread_ts"] == "1700000000.000100"


def test_direct_message_is_answered_in_its_thread(slack: SlackSender, fake: FakeSlackAPI) -> None:
    event = direct_message("[picked] compta", channel="D9")
    slack.event(event)
    (call,) = fake.wait_for("chat.postMessage")
    assert (call.params["channel"], call.params["thread_ts"]) == ("D9", event["ts"])


def test_empty_mention_gets_the_help(slack: SlackSender, fake: FakeSlackAPI) -> None:
    event = mention("")
    slack.event(event)
    (call,) = fake.wait_for("chat.postMessage")
    assert "Comment me poser une question" in str(call.params["blocks"])


def test_bot_edits_and_channel_messages_are_ignored(slack: SlackSender, fake: FakeSlackAPI) -> None:
    slack.event(direct_message("mon propre message", user="UBOT", bot_id="BBOT"))
    slack.event(direct_message("édité", subtype="message_changed"))
    slack.event({**direct_message("pas un DM"), "channel_type": "channel"})
    fake.settle(0.6)
    assert fake.calls_to("chat.postMessage") == []


def test_a_mention_that_is_also_a_message_gets_one_reply(slack: SlackSender, fake: FakeSlackAPI) -> None:
    dm = direct_message("<@UBOT> [picked] paie", channel="D5")
    slack.event({**dm, "type": "app_mention"})
    slack.event(dm)
    fake.wait_for("chat.postMessage")
    fake.settle(0.6)
    assert len(fake.calls_to("chat.postMessage")) == 1


def test_slack_retries_of_one_event_are_answered_once(slack: SlackSender, fake: FakeSlackAPI) -> None:
    event = mention("[picked] paie")
    first, event_id = slack.event(event)
    statuses = [slack.event(event, event_id=event_id, retry_num=n)[0].status for n in (1, 2, 3)]
    assert [first.status, *statuses] == [200, 200, 200, 200]
    fake.wait_for("chat.postMessage")
    fake.settle(0.6)
    assert len(fake.calls_to("chat.postMessage")) == 1


def test_concurrent_deliveries_across_workers_are_answered_once(slack: SlackSender, fake: FakeSlackAPI) -> None:
    event, event_id = mention("[picked] paie"), "EvCONCURRENT1"
    threads = [
        threading.Thread(target=slack.event, args=(event,), kwargs={"event_id": event_id, "retry_num": n or None})
        for n in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    fake.wait_for("chat.postMessage")
    fake.settle(0.6)
    assert len(fake.calls_to("chat.postMessage")) == 1


def test_a_retry_of_an_event_never_handled_is_handled(slack: SlackSender, fake: FakeSlackAPI) -> None:
    resp, _ = slack.event(mention("[picked] paie"), retry_num=1)
    assert resp.status == 200
    fake.wait_for("chat.postMessage")


def test_a_retry_after_a_crashed_first_delivery_is_handled(
    slack: SlackSender, fake: FakeSlackAPI, server: Server
) -> None:
    """The first delivery claimed the event and died (lease over, never done): Slack's retry must answer."""
    event_id = "EvCRASHED1"
    with sqlite3.connect(server.db_path) as conn:
        conn.execute(
            "INSERT INTO slack_events (key, claimed_at, lease_until, done_at, attempts) VALUES (?, ?, ?, NULL, 1)",
            (f"event:{event_id}", time.time() - 120, time.time() - 60),
        )
    slack.event(mention("[picked] paie"), event_id=event_id, retry_num=1)
    fake.wait_for("chat.postMessage")
    assert _wait_done(server, f"event:{event_id}") == 2


def _wait_done(server: Server, key: str, timeout: float = 5.0) -> int:
    """The attempts count of `key` once it is marked done (the handler marks it just after posting)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with sqlite3.connect(server.db_path) as conn:
            row = conn.execute("SELECT done_at, attempts FROM slack_events WHERE key = ?", (key,)).fetchone()
        if row and row[0] is not None:
            return row[1]
        time.sleep(0.05)
    raise AssertionError(f"{key} never marked done")


def test_a_retry_while_the_first_delivery_still_runs_is_dropped(
    slack: SlackSender, fake: FakeSlackAPI, server: Server
) -> None:
    event_id = "EvINFLIGHT1"
    with sqlite3.connect(server.db_path) as conn:
        conn.execute(
            "INSERT INTO slack_events (key, claimed_at, lease_until, done_at, attempts) VALUES (?, ?, ?, NULL, 1)",
            (f"event:{event_id}", time.time(), time.time() + 60),
        )
    resp, _ = slack.event(mention("[picked] paie"), event_id=event_id, retry_num=1)
    assert resp.status == 200
    fake.settle(0.6)
    assert fake.calls_to("chat.postMessage") == []


def test_app_home_opened_publishes_the_home(slack: SlackSender, fake: FakeSlackAPI) -> None:
    slack.event(
        {"type": "app_home_opened", "user": "U7", "channel": "D7", "tab": "home", "event_ts": f"{time.time():.6f}"}
    )
    (call,) = fake.wait_for("views.publish")
    assert call.params["user_id"] == "U7"
    assert call.response and call.response["ok"], call.response
    text = str(call.params["view"]["blocks"])
    for mode in ("Autonomie", "Coopération", "Harmonisation", "Mutualisation", "Intégration"):
        assert mode in text


def test_app_home_messages_tab_publishes_nothing(slack: SlackSender, fake: FakeSlackAPI) -> None:
    slack.event(
        {"type": "app_home_opened", "user": "U7", "channel": "D7", "tab": "messages", "event_ts": f"{time.time():.6f}"}
    )
    fake.settle(0.6)
    assert fake.calls_to("views.publish") == []
