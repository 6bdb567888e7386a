"""The steps of a correction, shared by the modal, the command and the console: find the cell, validate what was
typed, check the right, record (committed before anyone is told), close the cell's requests, say who to tell."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from sqlite_utils import Database

from bot.engine.default import current_kb
from bot.tracking.access import Actor
from bot.verification.access import may_verify, referents_of, refuse_verify
from srom_data.models import Activity, Assessment, Function, KnowledgeBase
from storage import corrections
from storage.audit import log_event
from storage.corrections import NewCorrection, NewRequest, RecordedCorrection, Request

MODES = ("A", "C", "H", "M", "I")
SOURCE_MAX = corrections.SOURCE_MAX
COMMENT_MAX = corrections.COMMENT_MAX
_BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
FIELD_MODE, FIELD_SOURCE, FIELD_COMMENT, FIELD_CELL = "mode", "source", "comment", "cell"


class VerificationError(Exception):
    """What was typed cannot be recorded: `message` in French says why and how, `field` where (modal)."""

    def __init__(self, message: str, field: str = FIELD_CELL) -> None:
        super().__init__(message)
        self.message, self.field = message, field


@dataclass(frozen=True)
class Cell:
    """One (activity, year) of a function's map and what the knowledge base says of it now."""

    function: Function
    activity: Activity
    year: int
    assessment: Assessment

    @property
    def key(self) -> str:
        return f"{self.activity.id}@{self.year}"

    @property
    def label(self) -> str:
        return self.activity.label_in(self.year)

    @property
    def established(self) -> bool:
        return self.assessment.mode is not None


@dataclass(frozen=True)
class Refused:
    message: str


@dataclass(frozen=True)
class Attested:
    recorded: RecordedCorrection
    cell: Cell
    resolved: tuple[Request, ...]


def find_cell(activity_id: object, year: object, kb: KnowledgeBase | None = None) -> Cell | None:
    """The cell, when the activity exists and is on that year's map; None otherwise."""
    if not isinstance(activity_id, str) or not isinstance(year, int):
        return None
    kb = kb or current_kb()
    for function in kb.functions:
        for activity in function.activities:
            if activity.id == activity_id:
                if year not in activity.placements:
                    return None
                return Cell(function, activity, year, activity.assessments[year])
    return None


def require_cell(activity_id: object, year: object) -> Cell:
    cell = find_cell(activity_id, year)
    if cell is None:
        raise VerificationError(
            f"Cellule inconnue : l'activité « {str(activity_id)[:60]} » n'est pas sur la carte {year}. "
            "Posez la question du mode à nouveau pour retrouver la bonne activité."
        )
    return cell


def clean_text(value: object, field: str, *, required: bool, limit: int, multiline: bool = False) -> str | None:
    """Trimmed text without control or direction-override characters, within `limit` characters."""
    what = "La source" if field == FIELD_SOURCE else "Le commentaire"
    if not isinstance(value, str) or not value.strip():
        if required:
            raise VerificationError(
                "Indiquez la source sur laquelle vous vous appuyez, par exemple « diagramme original, p. 14 » "
                "ou « note DG du 12/03/2017 ».",
                field,
            )
        return None
    text = unicodedata.normalize("NFC", value.strip())
    allowed = "\n\t" if multiline else ""
    bad = [ch for ch in text if (unicodedata.category(ch) in ("Cc", "Cs", "Co") and ch not in allowed) or ch in _BIDI]
    if bad:
        raise VerificationError(
            f"{what} contient un caractère invisible ou de contrôle (U+{ord(bad[0]):04X}) : retapez-le.", field
        )
    if not any(unicodedata.category(ch)[0] in "LN" for ch in text):
        raise VerificationError(f"{what} ne contient ni lettre ni chiffre : écrivez-la en clair.", field)
    if len(text) > limit:
        raise VerificationError(f"{what} est trop long : {len(text)} caractères, {limit} au plus.", field)
    return text


def check_mode(value: object) -> str:
    code = value.strip().upper() if isinstance(value, str) else ""
    if code not in MODES:
        raise VerificationError(
            "Choisissez un mode : A (Autonomie), C (Coopération), H (Harmonisation), M (Mutualisation) "
            "ou I (Intégration).",
            FIELD_MODE,
        )
    return code


def attest(
    db: Database,
    actor: Actor,
    cell: Cell,
    mode: str,
    source: str,
    comment: str | None,
    key: str,
) -> Attested | Refused:
    """Record `mode` as attested for the cell by `actor` (a référent of its function or an admin), then close
    the cell's open requests and flags. The same key twice is recorded once."""
    if not may_verify(db, actor, cell.function.id):
        return Refused(refuse_verify(db, actor, cell.key, cell.function.id, cell.function.label))
    assessment = corrections.attestation(mode, source, actor.user_id, actor.name, comment)
    new = NewCorrection(
        activity=cell.activity.id,
        year=cell.year,
        assessment=assessment,
        source=source,
        comment=comment,
        author_id=actor.user_id,
        author_name=actor.name,
        origin=actor.source if actor.source in corrections.ORIGINS else "modal",
        idempotency_key=key,
    )
    recorded = corrections.record_correction(db, new)
    resolved: list[Request] = []
    if not recorded.duplicate:
        resolved = corrections.resolve_cell(db, cell.activity.id, cell.year, recorded.correction, actor.user_id)
        for request in resolved:
            log_event(db, actor.user_id, f"{request.kind}_{request.outcome}", cell.key, f"request {request.id}")
    return Attested(recorded, cell, tuple(resolved))


def ask_referents(
    db: Database, actor: Actor, cell: Cell, key: str, *, channel: str | None, thread_ts: str | None, question: str
) -> tuple[Request, bool, list[str]]:
    """Record the request (once per key); the référents to notify (empty: the function has none)."""
    request, new = _open_request(db, "ask", actor, cell, key, channel=channel, thread_ts=thread_ts, question=question)
    return request, new, referents_of(db, cell.function.id)


def flag_error(
    db: Database, actor: Actor, cell: Cell, key: str, *, channel: str | None, thread_ts: str | None, question: str
) -> tuple[Request, bool, list[str]]:
    """Record a flag on a stated mode (audited); the référents who review it."""
    request, new = _open_request(db, "flag", actor, cell, key, channel=channel, thread_ts=thread_ts, question=question)
    if new:
        log_event(
            db, actor.user_id, "flag_opened", cell.key, f"mode {cell.assessment.mode} ({cell.assessment.certainty})"
        )
    return request, new, referents_of(db, cell.function.id)


def _open_request(
    db: Database,
    kind: str,
    actor: Actor,
    cell: Cell,
    key: str,
    *,
    channel: str | None,
    thread_ts: str | None,
    question: str,
) -> tuple[Request, bool]:
    """An ask or a flag about a cell, recorded once per key (a flag keeps the mode it disputes)."""
    return corrections.open_request(
        db,
        NewRequest(
            kind=kind,
            activity=cell.activity.id,
            year=cell.year,
            function=cell.function.id,
            mode=cell.assessment.mode if kind == "flag" else None,
            requester_id=actor.user_id,
            requester_name=actor.name,
            idempotency_key=key,
            channel=channel,
            thread_ts=thread_ts,
            question=question,
        ),
    )
