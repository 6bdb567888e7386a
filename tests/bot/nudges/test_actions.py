"""The DM's buttons through the Slack handler (Rien de nouveau, Mettre à jour, snooze, opt out), the App Home's
reminder settings, and the admins' `/srom-admin bureau` and `/srom-admin rappels`."""

from __future__ import annotations

import json

from bot.handlers.actions import handle_action
from bot.handlers.home import home_extra
from bot.handlers.nudges import handle_nudge_action
from bot.nudges.blocks import ACTION_CONFIRM, ACTION_OPT_OUT, ACTION_RESUME, ACTION_SNOOZE
from bot.nudges.send import run_due
from bot.tracking.admin import run_admin
from reports.bureau import build_report
from storage import nudges as store

from ..tracking.conftest import invoke, text_of
from .conftest import MONDAY_930, posts


def _dm(nudge_db, messenger, fake) -> dict:
    run_due(nudge_db.get(), messenger, now=MONDAY_930, sleep=lambda s: None)
    (call,) = [c for c in posts(fake) if c.params["channel"] == "DRH"]
    return {"ts": call.response["ts"], "text": call.params["text"], "blocks": call.params["blocks"]}


def _button(message: dict, base: str, commitment: str | None = None) -> dict:
    for block in message["blocks"]:
        for element in block.get("elements", []):
            if not str(element.get("action_id", "")).startswith(base):
                continue
            if commitment is None or json.loads(element["value"]).get("c") == commitment:
                return element
    raise AssertionError(f"no {base} button")


def _body(message: dict, action: dict, user: str = "URH") -> dict:
    return {
        "type": "block_actions",
        "user": {"id": user, "name": user.lower()},
        "trigger_id": f"trigger.{action['action_id']}",
        "container": {"type": "message", "message_ts": message["ts"], "channel_id": "DRH", "is_ephemeral": False},
        "channel": {"id": "DRH"},
        "message": message,
        "actions": [action],
    }


def _click(handler, message, action, ack, client, context, logger, user="URH") -> None:
    handler(ack=ack, body=_body(message, action, user), action=action, client=client, context=context, logger=logger)


def test_rien_de_nouveau_records_a_confirmation_once_and_the_report_says_confirme(
    nudge_db, messenger, fake, client, context, ack, logger
) -> None:
    message = _dm(nudge_db, messenger, fake)
    button = _button(message, ACTION_CONFIRM, "RH-1")
    for _ in range(2):  # a double click
        _click(handle_nudge_action, message, button, ack, client, context, logger)
    db = nudge_db.get()
    rows = db.execute(
        "SELECT status, percent, kind, author_id FROM progress WHERE commitment_id = 'RH-1' ORDER BY id"
    ).fetchall()
    assert rows == [("en_cours", 40, "update", "URH"), ("en_cours", 40, "confirmation", "URH")]
    update = fake.calls_to("chat.update")[0]
    blocks = json.dumps(update.params["blocks"], ensure_ascii=False)
    assert update.params["ts"] == message["ts"] and "RH-1* : rien de nouveau, confirmé" in blocks
    assert "srom_nudge_item:RH-1" not in blocks and "srom_nudge_item:RH-2" in blocks  # the others stay
    line = next(c for c in build_report(db, 2026, {"RH": "RH"}).lines if c.id == "RH-1")
    assert line.confirmed and not line.stale


def test_mettre_a_jour_opens_the_prefilled_modal(nudge_db, messenger, fake, client, context, ack, logger) -> None:
    message = _dm(nudge_db, messenger, fake)
    button = _button(message, "srom_progress_open", "RH-1")
    _click(handle_action, message, button, ack, client, context, logger)
    (opened,) = fake.calls_to("views.open")
    view = json.dumps(opened.params["view"], ensure_ascii=False)
    assert opened.response["ok"] and "Dernier état de *RH-1*" in view


def test_a_referent_of_another_function_cannot_confirm(nudge_db, messenger, fake, client, context, ack, logger) -> None:
    message = _dm(nudge_db, messenger, fake)
    _click(handle_nudge_action, message, _button(message, ACTION_CONFIRM, "RH-1"), ack, client, context, logger, "USI")
    assert nudge_db.get().execute("SELECT COUNT(*) FROM progress WHERE kind = 'confirmation'").fetchone()[0] == 0
    assert "plus référent" in fake.calls_to("chat.postMessage")[-1].params["text"]


def test_snooze_and_opt_out_from_the_dm_then_resume_from_the_home(
    nudge_db, messenger, fake, client, context, ack, logger
) -> None:
    message = _dm(nudge_db, messenger, fake)
    _click(handle_nudge_action, message, _button(message, ACTION_SNOOZE), ack, client, context, logger)
    assert store.prefs_of(nudge_db.get(), "URH").snoozed_until is not None
    assert "Rappels en pause" in json.dumps(fake.calls_to("chat.update")[-1].params["blocks"], ensure_ascii=False)
    _click(handle_nudge_action, message, _button(message, ACTION_OPT_OUT), ack, client, context, logger)
    assert store.prefs_of(nudge_db.get(), "URH").opted_out_at is not None
    home = json.dumps(home_extra(nudge_db, "URH"), ensure_ascii=False)
    assert "ne recevez plus de rappels" in home
    resume = _button({"blocks": home_extra(nudge_db, "URH")}, ACTION_RESUME)
    body = {**_body(message, resume), "container": {"type": "view", "view_id": "VHOME"}}
    handle_nudge_action(ack=ack, body=body, action=resume, client=client, context=context, logger=logger)
    assert store.prefs_of(nudge_db.get(), "URH").opted_out_at is None
    published = fake.calls_to("views.publish")[-1]
    assert published.params["user_id"] == "URH" and published.response["ok"]  # within Slack's limits
    assert "Pause d'une semaine" in json.dumps(published.params["view"], ensure_ascii=False)


def test_admins_schedule_bureau_dates_and_see_who_opted_out(nudge_db) -> None:
    admin = invoke(nudge_db, "UADMIN")
    assert "inscrit" in text_of(run_admin("bureau add 2099-12-12", admin))
    assert "déjà inscrit" in text_of(run_admin("bureau add 2099-12-12", admin))
    assert "12 décembre 2099" in text_of(run_admin("bureau list", admin))
    assert "n'est pas une date" in text_of(run_admin("bureau add demain", admin))
    assert "est passé" in text_of(run_admin("bureau add 2020-01-10", admin))
    assert "<#CDIR>" in text_of(run_admin("bureau canal <#CDIR|direction>", admin))
    assert "retiré" in text_of(run_admin("bureau remove 2099-12-12", admin))
    assert "Aucun Bureau" in text_of(run_admin("bureau remove 2099-12-12", admin))
    store.opt_out(nudge_db.get(), "URH")
    assert "<@URH>" in text_of(run_admin("rappels", admin))
    refused = run_admin("bureau add 2099-12-13", invoke(nudge_db, "URH"))
    assert "Seuls les administrateurs" in text_of(refused)
    assert store.bureau_dates(nudge_db.get()) == []
