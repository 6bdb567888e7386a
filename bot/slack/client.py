"""Outgoing calls to Slack: the Web API client and the response_url client, both retrying within bounds."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.handler import RetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.webhook import WebhookClient

from bot.settings import DEFAULT_SLACK_API_URL

MAX_RETRIES = 2
# A Retry-After longer than this is not waited for: the listener thread would be held too long.
MAX_RETRY_AFTER_SECONDS = 20
TIMEOUT_SECONDS = 10


class BoundedRateLimitRetryHandler(RateLimitErrorRetryHandler):
    """Slack's 429 handler (sleeps Retry-After), refusing to wait longer than `max_retry_after` seconds."""

    def __init__(self, max_retry_count: int = MAX_RETRIES, max_retry_after: int = MAX_RETRY_AFTER_SECONDS):
        super().__init__(max_retry_count=max_retry_count)
        self.max_retry_after = max_retry_after

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if not super()._can_retry(state=state, request=request, response=response, error=error):
            return False
        assert response is not None
        values = next((v for k, v in response.headers.items() if k.lower() == "retry-after"), None)
        try:
            wait = int(values[0]) if values else 1
        except ValueError:
            return False
        return 0 <= wait <= self.max_retry_after


class AnyServerErrorRetryHandler(ServerErrorRetryHandler):
    """Slack's server-error handler widened from 500/503 to every 5xx (502 and 504 come from proxies)."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return response is not None and 500 <= response.status_code <= 599


def retry_handlers() -> list[RetryHandler]:
    return [
        ConnectionErrorRetryHandler(max_retry_count=1),
        BoundedRateLimitRetryHandler(),
        AnyServerErrorRetryHandler(max_retry_count=MAX_RETRIES),
    ]


def build_web_client(token: str | None, base_url: str = DEFAULT_SLACK_API_URL) -> WebClient:
    return WebClient(token=token, base_url=base_url, timeout=TIMEOUT_SECONDS, retry_handlers=retry_handlers())


def build_webhook_client(url: str) -> WebhookClient:
    """For a response_url: same bounded retries as the Web API."""
    return WebhookClient(url, timeout=TIMEOUT_SECONDS, retry_handlers=retry_handlers())
