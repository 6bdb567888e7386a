"""Mentions and direct messages: the answer, in the thread of the question."""

from __future__ import annotations

import logging
import re

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.conversation.answers import answer_reply
from bot.conversation.commands import help_reply
from bot.conversation.memory import thread_memory
from bot.conversation.reply import Invocation
from bot.handlers.delivery import post_in_thread, tell_failure
from bot.slack.middleware import DATABASES, claim_once, finish_event
from bot.tracking.report import with_chart
from bot.verification.actions import with_verification

MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
# Subtypes that are still a person writing to the bot; every other subtype (edits, joins, bots) is ignored.
USER_SUBTYPES = {None, "thread_broadcast", "file_share"}
# Slackbot writes as a user ("You have been removed from #…"): it is not asking anything.
SLACKBOT = "USLACKBOT"


def question_text(event: dict) -> str:
    """The message without the bot's mention, on one line."""
    return " ".join(MENTION.sub(" ", event.get("text") or "").split())


def is_user_message(event: dict) -> bool:
    return (
        event.get("subtype") in USER_SUBTYPES
        and not event.get("bot_id")
        and bool(event.get("user"))
        and event.get("user") != SLACKBOT
        and bool(event.get("ts"))
    )


def handle_app_mention(event: dict, context: BoltContext, client: WebClient, logger: logging.Logger) -> None:
    try:
        if is_user_message(event):
            _answer_in_thread(event, context, client)
    except Exception:
        logger.exception("app_mention failed")
        _tell(event, client)
    finally:
        finish_event(context)


def handle_direct_message(event: dict, context: BoltContext, client: WebClient, logger: logging.Logger) -> None:
    try:
        if event.get("channel_type") == "im" and is_user_message(event):
            _answer_in_thread(event, context, client)
    except Exception:
        logger.exception("direct message failed")
        _tell(event, client)
    finally:
        finish_event(context)


def _answer_in_thread(event: dict, context: BoltContext, client: WebClient) -> None:
    channel, ts = event["channel"], event["ts"]
    # A mention in a DM can arrive twice (app_mention and message.im): one reply per question.
    if not claim_once(context, f"message:{channel}:{ts}"):
        return
    question = question_text(event)
    invocation = Invocation(user_id=event.get("user") or "", channel_id=channel, databases=context.get(DATABASES))
    # The thread (or the DM) is a conversation: "et en 2021 ?" is read against its previous answer.
    im = event.get("channel_type") == "im" or channel.startswith("D")
    memory = thread_memory(context.get(DATABASES), channel, ts, event.get("thread_ts"), im=im)
    if question:
        reply = with_verification(answer_reply(question, surface="thread", memory=memory), invocation)
        reply = with_chart(reply, invocation)
    else:
        reply = help_reply()
    post_in_thread(client, channel=channel, thread_ts=event.get("thread_ts") or ts, reply=reply)


def _tell(event: dict, client: WebClient) -> None:
    tell_failure(client, channel=event.get("channel"), user=event.get("user"), thread_ts=event.get("ts"))
