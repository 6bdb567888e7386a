"""Every Slack listener, registered in one place. The handler functions stay plain (no decorators)."""

from __future__ import annotations

import re

from slack_bolt import App

from bot.conversation.actions import ACTIONS
from bot.conversation.commands import COMMANDS
from bot.conversation.views import VIEW_ASK
from bot.handlers import actions, commands, home, messages, nudges, tracking, verification, views
from bot.nudges.blocks import NUDGE_ACTIONS
from bot.tracking.views import VIEW_PROGRESS
from bot.verification.views import VIEW_VERIFY
from bot.verification.walk import VIEW_WALK


def register(app: App) -> None:
    # Before any listener: commands answered in their ack wake the request at once (no 10 ms ack polling).
    app.use(commands.answer_in_ack_promptly)
    app.event("app_mention")(messages.handle_app_mention)
    app.event("message")(messages.handle_direct_message)
    app.event("app_home_opened")(home.handle_app_home_opened)
    for name in COMMANDS:
        app.command(name)(commands.handle_command)
    own = "|".join(re.escape(base) for base in NUDGE_ACTIONS)
    app.action(re.compile(rf"^(?:{own})(?::\d+)?$"))(nudges.handle_nudge_action)
    bases = "|".join(re.escape(base) for base in ACTIONS if base not in NUDGE_ACTIONS)
    app.action(re.compile(rf"^(?:{bases})(?::\d+)?$"))(actions.handle_action)
    app.view(VIEW_ASK)(views.handle_ask_submission)
    app.view(VIEW_PROGRESS)(tracking.handle_progress_submission)
    app.view(VIEW_VERIFY)(verification.handle_verify_submission)
    app.view(VIEW_WALK)(verification.handle_walk_submission)
