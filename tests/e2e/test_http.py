"""The HTTP surface: routes, health, Slack's handshake requests, and forged requests rejected."""

from __future__ import annotations

import json
import time

import pytest

from tests.fakes.slack_api import FakeSlackAPI

from .serving import Server
from .slack_requests import SlackSender, http_request, mention


def test_healthz_answers_200(server: Server) -> None:
    resp = http_request(server.url + "/healthz")
    assert (resp.status, resp.body) == (200, b"ok\n")


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("GET", "/slack/events", 405), ("POST", "/healthz", 405), ("GET", "/", 404), ("POST", "/other", 404)],
)
def test_other_routes_are_refused(server: Server, method: str, path: str, status: int) -> None:
    assert http_request(server.url + path, method).status == status


def test_url_verification_returns_the_challenge(slack: SlackSender) -> None:
    body = json.dumps(
        {"token": "t", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", "type": "url_verification"}
    )
    resp = slack.post(body, "application/json")
    assert resp.status == 200
    assert b"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" in resp.body


def test_ssl_check_is_acknowledged_without_side_effect(slack: SlackSender, fake: FakeSlackAPI) -> None:
    resp = slack.post("ssl_check=1&token=legacy-verification-token", "application/x-www-form-urlencoded")
    assert resp.status == 200
    fake.settle()
    assert fake.calls == []


def _forgeries(slack: SlackSender) -> dict[str, dict]:
    return {
        "bad signature": {"signature": "v0=" + "0" * 64},
        "signed with another secret": {
            "signature": SlackSender("", "not-the-secret", "").verifier.generate_signature(
                timestamp=str(int(time.time())), body="x"
            )
        },
        "no signature headers": {"sign": False},
        "timestamp six minutes old": {"timestamp": int(time.time()) - 360},
    }


@pytest.mark.parametrize(
    "forgery", ["bad signature", "signed with another secret", "no signature headers", "timestamp six minutes old"]
)
def test_forged_requests_are_rejected_and_do_nothing(slack: SlackSender, fake: FakeSlackAPI, forgery: str) -> None:
    options = _forgeries(slack)[forgery]
    command, _ = slack.command("qui arbitre ?", **options)
    event, _ = slack.event(mention("qui arbitre ?"), **options)
    assert (command.status, event.status) == (401, 401)
    fake.settle(0.5)
    assert fake.calls == []


def test_body_tampered_after_signing_is_rejected(slack: SlackSender, fake: FakeSlackAPI) -> None:
    ts = str(int(time.time()))
    signature = slack.verifier.generate_signature(timestamp=ts, body="command=%2Fsrom&text=bonjour")
    resp = slack.post(
        "command=%2Fsrom&text=autre+chose", "application/x-www-form-urlencoded", timestamp=int(ts), signature=signature
    )
    assert resp.status == 401
    fake.settle(0.5)
    assert fake.calls == []


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("not json at all", "application/json"),
        ("payload=%7Bbroken", "application/x-www-form-urlencoded"),
        ('{"type": "event_callback"}', "application/json"),
        ("", "application/x-www-form-urlencoded"),
    ],
)
def test_signed_garbage_is_not_a_server_error(slack: SlackSender, body: str, content_type: str) -> None:
    resp = slack.post(body, content_type)
    assert resp.status < 500
    assert http_request(slack.url.replace("/slack/events", "/healthz")).status == 200
