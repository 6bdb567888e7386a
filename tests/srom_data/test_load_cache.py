from __future__ import annotations

import shutil

import pytest

from srom_data import loader


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    root = tmp_path / "data"
    shutil.copytree(loader.DEFAULT_DATA_DIR, root)
    monkeypatch.setenv("SROM_DATA_DIR", str(root))
    monkeypatch.setenv("SROM_CACHE_DIR", str(tmp_path / "cache"))
    loader.load_default.cache_clear()
    yield root
    loader.load_default.cache_clear()


def test_the_validated_knowledge_base_is_cached_and_served_equal(data_copy, tmp_path):
    first = loader.load_default()
    assert len(list((tmp_path / "cache").glob("kb-*.pickle"))) == 1
    loader.load_default.cache_clear()
    assert loader.load_default() == first


def test_a_changed_data_file_is_loaded_afresh(data_copy, tmp_path):
    loader.load_default()
    meta = data_copy / "meta.yaml"
    meta.write_text(meta.read_text("utf-8").replace("region:", "region: Autre #", 1), "utf-8")
    loader.load_default.cache_clear()
    kb = loader.load_default()
    assert kb.meta.region.startswith("Autre")
    assert len(list((tmp_path / "cache").glob("kb-*.pickle"))) == 2


def test_the_cache_can_be_turned_off(data_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("SROM_CACHE_DIR", "off")
    loader.load_default()
    assert not (tmp_path / "cache").exists()
