"""Read a question's words as the SROM's words: the lexicon's shortenings and chat spellings, Snowball stems
("mod" is "mode", "pai" is "paie"), glued words ("kiarbitr") and typos corrected against the domain's own
vocabulary (the source text, the knowledge base's names, the engine's cue words).

Only words the vocabulary does not know are touched, so a correct question is never bent; nor is a French word
the SROM happens not to use ("parle" stays "parle", never "parlement"; "signe" never the English cue "sign"):
simplemma's French dictionary says which words are French (its plain words are read from the cache folder, see
dictionary.py; loaded on first need, or by `warm()`); its English one keeps an English word of an English question
("tracking" is not "training").
"""

from __future__ import annotations

import bisect
import re
import string
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import Stemmer
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.engine import dictionary
from srom_data.entities import iter_entities
from srom_data.models import KnowledgeBase
from srom_data.text import fold, key

_WORD = re.compile(r"[a-z]+")
_LETTERS = bytes(c if chr(c) in string.ascii_lowercase else 32 for c in range(256))  # the others: spaces
# A word of a question, but not the letters of a commitment id ("GOUV-1", "rh 2" stay as written; "nrome 4.9" is
# no id: an id's letters are four at most)
_QUESTION_WORD = re.compile(r"[a-z]{5,}(?![a-z]|-?\d)|[a-z]{1,4}(?![a-z]|-?\d|\s\d{1,2}\b)")
_FR = Stemmer.Stemmer("french")
_EN = Stemmer.Stemmer("english")
MIN_STEM_LEN = 3  # "pai" -> "paie", but never a two-letter word
MIN_FUZZY_LEN = 5
MIN_FRENCH_LEN = 4  # "pai", "mod" are the SROM's words cut short, not the French "pai" or "mod"


def stem_fr(word: str) -> str:
    return _FR.stemWord(word)


def stem_en(word: str) -> str:
    return _EN.stemWord(word)


