"""Which of the names a question matches it is about: weighing each match by how much of the question it explains,
the context that decides between homonyms (a function, a year, the mode named), and when two candidates really tie."""

from __future__ import annotations

import functools

from bot.engine import cues
from bot.engine.letters import mode_letters
from bot.engine.lookup import KnowledgeView
from bot.engine.matcher import EntityMatcher, Hit
from bot.engine.normalize import Query
from bot.engine.spelling import Speller
from srom_data.text import key

name_key = functools.lru_cache(maxsize=8192)(key)  # the names of the knowledge base are few and asked often
SUBJECT_KINDS = ("block", "activity", "objective", "theme")
ACCEPT = 0.75  # the score a match must reach to name its entity
UNKNOWN_WORD_WEIGHT = 1.0
FOREIGN_WORD_WEIGHT = 4.0
FULL_NAME = 0.98  # a name matched whole (its plural or feminine too)
FULL_NAME_SHARE = 0.34  # the weighted share of the question such a name must cover to be accepted whatever is beside
FUNCTION_SAID = 0.85  # the score a function's name must reach to name it ("finanse": one letter wrong in seven)
COMMON_NAME = 3.5  # the covered weight under which a name is one of the text's commonest words ("gestion")
GUESS = 0.7  # the most such a name scores: a "did you mean", never an answer
KIND_WORDS = frozenset("bloc blocs block blocks carte cartes map maps".split())  # "the Gouvernance block on the IT map"
FRAME_WORDS = frozenset(
    """cci ccis chambre chambres consulaire consulaires region regional regionale regionaux regionales
    territoriale territoriales territoriaux local locale locaux locales localement chaque carte cartes map maps
    chamber chambers locally regionally carto cartos cartographies photo photos snapshot snapshots picture pictures
    trois three schema srom""".split()
)
# ... and how a thing is run, asked of it: "the 2017 setup", "c'est géré comment", "how is it handled"
MODE_FRAME_WORDS = frozenset(
    """chacun chacune ensemble seul seule seuls seules commun niveau setup organisation organization organise
    organisee organised organized running handled handling managed gere geree geres gerees passe passee""".split()
)
PART_SAID = 0.5  # an activity named this well tells the block it sits in
CLOSE_RUN = 0.06  # two entities this close are a clarification, not a guess
SEEN = 0.5  # the least score of a hit subject_hits reads: a namesake's other name said as well ("immo et stoks")
SIBLING = 0.9  # a sibling activity named this well (whole, or but for a small word) counts as named beside another


