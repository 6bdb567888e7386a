"""A smaller fuzz (Hypothesis) through the real endpoint of `srom serve`: signed slash commands with hostile text.
Each is acknowledged (never a 5xx), the server logs no traceback, and every answer it sends echoes user text
escaped."""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.conversation.commands import COMMANDS
from tests.bot.tracking.test_fuzz import DANGER, TEXT, shown_texts
from tests.fakes.slack_api import FakeSlackAPI

from .serving import Server
from .slack_requests import SlackSender

CLEAN_MENTION = re.compile(r"<@[UW][A-Z0-9]+>")
# /srom-carto draws a map (seconds each on a loaded machine): its text is fuzzed in tests/bot/tracking/test_fuzz.py.
FUZZED = sorted(set(COMMANDS) - {"/srom-carto"})


def test_signed_fuzzed_commands_through_http(server: Server, slack: SlackSender, fake: FakeSlackAPI) -> None:
    log_before = len(server.log())
    sent: list[str] = []

    @settings(
        max_examples=300,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(command=st.sampled_from(FUZZED), text=st.one_of(TEXT, st.sampled_from(DANGER)), user=st.sampled_from(["U1"]))
    def one(command: str, text: str, user: str) -> None:
        resp, url = slack.command(text, command=command, user=user)
        assert resp.status == 200, (command, text, resp.status)
        sent.append(url)

    one()
    fake.settle(0.5, timeout=30)
    answers = [c for c in fake.calls if c.method == "response_url"]
    assert answers, "no answer at all"
    for call in answers:
        shown = "\n".join([str(call.params.get("text", "")), *shown_texts(call.params.get("blocks") or [])])
        leftover = CLEAN_MENTION.sub("", shown)
        assert "<" not in leftover and ">" not in leftover, json.dumps(call.params, ensure_ascii=False)[:1000]
    log = server.log()[log_before:]
    assert "Traceback" not in log and " 500 " not in log, log[-3000:]
