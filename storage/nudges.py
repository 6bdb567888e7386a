"""Nudges: who was sent what (claims with a lease, as for Slack events), people's reminder preferences, the
time zones Slack gives, the Bureau meeting dates, and where the directors' summary goes.

A nudge key (kind:user:period) is claimed before its message is sent and marked sent after: a claim that was
sent is never handed out again; a claim whose sender died before marking it is handed out again once its lease
has run out, so a crash mid-campaign forgets nobody.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from .audit import log_event
from .tx import immediate, utc_now

# Far longer than one message takes, 429 retries included; short enough that a crashed campaign resumes soon.
DEFAULT_LEASE_SECONDS = 180.0
DIRECTORS_CHANNEL = "directors_channel"

_CLAIM_SQL = """
INSERT INTO nudges (key, kind, user_id, claimed_at, lease_until, attempts, items)
VALUES (:key, :kind, :user_id, :now, :lease_until, 1, :items)
ON CONFLICT (key) DO UPDATE SET
    claimed_at = excluded.claimed_at,
    lease_until = excluded.lease_until,
    attempts = nudges.attempts + 1,
    items = excluded.items
WHERE nudges.sent_at IS NULL AND nudges.lease_until <= excluded.claimed_at
"""


@dataclass(frozen=True)
class Claim:
    key: str
    attempts: int  # > 1: an earlier sender held it and died (or failed): check before sending again


@dataclass(frozen=True)
class SentNudge:
    key: str
    kind: str
    user_id: str
    sent_at: str


@dataclass(frozen=True)
class Prefs:
    user_id: str
    opted_out_at: str | None
    snoozed_until: str | None  # an ISO date: no reminder before it


class BureauDateError(Exception):
    """A Bureau date already set (add) or not set (remove)."""


def claim_nudge(
    db: Database,
    key: str,
    kind: str,
    user_id: str,
    *,
    items: str = "",
    lease_seconds: float = DEFAULT_LEASE_SECONDS,
    now: float | None = None,
) -> Claim | None:
    """The claim when the caller now owns `key` and must send it, else None; one atomic statement."""
    at = time.time() if now is None else now
    params = {"key": key, "kind": kind, "user_id": user_id, "now": at, "lease_until": at + lease_seconds}
    with immediate(db):
        if db.execute(_CLAIM_SQL, {**params, "items": items}).rowcount != 1:
            return None
        attempts = db.execute("SELECT attempts FROM nudges WHERE key = ?", [key]).fetchone()[0]
    return Claim(key, attempts)


def mark_sent(db: Database, key: str, *, channel: str | None, ts: str | None, at: str | None = None) -> None:
    with immediate(db):
        db.execute(
            "UPDATE nudges SET sent_at = ?, channel = ?, ts = ?, error = NULL WHERE key = ? AND sent_at IS NULL",
            [at or utc_now(), channel, ts, key],
        )


def extend_lease(db: Database, key: str, *, lease_seconds: float = DEFAULT_LEASE_SECONDS) -> None:
    """Still sending (waiting out a 429): keep the claim."""
    with immediate(db):
        db.execute(
            "UPDATE nudges SET lease_until = ? WHERE key = ? AND sent_at IS NULL", [time.time() + lease_seconds, key]
        )


def release(db: Database, key: str, error: str, *, retry_after: float = 0.0, now: float | None = None) -> None:
    """A send that failed: handed out again after `retry_after` seconds (the next clock tick, usually)."""
    at = time.time() if now is None else now
    with immediate(db):
        db.execute(
            "UPDATE nudges SET lease_until = ?, error = ? WHERE key = ? AND sent_at IS NULL",
            [at + retry_after, error[:300], key],
        )


def nudge_state(db: Database, key: str) -> str | None:
    """'sent', 'claimed' (being sent, or its sender died), or None when never claimed."""
    row = db.execute("SELECT sent_at FROM nudges WHERE key = ?", [key]).fetchone()
    if row is None:
        return None
    return "sent" if row[0] is not None else "claimed"


def sent_nudges(db: Database, *, since: str = "") -> list[SentNudge]:
    """Nudges sent at or after `since` (a UTC timestamp), oldest first."""
    rows = db.execute(
        "SELECT key, kind, user_id, sent_at FROM nudges WHERE sent_at IS NOT NULL AND sent_at >= ? ORDER BY sent_at",
        [since],
    ).fetchall()
    return [SentNudge(*row) for row in rows]


def sent_keys(db: Database, keys: list[str]) -> set[str]:
    if not keys:
        return set()
    marks = ", ".join("?" for _ in keys)
    rows = db.execute(f"SELECT key FROM nudges WHERE sent_at IS NOT NULL AND key IN ({marks})", keys).fetchall()
    return {row[0] for row in rows}


def sent_message(db: Database, key: str) -> tuple[str, str] | None:
    """(channel, ts) of a sent nudge."""
    row = db.execute("SELECT channel, ts FROM nudges WHERE key = ? AND sent_at IS NOT NULL", [key]).fetchone()
    return (row[0], row[1]) if row and row[0] and row[1] else None


# --- preferences -------------------------------------------------------------------------------------------------


def all_prefs(db: Database) -> dict[str, Prefs]:
    rows = db.execute("SELECT user_id, opted_out_at, snoozed_until FROM nudge_prefs").fetchall()
    return {row[0]: Prefs(*row) for row in rows}


def prefs_of(db: Database, user_id: str) -> Prefs:
    return all_prefs(db).get(user_id) or Prefs(user_id, None, None)


def _set_prefs(db: Database, user_id: str, opted_out_at: str | None, snoozed_until: str | None, detail: str) -> None:
    with immediate(db):
        db.execute(
            """
            INSERT INTO nudge_prefs (user_id, opted_out_at, snoozed_until, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (user_id) DO UPDATE SET
                opted_out_at = excluded.opted_out_at,
                snoozed_until = excluded.snoozed_until,
                updated_at = excluded.updated_at
            """,
            [user_id, opted_out_at, snoozed_until, utc_now()],
        )
        log_event(db, user_id, "nudge_prefs", user_id, detail)


def snooze(db: Database, user_id: str, until: date) -> None:
    _set_prefs(db, user_id, None, until.isoformat(), f"snoozed until {until.isoformat()}")


def opt_out(db: Database, user_id: str) -> None:
    _set_prefs(db, user_id, utc_now(), None, "opted out")


def resume(db: Database, user_id: str) -> None:
    _set_prefs(db, user_id, None, None, "reminders resumed")


# --- Slack users (time zone, DM channel) ----------------------------------------------------------------------


def cached_users(db: Database) -> dict[str, tuple[str | None, str | None, str]]:
    """user → (tz, dm_channel, fetched_at)."""
    rows = db.execute("SELECT user_id, tz, dm_channel, fetched_at FROM slack_users").fetchall()
    return {row[0]: (row[1], row[2], row[3]) for row in rows}


def dm_channel_of(db: Database, user_id: str) -> str | None:
    row = db.execute("SELECT dm_channel FROM slack_users WHERE user_id = ?", [user_id]).fetchone()
    return row[0] if row else None


def cache_user(db: Database, user_id: str, *, tz: str | None = None, dm_channel: str | None = None) -> None:
    """Remember what Slack said; a value not given keeps the cached one."""
    with immediate(db):
        db.execute(
            """
            INSERT INTO slack_users (user_id, tz, dm_channel, fetched_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (user_id) DO UPDATE SET
                tz = COALESCE(excluded.tz, slack_users.tz),
                dm_channel = COALESCE(excluded.dm_channel, slack_users.dm_channel),
                fetched_at = CASE WHEN excluded.tz IS NULL THEN slack_users.fetched_at ELSE excluded.fetched_at END
            """,
            [user_id, tz, dm_channel, utc_now()],
        )


# --- Bureau meetings and the directors' channel -------------------------------------------------------------------


def bureau_dates(db: Database) -> list[date]:
    return [date.fromisoformat(row[0]) for row in db.execute("SELECT date FROM bureau_meetings ORDER BY date")]


def add_bureau_date(db: Database, actor_id: str, day: date) -> None:
    with immediate(db):
        if db.execute("SELECT 1 FROM bureau_meetings WHERE date = ?", [day.isoformat()]).fetchone():
            raise BureauDateError(day.isoformat())
        db.execute(
            "INSERT INTO bureau_meetings (date, added_by, added_at) VALUES (?, ?, ?)",
            [day.isoformat(), actor_id, utc_now()],
        )
        log_event(db, actor_id, "bureau_add", day.isoformat())


def remove_bureau_date(db: Database, actor_id: str, day: date) -> None:
    with immediate(db):
        if not db.execute("DELETE FROM bureau_meetings WHERE date = ?", [day.isoformat()]).rowcount:
            raise BureauDateError(day.isoformat())
        log_event(db, actor_id, "bureau_remove", day.isoformat())


def get_setting(db: Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM nudge_settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def set_setting(db: Database, actor_id: str, key: str, value: str | None) -> None:
    with immediate(db):
        if value is None:
            db.execute("DELETE FROM nudge_settings WHERE key = ?", [key])
        else:
            db.execute(
                "INSERT INTO nudge_settings (key, value, updated_by) VALUES (?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by",
                [key, value, actor_id],
            )
        log_event(db, actor_id, "nudge_setting", key, value or "(none)")
