"""Answers about the commitments: the list, with their dating and tracked status."""

from __future__ import annotations

from collections.abc import Callable

from bot.engine.answer import Answer
from bot.engine.lookup import KnowledgeView, ref, source
from bot.engine.replies import t
from reports.formats import french_date
from srom_data.models import Commitment

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")  # fmt: skip
# Status of a commitment (filled in by the commitment-tracking storage when it is wired).
StatusProvider = Callable[[str], str | None]


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
    sources = [source(c.evidence[0].section, c.evidence[0].quote) for c in items[:5]]
    return Answer(
        intent="commitments",
        lang=lang,
        function=view.function_ref(fn) if fn else None,
        year=year,
        commitments=[ref(c.id, c.title) for c in items],
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
