"""Block Kit views: the App Home tab and the question modal. Pure functions."""

from __future__ import annotations

from collections.abc import Sequence

from bot.conversation.blocks import EXAMPLES, CommandHelp, button, context, escape, section, shorten
from srom_data.models import KnowledgeBase

ACTION_HOME_ASK = "srom_home_ask"
VIEW_ASK = "srom_ask_modal"
BLOCK_QUESTION = "srom_question"
INPUT_QUESTION = "question_input"
QUESTION_MAX_LENGTH = 1000
MAX_VIEW_BLOCKS = 100


def _header(text: str) -> dict:
    return {"type": "header", "text": {"type": "plain_text", "text": text[:150], "emoji": True}}


def _knowledge_lines(kb: KnowledgeBase) -> list[str]:
    years = ", ".join(
        f"{year} ({kb.meta.year_labels[year]})" if year in kb.meta.year_labels else str(year) for year in kb.meta.years
    )
    functions = ", ".join(f.label for f in kb.functions)
    lines = [
        f"• Les fonctions support et leurs activités : {escape(functions)}",
        f"• Le mode de gestion de chaque activité par année : {years}",
    ]
    bodies = [i for i in kb.governance.instances if i.kind != "chamber"]
    if bodies:
        lines.append(f"• La gouvernance : {len(bodies)} instances, qui elles sont et qui décide")
    if kb.commitments:
        lines.append(f"• Les engagements du réseau : {len(kb.commitments)} engagements")
    lines.append("• Et, toujours, l'endroit du document où c'est écrit")
    return lines


def build_home_view(kb: KnowledgeBase, commands: Sequence[CommandHelp], extra_blocks: Sequence[dict] = ()) -> dict:
    """The App Home: what the bot knows, how to ask, the five modes. `extra_blocks` come after the intro."""
    blocks: list[dict] = [
        _header("Assistant SROM"),
        section(f"Je réponds aux questions sur le *{escape(kb.meta.title)}*.\n\n*Ce que je sais*"),
        section("\n".join(_knowledge_lines(kb))),
        {
            "type": "actions",
            "block_id": "srom_home_actions",
            "elements": [button("Poser une question", ACTION_HOME_ASK, "ask", style="primary")],
        },
        *extra_blocks,
        {"type": "divider"},
        _header(f"Les {len(kb.modes)} modes de gestion"),
    ]
    for mode in kb.modes:
        quote = shorten(mode.definition.quote, 600)
        blocks.append(section(f"*{escape(mode.label)} ({mode.code})*\n_{escape(quote)}_"))
    examples = "\n".join(f"• _{q}_" for q in EXAMPLES["fr"])
    commands_text = "\n".join(f"• `{escape((name + ' ' + hint).strip())}` — {desc}" for name, hint, desc in commands)
    blocks += [
        {"type": "divider"},
        section(f"*Exemples de questions*\n{examples}"),
        section(
            "*Où me parler*\n• Mentionnez-moi dans un canal (réponse dans le fil)\n"
            f"• Onglet *Messages* de l'application\n{commands_text}"
        ),
        context("Les réponses citent le SROM ; quand le document ne dit rien, je le dis aussi."),
    ]
    return {"type": "home", "blocks": blocks[:MAX_VIEW_BLOCKS]}


def build_ask_modal(*, question: str = "", answer_blocks: Sequence[dict] = (), pending: bool = False) -> dict:
    """The question modal; after a submission it shows the answer under the question, ready for another one."""
    element: dict = {
        "type": "plain_text_input",
        "action_id": INPUT_QUESTION,
        "max_length": QUESTION_MAX_LENGTH,
        "placeholder": {"type": "plain_text", "text": "mode pour la paie en 2017 ?"},
    }
    if question:
        element["initial_value"] = question[:QUESTION_MAX_LENGTH]
    blocks: list[dict] = [
        {
            "type": "input",
            "block_id": BLOCK_QUESTION,
            "label": {"type": "plain_text", "text": "Votre question sur le SROM"},
            "element": element,
        }
    ]
    if pending:
        blocks.append(context("⏳ Je cherche dans le SROM…"))
    if answer_blocks:
        blocks += [{"type": "divider"}, *answer_blocks]
    return {
        "type": "modal",
        "callback_id": VIEW_ASK,
        "title": {"type": "plain_text", "text": "Assistant SROM"},
        "submit": {"type": "plain_text", "text": "Demander"},
        "close": {"type": "plain_text", "text": "Fermer"},
        "blocks": blocks[:MAX_VIEW_BLOCKS],
    }


def submitted_question(view: dict) -> str:
    """The question typed in the modal ('' when missing)."""
    values = view.get("state", {}).get("values", {})
    value = values.get(BLOCK_QUESTION, {}).get(INPUT_QUESTION, {}).get("value")
    return value.strip() if isinstance(value, str) else ""
