"""`/srom-engagement`: open the update form, record an update, list commitments, show one's history, help."""

from __future__ import annotations

import contextlib

from bot.conversation.blocks import section
from bot.conversation.reply import Invocation, Reply, error_reply
from bot.tracking.access import Actor, audit_refusal, function_labels, who_to_ask
from bot.tracking.blocks import (
    build_history_blocks,
    build_list_blocks,
    build_recorded_blocks,
    build_tracking_help_blocks,
    recorded_text,
)
from bot.tracking.parse import EXAMPLE, InputError, parse_update, resolve_function, resolve_id, slack_plain
from bot.tracking.service import Refused, known_ids, record_update, with_latest, writable_commitments
from bot.tracking.views import build_progress_modal
from srom_data.loader import load_default
from storage.audit import log_event
from storage.commitments import get_commitment, list_commitments
from storage.progress import history
from storage.statuses import fold
from storage.tx import StorageBusy

HELP = {"aide": "fr", "?": "fr", "help": "en"}
LIST = {"liste", "list", "lister"}
HISTORY = {"historique", "history", "histo"}
BUSY = "La base est momentanément occupée : rien n'a été enregistré. Réessayez dans un instant."


def labels() -> dict[str, str]:
    return function_labels(load_default())


def run_engagement(text: str, invocation: Invocation) -> Reply:
    words = text.split()
    first = fold(words[0]) if words else ""
    try:
        if not words:
            return _open_form(invocation)
        if first in HELP:
            return Reply(text="Suivi des engagements : aide", blocks=build_tracking_help_blocks(HELP[first]))
        if first in LIST:
            return _list(invocation, " ".join(words[1:]))
        if first in HISTORY:
            return _history(invocation, words[1:])
        return _update(text, invocation)
    except InputError as exc:
        audit_input(invocation, f"/srom-engagement {text}", exc.message)
        return error_reply(message=exc.message)
    except StorageBusy:
        return error_reply(message=BUSY)


def audit_input(invocation: Invocation, what: str, message: str) -> None:
    """The refusal in the audit log; best effort: a busy database must not turn a clear refusal into a failure."""
    if invocation.databases is None:
        return
    with contextlib.suppress(StorageBusy):
        audit_refusal(invocation.db(), Actor.of(invocation), what, message)


def _open_form(invocation: Invocation) -> Reply:
    db, actor = invocation.db(), Actor.of(invocation)
    mine = writable_commitments(db, actor)
    if not mine:
        log_event(db, actor.user_id, "write_refused", "", f"{actor.source}: form asked, référent of nothing")
        return error_reply(
            message="Vous n'êtes référent d'aucune fonction : vous ne pouvez pas mettre à jour d'engagement. "
            f"Pour le devenir, demandez à {who_to_ask(db)}. Tout le monde peut consulter : `/srom-engagement liste`."
        )
    if invocation.source == "console":
        ids = ", ".join(c.id for c in mine[:30])
        text = f"Le formulaire s'ouvre dans Slack ; ici, tapez par exemple `{EXAMPLE}`.\nVos engagements : {ids}"
        return Reply(text="Formulaire", blocks=[section(text)])
    return Reply(text="Mise à jour d'un engagement", modal=build_progress_modal(mine))


def _list(invocation: Invocation, function_text: str) -> Reply:
    db, names = invocation.db(), labels()
    function = resolve_function(function_text, names) if function_text.strip() else None
    items = with_latest(db, list_commitments(db, function))
    return Reply(text="Engagements du SROM", blocks=build_list_blocks(items, names, function))


def _history(invocation: Invocation, words: list[str]) -> Reply:
    db = invocation.db()
    if not words:
        raise InputError("Précisez l'engagement : `/srom-engagement historique RH-1`.")
    commitment = get_commitment(db, resolve_id(words[0], known_ids(db)))
    assert commitment is not None
    return Reply(
        text=f"Historique de {commitment.id}", blocks=build_history_blocks(commitment, history(db, commitment.id))
    )


def _update(text: str, invocation: Invocation) -> Reply:
    db, actor = invocation.db(), Actor.of(invocation)
    request = parse_update(slack_plain(text), known_ids(db))
    outcome = record_update(db, actor, request, actor.request_key(text), labels())
    if isinstance(outcome, Refused):
        return error_reply(message=outcome.message)  # audited where refused
    recorded, commitment = outcome
    blocks = build_recorded_blocks(recorded, commitment, request.lang)
    return Reply(text=recorded_text(recorded, commitment), blocks=blocks, lang=request.lang)  # type: ignore[arg-type]
