"""Route one chat message to the right kind of answer."""

from __future__ import annotations

import re
from functools import partial

from bot.engine import cue_words, cues, followup, guide, intents, notes, topics
from bot.engine.acronyms import TextAcronyms
from bot.engine.answer import Answer
from bot.engine.answers_bodies import BodyAnswers
from bot.engine.answers_courtesy import CourtesyAnswers
from bot.engine.answers_figures import FigureAnswers
from bot.engine.answers_modes import ModeAnswers
from bot.engine.answers_narrative import NarrativeAnswers
from bot.engine.answers_subjects import SubjectAnswers
from bot.engine.arbiter import ArbitratedAnswers
from bot.engine.clauses import english_heads, hyphened, relative_who
from bot.engine.function_modes import function_modes
from bot.engine.governance import GovernanceMatcher, commitment_ids, is_commitment_question
from bot.engine.lookup import KnowledgeView
from bot.engine.matcher import EntityMatcher
from bot.engine.messages import MessageAnswers
from bot.engine.normalize import FORCED, REQUEST, Query, parse, quoted
from bot.engine.ranking import SEEN, Ranking
from bot.engine.reading import Reading
from bot.engine.search import PassageSearch
from bot.engine.spelling import Speller
from srom_data.loader import data_dir_from_env
from srom_data.models import KnowledgeBase
from srom_data.text import canonical_quote, key

WEAK = 0.6  # below ACCEPT but above this: offered as "did you mean", never answered


