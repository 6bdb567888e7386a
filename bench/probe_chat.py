"""How well the engine reads a question typed fast: every French question of the tuned sets it answers right is typed
again as chat is (lower case, no accents, no apostrophes nor question marks, the chat's shortenings: "c" for
"c'est", "ds", "pr", "qd", "koi", "kel", "tjs"…) and must still get the same answer. Prints the share kept, and
the questions that break. The blind sets are never read.

Run: .venv/bin/python bench/probe_chat.py [--show N]. Asserts nothing: a probe, not a test.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.engine import default_engine  # noqa: E402
from srom_data.text import fold  # noqa: E402
from tests.engine.scoring import LABELLED, mismatches  # noqa: E402

SHORTENINGS = (
    (r"\bc'est\b", "c"),
    (r"\bdans\b", "ds"),
    (r"\bpour\b", "pr"),
    (r"\bquand\b", "qd"),
    (r"\bquoi\b", "koi"),
    (r"\bquel(?:le)?s?\b", "kel"),
    (r"\bqu'est-ce que\b", "keske"),
    (r"\btoujours\b", "tjs"),
    (r"\bbeaucoup\b", "bcp"),
    (r"\bil y a\b", "ya"),
    (r"\bavec\b", "avc"),
)


def typed_fast(question: str) -> str:
    text = fold(question)
    for pattern, short in SHORTENINGS:
        text = re.sub(pattern, short, text)
    return text.replace("?", "").replace("'", " ").strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, default=40, help="how many broken questions to print")
    args = parser.parse_args()
    engine = default_engine()
    kept = tried = 0
    broken: list[str] = []
    for name in LABELLED:
        for case in yaml.safe_load((ROOT / "tests" / "engine" / name).read_text(encoding="utf-8")):
            if case.get("lang") == "en" or mismatches(case, engine.answer(case["q"])):
                continue
            fast = typed_fast(case["q"])
            if fast == case["q"]:
                continue
            tried += 1
            wrong = mismatches(case, engine.answer(fast))
            if wrong:
                broken.append(f"  {case['q']!r} -> {fast!r}: {'; '.join(wrong)}")
            else:
                kept += 1
    print(f"right answers kept when typed fast: {kept}/{tried} ({100 * kept / max(tried, 1):.1f} %)")
    print("\n".join(broken[: args.show]))


if __name__ == "__main__":
    main()
