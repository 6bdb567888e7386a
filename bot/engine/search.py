"""Full-text search over the narrative's passages: BM25 ranking of prefix queries, accent-insensitive, as SQLite's
FTS5 ranks them (its formula and constants), from an index of the hundred or so passages built at load."""

from __future__ import annotations

import bisect
import functools
import math
import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.engine.normalize import STOPWORDS_EN, STOPWORDS_FR, tokenize
from srom_data.models import KnowledgeBase, Passage
from srom_data.text import canonical_quote, fold

# An English word is read as a French word of the text spelt nearly as it, from five letters on
COGNATE_LEN = 5
COGNATE_SIM = 80.0
NEAR = 12  # words: how close a passage holds the words of a short question when it is about them
# FTS5's bm25(): its constants k1 and b, and the least IDF it gives a word more than half the passages hold
K1, B = 1.2, 0.75
MIN_IDF = 1e-6
_TOKEN = re.compile(r"[a-z0-9]+")  # the words of a folded passage as SQLite's unicode61 tokenizer reads them
_LETTERS = re.compile(r"[^\W\d_]+")  # the words of a passage as the text writes them (accents, capitals)


@dataclass(frozen=True)
class SearchHit:
    passage: Passage
    score: float  # BM25, lower is better (SQLite's convention)
    matched: int  # how many distinct query words the passage holds
    share: float = 0.0  # the IDF-weighted share of the query's words the passage holds


