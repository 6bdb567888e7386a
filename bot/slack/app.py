"""Build the Bolt App: the Web API client (base URL, bounded retries), middleware, and every listener."""

from __future__ import annotations

from slack_bolt import App

from bot.handlers import register
from bot.settings import Settings
from bot.slack.client import build_web_client
from bot.slack.middleware import attach_databases, dedupe_events
from bot.tracking.setup import install_status_provider
from bot.verification.setup import install_corrections
from storage.db import DatabaseProvider


def build_app(settings: Settings, databases: DatabaseProvider, *, socket_mode: bool = False) -> App:
    """The App for one process. Bolt copies this client's base URL and retry handlers into the per-request
    client it hands to listeners, so every Web API call goes to SLACK_API_URL."""
    app = App(
        name="srom",
        signing_secret=settings.signing_secret or "",
        client=build_web_client(settings.bot_token, settings.slack_api_url),
        # `srom serve` checks the token once before starting; each worker would otherwise call auth.test again.
        token_verification_enabled=False,
        request_verification_enabled=not socket_mode,
        process_before_response=False,
    )
    install_status_provider(databases)
    install_corrections(databases)
    app.use(attach_databases(databases))
    app.use(dedupe_events)
    register(app)
    return app
