"""Slack saying 429 or 5xx, the engine failing, restarts: bounded retries, and the user always told."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tests.fakes.slack_api import FakeSlackAPI

from .serving import Server, start_serve, stop_serve
from .slack_requests import SlackSender, mention


def test_rate_limited_post_is_retried_after_retry_after(slack: SlackSender, fake: FakeSlackAPI) -> None:
    fake.fail("chat.postMessage", 429, retry_after=0)
    slack.event(mention("[picked] paie"))
    calls = fake.wait_for("chat.postMessage", 2)
    assert [c.status for c in calls] == [429, 200]


def test_server_errors_are_retried_within_bounds(slack: SlackSender, fake: FakeSlackAPI) -> None:
    fake.fail("chat.postMessage", 503)
    fake.fail("chat.postMessage", 502)
    slack.event(mention("[picked] paie"))
    calls = fake.wait_for("chat.postMessage", 3, timeout=15)
    assert [c.status for c in calls] == [503, 502, 200]


def test_final_failure_is_logged_and_told_to_the_user(slack: SlackSender, fake: FakeSlackAPI, server: Server) -> None:
    fake.fail("chat.postMessage", 500, times=10)
    event = mention("[picked] paie", channel="C3", user="U3")
    slack.event(event)
    (told,) = fake.wait_for("chat.postEphemeral", timeout=15)
    assert len(fake.calls_to("chat.postMessage")) == 3  # first try and two retries, no more
    assert (told.params["channel"], told.params["user"]) == ("C3", "U3")
    assert "Désolé" in told.params["text"]
    assert "app_mention failed" in server.log()


def test_engine_failure_on_a_command_is_told_in_french(slack: SlackSender, fake: FakeSlackAPI) -> None:
    resp, _ = slack.command("[boom]")
    acked = json.loads(resp.body)  # the answer travels in the ack: so does the failure
    assert "Désolé" in acked["text"]
    assert "Traceback" not in str(acked)


def test_response_url_rate_limit_is_retried(slack: SlackSender, fake: FakeSlackAPI) -> None:
    fake.fail("response_url", 429, retry_after=0)
    _, url = slack.command("2026", command="/srom-rapport")  # answered through the response_url
    calls = fake.wait_for("response_url", 2, where=lambda c: url.endswith(c.path))
    assert [c.status for c in calls] == [429, 200]


@pytest.fixture
def restartable(fake_slack: FakeSlackAPI, tmp_path) -> Iterator[tuple]:
    servers: list[Server] = []

    def start() -> Server:
        server = start_serve(tmp_path, fake_slack.api_url, db_path=tmp_path / "shared.db")
        servers.append(server)
        return server

    yield start, servers
    for server in servers:
        stop_serve(server)


def test_an_event_handled_before_a_restart_is_not_answered_again(restartable, fake: FakeSlackAPI) -> None:
    from .serving import SIGNING_SECRET

    start, _ = restartable
    first = start()
    event = mention("qui arbitre ?")
    _, event_id = SlackSender(first.url, SIGNING_SECRET, fake.url).event(event)
    fake.wait_for("chat.postMessage")
    stop_serve(first)
    second = start()
    resp, _ = SlackSender(second.url, SIGNING_SECRET, fake.url).event(event, event_id=event_id, retry_num=1)
    assert resp.status == 200
    fake.settle(0.6)
    assert len(fake.calls_to("chat.postMessage")) == 1
