"""The référent's part of the App Home for verification: their functions' coverage, the open requests and flags
(the review queue), and the walk through the cells still to fill in."""

from __future__ import annotations

from sqlite_utils import Database

from bot.conversation.blocks import button, section
from bot.engine.default import current_kb
from bot.verification.commands import coverage_line, request_blocks
from bot.verification.walk import ACTION_VERIFY_WALK
from srom_data.coverage import mode_coverage
from storage import corrections, roles


def verification_home_blocks(db: Database, user_id: str) -> list[dict]:
    """Référents see their functions, admins every function; others nothing."""
    admin = roles.is_admin(db, user_id)
    functions = set(roles.referent_functions(db, user_id))
    if not functions and not admin:
        return []
    rows = [r for r in mode_coverage(current_kb(), corrections.flagged_cells(db)) if admin or r.id in functions]
    blocks: list[dict] = [
        {"type": "divider"},
        {"type": "header", "text": {"type": "plain_text", "text": "Cartographie des modes"}},
        section("\n".join(coverage_line(r) for r in rows) or "Aucune fonction."),
    ]
    walk = [
        button(f"Renseigner les cellules manquantes — {r.id}", f"{ACTION_VERIFY_WALK}:{i}", r.id)
        for i, r in enumerate(rows)
        if r.total["unspecified"]
    ]
    if walk:
        blocks.append({"type": "actions", "block_id": "srom_verify_walk", "elements": walk[:5]})
    queue = request_blocks(corrections.open_requests(db, functions=None if admin else functions))
    if queue:
        blocks += [section("*Demandes et signalements ouverts*"), *queue[:20]]
    return blocks
