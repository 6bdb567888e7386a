"""Write transactions: `BEGIN IMMEDIATE` takes the write lock up front, so a writer never deadlocks halfway.

SQLite's busy timeout already waits for the lock; on top of it a bounded retry with jitter, so that a burst of
writers from several processes ends in writes, not in "database is locked" reaching a user.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

from sqlite_utils import Database

RETRY_BUDGET_SECONDS = 20.0
# A tighter budget for the writes of the current context (a write answered in Slack's 3-second ack).
_BUDGET: ContextVar[float | None] = ContextVar("write_budget", default=None)


class StorageBusy(Exception):
    """The database stayed locked by other writers longer than the retry budget."""


def is_locked(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc))


def utc_now() -> str:
    """A UTC timestamp that sorts as text: 2026-11-28T09:15:02.123456Z."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _begin(db: Database, budget: float) -> None:
    deadline = time.monotonic() + budget
    delay = 0.005
    while True:
        try:
            db.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if not is_locked(exc):
                raise
            if time.monotonic() >= deadline:
                raise StorageBusy("the database is busy; try again") from exc
        time.sleep(delay * (1 + random.random()))
        delay = min(delay * 2, 0.25)


@contextmanager
def write_budget(seconds: float) -> Iterator[None]:
    """Writes begun inside this block give up (StorageBusy) after `seconds` of waiting for the lock, so that a
    write answered in an ack says "rien n'a été enregistré" in time rather than leaving Slack without an answer."""
    token = _BUDGET.set(seconds)
    try:
        yield
    finally:
        _BUDGET.reset(token)


def _begin_within(db: Database, budget: float) -> None:
    """`_begin` with SQLite's own busy wait shortened to the budget when the budget is shorter."""
    wait_ms = int(db.execute("PRAGMA busy_timeout").fetchone()[0])
    if budget * 1000 >= wait_ms:
        _begin(db, budget)
        return
    db.execute(f"PRAGMA busy_timeout={max(1, int(budget * 1000))}")
    try:
        _begin(db, budget)
    finally:
        db.execute(f"PRAGMA busy_timeout={wait_ms}")


@contextmanager
def immediate(db: Database, *, budget: float | None = None) -> Iterator[Database]:
    """One write transaction: committed when the block ends, rolled back when it raises."""
    _begin_within(db, budget or _BUDGET.get() or RETRY_BUDGET_SECONDS)
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.rollback()
        raise
    try:
        db.conn.commit()
    except sqlite3.OperationalError as exc:
        if db.conn.in_transaction:
            db.conn.rollback()
        if is_locked(exc):
            raise StorageBusy("the database is busy; try again") from exc
        raise
