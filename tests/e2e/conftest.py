"""One fake Slack and one `srom serve` (scripted engine, 2 workers) for the whole end-to-end session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakes.slack_api import FakeSlackAPI

from .serving import SIGNING_SECRET, Server, start_serve, stop_serve
from .slack_requests import SlackSender


@pytest.fixture(scope="session")
def fake_slack() -> Iterator[FakeSlackAPI]:
    with FakeSlackAPI() as fake:
        yield fake


@pytest.fixture(scope="session")
def server(fake_slack: FakeSlackAPI, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    workdir = tmp_path_factory.mktemp("serve")
    running = start_serve(workdir, fake_slack.api_url, module="tests.e2e.scripted_serve")
    try:
        yield running
    finally:
        stop_serve(running)


@pytest.fixture
def fake(fake_slack: FakeSlackAPI, server: Server) -> Iterator[FakeSlackAPI]:
    """The session's fake, emptied for this test (after the server's start-up calls)."""
    fake_slack.settle(0.2)
    fake_slack.reset()
    yield fake_slack
    # Let this test's background work finish before the next one counts calls (a loaded 2-core CI box is slow).
    fake_slack.settle(0.5)


@pytest.fixture
def slack(server: Server, fake: FakeSlackAPI) -> SlackSender:
    return SlackSender(server.url, SIGNING_SECRET, fake.url + "/response")
