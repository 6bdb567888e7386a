"""Commitment tracking through `srom serve` (2 workers) and the fake Slack: signed slash commands, the modal
(views.open, field errors in the ack, the write before "Enregistré"), the report and its files upload flow."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

import pytest

from bot.tracking.views import BLOCKS, VIEW_PROGRESS
from tests.fakes.slack_api import FakeSlackAPI

from .serving import SIGNING_SECRET, Server, start_serve, stop_serve
from .slack_requests import SlackSender, block_actions, view_submission


@pytest.fixture(scope="module")
def tracking_server(fake_slack: FakeSlackAPI, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_serve(tmp_path_factory.mktemp("tracking"), fake_slack.api_url, SROM_ADMINS="UADMIN")
    try:
        yield running
    finally:
        stop_serve(running)


@pytest.fixture
def tfake(fake_slack: FakeSlackAPI, tracking_server: Server) -> Iterator[FakeSlackAPI]:
    fake_slack.settle(0.2)
    fake_slack.reset()
    yield fake_slack
    fake_slack.settle(0.5)  # this test's background uploads finish before the next test counts calls


@pytest.fixture
def sender(tracking_server: Server, tfake: FakeSlackAPI) -> SlackSender:
    return SlackSender(tracking_server.url, SIGNING_SECRET, tfake.url + "/response")


def _reply(fake: FakeSlackAPI, url: str) -> str:
    (call,) = fake.wait_for("response_url", where=lambda c: url.endswith(c.path))
    return json.dumps(call.params.get("blocks"), ensure_ascii=False) + call.params.get("text", "")


def _acked(resp) -> str:
    """The reply a command that may write carries in its ack (after its commit)."""
    body = resp.json()
    return json.dumps(body.get("blocks"), ensure_ascii=False) + body.get("text", "")


def _count(server: Server, where: str = "1") -> int:
    db = sqlite3.connect(server.db_path)
    try:
        return db.execute(f"SELECT COUNT(*) FROM progress WHERE {where}").fetchone()[0]
    finally:
        db.close()


def _values(commitment: str, status: str, percent: str | None, comment: str) -> dict:
    return {
        BLOCKS["commitment"]: {"commitment": {"type": "static_select", "selected_option": {"value": commitment}}},
        BLOCKS["status"]: {"status": {"type": "static_select", "selected_option": {"value": status}}},
        BLOCKS["percent"]: {"percent": {"type": "number_input", "value": percent}},
        BLOCKS["comment"]: {"comment": {"type": "plain_text_input", "value": comment}},
    }


def test_admin_names_a_referent_who_records_by_command_and_by_modal(
    sender: SlackSender, tfake: FakeSlackAPI, tracking_server: Server
) -> None:
    resp, _ = sender.command("referent add <@URH|urh> RH CCI Nantes", command="/srom-admin", user="UADMIN")
    assert "est maintenant référent" in _acked(resp)

    resp, _ = sender.command("RH-2 en cours 30% plan de recrutement", command="/srom-engagement", user="URH")
    assert resp.status == 200 and resp.elapsed < 3.0
    assert "Enregistré" in _acked(resp)  # in the ack itself, the row committed before it
    assert _count(tracking_server, "commitment_id = 'RH-2' AND source = 'slash'") == 1
    tfake.settle(0.3)
    assert tfake.calls_to("response_url") == []

    sender.command("", command="/srom-engagement", user="URH")
    (opened,) = tfake.wait_for("views.open")
    assert opened.response["ok"] and opened.params["view"]["callback_id"] == VIEW_PROGRESS
    view_id = opened.response["view"]["id"]

    bad = sender.interaction(view_submission(view_id, VIEW_PROGRESS, _values("RH-1", "en_cours", "140", ""), "URH"))
    body = bad.json()
    assert body["response_action"] == "errors"
    assert set(body["errors"]) == {BLOCKS["percent"], BLOCKS["comment"]}
    assert _count(tracking_server, "commitment_id = 'RH-1'") == 0

    good = view_submission(view_id, VIEW_PROGRESS, _values("RH-1", "en_cours", "40", "accord GPEC"), "URH")
    first = sender.interaction(good).json()
    assert first["response_action"] == "update" and "Enregistré" in json.dumps(first["view"], ensure_ascii=False)
    assert _count(tracking_server, "commitment_id = 'RH-1' AND source = 'modal'") == 1  # written before the ack
    again = sender.interaction(good).json()  # a double submit of the same view
    assert "Déjà enregistré" in json.dumps(again["view"], ensure_ascii=False)
    assert _count(tracking_server, "commitment_id = 'RH-1'") == 1


def test_a_non_referent_is_refused_and_audited(
    sender: SlackSender, tfake: FakeSlackAPI, tracking_server: Server
) -> None:
    resp, _ = sender.command("SI-1 atteint 100% fusion faite", command="/srom-engagement", user="UOTHER")
    text = _acked(resp)
    assert "seuls les référents" in text and "<@UADMIN>" in text
    assert _count(tracking_server, "commitment_id = 'SI-1'") == 0
    db = sqlite3.connect(tracking_server.db_path)
    assert (
        db.execute("SELECT COUNT(*) FROM audit_log WHERE actor_id = 'UOTHER' AND action = 'write_refused'").fetchone()[
            0
        ]
        == 1
    )


def test_report_summary_chart_and_word_file_go_through_the_upload_flow(
    sender: SlackSender, tfake: FakeSlackAPI
) -> None:
    _, url = sender.command("2026", command="/srom-rapport", user="UADMIN", channel="D0ADMIN")
    (summary,) = tfake.wait_for("response_url", where=lambda c: url.endswith(c.path))
    assert "Rapport annuel au Bureau" in json.dumps(summary.params["blocks"], ensure_ascii=False)
    (complete,) = tfake.wait_for("files.completeUploadExternal")
    assert complete.response["ok"] and complete.params["channel_id"] == "D0ADMIN"
    assert tfake.calls_to("upload")[0].raw.startswith(b"\x89PNG")
    button = next(e for b in summary.params["blocks"] if b["type"] == "actions" for e in b["elements"])
    sender.interaction(block_actions(button, ephemeral=True, response_url=url, user="UADMIN", channel="D0ADMIN"))
    tfake.wait_for("files.completeUploadExternal", 2)
    (_, docx) = tfake.calls_to("files.getUploadURLExternal")
    assert docx.params["filename"] == "rapport-srom-2026.docx"
    assert tfake.calls_to("upload")[1].raw[:2] == b"PK"
