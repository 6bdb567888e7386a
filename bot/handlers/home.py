"""The App Home tab: published each time a user opens it."""

from __future__ import annotations

import logging

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.conversation.commands import command_help
from bot.conversation.views import build_home_view
from bot.slack.middleware import DATABASES, finish_event
from bot.tracking.home import home_blocks_for
from bot.verification.home import verification_home_blocks
from srom_data.loader import load_default


def handle_app_home_opened(event: dict, context: BoltContext, client: WebClient, logger: logging.Logger) -> None:
    try:
        if event.get("tab", "home") == "home" and event.get("user"):
            extra = []
            if context.get(DATABASES):
                db = context[DATABASES].get()
                extra = home_blocks_for(db, event["user"]) + verification_home_blocks(db, event["user"])
            view = build_home_view(load_default(), command_help(), extra)
            client.views_publish(user_id=event["user"], view=view)
    except Exception:
        logger.exception("app_home_opened failed")
    finally:
        finish_event(context)
