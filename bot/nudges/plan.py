"""Who gets what, and when: pure planning over a snapshot of the database and a clock (no Slack, no database).

- **Digest** (kind `stale`): a référent whose functions have commitments not updated for `stale_days` days (or
  never), or who has a section from another feature (see `Snapshot.sections`), gets one DM grouping them, at most
  once every `week_days` days.
- **Campaign** (kind `campaign`): from `lead_days` days before a Bureau meeting until the day before, a référent
  with a stale or never-updated commitment gets one DM for that meeting; it stands for that week's digest.
- **Summary** (kind `bureau_summary`): the last working day before a Bureau meeting (or the meeting day, when
  that day was missed), each director gets the report summary by DM, or the admins' channel gets it once.

A person is only written to on a working day of their own time zone, between `hour` and `night_hour` local
time: a clock that missed 9:00 sends later the same day; one that missed the whole day sends the next working
day (a digest's period is its week, a campaign's the days before its meeting: nothing due is forgotten).
Opted-out people get nothing; snoozed people nothing before their date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

from bot.nudges.calendar import is_working_day, previous_working_day, zone

NudgeKind = Literal["stale", "campaign", "bureau_summary"]
DONE_STATUSES = frozenset({"atteint", "abandonne"})  # nothing left to report on these


@dataclass(frozen=True)
class NudgeConfig:
    hour: int = 9
    stale_days: int = 90
    lead_days: int = 14
    default_tz: str = "Europe/Paris"
    night_hour: int = 20  # nothing is sent from this local hour on
    week_days: int = 7  # at most one digest per person in this many days


@dataclass(frozen=True)
class CommitmentState:
    id: str
    function: str
    title: str
    status: str | None = None  # None: never updated
    percent: int | None = None
    updated_at: str | None = None  # UTC timestamp of the latest entry
    kind: str | None = None  # of the latest entry: "update" or "confirmation"

    def stale_on(self, day: date, stale_days: int) -> bool:
        if self.status in DONE_STATUSES:
            return False
        if self.updated_at is None:
            return True
        return (day - date.fromisoformat(self.updated_at[:10])).days > stale_days


@dataclass(frozen=True)
class DigestSection:
    """A part of the digest brought by another feature (e.g. open verification requests of a function)."""

    title: str
    lines: tuple[str, ...]  # Slack mrkdwn, already escaped


@dataclass(frozen=True)
class Preference:
    opted_out: bool = False
    snoozed_until: date | None = None


@dataclass(frozen=True)
class Snapshot:
    commitments: list[CommitmentState]
    referents: dict[str, list[str]]  # user → functions
    directors: list[str] = field(default_factory=list)
    time_zones: dict[str, str] = field(default_factory=dict)  # user → IANA zone from users.info
    prefs: dict[str, Preference] = field(default_factory=dict)
    last_digest: dict[str, datetime] = field(default_factory=dict)  # user → when their last digest was sent
    sent: frozenset[str] = frozenset()  # keys already sent (recent ones)
    bureau_dates: list[date] = field(default_factory=list)
    directors_channel: str | None = None
    sections: dict[str, list[DigestSection]] = field(default_factory=dict)  # user → extra digest sections


@dataclass(frozen=True)
class Nudge:
    key: str
    kind: NudgeKind
    recipient: str  # a user id, or the directors' channel id
    local_date: date
    items: tuple[CommitmentState, ...] = ()
    bureau: date | None = None
    sections: tuple[DigestSection, ...] = ()

    @property
    def is_channel(self) -> bool:
        return self.recipient[:1] in ("C", "G")


def stale_key(user: str, day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"stale:{user}:{year}-W{week:02d}"


def campaign_key(user: str, bureau: date) -> str:
    return f"campaign:{user}:{bureau.isoformat()}"


def summary_key(recipient: str, bureau: date) -> str:
    return f"bureau_summary:{recipient}:{bureau.isoformat()}"


class _Planner:
    def __init__(self, snapshot: Snapshot, config: NudgeConfig) -> None:
        self.snapshot = snapshot
        self.config = config
        self.by_function: dict[str, list[CommitmentState]] = {}
        for commitment in snapshot.commitments:
            self.by_function.setdefault(commitment.function, []).append(commitment)
        self._stale: dict[tuple[str, date], list[CommitmentState]] = {}

    def stale(self, functions: Iterable[str], day: date) -> tuple[CommitmentState, ...]:
        items: list[CommitmentState] = []
        for function in functions:
            cached = self._stale.get((function, day))
            if cached is None:
                stale_days = self.config.stale_days
                cached = [c for c in self.by_function.get(function, ()) if c.stale_on(day, stale_days)]
                self._stale[(function, day)] = cached
            items.extend(cached)
        return tuple(items)

    def local_date(self, recipient: str, when: datetime | date) -> date | None:
        """The recipient's local date when `when` falls in their sending hours on a working day, else None."""
        if isinstance(when, datetime):
            local = when.astimezone(zone(self.snapshot.time_zones.get(recipient), self.config.default_tz))
            if not self.config.hour <= local.hour < self.config.night_hour:
                return None
            day = local.date()
        else:
            day = when
        return day if is_working_day(day) else None

    def quiet(self, user: str, day: date) -> bool:
        pref = self.snapshot.prefs.get(user)
        if pref is None:
            return False
        return pref.opted_out or (pref.snoozed_until is not None and day < pref.snoozed_until)

    def next_bureau(self, day: date) -> date | None:
        """The meeting whose campaign window holds `day`: within `lead_days` days after it, not on it."""
        upcoming = [b for b in self.snapshot.bureau_dates if 0 < (b - day).days <= self.config.lead_days]
        return min(upcoming) if upcoming else None

    def for_referent(self, user: str, functions: list[str], when: datetime | date) -> Nudge | None:
        day = self.local_date(user, when)
        if day is None or self.quiet(user, day):
            return None
        items = self.stale(functions, day)
        sections = tuple(self.snapshot.sections.get(user, ()))
        bureau = self.next_bureau(day)
        if bureau is not None and items:
            key = campaign_key(user, bureau)
            if key not in self.snapshot.sent:
                return Nudge(key, "campaign", user, day, items, bureau, sections)
        if not items and not sections:
            return None
        key = stale_key(user, day)
        last = self.snapshot.last_digest.get(user)
        if key in self.snapshot.sent or (last is not None and _days_between(last, when) < self.config.week_days):
            return None
        return Nudge(key, "stale", user, day, items, None, sections)

    def summaries(self, when: datetime | date) -> list[Nudge]:
        channel = self.snapshot.directors_channel
        recipients = [channel] if channel else self.snapshot.directors
        nudges = []
        for recipient in recipients:
            day = self.local_date(recipient, when)
            if day is None or (not channel and self.quiet(recipient, day)):
                continue
            for bureau in self.snapshot.bureau_dates:
                if previous_working_day(bureau) <= day <= bureau:
                    key = summary_key(recipient, bureau)
                    if key not in self.snapshot.sent:
                        nudges.append(Nudge(key, "bureau_summary", recipient, day, bureau=bureau))
        return nudges


def _days_between(earlier: datetime, when: datetime | date) -> float:
    if not isinstance(when, datetime):
        # A day's preview: as of that day's end in UTC (close enough for a weekly bound).
        when = datetime.combine(when, datetime.max.time(), tzinfo=earlier.tzinfo)
    return (when - earlier) / timedelta(days=1)


def plan(now: datetime, snapshot: Snapshot, config: NudgeConfig | None = None) -> list[Nudge]:
    """What is due at `now` (an aware datetime), each recipient in their own time zone; sent keys excluded."""
    if now.tzinfo is None:
        raise ValueError("plan() needs an aware datetime")
    return _plan(now, snapshot, config or NudgeConfig())


def plan_day(day: date, snapshot: Snapshot, config: NudgeConfig | None = None) -> list[Nudge]:
    """What would go out on `day` (each recipient's local date), whatever the hour: for previews."""
    return _plan(day, snapshot, config or NudgeConfig())


def _plan(when: datetime | date, snapshot: Snapshot, config: NudgeConfig) -> list[Nudge]:
    planner = _Planner(snapshot, config)
    nudges = [n for user, fns in snapshot.referents.items() if (n := planner.for_referent(user, fns, when))]
    return nudges + planner.summaries(when)
