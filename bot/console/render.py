"""Block Kit as terminal text: sections as paragraphs, context lines indented, buttons as numbered choices.

Pure functions: the console prints `render_blocks(...).text` and maps a typed number to its Choice.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"
RULE = "─" * 40

_LINK = re.compile(r"<([^<>|]+)\|([^<>]+)>")
_BARE = re.compile(r"<([^<>]+)>")
_BOLD = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_ITALIC = re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")


@dataclass(frozen=True)
class Choice:
    number: int
    label: str
    action_id: str
    value: str


@dataclass(frozen=True)
class Rendered:
    text: str
    choices: list[Choice] = field(default_factory=list)


def mrkdwn_to_text(text: str, *, color: bool = False) -> str:
    """Slack mrkdwn to readable text: links and mentions spelled out, bold kept as ANSI bold when `color`."""

    def link(match: re.Match[str]) -> str:
        target, label = match.group(1), match.group(2)
        if target[:1] in "@#!":
            return ("@" if target[0] == "@" else "#" if target[0] == "#" else "") + label
        return f"{label} ({target})"

    def bare(match: re.Match[str]) -> str:
        target = match.group(1)
        if target.startswith("@"):
            return target
        if target.startswith("!"):
            return "@" + target[1:].split("^")[0]
        return target

    out = _BARE.sub(bare, _LINK.sub(link, text))
    out = _BOLD.sub(lambda m: f"{BOLD}{m.group(1)}{RESET}" if color else m.group(1), out)
    out = _ITALIC.sub(lambda m: m.group(1), out)
    return html.unescape(out)


def _text_of(obj: dict | None, color: bool) -> str:
    if not obj:
        return ""
    raw = obj.get("text", "")
    return mrkdwn_to_text(raw, color=color) if obj.get("type") == "mrkdwn" else raw


def render_blocks(blocks: Sequence[dict], *, color: bool = False, first_number: int = 1) -> Rendered:
    lines: list[str] = []
    choices: list[Choice] = []

    def add_button(element: dict) -> str:
        number = first_number + len(choices)
        label = _text_of(element.get("text"), False)
        choices.append(Choice(number, label, element.get("action_id", ""), element.get("value", "")))
        return f"  [{number}] {label}"

    for block in blocks:
        kind = block.get("type")
        if kind == "section":
            if block.get("text"):
                lines.append(_text_of(block["text"], color))
            lines.extend(_text_of(f, color) for f in block.get("fields", []))
            if (block.get("accessory") or {}).get("type") == "button":
                lines.append(add_button(block["accessory"]))
        elif kind == "header":
            title = _text_of(block.get("text"), False)
            lines.append(f"{BOLD}{title}{RESET}" if color else title.upper())
        elif kind == "context":
            for element in block.get("elements", []):
                if text := _text_of(element, False) if "text" in element else "":
                    lines.append(f"{DIM}  {text}{RESET}" if color else f"  {text}")
        elif kind == "actions":
            for element in block.get("elements", []):
                if element.get("type") == "button":
                    lines.append(add_button(element))
        elif kind == "divider":
            lines.append(RULE)
        elif kind == "input":
            lines.append(f"✎ {_text_of(block.get('label'), False)}")
        elif kind == "image":
            lines.append(f"[image : {block.get('alt_text', '')}]")
    return Rendered("\n".join(lines), choices)
