"""Route one chat message to the right kind of answer."""

from __future__ import annotations

import logging
import re

from bot.engine import commitments, cues, followup, guide, notes, replies, topics
from bot.engine.acronyms import TextAcronyms
from bot.engine.answer import Answer, Ref
from bot.engine.function_modes import function_modes
from bot.engine.governance import GovernanceMatcher, commitment_ids, is_commitment_question
from bot.engine.lookup import Item, KnowledgeView
from bot.engine.matcher import EntityMatcher, Hit
from bot.engine.normalize import LISTING_WORDS, Query, parse
from bot.engine.ranking import CLOSE_RUN, Ranking, name_key
from bot.engine.search import PassageSearch, SearchHit
from bot.engine.spelling import Speller, stem_fr
from srom_data.models import Instance, KnowledgeBase, Passage
from srom_data.text import canonical_quote, key

logger = logging.getLogger(__name__)

WEAK = 0.6  # below ACCEPT but above this: offered as "did you mean", never answered
FALLBACK_SHARE = 0.6  # the weighted share of the question a passage must hold to be shown as the answer
# Words that shape a listing or structure question rather than name a topic of the narrative.
GENERIC_WORDS = frozenset(
    """activites activities activite activity processus process processes fonction fonctions function functions
    bloc blocs block blocks couvre couvrent comprend contient liste list trucs choses things srom cci cartographie
    carte carto map macro quelles quels tout toutes passent passe sont reste restent volet volets pole poles
    perimetre perimetres regroupe regroupent inclut incluent englobe englobent metiers parle parlent mentionne
    mentionnee mentionnes mentioned mentions section sections partie parties part support supports soutien
    action actions""".split()
)
# The share of the IDF weight of a question's leftover words a passage must hold to answer it (with the rarest)
TELLING_SHARE = 0.6
FORCED = re.compile(r"^=([A-Za-z0-9_.\-?]+)\|")


_CLAUSE_BREAK = re.compile(r"(?<=\S)\s*(?:[:;.!?]|\s[—–-])\s+(?=\S)")


def last_clause(message: str) -> str | None:
    """The last clause of a message of several (after a colon, a full stop, a dash), when it has three words or
    more; None when the message is one clause."""
    parts = [p for p in _CLAUSE_BREAK.split(message.strip()) if p.strip()]
    if len(parts) < 2:
        return None
    tail = parts[-1].strip()
    return tail if len(tail.split()) >= 3 else None


