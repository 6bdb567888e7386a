"""How well the engine reads a question as chat writes it. Every question of the labelled sets it answers right is
written again and must still get the same answer:
- typed fast: lower case, no accents, no apostrophes nor question marks, the chat's shortenings ("c" for "c'est",
  "ds", "pr", "qd", "koi", "kel", "tjs"…; "whats", "u", "pls" in English);
- wrapped in courtesy: the bot's mention before it, a greeting, "stp"/"merci" or "thanks"/"please" after it;
- with one typo (a letter dropped, two swapped, one doubled; seeded) in one of its words of six letters or more.
Prints the share kept in each, and the questions that break. The blind sets are never read.

Run: .venv/bin/python bench/probe_chat.py [--show N]. Asserts nothing: a probe, not a test.
"""

from __future__ import annotations

import argparse
import random
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


SHORTENINGS_EN = ((r"\bwhat is\b", "whats"), (r"\byou\b", "u"), (r"\bplease\b", "pls"))


def typed_fast(question: str, lang: str = "fr") -> str:
    text = fold(question)
    for pattern, short in SHORTENINGS_EN if lang == "en" else SHORTENINGS:
        text = re.sub(pattern, short, text)
    return text.replace("?", "").replace("'", "" if lang == "en" else " ").strip()


def one_typo(question: str, rnd: random.Random) -> str | None:
    words = list(re.finditer(r"[A-Za-zÀ-ÿ]{6,}", question))
    if not words:
        return None
    m = rnd.choice(words)
    word, i = m.group(0), rnd.randrange(1, len(m.group(0)) - 1)
    kind = rnd.choice(("drop", "swap", "double"))
    typo = {
        "drop": word[:i] + word[i + 1 :],
        "swap": word[:i] + word[i + 1] + word[i] + word[i + 2 :],
        "double": word[:i] + word[i] + word[i:],
    }[kind]
    return question[: m.start()] + typo + question[m.end() :]


WRAPS_FR = ("<@U024BE7LH> {}", "bonjour, {}", "{} stp", "salut ! {} merci")
WRAPS_EN = ("<@U024BE7LH> {}", "hi, {}", "{} thanks", "hello! {} please")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, default=40, help="how many broken questions to print")
    args = parser.parse_args()
    engine = default_engine()
    right = [
        case
        for name in LABELLED
        for case in yaml.safe_load((ROOT / "tests" / "engine" / name).read_text(encoding="utf-8"))
        if not mismatches(case, engine.answer(case["q"]))
    ]
    fast = [(c, v) for c in right if (v := typed_fast(c["q"], c.get("lang", "fr"))) != c["q"]]
    wrapped = [
        (c, wrap.format(c["q"]))
        for c in right
        if c["intent"] not in ("help", "unknown")
        for wrap in (WRAPS_EN if c.get("lang") == "en" else WRAPS_FR)
    ]
    # each question its own seed: the same typo whichever other questions are right, so two engines compare
    typos = [(c, v) for c in right if (v := one_typo(c["q"], random.Random(f"7:{c['q']}")))]
    for title, pairs in (("typed fast", fast), ("wrapped in courtesy", wrapped), ("with one typo", typos)):
        broken = [
            f"  {variant!r}: {'; '.join(wrong)}"
            for case, variant in pairs
            if (wrong := mismatches(case, engine.answer(variant)))
        ]
        kept = len(pairs) - len(broken)
        print(f"right answers kept when {title}: {kept}/{len(pairs)} ({100 * kept / max(len(pairs), 1):.1f} %)")
        print("\n".join(broken[: args.show]))


if __name__ == "__main__":
    main()
