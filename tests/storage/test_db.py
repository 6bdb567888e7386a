from __future__ import annotations

import threading

import pytest

from storage.db import DatabaseProvider, applied_migrations, migrate, open_db
from storage.migrations import MIGRATIONS


def test_open_db_sets_durable_pragmas(tmp_path) -> None:
    db = open_db(tmp_path / "sub" / "srom.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_migrations_apply_once_by_name(tmp_path) -> None:
    db = open_db(tmp_path / "srom.db")
    names = [m.name for m in MIGRATIONS.pending(db)]
    assert names[0] == "0001_slack_events"
    assert migrate(db) == names
    assert migrate(db) == []
    assert applied_migrations(db) == names
    assert "slack_events" in db.table_names()


@pytest.mark.parametrize("attempt", range(5))
def test_concurrent_migrations_do_not_collide(tmp_path, attempt) -> None:
    """Workers starting at once on a new file: switching it to WAL and migrating must never say "locked"."""
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def run() -> None:
        try:
            start.wait()
            migrate(open_db(tmp_path / "srom.db"))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert applied_migrations(open_db(tmp_path / "srom.db")) == [m.name for m in MIGRATIONS._migrations]


def test_provider_gives_each_thread_its_own_connection(tmp_path) -> None:
    provider = DatabaseProvider(tmp_path / "srom.db", migrate_on_open=True)
    mine = provider.get()
    assert provider.get() is mine
    theirs: list = []
    thread = threading.Thread(target=lambda: theirs.append(provider.get()))
    thread.start()
    thread.join()
    assert theirs[0] is not mine
    assert "slack_events" in mine.table_names()
