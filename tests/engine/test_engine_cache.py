"""The engine kept between runs (srom_data.cache): a copy read back answers exactly as the engine built afresh."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.engine import Context
from bot.engine import default as default_module
from srom_data.loader import load_default

HERE = Path(__file__).parent
# every fourth question of every set: the routes and indexes a copy read back could answer differently from
QUESTIONS = [c["q"] for f in sorted(HERE.glob("questions*.yaml")) for c in yaml.safe_load(f.read_text("utf-8"))][::4]
DIALOGUES = [[t["q"] for t in d["turns"]] for d in yaml.safe_load((HERE / "followups.yaml").read_text("utf-8"))]


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("SROM_CACHE_DIR", str(folder))
    monkeypatch.delenv("SROM_DATA_DIR", raising=False)
    state = (("_ENGINE", None), ("_STAMP", (0, 0)), ("_BASE", None), ("_CORRECTIONS", None), ("_STATUS", None))
    for name, value in state:  # as a process starts (other tests install a status provider, corrections)
        monkeypatch.setattr(default_module, name, value)
    return folder


def fresh_process() -> None:
    default_module._ENGINE = None
    default_module._BASE = None


def answers(engine) -> list[str]:
    out = [engine.answer(q).model_dump_json() for q in QUESTIONS]
    for turns in DIALOGUES:
        context: Context | None = None
        for q in turns:
            answer = engine.answer(q, context)
            out.append(answer.model_dump_json())
            context = Context.from_answer(answer, answer.question or q, context) or context
    return out


@pytest.fixture(scope="module")
def expected(engine) -> list[str]:
    return answers(engine)


def test_a_cached_engine_answers_as_a_fresh_one(cache_dir, expected):
    """A copy read back holds no object ids of the process that built it (search.py and governance.py rebuild
    theirs on loading): an index keyed by id() that is not rebuilt so answers differently here."""
    cold = default_module.default_engine()
    assert len(list(cache_dir.glob("engine-*.pickle"))) == 1
    fresh_process()
    warm = default_module.default_engine()
    assert warm is not cold
    assert answers(warm) == expected
    assert warm.kb == load_default()


def test_a_corrupt_copy_is_rebuilt(cache_dir, expected):
    default_module.default_engine()
    [copy] = cache_dir.glob("engine-*.pickle")
    copy.write_bytes(copy.read_bytes()[: copy.stat().st_size // 2])
    fresh_process()
    assert answers(default_module.default_engine()) == expected
    fresh_process()
    assert answers(default_module.default_engine()) == expected  # and the copy written again reads back


def test_a_changed_data_file_is_a_new_copy(cache_dir, tmp_path, monkeypatch):
    import shutil

    from srom_data.loader import DEFAULT_DATA_DIR

    folder = tmp_path / "kb"
    shutil.copytree(DEFAULT_DATA_DIR, folder)
    monkeypatch.setenv("SROM_DATA_DIR", str(folder))
    assert default_module.default_engine().kb.meta.region
    meta = folder / "meta.yaml"
    meta.write_text(meta.read_text("utf-8").replace("region:", "region: Autre #", 1), "utf-8")
    fresh_process()
    assert default_module.default_engine().kb.meta.region.startswith("Autre")
    assert len(list(cache_dir.glob("engine-*.pickle"))) == 2


def test_the_status_provider_is_not_kept(cache_dir, monkeypatch):
    default_module.default_engine()
    fresh_process()
    provider = object()
    monkeypatch.setattr(default_module, "_STATUS", provider)
    assert default_module.default_engine().status is provider


def test_no_copy_when_the_cache_is_off(cache_dir, monkeypatch):
    monkeypatch.setenv("SROM_CACHE_DIR", "off")
    default_module.default_engine()
    assert not cache_dir.exists()
