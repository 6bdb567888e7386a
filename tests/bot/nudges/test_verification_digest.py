"""The weekly digest carries each référent's open asks and flags of their functions' mode cells (issue 11):
in the same DM as their commitments, never a message of its own, and only to référents of those functions."""

from __future__ import annotations

import json

from bot.nudges.send import run_due
from bot.nudges.snapshot import load_snapshot
from storage import corrections, roles
from storage.corrections import NewRequest
from tests.bot.nudges.conftest import MONDAY_930, posts


def _open(db, kind: str, activity: str, year: int, function: str, key: str, mode: str | None = None) -> None:
    corrections.open_request(
        db,
        NewRequest(kind, activity, year, function, "UCOL", "col", key, mode=mode, question="mode pour la paie ?"),
    )


def test_open_requests_and_flags_join_the_referent_s_digest(nudge_db, messenger, fake) -> None:
    db = nudge_db.get()
    _open(db, "ask", "rh.realisation-paies", 2017, "RH", "k1")
    _open(db, "flag", "rh.plan-formation", 2017, "RH", "k2", mode="I")
    snapshot = load_snapshot(db, today=MONDAY_930.date())
    (section,) = snapshot.sections["URH"]
    assert "2 demande(s)" in section.title
    assert any("Réalisation des paies" in line and "<@UCOL>" in line for line in section.lines)
    assert any("signale une erreur sur le mode I" in line for line in section.lines)
    assert "USI" not in snapshot.sections  # nothing open in SI

    run_due(db, messenger, now=MONDAY_930, sleep=lambda s: None)
    by_channel = {c.params["channel"]: c for c in posts(fake)}
    assert set(by_channel) == {"DRH", "DSI"}  # one DM each: the section rides in the RH digest
    rh = json.dumps(by_channel["DRH"].params["blocks"], ensure_ascii=False)
    assert "Réalisation des paies" in rh and "RH-1" in rh
    assert "Réalisation des paies" not in json.dumps(by_channel["DSI"].params["blocks"], ensure_ascii=False)


def test_a_referent_with_only_open_requests_still_gets_the_digest(nudge_db) -> None:
    db = nudge_db.get()
    roles.grant(db, "UADMIN", "UJUR", "referent", "JUR")
    _open(db, "ask", "jur.regles-mapa", 2017, "JUR", "k3")
    snapshot = load_snapshot(db, today=MONDAY_930.date())
    assert [s.title for s in snapshot.sections["UJUR"]] == [
        "Cartographie des modes : 1 demande(s) ou signalement(s) en attente"
    ]


def test_a_resolved_request_leaves_the_digest(nudge_db) -> None:
    db = nudge_db.get()
    _open(db, "ask", "rh.realisation-paies", 2017, "RH", "k4")
    db.execute("UPDATE verification_requests SET resolved_at = '2026-11-01T00:00:00Z', outcome = 'attested'")
    db.conn.commit()
    assert "URH" not in load_snapshot(db, today=MONDAY_930.date()).sections