class Engine:
    """Built once per process: the knowledge base, the alias matcher and the passage index."""

    def __init__(self, kb: KnowledgeBase, status: topics.StatusProvider | None = None) -> None:
        self.kb = kb
        self.status = status
        self.search = PassageSearch(kb)
        self.view = KnowledgeView(kb, self.search)
        self.speller = Speller(kb, cues.vocabulary())
        self.matcher = EntityMatcher(kb, self.speller.rewrite_name)
        self.governance = GovernanceMatcher(kb)
        self.acronyms = TextAcronyms(kb, self.matcher, self.search)
        self.notes = notes.note_topics(self.view)
        self.rank = Ranking(self.view, self.matcher, self.speller)
        self._passage_texts = [(p, canonical_quote(p.text)) for p in kb.passages]
        self._about_modes: dict[tuple[str, str | None, tuple[int, ...]], tuple[list, list]] = {}

    def answer(self, question: str, context: followup.Context | None = None) -> Answer:
        """The answer to one message; with the conversation's `context`, a follow-up is read against it."""
        if context is not None:
            return followup.answer_in_context(self._answer_alone, question, context, self.kb.meta.years)
        return self._answer_alone(question)

    def _answer_alone(self, question: str) -> Answer:
        try:
            answer = self._answer(question or "")
            if answer.intent == "unknown":
                # "Bonjour, je viens d'arriver au service compta : en 2017, la compta fournisseur était en quel
                # mode ?": a preamble drowns the question; its last clause may be a question of its own
                tail = last_clause(question or "")
                if tail:
                    again = self._answer(tail)
                    if again.intent != "unknown":
                        return again
            return answer
        except Exception:  # the engine must always answer; a bug is logged, never shown
            logger.exception("engine failed on %r", (question or "")[:200])
            return guide.unknown_answer("fr")

    # -- routing ----------------------------------------------------------------------------------------------

    def _answer(self, raw: str) -> Answer:
        forced = FORCED.match(raw)
        if forced:
            raw = raw[forced.end() :]
        q = parse(raw, self.view.years, self.speller.rewrite)
        lang = q.lang
        if forced:
            chosen = self._about_entity(q, forced.group(1))
            if chosen:
                return chosen
        if (
            not q.text
            or cues.HELP.match(q.flat)
            or (cues.HELP_ANYWHERE.search(q.flat) and len(q.content) <= 4 and not self._names_a_thing(q))
            or (cues.COURTESY.search(q.flat) and all(cues.COURTESY.fullmatch(w) for w in q.content))
            or (
                any(cues.ABOUT_BOT.fullmatch(w) and w != "srom" for w in q.content)
                and all(cues.ABOUT_BOT.fullmatch(w) or cues.COURTESY.fullmatch(w) for w in q.content)
            )
        ):  # a greeting or a thank-you that names nothing: the help
            return guide.help_answer(lang, self.kb.meta.region)
        thanks = cues.THANKS.match(q.flat)
        if thanks and "?" not in q.raw:
            clauses = re.split(r"[,.;:!—–]", q.flat[thanks.end() :])
            if not any(cues.ASKS_SOMETHING.match(c.strip()) for c in clauses):
                return guide.thanks_answer(lang)
        defined = self.acronyms.passages(q.content, bool(cues.DEFINITION.search(q.flat)))
        if defined and not cues.WHO.search(q.flat):
            return guide.fallback(lang, defined, self.view.functions)
        if cues.COUNT_FUNCTIONS.search(q.flat):
            return topics.structure(self.view, lang, None, None)
        hits, weights = self.matcher.match(q.content, q.lang)
        if q.lang == "en":
            bodies = self._bodies_in_french(q, hits)
            if bodies:
                hits = sorted([*hits, *bodies], key=lambda h: (-h.score, -h.weight, not h.ambiguous, h.entity))
        function = self.rank.function(hits, direct_only=True)
        context_function = function or self.rank.function(hits, direct_only=False)
        modes = self.rank.modes(q, hits)
        instances = self._instances(hits)
        says_mode = bool(cues.WHICH_MODE.search(q.flat) or re.search(r"\bmodes?\b", q.flat))
        asks_mode = says_mode or bool(q.years)
        asks_who = bool(cues.WHO.search(q.flat)) and not says_mode

        specific = self.governance.specific_facts(q)
        reason = bool(cues.REASON.search(q.flat)) and not says_mode  # "why was … chosen for HR back in 2013?"
        if reason or (cues.WHEN.search(q.flat) and not (modes or says_mode or q.years)):
            if specific and cues.WHEN.search(q.flat):  # "le directeur juridique, désigné quand ?": the dated fact
                gov = self._governance(q, instances, strict=True)
                if gov:
                    return gov
            found = self._reason_search(q)
            if found:
                return found
        if asks_who and cues.NAMES_COMMITMENT.search(q.flat) and re.search(r"\breferent", q.flat):
            # "qui est référent de l'engagement achats ?" asks about tracking, not about the governance
            return self._commitments(q, hits, context_function)
        if asks_who:  # "qui vote le budget" is about the governance, not about the budget activities
            # "qui suit la COM conclue avec l'État": an acronym the text defines names no function here
            named = None if set(q.content) & set(self.acronyms.defined) else context_function
            gov = self._governance(q, instances, strict=True, function=named)
            if gov:
                return gov
        if cues.SHOW_MAP.search(q.flat) and context_function and not (modes or instances):
            return topics.map_answer(self.view, lang, context_function, q.years, bool(cues.EVOLUTION.search(q.flat)))
        if is_commitment_question(q, self.view.commitments):
            return self._commitments(q, hits, context_function)
        if not (instances or modes or q.years) and cues.GOVERNANCE_OVERVIEW.search(q.flat):
            return topics.governance_overview(self.view, lang)  # "quelles sont les instances ?"
        defining = cues.STRONG_DEFINITION.search(q.flat) or (
            cues.DEFINITION.search(q.flat) and not (q.years or context_function)
        )
        if modes and (defining or cues.LIST_ALL_MODES.search(q.flat)) and not instances:
            return topics.mode_definition(self.view, lang, self._defined_modes(q, modes))
        if not modes and cues.LIST_ALL_MODES.search(q.flat):
            return topics.mode_definition(self.view, lang, [])

        if (
            function
            and cues.FUNCTION_WORD.search(q.flat)
            and cues.FUNCTION_SCOPE.search(q.flat)
            and not (modes or says_mode or asks_who)
        ):
            # "what blocks make up the IS function?", "périmètre de la fonction juridique / achats ?"
            return topics.structure(self.view, lang, function, q.years[0] if q.years else None)
        rescored = self.rank.rescore(hits, weights, q.content)
        # A mode named asks about a map: only activities and blocks have a mode.
        on_map = says_mode or bool(modes)
        changes = on_map and bool(cues.EVOLUTION.search(q.flat))
        subject_hits = self.rank.subject_hits(rescored, function, q.years, on_map, modes=modes, changes=changes)
        subject_hits_weak = (
            []
            if subject_hits
            else self.rank.subject_hits(rescored, function, q.years, on_map, WEAK, modes=modes, changes=changes)
        )
        topic = notes.find(self.notes, q.content, context_function)
        if topic and (asks_mode or modes or cues.EVOLUTION.search(q.flat)):
            # "mode des outils informatiques de la fonction finance en 2017": a map note, no block
            return notes.answer(self.view, lang, topic, q.years, bool(cues.EVOLUTION.search(q.flat)))
        if (
            cues.PERSONAL.search(q.flat)
            and not (asks_mode or modes or asks_who or instances)
            and not (
                cues.EVOLUTION.search(q.flat) or cues.DEFINITION.search(q.flat) or cues.FUNCTION_SCOPE.search(q.flat)
            )
        ):  # "combien de jours de congés il me reste": the asker's own case, which no SROM answers
            return guide.unknown_answer(lang)
        if subject_hits and not (instances and self.rank.kind(hits[0]) == "instance" and not asks_mode):
            if asks_who and not (
                q.years and any(map(self._mapped, subject_hits[0].targets or [subject_hits[0].entity]))
            ):
                # "qui a porté le logo full CCI": the narrative says who, the map does not; "qui gère la paie en
                # 2017 ?" is the map's mode of that year (who holds it: each CCI, or the region)
                found = self._leftover_search(q, [])
                if found:
                    return found
            return self._about_subject(q, subject_hits, modes)
        if modes:
            if cues.WHICH_MODE.search(q.flat) and not (q.years or context_function):
                return topics.mode_definition(self.view, lang, self._defined_modes(q, modes))
            if q.years or q.foreign_years or context_function or cues.LISTING.search(q.flat):
                found = self._leftover_search(q, hits)
                if found:
                    return found
                span = cues.YEAR_SPAN.search(q.flat)  # "intégrées entre 2013 et 2017": what they are in 2017
                years = [int(span.group(1))] if span and int(span.group(1)) in q.years else q.years
                return topics.mode_list(
                    self.view,
                    lang,
                    modes[0],
                    years,
                    context_function,
                    None,
                    self._preface(q),
                    self._about_mode(modes[0], context_function, years),
                )
            return topics.mode_definition(self.view, lang, self._defined_modes(q, modes))
        if (
            function
            and (says_mode or cues.EVOLUTION.search(q.flat))
            and not (instances or cues.SHOW_MAP.search(q.flat))
        ):  # "la DSI en 2017, quel mode globalement ?": the function's activities, counted by mode
            return function_modes(self.view, lang, function, q.years, bool(cues.EVOLUTION.search(q.flat)))
        if specific and not subject_hits:  # "to which chamber was the regional IT function delegated in 2013?"
            gov = self._governance(q, instances, strict=True)
            if gov:
                return gov
        if context_function and cues.STRUCTURE.search(q.flat) and not instances:
            # "c'est quoi le CERAL mentionné dans la partie juridique ?": a topic of the narrative, in a function
            found = self._leftover_search(q, hits)
            if found:
                return found
            return topics.structure(self.view, lang, context_function, q.years[0] if q.years else None)
        gov = self._governance(q, instances, function=context_function)
        if gov:
            return gov
        if self._mostly_foreign(q):  # "the wifi password at CCI Vendée", "days off in the HR portal"
            return guide.unknown_answer(lang)
        if context_function or (cues.STRUCTURE.search(q.flat) and re.search(r"fonction|function|srom", q.text)):
            found = self._leftover_search(q, hits)
            if found:
                return found
            return topics.structure(self.view, lang, context_function, q.years[0] if q.years else None)
        return self._fallback(q, subject_hits_weak)

    def _foreign_words(self, q: Query) -> list[str]:
        """The question's words the SROM never uses (nor its names, nor the lexicon's English)."""
        return [
            w
            for w in q.content
            if w not in self.speller.known
            and not self.matcher.expand(w, q.lang)
            and not (q.lang == "en" and self.governance.french(w) != w)
        ]

    def _mostly_foreign(self, q: Query) -> bool:
        """Half the question's words or more are foreign to the SROM (two at least): whatever else it shares with
        the text (a chamber's name, "RH"), it is about something else. Only asked where the answer would be a search
        or a listing, never once a subject, a body or a fact was recognised."""
        foreign = self._foreign_words(q)
        return len(foreign) >= 2 and 2 * len(foreign) >= len(q.content)

    def _defined_modes(self, q: Query, modes: list[str]) -> list[str]:
        """The modes to define: all of them (an empty list) when one is named among "les modes" asked about
        together ("les modes sont hiérarchisés ? l'intégration c'est le niveau ultime ?")."""
        return [] if len(modes) == 1 and re.search(r"\bmodes\b", q.flat) else modes

    def _bodies_in_french(self, q: Query, hits: list[Hit]) -> list[Hit]:
        """A body an English question names in words no English name of it holds ("the procurement committee"):
        the question's words read as the text's French words (lexicon.yaml, `english`) name it."""
        if any(h.score >= 0.8 and self.rank.kind(h) == "instance" for h in hits):
            return []
        french = self._narrative_words(q)
        if french == q.content:
            return []
        found, _ = self.matcher.match(french, "fr")
        return [h for h in found if h.score >= 0.8 and self.rank.kind(h) == "instance"]

    def _mapped(self, entity_id: str) -> bool:
        """An activity or a block drawn on a map (an action of the narrative is not)."""
        item = self.view.items.get(entity_id)
        return item is not None and not (item.activity is not None and item.activity.kind == "action")

    def _names_a_thing(self, q: Query) -> bool:
        """The question names something of the SROM in full ("le bureau sert à quoi ?" is no call for help)."""
        hits, _ = self.matcher.match(q.content, q.lang)
        return any(h.score >= 0.95 and self.rank.kind(h) != "mode" for h in hits)

    def _about_subject(self, q: Query, subject_hits: list[Hit], modes: list[str]) -> Answer:
        # A name written out whole ("relations avec la tutelle") beats a shorter shared one ("relations tutelle").
        said = f" {key(q.text)} "
        verbatim = [
            h for h in subject_hits if not h.ambiguous and " " in name_key(h.alias) and f" {name_key(h.alias)} " in said
        ]
        longest = max((len(name_key(h.alias).split()) for h in subject_hits if h not in verbatim), default=0)
        if (
            len(verbatim) == 1
            and verbatim[0].score >= subject_hits[0].score
            and len(name_key(verbatim[0].alias).split()) > longest
        ):
            subject_hits = [verbatim[0], *(h for h in subject_hits if h is not verbatim[0] and h.score < 1.0)]
        top = subject_hits[0]
        if re.search(r"\b(?:blocs?|blocks?)\b", q.flat):
            # "liste des activités du bloc formation": of the things named "formation", the block
            close = [h for h in subject_hits if top.score - h.score <= CLOSE_RUN]
            blocks = {
                t
                for h in close
                for t in (h.targets or (h.entity,))
                if t in self.view.items and self.view.items[t].activity is None
            }
            if len(blocks) == 1:
                top = Hit(blocks.pop(), top.score, top.weight, top.alias, (), top.used)
                subject_hits = [top]
        if top.ambiguous and (q.years or cues.EVOLUTION.search(q.flat) or re.search(r"\bmodes?\b", q.flat)):
            # "la com en 2013, quel mode ?": of the things "COM" names, only the function has modes
            functions = [t for t in top.targets if t in self.view.functions]
            if len(functions) == 1 and all(t in self.view.instances for t in top.targets if t not in functions):
                changes = bool(cues.EVOLUTION.search(q.flat))
                return function_modes(self.view, q.lang, functions[0], q.years, changes)
        if top.ambiguous or self.rank.close_run(subject_hits):
            return self._clarify(q, subject_hits)
        item = self.view.items.get(top.entity)
        unmapped = item is not None and item.activity is not None and item.activity.kind == "action"
        if top.entity in self.view.named and (
            q.years or cues.WHICH_MODE.search(q.flat) or re.search(r"\bmodes?\b", q.flat)
        ):
            # "mode de gestion des relations presse en 2021 ?": an objective has no map, hence no mode; said so
            return topics.named_item_mode(self.view, q.lang, top.entity, top.alias, q.years)
        if (top.entity in self.view.named or unmapped) and cues.DEFINITION.search(q.flat) and not (modes or q.years):
            # "la TRIA c'est quoi", "c'est quoi le logo full CCI ?": the narrative defines it, not a map
            found = self._leftover_search(q, [])
            if found:
                return found
        block = self.view.items[top.entity].block if top.entity in self.view.items else None
        if block and modes and cues.BLOCK_LISTING.search(q.flat) and not cues.WHICH_MODE.search(q.flat):
            # "achats : qu'est-ce qui est harmonisé en 2017 ?" lists the block's activities in that mode
            fid = self.view.function_of(block.id)
            return topics.mode_list(self.view, q.lang, modes[0], q.years, fid, block.id, self._preface(q))
        if block and cues.BLOCK_CONTENT.search(q.flat) and not (modes or cues.WHICH_MODE.search(q.flat)):
            return topics.block_structure(self.view, q.lang, self.view.items[top.entity], q.years)
        if item and item.activity and cues.CONTENT_OF.search(q.flat) and not (modes or cues.WHICH_MODE.search(q.flat)):
            # "la paie, y a quoi dedans ?": an activity holds nothing; the block it sits in (that year) does
            placed = [
                p.block
                for y, p in sorted(item.activity.placements.items())
                if p.block and (y in q.years or not q.years)
            ]
            if placed and placed[-1] in self.view.items:
                return topics.block_structure(self.view, q.lang, self.view.items[placed[-1]], q.years)
        return self._about_entity(q, top.entity) or guide.unknown_answer(q.lang)

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

    def _instances(self, hits: list[Hit]) -> list[Instance]:
        """Instances named, without those whose name is inside a longer one ("présidents" in "comité des
        présidents")."""
        found = [h for h in hits if h.score >= 0.8 and self.rank.kind(h) == "instance"]
        kept = [
            h
            for h in found
            if not any(h.used < o.used or (h.used == o.used and o.weight > h.weight) for o in found if o is not h)
        ]
        return [self.view.instances[h.entity] for h in kept]

    def _leftover_search(self, q: Query, hits: list[Hit]) -> Answer | None:
        """The narrative, when the question's words beyond what was recognised (a function, a mode) are
        a topic of their own that a passage holds entirely: "l'audit SI c'est pour quand les conclusions"."""
        used: set[str] = set()
        for h in hits:
            if h.score >= 0.95 and self.rank.kind(h) in ("function", "mode", "instance"):
                used |= h.used
        parts = [
            p
            for w in q.content
            if w not in used and not self.matcher.names_kind(w, ("function", "mode"), q.lang)
            for p in (self.governance.french(w) if q.lang == "en" else w).replace("-", " ").split()
        ]
        words = [w for w in dict.fromkeys(parts) if w and w not in GENERIC_WORDS and w not in LISTING_WORDS]
        if not words or not any(len(w) >= 4 for w in words):
            return None
        needed = len(words) if len(words) <= 2 else max(2, -(-3 * len(words) // 5))  # all, or 60 % of them
        hits = self.search.search(words)
        found = [h for h in hits if h.matched >= needed] or [
            h for h in hits if self.search.holds_telling(h, words, TELLING_SHARE)
        ]
        return guide.fallback(q.lang, found, self.view.functions) if found else None

    def _narrative_words(self, q: Query) -> list[str]:
        """The question's words as the narrative's French words: an English word is searched as the French word the
        lexicon gives for it ("objectives" is "objectifs")."""
        if q.lang != "en":
            return q.content
        return [w for word in q.content for w in self.governance.french(word).split()]

    def _reason_search(self, q: Query) -> Answer | None:
        """The narrative, for a reason or a legal basis asked about a topic: the passages that hold the topic's
        words (all of them, or 60 % of a long question), whatever the topic names on the maps."""
        asked = {w for cue in (cues.REASON, cues.WHEN) for m in cue.finditer(q.flat) for w in m.group(0).split()}
        parts = [p for w in self._narrative_words(q) if w not in asked for p in w.split("-")]
        words = [w for w in dict.fromkeys(parts) if len(w) >= 3 and w not in GENERIC_WORDS and w not in LISTING_WORDS]
        if not words:
            return None
        needed = len(words) if len(words) <= 2 else max(2, -(-3 * len(words) // 5))
        hits = self.search.search(words)
        found = [h for h in hits if h.matched >= needed] or [
            h for h in hits if h.matched >= 2 and self.search.holds_telling(h, words, TELLING_SHARE)
        ]
        return guide.fallback(q.lang, found, self.view.functions) if found else None

    def _about_entity(self, q: Query, entity_id: str) -> Answer | None:
        """The answer about one chosen entity (a clarification's pick, or the one clear match)."""
        view, lang = self.view, q.lang
        if entity_id in view.items:
            return self._about_item(q, view.items[entity_id])
        if entity_id in view.named:
            return topics.named_item(view, lang, entity_id)
        if entity_id in view.functions:
            return topics.structure(view, lang, entity_id, q.years[0] if q.years else None)
        if entity_id in view.instances:
            return topics.governance(view, lang, [view.instances[entity_id]], [], [], False)
        if entity_id in view.modes:
            return topics.mode_definition(view, lang, [entity_id])
        if entity_id in view.commitments:
            return topics.commitments(view, lang, [view.commitments[entity_id]], None, self.status)
        return None

    def _clarify(self, q: Query, hits: list[Hit], weak: bool = False) -> Answer:
        top = hits[0]
        if top.ambiguous:
            ids = list(top.targets)
        elif weak:
            ids = [t for h in hits for t in (h.targets or (h.entity,))]
        else:
            ids = [h.entity for h in hits if top.score - h.score <= CLOSE_RUN and not h.ambiguous]
        candidates = [Ref(id=e, label=self.view.describe(e)) for e in list(dict.fromkeys(ids))[:6]]
        followups = {c.id: f"={c.id}|{q.raw}" for c in candidates}
        answer = guide.clarification(q.lang, candidates, followups, top.alias, unsure=weak)
        functions = {self.view.function_of(c.id) for c in candidates}
        fn = self.view.functions.get(functions.pop() or "") if len(functions) == 1 else None
        return answer.model_copy(
            update={
                "year": q.years[0] if len(q.years) == 1 else None,
                "function": self.view.function_ref(fn) if fn else None,
            }
        )

    def _preface(self, q: Query) -> str:
        """What to say first when the question names a year the SROM does not cover."""
        if not q.foreign_years or q.years:
            return ""
        listed = ", ".join(str(y) for y in self.view.years)
        other = ", ".join(str(y) for y in q.foreign_years)
        return replies.t(
            q.lang,
            f"Le SROM ne décrit pas {other} : il donne {listed}.",
            f"The SROM does not describe {other}: it gives {listed}.",
        )

    def _about_item(self, q: Query, item: Item) -> Answer:
        if cues.WHY.search(q.flat):
            found = self._why(q, item)
            if found:
                return found
        preface = self._preface(q)
        if preface:  # a lookup for a year outside the SROM: say so, then show the years it has
            return replies.evolution(self.view, q.lang, item, preface).model_copy(update={"intent": "mode_lookup"})
        if len(q.years) == 1 and not cues.EVOLUTION.search(q.flat):
            return replies.mode_lookup(self.view, q.lang, item, q.years[0])
        answer = replies.evolution(self.view, q.lang, item)
        if q.years or cues.EVOLUTION.search(q.flat):
            return answer
        # "les sites web, c'est harmonisé ?": a mode asked without a year is answered with every year's mode;
        # the mode named is the answer's when the text gives it for one of them.
        modes = self.rank.modes(q, self.matcher.match(q.content, q.lang)[0])
        found = [m for m in modes if self.rank.has_mode(item.id, [m], [])]
        return answer.model_copy(
            update={"intent": "mode_lookup", "mode": self.view.mode_ref(found[0]) if found else None}
        )

    def _why(self, q: Query, item: Item) -> Answer | None:
        """ "pourquoi la paie est-elle intégrée ?": the narrative around the sentences the item's modes are cited
        from (of the year asked, else of every year), or the passages nearest to it when the text gives none."""
        years = [y for y in q.years if y in item.years] or list(item.years)
        evidence = [e for y in years for _, a in self.view.assessments(item, y) for e in a.evidence]
        if evidence:  # the function's own narrative, not the preamble's definition of the mode
            hits = self._narrative_hits(evidence)
            hits = [h for h in hits if h.passage.function == item.function.id] or hits
        else:
            hits = [SearchHit(p, 0.0, 0) for y in years[-1:] for p in self.view.nearest_passages(item, y, limit=2)]
        if not hits:
            return None
        return guide.reasons(q.lang, item.label, hits[:3]).model_copy(
            update={
                "function": self.view.function_ref(item.function),
                "process": self.view.process_ref(item),
                "year": years[0] if len(q.years) == 1 else None,
            }
        )

    def _commitments(self, q: Query, hits: list[Hit], function: str | None) -> Answer:
        ids = commitment_ids(q, self.view.commitments)
        if not ids:
            ids = [h.entity for h in hits if h.score >= 0.9 and self.rank.kind(h) == "commitment"]
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
        want = commitments.wanted(q)
        if not items and not want.any:
            words = [
                w
                for w in q.content
                if not cues.COMMITMENT.search(w) and not self.matcher.names_kind(w, ("function", "mode"), q.lang)
            ]
            items = commitments.by_title_words(words, pool, stem_fr)
        items = items or pool
        if not want.any:
            return topics.commitments(self.view, q.lang, items, function, self.status)
        return commitments.tracked_answer(self.view, self.status, q.lang, items, function, want)

    def _governance(
        self,
        q: Query,
        instances: list[Instance],
        strict: bool = False,
        function: str | None = None,
    ) -> Answer | None:
        """Facts, roles or instances the question asks about; `strict` wants a fact or a role, not a bare name.
        The answer's function is the one the question names, else the one its facts are about."""
        facts = self.governance.facts(q)
        roles = self.governance.roles(q, instances)
        if instances and cues.ROLE_OF.search(q.flat):  # "que fait le GPL ?": all its roles, not one fact
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
        if facts and cues.EVENT.search(q.flat) and not (cues.WHO.search(q.flat) or composition or about_body):
            # "les 5 décisions du Bureau du 29 mai 2015", "quand sont attendues les conclusions de l'audit SI ?":
            # what happened, not who does what: the narrative says it, in its own words.
            answer = self._narrative(q, [e for f in facts[:2] for e in f.evidence])
        else:
            answer = topics.governance(self.view, q.lang, instances, roles, facts, composition)
        if function in self.view.functions:
            answer = answer.model_copy(update={"function": self.view.function_ref(self.view.functions[function])})
        if len(q.years) == 1 and any(f.year == q.years[0] for f in facts[:2]):  # a fact of the year asked
            answer = answer.model_copy(update={"year": q.years[0]})
        return answer

    def _narrative(self, q: Query, evidence: list) -> Answer:
        """The passages holding these quotes, as a narrative answer."""
        return guide.fallback(q.lang, self._narrative_hits(evidence)[:3], self.view.functions)

    def _narrative_hits(self, evidence: list) -> list[SearchHit]:
        """The passages holding these quotes (a quote outside the passages: the quote itself)."""
        quotes = [canonical_quote(e.quote) for e in evidence]
        hits = [SearchHit(p, 0.0, 0) for p, text in self._passage_texts if any(quote in text for quote in quotes)]
        if not hits:
            hits = [SearchHit(Passage(id="quote", section=e.section, text=e.quote), 0.0, 0) for e in evidence]
        return hits

    def _fallback(self, q: Query, weak: list[Hit]) -> Answer:
        terms = [w for w in self._narrative_words(q) if len(w) >= 3]
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
            if good:
                return guide.fallback(q.lang, good, self.view.functions)
        # A short name half-recognised is a question back, never an answer; unless the question has words the SROM
        # never uses ("demain", "meeting room"): then it is about something else.
        foreign = self._foreign_words(q)
        if weak and len(q.content) <= 3 and not foreign:
            return self._clarify(q, weak[:4], weak=True)
        return guide.unknown_answer(q.lang)
