"""Sending a Reply to Slack: in a thread, through a response_url, or into a view; and saying when it failed.

A reply the response_url does not take goes by chat.postEphemeral, then by a direct message: what was done (a
write, above all) is told, never reported as a failure. A refused file is told with its cause, in French; Slack's
own error code stays in the log."""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.conversation.blocks import LABELS, build_error_blocks
from bot.conversation.reply import Reply
from bot.engine.answer import Lang
from bot.slack.client import build_webhook_client

logger = logging.getLogger(__name__)


FILE_REFUSED = "Je n'ai pas pu envoyer le fichier dans cette conversation : {reason}"
_NOT_MEMBER = "je ne suis pas membre de ce canal. Invitez-moi (`/invite @srom`) ou écrivez-moi en message direct."
_TOKEN = "Slack refuse mon jeton d'accès. Prévenez l'administrateur du bot (SLACK_BOT_TOKEN à renouveler)."
# Slack's error codes of files upload v2, as the user can act on them.
FILE_REASONS = {
    "not_in_channel": _NOT_MEMBER,
    "channel_not_found": _NOT_MEMBER,
    "is_archived": "ce canal est archivé. Relancez la commande dans un canal actif ou en message direct.",
    "invalid_auth": _TOKEN,
    "not_authed": _TOKEN,
    "token_revoked": _TOKEN,
    "token_expired": _TOKEN,
    "account_inactive": _TOKEN,
    "missing_scope": "il me manque la permission files:write. Prévenez l'administrateur du bot.",
    "not_allowed_token_type": "mon jeton ne permet pas d'envoyer des fichiers. Prévenez l'administrateur du bot.",
    "ratelimited": "Slack limite le nombre d'envois en ce moment. Réessayez dans une minute.",
    "file_uploads_disabled": "l'envoi de fichiers est désactivé dans cet espace Slack. Voyez son administrateur.",
    "file_uploads_except_images_disabled": "seules les images sont autorisées dans cet espace Slack.",
    "restricted_action": "les règles de ce canal m'empêchent d'y publier. Écrivez-moi en message direct.",
    "too_large": "le fichier est trop volumineux pour Slack.",
}
FILE_UNKNOWN = "Slack a refusé le fichier : réessayez dans un instant ; si cela se répète, prévenez l'administrateur."
FILE_UNREACHABLE = "Slack n'a pas répondu à temps. Réessayez dans un instant."


def file_refused_message(error: str | None) -> str:
    """Why a file could not go to the conversation, in French, from Slack's error code (None: no answer)."""
    if error is None:
        return FILE_REFUSED.format(reason=FILE_UNREACHABLE)
    return FILE_REFUSED.format(reason=FILE_REASONS.get(error, FILE_UNKNOWN))


class DeliveryError(Exception):
    """Slack refused or never took a response_url message, retries included."""


def post_in_thread(client: WebClient, *, channel: str, thread_ts: str, reply: Reply) -> None:
    """The reply in the thread; a reply with files (a map) is the files, its text as their caption."""
    if reply.files:
        try:
            upload_files(client, channel=channel, thread_ts=thread_ts, reply=reply)
            return
        except Exception as exc:
            error = _error_code(exc)
            logger.warning("file upload to %s failed: %s", channel, error or repr(exc))
            text = f"⚠️ {file_refused_message(error)}\n{reply.text}"
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


def _error_code(exc: Exception) -> str | None:
    """Slack's error code of a refused call; None when Slack did not answer (network, timeout)."""
    if isinstance(exc, SlackApiError):
        return str(exc.response.get("error") or "unknown")
    return None


def upload_for_command(
    client: WebClient, *, channel: str | None, response_url: str, reply: Reply, user: str | None = None
) -> None:
    """A slash command's files into its channel; when Slack refuses (the bot is not in the channel), the asker
    is told why, privately."""
    try:
        if not channel:
            raise SlackApiError("no channel", {"ok": False, "error": "channel_not_found"})
        upload_files(client, channel=channel, reply=reply)
    except Exception as exc:
        error = _error_code(exc)
        logger.warning("file upload to %s refused: %s", channel, error or repr(exc))
        message = file_refused_message(error)
        notice = Reply(text=f"⚠️ {message}", blocks=build_error_blocks(message=message))
        deliver_privately(client, response_url=response_url, channel=channel, user=user, reply=notice)


def deliver_privately(
    client: WebClient | None,
    *,
    response_url: str | None,
    channel: str | None,
    user: str | None,
    reply: Reply,
    public: bool = False,
    replace_original: bool = False,
) -> bool:
    """The reply through the response_url; if Slack does not take it there, by chat.postEphemeral, then by a
    direct message. Never raises; False when no way worked (logged)."""
    if response_url:
        try:
            respond(response_url, reply, public=public, replace_original=replace_original)
            return True
        except Exception as exc:
            logger.warning("response_url refused the reply to %s (%s); trying chat.postEphemeral", user, exc)
    if client is None or not user:
        logger.error("reply to %s lost: no response_url, no user to write to", user)
        return False
    attempts = [{"channel": channel, "user": user}] if channel else []
    for where in attempts:
        try:
            client.chat_postEphemeral(**where, text=reply.text, blocks=reply.blocks)
            return True
        except Exception as exc:
            logger.warning("chat.postEphemeral to %s in %s failed (%s); trying a direct message", user, channel, exc)
    try:
        client.chat_postMessage(channel=user, text=reply.text, blocks=reply.blocks)
        return True
    except Exception:
        logger.exception("reply to %s lost: response_url, ephemeral and direct message all failed", user)
        return False


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
