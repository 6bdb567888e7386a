"""Follow-ups: what reading a message in its conversation's context costs.

- the resolver alone (the engine stubbed out): microseconds per message, for complete questions (no cue: one
  regex pass) and for follow-ups (merge and rewrite);
- the labelled questions answered with a context in place versus without (a complete question pays only the cue
  check);
- the dialogues of tests/engine/followups.yaml, each turn in the context of the previous ones (a follow-up is
  answered twice: on its own, to see what it names, then as it was read).

Run: .venv/bin/python bench/bench_followups.py [--rounds N]. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.engine import Answer, Context, default_engine  # noqa: E402
from bot.engine.followup import answer_in_context  # noqa: E402

QUESTIONS = [ROOT / "tests" / "engine" / name for name in ("questions.yaml", "questions_holdout.yaml")]
DIALOGUES = ROOT / "tests" / "engine" / "followups.yaml"
CONTEXT = Context(
    question="mode pour la paie en 2017 ?",
    intent="mode_lookup",
    function="RH",
    process="rh.realisation-paies",
    process_label="Réalisation des paies",
    year=2017,
)
STUB = Answer(intent="unknown", text="?")


def per_call_us(fn, items: list, rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for item in items:
            fn(item)
    return (time.perf_counter() - start) / (rounds * len(items)) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    engine = default_engine()
    questions = [q["q"] for f in QUESTIONS for q in yaml.safe_load(f.read_text(encoding="utf-8"))]
    dialogues = yaml.safe_load(DIALOGUES.read_text(encoding="utf-8"))
    follow_ups = [t["q"] for d in dialogues for t in d["turns"][1:]]

    def stub(question: str) -> Answer:
        return STUB

    complete = [q for q in questions if len(q.split()) > 8]
    print(f"resolver alone (engine stubbed), {args.rounds * 10} rounds:")
    for name, items in (("complete questions (> 8 words)", complete), ("follow-ups of the dialogues", follow_ups)):
        us = per_call_us(lambda q: answer_in_context(stub, q, CONTEXT, (2013, 2017, 2021)), items, args.rounds * 10)
        print(f"  {name:<32} {us:6.1f} µs per message ({len(items)} messages)")

    for q in questions:  # warm-up
        engine.answer(q)
    alone = per_call_us(engine.answer, questions, args.rounds)
    in_context = per_call_us(lambda q: engine.answer(q, CONTEXT), questions, args.rounds)
    print(f"labelled questions ({len(questions)}), {args.rounds} rounds, mean per question:")
    print(f"  without context {alone / 1000:.3f} ms   in a conversation's context {in_context / 1000:.3f} ms")

    timings = []
    for _ in range(args.rounds):
        for dialogue in dialogues:
            context = None
            for turn in dialogue["turns"]:
                t = time.perf_counter()
                answer = engine.answer(turn["q"], context)
                context = Context.from_answer(answer, answer.question or turn["q"]) or context
                timings.append(time.perf_counter() - t)
    ms = [x * 1000 for x in timings]
    print(f"dialogues ({len(dialogues)}, {len(ms) // args.rounds} turns), mean per turn {statistics.fmean(ms):.3f} ms")


if __name__ == "__main__":
    main()
