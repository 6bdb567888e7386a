"""`/srom-admin bureau add|list|remove <date>`, `/srom-admin bureau canal #canal|aucun` and
`/srom-admin rappels` (who opted out of or paused the reminders): the admins' side of nudges."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from bot.conversation.blocks import context, section
from bot.conversation.reply import Invocation, Reply
from bot.tracking.parse import InputError, show
from reports.formats import french_date
from storage import nudges as store

ADD = {"add", "ajouter", "ajoute"}
REMOVE = {"remove", "retirer", "retire", "supprimer", "enlever"}
LIST = {"list", "liste", ""}
CHANNEL = {"canal", "channel"}
CHANNEL_RE = re.compile(r"^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$|^([CG][A-Z0-9]{2,})$")
USAGE = (
    "`/srom-admin bureau add 2026-12-12` · `/srom-admin bureau remove 2026-12-12` · `/srom-admin bureau list` · "
    "`/srom-admin bureau canal #direction` (la synthèse de la veille dans ce canal ; `aucun` : en message direct "
    "à chaque directeur)"
)


def parse_day(text: str) -> date:
    for form in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, form).date()
        except ValueError:
            continue
    raise InputError(f"« {show(text, 30)} » n'est pas une date : écrivez-la 2026-12-12 (ou 12/12/2026).")


def run_bureau(invocation: Invocation, words: list[str]) -> Reply:
    """Admins only (the caller checked)."""
    verb = words[0].lower() if words else ""
    db, actor = invocation.db(), invocation.user_id
    if verb in LIST:
        return _list(invocation)
    if verb in CHANNEL and len(words) == 2:
        if words[1].lower() in ("aucun", "none"):
            store.set_setting(db, actor, store.DIRECTORS_CHANNEL, None)
            return _done("La synthèse de la veille du Bureau ira en message direct à chaque directeur.")
        found = CHANNEL_RE.match(words[1])
        if not found:
            raise InputError(f"« {show(words[1], 40)} » n'est pas un canal : écrivez `#nom-du-canal`.\n{USAGE}")
        channel = found.group(1) or found.group(2)
        store.set_setting(db, actor, store.DIRECTORS_CHANNEL, channel)
        return _done(f"La synthèse de la veille du Bureau ira dans <#{channel}> (invitez-y le bot).")
    if (verb not in ADD and verb not in REMOVE) or len(words) != 2:
        raise InputError(f"Commande non reconnue : « {show(' '.join(words), 60)} ».\n{USAGE}")
    day = parse_day(words[1])
    if verb in ADD:
        if day <= datetime.now(UTC).date():
            raise InputError(f"Le {french_date(day)} est passé : donnez la date d'une prochaine réunion.")
        try:
            store.add_bureau_date(db, actor, day)
        except store.BureauDateError:
            raise InputError(f"Le Bureau du {french_date(day)} est déjà inscrit.") from None
        return _done(f"Bureau du {french_date(day)} inscrit : les référents seront relancés avant.")
    try:
        store.remove_bureau_date(db, actor, day)
    except store.BureauDateError:
        raise InputError(
            f"Aucun Bureau inscrit le {french_date(day)}. `/srom-admin bureau list` : les dates."
        ) from None
    return _done(f"Bureau du {french_date(day)} retiré.")


def _done(text: str) -> Reply:
    return Reply(text=text, blocks=[section("✅ " + text)])


def _list(invocation: Invocation) -> Reply:
    db = invocation.db()
    today = datetime.now(UTC).date()
    days = [d for d in store.bureau_dates(db) if d >= today]
    lines = ["*Prochaines réunions du Bureau*"] + [f"• {french_date(d)}" for d in days]
    if not days:
        lines.append("_aucune_ — `/srom-admin bureau add 2026-12-12`")
    channel = store.get_setting(db, store.DIRECTORS_CHANNEL)
    where = f"dans <#{channel}>" if channel else "en message direct à chaque directeur"
    return Reply(
        text="Réunions du Bureau", blocks=[section("\n".join(lines)), context(f"Synthèse de la veille : {where}.")]
    )


def run_reminders_list(invocation: Invocation) -> Reply:
    """Who opted out of the reminders, who paused them, and until when."""
    prefs = store.all_prefs(invocation.db())
    today = datetime.now(UTC).date().isoformat()
    out = sorted(p.user_id for p in prefs.values() if p.opted_out_at)
    paused = sorted((p.snoozed_until, p.user_id) for p in prefs.values() if p.snoozed_until and p.snoozed_until > today)
    lines = [
        "*Rappels de mise à jour*",
        "*Ne veulent plus de rappels* : " + (", ".join(f"<@{u}>" for u in out) or "personne"),
    ]
    lines.append("*En pause* : " + (", ".join(f"<@{u}> (jusqu'au {french_date(d)})" for d, u in paused) or "personne"))
    return Reply(text="Rappels de mise à jour", blocks=[section("\n".join(lines))])
