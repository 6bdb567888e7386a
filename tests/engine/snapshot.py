"""The recorded answer of every labelled question (intent, language, function, activity, year, mode, bodies,
commitments and choices), so that a test fails on any single answer that changes, not only when the share drops.

Regenerate after a deliberate change, then read the diff: `.venv/bin/python -m tests.engine.snapshot`.
The blind file is never recorded here (its questions are never looked at one by one).
"""

from __future__ import annotations

import json
from pathlib import Path

from bot.engine import Answer, Engine
from tests.engine.scoring import LABELLED, load

SNAPSHOT = Path(__file__).parent / "answers_snapshot.json"


def fingerprint(answer: Answer) -> list[str | int | list[str] | None]:
    """What an answer is about: its intent, language, function, activity, year, mode, and the bodies, commitments
    and choices it gives (a governance answer that names another body is another answer)."""
    return [
        answer.intent,
        answer.lang,
        answer.function.id if answer.function else None,
        answer.process.id if answer.process else None,
        answer.year,
        answer.mode.code if answer.mode else None,
        [i.id for i in answer.instances],
        [c.id for c in answer.commitments],
        [c.id for c in answer.candidates],
    ]


def record(engine: Engine) -> dict[str, dict[str, list[str | int | list[str] | None]]]:
    return {name: {c["q"]: fingerprint(engine.answer(c["q"])) for c in load(name)} for name in LABELLED}


def read() -> dict[str, dict[str, list[str | int | list[str] | None]]]:
    return json.loads(SNAPSHOT.read_text("utf-8"))


def main() -> None:
    from bot.engine import default_engine

    recorded = record(default_engine())
    files = []
    for name, answers in recorded.items():  # one line per question, so that a diff shows each change
        rows = ",\n".join(f"  {json.dumps(q, ensure_ascii=False)}: {json.dumps(a)}" for q, a in answers.items())
        files.append(f" {json.dumps(name)}: {{\n{rows}\n }}")
    SNAPSHOT.write_text("{\n" + ",\n".join(files) + "\n}\n", "utf-8")
    print(f"{SNAPSHOT}: {sum(len(v) for v in recorded.values())} answers recorded")


if __name__ == "__main__":
    main()
