"""Slash commands. A quick command that may write (`/srom-engagement`, `/srom-admin`) is run first and its Reply
is the acknowledgement itself: the row is committed before the ack carries "Enregistré", and nothing is left to
deliver afterwards. Others ack at once and follow through the response_url (or a modal, or files)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from slack_bolt import Ack, BoltContext, BoltResponse
from slack_sdk import WebClient

from bot.conversation.blocks import build_error_blocks
from bot.conversation.commands import answers_in_ack, run_command
from bot.conversation.reply import Invocation, Reply
from bot.handlers.delivery import deliver_privately, send_notices, tell_failure, upload_for_command
from bot.slack.middleware import DATABASES
from storage.tx import write_budget

# How long a write answered in the ack may wait for the database lock: well inside Slack's 3 seconds.
ACK_WRITE_BUDGET = 2.0
IN_ACK_FAILED = (
    "Désolé, une erreur de mon côté m'a empêché de vous répondre. Si c'était une mise à jour, retapez-la : "
    "je vous dirai si elle était déjà enregistrée."
)


# Slack gives up on an ack after 3 seconds; in-ack writes give up on the lock well before (ACK_WRITE_BUDGET).
# Work a command does after its ack (a modal, files), when the ack is answered in the request's own thread.
# Threads are started on demand, after gunicorn's fork: each worker process has its own.
_AFTER_ACK = ThreadPoolExecutor(max_workers=4, thread_name_prefix="srom-after-ack")

Later = Callable[[Callable[[], None]], object]


def answer_in_ack_promptly(
    body: dict, client: WebClient, context: BoltContext, logger: logging.Logger, next_: Callable[[], None]
) -> BoltResponse | None:
    """Global middleware for the commands answered in their ack (`/srom`, quick writes): run in the request's own
    thread, their ack is the HTTP response as soon as it is ready.

    With process_before_response=False, Bolt hands a listener to its thread pool and checks for the ack every
    10 ms: a reply ready in a millisecond would wait for the next check. What such a command does after its ack
    (a modal, files) goes to a thread of its own. Every other request goes on to the listeners (`handle_command`
    stays the listener of every command)."""
    name = body.get("command")
    if not isinstance(name, str) or not answers_in_ack(name):
        next_()
        return None
    ack = Ack()

    def later(work: Callable[[], None]) -> object:
        return _AFTER_ACK.submit(_logged, work, logger)

    try:
        _answer_in_ack(ack, body, client, _invocation(body, context), logger, later)
    except Exception:
        logger.exception("slash command %s failed", name)
        if ack.response is None:
            blocks = build_error_blocks(message=IN_ACK_FAILED)
            ack(text=f"⚠️ {IN_ACK_FAILED}", blocks=blocks, response_type="ephemeral")
    return ack.response or BoltResponse(status=200, body="")


def handle_command(ack: Ack, body: dict, client: WebClient, context: BoltContext, logger: logging.Logger) -> None:
    name = body.get("command") or ""
    invocation = _invocation(body, context)
    if answers_in_ack(name):
        _answer_in_ack(ack, body, client, invocation, logger)
        return
    ack()
    try:
        reply = run_command(name, body.get("text") or "", invocation)
    except Exception:
        logger.exception("slash command %s failed", name)
        tell_failure(
            client, response_url=body.get("response_url"), channel=body.get("channel_id"), user=invocation.user_id
        )
        return
    _deliver(client, body, reply, logger)


def _invocation(body: dict, context: BoltContext) -> Invocation:
    return Invocation(
        user_id=body.get("user_id") or "",
        surface="ephemeral",
        channel_id=body.get("channel_id"),
        databases=context.get(DATABASES),
        user_name=body.get("user_name"),
        source="slash",
        request_id=body.get("trigger_id"),
    )


def _now(work: Callable[[], None]) -> object:
    work()
    return None


def _logged(work: Callable[[], None], logger: logging.Logger) -> None:
    try:
        work()
    except Exception:
        logger.exception("work after a slash command's ack failed")


def _answer_in_ack(
    ack: Ack, body: dict, client: WebClient, invocation: Invocation, logger: logging.Logger, later: Later = _now
) -> None:
    name = body.get("command") or ""
    try:
        with write_budget(ACK_WRITE_BUDGET):
            reply = run_command(name, body.get("text") or "", invocation)
    except Exception:
        # Whether a write was committed is unknown here: never say it failed; a retyped update is recognised.
        logger.exception("slash command %s failed", name)
        ack(text=f"⚠️ {IN_ACK_FAILED}", blocks=build_error_blocks(message=IN_ACK_FAILED), response_type="ephemeral")
        return
    if reply.modal is not None:
        ack()
        later(lambda: _deliver(client, body, reply, logger))
        return
    ack(text=reply.text, blocks=reply.blocks, response_type="in_channel" if reply.public else "ephemeral")
    if reply.files:
        later(lambda: _deliver(client, body, Reply(text=reply.text, files=reply.files), logger))
    if reply.notices:
        later(lambda: send_notices(client, reply))


def _deliver(client: WebClient, body: dict, reply: Reply, logger: logging.Logger) -> None:
    """After the ack: the modal, the files, or the reply through the response_url (else privately); then the
    reply's notices to other people."""
    _deliver_reply(client, body, reply, logger)
    send_notices(client, reply)


def _deliver_reply(client: WebClient, body: dict, reply: Reply, logger: logging.Logger) -> None:
    url, channel, user = body.get("response_url"), body.get("channel_id"), body.get("user_id")
    if reply.modal is not None:
        try:
            client.views_open(trigger_id=body["trigger_id"], view=reply.modal)
        except Exception:
            logger.exception("slash command %s: the modal did not open", body.get("command"))
            tell_failure(client, response_url=url, channel=channel, user=user)
        return
    if reply.files:
        if reply.blocks:  # a summary with files (the Bureau report and its chart): the summary first
            deliver_privately(client, response_url=url, channel=channel, user=user, reply=reply, public=reply.public)
        upload_for_command(client, channel=channel, response_url=url or "", reply=reply, user=user)
        return
    deliver_privately(client, response_url=url, channel=channel, user=user, reply=reply, public=reply.public)