class Engine(
    MessageAnswers,
    CourtesyAnswers,
    SubjectAnswers,
    ModeAnswers,
    BodyAnswers,
    NarrativeAnswers,
    FigureAnswers,
    ArbitratedAnswers,
):
    """Built once per process: the knowledge base, the alias matcher and the passage index. This module reads the
    question and routes it; the answers are in the mixins (answers_*.py): courtesy and help, a named subject, the
    modes, the governance and the commitments, the narrative, the figures the SROM does not give."""

    def __init__(self, kb: KnowledgeBase, status: topics.StatusProvider | None = None) -> None:
        self.kb = kb
        self.status = status
        self.search = PassageSearch(kb)
        self.view = KnowledgeView(kb, self.search)
        # the functions' own words are cues too: "directeur juridque" is the legal director a fact names; so are the
        # English words the lexicon reads ("politcal proposals" are political)
        function_words = (w for f in kb.functions for w in key(f.label).split())
        self.speller = Speller(kb, (*cue_words.vocabulary(), *function_words, *kb.lexicon.english), cue_words.stems())
        self.matcher = EntityMatcher(kb, self.speller.rewrite_name)
        self.governance = GovernanceMatcher(kb)
        self.acronyms = TextAcronyms(kb, self.matcher, self.search)
        self.notes = notes.note_topics(self.view)
        self.rank = Ranking(self.view, self.matcher, self.speller)
        self._passage_texts = [(p, canonical_quote(p.text)) for p in kb.passages]
        self._about_modes: dict[tuple[str, str | None, tuple[int, ...]], tuple[list, list]] = {}
        self.intents, self.functions_guessed = (intents.for_data(data_dir_from_env(), f) for f in intents.FILES)
        self._bodies_said: dict[str, str] = {}

    def answer(self, question: str, context: followup.Context | None = None) -> Answer:
        """The answer to one message; with the conversation's `context`, a follow-up is read against it."""
        question = self._without_courtesy(question or "")
        if context is not None:  # what a fragment names is the rules' reading: the model learnt no "et la paie ?"
            rules = partial(self._answer_alone, second_opinion=False)
            return followup.answer_in_context(self._answer_whole, question, context, self.kb.meta.years, rules)
        return self._answer_whole(question)

    # -- routing ----------------------------------------------------------------------------------------------

    def _answer(self, raw: str, second_opinion: bool = True) -> Answer:
        """The routes, in order: the first that answers wins."""
        forced = FORCED.match(raw)
        if forced:
            raw = raw[forced.end() :]
        q = parse(raw, self.view.years, self.speller.rewrite)
        if forced:
            chosen = self._about_entity(q, forced.group(1))
            if chosen:
                return chosen
        courtesy = self._courtesy(q)
        if courtesy:
            return courtesy
        r = self._read(q)
        found = self._first_routes(r) or self._subject_routes(r) or self._last_routes(r)
        return self._second_opinion(r, found) if second_opinion else self.view.sourced_function(found)

    def _read(self, q: Query) -> Reading:
        """What the question names and asks, before any route is chosen."""
        words = english_heads(q, self.matcher.bigrams)
        if any("-" in w for w in words):  # "the institutional-life stuff": no name is written with a hyphen
            words = [p for w in words for p in (hyphened(w) or (w,))]
        pairs = self.matcher.common_pairs
        if pairs:  # "faire savoir : ça en est où ?": a name of function words only
            words = [*words, *(w for p in zip(q.tokens, q.tokens[1:], strict=False) if p in pairs for w in p)]
        if q.lang == "en":  # an English word no name holds is read as the French word the lexicon gives ("paid")
            words = [
                t for w in words for t in ((w,) if self.matcher.expand(w, "en") else self.governance.french(w).split())
            ]
        hits, weights = self.matcher.match(words, q.lang)
        if q.lang == "en":
            bodies = self._bodies_in_french(q, hits)
            if bodies:
                hits = sorted([*hits, *bodies], key=lambda h: (-h.score, -h.weight, not h.ambiguous, h.entity))
        function, context_function = self.rank.functions(hits, words=q.tokens)
        modes = self.rank.modes(q, hits)
        says_mode = bool(q.says(cues.WHICH_MODE) or q.says(cues.MODE_WORD) or cues.HOW_RUN.search(q.flat))
        # A mode named asks about a map: only activities and blocks have a mode; so does a change across the maps
        # ("la formation ça a évolué comment entre les trois cartos ?")
        evolution = bool(q.says(cues.EVOLUTION))
        on_map = says_mode or bool(modes) or (evolution and bool(cues.MAPS_SPAN.search(q.flat)))
        rescored = self.rank.rescore(
            hits,
            weights,
            words,
            frame=on_map or bool(q.years or q.says(cues.EVOLUTION)),
            modes=modes,
            quotes=tuple(key(span) for span in quoted(q.raw)),
            least=SEEN,  # only the subjects are read of them
        )
        subjects = self.rank.subject_hits(rescored, function, q.years, on_map, modes=modes, changes=evolution)
        weak = (
            []
            if subjects
            else self.rank.subject_hits(rescored, function, q.years, on_map, WEAK, modes=modes, changes=evolution)
        )
        # two things joined ("la facturation et les relances", "payments and petty cash") may be a block's parts
        joined = subjects and cues.JOINED.search(q.text)
        whole = self.rank.parts_of_one_block(hits, subjects, q.years) if joined else None
        if whole:
            subjects = [whole, *subjects]
        instances = self._instances(hits)
        named = {i.id for i in instances}
        if context_function and any(
            h.ambiguous and context_function in h.targets and named.intersection(h.targets) for h in hits
        ):  # "la COM avec l'État": the acronym read as the agreement names no function
            context_function = None
        return Reading(
            q=q,
            hits=hits,
            function=function,
            context_function=context_function,
            modes=modes,
            instances=instances,
            says_mode=says_mode,
            asks_who=bool(who := q.says(cues.WHO)) and not says_mode and not relative_who(who.group(0), q.flat),
            subjects=subjects,
            weak_subjects=weak,
            mode_said=any(h.score >= 0.95 and self.rank.kind(h) == "mode" for h in hits),
        )

    def _first_routes(self, r: Reading) -> Answer | None:
        """Routes a cue decides whatever the names: a reason or a date, who does what, a map, the commitments, the
        definitions of the modes, the scope of a function."""
        q, lang = r.q, r.q.lang
        compared = self._compared_modes(q)
        if compared:  # "la diff entre mettre en commun et tout centraliser": two modes, whatever else is named
            return topics.mode_definition(self.view, lang, compared)
        if unranked := self._modes_unranked(r):  # "les modes sont hiérarchisés ?"
            return unranked
        # (what is known is tested before a cue is searched) "why was … chosen for HR in 2013?"; not "why GOUV-2?"
        reason = not r.says_mode and cues.REASON.search(q.flat) and not commitment_ids(q, self.view.commitments)
        # a date, a provider, a software asked (a mode read through a typo is none named: "when did the hub issue …")
        fact = not (r.mode_said or r.says_mode or q.years) and (q.says(cues.WHEN) or q.says(cues.WHICH_THING))
        if reason or fact:
            # "le directeur juridique, désigné quand ?": the dated fact
            dated = q.says(cues.WHEN) and self.governance.specific_facts(q)
            if found := (dated and self._governance(q, r.instances, strict=True)) or self._reason_search(q, r.function):
                return found
            thing = r.subjects or (r.function and q.says(cues.WHICH_THING))
            if not reason and thing and not (r.instances or q.says(cues.EVOLUTION)):
                # "c'est quand le prochain virement de salaire ?", "which accounting software?": a fact the text
                # does not give; an activity's modes or a function's map are no answer to it
                return self._nothing_found(q)
        owner = r.function or next((i.function for i in r.instances if i.function), None)
        amount = r.outside_names(cues.AMOUNT)  # not "élaboration budgets / MS", an activity
        spender = self._asked_of(r, owner) if not (r.says_mode or r.asks_who) and amount else None
        if (spender and spender != "FIN") or (amount and not spender and self._amount_of_all(r)):
            return self._amount(q, spender)  # "the IT budget for 2021?": no figure; the finance's are activities
        if not r.says_mode and cues.HEADCOUNT.search(q.flat):  # "en local" is where, not a mode
            # "combien d'ETP en compta ?", "how many people in the regional HR department?": no figure in the SROM
            return self._headcount(q, self._asked_of(r, owner) or r.context_function)
        if r.asks_who and cues.NAMES_COMMITMENT.search(q.flat) and re.search(r"\breferent", q.flat):
            # "qui est référent de l'engagement achats ?" asks about tracking, not about the governance
            return self._commitments(q, r.hits, r.context_function)
        if r.asks_who:  # "qui vote le budget" is about the governance, not about the budget activities
            # "qui suit la COM conclue avec l'État": an acronym the text defines names no function here
            named = None if set(q.content) & set(self.acronyms.defined) else r.context_function
            gov = self._governance(q, r.instances, strict=True, function=named)
            if gov:
                return gov
            if named and not (r.instances or r.subjects or r.modes or q.years):
                # "qui s'occupe des RH à la CCIR ?", "who runs finance?": the bodies of that function
                bodies = self._bodies_of(q, named)
                if bodies:
                    return self._governance(q, bodies, function=named)
        if len(r.instances) >= 2 and cues.SAME_OR_NOT.search(q.flat):
            # "le CODIR c'est pas la même chose que le COMEX ?": each body with its own roles, side by side
            return topics.governance(self.view, lang, r.instances[:2], [], [], False)
        if (
            len(r.instances) == 1
            and r.instances[0].function
            and not (r.asks_who or r.subjects)  # "le recrutement … ou ça part à la DRH régionale ?"
            and cues.PARTS.search(q.flat)
        ):
            # "what are the three components of the regional IT department?": the blocks of the function it runs
            return topics.structure(self.view, lang, r.instances[0].function, q.years[0] if q.years else None)
        if r.context_function and not (r.modes or r.instances or r.subjects) and cues.MAP_CHANGES.search(q.flat):
            return topics.map_changes(self.view, lang, r.context_function, q.years)  # "nouvelles activités RH en 2021"
        # no map: "un graphique des engagements RH" (their chart), "le contrôle de gestion sur les 3 cartes" (a history)
        shown = r.context_function and not (r.modes or r.instances) and q.says(cues.SHOW_MAP) and not r.across
        shown = shown and not r.history_over_maps and not self._block_on_its_map(r)
        if shown and not (cues.NAMES_COMMITMENT.search(q.flat) or re.search(r"\b(?:avancement|progress)\b", q.flat)):
            changes = bool(q.says(cues.EVOLUTION))
            return topics.map_answer(self.view, lang, r.context_function, q.years, changes)
        if not (r.context_function or r.modes or r.instances) and q.says(cues.SHOW_MAP):
            named = [h.entity for h in r.hits if h.score >= 0.95 and self.rank.kind(h) == "function"]
            if len(named) < 2 and not r.subjects and cues.MAPS.search(q.flat):  # "montre les cartes 2017"
                named = list(self.view.functions)
            if len(named) >= 2:  # "the 2017 finance and HR charts side by side": the first, how to ask the others
                return topics.maps_answer(self.view, lang, named, q.years, bool(q.says(cues.EVOLUTION)))
        drawn = None if r.modes or r.instances else self._block_drawn(q, r.subjects)
        if drawn:  # "tu peux me faire un schéma des activités marchés publics ?": the block, on its function's map
            return drawn
        if is_commitment_question(q, self.view.commitments):
            # "où en est la COM ?": the Communication function's commitments, or the agreement with the State the
            # Bureau follows? Only the word "engagement" or a commitment's id says it is the function's
            shared = [
                h
                for h in r.hits
                if h.ambiguous and h.score >= 0.95 and not set(h.targets).isdisjoint(self.view.instances)
            ]
            if shared and not (r.function or q.says(cues.COMMITMENT) or commitment_ids(q, self.view.commitments)):
                # "labo de com, ça avance ?": the other words name one commitment, the communication's laboratory
                titled = self._titled_commitments(q, {w for h in shared for w in h.used})
                return self._commitments(q, r.hits, titled[0].function) if titled else self._clarify(q, shared)
            return self._commitments(q, r.hits, r.context_function)
        if not (r.instances or r.modes or q.years) and cues.GOVERNANCE_OVERVIEW.search(q.flat):
            return topics.governance_overview(self.view, lang)  # "quelles sont les instances ?"
        # a definition or a case's name asked of the modes named ("des règles communes mais chacun chez soi, ça
        # s'appelle comment ?"), its cues searched only then
        named = r.modes and not r.instances
        if named and (self._defining(r) or q.says(cues.LIST_ALL_MODES) or q.says(cues.CASE_NAME)):
            return topics.mode_definition(self.view, lang, self._defined_modes(q, r.modes))
        of = r.subjects or r.function or r.context_function  # "IT function: how did the modes evolve?"
        if not r.modes and q.says(cues.LIST_ALL_MODES) and not (of and q.says(cues.EVOLUTION)):
            # not "le plan de formation est passé par quels modes ?": a named thing's history
            return topics.mode_definition(self.view, lang, [])
        return self._function_structure(r)

    def _subject_routes(self, r: Reading) -> Answer | None:
        """Routes about what the question names: a map note, an activity or a block, a mode."""
        q, lang = r.q, r.q.lang
        asks_mode = r.says_mode or bool(q.years)
        described = [] if r.subjects or r.modes or r.instances or q.years else self._modes_described(q)
        if described:  # "si on délègue une activité à CCI France, c'est quel mode ?"
            return topics.mode_definition(self.view, lang, described)
        topic = notes.find(self.notes, q.content, r.context_function)
        if topic is None and q.lang == "en":  # "the IT tools of the finance function": the note's French words
            topic = notes.find(self.notes, self._narrative_words(q), r.context_function)
        if topic and (asks_mode or r.modes or q.says(cues.EVOLUTION)):
            # "mode des outils informatiques de la fonction finance en 2017": a map note, no block
            return notes.answer(self.view, lang, topic, q.years, bool(q.says(cues.EVOLUTION)))
        if (
            not (asks_mode or r.modes or (r.asks_who and not cues.WHO_TO_CONTACT.search(q.flat)) or r.instances)
            and (cues.PERSONAL.search(REQUEST.sub(" ", q.flat)) or cues.ACT_WISH.search(q.flat))
            and not (
                q.says(cues.EVOLUTION)
                or (q.says(cues.DEFINITION) and not cues.POSSESSIVE.search(q.flat))  # "what's my leave balance"
                or cues.FUNCTION_SCOPE.search(q.flat)
            )
        ):  # "combien de jours de congés il me reste": the asker's own case, which no SROM answers
            return guide.unknown_answer(lang)
        subjects = r.subjects
        if subjects and r.modes and q.says(cues.LISTING) and self.rank.unsure_of(subjects, r.context_function):
            # "which legal / procurement activities are mutualised in 2017?": a listing, not a name to ask back about
            subjects = []
        if subjects and not (asks_mode or r.modes or q.says(cues.EVOLUTION)):
            either = self._activity_or_commitments(q, subjects[0])
            if either:
                return either
        if subjects and asks_mode:
            subjects, namesake = self._function_namesake(q, r.hits, subjects)
            if namesake is not None:
                return self._clarify(q, namesake)
        if subjects and not (r.instances and self.rank.kind(r.hits[0]) == "instance" and not asks_mode):
            if r.asks_who and not (q.years and any(map(self._mapped, subjects[0].targets or [subjects[0].entity]))):
                # "qui a porté le logo full CCI": the narrative says who, the map does not; "qui gère la paie en
                # 2017 ?" is the map's mode of that year (who holds it: each CCI, or the region)
                found = self._leftover_search(q, [])
                if found:
                    return found
            return self._about_subject(q, subjects, r.modes)
        if not r.modes or (r.instances and not r.mode_said):  # "one elected lead per theme in each local chamber?"
            return None if r.modes else self._listing_described(r)  # "ce que chaque CCI gérait dans son coin"
        if self._mode_of_a_thing_unmapped(r):
            # "les services généraux, c'est mutualisé ?", "l'appui aux entreprises, intégré ou autonome ?"
            return self._not_on_maps(q, q.years[0] if len(q.years) == 1 else None)
        if q.says(cues.WHICH_MODE) and not (q.years or r.context_function):
            return topics.mode_definition(self.view, lang, self._defined_modes(q, r.modes))
        if not (q.years or q.foreign_years or r.context_function or q.says(cues.LISTING)):
            return topics.mode_definition(self.view, lang, self._defined_modes(q, r.modes))
        found = self._gains_asked(r) or self._leftover_search(q, r.hits) or self._whole_function_mode(r)
        if found:  # the gains of a mode; a topic of the narrative; "globalement la fonction SI en 2017 elle est en M ?"
            return found
        span = cues.YEAR_SPAN.search(q.flat)  # "intégrées entre 2013 et 2017": what they are in 2017
        years = [int(span.group(1))] if span and int(span.group(1)) in q.years else q.years
        return self._mode_listing(r, years)

    def _last_routes(self, r: Reading) -> Answer:
        """Nothing named decided it: a function's modes, a named fact, a function's structure or narrative, a body,
        else the nearest passage (or nothing, said so)."""
        q, lang = r.q, r.q.lang
        changes = bool(q.says(cues.EVOLUTION))
        # the function named, or the one the names belong to when the question says "function"
        function = r.function or (r.context_function if cues.FUNCTION_WORD.search(q.flat) else None)
        if (
            function
            and (r.says_mode or changes)
            and not (r.instances or (q.says(cues.SHOW_MAP) and not r.history_over_maps))
            and not (cues.GAINS.search(q.flat) and not r.says_mode)
        ):
            # "la DSI en 2017, quel mode globalement ?": the function's activities, counted by mode
            return function_modes(self.view, lang, function, q.years, changes, bool(cues.BEFORE.search(q.flat)))
        # "to which chamber was the regional IT function delegated in 2013?": the fact a phrase names
        if not r.subjects and self.governance.specific_facts(q):
            gov = self._governance(q, r.instances, strict=True)
            if gov:
                return gov
        year = q.years[0] if q.years else None
        gains = None if r.subjects else self._gains_asked(r)
        if gains:  # "ça a rapporté quoi, côté finance ?", "combien on a économisé en regroupant la compta ?"
            return gains
        if r.context_function and not r.instances and cues.STRUCTURE.search(q.flat):
            # "c'est quoi le CERAL mentionné dans la partie juridique ?": a topic of the narrative, in a function
            found = self._leftover_search(q, r.hits)
            return found or topics.structure(self.view, lang, r.context_function, year)
        gov = self._governance(q, r.instances, function=r.context_function)
        if (
            gov
            and not (r.asks_who or self.governance.facts(q))
            and (not r.instances or (cues.EVENT.search(q.flat) and not q.says(cues.ROLE_OF)))
        ):
            # only a body's name, or a role's verb read in a noun ("l'analyse de 2013"): a topic of the narrative
            # the question names besides ("le séminaire de février 2017") is what it asks about
            found = self._leftover_search(q, r.hits)
            if found:
                return found
        if gov:
            return gov
        if (
            (r.says_mode or (changes and not cues.PERSONAL.search(q.flat)))  # "je change mon mot de passe": no history
            and not (r.subjects or r.instances or function or re.search(r"\bmodes\b", q.flat))  # "les modes" themselves
            and (self._unnamed_words(q) or (q.years and q.content and not self._named_partly(r)))
        ):
            # "mode de gestion de l'archivage ?", "le courrier, ça a bougé depuis 2013 ?": no map holds it
            year = q.years[0] if len(q.years) == 1 else None
            return self._not_on_maps(q, year, history=changes)
        if self._mostly_foreign(q):  # "the wifi password at CCI Vendée", "days off in the HR portal"
            return self._nothing_found(q)
        if r.context_function or (cues.STRUCTURE.search(q.flat) and re.search(r"fonction|function|srom", q.text)):
            found = self._leftover_search(q, r.hits)
            return found or topics.structure(self.view, lang, r.context_function, year)
        partly = self._partly_named(r)  # "stratégie mode 2021": "Stratégie achats" or "stratégie RH"?
        return self._clarify(q, partly, weak=True) if partly else self._fallback(q, r.weak_subjects)
