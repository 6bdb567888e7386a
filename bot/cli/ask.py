"""`srom ask`: answer a question for a person, or as JSON lines for scripts (one question per stdin line).

`--session ID`: the lines are one conversation, as in a Slack thread: "et en 2021 ?" is read against the
previous answer (the context lives in memory, for this run only).
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path

from bot.cli.render import render_text
from bot.engine import Answer, Context, default_engine


def _install_corrections() -> None:
    """Answer with the staff corrections of the database (SROM_DB_PATH) when it exists."""
    if not _holds_corrections(database_path()):
        return  # settled without the settings, whose library (pydantic-settings) costs 50 to 90 ms to import
    from bot.settings import SettingsError, load_settings

    try:
        path = load_settings().srom_db_path
    except SettingsError:
        return
    if _holds_corrections(path):  # a cheap look first: the store's library costs a tenth of a second to import
        from bot.verification.setup import install_corrections
        from storage.db import DatabaseProvider

        install_corrections(DatabaseProvider(path, migrate_on_open=True))


def database_path() -> Path:
    """SROM_DB_PATH read as the settings read it (the environment, then `.env`, names in any case, an empty value
    as unset; else srom.db), without them."""
    for name, value in os.environ.items():
        if name.lower() == "srom_db_path" and value:
            return Path(value)
    if Path(".env").is_file():
        from dotenv import dotenv_values

        for name, value in dotenv_values(".env", encoding="utf-8").items():
            if name.lower() == "srom_db_path" and value:
                return Path(value)
    return Path("srom.db")


def _holds_corrections(path: Path) -> bool:
    """The database exists and holds at least one staff correction (read-only, with the standard library)."""
    if not path.exists():
        return False
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            return conn.execute("SELECT 1 FROM corrections LIMIT 1").fetchone() is not None
    except sqlite3.Error:  # no corrections table yet (an older database), or not a database: nothing to apply
        return False


def run_ask(words: Sequence[str], as_json: bool = False, session: str | None = None) -> int:
    _install_corrections()
    engine = default_engine()
    if words:
        _emit(engine.answer(" ".join(words)), as_json, session)
        return 0
    if not as_json and sys.stdin.isatty():
        print('usage: srom ask "question"  (ou: srom ask --json < questions.txt)', file=sys.stderr)
        return 0
    out = sys.stdout
    context: Context | None = None
    for line in sys.stdin:
        question = line.rstrip("\n")
        answer = engine.answer(question, context)
        if session is not None:
            context = Context.from_answer(answer, answer.question or question, context) or context
        _emit(answer, as_json, session)
    out.flush()
    return 0


def _emit(answer: Answer, as_json: bool, session: str | None) -> None:
    if as_json:
        data = answer.to_public_json()
        if session is not None:  # the conversation, and how its follow-ups were read
            data |= {"session": session, "read_as": answer.question}
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(render_text(answer) + "\n")
