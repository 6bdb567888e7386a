"""The `srom` command: a thin wrapper over the library (knowledge base, engine, console, server)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="srom", description="Assistant SROM des CCI (Slack et console).")
    sub = parser.add_subparsers(dest="command")

    chat = sub.add_parser("chat", help="conversation in the terminal (the console)")
    chat.add_argument("--plain", action="store_true", help="line by line, no line editing (as with a pipe)")
    serve = sub.add_parser("serve", help="serve Slack (Socket Mode with SLACK_APP_TOKEN, HTTP otherwise)")
    mode = serve.add_mutually_exclusive_group()
    mode.add_argument("--http", dest="mode", action="store_const", const="http", help="HTTP on $PORT")
    mode.add_argument("--socket", dest="mode", action="store_const", const="socket", help="Socket Mode")
    serve.add_argument("--port", type=int, help="HTTP port (default $PORT, else 3000)")
    serve.add_argument("--with-clock", action="store_true", help="also run the nudges clock (as SROM_CLOCK=1)")

    ask = sub.add_parser("ask", help="answer one question (or one per stdin line with --json)")
    ask.add_argument("question", nargs="*")
    ask.add_argument("--json", action="store_true", help="print JSON (one object per line)")
    ask.add_argument(
        "--session", metavar="ID", help="the stdin lines are one conversation: follow-ups read in its context"
    )

    data = sub.add_parser("data", help="knowledge base tools")
    data_sub = data.add_subparsers(dest="data_command", required=True)
    data_sub.add_parser("check", help="validate the data folder and print its coverage")
    export = data_sub.add_parser("export", help="export the knowledge base")
    export.add_argument("--format", choices=["json", "csv", "xlsx"], default="json")
    export.add_argument("--out", type=Path, help="file to write (xlsx: default cartographie.xlsx; else stdout)")
    imp = data_sub.add_parser("import", help="import the mode matrix spreadsheet (corrections -> overrides.yaml)")
    imp.add_argument("workbook", type=Path, help="the .xlsx exported by `srom data export --format xlsx`")
    imp.add_argument("--dry-run", action="store_true", help="print the changes, write nothing")
    imp.add_argument("--as", dest="author", help="who imports (recorded with each correction; default: local user)")
    cov = data_sub.add_parser("coverage", help="per function and year: explicit, deduced, attested, unspecified")
    cov.add_argument("--json", action="store_true", help="print JSON")
    for module in _extensions():
        module.add_commands(sub)
    return parser


def _extensions() -> list:
    """Command groups that live beside their feature (commitment tracking, maps): each adds its sub-commands and
    runs them, importing its heavy dependencies only when one of its commands runs."""
    from bot.cli import maps as cli_maps
    from bot.cli import nudges as cli_nudges
    from bot.cli import tracking as cli_tracking

    return [cli_tracking, cli_maps, cli_nudges]


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command is None:
        from bot.settings import slack_configured

        args = _parser().parse_args(["serve" if slack_configured() else "chat"])
    command = args.command
    try:
        if command == "data":
            return _data(args)
        if command == "ask":
            from bot.cli.ask import run_ask

            return run_ask(args.question, as_json=args.json, session=args.session)
        if command == "chat":
            from bot.console.session import run_console

            return run_console(plain=args.plain)
        if command == "serve":
            from bot.slack.serve import run_serve

            return run_serve(mode=args.mode or "auto", port=args.port, with_clock=args.with_clock)
        for module in _extensions():
            code = module.run(args)
            if code is not None:
                return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    return 2


def _data(args: argparse.Namespace) -> int:
    from srom_data.loader import DataError, data_dir_from_env, load

    if args.data_command == "import" or getattr(args, "format", None) == "xlsx":
        from bot.cli import maps as cli_maps  # the mode-matrix spreadsheet lives with the maps

        return cli_maps.run_data(args)
    from bot.cli.store import open_store
    from bot.verification.setup import with_store

    try:
        store = open_store(create=False)
        kb = with_store(load(data_dir_from_env()), store)
    except DataError as exc:
        print(f"données SROM invalides — {exc}", file=sys.stderr)
        return 1
    if args.data_command in ("check", "coverage"):
        from bot.verification.setup import coverage_text

        if args.data_command == "coverage":
            print(coverage_text(kb, store, as_json=args.json))
            return 0
        from srom_data.coverage import format_coverage
        from srom_data.loader import read_overrides

        print(format_coverage(kb, overrides=len(read_overrides(data_dir_from_env()))))
        print("\nmode matrix (knowledge base + corrections store):")
        print(coverage_text(kb, store, as_json=False))
        print("\nOK: the knowledge base is valid.")
        return 0
    from srom_data.export import to_csv, to_json

    text = to_json(kb) + "\n" if args.format == "json" else to_csv(kb)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(args.out)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
