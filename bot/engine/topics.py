"""Answers about the modes themselves, the governance, the structure of the SROM and its commitments."""

from __future__ import annotations

from collections.abc import Callable

from bot.engine.answer import Answer, MapRequest, ProcessRef, Ref, Source
from bot.engine.lookup import Item, KnowledgeView
from bot.engine.replies import MAX_LIST, WEAK_BASES, certainty_label, t, weak_note
from reports.formats import french_date
from srom_data.models import Commitment, Fact, Instance, Passage, Role
from srom_data.text import fold

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")  # fmt: skip
# Status of a commitment (filled in by the commitment-tracking storage when it is wired).
StatusProvider = Callable[[str], str | None]


def mode_definition(view: KnowledgeView, lang: str, codes: list[str]) -> Answer:
    modes = [view.modes[c] for c in codes] if codes else list(view.modes.values())
    lines: list[str] = []
    sources: list[Source] = []
    if not codes:
        lines.append(t(lang, "Le SROM retient cinq modes de gestion :", "The SROM sets five management modes:"))
    for mode in modes:
        name = f"{mode.label} ({mode.code})" + (f" — {mode.label_en}" if lang == "en" else "")
        quote = mode.definition.quote.split(":", 1)[-1].strip()
        lines.append(f"• *{name}* : {quote}")
        sources.append(Source(section=mode.definition.section, quote=mode.definition.quote))
    if len(codes) == 2:
        a, b = modes
        for d in (*a.distinctions, *b.distinctions):
            if d.other in codes:
                lines.append(t(lang, f"_Différence_ : {d.text}", f"_Difference_ (in French): {d.text}"))
                break
    elif len(codes) == 1:
        for d in modes[0].distinctions:
            lines.append(f"   ↔ {view.modes[d.other].label} : {d.text}")
    return Answer(
        intent="mode_definition",
        lang=lang,
        mode=view.mode_ref(codes[0]) if len(codes) == 1 else None,
        text="\n".join(lines),
        sources=sources,
    )


def mode_list(
    view: KnowledgeView,
    lang: str,
    code: str,
    years: list[int],
    function: str | None,
    block: str | None = None,
    preface: str = "",
    nearest: tuple[list[Passage], list[Commitment]] = ([], []),
) -> Answer:
    """The activities the text gives in one mode, per year; a year with none points to what the text does say:
    the years it gives this mode, the narrative `nearest` holds, the commitments of that year about it."""
    years = years or list(view.years)
    mode = view.modes[code]
    fn = view.functions.get(function or "")
    lines: list[str] = [preface] if preface else []
    bases: set[str | None] = set()
    sources: list[Source] = []
    empty: list[int] = []
    for year in years:
        found = _in_mode(view, lang, code, year, function, block, sources, bases)
        head = t(lang, f"*{mode.label}* en {year}", f"*{mode.label_en}* in {year}")
        if fn:  # "activités RH en intégration en 2021" keeps its function in the header
            head += f" — {fn.label}"
        if found:
            lines.append(f"{head} ({len(found)}) :")
            lines.extend(found[:MAX_LIST])
            if len(found) > MAX_LIST:
                lines.append(t(lang, f"… et {len(found) - MAX_LIST} autres.", f"… and {len(found) - MAX_LIST} more."))
        else:
            empty.append(year)
            lines.append(
                t(
                    lang,
                    f"{head} : aucune activité dont le texte donne ce mode.",
                    f"{head}: no activity for which the text gives this mode.",
                )
            )
    if empty:
        lines.extend(_pointers(view, lang, code, years, empty, function, block, nearest, sources))
    lines.append(
        t(
            lang,
            "_Seuls les modes que le texte établit sont listés ; beaucoup ne sont pas précisés._",
            "_Only modes the text establishes are listed; many are not stated._",
        )
    )
    if any(b in WEAK_BASES for b in bases):
        lines.append(weak_note(lang))
    return Answer(
        intent="mode_list",
        lang=lang,
        function=view.function_ref(fn) if fn else None,
        year=years[0] if len(years) == 1 else None,
        mode=view.mode_ref(code),
        text="\n".join(lines),
        sources=sources[:5],
    )


