"""Sending a Reply to Slack: in a thread, through a response_url, or into a view; and saying when it failed."""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.conversation.blocks import LABELS, build_error_blocks
from bot.conversation.reply import Reply
from bot.engine.answer import Lang
from bot.slack.client import build_webhook_client

logger = logging.getLogger(__name__)


FILE_REFUSED = "Je n'ai pas pu envoyer le fichier dans cette conversation (Slack : {error})."
FILE_HINT = "Invitez-moi dans le canal (`/invite @srom`) ou écrivez-moi en message direct."


class DeliveryError(Exception):
    """Slack refused or never took a response_url message, retries included."""


def post_in_thread(client: WebClient, *, channel: str, thread_ts: str, reply: Reply) -> None:
    """The reply in the thread; a reply with files (a map) is the files, its text as their caption."""
    if reply.files:
        try:
            upload_files(client, channel=channel, thread_ts=thread_ts, reply=reply)
            return
        except SlackApiError as exc:
            logger.exception("file upload to %s failed", channel)
            text = f"⚠️ {FILE_REFUSED.format(error=exc.response.get('error', '?'))}\n{reply.text}"
            client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=text)
            return
    client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=reply.text, blocks=reply.blocks)


def send_notices(client: WebClient, reply: Reply) -> None:
    """The reply's messages to other people (référents' direct messages, an asker's thread): best effort, each
    on its own, after what was recorded is committed."""
    for notice in reply.notices:
        try:
            client.chat_postMessage(
                channel=notice.channel, thread_ts=notice.thread_ts, text=notice.text, blocks=notice.blocks or None
            )
        except Exception:
            logger.exception("could not notify %s", notice.channel)


def upload_files(client: WebClient, *, channel: str, reply: Reply, thread_ts: str | None = None) -> None:
    """A reply's files into the conversation (files upload v2), the reply's text as the first one's comment."""
    for i, attachment in enumerate(reply.files):
        client.files_upload_v2(
            channel=channel,
            thread_ts=thread_ts,
            content=attachment.content,
            filename=attachment.filename,
            title=attachment.title,
            alt_txt=attachment.title,
            initial_comment=reply.text if i == 0 else None,
        )


def upload_for_command(client: WebClient, *, channel: str | None, response_url: str, reply: Reply) -> None:
    """A slash command's files into its channel; when Slack refuses (the bot is not in the channel), the asker
    is told why, privately."""
    try:
        if not channel:
            raise SlackApiError("no channel", {"ok": False, "error": "channel_not_found"})
        upload_files(client, channel=channel, reply=reply)
    except SlackApiError as exc:
        logger.warning("file upload to %s refused: %s", channel, exc.response.get("error"))
        message = FILE_REFUSED.format(error=exc.response.get("error", "?")) + " " + FILE_HINT
        respond(response_url, Reply(text=f"⚠️ {message}", blocks=build_error_blocks(message=message)))


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
