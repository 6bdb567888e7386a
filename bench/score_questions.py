"""Accuracy of the question engine on each labelled question file, per intent.

Run: .venv/bin/python bench/score_questions.py [--misses]. The blind file prints its figures only, never a question.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.engine import default_engine
from tests.engine.scoring import BLINDS, LABELLED, load, score


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--misses", action="store_true", help="list the misses (never for the blind file)")
    args = parser.parse_args()
    engine = default_engine()
    for name in (*LABELLED, *BLINDS):
        cases = load(name)
        if not cases:
            continue
        result = score(engine, cases, blind=name in BLINDS)
        print(f"== {name}" + (" (blind: figures only)" if name in BLINDS else ""))
        print("\n".join(result.lines()))
        if args.misses and result.failures:
            print("\n".join(result.failures))


if __name__ == "__main__":
    main()
