"""Answers about the modes themselves: a case described ("si on délègue …, c'est quel mode ?"), a whole function's
mode asked yes or no, an activity bearing a function's name, and the pointers offered when a mode lists nothing.

A mixin of the Engine (core.py): it reads the engine's `view`, `rank`, `search` and `kb`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from bot.engine import cues, replies, topics
from bot.engine.answer import Answer, Source
from bot.engine.function_modes import function_modes
from bot.engine.governance import GovernanceMatcher
from bot.engine.lookup import KnowledgeView
from bot.engine.matcher import EntityMatcher, Hit, content_tokens
from bot.engine.normalize import Query
from bot.engine.ranking import CLOSE_RUN, Ranking
from bot.engine.reading import Reading
from bot.engine.search import PassageSearch
from bot.engine.spelling import stem_fr
from srom_data.models import KnowledgeBase
from srom_data.text import key


class ModeAnswers:
    """Answers and readings about the modes."""

    kb: KnowledgeBase
    view: KnowledgeView
    rank: Ranking
    search: PassageSearch
    matcher: EntityMatcher
    governance: GovernanceMatcher
    _foreign_words: Callable[[Query], list[str]]
    _unnamed_words: Callable[[Query], list[str]]
    _about_modes: dict[tuple[str, str | None, tuple[int, ...]], tuple[list, list]]  # memo of _mode_pointers

    def _function_namesake(self, q: Query, hits: list[Hit], subjects: list[Hit]) -> tuple[list[Hit], list[Hit] | None]:
        """A mode asked of an activity that bears a function's name ("Communication", on the IT map): said with
        the word "fonction" it is the function (no subject left); said alone, both are asked back."""
        top = subjects[0]
        functions = [
            h for h in hits if h.score >= 0.95 and self.rank.kind(h) == "function" and h.used and h.used >= top.used
        ]
        if top.ambiguous or len(functions) != 1 or self.view.function_of(top.entity) == functions[0].entity:
            return subjects, None
        if cues.FUNCTION_WORD.search(q.flat) and not re.search(r"\b(?:blocs?|blocks?|activites?|activit)", q.flat):
            return [], None  # "quel mode pour la fonction communication en 2021 ?"
        return subjects, [functions[0], top]  # "communication mode 2021 ?": the function, or IT's activity?

    def _mode_as_predicate(self, q: Query, hits: list[Hit]) -> bool:
        """The modes are named as what something is ("mutualisé", "pooled", "géré en harmonisation"), not as a
        topic ("la mutualisation", "integration"): the question asks the mode of a thing, not about the mode."""
        if _RUN_IN_MODE.search(q.flat):
            return True
        # only modes named whole: "gestion" is a third of "gestion locale", no mode said as a noun
        words = {w for h in hits if h.score >= 0.95 and self.rank.kind(h) == "mode" for w in h.used}
        return bool(words) and not any(_NOUN_FORM.search(w) for w in words)

    def _defining(self, r: Reading) -> bool:
        """A definition asked, in words outside the names said whole ("définition de la stratégie RH" is an
        activity); a weak cue only with no year nor function said."""
        q = r.q
        asked = q.says(cues.STRONG_DEFINITION) or (q.says(cues.DEFINITION) and not (q.years or r.context_function))
        return bool(asked) and (r.outside_names(cues.STRONG_DEFINITION) or r.outside_names(cues.DEFINITION))

    def _mode_of_a_thing_unmapped(self, r: Reading) -> bool:
        """A mode asked of something no map holds: said of it ("les services généraux, c'est mutualisé ?"), or
        offered as an alternative ("l'appui aux entreprises en 2017, intégré ou autonome ?")."""
        q = r.q
        if q.says(cues.DEFINITION) or q.says(cues.LISTING) or not self._mode_as_predicate(q, r.hits):
            return False
        if not (r.context_function or q.years) and self._foreign_words(q):
            return True
        return len(r.modes) >= 2 and bool(_ALTERNATIVE.search(q.flat)) and bool(self._unnamed_words(q))

    def _partial_names(self, r: Reading) -> list[Hit]:
        """The names of the maps the question says in part at least ("stratégie" of "Stratégie achats")."""
        return [h for h in r.hits if h.score >= PART_OF_NAME and self.view.drawn(h.entity)]

    def _named_partly(self, r: Reading) -> bool:
        """A name of the maps said in part at least ("stratégie" of "Stratégie achats" and "stratégie RH")."""
        return bool(r.weak_subjects or self._partial_names(r))

    def _partly_named(self, r: Reading) -> list[Hit]:
        """A question of one word that is part of several names of the maps, alike ("stratégie mode 2021"): those
        names, to ask back about (more words would say which)."""
        if len(r.q.content) != 1:
            return []
        named = self._partial_names(r)
        return named if len(named) >= 2 and named[0].score - named[1].score <= CLOSE_RUN else []

    def _whole_function_mode(self, r: Reading) -> Answer | None:
        """A mode asked of a whole function, yes or no ("globalement la fonction SI en 2017 elle est en M ?", "la
        comm c'est de l'harmonisation ou de la mutualisation ?"): its modes, counted, answer it; not a listing."""
        q = r.q
        lettered = not any(self.rank.kind(h) == "mode" for h in r.hits)  # "elle est en M ?"
        if (
            r.function
            and not (cues.LISTING.search(q.flat) or cues.BLOCK_LISTING.search(q.flat) or re.search(r"\bquoi\b", q.flat))
            and (len(r.modes) > 1 or lettered or self._mode_as_predicate(q, r.hits) or q.says(cues.EVOLUTION))
        ):
            # "did the legal function move away from autonomy since 2013?": its modes over the maps
            return function_modes(self.view, q.lang, r.function, q.years, bool(q.says(cues.EVOLUTION)))
        return None

    def _listing_described(self, r: Reading) -> Answer | None:
        """A listing of the things in a mode told in everyday words ("qu'est-ce que chaque CCI gérait encore toute
        seule dans son coin en RH en 2013 ?" lists the Autonomy): the mode two words of its own describe."""
        q = r.q
        listing = q.says(cues.LISTING) or re.search(r"\bqu est ce qu(?:e|i)?\b", q.flat)
        if not (listing and (r.context_function or q.years)) or r.subjects or r.instances or r.asks_who:
            return None  # "who led the group bringing together all the comms managers?" asks a body
        if q.says(cues.WHICH_MODE):  # "internal communication: what management mode?" asks a mode, not a list
            return None
        code = self._best_described(q)
        if code is None and _ITEMS_ASKED.search(q.flat) and not q.says(cues.SAME_MODE):
            code = self._plainly_described(q)  # "qu'est-ce qui reste fait localement en 2021 ?"
        if code is None:
            return None
        pointers = self._about_mode(code, r.context_function, q.years)
        return topics.mode_list(self.view, q.lang, code, q.years, r.context_function, None, "", pointers)

    def _compared_modes(self, q: Query) -> list[str]:
        """Two cases compared, each a mode named or told in everyday words ("la diff entre mettre en commun et tout
        centraliser", "between following the same rulebook and sharing one team"): the two modes, in order."""
        if not q.says(_COMPARED):
            return []
        between = _BETWEEN.search(q.flat)
        if not between:
            return []
        codes = [self._mode_of_case(part, q.lang) for part in between.groups()]
        if None in codes or codes[0] == codes[1]:
            return []
        order = [m.code for m in self.kb.modes]
        return sorted(codes, key=order.index)  # type: ignore[arg-type]

    def _mode_of_case(self, text: str, lang: str) -> str | None:
        """The mode a case names ("tout centraliser"), else the one its words describe best."""
        words = list(content_tokens(text))
        hits, _ = self.matcher.match(words, lang)
        named = {h.entity for h in hits if h.score >= 0.85 and self.rank.kind(h) == "mode"}
        if len(named) == 1:
            return named.pop()
        if lang == "en":
            words = [*words, *(f for w in words for f in self.governance.french(w).split())]
        asked = {_root(w) for w in words if len(w) >= 4} - _DEFINITION_FILLER
        # a mode's plain words ("ensemble", "rulebook") tell it more than a word of its definition
        scored = sorted(
            (
                (len(asked & roots) + len(asked & _definition_stems(" ".join(mode.plain))), mode.code)
                for mode, (_, roots) in zip(self.kb.modes, _mode_roots(self.kb.modes), strict=True)
            ),
            reverse=True,
        )
        return scored[0][1] if scored[0][0] >= 1 and scored[0][0] > scored[1][0] else None

    def _best_described(self, q: Query) -> str | None:
        """The one mode two roots of whose definition or plain words the question holds, more than any other's."""
        _, scored = self._described_scores(q)
        return scored[0][1] if scored[0][0] >= 2 and scored[0][0] > scored[1][0] else None

    def _plainly_described(self, q: Query) -> str | None:
        """The one mode one of whose own plain words the question holds, when no other mode's words are in it
        ("quelles activités informatiques restent gérées par chaque chambre toute seule ?": the Autonomy)."""
        asked, scored = self._described_scores(q)
        if scored[0][0] != 1 or scored[1][0] != 0:
            return None
        mode = self.view.modes[scored[0][1]]
        return mode.code if asked & _definition_stems(" ".join(mode.plain)) else None

    def _described_scores(self, q: Query) -> tuple[set[str], list[tuple[int, str]]]:
        """The question's roots, and each mode's count of them in its definition, names and plain words, best
        first (of an English question, its words and the French words the lexicon gives them: "together" is a
        plain word of the Cooperation, and "conjointement" a word of the text)."""
        words = [*q.content, *self._narrative_words(q)] if q.lang == "en" else q.content
        # a function's name describes no mode: "communication" is no "communauté" of the Cooperation
        words = [w for w in words if not self.matcher.names_kind(w, ("function",), q.lang)]
        asked = {_root(w) for w in words if len(w) >= 4} - _DEFINITION_FILLER
        told = _mode_roots(self.kb.modes)
        return asked, sorted(((len(asked & roots), code) for code, roots in told), reverse=True)

    def _modes_described(self, q: Query) -> list[str]:
        """The mode whose definition the question describes ("si on délègue une activité à une CCIT ou à CCI
        France, c'est quel mode ?" is the Integration's "délégation de gestion"): two telling words of its
        definition or plain words at least, and more than any other mode's. Two cases compared ("the difference
        between everyone following the same rulebook and sharing one team"): the two modes they describe."""
        compared = bool(q.says(_COMPARED))
        if not (q.says(cues.WHICH_MODE) or q.says(cues.CASE_NAME) or compared):
            return []
        asked, scored = self._described_scores(q)
        if len(asked) < 2:
            return []
        (best, code), (second, other), (third, _) = scored[0], scored[1], scored[2]
        if compared:
            order = [m.code for m in self.kb.modes]
            return sorted((code, other), key=order.index) if second >= 1 and second > third else []
        mode = self.view.modes[code]
        # one word is enough in a case put ("si on délègue …", "if we centralise …") when a mode's own names hold it
        own = bool(_CASE_PUT.search(q.flat) and asked & _definition_stems(" ".join((*mode.aliases, *mode.plain))))
        return [code] if best > second and (best >= 2 or own) else []

    def _modes_unranked(self, r: Reading) -> Answer | None:
        """Whether the modes rank, integration as the goal ("les modes sont hiérarchisés ?", "are they a ladder with
        integration as the end goal?"): the preamble's answer, that they do not, then the five modes."""
        q = r.q
        ranked = q.says(cues.MODES_RANKED) and (r.modes or cues.MODE_WORD.search(q.flat))
        if not ranked or r.subjects or cues.REASON.search(q.flat):  # "pourquoi … pas hiérarchisés ?": the passage
            return None
        answer = topics.mode_definition(self.view, q.lang, [])
        # the preamble's one passage saying it ("… ne soient pas hiérarchisés …"), first in the text's order
        passage = next((p for p in self.search.passages if "hiérarchisés" in p.text), None)
        if passage is None:
            return answer
        lead = replies.t(
            q.lang,
            "Non : le SROM ne hiérarchise pas les modes, aucun n'est un but ultime.",
            "No: the SROM does not rank the modes; none is an end goal.",
        )
        quote = f"_{passage.section}_ : « {' '.join(passage.text.split())} »"
        return answer.model_copy(
            update={
                "text": f"*{lead}*\n{quote}\n\n{answer.text}",
                "sources": [Source(section=passage.section, quote=passage.text), *answer.sources],
            }
        )

    def _mode_listing(self, r: Reading, years: list[int]) -> Answer:
        """The activities in the first mode the question names, of the function its names belong to, in `years`,
        with pointers to what the text says when the list is empty."""
        mode, function = r.modes[0], r.context_function
        pointers = self._about_mode(mode, function, years)
        return topics.mode_list(self.view, r.q.lang, mode, years, function, None, self._preface(r.q), pointers)

    def _about_mode(self, code: str, function: str | None, years: list[int]) -> tuple[list, list]:
        """The narrative and the commitments nearest to "which activities are in this mode" when the maps give
        none: passages of that function and year that use the mode's word ("Avant 2013, la fonction SI était
        assumée de manière autonome"), and that year's commitments that use it ("Harmoniser les procédures")."""
        memo = (code, function, tuple(years))
        if memo not in self._about_modes:
            self._about_modes[memo] = self._mode_pointers(code, function, years)
        return self._about_modes[memo]

    def _mode_pointers(self, code: str, function: str | None, years: list[int]) -> tuple[list, list]:
        mode = self.view.modes[code]
        stem = stem_fr(key(mode.label))[:7]
        passages = [
            h.passage
            for h in self.search.search([stem], limit=12)
            if h.passage.function
            and (not function or h.passage.function == function)
            and (not years or h.passage.year is None or h.passage.year in years)
        ]
        about = [
            c
            for c in self.kb.commitments
            if (not function or c.function == function)
            and (not years or c.year in years)
            and any(w.startswith(stem) for w in key(c.title).split())
        ]
        return passages[:2], about

    def _defined_modes(self, q: Query, modes: list[str]) -> list[str]:
        """The modes to define: all of them (an empty list) when one is named among "les modes" asked about
        together ("les modes sont hiérarchisés ? l'intégration c'est le niveau ultime ?")."""
        if re.search(r"\bmodes\b", q.flat) and (len(modes) == 1 or cues.RANKED.search(q.flat)):
            return []  # "are the modes ranked? is integration better than autonomy?": all of them, in order
        return modes


# "géré en harmonisation", "c'est en mutualisation", "run in pooling": a mode said of a thing
_RUN_IN_MODE = re.compile(
    r"\b(?:gere\w*|organise\w*|est|sont|run|managed) (?:en|in) (?:mode )?"
    r"(?:autonomie|cooperation|harmonisation|mutualisation|integration)\b"
)
PART_OF_NAME = 0.55  # a word that is a good part of a name ("stratégie" of "Stratégie achats"), no whole one
_ALTERNATIVE = re.compile(r"\b(?:ou|or)\b")
_NOUN_FORM = re.compile(r"(?:tion|ie|y|ing)$")  # "mutualisation", "autonomie", "autonomy", "pooling"
_COMPARED = re.compile(r"\b(?=[dv])(?:difference\w*|diff|differen\w*|versus|vs|distingu\w*)\b")
# "entre X et Y", "between X and Y": the two cases compared
_BETWEEN = re.compile(r"\b(?:entre|between)\s+(.+?)\s+(?:et|and|ou|or|vs|versus)\s+(.+)")
_CASE_PUT = re.compile(
    r"\b(?:si (?:on|l on|une? \w+)|quand on|lorsqu on|lorsque on|if (?:we|you|a|an|the)|"
    r"when (?:we|you|a|an|the|work))\b"
)


# The things of the maps asked for, one by one: "quelles activités", "qu'est-ce qui", "tout ce qui", "ce qui reste"
_ITEMS_ASKED = re.compile(r"\b(?:quelles? activites|qu est ce qui|tout ce qui|ce qui reste)\b")


def _root(word: str) -> str:
    """A word's first letters, stem enough to match across forms the stemmer parts: "délègue", "délégation"."""
    return stem_fr(word)[:5]


# Words of every definition, or of the question's frame: no mode is told apart by them
_DEFINITION_FILLER = frozenset(
    _root(w)
    for w in """activite activites gestion niveau cci ccis mode modes quel quelle service services territoriale
    territoriales pays loire region regionale organisation missions autour""".split()
)


@functools.lru_cache(maxsize=4)
def _mode_roots(modes: tuple) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each mode's roots: its definition's, its names' and its plain words' (the modes never change)."""
    return tuple((m.code, _definition_stems(" ".join((m.definition.quote, *m.aliases, *m.plain)))) for m in modes)


@functools.lru_cache(maxsize=16)
def _definition_stems(text: str) -> frozenset[str]:
    return frozenset(_root(w) for w in key(text).split() if len(w) >= 4) - _DEFINITION_FILLER
