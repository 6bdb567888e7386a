"""Answers about the modes themselves: what each one means, and which activities are in one."""

from __future__ import annotations

from bot.engine.answer import Answer, Source
from bot.engine.lookup import KnowledgeView, source
from bot.engine.replies import MAX_LIST, WEAK_BASES, certainty_label, t, weak_note
from srom_data.models import Commitment, Passage


def mode_definition(view: KnowledgeView, lang: str, codes: list[str]) -> Answer:
    modes = [view.modes[c] for c in codes] if codes else list(view.modes.values())
    lines: list[str] = []
    sources: list[Source] = []
    if not codes:
        lines.append(t(lang, "Le SROM retient cinq modes de gestion :", "The SROM sets five management modes:"))
    for mode in modes:
        english = lang == "en" and mode.label_en != mode.label  # "Harmonisation" is the same word in both
        name = f"{mode.label} ({mode.code})" + (f" — {mode.label_en}" if english else "")
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
                if sources is not None and len(sources) < 4 and a.evidence:
                    src = source(a.evidence[0].section, a.evidence[0].quote)
                    if src not in sources:
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
        the = "l'" if label[0] in "aeiouéh" else "la "  # l'autonomie, l'harmonisation; la coopération
        lines.append(
            t(
                lang,
                f"Le texte ne donne {the}{label} pour aucune activité de ces cartes ; `c'est quoi {the}{label} ?` "
                "en donne la définition.",
                f"The text gives {label} for no activity on these maps; `what does {label} mean?` defines it.",
            )
        )
    return lines
