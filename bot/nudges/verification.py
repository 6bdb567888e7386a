"""The weekly digest's part about the mode map: each référent's open asks and flags of their functions' cells
(issue 11's verification), joined to the same digest, never a message of its own."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlite_utils import Database

from bot.engine.default import current_kb
from bot.nudges.plan import DigestSection
from storage import corrections
from storage.roles import referent_functions

MAX_LINES = 8


def open_verification_sections(db: Database, referents: Sequence[str], today: date) -> dict[str, list[DigestSection]]:
    """Référent → one section listing the open requests and flags of their functions (none: no section)."""
    pending = corrections.open_requests(db)
    if not pending:
        return {}
    labels = {a.id: a.label for f in current_kb().functions for a in f.activities}
    found: dict[str, list[DigestSection]] = {}
    for user in referents:
        functions = set(referent_functions(db, user))
        mine = [r for r in pending if r.function in functions]
        if not mine:
            continue
        lines = [_line(r, labels) for r in mine[:MAX_LINES]]
        if len(mine) > MAX_LINES:
            lines.append(f"… et {len(mine) - MAX_LINES} autres")
        lines.append("À traiter depuis l'onglet *Accueil* de l'app, ou `/srom-verif demandes`.")
        title = f"Cartographie des modes : {len(mine)} demande(s) ou signalement(s) en attente"
        found[user] = [DigestSection(title, tuple(lines))]
    return found


def _line(request: corrections.Request, labels: dict[str, str]) -> str:
    label = labels.get(request.activity, request.activity)
    if request.kind == "flag":
        return (
            f"• ⚠️ *{label}* ({request.year}) : <@{request.requester_id}> signale une erreur sur le mode {request.mode}"
        )
    return f"• ❓ *{label}* ({request.year}) : <@{request.requester_id}> demande le mode"
