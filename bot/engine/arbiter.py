"""A second opinion on the route: the intent model's guess, taken when it is sure and the rules chose otherwise.

The rules read the names a question holds and route it on cues; the model (intents.py) reads its letters and words
as the staff write them, learnt from every labelled question. Each errs where the other does not: when the model is
sure of another intent than the rules' answer, the answer of that intent is built from the same reading, and kept
only if it is one (a route may find nothing: then the rules' answer stands).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.engine import replies, topics
from bot.engine.answer import Answer
from bot.engine.intents import NO_FUNCTION
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
# Session 10 also spared the model's time on an activity's mode in a year, the commitments and a body's roles with no
# function named; session 11 measured it again on 8,600 labelled questions, out of fold: asking it there too fixes 8
# answers and breaks 1, for a few µs a question (bench/bench_engine.py).
KEPT = frozenset({"clarification", "evolution", "help", "mode_definition", "mode_list"})
# How sure the function model must be to read a question as about a function it does not name. Measured with each
# labelled set guessed by a model trained on the others (8,260 questions), answers fixed / broken: 0.6: 24 / 0;
# 0.65 and 0.7: 23 / 0; 0.75: 19 / 0; 0.8: 17 / 0; 0.85: 15 / 0. Under 0.7, more questions about no function or
# about two ("archiving", "services généraux") are read as about one.
SURE_FUNCTION = 0.7
# The words a question is read again with, to name the function guessed (the function's own names)
FUNCTION_WORDS = {
    "fr": {"FIN": "finances", "RH": "RH", "SI": "SI", "JUR": "juridique", "COM": "communication / marketing"},
    "en": {"FIN": "finance", "RH": "HR", "SI": "IT", "JUR": "legal", "COM": "communication / marketing"},
}
_PRONOUN_IT = re.compile(r"\b(?:it|its|it's)\b")  # typed small: "IT" in capitals is the function, read by the rules
# Answers that are about no function whatever the question: a question back, a greeting, the modes defined
ABOUT_NO_FUNCTION = frozenset({"clarification", "help", "mode_definition"})


class ArbitratedAnswers:
    intents: IntentModel | None
    functions_guessed: IntentModel | None

    def _second_opinion(self, r: Reading, answer: Answer) -> Answer:
        """The rules' answer arbitrated by the intent model, and said about the function its quotes come from."""
        return self.view.sourced_function(self._arbitrated(r, answer))

    def _answer_whole(self, question: str, second_opinion: bool = True) -> Answer:
        """The answer to a whole message (its clauses chosen among as `_answer_alone` does), then read again with
        the function it is guessed to be about, if it names none. On the whole message only: a clause that finds
        nothing must stay nothing, so that the message itself is read."""
        answer = self._answer_alone(question, second_opinion)
        return self._function_guessed(question, answer) if second_opinion else answer

    def _function_guessed(self, question: str, answer: Answer) -> Answer:
        """ "la médecine du travail c géré en quel mode ?", "le dépanage des utilisateurs, ça a évolué comment ?":
        about a function the question does not name, and the rules found none. When the function model is sure of
        one, the question is read again with that function's name, and that answer is kept if it is about it."""
        model = self.functions_guessed
        if model is None or answer.function is not None or answer.intent in ABOUT_NO_FUNCTION:
            return answer
        if answer.process or answer.instances:  # a thing named: what it is about is said
            return answer
        # "is it pooled in 2017?": the pronoun is no IT; the rules read "it" as the IT where only the IT fits
        asked = _PRONOUN_IT.sub(" ", question) if answer.lang == "en" else question
        guessed = model.against(asked, NO_FUNCTION)
        if guessed is None or guessed[1] < SURE_FUNCTION or guessed[0] not in self.view.functions:
            return answer
        lang = "en" if answer.lang == "en" else "fr"
        function = self.view.functions[guessed[0]]
        label = function.label_en if lang == "en" else function.label
        # a data folder's other functions (no words of their own here) are read with their label
        again = self._answer_alone(f"{question} ({FUNCTION_WORDS[lang].get(function.id) or label})")
        if again.function is None or again.function.id != guessed[0]:
            return answer
        if again.intent != answer.intent and (self.intents is None or self.intents.guess(question)[0] != again.intent):
            # "why is the SROM considering outside resources for IT?": no passage says why, and the IT map is no
            # answer; a reading that asks something else must be what the intent model guesses
            return answer
        if again.process or again.instances or again.commitments:  # what it names says what it is about
            return again
        # the function at large: said to be a reading of the question, and why (no activity of that name)
        unnamed = answer.intent in ("mode_lookup", "evolution") and not answer.process
        lead = replies.t(
            lang,
            f"_Je ne trouve pas d'activité de ce nom sur les cartes ; la question semble porter sur *{label}* :_"
            if unnamed
            else f"_La question semble porter sur *{label}* :_",
            f"_I find no activity of that name on the maps; the question seems to be about *{label}*:_"
            if unnamed
            else f"_The question seems to be about *{label}*:_",
        )
        return again.model_copy(update={"text": f"{lead}\n{again.text}"})

    def _arbitrated(self, r: Reading, answer: Answer) -> Answer:
        if self.intents is None or answer.intent in KEPT:
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
