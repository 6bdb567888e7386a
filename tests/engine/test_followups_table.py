"""Follow-up dialogues written from the source text by a colleague (followups.yaml), scored turn by turn.

Each dialogue is one conversation: every turn is answered in the context the previous answers left, as in a
Slack thread. Turns that fail for reasons outside the follow-up resolver (the engine's understanding of the first
question, or a label reading the dialogue differently) are listed in KNOWN with the reason; any other miss fails.
`pytest -s` prints the score.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.engine import Answer, Context, Engine
from tests.engine.scoring import mismatches

DIALOGUES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "followups.yaml").read_text("utf-8"))

KNOWN: dict[tuple[str, int], str] = {
    ("si_audit_then_copil_en", 1): "'it' refers to a passage found by search, which leaves no subject to carry",
}


def turn_mismatches(turn: dict[str, Any], answer: Answer) -> list[str]:
    wrong = mismatches(turn, answer)
    if turn.get("map") and answer.map is None:
        wrong.append("no map")
    if turn.get("silent") and answer.mode is not None:
        wrong.append(f"states mode {answer.mode.code} where the SROM is silent")
    return wrong


def run_dialogue(engine: Engine, dialogue: dict[str, Any], *, with_context: bool = True) -> list[list[str]]:
    context: Context | None = None
    misses = []
    for turn in dialogue["turns"]:
        answer = engine.answer(turn["q"], context if with_context else None)
        context = Context.from_answer(answer, answer.question or turn["q"], context) or context
        misses.append(turn_mismatches(turn, answer))
    return misses


@pytest.mark.parametrize("dialogue", DIALOGUES, ids=lambda d: d["name"])
def test_dialogue(engine: Engine, dialogue: dict[str, Any]) -> None:
    misses = run_dialogue(engine, dialogue)
    unexpected = [
        f"turn {i} {dialogue['turns'][i]['q']!r}: {'; '.join(wrong)}"
        for i, wrong in enumerate(misses)
        if wrong and (dialogue["name"], i) not in KNOWN
    ]
    assert not unexpected, "\n".join(unexpected)
    stale = [i for i, wrong in enumerate(misses) if not wrong and (dialogue["name"], i) in KNOWN]
    assert not stale, f"turns {stale} are answered right now: take them out of KNOWN"
    known = [KNOWN[(dialogue["name"], i)] for i, wrong in enumerate(misses) if wrong]
    if known:
        pytest.xfail("; ".join(dict.fromkeys(known)))


def test_score(engine: Engine) -> None:
    """The share of follow-up turns (not the first question) answered right, with and without the context."""
    scores = {}
    for with_context in (False, True):
        right = total = 0
        for dialogue in DIALOGUES:
            for wrong in run_dialogue(engine, dialogue, with_context=with_context)[1:]:
                total += 1
                right += not wrong
        scores[with_context] = right / total
        print(f"follow-up turns right {'with' if with_context else 'without'} context: {right}/{total}")
    assert len(DIALOGUES) >= 25
    assert scores[True] >= scores[False] + 0.3  # the context is what answers them
