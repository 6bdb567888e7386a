"""Build the Answer for each kind of question, in French or English. Every mode stated comes with its source."""

from __future__ import annotations

import re

from bot.engine.answer import Answer, Ref, Source
from bot.engine.lookup import Item, KnowledgeView
from srom_data.models import Assessment, Attestation, Function

CERTAINTY_FR = {
    "explicit": "explicite dans le texte",
    "deduced": "déduit du texte",
    "attested": "attesté d'après le diagramme original",
    "unspecified": "non précisé",
}
CERTAINTY_EN = {
    "explicit": "stated in the text",
    "deduced": "deduced from the text",
    "attested": "attested from the original diagram",
    "unspecified": "not stated",
}
# What a deduction rests on, in a few words (lists) and in a sentence (an item's own answer).
BASIS_FR = {"named": "activité nommée", "collective": "énoncé d'ensemble, moins sûr", "carried": "reporté, moins sûr"}
BASIS_EN = {
    "named": "item named",
    "collective": "collective statement, less firm",
    "carried": "carried forward, less firm",
}
BASIS_SENTENCE_FR = {
    "named": "Déduit d'une phrase du texte, ou du libellé de la carte, qui nomme cette activité.",
    "collective": "Moins sûr : déduit d'un énoncé sur toute la fonction, tout un bloc ou toute une période, étendu à "
    "cette activité sans qu'elle soit nommée. À confirmer d'après le diagramme original.",
    "carried": "Moins sûr : le mode d'une année antérieure, reporté par un énoncé de continuité du texte, sans "
    "phrase propre à cette année. À confirmer d'après le diagramme original.",
}
BASIS_SENTENCE_EN = {
    "named": "Deduced from a sentence of the text, or the map's label, that names this item.",
    "collective": "Less firm: deduced from a statement about a whole function, block or period, extended to this "
    "item without naming it. To be confirmed against the original diagram.",
    "carried": "Less firm: an earlier year's mode, carried forward by a statement of continuity, with no sentence "
    "of its own for this year. To be confirmed against the original diagram.",
}
WEAK_NOTE_FR = (
    "_« Énoncé d'ensemble » : un énoncé sur toute la fonction, tout un bloc ou toute une période, étendu à chaque "
    "activité ; « reporté » : le mode d'une année antérieure, reconduit. Moins sûrs : à confirmer d'après le "
    "diagramme original._"
)
WEAK_NOTE_EN = (
    "_“Collective statement”: a statement about a whole function, block or period, extended to each item; “carried "
    "forward”: an earlier year's mode, kept. Less firm: to be confirmed against the original diagram._"
)
WEAK_BASES = ("collective", "carried")
MAX_LIST = 40


def t(lang: str, fr: str, en: str) -> str:
    return en if lang == "en" else fr


def certainty_label(lang: str, certainty: str, basis: str | None = None) -> str:
    """'déduit du texte', or with its basis: 'déduit du texte — énoncé d'ensemble, moins sûr'."""
    label = (CERTAINTY_EN if lang == "en" else CERTAINTY_FR)[certainty]
    if certainty == "deduced" and basis:
        label += " — " + (BASIS_EN if lang == "en" else BASIS_FR)[basis]
    return label


def basis_sentence(lang: str, basis: str | None) -> str:
    return (BASIS_SENTENCE_EN if lang == "en" else BASIS_SENTENCE_FR)[basis] if basis else ""


def weak_note(lang: str) -> str:
    """Said once under a list that shows a collective or carried-forward deduction."""
    return t(lang, WEAK_NOTE_FR, WEAK_NOTE_EN)


def mode_text(view: KnowledgeView, lang: str, code: str | None) -> str:
    if not code:
        return t(lang, "non précisé", "not stated")
    mode = view.modes[code]
    return f"{mode.label_en if lang == 'en' else mode.label} ({code})"


MONTHS_SHORT_FR = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")
SLACK_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")


