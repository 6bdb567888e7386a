"""Route one chat message to the right kind of answer."""

from __future__ import annotations

import logging
import re

from bot.engine import cues, followup, guide, replies, topics
from bot.engine.answer import Answer, Ref
from bot.engine.governance import GovernanceMatcher, commitment_ids, is_commitment_question
from bot.engine.lookup import Item, KnowledgeView
from bot.engine.matcher import EntityMatcher, Hit
from bot.engine.normalize import LISTING_WORDS, Query, parse
from bot.engine.search import PassageSearch
from srom_data.models import Instance, KnowledgeBase
from srom_data.text import key

logger = logging.getLogger(__name__)

SUBJECT_KINDS = ("block", "activity", "objective", "theme")
ACCEPT = 0.75
WEAK = 0.6  # below ACCEPT but above this: offered as "did you mean", never answered
UNKNOWN_WORD_WEIGHT = 1.0
# Words that shape a listing or structure question rather than name a topic of the narrative.
GENERIC_WORDS = frozenset(
    """activites activities activite activity processus process processes fonction fonctions function functions
    bloc blocs block blocks couvre couvrent comprend contient liste list trucs choses things srom cci cartographie
    carte carto map macro quelles quels tout toutes passent passe sont reste restent volet volets pole poles
    perimetre perimetres regroupe regroupent inclut incluent englobe englobent""".split()
)  # share of an alias a question must cover to name its entity
CLOSE_RUN = 0.06  # two entities this close are a clarification, not a guess
FORCED = re.compile(r"^=([A-Za-z0-9_.\-?]+)\|")


