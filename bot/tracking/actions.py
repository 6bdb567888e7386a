"""Buttons of commitment tracking: the App Home's "Mettre à jour" (opens the prefilled modal)."""

from __future__ import annotations

import json

from bot.conversation.reply import Invocation, Reply, error_reply
from bot.tracking.access import Actor
from bot.tracking.service import writable_commitments
from bot.tracking.views import build_progress_modal
from storage.audit import log_event
from storage.progress import latest


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
