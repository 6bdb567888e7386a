"""`srom db backup` and `srom db export`: an online copy consistent while writers go on, and plain dumps."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from srom_data.cells import csv_row

from .db import BUSY_TIMEOUT_MS

EXPORT_TABLES = ("commitments", "progress", "roles", "audit_log", "corrections", "verification_requests")


class BackupError(Exception):
    """The copy could not be made or is not sound; the destination is left untouched."""


def _is_the_database(source: Path, target: Path) -> bool:
    """The target is the live database, or one of its companion files (WAL, shared memory, journal), whatever
    the spelling of the path (relative, `..`, a symbolic link)."""
    live = source.resolve()
    companions = {live, *(live.with_name(live.name + suffix) for suffix in ("-wal", "-shm", "-journal"))}
    return target.resolve() in companions or (target.exists() and source.exists() and os.path.samefile(source, target))


def backup(source: Path | str, destination: Path | str) -> int:
    """Copy the database with SQLite's online backup API, in one step (one consistent snapshot even while
    other processes write), check the copy, then move it into place. Returns the number of progress entries."""
    target = Path(destination)
    if _is_the_database(Path(source), target):
        raise BackupError(
            f"la cible {destination} est la base elle-même (ou l'un de ses fichiers) : "
            "choisissez un autre fichier, par exemple sauvegardes/srom-AAAA-MM-JJ.db"
        )
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


def _known(table: str) -> str:
    if table not in EXPORT_TABLES:
        raise BackupError(f"table inconnue « {table[:40]} » : choisissez parmi {', '.join(EXPORT_TABLES)}")
    return table


def export_json(db: Database, tables: tuple[str, ...] = EXPORT_TABLES) -> str:
    """The tracking tables asked (every one by default), as {table: [row, …]}."""
    out: dict[str, list[dict]] = {}
    for table in map(_known, tables):
        columns, rows = _rows(db, table)
        out[table] = [dict(zip(columns, row, strict=True)) for row in rows]
    return json.dumps(out, ensure_ascii=False, indent=1)


def export_csv(db: Database, table: str = "progress") -> str:
    columns, rows = _rows(db, _known(table))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(csv_row(row) for row in rows)
    return buffer.getvalue()
