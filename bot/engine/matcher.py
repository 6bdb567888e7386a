"""Find the entities a question names: exact aliases, Snowball stems, prefixes and typos (rapidfuzz).

Each alias is reduced to its content words; a question's content words are matched to the alias vocabulary
(exact, same stem, prefix of an abbreviation, or a typo for words of five letters or more) and every alias is scored
by the IDF-weighted share of its words the question covers. Short words match only exactly, so "si" or "ag" never
come from a typo.
"""

from __future__ import annotations

import bisect
import functools
import math
from collections import defaultdict
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.engine.normalize import QUESTION_WORDS, STOPWORDS_EN, STOPWORDS_FR, says_the_state, tokenize
from bot.engine.spelling import in_dictionary, stem_en, stem_fr
from srom_data.entities import Entity, iter_entities
from srom_data.models import KnowledgeBase
from srom_data.text import key

MIN_FUZZY_LEN = 5
FUZZY_CUTOFF = 84.0
# An everyday word for a name's word ("embaucher" for "recrutement") is near it, not the word itself: a name said
# in its own words wins over one said in everyday words
EVERYDAY_SIM = 0.85
RARE_IDF = 5.5  # 1 + ln(entities / 2): a word of two entities' names at most
# A word of no dictionary one swap or one letter from a name's word ("piolte", "nrome"): the ratio above counts a swap
# as two edits, and a letter changed in a short word as too many; a typo all the same, read just above the cutoff
TYPO_SIM = 0.85
# A word sharing a long root with a name's word, differing only in its last letter and the ending after it
KIN_PREFIX = 8
KIN_SIM = 0.85


@dataclass(frozen=True)
class Alias:
    entity: str  # entity id, or "?<alias>" for a declared ambiguous alias
    name: str
    tokens: tuple[str, ...]
    targets: tuple[str, ...] = ()


class _WordReading(NamedTuple):
    expanded: dict[str, float]  # the names' words it may stand for, with a similarity
    weight: float  # the IDF weight of the best of them
    covers: tuple[tuple[int, float], ...]  # per alias holding one of them, the weight it brings (one per word held)
    explains: tuple[str, ...]  # the entities a rare word of whose names it stands for


class Hit(NamedTuple):
    """A name matched. A named tuple, not a frozen dataclass: as immutable, and built several times faster (a
    question makes a dozen in the matcher, as many again when they are rescored)."""

    entity: str
    score: float  # share of the alias covered, 0..1
    weight: float  # covered IDF weight: longer, rarer aliases weigh more
    alias: str
    targets: tuple[str, ...] = ()
    used: frozenset[str] = frozenset()  # question words that matched
    said: frozenset[str] = frozenset()  # with the words of its other names said whole besides
    explained: frozenset[str] = frozenset()  # the question words a rare word of any of its names stands for

    @property
    def ambiguous(self) -> bool:
        return bool(self.targets)


def content_tokens(text: str, name: bool = False) -> tuple[str, ...]:
    """The words of a text that say something; of a knowledge base's `name`, "it" too (the IT, never a pronoun)."""
    words = tokenize(key(text))
    kept = tuple(w for w in words if w not in STOPWORDS_FR and w not in STOPWORDS_EN and w not in QUESTION_WORDS)
    if "etat" in words and says_the_state(text):  # "convention avec l'État": the State is a name's word
        kept += ("etat",)
    if name and "it" in words:  # "it governance" is no "governance" alone
        kept = ("it", *kept)
    return kept or tuple(words)


def _kinship(word: str, other: str, stem: str) -> float:
    """How close two words of one Snowball stem are: a plural or a feminine ("paies", "sociale") is the word itself;
    a derived word ("harmonisation", "harmonisé") is near; a short stem ("cod" of "code" and "codir") or a much
    longer word ("commune", "communication") is no kin."""
    short, long_ = sorted((word, other), key=len)
    if long_.startswith(short) and long_[len(short) :] in ("s", "x", "e", "es"):
        return 0.98
    if len(stem) < 5 or len(short) < 0.6 * len(long_):
        return 0.0
    return 0.9


