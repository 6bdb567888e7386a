"""The nudge buttons (Rien de nouveau, snooze, opt out, resume), in the reminder DM or in the App Home.

In the DM, the message is updated in place: the clicked commitment's buttons give way to "confirmé", the
settings buttons to the new setting. In the App Home, the tab is published again. The write is committed
before either shows."""

from __future__ import annotations

import json
import logging

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.conversation.actions import action_base, run_action
from bot.conversation.reply import Invocation, Reply
from bot.handlers.delivery import tell_failure
from bot.handlers.home import publish_home
from bot.nudges.blocks import ACTION_CONFIRM, replace_item, replace_settings
from bot.slack.middleware import DATABASES


def handle_nudge_action(
    ack: Ack, body: dict, action: dict, client: WebClient, context: BoltContext, logger: logging.Logger
) -> None:
    ack()
    user = (body.get("user") or {}).get("id", "")
    channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id")
    invocation = Invocation(
        user_id=user,
        surface="thread",
        channel_id=channel,
        databases=context.get(DATABASES),
        user_name=(body.get("user") or {}).get("name"),
        request_id=body.get("trigger_id"),
    )
    action_id = action.get("action_id") or ""
    try:
        reply = run_action(action_id, action.get("value") or "", invocation)
        if (body.get("container") or {}).get("type") == "view":
            publish_home(client, invocation.databases, user)
            if not reply.replaces_original:  # an error: say it where the user is
                client.chat_postMessage(channel=user, text=reply.text, blocks=reply.blocks)
            return
        _update_message(client, body, action, reply)
    except Exception:
        logger.exception("nudge action %s failed", action_id)
        tell_failure(client, response_url=body.get("response_url"), channel=channel, user=user)


def _update_message(client: WebClient, body: dict, action: dict, reply: Reply) -> None:
    message = body.get("message") or {}
    channel = body["channel"]["id"]
    if not reply.replaces_original or not message.get("blocks"):
        client.chat_postMessage(channel=channel, thread_ts=message.get("ts"), text=reply.text, blocks=reply.blocks)
        return
    if action_base(action.get("action_id") or "") == ACTION_CONFIRM:
        commitment_id = json.loads(action.get("value") or "{}").get("c", "")
        blocks = replace_item(message["blocks"], commitment_id, reply.blocks)
    else:
        blocks = replace_settings(message["blocks"], reply.blocks)
    client.chat_update(channel=channel, ts=message["ts"], text=message.get("text") or reply.text, blocks=blocks)
