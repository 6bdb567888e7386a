"""The progress update modal, what its submission holds, and the référent's part of the App Home. Pure."""

from __future__ import annotations

import json
from collections.abc import Sequence

from bot.conversation.blocks import context, escape, modal, plain, section, shorten, state_value
from bot.tracking.blocks import state_text
from bot.tracking.parse import (
    FIELD_COMMENT,
    FIELD_COMMITMENT,
    FIELD_PERCENT,
    FIELD_STATUS,
    InputError,
    UpdateRequest,
    check_comment,
    check_consistent,
    check_percent,
    check_status,
)
from storage.commitments import StoredCommitment
from storage.progress import COMMENT_MAX, Entry
from storage.statuses import EMOJI, LABELS, STATUSES

VIEW_PROGRESS = "srom_progress_modal"
ACTION_OPEN_UPDATE = "srom_progress_open"
BLOCKS = {
    FIELD_COMMITMENT: "srom_progress_commitment",
    FIELD_STATUS: "srom_progress_status",
    FIELD_PERCENT: "srom_progress_percent",
    FIELD_COMMENT: "srom_progress_comment",
}
MAX_OPTIONS = 100
HOME_MAX_COMMITMENTS = 40


def _option(text: str, value: str) -> dict:
    return {"text": {"type": "plain_text", "text": shorten(text, 75), "emoji": True}, "value": value}


def _input(field: str, label: str, element: dict, *, optional: bool = False, hint: str | None = None) -> dict:
    block = {
        "type": "input",
        "block_id": BLOCKS[field],
        "label": {"type": "plain_text", "text": label},
        "element": {**element, "action_id": field},
        "optional": optional,
    }
    if hint:
        block["hint"] = {"type": "plain_text", "text": hint}
    return block


def build_progress_modal(
    commitments: Sequence[StoredCommitment], *, selected: str | None = None, latest: Entry | None = None
) -> dict:
    """The update form: one of the user's commitments, status, percent, comment (prefilled from `latest`)."""
    options = [_option(f"{c.id} — {c.title}", c.id) for c in commitments[:MAX_OPTIONS]]
    pick: dict = {"type": "static_select", "options": options, "placeholder": plain("Choisir un engagement")}
    chosen = next((o for o in options if o["value"] == selected), None)
    if chosen:
        pick["initial_option"] = chosen
    statuses = [_option(f"{EMOJI[s]} {LABELS[s]}", s) for s in STATUSES]
    status: dict = {"type": "static_select", "options": statuses, "placeholder": plain("Choisir un statut")}
    number: dict = {"type": "number_input", "is_decimal_allowed": False, "min_value": "0", "max_value": "100"}
    if latest is not None:
        status["initial_option"] = statuses[STATUSES.index(latest.status)]  # type: ignore[arg-type]
        if latest.percent is not None:
            number["initial_value"] = str(latest.percent)
    comment = {"type": "plain_text_input", "multiline": True, "max_length": COMMENT_MAX}
    blocks = [
        _input(FIELD_COMMITMENT, "Engagement", pick),
        _input(FIELD_STATUS, "Statut", status),
        _input(FIELD_PERCENT, "Avancement (%)", number, optional=True, hint="De 0 à 100. Vide : inchangé."),
        _input(FIELD_COMMENT, "Commentaire", comment, hint="Ce qui a avancé ou ce qui bloque."),
    ]
    if latest is not None:
        blocks.insert(0, context(f"Dernier état de *{latest.commitment_id}* : {state_text(latest)}"))
    return modal(VIEW_PROGRESS, "Suivi des engagements", blocks, submit="Enregistrer", close="Annuler")


def build_done_view(blocks: list[dict]) -> dict:
    """What the modal shows once the update is recorded (it is recorded before this is shown)."""
    return modal(f"{VIEW_PROGRESS}_done", "Suivi des engagements", blocks)


def _value(values: dict, field: str) -> object:
    return state_value(values, BLOCKS[field], field)


def submitted_commitment(view: dict) -> object:
    """The commitment a submitted modal names, as sent (maybe not a string)."""
    state = view.get("state") if isinstance(view, dict) else None
    values = state.get("values") if isinstance(state, dict) else None
    return _value(values, FIELD_COMMITMENT) if isinstance(values, dict) else None


def read_submission(view: dict, known: Sequence[str]) -> tuple[UpdateRequest | None, dict[str, str]]:
    """The update a submitted modal holds, or the error of each field (block id → French message)."""
    state = view.get("state") if isinstance(view, dict) else None
    values = state.get("values") if isinstance(state, dict) else None
    values = values if isinstance(values, dict) else {}
    errors: dict[str, str] = {}
    commitment = _value(values, FIELD_COMMITMENT)
    if not isinstance(commitment, str) or commitment not in known:
        errors[BLOCKS[FIELD_COMMITMENT]] = "Choisissez un de vos engagements dans la liste."
    parsed: dict[str, object] = {}
    for field, check in ((FIELD_STATUS, check_status), (FIELD_COMMENT, _multiline)):
        try:
            parsed[field] = check(_value(values, field))
        except InputError as exc:
            errors[BLOCKS[field]] = exc.message
    raw_percent = _value(values, FIELD_PERCENT)
    try:
        parsed[FIELD_PERCENT] = None if raw_percent in (None, "") else check_percent(raw_percent)
    except InputError as exc:
        errors[BLOCKS[FIELD_PERCENT]] = exc.message
    if FIELD_STATUS in parsed and FIELD_PERCENT in parsed:
        try:
            check_consistent(parsed[FIELD_STATUS], parsed[FIELD_PERCENT])  # type: ignore[arg-type]
        except InputError as exc:
            errors[BLOCKS[FIELD_PERCENT]] = exc.message
    if errors:
        return None, errors
    request = UpdateRequest(str(commitment), parsed[FIELD_STATUS], parsed[FIELD_PERCENT], parsed[FIELD_COMMENT])  # type: ignore[arg-type]
    return request, {}


def _multiline(value: object) -> str:
    return check_comment(value, multiline=True)


def build_home_blocks(items: Sequence[tuple[StoredCommitment, Entry | None]]) -> list[dict]:
    """The App Home's list for a référent: each commitment's state and a button opening the prefilled modal."""
    if not items:
        return []
    blocks: list[dict] = [
        {"type": "divider"},
        {"type": "header", "text": plain("Vos engagements")},
    ]
    for commitment, entry in items[:HOME_MAX_COMMITMENTS]:
        text = f"*{commitment.id}* — {escape(shorten(commitment.title, 150))}\n{state_text(entry)}"
        block = section(text)
        block["accessory"] = {
            "type": "button",
            "text": {"type": "plain_text", "text": "Mettre à jour", "emoji": True},
            "action_id": ACTION_OPEN_UPDATE,
            "value": json.dumps({"c": commitment.id}),
        }
        blocks.append(block)
    if len(items) > HOME_MAX_COMMITMENTS:
        blocks.append(context(f"Et {len(items) - HOME_MAX_COMMITMENTS} autres : `/srom-engagement liste`."))
    return blocks