def _in_mode(
    view: KnowledgeView,
    lang: str,
    code: str,
    year: int,
    function: str | None,
    block: str | None,
    sources: list[Source] | None = None,
    bases: set[str | None] | None = None,
) -> list[str]:
    """The activities in mode `code` that year, with how firm each is; `sources` and `bases` collect their
    evidence and the bases of their deductions."""
    found = []
    for fn in view.kb.functions:
        if function and fn.id != function:
            continue
        for act in fn.activities:
            a = act.assessments.get(year)
            if block and (year not in act.placements or act.placements[year].block != block):
                continue
            if a and a.mode == code:
                found.append(f"• {act.label_in(year)} — {fn.label} ({certainty_label(lang, a.certainty, a.basis)})")
                if bases is not None:
                    bases.add(a.basis)
                src = Source(section=a.evidence[0].section, quote=a.evidence[0].quote) if a.evidence else None
                if sources is not None and src and src not in sources and len(sources) < 4:
                    sources.append(src)
    return found


def _pointers(
    view: KnowledgeView,
    lang: str,
    code: str,
    years: list[int],
    empty: list[int],
    function: str | None,
    block: str | None,
    nearest: tuple[list[Passage], list[Commitment]],
    sources: list[Source],
) -> list[str]:
    """What to read instead of an empty list: never a bare "none"."""
    lines = []
    mode = view.modes[code]
    for other in (y for y in view.years if y not in years):
        found = _in_mode(view, lang, code, other, function, block)
        if found:
            names = ", ".join(f.removeprefix("• ").split(" — ")[0] for f in found[:8])
            more = t(lang, f" et {len(found) - 8} autres", f" and {len(found) - 8} more") if len(found) > 8 else ""
            lines.append(
                t(
                    lang,
                    f"Le texte donne ce mode en {other} pour {len(found)} activité(s) : {names}{more}.",
                    f"The text gives this mode in {other} for {len(found)} activit(ies): {names}{more}.",
                )
            )
    passages, commitments_about = nearest
    for p in passages:
        lines.append(t(lang, "Ce que le texte en dit : ", "What the text says (in French): ") + f"« {p.text} »")
        sources.insert(0, Source(section=p.section, quote=p.text))
    if commitments_about:
        ids = ", ".join(f"{c.id} ({c.title})" for c in commitments_about[:4])
        lines.append(
            t(
                lang,
                f"Pour {commitments_about[0].year}, le SROM fixe des engagements sur ce sujet : {ids}.",
                f"For {commitments_about[0].year}, the SROM sets commitments on this: {ids}.",
            )
        )
    if not lines:
        label = mode.label.lower() if lang == "fr" else mode.label_en.lower()
        lines.append(
            t(
                lang,
                f"Le texte ne donne l'{label} pour aucune activité de ces cartes ; `c'est quoi l'{label} ?` "
                "en donne la définition.",
                f"The text gives {label} for no activity on these maps; `what does {label} mean?` defines it.",
            )
        )
    return lines


def governance(
    view: KnowledgeView,
    lang: str,
    instances: list[Instance],
    roles: list[tuple[Instance, Role]],
    facts: list[Fact],
    composition: bool,
) -> Answer:
    lines: list[str] = []
    sources: list[Source] = []
    named: list[Instance] = []
    for fact in facts[:2]:
        lines.append(f"*{fact.answer}*")
        sources.extend(Source(section=e.section, quote=e.quote) for e in fact.evidence)
        named.extend(view.instances[i] for i in fact.instances if view.instances[i] not in named)
    if roles:
        for inst, role in roles[:6]:
            lines.append(f"• *{inst.label}* — {role.text}")
            sources.append(Source(section=role.evidence.section, quote=role.evidence.quote))
            if inst not in named:
                named.append(inst)
    elif not facts:
        for inst in instances[:3]:
            named.append(inst)
            lines.append(f"*{inst.label}*" + (f" ({inst.label_en})" if lang == "en" and inst.label_en else ""))
            if inst.composition and (composition or not inst.roles):
                lines.append(t(lang, f"Composition : {inst.composition.quote}", f"Members: {inst.composition.quote}"))
                sources.append(Source(section=inst.composition.section, quote=inst.composition.quote))
            if composition and inst.composition:
                continue  # "qui siège au Bureau ?" asks who, not what it does
            for role in inst.roles[:8]:
                lines.append(f"• {role.text}")
                sources.append(Source(section=role.evidence.section, quote=role.evidence.quote))
            for ren in inst.renamed_from:
                lines.append(t(lang, f"_Anciennement {ren.old}._", f"_Formerly {ren.old}._"))
    if lang == "en" and lines:  # the document's own words stay French; the asker is told so in English
        lines.insert(0, "From the SROM's governance (quoted in French):")
    unique: list[Source] = []
    for s in sources:
        if s not in unique:
            unique.append(s)
    return Answer(
        intent="governance",
        lang=lang,
        instances=[Ref(id=i.id, label=i.label) for i in named],
        text="\n".join(lines),
        sources=unique[:5],
    )