class Ranking:
    """Built once per engine, over its view of the knowledge base, its matcher and its speller."""

    def __init__(self, view: KnowledgeView, matcher: EntityMatcher, speller: Speller) -> None:
        self.view = view
        self.matcher = matcher
        self.speller = speller
        self._kinds = {entity_id: ent.kind for entity_id, ent in matcher.entities.items()}
        # the everyday words of the modes ("chacun dans son coin", "tout le monde ensemble"): of a mode asked, the
        # frame, like the chambers and the maps
        self._mode_words = frozenset(w for m in view.modes.values() for w in m.plain) | MODE_FRAME_WORDS

    def functions(self, hits: list[Hit], words: tuple[str, ...] | list[str] = ()) -> tuple[str | None, str | None]:
        """The one function the question names, and the one it names or its names belong to: through a shared name
        ("communication") when it names none itself. Of two named, the one the word "function" goes with: "the IT
        tools of the finance function". Both read at once: the second is the first but when none is named."""
        # A function's name inside a longer name ("comptabilité" in "comptabilité sociale") is not a mention.
        subjects = [h for h in hits if h.score >= 0.95 and self.kind(h) not in ("function", "mode")]
        direct = {
            h.entity
            for h in hits
            if h.score >= FUNCTION_SAID  # "juridque", "finace": a typo of a function's name still names it
            and self.kind(h) == "function"
            and name_key(h.alias) not in self.matcher.ambiguous_keys
            and not any(h.used <= s.used and s.weight > h.weight for s in subjects)
        }
        if len(direct) > 1 and words:
            beside = {
                i + d
                for i, w in enumerate(words)
                if w in ("fonction", "function", "fonctions", "functions")
                for d in (-1, 1)
            }
            near = {
                h.entity
                for h in hits
                if h.entity in direct and any(i in beside and w in h.used for i, w in enumerate(words))
            }
            direct = near if len(near) == 1 else direct
        if len(direct) > 1:  # "combien de personnes à la DSI régionale ?": IT said whole, not HR's "personnel"
            scores = {e: max(h.score for h in hits if h.entity == e) for e in direct}
            whole = {e for e, score in scores.items() if score >= 0.98}
            if len(whole) == 1 and all(score < 0.95 for e, score in scores.items() if e not in whole):
                direct = whole
        if direct:
            named = next(iter(direct)) if len(direct) == 1 else None
            return named, named
        shared = {t for h in hits if h.ambiguous and h.score >= 0.95 for t in h.targets if t in self.view.functions}
        return None, next(iter(shared)) if len(shared) == 1 else None

    def kind(self, hit: Hit) -> str:
        return self._kinds.get(hit.entity, "ambiguous")

    def modes(self, q: Query, hits: list[Hit]) -> list[str]:
        # A mode's word inside a longer name said whole ("central purchasing body", "comité de pilotage des achats
        # mutualisés") is no mode mention.
        names = [h for h in hits if h.score >= 0.9 and self.kind(h) in (*SUBJECT_KINDS, "instance") and len(h.used) > 1]
        codes = [
            h.entity
            for h in hits
            if h.score >= 0.85 and self.kind(h) == "mode" and not any(h.used < n.used for n in names)
        ]
        letters = mode_letters(q.raw, q.text, q.lang, bool(q.says(cues.DEFINITION)))
        for code in letters:
            if code not in codes and code in self.view.modes:
                codes.append(code)
        return codes

    def subject_hits(
        self,
        hits: list[Hit],
        function: str | None,
        years: list[int],
        asks_mode: bool = False,
        floor: float = 0.0,
        modes: list[str] | None = None,
        changes: bool = False,
    ) -> list[Hit]:
        """Blocks, activities, objectives and themes the question names well enough, best first."""
        out = []
        for h in hits:
            if h.score < (floor or ACCEPT):
                continue
            if h.ambiguous:
                targets = self.filter_targets(h.targets, function, years, modes or [], changes, asks_mode)
                # "immo et stoks": the namesake the question's other words name too ("Immobilisations et stocks")
                also = {o.entity for o in hits if o.entity in targets and o.score >= SEEN and o.used.isdisjoint(h.used)}
                if len(also) == 1:
                    targets = list(also)
                if asks_mode:  # only activities and blocks have a mode: "la formation en 2017, quel mode ?"
                    targets = [t for t in targets if t in self.view.items] or targets
                if len(targets) == 1:
                    out.append(Hit(targets[0], h.score, h.weight, h.alias, (), h.used))
                elif targets:
                    out.append(Hit(h.entity, h.score, h.weight, h.alias, tuple(targets), h.used))
            elif self.kind(h) in SUBJECT_KINDS:
                out.append(h)
        if asks_mode:
            out = [h for h in out if h.ambiguous or h.entity in self.view.items] or out
        narrowed = [h for h in out if not function or h.ambiguous or self.view.function_of(h.entity) == function]
        out = narrowed or out
        if years:
            # Two years bound a span: "réseaux sociaux entre 2013 et 2021" is the digital communication, on the
            # 2017 map between them.
            span = list(range(min(years), max(years) + 1)) if len(years) > 1 else years
            present = [h for h in out if h.ambiguous or self.view.present(h.entity, span)]
            # A name not yet on that year's map stays if it says more of the question than every one that is: "les
            # TdB MS en 2013" is the payroll dashboards, first mapped in 2017 (said so), not the financial ones. One
            # no longer mapped was absorbed: "les fiches de paie en 2017" are the payroll's.
            out = (
                [
                    h
                    for h in out
                    if h in present or (all(p.used < h.used for p in present) and self._not_replaced(h, present, years))
                ]
                if present
                else out
            )
        out.sort(key=lambda h: (-h.score, -h.weight, not h.ambiguous))
        unique: dict[str, Hit] = {}
        for h in out:
            unique.setdefault(h.entity, h)
        ranked = list(unique.values())
        # Same-named things that tie ("Comptabilité sociale" of finance and of HR): the question's context
        # (function, year, mode named) decides before a question back is asked.
        tied = [h for h in ranked if not h.ambiguous and h.score == ranked[0].score and h.weight == ranked[0].weight]
        if len(tied) > 1:
            named = tuple(h.entity for h in tied)
            kept = set(self.filter_targets(named, function, years, modes or [], changes, asks_mode))
            ranked = [h for h in ranked if h not in tied or h.entity in kept]
        return ranked

    def rescore(
        self,
        hits: list[Hit],
        weights: dict[str, float],
        words: list[str],
        frame: bool = False,
        modes: list[str] | None = None,
        quotes: tuple[str, ...] = (),
        least: float = 0.0,
    ) -> list[Hit]:
        """Weigh each hit by how much of the question it explains, so that a one-word name ("Gestion") does not win
        a question mostly about something else; a function's or mode's words are context. Hits under `least`: out."""
        modes_named = set(modes or ())
        kinds = [self._kinds.get(h.entity, "ambiguous") for h in hits]
        # the kind of thing named ("the Gouvernance block") is no part of its name
        context: set[str] = KIND_WORDS.intersection(words)
        functions_named = {
            h.entity for h, kind in zip(hits, kinds, strict=True) if kind == "function" and h.score >= 0.95
        }
        named_modes = (h for h, kind in zip(hits, kinds, strict=True) if kind == "mode" and h.score >= 0.95)
        mode_words = {w for h in named_modes for w in h.used}
        for h, kind in zip(hits, kinds, strict=True):
            # a mode's word inside a name ("dev et intégration des applis") is the name's, not context
            if (kind == "function" and h.score >= 0.95) or (kind == "mode" and h.entity in modes_named):
                context |= h.used
        if frame and not (FRAME_WORDS.isdisjoint(words) and self._mode_words.isdisjoint(words)):
            # Of a mode or its change, the SROM's own frame (the chambers, the region, the maps) is the setting, not
            # the subject: "en 2021 ça reste dans chaque CCI ou c'est régional ?", "ça a changé au fil des cartes ?".
            # A name said whole that holds such a word keeps it, and its kin: "regional procurement (marchés
            # régionaux)"; a question of nothing else keeps them all.
            named = {w[:5] for h in hits if h.score >= 0.95 and self.kind(h) in SUBJECT_KINDS for w in h.used}
            setting = {w for w in words if (w in FRAME_WORDS or w in self._mode_words) and w[:5] not in named}
            if any(w not in context and w not in setting for w in words):
                context |= setting
        # A word no name knows counts a little ("train nantes paris demain" is not training), and a word the SROM
        # never uses counts as much as a rare name: "réserver une salle" is about nothing of the SROM.
        unknown = [w for w in dict.fromkeys(words) if w not in weights and w not in context]
        total = sum(w for word, w in weights.items() if word not in context) + sum(
            UNKNOWN_WORD_WEIGHT if w in self.speller.known else FOREIGN_WORD_WEIGHT for w in unknown
        )
        out = []
        covered_by: dict[frozenset[str], float] = {}  # a dozen hits, but three or so sets of words between them
        for h, kind in zip(hits, kinds, strict=True):
            if h.score < least:  # most hits (a word of a long name): weighing lowers a score, but a name's said whole
                continue
            if quotes and name_key(h.alias) in quotes:  # "what mode was 'Management DSI' in 2017?": quoted whole
                out.append(h)
                continue
            if total and kind not in ("function", "mode", "instance", "commitment"):
                said = self._said(h, hits)
                covered = covered_by.get(said)
                if covered is None:
                    covered = covered_by[said] = sum(weights.get(word, 0.0) for word in said if word not in context)
                share = min(1.0, covered / total)
                score = h.score * (0.55 + 0.45 * share)
                if h.weight < COMMON_NAME and (
                    share < 0.8 or (functions_named and self.view.function_of(h.entity) not in functions_named)
                ):
                    # a name that is one of the text's commonest words ("Gestion") beside other words is that word,
                    # not the name: "déléguer la gestion à un tiers, c'est de l'intégration ?"; so is it beside another
                    # function's name: "la gestion du perso" is HR's, not IT's block "Gestion"
                    score = min(score, GUESS)
                elif h.score >= FULL_NAME and share >= FULL_NAME_SHARE:
                    # a name said whole and a good part of the question: a word or two beside it ("y a quoi
                    # dedans", "des collaborateurs") do not make it a guess
                    score = max(score, ACCEPT)
                h = Hit(h.entity, score, h.weight, h.alias, h.targets, h.used)
            elif kind not in ("function", "mode", "instance", "commitment") and h.used <= mode_words:
                # every word a mode's named whole, read by a name too: "des règles communes dans la compta" is the
                # harmonisation of finance, not IT's "Communication" ("communes")
                h = Hit(h.entity, min(h.score, GUESS), h.weight, h.alias, h.targets, h.used)
            out.append(h)
        return out

    def _said(self, h: Hit, hits: list[Hit]) -> frozenset[str]:
        """The words a subject's hit explains: its name's, its other names' rare words' ("congés, pointage": the
        absences'), its activities' said in part ("bank accounting (payments)"), its block's ("UNEAL, carte paye")."""
        said = h.said or h.used
        if h.explained and self.view.drawn(h.entity):  # an activity or a block of the maps, not an action
            said = said | {w for w in h.explained if w not in FRAME_WORDS}
        parts = self.view.parts.get(h.entity) if h.score >= FULL_NAME else None
        told = [o for o in hits if o.entity in parts and o.score >= PART_SAID] if parts else []
        if told and all(o.score < ACCEPT for o in told):  # one of them named whole is the subject ("sourcing achats")
            said = said | {w for o in told for w in o.used}
        blocks = self.view.blocks_of.get(h.entity)
        if not blocks:  # most hits are of no block: the other hits are not looked through
            return said
        placing = {w for o in hits if o.score >= FULL_NAME and blocks & {o.entity, *o.targets} for w in o.used}
        return said | placing if placing and not h.used <= placing else said  # not the block's words alone

    def _not_replaced(self, h: Hit, present: list[Hit], years: list[int]) -> bool:
        """A thing off the year's map that says more of the question than those on it: not yet mapped (the "TdB MS"
        in 2013), or mapped before with nothing of its function on that map instead ("réseaux sociaux" in 2021);
        one absorbed by a thing of its function is that thing ("les fiches de paie en 2017": the payroll)."""
        fn = self.view.function_of(h.entity)
        return self.view.later(h.entity, years) or all(self.view.function_of(p.entity) != fn for p in present)

    def filter_targets(
        self,
        targets: tuple[str, ...],
        function: str | None,
        years: list[int],
        modes: list[str] | None = None,
        changes: bool = False,
        asks_mode: bool = False,
    ) -> list[str]:
        """The homonyms the question's context leaves: its function, its year, the mode it names ("compta
        sociale en intégration en 2017" is the finance one, whose 2017 mode the text gives as I)."""
        ids = list(dict.fromkeys(targets))
        if function:
            ids = [t for t in ids if function in (t, self.view.function_of(t))] or ids
        if years:  # a year of the SROM is a map's year: what a map draws beats an objective or a theme, on none
            # and one on every map named beats one on some: "compta sociale : 2013 -> 2017 -> 2021"
            ids = (
                [t for t in ids if t not in self.view.named and all(self.view.present(t, [y]) for y in years)]
                or [t for t in ids if t not in self.view.named and self.view.present(t, years)]
                or [t for t in ids if self.view.present(t, years)]
                or ids
            )
        if modes:
            ids = [t for t in ids if self.view.has_mode(t, modes, years)] or ids
            # Both in the mode named, one by the text's own words, the other deduced from them: the text's one.
            ids = [t for t in ids if self.view.has_mode(t, modes, years, stated=True)] or ids
        elif changes:  # "la compta sociale a changé de mode ?": only one whose mode the text gives can change,
            # and one the text gives two different modes has; only a thing of the maps has a history at all
            ids = [t for t in ids if self.view.drawn(t)] or ids
            ids = [t for t in ids if self.view.has_mode(t, list(self.view.modes), years)] or ids
            ids = [t for t in ids if self.view.mode_changes(t)] or ids
            # of two histories, the one whose mode the text states in its own words: "compta sociale : évolution ?"
            # is the finance one ("Intégration : comptabilité sociale"), HR's mode is deduced
            ids = [t for t in ids if self.view.has_mode(t, list(self.view.modes), years, stated=True)] or ids
        elif asks_mode and years:
            # the one whose mode that year the text states in its own words: "How was social accounting run in
            # 2017?" is the finance one ("Intégration : comptabilité sociale"); HR's has none
            ids = [t for t in ids if self.view.has_mode(t, list(self.view.modes), years, stated=True)] or ids
        spans = [set(self.view.items[t].years) for t in ids if t in self.view.items]
        if len(spans) == len(ids) > 1 and all(a.isdisjoint(b) for i, a in enumerate(spans) for b in spans[i + 1 :]):
            # One thing under successive names on successive maps ("Paye" in 2013, "Réalisation des paies"
            # after): without a year of the SROM, the latest name stands for it.
            return [max(ids, key=lambda t: max(self.view.items[t].years))]
        return ids

    def unsure_of(self, subjects: list[Hit], function: str | None) -> bool:
        """The first subject is no sure one: a name to ask back about, tied with the next, or of another function
        than the one the question's names point to ("which communication activities were harmonised?" is the
        function's listing, not IT's activity "Communication": named by the function's own name only)."""
        top = subjects[0]
        if top.ambiguous or self.close_run(subjects):
            return True
        return bool(
            function
            and self.view.function_of(top.entity) != function
            and all(self.matcher.names_kind(w, ("function",)) for w in top.used)
        )

    def close_run(self, hits: list[Hit]) -> bool:
        if len(hits) < 2:
            return False
        a, b = hits[0], hits[1]
        if a.score - b.score > CLOSE_RUN or b.weight < 0.8 * a.weight:
            return False
        return not self.view.related(a.entity, b.entity)

    def parts_of_one_block(self, hits: list[Hit], subjects: list[Hit], years: list[int]) -> Hit | None:
        """The block whose activities the question names two of, each by its own words ("la facturation et les
        relances clients", "petty cash and payments", "les budgets et les tableaux de bord financiers"): the
        question is about the block, not about the first activity."""
        top = subjects[0] if subjects else None
        item = self.view.items.get(top.entity) if top and not top.ambiguous else None
        if item is None or item.activity is None:
            return None
        placed = [item.activity.placements[y] for y in years or item.years if y in item.activity.placements]
        blocks = {p.block for p in placed if p.block}
        if len(blocks) != 1:
            return None
        (block,) = blocks
        siblings = {a.id for y in years or item.years for a in self.view.activities_of_block(block, y)}
        context = {w for h in hits if h.score >= 0.95 and self.kind(h) in ("function", "mode") for w in h.used}
        # a name the top activity shares with others ("support": the hotline's and the user support's) is its own
        said = set(top.used).union(*(h.used for h in hits if h.score >= SIBLING and top.entity in h.targets))
        others = 0
        for h in hits:
            if h.score < SIBLING or not ({h.entity, *h.targets} & (siblings - {top.entity}) or h.entity == block):
                continue
            new = h.used - said - context
            if new:
                said |= new
                others += h.entity != block
        if not others:
            return None
        _, b = self.view.blocks[block]
        return Hit(block, top.score, top.weight, b.label, (), frozenset(said))
