"""The WSGI application of `srom serve` (HTTP mode): Slack on POST /slack/events, health on GET /healthz.

Under another server: `gunicorn 'bot.slack.wsgi:create_app()'` (one App per worker, built after the fork).
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.settings import Settings, load_settings
from bot.slack.app import build_app
from storage.db import DatabaseProvider

logger = logging.getLogger(__name__)

SLACK_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
# Slack's payloads are a few kilobytes; anything much larger is not from Slack.
MAX_BODY_BYTES = 1 << 20

StartResponse = Callable[..., Any]


class Router:
    def __init__(self, slack: Callable[[dict, StartResponse], Iterable[bytes]]) -> None:
        self.slack = slack

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
                return _plain(start_response, "413 Content Too Large", "too large\n")
            return self._slack(environ, start_response)
        return _plain(start_response, "404 Not Found", "not found\n")

    def _slack(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        try:
            return self.slack(environ, start_response)
        except ValueError as exc:
            # Bolt parses the body before checking the signature: a body that is not JSON/form fails here.
            logger.warning("unparsable request body refused: %s", exc)
            return _plain(start_response, "400 Bad Request", "bad request\n")


def _content_length(environ: dict) -> int:
    try:
        return int(environ.get("CONTENT_LENGTH") or 0)
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
    return Router(SlackRequestHandler(bolt, path=SLACK_PATH))


def warm_up() -> None:
    """Build the engine's indexes now rather than at the worker's first question, then leave the long-lived
    objects (knowledge base, indexes, Bolt) out of the garbage collector's scans: a full collection over them takes
    milliseconds, a tail on whichever ack it falls in."""
    from bot.engine import default_engine

    try:
        default_engine().answer("qui arbitre ?")
    except Exception as exc:  # the first question will build it (and say what is wrong); serve anyway
        logger.warning("engine warm-up failed (%s: %s)", type(exc).__name__, exc)
    gc.freeze()
