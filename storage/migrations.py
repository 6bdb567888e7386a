"""The schema, as named steps applied in order at start-up. Append new steps; never edit an applied one."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("srom")


@MIGRATIONS(name="0001_slack_events")
def _slack_events(db: Database) -> None:
    # One row per Slack delivery key (event id, or channel+ts of a question): claimed once across workers.
    db.execute(
        """
        CREATE TABLE slack_events (
            key TEXT PRIMARY KEY,
            claimed_at REAL NOT NULL,
            lease_until REAL NOT NULL,
            done_at REAL,
            attempts INTEGER NOT NULL DEFAULT 1
        )
        """
    )
    db.execute("CREATE INDEX slack_events_claimed_at ON slack_events (claimed_at)")
