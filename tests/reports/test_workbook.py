"""The mode matrix as a spreadsheet: export, round trip, corrections imported into overrides.yaml, refusals."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from bot.engine import Engine
from reports.palette import MODE_COLORS
from reports.workbook import write_workbook
from reports.workbook_format import YEAR_HEADERS, year_column
from reports.workbook_import import WorkbookError, describe, plan_import
from srom_data.loader import DEFAULT_DATA_DIR, load


def letter(year_index: int, header: str) -> str:
    """The column letter of a year's field, by the start of its header ('Preuves', 'Attesté par', ...)."""
    field = next(i for i, h in enumerate(YEAR_HEADERS) if h.startswith(header))
    return openpyxl.utils.get_column_letter(year_column(year_index, field))


# The 2013 and 2017 columns of the sheets (years in the order of meta.yaml: 2013, 2017, 2021).
MODE_13 = letter(0, "Mode")
MODE, CERT, BASIS, PROOF, WHY, BY, DATE, NOTE = (
    letter(1, h) for h in ("Mode", "Certitude", "Fondement", "Preuves", "Raisonnement", "Attesté par", "Date", "Note")
)
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
    values = {MODE: mode, CERT: "attesté", BY: "Marie Dupont", DATE: "02/05/2024", NOTE: "diagramme original p. 34"}
    return edit(path, "RH", activity_id, values)


def test_export_has_a_sheet_per_function_and_a_readme(exported: Path) -> None:
    wb = openpyxl.load_workbook(exported)
    assert wb.sheetnames == ["Lisez-moi", "COM", "FIN", "JUR", "RH", "SI"]
    ws = wb["RH"]
    assert [ws.cell(3, c).value for c in range(1, 6)] == ["Bloc", "Activité", "Identifiant", "Mode", "Certitude"]
    assert ws.cell(3, 11).value == "Fondement (si déduit)"  # last of each year: older column letters are kept
    assert ws[f"{MODE}2"].value == "2017 — statut 2017"
    row = row_of(ws, "rh.gestion-administrative-personnel")
    assert (ws[f"{MODE}{row}"].value, ws[f"{CERT}{row}"].value, ws[f"{BASIS}{row}"].value) == (
        "I",
        "déduit",
        "activité nommée",
    )
    assert ws[f"{MODE}{row}"].fill.fgColor.rgb.endswith(MODE_COLORS["I"].lstrip("#"))
    assert "Pôle Administration Paie centralisé" in ws[f"{PROOF}{row}"].value
    assert ws[f"{MODE_13}{row}"].value == "—"  # not on the 2013 map
    carried = row_of(ws, "rh.realisation-paies")
    assert ws[f"{letter(2, 'Fondement')}{carried}"].value == "reporté"  # 2021: the 2017 mode carried forward
    lists = {dv.formula1 for dv in ws.data_validations.dataValidation}
    assert '"A,C,H,M,I"' in lists and '"explicite,déduit,attesté,non précisé"' in lists
    assert '"activité nommée,énoncé d\'ensemble,reporté"' in lists
    readme = " ".join(str(c.value) for r in wb["Lisez-moi"].iter_rows() for c in r if c.value)
    for needed in (
        "attesté",
        "Attesté par",
        "JJ/MM/AAAA",
        "srom data import",
        "Fondement",
        "--as NOM",
        "question suivante",
    ):
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
    cleared = {MODE: None, CERT: "non précisé", BY: None, DATE: None, NOTE: None}
    edit(exported, "RH", "rh.declarations-sociales", cleared)
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
        ("rh.declarations-sociales", {MODE: "X"}, MODE, "mode « X » inconnu"),
        ("rh.declarations-sociales", {MODE: "H", CERT: "probable"}, CERT, "certitude « probable » inconnue"),
        ("rh.declarations-sociales", {MODE: "H", CERT: None}, CERT, "certitude manquante"),
        ("rh.declarations-sociales", {MODE: "H", CERT: "non précisé"}, MODE, "choisissez « attesté »"),
        ("rh.declarations-sociales", {MODE: "H", CERT: "attesté", DATE: "02/05/2024"}, BY, "le nom de qui"),
        ("rh.declarations-sociales", {MODE: "H", CERT: "attesté", BY: "M. D."}, DATE, "JJ/MM/AAAA"),
        ("rh.declarations-sociales", {MODE: "H", CERT: "attesté", BY: "M. D.", DATE: "mardi"}, DATE, "« mardi »"),
        ("rh.declarations-sociales", {MODE: "H", CERT: "explicite"}, PROOF, "au moins une citation"),
        (
            "rh.declarations-sociales",
            {MODE: "H", CERT: "explicite", PROOF: "RH : « citation inventée »"},
            PROOF,
            "introuvable",
        ),
        (
            "rh.declarations-sociales",
            {MODE: "H", CERT: "explicite", PROOF: "pas de guillemets"},
            PROOF,
            "Section : « citation",
        ),
        ("rh.declarations-sociales", {MODE: "H", CERT: "déduit", PROOF: f"RH : « {QUOTE} »"}, WHY, "raisonnement"),
        (
            "rh.declarations-sociales",
            {MODE: "H", CERT: "déduit", PROOF: f"RH : « {QUOTE} »", WHY: "Centralisé."},
            BASIS,
            "son fondement",
        ),
        (
            "rh.declarations-sociales",
            {MODE: "H", CERT: "déduit", BASIS: "probable", PROOF: f"RH : « {QUOTE} »", WHY: "Centralisé."},
            BASIS,
            "fondement « probable » inconnu",
        ),
        (
            "rh.declarations-sociales",
            {MODE: "I", CERT: "déduit", BASIS: "reporté", PROOF: f"RH : « {QUOTE} »", WHY: "Centralisé.", BY: "M. D."},
            CERT,
            "choisissez « attesté »",
        ),
        ("rh.gestion-administrative-personnel", {MODE_13: "I"}, MODE_13, "ne figure pas sur la carte 2013"),
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
    edit(exported, "RH", "rh.declarations-sociales", {MODE: "X"})
    edit(exported, "RH", "rh.realisation-paies", {CERT: "peut-être"})
    with pytest.raises(WorkbookError) as err:
        plan_import(exported, folder)
    assert len(err.value.problems) == 2