def attested_by(lang: str, attestation: Attestation) -> str:
    """attesté par <@U…> le 3 déc. 2026 (diagramme original, p. 14): who (a Slack mention when attested from
    Slack), when, and what they relied on."""
    who = f"<@{attestation.by_id}>" if attestation.by_id and SLACK_ID.match(attestation.by_id) else attestation.by
    who = who if who.startswith("<@") else who.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    day = attestation.date
    source = attestation.source.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if lang == "en":
        return f"attested by {who} on {day:%d %b %Y} ({source})"
    return f"attesté par {who} le {day.day} {MONTHS_SHORT_FR[day.month - 1]} {day.year} ({source})"


def assessment_sources(assessment: Assessment) -> list[Source]:
    if assessment.certainty == "attested" and assessment.attestation:
        att = assessment.attestation
        quote = f"Attestation de {att.by} le {att.date:%d/%m/%Y} ({att.source})" + (
            f" : {att.note}" if att.note else ""
        )
        return [Source(section="Attestation", quote=quote)]
    return KnowledgeView.sources(assessment.evidence)


def certainty_text(lang: str, assessment: Assessment) -> str:
    if assessment.certainty == "attested" and assessment.attestation:
        return attested_by(lang, assessment.attestation)
    return certainty_label(lang, assessment.certainty)


def item_heading(view: KnowledgeView, lang: str, item: Item, year: int | None) -> str:
    ref = view.process_ref(item, year)
    fn_label = item.function.label
    if item.activity and ref.block:
        where = t(lang, f"bloc « {ref.block} », {fn_label}", f"block “{ref.block}”, {fn_label}")
    elif item.activity:
        where = fn_label
    else:
        where = t(lang, f"bloc de la fonction {fn_label}", f"block of {fn_label}")
    return f"*{ref.label}* ({where})"


def not_on_map(view: KnowledgeView, lang: str, item: Item, year: int) -> Answer:
    on = ", ".join(str(y) for y in item.years)
    text = t(
        lang,
        f"{item_heading(view, lang, item, year)} n'apparaît pas sur la carte {year} du SROM (présent en : {on}).",
        f"{item_heading(view, lang, item, year)} is not on the SROM's {year} map (present in: {on}).",
    )
    return Answer(
        intent="mode_lookup",
        lang=lang,
        function=view.function_ref(item.function),
        process=view.process_ref(item, year),
        year=year,
        text=text,
    )


def mode_lookup(view: KnowledgeView, lang: str, item: Item, year: int) -> Answer:
    if year not in item.years:
        return not_on_map(view, lang, item, year)
    pairs = view.assessments(item, year)
    code, certainty = view.summary(item, year)
    basis = view.basis(item, year) if certainty == "deduced" else None
    heading = item_heading(view, lang, item, year)
    sources: list[Source] = []
    if item.activity:
        assessment = pairs[0][1]
        if assessment.mode:
            lines = [
                f"{heading}, {year} : *{mode_text(view, lang, assessment.mode)}* — {certainty_text(lang, assessment)}."
            ]
            if assessment.basis:
                lines.append(basis_sentence(lang, assessment.basis))
            if assessment.rationale:
                lines.append(f"_{assessment.rationale}_")
            sources = assessment_sources(assessment)
        else:
            lines = [silent_line(lang, heading, year)]
    else:
        lines = [f"{heading}, {year} :"]
        for act, assessment in pairs:
            label = act.label_in(year)
            if assessment.mode:
                lines.append(
                    f"• {label} : *{mode_text(view, lang, assessment.mode)}* "
                    f"({certainty_label(lang, assessment.certainty, assessment.basis)})"
                )
                sources.extend(s for s in assessment_sources(assessment) if s not in sources)
            else:
                lines.append(f"• {label} : {t(lang, 'mode non précisé par le texte', 'mode not stated in the text')}")
        if not pairs:
            lines.append(t(lang, "aucune activité listée sur la carte.", "no activity listed on the map."))
        if any(a.basis in WEAK_BASES for _, a in pairs):
            lines.append(weak_note(lang))
    if not sources:
        for passage in view.nearest_passages(item, year):
            sources.append(Source(section=passage.section, quote=passage.text))
            lines.append(
                t(
                    lang,
                    "Ce que le texte dit de plus proche (sans donner de mode) :",
                    "The nearest the text says (it gives no mode):",
                )
            )
    return Answer(
        intent="mode_lookup",
        lang=lang,
        function=view.function_ref(item.function),
        process=view.process_ref(item, year),
        year=year,
        mode=view.mode_ref(code),
        certainty=certainty,
        basis=basis,
        text="\n".join(lines),
        sources=sources[:4],
    )


