"""Plain-text rendering of an Answer for terminals (srom ask)."""

from __future__ import annotations

import re

from bot.engine import Answer

_BOLD = re.compile(r"\*([^*\n]+)\*")
_ITALIC = re.compile(r"(?<!\w)_([^_\n]+)_(?!\w)")


def mrkdwn_to_text(text: str) -> str:
    return _ITALIC.sub(r"\1", _BOLD.sub(r"\1", text))


def shorten(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def render_text(answer: Answer) -> str:
    lines = [mrkdwn_to_text(answer.text)]
    for source in answer.sources[:3]:
        lines.append(f"  Source — {source.section} : « {shorten(source.quote)} »")
    return "\n".join(lines)
