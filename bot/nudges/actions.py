"""The nudge buttons, as `(value, invocation) -> Reply` for the conversation's registry: "Rien de nouveau"
(a confirmation entry, same status and percent), snooze, opt out, resume. "Mettre à jour" is tracking's own
button (it opens the prefilled modal)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from bot.conversation.blocks import context
from bot.conversation.reply import Invocation, Reply, error_reply
from bot.nudges.blocks import SNOOZE_DAYS
from bot.tracking.access import Actor, may_write
from bot.tracking.commands import BUSY
from reports.formats import french_date, percent
from storage import nudges as store
from storage import roles
from storage.commitments import get_commitment
from storage.progress import SOURCES, NewEntry, latest, record_progress
from storage.statuses import label
from storage.tx import StorageBusy

CONFIRMATION_COMMENT = "Rien de nouveau : situation confirmée sans changement."
STALE_BUTTON = "Ce bouton n'est plus valable. Mettez à jour avec `/srom-engagement`."


def confirm_unchanged(value: str, invocation: Invocation) -> Reply:
    """Record that nothing changed: an entry with the current status and percent, marked as a confirmation.
    Keyed on the nudge and the commitment, so a double click (or a redelivery) records one entry."""
    try:
        data = json.loads(value)
        commitment_id, nudge_key = str(data["c"])[:20], str(data.get("k") or "")[:120]
    except (ValueError, KeyError, TypeError):
        return error_reply(message=STALE_BUTTON)
    try:
        db, actor = invocation.db(), Actor.of(invocation)
        commitment = get_commitment(db, commitment_id)
        if commitment is None:
            return error_reply(message=STALE_BUTTON)
        if not may_write(db, actor, commitment.function):
            return error_reply(
                message=f"Vous n'êtes plus référent de la fonction {commitment.function} : "
                "demandez à un administrateur (`/srom-admin list`)."
            )
        current = latest(db, commitment_id)
        if current is None:
            return error_reply(
                message=f"`{commitment_id}` n'a pas encore d'état à confirmer : utilisez *Mettre à jour*."
            )
        key = f"confirm:{nudge_key}:{commitment_id}" if nudge_key else actor.request_key(f"confirm {commitment_id}")
        recorded = record_progress(
            db,
            NewEntry(
                commitment_id=commitment_id,
                status=current.status,
                percent=current.percent,
                comment=CONFIRMATION_COMMENT,
                author_id=actor.user_id,
                author_name=actor.name,
                source=actor.source if actor.source in SOURCES else "slash",
                idempotency_key=key,
                cci=roles.cci_of(db, actor.user_id),
                kind="confirmation",
            ),
        )
    except StorageBusy:
        return error_reply(message=BUSY)
    entry = recorded.entry
    state = f"{label(entry.status)}, {percent(entry.percent)}"
    text = f"✅ *{commitment_id}* : rien de nouveau, confirmé le {french_date(entry.created_at)} ({state})."
    return Reply(text=text.replace("*", ""), blocks=[context(text)], replaces_original=True)


def snooze_reminders(value: str, invocation: Invocation) -> Reply:
    days = SNOOZE_DAYS.get(value)
    if days is None:
        return error_reply(message=STALE_BUTTON)
    until = datetime.now(UTC).date() + timedelta(days=days)
    try:
        store.snooze(invocation.db(), invocation.user_id, until)
    except StorageBusy:
        return error_reply(message=BUSY)
    text = f"⏸️ Rappels en pause jusqu'au {french_date(until)}. Vos engagements restent modifiables à tout moment."
    return Reply(text=text, blocks=[context(text)], replaces_original=True)


def opt_out_reminders(value: str, invocation: Invocation) -> Reply:
    try:
        store.opt_out(invocation.db(), invocation.user_id)
    except StorageBusy:
        return error_reply(message=BUSY)
    text = "🔕 Vous ne recevrez plus de rappels. Pour les reprendre : onglet Accueil de l'application, *Rappels*."
    return Reply(text=text.replace("*", ""), blocks=[context(text)], replaces_original=True)


def resume_reminders(value: str, invocation: Invocation) -> Reply:
    try:
        store.resume(invocation.db(), invocation.user_id)
    except StorageBusy:
        return error_reply(message=BUSY)
    text = "🔔 Rappels repris : au plus un par semaine quand un engagement attend une mise à jour."
    return Reply(text=text, blocks=[context(text)], replaces_original=True)