def governance_overview(view: KnowledgeView, lang: str) -> Answer:
    """Every body of the governance, with what it is first for."""
    lines = [t(lang, "Les instances de la gouvernance du SROM :", "The SROM's governance bodies (quoted in French):")]
    sources: list[Source] = []
    bodies = [i for i in view.kb.governance.instances if i.kind != "chamber"]
    for inst in bodies:
        name = inst.label + (f" ({inst.label_en})" if lang == "en" and inst.label_en else "")
        first = inst.roles[0].text if inst.roles else (inst.composition.quote if inst.composition else "")
        lines.append(f"• *{name}*" + (f" — {first}" if first else ""))
        if inst.roles and len(sources) < 5:
            sources.append(Source(section=inst.roles[0].evidence.section, quote=inst.roles[0].evidence.quote))
    return Answer(
        intent="governance",
        lang=lang,
        instances=[Ref(id=i.id, label=i.label) for i in bodies],
        text="\n".join(lines),
        sources=sources,
    )


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


def commitments(
    view: KnowledgeView,
    lang: str,
    items: list[Commitment],
    function: str | None,
    status: StatusProvider | None,
    which: str = "",
    empty: str = "",
) -> Answer:
    """`which` names the filter in the header ("en retard"); `empty` says what to do when nothing is left."""
    if function is None and items and len({c.function for c in items}) == 1:
        function = items[0].function
    fn = view.functions.get(function or "")
    if not items:
        text = empty or t(
            lang,
            "Je ne trouve pas d'engagement correspondant dans le SROM.",
            "I find no matching commitment in the SROM.",
        )
        return Answer(intent="commitments", lang=lang, function=view.function_ref(fn) if fn else None, text=text)
    head = t(lang, "Engagements du SROM", "SROM commitments")
    if fn:
        head += f" — {fn.label}"
    elif function:
        head += f" — {view.kb.meta.function_codes.get(function, function)}"
    # A year in the heading only when the text gives every listed commitment that horizon: the SI decisions of
    # 2015, or objectives without a deadline, are not 2021 targets.
    horizons = {c.year for c in items}
    year = horizons.pop() if len(horizons) == 1 and None not in horizons else None
    if which:
        head += f" — {which}"
    lines = [f"*{head}*" + (t(lang, f" (horizon {year})", f" (by {year})") if year else "") + " :"]
    for c in items:
        state = status(c.id) if status else None
        when = "" if year else f" · {dating(view, lang, c)}"
        lines.append(f"• *{c.id}* — {c.title}{when}" + (f" · _{state}_" if state else ""))
    if len(items) == 1:
        lines.append(items[0].description)
    sources = [Source(section=c.evidence[0].section, quote=c.evidence[0].quote) for c in items[:5]]
    return Answer(
        intent="commitments",
        lang=lang,
        function=view.function_ref(fn) if fn else None,
        year=year,
        commitments=[Ref(id=c.id, label=c.title) for c in items],
        text="\n".join(lines),
        sources=sources,
    )


def dating(view: KnowledgeView, lang: str, c: Commitment) -> str:
    """When the text dates a commitment: its decision, its horizon, or that it gives none."""
    if c.decided and c.decided_by:
        inst = view.instances[c.decided_by]
        day = c.decided
        when_en = f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
        decided = t(
            lang,
            f"décision du {inst.label} du {french_date(day)}",
            f"decided by the {inst.label_en or inst.label} on {when_en}",
        )
        if c.year:
            return decided + t(lang, f", horizon {c.year}", f", by {c.year}")
        return decided + t(lang, ", sans échéance dans le texte", ", no deadline in the text")
    if c.year:
        return t(lang, f"horizon {c.year}", f"by {c.year}")
    return t(lang, "sans échéance dans le texte", "no deadline in the text")


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


def verb_stem(verb: str) -> str:
    v = fold(verb).split()[0]
    for suffix in ("er", "ir", "re"):
        if v.endswith(suffix) and len(v) > 5:
            return v[: -len(suffix)]
    return v


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
