"""`srom nudges preview|run`: previews send nothing; runs in two processes at once, or a run killed mid-campaign
and run again, send each nudge once and forget nobody."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.cli.main import main
from storage import roles
from storage.db import open_db
from tests.fakes.slack_api import FakeSlackAPI

REPO = Path(__file__).resolve().parents[3]
NOW = "2026-11-30T09:30:00+01:00"  # a Monday morning in Paris


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("SROM_ADMINS", "SROM_CONSOLE_USER", "SROM_DATA_DIR", "SLACK_BOT_TOKEN", "SLACK_API_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SROM_DB_PATH", str(tmp_path / "srom.db"))
    assert main(["commitments", "list"]) == 0  # creates, migrates, seeds
    db = open_db(tmp_path / "srom.db")
    roles.grant(db, "UADMIN", "URH", "referent", "RH")
    db.close()
    return tmp_path


def test_preview_prints_who_gets_what_and_sends_nothing(env, capsys) -> None:
    capsys.readouterr()
    assert main(["nudges", "preview", "--date", "2026-11-30", "--json"]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["to"] == "URH" and row["kind"] == "stale" and row["commitments"] == ["RH-1", "RH-2", "RH-3"]
    assert main(["nudges", "preview", "--date", "2026-11-29"]) == 0  # a Sunday
    assert "0 rappel(s)" in capsys.readouterr().err
    count = sqlite3.connect(env / "srom.db").execute("SELECT COUNT(*) FROM nudges").fetchone()[0]
    assert count == 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["nudges", "preview", "--date", "30/11"], "écrivez la date comme 2026-12-01"),
        (["nudges", "run"], "SLACK_BOT_TOKEN manquant"),
    ],
)
def test_bad_input_says_how_to_do_it(env, capsys, argv, message) -> None:
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def _run(env: Path, fake: FakeSlackAPI) -> subprocess.Popen:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "SROM_"))}
    environment.update(
        SLACK_API_URL=fake.api_url,
        SLACK_BOT_TOKEN="xoxb-test",
        SROM_DB_PATH=str(env / "srom.db"),
        PYTHONPATH=str(REPO),
    )
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli.main", "nudges", "run", "--now", NOW],
        cwd=env,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def _referents(env: Path, count: int) -> None:
    db = open_db(env / "srom.db")
    for n in range(count):
        roles.grant(db, "UADMIN", f"UJ{n:03d}", "referent", "JUR")
    db.close()


def _delivered(fake: FakeSlackAPI) -> list[str]:
    return [c.params["channel"] for c in fake.calls_to("chat.postMessage") if (c.response or {}).get("ok")]


def test_two_processes_at_once_send_each_nudge_once(env, fake) -> None:
    _referents(env, 40)
    fake.delays["chat.postMessage"] = 0.01
    runs = [_run(env, fake), _run(env, fake)]
    for process in runs:
        assert process.wait(timeout=60) == 0, process.stdout.read().decode()  # type: ignore[union-attr]
    delivered = _delivered(fake)
    assert len(delivered) == 41 and len(set(delivered)) == 41


def test_a_campaign_killed_mid_way_resumes_without_repeating_anyone(env, fake) -> None:
    _referents(env, 40)
    fake.delays["chat.postMessage"] = 0.05
    first = _run(env, fake)
    fake.wait_for("chat.postMessage", 10, timeout=30)
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=10)
    db = sqlite3.connect(env / "srom.db")
    sent, claimed = db.execute("SELECT COUNT(sent_at), COUNT(*) FROM nudges").fetchone()
    assert 0 < sent < 41 and claimed >= sent
    # The dead run's leases run out (as time passes), then the next run takes over.
    db.execute("UPDATE nudges SET lease_until = 0 WHERE sent_at IS NULL")
    db.commit()
    second = _run(env, fake)
    assert second.wait(timeout=60) == 0, second.stdout.read().decode()  # type: ignore[union-attr]
    time.sleep(0.1)
    delivered = _delivered(fake)
    assert len(delivered) == 41 and len(set(delivered)) == 41
    assert db.execute("SELECT COUNT(*) FROM nudges WHERE sent_at IS NULL").fetchone()[0] == 0


@pytest.fixture
def fake():
    with FakeSlackAPI() as server:
        yield server


def test_the_clock_is_a_process_that_runs_at_once_then_on_its_interval_and_stops_on_sigterm(env, fake) -> None:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "SROM_"))}
    environment.update(
        SLACK_API_URL=fake.api_url, SLACK_BOT_TOKEN="xoxb-test", SROM_DB_PATH=str(env / "srom.db"), PYTHONPATH=str(REPO)
    )
    clock = subprocess.Popen(
        [sys.executable, "-m", "bot.cli.main", "clock"],
        cwd=env,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        # Its first run starts at once (whatever the hour, it refreshes the référents' time zones first).
        (info,) = fake.wait_for("users.info", timeout=30)
        assert info.params["user"] == "URH"
        fake.settle(0.3)
        cached = sqlite3.connect(env / "srom.db").execute("SELECT tz FROM slack_users WHERE user_id = 'URH'")
        assert cached.fetchone() == ("Europe/Paris",)
    finally:
        clock.terminate()
        code = clock.wait(timeout=15)
    output = clock.stdout.read().decode()  # type: ignore[union-attr]
    assert code == 0, output
    assert "clock started: nudges every 5 minute(s)" in output
