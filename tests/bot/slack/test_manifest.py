"""manifest.json, the code and the docs agree: commands, events, scopes, interactivity, App Home."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlencode

import pytest
from slack_bolt import App, BoltRequest

from bot.conversation.commands import COMMANDS
from bot.handlers import register
from bot.slack.client import build_web_client
from tests.fakes.slack_api import FakeSlackAPI

ROOT = Path(__file__).resolve().parents[3]
MANIFEST = json.loads((ROOT / "manifest.json").read_text(encoding="utf-8"))
# The scope each subscribed event needs, and the scopes the Web API methods we call need.
EVENT_SCOPES = {"app_mention": "app_mentions:read", "message.im": "im:history", "app_home_opened": None}
METHOD_SCOPES = {
    "chat.postMessage": "chat:write",
    "chat.postEphemeral": "chat:write",
    "chat.update": "chat:write",
    "files.getUploadURLExternal": "files:write",  # maps and reports (files upload v2)
    "files.completeUploadExternal": "files:write",
    "users.info": "users:read",  # nudges: each person's time zone
    "conversations.open": "im:write",  # nudges: the DM with a référent
    "conversations.history": "im:history",  # nudges: was a DM sent before its sender died?
}


def test_manifest_commands_are_the_registered_commands() -> None:
    declared = {c["command"]: c for c in MANIFEST["features"]["slash_commands"]}
    assert set(declared) == set(COMMANDS)
    for name, command in COMMANDS.items():
        assert declared[name]["description"] == command.description
        assert declared[name]["usage_hint"] == command.usage_hint


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_registered_command_has_a_listener(name: str, fake: FakeSlackAPI, engine) -> None:
    app = App(
        signing_secret="s",
        client=build_web_client("xoxb-test", fake.api_url),
        token_verification_enabled=False,
        request_verification_enabled=False,
        process_before_response=True,
    )
    register(app)
    body = urlencode(
        {
            "command": name,
            "text": "",
            "user_id": "U1",
            "channel_id": "C1",
            "team_id": "T0CCI",
            "response_url": fake.response_url(),
            "trigger_id": "t",
        }
    )
    response = app.dispatch(BoltRequest(body=body, headers={"content-type": ["application/x-www-form-urlencoded"]}))
    assert response.status == 200
    if COMMANDS[name].in_ack:  # a command that may write answers in the ack itself
        assert response.body
    else:
        fake.wait_for("response_url")


def test_manifest_subscribes_to_the_events_we_handle_and_has_their_scopes() -> None:
    events = set(MANIFEST["settings"]["event_subscriptions"]["bot_events"])
    assert events == set(EVENT_SCOPES)
    scopes = set(MANIFEST["oauth_config"]["scopes"]["bot"])
    assert {s for s in EVENT_SCOPES.values() if s} <= scopes
    assert set(METHOD_SCOPES.values()) <= scopes
    assert "commands" in scopes


def test_manifest_enables_interactivity_and_the_app_home() -> None:
    assert MANIFEST["settings"]["interactivity"]["is_enabled"] is True
    assert MANIFEST["features"]["app_home"]["home_tab_enabled"] is True
    assert MANIFEST["features"]["app_home"]["messages_tab_enabled"] is True


def test_readme_documents_every_command() -> None:
    doc = "README.md"
    text = (ROOT / doc).read_text(encoding="utf-8")
    assert "## Slack" in text
    for name in COMMANDS:
        assert re.search(rf"`{re.escape(name)}( |`)", text), f"{doc} does not document {name}"


def test_procfile_has_web_and_worker() -> None:
    lines = dict(line.split(":", 1) for line in (ROOT / "Procfile").read_text().splitlines() if line.strip())
    assert lines["web"].strip() == "srom serve --http"
    assert lines["worker"].strip() == "srom serve --socket"
