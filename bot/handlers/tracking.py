"""The progress modal's submission: validate, record, then answer in the ack (errors on the fields, or the
recorded update). The write is committed before the modal says "Enregistré"; a second submission of the same
view (double click, retry) is recorded once, keyed on the view id."""

from __future__ import annotations

import logging

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.conversation.reply import Invocation
from bot.handlers.home import publish_home
from bot.slack.middleware import DATABASES
from bot.tracking.access import Actor
from bot.tracking.blocks import build_recorded_blocks
from bot.tracking.commands import BUSY, labels
from bot.tracking.parse import FIELD_COMMENT
from bot.tracking.service import Refused, audit_submission, record_update, writable_commitments
from bot.tracking.views import BLOCKS, build_done_view, read_submission, submitted_commitment
from storage.tx import StorageBusy

FAILED = "Désolé, l'enregistrement a échoué de mon côté : rien n'a été enregistré. Réessayez dans un instant."


def handle_progress_submission(
    ack: Ack, body: dict, view: dict, client: WebClient, context: BoltContext, logger: logging.Logger
) -> None:
    user = body.get("user") if isinstance(body.get("user"), dict) else {}
    name = user.get("name") or user.get("username")
    invocation = Invocation(
        user_id=user.get("id") if isinstance(user.get("id"), str) else "",
        surface="modal",
        databases=context.get(DATABASES),
        user_name=name if isinstance(name, str) else None,
        source="modal",
        request_id=view.get("id") if isinstance(view.get("id"), str) else None,
    )
    try:
        db, actor = invocation.db(), Actor.of(invocation)
        mine = [c.id for c in writable_commitments(db, actor)]
        request, errors = read_submission(view, mine)
        if request is None:
            audit_submission(db, actor, submitted_commitment(view), errors)
            ack(response_action="errors", errors=errors)
            return
        outcome = record_update(db, actor, request, actor.request_key(""), labels())
    except StorageBusy:
        ack(response_action="errors", errors={BLOCKS[FIELD_COMMENT]: BUSY})
        return
    except Exception:
        logger.exception("progress submission failed")
        ack(response_action="errors", errors={BLOCKS[FIELD_COMMENT]: FAILED})
        return
    if isinstance(outcome, Refused):
        ack(response_action="errors", errors={BLOCKS["commitment"]: outcome.message[:300]})
        return
    recorded, commitment = outcome
    ack(response_action="update", view=build_done_view(build_recorded_blocks(recorded, commitment)))
    _refresh_home(client, invocation, logger)


def _refresh_home(client: WebClient, invocation: Invocation, logger: logging.Logger) -> None:
    """Best effort: the App Home shows the new state (the update came from there, often)."""
    try:
        publish_home(client, invocation.databases, invocation.user_id)
    except Exception:
        logger.warning("could not refresh the App Home of %s", invocation.user_id, exc_info=True)
