"""Nudges end to end: `srom nudges run` DMs a référent through the fake Slack; their clicks on *Rien de nouveau*
and *Mettre à jour* go, signed, to `srom serve` (2 workers); the report then says "confirmé", not stale."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.nudges.calendar import is_working_day
from storage.db import open_db
from storage.progress import NewEntry, record_progress
from tests.fakes.slack_api import FakeSlackAPI

from .serving import BOT_TOKEN, REPO, SIGNING_SECRET, Server, start_serve, stop_serve
from .slack_requests import SlackSender, block_actions

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture(scope="module")
def nudge_server(fake_slack: FakeSlackAPI, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_serve(tmp_path_factory.mktemp("nudges"), fake_slack.api_url, SROM_ADMINS="UADMIN")
    try:
        yield running
    finally:
        stop_serve(running)


@pytest.fixture
def nfake(fake_slack: FakeSlackAPI, nudge_server: Server) -> Iterator[FakeSlackAPI]:
    fake_slack.settle(0.2)
    fake_slack.reset()
    yield fake_slack
    fake_slack.settle(0.5)


def _working_morning() -> datetime:
    """10:00 in Paris on the latest working day up to today: a moment when nudges go out."""
    day = datetime.now(PARIS).date()
    while not is_working_day(day):
        day -= timedelta(days=1)
    return datetime(day.year, day.month, day.day, 10, 0, tzinfo=PARIS)


def _nudges_run(server: Server, fake: FakeSlackAPI, now: datetime) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "SROM_"))}
    env.update(SLACK_API_URL=fake.api_url, SLACK_BOT_TOKEN=BOT_TOKEN, SROM_DB_PATH=str(server.db_path))
    env["PYTHONPATH"] = str(REPO)
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli.main", "nudges", "run", "--now", now.isoformat()],
        env=env,
        cwd=server.db_path.parent,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def _report(sender: SlackSender, fake: FakeSlackAPI) -> str:
    _, url = sender.command("", command="/srom-rapport", user="UADMIN", channel="D0ADMIN")
    (call,) = fake.wait_for("response_url", where=lambda c: url.endswith(c.path))
    fake.wait_for("files.completeUploadExternal")  # the chart follows the summary
    return json.dumps(call.params["blocks"], ensure_ascii=False)


def _line(report: str, commitment: str) -> str:
    text = next(b for b in json.loads(report) if commitment in json.dumps(b, ensure_ascii=False))["text"]["text"]
    return next(line for line in text.split("\n•") if f"*{commitment}*" in line)


def test_a_referent_is_nudged_confirms_by_one_click_and_the_report_says_confirme(
    nudge_server: Server, nfake: FakeSlackAPI
) -> None:
    sender = SlackSender(nudge_server.url, SIGNING_SECRET, nfake.url + "/response")
    resp, _ = sender.command("referent add <@URH|urh> RH", command="/srom-admin", user="UADMIN")
    assert "est maintenant référent" in resp.json()["text"]  # /srom-admin answers in its ack
    now = _working_morning()
    long_ago = (now - timedelta(days=120)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    db = open_db(nudge_server.db_path)
    record_progress(db, NewEntry("RH-1", "en_cours", 40, "accord GPEC", "URH", "urh", "slash", "e2e:old"), now=long_ago)
    db.close()
    assert "sans mise à jour depuis plus de 90 jours" in _line(_report(sender, nfake), "RH-1")

    assert "1 envoyé(s)" in _nudges_run(nudge_server, nfake, now)
    (dm,) = nfake.wait_for("chat.postMessage", where=lambda c: c.params.get("channel") == "DRH")
    message = {"ts": dm.response["ts"], "text": dm.params["text"], "blocks": dm.params["blocks"]}
    buttons = {e["text"]["text"]: e for b in message["blocks"] if b["type"] == "actions" for e in b["elements"]}
    assert {"Mettre à jour", "Rien de nouveau", "Ne plus me relancer"} <= set(buttons)

    update = next(
        e
        for b in message["blocks"]
        if b.get("block_id") == "srom_nudge_item:RH-1"
        for e in b["elements"]
        if e["text"]["text"] == "Mettre à jour"
    )
    sender.interaction(block_actions(update, message=message, response_url=nfake.url + "/r", user="URH", channel="DRH"))
    (opened,) = nfake.wait_for("views.open")
    assert opened.response["ok"] and "Dernier état de *RH-1*" in json.dumps(opened.params["view"], ensure_ascii=False)

    confirm = buttons["Rien de nouveau"]
    for _ in range(2):  # a double click: one entry
        resp = sender.interaction(
            block_actions(confirm, message=message, response_url=nfake.url + "/r", user="URH", channel="DRH")
        )
        assert resp.status == 200
    (updated, *_) = nfake.wait_for("chat.update")
    assert "rien de nouveau, confirmé" in json.dumps(updated.params["blocks"], ensure_ascii=False)
    nfake.settle(0.3)
    rows = sqlite3.connect(nudge_server.db_path).execute(
        "SELECT kind, status, percent FROM progress WHERE commitment_id = 'RH-1' ORDER BY id"
    )
    assert rows.fetchall() == [("update", "en_cours", 40), ("confirmation", "en_cours", 40)]

    line = _line(_report(sender, nfake), "RH-1")
    assert "confirmé sans changement" in line and "plus de 90 jours" not in line
    assert "0 rappel(s)" in _nudges_run(nudge_server, nfake, now + timedelta(hours=1))  # once a week at most
