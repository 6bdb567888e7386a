"""Hostile and malformed requests against `srom serve --http`: the signature is checked before anything is parsed,
each refusal is a 4xx with one line in the log (never a traceback, never a 500), and a signed but malformed
interaction is handled without writing anything."""

from __future__ import annotations

import json
import sqlite3
import time
from urllib.parse import urlencode

import pytest

from bot.tracking.views import BLOCKS, VIEW_PROGRESS
from tests.fakes.slack_api import FakeSlackAPI

from .serving import Server
from .slack_requests import SlackSender, http_request, view_submission

STARTUP_NOISE = ("`token` will be unused", "Booting worker", "Starting gunicorn", "Listening at", "Using worker")
FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
DEEP = "[" * 100_000 + "]" * 100_000
HOSTILE = {
    "empty array": (b"[]", JSON),
    "payload null": (b"payload=null", FORM),
    "payload array": (b"payload=%5B%5D", FORM),
    "payload string": (b"payload=%22x%22", FORM),
    "deeply nested json": (DEEP.encode(), JSON),
    "deeply nested payload": (("payload=" + "%5B" * 50_000 + "%5D" * 50_000).encode(), FORM),
    "nested object": (('{"a":' * 60 + "1" + "}" * 60).encode(), JSON),
    "invalid utf-8": (b"command=%2Fsrom&text=\xff\xfe\xfa", FORM),
    "invalid utf-8 json": (b'{"type": "\xff"}', JSON),
    "json null": (b"null", JSON),
    "json number": (b"12", JSON),
}


def _log_growth(server: Server, action) -> tuple[object, list[str]]:
    """What `action` returns, and the log lines about requests the server wrote meanwhile (a worker's start-up
    lines may come at any time: they are left out)."""
    before = len(server.log().splitlines())
    result = action()
    time.sleep(0.1)
    new = server.log().splitlines()[before:]
    return result, [line for line in new if not any(noise in line for noise in STARTUP_NOISE)]


def _rows(server: Server) -> int:
    db = sqlite3.connect(server.db_path)
    try:
        return db.execute("SELECT (SELECT COUNT(*) FROM progress) + (SELECT COUNT(*) FROM roles)").fetchone()[0]
    finally:
        db.close()


BAD_HEADERS = {
    "letters": {"X-Slack-Request-Timestamp": "abc", "X-Slack-Signature": "v0=00"},
    "fullwidth digits": {"X-Slack-Request-Timestamp": "１２３".encode(), "X-Slack-Signature": "v0=00"},
    "negative": {"X-Slack-Request-Timestamp": "-1", "X-Slack-Signature": "v0=00"},
    "huge": {"X-Slack-Request-Timestamp": "9" * 40, "X-Slack-Signature": "v0=00"},
    "now but bad signature": {"X-Slack-Request-Timestamp": str(int(time.time())), "X-Slack-Signature": "v0=é"},
    "none": {},
}


@pytest.mark.parametrize(
    ("hostile", "headers"),
    [(hostile, "letters") for hostile in sorted(HOSTILE)]
    + [("empty array", name) for name in BAD_HEADERS if name != "letters"],
)
def test_unsigned_hostile_requests_are_a_401_with_one_log_line(
    server: Server, slack: SlackSender, fake: FakeSlackAPI, hostile: str, headers: str
) -> None:
    body, content_type = HOSTILE[hostile]
    resp, lines = _log_growth(
        server, lambda: http_request(slack.url, "POST", body, {"Content-Type": content_type, **BAD_HEADERS[headers]})
    )
    assert resp.status == 401
    assert len(lines) == 1 and "Traceback" not in "\n".join(lines), lines
    assert fake.calls == []


@pytest.mark.parametrize("hostile", sorted(HOSTILE))
def test_signed_malformed_bodies_are_a_400_with_one_log_line(
    server: Server, slack: SlackSender, fake: FakeSlackAPI, hostile: str
) -> None:
    body, content_type = HOSTILE[hostile]
    resp, lines = _log_growth(server, lambda: slack.post(body, content_type))
    assert resp.status == 400
    assert len(lines) == 1 and "Traceback" not in "\n".join(lines), lines
    assert fake.calls == []


def test_a_huge_body_is_refused_with_one_log_line(server: Server, slack: SlackSender) -> None:
    huge = b"command=%2Fsrom&text=" + b"a" * (2 << 20)
    resp, lines = _log_growth(server, lambda: slack.post(huge, FORM))
    assert resp.status == 413
    assert len(lines) == 1 and "Traceback" not in lines[0], lines


def _progress_values() -> dict:
    return {
        BLOCKS["commitment"]: {"commitment": {"selected_option": {"value": "RH-1"}}},
        BLOCKS["status"]: {"status": {"selected_option": {"value": "en_cours"}}},
        BLOCKS["percent"]: {"percent": {"value": "40"}},
        BLOCKS["comment"]: {"comment": {"value": "accord GPEC"}},
    }


def _malformed_submissions() -> dict[str, dict]:
    good = view_submission("VBAD1", VIEW_PROGRESS, _progress_values(), "UADMIN")
    return {
        "user is a string": {**good, "user": "UADMIN"},
        "user is a list": {**good, "user": ["UADMIN"]},
        "user id is a number": {**good, "user": {"id": 12}},
        "no user": {k: v for k, v in good.items() if k != "user"},
        "state is a string": {**good, "view": {**good["view"], "state": "x"}},
        "values is a list": {**good, "view": {**good["view"], "state": {"values": []}}},
        "view id is a dict": {**good, "view": {**good["view"], "id": {"a": 1}}},
    }


@pytest.mark.parametrize("shape", sorted(_malformed_submissions()))
def test_a_signed_malformed_view_submission_is_handled_and_writes_nothing(
    server: Server, slack: SlackSender, fake: FakeSlackAPI, shape: str
) -> None:
    before = _rows(server)
    resp, lines = _log_growth(server, lambda: slack.interaction(_malformed_submissions()[shape]))
    assert resp.status < 500
    if resp.status == 200 and resp.body:
        assert json.loads(resp.body).get("response_action") == "errors"
    assert "Traceback" not in "\n".join(lines), lines
    assert _rows(server) == before


def test_a_form_body_with_a_valid_signature_still_reaches_the_bot(server: Server, slack: SlackSender) -> None:
    """The gate reads the body; Bolt must still get it whole (a regression here breaks every command)."""
    resp = slack.post(urlencode({"type": "url_verification", "challenge": "c1"}), FORM)
    assert resp.status < 500
    resp = slack.post(json.dumps({"type": "url_verification", "challenge": "c2"}), JSON)
    assert resp.status == 200 and b"c2" in resp.body
