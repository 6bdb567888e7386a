"""Handle each Slack event once, across worker processes and restarts.

A key is claimed with a lease. A claim that finished (`mark_done`) is never handed out again; a claim whose
handler died before finishing is handed out again once its lease has run out, so that Slack's next retry
(about a minute later) is still answered.
"""

from __future__ import annotations

import time

from sqlite_utils import Database

# Shorter than the minute Slack waits before its second retry, far longer than answering a question takes.
DEFAULT_LEASE_SECONDS = 45.0
RETENTION_SECONDS = 24 * 3600.0

_CLAIM_SQL = """
INSERT INTO slack_events (key, claimed_at, lease_until, done_at, attempts)
VALUES (:key, :now, :lease_until, NULL, 1)
ON CONFLICT (key) DO UPDATE SET
    claimed_at = excluded.claimed_at,
    lease_until = excluded.lease_until,
    attempts = slack_events.attempts + 1
WHERE slack_events.done_at IS NULL AND slack_events.lease_until <= excluded.claimed_at
"""


def claim_event(
    db: Database, key: str, *, lease_seconds: float = DEFAULT_LEASE_SECONDS, now: float | None = None
) -> bool:
    """True when the caller now owns `key` and must handle it; one atomic statement, safe across processes."""
    at = time.time() if now is None else now
    cursor = db.execute(_CLAIM_SQL, {"key": key, "now": at, "lease_until": at + lease_seconds})
    return cursor.rowcount == 1


def mark_done(db: Database, *keys: str, now: float | None = None) -> None:
    at = time.time() if now is None else now
    with db.atomic():
        for key in keys:
            db.execute("UPDATE slack_events SET done_at = ? WHERE key = ? AND done_at IS NULL", [at, key])


def event_state(db: Database, key: str) -> str | None:
    """'done', 'claimed' (a handler holds it or held it and died), or None when never seen."""
    row = db.execute("SELECT done_at FROM slack_events WHERE key = ?", [key]).fetchone()
    if row is None:
        return None
    return "done" if row[0] is not None else "claimed"


def prune_events(db: Database, *, older_than: float = RETENTION_SECONDS, now: float | None = None) -> int:
    """Forget keys claimed long ago (Slack stops retrying after minutes); returns how many went."""
    at = time.time() if now is None else now
    return db.execute("DELETE FROM slack_events WHERE claimed_at < ?", [at - older_than]).rowcount
