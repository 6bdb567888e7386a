"""A tiny, valid data folder that each loader test breaks in one way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from srom_data.loader import DEFAULT_DATA_DIR

SOURCE = """Autonomie (A) : Le maintien au niveau local de la gestion
de l’activité ou du service.
Services fi nanciers et comptables
  �Intégration : comptabilité sociale,
La CCI Pays de la Loire est centrale d'achat pour les CCI
Le Bureau régional, composé des membres élus au Bureau par l'Assemblée générale.
"""


def _function() -> dict[str, Any]:
    return {
        "id": "FIN",
        "label": "Services financiers et comptables",
        "label_en": "Finance",
        "aliases": ["compta"],
        "introduction": [{"section": "FIN — intro", "quote": "Services financiers et comptables"}],
        "blocks": [{"id": "fin.sociale", "label": "Comptabilité sociale", "years": [2013, 2017]}],
        "activities": [
            {
                "id": "fin.sociale.flux",
                "label": "Gestion et contrôle des flux comptables frais de personnel",
                "placements": {2013: {"block": "fin.sociale"}, 2017: {"block": "fin.sociale"}},
                "assessments": {
                    2013: {"certainty": "unspecified"},
                    2017: {
                        "mode": "I",
                        "certainty": "explicit",
                        "evidence": [{"section": "FIN — 2017", "quote": "Intégration : comptabilité sociale"}],
                    },
                },
            }
        ],
    }


class DataDir:
    """Write the files of a data folder from dicts, so a test can change one field and load."""

    def __init__(self, root: Path) -> None:
        self.root = root
        modes = yaml.safe_load((DEFAULT_DATA_DIR / "modes.yaml").read_text(encoding="utf-8"))
        for mode in modes["modes"]:  # definitions must occur in this folder's tiny source
            mode["definition"] = {
                "section": "Préambule",
                "quote": "Autonomie (A) : Le maintien au niveau local",
            }
        self.files: dict[str, Any] = {
            "meta.yaml": {
                "region": "Test",
                "title": "SROM de test",
                "years": [2013, 2017, 2021],
                "year_labels": {2013: "état des lieux", 2017: "statut", 2021: "projection"},
                "function_codes": {"GOUV": "Gouvernance"},
            },
            "modes.yaml": modes,
            "functions/fin.yaml": _function(),
            "governance.yaml": {
                "instances": [
                    {
                        "id": "gouv.bureau",
                        "label": "Bureau régional",
                        "aliases": ["bureau"],
                        "composition": {
                            "section": "Gouvernance",
                            "quote": "composé des membres élus au Bureau",
                        },
                    }
                ]
            },
            "commitments.yaml": {
                "commitments": [
                    {
                        "id": "FIN-1",
                        "function": "FIN",
                        "title": "Consolider les modes de gestion",
                        "description": "…",
                        "year": 2021,
                        "evidence": [{"section": "FIN", "quote": "Intégration : comptabilité sociale"}],
                    }
                ]
            },
            "passages.yaml": {
                "passages": [{"id": "p001", "function": "JUR", "section": "JUR", "text": "est centrale d’achat"}]
            },
            "aliases.yaml": {"ambiguous": []},
        }
        self.source = SOURCE

    def write(self) -> Path:
        for rel, data in self.files.items():
            path = self.root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        (self.root / "source.txt").write_text(self.source, encoding="utf-8")
        return self.root


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    return DataDir(tmp_path / "data")
