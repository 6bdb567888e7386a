"""The modes of a whole function ("la DSI en 2017, quel mode globalement ?", "how did the IS function evolve?"):
what the text gives for its activities, year by year, counted by mode, and how many it leaves silent.

The SROM gives a single mode for a function only in two sentences, both about SI (`statements` in its file): before
2013, « de manière autonome »; for 2017, « (mode M) ». Only then does the answer name a mode for the function, and
the first only when the question asks about the time before 2013. Otherwise it adds up the activities' cited modes
and says how many it is silent on; the activities' modes are no mode of the function.
"""

from __future__ import annotations

from collections import Counter

from bot.engine.answer import Answer, Source
from bot.engine.lookup import KnowledgeView
from bot.engine.replies import mode_text, t
from srom_data.models import Function


def function_modes(
    view: KnowledgeView, lang: str, function_id: str, years: list[int], changes: bool = False, before: bool = False
) -> Answer:
    """`before`: the question asks how the function was run before the year ("avant 2013"): a sentence of the text
    for that time names the mode of the answer."""
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
    for st in fn.statements if before else ():
        if st.before and st.year in asked:  # "avant 2013, le SI c'était géré comment ?": the text's sentence first
            name = f"*{mode_text(view, lang, st.mode)}*"
            sources.append(Source(section=st.evidence.section, quote=st.evidence.quote))
            lines.insert(
                0,
                t(
                    lang,
                    f"Avant {st.year}, *{fn.label}* : {name} — « {st.evidence.quote} »\nEn {st.year} :",
                    f"Before {st.year}, *{fn.label}*: {name} — « {st.evidence.quote} » (quoted in French)\nIn "
                    f"{st.year}:",
                ),
            )
    for year in asked:
        lines.extend(_year_lines(view, lang, fn, year, sources, skip_before=before))
    stated = {st.mode for st in fn.statements if st.year in asked and st.before == before}
    lines.append(
        t(
            lang,
            ("_Hors la phrase citée, le" if stated else "_Le")
            + " SROM ne donne pas de mode pour la fonction entière : ce décompte reprend les modes cités activité par "
            "activité (demandez une activité pour sa source)._",
            ("_Beyond the sentence quoted, the" if stated else "_The")
            + " SROM gives no mode for the whole function: this count adds up the modes cited activity by activity "
            "(ask about one activity for its source)._",
        )
    )
    one = len(asked) == 1 and not changes
    return Answer(
        intent="evolution" if changes else "mode_lookup",
        lang=lang,
        function=view.function_ref(fn),
        year=asked[0] if one else None,
        mode=view.mode_ref(stated.pop()) if one and len(stated) == 1 else None,
        text="\n".join(lines),
        sources=sources[:5],
    )


def _year_lines(
    view: KnowledgeView, lang: str, fn: Function, year: int, sources: list[Source], skip_before: bool = False
) -> list[str]:
    """One year: the function's activities counted by cited mode, the silent ones, and the text's own sentence for
    the whole function if it has one (its quote first among the sources)."""
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
        lines = [t(lang, f"• {year} : aucune activité de cette année", f"• {year}: no activity for that year")]
    elif given:
        lines = [
            t(
                lang,
                f"• {year} : {given} ; sans mode dans le texte : {silent} sur {len(acts)}",
                f"• {year}: {given}; no mode in the text: {silent} of {len(acts)}",
            )
        ]
    else:
        lines = [
            t(
                lang,
                f"• {year} : le texte ne donne le mode d'aucune de ses {len(acts)} activités",
                f"• {year}: the text gives the mode of none of its {len(acts)} activities",
            )
        ]
    for st in (st for st in fn.statements if st.year == year and not (st.before and skip_before)):
        name = f"*{view.modes[st.mode].label} ({st.mode})*"
        when_fr, when_en = (f"Avant {year}, p", f"Before {year}, f") if st.before else ("P", "F")
        lines.append(
            t(
                lang,
                f"  {when_fr}our la fonction entière, le texte dit {name} : « {st.evidence.quote} »",
                f"  {when_en}or the whole function, the text says {name}: « {st.evidence.quote} »",
            )
        )
        sources.insert(0, Source(section=st.evidence.section, quote=st.evidence.quote))
    return lines
