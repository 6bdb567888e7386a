"""Nothing confirmed without being written, nothing written without being confirmed: a slash update is answered in
its ack after the commit; a reply that cannot go through the response_url goes by chat.postEphemeral (or a DM),
never as a failure; a retyped identical update is recognised whatever the delay; a refused file says why."""

from __future__ import annotations

import json

import pytest

from bot.conversation.reply import Attachment, Reply
from bot.handlers.actions import handle_action
from bot.handlers.commands import handle_command
from bot.handlers.delivery import upload_for_command
from bot.tracking.setup import prepare_tracking
from srom_data.loader import load_default
from storage import roles


@pytest.fixture
def tracked(databases):
    db = databases.get()
    prepare_tracking(db, load_default(), ["UADMIN"])
    roles.grant(db, "UADMIN", "URH", "referent", "RH")
    return db


def _rows(db) -> int:
    return db.execute("SELECT COUNT(*) FROM progress").fetchone()[0]


def _command(fake, text: str, *, user: str = "URH", trigger: str = "trig.1", command: str = "/srom-engagement"):
    return {
        "command": command,
        "text": text,
        "user_id": user,
        "user_name": user.lower(),
        "channel_id": "C1",
        "trigger_id": trigger,
        "response_url": fake.response_url(trigger),
    }


class RowsAtAck:
    """An ack that records what it carried and how many progress rows were committed when it came."""

    def __init__(self, db) -> None:
        self.db, self.calls = db, []

    def __call__(self, **kwargs) -> None:
        self.calls.append((kwargs, _rows(self.db)))


def test_a_slash_update_is_committed_then_confirmed_in_the_ack_itself(tracked, client, context, fake, logger) -> None:
    ack = RowsAtAck(tracked)
    handle_command(ack, _command(fake, "RH-1 en cours 40% accord GPEC"), client, context, logger)
    ((carried, rows_then),) = ack.calls
    assert rows_then == 1  # the row was committed before the ack left
    assert "Enregistré" in carried["text"] and carried["response_type"] == "ephemeral"
    assert "RH-1" in json.dumps(carried["blocks"], ensure_ascii=False)
    assert fake.calls_to("response_url") == []  # nothing left to deliver after the ack


def test_a_refused_slash_update_says_so_in_the_ack_and_writes_nothing(tracked, client, context, fake, logger) -> None:
    ack = RowsAtAck(tracked)
    handle_command(ack, _command(fake, "SI-1 atteint fusion faite", user="UNOBODY"), client, context, logger)
    ((carried, rows_then),) = ack.calls
    assert rows_then == 0 and "Enregistré" not in carried["text"]
    assert "seuls les référents" in json.dumps(carried["blocks"], ensure_ascii=False)


def test_a_retyped_identical_update_days_later_is_recognised_and_can_be_confirmed_as_new(
    tracked, client, context, fake, logger
) -> None:
    from storage.progress import NewEntry, record_progress

    old = NewEntry("RH-1", "en_cours", 40, "accord GPEC", "URH", "urh", "slash", "slash:trig.0")
    record_progress(tracked, old, now="2026-01-05T10:00:00.000000Z")
    ack = RowsAtAck(tracked)
    handle_command(ack, _command(fake, "RH-1 en cours 40% accord GPEC", trigger="trig.2"), client, context, logger)
    ((carried, rows_then),) = ack.calls
    assert rows_then == 1
    text = json.dumps(carried["blocks"], ensure_ascii=False)
    assert "Déjà enregistré" in text and "5 janvier 2026" in text
    (button,) = [e for b in carried["blocks"] if b["type"] == "actions" for e in b["elements"]]

    def press(user: str, trigger: str) -> None:
        body = {
            "user": {"id": user, "name": user.lower()},
            "trigger_id": trigger,
            "channel": {"id": "C1"},
            "response_url": fake.response_url(trigger),
            "container": {"type": "message", "is_ephemeral": True},
        }
        handle_action(lambda **kw: None, body, button, client, context, logger)

    press("UOTHER", "trig.3")  # only the author may confirm a new entry
    assert _rows(tracked) == 1
    press("URH", "trig.4")
    press("URH", "trig.5")  # a double click: one new entry
    assert _rows(tracked) == 2
    answers = [c.params["text"] for c in fake.calls_to("response_url")]
    assert answers[1].startswith("Enregistré") and "Déjà enregistré" in json.dumps(
        fake.calls_to("response_url")[2].params["blocks"], ensure_ascii=False
    )


