"""Start `srom serve` as a subprocess (HTTP mode, loopback, random port) and stop it for sure."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .slack_requests import http_request

REPO = Path(__file__).resolve().parents[2]
SIGNING_SECRET = "e2e-0123456789abcdef0123456789abcdef"
BOT_TOKEN = "xoxb-test"
START_TIMEOUT = 20.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    process: subprocess.Popen
    url: str
    db_path: Path
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


def serve_env(api_url: str, db_path: Path, port: int, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "SROM_", "WEB_CONCURRENCY"))}
    env.update(
        SLACK_API_URL=api_url,
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        PORT=str(port),
        SROM_HOST="127.0.0.1",
        SROM_DB_PATH=str(db_path),
        WEB_CONCURRENCY="2",
        SROM_THREADS="4",
        PYTHONPATH=str(REPO) + os.pathsep + env.get("PYTHONPATH", ""),
    )
    env.update(extra)
    return env


def start_serve(
    workdir: Path, api_url: str, *, db_path: Path | None = None, module: str = "bot.cli.main", **extra_env: str
) -> Server:
    """`python -m <module> serve --http` in `workdir` (no stray .env), waiting for /healthz."""
    port = free_port()
    db_path = db_path or workdir / "srom.db"
    log_path = workdir / f"serve-{port}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", module, "serve", "--http"],
            cwd=workdir,
            env=serve_env(api_url, db_path, port, **extra_env),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(process, f"http://127.0.0.1:{port}", db_path, log_path)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"srom serve exited with {process.returncode}:\n{server.log()}")
        try:
            if http_request(server.url + "/healthz").status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.1)
    stop_serve(server)
    raise RuntimeError(f"srom serve did not answer /healthz in {START_TIMEOUT}s:\n{server.log()}")


def stop_serve(server: Server) -> None:
    """SIGTERM to the server's own process group (gunicorn master and workers), SIGKILL if it lingers."""
    if server.process.poll() is not None:
        return
    pgid = os.getpgid(server.process.pid)
    os.killpg(pgid, signal.SIGTERM)
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(pgid, signal.SIGKILL)
        server.process.wait(timeout=5)