def silent_line(lang: str, heading: str, year: int) -> str:
    return t(
        lang,
        f"{heading}, {year} : le SROM ne précise pas le mode de gestion. Les couleurs des cartes se sont perdues "
        "à l'extraction et le texte n'en dit rien : je préfère ne pas deviner.",
        f"{heading}, {year}: the SROM does not state the management mode. The maps' colours were lost in the "
        "extraction and the text says nothing of it, so I won't guess.",
    )


def evolution(view: KnowledgeView, lang: str, item: Item, preface: str = "") -> Answer:
    lines = [preface] if preface else []
    lines.append(
        t(
            lang,
            f"Évolution de {item_heading(view, lang, item, None)} :",
            f"How {item_heading(view, lang, item, None)} evolved:",
        )
    )
    sources: list[Source] = []
    kept: set[tuple[str, str]] = set()  # the sources' texts: asking a model's equality is slow
    previous: str | None = None
    for year in view.years:
        if year not in item.years:
            other = view.predecessor(item, year)
            if other is None:
                lines.append(f"• {year} : {t(lang, 'absent de la carte', 'not on the map')}")
                continue
            code, _ = view.summary(other, year)
            named = t(lang, "sous le bloc", "as the block") if other.block else t(lang, "sous le nom", "named")
            lines.append(f"• {year} : {named} « {other.label} » — {mode_text(view, lang, code)}")
            continue
        code, certainty = view.summary(item, year)
        pairs = view.assessments(item, year)
        if code:
            firmness = certainty_label(lang, certainty or "unspecified", view.basis(item, year))
            line = f"• {year} : *{mode_text(view, lang, code)}* ({firmness})"
        elif item.block and any(a.mode for _, a in pairs):
            modes = sorted({a.mode for _, a in pairs if a.mode})
            line = f"• {year} : {t(lang, 'modes variés selon les activités', 'mixed modes')} ({', '.join(modes)})"
        else:
            line = f"• {year} : {t(lang, 'non précisé', 'not stated')}"
        if code and previous and code != previous:
            line += t(lang, f" — change : {previous} → {code}", f" — change: {previous} → {code}")
        lines.append(line)
        for _, assessment in pairs:
            if assessment.rationale and code and code != previous:
                lines.append(f"   _{assessment.rationale}_")
                break
        for _, assessment in pairs:
            for s in assessment_sources(assessment):
                if (s.section, s.quote) not in kept:
                    kept.add((s.section, s.quote))
                    sources.append(s)
        previous = code or previous
    if any(view.basis(item, y) in WEAK_BASES for y in item.years if view.summary(item, y)[0]):
        lines.append(weak_note(lang))
    if not sources:  # silent every year: say so once, and show the nearest narrative instead of a mode
        lines.append(
            t(
                lang,
                "Le texte ne donne le mode de gestion pour aucune de ces années. Ce qu'il dit de plus "
                "proche (sans donner de mode) :",
                "The text gives the management mode for none of these years. The nearest it says (no mode):",
            )
        )
        sources = [Source(section=p.section, quote=p.text) for p in view.nearest_passages(item, None, limit=2)]
    return Answer(
        intent="evolution",
        lang=lang,
        function=view.function_ref(item.function),
        process=view.process_ref(item),
        text="\n".join(lines),
        sources=sources[:5],
    )


def function_header(lang: str, fn: Function) -> str:
    return f"*{fn.label}*" + (f" ({fn.label_en})" if lang == "en" else "")


def refs(items: list[tuple[str, str]]) -> list[Ref]:
    return [Ref(id=i, label=label) for i, label in items]
