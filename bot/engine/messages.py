"""A whole chat message read as its questions: a preamble before the question, a clause or a sentence of its own
when the message as a whole finds nothing."""

from __future__ import annotations

import logging
from functools import partial
from typing import TYPE_CHECKING

from bot.engine import guide
from bot.engine.clauses import first_question, last_clause, last_sentence, preamble, purpose

if TYPE_CHECKING:
    from bot.engine.answer import Answer

logger = logging.getLogger(__name__)


class MessageAnswers:
    """Mixed into the Engine, whose `_answer` reads one question and `_narrower` one commitment's question."""

    if TYPE_CHECKING:

        def _answer(self, raw: str, second_opinion: bool = True) -> Answer: ...

        def _narrower(self, question: str, answer: Answer) -> Answer: ...

    def _answer_alone(self, question: str, second_opinion: bool = True) -> Answer:
        ask = partial(self._answer, second_opinion=second_opinion)
        try:
            lead = preamble(question or "") or purpose(question or "")
            if lead:  # "Bonjour, je prépare le rapport pour le Bureau : quel mode pour … ?": the question after it
                answer = ask(lead)
                sentence = last_sentence(question)
                if sentence and len(sentence) > len(lead) and not (answer.process or answer.instances):
                    # "… comment la paie est gérée : c'est centralisé ?": the clause says how, its sentence what
                    wider = ask(sentence)
                    if wider.process or wider.instances:
                        answer = wider
                if answer.intent == "commitments":  # "We signed with a law firm – which commitment do I update?"
                    answer = self._narrower(question, answer)
                if answer.intent not in ("unknown", "help"):
                    return answer
            answer = ask(question or "")
            if answer.intent == "unknown":
                # "Bonjour, je viens d'arriver au service compta : en 2017, la compta fournisseur était en quel
                # mode ?": a preamble drowns the question; its last clause may be a question of its own; or, of
                # several questions, the first ("qui règle les factures en 2017 ? chaque chambre dans son coin ?")
                for part in (last_clause(question or ""), first_question(question or "")):
                    again = ask(part) if part else answer
                    if again.intent != "unknown":
                        return again
            return answer
        except Exception:  # the engine must always answer; a bug is logged, never shown
            logger.exception("engine failed on %r", (question or "")[:200])
            return guide.unknown_answer("fr")
