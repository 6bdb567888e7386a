"""`srom ask`: answer a question for a person, or as JSON lines for scripts (one question per stdin line)."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

from bot.cli.render import render_text
from bot.engine import Answer, default_engine


def run_ask(words: Sequence[str], as_json: bool = False) -> int:
    engine = default_engine()
    if words:
        _emit(engine.answer(" ".join(words)), as_json)
        return 0
    if not as_json and sys.stdin.isatty():
        print('usage: srom ask "question"  (ou: srom ask --json < questions.txt)', file=sys.stderr)
        return 0
    out = sys.stdout
    for line in sys.stdin:
        _emit(engine.answer(line.rstrip("\n")), as_json)
    out.flush()
    return 0


def _emit(answer: Answer, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(answer.to_public_json(), ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(render_text(answer) + "\n")
