"""The clock: a process of its own (`srom clock`, the Procfile's `clock:`) that sends the nudges that are due.

APScheduler's BlockingScheduler runs one job on an interval trigger (every SROM_CLOCK_MINUTES minutes, and at
once on start, so a clock that was down at 9:00 catches up); the job plans and sends through
`bot.nudges.send.run_due`, whose database claims make any number of clocks safe. `srom serve --with-clock`
(or SROM_CLOCK=1) starts this process beside the server and stops it with the server.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.nudges.send import METADATA_EVENT, RateLimited, RunResult, run_due
from bot.settings import Settings
from bot.slack.client import build_web_client
from storage.db import DatabaseProvider, migrate, open_db

logger = logging.getLogger(__name__)

HISTORY_LIMIT = 30
PARENT_CHECK_SECONDS = 5


class SlackMessenger:
    """The Web API calls nudges need; a 429 that outlived the client's own retries becomes RateLimited."""

    def __init__(self, client: WebClient) -> None:
        self.client = client

    def _call(self, method: str, **kwargs: object) -> dict:
        try:
            return getattr(self.client, method)(**kwargs).data  # type: ignore[no-any-return]
        except SlackApiError as exc:
            if exc.response is not None and exc.response.status_code == 429:
                headers = {k.lower(): v for k, v in (exc.response.headers or {}).items()}
                value = headers.get("retry-after", "1")
                value = value[0] if isinstance(value, list) else value
                raise RateLimited(float(value or 1)) from None
            raise

    def time_zone(self, user_id: str) -> str | None:
        return (self._call("users_info", user=user_id).get("user") or {}).get("tz")

    def open_dm(self, user_id: str) -> str:
        return self._call("conversations_open", users=user_id)["channel"]["id"]

    def post(self, channel: str, text: str, blocks: list[dict], metadata: dict) -> str:
        return self._call("chat_postMessage", channel=channel, text=text, blocks=blocks, metadata=metadata)["ts"]

    def find_posted(self, channel: str, key: str) -> str | None:
        found = self._call("conversations_history", channel=channel, limit=HISTORY_LIMIT, include_all_metadata=True)
        for message in found.get("messages") or []:
            metadata = message.get("metadata") or {}
            if metadata.get("event_type") == METADATA_EVENT and (metadata.get("event_payload") or {}).get("key") == key:
                return message.get("ts")
        return None


def prepare_clock(settings: Settings) -> None:
    """The database migrated and the commitments seeded, as `srom serve` does, before the first run."""
    from bot.tracking.setup import prepare_tracking
    from srom_data.loader import load_default

    settings.export_data_dir()
    db = open_db(settings.srom_db_path)
    try:
        migrate(db)
        prepare_tracking(db, load_default(), settings.admin_ids)
    finally:
        db.close()


def run_once(settings: Settings, databases: DatabaseProvider, *, now: datetime | None = None) -> RunResult:
    messenger = SlackMessenger(build_web_client(settings.bot_token, settings.slack_api_url))
    return run_due(databases.get(), messenger, now=now or datetime.now(UTC), config=settings.nudge_config())


def run_clock(settings: Settings, *, parent_pid: int | None = None) -> int:
    """Block, sending what is due every SROM_CLOCK_MINUTES minutes, until SIGTERM/SIGINT (or the parent's end)."""
    from apscheduler.schedulers.blocking import BlockingScheduler
    from apscheduler.triggers.interval import IntervalTrigger

    prepare_clock(settings)
    databases = DatabaseProvider(settings.srom_db_path)
    scheduler = BlockingScheduler(timezone=UTC)

    def tick() -> None:
        try:
            run_once(settings, databases)
        except Exception:
            logger.exception("nudges run failed; the next tick tries again")

    scheduler.add_job(
        tick,
        IntervalTrigger(minutes=settings.srom_clock_minutes),
        id="nudges",
        next_run_time=datetime.now(UTC),  # at once: a clock started after 9:00 sends the day's nudges now
        max_instances=1,
        coalesce=True,
        misfire_grace_time=None,
    )
    if parent_pid:

        def watch_parent() -> None:
            if os.getppid() != parent_pid:
                logger.info("the server (pid %s) is gone; the clock stops", parent_pid)
                scheduler.shutdown(wait=False)

        scheduler.add_job(watch_parent, "interval", seconds=PARENT_CHECK_SECONDS, id="parent")

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(0)  # leaves scheduler.start() in the main thread

    signal.signal(signal.SIGTERM, stop)
    logger.info("clock started: nudges every %d minute(s)", settings.srom_clock_minutes)
    with contextlib.suppress(KeyboardInterrupt, SystemExit):
        scheduler.start()
    return 0


def start_clock_process() -> subprocess.Popen:
    """`srom clock` as a child of the server (for `srom serve --with-clock`); it stops when the server does."""
    command = [sys.executable, "-m", "bot.cli.main", "clock", "--parent", str(os.getpid())]
    logger.info("starting the clock beside the server")
    return subprocess.Popen(command, stdin=subprocess.DEVNULL)


def stop_clock_process(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
