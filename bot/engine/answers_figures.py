"""Answers about figures the SROM does not give: a headcount, an amount (budget, cost, threshold), what a change or
a mode brought. Each says the text gives no figure and offers what the narrative says instead, in the function
asked about.

A mixin of the Engine (core.py): it reads the engine's `search` and `view`.
"""

from __future__ import annotations

from bot.engine import cues, guide, replies
from bot.engine.answer import Answer
from bot.engine.governance import commitment_ids
from bot.engine.lookup import KnowledgeView
from bot.engine.normalize import Query
from bot.engine.reading import Reading
from bot.engine.search import PassageSearch, SearchHit


class FigureAnswers:
    """Figures asked, which the SROM does not give."""

    search: PassageSearch
    view: KnowledgeView

    def _headcount(self, q: Query, function: str | None) -> Answer:
        """ "How many people…": the SROM gives no figure; what its narrative says of the staff, in the function named
        first, is offered as that."""
        hits = self.search.search(["effectifs", "collaborateurs"], limit=12)
        if function:
            hits = sorted(hits, key=lambda h: h.passage.function != function)
        lead = replies.t(
            q.lang,
            "Le SROM ne donne aucun effectif chiffré.",
            "The SROM gives no headcount figures.",
        )
        if not hits:
            return Answer(intent="fallback_search", lang=q.lang, text=lead)
        answer = guide.fallback(q.lang, hits[:3], self.view.functions, lead)
        if function in self.view.functions:  # "combien de personnes à la DSI régionale ?" is about IT's staff, whatever
            # passages say of staff
            answer = answer.model_copy(update={"function": self.view.function_ref(self.view.functions[function])})
        return answer

    def _asked_of(self, r: Reading, owner: str | None) -> str | None:
        """The function a figure is asked of: the one named, a body's, a commitment's ("quel budget pour le SDSI
        ?"), or the one a thing named belongs to ("the training budget", "combien d'ETP au pôle paie")."""
        named = (c.function for h in r.hits if h.score >= 0.95 and (c := self.view.commitments.get(h.entity)))
        said = r.subjects or [h for h in r.hits if h.score >= 0.95]  # "the central payroll hub": payroll said whole
        things = (self.view.function_of(h.entity) for h in said if h.entity in self.view.items)
        return owner or next(named, None) or next((f for f in things if f), None)

    def _amount(self, q: Query, function: str | None) -> Answer:
        """ "Quel budget pour le SDSI ?": the SROM gives no amount; what its narrative says of that function's costs
        and means is offered as that (of none named, the amount alone is said to be absent)."""
        own = self._passages_of(function, ["couts", "budget", "moyens", "ressources", "economies"]) if function else []
        lead = replies.t(
            q.lang,
            "Le SROM ne donne aucun montant (budget, coût, seuil)"
            + (" : voici ce qu'il dit des moyens de cette fonction." if own else "."),
            "The SROM gives no amount (budget, cost, threshold)"
            + (": here is what it says of this function's means." if own else "."),
        )
        answer = (
            guide.fallback(q.lang, own[:3], self.view.functions, lead)
            if own
            else Answer(intent="fallback_search", lang=q.lang, text=lead)
        )
        fn = self.view.function_ref(self.view.functions[function]) if function else None
        return answer.model_copy(update={"function": fn})

    def _amount_of_all(self, r: Reading) -> bool:
        """An amount asked of the SROM itself ("quel budget pour mettre en oeuvre le SROM ?"), not of a function, a
        body, a commitment, a year's map or an activity; nor the word alone ("le budget ?": which budget activity?)."""
        q = r.q
        named = q.years or r.instances or r.says_mode or r.asks_who or r.subjects_beyond(cues.AMOUNT)
        said = {w[:5] for w in q.words_of(cues.AMOUNT)}
        alone = {w[:5] for w in q.content} <= said
        return not (named or alone or cues.COMMITMENT.search(q.flat) or commitment_ids(q, self.view.commitments))

    def _gains(self, q: Query, function: str) -> Answer | None:
        """ "Ça a rapporté quoi, les chantiers finance ?": what the function's own passages say the changes brought."""
        words = ["performance", "gains", "economies", "efficacite", "qualite", "optimisation", "valeur", "accroitre"]
        hits = self._passages_of(function, words)
        return guide.fallback(q.lang, hits[:3], self.view.functions) if hits else None

    def _gains_asked(self, r: Reading) -> Answer | None:
        """What the changes or a mode brought a function, asked ("ça a rapporté quoi, côté finance ?", "combien on a
        économisé avec la mutualisation en finance ?"): its gains, not its map nor its activities in that mode."""
        if not r.function or not cues.GAINS.search(r.q.flat):
            return None
        return self._gains(r.q, r.function)

    def _passages_of(self, function: str, words: list[str]) -> list[SearchHit]:
        """The passages of one function that hold some of these words, best first."""
        return [h for h in self.search.search(words, limit=40) if h.passage.function == function]
