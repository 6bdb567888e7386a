"""A running bot picks up a spreadsheet import (overrides.yaml) without a restart."""

from __future__ import annotations

import os
import shutil

import pytest
import yaml

from bot.engine import default as core
from srom_data.loader import DEFAULT_DATA_DIR


@pytest.fixture
def fresh_engine(tmp_path, monkeypatch):
    folder = tmp_path / "kb"
    shutil.copytree(DEFAULT_DATA_DIR, folder)
    (folder / "overrides.yaml").unlink(missing_ok=True)
    monkeypatch.setenv("SROM_DATA_DIR", str(folder))
    monkeypatch.setenv("SROM_CACHE_DIR", str(tmp_path / "cache"))
    from srom_data.loader import load_default

    load_default.cache_clear()
    monkeypatch.setattr(core, "_ENGINE", None)
    monkeypatch.setattr(core, "_STAMP", 0)
    yield folder
    load_default.cache_clear()


def write(folder, entries) -> None:
    path = folder / "overrides.yaml"
    path.write_text(yaml.safe_dump({"overrides": entries}, allow_unicode=True), encoding="utf-8")
    stamp = path.stat().st_mtime_ns + 1_000_000  # file systems with coarse timestamps
    os.utime(path, ns=(stamp, stamp))


def test_an_import_is_answered_without_restart(fresh_engine):
    before = core.answer("hotline 2017")
    assert before.mode is None and before.certainty == "unspecified"
    attested = {"mode": "M", "certainty": "attested", "attestation": {"by": "Marie Dupont", "date": "2024-05-02"}}
    write(fresh_engine, [{"activity": "si.hotline", "year": 2017, "assessment": attested}])
    after = core.answer("hotline 2017")
    assert (after.mode.code, after.certainty) == ("M", "attested")
    assert "Marie Dupont" in after.sources[0].quote


def test_a_broken_override_keeps_the_last_good_knowledge_base(fresh_engine):
    assert core.answer("hotline 2017").certainty == "unspecified"
    write(fresh_engine, [{"activity": "si.inconnue", "year": 2017, "assessment": {"certainty": "unspecified"}}])
    again = core.answer("hotline 2017")
    assert again.intent == "mode_lookup" and again.certainty == "unspecified"
