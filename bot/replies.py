"""What the bot says, independent of where it is said: one Reply per question, command or button press.

Slack handlers and the console both call these functions and differ only in how they deliver the Reply.
The question engine is reached only through `bot.engine.answer`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

from storage.db import DatabaseProvider

from . import engine
from .blocks import Surface, build_answer_blocks, build_error_blocks, build_help_blocks, fallback_text
from .engine.answer import Lang


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
class Reply:
    """Blocks plus the plain `text` Slack shows in notifications.

    `public`: an ephemeral reply asked to become a message everyone sees (the share button).
    `replaces_original`: the reply supersedes the message whose button was pressed (a clarification choice).
    `modal`: a view to open instead of a message (needs a trigger_id, so Slack only).
    `files`: files to upload to the conversation after the message (slow work, after the ack).
    """

    text: str
    blocks: list[dict] = field(default_factory=list)
    lang: Lang = "fr"
    question: str | None = None
    public: bool = False
    replaces_original: bool = False
    modal: dict | None = None
    files: tuple[Attachment, ...] = ()


def answer_reply(question: str, *, surface: Surface, page: int = 0, shared_by: str | None = None) -> Reply:
    result = engine.answer(question)
    # A map is drawn (after the ack) only where a file can follow the answer: in a thread or the console.
    picture = result.map is not None and surface == "thread" and shared_by is None and page == 0
    if result.map is not None and not picture:
        from .maps import map_hint

        result = map_hint(result)
    blocks = build_answer_blocks(result, question=question, surface=surface, page=page, shared_by=shared_by)
    reply = Reply(text=fallback_text(result), blocks=blocks, lang=result.lang, question=question)
    if picture and result.map is not None:
        from .maps import attach_map

        return attach_map(reply, result.map)
    return reply


def help_reply(lang: Lang = "fr") -> Reply:
    from .commands import command_help

    text = "Aide de l'assistant SROM" if lang == "fr" else "SROM assistant help"
    return Reply(text=text, blocks=build_help_blocks(command_help(), lang), lang=lang)


def error_reply(lang: Lang = "fr", message: str | None = None) -> Reply:
    blocks = build_error_blocks(lang, message)
    return Reply(text=blocks[0]["text"]["text"], blocks=blocks, lang=lang)
