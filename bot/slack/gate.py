"""The door of the HTTP endpoint: Slack's signature checked on the raw bytes before anything is parsed, then the
shape of a signed body checked before Bolt sees it. Each refusal is one short reason for one log line.

Bolt parses the body before it checks the signature, and its checks raise on a non-numeric timestamp, a body
that is not UTF-8, a JSON array or `payload=null`: anyone could fill the log with tracebacks.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from urllib.parse import parse_qs

# Slack refuses requests older than five minutes; so do we (replays).
MAX_AGE_SECONDS = 5 * 60
# Slack's payloads are a few levels deep (a view's state values: about eight).
MAX_DEPTH = 32


def signature_problem(secret: str, body: bytes, timestamp: str | None, signature: str | None) -> str | None:
    """Why the request is not Slack's (no or bad signature, stale or malformed timestamp), or None."""
    if not timestamp or not signature:
        return "no signature headers"
    if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 12):
        return "timestamp is not a number"
    if abs(time.time() - int(timestamp)) > MAX_AGE_SECONDS:
        return "timestamp older than five minutes"
    if not secret:
        return "no signing secret configured"
    expected = "v0=" + hmac.new(secret.encode(), b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace")):
        return "bad signature"
    return None


def shape_problem(body: bytes, content_type: str | None) -> str | None:
    """Why a signed body is not something Slack sends (not UTF-8, not an object, nested too deep), or None."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return "body is not UTF-8"
    if (content_type or "").split(";")[0].strip().lower() == "application/json":
        return _json_object_problem(text)
    form = parse_qs(text, keep_blank_values=True)
    if "payload" in form:
        return _json_object_problem(form["payload"][0], "payload")
    return None


def _json_object_problem(text: str, what: str = "body") -> str | None:
    try:
        value = json.loads(text)
    except RecursionError:
        return f"{what} nested too deep"
    except ValueError:
        return f"{what} is not JSON"
    if not isinstance(value, dict):
        return f"{what} is not a JSON object"
    if _depth(value) > MAX_DEPTH:
        return f"{what} nested too deep"
    return None


def _depth(value: object) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > MAX_DEPTH:
            break
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        stack.extend((child, depth + 1) for child in children)
    return deepest
