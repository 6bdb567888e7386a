"""The dictionaries' plain words, listed once and kept in the cache folder, answer exactly as simplemma does."""

from __future__ import annotations

import random
import re
import string
from pathlib import Path

import pytest
import simplemma
import yaml

from bot.engine import dictionary
from bot.engine.dictionary import WordList
from srom_data.text import fold

HERE = Path(__file__).parent


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("SROM_CACHE_DIR", str(folder))
    dictionary._word_list.cache_clear()
    yield folder
    dictionary._word_list.cache_clear()


def test_a_word_list_finds_its_words_only():
    words = WordList(["mode", "paie", "arbitre", "a", "mode", "zèbre-2"])
    assert len(words) == 5
    assert [words[i] for i in range(len(words))] == ["a", "arbitre", "mode", "paie", "zèbre-2"]
    assert all(w in words for w in ("a", "arbitre", "mode", "paie", "zèbre-2"))
    assert not any(w in words for w in ("", "ar", "arbitres", "mod", "zzz", "0"))
    assert "x" not in WordList([])


def question_words() -> set[str]:
    words: set[str] = set()
    for path in sorted(HERE.glob("questions*.yaml")):
        for case in yaml.safe_load(path.read_text("utf-8")):
            words.update(re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", fold(case["q"])))
    return words


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_cached_list_answers_as_simplemma(cache_dir, lang):
    rnd = random.Random(7)
    forms = sorted(dictionary.plain_forms(lang))
    samples = set(rnd.sample(forms, 3000)) | question_words()
    samples |= {w.capitalize() for w in list(samples)[:500]} | {"d'accord", "été", "l'été", "rôle"}  # not plain
    samples |= {
        "".join(rnd.choice(string.ascii_lowercase + "-0") for _ in range(rnd.randint(1, 9))) for _ in range(3000)
    }
    assert [dictionary.is_known(w, lang) for w in sorted(samples)] == [
        bool(simplemma.is_known(w, lang=lang)) for w in sorted(samples)
    ]
    assert len(list(cache_dir.glob(f"words-{lang}-*.pickle"))) == 1


def test_a_corrupt_list_is_built_again(cache_dir):
    assert dictionary.is_known("parlement", "fr")
    [copy] = cache_dir.glob("words-fr-*.pickle")
    copy.write_bytes(b"not a pickle")
    dictionary._word_list.cache_clear()
    assert dictionary.is_known("parlement", "fr") and not dictionary.is_known("parlementt", "fr")
    assert isinstance(dictionary._word_list("fr"), WordList)


def test_no_list_when_the_cache_is_off(cache_dir, monkeypatch):
    monkeypatch.setenv("SROM_CACHE_DIR", "off")
    assert dictionary.is_known("parlement", "fr")
    assert dictionary._word_list("fr") is None
    assert not cache_dir.exists()
