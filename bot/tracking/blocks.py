"""Block Kit for commitment tracking replies: what was recorded, lists, history, help, roles. Pure functions."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from bot.conversation.blocks import button, context, escape, section, shorten, split_text
from reports.formats import french_date, percent
from storage.commitments import StoredCommitment
from storage.progress import Entry, Recorded
from storage.roles import Grant
from storage.statuses import EMOJI, PERCENT_RULE, accepted_spellings, label

ACTION_RECORD_AGAIN = "srom_record_again"
MAX_REPLY_BLOCKS = 45
COMMENT_PREVIEW = 140


def state_text(entry: Entry | None, lang: str = "fr") -> str:
    """🔵 en cours · 40 % · 28 novembre 2026, or 'pas encore de mise à jour'."""
    if entry is None:
        return "pas encore de mise à jour" if lang == "fr" else "no update yet"
    when = french_date(entry.created_at)
    return f"{EMOJI[entry.status]} {label(entry.status, lang)} · {percent(entry.percent)} · {when}"


def status_line(entry: Entry | None) -> str | None:
    """The engine's one-line status of a commitment (None when never updated)."""
    if entry is None:
        return None
    return f"{label(entry.status)}, {percent(entry.percent)} au {french_date(entry.created_at)}"


def _by(entry: Entry) -> str:
    return escape(entry.author_name or entry.author_id)


def build_recorded_blocks(recorded: Recorded, commitment: StoredCommitment, lang: str = "fr") -> list[dict]:
    entry, previous = recorded.entry, recorded.previous
    head = "✅ Enregistré" if lang == "fr" else "✅ Recorded"
    if recorded.duplicate:
        head = "☑️ Déjà enregistré (même demande reçue deux fois)" if lang == "fr" else "☑️ Already recorded"
    if recorded.retyped:
        return _retyped_blocks(recorded, commitment, lang)
    blocks = [
        section(f"{head} — *{commitment.id}* {escape(shorten(commitment.title, 120))}\n{state_text(entry, lang)}"),
        context(f"« {escape(shorten(entry.comment, 300))} » — {_by(entry)}"),
    ]
    if previous is None:
        before = "Première mise à jour de cet engagement." if lang == "fr" else "First update of this commitment."
    else:
        word = "Avant" if lang == "fr" else "Before"
        before = f"{word} : {state_text(previous, lang)} ({_by(previous)})"
    blocks.append(context(before))
    return blocks


def _retyped_blocks(recorded: Recorded, commitment: StoredCommitment, lang: str) -> list[dict]:
    """The update repeats the author's latest entry: already recorded, nothing added; a button records it anew."""
    entry = recorded.entry
    when = french_date(entry.created_at)
    if lang == "fr":
        head = f"☑️ Déjà enregistré le {when} — *{commitment.id}* {escape(shorten(commitment.title, 120))}"
        note = "Même statut, pourcentage et commentaire que votre dernière mise à jour : je n'ajoute rien."
        label_ = "C'est une nouvelle mise à jour : l'enregistrer"
    else:
        head = f"☑️ Already recorded on {when} — *{commitment.id}* {escape(shorten(commitment.title, 120))}"
        note = "Same status, percent and comment as your latest update: nothing added."
        label_ = "It is a new update: record it"
    return [
        section(f"{head}\n{state_text(entry, lang)}"),
        context(f"« {escape(shorten(entry.comment, 300))} » — {_by(entry)}"),
        context(note),
        {
            "type": "actions",
            "block_id": "srom_record_again",
            "elements": [button(label_, ACTION_RECORD_AGAIN, json.dumps({"e": entry.id}))],
        },
    ]


def recorded_text(recorded: Recorded, commitment: StoredCommitment) -> str:
    entry = recorded.entry
    word = "Déjà enregistré" if recorded.duplicate else "Enregistré"
    return f"{word} : {commitment.id} {label(entry.status)} {percent(entry.percent)}"


def build_list_blocks(
    items: Sequence[tuple[StoredCommitment, Entry | None]], labels: Mapping[str, str], function: str | None = None
) -> list[dict]:
    title = "*Engagements du SROM et leur dernier état*"
    if function:
        title = f"*Engagements — {escape(labels.get(function, function))}*"
    if not items:
        return [section(title + "\nAucun engagement.")]
    lines: list[str] = []
    current = None
    for commitment, entry in items:
        if commitment.function != current:
            current = commitment.function
            lines.append(f"\n*{escape(labels.get(current, current))}*")
        retired = f" · _retiré le {french_date(commitment.retired_at)}_" if commitment.retired_at else ""
        lines.append(f"• *{commitment.id}* {escape(shorten(commitment.title, 90))} — {state_text(entry)}{retired}")
    blocks = [section(title)] + [section(chunk) for chunk in split_text("\n".join(lines))]
    blocks = blocks[:MAX_REPLY_BLOCKS]
    blocks.append(
        context(
            "Détail : `/srom-engagement historique &lt;ID&gt;` · "
            "mise à jour : `/srom-engagement &lt;ID&gt; &lt;statut&gt;`"
        )
    )
    return blocks


