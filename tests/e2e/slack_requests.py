"""Real-format Slack requests, signed as Slack signs them (v0 HMAC-SHA256 of "v0:{ts}:{body}")."""

from __future__ import annotations

import hashlib
import hmac
import http.client
import itertools
import json
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

from slack_sdk.signature import SignatureVerifier

from tests.fakes.slack_api import TEAM_ID

APP_ID = "A0SROM"
_ids = itertools.count(1)


@dataclass
class Response:
    status: int
    body: bytes
    headers: dict[str, str]
    elapsed: float

    def json(self) -> Any:
        return json.loads(self.body)


def http_request(url: str, method: str = "GET", body: bytes = b"", headers: dict | None = None) -> Response:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    started = time.monotonic()
    try:
        conn.request(method, parts.path or "/", body=body, headers=headers or {})
        resp = conn.getresponse()
        data = resp.read()
        elapsed = time.monotonic() - started
        return Response(resp.status, data, {k.lower(): v for k, v in resp.getheaders()}, elapsed)
    finally:
        conn.close()


def signed_form(verifier: SignatureVerifier, fields: dict[str, str]) -> tuple[bytes, dict[str, str]]:
    """A slash-command form body and the headers Slack would send with it, signed now."""
    body = urlencode(fields)
    ts = str(int(time.time()))
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": verifier.generate_signature(timestamp=ts, body=body),
    }
    return body.encode(), headers


def next_id(prefix: str) -> str:
    return f"{prefix}{next(_ids):06d}"


class SlackSender:
    """Posts signed Slack payloads to a running `srom serve`."""

    def __init__(self, base_url: str, signing_secret: str, response_base: str) -> None:
        self.url = base_url + "/slack/events"
        self.verifier = SignatureVerifier(signing_secret)
        self.response_base = response_base

    def post(
        self,
        body: str | bytes,
        content_type: str,
        *,
        timestamp: int | None = None,
        signature: str | None = None,
        sign: bool = True,
        headers: dict[str, str] | None = None,
    ) -> Response:
        ts = str(int(time.time()) if timestamp is None else timestamp)
        all_headers = {"Content-Type": content_type, **(headers or {})}
        raw = body if isinstance(body, bytes) else body.encode()
        if sign:
            all_headers["X-Slack-Request-Timestamp"] = ts
            all_headers["X-Slack-Signature"] = signature or self.sign(ts, raw)
        return http_request(self.url, "POST", raw, all_headers)

    def sign(self, timestamp: str, raw: bytes) -> str:
        """Slack's v0 signature of any bytes (SignatureVerifier only signs text)."""
        secret = self.verifier.signing_secret.encode()
        return "v0=" + hmac.new(secret, b"v0:" + timestamp.encode() + b":" + raw, hashlib.sha256).hexdigest()

    def command(self, text: str, *, command: str = "/srom", user: str = "U1", channel: str = "C1", **kw: Any):
        """A slash command; keyword arguments named like a field of Slack's form (`team_domain`) replace it."""
        response_url = kw.pop("response_url", None) or f"{self.response_base}/{next_id('cmd')}"
        fields = {k: kw.pop(k) for k in ("team_domain", "channel_name", "user_name") if k in kw}
        form = {
            "token": "legacy-verification-token",
            "team_id": TEAM_ID,
            "team_domain": "cci-pdl",
            "channel_id": channel,
            "channel_name": "general",
            "user_id": user,
            "user_name": user.lower(),
            "command": command,
            "text": text,
            "api_app_id": APP_ID,
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": next_id("trigger."),
        } | fields
        return self.post(urlencode(form), "application/x-www-form-urlencoded", **kw), response_url

    def event(self, event: dict, *, event_id: str | None = None, retry_num: int | None = None, **kw: Any):
        event_id = event_id or next_id("Ev")
        envelope = {
            "token": "legacy-verification-token",
            "team_id": TEAM_ID,
            "api_app_id": APP_ID,
            "event": event,
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(time.time()),
            "authorizations": [{"team_id": TEAM_ID, "user_id": "UBOT", "is_bot": True}],
            "is_ext_shared_channel": False,
        }
        headers = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": "http_timeout"} if retry_num else {}
        return self.post(json.dumps(envelope), "application/json", headers=headers, **kw), event_id

    def interaction(self, payload: dict, **kw: Any) -> Response:
        payload = {"token": "legacy-verification-token", "api_app_id": APP_ID, "team": {"id": TEAM_ID}, **payload}
        return self.post(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded", **kw)


def mention(text: str, *, channel: str = "C1", user: str = "U1", thread_ts: str | None = None) -> dict:
    event = {
        "type": "app_mention",
        "user": user,
        "text": f"<@UBOT> {text}",
        "ts": f"{time.time():.6f}",
        "channel": channel,
        "event_ts": f"{time.time():.6f}",
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def direct_message(text: str, *, channel: str = "D1", user: str = "U1", **extra: Any) -> dict:
    ts = f"{time.time():.6f}"
    return {
        "type": "message",
        "channel_type": "im",
        "channel": channel,
        "user": user,
        "text": text,
        "ts": ts,
        "event_ts": ts,
        **extra,
    }


def block_actions(
    action: dict,
    *,
    message: dict | None = None,
    ephemeral: bool = False,
    response_url: str,
    user: str = "U1",
    channel: str = "C1",
    view: dict | None = None,
) -> dict:
    """A block_actions payload for a button of a message (public or ephemeral) or of a view."""
    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": {"id": user, "username": user.lower(), "name": user.lower(), "team_id": TEAM_ID},
        "trigger_id": next_id("trigger."),
        "actions": [{**action, "type": "button", "action_ts": f"{time.time():.6f}"}],
    }
    if view is not None:
        payload["container"] = {"type": "view", "view_id": view["id"]}
        payload["view"] = view
        return payload
    ts = (message or {}).get("ts", f"{time.time():.6f}")
    payload["container"] = {"type": "message", "message_ts": ts, "channel_id": channel, "is_ephemeral": ephemeral}
    payload["channel"] = {"id": channel, "name": "general"}
    payload["response_url"] = response_url
    if message is not None:
        payload["message"] = message
    return payload


def view_submission(view_id: str, callback_id: str, values: dict, user: str = "U1") -> dict:
    return {
        "type": "view_submission",
        "user": {"id": user, "username": user.lower(), "name": user.lower(), "team_id": TEAM_ID},
        "trigger_id": next_id("trigger."),
        "view": {
            "id": view_id,
            "type": "modal",
            "callback_id": callback_id,
            "team_id": TEAM_ID,
            "state": {"values": values},
            "hash": "h1",
            "private_metadata": "",
        },
        "response_urls": [],
    }
