"""The conversation core reads and writes the conversation's context through its memory."""

from __future__ import annotations

import logging

import pytest

from bot.conversation.actions import run_action
from bot.conversation.answers import answer_reply
from bot.conversation.blocks import ACTION_PICK, decode_value, encode_value
from bot.conversation.memory import SessionMemory, ThreadMemory, thread_memory
from bot.conversation.reply import Invocation
from bot.engine.answer import Answer, ProcessRef, Ref
from bot.engine.followup import Context
from storage.db import DatabaseProvider
from tests.bot.conftest import ScriptedEngine

PAIE = Answer(
    intent="mode_lookup",
    function=Ref(id="RH", label="RH"),
    process=ProcessRef(id="rh.paie", label="Paie"),
    year=2017,
    text="Paie 2017",
)


def test_without_memory_a_question_is_answered_alone(engine: ScriptedEngine) -> None:
    answer_reply("et en 2021 ?", surface="thread")
    assert engine.contexts == [None]


def test_the_answer_becomes_the_context_of_the_next_message(engine: ScriptedEngine) -> None:
    engine.script["paie 2017"] = PAIE
    memory = SessionMemory()
    answer_reply("paie 2017", surface="thread", memory=memory)
    answer_reply("et en 2021 ?", surface="thread", memory=memory)
    first, second = engine.contexts
    assert first is None
    assert second is not None and (second.process, second.year, second.question) == ("rh.paie", 2017, "paie 2017")


def test_buttons_carry_the_question_as_it_was_read(engine: ScriptedEngine) -> None:
    engine.script["et en 2021 ?"] = PAIE.model_copy(update={"year": 2021, "question": "=rh.paie|mode en 2021"})
    memory = SessionMemory(Context(question="paie 2017", intent="mode_lookup", process="rh.paie", year=2017))
    reply = answer_reply("et en 2021 ?", surface="ephemeral", memory=memory)
    assert reply.question == "=rh.paie|mode en 2021"
    values = [e.get("value") for b in reply.blocks if b["type"] == "actions" for e in b["elements"]]
    assert any(v and decode_value(v)[0] == "=rh.paie|mode en 2021" for v in values)
    assert memory.context is not None and memory.context.question == "=rh.paie|mode en 2021"


def test_an_answer_with_nothing_to_carry_keeps_the_context(engine: ScriptedEngine) -> None:
    before = Context(question="paie 2017", intent="mode_lookup", process="rh.paie", year=2017)
    memory = SessionMemory(before)
    for intent in ("unknown", "help", "fallback_search"):
        engine.script[intent] = Answer(intent=intent, text="?")
        answer_reply(intent, surface="thread", memory=memory)
        assert memory.context == before


def test_a_clarification_pick_updates_the_context(engine: ScriptedEngine, databases: DatabaseProvider) -> None:
    engine.script["=rh.paie|paie"] = PAIE
    memory = thread_memory(databases, "C1", "5.0", "1.0", im=False)
    invocation = Invocation(user_id="U1", surface="thread", databases=databases, memory=memory)
    run_action(f"{ACTION_PICK}:0", encode_value("=rh.paie|paie"), invocation)
    stored = ThreadMemory(databases, "C1", "1.0").load()
    assert stored is not None and (stored.process, stored.question) == ("rh.paie", "=rh.paie|paie")


def test_thread_memory_is_shared_through_the_database(databases: DatabaseProvider, tmp_path) -> None:
    context = Context(question="q", intent="mode_lookup", process="rh.paie", year=2017)
    thread_memory(databases, "C1", "2.0", "1.0", im=False).save(context)  # type: ignore[union-attr]
    other_worker = DatabaseProvider(databases.path)
    assert thread_memory(other_worker, "C1", "3.0", "1.0", im=False).load() == context  # type: ignore[union-attr]
    # a new top-level mention is a new thread: fresh
    assert thread_memory(other_worker, "C1", "9.0", None, im=False).load() is None  # type: ignore[union-attr]


def test_a_direct_message_continues_in_the_main_conversation_and_in_its_thread(databases: DatabaseProvider) -> None:
    context = Context(question="q", intent="mode_lookup", process="rh.paie", year=2017)
    thread_memory(databases, "D1", "2.0", None, im=True).save(context)  # type: ignore[union-attr]
    assert thread_memory(databases, "D1", "3.0", None, im=True).load() == context  # type: ignore[union-attr]
    assert thread_memory(databases, "D1", "3.0", "2.0", im=True).load() == context  # type: ignore[union-attr]
    assert thread_memory(None, "D1", "3.0", None, im=True) is None


def test_a_broken_database_loses_the_context_not_the_answer(
    engine: ScriptedEngine, tmp_path, caplog: pytest.LogCaptureFixture
) -> None:
    broken = DatabaseProvider(tmp_path / "no-tables.db")  # never migrated: no conversation_context table
    memory = ThreadMemory(broken, "C1", "1.0")
    with caplog.at_level(logging.ERROR):
        reply = answer_reply("paie", surface="thread", memory=memory)
    assert reply.text
    assert "could not" in caplog.text
