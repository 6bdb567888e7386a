"""Staff corrections of the mode matrix: append-only, one row per acknowledged correction, each with a UNIQUE
idempotency key (the modal's view id, the import's file and cell), the newest of a cell superseding the older
ones, which stay as its history.

The knowledge base reads the latest correction of every cell as overrides (`latest_overrides`); `version` is
the cheap check each worker makes before a question: it changes exactly when a correction is committed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import ValidationError
from sqlite_utils import Database

from srom_data.models import Assessment, Attestation, Override

from .tx import immediate, utc_now

SOURCE_MAX = 300
COMMENT_MAX = 1000
NAME_MAX = 120
ORIGINS = ("modal", "slash", "console", "cli", "import", "overrides")
_COLUMNS = (
    "id, activity, year, mode, certainty, source, comment, assessment, author_id, author_name, origin, created_at"
)


class InvalidCorrection(Exception):
    """A correction the domain layer should have refused (a last guard before the database)."""


@dataclass(frozen=True)
class NewCorrection:
    activity: str
    year: int
    assessment: Assessment
    source: str
    author_id: str
    author_name: str | None
    origin: str
    idempotency_key: str
    comment: str | None = None


@dataclass(frozen=True)
class Correction:
    id: int
    activity: str
    year: int
    mode: str | None
    certainty: str
    source: str
    comment: str | None
    assessment: Assessment
    author_id: str
    author_name: str | None
    origin: str
    created_at: str

    def as_override(self) -> Override:
        return Override(activity=self.activity, year=self.year, assessment=self.assessment)


@dataclass(frozen=True)
class RecordedCorrection:
    correction: Correction
    previous: Correction | None
    duplicate: bool


def attestation(
    mode: str, source: str, author_id: str, author_name: str | None, comment: str | None = None, when: str = ""
) -> Assessment:
    """The assessment of a mode attested by a member of staff, today (UTC) unless `when` (ISO) is given."""
    day = dt.date.fromisoformat(when[:10]) if when else dt.datetime.now(dt.UTC).date()
    return Assessment(
        mode=mode,  # type: ignore[arg-type]
        certainty="attested",
        attestation=Attestation(
            by=author_name or author_id, by_id=author_id, date=day, source=source, note=comment or None
        ),
    )


def _check(new: NewCorrection) -> None:
    if not new.source.strip() or len(new.source) > SOURCE_MAX:
        raise InvalidCorrection("source length")
    if new.comment is not None and len(new.comment) > COMMENT_MAX:
        raise InvalidCorrection("comment length")
    if new.origin not in ORIGINS or not new.idempotency_key or not new.author_id:
        raise InvalidCorrection("origin, key or author")


def _row(row: tuple) -> Correction:
    values = list(row)
    values[7] = Assessment.model_validate_json(values[7])
    return Correction(*values)


def _one(db: Database, where: str, params: list) -> Correction | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM corrections {where} LIMIT 1", params).fetchone()
    return _row(row) if row else None


def latest(db: Database, activity: str, year: int) -> Correction | None:
    return _one(db, "WHERE activity = ? AND year = ? ORDER BY id DESC", [activity, year])


def record_correction(db: Database, new: NewCorrection, *, now: str | None = None) -> RecordedCorrection:
    """Append one correction (committed when this returns); the same key twice returns the first one."""
    _check(new)
    with immediate(db):
        existing = _one(db, "WHERE idempotency_key = ?", [new.idempotency_key])
        if existing is not None:
            before = _one(
                db, "WHERE activity = ? AND year = ? AND id < ? ORDER BY id DESC", [new.activity, new.year, existing.id]
            )
            return RecordedCorrection(existing, before, duplicate=True)
        previous = latest(db, new.activity, new.year)
        at = now or utc_now()
        payload = new.assessment.model_dump_json(exclude_defaults=True)
        cursor = db.execute(
            "INSERT INTO corrections (activity, year, mode, certainty, source, comment, assessment, author_id, "
            "author_name, origin, created_at, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                new.activity, new.year, new.assessment.mode, new.assessment.certainty, new.source, new.comment,
                payload, new.author_id, new.author_name, new.origin, at, new.idempotency_key,
            ],
        )  # fmt: skip
        correction = Correction(
            cursor.lastrowid or 0, new.activity, new.year, new.assessment.mode, new.assessment.certainty,
            new.source, new.comment, new.assessment, new.author_id, new.author_name, new.origin, at,
        )  # fmt: skip
    return RecordedCorrection(correction, previous, duplicate=False)


def record_many(db: Database, items: Iterable[NewCorrection]) -> tuple[int, int]:
    """Append several corrections in one transaction (the spreadsheet import): (added, already there)."""
    added = skipped = 0
    with immediate(db):
        for new in items:
            _check(new)
            cursor = db.execute(
                "INSERT OR IGNORE INTO corrections (activity, year, mode, certainty, source, comment, assessment, "
                "author_id, author_name, origin, created_at, idempotency_key) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    new.activity, new.year, new.assessment.mode, new.assessment.certainty, new.source, new.comment,
                    new.assessment.model_dump_json(exclude_defaults=True), new.author_id, new.author_name,
                    new.origin, utc_now(), new.idempotency_key,
                ],
            )  # fmt: skip
            if cursor.rowcount:
                added += 1
            else:
                skipped += 1
    return added, skipped


def version(db: Database) -> int:
    """Changes when a correction is committed (the largest id): one index lookup, for every question."""
    return db.execute("SELECT COALESCE(MAX(id), 0) FROM corrections").fetchone()[0]


def latest_all(db: Database) -> list[Correction]:
    """The newest correction of every corrected cell, in id order."""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM corrections WHERE id IN (SELECT MAX(id) FROM corrections GROUP BY activity, year) "
        "ORDER BY id"
    ).fetchall()
    out = []
    for row in rows:
        try:
            out.append(_row(row))
        except ValidationError:  # written by a newer version of the bot: skip rather than stop answering
            continue
    return out


def latest_overrides(db: Database) -> list[Override]:
    return [c.as_override() for c in latest_all(db)]


def history(db: Database, activity: str, year: int, *, limit: int = 20) -> list[Correction]:
    """A cell's corrections, newest first."""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM corrections WHERE activity = ? AND year = ? ORDER BY id DESC LIMIT ?",
        [activity, year, limit],
    ).fetchall()
    return [_row(row) for row in rows]


