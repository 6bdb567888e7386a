from __future__ import annotations

import pytest

from srom_data.loader import DataError, load


def test_the_tiny_folder_is_valid(data_dir):
    kb = load(data_dir.write())
    act = kb.function("FIN").activities[0]
    assert act.assessments[2017].mode == "I"
    assert act.assessments[2013].mode is None


def test_bad_mode_letter_names_file_entity_and_field(data_dir):
    data_dir.files["functions/fin.yaml"]["activities"][0]["assessments"][2017]["mode"] = "X"
    with pytest.raises(DataError) as err:
        load(data_dir.write())
    assert err.value.file == "functions/fin.yaml"
    assert err.value.entity == "fin.sociale.flux"
    assert err.value.field.startswith("activities.0.assessments.2017")
    assert "'A'" in str(err.value)


def test_duplicate_id_is_refused(data_dir):
    fn = data_dir.files["functions/fin.yaml"]
    fn["blocks"].append({"id": "fin.sociale.flux", "label": "Autre bloc", "years": [2013]})
    with pytest.raises(DataError, match="duplicate id") as err:
        load(data_dir.write())
    assert err.value.entity == "fin.sociale.flux"


def test_a_key_written_twice_is_refused_with_its_line(data_dir):
    # YAML keeps the second silently: an activity's second "aliases:" would drop the first list
    root = data_dir.write()
    path = root / "functions" / "fin.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  label: ", "  label: Doublon\n  label: ", 1), encoding="utf-8")
    with pytest.raises(DataError, match="written twice") as err:
        load(root)
    assert err.value.file == "functions/fin.yaml"
    assert "line" in str(err.value)


def test_quote_not_in_source_is_refused(data_dir):
    ev = data_dir.files["functions/fin.yaml"]["activities"][0]["assessments"][2017]["evidence"][0]
    ev["quote"] = "Mutualisation : comptabilité sociale"
    with pytest.raises(DataError, match="not found verbatim") as err:
        load(data_dir.write())
    assert err.value.entity == "fin.sociale.flux"
    assert err.value.field == "assessments.2017.evidence"


def test_quote_matches_across_broken_glyphs_ligatures_and_apostrophes(data_dir):
    data_dir.files["functions/fin.yaml"]["introduction"][0]["quote"] = "Services financiers et comptables"
    data_dir.files["passages.yaml"]["passages"][0]["text"] = "La CCI Pays de la Loire est centrale d’achat"
    load(data_dir.write())


def test_unknown_alias_target_is_refused(data_dir):
    data_dir.files["aliases.yaml"]["ambiguous"] = [{"alias": "sociale", "targets": ["fin.sociale", "rh.nope"]}]
    with pytest.raises(DataError, match=r"unknown alias target .rh\.nope."):
        load(data_dir.write())


def test_undeclared_shared_alias_is_refused_then_accepted_once_declared(data_dir):
    data_dir.files["governance.yaml"]["instances"][0]["aliases"] = ["bureau", "compta"]
    with pytest.raises(DataError, match="names several entities"):
        load(data_dir.write())
    data_dir.files["aliases.yaml"]["ambiguous"] = [{"alias": "compta", "targets": ["FIN", "gouv.bureau"]}]
    load(data_dir.write())


@pytest.mark.parametrize(
    ("assessment", "message"),
    [
        ({"mode": "I", "certainty": "unspecified"}, "has no mode"),
        ({"certainty": "explicit", "evidence": [{"section": "s", "quote": "Intégration"}]}, "needs a mode"),
        ({"mode": "I", "certainty": "explicit"}, "at least one evidence"),
        (
            {"mode": "I", "certainty": "deduced", "evidence": [{"section": "s", "quote": "Intégration"}]},
            "rationale",
        ),
        (
            {
                "mode": "I",
                "certainty": "deduced",
                "rationale": "r",
                "evidence": [{"section": "s", "quote": "Intégration"}],
            },
            "needs a basis: named, collective or carried",
        ),
        (
            {
                "mode": "I",
                "certainty": "deduced",
                "basis": "probable",
                "rationale": "r",
                "evidence": [{"section": "s", "quote": "Intégration"}],
            },
            "basis",
        ),
        (
            {
                "mode": "I",
                "certainty": "explicit",
                "basis": "named",
                "evidence": [{"section": "s", "quote": "Intégration"}],
            },
            "only a 'deduced' assessment has a basis",
        ),
        ({"mode": "I", "certainty": "attested"}, "attestation"),
        ({"mode": "I", "certainty": "probable"}, "certainty"),
    ],
)
def test_inconsistent_assessments_are_refused(data_dir, assessment, message):
    data_dir.files["functions/fin.yaml"]["activities"][0]["assessments"][2017] = assessment
    with pytest.raises(DataError, match=message):
        load(data_dir.write())


def test_placement_on_a_block_missing_that_year(data_dir):
    act = data_dir.files["functions/fin.yaml"]["activities"][0]
    act["placements"][2021] = {"block": "fin.sociale"}
    act["assessments"][2021] = {"certainty": "unspecified"}
    with pytest.raises(DataError, match="not on the 2021 map"):
        load(data_dir.write())


def test_commitment_of_unknown_function(data_dir):
    data_dir.files["commitments.yaml"]["commitments"][0]["function"] = "XYZ"
    with pytest.raises(DataError, match="unknown function 'XYZ'") as err:
        load(data_dir.write())
    assert err.value.file == "commitments.yaml"


def test_missing_file_and_bad_yaml(data_dir):
    root = data_dir.write()
    (root / "governance.yaml").unlink()
    with pytest.raises(DataError, match=r"governance\.yaml: file not found"):
        load(root)
    (root / "governance.yaml").write_text("instances: [unclosed", encoding="utf-8")
    with pytest.raises(DataError, match="not valid YAML"):
        load(root)
