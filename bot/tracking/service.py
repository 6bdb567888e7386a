"""The steps a write goes through, shared by the slash command, the modal and the console:
check the right, complete the percent, record (committed before anyone is told), describe."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from bot.conversation.blocks import escape
from bot.tracking.access import Actor, audit_refusal, may_write, refuse_write
from bot.tracking.parse import UpdateRequest
from reports.formats import french_date
from storage import roles
from storage.audit import log_event
from storage.commitments import StoredCommitment, commitment_ids, get_commitment, list_commitments
from storage.progress import Entry, NewEntry, Recorded, get_entry, latest, latest_all, record_progress
from storage.statuses import percent_fits


@dataclass(frozen=True)
class Refused:
    message: str


def known_ids(db: Database) -> list[str]:
    return commitment_ids(db)


def writable_commitments(db: Database, actor: Actor) -> list[StoredCommitment]:
    """The commitments `actor` may update: all for an admin, their functions' for a référent."""
    everything = [c for c in list_commitments(db) if not c.retired]
    if actor.acts_as_admin or roles.is_admin(db, actor.user_id):
        return everything
    functions = set(roles.referent_functions(db, actor.user_id))
    return [c for c in everything if c.function in functions]


def with_latest(db: Database, commitments: list[StoredCommitment]) -> list[tuple[StoredCommitment, Entry | None]]:
    states = latest_all(db)
    return [(c, states.get(c.id)) for c in commitments]


def _percent(request: UpdateRequest, previous: Entry | None) -> int | None:
    """The percent typed; else what the status implies (done 100, not started 0); else the previous one when it
    fits the new status (an "en cours" after an "atteint 100 %" does not carry the 100 %)."""
    if request.percent is not None:
        return request.percent
    if request.status == "atteint":
        return 100
    if request.status == "non_demarre":
        return 0
    if previous is not None and percent_fits(request.status, previous.percent):
        return previous.percent
    return None


def record_update(
    db: Database, actor: Actor, request: UpdateRequest, key: str, label_of: dict[str, str]
) -> tuple[Recorded, StoredCommitment] | Refused:
    commitment = get_commitment(db, request.commitment_id)
    if commitment is None:
        message = f"L'engagement `{request.commitment_id}` n'existe pas. La liste : `/srom-engagement liste`."
        audit_refusal(db, actor, request.commitment_id, message, request.commitment_id)
        return Refused(message)
    if commitment.retired:
        message = retired_message(commitment)
        audit_refusal(db, actor, commitment.id, message, commitment.id)
        return Refused(message)
    if not may_write(db, actor, commitment.function):
        label = label_of.get(commitment.function, commitment.function)
        return Refused(refuse_write(db, actor, commitment.id, commitment.function, label))
    entry = NewEntry(
        commitment_id=commitment.id,
        status=request.status,
        percent=_percent(request, latest(db, commitment.id)),
        comment=request.comment,
        author_id=actor.user_id,
        author_name=actor.name,
        source=actor.source,
        idempotency_key=key,
        cci=roles.cci_of(db, actor.user_id),
    )
    return record_progress(db, entry), commitment


def retired_message(commitment: StoredCommitment) -> str:
    when = french_date(commitment.retired_at or "")
    return (
        f"L'engagement `{commitment.id}` est retiré depuis le {when} ({escape(commitment.retired_reason or '')}) : "
        "il ne se met plus à jour. Son historique reste consultable : "
        f"`/srom-engagement historique {commitment.id}`."
    )


def record_again(
    db: Database, actor: Actor, entry_id: int, label_of: dict[str, str]
) -> tuple[Recorded, StoredCommitment] | Refused:
    """The author confirms that an update identical to their latest entry is a new one: a copy of that entry,
    recorded once however often the confirmation arrives (its key names the entry confirmed)."""
    entry = get_entry(db, entry_id)
    commitment = get_commitment(db, entry.commitment_id) if entry is not None else None
    if entry is None or commitment is None or entry.author_id != actor.user_id:
        return Refused("Seul l'auteur d'une mise à jour peut la confirmer comme nouvelle : retapez-la vous-même.")
    if commitment.retired:
        return Refused(retired_message(commitment))
    if not may_write(db, actor, commitment.function):
        label = label_of.get(commitment.function, commitment.function)
        return Refused(refuse_write(db, actor, commitment.id, commitment.function, label))
    copy = NewEntry(
        commitment_id=entry.commitment_id,
        status=entry.status,
        percent=entry.percent,
        comment=entry.comment,
        author_id=actor.user_id,
        author_name=actor.name or entry.author_name,
        source=entry.source,
        idempotency_key=f"again:{entry.id}",
        cci=roles.cci_of(db, actor.user_id),
    )
    return record_progress(db, copy, again=True), commitment


def audit_submission(db: Database, actor: Actor, commitment: object, errors: dict[str, str]) -> None:
    """A refused modal submission in the audit log: a write refusal when the commitment exists but is not the
    actor's, an input refusal otherwise."""
    target = commitment if isinstance(commitment, str) else ""
    if (
        target
        and get_commitment(db, target) is not None
        and not any(c.id == target for c in writable_commitments(db, actor))
    ):
        log_event(db, actor.user_id, "write_refused", target, f"{actor.source}: not a référent of it")
        return
    audit_refusal(db, actor, f"form {target}".strip(), " | ".join(errors.values()), target[:40])
