"""Durability of `/srom-engagement` updates while workers and the master are SIGKILLed, on loopback only.

Starts a fake Slack Web API and `srom serve --http` (gunicorn, 2 workers), sends a burst of correctly signed
`/srom-engagement` one-line updates from 20 concurrent clients (each a référent of its own commitment), and
meanwhile SIGKILLs a worker now and then, and the master (with its workers) every few kills, restarting the server
on the same port and database. A client that gets no answer, or an answer without "Enregistré", types the same
update again (as a person would, with a new trigger_id), a bounded number of times.

At the end it prints, from the acks' bodies and the database:
  confirmed-but-missing    acks that said "Enregistré" (or "Déjà enregistré") for an update with no row  — must be 0
  written-but-unconfirmed  rows whose update never got an "Enregistré" in any ack                      — must be 0
  duplicated               updates stored more than once                                              — must be 0
  integrity_check          SQLite's own check of the file                                             — must be ok

    .venv/bin/python bench/bench_durability.py [--updates 120] [--clients 20] [--kills 12] [--time-limit 120]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from slack_sdk.signature import SignatureVerifier  # noqa: E402

from tests.e2e.serving import SIGNING_SECRET, free_port, serve_env  # noqa: E402
from tests.e2e.slack_requests import http_request, signed_form  # noqa: E402
from tests.fakes.slack_api import FakeSlackAPI  # noqa: E402

CONFIRMED = "Enregistré"  # "Déjà enregistré" is lowercase: matched below case-insensitively
START_TIMEOUT = 30.0
MAX_ATTEMPTS = 40  # a client retypes an unanswered update at most this many times


@dataclass
class Server:
    process: subprocess.Popen
    port: int


class Cluster:
    """`srom serve --http` on one fixed port and database, killed and restarted on demand."""

    def __init__(self, workdir: Path, api_url: str, admins: str) -> None:
        self.workdir, self.port = workdir, free_port()
        self.db_path = workdir / "srom.db"
        self.env = serve_env(api_url, self.db_path, self.port, SROM_ADMINS=admins, WEB_CONCURRENCY="2")
        self.server: Server | None = None
        self.log = (workdir / "serve.log").open("ab")
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli.main", "serve", "--http"],
            cwd=self.workdir,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: the master and its workers, and nothing else
        )
        self.server = Server(process, self.port)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"srom serve exited with {process.returncode}; see {self.workdir / 'serve.log'}")
            try:
                if http_request(self.url + "/healthz").status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError("srom serve did not answer /healthz in time")

    def workers(self) -> list[int]:
        """The master's children (gunicorn workers), read from /proc."""
        assert self.server is not None
        master, found = self.server.process.pid, []
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stat = Path(f"/proc/{entry}/stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == master:
                    found.append(int(entry))
        return found

    def kill_worker(self) -> bool:
        with self.lock:
            workers = self.workers()
            if not workers:
                return False
            os.kill(random.choice(workers), signal.SIGKILL)
            return True

    def kill_master_and_restart(self) -> float:
        """SIGKILL the master and its workers (their process group, which this bench started), then start again
        on the same port and database; returns the seconds the server was away."""
        with self.lock:
            assert self.server is not None
            started = time.monotonic()
            os.killpg(self.server.process.pid, signal.SIGKILL)
            self.server.process.wait(timeout=10)
            self.start()
            return time.monotonic() - started

    def stop(self) -> None:
        if self.server is not None and self.server.process.poll() is None:
            os.killpg(self.server.process.pid, signal.SIGTERM)
            try:
                self.server.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.server.process.pid, signal.SIGKILL)
                self.server.process.wait(timeout=5)
        self.log.close()


@dataclass
class Update:
    user: str
    commitment: str
    text: str
    comment: str
    confirmed: bool = False
    attempts: int = 0
    answers: list[str] = field(default_factory=list)


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    failures: dict[str, int] = field(default_factory=dict)
    already: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def fail(self, why: str) -> None:
        with self.lock:
            self.failures[why] = self.failures.get(why, 0) + 1


_trigger = iter(range(1, 10**9))
_trigger_lock = threading.Lock()


def send(cluster: Cluster, verifier: SignatureVerifier, update: Update, fake_url: str) -> tuple[int, str, float]:
    with _trigger_lock:
        n = next(_trigger)
    fields = {
        "token": "t", "team_id": "T0CCI", "channel_id": "C1", "user_id": update.user, "user_name": update.user.lower(),
        "command": "/srom-engagement", "text": update.text, "response_url": f"{fake_url}/response/d{n}",
        "trigger_id": f"trig.{n}",
    }  # fmt: skip
    body, headers = signed_form(verifier, fields)
    conn = http.client.HTTPConnection("127.0.0.1", cluster.port, timeout=10)
    started = time.perf_counter()
    try:
        conn.request("POST", "/slack/events", body=body, headers=headers)
        resp = conn.getresponse()
        raw = resp.read().decode("utf-8", "replace")
        elapsed = time.perf_counter() - started
        try:  # the ack's JSON body: its text and blocks, as Slack would show them
            data = json.loads(raw)
            text = f"{data.get('text', '')} {json.dumps(data.get('blocks'), ensure_ascii=False)}"
        except (ValueError, AttributeError):
            text = raw
        return resp.status, text, elapsed
    finally:
        conn.close()


