"""Ack latency of `/srom` under concurrent load, on loopback only: srom-bot against a bare Bolt app.

By default it starts a fake Slack Web API, then in turn a bare Bolt app whose `/srom` acks with a fixed
answer (bench/yardstick/bare_bolt.py) and `srom serve --http`, both under the same gunicorn setup (2 workers
× 4 threads, as the end-to-end tests); it sends each the same bounded number of correctly signed `/srom`
commands from 50 concurrent clients, prints each one's ack latency (p50/p90/p99/max), throughput, and the
ratio srom-bot / bare of p50 and p99, and stops everything. `--rounds N` alternates the two N times (noise on a
shared machine hits both). `--url http://127.0.0.1:PORT --signing-secret S` measures one server already
running on loopback.

    .venv/bin/python bench/bench_ack.py [--requests 1000] [--concurrency 50] [--rounds 3] [--time-limit 60]
"""

from __future__ import annotations

import argparse
import asyncio
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


def raw_request(url: str, verifier: SignatureVerifier, n: int, response_url: str) -> bytes:
    parts = urlsplit(url)
    body, headers = signed_command(verifier, n, response_url)
    head = ["POST /slack/events HTTP/1.1", f"Host: {parts.hostname}:{parts.port}", "Connection: close"]
    head += [f"{k}: {v}" for k, v in headers.items()] + [f"Content-Length: {len(body)}"]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


async def _async_client(url: str, requests: list[bytes], load: Load) -> None:
    parts = urlsplit(url)
    while (n := load.take()) is not None:
        started = time.perf_counter()
        try:
            reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
            writer.write(requests[n % len(requests)])
            await writer.drain()
            status_line = await reader.readline()
            await reader.read()  # Connection: close — the server closes after the response
            elapsed = time.perf_counter() - started
            writer.close()
            status = status_line.split(b" ")[1].decode() if status_line else "no response"
            load.record(elapsed, None if status == "200" else f"HTTP {status}")
        except OSError as exc:
            load.record(None, type(exc).__name__)


def run_load_async(url: str, secret: str, response_url: str, total: int, concurrency: int, limit: float) -> Load:
    """The same signed commands from one asyncio loop, signed beforehand: a light client, so that the figure is
    the server's ack latency rather than 50 client threads fighting the server for the same two cores."""
    verifier = SignatureVerifier(secret)
    requests = [raw_request(url, verifier, n, response_url) for n in range(max(1, min(total, 2000)))]
    warmup = Load(20, time.monotonic() + 10)
    asyncio.run(_async_client(url, requests, warmup))
    load = Load(total, time.monotonic() + limit)

    async def all_clients() -> None:
        await asyncio.gather(*(_async_client(url, requests, load) for _ in range(concurrency)))

    started = time.monotonic()
    asyncio.run(all_clients())
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


def summary(load: Load) -> dict[str, float]:
    ms = [v * 1000 for v in load.latencies] or [float("nan")]
    return {
        "p50": percentile(ms, 50),
        "p90": percentile(ms, 90),
        "p99": percentile(ms, 99),
        "max": max(ms),
        "mean": statistics.fmean(ms),
        "ok": len(load.latencies),
        "failed": sum(load.failures.values()),
        "rps": len(load.latencies) / load.elapsed,  # type: ignore[attr-defined]
    }


def report(name: str, load: Load) -> dict[str, float]:
    row = summary(load)
    print(
        f"  {name:<9} p50 {row['p50']:6.1f}  p90 {row['p90']:6.1f}  p99 {row['p99']:6.1f}  max {row['max']:6.1f}"
        f"  mean {row['mean']:6.1f} ms   {row['ok']:.0f} ok, {row['failed']:.0f} failed {load.failures or ''}"
        f"  {row['rps']:.0f} req/s"
    )
    return row


TARGETS = {"bare Bolt": "bench.yardstick.bare_bolt", "srom-bot": "bot.cli.main"}


def measure(module: str, fake: FakeSlackAPI, total: int, concurrency: int, limit: float, client: str) -> Load:
    run = run_load if client == "python" else run_load_async
    with tempfile.TemporaryDirectory() as workdir:
        server = start_serve(Path(workdir), fake.api_url, module=module)
        try:
            return run(server.url, SIGNING_SECRET, fake.url + "/response", total, concurrency, limit)
        finally:
            stop_serve(server)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running server on loopback (default: start the bare app and srom-bot)")
    parser.add_argument("--signing-secret", default=SIGNING_SECRET)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=1, help="alternate the two servers this many times")
    parser.add_argument("--time-limit", type=float, default=60.0, help="seconds per run; the run stops by itself")
    parser.add_argument(
        "--client",
        choices=["auto", "asyncio", "python", "wrk"],
        default="auto",
        help="load generator: wrk when installed (apt-get install wrk), else one asyncio loop (python: threads)",
    )
    args = parser.parse_args()
    total, limit = min(args.requests, 20_000), min(args.time_limit, 300.0)
    print(f"/srom ack latency, {args.concurrency} concurrent clients, loopback, {total} requests per run")
    if args.url:
        if urlsplit(args.url).hostname not in LOOPBACK:
            print("bench_ack: loopback targets only (127.0.0.1, localhost, ::1)", file=sys.stderr)
            return 2
        load = run_load(args.url, args.signing_secret, "http://127.0.0.1:9/response", total, args.concurrency, limit)
        report("server", load)
        return 0
    use_wrk = args.client == "wrk" or (args.client == "auto" and shutil.which("wrk"))
    with FakeSlackAPI() as fake:
        if use_wrk:
            for name, module in TARGETS.items():
                with tempfile.TemporaryDirectory() as workdir:
                    server = start_serve(Path(workdir), fake.api_url, module=module)
                    try:
                        run_load(server.url, SIGNING_SECRET, fake.url + "/response", 20, 1, 10)  # warm-up
                        out = run_wrk(server.url, SIGNING_SECRET, fake.url + "/response", args.concurrency, 10)
                    finally:
                        stop_serve(server)
                print(f"{name} (wrk, 10 s):\n{out}")
            return 0
        rows: dict[str, list[dict[str, float]]] = {name: [] for name in TARGETS}
        for _ in range(max(1, min(args.rounds, 10))):
            for name, module in TARGETS.items():
                load = measure(module, fake, total, args.concurrency, limit, args.client)
                rows[name].append(report(name, load))
        bare, srom = (_median_row(rows[name]) for name in TARGETS)
        delivered = len(fake.calls_to("response_url"))
    if args.rounds > 1:
        print(f"  median of {args.rounds} rounds:")
        for name, row in zip(TARGETS, (bare, srom), strict=True):
            print(f"  {name:<9} p50 {row['p50']:6.1f}  p99 {row['p99']:6.1f} ms")
    print(f"  srom-bot / bare Bolt: p50 ×{srom['p50'] / bare['p50']:.2f}  p99 ×{srom['p99'] / bare['p99']:.2f}")
    print(f"  messages posted to response_url afterwards: {delivered} (answers in the ack leave none)")
    return 0


def _median_row(rows: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(row[key] for row in rows) for key in rows[0]}


def _wait_answers(fake: FakeSlackAPI, expected: int, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and len(fake.calls_to("response_url")) < expected:
        time.sleep(0.1)
    return len(fake.calls_to("response_url"))


if __name__ == "__main__":
    sys.exit(main())
