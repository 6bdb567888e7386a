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


@MIGRATIONS(name="0002_commitment_tracking")
def _commitment_tracking(db: Database) -> None:
    _commitments_table(db)
    _progress_table(db)
    _roles_and_audit_tables(db)


def _commitments_table(db: Database) -> None:
    # Commitments are seeded from the knowledge base by id; a published one never changes (trigger below).
    db.execute(
        """
        CREATE TABLE commitments (
            id TEXT PRIMARY KEY,
            function TEXT NOT NULL,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            year INTEGER,
            origin TEXT NOT NULL CHECK (origin IN ('knowledge_base', 'admin')),
            created_at TEXT NOT NULL,
            created_by TEXT
        )
        """
    )
    db.execute(
        """
        CREATE TRIGGER commitments_published_are_fixed BEFORE UPDATE OF id, function, title ON commitments
        BEGIN SELECT RAISE(ABORT, 'a published commitment cannot change'); END
        """
    )


def _progress_table(db: Database) -> None:
    # Progress entries are append-only: one row per acknowledged update, never edited, never deleted.
    db.execute(
        """
        CREATE TABLE progress (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            commitment_id TEXT NOT NULL REFERENCES commitments (id),
            status TEXT NOT NULL
                CHECK (status IN ('non_demarre', 'en_cours', 'atteint', 'en_retard', 'abandonne')),
            percent INTEGER CHECK (percent BETWEEN 0 AND 100),
            comment TEXT NOT NULL,
            author_id TEXT NOT NULL,
            author_name TEXT,
            cci TEXT,
            created_at TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('slash', 'modal', 'console', 'cli')),
            idempotency_key TEXT NOT NULL UNIQUE
        )
        """
    )
    db.execute("CREATE INDEX progress_commitment_time ON progress (commitment_id, created_at, id)")
    db.execute("CREATE INDEX progress_time ON progress (created_at)")
    for event in ("UPDATE", "DELETE"):
        db.execute(
            f"""
            CREATE TRIGGER progress_append_only_{event.lower()} BEFORE {event} ON progress
            BEGIN SELECT RAISE(ABORT, 'progress entries are append-only'); END
            """
        )


