"""Answers about a subject the question names: an activity or a block (its mode, its history, why), an entity
chosen by a clarification, or a question back when several things share the name.

A mixin of the Engine (core.py): it reads the engine's `view`, `rank`, `matcher`, `governance`, `notes` and `kb`.
"""

from __future__ import annotations

import re

from bot.engine import cues, guide, replies, topics
from bot.engine.answer import Answer, MapRequest, Ref
from bot.engine.function_modes import function_modes
from bot.engine.governance import GovernanceMatcher, is_commitment_question
from bot.engine.lookup import Item, KnowledgeView
from bot.engine.matcher import EntityMatcher, Hit
from bot.engine.normalize import Query
from bot.engine.ranking import CLOSE_RUN, Ranking, name_key
from bot.engine.reading import Reading
from bot.engine.search import PassageSearch, SearchHit
from srom_data.models import Instance, KnowledgeBase
from srom_data.text import key

_PARTS_OF = re.compile(r"\b(?:parts|components|composantes|poles|volets|branches|divisions|units|pillars|piliers)\b")


class SubjectAnswers:
    """Answers about one named subject, or a question back."""

    kb: KnowledgeBase
    view: KnowledgeView
    rank: Ranking
    matcher: EntityMatcher
    governance: GovernanceMatcher
    status: topics.StatusProvider | None
    search: PassageSearch
    _about_modes: dict[tuple[str, str | None, tuple[int, ...]], tuple[list, list]]  # memo of _mode_pointers

    def _about_subject(self, q: Query, subject_hits: list[Hit], modes: list[str]) -> Answer:
        """The answer about the subject the question names best, or a question back when several tie."""
        subject_hits = self._chosen_subjects(q, subject_hits)
        top = subject_hits[0]
        if top.ambiguous and (q.years or q.says(cues.EVOLUTION) or q.says(cues.MODE_WORD)):
            # "la com en 2013, quel mode ?": of the things "COM" names, only the function has modes
            functions = [t for t in top.targets if t in self.view.functions]
            if len(functions) == 1 and all(t in self.view.instances for t in top.targets if t not in functions):
                changes = bool(q.says(cues.EVOLUTION))
                return function_modes(self.view, q.lang, functions[0], q.years, changes)
        what = q.says(cues.ROLE_OF) or q.says(cues.DEFINITION)
        if top.ambiguous and what and not (q.years or q.says(cues.MODE_WORD)):
            # "la commission paritaire régionale sert à quoi ?": of a body and an activity of that name, the body
            bodies = [self.view.instances[t] for t in top.targets if t in self.view.instances]
            # not a function's namesake: "c'est quoi la COM ?" is asked back
            mapped = all(t in self.view.items for t in top.targets if t not in self.view.instances)
            answer = self._governance(q, bodies) if len(bodies) == 1 and mapped else None
            if answer is not None:
                return answer
        if not top.ambiguous and self.rank.close_run(subject_hits):
            head = _outside_relative_clause(q, subject_hits[0], subject_hits[1])
            if head is not None:  # "les relances des clients qui ne paient pas leurs factures": the relances
                return self._about_one_subject(q, head, modes)
        if top.ambiguous or self.rank.close_run(subject_hits):
            unmapped = self._modes_of_unmapped(q, subject_hits, modes)
            return unmapped or self._clarify(q, subject_hits)
        answer = self._about_one_subject(q, top, modes)
        if answer.mode and answer.year and answer.function and q.says(cues.SAME_MODE):
            # "quelles activités RH sont dans le même mode que la paie en 2017 ?": its mode, then that mode's list
            listed = topics.mode_list(
                self.view, q.lang, answer.mode.code, [answer.year], answer.function.id, None, answer.text
            )
            return listed.model_copy(update={"sources": list(dict.fromkeys([*answer.sources, *listed.sources]))[:5]})
        return answer

    def _modes_of_unmapped(self, q: Query, hits: list[Hit], modes: list[str]) -> Answer | None:
        """A mode asked of a name every candidate of which is an objective or a theme ("le lobbying c'est harmonisé
        ?": two objectives of the communication): none is on a map, so no mode, whichever is meant; said of each."""
        if not (q.years or modes or cues.MODE_WORD.search(q.flat) or cues.WHICH_MODE.search(q.flat)):
            return None
        top = hits[0]
        ids = list(top.targets) if top.ambiguous else [h.entity for h in hits if top.score - h.score <= CLOSE_RUN]
        if not ids or not all(i in self.view.named for i in ids):
            return None
        parts = [topics.named_item_mode(self.view, q.lang, i, top.alias, q.years) for i in dict.fromkeys(ids)]
        return parts[0].model_copy(update={"text": "\n\n".join(p.text for p in parts), "process": None})

    def _chosen_subjects(self, q: Query, subject_hits: list[Hit]) -> list[Hit]:
        """The subjects, the one the question means first: a name written out whole, or the block when it says
        "bloc"."""
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
            and subject_hits[0].used <= verbatim[0].used  # not two activities of a block, one of them written out
        ):
            subject_hits = [verbatim[0], *(h for h in subject_hits if h is not verbatim[0] and h.score < 1.0)]
        top = subject_hits[0]
        if "bloc" in q.flat and re.search(r"\b(?:blocs?|blocks?)\b", q.flat):  # most questions say no block
            # "liste des activités du bloc formation": of the things named "formation", the block
            close = [h for h in subject_hits if top.score - h.score <= CLOSE_RUN]
            blocks = {
                t
                for h in close
                for t in (h.targets or (h.entity,))
                if t in self.view.items and self.view.items[t].activity is None
            }
            if len(blocks) == 1:
                return [Hit(blocks.pop(), top.score, top.weight, top.alias, (), top.used)]
        amb = next((h for h in subject_hits if h.ambiguous), None)
        if amb is not None:
            # "TdB du contrôle de gestion (sociale)": of the namesakes, the one in the block the question also names
            # (the longest name said: "contrôle de gestion sociale" is not "contrôle de gestion")
            others = [h for h in subject_hits if not h.ambiguous and not h.used & amb.used]
            named = [h.entity for h in others if not any(h.used < o.used for o in others)]
            inside = {t for t in amb.targets for b in named if t != b and self.view.related(t, b)}
            if len(inside) == 1:
                return [Hit(inside.pop(), amb.score, amb.weight, amb.alias, (), amb.used)]
        return subject_hits

    def _function_structure(self, r: Reading) -> Answer | None:
        """The scope of a function asked: "what blocks make up the IS function?", "périmètre de la fonction
        juridique / achats ?", "une synthèse de la fonction SI", "les trois volets de la DSI régionale ?"."""
        q = r.q
        if not r.function:
            return None
        parts = not r.subjects and _PARTS_OF.search(q.flat)  # plural: "the finance part" is a place in the text
        if (
            (
                cues.FUNCTION_WORD.search(q.flat)
                or ("bloc" in q.flat and re.search(r"\b(?:blocs?|blocks?)\b", q.flat))
                or parts
            )
            and (cues.FUNCTION_SCOPE.search(q.flat) or cues.SUMMARY.search(q.flat) or parts)
            and not (r.modes or r.says_mode or r.asks_who or q.says(cues.EVOLUTION))
            and not (r.subjects and re.search(r"\b(?:bloc|block)\b", q.flat))  # "le bloc Achats de la fonction"
        ):
            return topics.structure(self.view, q.lang, r.function, q.years[0] if q.years else None)
        return None

    def _about_one_subject(self, q: Query, top: Hit, modes: list[str]) -> Answer:
        """The answer about one subject: its mode or history, what it holds, or what the narrative says of it."""
        item = self.view.items.get(top.entity)
        unmapped = item is not None and item.activity is not None and item.activity.kind == "action"
        if top.entity in self.view.named and (q.years or q.says(cues.WHICH_MODE) or q.says(cues.MODE_WORD)):
            # "mode de gestion des relations presse en 2021 ?": an objective has no map, hence no mode; said so
            answer = topics.named_item_mode(self.view, q.lang, top.entity, top.alias, q.years)
            # "les relations presse ont évolué comment ?": no history either, said as one
            return answer.model_copy(update={"intent": "evolution"}) if q.says(cues.EVOLUTION) else answer
        asked = q.says(cues.DEFINITION) or (
            ("combien" in q.flat or "how many" in q.flat) and re.search(r"\b(?:combien|how many)\b", q.flat)
        )
        if (top.entity in self.view.named or unmapped) and asked and not (modes or q.years):
            # "la TRIA c'est quoi", "c'est quoi le logo full CCI ?", "how many themes is the offer structured
            # into?": the narrative says it, not a map
            found = self._leftover_search(q, [])
            if found:
                return found
        block = self.view.items[top.entity].block if top.entity in self.view.items else None
        if block and modes and cues.BLOCK_LISTING.search(q.flat) and not q.says(cues.WHICH_MODE):
            # "achats : qu'est-ce qui est harmonisé en 2017 ?" lists the block's activities in that mode
            fid = self.view.function_of(block.id)
            return topics.mode_list(self.view, q.lang, modes[0], q.years, fid, block.id, self._preface(q))
        asks_mode = bool(q.says(cues.MODE_WORD) or q.says(cues.EVOLUTION))  # "mode for the X block"
        if block and cues.BLOCK_CONTENT.search(q.flat) and not (modes or asks_mode or q.says(cues.WHICH_MODE)):
            return topics.block_structure(self.view, q.lang, self.view.items[top.entity], q.years)
        if item and item.activity and cues.CONTENT_OF.search(q.flat) and not (modes or q.says(cues.WHICH_MODE)):
            # "la paie, y a quoi dedans ?": an activity holds nothing; the block it sits in (that year) does
            placed = [
                p.block
                for y, p in sorted(item.activity.placements.items())
                if p.block and (y in q.years or not q.years)
            ]
            if placed and placed[-1] in self.view.items:
                return topics.block_structure(self.view, q.lang, self.view.items[placed[-1]], q.years)
        return self._about_entity(q, top.entity) or guide.unknown_answer(q.lang)

    def _about_entity(self, q: Query, entity_id: str) -> Answer | None:
        """The answer about one chosen entity (a clarification's pick, or the one clear match)."""
        view, lang = self.view, q.lang
        if entity_id in view.items:
            return self._about_item(q, view.items[entity_id])
        if entity_id in view.named:
            return topics.named_item(view, lang, entity_id)
        if entity_id in view.functions:
            if is_commitment_question(q, view.commitments):  # "où en est la COM ?", the function picked
                return self._commitments(q, [], entity_id)
            if q.years or q.says(cues.MODE_WORD) or q.says(cues.EVOLUTION):
                return function_modes(view, lang, entity_id, q.years, bool(q.says(cues.EVOLUTION)))
            return topics.structure(view, lang, entity_id, q.years[0] if q.years else None)
        if entity_id in view.instances:
            return topics.governance(view, lang, [view.instances[entity_id]], [], [], False)
        if entity_id in view.modes:
            return topics.mode_definition(view, lang, [entity_id])
        if entity_id in view.commitments:
            return topics.commitments(view, lang, [view.commitments[entity_id]], None, self.status)
        if entity_id == ALL_COMMITMENTS:  # "gestion des engagements ?": the SROM's commitments picked
            return topics.commitments(view, lang, list(view.commitments.values()), None, self.status)
        return None

    def _activity_or_commitments(self, q: Query, top: Hit) -> Answer | None:
        """An activity named alone whose name is also how the SROM's commitments are spoken of ("gestion des
        engagements ?": the purchasing activity, or the follow-up of the commitments?): asked back."""
        name = name_key(top.alias)
        if top.ambiguous or not cues.NAMES_COMMITMENT.search(name) or not set(q.content) <= set(name.split()):
            return None
        label = replies.t(q.lang, "Les engagements du SROM et leur suivi", "The SROM's commitments and their follow-up")
        candidates = [Ref(id=top.entity, label=self.view.describe(top.entity)), Ref(id=ALL_COMMITMENTS, label=label)]
        followups = {c.id: f"={c.id}|{q.raw}" for c in candidates}
        return guide.clarification(q.lang, candidates, followups, top.alias)

    def _block_drawn(self, q: Query, subjects: list[Hit]) -> Answer | None:
        """A picture asked of one block ("un schéma des activités marchés publics"): its activities, and its
        function's map to show them on."""
        if not subjects or subjects[0].ambiguous or not q.says(cues.SHOW_MAP):
            return None
        item = self.view.items.get(subjects[0].entity)
        if item is None or item.block is None or not cues.PICTURE_ASKED.search(q.flat) or q.says(cues.EVOLUTION):
            return None
        answer = topics.block_structure(self.view, q.lang, item, q.years)
        year = q.years[0] if q.years else max(item.years)
        return answer.model_copy(update={"map": MapRequest(function=item.function.id, year=year)})

    def _block_on_its_map(self, r: Reading) -> bool:
        """A block named whole, its activities asked, the map only where it sits: "What activities sit under labour
        relations in the 2017 HR map?" (a picture asked is drawn)."""
        top = r.subjects[0] if r.subjects else None
        return bool(
            top
            and top.entity in self.view.blocks
            and cues.BLOCK_CONTENT.search(r.q.flat)
            and not cues.PICTURE_ASKED.search(r.q.flat)
        )

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
        if len(q.years) == 1 and not q.says(cues.EVOLUTION):
            return replies.mode_lookup(self.view, q.lang, item, q.years[0])
        answer = replies.evolution(self.view, q.lang, item)
        if q.years or q.says(cues.EVOLUTION):
            return answer
        # "les sites web, c'est harmonisé ?": a mode asked without a year is answered with every year's mode;
        # the mode named is the answer's when the text gives it for one of them.
        modes = self.rank.modes(q, self.matcher.match(q.content, q.lang)[0])
        found = [m for m in modes if self.view.has_mode(item.id, [m], [])]
        if not modes:  # "les cartes de vœux communes, quel mode ?": the one mode of every year the item is on a map
            given = {self.view.summary(item, y)[0] for y in item.years}
            found = [m for m in given if m] if len(given) == 1 else []
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

    def _mapped(self, entity_id: str) -> bool:
        """An activity or a block drawn on a map (an action of the narrative is not)."""
        return self.view.drawn(entity_id)

    def _instances(self, hits: list[Hit]) -> list[Instance]:
        """Instances named, without those whose name is inside a longer one ("présidents" in "comité des
        présidents")."""
        found = [
            h
            for h in hits
            if h.score >= 0.8
            and self.rank.kind(h) == "instance"
            # a role's verb read as a body's name ("qui préside le COMEX ?" names no President)
            and not (h.score < 0.95 and all(self.governance.is_role_verb(w) for w in h.used))
        ]
        for h in hits:  # "la COM avec l'État": of the namesakes of "COM", the body its other words name too
            if h.ambiguous and h.score >= 0.95 and " " not in h.alias:  # an acronym's namesakes
                also = [o for o in hits if o.entity in h.targets and o.score >= 0.5 and o.used.isdisjoint(h.used)]
                if len(also) == 1 and self.rank.kind(also[0]) == "instance":
                    o = also[0]
                    found.append(Hit(o.entity, h.score, h.weight + o.weight, h.alias, (), h.used | o.used))
        kept = [
            h
            for h in found
            if not any(h.used < o.used or (h.used == o.used and o.weight > h.weight) for o in found if o is not h)
        ]
        return [self.view.instances[h.entity] for h in kept]

    def _bodies_in_french(self, q: Query, hits: list[Hit]) -> list[Hit]:
        """A body an English question names in words no English name of it holds ("the procurement committee"):
        the question's words read as the text's French words (lexicon.yaml, `english`) name it."""
        if any(h.score >= 0.8 and self.rank.kind(h) == "instance" for h in hits):
            return []
        french = self._narrative_words(q)
        if french == q.content:
            return []
        found, _ = self.matcher.match(french, "fr", among=self.view.instances)
        return [h for h in found if h.score >= 0.8 and self.rank.kind(h) == "instance"]

    def _names_a_thing(self, q: Query, words: list[str] | None = None) -> bool:
        """The question (or these of its words) names something of the SROM in full ("le bureau sert à quoi ?" is
        no call for help)."""
        hits, _ = self.matcher.match(q.content if words is None else words, q.lang)
        return any(h.score >= 0.95 and self.rank.kind(h) != "mode" for h in hits)


_RELATIVE = frozenset("qui que qu dont which that who whose".split())


def _outside_relative_clause(q: Query, a: Hit, b: Hit) -> Hit | None:
    """Of two names that tie, the one said before a relative clause that holds the other's own words: the clause
    only qualifies the first ("les relances des clients qui ne paient pas leurs factures")."""
    words = q.tokens
    start = next((i for i, w in enumerate(words) if w in _RELATIVE), None)
    if start is None:
        return None
    own_a, own_b = a.used - b.used, b.used - a.used
    if not own_a or not own_b:
        return None
    before, after = set(words[:start]), set(words[start + 1 :])
    for head, own_head, own_other in ((a, own_a, own_b), (b, own_b, own_a)):
        if own_head <= before and own_other <= after and not own_other & before:
            return head
    return None


ALL_COMMITMENTS = "engagements"  # a clarification's pick for the SROM's commitments as a whole
