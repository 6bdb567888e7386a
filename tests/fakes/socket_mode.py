"""A fake of Slack's Socket Mode server on 127.0.0.1: a WebSocket that says `hello`, sends envelopes, records the
acknowledgements, and can lose its connection the way networks do (no close frame).

The fake Web API's `apps.connections.open` hands out this server's ws:// URL (FakeSlackAPI.socket_url).
"""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from typing import Any

from websockets.sync.server import ServerConnection, serve


class _Link:
    """One client connection through the proxy: both sockets, and whether bytes still flow."""

    def __init__(self, client: socket.socket, upstream: socket.socket) -> None:
        self.client, self.upstream = client, upstream
        self.frozen = threading.Event()

    def pump(self, source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                if self.frozen.is_set():
                    continue  # the network ate it
                target.sendall(data)
        except OSError:
            pass


class _Proxy:
    """A TCP relay in front of the WebSocket server, so a test can lose the network the ways networks are lost."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.links: list[_Link] = []
        threading.Thread(target=self._accept, name="fake-socket-proxy", daemon=True).start()

    @property
    def port(self) -> int:
        return self.listener.getsockname()[1]

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            link = _Link(client, socket.create_connection(("127.0.0.1", self.upstream_port)))
            self.links.append(link)
            threading.Thread(target=link.pump, args=(client, link.upstream), daemon=True).start()
            threading.Thread(target=link.pump, args=(link.upstream, client), daemon=True).start()

    def close(self) -> None:
        self.listener.close()


class FakeSocketMode:
    def __init__(self) -> None:
        self.connections: list[ServerConnection] = []
        self.received: list[dict[str, Any]] = []
        self._cond = threading.Condition()
        # No compression (Slack's builtin client does not negotiate it); pings come from the client.
        self._server = serve(self._handle, "127.0.0.1", 0, compression=None, ping_interval=None)
        self._thread = threading.Thread(target=self._server.serve_forever, name="fake-socket-mode", daemon=True)
        self._proxy = _Proxy(self._server.socket.getsockname()[1])

    def __enter__(self) -> FakeSocketMode:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._proxy.close()
        self._server.shutdown()

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self._proxy.port}/link/?ticket=fake"

    def _handle(self, connection: ServerConnection) -> None:
        with self._cond:
            self.connections.append(connection)
            self._cond.notify_all()
        connection.send(json.dumps({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A0SROM"}}))
        try:
            for message in connection:
                with self._cond:
                    self.received.append(json.loads(message))
                    self._cond.notify_all()
        except Exception:  # the connection was dropped under it: that is the point of some tests
            return

    def wait_for_connection(self, count: int, timeout: float) -> float:
        """Wait until `count` connections were opened; the seconds it took."""
        started = time.monotonic()
        with self._cond:
            if not self._cond.wait_for(lambda: len(self.connections) >= count, timeout):
                raise AssertionError(f"{len(self.connections)} connection(s) after {timeout}s, {count} expected")
        return time.monotonic() - started

    def send(self, envelope: dict[str, Any]) -> None:
        self.connections[-1].send(json.dumps(envelope))

    def wait_for_ack(self, envelope_id: str, timeout: float) -> dict[str, Any]:
        with self._cond:
            found = self._cond.wait_for(
                lambda: next((m for m in self.received if m.get("envelope_id") == envelope_id), None), timeout
            )
        if not found:
            raise AssertionError(f"no ack of {envelope_id} within {timeout}s")
        return found

    def drop(self, how: str = "reset") -> None:
        """Lose the bot's current connection without a close frame: `reset` (a TCP RST), `fin` (the TCP stream
        ends), or `silence` (the network path dies: nothing more arrives either way, not even an error)."""
        link = self._proxy.links[-1]
        link.frozen.set()
        if how == "reset":
            link.client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            link.client.close()
        elif how == "fin":
            link.client.shutdown(socket.SHUT_RDWR)
            link.client.close()


def slash_command_envelope(
    envelope_id: str, text: str, response_url: str, *, command: str = "/srom-engagement"
) -> dict[str, Any]:
    return {
        "envelope_id": envelope_id,
        "type": "slash_commands",
        "accepts_response_payload": True,
        "payload": {
            "token": "legacy",
            "team_id": "T0CCI",
            "team_domain": "cci-pdl",
            "channel_id": "C1",
            "channel_name": "general",
            "user_id": "U1",
            "user_name": "u1",
            "command": command,
            "text": text,
            "api_app_id": "A0SROM",
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": f"trigger.{envelope_id}",
        },
    }
