"""Concurrency and crash: what a writer acknowledged is in the database, exactly once, and the file is sound."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from bot.conversation.reply import Invocation
from bot.tracking.commands import run_engagement
from storage import roles
from storage.db import DatabaseProvider, open_db

REPO = Path(__file__).resolve().parents[2]


def _writer(db_path: Path, name: str, count: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.storage.writer", str(db_path), name, str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )


def _keys(db_path: Path) -> list[str]:
    db = sqlite3.connect(db_path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return [row[0] for row in db.execute("SELECT idempotency_key FROM progress")]
    finally:
        db.close()


def test_threads_and_processes_writing_at_once_keep_exactly_the_acknowledged_rows(db_path: Path) -> None:
    roles.grant(open_db(db_path), "UADMIN", "URH", "referent", "RH")
    databases = DatabaseProvider(db_path)
    processes = [_writer(db_path, f"p{n}", 40) for n in range(3)]
    replies: list[str] = []
    lock = threading.Lock()

    def user(n: int) -> None:
        for i in range(25):
            invocation = Invocation(user_id="URH", databases=databases, request_id=f"trigger.{n}.{i}")
            reply = run_engagement(f"RH-{1 + i % 3} en cours {i}% thread {n} update {i}", invocation)
            with lock:
                replies.append(reply.text)

    threads = [threading.Thread(target=user, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    acks = []
    for process in processes:
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err
        acks += [line.split()[1] for line in out.splitlines() if line.startswith("ack ")]
    assert len(replies) == 200 and all(text.startswith("Enregistré") for text in replies), set(replies)
    keys = _keys(db_path)
    assert len(keys) == len(set(keys)) == 200 + len(acks) == 320
    assert set(acks) <= set(keys)


def test_a_writer_killed_mid_burst_loses_no_acknowledged_entry(db_path: Path) -> None:
    seed = random.randrange(1 << 30)  # a new moment each run; the seed is in the failure message
    rng = random.Random(seed)
    for round_ in range(2):
        process = _writer(db_path, f"crash{round_}", 100_000)
        assert process.stdout is not None
        acks: list[str] = []
        target = rng.randint(20, 200)
        while len(acks) < target:
            line = process.stdout.readline()
            assert line, process.stderr.read() if process.stderr else ""
            acks.append(line.split()[1])
        time.sleep(rng.random() * 0.05)  # somewhere inside the next transaction, or between two
        os.kill(process.pid, signal.SIGKILL)
        rest, _ = process.communicate(timeout=10)
        acks += [line.split()[1] for line in rest.splitlines() if line.startswith("ack ")]
        assert process.returncode == -signal.SIGKILL
        keys = set(_keys(db_path))  # a fresh connection: recovery from the WAL, as after a restart
        missing = [k for k in acks if k not in keys]
        assert missing == [], f"seed {seed}: acknowledged but lost after SIGKILL: {missing[:5]}"
