"""Answers about the modes themselves: a case described ("si on délègue …, c'est quel mode ?"), a whole function's
mode asked yes or no, an activity bearing a function's name, and the pointers offered when a mode lists nothing.

A mixin of the Engine (core.py): it reads the engine's `view`, `rank`, `search` and `kb`.
"""

from __future__ import annotations

import functools
import re

from bot.engine import cues, topics
from bot.engine.answer import Answer
from bot.engine.function_modes import function_modes
from bot.engine.lookup import KnowledgeView
from bot.engine.matcher import Hit
from bot.engine.normalize import Query
from bot.engine.ranking import Ranking
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

    def _mode_as_predicate(self, hits: list[Hit]) -> bool:
        """The modes are named as what something is ("mutualisé", "pooled"), not as a topic ("la mutualisation",
        "integration"): the question asks the mode of a thing, not about the mode."""
        words = {w for h in hits if self.rank.kind(h) == "mode" for w in h.used}
        return bool(words) and not any(_NOUN_FORM.search(w) for w in words)

    def _whole_function_mode(self, r: Reading) -> Answer | None:
        """A mode asked of a whole function, yes or no ("globalement la fonction SI en 2017 elle est en M ?", "la
        comm c'est de l'harmonisation ou de la mutualisation ?"): its modes, counted, answer it; not a listing."""
        q = r.q
        lettered = not any(self.rank.kind(h) == "mode" for h in r.hits)  # "elle est en M ?"
        if (
            r.function
            and not (q.says(cues.LISTING) or cues.BLOCK_LISTING.search(q.flat) or re.search(r"\bquoi\b", q.flat))
            and (len(r.modes) > 1 or lettered or self._mode_as_predicate(r.hits))
        ):
            return function_modes(self.view, q.lang, r.function, q.years, False)
        return None

    def _listing_described(self, r: Reading) -> Answer | None:
        """A listing of the things in a mode told in everyday words ("qu'est-ce que chaque CCI gérait encore toute
        seule dans son coin en RH en 2013 ?" lists the Autonomy): the mode two words of its own describe."""
        q = r.q
        listing = q.says(cues.LISTING) or re.search(r"\bqu est ce que\b", q.flat)
        if not (listing and (r.context_function or q.years)) or r.subjects or r.instances:
            return None
        code = self._best_described(q)
        if code is None:
            return None
        pointers = self._about_mode(code, r.context_function, q.years)
        return topics.mode_list(self.view, q.lang, code, q.years, r.context_function, None, "", pointers)

    def _best_described(self, q: Query) -> str | None:
        """The one mode two roots of whose definition or plain words the question holds, more than any other's."""
        _, scored = self._described_scores(q)
        return scored[0][1] if scored[0][0] >= 2 and scored[0][0] > scored[1][0] else None

    def _described_scores(self, q: Query) -> tuple[set[str], list[tuple[int, str]]]:
        """The question's roots, and each mode's count of them in its definition, names and plain words, best
        first."""
        words = self._narrative_words(q) if q.lang == "en" else q.content
        asked = {_root(w) for w in words if len(w) >= 4} - _DEFINITION_FILLER
        told = _mode_roots(self.kb.modes)
        return asked, sorted(((len(asked & roots), code) for code, roots in told), reverse=True)

    def _modes_described(self, q: Query) -> list[str]:
        """The mode whose definition the question describes ("si on délègue une activité à une CCIT ou à CCI
        France, c'est quel mode ?" is the Integration's "délégation de gestion"): two telling words of its
        definition or plain words at least, and more than any other mode's. Two cases compared ("the difference
        between everyone following the same rulebook and sharing one team"): the two modes they describe."""
        compared = bool(_COMPARED.search(q.flat))
        if not (q.says(cues.WHICH_MODE) or cues.CASE_NAME.search(q.flat) or compared):
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


_NOUN_FORM = re.compile(r"(?:tion|ie|y|ing)$")  # "mutualisation", "autonomie", "autonomy", "pooling"
_COMPARED = re.compile(r"\b(?:difference\w*|diff|differen\w*|versus|vs|distingu\w*)\b")
_CASE_PUT = re.compile(r"\b(?:si on|si l on|quand on|lorsqu on|lorsque on|if we|when we|if you|when you)\b")


def _root(word: str) -> str:
    """A word's first letters, stem enough to match across forms the stemmer parts: "délègue", "délégation"."""
    return stem_fr(word)[:5]


# Words of every definition, or of the question's frame: no mode is told apart by them
_DEFINITION_FILLER = frozenset(
    _root(w)
    for w in """activite activites gestion niveau cci ccis mode modes quel quelle service services territoriale
    territoriales pays loire region regionale""".split()
)


@functools.lru_cache(maxsize=4)
def _mode_roots(modes: tuple) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each mode's roots: its definition's, its names' and its plain words' (the modes never change)."""
    return tuple((m.code, _definition_stems(" ".join((m.definition.quote, *m.aliases, *m.plain)))) for m in modes)


@functools.lru_cache(maxsize=16)
def _definition_stems(text: str) -> frozenset[str]:
    return frozenset(_root(w) for w in key(text).split() if len(w) >= 4) - _DEFINITION_FILLER
