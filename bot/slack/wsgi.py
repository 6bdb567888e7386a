"""The WSGI application of `srom serve` (HTTP mode): Slack on POST /slack/events, health on GET /healthz.

Under another server: `gunicorn 'bot.slack.wsgi:create_app()'` (one App per worker, built after the fork).
"""

from __future__ import annotations

import gc
import io
import logging
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qsl

from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.adapter.wsgi.http_request import WsgiHttpRequest
from slack_bolt.context import BoltContext
from slack_bolt.request import BoltRequest
from slack_bolt.request.internals import build_context
from slack_bolt.response import BoltResponse

from bot.settings import Settings, load_settings
from bot.slack.app import build_app
from bot.slack.gate import shape_problem, signature_problem
from storage.db import DatabaseProvider

logger = logging.getLogger(__name__)

SLACK_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
# Slack's payloads are a few kilobytes; anything much larger is not from Slack.
MAX_BODY_BYTES = 1 << 20

StartResponse = Callable[..., Any]


class Router:
    """`signing_secret`: Slack's requests are checked here, before any parsing (None: left to `slack`, for tests
    of the routing alone)."""

    def __init__(
        self, slack: Callable[[dict, StartResponse], Iterable[bytes]], *, signing_secret: str | None = None
    ) -> None:
        self.slack = slack
        self.signing_secret = signing_secret

    def __call__(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO") or "/"
        method = environ.get("REQUEST_METHOD", "GET")
        if path == HEALTH_PATH:
            if method in ("GET", "HEAD"):
                return _plain(start_response, "200 OK", "ok\n", head=method == "HEAD")
            return _plain(start_response, "405 Method Not Allowed", "GET only\n", allow="GET, HEAD")
        if path == SLACK_PATH:
            if method != "POST":
                return _plain(start_response, "405 Method Not Allowed", "POST only\n", allow="POST")
            if _content_length(environ) > MAX_BODY_BYTES:
                logger.warning("request refused: body of %s bytes announced", _content_length(environ))
                return _plain(start_response, "413 Content Too Large", "too large\n")
            return self._slack(environ, start_response)
        return _plain(start_response, "404 Not Found", "not found\n")

    def _slack(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        if self.signing_secret is not None:
            refused = self._check(environ, start_response)
            if refused is not None:
                return refused
        try:
            return self.slack(environ, start_response)
        except (ValueError, TypeError, AttributeError, KeyError, RecursionError) as exc:
            # A body Bolt cannot read: one line in the log, not a traceback.
            logger.warning("unparsable request body refused: %s: %s", type(exc).__name__, str(exc)[:200])
            return _plain(start_response, "400 Bad Request", "bad request\n")

    def _check(self, environ: dict, start_response: StartResponse) -> list[bytes] | None:
        """The signature on the raw bytes, then the body's shape; the body is put back for Bolt to read."""
        body = _read_body(environ)
        if body is None:
            logger.warning("request refused: body larger than %d bytes", MAX_BODY_BYTES)
            return _plain(start_response, "413 Content Too Large", "too large\n")
        timestamp, signature = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP"), environ.get("HTTP_X_SLACK_SIGNATURE")
        problem = signature_problem(self.signing_secret or "", body, timestamp, signature)
        if problem is not None:
            logger.warning("request refused (401): %s", problem)
            return _plain(start_response, "401 Unauthorized", "unauthorized\n")
        problem = shape_problem(body, environ.get("CONTENT_TYPE"))
        if problem is not None:
            logger.warning("signed request refused (400): %s", problem)
            return _plain(start_response, "400 Bad Request", "bad request\n")
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        return None


class FormSafeHandler(SlackRequestHandler):
    """Bolt's WSGI handler, with one fix: Bolt reads any form body holding the word "payload" as an interactive
    payload (`parse_body` searches the raw text), so "/srom payload" or a channel named "payload-team" was
    dispatched with an empty body and answered 404. A form body without a `payload` field is read as the form it
    is."""

    def dispatch(self, request: WsgiHttpRequest) -> BoltResponse:
        req = BoltRequest(body=request.get_body(), query=request.query_string, headers=request.get_headers())
        if not req.body and req.raw_body and not req.raw_body.startswith("{"):
            form = dict(parse_qsl(req.raw_body, keep_blank_values=True))
            if "payload" not in form:
                req.body = form
                req.context = build_context(BoltContext({}), form)
        return self.app.dispatch(req)


def _read_body(environ: dict) -> bytes | None:
    """The request body, or None when it is larger than MAX_BODY_BYTES (read no further than that)."""
    stream = environ.get("wsgi.input")
    if stream is None:
        return b""
    length = _content_length(environ)
    body = stream.read(length) if length else stream.read(MAX_BODY_BYTES + 1)
    return None if len(body) > MAX_BODY_BYTES else body


def _content_length(environ: dict) -> int:
    """The announced length; 0 when absent, malformed or negative (then at most MAX_BODY_BYTES + 1 are read)."""
    try:
        return max(0, int(environ.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


def _plain(
    start_response: StartResponse, status: str, text: str, *, head: bool = False, allow: str | None = None
) -> list[bytes]:
    body = text.encode()
    headers = [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))]
    if allow:
        headers.append(("Allow", allow))
    start_response(status, headers)
    return [] if head else [body]


def create_app(settings: Settings | None = None) -> Router:
    """One WSGI app per process: its own Bolt App and its own SQLite connections (never shared across a fork)."""
    settings = settings or load_settings()
    bolt = build_app(settings, DatabaseProvider(settings.srom_db_path))
    warm_up()
    return Router(FormSafeHandler(bolt, path=SLACK_PATH), signing_secret=settings.signing_secret or "")


def warm_up() -> None:
    """Build the engine's indexes now rather than at the worker's first question, then leave the long-lived
    objects (knowledge base, indexes, Bolt) out of the garbage collector's scans: a full collection over them takes
    milliseconds, a tail on whichever ack it falls in."""
    from bot.engine import default_engine

    try:
        engine = default_engine()
        engine.answer("qui arbitre ?")
        engine.speller.warm()
    except Exception as exc:  # the first question will build it (and say what is wrong); serve anyway
        logger.warning("engine warm-up failed (%s: %s)", type(exc).__name__, exc)
    gc.freeze()