class EntityMatcher:
    def __init__(self, kb: KnowledgeBase, rewrite: Callable[[str], str] | None = None) -> None:
        """`rewrite` reads names as questions are read (the lexicon's "compta" is "comptabilite" on both sides)."""
        self.entities: dict[str, Entity] = {e.id: e for e in iter_entities(kb)}
        self.everyday = dict(kb.lexicon.everyday)
        aliases: list[Alias] = []
        for ent in self.entities.values():
            seen: set[tuple[str, ...]] = set()
            for name in ent.names:
                toks = content_tokens(rewrite(key(name)) if rewrite else name, name=True)
                if toks and toks not in seen:
                    seen.add(toks)
                    aliases.append(Alias(ent.id, name, toks))
        for amb in kb.all_ambiguous_aliases():
            aliases.append(
                Alias("?" + key(amb.alias), amb.alias, content_tokens(amb.alias, name=True), tuple(amb.targets))
            )
        self.aliases = aliases
        # pairs of words that follow each other in a name ("absence management"): a compound the names know
        # a name of function words only ("faire savoir", a commitment): its pairs are read even in a question,
        # where function words are otherwise dropped
        common = STOPWORDS_FR | STOPWORDS_EN | QUESTION_WORDS
        self.common_pairs = frozenset(
            pair
            for alias in aliases
            for pair in zip(alias.tokens, alias.tokens[1:], strict=False)
            if pair[0] in common and pair[1] in common
        )
        self.bigrams = frozenset(
            pair for alias in aliases for pair in zip(alias.tokens, alias.tokens[1:], strict=False)
        )
        self.ambiguous_keys = frozenset(key(a.alias) for a in kb.all_ambiguous_aliases())
        self.by_token: dict[str, list[int]] = defaultdict(list)
        df: dict[str, set[str]] = defaultdict(set)
        for i, alias in enumerate(aliases):
            for tok in set(alias.tokens):
                self.by_token[tok].append(i)
                df[tok].add(alias.entity)
        n = max(len(self.entities), 1)
        self.idf = {tok: 1.0 + math.log(n / len(ids)) for tok, ids in df.items()}
        self.vocab = sorted(self.by_token)
        self._expanded: dict[tuple[str, str], dict[str, float]] = {}
        self._readings: dict[tuple[str, str], _WordReading | None] = {}
        self._plain = [not alias.targets for alias in aliases]  # per alias, not a declared ambiguous one
        self._parts = [(alias.tokens, alias.name, alias.targets) for alias in aliases]  # read as one tuple per hit
        # per alias, the IDF weight of all its tokens; per token, the aliases holding it with the weight it brings
        # them (IDF times its count in the alias): a question's covered weight per alias is summed over its words'
        # postings, not over every candidate's tokens
        self._totals: list[tuple[float, str]] = []  # with the alias's entity
        self._postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, alias in enumerate(aliases):
            brought: dict[str, float] = {}
            for tok in alias.tokens:
                brought[tok] = brought.get(tok, 0.0) + self.idf.get(tok, 1.0)
            self._totals.append((sum(brought.values()) or 1.0, alias.entity))
            for tok, w in brought.items():
                self._postings[tok].append((i, w))
        # Words that are a whole name by themselves ("integration" of mode I, "rh" of HR), by entity kind.
        self.whole_names: dict[str, set[str]] = defaultdict(set)
        for alias in aliases:
            if len(alias.tokens) == 1 and alias.entity in self.entities:
                self.whole_names[alias.tokens[0]].add(self.entities[alias.entity].kind)
        # per entity, the rare words of all its names (in two entities' names at most): a question word one of them
        # stands for is explained by that entity, whichever of its names the question said
        rare_of: dict[str, set[str]] = defaultdict(set)
        for alias in aliases:
            rare_of[alias.entity].update(t for t in alias.tokens if self.idf[t] >= RARE_IDF)
        rare_in: dict[str, list[str]] = defaultdict(list)  # per rare word, the entities whose names hold it
        for entity, toks in rare_of.items():
            for tok in toks:
                rare_in[tok].append(entity)
        self._rare_in = {tok: tuple(entities) for tok, entities in rare_in.items()}
        self._fuzzy_vocab = [t for t in self.vocab if len(t) >= MIN_FUZZY_LEN - 1]
        self._by_stem: dict[str, list[str]] = defaultdict(list)
        for tok in self.vocab:
            for stem in {"fr:" + stem_fr(tok), "en:" + stem_en(tok)}:
                self._by_stem[stem].append(tok)

    # -- word level ---------------------------------------------------------------------------------------------

    def expand(self, word: str, lang: str = "fr") -> dict[str, float]:
        """Vocabulary words this question word may stand for, with a similarity in 0..1. English stems only read
        an English question: "centrale" is no form of "centralized". Memoised: the vocabulary never changes."""
        found = self._expanded.get((word, lang))
        if found is None:
            if len(self._expanded) > 50_000:
                self._expanded.clear()
            found = self._expanded[(word, lang)] = self._expand(word, lang)
        return found

    def _reading(self, word: str, lang: str) -> _WordReading | None:
        """What a question word brings to the names, whatever the other words (None: it stands for no name's word).
        Memoised like `expand`."""
        found = self._readings.get((word, lang), _UNREAD)
        if found is not _UNREAD:
            return found
        if len(self._readings) > 50_000:
            self._readings.clear()
        expanded = self.expand(word, lang)
        reading = None
        if expanded:
            idf, postings = self.idf, self._postings
            weight = 0.0
            explains: dict[str, None] = {}
            for tok in expanded:
                weight = max(weight, idf.get(tok, 1.0) * expanded[tok])
                explains.update(dict.fromkeys(self._rare_in.get(tok, ())))
            covers = tuple((i, w * sim) for tok, sim in expanded.items() for i, w in postings.get(tok, ()))
            reading = _WordReading(expanded, weight, covers, tuple(explains))
        self._readings[(word, lang)] = reading
        return reading

    def _expand(self, word: str, lang: str) -> dict[str, float]:
        out: dict[str, float] = {}
        if word in self.by_token:
            out[word] = 1.0
        stems = [stem_fr(word)] + ([stem_en(word)] if lang == "en" else [])
        for prefix, stem in zip(("fr:", "en:"), stems, strict=False):
            for tok in self._by_stem.get(prefix + stem, ()):
                sim = _kinship(word, tok, stem)
                if sim and sim > out.get(tok, 0.0):
                    out[tok] = sim
        # Chat truncations: "tréso", "mutu", "déclas" (a plural s on a truncation is dropped).
        forms = {word} if word in self.by_token else {word, word[:-1] if len(word) > 3 and word[-1] in "sx" else word}
        for stem in forms:  # a known word ("temps") is no truncation of a longer one ("templates")
            if len(stem) < 4:
                continue
            # A known word only takes its inflections ("social" -> "sociales"), not longer words ("paie" is not
            # "paiements"); an unknown one may be a truncation.
            longest = len(stem) + 2 if stem in self.by_token else len(stem) / 0.3
            for tok in self._starting_with(stem):
                if tok != stem and len(tok) <= longest:
                    out.setdefault(tok, 0.9)
        if len(word) >= KIN_PREFIX + 1:
            # a derived word of a long shared root: "candidate" and "candidatures", "centraliser" and
            # "centralisation" (their Snowball stems differ): eight letters in common, all but the last of the word's
            for tok in self._starting_with(word[: max(KIN_PREFIX, len(word) - 1)]):
                out.setdefault(tok, KIN_SIM)
        for form in forms:  # "panne" is the "hotline" of the names, "embauches" their "recrutement"
            near = self.everyday.get(form)
            if near in self.by_token and near not in out:
                out[near] = EVERYDAY_SIM
        if len(word) >= MIN_FUZZY_LEN and not out:
            for tok, score, _ in process.extract(
                word, self._fuzzy_vocab, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=4
            ):
                # a word that only adds a prefix to a name's word is another word: "decentralised" is the opposite
                # of "centralised", not a typo of it
                if _prefixed(word, tok) or _prefixed(tok, word):
                    continue
                out.setdefault(tok, score / 100.0)
        if len(word) >= MIN_FUZZY_LEN and not out and not in_dictionary(word, lang):
            for tok, _, _ in process.extract(word, self._fuzzy_vocab, scorer=OSA.distance, score_cutoff=1, limit=4):
                if tok[0] == word[0] and not (_prefixed(word, tok) or _prefixed(tok, word)):
                    out.setdefault(tok, TYPO_SIM)
        return out

    def _starting_with(self, prefix: str) -> Iterator[str]:
        """The vocabulary's words that start with `prefix`, in order (the vocabulary is sorted)."""
        i = bisect.bisect_left(self.vocab, prefix)
        while i < len(self.vocab) and self.vocab[i].startswith(prefix):
            yield self.vocab[i]
            i += 1

    def names_kind(self, word: str, kinds: tuple[str, ...], lang: str = "fr") -> bool:
        """Whether the word alone names an entity of these kinds ("intégration" a mode, "finances" a function)."""
        return any(
            sim >= 0.95 and any(k in kinds for k in self.whole_names.get(tok, ()))
            for tok, sim in self.expand(word, lang).items()
        )

    # -- alias level --------------------------------------------------------------------------------------------

    def match(
        self, words: list[str], lang: str = "fr", among: Container[str] | None = None
    ) -> tuple[list[Hit], dict[str, float]]:
        """Every alias the words cover, best first (one hit per entity), and the weight of each recognised word;
        `among`: only the hits of these entities (the same hits, without building the others)."""
        sims: dict[str, float] = {}  # per name's word, the best similarity of a question word to it
        said_by: dict[str, str] = {}  # ... and that question word
        word_weights: dict[str, float] = {}
        # per entity, the question words a rare word of its names stands for (whichever of its names was said)
        explained_of: dict[str, frozenset[str]] = {}
        readings: list[_WordReading] = []
        shared = False  # two question words stand for one name's word ("paie", "paies"): a rare case
        for word in dict.fromkeys(words):  # a word said twice reads the same
            reading = self._reading(word, lang)
            if reading is None:
                continue
            readings.append(reading)
            word_weights[word] = reading.weight
            for tok, sim in reading.expanded.items():
                prev = sims.get(tok)
                if prev is None:
                    sims[tok] = sim
                    said_by[tok] = word
                else:
                    shared = True
                    if prev < sim:
                        sims[tok] = sim
                        said_by[tok] = word
            for entity in reading.explains:
                explained_of[entity] = explained_of.get(entity, NONE) | {word}
        covered_of: dict[int, float] = {}
        if shared:
            postings = self._postings
            for tok, sim in sims.items():
                for i, w in postings.get(tok, ()):
                    covered_of[i] = covered_of.get(i, 0.0) + w * sim
        else:  # each name's word read from one question word: the weights it brings, summed in the same order
            for reading in readings:
                for i, w in reading.covers:
                    covered_of[i] = covered_of.get(i, 0.0) + w
        best: dict[str, tuple[float, float, int]] = {}
        whole: dict[str, list[int]] = {}
        totals, least = self._totals, LEAST_SCORE
        for i, covered in covered_of.items():
            total, entity = totals[i]
            score = covered / total
            if score < least or (among is not None and entity not in among):
                continue
            if score >= 0.95:
                whole.setdefault(entity, []).append(i)
            prev = best.get(entity)
            if prev is None or score > prev[0] or (score == prev[0] and covered > prev[1]):
                best[entity] = (score, covered, i)
        # On a tie, a declared ambiguous name wins: the data says that name needs a question back. Sorted before
        # the hits are built, on the same key (the entity breaks every tie), as plain tuples: no key function
        parts, plain = self._parts, self._plain
        ranked = sorted((-score, -covered, plain[i], entity, i) for entity, (score, covered, i) in best.items())
        hits = []
        for _, _, _, entity, i in ranked:
            score, covered, _ = best[entity]
            tokens, name, targets = parts[i]
            used = frozenset([said_by[tok] for tok in tokens if tok in said_by])
            said = used
            # another name of the entity said whole besides ("greeting cards (cartes de vœux)"), sharing no word
            for j in whole.get(entity, ()):
                other = {said_by[t] for t in parts[j][0] if t in said_by}
                if other.isdisjoint(used):
                    said = said | other
            hits.append(_hit((entity, score, covered, name, targets, used, said, explained_of.get(entity, NONE))))
        return hits, word_weights


# A name covered less than this is no hit: every route asks more (a weak subject 0.6, a body 0.8, a mode 0.85)
LEAST_SCORE = 0.3
NONE: frozenset[str] = frozenset()
_UNREAD = object()
_hit = functools.partial(tuple.__new__, Hit)  # Hit(*fields) without its Python-level __new__: a dozen a question


def _prefixed(word: str, other: str) -> bool:
    """`word` is `other` (or nearly) behind a prefix of its own: "decentralised" and "centralise". A prefix adds two
    letters at least: "marches" is no prefixed "mrches", whose second letter is missing."""
    return (
        len(word) - len(other) >= 2
        and not other.startswith(word[:2])
        and any(fuzz.ratio(word[k:], other) >= 90 for k in (2, 3))
    )
