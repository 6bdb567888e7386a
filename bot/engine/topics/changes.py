"""What changed on a function's map from one year to another: activities that appear, that leave, that are renamed
or move to another block ("nouvelles activités RH en 2021 par rapport à 2017 ?", "what's new on the 2017 IT map?")."""

from __future__ import annotations

from bot.engine.answer import Answer
from bot.engine.lookup import KnowledgeView
from bot.engine.replies import t


def map_changes(view: KnowledgeView, lang: str, function: str, years: list[int]) -> Answer:
    """The differences between two maps of a function: the two years named, else the year named and the map before
    it, else the first and the last map."""
    fn = view.functions[function]
    before, after = _span(view, years)
    blocks = {b.id: b.label for b in fn.blocks}
    new, gone, renamed, moved = [], [], [], []
    for act in fn.activities:
        was, now = act.placements.get(before), act.placements.get(after)
        if now and not was:
            new.append(f"• {act.label_in(after)} ({blocks.get(now.block or '', '')})")
        elif was and not now:
            gone.append(f"• {act.label_in(before)} ({blocks.get(was.block or '', '')})")
        elif was and now:
            if act.label_in(before) != act.label_in(after):
                renamed.append(f"• {act.label_in(before)} → {act.label_in(after)}")
            if was.block != now.block:
                moved.append(f"• {act.label_in(after)} : {blocks.get(was.block or '')} → {blocks.get(now.block or '')}")
    lines = [
        t(
            lang,
            f"*{fn.label}* — de la carte {before} à la carte {after} :",
            f"*{fn.label}* — from the {before} map to the {after} map:",
        )
    ]
    for items, fr, en in (
        (new, "Nouvelles activités", "New activities"),
        (gone, "Activités qui n'y figurent plus", "Activities no longer on it"),
        (renamed, "Renommées", "Renamed"),
        (moved, "Changées de bloc", "Moved to another block"),
    ):
        if items:
            lines.append(t(lang, f"{fr} ({len(items)}) :", f"{en} ({len(items)}):"))
            lines.extend(items)
    if len(lines) == 1:
        lines.append(
            t(
                lang,
                "aucune activité ajoutée, retirée, renommée ni déplacée.",
                "no activity added, removed, renamed or moved.",
            )
        )
    lines.append(
        t(
            lang,
            "_Ce sont les libellés des cartes ; leurs modes : « évolution de … » pour une activité._",
            "_These are the maps' labels; for their modes, ask how an activity evolved._",
        )
    )
    return Answer(intent="structure", lang=lang, function=view.function_ref(fn), year=after, text="\n".join(lines))


def _span(view: KnowledgeView, years: list[int]) -> tuple[int, int]:
    ordered = sorted(view.years)
    named = sorted(set(years))
    if len(named) >= 2:
        return named[0], named[-1]
    if named and named[0] != ordered[0]:
        return ordered[ordered.index(named[0]) - 1], named[0]
    if named:
        return named[0], ordered[ordered.index(named[0]) + 1]
    return ordered[0], ordered[-1]
