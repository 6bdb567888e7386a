"""Map pictures: produced, of the expected size, and the colour of known cells is their mode's colour."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image

from reports.carto import MapError, MapPicture, draw_map, find_function
from reports.carto_draw import cell_style, legend_width, text_width, wrap
from reports.carto_year import MARGIN, WIDTH
from reports.palette import MODE_COLORS, UNSPECIFIED_FILL, badge, hex_to_rgb
from srom_data.loader import load_default
from srom_data.models import Assessment, Attestation, KnowledgeBase, Override
from srom_data.overrides import apply_overrides

DPI = 40  # small and fast: layout positions scale with the dpi, so cells are found the same way


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_default()


@pytest.fixture(scope="module")
def rh_2017(kb: KnowledgeBase) -> MapPicture:
    return draw_map(kb, "RH", 2017, dpi=DPI)


@pytest.fixture(scope="module")
def rh_compare(kb: KnowledgeBase) -> MapPicture:
    return draw_map(kb, "RH", compare=True, dpi=DPI)


def dominant_color(picture: MapPicture, cell: tuple[str, int]) -> tuple[int, int, int]:
    """The most frequent colour inside a cell (inside its border): its fill, whatever the text over it."""
    image = Image.open(io.BytesIO(picture.data)).convert("RGB")
    left, top, right, bottom = picture.cells[cell]
    counts = image.crop((left + 2, top + 2, right - 2, bottom - 2)).getcolors(maxcolors=1 << 20)
    return max(counts)[1]


def near(a: tuple[int, ...], b: tuple[int, ...], tolerance: int = 8) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def is_a_mode_color(rgb: tuple[int, int, int]) -> bool:
    return any(near(rgb, hex_to_rgb(color), 20) for color in MODE_COLORS.values())


def test_year_map_is_a_png_of_the_expected_size(rh_2017: MapPicture) -> None:
    assert rh_2017.data.startswith(b"\x89PNG")
    image = Image.open(io.BytesIO(rh_2017.data))
    assert image.size == (rh_2017.width, rh_2017.height)
    assert rh_2017.width == 1200 * DPI // 100  # 1800 px at the default 150 dpi
    assert 0.4 < rh_2017.height / rh_2017.width < 1.2  # landscape-ish: reads well in Slack
    assert (rh_2017.filename, rh_2017.title) == ("rh-2017.png", "Ressources humaines — carte 2017")


def test_default_size_reads_well_in_slack(kb: KnowledgeBase) -> None:
    picture = draw_map(kb, "SI", 2017)
    assert picture.width == 1800


@pytest.mark.parametrize(
    ("activity", "mode"),
    [
        ("rh.gestion-administrative-personnel", "I"),
        ("rh.realisation-paies", "I"),
        ("rh.evaluations-professionnelles", "H"),
    ],
)
def test_known_cells_have_their_modes_colour(rh_2017: MapPicture, activity: str, mode: str) -> None:
    assert near(dominant_color(rh_2017, (activity, 2017)), hex_to_rgb(MODE_COLORS[mode]))


def test_unspecified_cell_is_grey_never_a_mode_colour(rh_2017: MapPicture) -> None:
    color = dominant_color(rh_2017, ("rh.declarations-sociales", 2017))
    assert not is_a_mode_color(color)
    assert near(color, hex_to_rgb(UNSPECIFIED_FILL))


def test_every_activity_of_the_year_has_one_cell_inside_the_picture(kb: KnowledgeBase, rh_2017: MapPicture) -> None:
    placed = {(a.id, 2017) for a in kb.function("RH").activities if 2017 in a.placements}
    assert set(rh_2017.cells) == placed
    boxes = list(rh_2017.cells.values())
    for i, (left, top, right, bottom) in enumerate(boxes):
        assert 0 <= left < right <= rh_2017.width and 0 <= top < bottom <= rh_2017.height
        for other in boxes[i + 1 :]:
            overlap = min(right, other[2]) > max(left, other[0]) and min(bottom, other[3]) > max(top, other[1])
            assert not overlap


def test_comparison_has_a_cell_per_activity_and_year_on_a_map(kb: KnowledgeBase, rh_compare: MapPicture) -> None:
    expected = {(a.id, y) for a in kb.function("RH").activities for y in a.placements}
    assert set(rh_compare.cells) == expected
    assert rh_compare.filename == "rh-comparaison.png"
    assert rh_compare.width == 1200 * DPI // 100
    evaluations = [dominant_color(rh_compare, ("rh.evaluations-professionnelles", y)) for y in (2013, 2017, 2021)]
    assert near(evaluations[0], hex_to_rgb(MODE_COLORS["H"])) and near(evaluations[1], hex_to_rgb(MODE_COLORS["H"]))
    assert not is_a_mode_color(evaluations[2])  # 2021: the text does not say


def test_an_attested_mode_is_coloured(kb: KnowledgeBase) -> None:
    attested = Assessment(
        mode="M", certainty="attested", attestation=Attestation(by="M. Dupont", date=dt.date(2024, 5, 2))
    )
    corrected = apply_overrides(kb, [Override(activity="rh.declarations-sociales", year=2017, assessment=attested)])
    picture = draw_map(corrected, "RH", 2017, dpi=DPI)
    assert near(dominant_color(picture, ("rh.declarations-sociales", 2017)), hex_to_rgb(MODE_COLORS["M"]))


def test_certainty_shows_in_the_border_and_unspecified_is_hatched() -> None:
    kinds = [("explicit", None), ("attested", None)] + [("deduced", b) for b in ("named", "collective", "carried")]
    styles = [cell_style("H", c, b) for c, b in kinds]
    assert len({(s["style"], s["lw"], s["edge"]) for s in styles}) == 5
    assert all(s["fill"] == MODE_COLORS["H"] and not s["hatch"] for s in styles)  # the colour is the mode's
    unspecified = cell_style(None, "unspecified")
    assert unspecified["hatch"] and unspecified["fill"] not in MODE_COLORS.values()


def test_what_a_deduction_rests_on_shows_in_its_badge() -> None:
    assert (badge("H", "explicit"), badge("H", "attested"), badge(None, "unspecified")) == ("H", "H✓", "?")
    assert [badge("M", "deduced", b) for b in ("named", "collective", "carried")] == ["M*", "M≈", "M→"]
    assert badge("M", "deduced") == "M*"  # no basis given: a plain deduction


def test_the_legend_explains_every_mark_and_fits_the_picture(kb: KnowledgeBase) -> None:
    assert legend_width() <= WIDTH - 2 * MARGIN
    picture = draw_map(kb, "SI", 2017, fmt="svg", dpi=DPI)
    for label in ("déduit d'une phrase qui nomme l'activité", "déduit d'un énoncé d'ensemble", "reporté d'une année"):
        assert label.replace("'", "&#x27;").encode() in picture.data or label.encode() in picture.data


def test_a_year_map_counts_its_less_firm_modes(kb: KnowledgeBase) -> None:
    picture = draw_map(kb, "SI", 2017, fmt="svg", dpi=DPI)
    assert "mode connu pour 7 (dont 6 moins sûrs".encode() in picture.data


def test_communication_has_no_map_its_actions_make_one_block(kb: KnowledgeBase) -> None:
    picture = draw_map(kb, "COM", 2017, dpi=DPI)
    assert len(picture.cells) == 9
    assert near(dominant_color(picture, ("com.sites-web-matrice-commune", 2017)), hex_to_rgb(MODE_COLORS["H"]))


def test_svg_too(kb: KnowledgeBase) -> None:
    picture = draw_map(kb, "SI", 2021, fmt="svg", dpi=DPI)
    assert picture.filename == "si-2021.svg"
    assert b"<svg" in picture.data[:500]


def test_drawing_is_deterministic(kb: KnowledgeBase, rh_2017: MapPicture) -> None:
    assert draw_map(kb, "RH", 2017, dpi=DPI).data == rh_2017.data


@pytest.mark.parametrize(
    ("function", "year", "message"),
    [
        ("XYZ", 2017, "Fonction inconnue : « XYZ »"),
        ("RH", 2019, "Pas de carte 2019 dans le SROM"),
        ("COM", 2021, "n'a ni activité ni action pour 2021"),
    ],
)
def test_maps_that_do_not_exist_are_refused_in_french(
    kb: KnowledgeBase, function: str, year: int, message: str
) -> None:
    with pytest.raises(MapError, match=message):
        draw_map(kb, function, year, dpi=DPI)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("RH", "RH"),
        ("rh", "RH"),
        ("Ressources Humaines", "RH"),
        ("finances", "FIN"),
        ("systèmes d'information", "SI"),
        ("systemes d information", "SI"),
        ("juridique", "JUR"),
        ("communication", "COM"),
        ("xyz", None),
        ("", None),
    ],
)
def test_functions_are_found_by_code_or_name(kb: KnowledgeBase, name: str, expected: str | None) -> None:
    found = find_function(kb, name)
    assert (found.id if found else None) == expected


def test_long_labels_are_wrapped_to_the_box() -> None:
    label = "Analyse de besoins, élaboration de la fiche de poste, recrutement - intégration des nouveaux arrivants"
    lines = wrap(label, 260, 9.5)
    assert len(lines) > 2
    assert all(text_width(line, 9.5) <= 260 for line in lines)
    assert " ".join(lines) == label
    squeezed = wrap(label, 120, 9.5, max_lines=2)  # too long even so: cut with an ellipsis, never overflowing
    assert len(squeezed) == 2 and squeezed[-1].endswith("…")
    assert all(text_width(line, 9.5) <= 120 for line in squeezed)
