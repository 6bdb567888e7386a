"""The one policy for stored text, and storage's own guard: each refused character, at every place text is stored."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from storage import roles
from storage.commitments import InvalidCommitment, add_commitment
from storage.progress import InvalidEntry, NewEntry, record_progress
from storage.text import TextRefused, check_text, clean_name, forbidden_char, visible

REFUSED = [
    "\u202e",  # right-to-left override
    "\u202a",
    "\u2066",
    "\u2069",
    "\u200e",  # left-to-right mark
    "\u200f",
    "\u061c",  # Arabic letter mark
    "\ufeff",  # byte order mark / zero-width no-break space
    "\u200b",  # zero-width space
    "\u200c",  # zero-width non-joiner
    "\u200d",  # zero-width joiner
    "\u2060",  # word joiner
    "\u0600",  # Arabic number sign
    "\u0601",
    "\u0602",
    "\u0605",
    "\u00ad",  # soft hyphen
    "\x00",
    "\x07",
    "\x1b",
    "\x7f",
    "\x85",
    "\u2028",  # line separator
    "\ue000",  # private use
]


@pytest.mark.parametrize("char", REFUSED)
def test_control_bidi_and_invisible_characters_are_refused_with_their_name(char: str) -> None:
    with pytest.raises(TextRefused) as refused:
        check_text(f"accord{char}GPEC", "Le commentaire")
    assert f"U+{ord(char):04X}" in refused.value.message
    assert refused.value.message.startswith("Le commentaire contient un caractère invisible")


@pytest.mark.parametrize(
    "text", ["Café crème", "accord à 70 %", "70\u00a0%", "70\u202f%", "❤️ fini", "l’équipe", "ＲＨ"]
)
def test_ordinary_text_is_kept_nfc(text: str) -> None:
    assert check_text(text) == text


def test_text_is_normalised_to_nfc() -> None:
    assert check_text("Cafe\u0301 ") == "Café"


def test_newline_and_tab_only_where_multiline() -> None:
    assert forbidden_char("a\nb", multiline=True) is None
    assert forbidden_char("a\nb") == "\n"


def test_names_from_slack_are_cleaned_not_refused_and_audit_details_keep_a_mark() -> None:
    assert clean_name("mar\u202eie\u200b") == "marie"
    assert clean_name("\u200b") is None
    assert visible("a\u202eb") == "a\ufffdb"


@pytest.mark.parametrize("char", ["\u202e", "\ufeff", "\u200d", "\u0601"])
def test_storage_refuses_them_by_itself_in_comments_titles_names_and_ccis(db: Database, char: str) -> None:
    entry = NewEntry("RH-1", "en_cours", 10, f"ok{char}", "U1", "u1", "cli", f"k{ord(char)}")
    with pytest.raises(InvalidEntry):
        record_progress(db, entry)
    with pytest.raises(InvalidEntry):
        record_progress(db, NewEntry("RH-1", "en_cours", 10, "ok", "U1", f"na{char}me", "cli", f"n{ord(char)}"))
    with pytest.raises(InvalidCommitment):
        add_commitment(db, "UADMIN", "RH-9", "RH", f"Former{char} les managers")
    with pytest.raises(roles.RoleError):
        roles.grant(db, "UADMIN", "U2", "referent", "RH", f"CCI{char} Vendée")
    assert db.execute("SELECT COUNT(*) FROM progress").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM commitments WHERE id = 'RH-9'").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM roles").fetchone()[0] == 0


@pytest.mark.parametrize(("status", "percent"), [("atteint", 50), ("non_demarre", 80), ("en_cours", 100)])
def test_storage_refuses_a_status_and_a_percent_that_contradict_each_other(db: Database, status, percent) -> None:
    with pytest.raises(InvalidEntry):
        record_progress(db, NewEntry("RH-1", status, percent, "x", "U1", "u1", "cli", "k"))
    assert db.execute("SELECT COUNT(*) FROM progress").fetchone()[0] == 0
