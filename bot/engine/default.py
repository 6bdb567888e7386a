"""The process's engine: built once, rebuilt when staff corrections change (the corrections store, or
overrides.yaml in the data folder)."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Protocol

import srom_data
from bot.engine import topics
from bot.engine.answer import Answer
from bot.engine.core import Engine
from bot.engine.followup import Context
from srom_data.models import KnowledgeBase, Override

logger = logging.getLogger(__name__)


class CorrectionsSource(Protocol):
    """Where staff corrections come from (the database, for the bot): a cheap version read before every
    question, and the latest correction of every cell, read only when the version changed."""

    def version(self) -> int: ...

    def overrides(self) -> list[Override]: ...


_ENGINE: Engine | None = None
_STATUS: topics.StatusProvider | None = None
_CORRECTIONS: CorrectionsSource | None = None
_STAMP: tuple[int, int] = (0, 0)
_BASE: tuple[tuple[str, int], KnowledgeBase] | None = None  # the data folder's, by folder and overrides.yaml's stamp
_RELOAD = threading.Lock()


def set_status_provider(provider: topics.StatusProvider | None) -> None:
    """Let answers about commitments show each one's latest status. The app and the console call this at
    start-up with a provider that reads storage; the engine itself never imports storage."""
    global _STATUS
    _STATUS = provider
    if _ENGINE is not None:
        _ENGINE.status = provider


def set_corrections_source(source: CorrectionsSource | None) -> None:
    """Answer with the staff corrections of `source` applied over the data folder (the app, the console and the
    CLI call this at start-up when they have a database); the next question rebuilds the engine."""
    global _CORRECTIONS, _STAMP
    with _RELOAD:
        _CORRECTIONS = source
        _STAMP = (-1, -1)


def default_engine() -> Engine:
    """The process's engine. It is rebuilt when a correction is recorded (by any worker: the store's version is
    read before each question) or overrides.yaml changes, so a running bot answers with the corrected modes
    without a restart; a reload that fails keeps the last good one."""
    global _ENGINE, _STAMP
    stamp = (_overrides_stamp(), _corrections_version())
    if _ENGINE is not None and stamp == _STAMP:
        return _ENGINE
    with _RELOAD:
        if _ENGINE is None or stamp != _STAMP:
            from srom_data.loader import DataError

            try:
                _ENGINE = _build(stamp[0])
                if _STAMP != (0, 0):
                    logger.info("knowledge base reloaded after a correction")
            except DataError:
                if _ENGINE is None:
                    raise
                logger.exception("overrides.yaml changed but does not load; keeping the previous knowledge base")
            _STAMP = stamp
    return _ENGINE


def _build(overrides_stamp: int) -> Engine:
    """The first engine of a process without corrections is read from the cache folder when it holds one for this
    data and this code (building its indexes takes 100 ms, reading them back 15): whatever the engine holds must
    pickle, and an index keyed by id() be rebuilt on loading (see PassageSearch.__setstate__)."""
    global _BASE
    if _ENGINE is None and _CORRECTIONS is None:  # the first engine, of the data folder alone: kept between runs
        from srom_data.cache import cache_file, cached
        from srom_data.loader import data_dir_from_env, load_cached

        root = data_dir_from_env()
        code = [Path(__file__).parent, Path(srom_data.__file__).parent]  # the engine's and the loader's
        # built from the data as it is now (not load_default's copy, which may be older than the cache's key)
        engine = cached(cache_file("engine", root, code), Engine, lambda: Engine(load_cached(root)))
        _BASE = ((str(root), overrides_stamp), engine.kb)
        engine.status = _STATUS
        return engine
    return Engine(_with_corrections(_base(overrides_stamp)), status=_STATUS)


def current_kb() -> KnowledgeBase:
    """The knowledge base the bot answers from: the data folder with every staff correction applied."""
    return default_engine().kb


def _base(overrides_stamp: int) -> KnowledgeBase:
    global _BASE
    from srom_data.loader import data_dir_from_env, load, load_default

    key = (str(data_dir_from_env()), overrides_stamp)
    if _BASE is not None and _BASE[0] == key:
        return _BASE[1]
    kb = load_default() if _BASE is None else load(data_dir_from_env())
    _BASE = (key, kb)
    return kb


def _with_corrections(kb: KnowledgeBase) -> KnowledgeBase:
    if _CORRECTIONS is None:
        return kb
    from srom_data.overrides import apply_valid_overrides

    try:
        overrides = _CORRECTIONS.overrides()
    except Exception:
        logger.exception("corrections unavailable; answering from the data folder alone")
        return kb
    return apply_valid_overrides(kb, overrides)


def _corrections_version() -> int:
    if _CORRECTIONS is None:
        return 0
    try:
        return _CORRECTIONS.version()
    except Exception:
        logger.warning("corrections version unavailable; keeping the current knowledge base", exc_info=True)
        return _STAMP[1]


def _overrides_stamp() -> int:
    from srom_data.loader import data_dir_from_env
    from srom_data.overrides import OVERRIDES_FILE

    try:
        return (data_dir_from_env() / OVERRIDES_FILE).stat().st_mtime_ns
    except OSError:
        return 0


def answer(question: str, context: Context | None = None) -> Answer:
    """The engine's one public function: a chat message in (with its conversation's context), a cited Answer out."""
    return default_engine().answer(question, context)
