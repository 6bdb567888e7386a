"""overrides.yaml: corrections applied over the function files at load, validated like the rest."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from srom_data.coverage import format_coverage
from srom_data.loader import DataError, load, read_overrides
from srom_data.models import Override
from srom_data.overrides import dump_overrides, parse_overrides

ATTESTED = {"mode": "M", "certainty": "attested", "attestation": {"by": "Marie Dupont", "date": "2024-05-02"}}


def write_overrides(data_dir, entries: list[dict[str, Any]]):
    root = data_dir.write()
    (root / "overrides.yaml").write_text(yaml.safe_dump({"overrides": entries}, allow_unicode=True), encoding="utf-8")
    return root


def test_an_override_replaces_the_function_files_assessment(data_dir) -> None:
    root = write_overrides(data_dir, [{"activity": "fin.sociale.flux", "year": 2013, "assessment": ATTESTED}])
    act = load(root).function("FIN").activities[0]
    assert act.assessments[2013].mode == "M"
    assert act.assessments[2013].attestation.by == "Marie Dupont"
    assert act.assessments[2017].certainty == "explicit"  # the other year is the function file's
    assert load(root, with_overrides=False).function("FIN").activities[0].assessments[2013].mode is None
    assert "attested         1" in format_coverage(load(root), overrides=len(read_overrides(root)))


@pytest.mark.parametrize(
    ("entry", "entity", "field", "message"),
    [
        ({"activity": "fin.inconnue", "year": 2013, "assessment": ATTESTED}, "fin.inconnue", "activity", "unknown"),
        ({"activity": "fin.sociale.flux", "year": 2021, "assessment": ATTESTED}, "fin.sociale.flux", "year", "2021"),
        (
            {"activity": "fin.sociale.flux", "year": 2013, "assessment": {"mode": "M", "certainty": "attested"}},
            "fin.sociale.flux",
            "overrides.0.assessment",
            "attestation",
        ),
        (
            {
                "activity": "fin.sociale.flux",
                "year": 2013,
                "assessment": {"mode": "I", "certainty": "explicit", "evidence": [{"section": "s", "quote": "pas là"}]},
            },
            "fin.sociale.flux",
            "2013.assessment.evidence",
            "not found verbatim",
        ),
    ],
)
def test_a_bad_override_names_overrides_yaml_and_the_entity(data_dir, entry, entity, field, message) -> None:
    root = write_overrides(data_dir, [entry])
    with pytest.raises(DataError, match=message) as err:
        load(root)
    assert (err.value.file, err.value.entity) == ("overrides.yaml", entity)
    assert err.value.field.startswith(field)


def test_two_overrides_of_the_same_year_are_refused(data_dir) -> None:
    entry = {"activity": "fin.sociale.flux", "year": 2013, "assessment": ATTESTED}
    with pytest.raises(DataError, match="two overrides"):
        load(write_overrides(data_dir, [entry, entry]))


def test_dump_reads_back_the_same_overrides() -> None:
    overrides = [Override.model_validate({"activity": "rh.paie", "year": 2017, "assessment": ATTESTED})]
    text = dump_overrides(overrides)
    assert text.startswith("# Corrections")
    assert parse_overrides(yaml.safe_load(text)) == overrides
