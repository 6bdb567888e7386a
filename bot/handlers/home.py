"""The App Home tab: published each time a user opens it."""

from __future__ import annotations

import logging

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.conversation.commands import command_help
from bot.conversation.views import build_home_view
from bot.nudges.home import home_settings_for
from bot.slack.middleware import DATABASES, finish_event
from bot.tracking.home import home_blocks_for
from bot.verification.home import verification_home_blocks
from srom_data.loader import load_default
from storage.db import DatabaseProvider


def home_extra(databases: DatabaseProvider | None, user_id: str) -> list[dict]:
    """The user's own part of the App Home: their commitments (référents, admins), the mode cells to verify, their
    reminder settings."""
    if databases is None:
        return []
    db = databases.get()
    return home_blocks_for(db, user_id) + verification_home_blocks(db, user_id) + home_settings_for(db, user_id)


def publish_home(client: WebClient, databases: DatabaseProvider | None, user_id: str) -> None:
    view = build_home_view(load_default(), command_help(), home_extra(databases, user_id))
    client.views_publish(user_id=user_id, view=view)


def handle_app_home_opened(event: dict, context: BoltContext, client: WebClient, logger: logging.Logger) -> None:
    try:
        if event.get("tab", "home") == "home" and event.get("user"):
            publish_home(client, context.get(DATABASES), event["user"])
    except Exception:
        logger.exception("app_home_opened failed")
    finally:
        finish_event(context)
