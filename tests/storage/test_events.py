from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from storage.db import migrate, open_db
from storage.events import claim_event, event_state, mark_done, prune_events


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "srom.db")
    migrate(database)
    return database


def test_first_claim_wins_and_a_second_is_refused(db) -> None:
    assert claim_event(db, "event:E1", now=100.0)
    assert not claim_event(db, "event:E1", now=101.0)
    assert event_state(db, "event:E1") == "claimed"


def test_done_is_never_claimed_again(db) -> None:
    claim_event(db, "event:E1", now=100.0)
    mark_done(db, "event:E1", now=101.0)
    assert event_state(db, "event:E1") == "done"
    assert not claim_event(db, "event:E1", now=100_000.0)


def test_an_abandoned_claim_is_handed_out_again_after_its_lease(db) -> None:
    assert claim_event(db, "event:E1", lease_seconds=45, now=100.0)
    assert not claim_event(db, "event:E1", lease_seconds=45, now=144.9)
    assert claim_event(db, "event:E1", lease_seconds=45, now=145.0)
    assert db.execute("SELECT attempts FROM slack_events").fetchone()[0] == 2
    assert not claim_event(db, "event:E1", lease_seconds=45, now=150.0)  # the new owner holds a new lease


def test_unknown_key_has_no_state(db) -> None:
    assert event_state(db, "event:nope") is None


def test_mark_done_several_keys(db) -> None:
    claim_event(db, "event:E1")
    claim_event(db, "message:C1:1.0")
    mark_done(db, "event:E1", "message:C1:1.0")
    assert {event_state(db, k) for k in ("event:E1", "message:C1:1.0")} == {"done"}


def test_prune_forgets_old_keys_only(db) -> None:
    claim_event(db, "event:old", now=1_000.0)
    claim_event(db, "event:new", now=100_000.0)
    assert prune_events(db, older_than=86_400, now=100_001.0) == 1
    assert event_state(db, "event:old") is None
    assert event_state(db, "event:new") == "claimed"


def _claim_in_process(path: str, key: str, results) -> None:
    results.put(claim_event(open_db(path), key))


def test_one_claim_wins_across_processes(tmp_path: Path) -> None:
    path = str(tmp_path / "srom.db")
    migrate(open_db(path))
    ctx = multiprocessing.get_context("spawn")
    results = ctx.Queue()
    processes = [ctx.Process(target=_claim_in_process, args=(path, "event:RACE", results)) for _ in range(6)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=30)
    assert sorted(results.get(timeout=5) for _ in processes) == [False] * 5 + [True]
