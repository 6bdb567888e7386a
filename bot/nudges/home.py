"""The App Home's "Rappels" part, for référents: snooze, opt out, resume."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlite_utils import Database

from bot.nudges.blocks import build_home_settings_blocks
from storage import nudges as store
from storage import roles


def home_settings_for(db: Database, user_id: str) -> list[dict]:
    if not roles.referent_functions(db, user_id):
        return []
    prefs = store.prefs_of(db, user_id)
    until = datetime.fromisoformat(prefs.snoozed_until).date() if prefs.snoozed_until else None
    return build_home_settings_blocks(prefs.opted_out_at is not None, until, datetime.now(UTC).date())
