"""Statements written on a map beside the blocks ("Mutualisation des outils informatiques", 2017): each gives a
whole function's mode for a topic that is no block or activity. A question about that topic gets that mode, with
the note as its source."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.engine.answer import Answer, ProcessRef, Source
from bot.engine.lookup import KnowledgeView
from bot.engine.matcher import content_tokens
from bot.engine.replies import mode_text, t
from bot.engine.spelling import stem_fr
from srom_data.models import Evidence, Function
from srom_data.text import fold, key

# "<Mode> sur les X et les Y", "<Mode> des X", "<Mode> pour des besoins d'X"
_NOTE = re.compile(r"^(\w+) (?:sur les |sur |des |de |du |pour des besoins d ?|pour les )(.+)$")


@dataclass
class NoteTopic:
    function: Function
    label: str
    words: tuple[str, ...]
    modes: dict[int, tuple[str, Evidence]] = field(default_factory=dict)
    stems: frozenset[str] = field(init=False)  # its words' stems: every question is compared with them

    def __post_init__(self) -> None:
        self.stems = frozenset(stem_fr(w) for w in self.words)


def note_topics(view: KnowledgeView) -> list[NoteTopic]:
    by_name = {fold(m.label): m.code for m in view.kb.modes}
    topics: dict[tuple[str, str], NoteTopic] = {}
    for fn in view.kb.functions:
        for note in fn.map_notes:
            m = _NOTE.match(key(note.evidence.quote))
            if not m or m.group(1) not in by_name:
                continue
            for part in re.split(r" et (?:les |des |de )?", m.group(2)):
                words = content_tokens(part)
                if not words:
                    continue
                topic = topics.setdefault((fn.id, part), NoteTopic(fn, part.capitalize(), words))
                topic.modes[note.year] = (by_name[m.group(1)], note.evidence)
    return list(topics.values())


def find(topics: list[NoteTopic], content: list[str], function: str | None) -> NoteTopic | None:
    """The one topic all of whose words the question says, in any inflection ("l'expertise" for "les
    expertises"), in the function it names if it names one."""
    said = {stem_fr(w) for w in content}
    found = [tp for tp in topics if tp.stems <= said and (not function or tp.function.id == function)]
    return found[0] if len(found) == 1 else None


def answer(view: KnowledgeView, lang: str, topic: NoteTopic, years: list[int], evolution: bool) -> Answer:
    fn = topic.function
    ref = ProcessRef(id=f"{fn.id.lower()}.note.{'-'.join(topic.words)}", label=topic.label)
    where = t(lang, f"note de la carte, {fn.label}", f"map note, {fn.label}")
    head = f"*{topic.label}* ({where})"
    if len(years) == 1 and not evolution:
        year = years[0]
        found = topic.modes.get(year)
        if found is None:
            text = t(
                lang,
                f"{head}, {year} : la carte ne porte pas de note sur ce sujet ; notes en "
                f"{', '.join(str(y) for y in sorted(topic.modes))}.",
                f"{head}, {year}: the map has no note on this; notes in "
                f"{', '.join(str(y) for y in sorted(topic.modes))}.",
            )
            return Answer(
                intent="mode_lookup", lang=lang, function=view.function_ref(fn), process=ref, year=year, text=text
            )
        code, evidence = found
        text = f"{head}, {year} : *{mode_text(view, lang, code)}* — " + t(
            lang, "explicite dans le texte (note de la carte).", "stated in the text (map note)."
        )
        return Answer(
            intent="mode_lookup",
            lang=lang,
            function=view.function_ref(fn),
            process=ref,
            year=year,
            mode=view.mode_ref(code),
            certainty="explicit",
            text=text,
            sources=[Source(section=evidence.section, quote=evidence.quote)],
        )
    lines = [t(lang, f"Évolution de {head} :", f"How {head} evolved:")]
    sources = []
    for year in view.years:
        found = topic.modes.get(year)
        if found:
            lines.append(f"• {year} : *{mode_text(view, lang, found[0])}*")
            sources.append(Source(section=found[1].section, quote=found[1].quote))
        else:
            lines.append(f"• {year} : {t(lang, 'pas de note sur la carte', 'no note on the map')}")
    return Answer(
        intent="evolution" if evolution else "mode_lookup",
        lang=lang,
        function=view.function_ref(fn),
        process=ref,
        text="\n".join(lines),
        sources=sources,
    )