class Engine:
    """Built once per process: the knowledge base, the alias matcher and the passage index."""

    def __init__(self, kb: KnowledgeBase, status: topics.StatusProvider | None = None) -> None:
        self.kb = kb
        self.status = status
        self.search = PassageSearch(kb)
        self.view = KnowledgeView(kb, self.search)
        self.matcher = EntityMatcher(kb)
        self.governance = GovernanceMatcher(kb)

    def answer(self, question: str, context: followup.Context | None = None) -> Answer:
        """The answer to one message; with the conversation's `context`, a follow-up is read against it."""
        if context is not None:
            return followup.answer_in_context(self._answer_alone, question, context, self.kb.meta.years)
        return self._answer_alone(question)

    def _answer_alone(self, question: str) -> Answer:
        try:
            return self._answer(question or "")
        except Exception:  # the engine must always answer; a bug is logged, never shown
            logger.exception("engine failed on %r", (question or "")[:200])
            return guide.unknown_answer("fr")

    # -- routing ----------------------------------------------------------------------------------------------

    def _answer(self, raw: str) -> Answer:
        forced = FORCED.match(raw)
        if forced:
            raw = raw[forced.end() :]
        q = parse(raw, self.view.years)
        lang = q.lang
        if forced:
            chosen = self._about_entity(q, forced.group(1))
            if chosen:
                return chosen
        if not q.text or cues.HELP.match(q.flat) or (cues.HELP_ANYWHERE.search(q.flat) and len(q.content) <= 2):
            return guide.help_answer(lang, self.kb.meta.region)
        if cues.OFF_TOPIC.search(q.flat):
            return guide.unknown_answer(lang)
        if cues.COUNT_FUNCTIONS.search(q.flat):
            return topics.structure(self.view, lang, None, None)
        hits, weights = self.matcher.match(q.content)
        function = self._function(hits, direct_only=True)
        context_function = function or self._function(hits, direct_only=False)
        modes = self._modes(q, hits)
        instances = self._instances(hits)
        says_mode = bool(cues.WHICH_MODE.search(q.flat) or re.search(r"\bmodes?\b", q.flat))
        asks_mode = says_mode or bool(q.years)
        asks_who = bool(cues.WHO.search(q.flat)) and not says_mode

        if asks_who:  # "qui vote le budget" is about the governance, not about the budget activities
            gov = self._governance(q, instances, strict=True)
            if gov:
                return gov
        if cues.SHOW_MAP.search(q.flat) and context_function and not (modes or instances):
            return topics.map_answer(self.view, lang, context_function, q.years, bool(cues.EVOLUTION.search(q.flat)))
        if is_commitment_question(q, self.view.commitments):
            return self._commitments(q, hits, context_function)
        defining = cues.STRONG_DEFINITION.search(q.flat) or (
            cues.DEFINITION.search(q.flat) and not (q.years or context_function)
        )
        if modes and (defining or cues.LIST_ALL_MODES.search(q.flat)) and not instances:
            return topics.mode_definition(self.view, lang, modes)
        if not modes and cues.LIST_ALL_MODES.search(q.flat):
            return topics.mode_definition(self.view, lang, [])

        rescored = self._rescore(hits, weights, q.content)
        subject_hits = self._subject_hits(rescored, function, q.years, says_mode)
        subject_hits_weak = [] if subject_hits else self._subject_hits(rescored, function, q.years, says_mode, WEAK)
        if subject_hits and not (instances and self._kind(hits[0]) == "instance" and not asks_mode):
            if asks_who:  # "qui a porté le logo full CCI": the narrative says who, the map does not
                found = self._leftover_search(q, [])
                if found:
                    return found
            return self._about_subject(q, subject_hits, modes)
        if modes:
            if cues.WHICH_MODE.search(q.flat) and not (q.years or context_function):
                return topics.mode_definition(self.view, lang, modes)
            if q.years or q.foreign_years or context_function or cues.LISTING.search(q.flat):
                found = self._leftover_search(q, hits)
                if found:
                    return found
                return topics.mode_list(self.view, lang, modes[0], q.years, context_function, None, self._preface(q))
            return topics.mode_definition(self.view, lang, modes)
        if context_function and cues.STRUCTURE.search(q.flat) and not instances:
            return topics.structure(self.view, lang, context_function, q.years[0] if q.years else None)
        gov = self._governance(q, instances)
        if gov:
            return gov
        if context_function or (cues.STRUCTURE.search(q.flat) and re.search(r"fonction|function|srom", q.text)):
            found = self._leftover_search(q, hits)
            if found:
                return found
            return topics.structure(self.view, lang, context_function, q.years[0] if q.years else None)
        return self._fallback(q, subject_hits_weak)

    def _about_subject(self, q: Query, subject_hits: list[Hit], modes: list[str]) -> Answer:
        top = subject_hits[0]
        if top.ambiguous or self._close_run(subject_hits):
            return self._clarify(q, subject_hits)
        if top.entity in self.view.named and cues.DEFINITION.search(q.flat):
            found = self._leftover_search(q, [])  # "la TRIA c'est quoi": the narrative defines it, not the theme
            if found:
                return found
        block = self.view.items[top.entity].block if top.entity in self.view.items else None
        if block and modes and cues.BLOCK_LISTING.search(q.flat) and not cues.WHICH_MODE.search(q.flat):
            # "achats : qu'est-ce qui est harmonisé en 2017 ?" lists the block's activities in that mode
            fid = self.view.function_of(block.id)
            return topics.mode_list(self.view, q.lang, modes[0], q.years, fid, block.id, self._preface(q))
        if block and cues.BLOCK_CONTENT.search(q.flat) and not (modes or cues.WHICH_MODE.search(q.flat)):
            return topics.block_structure(self.view, q.lang, self.view.items[top.entity], q.years)
        return self._about_entity(q, top.entity) or guide.unknown_answer(q.lang)

    def _instances(self, hits: list[Hit]) -> list[Instance]:
        """Instances named, without those whose name is inside a longer one ("présidents" in "comité des
        présidents")."""
        found = [h for h in hits if h.score >= 0.8 and self._kind(h) == "instance"]
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
            if h.score >= 0.95 and self._kind(h) in ("function", "mode", "instance"):
                used |= h.used
        parts = [p for w in q.content if w not in used for p in w.split("-")]
        words = [w for w in dict.fromkeys(parts) if w and w not in GENERIC_WORDS and w not in LISTING_WORDS]
        if not words or not any(len(w) >= 4 for w in words):
            return None
        needed = len(words) if len(words) <= 2 else max(2, -(-3 * len(words) // 5))  # all, or 60 % of them
        found = [h for h in self.search.search(words) if h.matched >= needed]
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

    def _function(self, hits: list[Hit], direct_only: bool) -> str | None:
        """The one function the question names; through a shared name ("communication") only if asked."""
        # A function's name inside a longer name ("comptabilité" in "comptabilité sociale") is not a mention.
        subjects = [h for h in hits if h.score >= 0.95 and self._kind(h) not in ("function", "mode")]
        direct = {
            h.entity
            for h in hits
            if h.score >= 0.95
            and self._kind(h) == "function"
            and key(h.alias) not in self.matcher.ambiguous_keys
            and not any(h.used <= s.used and s.weight > h.weight for s in subjects)
        }
        if direct_only or direct:
            return next(iter(direct)) if len(direct) == 1 else None
        shared = {t for h in hits if h.ambiguous and h.score >= 0.95 for t in h.targets if t in self.view.functions}
        return next(iter(shared)) if len(shared) == 1 else None

    def _kind(self, hit: Hit) -> str:
        ent = self.matcher.entities.get(hit.entity)
        return ent.kind if ent else "ambiguous"

    def _modes(self, q: Query, hits: list[Hit]) -> list[str]:
        codes = [h.entity for h in hits if h.score >= 0.85 and self._kind(h) == "mode"]
        letters = [m.group(1) for m in cues.SINGLE_MODE_LETTER.finditer(q.raw)]
        if cues.DEFINITION.search(q.flat) or re.search(r"\b(?:lettres?|letters?|sigles?|codes?)\b", q.text):
            # "que signifient A C H M I ?", "what does M stand for": bare capitals are mode codes here
            letters += [m.group(1) for m in cues.LETTERS.finditer(q.raw.replace("'", " ").replace("’", " "))]
        for code in letters:
            if code not in codes and code in self.view.modes:
                codes.append(code)
        return codes

    def _subject_hits(
        self, hits: list[Hit], function: str | None, years: list[int], asks_mode: bool = False, floor: float = 0.0
    ) -> list[Hit]:
        """Blocks, activities, objectives and themes the question names well enough, best first."""
        out = []
        for h in hits:
            if h.score < (floor or ACCEPT):
                continue
            if h.ambiguous:
                targets = self._filter_targets(h.targets, function, years)
                if asks_mode:  # only activities and blocks have a mode: "la formation en 2017, quel mode ?"
                    targets = [t for t in targets if t in self.view.items] or targets
                if len(targets) == 1:
                    out.append(Hit(targets[0], h.score, h.weight, h.alias, (), h.used))
                elif targets:
                    out.append(Hit(h.entity, h.score, h.weight, h.alias, tuple(targets), h.used))
            elif self._kind(h) in SUBJECT_KINDS:
                out.append(h)
        if asks_mode:
            out = [h for h in out if h.ambiguous or h.entity in self.view.items] or out
        narrowed = [h for h in out if not function or h.ambiguous or self.view.function_of(h.entity) == function]
        out = narrowed or out
        if years:
            present = [h for h in out if h.ambiguous or self._present(h.entity, years)]
            out = present or out
        out.sort(key=lambda h: (-h.score, -h.weight, not h.ambiguous))
        unique: dict[str, Hit] = {}
        for h in out:
            unique.setdefault(h.entity, h)
        return list(unique.values())

    def _rescore(self, hits: list[Hit], weights: dict[str, float], words: list[str]) -> list[Hit]:
        """Weigh each hit by how much of the question it explains, so that a one-word name ("Gestion") does not
        win a question that is mostly about something else. Words naming a function or a mode are context."""
        context: set[str] = set()
        for h in hits:
            if h.score >= 0.95 and self._kind(h) in ("function", "mode"):
                context |= h.used
        # A word the knowledge base does not know counts a little: "train nantes paris demain" is not training.
        unknown = [w for w in dict.fromkeys(words) if w not in weights and w not in context]
        total = sum(w for word, w in weights.items() if word not in context) + UNKNOWN_WORD_WEIGHT * len(unknown)
        out = []
        for h in hits:
            if total and self._kind(h) not in ("function", "mode", "instance", "commitment"):
                covered = sum(weights.get(word, 0.0) for word in h.used if word not in context)
                share = min(1.0, covered / total)
                h = Hit(h.entity, h.score * (0.55 + 0.45 * share), h.weight, h.alias, h.targets, h.used)
            out.append(h)
        return out

    def _present(self, entity_id: str, years: list[int]) -> bool:
        item = self.view.items.get(entity_id)
        return item is None or any(y in item.years for y in years)

    def _filter_targets(self, targets: tuple[str, ...], function: str | None, years: list[int]) -> list[str]:
        ids = list(dict.fromkeys(targets))
        if function:
            ids = [t for t in ids if function in (t, self.view.function_of(t))] or ids
        if years:
            ids = [t for t in ids if self._present(t, years)] or ids
        spans = [set(self.view.items[t].years) for t in ids if t in self.view.items]
        if len(spans) == len(ids) > 1 and all(a.isdisjoint(b) for i, a in enumerate(spans) for b in spans[i + 1 :]):
            # One thing under successive names on successive maps ("Paye" in 2013, "Réalisation des paies"
            # after): without a year of the SROM, the latest name stands for it.
            return [max(ids, key=lambda t: max(self.view.items[t].years))]
        return ids

    def _close_run(self, hits: list[Hit]) -> bool:
        if len(hits) < 2:
            return False
        a, b = hits[0], hits[1]
        if a.score - b.score > CLOSE_RUN or b.weight < 0.8 * a.weight:
            return False
        return not self._related(a.entity, b.entity)

    def _related(self, a: str, b: str) -> bool:
        """A block and one of its own activities are one subject, not a choice to offer."""
        ia, ib = self.view.items.get(a), self.view.items.get(b)
        if not ia or not ib:
            return False
        for x, y in ((ia, ib), (ib, ia)):
            if x.block and y.activity and any(p.block == x.block.id for p in y.activity.placements.values()):
                return True
        return False

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
        return answer.model_copy(update={"year": q.years[0] if len(q.years) == 1 else None})

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
        preface = self._preface(q)
        if preface:  # a lookup for a year outside the SROM: say so, then show the years it has
            return replies.evolution(self.view, q.lang, item, preface).model_copy(update={"intent": "mode_lookup"})
        if len(q.years) == 1 and not cues.EVOLUTION.search(q.flat):
            return replies.mode_lookup(self.view, q.lang, item, q.years[0])
        return replies.evolution(self.view, q.lang, item)

    def _commitments(self, q: Query, hits: list[Hit], function: str | None) -> Answer:
        ids = commitment_ids(q, self.view.commitments)
        if not ids:
            ids = [h.entity for h in hits if h.score >= 0.9 and self._kind(h) == "commitment"]
        if not function and re.search(r"\bgouv\w*|governance\b", q.text):
            function = "GOUV"
        items = [self.view.commitments[i] for i in ids]
        if function and not ids:
            items = [c for c in self.kb.commitments if c.function == function]
        if not items and not ids:
            items = list(self.kb.commitments)
        return topics.commitments(self.view, q.lang, items, function, self.status)

    def _governance(self, q: Query, instances: list[Instance], strict: bool = False) -> Answer | None:
        """Facts, roles or instances the question asks about; `strict` wants a fact or a role, not a bare name."""
        facts = self.governance.facts(q)
        roles = self.governance.roles(q, instances)
        if facts:  # a fact answers the question: only roles of the instances it names ("qui signe le SROM ?" is
            # not answered by the President's signing of the regional contracts)
            named = {i for f in facts for i in f.instances}
            roles = [(inst, role) for inst, role in roles if inst.id in named]
        composition = bool(re.search(r"\b(?:sieg\w*|compos\w*|membres?|members?|sits?|who is on)\b", q.flat))
        if composition and instances:
            roles, facts = [], []
        if not (facts or roles or (instances and not strict) or (composition and instances)):
            return None
        return topics.governance(self.view, q.lang, instances, roles, facts, composition)

    def _fallback(self, q: Query, weak: list[Hit]) -> Answer:
        terms = [w for w in q.content if len(w) >= 3]
        hits = self.search.search(terms)
        if hits:
            needed = max(1, (len(set(terms)) + 1) // 2)
            good = [h for h in hits if h.matched >= needed]
            if good:
                return guide.fallback(q.lang, good, self.view.functions)
        if weak and len(q.content) <= 3:  # a short name half-recognised is a question back, never an answer
            return self._clarify(q, weak[:4], weak=True)
        return guide.unknown_answer(q.lang)
