from __future__ import annotations

import json

import pytest

from bot.conversation.blocks import (
    ACTION_MORE,
    ACTION_PICK,
    ACTION_SHARE,
    SECTION_CHUNK,
    build_answer_blocks,
    build_choice_made_blocks,
    build_help_blocks,
    build_sources_context,
    decode_value,
    encode_value,
    escape,
    fallback_text,
    paginate,
    section,
    shorten,
    split_text,
)
from bot.engine.answer import Answer, Ref, Source
from tests.bot.conftest import clarification, simple
from tests.fakes.block_kit import block_problems


def _buttons(blocks: list[dict]) -> list[dict]:
    return [e for b in blocks if b["type"] == "actions" for e in b["elements"]]


def _long_answer(lines: int, width: int = 60) -> Answer:
    return Answer(intent="mode_list", text="\n".join(f"• ligne {i} " + "x" * width for i in range(lines)))


@pytest.mark.parametrize("length", [0, 1, 2900, 2901, 7000, 50_000])
def test_split_text_keeps_every_character_within_the_limit(length: int) -> None:
    text = "\n".join(("mot " * 30).strip() for _ in range(length // 120 + 1))[:length]
    chunks = split_text(text)
    assert all(0 < len(c) <= SECTION_CHUNK for c in chunks)
    assert "".join(chunks).replace("\n", "").replace(" ", "") == text.replace("\n", "").replace(" ", "")


def test_split_text_cuts_at_line_ends_when_it_can() -> None:
    lines = [f"• élément {i:03d} " + "y" * 50 for i in range(200)]
    chunks = split_text("\n".join(lines))
    assert len(chunks) > 1
    assert all(line in lines for chunk in chunks for line in chunk.split("\n"))


def test_split_text_cuts_a_single_huge_word() -> None:
    chunks = split_text("z" * 7000)
    assert [len(c) for c in chunks] == [2900, 2900, 1200]


def test_paginate_respects_block_and_character_budgets() -> None:
    content = [section("a" * 2900) for _ in range(10)] + [section("b") for _ in range(100)]
    pages = paginate(content, max_blocks=40, max_chars=12_000)
    assert sum(len(p) for p in pages) == 110
    assert all(len(p) <= 40 for p in pages)
    assert all(sum(len(b["text"]["text"]) for b in p) <= 12_000 for p in pages)


def test_simple_answer_has_text_and_a_shortened_source_context() -> None:
    long_quote = "Le mode de gestion est la mutualisation. " * 20
    answer = simple(sources=[Source(section="RH — 2017", quote=long_quote)])
    blocks = build_answer_blocks(answer, question="paie ?")
    assert blocks[0] == section(answer.text)
    context_text = blocks[1]["elements"][0]["text"]
    assert context_text.startswith("📖 Source : _RH — 2017_ — « Le mode")
    assert context_text.endswith("… »")
    assert len(context_text) < 250
    assert block_problems(blocks) == []


def test_sources_beyond_three_are_counted_not_listed() -> None:
    sources = [Source(section=f"S{i}", quote=f"citation {i}") for i in range(5)]
    block = build_sources_context(sources)
    assert block is not None
    assert len(block["elements"]) == 4
    assert block["elements"][-1]["text"] == "et 2 autre(s) passage(s)"


def test_no_sources_no_context() -> None:
    assert build_sources_context([]) is None


def test_clarification_has_one_button_per_candidate_carrying_its_followup() -> None:
    blocks = build_answer_blocks(clarification(), question="paie ?")
    picks = [b for b in _buttons(blocks) if b["action_id"].startswith(ACTION_PICK)]
    assert [b["text"]["text"] for b in picks] == ["Paie (RH)", "Comptabilité"]
    assert [decode_value(b["value"]) for b in picks] == [
        ("mode de la paie en 2017 ?", 0),
        ("mode de la compta en 2017 ?", 0),
    ]
    assert block_problems(blocks) == []


def test_candidate_without_followup_reasks_its_label() -> None:
    answer = clarification().model_copy(update={"followups": {}})
    picks = _buttons(build_answer_blocks(answer, question="q"))
    assert decode_value(picks[0]["value"]) == ("Paie (RH)", 0)


def test_candidates_outside_a_clarification_get_no_buttons() -> None:
    answer = simple(candidates=[Ref(id="x", label="X")])
    assert _buttons(build_answer_blocks(answer, question="q")) == []


def test_many_candidates_stay_within_slack_limits() -> None:
    candidates = [Ref(id=f"c{i}", label=f"Candidat numéro {i} " + "très long " * 10) for i in range(120)]
    answer = Answer(intent="clarification", text="Lequel ?", candidates=candidates)
    pages = 0
    page_blocks = build_answer_blocks(answer, question="q")
    while True:
        assert block_problems(page_blocks) == []
        pages += 1
        more = [b for b in _buttons(page_blocks) if b["action_id"] == ACTION_MORE]
        if not more:
            break
        page_blocks = build_answer_blocks(answer, question="q", page=decode_value(more[0]["value"])[1])
    assert pages == 6  # 120 buttons, 5 a row, 4 rows a page


@pytest.mark.parametrize("surface", ["thread", "ephemeral", "modal"])
def test_long_answer_is_paged_with_see_more_and_every_page_is_valid(surface: str) -> None:
    answer = _long_answer(1500)
    seen: list[str] = []
    page, total = 0, None
    while True:
        blocks = build_answer_blocks(answer, question="liste ?", surface=surface, page=page)  # type: ignore[arg-type]
        assert block_problems(blocks) == []
        seen += [b["text"]["text"] for b in blocks if b["type"] == "section"]
        more = [b for b in _buttons(blocks) if b["action_id"] == ACTION_MORE]
        if not more:
            break
        question, page = decode_value(more[0]["value"])
        assert question == "liste ?"
        total = (total or 0) + 1
    assert total and total >= 2
    assert "\n".join(seen) == answer.text


def test_page_beyond_the_last_shows_the_last() -> None:
    answer = _long_answer(1500)
    last = build_answer_blocks(answer, question="q", page=999)
    assert not [b for b in _buttons(last) if b["action_id"] == ACTION_MORE]
    assert "ligne 1499" in str(last)


def test_later_pages_recall_the_question_and_the_part() -> None:
    blocks = build_answer_blocks(_long_answer(1500), question="liste <complète> ?", page=1)
    assert blocks[0]["type"] == "context"
    assert blocks[0]["elements"][0]["text"].startswith("Question : liste &lt;complète&gt; ? (partie 2/")


def test_share_button_only_on_ephemeral_answers() -> None:
    ephemeral = build_answer_blocks(simple(), question="q", surface="ephemeral")
    thread = build_answer_blocks(simple(), question="q", surface="thread")
    assert [b["text"]["text"] for b in _buttons(ephemeral)] == ["Partager dans le canal"]
    assert decode_value(_buttons(ephemeral)[0]["value"]) == ("q", 0)
    assert [b for b in _buttons(thread) if b["action_id"] == ACTION_SHARE] == []


def test_shared_answer_says_who_shared_and_what_was_asked() -> None:
    blocks = build_answer_blocks(simple(), question="paie ?", shared_by="U42")
    assert blocks[0]["elements"][0]["text"] == "<@U42> a partagé cette réponse"
    assert blocks[1]["elements"][0]["text"] == "Question : paie ?"


def test_english_answer_gets_english_labels() -> None:
    answer = simple(lang="en")
    blocks = build_answer_blocks(answer, question="q", surface="ephemeral")
    assert [b["text"]["text"] for b in _buttons(blocks)] == ["Share in channel"]
    assert "Question: q" in str(blocks)


def test_choice_made_removes_the_candidates_and_names_the_chooser() -> None:
    blocks = build_answer_blocks(clarification(), question="q")
    closed = build_choice_made_blocks(blocks, user="U1", label="Paie <RH>")
    assert _buttons(closed) == []
    assert closed[-1]["elements"][0]["text"] == "✔ <@U1> a choisi : Paie &lt;RH&gt;"


@pytest.mark.parametrize("question", ["paie ?", "é" * 3000, '{"q": 1}', ""])
def test_button_values_round_trip_within_2000_characters(question: str) -> None:
    value = encode_value(question, 3)
    assert len(value) <= 2000
    decoded, page = decode_value(value)
    assert page == 3
    assert question.startswith(decoded)


@pytest.mark.parametrize("value", ["pas du json", "[1, 2]", '{"q": 3}', '{"q": "x", "p": -2}'])
def test_foreign_button_values_are_read_as_a_question(value: str) -> None:
    question, page = decode_value(value)
    assert page == 0
    assert question in (value, "x")


def test_escape_and_shorten() -> None:
    assert escape("a < b & c > d") == "a &lt; b &amp; c &gt; d"
    assert shorten("un  deux\ntrois", 100) == "un deux trois"
    assert shorten("mot " * 100, 30).endswith("…") and len(shorten("mot " * 100, 30)) <= 30


def test_fallback_text_is_short_and_never_empty() -> None:
    assert fallback_text(_long_answer(100)).endswith("…")
    assert len(fallback_text(_long_answer(100))) <= 300
    assert fallback_text(Answer(intent="unknown", text="")) == "…"


def test_help_lists_every_command_given_and_examples() -> None:
    blocks = build_help_blocks([("/srom", "<question>", "Poser une question"), ("/srom-x", "", "Autre")])
    text = json.dumps(blocks, ensure_ascii=False)
    assert "`/srom &lt;question&gt;` — Poser une question" in text
    assert "`/srom-x` — Autre" in text
    assert "Exemples" in text
    assert block_problems(blocks) == []
    assert "Examples" in json.dumps(build_help_blocks([], "en"))


def test_clarification_lists_candidates_once_as_buttons() -> None:
    from bot.conversation.blocks import answer_pages
    from bot.engine import Answer, Ref

    answer = Answer(
        intent="clarification",
        text="« déclarations » peut désigner plusieurs choses. Laquelle ?\n"
        "1. Déclarations fiscales\n2. Déclarations sociales",
        candidates=[Ref(id="a", label="Déclarations fiscales"), Ref(id="b", label="Déclarations sociales")],
        followups={"a": "=a|déclarations", "b": "=b|déclarations"},
    )
    blocks = answer_pages(answer)[0]
    texts = [b["text"]["text"] for b in blocks if b["type"] == "section"]
    assert texts == ["« déclarations » peut désigner plusieurs choses. Laquelle ?"]
    buttons = [e["text"]["text"] for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert buttons == ["Déclarations fiscales", "Déclarations sociales"]


def test_a_question_read_as_an_entity_is_shown_without_its_id() -> None:
    answer = Answer(intent="mode_lookup", text="*Paie*, 2021 : Intégration.")
    blocks = build_answer_blocks(answer, question="=rh.paie|mode en 2021", surface="ephemeral")
    assert "Question : mode en 2021" in str(blocks)
    assert "=rh.paie|" not in str(blocks[0])
    share = blocks[-1]["elements"][-1]["value"]
    assert "=rh.paie|mode en 2021" in share  # the button still carries the question as it was read