def _roles_and_audit_tables(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE roles (
            user_id TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('admin', 'director', 'referent')),
            scope TEXT NOT NULL DEFAULT '',
            cci TEXT,
            granted_by TEXT NOT NULL,
            granted_at TEXT NOT NULL,
            PRIMARY KEY (user_id, role, scope)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor_id TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL DEFAULT '',
            detail TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX audit_log_at ON audit_log (at)")


@MIGRATIONS(name="0050_nudges")
def _nudges(db: Database) -> None:
    # A progress entry is an update, or a "Rien de nouveau" confirmation (same status and percent as before).
    db.execute(
        "ALTER TABLE progress ADD COLUMN kind TEXT NOT NULL DEFAULT 'update' CHECK (kind IN ('update', 'confirmation'))"
    )
    # One row per nudge key (kind:user:period): claimed with a lease before sending, marked sent after.
    db.execute(
        """
        CREATE TABLE nudges (
            key TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            user_id TEXT NOT NULL,
            claimed_at REAL NOT NULL,
            lease_until REAL NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 1,
            sent_at TEXT,
            channel TEXT,
            ts TEXT,
            items TEXT NOT NULL DEFAULT '',
            error TEXT
        )
        """
    )
    db.execute("CREATE INDEX nudges_user_sent ON nudges (user_id, sent_at)")
    db.execute(
        """
        CREATE TABLE nudge_prefs (
            user_id TEXT PRIMARY KEY,
            opted_out_at TEXT,
            snoozed_until TEXT,
            updated_at TEXT NOT NULL
        )
        """
    )
    # What users.info said of each person (time zone) and their DM channel, cached.
    db.execute(
        """
        CREATE TABLE slack_users (
            user_id TEXT PRIMARY KEY,
            tz TEXT,
            dm_channel TEXT,
            fetched_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE bureau_meetings (
            date TEXT PRIMARY KEY,
            added_by TEXT NOT NULL,
            added_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE TABLE nudge_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_by TEXT NOT NULL)")


@MIGRATIONS(name="0010_commitment_retirement")
def _commitment_retirement(db: Database) -> None:
    # A mandate ends: the commitment is retired (when, by whom, why), its history kept, and later reports leave
    # it out. Retiring is final: the trigger refuses any change of a retirement once recorded.
    for column in ("retired_at", "retired_by", "retired_reason"):
        db.execute(f"ALTER TABLE commitments ADD COLUMN {column} TEXT")
    db.execute(
        """
        CREATE TRIGGER commitments_retirement_is_final BEFORE UPDATE OF retired_at, retired_by, retired_reason
        ON commitments WHEN OLD.retired_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a retired commitment stays retired'); END
        """
    )


@MIGRATIONS(name="0040_corrections")
def _corrections(db: Database) -> None:
    # Staff corrections of the mode matrix: append-only, the newest entry of a cell supersedes the older ones
    # (kept as its history). `assessment` is the whole assessment as JSON; mode and certainty are copied out
    # for queries. The id is the store's version: every worker compares MAX(id) before each question.
    db.execute(
        """
        CREATE TABLE corrections (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            activity TEXT NOT NULL,
            year INTEGER NOT NULL,
            mode TEXT CHECK (mode IS NULL OR mode IN ('A', 'C', 'H', 'M', 'I')),
            certainty TEXT NOT NULL CHECK (certainty IN ('attested', 'explicit', 'deduced', 'unspecified')),
            source TEXT NOT NULL CHECK (length(trim(source)) > 0),
            comment TEXT,
            assessment TEXT NOT NULL,
            author_id TEXT NOT NULL,
            author_name TEXT,
            origin TEXT NOT NULL CHECK (origin IN ('modal', 'slash', 'console', 'cli', 'import', 'overrides')),
            created_at TEXT NOT NULL,
            idempotency_key TEXT NOT NULL UNIQUE
        )
        """
    )
    db.execute("CREATE INDEX corrections_cell ON corrections (activity, year, id)")
    for event in ("UPDATE", "DELETE"):
        db.execute(
            f"""
            CREATE TRIGGER corrections_append_only_{event.lower()} BEFORE {event} ON corrections
            BEGIN SELECT RAISE(ABORT, 'corrections are append-only'); END
            """
        )
    # Requests to the référents ("Demander au référent") and flags ("Signaler une erreur"): open until a
    # correction of their cell resolves them, once; never deleted.
    db.execute(
        """
        CREATE TABLE verification_requests (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL CHECK (kind IN ('ask', 'flag')),
            activity TEXT NOT NULL,
            year INTEGER NOT NULL,
            function TEXT NOT NULL,
            mode TEXT,
            requester_id TEXT NOT NULL,
            requester_name TEXT,
            channel TEXT,
            thread_ts TEXT,
            question TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            idempotency_key TEXT NOT NULL UNIQUE,
            resolved_at TEXT,
            resolved_by TEXT,
            outcome TEXT CHECK (outcome IS NULL OR outcome IN ('attested', 'confirmed', 'corrected')),
            correction_id INTEGER REFERENCES corrections (id)
        )
        """
    )
    db.execute("CREATE INDEX verification_requests_open ON verification_requests (resolved_at, function)")
    db.execute(
        """
        CREATE TRIGGER verification_requests_resolved_once BEFORE UPDATE ON verification_requests
        WHEN OLD.resolved_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a resolved request does not change'); END
        """
    )
    db.execute(
        """
        CREATE TRIGGER verification_requests_kept BEFORE DELETE ON verification_requests
        BEGIN SELECT RAISE(ABORT, 'requests are never deleted'); END
        """
    )


@MIGRATIONS(name="0030_conversation_context")
def _conversation_context(db: Database) -> None:
    # The previous answer of each conversation (a thread, a DM), so that any worker reads "et en 2021 ?" in it.
    db.execute(
        """
        CREATE TABLE conversation_context (
            channel TEXT NOT NULL,
            thread_ts TEXT NOT NULL DEFAULT '',
            context TEXT NOT NULL,
            updated_at REAL NOT NULL,
            PRIMARY KEY (channel, thread_ts)
        )
        """
    )
    db.execute("CREATE INDEX conversation_context_updated_at ON conversation_context (updated_at)")
