"""`/srom-admin`: référents, directors and admins, and new commitments for a new mandate. Admins only, except
`list`, which anyone may read (it says whom to ask)."""

from __future__ import annotations

import re

from bot.conversation.blocks import context, escape, section
from bot.conversation.reply import Invocation, Reply, error_reply
from bot.tracking.access import Actor, may_administer, refuse_admin
from bot.tracking.blocks import build_roles_blocks
from bot.tracking.bureau import run_bureau, run_reminders_list
from bot.tracking.commands import BUSY, audit_input, labels
from bot.tracking.parse import InputError, normalize_id, parse_user, resolve_function, show, stored_text
from storage import roles
from storage.commitments import (
    AlreadyRetired,
    CommitmentConflict,
    CommitmentNotFound,
    InvalidCommitment,
    add_commitment,
    retire_commitment,
)
from storage.tx import StorageBusy

ROLE_WORDS = {
    "referent": "referent",
    "référent": "referent",
    "referente": "referent",
    "référente": "referent",
    "director": "director",
    "directeur": "director",
    "directrice": "director",
    "admin": "admin",
    "administrateur": "admin",
}
ADD = {"add", "ajouter", "ajoute"}
REMOVE = {"remove", "retirer", "retire", "supprimer", "enlever"}
CCI_SPLIT = re.compile(r"\s+(?=CCI\b)", re.IGNORECASE)
USAGE = (
    "*Administration du suivi*\n"
    "• `/srom-admin list` : les rôles\n"
    "• `/srom-admin referent add @personne &lt;FONCTION&gt; [CCI …]`\n"
    "• `/srom-admin referent remove @personne &lt;FONCTION&gt;`\n"
    "• `/srom-admin director add @personne` · `/srom-admin director remove @personne`\n"
    "• `/srom-admin admin add @personne` · `/srom-admin admin remove @personne`\n"
    "• `/srom-admin engagement add &lt;ID&gt; &lt;titre&gt;` : un nouvel engagement (nouveau mandat) ; "
    "un engagement publié ne change jamais\n"
    "• `/srom-admin bureau add 2026-12-12` · `bureau list` · `bureau remove 2026-12-12` · `bureau canal #canal` : "
    "les réunions du Bureau (relance des référents avant, synthèse aux directeurs la veille)\n"
    "• `/srom-admin rappels` : qui a mis en pause ou refusé les rappels\n"
    "• `/srom-admin engagement retire &lt;ID&gt; &lt;motif&gt;` : un engagement qui prend fin (mandat terminé) ; "
    "son historique est gardé, il sort des rapports des années suivantes"
)


def run_admin(text: str, invocation: Invocation) -> Reply:
    words = text.split()
    head = words[0].lower() if words else ""
    try:
        if head in ("", "aide", "help", "?"):
            return Reply(text="Administration du suivi", blocks=[section(USAGE)])
        db, actor = invocation.db(), Actor.of(invocation)
        if head in ("list", "liste"):
            return Reply(text="Rôles du suivi", blocks=build_roles_blocks(roles.list_grants(db), labels()))
        if not may_administer(db, actor):
            return error_reply(message=refuse_admin(db, actor, text))
        if head in ("engagement", "commitment"):
            if len(words) > 1 and words[1].lower() in REMOVE | {"retirement", "clore", "clôturer"}:
                return _retire_commitment(invocation, words[2:])
            return _add_commitment(invocation, words[1:])
        if head == "bureau":
            return run_bureau(invocation, words[1:])
        if head in ("rappels", "nudges"):
            return run_reminders_list(invocation)
        return _change_role(invocation, words)
    except InputError as exc:
        audit_input(invocation, f"/srom-admin {text}", exc.message)
        return error_reply(message=exc.message)
    except StorageBusy:
        return error_reply(message=BUSY)


