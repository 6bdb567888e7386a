"""Answers from the narrative: the passages that hold a question's topic (a reason, a date, a leftover topic
inside a function), the nearest passage search, and the question that is about something else entirely.

A mixin of the Engine (core.py): it reads the engine's `search`, `view`, `governance`, `matcher` and `speller`.
"""

from __future__ import annotations

import functools
import re

from bot.engine import cues, guide
from bot.engine.acronyms import TextAcronyms
from bot.engine.answer import Answer, Ref
from bot.engine.governance import GovernanceMatcher
from bot.engine.lookup import KnowledgeView
from bot.engine.matcher import EntityMatcher, Hit
from bot.engine.normalize import LISTING_WORDS, Query
from bot.engine.ranking import FRAME_WORDS, Ranking
from bot.engine.search import PassageSearch, SearchHit
from bot.engine.spelling import Speller, in_dictionary, stem_fr
from srom_data.models import KnowledgeBase, Passage
from srom_data.text import canonical_quote, key

FALLBACK_SHARE = 0.6  # the weighted share of the question a passage must hold to be shown as the answer
# The share of the IDF weight of a question's leftover words a passage must hold to answer it (with the rarest)
TELLING_SHARE = 0.5
# The network's chambers, where they are, and the frame of every question (the chambers, the region)
SETTING = FRAME_WORDS | frozenset(
    "nantes nazaire saint mans sarthe vendee mayenne maine loire angers laval roche yon pays".split()
)
# The SROM named as where a topic is found ("dont parle le SROM", "mentioned in the SROM"), and those words
CONTAINER = re.compile(
    r"\b(?:dont parle|dont parlent|mentionne\w*|cite\w*|evoque\w*|dans|du|de|in|of|mentioned in|in the) "
    r"(?:le |the )?srom\b"
)
CITING = frozenset("srom parle parlent mentionne mentionnee mentionnes cite citee evoque evoquee mentioned".split())
# Words that shape a listing or structure question rather than name a topic of the narrative.
GENERIC_WORDS = frozenset(
    """activites activities activite activity processus process processes fonction fonctions function functions
    bloc blocs block blocks couvre couvrent comprend contient liste list trucs choses things srom cci cartographie
    carte carto map macro quelles quels tout toutes passent passe sont reste restent volet volets pole poles
    perimetre perimetres regroupe regroupent inclut incluent englobe englobent metiers parle parlent mentionne
    mentionnee mentionnes mentioned mentions section sections partie parties part support supports soutien
    action actions structure structures composition organigramme chambre chambres chamber chambers stay stays
    remain remains local locale locales locaux locally missions mission confondu confondus confondue confondues
    domaine domaines domain domains area areas together combined ensemble secteurs structuree structurees
    structured organisee organisees organised organized decoupee decoupees""".split()
)


# The question is about the SROM itself: "le SROM parle du télétravail ?", "the next SROM revision"
ABOUT_THE_SROM = re.compile(
    r"\b(?:srom|schema regional d organisation|le (?:document|schema|texte)|ce (?:document|schema|texte)|"
    r"the (?:document|scheme|text|plan)|this (?:document|scheme|plan))\b"
)
# A legal basis asked ("sur quelle loi", "legal basis"), and a passage that cites a legal text: it comes first.
LEGAL_ASKED = re.compile(
    r"\b(?:base legale|bases legales|legal basis|loi|lois|laws?|juridiquement|quel article|which article|"
    r"legal provisions?|which provision|dispositions? legales?|"
    r"obligations? legales?|legal obligations?|required by law|code de commerce|commercial code)\b"
)
LEGAL_TEXT = re.compile(
    r"\b(?:article|obligations legales|code de commerce|reglement interieur|decret|en application d\w*)\b"
)


