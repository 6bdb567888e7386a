"""Every example question of the README's "Using it" section answers right: what it is about, and the part of the
answer the README promises (a mode with its source, roles from the text, a pointer instead of an empty list)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from bot.engine import Engine

README = Path(__file__).resolve().parents[2] / "README.md"

EXPECTED: dict[str, dict[str, Any]] = {
    "mode pour la paie en 2017 ?": {"intent": "mode_lookup", "function": "RH", "year": 2017, "mode": "I"},
    "tréso 2017 ?": {"intent": "mode_lookup", "function": "FIN", "year": 2017, "process": "fin.tresorerie"},
    "how are user support requests handled in 2021?": {
        "intent": "mode_lookup",
        "function": "SI",
        "year": 2021,
        "process": "si.support-utilisateurs",
        "lang": "en",
    },
    "évolution de la gestion des compétences": {"intent": "evolution", "process": "rh.gestion-competences"},
    "la compta client a changé de mode ?": {"intent": "evolution", "process": "fin.comptabilite-client"},
    "c'est quoi la mutualisation ?": {"intent": "mode_definition", "mode": "M"},
    "mutualisation ou intégration, quelle différence ?": {"intent": "mode_definition", "says": "Mutualisation"},
    "qu'est-ce qui est harmonisé en 2021 ?": {
        "intent": "mode_list",
        "mode": "H",
        "year": 2021,
        "says": "Elaboration de la consolidation",
    },
    "activités juridiques en autonomie en 2013": {
        "intent": "mode_list",
        "function": "JUR",
        "year": 2013,
        "mode": "A",
        "says": "en 2013 — Juridique",
    },
    "qui arbitre ?": {"intent": "governance", "instance": "gouv.bureau", "starts": "• *"},
    "qui signe les marchés régionaux ?": {"intent": "governance", "instance": "gouv.president"},
    "que fait le groupe projet ligérien ?": {
        "intent": "governance",
        "instance": "gouv.gpl",
        "says": "Soumet ses propositions à l'arbitrage de l'ATR",
    },
    "quelles activités couvre la fonction SI ?": {"intent": "structure", "function": "SI"},
    "engagements juridiques pour 2021 ?": {"intent": "commitments", "function": "JUR", "year": 2021},
    "montre la carte RH 2017": {"intent": "structure", "map": ("RH", 2017, False)},
    "carte des finances, évolution": {"intent": "structure", "map": ("FIN", None, True)},
    "show me the HR map over time": {"intent": "structure", "map": ("RH", None, True), "lang": "en"},
    "nouvelles activités RH en 2021 par rapport à 2017 ?": {
        "intent": "structure",
        "function": "RH",
        "says": "Déploiement accord GPEC",
    },
    "maj : 3 CCI sur 5 ont harmonisé leurs procédures d'achat": {
        "intent": "commitments",
        "function": "JUR",
        "says": "`/srom-engagement JUR-4 ",
    },
}


def readme_examples() -> list[str]:
    """The backquoted questions of the bullets of the README's "Using it" section."""
    section = README.read_text("utf-8").split("## Using it", 1)[1].split("\n## ", 1)[0]
    bullets = [line for line in section.splitlines() if line.startswith("- ")]
    return [q for line in bullets for q in re.findall(r"`([^`]+)`", line)]


def test_every_readme_example_has_an_expectation():
    assert set(readme_examples()) == set(EXPECTED)


@pytest.mark.parametrize("question", readme_examples())
def test_readme_example_answers_right(engine: Engine, question: str):
    want = EXPECTED[question]
    a = engine.answer(question)
    assert a.intent == want["intent"]
    if "function" in want:
        assert a.function is not None and a.function.id == want["function"]
    if "year" in want:
        assert a.year == want["year"]
    if "mode" in want:
        assert a.mode is not None and a.mode.code == want["mode"]
        if a.intent == "mode_lookup":
            assert a.sources, "a mode stated is cited"
    if "process" in want:
        assert a.process is not None and a.process.id == want["process"]
    if "instance" in want:
        assert want["instance"] in [i.id for i in a.instances]
    if "says" in want:
        assert want["says"] in a.text
    if "starts" in want:
        assert a.text.startswith(want["starts"]), a.text.splitlines()[0]
    if "map" in want:
        assert a.map is not None and (a.map.function, a.map.year, a.map.compare) == want["map"]
    assert a.lang == want.get("lang", "fr")
