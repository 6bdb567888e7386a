"""Start-up of commitment tracking, for `srom serve`, the console and the CLI: seed the commitments from the
knowledge base, make the SROM_ADMINS users admins, and let the engine show each commitment's latest status."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable

from sqlite_utils import Database

from bot.tracking.blocks import status_line
from srom_data.models import KnowledgeBase
from storage.commitments import seed_commitments
from storage.db import DatabaseProvider
from storage.progress import latest
from storage.roles import bootstrap_admins

logger = logging.getLogger(__name__)


def prepare_tracking(db: Database, kb: KnowledgeBase, admins: Iterable[str] = ()) -> None:
    seeded = seed_commitments(db, kb.commitments)
    if seeded.added:
        logger.info("commitments seeded from the knowledge base: %s", ", ".join(seeded.added))
    for commitment_id in seeded.differing:
        logger.warning("commitment %s differs from the knowledge base; the published text is kept", commitment_id)
    made = bootstrap_admins(db, admins)
    if made:
        logger.info("admins from SROM_ADMINS: %s", ", ".join(made))


def status_provider(databases: DatabaseProvider) -> Callable[[str], str | None]:
    """For the engine: a commitment's latest status as one line; None when unknown or storage is unavailable."""

    def status(commitment_id: str) -> str | None:
        try:
            return status_line(latest(databases.get(), commitment_id))
        except sqlite3.Error:
            logger.warning("status of %s unavailable", commitment_id, exc_info=True)
            return None

    return status


def install_status_provider(databases: DatabaseProvider) -> None:
    from bot.engine.default import set_status_provider

    set_status_provider(status_provider(databases))
