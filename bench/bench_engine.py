"""Question engine speed: per-question latency (mean, p50, p99) over every question set, throughput, and the
`srom ask` start-up (process start to answer).

Run: .venv/bin/python bench/bench_engine.py [--rounds N]. Prints figures; asserts nothing (machines are noisy).
Targets: mean ≤ 0.3 ms per question, start-up ≤ 0.5 s.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = sorted((ROOT / "tests" / "engine").glob("questions*.yaml"))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()

    t0 = time.perf_counter()
    from bot.engine import default_engine

    engine = default_engine()
    build = time.perf_counter() - t0
    questions = [q["q"] for f in QUESTIONS for q in yaml.safe_load(f.read_text(encoding="utf-8"))]
    first: list[float] = []
    for q in questions:  # the first time each question is asked (nothing cached for it yet)
        t = time.perf_counter()
        engine.answer(q)
        first.append((time.perf_counter() - t) * 1000)
    timings: list[float] = []
    cpu: list[float] = []  # this thread's CPU time: what the engine costs, whatever else loads the machine
    start = time.perf_counter()
    for _ in range(args.rounds):
        for q in questions:
            t, c = time.perf_counter(), time.thread_time()
            engine.answer(q)
            cpu.append((time.thread_time() - c) * 1000)
            timings.append(time.perf_counter() - t)
    total = time.perf_counter() - start
    ms = [x * 1000 for x in timings]
    print(f"question sets: {', '.join(f.name for f in QUESTIONS)}")
    print(f"questions: {len(questions)} x {args.rounds} rounds = {len(ms)} answers")
    print(f"import + knowledge base + indexes (in process): {build * 1000:.0f} ms")
    print(
        f"latency per question: mean {statistics.fmean(ms):.3f} ms  p50 {percentile(ms, 50):.3f} ms  "
        f"p99 {percentile(ms, 99):.3f} ms  max {max(ms):.3f} ms"
    )
    print(
        f"CPU time per question: mean {statistics.fmean(cpu):.3f} ms  p50 {percentile(cpu, 50):.3f} ms  "
        f"p99 {percentile(cpu, 99):.3f} ms"
    )
    print(
        f"first time each question is asked: mean {statistics.fmean(first):.3f} ms  "
        f"p50 {percentile(first, 50):.3f} ms  p99 {percentile(first, 99):.3f} ms"
    )
    print(f"throughput: {len(ms) / total:.0f} questions/s (one core)")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")

    srom = Path(sys.executable).with_name("srom")
    runs, cpus = [], []
    for _ in range(7):
        t = time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([str(srom), "ask", "mode pour la paie en 2017 ?"], check=True, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        runs.append(time.perf_counter() - t)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    print(
        f"start-up: `srom ask` from process start to answer (7 runs): median {statistics.median(runs) * 1000:.0f} ms  "
        f"max {max(runs) * 1000:.0f} ms  (CPU median {statistics.median(cpus) * 1000:.0f} ms)"
    )
    batch = "\n".join(questions * 5) + "\n"
    t = time.perf_counter()
    out = subprocess.run([str(srom), "ask", "--json"], input=batch, text=True, check=True, capture_output=True)
    elapsed = time.perf_counter() - t
    n = len(out.stdout.splitlines())
    print(f"`srom ask --json` batch of {n} questions in one process: {elapsed:.2f} s ({n / elapsed:.0f}/s)")


if __name__ == "__main__":
    main()
