"""Deductions a line-by-line audit of the source asked to revisit (issue 10): the mode is kept, and the rationale
now faces the quotes that point elsewhere. Quotes are compared as the loader compares them (typography folded)."""

from __future__ import annotations

import pytest

from srom_data.loader import load_default
from tests.srom_data.cells import assessment, cites


@pytest.fixture(scope="module")
def kb():
    return load_default()


CLOUD = "Centraliser voire externaliser les serveurs et leurs applications (offres type Cloud)"
MODE_M = "L’objectif pour 2017 visait à renforcer la « mutualisation » (mode M) des activités"
SDSI = "dotent les activités des pôles Solutions et Infrastructure d’un haut degré de mutualisation"
ACCES = "Réduire le nombre d’accès internet et téléphonie en les mutualisant."


@pytest.mark.parametrize("activity", ["si.mco-applications", "si.admin-serveurs-reseaux"])
def test_servers_and_applications_stay_m_in_2017_facing_the_cloud_decision(kb, activity):
    a = assessment(kb, activity, 2017)
    assert (a.mode, a.basis) == ("M", "collective")
    assert cites(a, CLOUD) and cites(a, MODE_M) and cites(a, SDSI)
    assert "pointe vers l'Intégration" in a.rationale and "décision" in a.rationale
    later = assessment(kb, activity, 2021)
    assert (later.mode, later.basis) == ("M", "carried") and cites(later, CLOUD)
    assert "audit" in later.rationale


def test_every_2017_activity_of_the_infrastructure_block_cites_the_texts_only_mode_m(kb):
    block = [a for a in kb.function("SI").activities if a.placements[2017].block == "si.si-infrastructure"]
    assert len(block) == 6
    assert all(cites(a.assessments[2017], MODE_M) for a in block)


def test_pooled_internet_access_supports_the_network_activities(kb):
    for activity in ("si.architecture-reseau-securite", "si.admin-serveurs-reseaux"):
        assert cites(assessment(kb, activity, 2017), ACCES), activity


@pytest.mark.parametrize("year", [2013, 2017])
def test_regional_contracts_stay_i_and_face_the_mutualisation_sentence(kb, year):
    a = assessment(kb, "jur.marches-regionaux", year)
    assert (a.mode, a.basis) == ("I", "named")
    assert cites(a, "Cette mutualisation des compétences a fait ses preuves d’un point de vue opérationnel.")
    assert "« mutualisation des compétences »" in a.rationale
    assert "ne peuvent ni représenter ni engager" in a.rationale
