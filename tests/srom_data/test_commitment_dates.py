"""Commitments carry the date and horizon the text gives them (issue 10): the SI decisions of the Bureau of
29 May 2015, reported by the 2017 status, are not 2021 targets, and a commitment the text sets no deadline for has
none."""

from __future__ import annotations

import datetime as dt

import pytest

from srom_data.loader import DataError, load, load_default


@pytest.fixture(scope="module")
def kb():
    return load_default()


@pytest.mark.parametrize("commitment_id", ["SI-1", "SI-2", "SI-3", "SI-4", "SI-5"])
def test_the_2015_si_decisions_are_dated_by_their_decision(kb, commitment_id):
    c = next(c for c in kb.commitments if c.id == commitment_id)
    assert (c.year, c.decided, c.decided_by) == (None, dt.date(2015, 5, 29), "gouv.bureau")
    assert all(e.section == "Systèmes d'information — statut 2017" for e in c.evidence)


def test_a_horizon_is_2021_exactly_where_the_text_attaches_2021(kb):
    """'d'ici (à) 2021', 'à l'horizon 2021', or a function's 2021 projection; otherwise no horizon."""
    for c in kb.commitments:
        said = any("2021" in e.section or "2021" in e.quote for e in c.evidence)
        assert c.year == (2021 if said else None), c.id


def test_the_horizons(kb):
    with_2021 = sorted(c.id for c in kb.commitments if c.year == 2021)
    assert with_2021 == ["FIN-1", "FIN-2", "FIN-3", "JUR-1", "JUR-5", "RH-1", "RH-2", "RH-3", "SI-6", "SI-7"]
    undated = sorted(c.id for c in kb.commitments if c.year is None and c.decided is None)
    assert undated == sorted(
        ["JUR-2", "JUR-3", "JUR-4", "COM-1", "COM-2", "COM-3", "COM-4", "GOUV-1", "GOUV-2", "GOUV-3"]
    )


def test_a_decision_needs_its_instance_and_the_instance_must_exist(data_dir):
    commitment = data_dir.files["commitments.yaml"]["commitments"][0]
    commitment["decided"] = "2015-05-29"
    with pytest.raises(DataError, match="'decided' and 'decided_by' go together"):
        load(data_dir.write())
    commitment["decided_by"] = "gouv.inconnu"
    with pytest.raises(DataError, match=r"unknown instance 'gouv\.inconnu'") as err:
        load(data_dir.write())
    assert (err.value.file, err.value.field) == ("commitments.yaml", "decided_by")
    commitment["decided_by"] = "gouv.bureau"
    commitment["year"] = None
    assert load(data_dir.write()).commitments[0].decided == dt.date(2015, 5, 29)
