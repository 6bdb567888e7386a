"""What a governance or commitment question names: facts and roles ("qui signe les marchés régionaux ?", "who
arbitrates?"), commitment ids ("où en est RH-1 ?")."""

from __future__ import annotations

import re
from collections.abc import Container

from bot.engine import cues
from bot.engine.normalize import Query
from bot.engine.topics import verb_stem
from srom_data.models import Fact, Instance, KnowledgeBase, Role
from srom_data.text import key

# English verbs of governance questions (and irregular French forms, and French synonyms), to the French stems the
# document uses.
EN_VERBS = {
    "arbitrat": "arbitr",
    "deliberat": "deliber",
    "chair": "presid",
    "preside": "presid",
    "sign": "sign",
    "validat": "valid",
    "approv": "valid",
    "implement": "mett",
    "propos": "propos",
    "monitor": "suiv",
    "follow": "suiv",
    "prioriti": "priori",
    "represent": "represent",
    "advis": "conseill",
    "stud": "etudi",
    "analy": "analys",
    "size": "dimension",
    "explor": "explor",
    "watch": "veill",
    "consolidat": "consolid",
    "driv": "impuls",
    "vote": "vot",
    "decid": "arbitr",
    "lead": "impuls",
    "prepar": "prepar",
    "orient": "orient",
    "oversee": "suiv",
    "supervis": "suiv",
    "coordinat": "coordonn",
    # French verbs whose forms do not share the infinitive's stem
    "suit": "suiv",
    "suiv": "suiv",
    # French verbs the text does not use, to the text's own verb for the same act
    "tranch": "arbitr",
    "approuv": "valid",
    "enterin": "valid",
    "ratifi": "valid",
    "chapeaut": "pilot",
}


