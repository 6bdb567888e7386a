"""A tracking database seeded from the packaged knowledge base, référents and directors, old entries; the
Slack messenger over the fake Web API."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from bot.slack.clock import SlackMessenger
from bot.tracking.setup import prepare_tracking
from srom_data.loader import load_default
from storage import roles
from storage.db import DatabaseProvider
from storage.progress import NewEntry, record_progress

MONDAY_930 = datetime(2026, 11, 30, 9, 30, tzinfo=ZoneInfo("Europe/Paris")).astimezone(UTC)


def old_entry(db: Database, commitment: str, *, at: str = "2026-06-01T10:00:00.000000Z", **kw: object) -> None:
    fields = {"status": "en_cours", "percent": 40, "comment": "lancé", "author_id": "URH", "author_name": "urh"}
    fields.update(kw)  # type: ignore[arg-type]
    record_progress(
        db,
        NewEntry(commitment_id=commitment, source="slash", idempotency_key=f"seed:{commitment}:{at}", **fields),  # type: ignore[arg-type]
        now=at,
    )


@pytest.fixture
def nudge_db(databases: DatabaseProvider) -> DatabaseProvider:
    db = databases.get()
    prepare_tracking(db, load_default(), ["UADMIN"])
    roles.grant(db, "UADMIN", "URH", "referent", "RH", "CCI Nantes St-Nazaire")
    roles.grant(db, "UADMIN", "USI", "referent", "SI")
    roles.grant(db, "UADMIN", "UDIR", "director")
    old_entry(db, "RH-1")
    return databases


@pytest.fixture
def messenger(client) -> SlackMessenger:
    return SlackMessenger(client)


def posts(fake, *, ok: bool = True) -> list:
    return [c for c in fake.calls_to("chat.postMessage") if not ok or (c.response or {}).get("ok")]
