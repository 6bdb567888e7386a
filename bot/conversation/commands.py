"""Slash commands, as plain functions `(text, invocation) -> Reply`, in one registry.

The top of the conversation core: it imports the features (maps, tracking) that provide commands, and nothing
below imports it. The Slack handler registers every command of COMMANDS, the console routes `/name text` through
`run_command`, and the manifest test checks COMMANDS against manifest.json and the docs.
A new command is one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.conversation.answers import answer_reply
from bot.conversation.blocks import CommandHelp, build_help_blocks, escape
from bot.conversation.maps import run_carto
from bot.conversation.reply import Invocation, Reply, error_reply
from bot.engine.answer import Lang
from bot.tracking.admin import run_admin
from bot.tracking.commands import run_engagement
from bot.tracking.report import run_rapport
from bot.verification.actions import with_verification
from bot.verification.commands import run_verif

HELP_WORDS = {"": "fr", "aide": "fr", "?": "fr", "help": "en"}


@dataclass(frozen=True)
class Command:
    """`in_ack`: the command is quick (a question, or a write); Slack gets its reply in the acknowledgement itself
    (after the commit, so that a committed write always comes with its confirmation and an uncommitted one never
    does), and nothing is left to deliver afterwards."""

    name: str
    usage_hint: str
    description: str
    run: Callable[[str, Invocation], Reply]
    in_ack: bool = False


def run_srom(text: str, invocation: Invocation) -> Reply:
    """`/srom <question>`: the answer, visible to the asker, with a share button; alone or `aide`: the help."""
    question = " ".join(text.split())
    if question.lower() in HELP_WORDS:
        return help_reply(HELP_WORDS[question.lower()])  # type: ignore[arg-type]
    return with_verification(answer_reply(question, surface="ephemeral"), invocation)


TRACKING_COMMANDS = (
    Command(
        name="/srom-engagement",
        usage_hint="[<ID> <statut> [<pourcentage>%] <commentaire> | liste | historique <ID> | aide]",
        description="Suivre les engagements du SROM : mettre à jour, lister, historique",
        run=run_engagement,
        in_ack=True,
    ),
    Command(
        name="/srom-rapport",
        usage_hint="[année] [fonction]",
        description="Rapport annuel au Bureau sur les engagements (directeurs, administrateurs)",
        run=run_rapport,
    ),
    Command(
        name="/srom-admin",
        usage_hint="list | referent add @personne <FONCTION> | director add @personne",
        description="Gérer les référents, directeurs et administrateurs du suivi",
        run=run_admin,
        in_ack=True,
    ),
)

COMMANDS: dict[str, Command] = {
    command.name: command
    for command in (
        Command(
            name="/srom",
            usage_hint="<question>",
            description="Poser une question sur le SROM (/srom aide : l'aide)",
            run=run_srom,
            in_ack=True,  # an answer is ready in well under a millisecond: one round trip
        ),
        Command(
            name="/srom-carto",
            usage_hint="<fonction> [année|comparaison]",
            description="La carte d'une fonction, activités colorées par mode (ex. : /srom-carto RH 2017)",
            run=run_carto,
        ),
        *TRACKING_COMMANDS,
        Command(
            name="/srom-verif",
            usage_hint="[<activité> <année> <mode> <source> | couverture | demandes | historique <activité> <année>]",
            description="Renseigner ou corriger le mode d'une activité (référents), couverture de la cartographie",
            run=run_verif,
            in_ack=True,  # an attestation is a write: committed, then "enregistré" in the ack itself
        ),
    )
}


def command_help() -> list[CommandHelp]:
    return [(c.name, c.usage_hint, c.description) for c in COMMANDS.values()]


def help_reply(lang: Lang = "fr") -> Reply:
    text = "Aide de l'assistant SROM" if lang == "fr" else "SROM assistant help"
    return Reply(text=text, blocks=build_help_blocks(command_help(), lang), lang=lang)


def answers_in_ack(name: str) -> bool:
    command = COMMANDS.get(name.lower())
    return command is not None and command.in_ack


def run_command(name: str, text: str, invocation: Invocation) -> Reply:
    command = COMMANDS.get(name.lower())
    if command is None:
        known = ", ".join(f"`{n}`" for n in COMMANDS)
        return error_reply(message=f"Commande inconnue : `{escape(name[:40])}`. Commandes disponibles : {known}.")
    return command.run(text, invocation)
