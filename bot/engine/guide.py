"""Help, out-of-scope, clarification and full-text fallback answers."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from bot.engine.answer import Answer, Ref, Source
from bot.engine.replies import t
from bot.engine.search import SearchHit
from srom_data.models import Function
from srom_data.text import fold

EXAMPLES_FR = (
    "mode pour la paie en 2017 ?",
    "évolution de la gestion des compétences",
    "c'est quoi la mutualisation ?",
    "qu'est-ce qui est harmonisé en 2021 ?",
    "qui arbitre ?",
    "quelles activités couvre la fonction SI ?",
    "engagements RH pour 2021 ?",
)
EXAMPLES_EN = (
    "mode for payroll in 2017?",
    "how did skills management evolve?",
    "what does pooling mean?",
    "who arbitrates?",
    "HR commitments for 2021?",
)


def examples(lang: str) -> str:
    return "\n".join(f"• _{e}_" for e in (EXAMPLES_EN if lang == "en" else EXAMPLES_FR))


def help_answer(lang: str, region: str) -> Answer:
    text = t(
        lang,
        f"Bonjour ! Je réponds aux questions sur le SROM de la CCI {region} : le mode de gestion de chaque "
        "activité (2013, 2017, 2021), la gouvernance, les engagements. Chaque réponse cite le texte ; "
        "quand le texte ne dit rien, je le dis.\nPar exemple :\n" + examples(lang),
        f"Hello! I answer questions about the SROM of the CCI {region}: each activity's management mode "
        "(2013, 2017, 2021), the governance, the commitments. Every answer quotes the text; when the text is "
        "silent, I say so.\nFor example:\n" + examples(lang),
    )
    return Answer(intent="help", lang=lang, text=text)


def thanks_answer(lang: str) -> Answer:
    """A thank-you that asks nothing: a short word back, and what else can be asked."""
    text = t(
        lang,
        "Avec plaisir ! Une autre question sur le SROM ? Par exemple :\n" + examples(lang),
        "You're welcome! Anything else about the SROM? For example:\n" + examples(lang),
    )
    return Answer(intent="help", lang=lang, text=text)


def unknown_answer(lang: str) -> Answer:
    text = t(
        lang,
        "Je n'ai rien trouvé dans le SROM sur cette question : je ne réponds qu'à partir du document. "
        "Essayez par exemple :\n" + examples(lang),
        "I found nothing in the SROM about that: I only answer from the document. Try for example:\n" + examples(lang),
    )
    return Answer(intent="unknown", lang=lang, text=text)


def not_in_text(lang: str) -> Answer:
    """A question about the SROM itself that no passage answers ("le SROM parle du télétravail ?"): in scope, and the
    text is silent; said so, with what the bot can answer."""
    text = t(
        lang,
        "Le SROM n'en dit rien : aucun passage du document ne traite de cette question, et je ne complète pas le "
        "texte. Essayez par exemple :\n" + examples(lang),
        "The SROM says nothing about that: no passage of the document deals with it, and I do not fill in the text. "
        "Try for example:\n" + examples(lang),
    )
    return Answer(intent="fallback_search", lang=lang, text=text)


def not_on_maps(
    lang: str,
    functions: Mapping[str, Function],
    year: int | None = None,
    history: bool = False,
    mentions: list[SearchHit] | None = None,
    words: list[str] | None = None,
) -> Answer:
    """A mode asked of something no map of the SROM holds, as far as the engine can tell ("mode de gestion de
    l'archivage ?"), or its history ("le courrier, ça a bougé depuis 2013 ?"): said so, with what the maps do cover.
    Nothing is guessed, and the asker's words are not echoed. `mentions`: the passages of the narrative that speak
    of it ("la messagerie", one tool per function in the IT part), cut around its `words`, with their function's map."""
    cannot = (
        t(lang, "en retracer les modes d'une carte à l'autre, et je ne les devine pas", "trace its modes over the maps")
        if history
        else t(lang, "vous en donner le mode, et je ne le devine pas", "give its mode")
    )
    lead = t(
        lang,
        f"Je ne trouve aucune activité de ce nom sur les cartes du SROM : je ne peux donc pas {cannot}.",
        f"I find no activity of that name on the SROM's maps, so I cannot {cannot}, and I do not guess.",
    )
    kind = "evolution" if history else "mode_lookup"
    owners = {h.passage.function for h in mentions or ()}
    owner = functions.get(owners.pop() or "") if len(owners) == 1 else None
    if mentions:
        said = _passages(
            lang,
            t(lang, "Le SROM en parle ailleurs :", "The SROM speaks of it elsewhere (in French):"),
            mentions,
            words,
        )
        look = (
            t(
                lang,
                f"Les activités de cette fonction : _carte {owner.id} {year or 2017}_.",
                f"That function's activities: _{owner.id} map {year or 2017}_.",
            )
            if owner
            else ""
        )
        return said.model_copy(
            update={
                "intent": kind,
                "text": "\n".join(x for x in (lead, said.text, look) if x),
                "year": year,
                "function": Ref(id=owner.id, label=owner.label) if owner else None,
            }
        )
    names = ", ".join(f.label_en if lang == "en" and f.label_en else f.label for f in functions.values())
    text = t(
        lang,
        f"{lead}\nLes cartes couvrent cinq fonctions support : {names}.\n"
        "Pour voir les activités d'une fonction : _structure RH_, _carte SI 2017_.",
        f"{lead}\nThe maps cover five support functions: {names}.\n"
        "To see a function's activities: _HR structure_, _IT map 2017_.",
    )
    # the year asked stays the conversation's: "et la flotte de véhicules en 2021 ?" then "et la paie ?"
    return Answer(intent=kind, lang=lang, text=text, year=year)


def clarification(
    lang: str, candidates: list[Ref], followups: dict[str, str], what: str, unsure: bool = False
) -> Answer:
    if unsure:
        head = t(
            lang, "Je ne suis pas sûr de comprendre. Vouliez-vous dire :", "I'm not sure I understood. Did you mean:"
        )
    else:
        head = t(
            lang,
            f"« {what} » peut désigner plusieurs choses. Laquelle ?",
            f"“{what}” may mean several things. Which one?",
        )
    lines = [head]
    lines.extend(f"{i}. {c.label}" for i, c in enumerate(candidates, 1))
    return Answer(intent="clarification", lang=lang, candidates=candidates, followups=followups, text="\n".join(lines))


def fallback(
    lang: str,
    hits: list[SearchHit],
    functions: Mapping[str, Function],
    lead: str | None = None,
    around: list[str] | None = None,
) -> Answer:
    """The passages found; `lead`, a sentence of the knowledge base that sums them up, heads them; each cut around
    the first of the words `around` if given."""
    if lead:
        head = t(lang, f"*{lead}*\nCe que dit le SROM :", f"*{lead}*\nWhat the SROM says (in French):")
    else:
        head = t(
            lang,
            "Je n'ai pas de réponse structurée, mais voici ce que dit le SROM :",
            "I have no structured answer, but here is what the SROM says (in French):",
        )
    top = functions.get(hits[0].passage.function or "") if hits else None
    answer = _passages(lang, head, hits, around)
    return answer.model_copy(update={"function": Ref(id=top.id, label=top.label) if top else None})


def reasons(lang: str, label: str, hits: list[SearchHit]) -> Answer:
    """ "pourquoi ?" about an activity or a block: the passages its modes are cited from, which say why."""
    head = t(
        lang,
        f"Pourquoi — *{label}* : ce que dit le SROM, là où il parle de ce mode de gestion :",
        f"Why — *{label}*: what the SROM says where it speaks of this management mode (in French):",
    )
    return _passages(lang, head, hits)


def _passages(lang: str, head: str, hits: list[SearchHit], around: list[str] | None = None) -> Answer:
    """A narrative answer: a head line, then each passage (cut at 300 characters, around the first of the words
    `around` if given), each one a source."""
    lines = [head]
    sources = []
    for hit in hits:
        p = hit.passage
        excerpt = _excerpt(p.text, around or [])
        lines.append(f"• _{p.section}_ : « {' '.join(excerpt.split())} »")
        sources.append(Source(section=p.section, quote=p.text))
    return Answer(intent="fallback_search", lang=lang, text="\n".join(lines), sources=sources)


@cache  # the passages are the document's: a few hundred texts, each folded once rather than on every answer
def _folded_in_place(text: str) -> str:
    """The text folded one character at a time, so that a place in the folded text is the same place in the text."""
    return "".join(fold(c)[:1] or " " for c in text)


def _excerpt(text: str, words: list[str], size: int = 300) -> str:
    """The passage, or `size` characters of it starting a little before the first of the (folded) words it holds."""
    if len(text) <= size:
        return text
    start = 0
    folded = _folded_in_place(text) if words else ""  # each passage folded once, and only to cut around words
    found = [m.start() for w in words if (m := re.search(rf"\b{re.escape(w[:6])}", folded))]
    if found and min(found) > size - 60:
        start = text.rfind(" ", 0, max(min(found) - 80, 0)) + 1
    cut = text[start : start + size - 3].rsplit(" ", 1)[0]
    return ("…" if start else "") + cut + ("…" if start + len(cut) < len(text) else "")
