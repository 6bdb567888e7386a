"""`srom ask`: answer a question for a person, or as JSON lines for scripts (one question per stdin line)."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

from bot.cli.render import render_text
from bot.engine import Answer, default_engine


def _install_corrections() -> None:
    """Answer with the staff corrections of the database (SROM_DB_PATH) when it exists."""
    from bot.settings import SettingsError, load_settings

    try:
        path = load_settings().srom_db_path
    except SettingsError:
        return
    if path.exists():
        from bot.verification.setup import install_corrections
        from storage.db import DatabaseProvider

        install_corrections(DatabaseProvider(path, migrate_on_open=True))


def run_ask(words: Sequence[str], as_json: bool = False) -> int:
    _install_corrections()
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
