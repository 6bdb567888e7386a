"""The mode matrix as a spreadsheet: export, round trip, corrections imported into overrides.yaml, refusals."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from bot.engine import Engine
from reports.palette import MODE_COLORS
from reports.workbook import write_workbook
from reports.workbook_import import WorkbookError, describe, plan_import
from srom_data.loader import DEFAULT_DATA_DIR, load

RH_2017 = {"Mode": "K", "Certitude": "L", "Preuves": "M", "Raisonnement": "N", "Attesté par": "O", "Date": "P"}
QUOTE = "Trois chantiers ont été conduits : la création d’un Pôle Administration Paie centralisé"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the packaged data folder that the import may write to."""
    return Path(shutil.copytree(DEFAULT_DATA_DIR, tmp_path / "data"))


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The packaged data exported once (0.25 s); each test edits its own copy."""
    return write_workbook(load(DEFAULT_DATA_DIR), tmp_path_factory.mktemp("export") / "cartographie.xlsx")


@pytest.fixture
def exported(pristine: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(pristine, tmp_path / "cartographie.xlsx"))


def row_of(ws, activity_id: str) -> int:
    return next(r for r in range(4, ws.max_row + 1) if ws[f"C{r}"].value == activity_id)


def edit(path: Path, sheet: str, activity_id: str, values: dict[str, object]) -> int:
    """Set cells of the activity's row (keys: column letters); returns the row."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    row = row_of(ws, activity_id)
    for column, value in values.items():
        ws[f"{column}{row}"].value = value
    wb.save(path)
    return row


def attest(path: Path, activity_id: str = "rh.declarations-sociales", mode: str = "H") -> int:
    values = {"K": mode, "L": "attesté", "O": "Marie Dupont", "P": "02/05/2024", "Q": "diagramme original p. 34"}
    return edit(path, "RH", activity_id, values)


def test_export_has_a_sheet_per_function_and_a_readme(exported: Path) -> None:
    wb = openpyxl.load_workbook(exported)
    assert wb.sheetnames == ["Lisez-moi", "COM", "FIN", "JUR", "RH", "SI"]
    ws = wb["RH"]
    assert [ws.cell(3, c).value for c in range(1, 6)] == ["Bloc", "Activité", "Identifiant", "Mode", "Certitude"]
    assert ws["K2"].value == "2017 — statut 2017"
    row = row_of(ws, "rh.gestion-administrative-personnel")
    assert (ws[f"K{row}"].value, ws[f"L{row}"].value) == ("I", "déduit")
    assert ws[f"K{row}"].fill.fgColor.rgb.endswith(MODE_COLORS["I"].lstrip("#"))
    assert "Pôle Administration Paie centralisé" in ws[f"M{row}"].value
    assert ws[f"D{row}"].value == "—"  # not on the 2013 map
    lists = {dv.formula1 for dv in ws.data_validations.dataValidation}
    assert '"A,C,H,M,I"' in lists and '"explicite,déduit,attesté,non précisé"' in lists
    readme = " ".join(str(c.value) for r in wb["Lisez-moi"].iter_rows() for c in r if c.value)
    for needed in ("attesté", "Attesté par", "JJ/MM/AAAA", "srom data import", "--as NOM", "question suivante"):
        assert needed in readme


def test_round_trip_without_edits_changes_nothing(folder: Path, exported: Path) -> None:
    plan = plan_import(exported, folder)
    assert plan.changes == []
    assert plan.write(folder) is None
    assert not (folder / "overrides.yaml").exists()
    assert "Aucun changement" in describe(plan)


def test_a_mode_read_off_the_diagram_is_imported_and_answered_with_its_attestation(
    folder: Path, exported: Path, tmp_path: Path
) -> None:
    attest(exported)
    plan = plan_import(exported, folder)
    text = describe(plan)
    assert "Ressources humaines (RH) — 2017" in text
    assert (
        "Déclarations sociales [rh.declarations-sociales] : non précisé → H (Harmonisation), attesté par Marie" in text
    )
    function_file = (folder / "functions" / "rh.yaml").read_text(encoding="utf-8")
    plan.write(folder)
    assert (folder / "functions" / "rh.yaml").read_text(encoding="utf-8") == function_file  # never rewritten
    kb = load(folder)
    answer = Engine(kb).answer("mode des déclarations sociales en 2017 ?")
    assert "Harmonisation (H)" in answer.text and "attesté par Marie Dupont le 2 mai 2024" in answer.text
    assert answer.certainty == "attested"
    assert "Marie Dupont" in answer.sources[0].quote and "diagramme original p. 34" in answer.sources[0].quote
    again = write_workbook(kb, tmp_path / "again.xlsx")  # the corrected data round-trips too
    assert plan_import(again, folder).changes == []


def test_setting_a_mode_back_to_the_function_file_removes_its_override(folder: Path, exported: Path) -> None:
    attest(exported)
    plan_import(exported, folder).write(folder)
    edit(exported, "RH", "rh.declarations-sociales", {"K": None, "L": "non précisé", "O": None, "P": None, "Q": None})
    plan = plan_import(exported, folder)
    assert [(c.activity.id, c.after.certainty) for c in plan.changes] == [("rh.declarations-sociales", "unspecified")]
    plan.write(folder)
    assert "overrides: []" in (folder / "overrides.yaml").read_text(encoding="utf-8")
    act = next(a for a in load(folder).function("RH").activities if a.id == "rh.declarations-sociales")
    assert act.assessments[2017].certainty == "unspecified"


