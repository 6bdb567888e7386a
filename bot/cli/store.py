"""The CLI's corrections store: the database of SROM_DB_PATH, migrated, overrides.yaml moved in."""

from __future__ import annotations

from sqlite_utils import Database

from bot.verification.setup import data_dir, migrate_overrides


def open_store(*, create: bool = True) -> Database | None:
    """The CLI's database (SROM_DB_PATH), migrated: the corrections store. None when it does not exist and
    `create` is False (reading commands do not create a database)."""
    from bot.settings import load_settings
    from storage.db import migrate, open_db

    path = load_settings().srom_db_path
    if not create and not path.exists():
        return None
    db = open_db(path)
    migrate(db)
    migrate_overrides(db, data_dir())
    return db
