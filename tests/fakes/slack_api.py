"""A fake Slack Web API on 127.0.0.1 (random port, own thread) that records every call.

It implements the methods the bot uses (and those later features will: users.info, the file upload flow),
a response_url endpoint (`/response/<name>`), and, on demand, answers 429 (with Retry-After) or 5xx.
Blocks and views are checked against Slack's limits and refused with `invalid_blocks` like Slack does.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from .block_kit import block_problems, view_problems

BOT_USER_ID = "UBOT"
BOT_ID = "BBOT"
TEAM_ID = "T0CCI"
INVALID_TOKEN = "xoxb-invalid"


@dataclass
class Call:
    method: str  # a Web API method, "response_url" or "upload"
    params: dict[str, Any]
    headers: dict[str, str]
    status: int
    path: str = ""
    raw: bytes = b""
    response: dict[str, Any] | None = None
    at: float = field(default_factory=time.monotonic)


@dataclass
class _Fault:
    status: int
    retry_after: int | None


class FakeSlackAPI:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.time_zones: dict[str, str] = {}  # users.info's tz per user (default Europe/Paris)
        self.messages: dict[str, list[dict]] = {}  # channel → messages posted, newest last (conversations.history)
        self.delays: dict[str, float] = {}  # method → seconds each call takes (a slow Slack, to kill a sender mid-way)
        self._faults: dict[str, list[_Fault]] = {}
        self._refusals: dict[str, list[str]] = {}
        self._cond = threading.Condition()
        self._counter = itertools.count(1)
        self.socket_url: str | None = None  # what apps.connections.open hands out (tests.fakes.socket_mode)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-slack", daemon=True
        )

    # --- lifecycle -------------------------------------------------------------------------------------------

    def start(self) -> FakeSlackAPI:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeSlackAPI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        return self.url + "/api/"

    def response_url(self, name: str = "r1") -> str:
        return f"{self.url}/response/{name}"

    # --- programming and inspecting --------------------------------------------------------------------------

    def fail(self, method: str, status: int, *, times: int = 1, retry_after: int | None = None) -> None:
        """The next `times` calls of `method` get `status` (429 with a Retry-After header when given)."""
        with self._cond:
            self._faults.setdefault(method, []).extend(_Fault(status, retry_after) for _ in range(times))

    def refuse(self, method: str, error: str, *, times: int = 1) -> None:
        """The next `times` calls of Web API `method` answer `{"ok": false, "error": error}` (HTTP 200)."""
        with self._cond:
            self._refusals.setdefault(method, []).extend([error] * times)

    def reset(self) -> None:
        with self._cond:
            self.calls.clear()
            self._faults.clear()
            self.messages.clear()
            self._refusals.clear()

    def calls_to(self, method: str, *, ok_only: bool = False) -> list[Call]:
        with self._cond:
            return [c for c in self.calls if c.method == method and (not ok_only or c.status == 200)]

    def wait_for(
        self, method: str, count: int = 1, *, timeout: float = 10.0, where: Callable[[Call], bool] | None = None
    ) -> list[Call]:
        """Block until `count` calls of `method` (matching `where`) arrived; fail with what did arrive."""
        deadline = time.monotonic() + timeout

        def matching() -> list[Call]:
            return [c for c in self.calls if c.method == method and (where is None or where(c))]

        with self._cond:
            while len(matching()) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [(c.method, c.status) for c in self.calls]
                    raise AssertionError(f"expected {count} call(s) to {method}, got {len(matching())}: {seen}")
                self._cond.wait(left)
            return matching()

    def settle(self, quiet: float = 0.3, *, timeout: float = 5.0) -> None:
        """Wait until no call arrived for `quiet` seconds (to assert that something did NOT happen)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._cond:
                last = self.calls[-1].at if self.calls else 0.0
            if time.monotonic() - last >= quiet:
                return
            time.sleep(quiet / 3)

    # --- serving ---------------------------------------------------------------------------------------------

    def _record(self, call: Call) -> None:
        with self._cond:
            self.calls.append(call)
            self._cond.notify_all()

    def _take_fault(self, method: str) -> _Fault | None:
        with self._cond:
            queue = self._faults.get(method)
            return queue.pop(0) if queue else None

    def _ts(self) -> str:
        n = next(self._counter)
        return f"{1_700_000_000 + n}.{n:06d}"

    def handle(self, method: str, params: dict[str, Any], headers: dict[str, str]) -> dict[str, Any]:
        token = headers.get("authorization", "").removeprefix("Bearer ").strip() or params.get("token", "")
        if not token:
            return {"ok": False, "error": "not_authed"}
        if token == INVALID_TOKEN:
            return {"ok": False, "error": "invalid_auth"}
        with self._cond:
            refusals = self._refusals.get(method)
            refusal = refusals.pop(0) if refusals else None
        if refusal is not None:
            return {"ok": False, "error": refusal}
        answer = _METHODS.get(method)
        if answer is None:
            return {"ok": False, "error": "unknown_method"}
        return answer(self, params)