def build_history_blocks(commitment: StoredCommitment, entries: Sequence[Entry]) -> list[dict]:
    head = f"*{commitment.id}* — {escape(commitment.title)}"
    if not entries:
        return [section(head), context("Pas encore de mise à jour.")]
    lines = [
        f"• {state_text(e)} — {_by(e)}"
        + (f" ({escape(e.cci)})" if e.cci else "")
        + f"\n    « {escape(shorten(e.comment, COMMENT_PREVIEW))} »"
        for e in entries
    ]
    blocks = [section(head)] + [section(chunk) for chunk in split_text("\n".join(lines))]
    return [*blocks[:MAX_REPLY_BLOCKS], context(f"{len(entries)} dernière(s) mise(s) à jour, la plus récente d'abord.")]


HELP_FR = (
    "*Suivi des engagements du SROM*\n"
    "• `/srom-engagement` : ouvre le formulaire de mise à jour (vos engagements)\n"
    "• `/srom-engagement &lt;ID&gt; &lt;statut&gt; [&lt;pourcentage&gt;%] &lt;commentaire&gt;` — par exemple "
    "`/srom-engagement RH-1 en cours 40% accord GPEC en négociation`\n"
    "• `/srom-engagement liste [fonction]` : chaque engagement et son dernier état\n"
    "• `/srom-engagement historique &lt;ID&gt;` : les dernières mises à jour d'un engagement\n"
    "• `/srom-rapport [année] [fonction]` : le rapport annuel au Bureau (directeurs, administrateurs)\n"
    "• `/srom-admin list` · `/srom-admin referent add @personne &lt;FONCTION&gt;` (administrateurs)"
)
HELP_EN = (
    "*SROM commitment tracking*\n"
    "• `/srom-engagement`: opens the update form (your commitments)\n"
    "• `/srom-engagement &lt;ID&gt; &lt;status&gt; [&lt;percent&gt;%] &lt;comment&gt;`, "
    "e.g. `/srom-engagement RH-1 in progress 40% GPEC agreement under negotiation`\n"
    "• `/srom-engagement list [function]` · `/srom-engagement history &lt;ID&gt;`\n"
    "• `/srom-rapport [year] [function]`: the annual Bureau report (directors, admins)"
)


def build_tracking_help_blocks(lang: str = "fr") -> list[dict]:
    if lang == "en":
        return [
            section(HELP_EN),
            context(
                "Statuses: not started, in progress, done, late, dropped. Percent: 0 to 100 followed by % "
                "(40%, 40 %, 40 pct); not started is 0 %, done is 100 %, in progress and late are below 100 %."
            ),
        ]
    return [
        section(HELP_FR),
        context(
            f"Statuts : {accepted_spellings()} (avec ou sans accents, ou en anglais). Pourcentage : un entier de 0 "
            f"à 100 suivi de %, « pourcent » ou « pct » (40%, 40 %, 40 pourcent). Statut et pourcentage vont "
            f"ensemble : {PERCENT_RULE}. Un commentaire qui commence par un nombre : commencez-le par un mot."
        ),
    ]


def build_roles_blocks(grants: Sequence[Grant], labels: Mapping[str, str]) -> list[dict]:
    admins = [g for g in grants if g.role == "admin"]
    directors = [g for g in grants if g.role == "director"]
    referents = [g for g in grants if g.role == "referent"]
    lines = ["*Rôles du suivi des engagements*"]
    lines.append("*Administrateurs* : " + (", ".join(f"<@{g.user_id}>" for g in admins) or "aucun"))
    lines.append("*Directeurs* : " + (", ".join(f"<@{g.user_id}>" for g in directors) or "aucun"))
    lines.append("*Référents* :")
    for code, name in labels.items():
        people = [f"<@{g.user_id}>" + (f" ({escape(g.cci)})" if g.cci else "") for g in referents if g.scope == code]
        lines.append(f"• {escape(name)} ({code}) : " + (", ".join(people) or "_aucun_"))
    return [section(chunk) for chunk in split_text("\n".join(lines))][:MAX_REPLY_BLOCKS]
