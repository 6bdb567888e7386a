"""The question engine: one chat message in, one cited Answer out. No Slack here."""

from __future__ import annotations

from bot.engine.answer import Answer, ModeRef, ProcessRef, Ref, Source
from bot.engine.core import Engine
from bot.engine.default import answer, default_engine, set_status_provider
from bot.engine.followup import Context

__all__ = [
    "Answer",
    "Context",
    "Engine",
    "ModeRef",
    "ProcessRef",
    "Ref",
    "Source",
    "answer",
    "default_engine",
    "set_status_provider",
]