def client(cluster: Cluster, updates: list[Update], fake_url: str, tally: Tally, deadline: float) -> None:
    verifier = SignatureVerifier(SIGNING_SECRET)
    for update in updates:
        while not update.confirmed and update.attempts < MAX_ATTEMPTS and time.monotonic() < deadline:
            update.attempts += 1
            try:
                status, body, elapsed = send(cluster, verifier, update, fake_url)
            except OSError as exc:  # the worker or the master died under the request: type it again
                tally.fail(type(exc).__name__)
                time.sleep(0.2)
                continue
            update.answers.append(body[:200])
            if status != 200:
                tally.fail(f"HTTP {status}")
                time.sleep(0.2)
                continue
            with tally.lock:
                tally.latencies.append(elapsed)
            if CONFIRMED.lower() in body.lower():
                update.confirmed = True
                if "déjà enregistré" in body.lower():
                    with tally.lock:
                        tally.already += 1
            else:
                tally.fail("answered without Enregistré")
                time.sleep(0.2)


def killer(cluster: Cluster, kills: int, stop: threading.Event, log: dict) -> None:
    """Bounded: `kills` SIGKILLs, every third one the master (restarted), the others a worker."""
    for n in range(1, kills + 1):
        if stop.wait(random.uniform(0.3, 0.9)):
            return
        if n % 3 == 0:
            log["master"] += 1
            log["downtime"].append(cluster.kill_master_and_restart())
        elif cluster.kill_worker():
            log["worker"] += 1


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def run(args: argparse.Namespace) -> int:
    clients = max(1, min(args.clients, 30))
    users = [f"UBENCH{n:02d}" for n in range(clients)]
    with FakeSlackAPI() as fake, tempfile.TemporaryDirectory() as tmp:
        cluster = Cluster(Path(tmp), fake.api_url, ",".join(users))
        cluster.start()
        commitments = [row[0] for row in sqlite3.connect(cluster.db_path).execute("SELECT id FROM commitments")]
        plan: list[list[Update]] = []
        for c, user in enumerate(users):
            commitment = commitments[c % len(commitments)]  # each client its own commitment, as a référent
            mine = []
            for i in range(min(args.updates, 500)):
                comment = f"bench c{c:02d} n{i:03d}"
                text = f"{commitment} en cours {10 + (i * 7) % 80}% {comment}"
                mine.append(Update(user, commitment, text, comment))
            plan.append(mine)
        tally, stop = Tally(), threading.Event()
        kills = {"worker": 0, "master": 0, "downtime": []}
        deadline = time.monotonic() + min(args.time_limit, 600.0)
        threads = [threading.Thread(target=client, args=(cluster, p, fake.url, tally, deadline)) for p in plan]
        murderer = threading.Thread(target=killer, args=(cluster, min(args.kills, 50), stop, kills))
        started = time.monotonic()
        for thread in [*threads, murderer]:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        stop.set()
        murderer.join()
        cluster.stop()
        db = sqlite3.connect(cluster.db_path)
        rows = db.execute("SELECT author_id, comment FROM progress WHERE comment LIKE 'bench %'").fetchall()
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        db.close()
    everything = [u for mine in plan for u in mine]
    stored: dict[tuple[str, str], int] = {}
    for row in rows:
        stored[row] = stored.get(row, 0) + 1
    confirmed = {(u.user, u.comment) for u in everything if u.confirmed}
    missing = confirmed - set(stored)
    unconfirmed = set(stored) - confirmed
    duplicated = sum(n - 1 for n in stored.values() if n > 1)
    unanswered = [u for u in everything if not u.confirmed]
    ms = [v * 1000 for v in tally.latencies]
    print(f"/srom-engagement durability: {clients} clients, srom serve --http (2 workers), loopback")
    print(f"  updates: {len(everything)} sent, {len(confirmed)} confirmed, {len(stored)} stored, in {elapsed:.1f} s")
    print(
        f"  SIGKILLs: {kills['worker']} worker(s), {kills['master']} master(s) (restarted in "
        + (f"{statistics.fmean(kills['downtime']):.1f} s on average)" if kills["downtime"] else "–)")
    )
    retyped = sum(u.attempts - 1 for u in everything)
    print(
        f"  retyped after no answer: {retyped} ({tally.failures or 'none'}); "
        f"committed but ack lost, then told 'Déjà enregistré' on retype: {tally.already}"
    )
    if ms:
        print(f"  ack ms: p50 {percentile(ms, 50):.1f}  p99 {percentile(ms, 99):.1f}  max {max(ms):.1f}")
    print(f"  confirmed-but-missing: {len(missing)}")
    print(f"  written-but-unconfirmed: {len(unconfirmed)}")
    print(f"  duplicated: {duplicated}")
    print(f"  never confirmed (gave up): {len(unanswered)}")
    print(f"  integrity_check: {integrity}")
    ok = not missing and not unconfirmed and not duplicated and not unanswered and integrity == "ok"
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--updates", type=int, default=120, help="updates per client")
    parser.add_argument("--kills", type=int, default=12, help="SIGKILLs during the burst (every third: the master)")
    parser.add_argument("--time-limit", type=float, default=120.0, help="seconds; the run stops by itself")
    return run(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
