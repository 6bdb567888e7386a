from __future__ import annotations

from sqlite_utils import Database

from storage.conversations import EXPIRY_SECONDS, forget_context, load_context, save_context


def test_a_context_is_read_back_by_channel_and_thread(db: Database) -> None:
    save_context(db, [("C1", "1.0"), ("C1", "")], '{"a": 1}', now=1000.0)
    assert load_context(db, "C1", "1.0", now=1001.0) == '{"a": 1}'
    assert load_context(db, "C1", "", now=1001.0) == '{"a": 1}'
    assert load_context(db, "C1", "2.0", now=1001.0) is None
    assert load_context(db, "C2", "1.0", now=1001.0) is None


def test_the_latest_answer_replaces_the_previous_one(db: Database) -> None:
    save_context(db, [("C1", "1.0")], "old", now=1000.0)
    save_context(db, [("C1", "1.0")], "new", now=1010.0)
    assert load_context(db, "C1", "1.0", now=1011.0) == "new"
    assert db.execute("SELECT count(*) FROM conversation_context").fetchone()[0] == 1


def test_an_old_context_is_not_read_and_is_pruned_by_the_next_write(db: Database) -> None:
    save_context(db, [("C1", "1.0")], "old", now=1000.0)
    assert load_context(db, "C1", "1.0", now=1000.0 + EXPIRY_SECONDS + 1) is None
    save_context(db, [("C2", "")], "fresh", now=1000.0 + EXPIRY_SECONDS + 1)
    rows = db.execute("SELECT channel FROM conversation_context").fetchall()
    assert rows == [("C2",)]


def test_forget(db: Database) -> None:
    save_context(db, [("C1", "1.0")], "x", now=1000.0)
    forget_context(db, "C1", "1.0")
    assert load_context(db, "C1", "1.0", now=1000.0) is None
