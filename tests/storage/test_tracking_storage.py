from __future__ import annotations

import json
import sqlite3
import threading

import pytest

from srom_data.loader import load_default
from storage import roles
from storage.audit import recent
from storage.backup import backup, export_csv, export_json
from storage.commitments import CommitmentConflict, add_commitment, get_commitment, seed_commitments
from storage.db import open_db
from storage.progress import InvalidEntry, NewEntry, history, latest, latest_all, record_progress


def entry(key: str, **kw) -> NewEntry:
    values = dict(
        commitment_id="RH-1",
        status="en_cours",
        percent=40,
        comment="GPEC",
        author_id="U1",
        author_name="marie",
        source="slash",
        idempotency_key=key,
    )
    values.update(kw)
    return NewEntry(**values)


def test_seeding_is_by_id_and_never_changes_a_published_commitment(db) -> None:
    assert len(db.execute("SELECT * FROM commitments").fetchall()) == 25
    changed = [
        c.model_copy(update={"title": "Nouveau titre"}) if c.id == "RH-1" else c for c in load_default().commitments
    ]
    result = seed_commitments(db, changed)
    assert result.added == [] and result.differing == ["RH-1"]
    assert get_commitment(db, "RH-1").title == "Dynamiser l'emploi en développant la GPEC"
    with pytest.raises(sqlite3.IntegrityError, match="cannot change"):
        db.execute("UPDATE commitments SET title = 'x' WHERE id = 'RH-1'")
    with pytest.raises(CommitmentConflict):
        add_commitment(db, "UADMIN", "RH-1", "RH", "Autre")
    assert add_commitment(db, "UADMIN", "RH-4", "RH", "Former les managers").origin == "admin"


def test_entries_are_append_only(db) -> None:
    record_progress(db, entry("k1"))
    for sql in ("UPDATE progress SET percent = 99", "DELETE FROM progress"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            db.execute(sql)


def test_the_same_key_is_recorded_once_and_returns_the_first(db) -> None:
    first = record_progress(db, entry("k1"))
    again = record_progress(db, entry("k1", percent=99, comment="autre"))
    assert not first.duplicate and again.duplicate and again.entry == first.entry
    assert len(history(db, "RH-1")) == 1


def test_previous_and_latest(db) -> None:
    record_progress(db, entry("k1", percent=10, comment="a"), now="2025-06-01T10:00:00.000000Z")
    recorded = record_progress(db, entry("k2", percent=40, comment="b"), now="2026-03-01T10:00:00.000000Z")
    assert recorded.previous.percent == 10
    assert latest(db, "RH-1").percent == 40
    assert latest(db, "RH-1", before="2026-01-01T00:00:00.000000Z").percent == 10
    assert latest_all(db, before="2026-01-01")["RH-1"].comment == "a"


@pytest.mark.parametrize(
    "bad",
    [
        {"status": "fini"},
        {"percent": 101},
        {"percent": -1},
        {"comment": ""},
        {"comment": "x" * 1001},
        {"source": "fax"},
        {"idempotency_key": ""},
        {"commitment_id": "XX-1"},
    ],
)
def test_invalid_entries_never_reach_the_table(db, bad: dict) -> None:
    with pytest.raises((InvalidEntry, sqlite3.IntegrityError)):
        record_progress(db, entry("k", **bad))
    assert db.execute("SELECT COUNT(*) FROM progress").fetchone()[0] == 0


def test_roles_and_their_audit(db) -> None:
    assert roles.bootstrap_admins(db, ["UADMIN"]) == ["UADMIN"]
    assert roles.bootstrap_admins(db, ["UADMIN"]) == []
    assert roles.grant(db, "UADMIN", "U1", "referent", "RH")
    assert not roles.grant(db, "UADMIN", "U1", "referent", "RH")
    assert roles.can_write(db, "U1", "RH") and not roles.can_write(db, "U1", "SI")
    assert roles.can_write(db, "UADMIN", "SI")
    with pytest.raises(roles.RoleError):
        roles.revoke(db, "UADMIN", "UADMIN", "admin")
    assert roles.revoke(db, "UADMIN", "U1", "referent", "RH")
    assert [line.action for line in recent(db)] == ["role_remove", "role_add", "role_add"]


def test_backup_is_consistent_while_a_writer_writes(db_path, tmp_path) -> None:
    stop = threading.Event()

    def write() -> None:
        writer = open_db(db_path)
        n = 0
        while not stop.is_set():
            record_progress(writer, entry(f"w{n}", comment=f"c{n}"))
            n += 1

    thread = threading.Thread(target=write)
    thread.start()
    try:
        counts = [backup(db_path, tmp_path / f"copy{i}.db") for i in range(3)]
    finally:
        stop.set()
        thread.join()
    for i, count in enumerate(counts):
        copy = sqlite3.connect(tmp_path / f"copy{i}.db")
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT COUNT(*) FROM progress").fetchone()[0] == count
    assert counts == sorted(counts)


def test_exports(db) -> None:
    record_progress(db, entry("k1", comment="virgule, « guillemets »"))
    data = json.loads(export_json(db))
    assert set(data) == {"commitments", "progress", "roles", "audit_log", "corrections", "verification_requests"}
    assert data["progress"][0]["comment"] == "virgule, « guillemets »"
    assert export_csv(db).splitlines()[0].startswith("id,commitment_id,status,percent")
