"""What the engine understood of a question before choosing its answer: read once, then routed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.engine import cues
from bot.engine.matcher import Hit
from bot.engine.normalize import Query
from srom_data.models import Instance


@dataclass(frozen=True)
class Reading:
    """What the engine understood of a question before choosing its answer."""

    q: Query
    hits: list[Hit]  # the names matched, best first
    function: str | None  # the function the question names itself
    context_function: str | None  # or the one its names belong to
    modes: list[str]  # the modes it names
    instances: list[Instance]  # the bodies it names
    says_mode: bool  # "mode", "quel mode", "c'est harmonisé ?"
    asks_who: bool
    subjects: list[Hit] = field(default_factory=list)  # the activities or blocks it is about
    weak_subjects: list[Hit] = field(default_factory=list)  # half-recognised ones, for a question back
    mode_said: bool = False  # a mode named in its own words, not read through a typo ("hub" is no "centralized")

    @property
    def across(self) -> bool:
        """A thing named across the maps ("évolution du contrôle de gestion sur les 3 cartes"): its history."""
        return bool(self.subjects and cues.MAPS_SPAN.search(self.q.flat))

    @property
    def history_over_maps(self) -> bool:
        """A change asked over the maps, no picture asked ("évolution de la fonction finance sur les trois cartes"):
        a history, not a map."""
        q = self.q
        return bool(q.says(cues.EVOLUTION) and cues.MAPS_SPAN.search(q.flat) and not cues.PICTURE_ASKED.search(q.flat))

    def outside_names(self, cue: re.Pattern[str]) -> bool:
        """The cue is said outside the names said whole: "définition de la stratégie RH" and "élaboration budgets /
        MS" are activities, not a definition nor a budget asked."""
        if not self.q.says(cue):  # most questions
            return False
        named = {w for h in self.subjects if h.score >= 0.95 and len(h.used) > 1 for w in h.used}  # not "budgets"
        return any(set(m.group(0).split()) - named for m in cue.finditer(self.q.flat))

    def subjects_beyond(self, cue: re.Pattern[str]) -> list[Hit]:
        """The subjects named by more than the cue's own words: "quel budget pour mettre en oeuvre le SROM ?" names
        none (the "budgets" of the maps are the cue's word)."""
        said = {w[:5] for w in self.q.words_of(cue)}
        return [h for h in self.subjects if not {w[:5] for w in h.used} <= said]