def all_corrections(db: Database) -> list[dict]:
    """Every correction ever recorded, oldest first, as plain rows (the export)."""
    rows = db.execute(f"SELECT {_COLUMNS} FROM corrections ORDER BY id").fetchall()
    names = [c.strip() for c in _COLUMNS.split(",")]
    out = []
    for row in rows:
        item = dict(zip(names, row, strict=True))
        item["assessment"] = json.loads(item["assessment"])
        out.append(item)
    return out


def count(db: Database) -> int:
    return db.execute("SELECT COUNT(*) FROM corrections").fetchone()[0]


# --- requests to the référents and flags -------------------------------------------------------------------------

_REQUEST_COLUMNS = (
    "id, kind, activity, year, function, mode, requester_id, requester_name, channel, thread_ts, question, reason, "
    "created_at, resolved_at, resolved_by, outcome, correction_id"
)


@dataclass(frozen=True)
class Request:
    id: int
    kind: str
    activity: str
    year: int
    function: str
    mode: str | None
    requester_id: str
    requester_name: str | None
    channel: str | None
    thread_ts: str | None
    question: str
    reason: str
    created_at: str
    resolved_at: str | None
    resolved_by: str | None
    outcome: str | None
    correction_id: int | None


@dataclass(frozen=True)
class NewRequest:
    kind: str
    activity: str
    year: int
    function: str
    requester_id: str
    requester_name: str | None
    idempotency_key: str
    mode: str | None = None
    channel: str | None = None
    thread_ts: str | None = None
    question: str = ""
    reason: str = ""


def open_request(db: Database, new: NewRequest) -> tuple[Request, bool]:
    """Record a request or a flag; (the request, True when it was new). The same key twice is one request."""
    if new.kind not in ("ask", "flag"):
        raise InvalidCorrection(f"kind {new.kind!r}")
    with immediate(db):
        row = db.execute(
            f"SELECT {_REQUEST_COLUMNS} FROM verification_requests WHERE idempotency_key = ?", [new.idempotency_key]
        ).fetchone()
        if row is None:  # the same person asking again about a cell still open: one request, the référents told once
            row = db.execute(
                f"SELECT {_REQUEST_COLUMNS} FROM verification_requests WHERE kind = ? AND activity = ? AND year = ? "
                "AND requester_id = ? AND resolved_at IS NULL ORDER BY id LIMIT 1",
                [new.kind, new.activity, new.year, new.requester_id],
            ).fetchone()
        if row is not None:
            return Request(*row), False
        cursor = db.execute(
            "INSERT INTO verification_requests (kind, activity, year, function, mode, requester_id, requester_name, "
            "channel, thread_ts, question, reason, created_at, idempotency_key) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                new.kind, new.activity, new.year, new.function, new.mode, new.requester_id, new.requester_name,
                new.channel, new.thread_ts, new.question[:1000], new.reason[:1000], utc_now(), new.idempotency_key,
            ],
        )  # fmt: skip
        row = db.execute(
            f"SELECT {_REQUEST_COLUMNS} FROM verification_requests WHERE id = ?", [cursor.lastrowid]
        ).fetchone()
    return Request(*row), True


def open_requests(db: Database, *, functions: Iterable[str] | None = None) -> list[Request]:
    """Unresolved requests and flags, oldest first (of `functions` when given)."""
    rows = db.execute(
        f"SELECT {_REQUEST_COLUMNS} FROM verification_requests WHERE resolved_at IS NULL ORDER BY id"
    ).fetchall()
    wanted = set(functions) if functions is not None else None
    return [Request(*r) for r in rows if wanted is None or r[4] in wanted]


def resolve_cell(db: Database, activity: str, year: int, correction: Correction, resolved_by: str) -> list[Request]:
    """Close every open request and flag of the cell with this correction; the ones closed now.
    A flag is 'confirmed' when the correction attests the mode it questioned, 'corrected' otherwise."""
    with immediate(db):
        rows = db.execute(
            f"SELECT {_REQUEST_COLUMNS} FROM verification_requests "
            "WHERE activity = ? AND year = ? AND resolved_at IS NULL ORDER BY id",
            [activity, year],
        ).fetchall()
        now = utc_now()
        closed = []
        for row in rows:
            request = Request(*row)
            if request.kind == "ask":
                outcome = "attested"
            else:
                outcome = "confirmed" if request.mode == correction.mode else "corrected"
            db.execute(
                "UPDATE verification_requests SET resolved_at = ?, resolved_by = ?, outcome = ?, correction_id = ? "
                "WHERE id = ?",
                [now, resolved_by, outcome, correction.id, request.id],
            )
            closed.append(Request(*row[:13], now, resolved_by, outcome, correction.id))
    return closed


def flagged_cells(db: Database) -> set[tuple[str, int]]:
    rows = db.execute(
        "SELECT DISTINCT activity, year FROM verification_requests WHERE kind = 'flag' AND resolved_at IS NULL"
    ).fetchall()
    return {(a, y) for a, y in rows}
