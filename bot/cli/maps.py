"""`srom carto …`, `srom data export --format xlsx`, `srom data import …`: maps and the mode matrix.

A thin wrapper over reports.carto (pictures) and reports.workbook / reports.workbook_import (the spreadsheet);
matplotlib and openpyxl are imported only when one of these commands runs.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Add this group's sub-commands to the `srom` parser."""
    carto = sub.add_parser("carto", help="draw a function's map for a year, or its years compared (PNG or SVG)")
    carto.add_argument("--function", "-f", required=True, help="code or name: RH, FIN, 'ressources humaines'")
    when = carto.add_mutually_exclusive_group()
    when.add_argument("--year", type=int, help="the map's year (default: the latest)")
    when.add_argument("--compare", action="store_true", help="the years side by side")
    carto.add_argument("--out", type=Path, help="file to write, .png or .svg (default: $SROM_OUT_DIR or out/)")
    carto.add_argument("--dpi", type=int, help="resolution (default 150: 1800 pixels wide)")


def run(args: argparse.Namespace) -> int | None:
    """Run the command if it is one of this group's (its exit code), else None."""
    if args.command == "carto":
        return _carto(args)
    return None


def run_data(args: argparse.Namespace) -> int:
    """`srom data export --format xlsx` and `srom data import` (called by bot.cli.main's `data` group)."""
    from srom_data.loader import DataError

    try:
        if args.data_command == "import":
            return _import(args.workbook, dry_run=args.dry_run, author=args.author)
        return _export(args.out or Path("cartographie.xlsx"))
    except DataError as exc:
        print(f"données SROM invalides — {exc}", file=sys.stderr)
        return 1


def _carto(args: argparse.Namespace) -> int:
    from reports.carto import DEFAULT_DPI, MapError, draw_map
    from srom_data.loader import DataError, data_dir_from_env, load

    suffix = args.out.suffix.lower() if args.out else ".png"
    if suffix not in (".png", ".svg"):
        print(f"srom carto : --out doit finir par .png ou .svg (reçu « {args.out} »)", file=sys.stderr)
        return 2
    from bot.cli.store import open_store
    from bot.verification.setup import with_store

    try:
        kb = with_store(load(data_dir_from_env()), open_store(create=False))
        fmt = "svg" if suffix == ".svg" else "png"
        picture = draw_map(kb, args.function, args.year, compare=args.compare, fmt=fmt, dpi=args.dpi or DEFAULT_DPI)
    except DataError as exc:
        print(f"données SROM invalides — {exc}", file=sys.stderr)
        return 1
    except MapError as exc:
        print(f"srom carto : {exc}", file=sys.stderr)
        return 2
    path = args.out or Path(os.environ.get("SROM_OUT_DIR") or "out") / picture.filename
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(picture.data)
    print(f"{path} ({picture.width} × {picture.height} px)")
    return 0


def _export(out: Path) -> int:
    from reports.workbook import write_workbook
    from srom_data.loader import data_dir_from_env, load

    if out.suffix.lower() != ".xlsx":
        print(f"srom data export : le classeur doit finir par .xlsx (reçu « {out} »)", file=sys.stderr)
        return 2
    from bot.cli.store import open_store
    from bot.verification.setup import with_store

    write_workbook(with_store(load(data_dir_from_env()), open_store(create=False)), out)
    print(f"{out} — une feuille par fonction ; mode d'emploi dans la feuille « Lisez-moi ».")
    return 0


def _import(workbook: Path, *, dry_run: bool, author: str | None = None) -> int:
    """Validate the workbook against the data folder and the corrections store, print the changes, and record
    them in the store (one correction per changed cell, in one transaction) as `author`."""
    import getpass
    import hashlib

    from bot.cli.store import open_store
    from reports.workbook_import import WorkbookError, describe, plan_import
    from srom_data.loader import data_dir_from_env
    from storage import corrections
    from storage.corrections import NewCorrection

    if not workbook.is_file():
        print(f"srom data import : fichier introuvable : {workbook}", file=sys.stderr)
        return 2
    root = data_dir_from_env()
    db = open_store()
    assert db is not None
    try:
        plan = plan_import(workbook, root, corrections.latest_overrides(db))
    except WorkbookError as exc:
        print(f"Import refusé, rien n'a été écrit :\n{exc}", file=sys.stderr)
        return 1
    print(describe(plan))
    if dry_run or not plan.changes:
        if dry_run:
            print("--dry-run : rien n'a été écrit.")
        return 0
    who = author or getpass.getuser()
    digest = hashlib.sha256(workbook.read_bytes()).hexdigest()[:16]
    items = [
        NewCorrection(
            activity=c.activity.id,
            year=c.year,
            assessment=c.after,
            source=(c.after.attestation.source if c.after.attestation else f"classeur {workbook.name}")[:300],
            comment=c.after.attestation.note if c.after.attestation else None,
            author_id=who,
            author_name=c.after.attestation.by if c.after.attestation else who,
            origin="import",
            idempotency_key=f"import:{digest}:{c.activity.id}:{c.year}",
        )
        for c in plan.changes
    ]
    added, _ = corrections.record_many(db, items)
    print(f"Enregistré dans la base ({db_path_text()}) : {added} correction(s), importée(s) par {who}.")
    return 0


def db_path_text() -> str:
    from bot.settings import load_settings

    return str(load_settings().srom_db_path)
