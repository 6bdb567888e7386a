"""Block Kit for answers, help and errors: pure functions, shared by the Slack handlers and the console.

Slack rejects a section over 3,000 characters and a message over 50 blocks. Long answers are therefore cut
into sections and pages; every page but the last ends with a "Voir la suite" button that carries the question
and the next page number, so the next page is rebuilt from the question (no state kept between requests).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Literal

from bot.engine.answer import Answer, Lang, Source

ACTION_PICK = "srom_pick"
ACTION_MORE = "srom_more"
ACTION_SHARE = "srom_share"

SECTION_TEXT_LIMIT = 3000
# Under Slack's limit with a margin: Slack counts some characters (entities, emoji) differently.
SECTION_CHUNK = 2900
MAX_BLOCKS = 50
PAGE_MAX_CONTENT_BLOCKS = 40
PAGE_MAX_CHARS = 12_000
# Twenty candidate buttons a page: past that, a list of buttons stops being a choice.
PAGE_MAX_BUTTON_ROWS = 4
BUTTON_TEXT_LIMIT = 75
BUTTON_VALUE_LIMIT = 2000
BUTTONS_PER_ROW = 5
QUOTE_LIMIT = 160
SECTION_NAME_LIMIT = 90
MAX_SOURCES = 3
FALLBACK_TEXT_LIMIT = 300

Surface = Literal["thread", "ephemeral", "modal"]

LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "more": "Voir la suite",
        "share": "Partager dans le canal",
        "source": "Source :",
        "other_sources": "et {n} autre(s) passage(s)",
        "part": "partie {n}/{total}",
        "shared": "<@{user}> a partagé cette réponse",
        "asked": "Question : {question}",
        "chosen": "<@{user}> a choisi : {label}",
        "error": "Désolé, je n'ai pas pu répondre à cause d'une erreur de mon côté. Réessayez dans un instant.",
    },
    "en": {
        "more": "See more",
        "share": "Share in channel",
        "source": "Source:",
        "other_sources": "and {n} more passage(s)",
        "part": "part {n}/{total}",
        "shared": "<@{user}> shared this answer",
        "asked": "Question: {question}",
        "chosen": "<@{user}> picked: {label}",
        "error": "Sorry, I could not answer because of an error on my side. Please try again in a moment.",
    },
}


# --- small pieces ------------------------------------------------------------------------------------------------


def escape(text: str) -> str:
    """Escape user text for mrkdwn (Slack's three control characters)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def shorten(text: str, limit: int) -> str:
    """`text` on one line, cut at a word boundary with an ellipsis when longer than `limit`."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.") + "…"


def section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:SECTION_TEXT_LIMIT]}}


def context(*texts: str) -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": t[:SECTION_TEXT_LIMIT]} for t in texts]}


def plain(text: str) -> dict:
    """A plain_text object (titles, labels, options): Slack caps most of them at 150 characters."""
    return {"type": "plain_text", "text": text[:150], "emoji": True}


def modal(
    callback_id: str,
    title: str,
    blocks: list[dict],
    *,
    submit: str | None = None,
    close: str = "Fermer",
    metadata: str | None = None,
) -> dict:
    """A modal view: without `submit`, a read-only one (what a form shows once its work is recorded)."""
    view: dict = {"type": "modal", "callback_id": callback_id}
    if metadata is not None:
        view["private_metadata"] = metadata
    view["title"] = plain(title)
    if submit is not None:
        view["submit"] = plain(submit)
    view["close"] = plain(close)
    view["blocks"] = blocks
    return view


def state_value(values: dict, block_id: str, action_id: str) -> object:
    """What a submitted view's input holds (`view.state.values`): a selected option's value, or the typed value;
    None when the block or the element is missing or malformed."""
    block = values.get(block_id)
    element = block.get(action_id) if isinstance(block, dict) else None
    if not isinstance(element, dict):
        return None
    if "selected_option" in element:
        option = element["selected_option"]
        return option.get("value") if isinstance(option, dict) else option
    return element.get("value")


def button(text: str, action_id: str, value: str, *, style: str | None = None) -> dict:
    element = {
        "type": "button",
        "text": {"type": "plain_text", "text": shorten(text, BUTTON_TEXT_LIMIT), "emoji": True},
        "action_id": action_id,
        "value": value[:BUTTON_VALUE_LIMIT],
    }
    if style:
        element["style"] = style
    return element


def encode_value(question: str, page: int = 0) -> str:
    """A button value carrying a question and a page, within Slack's 2,000 characters."""
    value = json.dumps({"q": question, "p": page}, ensure_ascii=False)
    overflow = len(value) - BUTTON_VALUE_LIMIT
    if overflow > 0:
        value = json.dumps({"q": question[: len(question) - overflow - 8], "p": page}, ensure_ascii=False)
    return value


def decode_value(value: str) -> tuple[str, int]:
    """The (question, page) of a button value; a value that is not ours is taken as a question."""
    try:
        data = json.loads(value)
    except (TypeError, ValueError):
        return value, 0
    if not isinstance(data, dict) or not isinstance(data.get("q"), str):
        return value, 0
    page = data.get("p", 0)
    return data["q"], page if isinstance(page, int) and page >= 0 else 0


def split_text(text: str, limit: int = SECTION_CHUNK) -> list[str]:
    """Cut mrkdwn into pieces of at most `limit` characters, at line ends, else at spaces, else anywhere."""
    chunks: list[str] = []
    current = ""
    for line in _short_lines(text.strip().split("\n"), limit):
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) <= limit:
            current = candidate
            continue
        if current.strip():
            chunks.append(current.strip("\n"))
        current = line
    if current.strip():
        chunks.append(current.strip("\n"))
    return chunks


