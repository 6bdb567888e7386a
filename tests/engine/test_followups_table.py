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

UNDERSTANDING = "the engine's understanding (issue 12, other part): the question alone is misread"
WHY = (
    "the label wants the narrative's reasons for 'pourquoi'; the resolver repeats the cited answer "
    "(a why-route is the engine's)"
)
KNOWN: dict[tuple[str, int], str] = {
    ("paie_2017_then_2021_then_before", 2): "the label reads 'avant' as the 2013 baseline; the resolver steps back "
    "one map from the last answer's year (2021 → 2017)",
    ("compta_sociale_source", 0): UNDERSTANDING,
    ("compta_sociale_source", 1): UNDERSTANDING + " (in the first turn)",
    ("compta_sociale_why", 0): UNDERSTANDING,
    ("compta_sociale_why", 1): UNDERSTANDING + " (in the first turn); " + WHY,
    ("mutualisation_then_integration_then_diff", 2): "'les deux' refers to the two previous turns; the context "
    "keeps the previous answer only",
    ("arbitre_then_met_en_oeuvre", 0): UNDERSTANDING + " (the answer names the ATR and the GPL, the label the Bureau)",
    ("marches_regionaux_evolution_why", 2): WHY,
    ("rgpd_2021_then_2017_then_why", 2): WHY,
    ("signataire_then_responsabilite", 0): UNDERSTANDING,
    ("signataire_then_responsabilite", 1): UNDERSTANDING,
    ("tdb_clarify_finance", 0): UNDERSTANDING + " ('TdB')",
    ("tdb_clarify_finance", 1): UNDERSTANDING + " (in the first turn)",
    ("si_audit_then_copil_en", 1): "'it' refers to a passage found by search, which leaves no subject to carry",
    ("engagements_fin_then_who_follows", 1): UNDERSTANDING + " (COMEX answered for the Bureau)",
    ("paie_2013_then_2019_silent", 0): UNDERSTANDING + " (the 2013 activity is named 'Paye')",
    ("paie_2013_then_2019_silent", 1): UNDERSTANDING + " (the 2013 activity is named 'Paye')",
    ("independent_unknown_after_lookup", 1): UNDERSTANDING + " ('quel temps fait-il à Nantes' alone finds the "
    "passages naming Nantes: out of scope is now read from the words, and 'Nantes' and 'temps' are the SROM's)",
    ("structure_fin_then_treso_then_mode", 1): UNDERSTANDING + " ('y a quoi dedans' alone is read as out of scope)",
    ("structure_fin_then_treso_then_mode", 2): UNDERSTANDING + " (in the previous turn)",
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
        context = Context.from_answer(answer, answer.question or turn["q"]) or context
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
