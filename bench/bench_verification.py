"""Verification costs: answering with 1,000 corrections in the store vs none (per question, through the path the
bot takes: the store's version read before each question), and how soon another worker process answers with a
correction just recorded.

Run: .venv/bin/python bench/bench_verification.py [--rounds N]. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
QUESTIONS = [ROOT / "tests" / "engine" / name for name in ("questions.yaml", "questions_holdout.yaml")]
VISIBLE_QUESTION = "mode de la hotline en 2017 ?"


def _cells() -> list[tuple[str, int]]:
    from srom_data.loader import load_default

    return [(a.id, y) for f in load_default().functions for a in f.activities for y in a.placements]


def _fill(db, n: int) -> None:
    from storage import corrections
    from storage.corrections import NewCorrection

    cells = _cells()
    rng = random.Random(11)
    items = []
    for i in range(n):
        activity, year = rng.choice(cells)
        mode = rng.choice("ACHMI")
        assessment = corrections.attestation(mode, f"diagramme p. {i}", "UBENCH", "bench")
        items.append(NewCorrection(activity, year, assessment, f"diagramme p. {i}", "UBENCH", "bench", "cli", f"b{i}"))
    corrections.record_many(db, items)


def _one_round(questions: list[str]) -> list[float]:
    from bot import engine

    engine.answer(questions[0])  # the one rebuild after the source changed, not counted
    timings = []
    for q in questions:
        t = time.perf_counter()
        engine.answer(q)
        timings.append(time.perf_counter() - t)
    return timings


def _worker(db_path: str, ready, seen) -> None:
    """Another worker process: answers the question in a loop until it sees the attested mode."""
    from bot import engine
    from bot.verification.setup import install_corrections
    from storage.db import DatabaseProvider

    install_corrections(DatabaseProvider(db_path))
    engine.answer(VISIBLE_QUESTION)
    ready.set()
    while True:
        answer = engine.answer(VISIBLE_QUESTION)
        if answer.certainty == "attested" and answer.mode and answer.mode.code == "C":
            seen.put(time.time())
            return
        time.sleep(0.005)


def _visibility(db_path: Path, trials: int) -> list[float]:
    from bot.tracking.access import Actor
    from bot.verification.service import attest, find_cell
    from storage.db import open_db

    ctx = mp.get_context("spawn")
    delays = []
    for i in range(trials):
        db = open_db(db_path)
        cell = find_cell("si.hotline", 2017)
        assert cell is not None
        attest(db, Actor("UBENCH", "bench", acts_as_admin=True, source="cli"), cell, "A", "p. 1", None, f"v{i}a")
        ready, seen = ctx.Event(), ctx.Queue()
        worker = ctx.Process(target=_worker, args=(str(db_path), ready, seen))
        worker.start()
        ready.wait(60)
        time.sleep(0.2)  # the worker is answering in its loop
        t0 = time.time()
        attest(db, Actor("UBENCH", "bench", acts_as_admin=True, source="cli"), cell, "C", "p. 2", None, f"v{i}c")
        delays.append(seen.get(timeout=30) - t0)
        worker.join(10)
        db.close()
    return delays


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    from bot.engine.default import set_corrections_source
    from bot.verification.setup import install_corrections
    from storage.db import DatabaseProvider

    questions = [q["q"] for f in QUESTIONS for q in yaml.safe_load(f.read_text(encoding="utf-8"))]
    with tempfile.TemporaryDirectory() as tmp:
        empty = DatabaseProvider(Path(tmp) / "empty.db", migrate_on_open=True)
        full = DatabaseProvider(Path(tmp) / "full.db", migrate_on_open=True)
        _fill(full.get(), 1000)
        configs = {"no store": None, "store, 0 corrections": empty, "store, 1,000 corrections": full}
        results: dict[str, list[float]] = {name: [] for name in configs}
        for _ in range(args.rounds):  # rounds interleaved, so the machine's drift weighs on every configuration
            for name, provider in configs.items():
                if provider is None:
                    set_corrections_source(None)
                else:
                    install_corrections(provider)
                results[name] += _one_round(questions)
        print(f"questions: {len(questions)} x {args.rounds} rounds each (interleaved)")
        base = statistics.mean(results["store, 0 corrections"])
        for name, timings in results.items():
            ms = [x * 1000 for x in timings]
            mean = statistics.mean(timings)
            print(
                f"{name:<26} mean {mean * 1000:.3f} ms  median {statistics.median(ms):.3f} ms  "
                f"({100 * (mean / base - 1):+.1f} % vs 0 corrections)"
            )
        t = time.perf_counter()
        from bot.engine.default import default_engine

        set_corrections_source(None)
        install_corrections(full)
        default_engine()
        print(f"engine rebuild after a correction (1,000 in the store): {(time.perf_counter() - t) * 1000:.0f} ms")
        delays = _visibility(Path(tmp) / "full.db", 3)
        print(
            "a correction seen by another worker process after: "
            + ", ".join(f"{d * 1000:.0f} ms" for d in delays)
            + f" (max {max(delays) * 1000:.0f} ms; target ≤ 1000 ms)"
        )


if __name__ == "__main__":
    main()
