"""Bureau report build time on a large history: 100,000 progress entries over 200 commitments (3 years).

Builds a scratch database (bulk insert, outside the timing), then times, median of 5 runs: the report build
(two window-function queries) with JSON and with Markdown rendering, the CSV, the Word document and the chart.

    .venv/bin/python bench/bench_report.py [--entries 100000] [--commitments 200]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.tracking.access import function_labels  # noqa: E402
from reports.bureau import build_report  # noqa: E402
from reports.export import to_csv, to_json, to_markdown  # noqa: E402
from srom_data.loader import load_default  # noqa: E402
from storage.commitments import seed_commitments  # noqa: E402
from storage.db import migrate, open_db  # noqa: E402
from storage.statuses import STATUSES  # noqa: E402

TARGET_SECONDS = 1.0


def fill(db, commitments: int, entries: int) -> list[str]:
    kb = load_default()
    seed_commitments(db, kb.commitments)
    codes = list(function_labels(kb))
    ids = [c.id for c in kb.commitments]
    rng = random.Random(7)
    db.execute("BEGIN IMMEDIATE")
    n = 100
    while len(ids) < commitments:
        code = codes[len(ids) % len(codes)]
        cid = f"{code}-{n}"
        db.execute(
            "INSERT INTO commitments (id, function, title, description, year, origin, created_at) "
            "VALUES (?, ?, ?, '', 2026, 'admin', '2024-01-01T00:00:00.000000Z')",
            [cid, code, f"Engagement de charge n° {n} ({code})"],
        )
        ids.append(cid)
        n += 1
    start = datetime(2024, 1, 1, tzinfo=UTC)
    span = (datetime(2026, 12, 31, tzinfo=UTC) - start).total_seconds()
    rows = (
        (
            rng.choice(ids),
            rng.choice(STATUSES),
            rng.randint(0, 100),
            f"commentaire {i} " + "x" * rng.randint(0, 120),
            f"U{i % 97}",
            f"agent {i % 97}",
            (start + timedelta(seconds=rng.random() * span)).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            f"bench:{i}",
        )
        for i in range(entries)
    )
    db.conn.executemany(
        "INSERT INTO progress (commitment_id, status, percent, comment, author_id, author_name, created_at, source, "
        "idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, 'cli', ?)",
        rows,
    )
    db.conn.commit()
    db.execute("ANALYZE")
    return ids


def timed(label: str, function: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    median = statistics.median(times)
    print(f"  {label:<38} median {median * 1000:8.1f} ms  (min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f})")
    return median


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--commitments", type=int, default=200)
    args = parser.parse_args()
    labels = function_labels(load_default())
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "bench.db")
        migrate(db)
        started = time.perf_counter()
        fill(db, args.commitments, args.entries)
        print(f"Bureau report, {args.entries:,} entries over {args.commitments} commitments, 2024-2026")
        print(f"  (scratch database filled in {time.perf_counter() - started:.1f} s)")
        today = date(2026, 12, 31)

        def build():
            return build_report(db, 2026, labels, today=today)

        report = build()
        t_json = timed("build + JSON", lambda: to_json(build()))
        t_md = timed("build + Markdown", lambda: to_markdown(build()))
        timed("build + CSV", lambda: to_csv(build()))
        timed("build, one function (RH) + JSON", lambda: to_json(build_report(db, 2026, labels, function="RH")))
        from reports.charts import progress_chart
        from reports.docx_report import to_docx

        timed("chart (PNG, cold: imports matplotlib)", lambda: progress_chart(report), runs=1)
        timed("chart (PNG)", lambda: progress_chart(report), runs=3)
        timed("Word document (.docx, with the chart)", lambda: to_docx(report, chart=progress_chart(report)), runs=3)
        ok = max(t_json, t_md) <= TARGET_SECONDS
        print(f"  target JSON/Markdown <= {TARGET_SECONDS:.0f} s: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
