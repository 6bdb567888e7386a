"""The cells a line-by-line audit of the source found established by the text (issue 10), each pinned to its mode,
certainty, basis and the quote it rests on (the revisited deductions: test_revisited_deductions.py). Quotes are
compared as the loader compares them (typography folded)."""

from __future__ import annotations

import pytest

from srom_data.loader import load_default
from tests.srom_data.cells import assessment, cites


@pytest.fixture(scope="module")
def kb():
    return load_default()


# (activity, year, mode, basis, a quote it must cite)
ESTABLISHED = [
    (
        "si.management-dsi",
        2013,
        "I",
        "collective",
        "La CCI Pays de la Loire délègue à la CCI Nantes St-Nazaire la fonction Système d’Information régionale.",
    ),
    (
        "rh.plan-formation",
        2017,
        "I",
        "named",
        "la mise en place d’un Pôle Formation en charge du plan de formation régional et de son suivi",
    ),
    ("rh.plan-formation", 2021, "I", "carried", "poursuivre et d’amplifier cette dynamique"),
    ("rh.gestion-temps-absences", 2017, "I", "collective", "la création d’un Pôle Administration Paie centralisé"),
    ("rh.gestion-temps-absences", 2021, "I", "carried", "poursuivre et d’amplifier cette dynamique"),
    ("rh.budgets-masse-salariale", 2017, "H", "named", "des budgets de frais de personnel"),
    ("rh.budgets-masse-salariale", 2021, "H", "carried", "consolider ces modes de gestion"),
    ("rh.comptabilite-sociale", 2017, "I", "named", "Intégration : comptabilité sociale"),
    ("rh.comptabilite-sociale", 2021, "I", "carried", "consolider ces modes de gestion"),
    ("rh.politique-remuneration-regionale", 2021, "H", "named", "Politique de rém. régionale"),
    (
        "fin.cg.consolidation",
        2017,
        "H",
        "named",
        "des plans analytiques et comptables pour la consolidation régionale de budgets ou d’actions",
    ),
    ("fin.cg.consolidation", 2021, "H", "carried", "consolider ces modes de gestion"),
    (
        "fin.cdg.tableaux-de-bord",
        2021,
        "H",
        "named",
        "le partage de tableaux de bord communs à l’échelle régionale",
    ),
    ("jur.relations-commerciales", 2021, "I", "named", "conditions générales de vente type"),
    (
        "jur.regles-mapa",
        2021,
        "H",
        "collective",
        "des travaux sont à engager pour harmoniser les procédures d’achat dans les différentes CCI.",
    ),
    (
        "jur.procedures-groupements-locaux",
        2021,
        "H",
        "named",
        "des travaux sont à engager pour harmoniser les procédures d’achat dans les différentes CCI.",
    ),
]


@pytest.mark.parametrize(
    ("activity", "year", "mode", "basis", "quote"), ESTABLISHED, ids=[f"{c[0]}-{c[1]}" for c in ESTABLISHED]
)
def test_a_cell_the_text_establishes(kb, activity, year, mode, basis, quote):
    a = assessment(kb, activity, year)
    assert (a.mode, a.certainty, a.basis) == (mode, "deduced", basis)
    assert cites(a, quote)
    assert a.rationale and len(a.rationale) > 80


def test_the_arguable_readings_say_so_in_their_rationale(kb):
    """Where the audit found the mode arguable, the rationale names the other reading."""
    assert "Mutualisation (M) se défend" in assessment(kb, "rh.plan-formation", 2017).rationale
    assert cites(assessment(kb, "rh.plan-formation", 2017), "Mutualisation (M) : La mise en commun")
    assert "la plus fragile" in assessment(kb, "rh.comptabilite-sociale", 2017).rationale
    assert "un tournant" in assessment(kb, "si.management-dsi", 2013).rationale
    assert "une cible" in assessment(kb, "jur.regles-mapa", 2021).rationale


def test_cells_the_audit_left_silent_stay_silent(kb):
    """Neighbours of the changed cells that no sentence establishes."""
    for activity, year in [
        ("rh.recensement-besoins-formation", 2017),
        ("rh.tableaux-bord-masse-salariale", 2017),
        ("rh.evaluations-professionnelles", 2021),
        ("fin.cdg.tableaux-de-bord", 2017),
        ("jur.marches-regionaux", 2021),  # JUR has no statement of continuity: nothing is carried forward
        ("jur.commission-consultative-marches", 2021),
        ("si.role-rsi-ccit", 2013),
    ]:
        assert assessment(kb, activity, year).certainty == "unspecified", (activity, year)


def test_the_counts_after_the_audit(kb):
    """srom data check's figures (function files only, no overrides)."""
    from collections import Counter

    from srom_data.coverage import firmness

    counts = Counter(firmness(a) for f in kb.functions for act in f.activities for a in act.assessments.values())
    assert counts == {
        "explicit": 6,
        "deduced:named": 22,
        "deduced:collective": 9,
        "deduced:carried": 15,
        "unspecified": 233,
    }
