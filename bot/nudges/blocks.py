"""Block Kit of nudges: the référent's digest (grouped, one message), its buttons, the App Home's reminder
settings, and what a button press leaves in the message. Pure functions."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

from bot.conversation.blocks import button, context, escape, section, shorten
from bot.nudges.plan import CommitmentState, Nudge
from bot.tracking.views import ACTION_OPEN_UPDATE
from reports.formats import french_date, percent
from storage.statuses import EMOJI, label

ACTION_CONFIRM = "srom_nudge_confirm"
ACTION_SNOOZE = "srom_nudge_snooze"
ACTION_OPT_OUT = "srom_nudge_optout"
ACTION_RESUME = "srom_nudge_resume"
NUDGE_ACTIONS = (ACTION_CONFIRM, ACTION_SNOOZE, ACTION_OPT_OUT, ACTION_RESUME)  # updated in place, not answered
ITEM_BLOCK = "srom_nudge_item"  # + ":<commitment id>": the buttons of one commitment
SETTINGS_BLOCK = "srom_nudge_settings"
MAX_ITEMS = 12  # 2 blocks each: the message stays well under Slack's 50 blocks
SNOOZE_DAYS = {"week": 7, "month": 30}


def french_day(day: date) -> str:
    """12 décembre (the year only when it is not obvious is left to the caller)."""
    return french_date(day.isoformat()).rsplit(" ", 1)[0]


def item_text(item: CommitmentState, day: date) -> str:
    head = f"*{item.id}* — {escape(shorten(item.title, 120))}"
    if item.status is None or item.updated_at is None:
        return f"{head}\n◻️ _jamais mis à jour_"
    age = (day - date.fromisoformat(item.updated_at[:10])).days
    state = f"{EMOJI.get(item.status, '◻️')} {label(item.status)} · {percent(item.percent)}"
    return f"{head}\n{state} · dernière mise à jour le {french_date(item.updated_at)} (il y a {age} jours)"


def item_buttons(item: CommitmentState, nudge_key: str) -> dict:
    elements = [button("Mettre à jour", f"{ACTION_OPEN_UPDATE}:0", json.dumps({"c": item.id}), style="primary")]
    if item.status is not None:  # there is a status to confirm
        elements.append(button("Rien de nouveau", f"{ACTION_CONFIRM}:1", json.dumps({"c": item.id, "k": nudge_key})))
    return {"type": "actions", "block_id": f"{ITEM_BLOCK}:{item.id}", "elements": elements}


def settings_buttons() -> dict:
    return {
        "type": "actions",
        "block_id": SETTINGS_BLOCK,
        "elements": [
            button("Me le rappeler dans une semaine", f"{ACTION_SNOOZE}:0", "week"),
            button("Dans un mois", f"{ACTION_SNOOZE}:1", "month"),
            button("Ne plus me relancer", f"{ACTION_OPT_OUT}:2", "out"),
        ],
    }


def digest_title(nudge: Nudge) -> str:
    if nudge.kind == "campaign" and nudge.bureau is not None:
        return f"Mise à jour avant le Bureau du {french_day(nudge.bureau)}"
    return "Vos engagements du SROM attendent des nouvelles"


def build_digest_blocks(nudge: Nudge, stale_days: int) -> list[dict]:
    """One message for everything the référent is asked: their stale commitments (a line and two buttons each),
    then the sections other features bring, then snooze and opt-out."""
    title = digest_title(nudge)
    blocks: list[dict] = [{"type": "header", "text": {"type": "plain_text", "text": title}}]
    if nudge.items:
        intro = f"Ces engagements n'ont pas été mis à jour depuis plus de {stale_days} jours (ou jamais)."
        if nudge.kind == "campaign" and nudge.bureau is not None:
            intro = (
                f"Le Bureau se réunit le {french_day(nudge.bureau)} : le rapport montrera l'état de vos engagements. "
                + intro
            )
        blocks.append(section(intro + " Un clic suffit : *Rien de nouveau* confirme l'état actuel."))
        for item in nudge.items[:MAX_ITEMS]:
            blocks += [section(item_text(item, nudge.local_date)), item_buttons(item, nudge.key)]
        if len(nudge.items) > MAX_ITEMS:
            blocks.append(context(f"Et {len(nudge.items) - MAX_ITEMS} autres : `/srom-engagement liste`."))
    for extra in nudge.sections:
        blocks.append(section(f"*{escape(extra.title)}*\n" + "\n".join(extra.lines)))
    blocks += [
        {"type": "divider"},
        settings_buttons(),
        context("Au plus un rappel par semaine, les jours ouvrés, le matin. Réglages aussi dans l'onglet Accueil."),
    ]
    return blocks


def digest_text(nudge: Nudge) -> str:
    count = len(nudge.items)
    if count:
        return f"{digest_title(nudge)} : {count} engagement{'s' if count > 1 else ''} à mettre à jour"
    return digest_title(nudge)


def replace_item(blocks: Sequence[dict], commitment_id: str, replacement: list[dict]) -> list[dict]:
    """The message after a click on one commitment: its buttons replaced (e.g. by "confirmé")."""
    out: list[dict] = []
    for block in blocks:
        if block.get("block_id") == f"{ITEM_BLOCK}:{commitment_id}":
            out.extend(replacement)
        else:
            out.append(block)
    return out


def replace_settings(blocks: Sequence[dict], replacement: list[dict]) -> list[dict]:
    out: list[dict] = []
    for block in blocks:
        out.extend(replacement if block.get("block_id") == SETTINGS_BLOCK else [block])
    return out


def build_home_settings_blocks(opted_out: bool, snoozed_until: date | None, today: date) -> list[dict]:
    """The App Home's "Rappels" part for a référent: the current setting and the buttons to change it."""
    if opted_out:
        state = "Vous ne recevez plus de rappels de mise à jour."
        elements = [button("Reprendre les rappels", f"{ACTION_RESUME}:0", "on")]
    else:
        state = "Vous recevez au plus un rappel par semaine quand un engagement attend une mise à jour."
        if snoozed_until is not None and snoozed_until > today:
            state = f"Rappels en pause jusqu'au {french_date(snoozed_until.isoformat())}."
        elements = [
            button("Pause d'une semaine", f"{ACTION_SNOOZE}:0", "week"),
            button("Pause d'un mois", f"{ACTION_SNOOZE}:1", "month"),
            button("Ne plus me relancer", f"{ACTION_OPT_OUT}:2", "out"),
        ]
        if snoozed_until is not None and snoozed_until > today:
            elements.append(button("Reprendre maintenant", f"{ACTION_RESUME}:3", "on"))
    return [
        {"type": "header", "text": {"type": "plain_text", "text": "Rappels"}},
        section(state),
        {"type": "actions", "block_id": SETTINGS_BLOCK, "elements": elements},
    ]
