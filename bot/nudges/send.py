"""Send what is due: plan, then for each nudge claim it in the database, send it, record it.

The claim comes first (one atomic statement, a lease), so two clocks (two workers, two hosts) never send the
same nudge; it is marked sent after Slack accepted the message. A sender killed between the two leaves a claim
whose lease runs out: the next run takes it again and first asks Slack whether the message is already in the
DM (each message carries its nudge key in its metadata), so nothing is sent twice and nothing is forgotten.
Slack's 429s are waited out (Retry-After) and the same message tried again, so a campaign to hundreds of people
completes.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol, TypeVar

from sqlite_utils import Database

from bot.conversation.blocks import context
from bot.nudges.blocks import build_digest_blocks, digest_text, french_day
from bot.nudges.plan import Nudge, NudgeConfig, plan
from bot.nudges.snapshot import load_snapshot
from bot.tracking.commands import labels
from bot.tracking.report import build_report_blocks
from reports.bureau import build_report
from storage import nudges as store
from storage.roles import list_grants

logger = logging.getLogger(__name__)

METADATA_EVENT = "srom_nudge"
TZ_MAX_AGE = timedelta(days=7)
MAX_RATE_LIMIT_WAITS = 10
RETRY_AFTER_FAILURE_SECONDS = 300.0
T = TypeVar("T")


class RateLimited(Exception):
    """Slack answered 429 (after the client's own retries): wait `retry_after` seconds and try again."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"rate limited, retry after {retry_after}s")
        self.retry_after = retry_after


class Messenger(Protocol):
    """What sending needs from Slack (the Slack skin implements it over the Web API)."""

    def time_zone(self, user_id: str) -> str | None: ...

    def open_dm(self, user_id: str) -> str: ...

    def post(self, channel: str, text: str, blocks: list[dict], metadata: dict) -> str: ...

    def find_posted(self, channel: str, key: str) -> str | None:
        """The ts of a message of ours in `channel` whose metadata carries `key` (recent messages only)."""
        ...


@dataclass
class RunResult:
    planned: list[Nudge] = field(default_factory=list)
    sent: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)  # claimed or sent by another process
    failed: list[str] = field(default_factory=list)


Composer = Callable[[Database, Nudge, NudgeConfig], tuple[str, list[dict]]]


def compose(db: Database, nudge: Nudge, config: NudgeConfig) -> tuple[str, list[dict]]:
    """The message of a nudge: the digest, or the report summary for the directors."""
    if nudge.kind != "bureau_summary":
        return digest_text(nudge), build_digest_blocks(nudge, config.stale_days)
    assert nudge.bureau is not None
    report = build_report(db, nudge.bureau.year, labels(), today=nudge.local_date)
    when = f"Bureau du {french_day(nudge.bureau)}"
    text = f"{when} : la synthèse des engagements du SROM"
    blocks = build_report_blocks(report)
    blocks.insert(1, context(f"*{when}* — la synthèse à la veille de la réunion, le document Word et le CSV."))
    return text, blocks


def refresh_time_zones(db: Database, messenger: Messenger, *, now: datetime | None = None) -> int:
    """Ask Slack (users.info) the time zone of each référent and director not asked this week; returns how
    many were asked. A failure leaves the default time zone for that person until the next run."""
    now = now or datetime.now(UTC)
    cached = store.cached_users(db)
    people = sorted({g.user_id for g in list_grants(db) if g.role in ("referent", "director")})
    asked = 0
    for user in people:
        tz, _, fetched = cached.get(user, (None, None, ""))
        if tz is not None and now - _parse(fetched) < TZ_MAX_AGE:
            continue  # asked this week ("" when Slack gave no time zone: the default applies)
        try:
            zone = messenger.time_zone(user)
        except RateLimited:
            break  # the next run goes on
        except Exception:
            logger.warning("users.info failed for %s; default time zone", user, exc_info=True)
            continue
        asked += 1
        store.cache_user(db, user, tz=zone or "")
    return asked


