"""Who may write a correction (référents of the cell's function, admins) and the refusal that says whom to ask."""

from __future__ import annotations

from sqlite_utils import Database

from bot.tracking.access import Actor, may_write, mentions, who_to_ask
from storage import roles
from storage.audit import log_event


def may_verify(db: Database, actor: Actor, function: str) -> bool:
    return may_write(db, actor, function)


def referents_of(db: Database, function: str) -> list[str]:
    return roles.holders(db, "referent", function)


def refuse_verify(db: Database, actor: Actor, cell: str, function: str, label: str) -> str:
    """The refusal (audited): only the function's référents and the admins write its modes; who they are."""
    log_event(db, actor.user_id, "correction_refused", cell, f"{actor.source}: not a référent of {function}")
    referents = referents_of(db, function)
    known = (
        f" Ses référents : {mentions(referents)} — demandez-leur, ou utilisez *Demander au référent*."
        if referents
        else ""
    )
    return (
        f"Seuls les référents de la fonction *{label}* ({function}) et les administrateurs renseignent ses modes."
        f"{known} Pour devenir référent, demandez à {who_to_ask(db)} : `/srom-admin referent add @vous {function}`."
    )
