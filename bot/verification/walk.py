"""Renseigner les cellules manquantes: a modal that walks a référent through the unspecified cells of a function,
one after another (a mode, or "je ne sais pas" to skip), the source typed once for the whole batch.

The walk keeps its place in the view's private_metadata (function, position, source, count); each step is
recorded before the next cell shows, keyed on the view id and the cell, so a step submitted twice counts once.
"""

from __future__ import annotations

import json

from bot.conversation.blocks import context, escape, modal, plain, section, shorten
from bot.conversation.reply import Invocation, Reply, error_reply
from bot.engine.default import current_kb
from bot.tracking.access import Actor
from bot.verification.access import may_verify, refuse_verify
from bot.verification.actions import askers_notices
from bot.verification.service import (
    FIELD_SOURCE,
    MODES,
    SOURCE_MAX,
    Cell,
    Refused,
    VerificationError,
    attest,
    clean_text,
)
from srom_data.models import KnowledgeBase
from storage.tx import StorageBusy

ACTION_VERIFY_WALK = "srom_verify_walk"
VIEW_WALK = "srom_verify_walk_modal"
BLOCK_MODE, BLOCK_SOURCE = "srom_walk_mode", "srom_walk_source"
SKIP = "skip"


def function_cells(kb: KnowledgeBase, function_id: str) -> list[Cell]:
    """The function's cells in the document's order: year by year, activity by activity."""
    fn = next((f for f in kb.functions if f.id == function_id), None)
    if fn is None:
        return []
    return [
        Cell(fn, a, year, a.assessments[year]) for year in kb.meta.years for a in fn.activities if year in a.placements
    ]


def next_unspecified(kb: KnowledgeBase, function_id: str, position: int) -> tuple[int, Cell] | None:
    for i, cell in enumerate(function_cells(kb, function_id)):
        if i >= position and cell.assessment.certainty == "unspecified":
            return i, cell
    return None


def build_walk_view(kb: KnowledgeBase, function_id: str, position: int, *, source: str = "", done: int = 0) -> dict:
    """The step of the cell at or after `position`; the end of the walk when none is left."""
    found = next_unspecified(kb, function_id, position)
    label = next((f.label for f in kb.functions if f.id == function_id), function_id)
    meta = {"f": function_id, "p": position, "s": source, "n": done}
    if found is None:
        text = f"✅ Fin du parcours de *{escape(label)}* : {done} cellule(s) renseignée(s) dans ce parcours."
        return modal(f"{VIEW_WALK}_done", "Cellules à renseigner", [section(text)])
    index, cell = found
    meta.update(p=index, a=cell.activity.id, y=cell.year)
    remaining = sum(1 for c in function_cells(kb, function_id)[index:] if c.assessment.certainty == "unspecified")
    options = [{"text": plain(f"{m.code} — {m.label}"), "value": m.code} for m in kb.modes if m.code in MODES]
    options.append({"text": plain("Je ne sais pas (passer)"), "value": SKIP})
    blocks: list[dict] = [
        context(f"{escape(label)} · {remaining} cellule(s) à renseigner · {done} renseignée(s) dans ce parcours"),
        section(f"*{escape(cell.label)}* — carte {cell.year}"),
    ]
    block = cell.activity.placements[cell.year].block
    if block:
        blocks.append(context(f"Bloc : {escape(shorten(block, 120))}"))
    blocks.append(
        {
            "type": "input",
            "block_id": BLOCK_MODE,
            "label": plain("Mode sur le diagramme original"),
            "element": {"type": "radio_buttons", "action_id": "mode", "options": options},
        }
    )
    if not source:
        blocks.append(
            {
                "type": "input",
                "block_id": BLOCK_SOURCE,
                "label": plain("Source (pour tout le parcours)"),
                "element": {
                    "type": "plain_text_input",
                    "action_id": "source",
                    "max_length": SOURCE_MAX,
                    "placeholder": plain("diagramme original, p. 14"),
                },
            }
        )
    else:
        blocks.append(context(f"Source : {escape(source)}"))
    return modal(
        VIEW_WALK,
        "Cellules à renseigner",
        blocks,
        submit="Suivant",
        close="Terminer",
        metadata=json.dumps(meta, ensure_ascii=False),
    )


def open_walk(value: str, invocation: Invocation) -> Reply:
    """The App Home's button: the first unspecified cell of the function (référents of it, admins)."""
    kb = current_kb()
    function = next((f for f in kb.functions if f.id == value), None)
    if function is None:
        return error_reply(message="Fonction inconnue : rouvrez l'onglet Accueil.")
    db, actor = invocation.db(), Actor.of(invocation)
    if not may_verify(db, actor, function.id):
        return error_reply(message=refuse_verify(db, actor, function.id, function.id, function.label))
    return Reply(text="Cellules à renseigner", modal=build_walk_view(kb, function.id, 0))


def walk_step(view: dict, invocation: Invocation) -> tuple[dict | None, dict[str, str]]:
    """One submitted step: (the next view, {}) once recorded or skipped, or (None, field errors)."""
    next_view, errors, _ = walk_step_with_notices(view, invocation)
    return next_view, errors


def walk_step_with_notices(view: dict, invocation: Invocation) -> tuple[dict | None, dict[str, str], tuple]:
    """walk_step, with the notices to the askers whose cell this step attested."""
    try:
        meta = json.loads(view.get("private_metadata") or "{}")
        function_id, position, source, done = str(meta["f"]), int(meta["p"]), str(meta.get("s") or ""), int(meta["n"])
    except (TypeError, ValueError, KeyError, AttributeError):
        return None, {BLOCK_MODE: "Ce parcours n'est plus valable : rouvrez l'onglet Accueil."}, ()
    values = (view.get("state") or {}).get("values") or {}
    choice = ((values.get(BLOCK_MODE) or {}).get("mode") or {}).get("selected_option") or {}
    mode = choice.get("value") if isinstance(choice, dict) else None
    if mode not in (*MODES, SKIP):
        return None, {BLOCK_MODE: "Choisissez un mode, ou « Je ne sais pas » pour passer."}, ()
    if not source:
        try:
            source = (
                clean_text(
                    ((values.get(BLOCK_SOURCE) or {}).get("source") or {}).get("value"),
                    FIELD_SOURCE,
                    required=mode != SKIP,
                    limit=SOURCE_MAX,
                )
                or ""
            )
        except VerificationError as exc:
            return None, {BLOCK_SOURCE: exc.message}, ()
    # The cell the step showed (by id: a step delivered twice must not attest the next cell), and its place.
    kb = current_kb()
    cells = function_cells(kb, function_id)
    index = next((i for i, c in enumerate(cells) if (c.activity.id, c.year) == (meta.get("a"), meta.get("y"))), -1)
    if index < 0:
        return build_walk_view(kb, function_id, position, source=source, done=done), {}, ()
    cell = cells[index]
    notices: tuple = ()
    if mode != SKIP:
        actor = Actor.of(invocation)
        try:
            result = attest(invocation.db(), actor, cell, mode, source, None, f"walk:{view.get('id')}:{cell.key}")
        except StorageBusy:
            return None, {BLOCK_MODE: "La base est momentanément occupée : rien n'a été enregistré. Réessayez."}, ()
        if isinstance(result, Refused):
            return None, {BLOCK_MODE: result.message[:300]}, ()
        done += 1  # a redelivered step carries the same count: it counts once either way
        notices = askers_notices(result)
    return build_walk_view(current_kb(), function_id, index + 1, source=source, done=done), {}, notices
