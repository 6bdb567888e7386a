"""Buttons: clarification choices, "Voir la suite", "Partager dans le canal", the App Home's question button."""

from __future__ import annotations

import logging

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.conversation.actions import run_action
from bot.conversation.blocks import Surface, build_choice_made_blocks
from bot.conversation.memory import thread_memory
from bot.conversation.reply import Invocation, Reply
from bot.conversation.views import build_ask_modal
from bot.handlers.delivery import (
    delete_original,
    deliver_privately,
    post_in_thread,
    respond,
    send_notices,
    tell_failure,
    upload_for_command,
)
from bot.slack.middleware import DATABASES
from bot.tracking.views import build_done_view


def surface_of(body: dict) -> Surface:
    container = body.get("container") or {}
    if container.get("type") == "view":
        return "modal"
    return "ephemeral" if container.get("is_ephemeral") else "thread"


def handle_action(
    ack: Ack, body: dict, action: dict, client: WebClient, context: BoltContext, logger: logging.Logger
) -> None:
    ack()
    surface = surface_of(body)
    user = (body.get("user") or {}).get("id", "")
    channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id")
    message = body.get("message") or {}
    databases = context.get(DATABASES)
    invocation = Invocation(
        user_id=user,
        surface=surface,
        channel_id=channel,
        databases=databases,
        user_name=(body.get("user") or {}).get("name"),
        request_id=body.get("trigger_id"),
        thread_ts=_thread_of(body, surface),
        # A button under an answer in a thread continues that thread's conversation (a clarification's pick).
        memory=thread_memory(
            databases, channel, message.get("ts"), message.get("thread_ts"), im=(channel or "").startswith("D")
        )
        if surface == "thread"
        else None,
    )
    try:
        reply = run_action(action.get("action_id") or "", action.get("value") or "", invocation)
    except Exception:
        logger.exception("action %s failed", action.get("action_id"))
        tell_failure(client, response_url=body.get("response_url"), channel=channel, user=user)
        return
    try:
        _deliver(client, body, action, reply, surface)
    except Exception:
        # What the button did is done (a write is committed): tell it another way, never as a failure.
        logger.exception("action %s: delivery failed; the reply goes privately", action.get("action_id"))
        url = body.get("response_url") if surface == "thread" else None  # an ephemeral's url just failed
        deliver_privately(client, response_url=url, channel=channel, user=user, reply=reply)
    send_notices(client, reply)


def _thread_of(body: dict, surface: Surface) -> str | None:
    """The thread of the message whose button was pressed (None for ephemeral messages, modals, the Home)."""
    message = body.get("message") or {}
    if surface != "thread" or not message.get("ts") or not (body.get("channel") or {}).get("id"):
        return None
    return message.get("thread_ts") or message.get("ts")


def _deliver(client: WebClient, body: dict, action: dict, reply: Reply, surface: Surface) -> None:
    if reply.modal is not None:
        client.views_open(trigger_id=body["trigger_id"], view=reply.modal)
    elif surface == "modal":
        if reply.question is None:  # not an answer (a button of the tracking modal's result): the result view
            view = build_done_view(reply.blocks)
        else:
            view = build_ask_modal(question=reply.question, answer_blocks=reply.blocks)
        client.views_update(view_id=body["view"]["id"], view=view)
    elif surface == "ephemeral":
        url = body["response_url"]
        if reply.files:  # the Bureau report's Word/CSV buttons: the file into the conversation
            channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id")
            user = (body.get("user") or {}).get("id")
            upload_for_command(client, channel=channel, response_url=url, reply=reply, user=user)
        elif reply.public:
            respond(url, reply, public=True)
            delete_original(url)
        else:
            respond(url, reply, replace_original=reply.replaces_original)
    else:
        _deliver_in_thread(client, body, action, reply)


def _deliver_in_thread(client: WebClient, body: dict, action: dict, reply: Reply) -> None:
    message = body.get("message") or {}
    channel = body["channel"]["id"]
    post_in_thread(client, channel=channel, thread_ts=message.get("thread_ts") or message["ts"], reply=reply)
    if reply.replaces_original and message.get("blocks"):
        label = (action.get("text") or {}).get("text", "")
        blocks = build_choice_made_blocks(message["blocks"], user=body["user"]["id"], label=label, lang=reply.lang)
        client.chat_update(channel=channel, ts=message["ts"], text=message.get("text") or reply.text, blocks=blocks)
