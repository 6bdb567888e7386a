"""Buttons of commitment tracking: the App Home's "Mettre à jour" (opens the prefilled modal), and "C'est une
nouvelle mise à jour" under an update recognised as already recorded (records it, once)."""

from __future__ import annotations

import json

from bot.conversation.reply import Invocation, Reply, error_reply
from bot.tracking.access import Actor
from bot.tracking.blocks import build_recorded_blocks, recorded_text
from bot.tracking.commands import BUSY, labels
from bot.tracking.service import Refused, record_again, writable_commitments
from bot.tracking.views import build_progress_modal
from storage.audit import log_event
from storage.progress import latest
from storage.tx import StorageBusy


def open_update_modal(value: str, invocation: Invocation) -> Reply:
    try:
        commitment_id = json.loads(value).get("c")
    except (ValueError, AttributeError):
        commitment_id = None
    db, actor = invocation.db(), Actor.of(invocation)
    mine = writable_commitments(db, actor)
    if not any(c.id == commitment_id for c in mine):
        target = commitment_id if isinstance(commitment_id, str) else ""
        log_event(db, actor.user_id, "write_refused", target, f"button: {value[:200]}: not a référent of it")
        return error_reply(
            message="Vous ne pouvez plus mettre à jour cet engagement (rôle retiré ?). Voyez `/srom-admin list`."
        )
    modal = build_progress_modal(mine, selected=commitment_id, latest=latest(db, commitment_id))
    return Reply(text="Mise à jour d'un engagement", modal=modal)


def confirm_new_entry(value: str, invocation: Invocation) -> Reply:
    try:
        entry_id = int(json.loads(value).get("e"))
    except (ValueError, AttributeError, TypeError):
        return error_reply(message="Ce bouton n'est plus valable : retapez la mise à jour.")
    try:
        outcome = record_again(invocation.db(), Actor.of(invocation), entry_id, labels())
    except StorageBusy:
        return error_reply(message=BUSY)
    if isinstance(outcome, Refused):
        return error_reply(message=outcome.message)
    recorded, commitment = outcome
    return Reply(text=recorded_text(recorded, commitment), blocks=build_recorded_blocks(recorded, commitment))
