"""The verification modals' submissions: validate, record, then answer in the ack (errors on the fields, nothing
written; or what was recorded). The write is committed before the modal says "Enregistré"; a second submission
of the same view is recorded once, keyed on the view id. The askers are told after the ack."""

from __future__ import annotations

import logging

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.conversation.reply import Invocation, Reply
from bot.handlers.delivery import send_notices
from bot.slack.middleware import DATABASES
from bot.verification.actions import submit_correction
from bot.verification.views import BLOCKS, build_done_view, read_submission
from bot.verification.walk import BLOCK_MODE, walk_step_with_notices

FAILED = "Désolé, l'enregistrement a échoué de mon côté : rien n'a été enregistré. Réessayez dans un instant."


def _invocation(body: dict, view: dict, context: BoltContext) -> Invocation:
    user = body.get("user") or {}
    return Invocation(
        user_id=user.get("id") or "",
        surface="modal",
        databases=context.get(DATABASES),
        user_name=user.get("name") or user.get("username"),
        source="modal",
        request_id=view.get("id"),
    )


def handle_verify_submission(
    ack: Ack, body: dict, view: dict, client: WebClient, context: BoltContext, logger: logging.Logger
) -> None:
    invocation = _invocation(body, view, context)
    try:
        submission, errors = read_submission(view)
        if submission is None:
            ack(response_action="errors", errors=errors)
            return
        outcome = submit_correction(submission, invocation, f"modal:{view.get('id')}")
    except Exception:
        logger.exception("verification submission failed")
        ack(response_action="errors", errors={BLOCKS["source"]: FAILED})
        return
    if outcome.errors:
        ack(response_action="errors", errors=outcome.errors)
        return
    ack(response_action="update", view=build_done_view(outcome.blocks))
    send_notices(client, Reply(text="", notices=outcome.notices))


def handle_walk_submission(
    ack: Ack, body: dict, view: dict, client: WebClient, context: BoltContext, logger: logging.Logger
) -> None:
    try:
        next_view, errors, notices = walk_step_with_notices(view, _invocation(body, view, context))
    except Exception:
        logger.exception("walk step failed")
        ack(response_action="errors", errors={BLOCK_MODE: FAILED})
        return
    if next_view is None:
        ack(response_action="errors", errors=errors)
        return
    ack(response_action="update", view=next_view)
    send_notices(client, Reply(text="", notices=notices))
