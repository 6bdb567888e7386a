"""Sending a Reply to Slack: in a thread, through a response_url, or into a view; and saying when it failed."""

from __future__ import annotations

import logging

from slack_sdk import WebClient

from ..blocks import LABELS
from ..engine.answer import Lang
from ..replies import Reply
from ..slack_client import build_webhook_client

logger = logging.getLogger(__name__)


class DeliveryError(Exception):
    """Slack refused or never took a response_url message, retries included."""


def post_in_thread(client: WebClient, *, channel: str, thread_ts: str, reply: Reply) -> None:
    client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=reply.text, blocks=reply.blocks)


def respond(response_url: str, reply: Reply, *, public: bool = False, replace_original: bool = False) -> None:
    """Post through a response_url: ephemeral to the asker, or `public` for everyone in the channel."""
    response = build_webhook_client(response_url).send(
        text=reply.text,
        blocks=reply.blocks,
        response_type="in_channel" if public else "ephemeral",
        replace_original=replace_original,
    )
    if response.status_code != 200:
        raise DeliveryError(f"response_url answered {response.status_code}: {str(response.body)[:200]}")


def delete_original(response_url: str) -> None:
    response = build_webhook_client(response_url).send_dict({"delete_original": True})
    if response.status_code != 200:
        logger.warning("could not delete the ephemeral original (%s)", response.status_code)


def tell_failure(
    client: WebClient | None,
    *,
    lang: Lang = "fr",
    response_url: str | None = None,
    channel: str | None = None,
    user: str | None = None,
    thread_ts: str | None = None,
) -> None:
    """Best effort: tell the asker, privately, that the answer could not be given. Never raises."""
    text = "⚠️ " + LABELS[lang]["error"]
    try:
        if response_url:
            respond(response_url, Reply(text=text, blocks=[]))
        elif client is not None and channel and user:
            client.chat_postEphemeral(channel=channel, user=user, text=text, thread_ts=thread_ts)
        else:
            return
    except Exception:
        logger.exception("could not tell user %s about the failure either", user)
