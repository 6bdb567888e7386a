"""The passages' ranking is SQLite FTS5's: the same passages, the same BM25 scores to the last bit, the same order."""

from __future__ import annotations

import sqlite3

import pytest

from bot.engine import Engine
from bot.engine.search import PassageSearch


@pytest.fixture(scope="module")
def fts(engine: Engine) -> sqlite3.Connection:
    """The passages in an FTS5 table, as the engine indexed them before it ranked them itself."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE p USING fts5(body, tokenize='unicode61 remove_diacritics 2')")
    db.executemany(
        "INSERT INTO p(rowid, body) VALUES (?, ?)",
        [(i, " ".join(words)) for i, words in enumerate(engine.search._sequences)],
    )
    return db


def ranked_by_fts(db: sqlite3.Connection, stems: list[str], limit: int) -> list[tuple[int, float]]:
    query = " OR ".join(f'"{stem}"*' for stem in stems)
    sql = "SELECT rowid, bm25(p) FROM p WHERE p MATCH ? ORDER BY bm25(p) LIMIT ?"
    return db.execute(sql, (query, limit)).fetchall()


@pytest.mark.parametrize(
    "stems",
    [
        ["paie"],
        ["gestion", "paie"],
        ["harmonis", "achat", "marche"],
        ["activit", "activit"],  # a stem twice counts twice, as in the FTS5 query
        ["compte-rendu"],  # a hyphenated word: its parts in a row
        ["2017", "cci"],
        ["zzzz"],  # in no passage
    ],
)
def test_ranking_is_fts5s(engine: Engine, fts: sqlite3.Connection, stems: list[str]) -> None:
    assert engine.search._ranked(stems) == ranked_by_fts(fts, stems, 1000)


def test_every_word_of_the_passages_ranks_as_in_fts5(engine: Engine, fts: sqlite3.Connection) -> None:
    search: PassageSearch = engine.search
    words = sorted({w for words in search._sequences for w in words})
    for i, word in enumerate(words):
        stems = [word[:4], word, words[i - 1]]
        assert search._ranked(stems)[:9] == ranked_by_fts(fts, stems, 9), stems


@pytest.mark.parametrize(
    ("word", "french"),
    [("resources", "ressources"), ("chambers", "chambres"), ("committee", "comite"), ("members", "membres")],
)
def test_an_english_word_is_read_as_the_french_word_of_the_text_spelt_nearly_as_it(engine, word: str, french: str):
    assert engine.search.cognate(word) == french


@pytest.mark.parametrize("word", ["themes", "audit", "outside", "pay", "software"])
def test_a_word_the_text_holds_or_near_none_of_its_words_has_no_cognate(engine, word: str):
    assert engine.search.cognate(word) is None


def test_an_english_question_finds_the_passage_its_cognates_hold(engine):
    a = engine.answer("why is the SROM considering outside resources for IT by 2021?")
    assert a.intent == "fallback_search"
    assert any("ressources externes" in s.quote for s in a.sources)
