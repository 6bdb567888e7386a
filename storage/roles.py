"""Who may do what: admins, directors, référents of a function. Every change is audited."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from sqlite_utils import Database

from .audit import log_event
from .text import forbidden_char
from .tx import immediate, utc_now

Role = Literal["admin", "director", "referent"]
BOOTSTRAP = "SROM_ADMINS"


class RoleError(Exception):
    """A role change that cannot be made (the last admin, an unknown role)."""


@dataclass(frozen=True)
class Grant:
    user_id: str
    role: str
    scope: str
    cci: str | None
    granted_by: str
    granted_at: str


def _grants(db: Database, where: str = "", params: Iterable = ()) -> list[Grant]:
    sql = "SELECT user_id, role, scope, cci, granted_by, granted_at FROM roles"
    rows = db.execute(f"{sql} {where} ORDER BY role, scope, user_id", list(params)).fetchall()
    return [Grant(*row) for row in rows]


def list_grants(db: Database) -> list[Grant]:
    return _grants(db)


def grants_of(db: Database, user_id: str) -> list[Grant]:
    return _grants(db, "WHERE user_id = ?", [user_id])


def is_admin(db: Database, user_id: str) -> bool:
    return any(g.role == "admin" for g in grants_of(db, user_id))


def is_director(db: Database, user_id: str) -> bool:
    return any(g.role in ("admin", "director") for g in grants_of(db, user_id))


def referent_functions(db: Database, user_id: str) -> list[str]:
    return [g.scope for g in grants_of(db, user_id) if g.role == "referent"]


def can_write(db: Database, user_id: str, function: str) -> bool:
    """A référent of the function, or an admin."""
    return any(g.role == "admin" or (g.role == "referent" and g.scope == function) for g in grants_of(db, user_id))


def holders(db: Database, role: Role, scope: str = "") -> list[str]:
    return [g.user_id for g in _grants(db, "WHERE role = ? AND scope = ?", [role, scope])]


def cci_of(db: Database, user_id: str) -> str | None:
    return next((g.cci for g in grants_of(db, user_id) if g.cci), None)


def grant(db: Database, actor_id: str, user_id: str, role: Role, scope: str = "", cci: str | None = None) -> bool:
    """Give `role` (for `scope`); False when the user already had it (the CCI is updated all the same)."""
    if cci is not None and forbidden_char(cci) is not None:
        raise RoleError("invisible, control or direction character in the CCI name")
    with immediate(db):
        row = db.execute(
            "SELECT cci FROM roles WHERE user_id = ? AND role = ? AND scope = ?", [user_id, role, scope]
        ).fetchone()
        detail = f"{role} {scope}".strip() + (f" ({cci})" if cci else "")
        if row is None:
            db.execute(
                "INSERT INTO roles (user_id, role, scope, cci, granted_by, granted_at) VALUES (?, ?, ?, ?, ?, ?)",
                [user_id, role, scope, cci, actor_id, utc_now()],
            )
            log_event(db, actor_id, "role_add", user_id, detail)
        elif cci and cci != row[0]:
            db.execute(
                "UPDATE roles SET cci = ? WHERE user_id = ? AND role = ? AND scope = ?", [cci, user_id, role, scope]
            )
            log_event(db, actor_id, "role_update", user_id, detail)
    return row is None


def revoke(db: Database, actor_id: str, user_id: str, role: Role, scope: str = "") -> bool:
    """Take `role` (for `scope`) away; False when the user did not have it. The last admin stays."""
    with immediate(db):
        if role == "admin" and holders(db, "admin") == [user_id]:
            raise RoleError("last admin")
        removed = db.execute(
            "DELETE FROM roles WHERE user_id = ? AND role = ? AND scope = ?", [user_id, role, scope]
        ).rowcount
        if removed:
            log_event(db, actor_id, "role_remove", user_id, f"{role} {scope}".strip())
    return removed > 0


def bootstrap_admins(db: Database, user_ids: Iterable[str]) -> list[str]:
    """Make the SROM_ADMINS users admins (once); returns those newly made admins."""
    added = []
    for user_id in user_ids:
        if not is_admin(db, user_id) and grant(db, BOOTSTRAP, user_id, "admin"):
            added.append(user_id)
    return added
