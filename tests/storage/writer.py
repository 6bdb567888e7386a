"""A writer process for the concurrency and crash tests: records `count` entries, printing `ack <key>` only after
each one is committed (what a user would be told), and `done` at the end.

    python -m tests.storage.writer DB_PATH NAME COUNT
"""

from __future__ import annotations

import sys

from storage.db import open_db
from storage.progress import NewEntry, record_progress


def main(path: str, name: str, count: int) -> None:
    db = open_db(path)
    for n in range(count):
        key = f"{name}:{n}"
        entry = NewEntry("RH-1", "en_cours", n % 100, f"{name} entry {n}", f"U{name.upper()}", name, "cli", key)
        record_progress(db, entry)
        print(f"ack {key}", flush=True)
    print("done", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
