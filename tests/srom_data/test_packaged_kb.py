"""The packaged SROM: complete, cited, and honest about what the text does not say."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from srom_data.entities import alias_index, iter_entities
from srom_data.export import to_csv, to_json
from srom_data.loader import iter_evidence, load_default
from srom_data.text import canonical_quote, key


@pytest.fixture(scope="module")
def kb():
    return load_default()


def test_every_quote_occurs_verbatim_in_the_source(kb):
    source = canonical_quote(kb.source_text)
    quotes = list(iter_evidence(kb))
    assert len(quotes) > 300
    missing = [(file, ent, field) for file, ent, field, ev in quotes if canonical_quote(ev.quote) not in source]
    assert missing == []


def test_every_map_label_is_the_documents_own(kb):
    """Labels are the maps' words in the maps' order (line breaks, split ligatures and punctuation folded)."""
    source = key(canonical_quote(kb.source_text))
    labels = [b.label for f in kb.functions for b in f.blocks]
    labels += [
        p.label or a.label
        for f in kb.functions
        for a in f.activities
        if a.kind == "activity"
        for p in a.placements.values()
    ]
    absent = sorted({label for label in labels if key(label) not in source})
    assert absent == []


@pytest.mark.parametrize(
    ("function", "year", "blocks", "activities"),
    [
        ("FIN", 2013, 12, 28),
        ("FIN", 2017, 12, 28),
        ("FIN", 2021, 12, 28),
        ("RH", 2013, 6, 16),
        ("RH", 2017, 6, 18),
        ("RH", 2021, 6, 22),
        ("SI", 2013, 3, 16),
        ("SI", 2017, 3, 16),
        ("SI", 2021, 3, 16),
        ("JUR", 2013, 8, 29),
        ("JUR", 2017, 8, 29),
        ("JUR", 2021, 8, 29),
    ],
)
def test_map_coverage(kb, function, year, blocks, activities):
    fn = kb.function(function)
    assert sum(1 for b in fn.blocks if year in b.years) == blocks
    assert sum(1 for a in fn.activities if year in a.placements) == activities


def test_maps_change_between_years_as_the_document_says(kb):
    rh = {b.label: b.years for b in kb.function("RH").blocks}
    assert rh["Paye"] == (2013,)
    assert rh["Administration du personnel"] == (2013,)
    assert 2017 in rh["Administration et paye"] and 2017 in rh["Contrôle de gestion sociale"]
    only_2021 = {a.label for a in kb.function("RH").activities if tuple(a.placements) == (2021,)}
    assert {"Politique de rém. régionale", "Déploiement accord GPEC"} <= only_2021
    notes = [n.evidence.quote for n in kb.function("SI").map_notes if n.year == 2021]
    assert any("Ressources externes possibles" in q for q in notes)
    assert len(kb.function("FIN").macro_processes) == 12


def test_activities_keep_one_id_across_years(kb):
    act = next(a for a in kb.function("RH").activities if a.id == "rh.declarations-sociales")
    assert act.placements[2013].block == "rh.paye"
    assert act.placements[2017].block == "rh.controle-gestion-sociale"


def test_the_documented_examples(kb):
    fin_social = next(
        a for a in kb.function("FIN").activities if a.placements[2017].block == "fin.comptabilite-sociale"
    )
    assert (fin_social.assessments[2017].mode, fin_social.assessments[2017].certainty) == ("I", "explicit")
    payroll = next(a for a in kb.function("RH").activities if a.id == "rh.realisation-paies")
    assert (payroll.assessments[2017].mode, payroll.assessments[2017].certainty) == ("I", "deduced")
    assert any("Pôle Administration Paie centralisé" in e.quote for e in payroll.assessments[2017].evidence)


def test_silence_is_the_rule_not_the_exception(kb):
    """The maps lost their colours: most assessments must stay unspecified, and those have no mode."""
    assessments = [a for f in kb.functions for act in f.activities for a in act.assessments.values()]
    unspecified = [a for a in assessments if a.certainty == "unspecified"]
    assert all(a.mode is None for a in unspecified)
    assert len(unspecified) / len(assessments) > 0.5


def test_governance_and_commitments(kb):
    ids = {i.id for i in kb.governance.instances}
    labels = " ".join(i.label for i in kb.governance.instances).lower()
    for name in (
        "assemblée générale",
        "président",
        "comité des présidents",
        "bureau",
        "comex",
        "codir",
        "atelier thématique régional",
        "groupe projet ligérien",
        "groupes projet départementaux",
        "commission des finances",
        "commission de prévention des conflits d'intérêts",
    ):
        assert name in labels, name
    assert len(ids) >= 14
    codes = {c.id.split("-")[0] for c in kb.commitments}
    assert codes == {"FIN", "RH", "SI", "JUR", "COM", "GOUV"}
    rh1 = next(c for c in kb.commitments if c.id == "RH-1")
    assert "GPEC" in rh1.title


def test_every_entity_is_reachable_by_a_name(kb):
    index = alias_index(kb)
    named = {i for ids in index.values() for i in ids}
    assert {e.id for e in iter_entities(kb)} <= named


def test_json_export_shape(kb):
    data = json.loads(to_json(kb))
    assert {"modes", "functions", "governance", "commitments", "passages"} <= set(data)
    act = data["functions"][0]["activities"][0]
    assessment = next(iter(act["assessments"].values()))
    assert {"mode", "certainty", "basis"} <= set(assessment)
    assert {"id", "label"} <= set(act)
    assert all("quote" in e for e in assessment["evidence"])


def test_csv_export_is_the_matrix(kb):
    lines = to_csv(kb).splitlines()
    assert lines[0] == "function,block,activity,activity_id,year,mode,certainty,basis"
    assert any(
        line.startswith("RH,Administration et paye,Réalisation des paies,") and ",2017,I,deduced,named" in line
        for line in lines
    )
    assert any(",2017,M,deduced,collective" in line for line in lines)
    assert any(line.endswith(",2017,I,explicit,") for line in lines)


def test_cli_data_check_and_export():
    check = subprocess.run([sys.executable, "-m", "bot.cli.main", "data", "check"], capture_output=True, text=True)
    assert check.returncode == 0
    assert "unspecified" in check.stdout and "OK" in check.stdout
    for basis in ("named", "collective", "carried"):  # deductions counted by what they rest on
        assert f"    {basis} " in check.stdout
    assert "ded.carried" in check.stdout  # and per function
    export = subprocess.run(
        [sys.executable, "-m", "bot.cli.main", "data", "export", "--format", "csv"], capture_output=True, text=True
    )
    assert export.returncode == 0 and export.stdout.startswith("function,block")


def test_cli_data_check_names_the_broken_file(tmp_path):
    import shutil

    from srom_data.loader import DEFAULT_DATA_DIR

    broken = tmp_path / "kb"
    shutil.copytree(DEFAULT_DATA_DIR, broken)
    path = broken / "functions" / "rh.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("mode: I", "mode: Z", 1), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "bot.cli.main", "data", "check"],
        capture_output=True,
        text=True,
        env={"SROM_DATA_DIR": str(broken), "PATH": ""},
    )
    assert run.returncode == 1
    assert "functions/rh.yaml" in run.stderr and "mode" in run.stderr
    assert "Traceback" not in run.stderr
