"""Slash commands: ack at once, then the command's Reply through the response_url (or a modal)."""

from __future__ import annotations

import logging

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.conversation.commands import run_command
from bot.conversation.reply import Invocation
from bot.handlers.delivery import respond, send_notices, tell_failure, upload_for_command
from bot.slack.middleware import DATABASES


def handle_command(ack: Ack, body: dict, client: WebClient, context: BoltContext, logger: logging.Logger) -> None:
    ack()
    invocation = Invocation(
        user_id=body.get("user_id") or "",
        surface="ephemeral",
        channel_id=body.get("channel_id"),
        databases=context.get(DATABASES),
        user_name=body.get("user_name"),
        source="slash",
        request_id=body.get("trigger_id"),
    )
    try:
        reply = run_command(body.get("command") or "", body.get("text") or "", invocation)
        if reply.modal is not None:
            client.views_open(trigger_id=body["trigger_id"], view=reply.modal)
        elif reply.files:
            if reply.blocks:  # a summary with files (the Bureau report and its chart): the summary first
                respond(body["response_url"], reply, public=reply.public)
            upload_for_command(client, channel=body.get("channel_id"), response_url=body["response_url"], reply=reply)
        else:
            respond(body["response_url"], reply, public=reply.public)
        send_notices(client, reply)
    except Exception:
        logger.exception("slash command %s failed", body.get("command"))
        tell_failure(
            client,
            response_url=body.get("response_url"),
            channel=body.get("channel_id"),
            user=body.get("user_id"),
        )