def test_dry_run_plan_is_not_written_until_asked(folder: Path, exported: Path) -> None:
    attest(exported)
    plan = plan_import(exported, folder)
    assert len(plan.changes) == 1
    assert not (folder / "overrides.yaml").exists()


@pytest.mark.parametrize(
    ("activity", "values", "column", "message"),
    [
        ("rh.declarations-sociales", {"K": "X"}, "K", "mode « X » inconnu"),
        ("rh.declarations-sociales", {"K": "H", "L": "probable"}, "L", "certitude « probable » inconnue"),
        ("rh.declarations-sociales", {"K": "H", "L": None}, "L", "certitude manquante"),
        ("rh.declarations-sociales", {"K": "H", "L": "non précisé"}, "K", "choisissez « attesté »"),
        ("rh.declarations-sociales", {"K": "H", "L": "attesté", "P": "02/05/2024"}, "O", "le nom de qui"),
        ("rh.declarations-sociales", {"K": "H", "L": "attesté", "O": "M. D."}, "P", "JJ/MM/AAAA"),
        ("rh.declarations-sociales", {"K": "H", "L": "attesté", "O": "M. D.", "P": "mardi"}, "P", "« mardi »"),
        ("rh.declarations-sociales", {"K": "H", "L": "explicite"}, "M", "au moins une citation"),
        (
            "rh.declarations-sociales",
            {"K": "H", "L": "explicite", "M": "RH : « citation inventée »"},
            "M",
            "introuvable",
        ),
        (
            "rh.declarations-sociales",
            {"K": "H", "L": "explicite", "M": "pas de guillemets"},
            "M",
            "Section : « citation",
        ),
        ("rh.declarations-sociales", {"K": "H", "L": "déduit", "M": f"RH : « {QUOTE} »"}, "N", "raisonnement"),
        (
            "rh.declarations-sociales",
            {"K": "I", "L": "déduit", "M": f"RH : « {QUOTE} »", "N": "Centralisé.", "O": "M. D."},
            "L",
            "choisissez « attesté »",
        ),
        ("rh.gestion-administrative-personnel", {"D": "I"}, "D", "ne figure pas sur la carte 2013"),
        ("rh.declarations-sociales", {"C": "rh.inconnue"}, "C", "identifiant inconnu « rh.inconnue »"),
    ],
)
def test_an_invalid_cell_aborts_the_import_naming_sheet_row_and_column(
    folder: Path, exported: Path, activity: str, values: dict, column: str, message: str
) -> None:
    attest(exported, "rh.realisation-paies", "M")  # a valid change in the same workbook: not written either
    row = edit(exported, "RH", activity, values)
    with pytest.raises(WorkbookError) as err:
        plan_import(exported, folder)
    (problem,) = err.value.problems
    assert (problem.sheet, problem.row, problem.column) == ("RH", row, column)
    assert message in problem.message
    assert f"feuille « RH », ligne {row}, colonne {column}" in str(err.value)
    assert not (folder / "overrides.yaml").exists()


def test_every_invalid_cell_is_listed(folder: Path, exported: Path) -> None:
    edit(exported, "RH", "rh.declarations-sociales", {"K": "X"})
    edit(exported, "RH", "rh.realisation-paies", {"L": "peut-être"})
    with pytest.raises(WorkbookError) as err:
        plan_import(exported, folder)
    assert len(err.value.problems) == 2


def test_explicit_and_deduced_values_keep_verbatim_quotes(folder: Path, exported: Path) -> None:
    values = {"K": "I", "L": "déduit", "M": f"Ressources humaines — statut 2017 : « {QUOTE} »", "N": "Centralisé."}
    edit(exported, "RH", "rh.declarations-sociales", values)
    plan = plan_import(exported, folder)
    (change,) = plan.changes
    assert change.after.evidence[0].quote == QUOTE and change.after.rationale == "Centralisé."
    plan.write(folder)
    assert load(folder).function("RH").activities  # the loader accepts what the import wrote


def test_unknown_sheets_and_moved_columns_are_refused(folder: Path, exported: Path) -> None:
    wb = openpyxl.load_workbook(exported)
    wb.create_sheet("Brouillon")["A1"] = "notes"
    wb["SI"]["D3"] = "Mode de gestion"
    wb.save(exported)
    with pytest.raises(WorkbookError) as err:
        plan_import(exported, folder)
    where = {(p.sheet, p.column) for p in err.value.problems}
    assert where == {("Brouillon", "A"), ("SI", "D")}


def test_a_file_that_is_not_a_workbook_is_refused(folder: Path, tmp_path: Path) -> None:
    bogus = tmp_path / "notes.xlsx"
    bogus.write_text("pas un classeur", encoding="utf-8")
    with pytest.raises(WorkbookError, match="classeur illisible"):
        plan_import(bogus, folder)
