"""Acronyms the SROM defines itself ("la COM (Convention d'Objectifs et de Moyens)"): a question about one, or
about its expansion, is answered with the text that defines it, not with a same-named entity ("COM" is also the
communication function's code)."""

from __future__ import annotations

import re

from bot.engine.matcher import EntityMatcher, content_tokens
from bot.engine.search import PassageSearch, SearchHit
from srom_data.models import KnowledgeBase
from srom_data.text import canonical_quote, key

_DEFINED = re.compile(r"\b([A-Z]{2,6})\s*\(([A-Z][^()]{4,80})\)")


class TextAcronyms:
    def __init__(self, kb: KnowledgeBase, matcher: EntityMatcher, search: PassageSearch) -> None:
        self.search = search
        self.defined: dict[str, tuple[str, ...]] = {}
        self.owners: dict[str, str] = {}
        self._expansion_words: dict[str, frozenset[str]] = {}
        # Names the knowledge base declares as naming several things ("COM": the function and the Convention):
        # asked alone, the bot asks back which one rather than guess.
        self.ambiguous = {key(a.alias) for a in kb.ambiguous_aliases}
        names = {ent_id: {key(n) for n in ent.names} for ent_id, ent in matcher.entities.items()}
        for m in _DEFINED.finditer(canonical_quote(kb.source_text)):
            acronym, expansion = m.group(1).lower(), key(m.group(2))
            words = content_tokens(expansion)
            if sum(1 for w in words if w.isalpha() and len(w) >= 3) < 2 or acronym in self.defined:
                continue
            # An acronym whose entity already bears this expansion as a name is that entity ("TRIA").
            if any(acronym in own and expansion in own for own in names.values()):
                continue
            self.defined[acronym] = words
            self._expansion_words[acronym] = frozenset(words)  # asked of every question
            # The entity the expansion names ("la Convention d'Objectifs et de Moyens", of the governance): the
            # answer is about it, so that it says so and a follow-up can ask who follows it
            owner = [ent_id for ent_id, own in names.items() if expansion in own]
            if len(owner) == 1:
                self.owners[acronym] = owner[0]

    def passages(self, content: list[str], defining: bool) -> tuple[list[SearchHit], str | None]:
        """The passages defining the acronym a question asks about: "c'est quoi la COM ?" (the acronym alone in
        a definition question) or "la convention d'objectifs et de moyens" (its whole expansion); and the entity
        its expansion names, if one does."""
        words = set(content)
        for acronym, expansion in self.defined.items():
            alone = defining and words == {acronym} and acronym not in self.ambiguous
            if alone or self._expansion_words[acronym] <= words:
                hits = self.search.search([acronym, *expansion])
                return [h for h in hits if h.matched >= len(expansion)] or hits[:1], self.owners.get(acronym)
        return [], None
