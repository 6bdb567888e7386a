"""Planning the day's nudges for 1,000 référents and 5,000 commitments (target: at most 1 s).

Builds a database with 5,000 commitments over 5 functions (most with old or no progress entries), 1,000 référents
(one or two functions each, a few time zones, some snoozed or opted out, some nudged this week) and a Bureau date,
then times reading the snapshot and planning a Monday morning, separately and together.

    .venv/bin/python bench/bench_nudges.py [--referents 1000] [--commitments 5000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.nudges.plan import NudgeConfig, plan  # noqa: E402
from bot.nudges.snapshot import load_snapshot  # noqa: E402
from storage.db import migrate, open_db  # noqa: E402

FUNCTIONS = ["FIN", "RH", "SI", "JUR", "COM"]
ZONES = ["Europe/Paris", "Europe/Paris", "Europe/Paris", "America/Martinique", "Indian/Reunion"]
NOW = datetime(2026, 11, 30, 9, 30, tzinfo=UTC)  # a Monday: 10:30 in Paris


def build(path: Path, referents: int, commitments: int) -> None:
    db = open_db(path)
    migrate(db)
    stamp = "2026-01-01T00:00:00.000000Z"
    with db.conn:
        db.conn.executemany(
            "INSERT INTO commitments (id, function, title, description, year, origin, created_at) "
            "VALUES (?, ?, ?, '', 2026, 'admin', ?)",
            [
                (f"{FUNCTIONS[n % 5]}-{n // 5 + 1}", FUNCTIONS[n % 5], f"Engagement {n}", stamp)
                for n in range(commitments)
            ],
        )
        entries = []
        for n in range(commitments):
            if n % 4 == 0:
                continue  # never updated
            when = (NOW - timedelta(days=30 + (n % 200))).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
            cid = f"{FUNCTIONS[n % 5]}-{n // 5 + 1}"
            entries.append((cid, "en_cours", n % 100, "bench", "UB", when, "cli", f"bench:{n}", "update"))
        db.conn.executemany(
            "INSERT INTO progress (commitment_id, status, percent, comment, author_id, created_at, source, "
            "idempotency_key, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            entries,
        )
        grants, users, prefs, sent = [], [], [], []
        for n in range(referents):
            user = f"UR{n:05d}"
            grants.append((user, "referent", FUNCTIONS[n % 5], "UADMIN", stamp))
            if n % 3 == 0:
                grants.append((user, "referent", FUNCTIONS[(n + 1) % 5], "UADMIN", stamp))
            users.append((user, ZONES[n % len(ZONES)], f"D{n:05d}", stamp))
            if n % 50 == 0:
                prefs.append((user, stamp if n % 100 == 0 else None, None if n % 100 == 0 else "2026-12-15", stamp))
            if n % 7 == 0:
                sent.append((f"stale:{user}:2026-W48", "stale", user, 0, 0, "2026-11-26T09:00:00.000000Z"))
        db.conn.executemany(
            "INSERT INTO roles (user_id, role, scope, granted_by, granted_at) VALUES (?, ?, ?, ?, ?)", grants
        )
        db.conn.executemany("INSERT INTO slack_users (user_id, tz, dm_channel, fetched_at) VALUES (?, ?, ?, ?)", users)
        db.conn.executemany(
            "INSERT INTO nudge_prefs (user_id, opted_out_at, snoozed_until, updated_at) VALUES (?, ?, ?, ?)", prefs
        )
        db.conn.executemany(
            "INSERT INTO nudges (key, kind, user_id, claimed_at, lease_until, sent_at) VALUES (?, ?, ?, ?, ?, ?)", sent
        )
        db.conn.execute(
            "INSERT INTO bureau_meetings (date, added_by, added_at) VALUES (?, 'UADMIN', ?)",
            [date(2026, 12, 12).isoformat(), stamp],
        )
    db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--referents", type=int, default=1000)
    parser.add_argument("--commitments", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        build(path, args.referents, args.commitments)
        db = open_db(path)
        timings = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            snapshot = load_snapshot(db, today=NOW.date())
            loaded = time.perf_counter()
            nudges = plan(NOW, snapshot, NudgeConfig())
            done = time.perf_counter()
            timings.append((loaded - started, done - loaded, done - started))
        db.close()
    best = min(timings, key=lambda t: t[2])
    kinds: dict[str, int] = {}
    for nudge in nudges:
        kinds[nudge.kind] = kinds.get(nudge.kind, 0) + 1
    items = sum(len(n.items) for n in nudges)
    print(f"{args.referents} référents, {args.commitments} commitments: {len(nudges)} nudges {kinds}, {items} items")
    load_ms, plan_ms, total_ms = (round(t * 1000) for t in best)
    print(f"snapshot {load_ms} ms + plan {plan_ms} ms = {total_ms} ms (best of {args.repeat})")
    verdict = "OK" if best[2] <= 1.0 else "TOO SLOW"
    print(f"{verdict}: target ≤ 1000 ms")
    return 0 if best[2] <= 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