def test_a_button_reply_the_response_url_refuses_goes_by_post_ephemeral_not_as_a_failure(
    tracked, client, context, fake, logger
) -> None:
    from storage.progress import NewEntry, record_progress

    old = NewEntry("RH-1", "en_cours", 40, "accord GPEC", "URH", "urh", "slash", "slash:trig.0")
    first = record_progress(tracked, old)
    fake.fail("response_url", 500, times=10)
    body = {
        "user": {"id": "URH", "name": "urh"},
        "trigger_id": "trig.9",
        "channel": {"id": "C1"},
        "response_url": fake.response_url("trig.9"),
        "container": {"type": "message", "is_ephemeral": True},
    }
    action = {"action_id": "srom_record_again", "value": json.dumps({"e": first.entry.id})}
    handle_action(lambda **kw: None, body, action, client, context, logger)
    assert _rows(tracked) == 2
    (ephemeral,) = fake.calls_to("chat.postEphemeral")
    assert ephemeral.params["user"] == "URH" and ephemeral.params["text"].startswith("Enregistré")
    assert "erreur" not in json.dumps(ephemeral.params, ensure_ascii=False)


def test_a_report_the_response_url_refuses_still_reaches_the_asker_by_dm(tracked, client, context, fake, logger):
    fake.fail("response_url", 500, times=10)
    fake.refuse("chat.postEphemeral", "channel_not_found")
    body = _command(fake, "admin", user="UADMIN", command="/srom-admin")
    body["text"] = "list"
    handle_command(lambda **kw: None, body, client, context, logger)
    body = _command(fake, "2026", user="UADMIN", command="/srom-rapport", trigger="trig.7")
    handle_command(lambda **kw: None, body, client, context, logger)
    (dm,) = fake.calls_to("chat.postMessage")
    assert dm.params["channel"] == "UADMIN" and "Rapport annuel au Bureau" in dm.params["text"]
    assert "erreur" not in dm.params["text"]


@pytest.mark.parametrize(
    ("error", "said", "unsaid"),
    [
        ("not_in_channel", "Invitez-moi", "not_in_channel"),
        ("channel_not_found", "Invitez-moi", "channel_not_found"),
        ("invalid_auth", "administrateur du bot", "invite"),
        ("missing_scope", "files:write", "missing_scope"),
        ("ratelimited", "dans une minute", "invite"),
        ("file_uploads_disabled", "désactivé", "invite"),
        ("some_new_error", "réessayez", "some_new_error"),
    ],
)
def test_a_refused_file_is_told_with_its_real_cause_in_french(client, fake, error, said, unsaid) -> None:
    fake.refuse("files.getUploadURLExternal", error)
    reply = Reply(text="carte", files=(Attachment("rh.png", "RH", b"\x89PNG"),))
    upload_for_command(client, channel="C1", response_url=fake.response_url(), reply=reply)
    (call,) = fake.calls_to("response_url")
    assert said in call.params["text"] and unsaid not in call.params["text"]
    assert "SlackApiError" not in call.params["text"] and "The request" not in call.params["text"]


def test_an_identical_form_update_is_recognised_and_its_button_answers_in_the_form(
    tracked, client, context, fake, logger
) -> None:
    from bot.handlers.tracking import handle_progress_submission
    from bot.tracking.views import BLOCKS

    def submit(view_id: str) -> dict:
        values = {
            BLOCKS["commitment"]: {"commitment": {"selected_option": {"value": "RH-1"}}},
            BLOCKS["status"]: {"status": {"selected_option": {"value": "en_cours"}}},
            BLOCKS["percent"]: {"percent": {"value": "40"}},
            BLOCKS["comment"]: {"comment": {"value": "accord GPEC"}},
        }
        view = {"id": view_id, "state": {"values": values}}
        acks: list[dict] = []
        handle_progress_submission(lambda **kw: acks.append(kw), {"user": {"id": "URH"}, "view": view}, view, client,
                                   context, logger)  # fmt: skip
        return acks[0]

    assert "Enregistré" in json.dumps(submit("V1"), ensure_ascii=False)
    second = submit("V2")  # a new form, the same update: recognised, nothing added
    assert "Déjà enregistré" in json.dumps(second, ensure_ascii=False) and _rows(tracked) == 1
    (button,) = [e for b in second["view"]["blocks"] if b["type"] == "actions" for e in b["elements"]]
    body = {"user": {"id": "URH"}, "trigger_id": "t", "container": {"type": "view"}, "view": {"id": "V2"}}
    handle_action(lambda **kw: None, body, button, client, context, logger)
    assert _rows(tracked) == 2
    (update,) = fake.calls_to("views.update")
    assert "Enregistré" in json.dumps(update.params["view"], ensure_ascii=False)


def test_a_busy_database_is_told_in_the_ack_in_time_and_nothing_is_written(
    tracked, databases, client, context, fake, logger
) -> None:
    import sqlite3
    import time

    blocker = sqlite3.connect(databases.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        ack = RowsAtAck(tracked)
        started = time.monotonic()
        handle_command(ack, _command(fake, "RH-1 en cours 40% accord GPEC"), client, context, logger)
        took = time.monotonic() - started
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    ((carried, rows_then),) = ack.calls
    assert took < 3.0 and rows_then == 0
    assert "rien n'a été enregistré" in carried["text"] and "Enregistré" not in carried["text"]
    assert _rows(tracked) == 0
