"""Answers about the governance (facts, roles, bodies) and about the commitments and their tracked progress.

A mixin of the Engine (core.py): it reads the engine's `view`, `governance`, `rank` and `status`.
"""

from __future__ import annotations

import re

from bot.engine import commitments, cues, replies, topics
from bot.engine.answer import Answer, ChartRequest
from bot.engine.governance import GovernanceMatcher, commitment_ids
from bot.engine.lookup import KnowledgeView
from bot.engine.matcher import EntityMatcher, Hit
from bot.engine.normalize import Query
from bot.engine.ranking import Ranking
from bot.engine.spelling import stem_fr
from srom_data.models import Instance, KnowledgeBase
from srom_data.text import key


class BodyAnswers:
    """Answers about who does what, and about the commitments."""

    kb: KnowledgeBase
    view: KnowledgeView
    governance: GovernanceMatcher
    rank: Ranking
    status: topics.StatusProvider | None
    matcher: EntityMatcher

    def _commitments(self, q: Query, hits: list[Hit], function: str | None) -> Answer:
        ids = commitment_ids(q, self.view.commitments)
        written = {self.view.commitments[i].function for i in ids}
        if len(written) == 1:  # "je veux marquer SI-5 comme terminé": SI's, whatever "marquer" calls up
            function = written.pop()
        if not ids:
            ids = [h.entity for h in hits if h.score >= 0.9 and self.rank.kind(h) == "commitment"]
            if not ids:  # "faire savoir : ça en est où ?": the commitment titled after the objective named
                objectives = [
                    key(self.matcher.entities[h.entity].names[0])
                    for h in hits
                    if h.score >= 0.95 and self.rank.kind(h) == "objective"
                ]
                ids = [c.id for c in self.kb.commitments if any(key(c.title).startswith(o) for o in objectives)]
            named = {self.view.commitments[i].function for i in ids}
            if not function and len(named) == 1:  # "réduire les accès internet et téléphonie": SI's, by its title
                function = named.pop()
        if not function and re.search(r"\bgouv\w*|governance\b", q.text):
            function = "GOUV"
        if not function and not any(h.score >= 0.8 and self.rank.kind(h) == "instance" for h in hits):
            # "engagements sur les achats": a block or an activity named whole says whose commitments (a body named,
            # "le rapport annuel pour le Bureau", asks about the commitments' follow-up, every function's)
            owners = {
                self.view.function_of(h.entity)
                for h in hits
                if h.score >= 0.95 and self.rank.kind(h) in ("block", "activity")
            }
            function = owners.pop() if len(owners) == 1 else None
        pool = [
            c
            for c in self.kb.commitments
            if (not function or c.function == function) and (not q.years or c.year in q.years)
        ] or list(self.kb.commitments)
        items = [self.view.commitments[i] for i in ids]
        titled = [] if items else commitments.by_quoted_title(q.text, pool)
        # a progress told ("please log it as 50% done") filters nothing: the commitment is the one its words name
        want = commitments.Wanted((), False) if cues.PROGRESS_TOLD.search(q.flat) else commitments.wanted(q)
        if not (items or titled) and not want.any:
            words = [
                w
                for word in q.content
                if not cues.COMMITMENT.search(word) and not self.matcher.names_kind(word, ("function", "mode"), q.lang)
                # an English question is read in the titles' French: "merging the five IT teams", "attract-talent"
                for part in word.split("-")
                for w in (self.governance.french(part).split() if q.lang == "en" else (part,))
            ]
            titled = commitments.by_title_words(words, pool, stem_fr)
        owners = {c.function for c in titled}
        if len(owners) == 1:  # the commitments its words name say whose they are: "réduire les accès internet"
            function = owners.pop()
        items = items or titled or pool
        if not want.any:
            answer = topics.commitments(self.view, q.lang, items, function, self.status)
        else:
            answer = commitments.tracked_answer(self.view, self.status, q.lang, items, function, want)
        more = []
        if cues.REPORT_ASKED.search(q.flat):
            # "prépare-moi le rapport annuel au Bureau avec un graphique": the command that makes it, chart included
            more.append(commitments.how_to_report(q.lang))
        told = cues.UPDATE_TOLD.search(q.flat) or cues.UPDATE_ASKED.search(q.flat) or cues.PROGRESS_TOLD.search(q.flat)
        if len(items) == 1 and told:
            # "maj : on a harmonisé les procédures d'achat dans 3 CCI sur 5": a question records nothing; say how to
            # ("jsuis référent sur la centralisation des achats info, comment je mets à jour ?": the same)
            more.append(commitments.how_to_record(q.lang, items[0].id))
        elif cues.UPDATE_ASKED.search(q.flat):  # "comment je mets à jour mes engagements ?": any of them
            more.append(commitments.how_to_record(q.lang, "[ID]"))
        if more:
            answer = answer.model_copy(update={"text": "\n".join((answer.text, *more))})
        if cues.CHART_ASKED.search(q.flat):  # "graphique d'avancement des engagements par fonction": the chart too
            answer = answer.model_copy(update={"chart": ChartRequest(function=function)})
        return answer

    def _titled_commitments(self, q: Query, besides: set[str]) -> list:
        """The commitments the question's other words name by their title ("labo de com": the laboratory)."""
        words = [w for w in q.content if w not in besides]
        return commitments.by_title_words(words, list(self.view.commitments.values()), stem_fr) if words else []

    def _verb_asked(self, q: Query) -> bool:
        """The question asks who does a role's verb ("qui préside", "who signs"), not only who a body is."""
        return any(self.governance.is_role_verb(w) for w in q.content if len(w) >= 4)

    def _narrower(self, question: str, answer: Answer) -> Answer:
        """The commitments a question asks after a lead ("We signed with an outside law firm – which commitment do I
        update?"): the whole message's, when its lead says which (fewer than the question alone gives)."""
        whole = self._answer(question)  # type: ignore[attr-defined]
        narrower = whole.intent == "commitments" and 0 < len(whole.commitments) < len(answer.commitments)
        return whole if narrower else answer

    def _bodies_of(self, q: Query, function: str) -> list[Instance]:
        """The governance's bodies of one function, those whose names and roles share most words with the
        question first ("who is in charge of legal matters": the legal director)."""
        words = self._words_for_bodies(q)

        def shared(inst: Instance) -> int:
            said = self._body_said(inst)
            return sum(1 for w in words if w in said)

        bodies = [i for i in self.kb.governance.instances if i.function == function]
        return sorted(bodies, key=lambda i: -shared(i))

    def _words_for_bodies(self, q: Query) -> set[str]:
        """The question's words of four letters or more, and the French words the lexicon gives its English ones."""
        return {w for word in q.content for w in (word, *self.governance.french(word).split()) if len(w) >= 4}

    def _body_said(self, inst: Instance) -> str:
        """A body's names and roles as one key, kept (the governance never changes within an engine)."""
        said = self._bodies_said.get(inst.id)
        if said is None:
            said = self._bodies_said[inst.id] = key(
                " ".join((inst.label, *inst.aliases, *(r.text for r in inst.roles)))
            )
        return said

    def _governance(
        self,
        q: Query,
        instances: list[Instance],
        strict: bool = False,
        function: str | None = None,
    ) -> Answer | None:
        """Facts, roles or instances the question asks about; `strict` wants a fact or a role, not a bare name.
        The answer's function is the one the question names, else the one its facts are about."""
        best, facts, phrase = self.governance.matched_facts(q, instances[0].id if instances else None)
        if (
            facts
            and instances
            and best < 2.0
            and not phrase
            and not {i.id for i in instances} & {i for f in facts for i in f.instances}
        ):  # "qui est le DG de la CCI ?": one word of a body's name, not a fact about other bodies
            facts = []
        if facts and instances:
            # "qui préside le COMEX ?": the President's chairing of the Bureau is no answer about the COMEX; nor is
            # the Bureau's rhythm one about the ATR's ("how often does the ATR meet?")
            facts = [f for f in facts if not self.governance.about_other_bodies(f, instances)]
        roles = self.governance.roles(q, instances)
        if instances and q.says(cues.ROLE_OF):  # "que fait le GPL ?": all its roles, not one fact
            facts, roles = [], []
        elif facts:  # a fact answers the question: only roles of the instances it names ("qui signe le SROM ?" is
            # not answered by the President's signing of the regional contracts)
            named = {i for f in facts for i in f.instances}
            roles = [(inst, role) for inst, role in roles if inst.id in named]
        composition = bool(re.search(r"\b(?:sieg\w*|compos\w*|membres?|members?|sits?|who is on)\b", q.flat))
        if composition and instances:
            roles, facts = [], []
        if not (facts or roles or (instances and not strict) or (composition and instances)):
            return None
        about = {f.function for f in facts[:2] if f.function in self.view.functions}
        function = function or (about.pop() if len(about) == 1 else None)
        named_by_facts = {i for f in facts[:2] for i in f.instances}
        # "le directeur juridique, désigné quand ?" is about the body; "les décisions du Bureau du 29 mai" is about
        # what was decided: the narrative says it in its own words
        about_body = not cues.OUTCOME.search(q.flat) and (
            bool(named_by_facts & {i.id for i in instances}) or bool(cues.WHICH_BODY.search(q.flat))
        )
        bodiless = bool(facts) and not (roles or instances or any(f.instances for f in facts[:2]))
        if bodiless or (facts and cues.EVENT.search(q.flat) and not (q.says(cues.WHO) or composition or about_body)):
            # "quelles CCI composent le réseau ?", "qui a élaboré le SROM ?": a fact no body of the governance
            # acts in is the narrative's, said in its own words
            # "les 5 décisions du Bureau du 29 mai 2015", "quand sont attendues les conclusions de l'audit SI ?":
            # what happened, not who does what: the narrative says it, in its own words.
            lead = facts[0].answer if bodiless and len(facts) == 1 and q.lang == "fr" else None
            answer = self._narrative(q, [e for f in facts[:2] for e in f.evidence], lead)
        else:
            answer = topics.governance(self.view, q.lang, instances, roles, facts, composition)
            rhythm = cues.RHYTHM.search(q.flat)
            if (
                (rhythm or (q.says(cues.WHO) and self._verb_asked(q)))
                and instances
                and not (facts or roles or composition or q.says(cues.ROLE_OF))
            ):
                # "qui préside le COMEX ?", "how often does the ATR meet?": no role nor fact says it; the body's own
                # roles follow, said to be that
                unsaid = replies.t(
                    q.lang,
                    "Le SROM ne le dit pas ; voici ce qu'il dit de cette instance :",
                    "The SROM does not say; here is what it says of this body:",
                )
                answer = answer.model_copy(update={"text": f"{unsaid}\n{answer.text}"})
            elif cues.NAME_ASKED.search(q.flat) and instances and not _person_named(instances[0]):
                # "who is the president of CCI Pays de la Loire?": the office's roles, said to name nobody
                unnamed = replies.t(
                    q.lang,
                    "Le SROM ne nomme pas la personne ; voici ce qu'il dit de ce rôle :",
                    "The SROM does not name the person; here is what it says of the office:",
                )
                answer = answer.model_copy(update={"text": f"{unnamed}\n{answer.text}"})
        if function is None:  # "la DRH régionale, elle fait quoi ?": the function the bodies answered belong to
            owners = {self.view.instances[r.id].function for r in answer.instances if r.id in self.view.instances}
            function = owners.pop() if len(owners) == 1 else None
        if function in self.view.functions:
            answer = answer.model_copy(update={"function": self.view.function_ref(self.view.functions[function])})
        if len(q.years) == 1 and any(f.year == q.years[0] for f in facts[:2]):  # a fact of the year asked
            answer = answer.model_copy(update={"year": q.years[0]})
        return answer


# A person's name among an office's names: two capitalised words ("Alain Schlesser")
_PERSON = re.compile(r"^[A-Z][a-zé]+ [A-Z][a-zé]+$")


def _person_named(instance: Instance) -> bool:
    """The text names the person who holds the office (the Director General, at the document's close)."""
    return any(_PERSON.match(alias) for alias in instance.aliases)
