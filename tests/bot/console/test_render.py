from __future__ import annotations

import pytest

from bot.console.render import BOLD, RESET, Choice, mrkdwn_to_text, render_blocks
from bot.conversation.blocks import build_answer_blocks, section
from tests.bot.conftest import clarification, simple


@pytest.mark.parametrize(
    ("mrkdwn", "text"),
    [
        ("*Mutualisation* en _2017_", "Mutualisation en 2017"),
        ("<@U42> a partagé", "@U42 a partagé"),
        ("<#C1|général>", "#général"),
        ("<https://cci.fr|le site>", "le site (https://cci.fr)"),
        ("<https://cci.fr>", "https://cci.fr"),
        ("<!here> regardez", "@here regardez"),
        ("a &lt;b&gt; &amp; c", "a <b> & c"),
        ("2*3*4 et snake_case_name", "2*3*4 et snake_case_name"),
        ("• une\n• deux", "• une\n• deux"),
    ],
)
def test_mrkdwn_to_text(mrkdwn: str, text: str) -> None:
    assert mrkdwn_to_text(mrkdwn) == text


def test_bold_is_ansi_bold_in_colour() -> None:
    assert mrkdwn_to_text("*Paie*", color=True) == f"{BOLD}Paie{RESET}"


def test_answer_renders_text_source_and_numbered_buttons() -> None:
    rendered = render_blocks(build_answer_blocks(simple(), question="paie ?", surface="ephemeral"))
    lines = rendered.text.splitlines()
    assert lines[0] == "  Question : paie ?"
    assert lines[1] == "Mutualisation en 2017."
    assert lines[2].startswith("  📖 Source : Ressources humaines — statut 2017 — « La paie")
    assert lines[3] == "  [1] Partager dans le canal"
    assert rendered.choices[0].number == 1 and rendered.choices[0].action_id == "srom_share"


def test_clarification_candidates_are_numbered_choices() -> None:
    rendered = render_blocks(build_answer_blocks(clarification(), question="paie ?"), first_number=3)
    assert [(c.number, c.label) for c in rendered.choices] == [(3, "Paie (RH)"), (4, "Comptabilité")]
    assert "  [3] Paie (RH)\n  [4] Comptabilité" in rendered.text


def test_other_blocks_render_readably() -> None:
    blocks = [
        {"type": "header", "text": {"type": "plain_text", "text": "Assistant SROM"}},
        {"type": "divider"},
        {"type": "input", "label": {"type": "plain_text", "text": "Votre question"}, "element": {}},
        {"type": "image", "image_url": "https://x", "alt_text": "carte"},
        {
            **section("avec bouton"),
            "accessory": {
                "type": "button",
                "text": {"type": "plain_text", "text": "Go"},
                "action_id": "go",
                "value": "v",
            },
        },
        {"type": "unknown"},
    ]
    rendered = render_blocks(blocks)
    assert rendered.text.splitlines() == [
        "ASSISTANT SROM",
        "─" * 40,
        "✎ Votre question",
        "[image : carte]",
        "avec bouton",
        "  [1] Go",
    ]
    assert rendered.choices == [Choice(1, "Go", "go", "v")]