class PassageSearch:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.passages = list(kb.passages)
        self._sequences = [tokenize(fold(canonical_quote(p.text))) for p in self.passages]
        # the ranking's index: each passage's tokens (a hyphen parts two), and per token the passages holding it
        self._tokens = [_TOKEN.findall(" ".join(words)) for words in self._sequences]
        self._postings: dict[str, dict[int, int]] = {}
        for row, tokens in enumerate(self._tokens):
            for token in tokens:
                held = self._postings.setdefault(token, {})
                held[row] = held.get(row, 0) + 1
        self._vocabulary = sorted(self._postings)
        self._avgdl = sum(map(len, self._tokens)) / max(len(self._tokens), 1)
        self._bm25: dict[str, dict[int, float]] = {}
        self._folded = [set(words) for words in self._sequences]
        self._row = {id(p): i for i, p in enumerate(self.passages)}
        self._in: dict[str, set[int]] = {}
        for i, words in enumerate(self._folded):
            for w in words:
                self._in.setdefault(w, set()).add(i)
        self._words = sorted(self._in)
        self._n = max(len(self.passages), 1)
        self._weights: dict[str, float] = {}
        self._held: dict[str, frozenset[int]] = {}
        self._cognates: dict[str, str | None] = {}
        # the words the text always writes with a capital: names ("Dinamic", "SIRH"), not a sentence's first word
        written: dict[str, str] = {}  # per folded word, as the text writes it; "" once written small
        for p in self.passages:
            for word in _LETTERS.findall(canonical_quote(p.text)):
                folded = fold(word)
                written[folded] = word if written.get(folded, word) and word[0].isupper() else ""
        self._names = {w: spelt for w, spelt in written.items() if spelt}
        # the weight of a word one passage in ten holds: a telling word is rarer than that
        self._rare = math.log((self._n + 1) / (self._n / 10 + 0.5))

    def __getstate__(self) -> dict[str, object]:
        """Pickled (a built engine is cached between runs) without the rows by object id, which name this process's
        objects only: they are counted again on loading."""
        return {k: v for k, v in vars(self).items() if k != "_row"}

    def __setstate__(self, state: dict[str, object]) -> None:
        vars(self).update(state)
        self._row = {id(p): i for i, p in enumerate(self.passages)}

    def _holding(self, stem: str) -> frozenset[int]:
        """The passages holding a word that starts with the stem (memoised: the index never changes, and the
        telling-word checks ask again for each passage they weigh)."""
        found = self._held.get(stem)
        if found is None:
            rows: set[int] = set()
            i = bisect.bisect_left(self._words, stem)
            while i < len(self._words) and self._words[i].startswith(stem):
                rows |= self._in[self._words[i]]
                i += 1
            if len(self._held) > 20_000:
                self._held.clear()
            found = self._held[stem] = frozenset(rows)
        return found

    def cognate(self, word: str) -> str | None:
        """The narrative's French word an English word unknown to it is spelt nearly as ("resources" is
        "ressources", "external" "externes"): the nearest word of the passages, of the same first three letters
        (memoised: the index never changes)."""
        if word not in self._cognates:
            found = None
            if len(word) >= COGNATE_LEN and not self.known(word):
                start = bisect.bisect_left(self._words, word[:3])
                end = bisect.bisect_left(self._words, word[:3] + "{")
                best = process.extractOne(word, self._words[start:end], scorer=fuzz.ratio, score_cutoff=COGNATE_SIM)
                found = best[0] if best else None
            if len(self._cognates) > 20_000:
                self._cognates.clear()
            self._cognates[word] = found
        return self._cognates[word]

    def known(self, word: str) -> bool:
        """Whether some passage holds the word (or a longer word of its stem)."""
        return bool(self._holding(_stem(word)))

    def telling(self, words: list[str]) -> bool:
        """Some word of these the narrative knows is rarer than one passage in ten (a topic, not "régional")."""
        return any(self._holding(s) and self.weight(s) >= self._rare for s in (_stem(w) for w in words if len(w) >= 3))

    def holds_telling(self, hit: SearchHit, words: list[str], floor: float = 0.6) -> bool:
        """The passage holds the question's telling words: at least `floor` of the IDF weight of the words the
        narrative knows, including the rarest of them ("norme 4.9 dont parle le SROM": "norme", not "parle")."""
        row = self._row.get(id(hit.passage))
        stems = [_stem(w) for w in dict.fromkeys(words) if len(w) >= 3]
        known = [s for s in stems if self._holding(s)]
        if row is None or not known:
            return False
        weights = {s: self.weight(s) for s in known}
        held = [s for s in known if row in self._holding(s)]
        rarest = max(known, key=lambda s: (weights[s], s))
        if weights[rarest] < self._rare:  # "au niveau régional": words every other passage holds tell nothing
            return False
        return rarest in held and sum(weights[s] for s in held) >= floor * sum(weights.values())

    def holds_word(self, passage: Passage, word: str) -> bool:
        """The passage holds the word itself, or its plural or singular (not a longer word of its stem: "car" is no
        "cartographies")."""
        row = self._row.get(id(passage))
        words = self._folded[row] if row is not None else set()
        return word in words or f"{word}s" in words or (word.endswith("s") and word[:-1] in words)

    def passages_holding(self, word: str) -> int:
        """How many passages hold the word itself."""
        return len(self._in.get(word, ()))

    def written_as_name(self, word: str) -> str | None:
        """The word as the text writes it, if always with a capital ("Dinamic", "SIRH", "Réduire" at a sentence's
        start)."""
        return self._names.get(word)

    def weight(self, stem: str) -> float:
        """How telling a word is: rare in the narrative weighs more; absent from it, the most (a question made
        of words the SROM never uses is about something else)."""
        if stem not in self._weights:
            df = len(self._holding(stem))
            self._weights[stem] = math.log((self._n + 1) / (df + 0.5)) if df else math.log(self._n + 1) + 1.0
        return self._weights[stem]

    def search(self, words: list[str], limit: int = 3) -> list[SearchHit]:
        terms = [w for w in dict.fromkeys(words) if len(w) >= 3 and w not in STOPWORDS_FR and w not in STOPWORDS_EN]
        if not terms:
            return []
        # A prefix query on a light stem finds "harmonise" for "harmonisation" and plurals.
        stems = [_stem(t) for t in terms]
        rows = self._ranked(stems)[: limit * 3]
        weights = {stem: self.weight(stem) for stem in stems}
        total = sum(weights.values()) or 1.0
        holding = {stem: self._holding(stem) for stem in stems}
        hits = []
        exact: dict[int, int] = {}
        forms = [(t, f"{t}s", t.rstrip("s")) for t in terms]  # each term, its plural, its singular
        for rowid, score in rows:
            found = [stem for stem in stems if rowid in holding[stem]]
            hits.append(SearchHit(self.passages[rowid], score, len(found), sum(weights[f] for f in found) / total))
            # the word itself (or its plural) beats a longer word sharing its stem ("centrale" over "centraliser")
            words = self._folded[rowid]
            exact[id(hits[-1])] = sum(1 for t, ts, t_ in forms if t in words or ts in words or t_ in words)
        hits.sort(key=lambda h: (-h.matched, -exact[id(h)], h.score))
        return hits[:limit]

    def _ranked(self, stems: list[str]) -> list[tuple[int, float]]:
        """The passages holding a word that starts with one of the stems, best first, with their BM25 score (lower
        is better): what FTS5 returns for the query `"stem1"* OR "stem2"* …` ordered by bm25(), to the last bit and
        in the same order (a tie by rowid)."""
        terms = [self._bm25_terms(stem) for stem in stems]
        scored = []
        for row in sorted(set().union(*terms)):
            score = 0.0
            for term in terms:  # summed in the query's order, as FTS5 sums them
                score += term.get(row, 0.0)
            scored.append((row, -1.0 * score))
        return sorted(scored, key=lambda rs: rs[1])

    def _bm25_terms(self, stem: str) -> dict[int, float]:
        """Per passage holding it, the BM25 term of the prefix phrase `"stem"*` (its words in a row, the last one
        a prefix), computed as FTS5's bm25() does. Memoised: the passages never change."""
        found = self._bm25.get(stem)
        if found is None:
            freq = self._phrase_counts(_TOKEN.findall(fold(stem)))
            idf = math.log((len(self._tokens) - len(freq) + 0.5) / (len(freq) + 0.5))
            idf = idf if idf > 0.0 else MIN_IDF
            found = {
                row: idf * ((f * (K1 + 1.0)) / (f + K1 * (1 - B + B * len(self._tokens[row]) / self._avgdl)))
                for row, f in freq.items()
            }
            if len(self._bm25) > 20_000:
                self._bm25.clear()
            self._bm25[stem] = found
        return found

    def _phrase_counts(self, phrase: list[str]) -> dict[int, int]:
        """Per passage, how many times it holds the phrase: its words in a row, the last one as a prefix."""
        if not phrase:
            return {}
        *whole, prefix = phrase
        counts: dict[int, int] = {}
        i = bisect.bisect_left(self._vocabulary, prefix)
        while i < len(self._vocabulary) and self._vocabulary[i].startswith(prefix):
            for row, n in self._postings[self._vocabulary[i]].items():
                counts[row] = counts.get(row, 0) + n
            i += 1
        if not whole:
            return counts
        # a hyphenated word ("compte-rendu"): where the passages holding its last part hold its other parts before it
        found = {row: _occurrences(self._tokens[row], whole, prefix) for row in counts}
        return {row: n for row, n in found.items() if n}

    def together(self, passage: Passage, words: list[str], window: int = NEAR) -> bool:
        """The passage holds the words it holds of `words` close together (within `window` words of each other),
        as a passage about them does; words it holds far apart ("Nantes" in a list of CCIs, "temps" in "temps de
        travail" a line later) are a coincidence."""
        row = self._row.get(id(passage))
        if row is None:
            return True
        stems = [
            _stem(w) for w in dict.fromkeys(words) if len(w) >= 3 and w not in STOPWORDS_FR and w not in STOPWORDS_EN
        ]
        places = [[i for i, t in enumerate(self._sequences[row]) if t.startswith(stem)] for stem in stems]
        places = [p for p in places if p]
        if len(places) < 2:
            return True
        first, *others = places
        return any(all(any(abs(i - j) <= window for j in other) for other in others) for i in first)


def _occurrences(tokens: list[str], whole: list[str], prefix: str) -> int:
    """How many times the words `whole`, then a word starting with `prefix`, follow each other in `tokens`."""
    size = len(whole)
    return sum(1 for k in range(size, len(tokens)) if tokens[k].startswith(prefix) and tokens[k - size : k] == whole)


@functools.lru_cache(maxsize=8192)  # a pure function of one word, asked for every word of every search
def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ements", "ement", "iques", "ique", "ics", "ic", "ees", "es", "ee", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word