class GovernanceMatcher:
    def __init__(self, kb: KnowledgeBase) -> None:
        self._roles: list[tuple[str, Instance, Role]] = [
            (verb_stem(role.verb), inst, role) for inst in kb.governance.instances for role in inst.roles
        ]
        # each role's text as spaced words, and each body's names so: read by every "who" question
        self._role_text = {id(role): f" {key(role.text)} " for _, _, role in self._roles}
        self._names = {
            inst.id: [f" {key(n)} " for n in (inst.label, *inst.aliases) if len(n) >= 4]
            for inst in kb.governance.instances
        }
        self._stems: dict[str, frozenset[str]] = {}
        self._acts: dict[str, frozenset[str]] = {}  # instance id -> the stems of its roles' verbs
        for stem, inst, _ in self._roles:
            self._acts[inst.id] = self._acts.get(inst.id, frozenset()) | {stem}
        # a keyword of several words ("29 mai", "marchés régionaux") is specific enough alone; it counts where a
        # word of the question starts with it (" " + keyword in the spaced question)
        # Each keyword with the first three letters of its first word: a keyword whose head no word of the question
        # starts with is skipped without a substring search (most of them, for most questions).
        self._fact_keys: list[tuple[Fact, list[tuple[float, str, str]]]] = [
            (fact, [(1.5 if " " in k else 1.0, " " + k, k.split()[0][:3]) for k in map(key, fact.keywords) if k])
            for fact in kb.governance.facts
        ]
        self._by_head: dict[str, list[tuple[int, float, str]]] = {}
        for i, (_, keys) in enumerate(self._fact_keys):
            for w, k, head in keys:
                self._by_head.setdefault(head, []).append((i, w, k))
        self._english = dict(kb.lexicon.english)
        self._facts_of: dict[str, list[int]] = {}  # a body's id -> the facts it acts in, in their order
        for i, (fact, _) in enumerate(self._fact_keys):
            for inst in fact.instances:
                self._facts_of.setdefault(inst, []).append(i)
        self._fact_verbs: dict[int, frozenset[str]] = {}
        self._asked_bodies: dict[str, frozenset[str]] = {}  # a fact's question -> the bodies it names
        # the last question read, with its facts for each body named (None: read without one)
        self._memo: tuple[tuple[str, str], dict[str | None, tuple[float, list[Fact], bool]]] | None = None

    def __getstate__(self) -> dict[str, object]:
        """Pickled (a built engine is cached between runs) with the roles' texts in the roles' order: object ids
        name this process's objects only."""
        state = dict(vars(self))
        state["_role_text"] = [self._role_text[id(role)] for _, _, role in self._roles]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        vars(self).update(state)
        self._role_text = {id(role): text for (_, _, role), text in zip(self._roles, state["_role_text"], strict=True)}

    def facts(self, q: Query) -> list[Fact]:
        """The facts the question asks about: those of the best score, when it reaches 1.5."""
        return self.matched_facts(q)[1]

    def specific_facts(self, q: Query) -> list[Fact]:
        """The facts a phrase of several words names ("directeur juridique", "achats mutualisés", "fonction SI
        régionale"): specific enough to answer before any generic route (a when, a listing, a search)."""
        best, facts, phrase = self.matched_facts(q)
        return facts if phrase and best >= 1.5 else []

    def matched_facts(self, q: Query, body: str | None = None) -> tuple[float, list[Fact], bool]:
        """The best score, its facts, and whether one of them was named by a phrase of several words. `body`: the
        body the question names; a fact it acts in counts more ("le comité de pilotage achats mutualisés, créé
        quand ?" is the committee's creation, not the COMEX's power to create steering committees)."""
        asked, last = (q.raw, q.flat), self._memo  # one read: another thread may replace it
        if last is not None and last[0] == asked and body in last[1]:
            return last[1][body]
        text = f" {key(q.flat)} "
        # A keyword the asker typed word for word counts even where the speller respelled it ("qui signe le SROM":
        # "signe", not the English cue "sign"); a French phrase counts in the word-for-word reading of an English one.
        typed = f" {key(q.typed)} " if q.typed != q.text else ""  # as `text` where no word was respelled (most)
        said: set[str] = set()
        translated = ""
        if q.lang == "en":  # the facts' keywords are the text's French words: an English question is read in both,
            # and in English order ("regional IS function" holds "fonction si regionale")
            french = self.french(text)
            translated = f" {french} "
            said = set(french.split())
        who = bool(q.says(cues.WHO))
        # "dg" heads "dgs"; the three readings share most of their words
        heads = {w[:n] for w in set(f"{text} {typed} {translated}".split()) for n in (1, 2, 3)}
        found_keys: dict[int, list[float]] = {}
        for head in heads:
            for i, w, k in self._by_head.get(head, ()):
                if k in text or k in typed or (w > 1 and (k in translated or (said and _all_said(k, said)))):
                    found_keys.setdefault(i, []).append(w)
        verbs: set[str] | None = None  # the role verbs the question uses ("signs": signer), read on first need
        if body is not None:  # "qui arbitre ce que propose le GPL ?": a fact of that body asking the same verb
            verbs = self._question_verbs(q)
            for i in self._facts_of.get(body, ()):
                if verbs & self._asked_verbs(i):
                    found_keys.setdefault(i, []).append(1.0)
        scored = []
        for i in sorted(found_keys):  # the facts' own order: ties keep it
            fact, hits = self._fact_keys[i][0], found_keys[i]
            found = sum(hits)
            score = found + (0.5 if who else 0)
            if verbs is None:
                verbs = self._question_verbs(q)
            if verbs and any(verbs & self._acts.get(inst, frozenset()) for inst in fact.instances):
                score += 1.0  # "who signs the contracts of the central purchasing body?": the fact whose body signs
            if body is not None and body in fact.instances:
                score += 1.0
            if score >= 1.5:
                scored.append((score, any(w > 1 for w in hits), fact))
        scored.sort(key=lambda s: -s[0])
        best = scored[0][0] if scored else 0.0
        top = [(p, f) for s, p, f in scored if s == best]
        result = (best, [f for _, f in top], any(p for p, _ in top))
        if last is not None and last[0] == asked:  # the same question read for another body ("qui est le DG ?")
            last[1][body] = result
        else:
            self._memo = (asked, {body: result})
        return result

    def _question_verbs(self, q: Query) -> set[str]:
        """The role verbs the question uses ("signs": signer)."""
        return {stem for tok in q.tokens if len(tok) >= 4 for stem in self._verb_stems(tok)}

    def _asked_verbs(self, i: int) -> frozenset[str]:
        """The role verbs a fact's own question uses ("Qui arbitre les propositions du GPL ?": arbitrer)."""
        found = self._fact_verbs.get(i)
        if found is None:
            words = key(self._fact_keys[i][0].question).split()
            found = self._fact_verbs[i] = frozenset(s for w in words if len(w) >= 4 for s in self._verb_stems(w))
        return found

    def french(self, text: str) -> str:
        """An English text's words as the French words of the SROM (lexicon.yaml, `english`), word for word."""
        return " ".join(self._english.get(w, w) for w in text.split())

    def about_other_bodies(self, fact: Fact, instances: list[Instance]) -> bool:
        """The fact's own question names other bodies than these, and none of these: "Qui préside le Bureau et
        l'Assemblée générale ?" is no answer to "qui préside le COMEX ?"."""
        named = self._asked_bodies.get(fact.question)
        if named is None:  # memoised: the facts never change
            asked = f" {key(fact.question)} "
            named = frozenset(i for i, names in self._names.items() if any(n in asked for n in names))
            self._asked_bodies[fact.question] = named
        ours = {i.id for i in instances}
        return bool(named) and not (named | set(fact.instances)) & ours

    def is_role_verb(self, word: str) -> bool:
        """The word may be a form of a role's verb ("préside", "arbitre")."""
        return bool(self._verb_stems(word))

    def _verb_stems(self, tok: str) -> frozenset[str]:
        """The role verbs a word may be a form of (memoised: the roles never change)."""
        found = self._stems.get(tok)
        if found is None:
            out = {fr for en, fr in EN_VERBS.items() if tok.startswith(en)}
            out |= {
                stem for stem, _, _ in self._roles if tok.startswith(stem) or (len(tok) >= 5 and stem.startswith(tok))
            }
            if len(self._stems) > 20_000:
                self._stems.clear()
            found = self._stems[tok] = frozenset(out)
        return found

    def roles(self, q: Query, instances: list[Instance]) -> list[tuple[Instance, Role]]:
        stems = self._question_verbs(q)
        if "en oeuvre" in q.text and re.search(r"\bmet(?:tent)? en oeuvre\b", q.text):
            stems.add("mett")
        found = [(inst, role) for stem, inst, role in self._roles if stem in stems]
        if instances:
            own = [(i, r) for i, r in found if i in instances]
            # "who prepares the COMEX's work?": the body named is what another body acts on, in its role's words
            if not q.says(cues.WHO):
                return own
            names = [n for inst in instances for n in self._names[inst.id]]
            acting_on = [
                (i, r) for i, r in found if i not in instances and any(n in self._role_text[id(r)] for n in names)
            ]
            if not (acting_on or own):
                # "who analyses the ideas coming from the departmental groups?": the one body doing it to what the
                # question names besides ("the ideas"); "qui préside le COMEX ?" names nothing the President chairs
                said = self._saying_the_rest(q, stems, found)
                if len({i.id for i, _ in said}) == 1:
                    return said
            return acting_on + own
        # "qui définit la politique RH ?": of the roles of that verb, those that say the rest of the question too
        return self._saying_the_rest(q, stems, found) or found

    def _saying_the_rest(
        self, q: Query, stems: set[str], found: list[tuple[Instance, Role]]
    ) -> list[tuple[Instance, Role]]:
        """The roles whose words after their verb say a word of the question besides its verbs (in French)."""
        words = q.content if q.lang != "en" else [f for w in q.content for f in self.french(w).split()]
        topic = {w for w in words if len(w) >= 2 and not any(w.startswith(stem) for stem in stems)}
        return [(i, r) for i, r in found if topic & set(self._role_text[id(r)].split()[1:])]  # after its own verb


def _all_said(keyword: str, said: set[str]) -> bool:
    """Every word of a keyword of several words is among the words said, in any order."""
    words = [w for w in keyword.split() if len(w) > 1]
    return len(words) > 1 and all(w in said for w in words)


_DIGIT = re.compile(r"\d")


def commitment_ids(q: Query, known: Container[str]) -> list[str]:
    """Commitment ids written in the question ("RH-1", "rh 1"), when they exist."""
    ids: list[str] = []
    if not _DIGIT.search(q.text):  # an id has its number: most questions have no digit, and are not searched
        return ids
    for m in cues.COMMITMENT_ID.finditer(q.text):
        cid = f"{m.group(1).upper()}-{int(m.group(2))}"
        if cid in known:
            ids.append(cid)
    return ids


def is_commitment_question(q: Query, known: Container[str]) -> bool:
    asked = bool(commitment_ids(q, known)) or bool(q.says(cues.COMMITMENT) or q.says(cues.PROGRESS))
    # "gestion des engagements" is a purchasing activity (looked for only where a commitment seems asked: most
    # questions ask none)
    return asked and not q.says(cues.NOT_COMMITMENT)
