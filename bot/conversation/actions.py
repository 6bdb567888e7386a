"""Button presses, as plain functions `(value, invocation) -> Reply`, in one registry.

An action id is `<base>` or `<base>:<n>` (Slack wants ids unique within a block); the base picks the function.
The Slack handler and the console's numbered choices both go through `run_action`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bot.conversation.answers import answer_reply
from bot.conversation.blocks import ACTION_MORE, ACTION_PICK, ACTION_SHARE, decode_value
from bot.conversation.reply import Invocation, Reply, error_reply
from bot.conversation.views import ACTION_HOME_ASK, build_ask_modal
from bot.nudges.actions import confirm_unchanged, opt_out_reminders, resume_reminders, snooze_reminders
from bot.nudges.blocks import ACTION_CONFIRM, ACTION_OPT_OUT, ACTION_RESUME, ACTION_SNOOZE
from bot.tracking.actions import confirm_new_entry, open_update_modal
from bot.tracking.blocks import ACTION_RECORD_AGAIN
from bot.tracking.report import ACTION_REPORT_FILE, report_file, with_chart
from bot.tracking.views import ACTION_OPEN_UPDATE
from bot.verification.actions import ask_referent, flag, open_verify_modal, with_verification
from bot.verification.blocks import ACTION_VERIFY_ASK, ACTION_VERIFY_FLAG, ACTION_VERIFY_OPEN
from bot.verification.walk import ACTION_VERIFY_WALK, open_walk

ActionFunction = Callable[[str, Invocation], Reply]


def pick_candidate(value: str, invocation: Invocation) -> Reply:
    """A clarification button: answer the question it carries, in place of the clarification."""
    question, _ = decode_value(value)
    # The pick becomes the conversation's context: "et en 2021 ?" next in the thread is about the chosen one.
    reply = with_verification(answer_reply(question, surface=invocation.surface, memory=invocation.memory), invocation)
    reply = with_chart(reply, invocation)
    return replace(reply, replaces_original=True)


def show_more(value: str, invocation: Invocation) -> Reply:
    question, page = decode_value(value)
    return answer_reply(question, surface=invocation.surface, page=page)


def share(value: str, invocation: Invocation) -> Reply:
    """The share button of an ephemeral answer: the same answer, for everyone, saying who shared it."""
    question, page = decode_value(value)
    reply = answer_reply(question, surface="thread", page=page, shared_by=invocation.user_id)
    return replace(reply, public=True)


def open_ask_modal(value: str, invocation: Invocation) -> Reply:
    return Reply(text="Poser une question", modal=build_ask_modal())


ACTIONS: dict[str, ActionFunction] = {
    ACTION_PICK: pick_candidate,
    ACTION_MORE: show_more,
    ACTION_SHARE: share,
    ACTION_HOME_ASK: open_ask_modal,
    ACTION_OPEN_UPDATE: open_update_modal,
    ACTION_REPORT_FILE: report_file,
    ACTION_CONFIRM: confirm_unchanged,
    ACTION_SNOOZE: snooze_reminders,
    ACTION_OPT_OUT: opt_out_reminders,
    ACTION_RESUME: resume_reminders,
    ACTION_RECORD_AGAIN: confirm_new_entry,
    ACTION_VERIFY_OPEN: open_verify_modal,
    ACTION_VERIFY_ASK: ask_referent,
    ACTION_VERIFY_FLAG: flag,
    ACTION_VERIFY_WALK: open_walk,
}


def action_base(action_id: str) -> str:
    return action_id.split(":", 1)[0]


def run_action(action_id: str, value: str, invocation: Invocation) -> Reply:
    function = ACTIONS.get(action_base(action_id))
    if function is None:
        return error_reply(message="Ce bouton n'est plus disponible. Posez la question à nouveau.")
    return function(value, invocation)