def _short_lines(lines: list[str], limit: int) -> list[str]:
    out: list[str] = []
    for line in lines:
        while len(line) > limit:
            cut = line.rfind(" ", 0, limit + 1)
            cut = cut if cut > limit // 2 else limit
            out.append(line[:cut].rstrip())
            line = line[cut:].lstrip()
        out.append(line)
    return out


def paginate(
    content: Sequence[dict],
    *,
    max_blocks: int = PAGE_MAX_CONTENT_BLOCKS,
    max_chars: int = PAGE_MAX_CHARS,
    max_rows: int = PAGE_MAX_BUTTON_ROWS,
) -> list[list[dict]]:
    """Group blocks into pages: at most `max_blocks` blocks, `max_chars` characters, `max_rows` button rows."""
    pages: list[list[dict]] = [[]]
    chars = rows = 0
    for block in content:
        size = len(block.get("text", {}).get("text", "")) if block["type"] == "section" else 0
        row = 1 if block["type"] == "actions" else 0
        full = len(pages[-1]) >= max_blocks or chars + size > max_chars or rows + row > max_rows
        if pages[-1] and full:
            pages.append([])
            chars = rows = 0
        pages[-1].append(block)
        chars += size
        rows += row
    return pages


# --- answers -----------------------------------------------------------------------------------------------------


def build_sources_context(sources: Sequence[Source], lang: Lang = "fr") -> dict | None:
    """One context block: up to three sources as "Source : section — « quote »", each shortened."""
    if not sources:
        return None
    labels = LABELS[lang]
    texts = [
        f"📖 {labels['source']} _{escape(shorten(s.section, SECTION_NAME_LIMIT))}_ — "
        f"« {escape(shorten(s.quote, QUOTE_LIMIT))} »"
        for s in sources[:MAX_SOURCES]
    ]
    if len(sources) > MAX_SOURCES:
        texts.append(labels["other_sources"].format(n=len(sources) - MAX_SOURCES))
    return context(*texts)


def build_candidate_rows(answer: Answer) -> list[dict]:
    """For a clarification: one button per candidate, five to an actions block; the value is the question."""
    if answer.intent != "clarification" or not answer.candidates:
        return []
    buttons = [
        button(c.label, f"{ACTION_PICK}:{i}", encode_value(answer.followups.get(c.id) or c.label))
        for i, c in enumerate(answer.candidates)
    ]
    return [
        {"type": "actions", "block_id": f"{ACTION_PICK}_{n}", "elements": buttons[n : n + BUTTONS_PER_ROW]}
        for n in range(0, len(buttons), BUTTONS_PER_ROW)
    ]


def answer_pages(answer: Answer) -> list[list[dict]]:
    rows = build_candidate_rows(answer)
    # With buttons, the numbered list of the text would say the candidates twice: keep the question only.
    text = answer.text.split("\n", 1)[0] if rows else answer.text
    content = [section(chunk) for chunk in split_text(text)] + rows
    return paginate(content or [section("…")])


