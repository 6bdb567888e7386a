from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from srom_data.loader import load_default
from storage.commitments import seed_commitments
from storage.db import migrate, open_db


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "srom.db"
    db = open_db(path)
    migrate(db)
    seed_commitments(db, load_default().commitments)
    db.close()
    return path


@pytest.fixture
def db(db_path: Path) -> Database:
    return open_db(db_path)
