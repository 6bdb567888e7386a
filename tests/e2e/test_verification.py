"""Verification end to end through `srom serve` (2 workers, the real engine) and the fake Slack: a collaborator's
question gets "non précisé" + Demander au référent; the référent's DM, the modal, the write; the asker told in
the thread; the other workers answer with the attested mode and its citation; the map and the report move.
Then a flag → review → correction, and a refusal, audited."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

import pytest

from bot.verification.views import BLOCKS, VIEW_VERIFY
from tests.fakes.slack_api import FakeSlackAPI

from .serving import SIGNING_SECRET, Server, start_serve, stop_serve
from .slack_requests import SlackSender, block_actions, mention, view_submission

QUESTION = "mode de la hotline en 2017 ?"


@pytest.fixture(scope="module")
def verif_server(fake_slack: FakeSlackAPI, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_serve(tmp_path_factory.mktemp("verification"), fake_slack.api_url, SROM_ADMINS="UADMIN")
    try:
        yield running
    finally:
        stop_serve(running)


@pytest.fixture
def vfake(fake_slack: FakeSlackAPI, verif_server: Server) -> Iterator[FakeSlackAPI]:
    fake_slack.settle(0.2)
    fake_slack.reset()
    yield fake_slack
    fake_slack.settle(0.5)


@pytest.fixture
def sender(verif_server: Server, vfake: FakeSlackAPI) -> SlackSender:
    return SlackSender(verif_server.url, SIGNING_SECRET, vfake.url + "/response")


def _si_established(extra: int = 0) -> str:
    """What the report says of SI, computed from the packaged data (still being completed), `extra` attested."""
    from srom_data.coverage import mode_coverage
    from srom_data.loader import load_default

    row = next(r for r in mode_coverage(load_default()) if r.id == "SI")
    return f"Systèmes d'information (SI) : {row.established + extra} cellules établies sur {row.cells}"


def _sql(server: Server, sql: str) -> list[tuple]:
    db = sqlite3.connect(server.db_path)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def _button(blocks: list[dict], text: str) -> dict:
    return next(
        e
        for b in blocks
        for e in (b.get("elements", []) if b["type"] == "actions" else [b.get("accessory") or {}])
        if e.get("type") == "button" and e["text"]["text"] == text
    )


def _ask(sender: SlackSender, fake: FakeSlackAPI, user: str, question: str = QUESTION) -> tuple[dict, dict]:
    """Mention the bot; (the question event, the answer posted in its thread)."""
    event = mention(question, user=user)
    sender.event(event)
    (call,) = fake.wait_for("chat.postMessage", where=lambda c: c.params.get("thread_ts") == event["ts"])
    return event, {**call.params, "ts": call.response["ts"]}


def _report(sender: SlackSender, fake: FakeSlackAPI) -> str:
    _, url = sender.command("2026 SI", command="/srom-rapport", user="UADMIN", channel="D0ADMIN")
    (summary,) = fake.wait_for("response_url", where=lambda c: url.endswith(c.path))
    fake.wait_for("files.completeUploadExternal")
    return json.dumps(summary.params["blocks"], ensure_ascii=False)


def _map(sender: SlackSender, fake: FakeSlackAPI) -> bytes:
    before = len(fake.calls_to("upload"))
    sender.command("SI 2017", command="/srom-carto", user="UCOL", channel="C1")
    fake.wait_for("upload", before + 1)
    return fake.calls_to("upload")[before].raw


def _values(mode: str, source: str, comment: str = "") -> dict:
    return {
        BLOCKS["mode"]: {"mode": {"type": "static_select", "selected_option": {"value": mode}}},
        BLOCKS["source"]: {"source": {"type": "plain_text_input", "value": source}},
        BLOCKS["comment"]: {"comment": {"type": "plain_text_input", "value": comment}},
    }


def _submit(sender: SlackSender, opened, values: dict, user: str) -> dict:
    payload = view_submission(opened.response["view"]["id"], VIEW_VERIFY, values, user)
    payload["view"]["private_metadata"] = opened.params["view"]["private_metadata"]
    return sender.interaction(payload).json()


def test_ask_attest_and_everyone_sees_it(sender: SlackSender, vfake: FakeSlackAPI, verif_server: Server) -> None:
    resp, _ = sender.command("referent add <@USI|usi> SI", command="/srom-admin", user="UADMIN")
    assert "est maintenant référent" in resp.json()["text"]  # /srom-admin answers in its ack
    coverage_before = _report(sender, vfake)
    assert _si_established() in coverage_before
    map_before = _map(sender, vfake)

    question, answer = _ask(sender, vfake, "UCOL")
    assert "ne précise pas le mode" in answer["text"] + json.dumps(answer["blocks"], ensure_ascii=False)
    ask = _button(answer["blocks"], "Demander au référent")
    message = {"ts": answer["ts"], "thread_ts": question["ts"], "blocks": answer["blocks"]}
    sender.interaction(block_actions(ask, message=message, response_url=vfake.response_url(), user="UCOL"))
    (dm,) = vfake.wait_for("chat.postMessage", where=lambda c: c.params.get("channel") == "USI")
    assert "<@UCOL>" in json.dumps(dm.params["blocks"]) and "Hotline" in json.dumps(dm.params, ensure_ascii=False)
    vfake.wait_for("chat.postMessage", where=lambda c: "Demande transmise" in c.params.get("text", ""))

    renseigner = _button(dm.params["blocks"], "Renseigner")
    dm_message = {"ts": dm.response["ts"], "blocks": dm.params["blocks"]}
    sender.interaction(block_actions(renseigner, message=dm_message, response_url=vfake.response_url(), user="USI",
                                     channel="DUSI"))  # fmt: skip
    (opened,) = vfake.wait_for("views.open")
    assert opened.response["ok"] and opened.params["view"]["callback_id"] == VIEW_VERIFY

    bad = _submit(sender, opened, _values("I", "   "), "USI")
    assert bad["response_action"] == "errors" and BLOCKS["source"] in bad["errors"]
    assert _sql(verif_server, "SELECT COUNT(*) FROM corrections") == [(0,)]
    done = _submit(sender, opened, _values("I", "diagramme original, p. 14", "vu en CODIR"), "USI")
    assert done["response_action"] == "update" and "Enregistré" in json.dumps(done["view"], ensure_ascii=False)
    assert _sql(verif_server, "SELECT activity, year, mode, author_id FROM corrections") == [
        ("si.hotline", 2017, "I", "USI")
    ]  # committed before the ack
    again = _submit(sender, opened, _values("I", "diagramme original, p. 14", "vu en CODIR"), "USI")
    assert "Déjà enregistré" in json.dumps(again["view"], ensure_ascii=False)
    assert _sql(verif_server, "SELECT COUNT(*) FROM corrections") == [(1,)]

    (told,) = vfake.wait_for(
        "chat.postMessage",
        where=lambda c: c.params.get("thread_ts") == question["ts"] and "<@UCOL> le mode" in c.params.get("text", ""),
    )
    assert told.params["channel"] == "C1" and "Intégration (I)" in told.params["text"]

    for user in ("UOTHER", "UOTHER2", "UOTHER3", "UOTHER4"):  # two workers: each answers from the store
        _, later = _ask(sender, vfake, user)
        text = later["text"] + json.dumps(later["blocks"], ensure_ascii=False)
        assert "Intégration (I)* — attesté par <@USI> le" in text and "diagramme original, p. 14" in text

    assert _map(sender, vfake) != map_before  # the hotline is drawn with its attested mode
    assert _si_established(extra=1) in _report(sender, vfake)


def test_flag_review_correction_and_a_refusal(sender: SlackSender, vfake: FakeSlackAPI, verif_server: Server) -> None:
    resp, _ = sender.command("referent add <@URH|urh> RH", command="/srom-admin", user="UADMIN")
    assert "est maintenant référent" in resp.json()["text"]  # /srom-admin answers in its ack
    question, answer = _ask(sender, vfake, "UCOL", "mode pour la paie en 2017 ?")
    flag = _button(answer["blocks"], "Signaler une erreur")
    message = {"ts": answer["ts"], "thread_ts": question["ts"], "blocks": answer["blocks"]}
    sender.interaction(block_actions(flag, message=message, response_url=vfake.response_url(), user="UCOL"))
    (review,) = vfake.wait_for("chat.postMessage", where=lambda c: c.params.get("channel") == "URH")

    corriger = _button(review.params["blocks"], "Corriger")
    sender.interaction(block_actions(corriger, message={"ts": review.response["ts"], "blocks": review.params["blocks"]},
                                     response_url=vfake.response_url(), user="UCOL", channel="DURH"))  # fmt: skip
    vfake.wait_for(
        "chat.postMessage", where=lambda c: "Seuls les référents" in json.dumps(c.params, ensure_ascii=False)
    )
    assert _sql(verif_server, "SELECT actor_id FROM audit_log WHERE action = 'correction_refused'") == [("UCOL",)]

    sender.interaction(block_actions(corriger, message={"ts": review.response["ts"], "blocks": review.params["blocks"]},
                                     response_url=vfake.response_url(), user="URH", channel="DURH"))  # fmt: skip
    (opened,) = vfake.wait_for("views.open")
    assert _submit(sender, opened, _values("M", "note DG du 12/03/2017"), "URH")["response_action"] == "update"
    vfake.wait_for("chat.postMessage", where=lambda c: "est corrigé" in c.params.get("text", ""))
    assert _sql(
        verif_server, "SELECT kind, outcome FROM verification_requests WHERE activity = 'rh.realisation-paies'"
    ) == [("flag", "corrected")]
    assert {a for (a,) in _sql(verif_server, "SELECT action FROM audit_log")} >= {"flag_opened", "flag_corrected"}
    _, later = _ask(sender, vfake, "UOTHER", "mode pour la paie en 2017 ?")
    assert "Mutualisation (M)* — attesté par <@URH>" in later["text"] + json.dumps(later["blocks"], ensure_ascii=False)
