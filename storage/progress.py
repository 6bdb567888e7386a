"""Progress entries: append-only, one row per acknowledged update, each with a UNIQUE idempotency key.

`record_progress` returns only after the COMMIT (synchronous=FULL): an entry the user was told about survives a
crash. The same request delivered twice (same key) is recorded once; so is the same update typed again by the same
person (same commitment, status, percent and comment as the commitment's latest entry, theirs), whatever the delay,
unless they confirm it is a new entry (`again=True`): a confirmation that never arrived is retyped, not doubled.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from .statuses import STATUSES, percent_fits
from .text import forbidden_char
from .tx import immediate, utc_now

COMMENT_MAX = 1000
SOURCES = ("slash", "modal", "console", "cli")
_COLUMNS = "id, commitment_id, status, percent, comment, author_id, author_name, cci, created_at, source, kind"
KINDS = ("update", "confirmation")  # a confirmation: "Rien de nouveau", the same status and percent as before


class InvalidEntry(Exception):
    """An entry that the domain layer should have refused (a last guard before the database)."""


@dataclass(frozen=True)
class NewEntry:
    commitment_id: str
    status: str
    percent: int | None
    comment: str
    author_id: str
    author_name: str | None
    source: str
    idempotency_key: str
    cci: str | None = None
    kind: str = "update"


@dataclass(frozen=True)
class Entry:
    id: int
    commitment_id: str
    status: str
    percent: int | None
    comment: str
    author_id: str
    author_name: str | None
    cci: str | None
    created_at: str
    source: str
    kind: str = "update"


@dataclass(frozen=True)
class Recorded:
    entry: Entry
    previous: Entry | None
    duplicate: bool
    retyped: bool = False  # a duplicate because it repeats the author's latest entry (not the same request)


def _check(new: NewEntry) -> None:
    if new.status not in STATUSES:
        raise InvalidEntry(f"status {new.status!r}")
    if new.percent is not None and (not isinstance(new.percent, int) or not 0 <= new.percent <= 100):
        raise InvalidEntry(f"percent {new.percent!r}")
    if not percent_fits(new.status, new.percent):
        raise InvalidEntry(f"percent {new.percent!r} contradicts status {new.status!r}")
    if not new.comment.strip() or len(new.comment) > COMMENT_MAX:
        raise InvalidEntry("comment length")
    if forbidden_char(new.comment, multiline=True) is not None or forbidden_char(new.author_name or "") is not None:
        raise InvalidEntry("invisible, control or direction character in the comment or the name")
    if new.source not in SOURCES or new.kind not in KINDS or not new.idempotency_key or not new.author_id:
        raise InvalidEntry("source, key or author")


def _one(db: Database, where: str, params: list) -> Entry | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM progress {where} LIMIT 1", params).fetchone()
    return Entry(*row) if row else None


def latest(db: Database, commitment_id: str, *, before: str | None = None) -> Entry | None:
    """The latest entry of a commitment (strictly before the timestamp `before` when given)."""
    if before is None:
        return _one(db, "WHERE commitment_id = ? ORDER BY created_at DESC, id DESC", [commitment_id])
    return _one(
        db, "WHERE commitment_id = ? AND created_at < ? ORDER BY created_at DESC, id DESC", [commitment_id, before]
    )


def _previous_of(db: Database, entry: Entry) -> Entry | None:
    return _one(
        db,
        "WHERE commitment_id = ? AND (created_at < ? OR (created_at = ? AND id < ?)) ORDER BY created_at DESC, id DESC",
        [entry.commitment_id, entry.created_at, entry.created_at, entry.id],
    )


def _same_update(previous: Entry | None, new: NewEntry) -> bool:
    if previous is None or previous.author_id != new.author_id:
        return False
    if new.kind != "update" or previous.kind != "update":  # a confirmation is keyed on its nudge, not retyped
        return False
    return (previous.status, previous.percent, previous.comment) == (new.status, new.percent, new.comment)


def get_entry(db: Database, entry_id: int) -> Entry | None:
    return _one(db, "WHERE id = ?", [entry_id])


def record_progress(db: Database, new: NewEntry, *, now: str | None = None, again: bool = False) -> Recorded:
    """Append one entry (committed when this returns) with the previous latest one; a repeat returns the first.
    `again`: the author confirmed that an update identical to their latest entry is a new one."""
    _check(new)
    at = now or utc_now()
    with immediate(db):
        existing = _one(db, "WHERE idempotency_key = ?", [new.idempotency_key])
        if existing is not None:
            return Recorded(existing, _previous_of(db, existing), duplicate=True)
        previous = latest(db, new.commitment_id)
        if not again and _same_update(previous, new):
            assert previous is not None
            return Recorded(previous, _previous_of(db, previous), duplicate=True, retyped=True)
        # The stored fields, in Entry's order after its id: written once, returned as the recorded entry.
        fields = [
            new.commitment_id, new.status, new.percent, new.comment, new.author_id, new.author_name, new.cci, at,
            new.source, new.kind,
        ]  # fmt: skip
        cursor = db.execute(
            "INSERT INTO progress (commitment_id, status, percent, comment, author_id, author_name, cci, "
            "created_at, source, kind, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [*fields, new.idempotency_key],
        )
        entry = Entry(cursor.lastrowid or 0, *fields)
    return Recorded(entry, previous, duplicate=False)


def history(db: Database, commitment_id: str, *, limit: int = 20) -> list[Entry]:
    """The latest `limit` entries of a commitment, newest first."""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM progress WHERE commitment_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
        [commitment_id, limit],
    ).fetchall()
    return [Entry(*row) for row in rows]


def latest_all(db: Database, *, before: str | None = None) -> dict[str, Entry]:
    """Each commitment's latest entry (before `before` when given), in one query: one index seek per
    commitment on (commitment_id, created_at, id), whatever the number of entries."""
    rows = db.execute(
        f"""
        SELECT {_COLUMNS} FROM progress WHERE id IN (
            SELECT (
                SELECT p.id FROM progress AS p
                WHERE p.commitment_id = c.id AND p.created_at < :before
                ORDER BY p.created_at DESC, p.id DESC LIMIT 1
            ) FROM commitments AS c
        )
        """,
        {"before": before or "9999"},
    ).fetchall()
    return {row[1]: Entry(*row) for row in rows}


def count_entries(db: Database) -> int:
    return db.execute("SELECT COUNT(*) FROM progress").fetchone()[0]
