"""Progress entries written per second through the real HTTP endpoint, on loopback only.

Starts a fake Slack Web API and `srom serve --http` (2 workers × 8 threads, SROM_ADMINS set), sends signed
`/srom-engagement <ID> <statut> <n>% …` commands from concurrent clients, and counts an entry as written when its
acknowledgement says "Enregistré" (the write is committed before the ack carries it). Then checks the database
holds exactly those entries and passes `PRAGMA integrity_check`.

    .venv/bin/python bench/bench_tracking.py [--requests 1000] [--concurrency 20]
"""

from __future__ import annotations

import argparse
import http.client
import json
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from slack_sdk.signature import SignatureVerifier  # noqa: E402

from tests.e2e.serving import SIGNING_SECRET, start_serve, stop_serve  # noqa: E402
from tests.e2e.slack_requests import signed_form  # noqa: E402
from tests.fakes.slack_api import FakeSlackAPI  # noqa: E402

IDS = ["FIN-1", "FIN-2", "RH-1", "RH-2", "RH-3", "SI-1", "SI-4", "JUR-2", "COM-1", "GOUV-1"]
STATUSES = ["en cours", "en retard", "non démarré", "in progress", "late"]


def command(verifier: SignatureVerifier, n: int, response_base: str) -> tuple[bytes, dict[str, str]]:
    status = STATUSES[n % len(STATUSES)]
    percent = 0 if status == "non démarré" else n % 100  # a percent that fits the status (0 %; under 100 %)
    text = f"{IDS[n % len(IDS)]} {status} {percent}% bench update number {n}"
    fields = {
        "team_id": "T0CCI", "channel_id": "C1", "user_id": "UADMIN", "user_name": "admin",
        "command": "/srom-engagement", "text": text, "response_url": f"{response_base}/w{n}", "trigger_id": f"trig.{n}",
    }  # fmt: skip
    return signed_form(verifier, fields)


def send_all(url: str, response_base: str, total: int, concurrency: int) -> tuple[list[int], list[str]]:
    """Every request's HTTP status and the text its acknowledgement carried."""
    verifier = SignatureVerifier(SIGNING_SECRET)
    parts = urlsplit(url)
    counter = iter(range(total))
    lock = threading.Lock()
    statuses: list[int] = []
    texts: list[str] = []

    def loop() -> None:
        while True:
            with lock:
                n = next(counter, None)
            if n is None:
                return
            body, headers = command(verifier, n, response_base)
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
            try:
                conn.request("POST", "/slack/events", body=body, headers=headers)
                resp = conn.getresponse()
                body = resp.read()
                try:
                    text = str(json.loads(body).get("text", ""))
                except ValueError:
                    text = ""
                with lock:
                    statuses.append(resp.status)
                    texts.append(text)
            finally:
                conn.close()

    threads = [threading.Thread(target=loop) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses, texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=20)
    args = parser.parse_args()
    total = min(args.requests, 20_000)
    with FakeSlackAPI() as fake, tempfile.TemporaryDirectory() as workdir:
        server = start_serve(Path(workdir), fake.api_url, SROM_ADMINS="UADMIN", SROM_LOG_LEVEL="WARNING")
        try:
            started = time.monotonic()
            statuses, replies = send_all(server.url, fake.url + "/response", total, args.concurrency)
            elapsed = time.monotonic() - started
        finally:
            stop_serve(server)
        recorded = sum(1 for text in replies if "Enregistré" in text)
        db = sqlite3.connect(server.db_path)
        rows = db.execute("SELECT COUNT(*) FROM progress").fetchone()[0]
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    print(f"/srom-engagement writes through HTTP, {args.concurrency} concurrent clients, 2 workers x 8 threads")
    print(f"  acks: {statuses.count(200)}/{total} HTTP 200; 'Enregistré' answers: {recorded}; other answers: "
          f"{len(replies) - recorded}")  # fmt: skip
    print(f"  entries written: {recorded / elapsed:.0f} per second ({recorded} in {elapsed:.1f} s, each in its ack)")
    print(f"  database: {rows} rows (expected {recorded}), integrity_check {integrity}")
    return 0 if rows == recorded == total and integrity == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
