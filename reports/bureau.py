"""The annual Bureau report: each commitment's status and percent at the end of a year, per function.

The latest entry up to 31 December (the end of the day in the organisation's time zone) gives the year-end
state; the same at the end of the previous year gives the change; a commitment with no update for more than
STALE_DAYS days before the year end (or before today, for the current year) is flagged. A commitment is in the
reports of the years it exists: from its schema's year (or the year an admin added it) to the year it was
retired. Each function says how many of its commitments are reported ("3 sur 4 renseignés") before any average.
Two queries of one index seek per commitment, whatever the number of entries.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlite_utils import Database

from storage.commitments import StoredCommitment, list_commitments
from storage.progress import Entry, latest_all
from storage.statuses import LABELS, STATUSES

from .formats import local_midnight_utc, local_today, percent, to_date

STALE_DAYS = 90
NO_UPDATE = "non renseigné"


@dataclass(frozen=True)
class CommitmentLine:
    id: str
    title: str
    status: str | None  # a status code; None when never updated by the year end
    percent: int | None
    comment: str | None
    updated_by: str | None
    updated_at: str | None
    stale: bool
    previous_status: str | None = None
    previous_percent: int | None = None
    confirmed: bool = False  # the latest entry is a "Rien de nouveau" confirmation: current, not stale

    @property
    def status_label(self) -> str:
        return LABELS[self.status] if self.status else NO_UPDATE


@dataclass(frozen=True)
class FunctionSection:
    id: str
    label: str
    commitments: list[CommitmentLine] = field(default_factory=list)

    @property
    def mean_percent(self) -> int | None:
        """The mean percent of the commitments that have one (read it with `reported`, never alone)."""
        known = [c.percent for c in self.commitments if c.percent is not None]
        return round(sum(known) / len(known)) if known else None

    @property
    def total(self) -> int:
        return len(self.commitments)

    @property
    def reported(self) -> int:
        """Commitments with at least one update by the year end."""
        return sum(1 for c in self.commitments if c.status is not None)

    @property
    def coverage(self) -> str:
        """« 3 sur 4 renseignés »."""
        return f"{self.reported} sur {self.total} renseigné{'s' if self.reported > 1 else ''}"

    @property
    def summary(self) -> str:
        """Coverage first; the average only over what is reported, and said so when some are not."""
        mean = self.mean_percent
        if mean is None:
            return self.coverage
        with_percent = sum(1 for c in self.commitments if c.percent is not None)
        if with_percent == self.total:
            return f"{self.coverage} · {percent(mean)} en moyenne"
        return f"{self.coverage} · moyenne des seuls engagements chiffrés : {percent(mean)}"


@dataclass(frozen=True)
class BureauReport:
    year: int
    as_of: date  # the year end, or today for the current year
    functions: list[FunctionSection]
    # The mode matrix's coverage (srom_data.coverage.ModeCoverage rows), when the caller adds it.
    mode_coverage: tuple = ()

    @property
    def totals(self) -> dict[str, int]:
        """Commitments per status label (every status listed, then 'non renseigné' when any)."""
        counts = {LABELS[s]: 0 for s in STATUSES}
        for section in self.functions:
            for line in section.commitments:
                counts[line.status_label] = counts.get(line.status_label, 0) + 1
        return counts

    @property
    def lines(self) -> list[CommitmentLine]:
        return [line for section in self.functions for line in section.commitments]


class ReportError(Exception):
    """A year or function the report cannot be built for."""


def year_bounds(year: int) -> tuple[str, str]:
    """(end of the previous year, end of this year) in the organisation's time zone, as exclusive stored (UTC)
    timestamps."""
    return local_midnight_utc(date(year, 1, 1)), local_midnight_utc(date(year + 1, 1, 1))


def exists_in(commitment: StoredCommitment, year: int) -> bool:
    """From its schema's year (else the year it was added) to the year it was retired, both included."""
    first = commitment.year or (to_date(commitment.created_at).year if commitment.created_at else year)
    last = to_date(commitment.retired_at).year if commitment.retired_at else year
    return first <= year <= last


def _line(commitment, entry: Entry | None, before: Entry | None, as_of: date) -> CommitmentLine:
    stale = entry is None or (as_of - to_date(entry.created_at)) > timedelta(days=STALE_DAYS)
    return CommitmentLine(
        id=commitment.id,
        title=commitment.title,
        status=entry.status if entry else None,
        percent=entry.percent if entry else None,
        comment=entry.comment if entry else None,
        updated_by=(entry.author_name or entry.author_id) if entry else None,
        updated_at=entry.created_at if entry else None,
        stale=stale,
        previous_status=before.status if before else None,
        previous_percent=before.percent if before else None,
        confirmed=entry is not None and entry.kind == "confirmation",
    )


def build_report(
    db: Database,
    year: int,
    labels: Mapping[str, str],
    *,
    function: str | None = None,
    today: date | None = None,
) -> BureauReport:
    """The report for `year` (every function, or one), functions in the order of `labels`."""
    if not 2000 <= year <= 2100:
        raise ReportError(f"year {year}")
    today = today or local_today()
    as_of = min(today, date(year, 12, 31))
    start, end = year_bounds(year)
    at_end = latest_all(db, before=end)
    at_start = latest_all(db, before=start)
    sections: dict[str, FunctionSection] = {}
    for commitment in list_commitments(db, function):
        if not exists_in(commitment, year):
            continue
        if commitment.function not in sections:
            sections[commitment.function] = FunctionSection(
                commitment.function, labels.get(commitment.function, commitment.function)
            )
        line = _line(commitment, at_end.get(commitment.id), at_start.get(commitment.id), as_of)
        sections[commitment.function].commitments.append(line)
    order = {code: n for n, code in enumerate(labels)}
    ordered = sorted(sections.values(), key=lambda s: (order.get(s.id, len(order)), s.id))
    return BureauReport(year=year, as_of=as_of, functions=ordered)
