"""French forms of dates, percentages and changes, as the report and the bot show them.

Dates are the organisation's (SROM_TIMEZONE, Europe/Paris by default): an update stored at 23:30 UTC on
31 December is one of 1 January in Paris, and counts in the new year.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

DEFAULT_TIMEZONE = "Europe/Paris"

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
NNBSP = "\u202f"  # the narrow no-break space French puts before %


@lru_cache(maxsize=8)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def org_timezone() -> ZoneInfo:
    """The organisation's time zone (SROM_TIMEZONE, validated by the settings at start-up)."""
    return _zone(os.environ.get("SROM_TIMEZONE") or DEFAULT_TIMEZONE)


def local_today() -> date:
    return datetime.now(org_timezone()).date()


def local_midnight_utc(day: date) -> str:
    """The stored (UTC, sortable) form of midnight starting `day` in the organisation's time zone."""
    local = datetime(day.year, day.month, day.day, tzinfo=org_timezone())
    return local.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def to_date(value: date | datetime | str) -> date:
    """The organisation's calendar day of a date, a datetime or a stored timestamp (UTC, `…Z`)."""
    if isinstance(value, str) and len(value) > 10:
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.date()
        return value.astimezone(org_timezone()).date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(value[:10])


def french_date(value: date | datetime | str) -> str:
    """28 novembre 2026 (1er for the first of the month)."""
    day = to_date(value)
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {MONTHS[day.month - 1]} {day.year}"


def percent(value: int | None) -> str:
    """40 % (narrow no-break space), or an en dash when unknown."""
    return "–" if value is None else f"{value}{NNBSP}%"


def change(now: int | None, before: int | None) -> str:
    """+20 pts, −5 pts, = ; empty when either side is unknown."""
    if now is None or before is None:
        return ""
    diff = now - before
    if diff == 0:
        return "="
    return f"+{diff}{NNBSP}pts" if diff > 0 else f"−{-diff}{NNBSP}pts"
