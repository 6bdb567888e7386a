"""Who is acting, what they may do, and the refusal that says why and whom to ask (with an audit line)."""

from __future__ import annotations

import hashlib
import time
import uuid
from dataclasses import dataclass

from sqlite_utils import Database

from bot.conversation.reply import Invocation
from srom_data.models import KnowledgeBase
from storage import roles
from storage.audit import log_event
from storage.text import clean_name


@dataclass(frozen=True)
class Actor:
    user_id: str
    name: str | None = None
    acts_as_admin: bool = False  # the console's local user
    source: str = "slash"
    request_id: str | None = None

    @classmethod
    def of(cls, invocation: Invocation) -> Actor:
        return cls(
            user_id=invocation.user_id,
            name=clean_name(invocation.user_name),
            acts_as_admin=invocation.acts_as_admin,
            source=invocation.source,
            request_id=invocation.request_id,
        )

    def request_key(self, text: str) -> str:
        """The idempotency key of a write: Slack's own id for the request when there is one (a redelivered
        request carries the same trigger_id or view id); else the same user and text within the same minute."""
        if self.request_id:
            return f"{self.source}:{self.request_id}"
        if self.source == "console":
            return f"console:{uuid.uuid4()}"
        minute = int(time.time() // 60)
        digest = hashlib.sha256(f"{self.user_id}\n{' '.join(text.split())}\n{minute}".encode()).hexdigest()[:32]
        return f"{self.source}:h:{digest}"


def function_labels(kb: KnowledgeBase) -> dict[str, str]:
    """Function codes to the document's names, in the document's order (GOUV and other extra codes last)."""
    labels = {f.id: f.label for f in kb.functions}
    labels.update({code: label for code, label in kb.meta.function_codes.items() if code not in labels})
    return labels


def may_write(db: Database, actor: Actor, function: str) -> bool:
    return actor.acts_as_admin or roles.can_write(db, actor.user_id, function)


def may_report(db: Database, actor: Actor) -> bool:
    return actor.acts_as_admin or roles.is_director(db, actor.user_id)


def may_administer(db: Database, actor: Actor) -> bool:
    return actor.acts_as_admin or roles.is_admin(db, actor.user_id)


def mentions(user_ids: list[str]) -> str:
    return ", ".join(f"<@{u}>" for u in user_ids[:5])


def who_to_ask(db: Database) -> str:
    admins = roles.holders(db, "admin")
    if admins:
        return f"un administrateur du suivi ({mentions(admins)})"
    return "l'administrateur du bot (variable SROM_ADMINS)"


def refuse_write(db: Database, actor: Actor, commitment_id: str, function: str, label: str) -> str:
    log_event(db, actor.user_id, "write_refused", commitment_id, f"{actor.source}: not a référent of {function}")
    referents = roles.holders(db, "referent", function)
    known = f" Ses référents : {mentions(referents)}." if referents else ""
    return (
        f"Vous ne pouvez pas mettre à jour `{commitment_id}` : seuls les référents de la fonction *{label}* "
        f"({function}) et les administrateurs le peuvent.{known} Pour devenir référent, demandez à {who_to_ask(db)} : "
        f"`/srom-admin referent add @vous {function}`."
    )


def refuse_report(db: Database, actor: Actor) -> str:
    log_event(db, actor.user_id, "report_refused", "", actor.source)
    return (
        "Le rapport annuel au Bureau est réservé aux directeurs et aux administrateurs. "
        f"Pour y accéder, demandez à {who_to_ask(db)}. Tout le monde peut voir l'état des engagements : "
        "`/srom-engagement liste`."
    )


def refuse_admin(db: Database, actor: Actor, what: str) -> str:
    log_event(db, actor.user_id, "admin_refused", "", what[:200])
    return f"Seuls les administrateurs du suivi gèrent les rôles. Demandez à {who_to_ask(db)}."


def audit_refusal(db: Database, actor: Actor, what: str, message: str, target: str = "") -> None:
    """Every refused input is an audit line, whatever the surface: what was tried, and the reason given."""
    log_event(db, actor.user_id, "input_refused", target, f"{actor.source}: {what[:200]} → {message[:250]}")
