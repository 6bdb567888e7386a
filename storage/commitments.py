"""The commitments progress is logged against: seeded from the knowledge base by id, extended by admins.

A published commitment never changes: seeding skips ids already stored (and reports those whose text differs
from the knowledge base), a trigger refuses any change of id, function or title.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from sqlite_utils import Database

from .audit import log_event
from .text import forbidden_char
from .tx import immediate, utc_now

ID_RE = re.compile(r"^[A-Z]{2,6}-[1-9][0-9]{0,3}$")
TITLE_MAX = 200
REASON_MAX = 300
_COLUMNS = "id, function, title, description, year, origin, created_at, retired_at, retired_reason"
_INSERT = "id, function, title, description, year, origin, created_at, created_by"
_ORDER = "ORDER BY function, CAST(substr(id, instr(id, '-') + 1) AS INTEGER)"


class CommitmentConflict(Exception):
    """An id that is already published."""


class InvalidCommitment(Exception):
    """An id, function or title that cannot be a commitment's."""


class CommitmentNotFound(Exception):
    """No commitment has this id."""


class AlreadyRetired(Exception):
    """The commitment was retired already (retiring is final)."""


class CommitmentLike(Protocol):
    id: str
    function: str
    title: str
    description: str
    year: int | None  # the horizon the text gives; None when it gives none


@dataclass(frozen=True)
class StoredCommitment:
    id: str
    function: str
    title: str
    description: str
    year: int | None  # the year of the schema it belongs to (the knowledge base's); None for an admin's
    origin: str
    created_at: str = ""
    retired_at: str | None = None
    retired_reason: str | None = None

    @property
    def retired(self) -> bool:
        return self.retired_at is not None


@dataclass(frozen=True)
class SeedResult:
    added: list[str]
    differing: list[str]  # stored ids whose knowledge-base text changed since: the stored one is kept


def seed_commitments(db: Database, items: Iterable[CommitmentLike]) -> SeedResult:
    """Insert the knowledge base's commitments not stored yet; never touch a stored one."""
    items = list(items)
    added: list[str] = []
    with immediate(db):
        stored = {c.id: c for c in list_commitments(db)}
        for item in items:
            if item.id in stored:
                continue
            db.execute(
                f"INSERT INTO commitments ({_INSERT}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [item.id, item.function, item.title, item.description, item.year, "knowledge_base", utc_now(), None],
            )
            added.append(item.id)
    differing = [
        i.id for i in items if i.id in stored and (stored[i.id].title, stored[i.id].function) != (i.title, i.function)
    ]
    return SeedResult(added, differing)


def add_commitment(
    db: Database,
    actor_id: str,
    commitment_id: str,
    function: str,
    title: str,
    *,
    year: int | None = None,
    now: str | None = None,
) -> StoredCommitment:
    """A new commitment (a new mandate's): refused when the id is already published."""
    title = " ".join(title.split())
    if not ID_RE.match(commitment_id):
        raise InvalidCommitment(f"id {commitment_id!r}")
    if not 3 <= len(title) <= TITLE_MAX:
        raise InvalidCommitment("title length")
    if forbidden_char(title) is not None:
        raise InvalidCommitment("invisible, control or direction character in the title")
    with immediate(db):
        if get_commitment(db, commitment_id) is not None:
            raise CommitmentConflict(commitment_id)
        at = now or utc_now()
        db.execute(
            f"INSERT INTO commitments ({_INSERT}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [commitment_id, function, title, "", year, "admin", at, actor_id],
        )
        log_event(db, actor_id, "commitment_add", commitment_id, title)
    return StoredCommitment(commitment_id, function, title, "", year, "admin", at)


def retire_commitment(
    db: Database, actor_id: str, commitment_id: str, reason: str, *, now: str | None = None
) -> StoredCommitment:
    """A mandate ends: the commitment is retired, for good, with its reason; its entries stay."""
    reason = " ".join(reason.split())
    if not 3 <= len(reason) <= REASON_MAX:
        raise InvalidCommitment("reason length")
    with immediate(db):
        current = get_commitment(db, commitment_id)
        if current is None:
            raise CommitmentNotFound(commitment_id)
        if current.retired:
            raise AlreadyRetired(commitment_id)
        at = now or utc_now()
        db.execute(
            "UPDATE commitments SET retired_at = ?, retired_by = ?, retired_reason = ? WHERE id = ?",
            [at, actor_id, reason, commitment_id],
        )
        log_event(db, actor_id, "commitment_retire", commitment_id, reason)
    retired = get_commitment(db, commitment_id)
    assert retired is not None
    return retired


def get_commitment(db: Database, commitment_id: str) -> StoredCommitment | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM commitments WHERE id = ?", [commitment_id]).fetchone()
    return StoredCommitment(*row) if row else None


def list_commitments(db: Database, function: str | None = None) -> list[StoredCommitment]:
    if function:
        rows = db.execute(f"SELECT {_COLUMNS} FROM commitments WHERE function = ? {_ORDER}", [function])
    else:
        rows = db.execute(f"SELECT {_COLUMNS} FROM commitments {_ORDER}")
    return [StoredCommitment(*row) for row in rows.fetchall()]


def commitment_ids(db: Database) -> list[str]:
    return [row[0] for row in db.execute(f"SELECT id FROM commitments {_ORDER}").fetchall()]
