"""`srom serve`: check everything once, then Socket Mode (SLACK_APP_TOKEN) or HTTP under gunicorn."""

from __future__ import annotations

import logging
import sqlite3
import sys
from pathlib import Path
from typing import Any

from bot.settings import ServeMode, Settings, SettingsError, load_settings

logger = logging.getLogger(__name__)

# Socket Mode: slack_sdk's builtin client pings every `ping_interval` seconds, drops a connection that has had no
# pong for four intervals, and checks (and reconnects) once per interval. Its default of 10 s left the bot
# unreachable for about 45 s after the network lost the WebSocket without a close frame; at 1 s a dead
# connection is noticed within about 5 s and replaced at the next check (issue 13). A ping is a few bytes.
SOCKET_PING_INTERVAL = 1.0

# Token errors that no retry will fix: stop at start-up rather than fail every request.
FATAL_AUTH_ERRORS = {"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"}


class StartupError(Exception):
    """Something that stops `srom serve` before it serves; the message is one line for the operator."""


def run_serve(mode: ServeMode = "auto", port: int | None = None, *, with_clock: bool = False) -> int:
    try:
        settings = load_settings(**({"port": port} if port is not None else {}))
        chosen = settings.serve_mode(mode)
    except SettingsError as exc:
        print(f"srom serve : {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=settings.srom_log_level, format="%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"
    )
    try:
        prepare(settings)
    except StartupError as exc:
        print(f"srom serve : {exc}", file=sys.stderr)
        return 1
    clock = None
    if with_clock or settings.srom_clock:
        from bot.slack.clock import start_clock_process

        clock = start_clock_process()
    try:
        if chosen == "socket":
            return _run_socket_mode(settings)
        return _run_http(settings)
    finally:
        if clock is not None:
            from bot.slack.clock import stop_clock_process

            stop_clock_process(clock)


def prepare(settings: Settings) -> None:
    """Fail fast: the knowledge base loads, the database opens and migrates, Slack accepts the token."""
    settings.export_data_dir()
    from srom_data.loader import DataError, load_default

    try:
        load_default()
    except DataError as exc:
        raise StartupError(f"données SROM invalides — {exc}") from None
    _prepare_database(settings.srom_db_path)
    _prepare_tracking(settings)
    _check_token(settings)


def _prepare_database(path: Path) -> None:
    from storage.db import migrate, open_db
    from storage.events import prune_events

    try:
        db = open_db(path)
        try:
            applied = migrate(db)
            pruned = prune_events(db)
        finally:
            db.close()
    except (sqlite3.Error, OSError) as exc:
        raise StartupError(f"base SQLite inutilisable ({path}) : {exc}") from None
    if applied:
        logger.info("database %s: applied migrations %s", path, ", ".join(applied))
    if pruned:
        logger.info("database %s: forgot %d old event claims", path, pruned)


def _prepare_tracking(settings: Settings) -> None:
    """Commitments seeded from the knowledge base, SROM_ADMINS made admins: once, before the workers fork."""
    from bot.tracking.setup import prepare_tracking
    from bot.verification.setup import migrate_overrides
    from srom_data.loader import data_dir_from_env, load_default
    from storage.db import open_db

    try:
        db = open_db(settings.srom_db_path)
        try:
            prepare_tracking(db, load_default(), settings.admin_ids)
            migrate_overrides(db, settings.srom_data_dir or data_dir_from_env())
        finally:
            db.close()
    except (sqlite3.Error, OSError) as exc:
        raise StartupError(f"base SQLite inutilisable ({settings.srom_db_path}) : {exc}") from None


def _check_token(settings: Settings) -> None:
    from slack_sdk.errors import SlackApiError

    from bot.slack.client import build_web_client

    client = build_web_client(settings.bot_token, settings.slack_api_url)
    try:
        auth = client.auth_test()
    except SlackApiError as exc:
        error = exc.response.get("error") if exc.response is not None else None
        if error in FATAL_AUTH_ERRORS:
            raise StartupError(f"SLACK_BOT_TOKEN refusé par Slack ({error})") from None
        logger.warning("auth.test failed (%s); starting anyway", error)
    except Exception as exc:  # Slack unreachable: start anyway, Bolt checks again on the first request
        logger.warning("auth.test unreachable at %s (%s); starting anyway", settings.slack_api_url, exc)
    else:
        logger.info("connected to Slack as %s (team %s)", auth.get("user"), auth.get("team"))


def _run_socket_mode(settings: Settings) -> int:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from bot.slack.app import build_app
    from bot.slack.wsgi import warm_up
    from storage.db import DatabaseProvider

    app = build_app(settings, DatabaseProvider(settings.srom_db_path), socket_mode=True)
    warm_up()
    logger.info("serving Slack in Socket Mode")
    SocketModeHandler(app, settings.app_token, ping_interval=SOCKET_PING_INTERVAL).start()
    return 0


def gunicorn_options(settings: Settings) -> dict[str, Any]:
    return {
        "bind": f"{settings.srom_host}:{settings.port}",
        "workers": settings.web_concurrency,
        "threads": settings.srom_threads,
        "worker_class": "gthread",
        "timeout": 30,
        "graceful_timeout": 10,
        "keepalive": 5,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": settings.srom_log_level.lower(),
        "proc_name": "srom",
        "preload_app": False,
        # gunicorn >= 25 opens a control socket at one fixed path per user: two servers would fight over it.
        "control_socket_disable": True,
    }


def _run_http(settings: Settings) -> int:
    from gunicorn.app.base import BaseApplication

    class SromGunicorn(BaseApplication):
        def load_config(self) -> None:
            for key, value in gunicorn_options(settings).items():
                if key in self.cfg.settings:  # options newer than the installed gunicorn are skipped
                    self.cfg.set(key, value)

        def load(self) -> Any:
            # Called in each worker after the fork: its own Bolt App and SQLite connections.
            from bot.slack.wsgi import create_app

            return create_app(settings)

    logger.info("serving Slack over HTTP on %s:%s (POST /slack/events)", settings.srom_host, settings.port)
    SromGunicorn().run()
    return 0
