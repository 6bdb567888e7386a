"""A tracking database seeded from the packaged knowledge base: UADMIN admin, URH référent RH, UDIR director."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from bot.conversation.reply import Invocation
from bot.tracking.setup import prepare_tracking
from srom_data.loader import load_default
from storage import roles
from storage.db import DatabaseProvider


@pytest.fixture
def tracking(databases: DatabaseProvider) -> DatabaseProvider:
    db = databases.get()
    prepare_tracking(db, load_default(), ["UADMIN"])
    roles.grant(db, "UADMIN", "URH", "referent", "RH", "CCI Nantes St-Nazaire")
    roles.grant(db, "UADMIN", "UDIR", "director")
    return databases


@pytest.fixture
def db(tracking: DatabaseProvider) -> Database:
    return tracking.get()


def invoke(databases: DatabaseProvider, user: str = "URH", **kw: object) -> Invocation:
    kw.setdefault("user_name", user.lower())
    kw.setdefault("surface", "ephemeral")
    return Invocation(user_id=user, databases=databases, **kw)  # type: ignore[arg-type]


def rows(db: Database) -> int:
    return db.execute("SELECT COUNT(*) FROM progress").fetchone()[0]


def text_of(reply) -> str:
    parts = []
    for block in reply.blocks:
        if block.get("text"):
            parts.append(block["text"]["text"])
        parts.extend(e.get("text", "") for e in block.get("elements", []) if isinstance(e.get("text"), str))
    return "\n".join(parts) or reply.text
