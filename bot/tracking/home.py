"""The référent's part of the App Home (their commitments, a button each), built for one user."""

from __future__ import annotations

from sqlite_utils import Database

from bot.tracking.access import Actor
from bot.tracking.service import with_latest, writable_commitments
from bot.tracking.views import build_home_blocks
from storage import roles


def home_blocks_for(db: Database, user_id: str) -> list[dict]:
    """Référents see their functions' commitments, admins all of them (the view caps the list)."""
    if not roles.referent_functions(db, user_id) and not roles.is_admin(db, user_id):
        return []
    return build_home_blocks(with_latest(db, writable_commitments(db, Actor(user_id))))
