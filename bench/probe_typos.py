"""How well the engine reads a name with a typo: for every activity and block, the longest word of its label gets
one typo (a letter dropped, two swapped, one doubled; seeded, so the same every run), and "mode <label> en <year> ?"
must still name that item (or offer it in a question back). Prints the share found, and the misses.

Run: .venv/bin/python bench/probe_typos.py [--trials N]. Asserts nothing: a probe, not a test.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.engine import default_engine


def typo(word: str, rnd: random.Random) -> str:
    i = rnd.randrange(1, len(word) - 1)
    kind = rnd.choice(("drop", "swap", "double"))
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + word[i] + word[i:]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=2, help="typos tried per name")
    args = parser.parse_args()
    engine = default_engine()
    rnd = random.Random(7)
    found = total = 0
    misses = []
    for item in engine.view.items.values():
        words = item.label.split()
        longest = max(range(len(words)), key=lambda i: len(words[i]))
        if len(words[longest]) < 6:
            continue
        year = 2017 if 2017 in item.years else max(item.years)
        for _ in range(args.trials):
            said = list(words)
            said[longest] = typo(said[longest], rnd)
            question = f"mode {' '.join(said)} en {year} ?"
            a = engine.answer(question)
            total += 1
            if (a.process and a.process.id == item.id) or any(c.id == item.id for c in a.candidates):
                found += 1
            else:
                misses.append(f"  {question!r} -> {a.intent}")
    print(f"names read through one typo: {found}/{total} ({100 * found / total:.1f} %)")
    print("\n".join(misses))


if __name__ == "__main__":
    main()