# --- Web API methods ---------------------------------------------------------------------------------------------


def _auth_test(fake: FakeSlackAPI, params: dict) -> dict:
    return {
        "ok": True,
        "url": "https://cci-pdl.slack.com/",
        "team": "CCI Pays de la Loire",
        "user": "srom",
        "team_id": TEAM_ID,
        "user_id": BOT_USER_ID,
        "bot_id": BOT_ID,
    }


def _message_problems(params: dict) -> dict | None:
    if not params.get("channel"):
        return {"ok": False, "error": "channel_not_found"}
    if not params.get("text") and not params.get("blocks"):
        return {"ok": False, "error": "no_text"}
    if params.get("blocks") and block_problems(params["blocks"]):
        return {"ok": False, "error": "invalid_blocks", "errors": block_problems(params["blocks"])}
    return None


def _post_message(fake: FakeSlackAPI, params: dict) -> dict:
    if problem := _message_problems(params):
        return problem
    ts = fake._ts()
    message = {"type": "message", "user": BOT_USER_ID, "bot_id": BOT_ID, "ts": ts, "text": params.get("text", "")}
    if params.get("thread_ts"):
        message["thread_ts"] = params["thread_ts"]
    if isinstance(params.get("metadata"), dict):
        message["metadata"] = params["metadata"]
    channel = params["channel"]
    channel = "D" + channel[1:] if channel.startswith("U") else channel  # a user id posts to the DM with them
    with fake._cond:
        fake.messages.setdefault(channel, []).append({**message, "blocks": params.get("blocks") or []})
    return {"ok": True, "channel": channel, "ts": ts, "message": message}


def _conversations_open(fake: FakeSlackAPI, params: dict) -> dict:
    users = str(params.get("users") or "")
    if not users.startswith(("U", "W")) or "," in users:
        return {"ok": False, "error": "user_not_found"}
    return {"ok": True, "channel": {"id": "D" + users[1:]}}


def _conversations_history(fake: FakeSlackAPI, params: dict) -> dict:
    channel = params.get("channel")
    if not channel:
        return {"ok": False, "error": "channel_not_found"}
    limit = int(params.get("limit") or 100)
    with fake._cond:
        newest_first = list(reversed(fake.messages.get(channel, [])))[:limit]
    with_metadata = str(params.get("include_all_metadata")).lower() in ("1", "true")
    messages = [{k: v for k, v in m.items() if k != "metadata" or with_metadata} for m in newest_first]
    return {"ok": True, "messages": messages, "has_more": False}


def _post_ephemeral(fake: FakeSlackAPI, params: dict) -> dict:
    if not params.get("user"):
        return {"ok": False, "error": "user_not_in_channel"}
    return _message_problems(params) or {"ok": True, "message_ts": fake._ts()}


def _update(fake: FakeSlackAPI, params: dict) -> dict:
    if not params.get("ts"):
        return {"ok": False, "error": "message_not_found"}
    problem = _message_problems(params)
    return problem or {"ok": True, "channel": params["channel"], "ts": params["ts"], "text": params.get("text")}


def _view_answer(fake: FakeSlackAPI, params: dict, required: str) -> dict:
    view = params.get("view")
    if not params.get(required) or not isinstance(view, dict):
        return {"ok": False, "error": "invalid_arguments"}
    if problems := view_problems(view):
        return {"ok": False, "error": "invalid_blocks", "errors": problems}
    view_id = params.get("view_id") or f"V{next(fake._counter):05d}"
    return {"ok": True, "view": {**view, "id": view_id, "hash": f"h{next(fake._counter)}"}}


