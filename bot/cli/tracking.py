"""`srom db …`, `srom report …`, `srom commitments …`: commitment tracking and the Bureau report."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path

GROUP = ("db", "report", "commitments")


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Add this group's sub-commands to the `srom` parser."""
    db = sub.add_parser("db", help="the tracking database (SROM_DB_PATH): backup, export")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    backup = db_sub.add_parser("backup", help="online copy, consistent while the bot writes")
    backup.add_argument("path", type=Path)
    export = db_sub.add_parser("export", help="dump the tracking tables")
    export.add_argument("--format", choices=["json", "csv"], default="json")
    export.add_argument(
        "--table",
        help="progress, commitments, roles, audit_log, corrections or verification_requests "
        "(csv: progress by default; json: every table)",
    )

    report = sub.add_parser("report", help="the annual Bureau report on the commitments")
    report.add_argument("--year", type=int, help="the year (default: this year, in SROM_TIMEZONE)")
    report.add_argument("--function", help="one function (code or name)")
    report.add_argument("--format", choices=["md", "docx", "csv", "json"], default="md")
    report.add_argument("--out", type=Path, help="write to this file (required for docx)")

    commitments = sub.add_parser("commitments", help="the commitments tracked")
    commitments_sub = commitments.add_subparsers(dest="commitments_command", required=True)
    listing = commitments_sub.add_parser("list", help="ids, titles, functions")
    listing.add_argument("--json", action="store_true")


def run(args: argparse.Namespace) -> int | None:
    """Run the command if it is one of this group's (its exit code), else None."""
    if args.command not in GROUP:
        return None
    from bot.settings import SettingsError
    from bot.tracking.parse import InputError
    from srom_data.loader import DataError
    from storage.backup import BackupError

    try:
        return _run(args)
    except (SettingsError, DataError, InputError, BackupError, sqlite3.Error, OSError) as exc:
        message = exc.message if isinstance(exc, InputError) else str(exc)
        print(f"srom {args.command} : {message}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    from bot.settings import load_settings

    settings = load_settings()
    settings.export_data_dir()
    if args.command == "db" and args.db_command == "backup":
        from storage.backup import backup

        if not settings.srom_db_path.exists():
            raise OSError(f"base introuvable : {settings.srom_db_path}")
        entries = backup(settings.srom_db_path, args.path)
        print(f"sauvegarde écrite : {args.path} ({entries} mise(s) à jour d'engagements)")
        return 0
    db = _open(settings)
    if args.command == "db":
        from storage.backup import EXPORT_TABLES, export_csv, export_json

        if args.format == "json":
            sys.stdout.write(export_json(db, (args.table,) if args.table else EXPORT_TABLES) + "\n")
        else:
            sys.stdout.write(export_csv(db, args.table or "progress"))
        return 0
    if args.command == "commitments":
        return _list(db, as_json=args.json)
    return _report(db, args)


def _open(settings):  # -> Database
    from bot.tracking.setup import prepare_tracking
    from srom_data.loader import load_default
    from storage.db import migrate, open_db

    db = open_db(settings.srom_db_path)
    migrate(db)
    prepare_tracking(db, load_default(), settings.admin_ids)
    return db


def _list(db, *, as_json: bool) -> int:
    from storage.commitments import list_commitments

    items = list_commitments(db)
    if as_json:
        rows = [{"id": c.id, "title": c.title, "function": c.function} for c in items]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for c in items:
            print(f"{c.id:8} {c.function:5} {c.title}")
    return 0


def _report(db, args: argparse.Namespace) -> int:
    from bot.tracking.access import function_labels
    from bot.tracking.parse import InputError, resolve_function
    from reports.bureau import build_report
    from reports.export import to_csv, to_json, to_markdown
    from srom_data.loader import load_default

    labels = function_labels(load_default())
    function = resolve_function(args.function, labels) if args.function else None
    if args.year is None:
        from reports.formats import local_today

        args.year = local_today().year
    if not 2000 <= args.year <= 2100:
        raise InputError(f"année {args.year} hors de portée (2000 à 2100)")
    from bot.tracking.report import with_mode_coverage
    from bot.verification.setup import install_corrections
    from storage.db import DatabaseProvider

    install_corrections(DatabaseProvider(db.conn.execute("PRAGMA database_list").fetchone()[2]))
    report = with_mode_coverage(build_report(db, args.year, labels, function=function), db, function)
    if args.format == "docx":
        if args.out is None:
            raise InputError("--out FICHIER.docx est nécessaire pour le format docx")
        from reports.charts import progress_chart
        from reports.docx_report import to_docx

        data: bytes | str = to_docx(report, chart=progress_chart(report))
    else:
        data = {"json": to_json, "md": to_markdown, "csv": to_csv}[args.format](report)
        data = data + "\n" if args.format == "json" else data
    if args.out is None:
        sys.stdout.write(str(data))
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        args.out.write_bytes(data)
    else:
        args.out.write_text(data, encoding="utf-8")
    print(f"rapport écrit : {args.out}", file=sys.stderr)
    return 0
