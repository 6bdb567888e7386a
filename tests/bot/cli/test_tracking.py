"""`srom report`, `srom commitments list`, `srom db backup|export`: the library behind a thin CLI."""

from __future__ import annotations

import json
import sqlite3

import pytest

from bot.cli.main import main
from storage.db import open_db
from storage.progress import NewEntry, record_progress


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("SROM_ADMINS", "SROM_CONSOLE_USER", "SROM_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SROM_DB_PATH", str(tmp_path / "srom.db"))
    assert main(["commitments", "list"]) == 0  # creates, migrates, seeds
    db = open_db(tmp_path / "srom.db")
    record_progress(db, NewEntry("RH-1", "en_cours", 40, "GPEC", "U1", "marie", "cli", "k1"))
    return tmp_path


def test_report_json_has_the_documented_shape(env, capsys) -> None:
    capsys.readouterr()
    assert main(["report", "--year", "2099", "--function", "RH", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"year", "functions", "totals", "mode_coverage"} and data["year"] == 2099
    [coverage] = data["mode_coverage"]
    assert coverage["function"] == "RH" and coverage["cells"] == 56 and 0 < coverage["trust"] < 1
    (rh,) = data["functions"]
    assert (rh["id"], rh["label"]) == ("RH", "Ressources humaines")
    first = rh["commitments"][0]
    assert first["id"] == "RH-1" and first["status"] == "en cours" and first["percent"] == 40


@pytest.mark.parametrize(("fmt", "start"), [("md", b"# Rapport"), ("csv", b"fonction,"), ("docx", b"PK")])
def test_report_files(env, fmt: str, start: bytes) -> None:
    out = env / f"r.{fmt}"
    assert main(["report", "--year", "2026", "--format", fmt, "--out", str(out)]) == 0
    assert out.read_bytes().startswith(start)


def test_report_errors_are_one_french_line(env, capsys) -> None:
    assert main(["report", "--function", "cuisine"]) == 1
    assert "Fonction « cuisine » inconnue" in capsys.readouterr().err
    assert main(["report", "--format", "docx"]) == 1


def test_commitments_list_json(env, capsys) -> None:
    capsys.readouterr()
    assert main(["commitments", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 25 and set(rows[0]) == {"id", "title", "function"}


def test_db_backup_and_export(env, capsys) -> None:
    assert main(["db", "backup", str(env / "copies" / "b.db")]) == 0
    copy = sqlite3.connect(env / "copies" / "b.db")
    assert copy.execute("SELECT COUNT(*) FROM progress").fetchone()[0] == 1
    capsys.readouterr()
    assert main(["db", "export", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["progress"][0]["comment"] == "GPEC"
    assert main(["db", "export", "--format", "csv", "--table", "roles"]) == 0
    assert capsys.readouterr().out.startswith("user_id,role,scope")


def test_db_export_of_an_unknown_table_is_one_french_line(env, capsys) -> None:
    capsys.readouterr()
    assert main(["db", "export", "--format", "csv", "--table", "bogus"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "table inconnue « bogus »" in err and "progress" in err


def test_db_export_json_honours_the_table(env, capsys) -> None:
    capsys.readouterr()
    assert main(["db", "export", "--format", "json", "--table", "commitments"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"commitments"} and data["commitments"][0]["id"]
    assert main(["db", "export", "--format", "json", "--table", "bogus"]) == 1
    assert main(["db", "export"]) == 0  # without --table, json: every table
    assert set(json.loads(capsys.readouterr().out)) == {
        "commitments",
        "progress",
        "roles",
        "audit_log",
        "corrections",
        "verification_requests",
    }


@pytest.mark.parametrize("target", ["srom.db", "./srom.db", "sub/../srom.db"])
def test_db_backup_onto_the_live_database_is_refused(env, capsys, target: str) -> None:
    (env / "sub").mkdir()
    assert main(["db", "backup", target]) == 1
    assert "la base elle-même" in capsys.readouterr().err
    assert not (env / "srom.db.partial").exists()
    assert open_db(env / "srom.db").execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert open_db(env / "srom.db").execute("SELECT COUNT(*) FROM progress").fetchone()[0] == 1


def test_db_backup_onto_a_link_to_the_live_database_is_refused(env, capsys) -> None:
    (env / "alias.db").symlink_to(env / "srom.db")
    assert main(["db", "backup", str(env / "alias.db")]) == 1
    assert "la base elle-même" in capsys.readouterr().err
