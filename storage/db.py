"""Open the bot's SQLite database: durable settings on every connection, named migrations at start-up."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from sqlite_utils import Database

from .migrations import MIGRATIONS

BUSY_TIMEOUT_MS = 5000


def open_db(path: Path | str) -> Database:
    """A connection for the calling thread: WAL, synchronous=FULL, a busy timeout, foreign keys enforced."""
    target = str(path)
    if target != ":memory:":
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000)
    db = Database(conn)
    db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # journal_mode is stored in the file, the other pragmas are per connection.
    if target != ":memory:":
        _ensure_wal(db)
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")
    return db


def _ensure_wal(db: Database) -> None:
    """Switch a new file to WAL. The switch needs the file to itself and SQLite may refuse it at once, without
    waiting, while another worker starting at the same moment holds a lock: retry for up to the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def migrate(db: Database) -> list[str]:
    """Apply the pending named migrations, holding the write lock so that concurrent starts apply each once."""
    db.execute("BEGIN IMMEDIATE")
    try:
        pending = [m.name for m in MIGRATIONS.pending(db)]
        MIGRATIONS.apply(db)
    except BaseException:
        db.rollback()
        raise
    db.commit()
    return pending


def applied_migrations(db: Database) -> list[str]:
    return [m.name for m in MIGRATIONS.applied(db)]


class DatabaseProvider:
    """One connection per thread, opened on first use.

    sqlite3 connections must stay in the thread that opened them, and Bolt runs listeners in a thread pool
    distinct from the one that parsed the request: each thread asks the provider for its own connection.
    Create the provider after a fork (one per worker process), never before.
    """

    def __init__(self, path: Path | str, *, migrate_on_open: bool = False) -> None:
        self.path = Path(path)
        self.migrate_on_open = migrate_on_open
        self._local = threading.local()

    def get(self) -> Database:
        db = getattr(self._local, "db", None)
        if db is None:
            db = open_db(self.path)
            if self.migrate_on_open:
                migrate(db)
            self._local.db = db
        return db
