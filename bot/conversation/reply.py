"""What the bot says, independent of where it is said: one Reply per question, command or button press.

The bottom of the conversation core: the Reply, who asked (Invocation), files (Attachment) and the error reply.
Slack handlers and the console both build Replies through the core and differ only in how they deliver them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from sqlite_utils import Database

from bot.conversation.blocks import Surface, build_error_blocks
from bot.engine.answer import Answer, Lang
from bot.engine.followup import Context
from storage.db import DatabaseProvider


class Memory(Protocol):
    """Where a conversation keeps the context of its previous answer (bot.conversation.memory)."""

    def load(self) -> Context | None: ...

    def save(self, context: Context) -> None: ...


@dataclass(frozen=True)
class Invocation:
    """Who asked, where, and how to reach storage (opened lazily: most questions never touch it)."""

    user_id: str
    surface: Surface = "thread"
    channel_id: str | None = None
    databases: DatabaseProvider | None = None
    # For commitment tracking: the name to record, where the request came from ("slash", "modal", "console"),
    # the id Slack gives the request (trigger_id, view id) to record a redelivery once, and the console's
    # local user who acts as an admin.
    user_name: str | None = None
    source: str = "slash"
    request_id: str | None = None
    acts_as_admin: bool = False
    # The thread of the message whose button was pressed (verification tells the asker there once attested).
    thread_ts: str | None = None
    # The conversation's context between two messages (a Slack thread, a DM, the console); None: no follow-ups.
    memory: Memory | None = None

    def db(self) -> Database:
        if self.databases is None:
            raise RuntimeError("no database configured for this invocation")
        return self.databases.get()


@dataclass(frozen=True)
class Attachment:
    """A file to put in the conversation (Slack: files upload v2; console: written to disk)."""

    filename: str
    title: str
    content: bytes


@dataclass(frozen=True)
class Notice:
    """A message to someone else than the person who acted: a référent's direct message (`channel` is their user
    id), or an asker's thread once their cell is attested. Sent after the reply, best effort."""

    channel: str
    text: str
    blocks: list[dict] = field(default_factory=list)
    thread_ts: str | None = None


@dataclass(frozen=True)
class Reply:
    """Blocks plus the plain `text` Slack shows in notifications.

    `public`: an ephemeral reply asked to become a message everyone sees (the share button).
    `replaces_original`: the reply supersedes the message whose button was pressed (a clarification choice).
    `modal`: a view to open instead of a message (needs a trigger_id, so Slack only).
    `files`: files to upload to the conversation after the message (slow work, after the ack).
    `notices`: messages to other people (référents, an asker), sent after the reply.
    """

    text: str
    blocks: list[dict] = field(default_factory=list)
    lang: Lang = "fr"
    question: str | None = None
    public: bool = False
    replaces_original: bool = False
    modal: dict | None = None
    files: tuple[Attachment, ...] = ()
    # The engine's answer this reply shows (verification adds its buttons from the cell it is about).
    answer: Answer | None = None
    notices: tuple[Notice, ...] = ()


def error_reply(lang: Lang = "fr", message: str | None = None) -> Reply:
    blocks = build_error_blocks(lang, message)
    return Reply(text=blocks[0]["text"]["text"], blocks=blocks, lang=lang)
