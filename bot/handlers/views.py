"""The question modal's submission: ack with a waiting view, then the answer in the same modal."""

from __future__ import annotations

import logging

from slack_bolt import Ack
from slack_sdk import WebClient

from bot.conversation.answers import answer_reply
from bot.conversation.blocks import build_error_blocks
from bot.conversation.views import BLOCK_QUESTION, build_ask_modal, submitted_question

EMPTY_QUESTION = "Écrivez une question, par exemple : mode pour la paie en 2017 ?"


def handle_ask_submission(ack: Ack, view: dict, client: WebClient, logger: logging.Logger) -> None:
    question = submitted_question(view)
    if not question:
        ack(response_action="errors", errors={BLOCK_QUESTION: EMPTY_QUESTION})
        return
    ack(response_action="update", view=build_ask_modal(question=question, pending=True))
    try:
        reply = answer_reply(question, surface="modal")
        blocks = reply.blocks
    except Exception:
        logger.exception("modal question failed")
        blocks = build_error_blocks()
    try:
        client.views_update(view_id=view["id"], view=build_ask_modal(question=question, answer_blocks=blocks))
    except Exception:
        logger.exception("could not update the question modal")
