from __future__ import annotations

import io

import pytest

from bot.slack.wsgi import MAX_BODY_BYTES, Router


class StartResponse:
    def __init__(self) -> None:
        self.status = ""
        self.headers: dict[str, str] = {}

    def __call__(self, status: str, headers: list[tuple[str, str]]) -> None:
        self.status, self.headers = status, dict(headers)


def _call(router: Router, method: str, path: str, length: int = 0) -> tuple[str, bytes, dict]:
    start = StartResponse()
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "CONTENT_LENGTH": str(length), "wsgi.input": io.BytesIO()}
    body = b"".join(router(environ, start))
    return start.status, body, start.headers


def _slack_ok(environ: dict, start_response) -> list[bytes]:
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"slack"]


def _slack_unparsable(environ: dict, start_response) -> list[bytes]:
    raise ValueError("Expecting value: line 1 column 1")


@pytest.mark.parametrize(
    ("method", "path", "status", "body"),
    [
        ("GET", "/healthz", "200 OK", b"ok\n"),
        ("HEAD", "/healthz", "200 OK", b""),
        ("POST", "/healthz", "405 Method Not Allowed", b"GET only\n"),
        ("POST", "/slack/events", "200 OK", b"slack"),
        ("GET", "/slack/events", "405 Method Not Allowed", b"POST only\n"),
        ("GET", "/", "404 Not Found", b"not found\n"),
    ],
)
def test_routes(method: str, path: str, status: str, body: bytes) -> None:
    assert _call(Router(_slack_ok), method, path)[:2] == (status, body)


def test_oversized_body_is_refused_before_slack_sees_it() -> None:
    assert _call(Router(_slack_ok), "POST", "/slack/events", MAX_BODY_BYTES + 1)[0] == "413 Content Too Large"


def test_unparsable_body_is_a_400_not_a_500() -> None:
    assert _call(Router(_slack_unparsable), "POST", "/slack/events")[0] == "400 Bad Request"


@pytest.mark.parametrize("length", ["-1", "abc", ""])
def test_a_body_is_never_read_past_the_limit_whatever_its_announced_length(length: str) -> None:
    seen: list[int] = []

    def slack(environ: dict, start_response) -> list[bytes]:
        seen.append(len(environ["wsgi.input"].read()))
        return _slack_ok(environ, start_response)

    start = StartResponse()
    body = io.BytesIO(b"x" * (MAX_BODY_BYTES + 10))
    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/slack/events", "CONTENT_LENGTH": length, "wsgi.input": body}
    b"".join(Router(slack, signing_secret="s")(environ, start))
    assert start.status == "413 Content Too Large" and seen == []
    assert body.tell() == MAX_BODY_BYTES + 1
