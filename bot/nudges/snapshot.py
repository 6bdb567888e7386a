"""Read what planning needs from the database, in a handful of queries (one pass whatever the size)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta

from sqlite_utils import Database

from bot.nudges.plan import CommitmentState, DigestSection, Preference, Snapshot
from bot.nudges.verification import open_verification_sections
from storage import nudges as store
from storage.commitments import list_commitments
from storage.progress import latest_all
from storage.roles import list_grants

# A section provider: (db, référents, today) → user → sections. Another feature adds its provider to
# SECTION_PROVIDERS and its lines join the same weekly digest, never a message of their own: the verification of
# the map's cells (open requests and flags of a référent's functions) does.
SectionProvider = Callable[[Database, Sequence[str], date], dict[str, list[DigestSection]]]
SECTION_PROVIDERS: list[SectionProvider] = [open_verification_sections]
SENT_LOOKBACK_DAYS = 60


def load_snapshot(
    db: Database, *, today: date | None = None, providers: Sequence[SectionProvider] | None = None
) -> Snapshot:
    today = today or datetime.now(UTC).date()
    states = latest_all(db)
    commitments = []
    for c in list_commitments(db):
        if c.retired:  # a mandate that ended: nobody is asked about it any more
            continue
        entry = states.get(c.id)
        commitments.append(
            CommitmentState(
                c.id,
                c.function,
                c.title,
                entry.status if entry else None,
                entry.percent if entry else None,
                entry.created_at if entry else None,
                entry.kind if entry else None,
            )
        )
    referents: dict[str, list[str]] = {}
    directors: list[str] = []
    for grant in list_grants(db):
        if grant.role == "referent":
            referents.setdefault(grant.user_id, []).append(grant.scope)
        elif grant.role == "director":
            directors.append(grant.user_id)
    since = (today - timedelta(days=SENT_LOOKBACK_DAYS)).isoformat()
    sent = store.sent_nudges(db, since=since)
    last_digest: dict[str, datetime] = {}
    for nudge in sent:
        if nudge.kind in ("stale", "campaign"):
            last_digest[nudge.user_id] = _parse(nudge.sent_at)
    prefs = {
        user: Preference(p.opted_out_at is not None, date.fromisoformat(p.snoozed_until) if p.snoozed_until else None)
        for user, p in store.all_prefs(db).items()
    }
    sections: dict[str, list[DigestSection]] = {}
    for provider in SECTION_PROVIDERS if providers is None else providers:
        for user, found in provider(db, sorted(referents), today).items():
            sections.setdefault(user, []).extend(found)
    return Snapshot(
        commitments=commitments,
        referents=referents,
        directors=directors,
        time_zones={user: tz for user, (tz, _, _) in store.cached_users(db).items() if tz},
        prefs=prefs,
        last_digest=last_digest,
        sent=frozenset(n.key for n in sent),
        bureau_dates=store.bureau_dates(db),
        directors_channel=store.get_setting(db, store.DIRECTORS_CHANNEL),
        sections=sections,
    )


def _parse(stamp: str) -> datetime:
    return datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
