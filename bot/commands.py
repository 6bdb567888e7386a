"""Slash commands, as plain functions `(text, invocation) -> Reply`, in one registry.

The Slack handler registers every command of COMMANDS, the console routes `/name text` through `run_command`,
and the manifest test checks COMMANDS against manifest.json and the docs. A new command is one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .blocks import CommandHelp
from .maps import run_carto
from .replies import Invocation, Reply, answer_reply, error_reply, help_reply

HELP_WORDS = {"": "fr", "aide": "fr", "?": "fr", "help": "en"}


@dataclass(frozen=True)
class Command:
    name: str
    usage_hint: str
    description: str
    run: Callable[[str, Invocation], Reply]


def run_srom(text: str, invocation: Invocation) -> Reply:
    """`/srom <question>`: the answer, visible to the asker, with a share button; alone or `aide`: the help."""
    question = " ".join(text.split())
    if question.lower() in HELP_WORDS:
        return help_reply(HELP_WORDS[question.lower()])  # type: ignore[arg-type]
    return answer_reply(question, surface="ephemeral")


def _tracking_commands() -> tuple[Command, ...]:
    from .tracking.admin import run_admin
    from .tracking.commands import run_engagement
    from .tracking.report import run_rapport

    return (
        Command(
            name="/srom-engagement",
            usage_hint="[<ID> <statut> [<pourcentage>%] <commentaire> | liste | historique <ID> | aide]",
            description="Suivre les engagements du SROM : mettre à jour, lister, historique",
            run=run_engagement,
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
        ),
    )


TRACKING_COMMANDS = _tracking_commands()

COMMANDS: dict[str, Command] = {
    command.name: command
    for command in (
        Command(
            name="/srom",
            usage_hint="<question>",
            description="Poser une question sur le SROM (/srom aide : l'aide)",
            run=run_srom,
        ),
        Command(
            name="/srom-carto",
            usage_hint="<fonction> [année|comparaison]",
            description="La carte d'une fonction, activités colorées par mode (ex. : /srom-carto RH 2017)",
            run=run_carto,
        ),
        *TRACKING_COMMANDS,
    )
}


def command_help() -> list[CommandHelp]:
    return [(c.name, c.usage_hint, c.description) for c in COMMANDS.values()]


def run_command(name: str, text: str, invocation: Invocation) -> Reply:
    command = COMMANDS.get(name.lower())
    if command is None:
        known = ", ".join(f"`{n}`" for n in COMMANDS)
        return error_reply(message=f"Commande inconnue : `{name}`. Commandes disponibles : {known}.")
    return command.run(text, invocation)
