"""Answers about the governance: who does what, which bodies there are."""

from __future__ import annotations

from bot.engine.answer import Answer, Ref, Source
from bot.engine.lookup import KnowledgeView, ref, source
from bot.engine.replies import t
from srom_data.models import Fact, Instance, Passage, Role
from srom_data.text import fold


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
        sources.extend(source(e.section, e.quote) for e in fact.evidence)
        named.extend(view.instances[i] for i in fact.instances if view.instances[i] not in named)
    if roles:
        for inst, role in roles[:6]:
            lines.append(f"• *{inst.label}* — {role.text}")
            sources.append(source(role.evidence.section, role.evidence.quote))
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
                sources.append(source(role.evidence.section, role.evidence.quote))
            for ren in inst.renamed_from:
                lines.append(t(lang, f"_Anciennement {ren.old}._", f"_Formerly {ren.old}._"))
            if not (inst.roles or inst.composition or inst.renamed_from):
                # "que fait la commission des finances ?": the text only names it; said so, with where it does
                lines.append(t(lang, "Le SROM la nomme sans décrire son rôle :", "The SROM names it without its role:"))
                sources.extend(Source(section=p.section, quote=p.text) for p in _naming(view, inst)[:1])
    if lang == "en" and lines:  # the document's own words stay French; the asker is told so in English
        lines.insert(0, "From the SROM's governance (quoted in French):")
    # each text once, where it first comes (by its fields: asking a model's equality is slow)
    unique = list({(s.section, s.quote): s for s in sources}.values())
    return Answer(
        intent="governance",
        lang=lang,
        instances=[ref(i.id, i.label) for i in named],
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


def verb_stem(verb: str) -> str:
    v = fold(verb).split()[0]
    for suffix in ("er", "ir", "re"):
        if v.endswith(suffix) and len(v) > 5:
            return v[: -len(suffix)]
    return v


def _naming(view: KnowledgeView, inst: Instance) -> list[Passage]:
    """The passages that name a body word for word."""
    name = fold(inst.label).lower()
    return [p for p, text in view.folded_passages if name in text]
