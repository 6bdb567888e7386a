"""The process's engine: built once, rebuilt when staff corrections (overrides.yaml) change."""

from __future__ import annotations

import logging
import threading

from bot.engine import topics
from bot.engine.answer import Answer
from bot.engine.core import Engine
from bot.engine.followup import Context

logger = logging.getLogger(__name__)

_ENGINE: Engine | None = None
_STATUS: topics.StatusProvider | None = None
_STAMP = 0
_RELOAD = threading.Lock()


def set_status_provider(provider: topics.StatusProvider | None) -> None:
    """Let answers about commitments show each one's latest status. The app and the console call this at
    start-up with a provider that reads storage; the engine itself never imports storage."""
    global _STATUS
    _STATUS = provider
    if _ENGINE is not None:
        _ENGINE.status = provider


def default_engine() -> Engine:
    """The process's engine. It is rebuilt when overrides.yaml changes (a spreadsheet import by staff), so a
    running bot answers with the corrected modes without a restart; a reload that fails keeps the last good one."""
    global _ENGINE, _STAMP
    stamp = _overrides_stamp()
    if _ENGINE is not None and stamp == _STAMP:
        return _ENGINE
    with _RELOAD:
        if _ENGINE is None:
            from srom_data.loader import load_default

            _ENGINE, _STAMP = Engine(load_default(), status=_STATUS), stamp
        elif stamp != _STAMP:
            from srom_data.loader import DataError, data_dir_from_env, load

            try:
                _ENGINE = Engine(load(data_dir_from_env()), status=_STATUS)
                logger.info("knowledge base reloaded after a change of overrides.yaml")
            except DataError:
                logger.exception("overrides.yaml changed but does not load; keeping the previous knowledge base")
            _STAMP = stamp
    return _ENGINE


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
