"""The yardstick of bench_ack.py: a bare Bolt app whose `/srom` acks with a fixed answer, served exactly as
`srom serve --http` serves srom-bot (same settings, same gunicorn options, same WSGI router and health check).

    python -m bench.yardstick.bare_bolt serve --http     (the arguments are accepted for start_serve's sake and ignored)
"""

from __future__ import annotations

import sys
from typing import Any

from slack_bolt import Ack, App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.settings import Settings, load_settings
from bot.slack.client import build_web_client
from bot.slack.serve import gunicorn_options
from bot.slack.wsgi import SLACK_PATH, Router

ANSWER = "*Réalisation des paies* (Ressources humaines), 2017 : *Intégration (I)*."
BLOCKS = [
    {"type": "section", "text": {"type": "mrkdwn", "text": ANSWER}},
    {"type": "context", "elements": [{"type": "mrkdwn", "text": "📖 Source — statut 2017 : « … »"}]},
]


def handle_srom(ack: Ack) -> None:
    ack(text=ANSWER, blocks=BLOCKS, response_type="ephemeral")


def create_app(settings: Settings) -> Router:
    app = App(
        signing_secret=settings.signing_secret or "",
        # Bolt asks auth.test once per process: the same Web API (the fake) as srom-bot's.
        client=build_web_client(settings.bot_token, settings.slack_api_url),
        token_verification_enabled=False,
        process_before_response=False,
    )
    app.command("/srom")(handle_srom)
    return Router(SlackRequestHandler(app, path=SLACK_PATH))


def main() -> int:
    from gunicorn.app.base import BaseApplication

    settings = load_settings()

    class BareGunicorn(BaseApplication):
        def load_config(self) -> None:
            for key, value in gunicorn_options(settings).items():
                if key in self.cfg.settings:
                    self.cfg.set(key, value)

        def load(self) -> Any:
            return create_app(settings)

    BareGunicorn(usage="bare_bolt", prog="bare_bolt").run()
    return 0


if __name__ == "__main__":
    sys.argv = sys.argv[:1]  # gunicorn parses sys.argv: start_serve's `serve --http` are not its options
    sys.exit(main())
