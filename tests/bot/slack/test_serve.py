"""`srom serve` start-up: checks, mode choice, gunicorn options. (Serving itself is covered end to end.)"""

from __future__ import annotations

import pytest

from bot.settings import Settings
from bot.slack.serve import StartupError, gunicorn_options, prepare, run_serve
from storage.db import applied_migrations, open_db
from tests.bot.conftest import tiny_kb
from tests.fakes.slack_api import INVALID_TOKEN, FakeSlackAPI


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path, fake: FakeSlackAPI) -> None:
    monkeypatch.chdir(tmp_path)
    for name, value in {
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": "secret",
        "SLACK_API_URL": fake.api_url,
        "SROM_DB_PATH": str(tmp_path / "srom.db"),
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("SLACK_APP_TOKEN", raising=False)
    monkeypatch.setattr("srom_data.loader.load_default", tiny_kb)  # independent of the data being edited


def test_socket_mode_when_the_app_token_is_set(env, monkeypatch: pytest.MonkeyPatch, fake: FakeSlackAPI) -> None:
    started: list = []

    class FakeHandler:
        def __init__(self, app, app_token: str, ping_interval: float = 10) -> None:
            started.append((app, app_token))
            assert ping_interval <= 2  # a lost connection is noticed in seconds, not a minute

        def start(self) -> None:
            started.append("started")

    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-test")
    monkeypatch.setattr("slack_bolt.adapter.socket_mode.SocketModeHandler", FakeHandler)
    assert run_serve() == 0
    (app, token), state = started
    assert (token, state) == ("xapp-test", "started")
    assert app.client.base_url == fake.api_url  # Socket Mode's Web API calls go to SLACK_API_URL too
    assert [c.method for c in fake.calls] == ["auth.test"]


def test_http_mode_runs_gunicorn(env, monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[dict] = []
    monkeypatch.setattr("gunicorn.app.base.BaseApplication.run", lambda self: ran.append(dict(self.cfg.settings)))
    assert run_serve(port=8123) == 0
    assert ran[0]["bind"].value == ["0.0.0.0:8123"]
    assert ran[0]["worker_class"].value == "gthread"


def test_prepare_migrates_the_database(env, tmp_path) -> None:
    prepare(Settings())
    assert applied_migrations(open_db(tmp_path / "srom.db"))


def test_a_refused_token_stops_start_up(env, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", INVALID_TOKEN)
    with pytest.raises(StartupError, match=r"SLACK_BOT_TOKEN refusé par Slack \(invalid_auth\)"):
        prepare(Settings())


def test_an_unreachable_slack_does_not_stop_start_up(env, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_API_URL", "http://127.0.0.1:9/api/")
    prepare(Settings())


def test_gunicorn_options_use_several_workers_and_threads(env, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    monkeypatch.setenv("SROM_THREADS", "4")
    options = gunicorn_options(Settings())
    assert (options["workers"], options["threads"], options["preload_app"]) == (3, 4, False)


@pytest.mark.parametrize(("flag", "env_value"), [(True, None), (False, "1")])
def test_the_clock_starts_beside_the_server_when_asked_and_stops_with_it(
    env, monkeypatch: pytest.MonkeyPatch, flag: bool, env_value: str | None
) -> None:
    events: list[str] = []

    class Child:
        def poll(self) -> None:
            return None

        def terminate(self) -> None:
            events.append("clock stopped")

        def wait(self, timeout: float) -> int:
            return 0

    if env_value:
        monkeypatch.setenv("SROM_CLOCK", env_value)
    monkeypatch.setattr("bot.slack.clock.start_clock_process", lambda: events.append("clock started") or Child())
    monkeypatch.setattr("gunicorn.app.base.BaseApplication.run", lambda self: events.append("serving"))
    assert run_serve(with_clock=flag) == 0
    assert events == ["clock started", "serving", "clock stopped"]


def test_no_clock_unless_asked(env, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SROM_CLOCK", raising=False)
    monkeypatch.setattr("bot.slack.clock.start_clock_process", lambda: pytest.fail("clock started"))
    monkeypatch.setattr("gunicorn.app.base.BaseApplication.run", lambda self: None)
    assert run_serve() == 0
