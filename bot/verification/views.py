"""The correction modal (mode, source, comment; the text's evidence and rationale shown for context) and what
its submission holds. Pure."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from bot.conversation.blocks import context, escape, modal, plain, section, shorten, state_value
from bot.verification.blocks import cell_heading, state_of
from bot.verification.service import (
    COMMENT_MAX,
    FIELD_COMMENT,
    FIELD_MODE,
    FIELD_SOURCE,
    MODES,
    SOURCE_MAX,
    Cell,
    VerificationError,
    check_mode,
    clean_text,
)
from srom_data.models import KnowledgeBase
from storage.corrections import Correction

VIEW_VERIFY = "srom_verify_modal"
BLOCKS = {FIELD_MODE: "srom_verify_mode", FIELD_SOURCE: "srom_verify_source", FIELD_COMMENT: "srom_verify_comment"}


@dataclass(frozen=True)
class Submission:
    activity: str
    year: int
    mode: str
    source: str
    comment: str | None
    request: int | None = None


def _input(field: str, label: str, element: dict, *, optional: bool = False, hint: str | None = None) -> dict:
    block = {
        "type": "input",
        "block_id": BLOCKS[field],
        "label": plain(label),
        "element": {**element, "action_id": field},
        "optional": optional,
    }
    if hint:
        block["hint"] = plain(hint)
    return block


def build_verify_modal(
    kb: KnowledgeBase,
    cell: Cell,
    *,
    history: Sequence[Correction] = (),
    mode: str | None = None,
    request: int | None = None,
) -> dict:
    """The form: the cell, what the text says of it (evidence, rationale), its history, then the three fields."""
    a = cell.assessment
    blocks: list[dict] = [section(f"{cell_heading(cell)}\nAujourd'hui : *{escape(state_of(kb, a))}*")]
    for ev in a.evidence[:2]:
        blocks.append(context(f"📖 _{escape(shorten(ev.section, 80))}_ — « {escape(shorten(ev.quote, 280))} »"))
    if a.rationale:
        blocks.append(context(f"Raisonnement : _{escape(shorten(a.rationale, 280))}_"))
    if not a.evidence and a.certainty == "unspecified":
        blocks.append(context("Le texte du SROM ne donne pas ce mode (les couleurs des cartes se sont perdues)."))
    if history:
        lines = " · ".join(
            f"{c.created_at[:10]} {c.mode or '?'} ({escape(c.author_name or c.author_id)})" for c in history[:3]
        )
        blocks.append(context(f"Corrections précédentes : {lines}"))
    options = [
        {"text": plain(f"{code} — {kb.mode(code).label}"), "value": code}
        for code in MODES
        if code in {m.code for m in kb.modes}
    ]
    select: dict = {"type": "static_select", "options": options, "placeholder": plain("Choisir le mode")}
    chosen = mode or (a.mode if a.certainty != "unspecified" else None)
    if chosen in MODES:
        select["initial_option"] = next(o for o in options if o["value"] == chosen)
    source = {"type": "plain_text_input", "max_length": SOURCE_MAX, "placeholder": plain("diagramme original, p. 14")}
    comment = {"type": "plain_text_input", "multiline": True, "max_length": COMMENT_MAX}
    blocks += [
        {"type": "divider"},
        _input(FIELD_MODE, "Mode de gestion", select),
        _input(
            FIELD_SOURCE, "Source", source, hint="Ce sur quoi vous vous appuyez : diagramme original, note, décision…"
        ),
        _input(FIELD_COMMENT, "Commentaire", comment, optional=True),
        context(
            "Enregistré comme *attesté* à votre nom, daté d'aujourd'hui ; l'historique de la cellule est conservé."
        ),
    ]
    metadata = {"a": cell.activity.id, "y": cell.year}
    if request is not None:
        metadata["r"] = request
    return modal(
        VIEW_VERIFY, "Mode de gestion", blocks, submit="Enregistrer", close="Annuler", metadata=json.dumps(metadata)
    )


def build_done_view(blocks: list[dict]) -> dict:
    return modal(f"{VIEW_VERIFY}_done", "Mode de gestion", blocks)


def _value(values: dict, field: str) -> object:
    return state_value(values, BLOCKS[field], field)


def read_submission(view: dict) -> tuple[Submission | None, dict[str, str]]:
    """What the submitted form holds, or the error of each field (block id → French message)."""
    state = view.get("state") if isinstance(view, dict) else None
    values = state.get("values") if isinstance(state, dict) else None
    values = values if isinstance(values, dict) else {}
    try:
        metadata = json.loads(view.get("private_metadata") or "{}")
    except (TypeError, ValueError, AttributeError):
        metadata = {}
    metadata = metadata if isinstance(metadata, dict) else {}
    errors: dict[str, str] = {}
    parsed: dict[str, object] = {}
    checks = {
        FIELD_MODE: check_mode,
        FIELD_SOURCE: lambda v: clean_text(v, FIELD_SOURCE, required=True, limit=SOURCE_MAX),
        FIELD_COMMENT: lambda v: clean_text(v, FIELD_COMMENT, required=False, limit=COMMENT_MAX, multiline=True),
    }
    for field, check in checks.items():
        try:
            parsed[field] = check(_value(values, field))
        except VerificationError as exc:
            errors[BLOCKS[field]] = exc.message
    activity, year = metadata.get("a"), metadata.get("y")
    if not isinstance(activity, str) or not isinstance(year, int):
        errors.setdefault(BLOCKS[FIELD_MODE], "Ce formulaire n'est plus valable : reposez la question du mode.")
    if errors:
        return None, errors
    request = metadata.get("r") if isinstance(metadata.get("r"), int) else None
    return (
        Submission(
            str(activity), int(year), str(parsed[FIELD_MODE]), str(parsed[FIELD_SOURCE]), parsed[FIELD_COMMENT], request
        ),  # type: ignore[arg-type]
        {},
    )
