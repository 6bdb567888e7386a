from __future__ import annotations

import pytest

from bot.engine.core import Engine
from bot.settings import SettingsError, load_settings
from bot.tracking.commands import run_engagement
from bot.tracking.setup import prepare_tracking, status_provider
from srom_data.loader import load_default
from storage import roles
from storage.db import DatabaseProvider

from .conftest import invoke


def test_start_up_seeds_once_and_bootstraps_admins(databases) -> None:
    db = databases.get()
    prepare_tracking(db, load_default(), ["UADMIN", "UBOSS"])
    prepare_tracking(db, load_default(), ["UADMIN"])
    assert db.execute("SELECT COUNT(*) FROM commitments").fetchone()[0] == 25
    assert roles.holders(db, "admin") == ["UADMIN", "UBOSS"]


def test_srom_admins_setting(monkeypatch) -> None:
    monkeypatch.setenv("SROM_ADMINS", " U01ABC, W02DEF ,")
    assert load_settings().admin_ids == ["U01ABC", "W02DEF"]
    monkeypatch.setenv("SROM_ADMINS", "U01ABC;marie")
    with pytest.raises(SettingsError, match="SROM_ADMINS"):
        load_settings()


def test_engine_answers_show_the_latest_status(tracking: DatabaseProvider) -> None:
    run_engagement("RH-1 en cours 40% GPEC", invoke(tracking, request_id="t"))
    engine = Engine(load_default(), status=status_provider(tracking))
    answer = engine.answer("quels sont les engagements RH ?")
    assert "en cours, 40" in answer.text
    assert "*RH-2* — Consolider" in answer.text


def test_status_provider_is_quiet_when_storage_is_missing(tmp_path) -> None:
    bare = DatabaseProvider(tmp_path / "empty.db")
    assert status_provider(bare)("RH-1") is None
