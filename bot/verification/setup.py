"""Start-up of verification, for `srom serve`, the console and the CLI: move overrides.yaml into the store once,
and let the engine answer with the store's corrections (read again whenever one is committed)."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from sqlite_utils import Database

from srom_data.models import KnowledgeBase, Override
from storage import corrections
from storage.corrections import NewCorrection
from storage.db import DatabaseProvider

logger = logging.getLogger(__name__)
IMPORTER = "overrides.yaml"


class StoreCorrections:
    """The engine's CorrectionsSource over the database: the version is one index lookup per question."""

    def __init__(self, databases: DatabaseProvider) -> None:
        self.databases = databases

    def version(self) -> int:
        return corrections.version(self.databases.get())

    def overrides(self) -> list[Override]:
        return corrections.latest_overrides(self.databases.get())


def install_corrections(databases: DatabaseProvider) -> None:
    from bot.engine.default import set_corrections_source

    set_corrections_source(StoreCorrections(databases))


def override_key(override: Override) -> str:
    payload = override.model_dump_json(exclude_defaults=True)
    return "overrides:" + hashlib.sha256(payload.encode()).hexdigest()[:32]


def _source_of(override: Override) -> str:
    a = override.assessment
    if a.attestation is not None:
        return a.attestation.source or "diagramme original"
    if a.evidence:
        return f"texte du SROM : {a.evidence[0].section}"[:300]
    return "overrides.yaml"


def migrate_overrides(db: Database, data_dir: Path) -> int:
    """Copy the entries of the data folder's overrides.yaml into the store (once: each is keyed on its content),
    so the store is the one source of truth; the file stays as read-only reference. Returns how many were new."""
    from srom_data.loader import read_overrides

    items = [
        NewCorrection(
            activity=o.activity,
            year=o.year,
            assessment=o.assessment,
            source=_source_of(o),
            comment=o.assessment.attestation.note if o.assessment.attestation else None,
            author_id=IMPORTER,
            author_name=o.assessment.attestation.by if o.assessment.attestation else IMPORTER,
            origin="overrides",
            idempotency_key=override_key(o),
        )
        for o in read_overrides(data_dir)
    ]
    if not items:
        return 0
    added, _ = corrections.record_many(db, items)
    if added:
        logger.info("overrides.yaml: %d correction(s) moved into the store", added)
    return added


def data_dir() -> Path:
    from srom_data.loader import data_dir_from_env

    return data_dir_from_env()


def with_store(kb: KnowledgeBase, db: Database | None) -> KnowledgeBase:
    """The knowledge base with the latest correction of every cell of the store applied."""
    from srom_data.overrides import apply_valid_overrides

    if db is None:
        return kb
    return apply_valid_overrides(kb, corrections.latest_overrides(db))


def coverage_text(kb: KnowledgeBase, db: Database | None, *, as_json: bool) -> str:
    import json

    from srom_data.coverage import format_mode_coverage, mode_coverage

    rows = mode_coverage(kb, corrections.flagged_cells(db) if db is not None else set())
    if as_json:
        return json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=1)
    return format_mode_coverage(rows)
