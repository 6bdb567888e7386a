"""The context of each conversation (a Slack thread, a direct message): the previous answer, kept briefly.

Rows are keyed by channel and thread (`thread_ts`, '' for a direct message's main conversation), written after
each answer, read before the next one, and forgotten after `EXPIRY_SECONDS`: a follow-up is asked within
minutes, and an old conversation must not bend a new question.
"""

from __future__ import annotations

import time

from sqlite_utils import Database

EXPIRY_SECONDS = 30 * 60.0

_SAVE_SQL = """
INSERT INTO conversation_context (channel, thread_ts, context, updated_at) VALUES (?, ?, ?, ?)
ON CONFLICT (channel, thread_ts) DO UPDATE SET context = excluded.context, updated_at = excluded.updated_at
"""


def save_context(db: Database, keys: list[tuple[str, str]], context: str, *, now: float | None = None) -> None:
    """Store `context` (JSON text) for each (channel, thread_ts), and forget the expired ones, in one commit."""
    at = time.time() if now is None else now
    with db.atomic():
        for channel, thread_ts in keys:
            db.execute(_SAVE_SQL, [channel, thread_ts, context, at])
        db.execute("DELETE FROM conversation_context WHERE updated_at < ?", [at - EXPIRY_SECONDS])


def load_context(
    db: Database, channel: str, thread_ts: str = "", *, now: float | None = None, max_age: float = EXPIRY_SECONDS
) -> str | None:
    """The context stored for (channel, thread_ts) if it is younger than `max_age` seconds."""
    at = time.time() if now is None else now
    row = db.execute(
        "SELECT context FROM conversation_context WHERE channel = ? AND thread_ts = ? AND updated_at >= ?",
        [channel, thread_ts, at - max_age],
    ).fetchone()
    return row[0] if row else None


def forget_context(db: Database, channel: str, thread_ts: str = "") -> None:
    with db.atomic():
        db.execute("DELETE FROM conversation_context WHERE channel = ? AND thread_ts = ?", [channel, thread_ts])
