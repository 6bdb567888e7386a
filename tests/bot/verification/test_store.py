"""The corrections store: append-only, newest wins, overrides.yaml moved in once; the walk; console parity."""

from __future__ import annotations

import json
import sqlite3

import pytest
import yaml

from bot.console.session import ConsoleSession
from bot.engine import answer
from bot.verification.setup import migrate_overrides
from bot.verification.walk import VIEW_WALK, build_walk_view, walk_step
from srom_data.loader import load_default
from storage import corrections
from storage.corrections import NewCorrection

from .conftest import QUESTION, audit, count, invoke, si_line


def attested(db, key: str, mode: str, by: str = "USI") -> None:
    assessment = corrections.attestation(mode, "diagramme p. 2", by, by.lower())
    new = NewCorrection("si.hotline", 2017, assessment, "diagramme p. 2", by, by.lower(), "cli", key)
    corrections.record_correction(db, new)


def test_append_only_newest_wins_history_kept(db) -> None:
    attested(db, "k1", "M")
    attested(db, "k2", "I")
    attested(db, "k2", "A")  # the same key again: recorded once
    assert count(db) == 2 and answer(QUESTION).mode.code == "I"
    assert [c.mode for c in corrections.history(db, "si.hotline", 2017)] == ["I", "M"]
    for sql in ("UPDATE corrections SET mode = 'A'", "DELETE FROM corrections"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            db.execute(sql)


def test_overrides_yaml_moves_into_the_store_once(db, tmp_path) -> None:
    folder = tmp_path / "kb"
    folder.mkdir()
    entry = {
        "activity": "si.hotline",
        "year": 2017,
        "assessment": {"mode": "M", "certainty": "attested", "attestation": {"by": "Paul", "date": "2024-05-02"}},
    }
    (folder / "overrides.yaml").write_text(yaml.safe_dump({"overrides": [entry]}), encoding="utf-8")
    assert migrate_overrides(db, folder) == 1
    assert migrate_overrides(db, folder) == 0
    [row] = corrections.all_corrections(db)
    assert (row["origin"], row["author_name"], row["mode"]) == ("overrides", "Paul", "M")
    assert answer(QUESTION).mode.code == "M"


def test_the_walk_records_each_step_and_skips(store, db) -> None:
    kb = load_default()
    view = build_walk_view(kb, "SI", 0)
    assert view["callback_id"] == VIEW_WALK

    def submit(view: dict, mode: str, source: str | None = None) -> dict:
        values = {"srom_walk_mode": {"mode": {"selected_option": {"value": mode}}}}
        if source is not None:
            values["srom_walk_source"] = {"source": {"value": source}}
        next_view, errors = walk_step({**view, "id": "VW", "state": {"values": values}}, invoke(store, "USI"))
        assert not errors, errors
        return next_view

    _, errors = walk_step(
        {**view, "id": "VW", "state": {"values": {"srom_walk_mode": {"mode": {"selected_option": {"value": "I"}}}}}},
        invoke(store, "USI"),
    )
    assert "srom_walk_source" in errors and count(db) == 0  # no source on the first step: nothing written
    second = submit(view, "H", "diagramme original p. 40")
    third = submit(second, "skip")
    submit(third, "A")
    assert count(db) == 2
    assert json.loads(third["private_metadata"])["s"] == "diagramme original p. 40"
    _, refused = walk_step({**second, "id": "VX", "state": {"values": {
        "srom_walk_mode": {"mode": {"selected_option": {"value": "C"}}}}}}, invoke(store, "UCOL"))  # fmt: skip
    assert "Seuls les référents" in refused["srom_walk_mode"] and audit(db, "correction_refused")


def test_console_offers_the_same_actions(store, db) -> None:
    session = ConsoleSession(databases=store, user_id="USI")
    out = session.handle(QUESTION)
    number = next(c.number for c, _ in session.choices.values() if c.label == "Renseigner le mode")
    assert "/srom-verif si.hotline 2017" in session.handle(str(number))
    done = session.handle("/srom-verif si.hotline 2017 M diagramme original p. 9 | vu avec la DSI")
    assert "Enregistré" in done and count(db) == 1
    assert "attesté par @USI" in session.handle(QUESTION) and out
    refused = ConsoleSession(databases=store, user_id="UCOL").handle("/srom-verif si.hotline 2017 I p. 3")
    assert "Seuls les référents" in refused and count(db) == 1
    asker = ConsoleSession(databases=store, user_id="UCOL")
    asker.handle("mode pour la paie en 2017 ?")
    number = next(c.number for c, _ in asker.choices.values() if c.label == "Demander au référent")
    assert "pas encore de référent" in asker.handle(str(number))
    coverage = session.handle("/srom-verif couverture")
    assert si_line(extra=1) in coverage


def test_a_walk_step_delivered_twice_attests_one_cell(store, db) -> None:
    view = build_walk_view(load_default(), "SI", 0)
    values = {
        "srom_walk_mode": {"mode": {"selected_option": {"value": "H"}}},
        "srom_walk_source": {"source": {"value": "diagramme p. 3"}},
    }
    step = {**view, "id": "VD", "state": {"values": values}}
    first, _ = walk_step(step, invoke(store, "USI"))
    second, _ = walk_step(step, invoke(store, "USI"))
    assert count(db) == 1 and first["private_metadata"] == second["private_metadata"]


def test_cli_ask_answers_from_the_store(db, store, monkeypatch, capsys) -> None:
    from bot.cli.main import main
    from bot.engine.default import set_corrections_source

    attested(db, "cli1", "H")
    set_corrections_source(None)  # `srom ask` installs the store of SROM_DB_PATH itself
    monkeypatch.setenv("SROM_DB_PATH", str(store.path))
    assert main(["ask", "--json", QUESTION]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["mode"]["code"], data["certainty"]) == ("H", "attested")
