"""The HTTP gate on its own: the signature on the raw bytes, then the shape of a signed body."""

from __future__ import annotations

import hashlib
import hmac
import time

import pytest

from bot.slack.gate import MAX_DEPTH, shape_problem, signature_problem

SECRET = "s3cret"


def _sign(body: bytes, ts: str, secret: str = SECRET) -> str:
    return "v0=" + hmac.new(secret.encode(), b"v0:" + ts.encode() + b":" + body, hashlib.sha256).hexdigest()


def test_a_good_signature_passes_even_on_bytes_that_are_not_utf8() -> None:
    now = str(int(time.time()))
    assert signature_problem(SECRET, b"\xff\xfe", now, _sign(b"\xff\xfe", now)) is None


@pytest.mark.parametrize(
    ("timestamp", "signature", "problem"),
    [
        (None, "v0=00", "no signature headers"),
        ("123", None, "no signature headers"),
        ("abc", "v0=00", "timestamp is not a number"),
        ("１２３", "v0=00", "timestamp is not a number"),
        ("-1", "v0=00", "timestamp is not a number"),
        ("9" * 40, "v0=00", "timestamp is not a number"),
        ("1000", "v0=00", "timestamp older than five minutes"),
        ("NOW", "v0=é", "bad signature"),
        ("NOW", "OTHER", "bad signature"),
    ],
)
def test_what_is_not_slack_is_named(timestamp, signature, problem: str) -> None:
    now = str(int(time.time()))
    timestamp = now if timestamp == "NOW" else timestamp
    if signature == "OTHER":
        signature = _sign(b"{}", now, "another secret")
    assert signature_problem(SECRET, b"{}", timestamp, signature) == problem


def test_no_secret_refuses_everything() -> None:
    now = str(int(time.time()))
    assert signature_problem("", b"{}", now, _sign(b"{}", now, "")) == "no signing secret configured"


@pytest.mark.parametrize(
    ("body", "content_type", "problem"),
    [
        (b'{"type": "event_callback"}', "application/json", None),
        (b"command=%2Fsrom&text=x", "application/x-www-form-urlencoded", None),
        (b"payload=%7B%22type%22%3A%22x%22%7D", "application/x-www-form-urlencoded", None),
        (b"[]", "application/json; charset=utf-8", "body is not a JSON object"),
        (b"null", "application/json", "body is not a JSON object"),
        (b"{", "application/json", "body is not JSON"),
        (b"payload=null", "application/x-www-form-urlencoded", "payload is not a JSON object"),
        (b"payload=%7B", "application/x-www-form-urlencoded", "payload is not JSON"),
        (b"\xff", "application/json", "body is not UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "application/json", "body nested too deep"),
        (b'{"a":' * (MAX_DEPTH + 1) + b"1" + b"}" * (MAX_DEPTH + 1), "application/json", "body nested too deep"),
    ],
)
def test_the_shape_of_a_signed_body(body: bytes, content_type: str, problem: str | None) -> None:
    assert shape_problem(body, content_type) == problem