def _change_role(invocation: Invocation, words: list[str]) -> Reply:
    role = ROLE_WORDS.get(words[0].lower())
    verb = words[1].lower() if len(words) > 1 else ""
    if role is None or (verb not in ADD and verb not in REMOVE) or len(words) < 3:
        raise InputError(f"Commande d'administration non reconnue : « {show(' '.join(words), 80)} ».\n{USAGE}")
    user = parse_user(words[2])
    scope, cci = "", None
    rest = " ".join(words[3:])
    if role == "referent":
        if not rest:
            raise InputError("Précisez la fonction : `/srom-admin referent add @personne RH`.")
        function_text, cci_text = _split_cci(rest)
        scope = resolve_function(function_text, labels())
        cci = stored_text(cci_text, "Le nom de la CCI")[:120] or None
    db, actor = invocation.db(), Actor.of(invocation)
    granted_by = actor.user_id
    what = _role_name(role) + (f" de {labels().get(scope, scope)} ({scope})" if scope else "")
    if verb in ADD:
        changed = roles.grant(db, granted_by, user, role, scope, cci)  # type: ignore[arg-type]
        done = f"<@{user}> est maintenant {what}." if changed else f"<@{user}> était déjà {what}."
    else:
        try:
            changed = roles.revoke(db, granted_by, user, role, scope)  # type: ignore[arg-type]
        except roles.RoleError:
            raise InputError("Impossible de retirer le dernier administrateur : nommez-en d'abord un autre.") from None
        done = f"<@{user}> n'est plus {what}." if changed else f"<@{user}> n'était pas {what}."
    return Reply(text=done, blocks=[section(("✅ " if changed else "ℹ️ ") + done)])


def _split_cci(rest: str) -> tuple[str, str]:
    """`RH CCI Nantes St-Nazaire` → ("RH", "CCI Nantes St-Nazaire"): function names never contain "CCI"."""
    parts = CCI_SPLIT.split(rest, maxsplit=1)
    cci = parts[1] if len(parts) > 1 else ""
    return parts[0], cci


def _role_name(role: str) -> str:
    return {"referent": "référent", "director": "directeur", "admin": "administrateur"}[role]


def _add_commitment(invocation: Invocation, words: list[str]) -> Reply:
    if len(words) < 3 or words[0].lower() not in ADD:
        raise InputError(
            "Écrivez : `/srom-admin engagement add &lt;ID&gt; &lt;titre&gt;`, par exemple `RH-4 Former les managers`."
        )
    commitment_id = normalize_id(words[1])
    names = labels()
    if commitment_id is None or commitment_id.split("-")[0] not in names:
        raise InputError(
            f"« {show(words[1])} » n'est pas un numéro d'engagement : &lt;FONCTION&gt;-&lt;n&gt;, la fonction parmi "
            f"{', '.join(names)}."
        )
    title = stored_text(" ".join(words[2:]), "Le titre")
    db, actor = invocation.db(), Actor.of(invocation)
    try:
        added = add_commitment(db, actor.user_id, commitment_id, commitment_id.split("-")[0], title)
    except CommitmentConflict:
        raise InputError(
            f"L'engagement `{commitment_id}` est déjà publié et ne change pas : choisissez un nouveau numéro."
        ) from None
    except InvalidCommitment:
        raise InputError("Le titre doit faire de 3 à 200 caractères.") from None
    text = f"Engagement `{added.id}` ajouté : {escape(added.title)}"
    return Reply(
        text=text, blocks=[section("✅ " + text), context("Les référents peuvent maintenant le mettre à jour.")]
    )


def _retire_commitment(invocation: Invocation, words: list[str]) -> Reply:
    example = "`/srom-admin engagement retire RH-4 mandat 2021-2026 terminé`"
    if len(words) < 2:
        raise InputError(f"Écrivez l'engagement et le motif : {example}.")
    commitment_id = normalize_id(words[0])
    if commitment_id is None:
        raise InputError(f"« {show(words[0])} » n'est pas un numéro d'engagement. Exemple : {example}.")
    db, actor = invocation.db(), Actor.of(invocation)
    try:
        retired = retire_commitment(db, actor.user_id, commitment_id, " ".join(words[1:]))
    except CommitmentNotFound:
        raise InputError(f"L'engagement `{commitment_id}` n'existe pas. La liste : `/srom-engagement liste`.") from None
    except AlreadyRetired:
        raise InputError(f"L'engagement `{commitment_id}` est déjà retiré : rien n'a changé.") from None
    except InvalidCommitment:
        raise InputError(f"Le motif doit faire de 3 à 300 caractères. Exemple : {example}.") from None
    text = f"Engagement `{retired.id}` retiré : {escape(retired.title)}"
    note = (
        f"Motif : {escape(retired.retired_reason or '')}. "
        "Son historique est gardé ; il sort des rapports des années suivantes."
    )
    return Reply(text=text, blocks=[section("✅ " + text), context(note)])
