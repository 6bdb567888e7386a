"""`srom carto`, `srom data export --format xlsx` and `srom data import` as a user types them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from bot.cli.main import main
from srom_data.loader import DEFAULT_DATA_DIR


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = Path(shutil.copytree(DEFAULT_DATA_DIR, tmp_path / "data"))
    monkeypatch.setenv("SROM_DATA_DIR", str(copy))
    monkeypatch.setenv("SROM_DB_PATH", str(tmp_path / "srom.db"))
    return copy


@pytest.mark.parametrize(
    ("args", "name", "magic"),
    [
        (["--year", "2017"], "rh-2017.png", b"\x89PNG"),
        (["--compare"], "rh.png", b"\x89PNG"),
        (["--year", "2013"], "rh-2013.svg", b"<?xml"),
    ],
)
def test_carto_writes_the_picture(tmp_path: Path, capsys, args: list[str], name: str, magic: bytes) -> None:
    out = tmp_path / name
    assert main(["carto", "--function", "RH", *args, "--out", str(out), "--dpi", "40"]) == 0
    assert out.read_bytes().startswith(magic)
    assert capsys.readouterr().out.startswith(f"{out} (480 × ")


def test_carto_defaults_to_the_out_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("SROM_OUT_DIR", str(tmp_path / "cartes"))
    assert main(["carto", "-f", "systèmes d'information", "--dpi", "40"]) == 0
    assert (tmp_path / "cartes" / "si-2021.png").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-f", "RH", "--year", "2019"], "Pas de carte 2019"),
        (["-f", "paie"], "Fonction inconnue : « paie »"),
        (["-f", "RH", "--out", "rh.jpg"], "--out doit finir par .png ou .svg"),
    ],
)
def test_carto_refusals(tmp_path: Path, capsys, args: list[str], message: str) -> None:
    assert main(["carto", *args]) == 2
    assert message in capsys.readouterr().err


def test_export_edit_import(folder: Path, tmp_path: Path, capsys) -> None:
    book = tmp_path / "cartographie.xlsx"
    assert main(["data", "export", "--format", "xlsx", "--out", str(book)]) == 0
    assert main(["data", "import", str(book)]) == 0
    assert "Aucun changement" in capsys.readouterr().out
    wb = openpyxl.load_workbook(book)
    ws = wb["SI"]
    row = next(r for r in range(4, ws.max_row + 1) if ws[f"C{r}"].value == "si.role-rsi-ccit")
    ws[f"D{row}"], ws[f"E{row}"], ws[f"H{row}"], ws[f"I{row}"] = "M", "attesté", "Paul Martin", "03/06/2024"
    wb.save(book)
    assert main(["data", "import", str(book), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Systèmes d'information (SI) — 2013" in out and "→ M (Mutualisation), attesté par Paul Martin" in out
    assert "--dry-run : rien n'a été écrit." in out and not (folder / "overrides.yaml").exists()
    assert main(["data", "import", str(book), "--as", "Marie Dupont"]) == 0
    assert "1 correction(s), importée(s) par Marie Dupont" in capsys.readouterr().out
    assert not (folder / "overrides.yaml").exists()  # the store is the one place corrections go
    assert main(["data", "import", str(book)]) == 0
    assert "Aucun changement" in capsys.readouterr().out  # the store is read back: nothing new to record
    assert main(["data", "check"]) == 0
    check = capsys.readouterr().out
    assert "SI 1" in check
    assert main(["data", "coverage", "--json"]) == 0
    si = next(row for row in json.loads(capsys.readouterr().out) if row["function"] == "SI")
    assert si["years"]["2013"]["attested"] == 1
    assert main(["db", "export", "--format", "csv", "--table", "corrections"]) == 0
    exported = capsys.readouterr().out
    assert "si.role-rsi-ccit" in exported and "Marie Dupont" in exported


def test_an_invalid_cell_stops_the_import_with_its_place(folder: Path, tmp_path: Path, capsys) -> None:
    book = tmp_path / "cartographie.xlsx"
    main(["data", "export", "--format", "xlsx", "--out", str(book)])
    wb = openpyxl.load_workbook(book)
    wb["FIN"]["D4"] = "Z"
    wb.save(book)
    assert main(["data", "import", str(book)]) == 1
    err = capsys.readouterr().err
    assert "Import refusé, rien n'a été écrit" in err and "feuille « FIN », ligne 4, colonne D (2013 Mode)" in err
    assert not (folder / "overrides.yaml").exists()


def test_import_of_a_missing_file(tmp_path: Path, capsys) -> None:
    assert main(["data", "import", str(tmp_path / "absent.xlsx")]) == 2
    assert "fichier introuvable" in capsys.readouterr().err
