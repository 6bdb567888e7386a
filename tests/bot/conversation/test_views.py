from __future__ import annotations

import json

import pytest

from bot.conversation.blocks import section
from bot.conversation.commands import command_help
from bot.conversation.views import (
    ACTION_HOME_ASK,
    BLOCK_QUESTION,
    INPUT_QUESTION,
    VIEW_ASK,
    build_ask_modal,
    build_home_view,
    submitted_question,
)
from tests.bot.conftest import tiny_kb
from tests.fakes.block_kit import view_problems


@pytest.fixture
def kb():
    return tiny_kb()


def test_home_shows_what_the_bot_knows_the_modes_and_examples(kb) -> None:
    view = build_home_view(kb, command_help())
    assert view["type"] == "home"
    assert view_problems(view) == []
    text = json.dumps(view, ensure_ascii=False)
    for mode in kb.modes:
        assert f"*{mode.label} ({mode.code})*" in text
    for function in kb.functions:
        assert function.label.replace("&", "&amp;") in text
    assert "2013 (état des lieux 2013), 2017, 2021" in text
    assert "2 instances" in text
    assert "engagements" not in text.split("Exemples")[0]  # no commitments in this base: not mentioned
    assert "Exemples de questions" in text
    assert "/srom &lt;question&gt;" in text
    buttons = [e for b in view["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [b["action_id"] for b in buttons] == [ACTION_HOME_ASK]


def test_home_takes_extra_blocks_after_the_intro(kb) -> None:
    extra = section("*Vos engagements* : aucun")
    view = build_home_view(kb, command_help(), extra_blocks=[extra])
    assert extra in view["blocks"]
    assert view["blocks"].index(extra) < next(i for i, b in enumerate(view["blocks"]) if b["type"] == "divider")


def test_empty_modal_asks_a_question() -> None:
    modal = build_ask_modal()
    assert modal["callback_id"] == VIEW_ASK
    assert view_problems(modal) == []
    assert modal["blocks"][0]["block_id"] == BLOCK_QUESTION
    assert "initial_value" not in modal["blocks"][0]["element"]


def test_modal_with_an_answer_keeps_the_question_and_shows_the_answer() -> None:
    modal = build_ask_modal(question="paie ?", answer_blocks=[section("Mutualisation")])
    assert modal["blocks"][0]["element"]["initial_value"] == "paie ?"
    assert modal["blocks"][-1] == section("Mutualisation")
    assert "Je cherche" in str(build_ask_modal(question="paie ?", pending=True))


@pytest.mark.parametrize(
    ("value", "expected"),
    [("  paie ?  ", "paie ?"), (None, ""), ("", "")],
)
def test_submitted_question(value: str | None, expected: str) -> None:
    view = {"state": {"values": {BLOCK_QUESTION: {INPUT_QUESTION: {"type": "plain_text_input", "value": value}}}}}
    assert submitted_question(view) == expected
    assert submitted_question({}) == ""
