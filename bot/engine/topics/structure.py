"""Answers about the structure of the SROM: a function's blocks and activities, a block's, a named item, a map."""

from __future__ import annotations

from bot.engine.answer import Answer, MapRequest, ProcessRef, Source
from bot.engine.lookup import Item, KnowledgeView
from bot.engine.replies import t
from srom_data.text import fold


def block_structure(view: KnowledgeView, lang: str, item: Item, years: list[int]) -> Answer:
    """The activities of one block, on each map it is drawn on (or the year asked)."""
    block = item.block
    assert block is not None
    lines = [f"*{block.label}* — {item.function.label}"]
    for year in years or [y for y in view.years if y in block.years]:
        acts = view.activities_of_block(block.id, year)
        names = ", ".join(a.label_in(year) for a in acts) or t(lang, "aucune activité", "no activity")
        lines.append(f"• {year} : {names}")
    return Answer(
        intent="structure",
        lang=lang,
        function=view.function_ref(item.function),
        process=view.process_ref(item),
        year=years[0] if len(years) == 1 else None,
        text="\n".join(lines),
    )


def structure(view: KnowledgeView, lang: str, function: str | None, year: int | None) -> Answer:
    kb = view.kb
    if function is None:
        lines = [
            t(
                lang,
                f"Le SROM couvre {len(kb.functions)} fonctions de support :",
                f"The SROM covers {len(kb.functions)} support functions:",
            )
        ]
        for fn in kb.functions:
            lines.append(f"• *{fn.label}* ({fn.id})" + (f" — {fn.label_en}" if lang == "en" else ""))
        years = ", ".join(str(y) for y in view.years)
        lines.append(
            t(
                lang,
                f"Pour chacune : le mode de gestion de chaque activité en {years}, et des engagements.",
                f"For each: the management mode of every activity in {years}, and commitments.",
            )
        )
        return Answer(intent="structure", lang=lang, text="\n".join(lines))
    fn = view.functions[function]
    lines = [f"*{fn.label}*"]
    shown_year = year or max(view.years)
    blocks = [b for b in fn.blocks if shown_year in b.years]
    if blocks:
        lines.append(t(lang, f"Carte {shown_year} : {len(blocks)} blocs", f"{shown_year} map: {len(blocks)} blocks"))
        for block in blocks:
            acts = view.activities_of_block(block.id, shown_year)
            names = ", ".join(a.label_in(shown_year) for a in acts)
            lines.append(f"• *{block.label}* : {names}")
    actions = [a for a in fn.activities if a.kind == "action"]
    if actions:
        lines.append(t(lang, "Actions :", "Actions:"))
        lines.extend(f"• {a.label}" for a in actions)
    for title, items in (("Objectifs", fn.objectives), ("Thèmes", fn.themes)):
        if items:
            lines.append(f"{title} : " + " ; ".join(i.label for i in items))
    if fn.macro_processes:
        lines.append(
            t(
                lang,
                f"Le texte nomme {len(fn.macro_processes)} macro-processus : ",
                f"The text names {len(fn.macro_processes)} macro-processes: ",
            )
            + ", ".join(m.label for m in fn.macro_processes)
            + "."
        )
    sources = [Source(section=e.section, quote=e.quote) for e in fn.introduction[:1]]
    return Answer(
        intent="structure",
        lang=lang,
        function=view.function_ref(fn),
        year=year,
        text="\n".join(lines),
        sources=sources,
    )


def named_item(view: KnowledgeView, lang: str, entity_id: str) -> Answer:
    """An objective or a theme of a function (communication's shared objectives and themes)."""
    fn, item = view.named[entity_id]
    lines = [f"*{item.label}* — {fn.label}"]
    if item.description:
        lines.append(item.description)
    sources = [Source(section=item.evidence.section, quote=item.evidence.quote)] if item.evidence else []
    return Answer(intent="structure", lang=lang, function=view.function_ref(fn), text="\n".join(lines), sources=sources)


def named_item_mode(view: KnowledgeView, lang: str, entity_id: str, said: str, years: list[int]) -> Answer:
    """A mode asked of an objective or a theme: none is on a map, so the text gives it no mode; say so, and what the
    text does say of it. `said` is the name the question used ("relations presse" for the objective "Convaincre")."""
    fn, item = view.named[entity_id]
    label = item.label if fold(said) in fold(item.label) else f"{item.label} ({said})"
    when = ", ".join(str(y) for y in years)
    objective = item in fn.objectives
    lines = [
        t(
            lang,
            f"*{label}* est {'un objectif' if objective else 'un thème'} de la fonction {fn.label}, pas une activité "
            f"d'une carte : le texte ne lui donne aucun mode de gestion{' en ' + when if when else ''}.",
            f"*{label}* is {'an objective' if objective else 'a theme'} of the {fn.label} function, not an activity "
            f"on a map: the text gives it no management mode{' in ' + when if when else ''}.",
        )
    ]
    if item.description:
        lines.append(item.description)
    sources = [Source(section=item.evidence.section, quote=item.evidence.quote)] if item.evidence else []
    return Answer(
        intent="mode_lookup",
        lang=lang,
        function=view.function_ref(fn),
        process=ProcessRef(id=entity_id, label=label),
        year=years[0] if len(years) == 1 else None,
        text="\n".join(lines),
        sources=sources,
    )


def map_answer(view: KnowledgeView, lang: str, function: str, years: list[int], compare: bool) -> Answer:
    """A function's map for a year (the latest if none), or the three years side by side."""
    fn = view.functions[function]
    compare = compare or len(years) > 1
    year = None if compare else (years[0] if years else max(view.years))
    if compare:
        text = t(
            lang,
            f"Carte comparée {', '.join(str(y) for y in view.years)} — *{fn.label}*",
            f"Map compared across {', '.join(str(y) for y in view.years)} — *{fn.label}*",
        )
    else:
        text = t(lang, f"Carte {year} — *{fn.label}*", f"{year} map — *{fn.label}*")
    text += t(
        lang,
        " (les activités au mode non précisé par le texte sont hachurées).",
        " (activities whose mode the text does not state are hatched).",
    )
    return Answer(
        intent="structure",
        lang=lang,
        function=view.function_ref(fn),
        year=year,
        text=text,
        map=MapRequest(function=fn.id, year=year, compare=compare),
    )


def maps_answer(view: KnowledgeView, lang: str, functions: list[str], years: list[int], compare: bool) -> Answer:
    """Several functions' maps asked at once: a reply holds one picture, the first's; how to ask for each other."""
    answer = map_answer(view, lang, functions[0], years, compare)
    when = " ".join(map(str, years))
    asks = ", ".join(f"_{t(lang, 'carte', 'map')} {f} {when}_".replace(" _", "_") for f in functions[1:])
    more = t(lang, f"Une carte par réponse ; pour les autres : {asks}.", f"One map per reply; for the others: {asks}.")
    return answer.model_copy(update={"text": f"{answer.text}\n{more}"})
