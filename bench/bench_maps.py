"""Maps and the mode spreadsheet: drawing time (one year's map, the comparison), xlsx export and import times.

Run: .venv/bin/python bench/bench_maps.py [--rounds N]. Prints figures; asserts nothing (machines are noisy).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(fn: Callable[[], object], rounds: int) -> tuple[float, float]:
    """(median, max) in milliseconds over `rounds` calls."""
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    t0 = time.perf_counter()
    from reports.carto import draw_map
    from reports.workbook import write_workbook
    from reports.workbook_import import plan_import
    from srom_data.loader import DEFAULT_DATA_DIR, load

    kb = load(DEFAULT_DATA_DIR)
    first = draw_map(kb, "FIN", 2013)  # the first drawing loads matplotlib and the font
    print(f"first map (imports matplotlib, font cache) {1000 * (time.perf_counter() - t0):7.0f} ms")
    print(f"{'':34}{'median':>9}{'max':>9}   size")
    for label, call in [
        ("map RH 2017 (PNG, 150 dpi)", lambda: draw_map(kb, "RH", 2017)),
        ("map FIN 2013 (PNG, 28 activities)", lambda: draw_map(kb, "FIN", 2013)),
        ("comparison RH (PNG)", lambda: draw_map(kb, "RH", compare=True)),
        ("comparison FIN (SVG)", lambda: draw_map(kb, "FIN", compare=True, fmt="svg")),
    ]:
        median, worst = timed(call, args.rounds)
        picture = call()
        size = f"{picture.width}×{picture.height}, {len(picture.data) // 1024} KiB"
        print(f"{label:<34}{median:>7.0f} ms{worst:>6.0f} ms   {size}")
    del first
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(shutil.copytree(DEFAULT_DATA_DIR, Path(tmp) / "data"))
        book = Path(tmp) / "cartographie.xlsx"
        median, worst = timed(lambda: write_workbook(kb, book), args.rounds)
        print(f"{'xlsx export (5 sheets)':<34}{median:>7.0f} ms{worst:>6.0f} ms   {book.stat().st_size // 1024} KiB")
        median, worst = timed(lambda: plan_import(book, folder), args.rounds)
        print(f"{'xlsx import (validate + diff)':<34}{median:>7.0f} ms{worst:>6.0f} ms")


if __name__ == "__main__":
    main()