def run_due(
    db: Database,
    messenger: Messenger,
    *,
    now: datetime | None = None,
    config: NudgeConfig | None = None,
    lease_seconds: float = store.DEFAULT_LEASE_SECONDS,
    sleep: Callable[[float], None] = time.sleep,
    composer: Composer = compose,
    refresh: bool = True,
) -> RunResult:
    """Send every nudge due at `now`; safe to run from several processes at once."""
    config = config or NudgeConfig()
    now = now or datetime.now(UTC)
    if refresh:
        refresh_time_zones(db, messenger, now=now)
    result = RunResult(planned=plan(now, load_snapshot(db, today=now.date()), config))
    for nudge in result.planned:
        outcome = _deliver(db, messenger, nudge, config, lease_seconds, sleep, composer, now)
        {"sent": result.sent, "already": result.already, "failed": result.failed}[outcome].append(nudge.key)
    if result.planned:
        logger.info(
            "nudges: %d planned, %d sent, %d taken elsewhere, %d failed",
            len(result.planned),
            len(result.sent),
            len(result.already),
            len(result.failed),
        )
    return result


def _deliver(
    db: Database,
    messenger: Messenger,
    nudge: Nudge,
    config: NudgeConfig,
    lease_seconds: float,
    sleep: Callable[[float], None],
    composer: Composer,
    now: datetime,
) -> str:
    sent_at = now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")  # the run's clock: the weekly bound counts on it
    items = ",".join(item.id for item in nudge.items)
    claim = store.claim_nudge(db, nudge.key, nudge.kind, nudge.recipient, items=items, lease_seconds=lease_seconds)
    if claim is None:
        return "already"
    wait = _waiting(db, nudge.key, lease_seconds, sleep)
    try:
        channel = nudge.recipient
        if not nudge.is_channel:
            channel = _patiently(lambda: _dm_channel(db, messenger, nudge.recipient), wait)
        if claim.attempts > 1:
            ts = _patiently(lambda: messenger.find_posted(channel, nudge.key), wait)
            if ts:
                logger.info("nudge %s was sent before its sender stopped; recorded now", nudge.key)
                store.mark_sent(db, nudge.key, channel=channel, ts=ts, at=sent_at)
                return "sent"
        text, blocks = composer(db, nudge, config)
        metadata = {"event_type": METADATA_EVENT, "event_payload": {"key": nudge.key}}
        ts = _patiently(lambda: messenger.post(channel, text, blocks, metadata), wait)
        store.mark_sent(db, nudge.key, channel=channel, ts=ts, at=sent_at)
        return "sent"
    except Exception as exc:
        logger.warning("nudge %s not sent (%s); tried again later", nudge.key, exc)
        store.release(db, nudge.key, str(exc) or type(exc).__name__, retry_after=RETRY_AFTER_FAILURE_SECONDS)
        return "failed"


def _patiently(call: Callable[[], T], sleep: Callable[[float], None]) -> T:
    """`call`, with Slack's 429s waited out (Retry-After) a bounded number of times."""
    for _ in range(MAX_RATE_LIMIT_WAITS):
        try:
            return call()
        except RateLimited as exc:
            sleep(max(exc.retry_after, 1.0))
    return call()


def _waiting(db: Database, key: str, lease_seconds: float, sleep: Callable[[float], None]) -> Callable[[float], None]:
    """Sleep out a 429, keeping the claim: no other clock takes the nudge meanwhile."""

    def wait(seconds: float) -> None:
        store.extend_lease(db, key, lease_seconds=lease_seconds + seconds)
        sleep(seconds)

    return wait


def _dm_channel(db: Database, messenger: Messenger, user: str) -> str:
    cached = store.dm_channel_of(db, user)
    if cached:
        return cached
    channel = messenger.open_dm(user)
    store.cache_user(db, user, dm_channel=channel)
    return channel


def _parse(stamp: str) -> datetime:
    return datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
