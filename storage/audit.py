"""The audit log: role changes, refused writes and refused reports, with who and when."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from .text import visible
from .tx import immediate, utc_now


@dataclass(frozen=True)
class AuditLine:
    at: str
    actor_id: str
    action: str
    target: str
    detail: str


def log_event(db: Database, actor_id: str, action: str, target: str = "", detail: str = "") -> None:
    """Append one line; inside the caller's transaction when there is one, in a write transaction otherwise."""
    sql = "INSERT INTO audit_log (at, actor_id, action, target, detail) VALUES (?, ?, ?, ?, ?)"
    params = [utc_now(), actor_id, action, visible(target)[:200], visible(detail)[:500]]
    if db.conn.in_transaction:
        db.execute(sql, params)
        return
    with immediate(db):
        db.execute(sql, params)


def recent(db: Database, *, limit: int = 50, action: str | None = None) -> list[AuditLine]:
    sql = "SELECT at, actor_id, action, target, detail FROM audit_log"
    params: list = []
    if action:
        sql += " WHERE action = ?"
        params.append(action)
    sql += " ORDER BY id DESC LIMIT ?"
    rows = db.execute(sql, [*params, limit]).fetchall()
    return [AuditLine(*row) for row in rows]
