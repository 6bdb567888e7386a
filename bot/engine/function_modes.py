"""The modes of a whole function ("la DSI en 2017, quel mode globalement ?", "how did the IS function evolve?"):
what the text gives for its activities, year by year, counted by mode, and how many it leaves silent.

The SROM gives a single mode for a function only in one sentence (SI, 2017: « (mode M) », `statements` in the
function's file): only then does the answer name a mode for the function. Otherwise it adds up the activities' cited
modes and says how many it is silent on; the activities' modes are no mode of the function.
"""

from __future__ import annotations

from collections import Counter

from bot.engine.answer import Answer, Source
from bot.engine.lookup import KnowledgeView
from bot.engine.replies import t


def function_modes(view: KnowledgeView, lang: str, function_id: str, years: list[int], changes: bool = False) -> Answer:
    fn = view.functions[function_id]
    asked = [y for y in years if y in view.years] or list(view.years)
    if changes:  # "comment a évolué la fonction SI depuis 2013 ?": every map from the first year named
        asked = [y for y in view.years if y >= min(asked)]
    lines = [
        t(
            lang,
            f"*{fn.label}* — les modes de gestion que le texte donne pour ses activités :",
            f"*{fn.label}* — the management modes the text gives for its activities:",
        )
    ]
    sources: list[Source] = []
    shared: set[str] = set()
    for year in asked:
        acts = [a for a in fn.activities if year in a.placements]
        counts: Counter[str] = Counter()
        for act in acts:
            assessment = act.assessments.get(year)
            if assessment is None or assessment.mode is None:
                continue
            counts[assessment.mode] += 1
            for ev in assessment.evidence[:1]:
                source = Source(section=ev.section, quote=ev.quote)
                if source not in sources:
                    sources.append(source)
        silent = len(acts) - sum(counts.values())
        given = ", ".join(f"{view.modes[m].label} ({m}) : {n}" for m, n in sorted(counts.items(), key=lambda c: -c[1]))
        if not acts:
            lines.append(t(lang, f"• {year} : aucune activité de cette année", f"• {year}: no activity for that year"))
        elif given:
            lines.append(
                t(
                    lang,
                    f"• {year} : {given} ; sans mode dans le texte : {silent} sur {len(acts)}",
                    f"• {year}: {given}; no mode in the text: {silent} of {len(acts)}",
                )
            )
        else:
            lines.append(
                t(
                    lang,
                    f"• {year} : le texte ne donne le mode d'aucune de ses {len(acts)} activités",
                    f"• {year}: the text gives the mode of none of its {len(acts)} activities",
                )
            )
        stated = [st for st in fn.statements if st.year == year]
        for st in stated:
            name = f"*{view.modes[st.mode].label} ({st.mode})*"
            lines.append(
                t(
                    lang,
                    f"  Pour la fonction entière, le texte dit {name} : « {st.evidence.quote} »",
                    f"  For the whole function, the text says {name}: « {st.evidence.quote} »",
                )
            )
            sources.insert(0, Source(section=st.evidence.section, quote=st.evidence.quote))
        if len(asked) == 1:
            shared = {st.mode for st in stated}
    lines.append(
        t(
            lang,
            "_Le SROM ne donne pas un mode unique par fonction : ce décompte reprend les modes cités activité par "
            "activité (demandez une activité pour sa source)._",
            "_The SROM gives no single mode per function: this count adds up the modes cited activity by activity "
            "(ask about one activity for its source)._",
        )
    )
    one = len(asked) == 1 and not changes
    return Answer(
        intent="mode_lookup" if one else "evolution",
        lang=lang,
        function=view.function_ref(fn),
        year=asked[0] if one else None,
        mode=view.mode_ref(shared.pop()) if one and len(shared) == 1 else None,
        text="\n".join(lines),
        sources=sources[:5],
    )