def _users_info(fake: FakeSlackAPI, params: dict) -> dict:
    user = params.get("user")
    if not user:
        return {"ok": False, "error": "user_not_found"}
    profile = {"real_name": f"Agent {user}", "display_name": user.lower(), "email": f"{user.lower()}@cci.fr"}
    return {
        "ok": True,
        "user": {
            "id": user,
            "name": user.lower(),
            "real_name": profile["real_name"],
            "tz": fake.time_zones.get(user, "Europe/Paris"),
            "locale": "fr-FR",
            "is_bot": False,
            "profile": profile,
        },
    }


def _get_upload_url(fake: FakeSlackAPI, params: dict) -> dict:
    if not params.get("filename") or not str(params.get("length", "")).isdigit():
        return {"ok": False, "error": "invalid_arguments"}
    file_id = f"F{next(fake._counter):05d}"
    return {"ok": True, "upload_url": f"{fake.url}/upload/{file_id}", "file_id": file_id}


def _complete_upload(fake: FakeSlackAPI, params: dict) -> dict:
    files = params.get("files")
    if not isinstance(files, list) or not files:
        return {"ok": False, "error": "invalid_arguments"}
    uploaded = {c.path.rsplit("/", 1)[-1] for c in fake.calls_to("upload")}
    if any(f.get("id") not in uploaded for f in files):
        return {"ok": False, "error": "file_not_found"}
    return {
        "ok": True,
        "files": [{"id": f["id"], "title": f.get("title", ""), "name": f.get("title", "")} for f in files],
    }


def _connections_open(fake: FakeSlackAPI, params: dict) -> dict:
    if fake.socket_url is None:
        return {"ok": False, "error": "not_allowed_token_type"}
    return {"ok": True, "url": fake.socket_url}


_METHODS: dict[str, Callable[[FakeSlackAPI, dict], dict]] = {
    "apps.connections.open": _connections_open,
    "auth.test": _auth_test,
    "chat.postMessage": _post_message,
    "chat.postEphemeral": _post_ephemeral,
    "chat.update": _update,
    "views.open": lambda fake, p: _view_answer(fake, p, "trigger_id"),
    "views.publish": lambda fake, p: _view_answer(fake, p, "user_id"),
    "views.update": lambda fake, p: _view_answer(fake, p, "view_id"),
    "users.info": _users_info,
    "conversations.open": _conversations_open,
    "conversations.history": _conversations_history,
    "files.getUploadURLExternal": _get_upload_url,
    "files.completeUploadExternal": _complete_upload,
}


# --- HTTP ----------------------------------------------------------------------------------------------------------


def _parse(raw: bytes, content_type: str, query: str) -> dict[str, Any]:
    params: dict[str, Any] = dict(parse_qsl(query))
    if "json" in content_type:
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            body = {}
        params.update(body if isinstance(body, dict) else {})
    elif "form" in content_type:
        params.update(parse_qsl(raw.decode("utf-8", "replace")))
    for key, value in list(params.items()):
        if isinstance(value, str) and value[:1] in "[{":
            with contextlib.suppress(ValueError):
                params[key] = json.loads(value)
    return params


def _handler_for(fake: FakeSlackAPI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            parts = urlsplit(self.path)
            headers = {k.lower(): v for k, v in self.headers.items()}
            if parts.path.startswith("/api/"):
                method = parts.path.removeprefix("/api/")
            elif parts.path.startswith("/response/"):
                method = "response_url"
            elif parts.path.startswith("/upload/"):
                method = "upload"
            else:
                self._send(404, b"not found", "text/plain")
                return
            params = _parse(raw, headers.get("content-type", ""), parts.query)
            if fake.delays.get(method):
                time.sleep(fake.delays[method])
            call = Call(method, params, headers, 200, parts.path, raw)
            if fault := fake._take_fault(method):
                call.status = fault.status
                fake._record(call)
                extra = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else {}
                body = b'{"ok":false,"error":"ratelimited"}' if fault.status == 429 else b"server error"
                self._send(fault.status, body, "application/json", extra)
                return
            if method == "response_url":
                problems = block_problems(params.get("blocks") or [])
                call.status = 400 if problems else 200
                fake._record(call)
                self._send(call.status, b"invalid_blocks" if problems else b"ok", "text/plain")
            elif method == "upload":
                fake._record(call)
                self._send(200, f"OK - {len(raw)}".encode(), "text/plain")
            else:
                call.response = fake.handle(method, params, headers)
                fake._record(call)
                self._send(200, json.dumps(call.response).encode(), "application/json")

        def _send(self, status: int, body: bytes, ctype: str, extra: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for key, value in (extra or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)

    return Handler