def build_answer_blocks(
    answer: Answer,
    *,
    question: str,
    surface: Surface = "thread",
    page: int = 0,
    shared_by: str | None = None,
) -> list[dict]:
    """The blocks of one page of an answer, for a thread reply, an ephemeral /srom reply or a modal."""
    labels = LABELS[answer.lang]
    pages = answer_pages(answer)
    page = min(max(page, 0), len(pages) - 1)
    blocks: list[dict] = []
    if shared_by:
        blocks.append(context(labels["shared"].format(user=shared_by)))
    if surface == "ephemeral" or shared_by or page > 0:
        # A question read as "=<id>|…" (a clarification's pick, a follow-up) is shown without the id.
        shown = re.sub(r"^=[^|\s]*\|", "", question)
        asked = labels["asked"].format(question=escape(shorten(shown, 200)))
        if len(pages) > 1:
            asked += f" ({labels['part'].format(n=page + 1, total=len(pages))})"
        blocks.append(context(asked))
    blocks.extend(pages[page])
    if page == 0 and (sources := build_sources_context(answer.sources, answer.lang)):
        blocks.append(sources)
    footer = []
    if page + 1 < len(pages):
        footer.append(button(labels["more"], ACTION_MORE, encode_value(question, page + 1)))
    if surface == "ephemeral":
        footer.append(button(labels["share"], ACTION_SHARE, encode_value(question, page), style="primary"))
    if footer:
        blocks.append({"type": "actions", "block_id": "srom_footer", "elements": footer})
    return blocks


def fallback_text(answer: Answer) -> str:
    """The message's `text` (notifications, screen readers)."""
    return shorten(answer.text, FALLBACK_TEXT_LIMIT) or "…"


def build_choice_made_blocks(blocks: Sequence[dict], *, user: str, label: str, lang: Lang = "fr") -> list[dict]:
    """The clarification message once someone chose: its candidate buttons replaced by who chose what."""
    kept = [b for b in blocks if not str(b.get("block_id", "")).startswith(ACTION_PICK)]
    return [*kept, context("✔ " + LABELS[lang]["chosen"].format(user=user, label=escape(label)))]


# --- help and errors ---------------------------------------------------------------------------------------------

EXAMPLES: dict[str, tuple[str, ...]] = {
    "fr": (
        "mode pour la paie en 2017 ?",
        "évolution de la gestion des compétences",
        "mutualisation ou intégration, quelle différence ?",
        "qu'est-ce qui est harmonisé en 2021 ?",
        "qui arbitre ?",
        "engagements juridiques pour 2021 ?",
        "montre la carte RH 2017",
    ),
    "en": (
        "how are user support requests handled in 2021?",
        "what is pooling?",
        "who arbitrates?",
    ),
}

CommandHelp = tuple[str, str, str]  # (name, usage hint, description)


def build_help_blocks(commands: Sequence[CommandHelp], lang: Lang = "fr") -> list[dict]:
    if lang == "en":
        intro = (
            "*SROM assistant* — I answer questions about the SROM of the CCI Pays de la Loire network "
            "and always say where the document says it."
        )
        how = (
            "*How to ask*\n• Mention me in a channel: I answer in the thread\n• Send me a direct message\n"
            "• `/srom &lt;question&gt;`: an answer only you see, with a button to share it"
        )
        title_commands, title_examples = "*Commands*", "*Examples*"
    else:
        intro = (
            "*Assistant SROM* — je réponds aux questions sur le Schéma Régional d'Organisation des Missions "
            "des CCI Pays de la Loire, en citant toujours le document."
        )
        how = (
            "*Comment me poser une question*\n• Mentionnez-moi dans un canal : je réponds dans le fil\n"
            "• Écrivez-moi en message direct\n"
            "• `/srom &lt;question&gt;` : une réponse visible de vous seul, avec un bouton pour la partager"
        )
        title_commands, title_examples = "*Commandes*", "*Exemples*"
    listed = "\n".join(f"• `{escape((name + ' ' + hint).strip())}` — {desc}" for name, hint, desc in commands)
    examples = "\n".join(f"• _{q}_" for q in EXAMPLES[lang])
    return [
        section(intro),
        section(how),
        section(f"{title_commands}\n{listed}"),
        section(f"{title_examples}\n{examples}"),
    ]


def build_error_blocks(lang: Lang = "fr", message: str | None = None) -> list[dict]:
    return [section(f"⚠️ {message or LABELS[lang]['error']}")]
