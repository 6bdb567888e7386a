"""Every layer of defence holds by itself. These tests write around the Python layer (raw SQL on the connection,
as a buggy caller, a future code path or a hand-run sqlite3 session would) and prove that the database's own
constraints refuse what the Python checks in front of them also refuse: removing one of them fails a test here."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

INSERT = (
    "INSERT INTO progress (commitment_id, status, percent, comment, author_id, author_name, cci, created_at, "
    "source, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
GOOD = ["RH-1", "en_cours", 40, "accord GPEC", "U1", "marie", None, "2026-11-28T09:00:00.000000Z", "slash", "k1"]


def _raw(db: Database) -> sqlite3.Connection:
    """The bare sqlite3 connection, autocommit: no storage function, no Python check in between."""
    conn = db.conn
    conn.isolation_level = None
    return conn


def _insert(db: Database, **changes: object) -> None:
    row = dict(zip(("commitment_id", "status", "percent", "comment", "author_id", "author_name", "cci",
                    "created_at", "source", "idempotency_key"), GOOD, strict=True))  # fmt: skip
    row.update(changes)
    _raw(db).execute(INSERT, list(row.values()))


def _count(db: Database) -> int:
    return db.execute("SELECT COUNT(*) FROM progress").fetchone()[0]


def test_the_idempotency_key_is_unique_in_the_database_itself(db: Database) -> None:
    _insert(db)
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        _insert(db, comment="autre chose", created_at="2026-11-28T09:01:00.000000Z")
    assert _count(db) == 1


@pytest.mark.parametrize("percent", [-1, 101, 1000, -100])
def test_the_percent_check_holds_in_the_database_itself(db: Database, percent: int) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        _insert(db, percent=percent)
    assert _count(db) == 0


@pytest.mark.parametrize("percent", [0, 100, None])
def test_the_percent_check_lets_the_bounds_and_unknown_through(db: Database, percent: int | None) -> None:
    _insert(db, percent=percent)
    assert _count(db) == 1


@pytest.mark.parametrize(("column", "value"), [("status", "fini"), ("source", "web"), ("commitment_id", "XX-99")])
def test_status_source_and_commitment_hold_in_the_database_itself(db: Database, column: str, value: str) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        _insert(db, **{column: value})
    assert _count(db) == 0


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE progress SET percent = 90",
        "UPDATE progress SET comment = 'réécrit'",
        "DELETE FROM progress",
        "DELETE FROM progress WHERE id = 1",
    ],
)
def test_progress_entries_are_append_only_in_the_database_itself(db: Database, statement: str) -> None:
    _insert(db)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        _raw(db).execute(statement)
    assert db.execute("SELECT percent, comment FROM progress").fetchall() == [(40, "accord GPEC")]


@pytest.mark.parametrize("column", ["id", "function", "title"])
def test_a_published_commitment_cannot_change_in_the_database_itself(db: Database, column: str) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="cannot change"):
        _raw(db).execute(f"UPDATE commitments SET {column} = 'XX-1' WHERE id = 'RH-1'")
    assert db.execute("SELECT id, function FROM commitments WHERE id = 'RH-1'").fetchone() == ("RH-1", "RH")


def test_a_retirement_is_final_in_the_database_itself(db: Database) -> None:
    from storage.commitments import retire_commitment

    retire_commitment(db, "UADMIN", "RH-1", "mandat terminé")
    for statement in (
        "UPDATE commitments SET retired_at = NULL WHERE id = 'RH-1'",
        "UPDATE commitments SET retired_reason = 'autre' WHERE id = 'RH-1'",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="stays retired"):
            _raw(db).execute(statement)
    assert db.execute("SELECT retired_reason FROM commitments WHERE id = 'RH-1'").fetchone() == ("mandat terminé",)
