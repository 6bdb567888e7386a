"""Block Kit of verification: the discreet actions under an answer, the référents' messages, what was recorded,
the note to the asker, history and coverage. Pure functions."""

from __future__ import annotations

import json
from collections.abc import Sequence

from bot.conversation.blocks import button, context, escape, section, shorten
from bot.engine.replies import attested_by
from bot.verification.service import Cell
from srom_data.models import Assessment, KnowledgeBase
from storage.corrections import Correction, Request

ACTION_VERIFY_OPEN = "srom_verify_open"
ACTION_VERIFY_ASK = "srom_verify_ask"
ACTION_VERIFY_FLAG = "srom_verify_flag"
BLOCK_VERIFY = "srom_verify_actions"
CERTAINTY_FR = {"explicit": "explicite", "deduced": "déduit", "attested": "attesté", "unspecified": "non précisé"}


def cell_value(cell: Cell, *, question: str = "", request: int | None = None, mode: str | None = None) -> str:
    data: dict = {"a": cell.activity.id, "y": cell.year}
    if question:
        data["q"] = question[:300]
    if request is not None:
        data["r"] = request
    if mode:
        data["m"] = mode
    return json.dumps(data, ensure_ascii=False)


def read_value(value: str) -> dict:
    try:
        data = json.loads(value)
    except (TypeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def mode_name(kb: KnowledgeBase, code: str | None) -> str:
    if not code:
        return "non précisé"
    return f"{kb.mode(code).label} ({code})"


def state_of(kb: KnowledgeBase, assessment: Assessment) -> str:
    """« Intégration (I) — attesté par <@U1> le 3 déc. 2026 (diagramme p. 14) », « non précisé »."""
    if assessment.mode is None:
        return "non précisé"
    if assessment.certainty == "attested" and assessment.attestation:
        return f"{mode_name(kb, assessment.mode)} — {attested_by('fr', assessment.attestation)}"
    return f"{mode_name(kb, assessment.mode)} — {CERTAINTY_FR[assessment.certainty]}"


def cell_heading(cell: Cell) -> str:
    return f"*{escape(cell.label)}* ({escape(cell.function.label)}), carte {cell.year}"


BUTTONS = {
    "fr": {
        "fill": "Renseigner le mode",
        "fix": "Corriger",
        "ask": "Demander au référent",
        "flag": "Signaler une erreur",
    },
    "en": {"fill": "Fill in the mode", "fix": "Correct", "ask": "Ask the référent", "flag": "Report an error"},
}


def build_answer_actions(cell: Cell, *, writer: bool, question: str, lang: str = "fr") -> dict | None:
    """The buttons under an answer about one cell: write it (référent, admin), ask the référents (others) when
    the text leaves it open (unspecified, deduced); flag an error on any stated mode."""
    value = cell_value(cell, question=question)
    certainty = cell.assessment.certainty
    names = BUTTONS["en" if lang == "en" else "fr"]
    elements = []
    if writer:
        elements.append(button(names["fill" if certainty == "unspecified" else "fix"], ACTION_VERIFY_OPEN, value))
    elif certainty in ("unspecified", "deduced"):
        elements.append(button(names["ask"], ACTION_VERIFY_ASK, value))
    if cell.assessment.mode is not None and not writer:
        elements.append(button(names["flag"], ACTION_VERIFY_FLAG, value))
    if not elements:
        return None
    return {"type": "actions", "block_id": BLOCK_VERIFY, "elements": elements}


def build_ask_dm(cell: Cell, request: Request) -> tuple[str, list[dict]]:
    """The référent's direct message: who asks what, about which cell, and a Renseigner button."""
    asked = f"\n> {escape(shorten(request.question, 200))}" if request.question else ""
    text = f"<@{request.requester_id}> demande le mode de {cell_heading(cell)}.{asked}"
    blocks = [
        section(f"❓ {text}\nAujourd'hui : {CERTAINTY_FR[cell.assessment.certainty]}."),
        {
            "type": "actions",
            "block_id": BLOCK_VERIFY,
            "elements": [
                button("Renseigner", ACTION_VERIFY_OPEN, cell_value(cell, request=request.id), style="primary")
            ],
        },
        context("Vous êtes référent de cette fonction. Le demandeur sera prévenu dès que le mode sera enregistré."),
    ]
    return f"Demande de mode : {cell.label} {cell.year}", blocks


def build_flag_dm(kb: KnowledgeBase, cell: Cell, request: Request) -> tuple[str, list[dict]]:
    """The référent's review item: the flagged mode, Confirmer (attest it) or Corriger."""
    stated = state_of(kb, cell.assessment)
    asked = f"\n> {escape(shorten(request.question, 200))}" if request.question else ""
    blocks = [
        section(f"⚠️ <@{request.requester_id}> signale une erreur possible sur {cell_heading(cell)} : {stated}.{asked}"),
        {
            "type": "actions",
            "block_id": BLOCK_VERIFY,
            "elements": [
                button(
                    f"Confirmer {cell.assessment.mode}",
                    f"{ACTION_VERIFY_OPEN}:0",
                    cell_value(cell, request=request.id, mode=cell.assessment.mode),
                ),
                button("Corriger", f"{ACTION_VERIFY_OPEN}:1", cell_value(cell, request=request.id)),
            ],
        },
        context("Confirmer atteste le même mode (avec votre source) ; Corriger en enregistre un autre."),
    ]
    return f"Signalement : {cell.label} {cell.year}", blocks


def build_recorded_blocks(
    kb: KnowledgeBase, cell: Cell, correction: Correction, *, duplicate: bool, told: int
) -> list[dict]:
    head = "☑️ Déjà enregistré (même envoi reçu deux fois)" if duplicate else "✅ Enregistré"
    blocks = [
        section(f"{head} — {cell_heading(cell)} : *{escape(state_of(kb, correction.assessment))}*"),
        context(f"Avant : {escape(state_of(kb, cell.assessment))}"),
    ]
    if told:
        blocks.append(
            context(f"{told} demande(s) ou signalement(s) de cette cellule clos ; les demandeurs sont prévenus.")
        )
    return blocks


def build_asker_notice(
    kb: KnowledgeBase, cell: Cell, correction: Correction, request: Request
) -> tuple[str, list[dict]]:
    verb = {"attested": "est maintenant renseigné", "confirmed": "est confirmé", "corrected": "est corrigé"}
    done = verb.get(request.outcome or "attested", "est renseigné")
    text = (
        f"<@{request.requester_id}> le mode de {cell_heading(cell)} {done} : *{state_of(kb, correction.assessment)}*."
    )
    return text, [section("✅ " + text)]


def build_history_blocks(kb: KnowledgeBase, cell: Cell, items: Sequence[Correction]) -> list[dict]:
    blocks = [section(f"Historique de {cell_heading(cell)}")]
    if not items:
        return [*blocks, context("Aucune correction : le mode est celui des fichiers de données.")]
    lines = []
    for c in items:
        note = f" — « {escape(shorten(c.comment, 140))} »" if c.comment else ""
        lines.append(f"• {c.created_at[:10]} : *{escape(state_of(kb, c.assessment))}*{note}")
    return [*blocks, section("\n".join(lines)), context("La plus récente l'emporte ; rien n'est jamais effacé.")]
