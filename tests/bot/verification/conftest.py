"""A database with roles (UADMIN admin, USI référent SI, UCOL a collaborator) and the engine reading its store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlite_utils import Database

from bot.conversation.reply import Invocation
from bot.engine.default import set_corrections_source
from bot.verification.setup import StoreCorrections
from storage import roles
from storage.db import DatabaseProvider

QUESTION = "mode de la hotline en 2017 ?"  # si.hotline, 2017: unspecified in the text
DEDUCED = "mode pour la paie en 2017 ?"  # rh.realisation-paies, 2017: deduced (I)


@pytest.fixture
def store(databases: DatabaseProvider) -> Iterator[DatabaseProvider]:
    db = databases.get()
    roles.bootstrap_admins(db, ["UADMIN"])
    roles.grant(db, "UADMIN", "USI", "referent", "SI")
    set_corrections_source(StoreCorrections(databases))
    yield databases
    set_corrections_source(None)


@pytest.fixture
def db(store: DatabaseProvider) -> Database:
    return store.get()


def si_line(extra: int = 0) -> str:
    """The SI coverage line as the data says it today, `extra` cells attested since (the figures are computed:
    the knowledge base is still being completed)."""
    from srom_data.coverage import mode_coverage
    from srom_data.loader import load_default

    row = next(r for r in mode_coverage(load_default()) if r.id == "SI")
    established = row.established + extra
    return f"(SI) : {established} cellules établies sur {row.cells} ; {row.cells - established} à renseigner"


def invoke(databases: DatabaseProvider, user: str, **kw: object) -> Invocation:
    kw.setdefault("user_name", user.lower())
    kw.setdefault("surface", "thread")
    return Invocation(user_id=user, databases=databases, **kw)  # type: ignore[arg-type]


def count(db: Database, table: str = "corrections") -> int:
    return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def audit(db: Database, action: str) -> list[tuple]:
    return db.execute("SELECT actor_id, target, detail FROM audit_log WHERE action = ?", [action]).fetchall()


def buttons(reply) -> dict[str, dict]:
    """The buttons of a reply (or of a list of blocks) by their text."""
    out = {}
    for block in reply if isinstance(reply, list) else reply.blocks:
        elements = block.get("elements", []) if block.get("type") == "actions" else [block.get("accessory") or {}]
        for e in elements:
            if e.get("type") == "button":
                out[e["text"]["text"]] = e
    return out


def text_of(blocks: list[dict]) -> str:
    parts = []
    for block in blocks:
        if isinstance(block.get("text"), dict):
            parts.append(block["text"]["text"])
        parts.extend(e.get("text", "") for e in block.get("elements", []) if isinstance(e.get("text"), str))
    return "\n".join(parts)


def submission(view: dict, *, mode: str | None = "I", source: object = "diagramme original, p. 14", comment=None):
    """The view as Slack sends it back on submit, with the fields filled in."""
    values = {
        "srom_verify_mode": {"mode": {"type": "static_select", "selected_option": {"value": mode} if mode else None}},
        "srom_verify_source": {"source": {"type": "plain_text_input", "value": source}},
        "srom_verify_comment": {"comment": {"type": "plain_text_input", "value": comment}},
    }
    return {**view, "id": view.get("id", "V1"), "state": {"values": values}}
