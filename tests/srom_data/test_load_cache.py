from __future__ import annotations

import os
import pickle
import shutil

import pytest

from srom_data import cache, loader


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


def test_a_corrupt_copy_is_rebuilt_and_replaced(data_copy, tmp_path):
    first = loader.load_default()
    [copy] = (tmp_path / "cache").glob("kb-*.pickle")
    copy.write_bytes(copy.read_bytes()[:1000])  # truncated, as by a full disk
    loader.load_default.cache_clear()
    assert loader.load_default() == first
    assert pickle.loads(copy.read_bytes()) == first


def test_a_copy_of_something_else_is_not_served(data_copy, tmp_path):
    first = loader.load_default()
    [copy] = (tmp_path / "cache").glob("kb-*.pickle")
    copy.write_bytes(pickle.dumps({"not": "a knowledge base"}))
    loader.load_default.cache_clear()
    assert loader.load_default() == first


def test_a_changed_loader_is_a_new_key(data_copy, tmp_path):
    code = tmp_path / "code"
    code.mkdir()
    (code / "loader.py").write_text("A = 1\n", encoding="utf-8")
    before = cache.cache_file("kb", data_copy, [code])
    (code / "loader.py").write_text("A = 22\n", encoding="utf-8")
    assert cache.cache_file("kb", data_copy, [code]) != before


def test_an_unwritable_cache_folder_still_loads(data_copy, tmp_path, monkeypatch):
    (tmp_path / "file").write_text("", encoding="utf-8")
    monkeypatch.setenv("SROM_CACHE_DIR", str(tmp_path / "file" / "cache"))  # under a file: no folder can be made
    assert loader.load_default().meta.years


def test_only_the_most_recently_used_copies_are_kept(data_copy, tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    for n in range(cache.KEEP + 3):
        copy = folder / f"kb-{n:032x}.pickle"
        copy.write_bytes(b"old")
        os.utime(copy, ns=(n * 10**9, n * 10**9))
    (folder / "engine-0.pickle").write_bytes(b"another kind")
    oldest = folder / f"kb-{0:032x}.pickle"
    os.utime(oldest, ns=(10**12, 10**12))  # read lately: kept
    loader.load_default()
    kept = sorted(p.name for p in folder.glob("kb-*.pickle"))
    assert len(kept) == cache.KEEP
    assert oldest.name in kept and f"kb-{1:032x}.pickle" not in kept
    assert (folder / "engine-0.pickle").exists()
