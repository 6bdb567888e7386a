"""Ack latency of `/srom` under concurrent load, on loopback only.

By default it starts a fake Slack Web API and `srom serve --http` (2 workers × 8 threads), sends a bounded
number of correctly signed `/srom` slash commands from 50 concurrent clients, prints the ack latency
(p50/p90/p99/max) and the throughput, waits for the answers to reach the fake response_url, and stops
everything. `--url http://127.0.0.1:PORT --signing-secret S` targets a server already running on loopback.

    .venv/bin/python bench/bench_ack.py [--requests 1000] [--concurrency 50] [--time-limit 60]
"""

from __future__ import annotations

import argparse
import http.client
import json
import shutil
import statistics
import subprocess
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

QUESTIONS = ["qui arbitre ?", "mode pour la paie en 2017 ?", "c'est quoi la mutualisation ?", "aide"]
LOOPBACK = ("127.0.0.1", "localhost", "::1")


class Load:
    """Shared counters of the run: a bounded number of requests, a deadline, and the latencies seen."""

    def __init__(self, total: int, deadline: float) -> None:
        self.total, self.deadline = total, deadline
        self.sent = 0
        self.latencies: list[float] = []
        self.failures: dict[str, int] = {}
        self.lock = threading.Lock()

    def take(self) -> int | None:
        with self.lock:
            if self.sent >= self.total or time.monotonic() > self.deadline:
                return None
            self.sent += 1
            return self.sent

    def record(self, latency: float | None, failure: str | None = None) -> None:
        with self.lock:
            if failure:
                self.failures[failure] = self.failures.get(failure, 0) + 1
            else:
                self.latencies.append(latency or 0.0)


def signed_command(verifier: SignatureVerifier, n: int, response_url: str) -> tuple[bytes, dict[str, str]]:
    fields = {
        "token": "t", "team_id": "T0CCI", "channel_id": "C1", "user_id": f"U{n % 40}", "command": "/srom",
        "text": QUESTIONS[n % len(QUESTIONS)], "response_url": f"{response_url}/{n}", "trigger_id": f"trig.{n}",
    }  # fmt: skip
    return signed_form(verifier, fields)


def client_loop(url: str, verifier: SignatureVerifier, response_url: str, load: Load) -> None:
    parts = urlsplit(url)
    while (n := load.take()) is not None:
        body, headers = signed_command(verifier, n, response_url)
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        started = time.perf_counter()
        try:
            conn.request("POST", "/slack/events", body=body, headers=headers)
            resp = conn.getresponse()
            resp.read()
            elapsed = time.perf_counter() - started
            load.record(elapsed, None if resp.status == 200 else f"HTTP {resp.status}")
        except OSError as exc:
            load.record(None, type(exc).__name__)
        finally:
            conn.close()


def run_load(url: str, secret: str, response_url: str, total: int, concurrency: int, limit: float) -> Load:
    verifier = SignatureVerifier(secret)
    warmup = Load(20, time.monotonic() + 10)
    client_loop(url, verifier, response_url, warmup)
    load = Load(total, time.monotonic() + limit)
    threads = [
        threading.Thread(target=client_loop, args=(url, verifier, response_url, load)) for _ in range(concurrency)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    load.elapsed = time.monotonic() - started  # type: ignore[attr-defined]
    return load


WRK_SCRIPT = """
local bodies = {%s}
local sigs = {%s}
local ts = "%s"
local i = 0
request = function()
  i = i %% #bodies + 1
  local headers = {}
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  headers["X-Slack-Request-Timestamp"] = ts
  headers["X-Slack-Signature"] = sigs[i]
  return wrk.format("POST", "/slack/events", headers, bodies[i])
end
"""


def run_wrk(url: str, secret: str, response_url: str, concurrency: int, seconds: float) -> str:
    """The same signed commands from wrk (a C load generator), so that the client does not eat the server's
    two cores: the figure is the server's ack latency, not Python's client threads."""
    verifier = SignatureVerifier(secret)
    pairs = [signed_command(verifier, n, response_url) for n in range(200)]
    ts = pairs[0][1]["X-Slack-Request-Timestamp"]
    bodies = ",".join(json.dumps(b.decode()) for b, _ in pairs)
    sigs = ",".join(json.dumps(h["X-Slack-Signature"]) for _, h in pairs)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % (bodies, sigs, ts))
    cmd = ["wrk", "-t2", f"-c{concurrency}", f"-d{int(seconds)}s", "--latency", "-s", script.name, url]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 30).stdout
    Path(script.name).unlink()
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def report(load: Load, concurrency: int) -> None:
    ms = [v * 1000 for v in load.latencies]
    print(f"/srom ack latency, {concurrency} concurrent clients, loopback")
    print(f"  requests: {len(ms)} ok, {sum(load.failures.values())} failed {load.failures or ''}".rstrip())
    if ms:
        print(
            f"  ack ms:   p50 {percentile(ms, 50):.1f}  p90 {percentile(ms, 90):.1f}  "
            f"p99 {percentile(ms, 99):.1f}  max {max(ms):.1f}  mean {statistics.fmean(ms):.1f}"
        )
        print(f"  throughput: {len(ms) / load.elapsed:.0f} requests/s over {load.elapsed:.1f} s")  # type: ignore[attr-defined]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running srom serve on loopback (default: start one)")
    parser.add_argument("--signing-secret", default=SIGNING_SECRET)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--time-limit", type=float, default=60.0, help="seconds; the run stops by itself")
    parser.add_argument(
        "--client",
        choices=["auto", "python", "wrk"],
        default="auto",
        help="load generator: wrk when installed (apt-get install wrk), else Python threads",
    )
    args = parser.parse_args()
    total, limit = min(args.requests, 20_000), min(args.time_limit, 300.0)
    if args.url:
        if urlsplit(args.url).hostname not in LOOPBACK:
            print("bench_ack: loopback targets only (127.0.0.1, localhost, ::1)", file=sys.stderr)
            return 2
        load = run_load(args.url, args.signing_secret, "http://127.0.0.1:9/response", total, args.concurrency, limit)
        report(load, args.concurrency)
        return 0
    use_wrk = args.client == "wrk" or (args.client == "auto" and shutil.which("wrk"))
    with FakeSlackAPI() as fake, tempfile.TemporaryDirectory() as workdir:
        server = start_serve(Path(workdir), fake.api_url)
        if use_wrk:
            try:
                run_load(server.url, SIGNING_SECRET, fake.url + "/response", 20, 1, 10)  # warm-up
                out = run_wrk(server.url, SIGNING_SECRET, fake.url + "/response", args.concurrency, 10)
            finally:
                stop_serve(server)
            print(f"/srom ack latency, {args.concurrency} concurrent connections (wrk), loopback, 10 s")
            print(out)
            return 0
        try:
            load = run_load(server.url, SIGNING_SECRET, fake.url + "/response", total, args.concurrency, limit)
            delivered = _wait_answers(fake, 20 + len(load.latencies), timeout=30)
        finally:
            stop_serve(server)
    report(load, args.concurrency)
    print(f"  answers delivered to response_url: {delivered}/{20 + len(load.latencies)} (warm-up included)")
    return 0


def _wait_answers(fake: FakeSlackAPI, expected: int, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and len(fake.calls_to("response_url")) < expected:
        time.sleep(0.1)
    return len(fake.calls_to("response_url"))


if __name__ == "__main__":
    sys.exit(main())
