"""Where a conversation keeps its context (the previous answer) between two messages.

Slack: SQLite, so that the worker answering "et en 2021 ?" sees what another worker answered before. The console
and `srom ask --session`: the session's memory. Memory is best effort: when it fails, the question is answered
on its own, never left unanswered.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from bot.engine.followup import Context
from storage.conversations import load_context, save_context
from storage.db import DatabaseProvider

logger = logging.getLogger(__name__)


@dataclass
class SessionMemory:
    """The context of one conversation held in memory (the console, `srom ask --session`)."""

    context: Context | None = None

    def load(self) -> Context | None:
        return self.context

    def save(self, context: Context) -> None:
        self.context = context


@dataclass(frozen=True)
class ThreadMemory:
    """The context of a Slack conversation in SQLite: read from `channel`/`thread_ts`, written there and to the
    `also` keys (a direct message's answer continues both in its thread and in the main conversation)."""

    databases: DatabaseProvider
    channel: str
    thread_ts: str = ""
    also: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    def load(self) -> Context | None:
        try:
            stored = load_context(self.databases.get(), self.channel, self.thread_ts)
            return Context.model_validate_json(stored) if stored else None
        except Exception:
            logger.exception("could not read the context of %s/%s", self.channel, self.thread_ts)
            return None

    def save(self, context: Context) -> None:
        keys = list(dict.fromkeys([(self.channel, self.thread_ts), *self.also]))
        try:
            save_context(self.databases.get(), keys, context.model_dump_json(exclude_defaults=True))
        except Exception:
            logger.exception("could not save the context of %s/%s", self.channel, self.thread_ts)


def thread_memory(
    databases: DatabaseProvider | None, channel: str | None, ts: str | None, thread_ts: str | None, *, im: bool
) -> ThreadMemory | None:
    """The memory of the conversation a Slack message belongs to.

    In a channel: its thread (a new top-level mention starts a thread, hence fresh). In a direct message: its
    thread when in one, else the main conversation; the answer is remembered in both.
    """
    if databases is None or not channel or not (ts or thread_ts):
        return None
    if not im:
        return ThreadMemory(databases, channel, thread_ts or ts or "")
    if thread_ts:
        return ThreadMemory(databases, channel, thread_ts, also=((channel, ""),))
    return ThreadMemory(databases, channel, "", also=((channel, ts or ""),))
