"""`srom serve --socket` against a fake Socket Mode server: hello, a slash command envelope acknowledged with its
answer, then the connection lost without a close frame; the bot is back and answering within 10 seconds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.socket_mode import FakeSocketMode, slash_command_envelope

from .serving import free_port, serve_env

RECONNECT_WITHIN = 10.0


@pytest.fixture
def socket_mode(fake_slack: FakeSlackAPI) -> Iterator[FakeSocketMode]:
    with FakeSocketMode() as server:
        fake_slack.reset()
        fake_slack.socket_url = server.url
        try:
            yield server
        finally:
            fake_slack.socket_url = None


@pytest.fixture
def socket_serve(fake_slack: FakeSlackAPI, socket_mode: FakeSocketMode, tmp_path: Path) -> Iterator[Path]:
    log_path = tmp_path / "socket.log"
    env = serve_env(fake_slack.api_url, tmp_path / "srom.db", free_port(), SLACK_APP_TOKEN="xapp-1-test")
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli.main", "serve", "--socket"],
            cwd=tmp_path,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield log_path
    finally:
        os.killpg(os.getpgid(process.pid), signal.SIGKILL)
        process.wait(timeout=10)


def _answered(socket_mode: FakeSocketMode, fake: FakeSlackAPI, envelope_id: str, timeout: float) -> str:
    """The answer to an envelope: in its ack, or through its response_url (Bolt may do either)."""
    ack = socket_mode.wait_for_ack(envelope_id, timeout)
    if ack.get("payload"):
        return str(ack["payload"])
    (call,) = fake.wait_for("response_url", timeout=timeout, where=lambda c: c.path.endswith(envelope_id))
    return str(call.params)


@pytest.mark.parametrize("how", ["reset", "fin", "silence"])
def test_socket_mode_answers_and_comes_back_within_ten_seconds_after_a_drop(
    fake_slack: FakeSlackAPI, socket_mode: FakeSocketMode, socket_serve: Path, how: str
) -> None:
    socket_mode.wait_for_connection(1, timeout=30)
    socket_mode.send(slash_command_envelope(f"{how}-1", "aide", fake_slack.response_url(f"{how}-1")))
    assert "Suivi des engagements" in _answered(socket_mode, fake_slack, f"{how}-1", timeout=10)

    dropped_at = time.monotonic()
    socket_mode.drop(how)
    socket_mode.wait_for_connection(2, timeout=RECONNECT_WITHIN + 5)
    socket_mode.send(slash_command_envelope(f"{how}-2", "aide", fake_slack.response_url(f"{how}-2")))
    answer = _answered(socket_mode, fake_slack, f"{how}-2", timeout=RECONNECT_WITHIN)
    took = time.monotonic() - dropped_at
    assert "Suivi des engagements" in answer
    print(f"{how}: answered again {took:.1f}s after the drop")
    assert took < RECONNECT_WITHIN, f"answered again {took:.1f}s after the drop\n{socket_serve.read_text()[-3000:]}"
