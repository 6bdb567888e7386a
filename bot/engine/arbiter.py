"""A second opinion on the route: the intent model's guess, taken when it is sure and the rules chose otherwise.

The rules read the names a question holds and route it on cues; the model (intents.py) reads its letters and words
as the staff write them, learnt from every labelled question. Each errs where the other does not: when the model is
sure of another intent than the rules' answer, the answer of that intent is built from the same reading, and kept
only if it is one (a route may find nothing: then the rules' answer stands).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.engine import topics
from bot.engine.answer import Answer
from bot.engine.reading import Reading
from srom_data.models import Instance

if TYPE_CHECKING:
    from bot.engine.intents import IntentModel
    from bot.engine.normalize import Query

# How sure the model must be to overrule the rules. Measured with each labelled set guessed by a model trained on the
# others: 0.75 to 0.85 fixed the most answers for the fewest broken; an answer about a thing the rules named (an
# activity, a body) asks for 0.9 (0.8 throughout broke 9 answers, this 5). The routes the rules reach on what the
# model cannot see (a homonym asked back, a history or a listing of named things, the modes defined, a greeting) are
# never overruled: overruling them fixed 3 answers and broke 6.
SURE = 0.8
SURE_NAMED = 0.9
# Nor, to spare the time a question takes (the model costs 10 to 30 µs where it is asked, against a target of 0.3 ms
# for the whole answer): an activity's mode in a year (1,280 labelled answers, none overruled), the commitments (885:
# 4 fixed, 1 broken) and a body's roles with no function named (714: 2 fixed). In all, +38 of 7,750 (42 fixed,
# 4 broken); +41 with a body found by its roles (_body_described).
KEPT = frozenset({"clarification", "commitments", "evolution", "help", "mode_definition", "mode_list"})


class ArbitratedAnswers:
    intents: IntentModel | None

    def _arbitrated(self, r: Reading, answer: Answer) -> Answer:
        if self.intents is None or answer.intent in KEPT or (answer.process and answer.year):
            return answer
        if answer.instances and answer.function is None:
            return answer
        guessed = self.intents.against(r.q.raw, answer.intent)
        if guessed is None or guessed[1] < (SURE_NAMED if answer.process or answer.instances else SURE):
            return answer
        other = self._routed_to(guessed[0], r)
        return other if other is not None and other.intent == guessed[0] else answer

    def _body_described(self, q: Query) -> Instance | None:
        """The body whose names and roles share the most words with the question (their first five letters), when
        it shares two at least and more than any other."""
        words = {w[:5] for w in self._words_for_bodies(q)}
        if len(words) < 2:
            return None
        shared = sorted(
            (
                (len(words & _prefixes(self._body_said(i))), i)
                for i in self.kb.governance.instances
                if i.kind != "chamber"
            ),
            key=lambda p: -p[0],
        )
        if shared[0][0] >= 2 and shared[0][0] > shared[1][0]:
            return shared[0][1]
        return None

    def _routed_to(self, intent: str, r: Reading) -> Answer | None:
        """The answer of that intent the reading allows, if any."""
        q, lang = r.q, r.q.lang
        function = r.function or r.context_function
        if intent == "governance":
            found = self._governance(q, r.instances, function=r.context_function)
            if found is None and not r.instances:  # "y a un élu responsable par sujet dans chaque chambre ?"
                body = self._body_described(q)
                found = self._governance(q, [body], function=r.context_function) if body else None
            return found
        if intent == "fallback_search":
            return self._leftover_search(q, r.hits) or self._reason_search(q, r.function) or self._fallback(q, [])
        if intent in ("mode_lookup", "evolution"):
            subjects = r.subjects or r.weak_subjects
            return self._about_subject(q, subjects, r.modes) if subjects else None
        if intent == "structure":
            if function is None:
                return None
            return self._function_structure(r) or topics.structure(
                self.view, lang, function, q.years[0] if q.years else None
            )
        if intent == "unknown":
            return self._nothing_found(q)
        if intent == "mode_list" and r.modes:
            return self._mode_listing(r, q.years)
        if intent == "mode_definition":
            return topics.mode_definition(self.view, lang, self._defined_modes(q, r.modes) if r.modes else [])
        if intent == "commitments":
            return self._commitments(q, r.hits, r.context_function)
        if intent == "clarification":
            partly = self._partly_named(r)
            return self._clarify(q, partly, weak=True) if partly else None
        return None


def _prefixes(said: str) -> set[str]:
    """The first five letters of each word of four letters or more."""
    return {w[:5] for w in said.split() if len(w) >= 4}