class Speller:
    """Built once per engine. `rewrite(text)` returns the folded text with unknown words replaced."""

    def __init__(self, kb: KnowledgeBase, extra_words: Iterable[str] = (), stems: Iterable[str] = ()) -> None:
        counts: Counter[str] = Counter(_WORD.findall(fold(kb.source_text)))
        named: Counter[str] = Counter()
        for ent in iter_entities(kb):
            for name in ent.names:
                named.update(_WORD.findall(key(name)))
        counts.update(named)
        self._named = sorted(named)  # the names' words: a truncation of one is the matcher's to read
        self._named_set = frozenset(named)
        cue_words = {w for w in extra_words if w.isalpha()}
        for word in sorted(cue_words):  # sorted: the same vocabulary order, whatever the hash seed
            counts[word] += 1
        lexicon = kb.lexicon
        self.replacements: dict[str, str] = {**lexicon.abbreviations, **lexicon.spellings}
        self.spellings = dict(lexicon.spellings)
        self.abbreviations = dict(lexicon.abbreviations)
        for value in self.replacements.values():
            counts.update(_WORD.findall(value))
        self.counts = counts
        self.known = frozenset(w for w in counts if len(w) > 1)
        # per language, the words read as written: known, or shorter than MIN_STEM_LEN, and no lexicon entry; and
        # those found so since (a French word the SROM does not use): a question of them only is not split again
        short = (a + b for a in string.ascii_lowercase for b in ("", *string.ascii_lowercase))
        as_written = frozenset(w for w in (*self.known, *short) if w not in self.replacements)
        self._as_written = {"fr": set(as_written), "en": set(as_written)}
        by_stem: dict[str, list[str]] = {}
        for word, _ in counts.most_common():
            if len(word) >= MIN_STEM_LEN:
                by_stem.setdefault(stem_fr(word), []).append(word)
        self.by_stem = by_stem
        # Typos are corrected here only toward the words that shape a question ("arbitre", "harmonise"): names
        # get their own typo tolerance in the entity matcher, and an ordinary word ("salle") is no typo of a name.
        # ... and toward the lexicon's own shortenings ("comtpa" is "compta")
        shortenings = {w for w in self.abbreviations if w.isalpha()}
        self._fuzzy = sorted(w for w in cue_words | shortenings if len(w) >= MIN_FUZZY_LEN - 1)
        self._cues5 = sorted(w for w in cue_words if len(w) == MIN_FUZZY_LEN)
        self._stems = sorted({w for w in stems if len(w) >= MIN_FUZZY_LEN})  # "arbitr…": a cue read with any ending
        self._vocabulary = sorted(w for w in self.known if len(w) >= MIN_FUZZY_LEN - 1)
        self._memoize()

    def _memoize(self) -> None:
        self.word = lru_cache(maxsize=8192)(self._word)
        self.word_en = lru_cache(maxsize=8192)(self._word_en)

    def __getstate__(self) -> dict[str, object]:
        """Pickled without its memos (a built engine is cached between runs): they are filled again by use."""
        return {k: v for k, v in vars(self).items() if k not in ("word", "word_en")}

    def __setstate__(self, state: dict[str, object]) -> None:
        vars(self).update(state)
        self._memoize()

    def rewrite(self, text: str, lang: str = "fr") -> str:
        """English keeps its own inflections ("arbitrates"): only the lexicon and typos apply to it."""
        as_written = self._as_written["fr" if lang == "fr" else "en"]
        # most questions: every run of letters read as written (the words respelled are some of those runs)
        if text.isascii() and as_written.issuperset(text.encode("ascii").translate(_LETTERS).decode("ascii").split()):
            return text
        words = _QUESTION_WORD.findall(text)
        if as_written.issuperset(words):
            return text
        word = self.word if lang == "fr" else self.word_en
        if len(as_written) < 100_000:
            as_written.update(w for w in words if word(w) == w)
        return _QUESTION_WORD.sub(lambda m: word(m.group(0)), text)

    def warm(self) -> None:
        """Load the French and English dictionaries now rather than at the first question that needs them."""
        in_dictionary("mode", "fr")
        in_dictionary("mode", "en")

    def _word(self, word: str) -> str:
        if word in self.replacements:
            return self.replacements[word]
        if (
            len(word) > 3 and word[-1] == "s" and word[:-1] in self.abbreviations
        ):  # "les entretiens pros": the plural of a shortening
            return self.abbreviations[word[:-1]]
        if word in self.known or len(word) < MIN_STEM_LEN:
            return word
        if len(word) >= MIN_FRENCH_LEN and in_dictionary(word, "fr"):
            return word
        found = self._stem(word)
        if found:
            # "compta assoc": a name's word cut short ("association"), not another word of its stem ("associés")
            cut = len(word) >= MIN_FUZZY_LEN and found not in self._named_set and self._truncates_a_name(word)
            return word if cut else found
        # "commex", "comitté", "comppta", "processs": a letter typed twice (one of the doubles, or all of them)
        doubled = [m.start() for m in _DOUBLED.finditer(word)]
        for single in (*(word[:i] + word[i + 1 :] for i in doubled), _DOUBLED.sub(r"\1", word) if doubled else word):
            if single != word and (single in self.known or single in self.replacements):
                return self.replacements.get(single, single)
        if len(word) >= 6:
            glued = self._split(word)
            if glued:
                return glued
        if len(word) >= MIN_FUZZY_LEN:
            fixed = self._typo(word) or self._text_typo(word)
            return self.replacements.get(fixed, fixed) if fixed else self._stem_typo(word) or word
        if len(word) == MIN_FUZZY_LEN - 1:  # "cate": a cue word of five letters with one typed short
            # one edit between four letters and five is one letter left out
            longer = [w for w in self._cues5 if w[0] == word[0] and OSA.distance(w, word) == 1]
            # or two letters swapped in a word of the text ("amao" is the AMOA)
            return longer[0] if len(longer) == 1 else self._text_typo(word) or word
        return word

    def _truncates_a_name(self, word: str) -> bool:
        i = bisect.bisect_left(self._named, word)
        return i < len(self._named) and self._named[i].startswith(word) and self._named[i] != word

    def _text_typo(self, word: str) -> str | None:
        """A long word that is no French word, one edit from one word of the text ("matricelle"): that word; a
        shorter one, only two letters swapped ("nrome" is "norme"). The narrative is searched with the question's
        words, and a typo there finds nothing."""
        found = process.extract(word, self._vocabulary, scorer=OSA.distance, score_cutoff=1, limit=3)
        found = [w for w, _, _ in found if w[0] == word[0]]
        if len(word) < MIN_TEXT_TYPO_LEN:
            found = [w for w in found if len(w) == len(word) and sorted(w) == sorted(word)]
        return found[0] if len(found) == 1 else None

    def _stem_typo(self, word: str) -> str | None:
        """A word one edit from a cue's stem in its first letters, its ending kept ("arbirte", "aritre": the
        "arbitr…" of "qui arbitre"); only one such stem."""
        found: dict[str, int] = {}  # each reading, and how far its cut is from the stem's length
        for stem in self._stems:
            if stem[0] != word[0] or len(word) < len(stem):
                continue
            for cut in (len(stem), len(stem) - 1, len(stem) + 1):  # a letter swapped or changed, dropped, added
                if 0 < len(word) - cut <= 4 and OSA.distance(word[:cut], stem) == 1:
                    found.setdefault(stem + word[cut:], abs(cut - len(stem)))
        best = [w for w, off in found.items() if off == min(found.values())]
        return best[0] if len(best) == 1 else None

    def rewrite_name(self, name: str) -> str:
        """A knowledge-base name read with the lexicon only (a name is spelt right)."""
        return _WORD.sub(lambda m: self.abbreviations.get(m.group(0), m.group(0)), name)

    def _word_en(self, word: str) -> str:
        if word in self.replacements:
            return self.replacements[word]
        if word in self.known or len(word) < MIN_FUZZY_LEN or stem_en(word) in self.known:
            return word
        if in_dictionary(word, "en"):  # "tracking" is an English word, not a typo of "training"
            return word
        # "audti": the text's "audit", two letters swapped; "thnks": a cue's typo from five letters on
        typo = self._typo(word, french=False) or self._text_typo(word)
        return self.replacements.get(typo, typo) if typo else word

    def _stem(self, word: str) -> str | None:
        """The word of the same stem closest in spelling ("mod" is "mode", not "modes"), then the most frequent."""
        words = self.by_stem.get(stem_fr(word))
        return min(words, key=lambda w: (OSA.distance(word, w), -self.counts[w], w)) if words else None

    def _split(self, word: str) -> str | None:
        """Two words written as one ("kiarbitr"): both halves must be words of the vocabulary."""
        for i in range(2, min(6, len(word) - 3)):
            left, right = word[:i], word[i:]
            left = self.spellings.get(left)  # "ki", "kel", "koi": chat spellings glue to the next word
            right = right if right in self.known else self._stem(right)
            if left and right:
                return f"{left} {right}"
        return None

    def _typo(self, word: str, french: bool = True) -> str | None:
        """The most frequent vocabulary word one edit away (two for long words)."""
        limit = 1 if len(word) < 8 else 2
        found = process.extract(word, self._fuzzy, scorer=OSA.distance, score_cutoff=limit, limit=8)
        if not found:
            return None
        found = [(w, d) for w, d, _ in found if w[0] == word[0]]  # a typo seldom starts the word
        if not found:
            return None
        best = min(d for _, d in found)
        if best > 1 and process.extractOne(word, self._vocabulary, scorer=OSA.distance, score_cutoff=best - 1):
            # "formtion" is one edit from the name "formation", two from the cue "fonction": left for the matcher,
            # which reads names with their own typo tolerance
            return None
        fixed = min((w for w, d in found if d == best), key=lambda w: (-self.counts[w], w))
        if french and not in_dictionary(fixed, "fr") and self._french_as_near(word, fixed, best):
            return None  # "recrutment" is the text's "recrutement" as much as the cue "recruitment": French first
        return fixed

    def _french_as_near(self, word: str, fixed: str, distance: int) -> bool:
        near = process.extract(word, self._vocabulary, scorer=OSA.distance, score_cutoff=distance, limit=4)
        return any(w != fixed and w[0] == word[0] and in_dictionary(w, "fr") for w, _, _ in near)


MIN_TEXT_TYPO_LEN = 8  # shorter words have too many neighbours one edit away
_DOUBLED = re.compile(r"([a-z])\1")


@lru_cache(maxsize=16384)
def in_dictionary(word: str, lang: str) -> bool:
    """Whether a folded word is a word form of that language (simplemma's dictionary, accents or not)."""
    return dictionary.is_known(word, lang)
