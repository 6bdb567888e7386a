"""The Block Kit limits Slack enforces, as a checker: what the fake Slack rejects with `invalid_blocks`."""

from __future__ import annotations

from collections.abc import Sequence

MAX_MESSAGE_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
SECTION_TEXT = 3000
BUTTON_TEXT = 75
BUTTON_VALUE = 2000
ACTION_ELEMENTS = 25
CONTEXT_ELEMENTS = 10
ACTION_ID = 255
TITLE_TEXT = 24


def block_problems(blocks: Sequence[dict], *, max_blocks: int = MAX_MESSAGE_BLOCKS) -> list[str]:
    """Every limit `blocks` breaks; empty when Slack would accept them."""
    problems: list[str] = []
    if len(blocks) > max_blocks:
        problems.append(f"{len(blocks)} blocks > {max_blocks}")
    block_ids = [b["block_id"] for b in blocks if "block_id" in b]
    if len(block_ids) != len(set(block_ids)):
        problems.append("duplicate block_id")
    for i, block in enumerate(blocks):
        problems += [f"block {i}: {p}" for p in _block_problems(block)]
    return problems


def _block_problems(block: dict) -> list[str]:
    kind = block.get("type")
    problems: list[str] = []
    if kind == "section":
        text = (block.get("text") or {}).get("text", "")
        if not text and not block.get("fields"):
            problems.append("empty section")
        if len(text) > SECTION_TEXT:
            problems.append(f"section text {len(text)} > {SECTION_TEXT}")
    elif kind == "actions":
        elements = block.get("elements", [])
        if not elements or len(elements) > ACTION_ELEMENTS:
            problems.append(f"actions with {len(elements)} elements")
        ids = [e.get("action_id") for e in elements]
        if len(ids) != len(set(ids)):
            problems.append("duplicate action_id in block")
        problems += [p for e in elements for p in _element_problems(e)]
    elif kind == "context":
        elements = block.get("elements", [])
        if not elements or len(elements) > CONTEXT_ELEMENTS:
            problems.append(f"context with {len(elements)} elements")
        problems += [f"context text {len(e['text'])}" for e in elements if len(e.get("text", "")) > SECTION_TEXT]
    elif kind == "header":
        if len((block.get("text") or {}).get("text", "")) > 150:
            problems.append("header text > 150")
    elif kind not in ("divider", "input", "image", "rich_text"):
        problems.append(f"unknown block type {kind!r}")
    return problems


def _element_problems(element: dict) -> list[str]:
    problems = []
    if element.get("type") == "button":
        text = (element.get("text") or {}).get("text", "")
        if not text or len(text) > BUTTON_TEXT:
            problems.append(f"button text length {len(text)}")
        if len(element.get("value", "")) > BUTTON_VALUE:
            problems.append("button value > 2000")
    if len(element.get("action_id", "")) > ACTION_ID:
        problems.append("action_id > 255")
    return problems


def view_problems(view: dict) -> list[str]:
    problems = block_problems(view.get("blocks", []), max_blocks=MAX_VIEW_BLOCKS)
    if view.get("type") not in ("modal", "home"):
        problems.append(f"view type {view.get('type')!r}")
    if view.get("type") == "modal" and len((view.get("title") or {}).get("text", "")) > TITLE_TEXT:
        problems.append("modal title > 24")
    return problems