def test_explicit_and_deduced_values_keep_verbatim_quotes(folder: Path, exported: Path) -> None:
    values = {
        MODE: "I",
        CERT: "déduit",
        BASIS: "énoncé d'ensemble",
        PROOF: f"Ressources humaines — statut 2017 : « {QUOTE} »",
        WHY: "Centralisé.",
    }
    edit(exported, "RH", "rh.declarations-sociales", values)
    plan = plan_import(exported, folder)
    (change,) = plan.changes
    assert change.after.evidence[0].quote == QUOTE and change.after.rationale == "Centralisé."
    assert change.after.basis == "collective"
    plan.write(folder)
    assert load(folder).function("RH").activities  # the loader accepts what the import wrote


def test_unknown_sheets_and_moved_columns_are_refused(folder: Path, exported: Path) -> None:
    wb = openpyxl.load_workbook(exported)
    wb.create_sheet("Brouillon")["A1"] = "notes"
    wb["SI"][f"{MODE_13}3"] = "Mode de gestion"
    wb.save(exported)
    with pytest.raises(WorkbookError) as err:
        plan_import(exported, folder)
    where = {(p.sheet, p.column) for p in err.value.problems}
    assert where == {("Brouillon", "A"), ("SI", MODE_13)}


def test_a_file_that_is_not_a_workbook_is_refused(folder: Path, tmp_path: Path) -> None:
    bogus = tmp_path / "notes.xlsx"
    bogus.write_text("pas un classeur", encoding="utf-8")
    with pytest.raises(WorkbookError, match="classeur illisible"):
        plan_import(bogus, folder)


def test_attesting_a_deduced_cell_drops_its_basis(folder: Path, exported: Path) -> None:
    """A référent who reads the diagram sets « attesté » and leaves the Fondement as it was: it no longer applies."""
    row = attest(exported, "rh.realisation-paies", "I")
    assert openpyxl.load_workbook(exported)["RH"][f"{BASIS}{row}"].value == "activité nommée"
    (change,) = plan_import(exported, folder).changes
    assert (change.before.basis, change.after.certainty, change.after.basis) == ("named", "attested", None)