class NarrativeAnswers:
    """The narrative's passages as answers."""

    kb: KnowledgeBase
    search: PassageSearch
    view: KnowledgeView
    governance: GovernanceMatcher
    acronyms: TextAcronyms
    matcher: EntityMatcher
    speller: Speller
    rank: Ranking
    _passage_texts: list[tuple[Passage, str]]  # each passage with its canonical text

    def _foreign_words(self, q: Query) -> list[str]:
        """The question's words the SROM never uses (nor its names, nor the lexicon's English)."""
        return [
            w
            for w in q.content
            if w not in self.speller.known
            and not (q.lang == "fr" and stem_fr(w) in self.speller.by_stem)  # "lancés": "lancement" is the SROM's
            and not self.matcher.expand(w, q.lang)
            and not (q.lang == "en" and self.governance.french(w) != w)
        ]

    def _unnamed_words(self, q: Query) -> list[str]:
        """The question's words no name holds (the text may use them), beside the words of the SROM's frame: "la
        messagerie en 2021, quel mode ?" names a thing no map holds."""
        return [
            w
            for w in q.content
            if len(w) >= 3 and w not in GENERIC_WORDS and w not in FRAME_WORDS and not self.matcher.expand(w, q.lang)
        ]

    def _not_on_maps(self, q: Query, year: int | None, history: bool = False) -> Answer:
        """A mode or a history asked of a thing no map holds: said so, with the passages that speak of it, if the
        narrative does ("la messagerie en 2021 ?": one tool per function, in the IT part)."""
        words = self._unnamed_words(q)
        hits = self.search.search(words) if words and self.search.telling(words) else []
        mentions = [
            h
            for h in hits
            if self.search.holds_telling(h, words) and any(self.search.holds_word(h.passage, w) for w in words)
        ]
        return guide.not_on_maps(q.lang, self.view.functions, year, history, mentions, words)

    @functools.cached_property
    def _capitals(self) -> frozenset[str]:
        """The words the text writes in capitals ("SIRH", "GPEC"), folded: an acronym typed small is still one."""
        return frozenset(w.lower() for w in re.findall(r"\b[A-Z]{3,}\b", self.kb.source_text))

    def _mostly_foreign(self, q: Query) -> bool:
        """Half the question's words or more are foreign to the SROM (two at least): whatever else it shares with
        the text (a chamber's name, "RH"), it is about something else. Only asked where the answer would be a search
        or a listing, never once a subject, a body or a fact was recognised."""
        foreign = self._foreign_words(q)
        return len(foreign) >= 2 and 2 * len(foreign) >= len(q.content)

    def _leftover_search(self, q: Query, hits: list[Hit]) -> Answer | None:
        """The narrative, when the question's words beyond what was recognised (a function, a mode) are
        a topic of their own that a passage holds entirely: "l'audit SI c'est pour quand les conclusions"."""
        used: set[str] = set()
        named: set[str] = set()  # the functions the question names: their passages first
        for h in hits:
            if h.score >= 0.95 and self.rank.kind(h) in ("function", "mode", "instance"):
                used |= h.used
                if self.rank.kind(h) == "function":
                    named.add(h.entity)
        # a word of the named function's own title is the function again: "côté juridique/marchés"
        titled = {w for f in named for w in _title_words(self.view.functions[f].label)}
        parts = [
            p
            for w in q.content
            if w not in used
            and w not in titled
            and w not in GENERIC_WORDS  # "together" before its French
            and not self.matcher.names_kind(w, ("function", "mode"), q.lang)
            for p in (self.governance.french(w) if q.lang == "en" else w).replace("-", " ").split()
        ]
        words = [w for w in dict.fromkeys(parts) if w and w not in GENERIC_WORDS and w not in LISTING_WORDS]
        words += _dates(q)
        if not words or not any(len(w) >= 4 for w in words) or not self.search.telling(words):
            return None  # "what's integrated at regional level in HR?": "régional" is no topic of its own
        needed = _needed(words)
        hits = self.search.search(words, limit=12 if named else 3)
        found = (
            [h for h in hits if h.matched >= needed]
            or [h for h in hits if self.search.holds_telling(h, words, TELLING_SHARE)]
            # "les chantiers RH lancés après le diagnostic de 2015": half the topic, in the function it names
            or _half_in(hits, words, named)
        )
        if named and not any(h.passage.function in named for h in found):
            # "quels chantiers de mutualisation SI en 2013 ?": in the named function, the mode's word is the topic's
            moded = [*words, *(w for w in q.content if self.matcher.names_kind(w, ("mode",), q.lang))]
            found = _half_in(self.search.search(moded, limit=12), moded, named) or found
        if found and named and not any(h.passage.function in named for h in found):
            # the function named holds a word of the topic ("2015"), another one the others ("décidé")
            found = _best_in(hits, named) + found
        if named:  # "la première action de mutualisation en juridique": the legal function's passage first
            found = sorted(found, key=lambda h: h.passage.function not in named)[:3]
        found = _of_years(found, q.years)
        return guide.fallback(q.lang, found, self.view.functions) if found else None

    def _defined_acronym(self, q: Query) -> Answer | None:
        """An acronym the text defines, asked alone or by its expansion: the passages defining it; a text of the
        governance ("la convention d'objectifs et de moyens") is named as such."""
        defined, owner = self.acronyms.passages(q.content, bool(q.says(cues.DEFINITION)))
        if not defined:
            return None
        if owner in self.view.instances:
            ref = Ref(id=owner, label=self.view.instances[owner].label)
            answer = guide.fallback(q.lang, defined, self.view.functions, ref.label)
            return answer.model_copy(update={"intent": "governance", "instances": [ref]})
        return guide.fallback(q.lang, defined, self.view.functions)

    def _narrative_words(self, q: Query) -> list[str]:
        """The question's words as the narrative's French words: an English word is searched as the French word the
        lexicon gives for it ("objectives" is "objectifs")."""
        if q.lang != "en":
            return q.content
        french = [w for word in q.content for w in self.governance.french(word).split()]
        return [self.search.cognate(w) or w for w in french]

    def _reason_search(self, q: Query, function: str | None = None) -> Answer | None:
        """The narrative, for a reason or a legal basis asked about a topic: the passages that hold the topic's
        words (all of them, or 60 % of a long question), whatever the topic names on the maps."""
        asked = q.words_of(cues.REASON, cues.WHEN)
        # of "le logiciel de paie c'est lequel ?", the thing and the asking words, not the topic between them
        asked |= {w for w in q.words_of(cues.WHICH_THING) if cues.THING_ASKED.fullmatch(w)}
        if q.lang == "en":  # "required by law": "law" is searched as "loi", and is asked, not the topic
            asked |= {f for w in asked for f in self.governance.french(w).split()}
        parts = [p for w in self._narrative_words(q) if w not in asked for p in w.split("-")]
        words = [w for w in dict.fromkeys(parts) if len(w) >= 3 and w not in GENERIC_WORDS and w not in LISTING_WORDS]
        words += _dates(q)
        legal = bool(LEGAL_ASKED.search(q.flat))
        if not words:
            return self._legal_texts(q) if legal else None
        needed = _needed(words)
        # a legal basis is looked for among more passages: the one citing a legal text may rank low on the topic
        hits = self.search.search(words, limit=12 if function or legal else 3)
        found = [h for h in hits if h.matched >= needed] or [
            h for h in hits if h.matched >= 2 and self.search.holds_telling(h, words, TELLING_SHARE)
        ]
        # "le SIRH a été déployé quand ?": an acronym the text uses is a topic of its own, however few passages
        acronyms = [w for w in words if len(w) >= 3 and w.isalpha() and (w.upper() in q.raw or w in self._capitals)]
        if not found and acronyms:
            found = [h for h in self.search.search(acronyms, limit=3) if h.matched == len(acronyms)]
        # "why are IT staff partly assigned to the CCIs?", "quand le bureau a-t-il tranché pour les finances ?": half
        # the topic is enough in the function the question names, whose passages come first
        own = _half_in(hits, words, {function}) or (_best_in(hits, {function}) if found else [])
        found = (own + [h for h in found if h not in own])[:3] if function else found
        # "basée sur quel article de loi ?": of those, the passages that say an article, a law or a reason first
        said = {w for w in asked if len(w) >= 4 and w not in ("quel", "quelle", "which", "what")}

        def citing(hit: SearchHit) -> int:
            text = key(hit.passage.text)  # once per passage, not once per word
            # words of the passage, not pieces of them: "loi" is not in "Loire"
            return -len(said & set(re.findall(r"\w+", text))) - (2 if legal and LEGAL_TEXT.search(text) else 0)

        found = sorted(found, key=citing)[:3]
        if not found and legal:
            return self._legal_texts(q)
        return guide.fallback(q.lang, found, self.view.functions) if found else None

    def _legal_texts(self, q: Query) -> Answer | None:
        """A legal basis asked of nothing the narrative names apart ("quelle loi impose le SROM ?"): the passages
        that cite a legal text or the legal obligations."""
        hits = [SearchHit(p, 0.0, 0) for p in _citing_law(self.kb.passages)]
        return guide.fallback(q.lang, hits[:3], self.view.functions) if hits else None

    def _narrative(self, q: Query, evidence: list, lead: str | None = None) -> Answer:
        """The passages holding these quotes, as a narrative answer; `lead`: what they say, in one sentence."""
        return guide.fallback(q.lang, self._narrative_hits(evidence)[:3], self.view.functions, lead)

    def _narrative_hits(self, evidence: list) -> list[SearchHit]:
        """The passages holding these quotes (a quote outside the passages: the quote itself)."""
        quotes = [canonical_quote(e.quote) for e in evidence]
        hits = [SearchHit(p, 0.0, 0) for p, text in self._passage_texts if any(quote in text for quote in quotes)]
        if not hits:
            hits = [SearchHit(Passage(id="quote", section=e.section, text=e.quote), 0.0, 0) for e in evidence]
        return hits

    def _fallback(self, q: Query, weak: list[Hit]) -> Answer:
        terms = [w for w in self._narrative_words(q) if len(w) >= 3] + _dates(q)
        if CONTAINER.search(q.flat):  # "la norme 4.9 dont parle le SROM": the SROM holds the topic, is not it
            terms = [w for w in terms if w not in CITING] or terms
        # The chambers and their places are in every passage: beside a word the SROM never uses, they find nothing
        # ("un bon resto près de la CCI au Mans ?"); alone, they are the topic ("la CCI de la Mayenne ?").
        foreign = self._foreign_words(q)
        if foreign:
            terms = [w for w in terms if w not in SETTING] or terms
        names = self._rare_names(terms)
        hits = self.search.search(terms)
        if hits:
            needed = max(1, (len(set(terms)) + 1) // 2)
            # English words are foreign to the French narrative: only French questions are weighed so.
            floor = FALLBACK_SHARE if q.lang == "fr" else 0.0
            good = [
                h
                for h in hits
                if h.matched >= needed
                and h.share >= floor
                and (len(terms) > 2 or self.search.together(h.passage, terms))
            ]
            good = good or [
                h
                for h in hits
                if h.matched >= 2
                and self.search.holds_telling(h, terms, TELLING_SHARE)
                and self.search.together(h.passage, terms)
            ]
            # a name of the text, which a passage or two hold, is the topic whatever is around it ("Dinamic c koi
            # comme programme ?", "le SIRH il en parle ou pas ?"); the passages are cut around it
            good = good or [h for h in hits if any(self.search.holds_word(h.passage, w) for w in names)]
            if good:
                return guide.fallback(q.lang, _of_years(good, q.years), self.view.functions, around=names or None)
        # A short name half-recognised is a question back, never an answer; unless the question has words the SROM
        # never uses ("demain", "meeting room"): then it is about something else.
        if weak and len(q.content) <= 3 and not foreign:
            return self._clarify(q, weak[:4], weak=True)
        return self._nothing_found(q)

    def _rare_names(self, terms: list[str]) -> list[str]:
        """The text's own names that one or two passages hold ("Dinamic", "SIRH"): written with a capital wherever
        the text writes them, no word of the French dictionary ("Réduire" at a sentence's start) nor a place."""
        return [
            w
            for w in terms
            if w not in SETTING
            and (spelt := self.search.written_as_name(w))
            and 0 < self.search.passages_holding(w) <= 2
            and not in_dictionary(spelt.lower(), "fr")
        ]

    def _nothing_found(self, q: Query) -> Answer:
        """Nothing answers: a question about the SROM itself is told the text is silent ("le SROM parle du
        télétravail ?"); any other is out of scope."""
        return guide.not_in_text(q.lang) if ABOUT_THE_SROM.search(q.flat) else guide.unknown_answer(q.lang)


def _needed(words: list[str]) -> int:
    """How many of a topic's words a passage must hold: all of one or two, else 60 % of them (two at least)."""
    return len(words) if len(words) <= 2 else max(2, -(-3 * len(words) // 5))


def _best_in(hits: list[SearchHit], functions: set[str | None]) -> list[SearchHit]:
    """The best passage of these functions among the hits, if any: one of the function the question names, put
    first when the topic's words are split between functions ("en 2015 le Bureau a décidé quoi pour les finances ?")."""
    return [h for h in hits if h.passage.function in functions][:1]


def _half_in(hits: list[SearchHit], words: list[str], functions: set[str | None]) -> list[SearchHit]:
    """The passages of these functions that hold half of the topic's words, two at least."""
    return [h for h in hits if h.passage.function in functions and 2 * h.matched >= len(words) and h.matched >= 2]


@functools.lru_cache(maxsize=4)
def _citing_law(passages: tuple[Passage, ...]) -> tuple[Passage, ...]:
    """The passages that cite a legal text or the legal obligations, folded once (the passages never change)."""
    return tuple(p for p in passages if LEGAL_TEXT.search(key(p.text)))


def _of_years(hits: list[SearchHit], years: list[int]) -> list[SearchHit]:
    """The passages of the years a question names first ("en 2013 la RH était organisée autour de combien de
    missions ?": the 2013 state of play), the others after, each in its order."""
    return sorted(hits, key=lambda h: h.passage.year not in years) if years else hits


def _dates(q: Query) -> list[str]:
    """The years a question names that no map is of ("le diagnostic de 2015"): words of the narrative it searches."""
    return [str(y) for y in q.foreign_years]


@functools.lru_cache(maxsize=64)
def _title_words(label: str) -> frozenset[str]:
    """A function's title as folded words: "côté juridique/marchés" names the function by them."""
    return frozenset(key(label).split())
