"""`srom db backup` and `srom db export`: an online copy consistent while writers go on, and plain dumps."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from .db import BUSY_TIMEOUT_MS

EXPORT_TABLES = ("commitments", "progress", "roles", "audit_log", "corrections", "verification_requests")


class BackupError(Exception):
    """The copy could not be made or is not sound; the destination is left untouched."""


def backup(source: Path | str, destination: Path | str) -> int:
    """Copy the database with SQLite's online backup API, in one step (one consistent snapshot even while
    other processes write), check the copy, then move it into place. Returns the number of progress entries."""
    target = Path(destination)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(str(source), timeout=BUSY_TIMEOUT_MS / 1000)
    dst = sqlite3.connect(str(partial))
    try:
        src.backup(dst, pages=-1)
        dst.execute("PRAGMA journal_mode=DELETE")
        check = dst.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise BackupError(f"integrity_check of the copy: {check}")
        tables = {row[0] for row in dst.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        entries = dst.execute("SELECT COUNT(*) FROM progress").fetchone()[0] if "progress" in tables else 0
    except sqlite3.Error as exc:
        raise BackupError(str(exc)) from exc
    finally:
        dst.close()
        src.close()
    with open(partial, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)
    return entries


def _rows(db: Database, table: str) -> tuple[list[str], list[tuple]]:
    cursor = db.execute(f"SELECT * FROM [{table}] ORDER BY rowid")
    return [c[0] for c in cursor.description], cursor.fetchall()


def export_json(db: Database) -> str:
    """Every tracking table, as {table: [row, …]}."""
    out: dict[str, list[dict]] = {}
    for table in EXPORT_TABLES:
        columns, rows = _rows(db, table)
        out[table] = [dict(zip(columns, row, strict=True)) for row in rows]
    return json.dumps(out, ensure_ascii=False, indent=1)


def export_csv(db: Database, table: str = "progress") -> str:
    if table not in EXPORT_TABLES:
        raise ValueError(f"unknown table {table!r}")
    columns, rows = _rows(db, table)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()
