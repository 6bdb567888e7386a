"""Answers to questions: the engine's Answer turned into a Reply for a surface, with a map picture when asked."""

from __future__ import annotations

from bot import engine
from bot.conversation.blocks import Surface, build_answer_blocks, fallback_text
from bot.conversation.maps import attach_map, map_hint
from bot.conversation.reply import Memory, Reply


def answer_reply(
    question: str, *, surface: Surface, page: int = 0, shared_by: str | None = None, memory: Memory | None = None
) -> Reply:
    """The Reply to `question`. With the conversation's `memory`, a follow-up ("et en 2021 ?") is read against
    the previous answer, and this answer becomes the context of the next message."""
    context = memory.load() if memory is not None else None
    result = engine.answer(question, context)
    # Buttons (more, share) carry the question as understood, so that they work outside the conversation.
    asked = result.question or question
    if memory is not None:
        remembered = engine.Context.from_answer(result, asked, context)
        if remembered is not None:
            memory.save(remembered)
    # A map is drawn (after the ack) only where a file can follow the answer: in a thread or the console.
    picture = result.map is not None and surface == "thread" and shared_by is None and page == 0
    if result.map is not None and not picture:
        result = map_hint(result)
    blocks = build_answer_blocks(result, question=asked, surface=surface, page=page, shared_by=shared_by)
    reply = Reply(text=fallback_text(result), blocks=blocks, lang=result.lang, question=asked, answer=result)
    if picture and result.map is not None:
        return attach_map(reply, result.map)
    return reply
