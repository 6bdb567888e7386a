"""Global Bolt middleware: storage in the context, and each Slack event handled once across workers."""

from __future__ import annotations

import logging
from collections.abc import Callable

from slack_bolt import BoltContext, BoltResponse

from storage.db import DatabaseProvider
from storage.events import claim_event, mark_done

logger = logging.getLogger(__name__)

CLAIMED_KEYS = "srom_claimed_keys"
DATABASES = "databases"


def attach_databases(databases: DatabaseProvider) -> Callable[..., None]:
    def attach(context: BoltContext, next_: Callable[[], None]) -> None:
        context[DATABASES] = databases
        next_()

    return attach


def dedupe_events(body: dict, context: BoltContext, next_: Callable[[], None]) -> BoltResponse | None:
    """Claim the event id before any listener runs; an event already claimed is acknowledged and dropped.

    Slack re-sends an event when it did not see our 200 within 3 seconds (`X-Slack-Retry-Num`); the claim
    lives in SQLite, so the copy that reaches another worker, or this one after a restart, is dropped too.
    """
    event_id = body.get("event_id") if body.get("type") == "event_callback" else None
    if not isinstance(event_id, str) or not event_id:
        next_()
        return None
    key = f"event:{event_id}"
    if not claim_event(context[DATABASES].get(), key):
        logger.info("event %s already handled or in progress; dropped", event_id)
        return BoltResponse(status=200, body="")
    context[CLAIMED_KEYS] = [key]
    next_()
    return None


def claim_once(context: BoltContext, key: str) -> bool:
    """Claim one more key for the current event (e.g. a question reached as a mention and as a message)."""
    if not claim_event(context[DATABASES].get(), key):
        return False
    context.setdefault(CLAIMED_KEYS, []).append(key)
    return True


def finish_event(context: BoltContext) -> None:
    """Mark the current event's claims done: from now on its retries are dropped for good."""
    keys = context.get(CLAIMED_KEYS) or []
    if keys:
        try:
            mark_done(context[DATABASES].get(), *keys)
        except Exception:
            logger.exception("could not mark %s done; a retry after the lease may answer again", keys)
