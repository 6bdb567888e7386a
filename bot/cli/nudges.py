"""`srom nudges preview|run` and `srom clock`: the reminders to référents, previewed, sent now, or on a clock."""

from __future__ import annotations

import argparse
import json
import logging
import sqlite3
import sys
from datetime import UTC, date, datetime

GROUP = ("nudges", "clock")


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Add this group's sub-commands to the `srom` parser."""
    nudges = sub.add_parser("nudges", help="reminders to référents: preview a day, or send what is due now")
    nudges_sub = nudges.add_subparsers(dest="nudges_command", required=True)
    preview = nudges_sub.add_parser("preview", help="who would get what on a day; sends nothing")
    preview.add_argument("--date", help="the day, YYYY-MM-DD (default: today)")
    preview.add_argument("--json", action="store_true", help="one JSON object per nudge")
    run = nudges_sub.add_parser("run", help="send what is due now (for cron-style platforms)")
    run.add_argument("--now", help="as if it were this moment, ISO 8601 with its offset (tests, catching up)")
    clock = sub.add_parser("clock", help="the clock process: send the nudges when they are due (Procfile: clock)")
    clock.add_argument("--parent", type=int, help=argparse.SUPPRESS)  # set by `srom serve --with-clock`


def run(args: argparse.Namespace) -> int | None:
    """Run the command if it is one of this group's (its exit code), else None."""
    if args.command not in GROUP:
        return None
    from bot.settings import SettingsError, load_settings
    from srom_data.loader import DataError

    try:
        settings = load_settings()
        logging.basicConfig(level=settings.srom_log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        if args.command == "clock":
            return _clock(settings, args.parent)
        if args.nudges_command == "preview":
            return _preview(settings, args.date, as_json=args.json)
        return _run(settings, args.now)
    except _Usage as exc:
        print(f"srom {args.command} : {exc}", file=sys.stderr)
        return 2
    except (SettingsError, DataError, sqlite3.Error, OSError) as exc:
        print(f"srom {args.command} : {exc}", file=sys.stderr)
        return 1


class _Usage(Exception):
    pass


def _need_token(settings) -> None:
    if not settings.bot_token:
        raise _Usage("SLACK_BOT_TOKEN manquant : il faut le jeton du bot pour envoyer les messages (voir README)")


def _clock(settings, parent: int | None) -> int:
    _need_token(settings)
    from bot.slack.clock import run_clock

    return run_clock(settings, parent_pid=parent)


def _run(settings, now_text: str | None) -> int:
    _need_token(settings)
    now = None
    if now_text:
        try:
            now = datetime.fromisoformat(now_text)
        except ValueError:
            raise _Usage(f"--now « {now_text[:40]} » : écrivez par exemple 2026-12-01T09:30:00+01:00") from None
        if now.tzinfo is None:
            raise _Usage("--now : précisez le décalage horaire, par exemple 2026-12-01T09:30:00+01:00")
    from bot.slack.clock import prepare_clock, run_once
    from storage.db import DatabaseProvider

    prepare_clock(settings)
    result = run_once(settings, DatabaseProvider(settings.srom_db_path), now=(now or datetime.now(UTC)).astimezone(UTC))
    print(
        f"{len(result.planned)} rappel(s) dus : {len(result.sent)} envoyé(s), "
        f"{len(result.already)} déjà pris par un autre processus, {len(result.failed)} en échec (réessayés plus tard)"
    )
    return 1 if result.failed else 0


def _preview(settings, date_text: str | None, *, as_json: bool) -> int:
    try:
        day = date.fromisoformat(date_text) if date_text else datetime.now(UTC).date()
    except ValueError:
        raise _Usage(f"--date « {date_text[:40]} » : écrivez la date comme 2026-12-01") from None
    from bot.nudges.plan import plan_day
    from bot.nudges.snapshot import load_snapshot
    from bot.slack.clock import prepare_clock
    from storage.db import open_db

    prepare_clock(settings)
    db = open_db(settings.srom_db_path)
    try:
        nudges = plan_day(day, load_snapshot(db, today=day), settings.nudge_config())
    finally:
        db.close()
    for nudge in nudges:
        row = {
            "key": nudge.key,
            "kind": nudge.kind,
            "to": nudge.recipient,
            "date": nudge.local_date.isoformat(),
            "bureau": nudge.bureau.isoformat() if nudge.bureau else None,
            "commitments": [item.id for item in nudge.items],
            "sections": [s.title for s in nudge.sections],
        }
        if as_json:
            print(json.dumps(row, ensure_ascii=False))
        else:
            what = {"stale": "rappel hebdomadaire", "campaign": "campagne", "bureau_summary": "synthèse"}[nudge.kind]
            when = f" (Bureau du {row['bureau']})" if nudge.bureau else ""
            items = ", ".join(row["commitments"][:12]) + (" …" if len(nudge.items) > 12 else "")
            print(f"{row['date']}  {nudge.recipient:12} {what}{when}  {items}".rstrip())
    if not as_json:
        print(f"{len(nudges)} rappel(s) le {day.isoformat()} — rien n'a été envoyé.", file=sys.stderr)
    return 0
