"""French forms of dates, percentages and changes, as the report and the bot show them."""

from __future__ import annotations

from datetime import date, datetime

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


def to_date(value: date | datetime | str) -> date:
    if isinstance(value, datetime):
        return value.date()
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
