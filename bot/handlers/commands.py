"""Slash commands. A quick command that may write (`/srom-engagement`, `/srom-admin`) is run first and its Reply
is the acknowledgement itself: the row is committed before the ack carries "Enregistré", and nothing is left to
deliver afterwards. Others ack at once and follow through the response_url (or a modal, or files)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from slack_bolt import Ack, BoltContext, BoltResponse
from slack_sdk import WebClient

from bot.conversation.blocks import build_error_blocks
from bot.conversation.commands import answers_in_ack, run_command
from bot.conversation.reply import Invocation, Reply
from bot.handlers.delivery import deliver_privately, tell_failure, upload_for_command
from bot.slack.middleware import DATABASES
from storage.tx import write_budget

# How long a write answered in the ack may wait for the database lock: well inside Slack's 3 seconds.
ACK_WRITE_BUDGET = 2.0
IN_ACK_FAILED = (
    "Désolé, une erreur de mon côté m'a empêché de vous répondre. Si c'était une mise à jour, retapez-la : "
    "je vous dirai si elle était déjà enregistrée."
)


# Slack gives up on an ack after 3 seconds; in-ack writes give up on the lock well before (ACK_WRITE_BUDGET).
ACK_WAIT = 2.9
# Threads are started on demand, after gunicorn's fork: each worker process has its own.
_IN_ACK_RUNNER = ThreadPoolExecutor(max_workers=16, thread_name_prefix="srom-in-ack")


class PromptAck(Ack):
    """An Ack that wakes the waiting request thread the moment it is called."""

    def __init__(self) -> None:
        super().__init__()
        self.called = threading.Event()

    def __call__(self, *args, **kwargs) -> BoltResponse:  # type: ignore[no-untyped-def, override]
        try:
            return super().__call__(*args, **kwargs)
        finally:
            self.called.set()


def answer_in_ack_promptly(
    body: dict, client: WebClient, context: BoltContext, logger: logging.Logger, next_: Callable[[], None]
) -> BoltResponse | None:
    """Global middleware for the commands answered in their ack (`/srom`, quick writes).

    With process_before_response=False, Bolt hands the listener to its thread pool and checks for the ack every
    10 ms: a reply ready in a millisecond waits for the next check. Here the request's thread is woken by the
    ack itself; what the command does after its ack (a modal, files) goes on in the runner's thread. Every other
    request goes on to the listeners (`handle_command` stays the listener of every command)."""
    name = body.get("command")
    if not isinstance(name, str) or not answers_in_ack(name):
        next_()
        return None
    ack = PromptAck()

    def run() -> None:
        try:
            handle_command(ack, body, client, context, logger)
        except Exception:
            logger.exception("slash command %s failed", name)
            if ack.response is None:
                ack(
                    text=f"⚠️ {IN_ACK_FAILED}",
                    blocks=build_error_blocks(message=IN_ACK_FAILED),
                    response_type="ephemeral",
                )
        finally:
            ack.called.set()

    _IN_ACK_RUNNER.submit(run)
    if not ack.called.wait(ACK_WAIT):
        logger.warning("slash command %s: no ack within %.1f s", name, ACK_WAIT)
    return ack.response or BoltResponse(status=200, body="")


def handle_command(ack: Ack, body: dict, client: WebClient, context: BoltContext, logger: logging.Logger) -> None:
    name = body.get("command") or ""
    invocation = Invocation(
        user_id=body.get("user_id") or "",
        surface="ephemeral",
        channel_id=body.get("channel_id"),
        databases=context.get(DATABASES),
        user_name=body.get("user_name"),
        source="slash",
        request_id=body.get("trigger_id"),
    )
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


def _answer_in_ack(ack: Ack, body: dict, client: WebClient, invocation: Invocation, logger: logging.Logger) -> None:
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
        _deliver(client, body, reply, logger)
        return
    ack(text=reply.text, blocks=reply.blocks, response_type="in_channel" if reply.public else "ephemeral")
    if reply.files:
        _deliver(client, body, Reply(text=reply.text, files=reply.files), logger)


def _deliver(client: WebClient, body: dict, reply: Reply, logger: logging.Logger) -> None:
    """After the ack: the modal, the files, or the reply through the response_url (else privately)."""
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
